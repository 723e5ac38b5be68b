//! `reactions.add`, `reactions.remove`, `reactions.get` and `reactions.list`: emoji reactions
//! on messages.

use super::messages::{conversation, parse_ts, present_linked, ts_of, Access};
use super::{fail, param, Outcome, Reply};
use crate::messaging::Reacted;
use crate::state::{fresh_number, State, User};
use crate::workspace::page_by;
use serde_json::{json, Map, Value};
use std::cmp::Reverse;

/// The emoji name of a call: without colons around it or spaces in it (`invalid_name`).
fn emoji_name(params: &[(String, String)]) -> Result<&str, Reply> {
    let name = param(params, "name").unwrap_or("");
    let valid = !name.is_empty()
        && !name.starts_with(':')
        && !name.ends_with(':')
        && !name.chars().any(char::is_whitespace);
    if valid {
        Ok(name)
    } else {
        Err(fail("invalid_name"))
    }
}

/// The conversation and the `ts` a reaction call names (`no_item_specified` without them,
/// `bad_timestamp` for a `timestamp` without a timestamp's shape, `channel_not_found` for a
/// conversation the caller cannot see).
fn item<'a>(
    state: &State,
    caller: &User,
    params: &'a [(String, String)],
) -> Result<(String, &'a str), Reply> {
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let (Some(channel), Some(ts)) = (given("channel"), given("timestamp")) else {
        return Err(fail("no_item_specified"));
    };
    if parse_ts(ts).is_none() {
        return Err(fail("bad_timestamp"));
    }
    let channel_id = conversation(state, caller, Some(channel), Access::Act)?;
    Ok((channel_id, ts))
}

/// The message a reaction call names by `channel` and `timestamp` (`no_item_specified` without
/// them, `bad_timestamp` for a `timestamp` without a timestamp's shape, `message_not_found` when
/// there is none).
fn target<'a>(
    state: &'a mut State,
    caller: &User,
    params: &[(String, String)],
) -> Result<&'a mut Map<String, Value>, Reply> {
    let (channel_id, ts) = item(state, caller, params)?;
    state
        .workspace
        .channels
        .get_mut(&channel_id)
        .and_then(|channel| channel.messages.iter_mut().find(|m| ts_of(m) == ts))
        .ok_or_else(|| fail("message_not_found"))
}

/// `reactions.add`: the caller reacts to a message with an emoji, once.
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = emoji_name(params)?.to_owned();
    let me = json!(caller.spec.id);
    let (channel, ts) = item(state, caller, params)?;
    let message = target(state, caller, params)?;
    let reactions = message
        .entry("reactions")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(reactions) = reactions else {
        return Err(fail("message_not_found"));
    };
    let existing = reactions
        .iter_mut()
        .find(|reaction| reaction.get("name") == Some(&json!(name)));
    match existing {
        Some(reaction) => {
            let users = reaction
                .get("users")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if users.contains(&me) {
                return Err(fail("already_reacted"));
            }
            let mut users = users;
            users.push(me);
            reaction["count"] = json!(users.len());
            reaction["users"] = Value::Array(users);
        }
        None => reactions.push(json!({"name": name, "users": [me], "count": 1})),
    }
    let reacted = &mut state.messaging.reacted;
    let user = &caller.spec.id;
    reacted.retain(|r| !(r.user == *user && r.channel == channel && r.ts == ts));
    reacted.push(Reacted {
        user: user.clone(),
        channel,
        ts: ts.to_owned(),
        seq: fresh_number(),
    });
    Ok(Map::new())
}

/// `reactions.remove`: the caller takes back its reaction (`no_reaction` when it has none).
/// Only message reactions are emulated: a call naming a file has `no_item_specified`.
pub(crate) fn remove(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = emoji_name(params)?.to_owned();
    let me = json!(caller.spec.id);
    let message = target(state, caller, params)?;
    let Some(Value::Array(reactions)) = message.get_mut("reactions") else {
        return Err(fail("no_reaction"));
    };
    let Some(index) = reactions
        .iter()
        .position(|reaction| reaction.get("name") == Some(&json!(name)))
    else {
        return Err(fail("no_reaction"));
    };
    let mut users = reactions[index]
        .get("users")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(mine) = users.iter().position(|user| *user == me) else {
        return Err(fail("no_reaction"));
    };
    users.remove(mine);
    if users.is_empty() {
        reactions.remove(index);
    } else {
        reactions[index]["count"] = json!(users.len());
        reactions[index]["users"] = Value::Array(users);
    }
    if reactions.is_empty() {
        message.remove("reactions");
    }
    Ok(Map::new())
}

/// `reactions.get`: the message with its reactions, as Slack answers it (`type` `message`,
/// `channel`, the message with its `permalink`). Every user who reacted is listed, `full` or
/// not. Only message reactions are emulated: a call naming a file has `no_item_specified`.
pub(crate) fn get(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel_id, ts) = item(state, caller, params)?;
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let message = channel
        .messages
        .iter()
        .find(|m| ts_of(m) == ts)
        .ok_or_else(|| fail("message_not_found"))?;
    let shown = present_linked(&state.team.domain, channel, message);
    let mut data = Map::new();
    data.insert("type".into(), json!("message"));
    data.insert("channel".into(), json!(channel_id));
    data.insert("message".into(), shown);
    Ok(data)
}

/// `reactions.list`: one page of the messages `user` (the caller by default; `user_not_found`
/// for an unknown one) reacted to, the last reacted to first, in the conversations the caller
/// may see, each as Slack lists it: `type` `message`, `channel` and the message with its
/// `reactions` and `permalink`. A message is listed once, however many reactions the user left
/// on it, and no longer once they took them all back or it was deleted. Every user who reacted
/// is listed, `full` or not.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let whose = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) if state.users.contains_key(id) => id.to_owned(),
        Some(_) => return Err(fail("user_not_found")),
        None => caller.spec.id.clone(),
    };
    let has_reacted = |message: &Map<String, Value>| {
        message
            .get("reactions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|reaction| reaction.get("users").and_then(Value::as_array))
            .any(|users| users.iter().any(|u| u.as_str() == Some(whose.as_str())))
    };
    let mut listed: Vec<(Reverse<u64>, Value)> = state
        .messaging
        .reacted
        .iter()
        .filter(|r| r.user == whose)
        .filter(|r| conversation(state, caller, Some(&r.channel), Access::Act).is_ok())
        .filter_map(|r| {
            let channel = state.workspace.channels.get(&r.channel)?;
            let message = channel.message(&r.ts).filter(|m| has_reacted(m))?;
            let shown = present_linked(&state.team.domain, channel, message);
            let item = json!({"type": "message", "channel": r.channel, "message": shown});
            Some((Reverse(r.seq), item))
        })
        .collect();
    listed.sort_by_key(|(key, _)| *key);
    let keys: Vec<Reverse<u64>> = listed.iter().map(|(key, _)| *key).collect();
    let (range, next) = page_by(
        "reaction",
        &keys,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
        |Reverse(seq)| seq.to_string(),
        |text| text.parse().ok().map(Reverse),
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let items: Vec<Value> = listed.drain(range).map(|(_, item)| item).collect();
    let mut data = Map::new();
    data.insert("items".into(), Value::Array(items));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}
