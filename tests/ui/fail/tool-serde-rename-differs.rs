use slack_methods::{slack_method, ChannelId};

// A tool call reads its arguments with the struct's `Deserialize`, under the wire names.
#[slack_method("bookmarks.add", scope = "bookmarks:write")]
#[derive(serde::Deserialize)]
pub struct BookmarksAdd {
    pub channel_id: ChannelId,
    pub title: String,
    #[slack(rename = "type")]
    #[serde(rename = "kind")]
    pub kind: String,
    pub link: Option<String>,
}

// Without `#[slack(rename)]`: when the serde name is another of the method's parameters, it may
// be the one meant for Slack, and the error also says how to send the field so. (Sent under a
// name the method lacks, the field gets the catalog's one error instead.)
#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    pub text: Option<String>,
    #[serde(rename = "thread")]
    pub thread_ts: Option<String>,
}

#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
pub struct ChatPostMessageMarkdown {
    pub channel: ChannelId,
    #[serde(rename = "markdown_text")]
    pub text: Option<String>,
}

#[slack_method("chat.postMessage")]
#[derive(serde::Deserialize)]
pub struct ChatPostMessageUnknown {
    pub channel: ChannelId,
    #[serde(rename = "text")]
    pub message: Option<String>,
}

fn main() {}
