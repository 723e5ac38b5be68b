//! `usergroups.list`, `usergroups.users.list` and `usergroups.users.update`.

use super::{fail, param, truthy, Outcome};
use crate::directory::Usergroup;
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// Slack's user group object; `users` and `user_count` only when asked for.
fn usergroup_json(state: &State, group: &Usergroup, users: bool, count: bool) -> Value {
    let spec = &group.spec;
    let deleted = if spec.disabled { group.created } else { 0 };
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
        "date_update": group.created,
        "date_delete": deleted,
        "auto_type": null,
        "auto_provision": false,
        "enterprise_subteam_id": "",
        "created_by": "USLACKBOT",
        "updated_by": "USLACKBOT",
        "deleted_by": if spec.disabled { Value::from("USLACKBOT") } else { Value::Null },
        "prefs": { "channels": [], "groups": [] },
        "channel_count": 0,
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

/// `usergroups.users.update`: `users` (comma-separated) become the group's whole membership,
/// each once, in the order given; the answer is the group with its members (and `user_count`
/// with `include_count`). An unknown group is `no_such_subteam`; a bot user, or an id that is
/// no user of the workspace, is `invalid_user` (Slack documents it for bots and guests; for an
/// unknown id it is this emulator's choice), and nothing changes; no users at all is
/// `invalid_arguments`. A disabled group is updated and stays disabled.
pub(crate) fn users_update(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "usergroup").unwrap_or("");
    if !state.directory.usergroups.contains_key(id) {
        return Err(fail("no_such_subteam"));
    }
    let mut users: Vec<String> = Vec::new();
    for user in param(params, "users")
        .unwrap_or("")
        .split(',')
        .map(str::trim)
    {
        if user.is_empty() || users.iter().any(|kept| kept == user) {
            continue;
        }
        match state.users.get(user) {
            Some(found) if found.spec.bot_id.is_none() => users.push(user.to_owned()),
            _ => return Err(fail("invalid_user")),
        }
    }
    if users.is_empty() {
        return Err(fail("invalid_arguments"));
    }
    let count = truthy(param(params, "include_count"));
    let group = state
        .directory
        .usergroups
        .get_mut(id)
        .ok_or_else(|| fail("no_such_subteam"))?;
    group.spec.users = users;
    let group = group.clone();
    let mut data = Map::new();
    data.insert(
        "usergroup".into(),
        usergroup_json(state, &group, true, count),
    );
    Ok(data)
}
