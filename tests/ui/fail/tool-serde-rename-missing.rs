use slack_methods::{slack_method, ChannelId};

// `#[slack(rename)]` alone: serde would read the field by its Rust name, and the tool call's
// `type` argument would be dropped.
#[slack_method("bookmarks.add", scope = "bookmarks:write")]
#[derive(serde::Deserialize)]
pub struct BookmarksAdd {
    pub channel_id: ChannelId,
    pub title: String,
    #[slack(rename = "type")]
    pub kind: String,
    pub link: Option<String>,
}

fn main() {}
