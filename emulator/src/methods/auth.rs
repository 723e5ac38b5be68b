//! `auth.*`.

use super::{fail, param, Outcome};
use crate::state::{State, User};
use crate::workspace::page;
use serde_json::{json, Map, Value};

/// `auth.test`: who the token is.
pub(crate) fn test(state: &mut State, caller: &User, _: &[(String, String)]) -> Outcome {
    let team = &state.team;
    let mut data = Map::new();
    data.insert(
        "url".into(),
        Value::String(format!("https://{}.slack.com/", team.domain)),
    );
    data.insert("team".into(), Value::String(team.name.clone()));
    data.insert("user".into(), Value::String(caller.spec.name.clone()));
    data.insert("team_id".into(), Value::String(team.id.clone()));
    data.insert("user_id".into(), Value::String(caller.spec.id.clone()));
    if let Some(bot_id) = &caller.spec.bot_id {
        data.insert("bot_id".into(), Value::String(bot_id.clone()));
    }
    data.insert("is_enterprise_install".into(), Value::Bool(false));
    Ok(data)
}

/// `auth.revoke`: the call's token is revoked (later calls with it are `token_revoked`), unless
/// `test` is true; `revoked` says which.
pub(crate) fn revoke(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let revoked = !super::truthy(super::param(params, "test"));
    if revoked {
        let token = state.call_token.clone();
        if let Some(entry) = state.tokens.get_mut(&token) {
            entry.revoked = true;
        }
    }
    let mut data = Map::new();
    data.insert("revoked".into(), Value::Bool(revoked));
    Ok(data)
}

/// `auth.teams.list`: the workspaces the app is approved for: the emulator's own and those
/// added with `Emulator::approve_in_workspace` (the other workspaces of an org-wide app's
/// organization), in id order, a page at a time with the emulator's cursors
/// (`invalid_cursor` for one not of its form). A `limit` that is not a whole number from 1 to
/// 1000, as Slack's page says it must be, is `invalid_limit`. With `include_icon`, each has
/// its `icon` as `team.info` answers it (Slack's page says only that it gives icon URIs).
pub(crate) fn teams_list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let limit = param(params, "limit").filter(|limit| !limit.is_empty());
    if let Some(limit) = limit {
        if !matches!(limit.trim().parse::<u32>(), Ok(1..=1000)) {
            return Err(fail("invalid_limit"));
        }
    }
    let mut teams: Vec<(&str, &str)> = vec![(&state.team.id, &state.team.name)];
    teams.extend(
        state
            .approved_teams
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str())),
    );
    teams.sort_unstable();
    teams.dedup_by_key(|(id, _)| *id);
    let ids: Vec<&str> = teams.iter().map(|(id, _)| *id).collect();
    let (range, next) = page(
        "team",
        &ids,
        param(params, "cursor"),
        limit,
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let with_icon = super::truthy(param(params, "include_icon"));
    let listed: Vec<Value> = teams[range]
        .iter()
        .map(|(id, name)| {
            let mut team = json!({"id": id, "name": name});
            if with_icon {
                team["icon"] = super::team::icon(id);
            }
            team
        })
        .collect();
    let mut data = Map::new();
    data.insert("teams".into(), Value::Array(listed));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}
