use slack_methods::{slack_method, ChannelId};

// A parameter serde never reads: a tool call's `thread_ts` would be dropped.
#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    pub text: Option<String>,
    #[serde(skip)]
    pub thread_ts: Option<String>,
}

fn main() {}
