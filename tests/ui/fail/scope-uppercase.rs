use slack_methods::slack_method;

#[slack_method("chat.postMessage", scope = "Chat:Write")]
pub struct ChatPostMessage {
    pub channel: String,
    pub text: String,
}

fn main() {}
