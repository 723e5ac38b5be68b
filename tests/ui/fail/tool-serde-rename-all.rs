use slack_methods::{slack_method, ChannelId};

// `rename_all` would make serde read `thread_ts` as `threadTs`; `channel` and `text` are
// unchanged, so one error, at the rule.
#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    pub text: Option<String>,
    pub thread_ts: Option<String>,
    pub reply_broadcast: Option<bool>,
}

fn main() {}
