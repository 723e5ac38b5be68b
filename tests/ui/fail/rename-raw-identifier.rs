// A parameter named after a Rust keyword is a raw identifier in Rust only; its wire name has no
// `r#`.
use slack_methods::slack_method;

#[slack_method("conversations.list")]
pub struct ConversationsList {
    #[slack(rename = "r#types")]
    pub kinds: Option<String>,
}

fn main() {}
