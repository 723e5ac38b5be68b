//! The `conversations.*` methods that change a channel after it was made, up to its end:
//! `conversations.setTopic`, `.setPurpose`, `.rename`, `.archive`, `.unarchive`, `.leave`,
//! `.kick`; and the two that change only how one member sees it, `.mark` and `.close`.
//!
//! Each acts on a conversation the caller may see (else `channel_not_found`), and posts in it
//! the message Slack posts for the change (`channel_topic`, `channel_purpose`, `channel_name`,
//! `channel_archive`, `channel_unarchive`, `channel_leave`); a user removed with `.kick` leaves
//! no message, nor do `.mark` and `.close`.
//!
//! Where Slack is silent, the emulator's choices: `conversations.mark` takes any `ts` of a
//! timestamp's shape (digits, a dot and up to six digits), whether or not a message has it,
//! in any conversation the caller is a member of, archived ones too, and keeps it as the
//! caller's read mark there ([`Emulator::read_mark`](crate::Emulator::read_mark)); no answer
//! reports it (`conversations.info` has no `last_read` here). `conversations.close` closes a
//! direct or group direct message for the caller only; only `conversations.open` opens it
//! again (a new message does not), and `conversations.open` answers `already_open` only for
//! one that was open ([`Emulator::is_open`](crate::Emulator::is_open)).

use super::channels::{check_name, conversation_json, named_channel, post_event};
use super::messages::parse_ts;
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::ChannelKind;
use serde_json::{Map, Value};
use slack_methods_runtime::types::MAX_TOPIC_CHARS;

/// What a call of `conversations.setTopic` or `.setPurpose` sets.
#[derive(Clone, Copy)]
enum Text {
    Topic,
    Purpose,
}

impl Text {
    /// The parameter, and the word in Slack's message.
    fn name(self) -> &'static str {
        match self {
            Text::Topic => "topic",
            Text::Purpose => "purpose",
        }
    }
}

/// Sets the topic or purpose of a conversation the caller is in (not a direct message), at most
/// [`MAX_TOPIC_CHARS`] characters: `method_not_supported_for_channel_type`, `is_archived`,
/// `not_in_channel`, `too_long` otherwise. Answers the conversation.
fn set_text(state: &mut State, caller: &User, params: &[(String, String)], which: Text) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if channel.kind == ChannelKind::Im {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    if channel.archived {
        return Err(fail("is_archived"));
    }
    if !channel.members.contains(&me) {
        return Err(fail("not_in_channel"));
    }
    let text = param(params, which.name()).unwrap_or("").to_owned();
    if text.chars().count() > MAX_TOPIC_CHARS {
        return Err(fail("too_long"));
    }
    let id = channel.id.clone();
    let now = state.workspace.clock.seconds();
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        let (value, set) = match which {
            Text::Topic => (&mut channel.topic, &mut channel.topic_set),
            Text::Purpose => (&mut channel.purpose, &mut channel.purpose_set),
        };
        value.clone_from(&text);
        *set = (me.clone(), now);
    }
    let word = which.name();
    post_event(
        state,
        &id,
        &me,
        &format!("channel_{word}"),
        format!("set the channel {word}: {text}"),
        &[(word, &text)],
    );
    answer_channel(state, &id, &me)
}

/// `{"channel": {...}}`: the conversation `id` as `me` sees it.
fn answer_channel(state: &State, id: &str, me: &str) -> Outcome {
    let channel = state
        .workspace
        .channels
        .get(id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let mut data = Map::new();
    data.insert(
        "channel".into(),
        conversation_json(state, channel, me, false),
    );
    Ok(data)
}

/// `conversations.setTopic`.
pub(crate) fn set_topic(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    set_text(state, caller, params, Text::Topic)
}

/// `conversations.setPurpose`.
pub(crate) fn set_purpose(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    set_text(state, caller, params, Text::Purpose)
}

/// `conversations.rename`: renames a channel (not a direct message or group direct message:
/// `method_not_supported_for_channel_type`) the caller is in (`not_in_channel`), checking the
/// name as `conversations.create` does (`invalid_name_*`, `name_taken`). The old name goes first
/// into `previous_names`; the same name again changes nothing.
pub(crate) fn rename(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    if !channel.members.contains(&me) {
        return Err(fail("not_in_channel"));
    }
    let name = param(params, "name").unwrap_or("").to_owned();
    check_name(&name)?;
    let id = channel.id.clone();
    let old = channel.name.clone();
    if old != name {
        let taken = state
            .workspace
            .channels
            .values()
            .any(|other| other.id != id && !other.name.is_empty() && other.name == name);
        if taken {
            return Err(fail("name_taken"));
        }
        if let Some(channel) = state.workspace.channels.get_mut(&id) {
            channel.name.clone_from(&name);
            channel.previous_names.insert(0, old.clone());
        }
        post_event(
            state,
            &id,
            &me,
            "channel_name",
            format!("renamed the channel from \"{old}\" to \"{name}\""),
            &[("old_name", &old), ("name", &name)],
        );
    }
    answer_channel(state, &id, &me)
}

/// The channel the `channel` parameter names, for archiving or unarchiving: one the caller may
/// see, not a direct or group direct message (`method_not_supported_for_channel_type`).
fn archivable(state: &State, caller: &User, params: &[(String, String)]) -> Result<String, Reply> {
    let channel = named_channel(state, caller, params)?;
    if matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    Ok(channel.id.clone())
}

/// Archives or unarchives the channel `id`, and posts Slack's message for it.
fn set_archived(state: &mut State, id: &str, me: &str, archived: bool) -> Outcome {
    if let Some(channel) = state.workspace.channels.get_mut(id) {
        channel.archived = archived;
    }
    let (subtype, text) = if archived {
        ("channel_archive", "archived the channel")
    } else {
        ("channel_unarchive", "un-archived the channel")
    };
    post_event(state, id, me, subtype, text.to_owned(), &[]);
    Ok(Map::new())
}

/// `conversations.archive`: `cant_archive_general` for the general channel,
/// `already_archived` for an archived one.
pub(crate) fn archive(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = archivable(state, caller, params)?;
    let channel = state
        .workspace
        .channels
        .get(&id)
        .ok_or_else(|| fail("channel_not_found"))?;
    if channel.general {
        return Err(fail("cant_archive_general"));
    }
    if channel.archived {
        return Err(fail("already_archived"));
    }
    set_archived(state, &id, &caller.spec.id, true)
}

/// `conversations.unarchive`: `not_archived` for a channel that is not archived.
pub(crate) fn unarchive(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = archivable(state, caller, params)?;
    let archived = state
        .workspace
        .channels
        .get(&id)
        .is_some_and(|channel| channel.archived);
    if !archived {
        return Err(fail("not_archived"));
    }
    set_archived(state, &id, &caller.spec.id, false)
}

/// `conversations.leave`: the caller leaves a conversation (not a direct message:
/// `method_not_supported_for_channel_type`; not the general channel: `cant_leave_general`; not
/// an archived one: `is_archived`; not a private channel it is the last member of:
/// `last_member`), and Slack's `channel_leave` message is posted. A caller who is not a member
/// gets `{"ok":true,"not_in_channel":true}`.
pub(crate) fn leave(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if channel.kind == ChannelKind::Im {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    if channel.general {
        return Err(fail("cant_leave_general"));
    }
    if channel.archived {
        return Err(fail("is_archived"));
    }
    if !channel.members.contains(&me) {
        let mut data = Map::new();
        data.insert("not_in_channel".into(), Value::Bool(true));
        return Ok(data);
    }
    if channel.kind == ChannelKind::Private && channel.members.len() == 1 {
        return Err(fail("last_member"));
    }
    let id = channel.id.clone();
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        channel.members.remove(&me);
    }
    post_event(
        state,
        &id,
        &me,
        "channel_leave",
        format!("<@{me}> has left the channel"),
        &[],
    );
    Ok(Map::new())
}

/// `conversations.kick`: the caller removes `user` from a channel they are both in (not a
/// direct or group direct message: `method_not_supported_for_channel_type`): `user_not_found`,
/// `cant_kick_self`, `cant_kick_from_general`, `not_in_channel` (the caller or the user is not
/// in it) otherwise.
pub(crate) fn kick(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    let user = param(params, "user").unwrap_or("").trim();
    if !state.users.contains_key(user) {
        return Err(fail("user_not_found"));
    }
    if user == me {
        return Err(fail("cant_kick_self"));
    }
    if channel.general {
        return Err(fail("cant_kick_from_general"));
    }
    if !channel.members.contains(&me) || !channel.members.contains(user) {
        return Err(fail("not_in_channel"));
    }
    let id = channel.id.clone();
    let user = user.to_owned();
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        channel.members.remove(&user);
    }
    Ok(Map::new())
}

/// `conversations.mark`: moves the caller's read mark in a conversation they are a member of
/// (`not_in_channel` otherwise) to `ts` (`invalid_timestamp` for one not shaped as a `ts`).
pub(crate) fn mark(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if !channel.members.contains(&me) {
        return Err(fail("not_in_channel"));
    }
    let ts = param(params, "ts").unwrap_or("");
    if parse_ts(ts).is_none() {
        return Err(fail("invalid_timestamp"));
    }
    let id = channel.id.clone();
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        channel.read_marks.insert(me, ts.to_owned());
    }
    Ok(Map::new())
}

/// `conversations.close`: closes a direct or group direct message for the caller
/// (`method_not_supported_for_channel_type` for a channel); one closed already answers
/// `no_op` and `already_closed`.
pub(crate) fn close(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if !matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    let id = channel.id.clone();
    let mut data = Map::new();
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        if !channel.closed_by.insert(me) {
            data.insert("no_op".into(), Value::Bool(true));
            data.insert("already_closed".into(), Value::Bool(true));
        }
    }
    Ok(data)
}
