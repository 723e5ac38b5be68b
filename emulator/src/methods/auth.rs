//! `auth.*`.

use super::Outcome;
use crate::state::{State, User};
use serde_json::{Map, Value};

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
