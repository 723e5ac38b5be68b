use slack_methods::slack_method;

#[slack_method("conversations.history", scope = "channels:history,groups:history")]
pub struct ConversationsHistory {
    pub channel: String,
}

fn main() {}
