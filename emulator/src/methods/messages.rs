//! What the messaging methods share: the conversation a caller may read or post in, a message's
//! content read from the parameters (with Slack's checks on blocks, attachments and metadata),
//! message objects, threads, and scheduled messages posted once due.

use super::{fail, param, Reply};
use crate::messaging::APP_ID;
use crate::state::{State, User};
use crate::workspace::{Channel, ChannelKind};
use serde_json::{json, Map, Value};
use slack_methods_runtime::types::{
    MAX_ACTIONS_ELEMENTS, MAX_ATTACHMENTS, MAX_CONTEXT_ELEMENTS, MAX_HEADER_CHARS,
    MAX_MESSAGE_BLOCKS, MAX_SECTION_FIELDS, MAX_SECTION_FIELD_CHARS, MAX_SECTION_TEXT_CHARS,
    MAX_TEXT_CHARS,
};
use std::collections::HashSet;

/// What a call does in a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// Reads its messages (a bot must be a member).
    Read,
    /// Acts on one of its messages (react, pin, edit, link): it must be visible.
    Act,
    /// Posts in it (a member, or any public channel with `chat:write.public`; not archived).
    Post,
}

/// Whether the caller is a bot user.
pub(crate) fn is_bot(caller: &User) -> bool {
    caller.spec.bot_id.is_some()
}

/// The id of the conversation `given` names (an id; a channel name too when posting) if the
/// caller may do `access` there: `channel_not_found` for an unknown conversation or a private one
/// the caller is not in, `not_in_channel` or `is_archived` as Slack answers them.
pub(crate) fn conversation(
    state: &State,
    caller: &User,
    given: Option<&str>,
    access: Access,
) -> Result<String, Reply> {
    let given = given
        .map(str::trim)
        .filter(|given| !given.is_empty())
        .ok_or_else(|| fail("channel_not_found"))?;
    let channels = &state.workspace.channels;
    let channel = channels
        .get(given)
        .or_else(|| {
            let name = given.strip_prefix('#').unwrap_or(given);
            let by_name = access == Access::Post && !name.is_empty();
            by_name
                .then(|| channels.values().find(|c| c.name == name))
                .flatten()
        })
        .ok_or_else(|| fail("channel_not_found"))?;
    let member = channel.members.contains(&caller.spec.id);
    if !member && channel.kind != ChannelKind::Public {
        return Err(fail("channel_not_found"));
    }
    match access {
        Access::Read if !member && is_bot(caller) => return Err(fail("not_in_channel")),
        Access::Post => {
            if channel.archived {
                return Err(fail("is_archived"));
            }
            let public_write = state.call_scopes.iter().any(|s| s == "chat:write.public");
            if !member && !public_write {
                return Err(fail("not_in_channel"));
            }
        }
        _ => {}
    }
    Ok(channel.id.clone())
}

/// A message's `ts` field.
pub(crate) fn ts_of(message: &Map<String, Value>) -> &str {
    message.get("ts").and_then(Value::as_str).unwrap_or("")
}

fn text_of<'a>(message: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    message.get(key).and_then(Value::as_str)
}

/// A Slack timestamp as (seconds, microseconds), for comparing; `None` when it has not the shape
/// of one (digits, optionally a dot and up to 6 digits).
pub(crate) fn parse_ts(text: &str) -> Option<(u64, u32)> {
    let (seconds, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if seconds.is_empty() || !digits(seconds) || !digits(fraction) || fraction.len() > 6 {
        return None;
    }
    let micros = format!("{fraction:0<6}").parse().ok()?;
    Some((seconds.parse().ok()?, micros))
}

/// The `ts` of the thread's parent for the message `ts` of `channel`: its `thread_ts`, or its own
/// `ts`. `None` when there is no such message.
pub(crate) fn thread_root(channel: &Channel, ts: &str) -> Option<String> {
    let message = channel.message(ts)?;
    Some(text_of(message, "thread_ts").unwrap_or(ts).to_owned())
}

/// A refusal with Slack's details: `errors` (when `with_errors`) and
/// `response_metadata.messages`, each problem once as `[ERROR] <problem>`, and the failure
/// named in `X-Slack-Failure`, as Slack answers malformed blocks and views.
pub(crate) fn refusal(code: &str, problems: &[String], with_errors: bool) -> Reply {
    let mut body = Map::new();
    body.insert("ok".into(), Value::Bool(false));
    body.insert("error".into(), Value::String(code.to_owned()));
    if with_errors {
        body.insert("errors".into(), json!(problems));
    }
    let messages: Vec<String> = problems.iter().map(|p| format!("[ERROR] {p}")).collect();
    body.insert("response_metadata".into(), json!({ "messages": messages }));
    let mut reply = Reply::json(200, serde_json::to_vec(&body).unwrap_or_default());
    reply.headers.push(("X-Slack-Failure", code.to_owned()));
    reply
}

/// A message's content as a call sent it; `None` is a field the call left out.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) text: Option<String>,
    pub(crate) blocks: Option<Vec<Value>>,
    pub(crate) attachments: Option<Vec<Value>>,
    pub(crate) metadata: Option<Value>,
    /// Whether the text was longer than Slack keeps, and was cut.
    pub(crate) truncated: bool,
}

impl Content {
    /// Whether the content shows something: text, blocks or attachments.
    pub(crate) fn shows_something(&self) -> bool {
        self.text.as_deref().is_some_and(|t| !t.is_empty())
            || self.blocks.as_ref().is_some_and(|b| !b.is_empty())
            || self.attachments.as_ref().is_some_and(|a| !a.is_empty())
    }
}

/// Reads `text`, `markdown_text`, `blocks`, `attachments` and `metadata`, refusing what Slack
/// refuses: `markdown_text` beside `text` or `blocks` (`markdown_text_conflict`), blocks that are
/// not a JSON array (`invalid_blocks_format`) or break Block Kit's rules (`invalid_blocks`, with
/// each problem), attachments that are not a JSON array of objects (`invalid_attachments`) or
/// too many (`too_many_attachments`), metadata without `event_type` and an `event_payload`
/// object (`invalid_metadata_format`). Blocks without a `block_id` get one, attachments an `id`;
/// text longer than Slack keeps is cut (`truncated`: the answer carries Slack's warning, from
/// [`warn_truncated`]).
pub(crate) fn read_content(
    state: &mut State,
    params: &[(String, String)],
) -> Result<Content, Reply> {
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let mut content = Content {
        text: given("text").map(str::to_owned),
        ..Content::default()
    };
    if let Some(markdown) = given("markdown_text") {
        if content.text.is_some() || given("blocks").is_some() {
            return Err(fail("markdown_text_conflict"));
        }
        content.text = Some(markdown.to_owned());
    }
    if let Some(text) = &mut content.text {
        if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
            text.truncate(cut);
            content.truncated = true;
        }
    }
    if let Some(raw) = given("blocks") {
        let Ok(Value::Array(mut blocks)) = serde_json::from_str::<Value>(raw) else {
            return Err(fail("invalid_blocks_format"));
        };
        let problems = block_problems(&blocks, MAX_MESSAGE_BLOCKS, "/blocks");
        if !problems.is_empty() {
            return Err(refusal("invalid_blocks", &problems, true));
        }
        fill_block_ids(state, &mut blocks);
        content.blocks = Some(blocks);
    }
    if let Some(raw) = given("attachments") {
        let Ok(Value::Array(mut attachments)) = serde_json::from_str::<Value>(raw) else {
            return Err(fail("invalid_attachments"));
        };
        if attachments.len() > MAX_ATTACHMENTS {
            return Err(fail("too_many_attachments"));
        }
        for (n, attachment) in attachments.iter_mut().enumerate() {
            let Value::Object(attachment) = attachment else {
                return Err(fail("invalid_attachments"));
            };
            attachment.entry("id").or_insert_with(|| json!(n + 1));
        }
        content.attachments = Some(attachments);
    }
    if let Some(raw) = given("metadata") {
        let metadata: Value =
            serde_json::from_str(raw).map_err(|_| fail("invalid_metadata_format"))?;
        let well_formed = metadata.get("event_type").is_some_and(Value::is_string)
            && metadata.get("event_payload").is_some_and(Value::is_object);
        if !well_formed {
            return Err(fail("invalid_metadata_format"));
        }
        content.metadata = Some(metadata);
    }
    Ok(content)
}

/// Adds to an answer the warning Slack sends with a message whose text it cut:
/// `message_truncated`, with its explanation in `response_metadata.messages`.
pub(crate) fn warn_truncated(data: &mut Map<String, Value>) {
    data.insert("warning".into(), json!("message_truncated"));
    data.insert(
        "response_metadata".into(),
        json!({
            "messages": [format!(
                "[WARN] Your message was truncated but still posted. The `text` field accepts up to {} characters.",
                thousands(MAX_TEXT_CHARS)
            )],
            "warnings": ["message_truncated"],
        }),
    );
}

/// `n` with a comma between each group of three digits (`40,000`), as Slack writes counts.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Gives each block without a `block_id` one, as Slack does.
pub(crate) fn fill_block_ids(state: &mut State, blocks: &mut [Value]) {
    for block in blocks {
        if let Value::Object(block) = block {
            if !block.contains_key("block_id") {
                let id = state.messaging.block_id();
                block.insert("block_id".into(), Value::String(id));
            }
        }
    }
}

/// What is wrong with a plain-text object at JSON pointer `at` that may hold at most `most`
/// characters (a header's text, a modal's title or button labels), as Slack words it.
pub(super) fn plain_text_problems(text: &Map<String, Value>, at: &str, most: usize) -> Vec<String> {
    let mut problems = Vec::new();
    if text.get("type").and_then(Value::as_str) != Some("plain_text") {
        problems.push(format!("must be plain_text [json-pointer:{at}/type]"));
    }
    let chars = text
        .get("text")
        .and_then(Value::as_str)
        .map(|t| t.chars().count());
    match chars {
        None => problems.push(format!("missing required field: text [json-pointer:{at}]")),
        Some(n) if n > most => problems.push(format!(
            "must be less than {} characters [json-pointer:{at}/text]",
            most + 1
        )),
        Some(_) => {}
    }
    problems
}

/// What is wrong with the text object (`plain_text` or `mrkdwn`) at JSON pointer `at` that may
/// hold at most `most` characters, as Slack words it: a text too long matches neither kind of
/// text object, and is too long.
fn text_object_problems(text: &Value, at: &str, most: usize) -> Vec<String> {
    let Value::Object(text) = text else {
        return vec![format!("expected an object [json-pointer:{at}]")];
    };
    let mut problems = Vec::new();
    let kind = text.get("type").and_then(Value::as_str);
    if !matches!(kind, Some("plain_text" | "mrkdwn")) {
        problems.push(format!(
            "must be one of: plain_text, mrkdwn [json-pointer:{at}/type]"
        ));
    }
    match text.get("text").and_then(Value::as_str) {
        None => problems.push(format!("missing required field: text [json-pointer:{at}]")),
        Some(body) if body.chars().count() > most => {
            problems.push(format!(
                "failed to match all allowed schemas [json-pointer:{at}]"
            ));
            problems.push(format!(
                "must be less than {} characters [json-pointer:{at}/text]",
                most + 1
            ));
        }
        Some(_) => {}
    }
    problems
}

/// What breaks Block Kit's rules in `blocks` (at most `max` of them), each problem with the
/// JSON pointer of where it is, under `at`. The block types Slack adds are accepted; the
/// common ones are checked for what they cannot be without.
pub(crate) fn block_problems(blocks: &[Value], max: usize, at: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if blocks.len() > max {
        problems.push(format!(
            "no more than {max} items allowed [json-pointer:{at}]"
        ));
    }
    let mut ids = HashSet::new();
    for (i, block) in blocks.iter().enumerate() {
        let here = format!("{at}/{i}");
        let Value::Object(block) = block else {
            problems.push(format!("expected an object [json-pointer:{here}]"));
            continue;
        };
        if let Some(id) = block.get("block_id") {
            match id.as_str() {
                Some(id) if !id.is_empty() && id.chars().count() <= 255 => {
                    if !ids.insert(id.to_owned()) {
                        problems.push(format!(
                            "duplicate block_id `{id}` [json-pointer:{here}/block_id]"
                        ));
                    }
                }
                _ => problems.push(format!(
                    "must be a string of 1 to 255 characters [json-pointer:{here}/block_id]"
                )),
            }
        }
        let Some(kind) = block.get("type").and_then(Value::as_str) else {
            problems.push(format!(
                "missing required field: type [json-pointer:{here}]"
            ));
            continue;
        };
        match kind {
            "section" => {
                if !block.contains_key("text") && !block.contains_key("fields") {
                    problems.push(format!(
                        "must provide either text or fields [json-pointer:{here}]"
                    ));
                }
                if let Some(text) = block.get("text") {
                    let at = format!("{here}/text");
                    problems.extend(text_object_problems(text, &at, MAX_SECTION_TEXT_CHARS));
                }
                match block.get("fields") {
                    None => {}
                    Some(Value::Array(fields)) => {
                        if fields.len() > MAX_SECTION_FIELDS {
                            problems.push(format!(
                                "no more than {MAX_SECTION_FIELDS} items allowed [json-pointer:{here}/fields]"
                            ));
                        }
                        for (n, field) in fields.iter().enumerate() {
                            let at = format!("{here}/fields/{n}");
                            problems.extend(text_object_problems(
                                field,
                                &at,
                                MAX_SECTION_FIELD_CHARS,
                            ));
                        }
                    }
                    Some(_) => {
                        problems.push(format!("expected an array [json-pointer:{here}/fields]"))
                    }
                }
            }
            "header" => match block.get("text") {
                Some(Value::Object(text)) => {
                    let at = format!("{here}/text");
                    problems.extend(plain_text_problems(text, &at, MAX_HEADER_CHARS));
                }
                _ => problems.push(format!(
                    "missing required field: text [json-pointer:{here}]"
                )),
            },
            "image" => {
                if !block.contains_key("image_url") && !block.contains_key("slack_file") {
                    problems.push(format!(
                        "missing required field: image_url [json-pointer:{here}]"
                    ));
                }
                if !block.get("alt_text").is_some_and(Value::is_string) {
                    problems.push(format!(
                        "missing required field: alt_text [json-pointer:{here}]"
                    ));
                }
            }
            "context" | "actions" | "rich_text" => {
                let elements = block.get("elements").and_then(Value::as_array);
                match elements {
                    Some(elements) if !elements.is_empty() => {
                        let most = match kind {
                            "context" => MAX_CONTEXT_ELEMENTS,
                            "actions" => MAX_ACTIONS_ELEMENTS,
                            _ => usize::MAX,
                        };
                        if elements.len() > most {
                            problems.push(format!(
                                "no more than {most} items allowed [json-pointer:{here}/elements]"
                            ));
                        }
                    }
                    _ => problems.push(format!(
                        "missing required field: elements [json-pointer:{here}]"
                    )),
                }
            }
            "input" => {
                if !block.contains_key("label") {
                    problems.push(format!(
                        "missing required field: label [json-pointer:{here}]"
                    ));
                }
                if !block.contains_key("element") {
                    problems.push(format!(
                        "missing required field: element [json-pointer:{here}]"
                    ));
                }
            }
            _ => {}
        }
    }
    problems
}

/// A new message object from `caller` with `content`, as Slack stores it (without `ts`): the
/// author, the workspace, and for a bot its bot id, app and profile.
pub(crate) fn new_message(
    state: &State,
    caller: &User,
    content: Content,
    params: &[(String, String)],
) -> Map<String, Value> {
    let mut message = Map::new();
    message.insert("type".into(), json!("message"));
    message.insert("text".into(), json!(content.text.unwrap_or_default()));
    message.insert("user".into(), json!(caller.spec.id));
    message.insert("team".into(), json!(state.team.id));
    if let Some(bot_id) = &caller.spec.bot_id {
        message.insert("bot_id".into(), json!(bot_id));
        message.insert("app_id".into(), json!(APP_ID));
        message.insert(
            "bot_profile".into(),
            json!({
                "id": bot_id,
                "app_id": APP_ID,
                "name": caller.spec.name,
                "icons": super::bots::bot_icons(&caller.spec.id),
                "deleted": false,
                "updated": state.workspace.clock.seconds(),
                "team_id": state.team.id,
            }),
        );
        let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
        if let Some(username) = given("username") {
            message.insert("subtype".into(), json!("bot_message"));
            message.insert("username".into(), json!(username));
        }
        if let Some(emoji) = given("icon_emoji") {
            message.insert("icons".into(), json!({ "emoji": emoji }));
        } else if let Some(url) = given("icon_url") {
            message.insert("icons".into(), json!({ "image_48": url }));
        }
    }
    if let Some(blocks) = content.blocks.filter(|b| !b.is_empty()) {
        message.insert("blocks".into(), Value::Array(blocks));
    }
    if let Some(attachments) = content.attachments.filter(|a| !a.is_empty()) {
        message.insert("attachments".into(), Value::Array(attachments));
    }
    if let Some(metadata) = content.metadata {
        message.insert("metadata".into(), metadata);
    }
    message
}

/// Adds `message` (with its `ts`) to `channel`: at the end, and when `thread` names a parent, as
/// a reply in its thread (`thread_ts`, `parent_user_id`; a reply also sent to the channel is a
/// `thread_broadcast`), refreshing the parent's reply fields.
pub(crate) fn append(
    channel: &mut Channel,
    mut message: Map<String, Value>,
    thread: Option<(&str, bool)>,
) {
    let Some((root, broadcast)) = thread else {
        channel.messages.push(message);
        return;
    };
    let parent_user = channel
        .message(root)
        .and_then(|parent| text_of(parent, "user"))
        .map(str::to_owned);
    message.insert("thread_ts".into(), json!(root));
    if let Some(user) = parent_user {
        message.insert("parent_user_id".into(), json!(user));
    }
    if broadcast {
        message.insert("subtype".into(), json!("thread_broadcast"));
    }
    channel.messages.push(message);
    refresh_thread(channel, root);
}

/// Sets a thread parent's `reply_count`, `reply_users`, `reply_users_count` and `latest_reply`
/// from its replies; a parent left without replies loses them (and a deleted one goes).
pub(crate) fn refresh_thread(channel: &mut Channel, root: &str) {
    let replies: Vec<(String, String)> = channel
        .messages
        .iter()
        .filter(|m| text_of(m, "thread_ts") == Some(root) && ts_of(m) != root)
        .map(|m| {
            let user = text_of(m, "user").unwrap_or("").to_owned();
            (ts_of(m).to_owned(), user)
        })
        .collect();
    let Some(index) = channel.messages.iter().position(|m| ts_of(m) == root) else {
        return;
    };
    if replies.is_empty() {
        let parent = &channel.messages[index];
        if text_of(parent, "subtype") == Some("tombstone") {
            channel.messages.remove(index);
            return;
        }
        let parent = &mut channel.messages[index];
        for key in [
            "thread_ts",
            "reply_count",
            "reply_users",
            "reply_users_count",
            "latest_reply",
            "is_locked",
        ] {
            parent.remove(key);
        }
        return;
    }
    let mut users: Vec<String> = Vec::new();
    for (_, user) in &replies {
        if !user.is_empty() && !users.contains(user) {
            users.push(user.clone());
        }
    }
    let latest = replies
        .iter()
        .map(|(ts, _)| ts.as_str())
        .max_by_key(|ts| parse_ts(ts))
        .unwrap_or(root)
        .to_owned();
    let parent = &mut channel.messages[index];
    parent.insert("thread_ts".into(), json!(root));
    parent.insert("reply_count".into(), json!(replies.len()));
    parent.insert("reply_users_count".into(), json!(users.len()));
    parent.insert("reply_users".into(), json!(users));
    parent.insert("latest_reply".into(), json!(latest));
    parent
        .entry("is_locked")
        .or_insert_with(|| Value::Bool(false));
}

/// The link to `message` of `channel_id` in the workspace of `domain`, as
/// `chat.getPermalink` answers it: `https://<domain>.slack.com/archives/<channel>/p<ts>`, a
/// reply's with `thread_ts` and `cid`.
pub(crate) fn permalink(domain: &str, channel_id: &str, message: &Map<String, Value>) -> String {
    let ts = ts_of(message);
    let mut link = format!(
        "https://{domain}.slack.com/archives/{channel_id}/p{}",
        ts.replace('.', "")
    );
    if let Some(root) = text_of(message, "thread_ts").filter(|root| *root != ts) {
        link.push_str(&format!("?thread_ts={root}&cid={channel_id}"));
    }
    link
}

/// A stored message as the reading methods answer it: without its app `metadata` unless asked;
/// a `thread_broadcast` reply with its thread's parent as `root`.
pub(crate) fn present(channel: &Channel, message: &Map<String, Value>, metadata: bool) -> Value {
    let mut shown = message.clone();
    if !metadata {
        shown.remove("metadata");
    }
    if text_of(message, "subtype") == Some("thread_broadcast") {
        let root = text_of(message, "thread_ts").and_then(|root| channel.message(root));
        if let Some(root) = root {
            let mut root = root.clone();
            if !metadata {
                root.remove("metadata");
            }
            shown.insert("root".into(), Value::Object(root));
        }
    }
    Value::Object(shown)
}

/// A message as [`present`] shows it, with its `permalink`, as `pins.list` and `reactions.get`
/// answer it.
pub(crate) fn present_linked(
    domain: &str,
    channel: &Channel,
    message: &Map<String, Value>,
) -> Value {
    let mut shown = present(channel, message, false);
    if let Value::Object(map) = &mut shown {
        let link = permalink(domain, &channel.id, message);
        map.insert("permalink".into(), Value::String(link));
    }
    shown
}

/// Posts the scheduled messages whose time has come, in the order of their `post_at`.
pub(crate) fn deliver_scheduled(state: &mut State) {
    let now = state.workspace.clock.seconds();
    if !state.messaging.scheduled.iter().any(|s| s.post_at <= now) {
        return;
    }
    let (mut due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut state.messaging.scheduled)
        .into_iter()
        .partition(|s| s.post_at <= now);
    state.messaging.scheduled = later;
    due.sort_by_key(|s| s.post_at);
    for scheduled in due {
        let ts = state.workspace.clock.ts();
        let Some(channel) = state.workspace.channels.get_mut(&scheduled.channel) else {
            continue;
        };
        let mut message = scheduled.message;
        message.insert("type".into(), json!("message"));
        message.insert("ts".into(), json!(ts));
        let thread = scheduled
            .thread
            .as_ref()
            .filter(|(root, _)| channel.message(root).is_some())
            .map(|(root, broadcast)| (root.as_str(), *broadcast));
        append(channel, message, thread);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_compare_by_value() {
        assert_eq!(parse_ts("1512085950.000216"), Some((1512085950, 216)));
        assert_eq!(parse_ts("1512085950.5"), Some((1512085950, 500_000)));
        assert_eq!(parse_ts("1512085950"), Some((1512085950, 0)));
        assert_eq!(parse_ts("x"), None);
        assert_eq!(parse_ts("1.1234567"), None);
        assert!(parse_ts("2.000001") > parse_ts("1.999999"));
    }

    #[test]
    fn the_truncation_warning_is_slacks() {
        let mut data = Map::new();
        warn_truncated(&mut data);
        assert_eq!(
            data["response_metadata"]["messages"][0],
            "[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters."
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn blocks_are_checked_like_slack() {
        let fine = json!([
            {"type": "section", "text": {"type": "mrkdwn", "text": "hi"}},
            {"type": "divider"},
            {"type": "a_block_type_from_next_year", "anything": 1}
        ]);
        assert!(block_problems(fine.as_array().unwrap(), 50, "/blocks").is_empty());
        let bad = json!([
            {"text": "no type"},
            {"type": "section"},
            {"type": "header", "text": {"type": "mrkdwn", "text": "x"}},
            {"type": "image", "image_url": "https://example.com/a.png", "block_id": "b"},
            {"type": "divider", "block_id": "b"},
            3
        ]);
        let problems = block_problems(bad.as_array().unwrap(), 50, "/blocks");
        assert_eq!(
            problems,
            [
                "missing required field: type [json-pointer:/blocks/0]",
                "must provide either text or fields [json-pointer:/blocks/1]",
                "must be plain_text [json-pointer:/blocks/2/text/type]",
                "missing required field: alt_text [json-pointer:/blocks/3]",
                "duplicate block_id `b` [json-pointer:/blocks/4/block_id]",
                "expected an object [json-pointer:/blocks/5]",
            ]
        );
        let many = vec![json!({"type": "divider"}); 51];
        assert_eq!(
            block_problems(&many, 50, "/blocks"),
            ["no more than 50 items allowed [json-pointer:/blocks]"]
        );
    }
}
