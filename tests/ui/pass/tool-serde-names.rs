// A binding that derives `Deserialize` (as a tool needs) reads each argument under its wire
// name however serde is told so; the macro accepts every spelling that agrees.
use slack_methods::{slack_method, ChannelId};

#[slack_method("bookmarks.add", scope = "bookmarks:write")]
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, rename_all(serialize = "camelCase"))]
pub struct BookmarksAdd {
    pub channel_id: ChannelId,
    pub title: String,
    #[slack(rename = "type")]
    #[serde(rename(serialize = "kind", deserialize = "type"))]
    pub kind: String,
    #[serde(alias = "link")]
    pub link: Option<String>,
    #[slack(skip)]
    #[serde(default)]
    pub note: String,
    #[slack(skip)]
    pub attempt: Option<u32>,
}

// A `rename_all` that leaves every field's name as it is.
#[slack_method("pins.remove")]
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PinsRemove {
    pub channel: ChannelId,
    pub timestamp: Option<String>,
}

// Without `Deserialize`, serde's names are not the tool's: nothing is checked.
#[slack_method("chat.postMessage")]
#[derive(serde::Serialize)]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    #[serde(rename = "message")]
    pub text: Option<String>,
}

fn main() {
    let read: BookmarksAdd = serde_json::from_value(serde_json::json!({
        "channel_id": "C0123ABCD",
        "title": "Docs",
        "type": "link",
        "link": "https://example.com",
    }))
    .unwrap();
    assert_eq!(read.kind, "link");
    assert_eq!(read.link.as_deref(), Some("https://example.com"));
    assert_eq!(read.note, "");
    // Writing is serde's own business: camelCase there, Slack's names when read.
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(written["channelId"], "C0123ABCD");
    assert_eq!(written["kind"], "link");
    let pins: PinsRemove = serde_json::from_value(serde_json::json!({
        "channel": "C0123ABCD",
        "timestamp": "1.000100",
    }))
    .unwrap();
    assert_eq!(pins.timestamp.as_deref(), Some("1.000100"));
}
