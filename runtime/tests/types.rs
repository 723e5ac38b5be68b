//! The shared types' tolerance (unknown fields, enum values and block types kept; one odd element
//! never fails a list), their round trip, and the exact JSON of the request-side values.

use serde_json::{json, Value};
use slack_methods_runtime::types::{
    Attachment, Block, BlockError, Blocks, Button, Conversation, ConversationKind, File, FileMode,
    Item, List, Message, MessageMetadata, MessageSubtype, Profile, Reaction, Team, Text, TextType,
    Timestamp, User, Usergroup, View, ViewPayload, ViewType,
};
use slack_methods_runtime::{
    parse_response, EncodeError, FormEncoder, HttpVerb, RateLimitTier, SlackMethod, UserId,
};

fn message(text: &str, ts: &str) -> Value {
    json!({"type": "message", "user": "U061F7AUR", "text": text, "ts": ts})
}

// ---------------------------------------------------------------------------------------------
// Unknown fields

#[test]
fn unknown_fields_are_kept_on_every_object() {
    let body = json!({
        "type": "message", "ts": "1512085950.000216", "text": "hi", "user": "U061F7AUR",
        "brand_new": {"nested": [1, 2]},
        "reactions": [{"name": "tada", "count": 1, "users": ["U1"], "url": "https://x"}],
        "edited": {"user": "U061F7AUR", "ts": "1512085951.000000", "why": "typo"},
        "files": [{"id": "F0S43PZDF", "name": "a.gif", "deanimate_gif": "https://y"}],
        "bot_profile": {"id": "B1", "name": "bot", "is_workflow_bot": false},
    });
    let message: Message = serde_json::from_value(body).unwrap();
    assert_eq!(message.text, "hi");
    assert_eq!(message.extra["brand_new"], json!({"nested": [1, 2]}));
    assert_eq!(message.reactions.first().unwrap().extra["url"], "https://x");
    assert_eq!(message.edited.as_ref().unwrap().extra["why"], "typo");
    assert_eq!(
        message.files.first().unwrap().extra["deanimate_gif"],
        "https://y"
    );
    assert_eq!(
        message.bot_profile.as_ref().unwrap().extra["is_workflow_bot"],
        false
    );
    // Known fields never land in `extra`.
    assert!(!message.extra.contains_key("text"));
    assert!(!message.extra.contains_key("type"));

    let user: User = serde_json::from_value(json!({
        "id": "U1", "name": "jane", "is_connector_bot": true,
        "profile": {"real_name": "Jane", "huddle_state": "default_unset"}
    }))
    .unwrap();
    assert_eq!(user.extra["is_connector_bot"], true);
    assert_eq!(user.profile.extra["huddle_state"], "default_unset");

    let channel: Conversation = serde_json::from_value(json!({
        "id": "C1", "name": "general", "properties": {"tabs": []},
        "topic": {"value": "t", "creator": "U1", "last_set": 1, "rich": true}
    }))
    .unwrap();
    assert_eq!(channel.extra["properties"], json!({"tabs": []}));
    assert_eq!(channel.topic.unwrap().extra["rich"], true);

    let team: Team =
        serde_json::from_value(json!({"id": "T1", "name": "n", "lob_sales_home_enabled": false}))
            .unwrap();
    assert_eq!(team.extra["lob_sales_home_enabled"], false);
}

#[test]
fn escaped_keys_are_matched_after_unescaping() {
    let message: Message =
        serde_json::from_str(r#"{"ts":"1.000001","te\u0078t":"escaped key","n\u00e9w":1}"#)
            .unwrap();
    assert_eq!(message.text, "escaped key");
    assert_eq!(message.extra["néw"], 1);
}

// ---------------------------------------------------------------------------------------------
// Unknown enum values

#[test]
fn unknown_enum_values_are_kept_as_other_and_written_back() {
    let message: Message = serde_json::from_value(json!({
        "ts": "1.000001", "subtype": "channel_canvas_updated", "text": ""
    }))
    .unwrap();
    assert_eq!(
        message.subtype,
        Some(MessageSubtype::Other("channel_canvas_updated".into()))
    );
    assert_eq!(
        message.subtype.as_ref().unwrap().as_str(),
        "channel_canvas_updated"
    );
    let written = serde_json::to_value(&message).unwrap();
    assert_eq!(written["subtype"], "channel_canvas_updated");

    // Known values are variants, however they were built.
    assert_eq!(
        MessageSubtype::from("thread_broadcast"),
        MessageSubtype::ThreadBroadcast
    );
    assert_eq!(
        MessageSubtype::from(String::from("bot_message")),
        MessageSubtype::BotMessage
    );

    let file: File = serde_json::from_value(json!({"id": "F1", "mode": "quip_document"})).unwrap();
    assert_eq!(file.mode, Some(FileMode::Other("quip_document".into())));
    let view: View = serde_json::from_value(json!({"id": "V1", "type": "workflow_step"})).unwrap();
    assert_eq!(view.kind, Some(ViewType::Other("workflow_step".into())));
    let text: Text = serde_json::from_value(json!({"type": "rich_mrkdwn", "text": "x"})).unwrap();
    assert_eq!(text.kind, TextType::Other("rich_mrkdwn".into()));
    assert_eq!(text.kind.to_string(), "rich_mrkdwn");
}

// ---------------------------------------------------------------------------------------------
// Blocks

#[test]
fn unknown_block_types_are_kept_and_readable() {
    let message: Message = serde_json::from_value(json!({
        "ts": "1.000001", "text": "fallback",
        "blocks": [
            {"type": "section", "block_id": "s1", "text": {"type": "mrkdwn", "text": "*hello*"}},
            {"type": "hologram", "block_id": "h1", "beam": {"intensity": 7}, "text": "not a text object"},
            {"type": "rich_text", "block_id": "r1", "elements": [{"type": "rich_text_section",
                "elements": [{"type": "text", "text": "typed in Slack"}]}]},
            {"type": "header", "text": {"type": "plain_text", "text": "Title"}},
            {"type": "markdown", "text": "**md**"},
            "not even an object"
        ]
    }))
    .unwrap();
    let blocks = &message.blocks;
    assert_eq!(blocks.len(), 6);
    let types: Vec<&str> = blocks.iter().map(Block::block_type).collect();
    assert_eq!(
        types,
        ["section", "hologram", "rich_text", "header", "markdown", ""]
    );
    assert_eq!(blocks[0].text(), Some("*hello*"));
    assert_eq!(blocks[0].block_id(), Some("s1"));
    // The new block type: its fields are there, and `text` does not guess at its shape.
    assert_eq!(blocks[1].get("beam").unwrap()["intensity"], 7);
    assert_eq!(blocks[1].block_id(), Some("h1"));
    assert_eq!(blocks[1].text(), None);
    assert_eq!(
        blocks[2].as_json()["elements"][0]["elements"][0]["text"],
        "typed in Slack"
    );
    assert_eq!(blocks[3].text(), Some("Title"));
    assert_eq!(blocks[4].text(), Some("**md**"));
    assert_eq!(blocks[5].as_json(), &json!("not even an object"));
    // Written back exactly.
    let written = serde_json::to_value(&message).unwrap();
    assert_eq!(written["blocks"][1]["beam"]["intensity"], 7);
    assert_eq!(written["blocks"][5], "not even an object");
}

// ---------------------------------------------------------------------------------------------
// One odd element never fails a list

#[test]
fn one_odd_message_in_three_leaves_the_other_two() {
    let page = json!([
        message("first", "1512085950.000216"),
        // A number where a string was.
        {"type": "message", "user": "U061F7AUR", "text": 42, "ts": "1512085951.000001"},
        message("third", "1512104434.000490"),
    ]);
    let list: List<Message> = serde_json::from_value(page.clone()).unwrap();
    assert_eq!(list.len(), 3);
    assert!(!list.is_complete());
    let texts: Vec<&str> = list.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["first", "third"]);
    // The odd one is in its place, with its JSON and the reason.
    let Item::Unparsed(odd) = &list.items()[1] else {
        panic!(
            "the second element should be unparsed: {:?}",
            list.items()[1]
        );
    };
    assert_eq!(odd.to_value(), page[1]);
    assert_eq!(odd.to_value()["ts"], "1512085951.000001");
    assert!(odd.error().contains("invalid type"), "{}", odd.error());
    assert!(odd.json().contains("\"text\": 42") || odd.json().contains("\"text\":42"));
    // It can be read again as something looser.
    let loose: serde_json::Map<String, Value> = odd.parse().unwrap();
    assert_eq!(loose["text"], 42);
    // And the list writes back every element, the odd one as it came.
    assert_eq!(serde_json::to_value(&list).unwrap()[1], page[1]);
}

#[test]
fn one_odd_user_and_one_odd_channel_leave_the_others() {
    let users: List<User> = serde_json::from_value(json!([
        {"id": "U1", "name": "a", "profile": {"real_name": "A"}},
        {"name": "no id at all", "profile": {}},
        {"id": "U3", "name": "c", "profile": {"real_name": "C"}},
    ]))
    .unwrap();
    let ids: Vec<&str> = users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["U1", "U3"]);
    let odd = users.unparsed().next().unwrap();
    assert!(
        odd.error().contains("missing field `id`"),
        "{}",
        odd.error()
    );
    assert_eq!(odd.to_value()["name"], "no id at all");

    let channels: List<Conversation> = serde_json::from_value(json!([
        {"id": "C1", "name": "general", "is_channel": true},
        {"id": "C2", "name": "odd", "is_archived": "sometimes"},
        {"id": "D3", "is_im": true, "user": "U1"},
    ]))
    .unwrap();
    let kinds: Vec<ConversationKind> = channels.iter().map(Conversation::kind).collect();
    assert_eq!(
        kinds,
        [ConversationKind::PublicChannel, ConversationKind::Im]
    );
    assert_eq!(channels.unparsed().next().unwrap().to_value()["id"], "C2");
}

#[test]
fn an_odd_nested_element_stays_inside_its_message() {
    let message: Message = serde_json::from_value(json!({
        "ts": "1.000001", "text": "with an odd reaction and an odd file",
        "reactions": [
            {"name": "tada", "count": 2, "users": ["U1", "U2"]},
            {"name": "eyes", "count": {"new": "shape"}},
        ],
        "files": [{"name": "no id"}, {"id": "F2", "name": "b.png"}],
    }))
    .unwrap();
    assert_eq!(message.reactions.len(), 2);
    assert_eq!(message.reactions.iter().count(), 1);
    assert_eq!(
        message.reactions.unparsed().next().unwrap().to_value()["name"],
        "eyes"
    );
    assert_eq!(message.files.first().unwrap().id, "F2");
    assert_eq!(message.files.unparsed().count(), 1);
}

/// A page read through the runtime's one-pass response reader, as a binding reads it.
struct History;

slack_methods_runtime::slack_object! {
    #[derive(Debug)]
    pub struct HistoryPage {
        pub messages: List<Message>,
        pub has_more: bool,
        pub pin_count: u64,
    }
}

impl SlackMethod for History {
    const NAME: &'static str = "conversations.history";
    const VERB: HttpVerb = HttpVerb::Get;
    const SCOPES: &'static [&'static str] = &["channels:history"];
    const TIER: RateLimitTier = RateLimitTier::Tier3;
    const WRITES: bool = false;
    type Response = HistoryPage;
    fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
        Ok(())
    }
}

#[test]
fn an_odd_message_does_not_fail_the_page_through_parse_response() {
    let body = json!({
        "ok": true,
        "messages": [
            message("one", "1512085950.000216"),
            {"type": "message", "text": "a reaction count in a new shape", "ts": "1512085951.000001",
             "reactions": {"not": "an array"}},
            message("three", "1512104434.000490"),
        ],
        "has_more": true,
        "pin_count": "0",
        "channel_actions_ts": null,
        "response_metadata": {"next_cursor": "bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz"}
    });
    let bytes = serde_json::to_vec(&body).unwrap();
    let page =
        parse_response::<History>(http::StatusCode::OK, &http::HeaderMap::new(), &bytes).unwrap();
    assert_eq!(
        page.next_cursor.as_deref(),
        Some("bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz")
    );
    assert!(page.has_more);
    assert_eq!(page.pin_count, 0);
    let texts: Vec<&str> = page.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["one", "three"]);
    let odd = page.messages.unparsed().next().unwrap();
    assert_eq!(odd.to_value(), body["messages"][1]);
    // The envelope's `ok` is not data; the teed `response_metadata` and the rest are kept.
    assert!(!page.extra.contains_key("ok"));
    assert_eq!(
        page.extra["response_metadata"]["next_cursor"],
        "bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz"
    );
    assert_eq!(page.extra["channel_actions_ts"], Value::Null);
}

// ---------------------------------------------------------------------------------------------
// Missing, null and loosely typed fields

#[test]
fn missing_and_null_fields_read_as_empty_and_counts_as_numbers() {
    let message: Message = serde_json::from_value(json!({
        "ts": "1.000001", "text": null, "user": null, "reply_count": "3",
        "blocks": null, "reactions": null, "thread_ts": null
    }))
    .unwrap();
    assert_eq!(message.text, "");
    assert_eq!(message.user, None);
    assert_eq!(message.reply_count, Some(3));
    assert!(message.blocks.is_empty() && message.reactions.is_empty());
    assert!(!message.is_reply());

    let group: Usergroup =
        serde_json::from_value(json!({"id": "S1", "user_count": "12", "date_create": 1.0e9}))
            .unwrap();
    assert_eq!(group.user_count, 12);
    assert_eq!(group.date_create, 1_000_000_000);
    // A count that is no number makes the object odd, not zero.
    assert!(
        serde_json::from_value::<Usergroup>(json!({"id": "S1", "user_count": "many"})).is_err()
    );
    assert!(serde_json::from_value::<Reaction>(json!({"count": 1.5})).is_err());

    // A required id that is null is as missing as an absent one.
    let err = serde_json::from_value::<User>(json!({"id": null, "name": "x"})).unwrap_err();
    assert!(err.to_string().contains("missing field `id`"), "{err}");
    let err = serde_json::from_value::<Message>(json!({"text": "no ts"})).unwrap_err();
    assert!(err.to_string().contains("missing field `ts`"), "{err}");
    // A profile is a user's required part only in name: missing, it reads empty.
    let user: User = serde_json::from_value(json!({"id": "U1"})).unwrap();
    assert_eq!(user.profile, Profile::default());
}

#[test]
fn profile_fields_accept_an_object_an_array_or_null() {
    let with_fields: Profile = serde_json::from_value(json!({
        "real_name": "Jane", "fields": {"Xf01": {"value": "Lisbon", "alt": "", "label": "City"}}
    }))
    .unwrap();
    assert_eq!(with_fields.fields["Xf01"].value, "Lisbon");
    assert_eq!(with_fields.fields["Xf01"].label.as_deref(), Some("City"));
    for empty in [json!([]), Value::Null, json!("")] {
        let profile: Profile = serde_json::from_value(json!({"fields": empty})).unwrap();
        assert!(profile.fields.is_empty(), "{empty}");
    }
}

#[test]
fn profile_serializes_as_before() {
    // Required fields always, optional ones only when set, then the unknown ones.
    let profile: Profile = serde_json::from_value(json!({
        "real_name": "Jane", "email": "jane@example.com", "status_expiration": 0, "huddle_state": "x"
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_string(&profile).unwrap(),
        concat!(
            r#"{"real_name":"Jane","real_name_normalized":"","display_name":"","#,
            r#""display_name_normalized":"","avatar_hash":"","title":"","phone":"","skype":"","#,
            r#""status_text":"","status_emoji":"","status_expiration":0,"fields":{},"#,
            r#""email":"jane@example.com","huddle_state":"x"}"#
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn objects_round_trip_through_json() {
    let message: Message = serde_json::from_value(json!({
        "type": "message", "subtype": "thread_broadcast", "ts": "1482960137.003543",
        "thread_ts": "1482960137.003543", "reply_count": 3, "reply_users": ["U061F7AUR"],
        "user": "U061F7AUR", "text": "island",
        "root": {"ts": "1482960137.003543", "text": "the parent", "mystery": [true]},
        "blocks": [{"type": "rich_text", "elements": []}],
        "attachments": [{"id": 1, "fallback": "fb", "color": "good"}],
        "metadata": {"event_type": "task_created", "event_payload": {"id": "TK-1"}},
        "files": [{"id": "F1", "name": "a", "size": 3}, {"oops": true}],
        "unknown_top_level": {"kept": 1}
    }))
    .unwrap();
    assert!(message.is_thread_parent());
    assert_eq!(message.thread_root().as_str(), "1482960137.003543");
    assert_eq!(
        message.root.as_ref().unwrap().extra["mystery"],
        json!([true])
    );
    assert_eq!(message.attachments[0].id(), Some(1));
    assert_eq!(message.attachments[0].color(), Some("good"));
    assert_eq!(
        message.metadata.as_ref().unwrap().event_payload["id"],
        "TK-1"
    );
    let again: Message = serde_json::from_value(serde_json::to_value(&message).unwrap()).unwrap();
    assert_eq!(again, message);
}

#[test]
fn objects_can_be_built_from_their_required_fields() {
    let mut message = Message::new(Timestamp::from_parts(1512085950, 216));
    message.text = "built".into();
    message.user = Some(UserId::new("U0123ABCD").unwrap());
    message
        .reactions
        .push(serde_json::from_value(json!({"name": "tada", "count": 1})).unwrap());
    assert_eq!(
        serde_json::to_value(&message).unwrap(),
        json!({
            "ts": "1512085950.000216", "type": "", "text": "built", "user": "U0123ABCD",
            "reactions": [{"name": "tada", "count": 1}]
        })
    );
    let user = User::new(UserId::new("U0123ABCD").unwrap());
    assert_eq!(user.display_name(), "");
}

// ---------------------------------------------------------------------------------------------
// Request-side values: exact JSON

#[test]
fn block_constructors_write_block_kit_json() {
    let blocks = Blocks::from([
        Block::header("Deploy finished"),
        Block::divider(),
        Block::section(Text::mrkdwn("*api* 1.4.2 is live")).with_block_id("summary"),
        Block::section("plain words"),
        Block::context([Text::mrkdwn("by <@U0123ABCD>"), Text::plain("2 min")]),
        Block::actions([
            Button::new("Roll back", "rollback").value("1.4.1").danger(),
            Button::new("Open", "open").url("https://example.com/deploys/812"),
        ]),
        Block::image("https://example.com/graph.png", "latency graph"),
    ]);
    assert_eq!(
        serde_json::to_value(&blocks).unwrap(),
        json!([
            {"type": "header", "text": {"type": "plain_text", "text": "Deploy finished"}},
            {"type": "divider"},
            {"type": "section", "block_id": "summary", "text": {"type": "mrkdwn", "text": "*api* 1.4.2 is live"}},
            {"type": "section", "text": {"type": "plain_text", "text": "plain words"}},
            {"type": "context", "elements": [
                {"type": "mrkdwn", "text": "by <@U0123ABCD>"},
                {"type": "plain_text", "text": "2 min"}
            ]},
            {"type": "actions", "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Roll back"}, "action_id": "rollback", "value": "1.4.1", "style": "danger"},
                {"type": "button", "text": {"type": "plain_text", "text": "Open"}, "action_id": "open", "url": "https://example.com/deploys/812"}
            ]},
            {"type": "image", "image_url": "https://example.com/graph.png", "alt_text": "latency graph"}
        ])
    );
    // The text a binding puts in the form field, byte for byte.
    assert_eq!(
        serde_json::to_string(&Blocks::from([Block::divider(), Block::header("Hi")])).unwrap(),
        r#"[{"type":"divider"},{"text":{"text":"Hi","type":"plain_text"},"type":"header"}]"#
    );
}

#[test]
fn raw_json_blocks_are_checked_and_sent_unchanged() {
    let raw = json!([
        {"type": "input", "block_id": "b", "label": {"type": "plain_text", "text": "Why"},
         "element": {"type": "plain_text_input", "action_id": "why", "multiline": true}},
        {"type": "future_block", "anything": [1, {"goes": null}]}
    ]);
    let blocks = Blocks::from_json(raw.clone()).unwrap();
    assert_eq!(serde_json::to_value(&blocks).unwrap(), raw);
    assert_eq!(
        Blocks::from_json(json!({"type": "divider"})),
        Err(BlockError::NotAnArray)
    );
    assert_eq!(
        Blocks::from_json(json!([{"type": "divider"}, 3])),
        Err(BlockError::NotAnObject { index: 1 })
    );
    assert_eq!(
        Blocks::from_json(json!([{"type": "divider"}, {"text": "x"}])),
        Err(BlockError::NoType { index: 1 })
    );
    assert_eq!(
        BlockError::NoType { index: 1 }.to_string(),
        "block 1 has no string `type`"
    );
    assert!(Block::from_json(json!({"type": 3})).is_err());
}

#[test]
fn attachments_and_metadata_write_exact_json() {
    let attachment = Attachment::new()
        .with_color("danger")
        .with_title("Error rate")
        .with_text("5% of requests fail")
        .with_fallback("Error rate: 5%")
        .with_blocks(Blocks::from([Block::divider()]))
        .with("footer", "monitoring");
    assert_eq!(
        serde_json::to_value(&attachment).unwrap(),
        json!({
            "color": "danger", "title": "Error rate", "text": "5% of requests fail",
            "fallback": "Error rate: 5%", "blocks": [{"type": "divider"}], "footer": "monitoring"
        })
    );
    assert_eq!(attachment.title(), Some("Error rate"));
    assert_eq!(attachment.fallback(), Some("Error rate: 5%"));
    assert!(Attachment::from_json(json!([1])).is_err());

    let metadata = MessageMetadata::new("incident_opened")
        .with("id", "INC-7")
        .with("sev", 2);
    assert_eq!(
        serde_json::to_string(&metadata).unwrap(),
        r#"{"event_type":"incident_opened","event_payload":{"id":"INC-7","sev":2}}"#
    );
    let from_json = MessageMetadata::from_json(
        json!({"event_type": "incident_opened", "event_payload": {"id": "INC-7", "sev": 2}}),
    )
    .unwrap();
    assert_eq!(from_json, metadata);
}

#[test]
fn view_payloads_write_exact_json() {
    let modal = ViewPayload::modal("Report an incident")
        .with_blocks(Blocks::from([Block::from_json(json!({
            "type": "input", "block_id": "what",
            "label": {"type": "plain_text", "text": "What broke?"},
            "element": {"type": "plain_text_input", "action_id": "text"}
        }))
        .unwrap()]))
        .with_submit("Send")
        .with_close("Cancel")
        .with_private_metadata("C0123ABCD")
        .with_callback_id("incident")
        .with_external_id("incident-7")
        .with("notify_on_close", true);
    assert_eq!(
        serde_json::to_string(&modal).unwrap(),
        concat!(
            r#"{"type":"modal","title":{"type":"plain_text","text":"Report an incident"},"#,
            r#""blocks":[{"block_id":"what","element":{"action_id":"text","type":"plain_text_input"},"#,
            r#""label":{"text":"What broke?","type":"plain_text"},"type":"input"}],"#,
            r#""close":{"type":"plain_text","text":"Cancel"},"submit":{"type":"plain_text","text":"Send"},"#,
            r#""private_metadata":"C0123ABCD","callback_id":"incident","external_id":"incident-7","#,
            r#""notify_on_close":true}"#
        )
    );
    let home = ViewPayload::home().with_block(Block::section(Text::mrkdwn("Welcome home")));
    assert_eq!(
        serde_json::to_value(&home).unwrap(),
        json!({"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Welcome home"}}]})
    );
}

#[test]
fn a_returned_view_becomes_the_payload_that_updates_it() {
    let view: View = serde_json::from_value(json!({
        "id": "VMHU10V25", "type": "modal", "hash": "156772938.1827394",
        "title": {"type": "plain_text", "text": "Quite a plain modal"},
        "submit": {"type": "plain_text", "text": "Create"},
        "blocks": [{"type": "divider"}], "callback_id": "identify_your_modals",
        "private_metadata": "", "clear_on_close": false, "notify_on_close": false,
        "state": {"values": {}}, "root_view_id": "VMHU10V25", "app_id": "AA4928AQ"
    }))
    .unwrap();
    let mut payload = view.to_payload();
    payload.blocks.push(Block::section(Text::plain("added")));
    assert_eq!(
        serde_json::to_value(&payload).unwrap(),
        json!({
            "type": "modal", "title": {"type": "plain_text", "text": "Quite a plain modal"},
            "submit": {"type": "plain_text", "text": "Create"}, "callback_id": "identify_your_modals",
            "blocks": [{"type": "divider"}, {"type": "section", "text": {"type": "plain_text", "text": "added"}}]
        })
    );
}

#[test]
fn a_binding_sends_blocks_as_json_text_in_a_form_field() {
    let mut form = FormEncoder::new();
    let blocks = Blocks::from([Block::section(Text::mrkdwn("*hi* & bye"))]);
    form.append_json("blocks", &blocks).unwrap();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(form.finish().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    assert_eq!(pairs.len(), 1);
    assert_eq!(pairs[0].0, "blocks");
    assert_eq!(
        serde_json::from_str::<Value>(&pairs[0].1).unwrap(),
        json!([{"type": "section", "text": {"type": "mrkdwn", "text": "*hi* & bye"}}])
    );
}

/// A response type written with serde's derive and a flattened map (serde buffers the body and
/// reads the fields through its own deserializer, not serde_json's): lists still read, odd
/// elements included.
#[test]
fn lists_read_through_any_deserializer() {
    #[derive(serde::Deserialize)]
    struct Flattened {
        channels: List<Conversation>,
        #[serde(flatten)]
        extra: serde_json::Map<String, Value>,
    }
    let body = json!({
        "ok": true,
        "channels": [{"id": "C1", "name": "a"}, {"id": "C2", "is_archived": "sometimes"}, {"id": "C3"}],
        "response_metadata": {"next_cursor": ""}
    });
    let text = serde_json::to_string(&body).unwrap();
    let page: Flattened = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = page.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["C1", "C3"]);
    let odd = page.channels.unparsed().next().unwrap();
    assert_eq!(odd.to_value(), body["channels"][1]);
    assert_eq!(page.extra["ok"], true);

    // Inside a flattened part, serde reads the list from its own buffer.
    #[derive(serde::Deserialize)]
    struct Channels {
        channels: List<Conversation>,
    }
    #[derive(serde::Deserialize)]
    struct Wrapped {
        #[serde(flatten)]
        page: Channels,
        #[serde(flatten)]
        extra: serde_json::Map<String, Value>,
    }
    let page: Wrapped = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = page.page.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["C1", "C3"]);
    let odd = page.page.channels.unparsed().next().unwrap();
    assert_eq!(odd.to_value(), body["channels"][1]);
    assert!(odd.error().contains("invalid type"), "{}", odd.error());
    assert_eq!(page.extra["ok"], true);

    // From a `serde_json::Value` too.
    let page: Flattened = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(page.channels.iter().count(), 2);
    assert_eq!(
        page.channels.unparsed().next().unwrap().to_value(),
        body["channels"][1]
    );
}

/// Read from bytes, an odd element keeps its exact text, spacing included (which also shows that
/// lists take serde_json's raw-text path, not the slower value path other deserializers get).
#[test]
fn odd_elements_keep_their_exact_text() {
    let list: List<Reaction> =
        serde_json::from_str(r#"[ {"name": "a", "count": 1} , { "name" : "b",  "count" : "x" } ]"#)
            .unwrap();
    assert_eq!(
        list.unparsed().next().unwrap().json(),
        r#"{ "name" : "b",  "count" : "x" }"#
    );
}
