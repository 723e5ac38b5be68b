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

fn main() {}
