//! `assistant.threads.setStatus`, `.setSuggestedPrompts` and `.setTitle`: what an AI app shows in
//! a thread, kept per thread for [`Emulator::assistant_thread`](crate::Emulator::assistant_thread).
//!
//! A thread is named by its conversation (`channel_id`) and a message of it (`thread_ts`); the
//! errors are the ones Slack documents for these methods: `channel_not_found` for a conversation
//! the caller cannot see, `invalid_thread_ts` for no such message, and `message_not_found` when
//! `setSuggestedPrompts`, given no `thread_ts`, finds no message to take.

use super::messages::{conversation, thread_root, Access};
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{Map, Value};

/// The conversation and the `ts` of the thread's first message that `channel_id` and
/// `thread_ts` name.
fn thread(
    state: &State,
    caller: &User,
    params: &[(String, String)],
) -> Result<(String, String), Reply> {
    let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let root = param(params, "thread_ts")
        .filter(|ts| !ts.is_empty())
        .and_then(|ts| {
            let channel = state.workspace.channels.get(&channel_id)?;
            thread_root(channel, ts)
        })
        .ok_or_else(|| fail("invalid_thread_ts"))?;
    Ok((channel_id, root))
}

/// A JSON array parameter as its items; `invalid_arguments` for text that is not one.
fn json_array(params: &[(String, String)], name: &str) -> Result<Option<Vec<Value>>, Reply> {
    let Some(text) = param(params, name) else {
        return Ok(None);
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => Ok(Some(items)),
        _ => Err(fail("invalid_arguments")),
    }
}

/// `assistant.threads.setStatus`: shows `status` (with its `loading_messages`) under the
/// thread; an empty `status` clears it. A missing `status` is `invalid_arguments`.
pub(crate) fn set_status(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let key = thread(state, caller, params)?;
    let status = param(params, "status").ok_or_else(|| fail("invalid_arguments"))?;
    let loading = json_array(params, "loading_messages")?.unwrap_or_default();
    let entry = state.messaging.assistant.entry(key).or_default();
    if status.is_empty() {
        entry.status = None;
        entry.loading_messages.clear();
    } else {
        entry.status = Some((status.to_owned(), caller.spec.id.clone()));
        entry.loading_messages = loading;
    }
    Ok(Map::new())
}

/// `assistant.threads.setSuggestedPrompts`: keeps `prompts` (a JSON array, else
/// `invalid_arguments`) and `title` for the thread, or without `thread_ts` for the thread of the
/// conversation's latest message.
pub(crate) fn set_suggested_prompts(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let key = if param(params, "thread_ts").is_some() {
        thread(state, caller, params)?
    } else {
        let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
        let root = state
            .workspace
            .channels
            .get(&channel_id)
            .and_then(|channel| {
                let latest = channel.messages.last()?.get("ts")?.as_str()?;
                thread_root(channel, latest)
            });
        (channel_id, root.ok_or_else(|| fail("message_not_found"))?)
    };
    let prompts = json_array(params, "prompts")?.ok_or_else(|| fail("invalid_arguments"))?;
    let entry = state.messaging.assistant.entry(key).or_default();
    entry.prompts = Some(Value::Array(prompts));
    entry.prompts_title = param(params, "title").map(str::to_owned);
    Ok(Map::new())
}

/// `assistant.threads.setTitle`: names the thread (`invalid_arguments` without a `title`).
pub(crate) fn set_title(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let key = thread(state, caller, params)?;
    let title = param(params, "title").ok_or_else(|| fail("invalid_arguments"))?;
    state.messaging.assistant.entry(key).or_default().title = Some(title.to_owned());
    Ok(Map::new())
}

/// After `poster` posted in the thread `root` of `channel`: a status `poster` set there goes, as
/// Slack clears it when the app replies.
pub(crate) fn replied(state: &mut State, poster: &str, channel: &str, root: &str) {
    let key = (channel.to_owned(), root.to_owned());
    if let Some(entry) = state.messaging.assistant.get_mut(&key) {
        if entry
            .status
            .as_ref()
            .is_some_and(|(_, setter)| setter == poster)
        {
            entry.status = None;
            entry.loading_messages.clear();
        }
    }
}
