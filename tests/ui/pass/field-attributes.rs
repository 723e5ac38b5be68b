// `rename`, `json` (plain and `Option`), `skip` and `unchecked` (parameters newer than the
// catalog); raw identifiers are sent without `r#`.
use slack_methods::__private::SlackMethod;
use slack_methods::{encode_params, slack_method};

#[derive(serde::Serialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[slack_method("chat.update", scope = "chat:write")]
pub struct ChatUpdate {
    pub channel: String,
    #[slack(rename = "ts")]
    pub timestamp: String,
    #[slack(json)]
    pub blocks: Vec<Block>,
    #[slack(json)]
    #[slack(unchecked)]
    pub metadata: Option<serde_json::Value>,
    #[slack(json)]
    pub attachments: Option<Vec<Block>>,
    #[slack(skip)]
    pub note: std::cell::Cell<u32>,
    #[slack(unchecked)]
    pub r#type: Option<String>,
}

fn main() {
    let update = ChatUpdate {
        channel: "C1".into(),
        timestamp: "1.5".into(),
        blocks: vec![Block { kind: "divider" }],
        metadata: None,
        attachments: Some(vec![]),
        note: std::cell::Cell::new(3),
        r#type: Some("x".into()),
    };
    assert_eq!(
        encode_params(&update).unwrap(),
        "channel=C1&ts=1.5&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&attachments=%5B%5D&type=x"
    );
    assert_eq!(update.note.get(), 3);
    assert_eq!(ChatUpdate::NAME, "chat.update");
}
