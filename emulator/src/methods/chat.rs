//! `chat.*`: posting, editing, deleting, me messages, ephemeral and scheduled messages,
//! permalinks.
//!
//! `chat.meMessage` posts as `chat.postMessage` does (a conversation the caller may post in,
//! by id or name: `channel_not_found`, `not_in_channel`, `is_archived`; `no_text` without
//! text), a message of subtype `me_message` holding only its text. Where Slack is silent, the
//! emulator's choices: a text longer than `chat.postMessage` keeps (`MAX_TEXT_CHARS`) is
//! `msg_too_long`, not cut; the answer is `channel` and `ts` only, as Slack's example.

use super::messages::{
    append, conversation, deliver_scheduled, is_bot, new_message, parse_ts, permalink, present,
    read_content, refresh_thread, thread_root, ts_of, warn_truncated, Access, Content,
};
use super::{fail, param, truthy, Outcome};
use crate::messaging::{Ephemeral, Scheduled};
use crate::state::{State, User};
use crate::workspace::page_by;
use serde_json::{json, Map, Value};
use slack_methods_runtime::types::MAX_TEXT_CHARS;

/// The furthest ahead `chat.scheduleMessage` accepts: 120 days.
const MAX_SCHEDULE_AHEAD_SECS: i64 = 120 * 24 * 3600;

/// The thread a call asks to reply in (`thread_ts`): its parent's `ts` and whether the reply is
/// also sent to the channel; `invalid_thread_ts` when `thread_ts` names no message there.
fn requested_thread(
    state: &State,
    channel: &str,
    params: &[(String, String)],
) -> Result<Option<(String, bool)>, super::Reply> {
    let Some(given) = param(params, "thread_ts").filter(|ts| !ts.is_empty()) else {
        return Ok(None);
    };
    let root = state
        .workspace
        .channels
        .get(channel)
        .and_then(|channel| thread_root(channel, given))
        .ok_or_else(|| fail("invalid_thread_ts"))?;
    Ok(Some((root, truthy(param(params, "reply_broadcast")))))
}

/// `chat.postMessage`: a new message (or thread reply) in a conversation.
pub(crate) fn post_message(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let content = read_content(state, params)?;
    if !content.shows_something() {
        return Err(fail("no_text"));
    }
    let thread = requested_thread(state, &channel_id, params)?;
    let truncated = content.truncated;
    let mut message = new_message(state, caller, content, params);
    let ts = state.workspace.clock.ts();
    message.insert("ts".into(), json!(ts));
    let Some(channel) = state.workspace.channels.get_mut(&channel_id) else {
        return Err(fail("channel_not_found"));
    };
    append(
        channel,
        message,
        thread
            .as_ref()
            .map(|(root, broadcast)| (root.as_str(), *broadcast)),
    );
    let posted = channel
        .message(&ts)
        .map(|m| present(channel, m, true))
        .unwrap_or(Value::Null);
    if let Some((root, _)) = &thread {
        super::assistant::replied(state, &caller.spec.id, &channel_id, root);
    }
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("ts".into(), json!(ts));
    data.insert("message".into(), posted);
    if truncated {
        warn_truncated(&mut data);
    }
    Ok(data)
}

/// `chat.meMessage`: a `me_message` in a conversation the caller may post in.
pub(crate) fn me_message(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let text = param(params, "text").unwrap_or("");
    if text.is_empty() {
        return Err(fail("no_text"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(fail("msg_too_long"));
    }
    let content = Content {
        text: Some(text.to_owned()),
        ..Content::default()
    };
    let mut message = new_message(state, caller, content, &[]);
    message.insert("subtype".into(), json!("me_message"));
    let ts = state.workspace.clock.ts();
    message.insert("ts".into(), json!(ts));
    let Some(channel) = state.workspace.channels.get_mut(&channel_id) else {
        return Err(fail("channel_not_found"));
    };
    append(channel, message, None);
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("ts".into(), json!(ts));
    Ok(data)
}

/// The index of message `ts` in `channel_id`, or `message_not_found`.
fn find(state: &State, channel_id: &str, ts: Option<&str>) -> Result<usize, super::Reply> {
    let ts = ts
        .filter(|ts| !ts.is_empty())
        .ok_or_else(|| fail("message_not_found"))?;
    state
        .workspace
        .channels
        .get(channel_id)
        .and_then(|channel| channel.messages.iter().position(|m| ts_of(m) == ts))
        .ok_or_else(|| fail("message_not_found"))
}

/// `chat.update`: the author changes a message; what the call leaves out stays.
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let index = find(state, &channel_id, param(params, "ts"))?;
    let content = read_content(state, params)?;
    let content_truncated = content.truncated;
    let edited_ts = state.workspace.clock.ts();
    let Some(channel) = state.workspace.channels.get_mut(&channel_id) else {
        return Err(fail("channel_not_found"));
    };
    let stored = &channel.messages[index];
    let author = stored.get("user").and_then(Value::as_str);
    if author != Some(caller.spec.id.as_str()) || stored.get("subtype") == Some(&json!("tombstone"))
    {
        return Err(fail("cant_update_message"));
    }
    let mut message = stored.clone();
    if let Some(text) = content.text {
        message.insert("text".into(), json!(text));
    }
    for (key, value) in [
        ("blocks", content.blocks),
        ("attachments", content.attachments),
    ] {
        match value {
            Some(list) if list.is_empty() => {
                message.remove(key);
            }
            Some(list) => {
                message.insert(key.into(), Value::Array(list));
            }
            None => {}
        }
    }
    if let Some(metadata) = content.metadata {
        message.insert("metadata".into(), metadata);
    }
    let shows = |key: &str| match message.get(key) {
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Array(list)) => !list.is_empty(),
        _ => false,
    };
    if !(shows("text") || shows("blocks") || shows("attachments")) {
        return Err(fail("no_text"));
    }
    let is_reply = message
        .get("thread_ts")
        .and_then(Value::as_str)
        .is_some_and(|root| root != ts_of(&message));
    if is_reply && truthy(param(params, "reply_broadcast")) {
        message.insert("subtype".into(), json!("thread_broadcast"));
    }
    message.insert(
        "edited".into(),
        json!({"user": caller.spec.id, "ts": edited_ts}),
    );
    channel.messages[index] = message.clone();
    let ts = ts_of(&message).to_owned();
    let text = message.get("text").cloned().unwrap_or(json!(""));
    // Slack leaves the message's own `ts` out of this answer.
    let mut answered = match present(channel, &message, true) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    answered.remove("ts");
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("ts".into(), json!(ts));
    data.insert("text".into(), text);
    data.insert("message".into(), Value::Object(answered));
    if content_truncated {
        warn_truncated(&mut data);
    }
    Ok(data)
}

/// `chat.delete`: the author (or an admin's user token) deletes a message. A thread's parent
/// with replies stays as a tombstone until its last reply goes.
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let index = find(state, &channel_id, param(params, "ts"))?;
    let Some(channel) = state.workspace.channels.get_mut(&channel_id) else {
        return Err(fail("channel_not_found"));
    };
    let stored = &channel.messages[index];
    let author = stored.get("user").and_then(Value::as_str);
    let admin = caller.spec.admin && !is_bot(caller);
    if stored.get("subtype") == Some(&json!("tombstone"))
        || (author != Some(caller.spec.id.as_str()) && !admin)
    {
        return Err(fail("cant_delete_message"));
    }
    let ts = ts_of(stored).to_owned();
    let root = stored
        .get("thread_ts")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let has_replies = stored
        .get("reply_count")
        .and_then(Value::as_u64)
        .is_some_and(|n| n > 0);
    if has_replies && root.as_deref() == Some(ts.as_str()) {
        let mut tombstone = Map::new();
        for key in [
            "ts",
            "thread_ts",
            "reply_count",
            "reply_users",
            "reply_users_count",
            "latest_reply",
            "is_locked",
        ] {
            if let Some(value) = stored.get(key) {
                tombstone.insert(key.into(), value.clone());
            }
        }
        tombstone.insert("type".into(), json!("message"));
        tombstone.insert("subtype".into(), json!("tombstone"));
        tombstone.insert("text".into(), json!("This message was deleted."));
        tombstone.insert("user".into(), json!("USLACKBOT"));
        tombstone.insert("hidden".into(), json!(true));
        channel.messages[index] = tombstone;
    } else {
        channel.messages.remove(index);
        if let Some(root) = root.filter(|root| *root != ts) {
            refresh_thread(channel, &root);
        }
    }
    // A deleted message's pin goes with it.
    state
        .messaging
        .pins
        .retain(|pin| !(pin.channel == channel_id && pin.ts == ts));
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("ts".into(), json!(ts));
    Ok(data)
}

/// `chat.postEphemeral`: a message only `user` sees, kept out of the history.
pub(crate) fn post_ephemeral(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let user = param(params, "user").unwrap_or("");
    if !state.users.contains_key(user) {
        return Err(fail("user_not_found"));
    }
    let in_channel = state
        .workspace
        .channels
        .get(&channel_id)
        .is_some_and(|channel| channel.members.contains(user));
    if !in_channel {
        return Err(fail("user_not_in_channel"));
    }
    let content = read_content(state, params)?;
    if !content.shows_something() {
        return Err(fail("no_text"));
    }
    let truncated = content.truncated;
    let mut message = new_message(state, caller, content, params);
    let ts = state.workspace.clock.ts();
    message.insert("ts".into(), json!(ts));
    if let Some(root) = param(params, "thread_ts").filter(|ts| !ts.is_empty()) {
        message.insert("thread_ts".into(), json!(root));
    }
    state.messaging.ephemeral.push(Ephemeral {
        channel: channel_id,
        user: user.to_owned(),
        message,
    });
    let mut data = Map::new();
    data.insert("message_ts".into(), json!(ts));
    if truncated {
        warn_truncated(&mut data);
    }
    Ok(data)
}

/// `chat.getPermalink`: the message's link on the workspace's domain; a reply's opens its
/// thread.
pub(crate) fn get_permalink(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let index = find(state, &channel_id, param(params, "message_ts"))?;
    let message = state
        .workspace
        .channels
        .get(&channel_id)
        .and_then(|channel| channel.messages.get(index))
        .ok_or_else(|| fail("message_not_found"))?;
    let link = permalink(&state.team.domain, &channel_id, message);
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("permalink".into(), json!(link));
    Ok(data)
}

/// `chat.scheduleMessage`: holds a message until `post_at` (at most 120 days ahead); the first
/// call after that posts it.
pub(crate) fn schedule_message(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let post_at = param(params, "post_at")
        .and_then(|text| parse_ts(text.trim()))
        .and_then(|(seconds, _)| i64::try_from(seconds).ok())
        .ok_or_else(|| fail("invalid_time"))?;
    let now = state.workspace.clock.seconds();
    if post_at <= now {
        return Err(fail("time_in_past"));
    }
    if post_at > now + MAX_SCHEDULE_AHEAD_SECS {
        return Err(fail("time_too_far"));
    }
    let content = read_content(state, params)?;
    if !content.shows_something() {
        return Err(fail("no_text"));
    }
    let thread = requested_thread(state, &channel_id, params)?;
    let truncated = content.truncated;
    let mut message = new_message(state, caller, content, params);
    message.insert("type".into(), json!("delayed_message"));
    let id = state.messaging.id("Q", 10);
    state.messaging.scheduled.push(Scheduled {
        id: id.clone(),
        channel: channel_id.clone(),
        post_at,
        created: now,
        message: message.clone(),
        thread,
    });
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("scheduled_message_id".into(), json!(id));
    data.insert("post_at".into(), json!(post_at));
    data.insert("message".into(), Value::Object(message));
    if truncated {
        warn_truncated(&mut data);
    }
    Ok(data)
}

/// Whether `caller` scheduled `scheduled`: a user or bot sees and cancels only its own scheduled
/// messages.
fn scheduled_by(scheduled: &Scheduled, caller: &User) -> bool {
    scheduled.message.get("user").and_then(Value::as_str) == Some(caller.spec.id.as_str())
}

/// `chat.deleteScheduledMessage`: cancels a message the caller scheduled in `channel`, before it
/// goes out (`invalid_scheduled_message_id` for an id not held there for the caller, such as
/// one already posted).
pub(crate) fn delete_scheduled(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let id = param(params, "scheduled_message_id").map(str::trim);
    let index = state
        .messaging
        .scheduled
        .iter()
        .position(|s| {
            Some(s.id.as_str()) == id && s.channel == channel_id && scheduled_by(s, caller)
        })
        .ok_or_else(|| fail("invalid_scheduled_message_id"))?;
    state.messaging.scheduled.remove(index);
    Ok(Map::new())
}

/// `chat.scheduledMessages.list`: the caller's scheduled messages not posted yet, soonest
/// first, in one conversation with `channel` (`invalid_channel` for one the caller cannot see)
/// and with `oldest`/`latest` in that range of `post_at`. Paged as Slack's lists are: a cursor
/// names the scheduled message the next page starts at, so a message scheduled or cancelled
/// between two pages neither repeats nor skips one.
pub(crate) fn scheduled_list(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    deliver_scheduled(state);
    let channel = match param(params, "channel").filter(|given| !given.trim().is_empty()) {
        Some(given) => Some(
            conversation(state, caller, Some(given), Access::Act)
                .map_err(|_| fail("invalid_channel"))?,
        ),
        None => None,
    };
    // A time with its fraction of a second, compared with `post_at` as `(seconds, 0)`.
    let bound = |name: &str| -> Result<Option<(i64, u32)>, super::Reply> {
        match param(params, name).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(text) => parse_ts(text)
                .and_then(|(seconds, fraction)| Some((i64::try_from(seconds).ok()?, fraction)))
                .map(Some)
                .ok_or_else(|| fail("invalid_arguments")),
        }
    };
    let oldest = bound("oldest")?;
    let latest = bound("latest")?;
    let mut mine: Vec<&Scheduled> = state
        .messaging
        .scheduled
        .iter()
        .filter(|s| scheduled_by(s, caller))
        .filter(|s| channel.as_ref().is_none_or(|c| *c == s.channel))
        .filter(|s| oldest.is_none_or(|oldest| (s.post_at, 0) >= oldest))
        .filter(|s| latest.is_none_or(|latest| (s.post_at, 0) <= latest))
        .collect();
    mine.sort_by(|a, b| (a.post_at, &a.id).cmp(&(b.post_at, &b.id)));
    let keys: Vec<(i64, &str)> = mine.iter().map(|s| (s.post_at, s.id.as_str())).collect();
    let (range, next) = page_by(
        "scheduled",
        &keys,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
        |(post_at, id)| format!("{post_at}:{id}"),
        |text| {
            let (post_at, id) = text.split_once(':')?;
            Some((post_at.parse().ok()?, id))
        },
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let listed: Vec<Value> = mine[range]
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "channel_id": s.channel,
                "post_at": s.post_at,
                "date_created": s.created,
                "text": s.message.get("text").cloned().unwrap_or_else(|| json!("")),
            })
        })
        .collect();
    let mut data = Map::new();
    data.insert("scheduled_messages".into(), Value::Array(listed));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}
