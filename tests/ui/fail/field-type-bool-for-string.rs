use slack_methods::slack_method;

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct ChatPostMessage {
    pub channel: String,
    pub text: bool,
}

fn main() {}
