// `#[cfg]` on fields and `#[cfg_attr(.., slack(..))]` work as they do with derives: the binding
// is made from the fields that are compiled in, with the `slack` attributes that are active.
#![deny(warnings)]

use slack_methods::{encode_params, slack_method, ChannelId};

#[derive(serde::Serialize)]
pub struct Block {
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct PostMessage {
    pub channel: ChannelId,
    // Never compiled in: neither encoded nor checked (it is not even a parameter).
    #[cfg(any())]
    pub not_compiled: String,
    #[cfg(all())]
    pub text: String,
    #[cfg_attr(all(), slack(json))]
    pub blocks: Option<Vec<Block>>,
    #[cfg_attr(all(), slack(rename = "thread_ts"))]
    pub thread: Option<String>,
    #[cfg_attr(all(), slack(skip))]
    pub note: u32,
    #[cfg_attr(all(), slack(unchecked))]
    pub markdown_text: Option<String>,
    // An inactive `cfg_attr` leaves the field as it is: sent under its own name.
    #[cfg_attr(any(), slack(skip))]
    pub icon_emoji: Option<String>,
    // Alternatives: one field per `cfg`, the one compiled in is sent.
    #[cfg(all())]
    pub username: Option<String>,
    #[cfg(not(all()))]
    pub username: Option<u32>,
}

fn main() {
    let post = PostMessage {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        text: "hello".into(),
        blocks: Some(vec![Block { kind: "divider" }]),
        thread: Some("1.5".into()),
        note: 7,
        markdown_text: None,
        icon_emoji: Some(":wave:".into()),
        username: Some("bot".into()),
    };
    assert_eq!(
        encode_params(&post).unwrap(),
        "channel=C0123ABCD&text=hello&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&thread_ts=1.5&icon_emoji=%3Awave%3A&username=bot"
    );
    assert_eq!(post.note, 7);
}
