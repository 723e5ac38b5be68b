use slack_methods::slack_method;

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct ChatPostMessage {
    pub text: Option<String>,
}

fn main() {}
