use slack_methods::slack_method;

// `conversations.invite` takes its users as comma-separated text: sent as a JSON array
// (`["U1","U2"]`), they name no user Slack can find.
#[slack_method("conversations.invite")]
pub struct ConversationsInvite {
    pub channel: String,
    #[slack(json)]
    pub users: Vec<String>,
}

fn main() {}
