//! Who may see or change a list: `slackLists.access.set` and `slackLists.access.delete`, and
//! the level every other list method checks.
//!
//! The errors are those Slack's pages list for these methods: `invalid_parameters` without
//! `channel_ids` and `user_ids`, or with both; `invalid_arguments` for `owner` given to
//! channels; `list_not_found` for a list the caller cannot see; `restricted_action` for a
//! caller without the right to change its access; `channel_not_found` and `user_not_found`
//! for ids that name no one. Where Slack is silent, these are the emulator's choices:
//!
//! - A list's level for a user (read, write, owner): its owner (its creator, until
//!   `owner` is given to another user) owns it; anyone else has the highest level given to
//!   the user, or to a channel the user can see (a public one, or a private one the user is
//!   in), as the emulator's canvases do. Without any, the list is `list_not_found` to them.
//! - Reading a list (copying its columns, exporting it) needs read; changing it
//!   (`slackLists.update`) and setting or taking back access need write, and a reader gets
//!   `restricted_action`; giving `owner` needs the owner (`restricted_action` otherwise).
//! - `channel_ids` and `user_ids` are read as a JSON array of ids (as Slack's pages show them)
//!   or as comma-separated ids; an empty list, JSON that is not an array of strings, an
//!   `access_level` other than `read`, `write` and `owner`, or `owner` for more than one user
//!   is `invalid_arguments`. A direct message's id among `channel_ids` is `channel_not_found`,
//!   as is a channel the caller cannot see.
//! - A level set replaces the one given before; `owner` makes the user the owner, and the
//!   former owner keeps `write`. `slackLists.access.delete` removes what was given to each id
//!   (an id given nothing is no error); the owner stays the owner, and a user keeps what a
//!   channel gives.

use super::SlackList;
use crate::canvases::Level;
use crate::methods::canvases::{give, grant_args, granted, ids_param, targets};
use crate::methods::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// What was given on one list: a new owner, if any, and each channel's or user's level.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grants {
    owner: Option<String>,
    levels: BTreeMap<String, Level>,
}

/// The owner of `list`: its creator, unless `owner` was given to another user.
fn owner<'a>(state: &'a State, list: &'a SlackList) -> &'a str {
    state
        .lists
        .grants
        .get(&list.id)
        .and_then(|grants| grants.owner.as_deref())
        .unwrap_or(&list.creator)
}

/// What `caller` may do with `list`, if anything (see the module's note).
pub(super) fn level(state: &State, caller: &User, list: &SlackList) -> Option<Level> {
    if owner(state, list) == caller.spec.id {
        return Some(Level::Owner);
    }
    let grants = state.lists.grants.get(&list.id)?;
    granted(state, caller, &grants.levels)
}

/// The id of the list the parameter `name` names, if `caller` may do what `needs` allows with
/// it: `list_not_found` for one it cannot see, `restricted_action` for too little access.
pub(super) fn permitted(
    state: &State,
    caller: &User,
    params: &[(String, String)],
    name: &str,
    needs: Level,
) -> Result<String, Reply> {
    let id = param(params, name).map(str::trim).unwrap_or_default();
    let list = state
        .lists
        .by_id
        .get(id)
        .ok_or_else(|| fail("list_not_found"))?;
    match level(state, caller, list) {
        None => Err(fail("list_not_found")),
        Some(level) if level < needs => Err(fail("restricted_action")),
        Some(_) => Ok(list.id.clone()),
    }
}

/// `slackLists.access.set`: gives channels or users a level of access, or a user the list.
pub(crate) fn set(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channels, users, level) = grant_args(params, usize::MAX)?;
    let id = permitted(state, caller, params, "list_id", level.max(Level::Write))?;
    let ids = targets(state, caller, channels, users)?;
    let Some(list) = state.lists.by_id.get(&id) else {
        return Err(fail("list_not_found"));
    };
    let mut owner = owner(state, list).to_owned();
    let grants = state.lists.grants.entry(id).or_default();
    give(&mut owner, &mut grants.levels, level, ids);
    if level == Level::Owner {
        grants.owner = Some(owner);
    }
    Ok(Map::new())
}

/// `slackLists.access.delete`: takes back what channels or users were given.
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channels = ids_param(params, "channel_ids", usize::MAX)?;
    let users = ids_param(params, "user_ids", usize::MAX)?;
    if channels.is_some() == users.is_some() {
        return Err(fail("invalid_parameters"));
    }
    let id = permitted(state, caller, params, "list_id", Level::Write)?;
    let ids = targets(state, caller, channels, users)?;
    if let Some(grants) = state.lists.grants.get_mut(&id) {
        for target in ids {
            grants.levels.remove(&target);
        }
    }
    Ok(Map::new())
}

impl Emulator {
    /// Who may see or change the list `id` (`F...`), for tests to read back: `owner` (its
    /// creator, or the user `owner` was given to) and `access`, the level (`read`, `write`)
    /// given to each channel or user id. `None` when there is no such list.
    pub fn slack_list_access(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let list = state.lists.by_id.get(id)?;
        let access: Map<String, Value> = state
            .lists
            .grants
            .get(id)
            .map(|grants| {
                grants
                    .levels
                    .iter()
                    .map(|(target, level)| (target.clone(), json!(level.as_str())))
                    .collect()
            })
            .unwrap_or_default();
        Some(json!({ "owner": owner(&state, list), "access": access }))
    }
}
