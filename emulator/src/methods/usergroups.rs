//! The `usergroups.*` family: `list`, `users.list`, `create`, `update`, `disable`, `enable`
//! and `users.update`.
//!
//! The errors are those Slack documents for these methods: `no_such_subteam` (an unknown
//! group), `missing_subteam_name`, `name_already_exists`, `handle_already_exists`,
//! `invalid_channel_provided`, and `invalid_user` for a bot as a member. Where Slack documents
//! nothing, the emulator chooses, and says so: an unknown user id as a member is
//! `invalid_user` too, disabling a disabled group (or enabling an enabled one) succeeds and
//! changes nothing, and names and handles are compared as written. Slack's length limits on
//! names and descriptions are not published, so they are not checked.

use super::{fail, param, truthy, Outcome};
use crate::directory::{Usergroup, UsergroupSpec};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// Slack's user group object; `users` and `user_count` only when asked for.
fn usergroup_json(state: &State, group: &Usergroup, users: bool, count: bool) -> Value {
    let spec = &group.spec;
    let mut object = json!({
        "id": spec.id,
        "team_id": state.team.id,
        "is_usergroup": true,
        "is_subteam": true,
        "name": spec.name,
        "description": spec.description,
        "handle": spec.handle,
        "is_external": false,
        "date_create": group.created,
        "date_update": group.updated,
        "date_delete": group.deleted,
        "auto_type": null,
        "auto_provision": false,
        "enterprise_subteam_id": "",
        "created_by": group.created_by,
        "updated_by": group.updated_by,
        "deleted_by": group.deleted_by,
        "prefs": { "channels": spec.channels, "groups": [] },
        "channel_count": spec.channels.len(),
    });
    if let Value::Object(map) = &mut object {
        if users {
            map.insert("users".into(), json!(spec.users));
        }
        if count {
            map.insert("user_count".into(), Value::from(spec.users.len()));
        }
    }
    object
}

/// `{"usergroup": ..}`, with `user_count` when `include_count` asks for it.
fn answer(state: &State, id: &str, params: &[(String, String)]) -> Outcome {
    let group = state
        .directory
        .usergroups
        .get(id)
        .ok_or_else(|| fail("no_such_subteam"))?;
    let count = truthy(param(params, "include_count"));
    let mut data = Map::new();
    data.insert(
        "usergroup".into(),
        usergroup_json(state, group, true, count),
    );
    Ok(data)
}

/// `usergroups.list`: the groups in id order, disabled ones only with `include_disabled`.
pub(crate) fn list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let disabled = truthy(param(params, "include_disabled"));
    let users = truthy(param(params, "include_users"));
    let count = truthy(param(params, "include_count"));
    let groups: Vec<Value> = state
        .directory
        .usergroups
        .values()
        .filter(|group| disabled || !group.spec.disabled)
        .map(|group| usergroup_json(state, group, users, count))
        .collect();
    let mut data = Map::new();
    data.insert("usergroups".into(), Value::Array(groups));
    Ok(data)
}

/// `usergroups.users.list`: a group's members. An unknown group, or a disabled one without
/// `include_disabled`, is `no_such_subteam`.
pub(crate) fn users_list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "usergroup").unwrap_or("");
    let disabled = truthy(param(params, "include_disabled"));
    let group = state
        .directory
        .usergroups
        .get(id)
        .filter(|group| disabled || !group.spec.disabled)
        .ok_or_else(|| fail("no_such_subteam"))?;
    let mut data = Map::new();
    data.insert("users".into(), json!(group.spec.users));
    Ok(data)
}

/// The comma-separated items of a parameter, trimmed, each once, in order.
fn items(params: &[(String, String)], name: &str) -> Option<Vec<String>> {
    let mut items: Vec<String> = Vec::new();
    for item in param(params, name)?.split(',').map(str::trim) {
        if !item.is_empty() && !items.iter().any(|kept| kept == item) {
            items.push(item.to_owned());
        }
    }
    Some(items)
}

/// The name, handle and default channels a `create` or `update` asks for, checked against the
/// workspace: a name no other group has, a handle no other group, channel or user has, and
/// channels that exist. `except` is the group being updated.
fn check_names(
    state: &State,
    except: Option<&str>,
    name: Option<&str>,
    handle: Option<&str>,
    channels: Option<&[String]>,
) -> Result<(), crate::methods::Reply> {
    let others = || {
        state
            .directory
            .usergroups
            .values()
            .filter(move |group| Some(group.spec.id.as_str()) != except)
    };
    if let Some(name) = name {
        if others().any(|group| group.spec.name == name) {
            return Err(fail("name_already_exists"));
        }
    }
    if let Some(handle) = handle.filter(|handle| !handle.is_empty()) {
        let taken = others().any(|group| group.spec.handle == handle)
            || state.users.values().any(|user| user.spec.name == handle)
            || state
                .workspace
                .channels
                .values()
                .any(|channel| channel.name == handle);
        if taken {
            return Err(fail("handle_already_exists"));
        }
    }
    if let Some(channels) = channels {
        if channels
            .iter()
            .any(|id| !state.workspace.channels.contains_key(id))
        {
            return Err(fail("invalid_channel_provided"));
        }
    }
    Ok(())
}

/// `usergroups.create`: a new enabled group with no members, made by the caller. A missing or
/// empty `name` is `missing_subteam_name`.
pub(crate) fn create(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = param(params, "name")
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .ok_or_else(|| fail("missing_subteam_name"))?;
    let handle = param(params, "handle").unwrap_or("");
    let channels = items(params, "channels").unwrap_or_default();
    check_names(state, None, Some(name), Some(handle), Some(&channels))?;
    let groups = &state.directory.usergroups;
    let id = state.directory.new_id('S', |id| groups.contains_key(id));
    let mut spec = UsergroupSpec::new(id.clone(), handle, name);
    spec.description = param(params, "description").unwrap_or("").to_owned();
    spec.channels = channels;
    let now = state.workspace.clock.seconds();
    state.directory.add_usergroup(spec, now, &caller.spec.id);
    answer(state, &id, params)
}

/// `usergroups.update`: changes what is given of `name`, `handle`, `description` and
/// `channels`.
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "usergroup").unwrap_or("").to_owned();
    if !state.directory.usergroups.contains_key(&id) {
        return Err(fail("no_such_subteam"));
    }
    let name = param(params, "name").map(str::trim);
    if name == Some("") {
        return Err(fail("missing_subteam_name"));
    }
    let handle = param(params, "handle");
    let channels = items(params, "channels");
    check_names(state, Some(&id), name, handle, channels.as_deref())?;
    let now = state.workspace.clock.seconds();
    let group = changed(state, &id, caller, now)?;
    if let Some(name) = name {
        group.spec.name = name.to_owned();
    }
    if let Some(handle) = handle {
        group.spec.handle = handle.to_owned();
    }
    if let Some(description) = param(params, "description") {
        group.spec.description = description.to_owned();
    }
    if let Some(channels) = channels {
        group.spec.channels = channels;
    }
    answer(state, &id, params)
}

/// The group `id`, marked as changed by `caller` at `now`.
fn changed<'s>(
    state: &'s mut State,
    id: &str,
    caller: &User,
    now: i64,
) -> Result<&'s mut Usergroup, crate::methods::Reply> {
    let group = state
        .directory
        .usergroups
        .get_mut(id)
        .ok_or_else(|| fail("no_such_subteam"))?;
    group.updated = now;
    group.updated_by = caller.spec.id.clone();
    Ok(group)
}

/// `usergroups.disable`: the group is listed only with `include_disabled` from now on, with
/// `date_delete` and `deleted_by` set.
pub(crate) fn disable(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    set_disabled(state, caller, params, true)
}

/// `usergroups.enable`: a disabled group is listed again, its `date_delete` back to 0.
pub(crate) fn enable(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    set_disabled(state, caller, params, false)
}

fn set_disabled(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
    disabled: bool,
) -> Outcome {
    let id = param(params, "usergroup").unwrap_or("").to_owned();
    let now = state.workspace.clock.seconds();
    let current = state
        .directory
        .usergroups
        .get(&id)
        .ok_or_else(|| fail("no_such_subteam"))?;
    if current.spec.disabled != disabled {
        let group = changed(state, &id, caller, now)?;
        group.spec.disabled = disabled;
        group.deleted = if disabled { now } else { 0 };
        group.deleted_by = disabled.then(|| caller.spec.id.clone());
    }
    answer(state, &id, params)
}

/// `usergroups.users.update`: `users` (comma-separated) become the group's whole membership,
/// each once, in the order given. A bot user, or an id that is no user of the workspace, is
/// `invalid_user`, and nothing changes; no users at all is `invalid_arguments`. A disabled
/// group is updated and stays disabled.
pub(crate) fn users_update(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let id = param(params, "usergroup").unwrap_or("").to_owned();
    if !state.directory.usergroups.contains_key(&id) {
        return Err(fail("no_such_subteam"));
    }
    let users = items(params, "users").unwrap_or_default();
    let member = |user: &String| {
        state
            .users
            .get(user)
            .is_some_and(|found| found.spec.bot_id.is_none())
    };
    if !users.iter().all(member) {
        return Err(fail("invalid_user"));
    }
    if users.is_empty() {
        return Err(fail("invalid_arguments"));
    }
    let now = state.workspace.clock.seconds();
    changed(state, &id, caller, now)?.spec.users = users;
    answer(state, &id, params)
}
