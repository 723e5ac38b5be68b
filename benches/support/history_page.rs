//! The `conversations.history` page the parse benchmarks read: 200 messages built at start from
//! the reference data in `../shared` (nothing recorded is copied into the repository).
//!
//! The message objects in the reference data are the spec's examples (`conversations.history`,
//! `conversations.replies`, `chat.postMessage`, `pins.list`, `search.messages`: 11 messages,
//! plain user messages, thread parents and replies, a bot message with an attachment). A real
//! history page also carries what those lack, so the 200 messages cycle through the 11 and vary
//! them the way a busy channel does, with objects also taken from the reference data:
//!
//! - every message gets its own `ts` (one second apart, in order) and its text numbered; the
//!   search results' `channel` object, which history messages never carry, is left out;
//! - messages by people (not bots) carry the `rich_text` block Slack adds to every message typed
//!   in its clients, holding the same text, and a `client_msg_id`;
//! - every 3rd message has the reactions of the spec's `reactions.get` example, with its count
//!   varied;
//! - every 10th shares a file: the file of the spec's `files.info` example, or (every other
//!   time) the file object recorded from `files.completeUploadExternal`;
//! - every 5th message by a person was edited; every 7th message is a thread parent with 3
//!   replies.

use serde_json::{json, Map, Value};
use std::path::Path;

/// How many messages the page holds.
pub const MESSAGES: usize = 200;

fn read_json(shared: &Path, path: &str) -> Result<Value, String> {
    let full = shared.join(path);
    let text = std::fs::read(&full).map_err(|err| format!("{}: {err}", full.display()))?;
    serde_json::from_slice(&text).map_err(|err| format!("{}: {err}", full.display()))
}

/// The 200 example of one method in the spec.
fn example<'a>(spec: &'a Value, method: &str) -> Result<&'a Value, String> {
    spec["paths"][format!("/{method}")]
        .as_object()
        .and_then(|operations| operations.values().next())
        .map(|operation| &operation["responses"]["200"]["examples"]["application/json"])
        .ok_or_else(|| format!("the spec has no example for {method}"))
}

/// The file object recorded from `files.completeUploadExternal` (a YAML cassette; the body is a
/// JSON string inside it, found without a YAML parser).
fn recorded_file(shared: &Path) -> Result<Value, String> {
    let path =
        shared.join("slack-fixtures/slack-ruby-client/spec/fixtures/slack/web/files_upload_v2.yml");
    let text =
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let start = text
        .find("{\"ok\":true,\"files\":")
        .ok_or("files_upload_v2.yml has no completeUploadExternal body")?;
    let end = text[start..]
        .find("\n")
        .map_or(text.len(), |end| start + end);
    // The body is a single-quoted YAML scalar: `''` stands for `'`.
    let body = text[start..end]
        .trim_end()
        .trim_end_matches('\'')
        .replace("''", "'");
    let body: Value =
        serde_json::from_str(&body).map_err(|err| format!("files_upload_v2.yml: {err}"))?;
    Ok(body["files"][0].clone())
}

/// Builds the page's body, or says what reference data is missing.
pub fn history_page(shared: &Path) -> Result<Vec<u8>, String> {
    let spec = read_json(shared, "slack-api/slack_web_openapi_v2.json")?;
    let mut bases: Vec<Value> = Vec::new();
    for method in ["conversations.history", "conversations.replies"] {
        let messages = example(&spec, method)?["messages"].as_array().cloned();
        bases.extend(messages.unwrap_or_default());
    }
    bases.push(example(&spec, "chat.postMessage")?["message"].clone());
    for item in example(&spec, "pins.list")?["items"]
        .as_array()
        .into_iter()
        .flatten()
    {
        bases.push(item["message"].clone());
    }
    let matches = example(&spec, "search.messages")?["messages"]["matches"]
        .as_array()
        .cloned();
    bases.extend(matches.unwrap_or_default());
    if bases.len() < 10 {
        return Err(format!("only {} example messages in the spec", bases.len()));
    }
    let reactions = example(&spec, "reactions.get")?["file"]["reactions"].clone();
    let files = [
        example(&spec, "files.info")?["file"].clone(),
        recorded_file(shared)?,
    ];

    let mut messages = Vec::with_capacity(MESSAGES);
    for i in 0..MESSAGES {
        let Value::Object(mut message) = bases[i % bases.len()].clone() else {
            return Err("an example message is not an object".into());
        };
        let ts = format!("{}.{:06}", 1_512_085_950 + i as u64, 216 + i);
        let text = format!(
            "{} ({})",
            message.get("text").and_then(Value::as_str).unwrap_or(""),
            i
        );
        if message.get("channel").is_some_and(Value::is_object) {
            message.remove("channel");
        }
        message.insert("ts".into(), ts.clone().into());
        message.insert("text".into(), text.clone().into());
        let by_person = !message.contains_key("bot_id");
        if by_person {
            message.insert(
                "client_msg_id".into(),
                format!("5b2c1f9e-0c8d-4a57-9f64-{i:012}").into(),
            );
            message.insert(
                "blocks".into(),
                json!([{"type": "rich_text", "block_id": format!("b{i:04}"), "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ]}]),
            );
        }
        if i % 3 == 0 {
            let mut varied = reactions.clone();
            if let Some(first) = varied.get_mut(0) {
                first["count"] = json!(1 + i % 4);
            }
            message.insert("reactions".into(), varied);
        }
        if i % 10 == 0 {
            message.insert("files".into(), json!([files[(i / 10) % 2].clone()]));
            message.insert("upload".into(), false.into());
        }
        if let (0, Some(editor)) = (i % 5, message.get("user").cloned()) {
            let edited = json!({"user": editor, "ts": format!("{}.000000", 1_512_086_000 + i)});
            message.insert("edited".into(), edited);
        }
        if i % 7 == 0 {
            message.insert("thread_ts".into(), ts.into());
            message.insert("reply_count".into(), 3.into());
            message.insert("reply_users_count".into(), 1.into());
            message.insert("reply_users".into(), json!(["U061F7AUR"]));
            message.insert(
                "latest_reply".into(),
                format!("{}.000100", 1_512_090_000 + i).into(),
            );
            message.insert("is_locked".into(), false.into());
            message.insert("subscribed".into(), false.into());
        }
        messages.push(Value::Object(message));
    }
    // Newest first, as conversations.history answers.
    messages.reverse();
    let mut page = Map::new();
    page.insert("ok".into(), true.into());
    page.insert("messages".into(), Value::Array(messages));
    page.insert("has_more".into(), true.into());
    page.insert("pin_count".into(), 0.into());
    page.insert("channel_actions_ts".into(), Value::Null);
    page.insert("channel_actions_count".into(), 0.into());
    page.insert(
        "response_metadata".into(),
        json!({"next_cursor": "bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz"}),
    );
    serde_json::to_vec(&Value::Object(page)).map_err(|err| err.to_string())
}
