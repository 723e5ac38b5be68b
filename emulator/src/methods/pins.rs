//! `pins.add`, `pins.remove` and `pins.list`: pinning a message to its conversation, un-pinning
//! it, and listing what is pinned.

use super::messages::{conversation, parse_ts, present_linked, ts_of, Access};
use super::{fail, param, Outcome, Reply};
use crate::messaging::Pin;
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// The conversation and the message a pin call names by `channel` and `timestamp`
/// (`channel_not_found`; `no_item_specified` without a `timestamp`, `bad_timestamp` for one
/// without a timestamp's shape, `message_not_found` when there is no such message).
fn target<'a>(
    state: &'a mut State,
    caller: &User,
    params: &[(String, String)],
) -> Result<(String, &'a mut Map<String, Value>), Reply> {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let Some(ts) = param(params, "timestamp").filter(|ts| !ts.is_empty()) else {
        return Err(fail("no_item_specified"));
    };
    if parse_ts(ts).is_none() {
        return Err(fail("bad_timestamp"));
    }
    let message = state
        .workspace
        .channels
        .get_mut(&channel_id)
        .and_then(|channel| channel.messages.iter_mut().find(|m| ts_of(m) == ts))
        .ok_or_else(|| fail("message_not_found"))?;
    Ok((channel_id, message))
}

/// `pins.add`: the message gets the conversation in its `pinned_to` (`already_pinned` twice;
/// `bad_timestamp` for a `timestamp` without a timestamp's shape; `not_pinnable` for a
/// `channel_join` message, which Slack does not pin).
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel_id, message) = target(state, caller, params)?;
    if message.get("subtype") == Some(&json!("channel_join")) {
        return Err(fail("not_pinnable"));
    }
    let pinned = message
        .entry("pinned_to")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(pinned) = pinned else {
        return Err(fail("not_pinnable"));
    };
    if pinned.contains(&json!(channel_id)) {
        return Err(fail("already_pinned"));
    }
    pinned.push(json!(channel_id));
    let ts = ts_of(message).to_owned();
    let created = state.workspace.clock.seconds();
    state.messaging.pins.push(Pin {
        channel: channel_id,
        ts,
        created,
        created_by: caller.spec.id.clone(),
    });
    Ok(Map::new())
}

/// `pins.remove`: the message loses the conversation from its `pinned_to`, and the field goes
/// with its last pin. A message not pinned there is `no_pin`, the code of Slack's example answer
/// (its error list also has `not_pinned`, which the emulator does not answer).
pub(crate) fn remove(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel_id, message) = target(state, caller, params)?;
    let Some(Value::Array(pinned)) = message.get_mut("pinned_to") else {
        return Err(fail("no_pin"));
    };
    let Some(index) = pinned.iter().position(|to| *to == json!(channel_id)) else {
        return Err(fail("no_pin"));
    };
    pinned.remove(index);
    if pinned.is_empty() {
        message.remove("pinned_to");
    }
    let ts = ts_of(message).to_owned();
    state
        .messaging
        .pins
        .retain(|pin| !(pin.channel == channel_id && pin.ts == ts));
    Ok(Map::new())
}

/// `pins.list`: the messages pinned in the conversation, the last pinned first, each as Slack
/// lists it: `type` `message`, `created`, `created_by`, `channel` and the message with its
/// `permalink`. A message deleted since it was pinned is no longer listed.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Act)?;
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let pinned_here = |message: &Map<String, Value>| {
        message
            .get("pinned_to")
            .and_then(Value::as_array)
            .is_some_and(|to| to.contains(&json!(channel_id)))
    };
    let items: Vec<Value> = state
        .messaging
        .pins
        .iter()
        .rev()
        .filter(|pin| pin.channel == channel_id)
        .filter_map(|pin| {
            let message = channel.message(&pin.ts).filter(|m| pinned_here(m))?;
            let shown = present_linked(&state.team.domain, channel, message);
            Some(json!({
                "type": "message",
                "created": pin.created,
                "created_by": pin.created_by,
                "channel": channel_id,
                "message": shown,
            }))
        })
        .collect();
    let mut data = Map::new();
    data.insert("items".into(), Value::Array(items));
    Ok(data)
}
