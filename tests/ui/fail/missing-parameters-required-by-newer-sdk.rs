use slack_methods::slack_method;

// Slack's 2020 spec left `channel` and `ts` optional; Slack's SDK requires them.
#[slack_method("chat.delete")]
pub struct ChatDelete {
    pub as_user: Option<bool>,
}

fn main() {}
