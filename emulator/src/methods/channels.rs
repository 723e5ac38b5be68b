//! The `conversations.*` methods that find, open, create and join conversations and list their
//! members: `conversations.list`, `.info`, `.members`, `.open`, `.join`, `.create`, `.invite`
//! (those that change a channel later are in `lifecycle`).
//!
//! Who sees what, as in Slack: public channels are seen by everyone; private channels, direct
//! messages and group direct messages only by their members (to anyone else they are
//! `channel_not_found`).

use super::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::{page, Channel, ChannelKind, ChannelSpec};
use serde_json::{json, Map, Value};
use slack_methods_runtime::types::{MAX_CHANNEL_NAME_CHARS, MAX_DM_USERS, MAX_PAGE_LIMIT};
use std::collections::BTreeSet;

/// Whether `user` may see `channel`.
pub(crate) fn visible(channel: &Channel, user: &str) -> bool {
    channel.kind == ChannelKind::Public || channel.members.contains(user)
}

/// A topic or purpose object: its text, and who set it when (`""` and 0 while it is empty).
fn topic(value: &str, (by, when): &(String, i64)) -> Value {
    let set = !value.is_empty();
    json!({
        "value": value,
        "creator": if set { by.as_str() } else { "" },
        "last_set": if set { *when } else { 0 },
    })
}

/// Slack's conversation object for `channel`, as `viewer` sees it; with `num_members` when
/// `with_count` says so (lists always include it for channels).
pub(crate) fn conversation_json(
    state: &State,
    channel: &Channel,
    viewer: &str,
    with_count: bool,
) -> Value {
    let team = state.team.id.as_str();
    let updated = channel.created.saturating_mul(1000);
    if channel.kind == ChannelKind::Im {
        let other = channel
            .members
            .iter()
            .find(|member| *member != viewer)
            .or_else(|| channel.members.iter().next())
            .cloned()
            .unwrap_or_default();
        return json!({
            "id": channel.id,
            "created": channel.created,
            "is_archived": channel.archived,
            "is_im": true,
            "is_org_shared": false,
            "context_team_id": team,
            "updated": updated,
            "user": other,
            "is_user_deleted": false,
            "priority": 0,
        });
    }
    let mpim = channel.kind == ChannelKind::Mpim;
    let private = channel.kind != ChannelKind::Public;
    let mut object = json!({
        "id": channel.id,
        "name": channel.name,
        "is_channel": !mpim,
        "is_group": mpim,
        "is_im": false,
        "is_mpim": mpim,
        "is_private": private,
        "created": channel.created,
        "is_archived": channel.archived,
        "is_general": channel.general,
        "unlinked": 0,
        "name_normalized": crate::state::normalize(&channel.name),
        "is_shared": false,
        "is_org_shared": false,
        "is_pending_ext_shared": false,
        "pending_shared": [],
        "context_team_id": team,
        "updated": updated,
        "parent_conversation": null,
        "creator": channel.creator,
        "is_ext_shared": false,
        "shared_team_ids": [team],
        "pending_connected_team_ids": [],
        "is_member": channel.members.contains(viewer),
        "topic": topic(&channel.topic, &channel.topic_set),
        "purpose": topic(&channel.purpose, &channel.purpose_set),
        "previous_names": channel.previous_names,
    });
    if with_count {
        if let Value::Object(map) = &mut object {
            map.insert("num_members".into(), Value::from(channel.members.len()));
        }
    }
    object
}

/// The conversation the `channel` parameter names, if `caller` may see it.
pub(crate) fn named_channel<'a>(
    state: &'a State,
    caller: &User,
    params: &[(String, String)],
) -> Result<&'a Channel, Reply> {
    let id = param(params, "channel").unwrap_or("");
    state
        .workspace
        .channels
        .get(id)
        .filter(|channel| visible(channel, &caller.spec.id))
        .ok_or_else(|| fail("channel_not_found"))
}

/// The kinds `types` asks for (public channels when absent); an unknown kind is
/// `invalid_types`.
pub(crate) fn kinds(params: &[(String, String)]) -> Result<Vec<ChannelKind>, Reply> {
    let Some(types) = param(params, "types").filter(|t| !t.trim().is_empty()) else {
        return Ok(vec![ChannelKind::Public]);
    };
    types
        .split(',')
        .map(|kind| match kind.trim() {
            "public_channel" => Ok(ChannelKind::Public),
            "private_channel" => Ok(ChannelKind::Private),
            "mpim" => Ok(ChannelKind::Mpim),
            "im" => Ok(ChannelKind::Im),
            _ => Err(fail("invalid_types")),
        })
        .collect()
}

/// One page of the conversations that pass `keep`, in id order, as `caller` sees them:
/// `{"channels": [...], "response_metadata": {"next_cursor": ...}}`.
pub(crate) fn listing(
    state: &State,
    caller: &User,
    params: &[(String, String)],
    keep: impl Fn(&Channel) -> bool,
) -> Outcome {
    let kinds = kinds(params)?;
    let exclude_archived = truthy(param(params, "exclude_archived"));
    let chosen: Vec<&Channel> = state
        .workspace
        .channels
        .values()
        .filter(|channel| kinds.contains(&channel.kind))
        .filter(|channel| !(exclude_archived && channel.archived))
        .filter(|channel| visible(channel, &caller.spec.id))
        .filter(|channel| keep(channel))
        .collect();
    let ids: Vec<&str> = chosen.iter().map(|channel| channel.id.as_str()).collect();
    let (range, next) = page(
        "channel",
        &ids,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let channels: Vec<Value> = chosen[range]
        .iter()
        .map(|channel| conversation_json(state, channel, &caller.spec.id, true))
        .collect();
    let mut data = Map::new();
    data.insert("channels".into(), Value::Array(channels));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// A `limit` above [`MAX_PAGE_LIMIT`] is `invalid_limit`, as Slack answers.
fn check_limit(params: &[(String, String)]) -> Result<(), Reply> {
    match param(params, "limit").map(|l| l.trim().parse::<u64>()) {
        Some(Ok(limit)) if limit > u64::from(MAX_PAGE_LIMIT) => Err(fail("invalid_limit")),
        Some(Err(_)) => Err(fail("invalid_limit")),
        _ => Ok(()),
    }
}

/// `conversations.list`: one page of the conversations of the kinds `types` names that the
/// caller may see.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    check_limit(params)?;
    listing(state, caller, params, |_| true)
}

/// `conversations.info`.
pub(crate) fn info(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel = named_channel(state, caller, params)?;
    let with_count = truthy(param(params, "include_num_members"));
    let mut object = conversation_json(state, channel, &caller.spec.id, with_count);
    if truthy(param(params, "include_locale")) {
        if let Value::Object(map) = &mut object {
            map.insert("locale".into(), Value::from("en-US"));
        }
    }
    let mut data = Map::new();
    data.insert("channel".into(), object);
    Ok(data)
}

/// `conversations.members`: one page of member ids, in id order.
pub(crate) fn members(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    check_limit(params)?;
    let channel = named_channel(state, caller, params)?;
    let members: Vec<&str> = channel.members.iter().map(String::as_str).collect();
    let (range, next) = page(
        "member",
        &members,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let mut data = Map::new();
    data.insert("members".into(), json!(members[range]));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// `conversations.open`: finds or creates the direct message (one other user) or group direct
/// message (two to eight) with `users`, or reopens `channel`.
pub(crate) fn open(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let full = truthy(param(params, "return_im"));
    let users = param(params, "users").filter(|u| !u.trim().is_empty());
    let (id, existed) = match (param(params, "channel"), users) {
        (Some(channel), _) if !channel.is_empty() => {
            let channel = named_channel(state, caller, params)?;
            if !matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
                return Err(fail("method_not_supported_for_channel_type"));
            }
            (channel.id.clone(), true)
        }
        (_, None) => return Err(fail("users_list_not_supplied")),
        (_, Some(users)) => {
            let mut members: BTreeSet<String> = BTreeSet::new();
            let mut order: Vec<String> = Vec::new();
            for user in users.split(',').map(str::trim).filter(|u| !u.is_empty()) {
                if !state.users.contains_key(user) {
                    return Err(fail("user_not_found"));
                }
                if user != me && members.insert(user.to_owned()) {
                    order.push(user.to_owned());
                }
            }
            if members.len() > MAX_DM_USERS {
                return Err(fail("too_many_users"));
            }
            members.insert(me.clone());
            let kind = if members.len() <= 2 {
                ChannelKind::Im
            } else {
                ChannelKind::Mpim
            };
            let found = state
                .workspace
                .channels
                .values()
                .find(|channel| channel.kind == kind && channel.members == members)
                .map(|channel| channel.id.clone());
            match found {
                Some(id) => (id, true),
                None => (new_direct(state, &me, kind, &members, &order), false),
            }
        }
    };
    // Opening a conversation the caller closed opens it again: it was not open.
    let reopened = state
        .workspace
        .channels
        .get_mut(&id)
        .is_some_and(|channel| channel.closed_by.remove(&me));
    let existed = existed && !reopened;
    let channel = state
        .workspace
        .channels
        .get(&id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let object = if full {
        conversation_json(state, channel, &me, false)
    } else {
        json!({ "id": id })
    };
    let mut data = Map::new();
    if existed {
        data.insert("no_op".into(), Value::Bool(true));
        data.insert("already_open".into(), Value::Bool(true));
    }
    data.insert("channel".into(), object);
    Ok(data)
}

/// Creates a direct message (`D...`) or group direct message (`G...`, named
/// `mpdm-<names>-1`), and answers its id.
fn new_direct(
    state: &mut State,
    me: &str,
    kind: ChannelKind,
    members: &BTreeSet<String>,
    others: &[String],
) -> String {
    let prefix = if kind == ChannelKind::Im { 'D' } else { 'G' };
    let channels = &state.workspace.channels;
    let id = state
        .directory
        .new_id(prefix, |id| channels.contains_key(id));
    let name = if kind == ChannelKind::Mpim {
        let names: Vec<String> = std::iter::once(me.to_owned())
            .chain(others.iter().cloned())
            .map(|id| {
                state
                    .users
                    .get(&id)
                    .map_or(id.clone(), |user| user.spec.name.clone())
            })
            .collect();
        format!("mpdm-{}-1", names.join("--"))
    } else {
        String::new()
    };
    let member_ids: Vec<&str> = members.iter().map(String::as_str).collect();
    let mut spec = ChannelSpec::new(id.clone(), name)
        .kind(kind)
        .members(&member_ids);
    spec.creator = Some(me.to_owned());
    state.workspace.add(spec);
    id
}

/// Posts the message Slack posts in `channel` when `user` changes it: of `subtype`
/// (`channel_join`, `channel_topic`, ...), saying `text`, with the `extra` fields.
pub(crate) fn post_event(
    state: &mut State,
    channel: &str,
    user: &str,
    subtype: &str,
    text: String,
    extra: &[(&str, &str)],
) {
    let ts = state.workspace.clock.ts();
    let Some(channel) = state.workspace.channels.get_mut(channel) else {
        return;
    };
    let mut message = Map::new();
    message.insert("type".into(), Value::from("message"));
    message.insert("subtype".into(), Value::from(subtype));
    message.insert("ts".into(), Value::from(ts));
    message.insert("user".into(), Value::from(user));
    message.insert("text".into(), Value::from(text));
    for (key, value) in extra {
        message.insert((*key).into(), Value::from(*value));
    }
    channel.messages.push(message);
}

/// Posts Slack's `channel_join` message for `user` in `channel` (`inviter`: who added them).
fn post_join(state: &mut State, channel: &str, user: &str, inviter: Option<&str>) {
    let extra: Vec<(&str, &str)> = inviter
        .map(|inviter| ("inviter", inviter))
        .into_iter()
        .collect();
    post_event(
        state,
        channel,
        user,
        "channel_join",
        format!("<@{user}> has joined the channel"),
        &extra,
    );
}

/// `conversations.join`: the caller joins a public channel. Joining again succeeds with the
/// warning `already_in_channel`.
pub(crate) fn join(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if channel.kind != ChannelKind::Public {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    if channel.archived {
        return Err(fail("is_archived"));
    }
    let id = channel.id.clone();
    let already = channel.members.contains(&me);
    if !already {
        if let Some(channel) = state.workspace.channels.get_mut(&id) {
            channel.members.insert(me.clone());
        }
        post_join(state, &id, &me, None);
    }
    let channel = state
        .workspace
        .channels
        .get(&id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let mut data = Map::new();
    data.insert(
        "channel".into(),
        conversation_json(state, channel, &me, false),
    );
    if already {
        data.insert("warning".into(), Value::from("already_in_channel"));
        data.insert(
            "response_metadata".into(),
            json!({ "warnings": ["already_in_channel"] }),
        );
    }
    Ok(data)
}

/// Slack's checks of a channel's name (a new one, or a new name), with its error codes.
pub(crate) fn check_name(name: &str) -> Result<(), Reply> {
    let chars = name.chars().count();
    if chars == 0 {
        return Err(fail("invalid_name_required"));
    }
    if chars > MAX_CHANNEL_NAME_CHARS {
        return Err(fail("invalid_name_maxlength"));
    }
    if name.chars().all(|c| c == '-' || c == '_') {
        return Err(fail("invalid_name_punctuation"));
    }
    let special = |c: char| {
        c.is_whitespace()
            || c.is_uppercase()
            || c.is_control()
            || (c.is_ascii_punctuation() && c != '-' && c != '_')
    };
    if name.chars().any(special) {
        return Err(fail("invalid_name_specials"));
    }
    Ok(())
}

/// `conversations.create`: a new public or private channel with the caller in it.
pub(crate) fn create(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = param(params, "name").unwrap_or("");
    check_name(name)?;
    if state
        .workspace
        .channels
        .values()
        .any(|channel| !channel.name.is_empty() && channel.name == name)
    {
        return Err(fail("name_taken"));
    }
    let me = caller.spec.id.clone();
    let channels = &state.workspace.channels;
    let id = state.directory.new_id('C', |id| channels.contains_key(id));
    let mut spec = ChannelSpec::new(id.clone(), name).members(&[me.as_str()]);
    if truthy(param(params, "is_private")) {
        spec = spec.private();
    }
    state.workspace.add(spec);
    let channel = state
        .workspace
        .channels
        .get(&id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let mut object = conversation_json(state, channel, &me, false);
    if let Value::Object(map) = &mut object {
        map.insert("last_read".into(), Value::from("0000000000.000000"));
        map.insert("latest".into(), Value::Null);
        map.insert("unread_count".into(), Value::from(0));
        map.insert("unread_count_display".into(), Value::from(0));
        map.insert("priority".into(), Value::from(0));
    }
    let mut data = Map::new();
    data.insert("channel".into(), object);
    Ok(data)
}

/// `conversations.invite`: adds `users` to a channel the caller is in. Without `force`, the
/// first user that cannot be added (`cant_invite_self`, `user_not_found`,
/// `already_in_channel`) fails the call and adds no one; with it, the others are added (and the
/// call fails only when none can be).
pub(crate) fn invite(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let channel = named_channel(state, caller, params)?;
    if matches!(channel.kind, ChannelKind::Im) {
        return Err(fail("method_not_supported_for_channel_type"));
    }
    if channel.archived {
        return Err(fail("is_archived"));
    }
    if !channel.members.contains(&me) {
        return Err(fail("not_in_channel"));
    }
    let id = channel.id.clone();
    let users: Vec<&str> = param(params, "users")
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect();
    if users.is_empty() {
        return Err(fail("no_user"));
    }
    let force = truthy(param(params, "force"));
    let mut added: Vec<String> = Vec::new();
    let mut first_error = None;
    for user in users {
        let problem = if user == me {
            Some("cant_invite_self")
        } else if !state.users.contains_key(user) {
            Some("user_not_found")
        } else if channel.members.contains(user) || added.iter().any(|a| a == user) {
            Some("already_in_channel")
        } else {
            None
        };
        match problem {
            Some(code) if !force => return Err(fail(code)),
            Some(code) => {
                first_error.get_or_insert(code);
            }
            None => added.push(user.to_owned()),
        }
    }
    if added.is_empty() {
        return Err(fail(first_error.unwrap_or("no_user")));
    }
    if let Some(channel) = state.workspace.channels.get_mut(&id) {
        channel.members.extend(added.iter().cloned());
    }
    for user in &added {
        post_join(state, &id, user, Some(&me));
    }
    let channel = state
        .workspace
        .channels
        .get(&id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let mut data = Map::new();
    data.insert(
        "channel".into(),
        conversation_json(state, channel, &me, true),
    );
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: Result<(), Reply>) -> String {
        let reply = result.unwrap_err();
        let body: Value = serde_json::from_slice(&reply.body).unwrap();
        body["error"].as_str().unwrap().to_owned()
    }

    #[test]
    fn names_are_checked_as_slack_checks_them() {
        assert!(check_name("project-x_1").is_ok());
        assert_eq!(code(check_name("")), "invalid_name_required");
        assert_eq!(code(check_name(&"a".repeat(81))), "invalid_name_maxlength");
        assert_eq!(code(check_name("--")), "invalid_name_punctuation");
        assert_eq!(code(check_name("Big Room")), "invalid_name_specials");
    }
}
