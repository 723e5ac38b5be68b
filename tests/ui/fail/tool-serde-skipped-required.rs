use slack_methods::{slack_method, ChannelId};

// A field that is not a parameter is not in the tool's schema, so no call has it; serde must
// not require it.
#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    pub text: Option<String>,
    #[slack(skip)]
    pub attempt: u32,
}

fn main() {}
