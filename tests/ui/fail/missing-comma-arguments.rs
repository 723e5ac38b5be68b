use slack_methods::slack_method;

#[slack_method("conversations.list" paginated)]
pub struct ConversationsList {
    pub cursor: Option<String>,
}

fn main() {}
