//! The shared request-side values inside `#[slack_method]` bindings: blocks, attachments and
//! views go as compact JSON text in their form fields, timestamps as plain text.

mod common;

use common::form_pairs;
use serde_json::{json, Value};
use slack_methods::types::{Attachment, Block, Blocks, Button, Text, Timestamp, ViewPayload};
use slack_methods::{encode_params, slack_method, ChannelId};

/// `chat.postMessage`, as a bot posts a reply in a thread.
#[slack_method("chat.postMessage")]
struct PostMessage {
    channel: ChannelId,
    text: Option<String>,
    thread_ts: Option<Timestamp>,
    #[slack(json)]
    blocks: Option<Blocks>,
    #[slack(json)]
    attachments: Option<Vec<Attachment>>,
}

/// `views.open`.
#[slack_method("views.open")]
struct OpenView {
    trigger_id: String,
    #[slack(json)]
    view: ViewPayload,
}

#[test]
fn blocks_attachments_and_thread_ts_in_a_post() {
    let post = PostMessage {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        text: Some("Deploy finished".into()),
        thread_ts: Some(Timestamp::new("1512085950.000216")),
        blocks: Some(Blocks::from([
            Block::section(Text::mrkdwn("*api* 1.4.2 is live")),
            Block::actions([Button::new("Roll back", "rollback").danger()]),
        ])),
        attachments: Some(vec![Attachment::new()
            .with_color("good")
            .with_text("all green")]),
    };
    let body = encode_params(&post).unwrap();
    let pairs = form_pairs(body.as_bytes());
    let names: Vec<&str> = pairs.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["channel", "text", "thread_ts", "blocks", "attachments"]
    );
    assert_eq!(pairs[2].1, "1512085950.000216");
    // Compact JSON text, exactly what serde_json writes for the values.
    assert_eq!(
        pairs[3].1,
        serde_json::to_string(post.blocks.as_ref().unwrap()).unwrap()
    );
    assert_eq!(
        serde_json::from_str::<Value>(&pairs[3].1).unwrap(),
        json!([
            {"type": "section", "text": {"type": "mrkdwn", "text": "*api* 1.4.2 is live"}},
            {"type": "actions", "elements": [{"type": "button", "action_id": "rollback",
                "text": {"type": "plain_text", "text": "Roll back"}, "style": "danger"}]}
        ])
    );
    assert_eq!(pairs[4].1, r#"[{"color":"good","text":"all green"}]"#);
}

#[test]
fn a_view_payload_in_views_open() {
    let open = OpenView {
        trigger_id: "12345.98765.abcd2358fdea".into(),
        view: ViewPayload::modal("Report an incident")
            .with_block(Block::section(Text::plain("What broke?")))
            .with_submit("Send"),
    };
    let pairs = form_pairs(encode_params(&open).unwrap().as_bytes());
    assert_eq!(
        pairs[0],
        ("trigger_id".into(), "12345.98765.abcd2358fdea".into())
    );
    assert_eq!(pairs[1].0, "view");
    assert_eq!(
        pairs[1].1,
        concat!(
            r#"{"type":"modal","title":{"type":"plain_text","text":"Report an incident"},"#,
            r#""blocks":[{"text":{"text":"What broke?","type":"plain_text"},"type":"section"}],"#,
            r#""submit":{"type":"plain_text","text":"Send"}}"#
        )
    );
}
