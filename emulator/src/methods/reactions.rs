//! `reactions.add`, `reactions.remove` and `reactions.get`: emoji reactions on messages.

use super::messages::{conversation, parse_ts, present_linked, ts_of, Access};
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

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
