//! The methods an app calls with its app-level token: `apps.connections.open` and
//! `apps.event.authorizations.list`.
//!
//! A token whose text starts with `xapp-` is an app-level token (the demo's is
//! [`demo::APP_TOKEN`](crate::demo::APP_TOKEN)); the user it is added for is not read. The
//! dispatcher answers `not_allowed_token_type` to an app-level token calling any other method
//! and to a bot or user token calling these ([`APP_LEVEL`]), as Slack's method pages list it.

use super::{fail, param, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// The methods that take an app-level token, and only one.
pub(crate) const APP_LEVEL: &[&str] = &["apps.connections.open", "apps.event.authorizations.list"];

/// `apps.connections.open`: a fresh `ws://127.0.0.1:<port>/link/?ticket=<n>` URL on the
/// emulator's own address (the scope, `connections:write`, is the binding's). The emulator's
/// choices: it serves no WebSocket there (a Socket Mode client cannot connect to
/// it), each call answers a new ticket, and none is ever used up.
pub(crate) fn connections_open(state: &mut State, _: &User, _: &[(String, String)]) -> Outcome {
    state.apps.opened += 1;
    let url = format!(
        "{}?ticket={}&app_id=A0EMULATED",
        state.apps.socket_base,
        crate::state::fresh_number()
    );
    let mut data = Map::new();
    data.insert("url".into(), Value::String(url));
    Ok(data)
}

/// `apps.event.authorizations.list`: the installations the event of `event_context` is
/// visible to (those `Emulator::event_context` gave it), in cursor pages of `limit`, ordered
/// by team id. A context the emulator did not hand out, or none, is `invalid_event_context`; a
/// cursor not of its form is `invalid_cursor`. The emulator's choices: `enterprise_id` is
/// `null` and `is_enterprise_install` false (the emulated workspace is in no organization).
pub(crate) fn event_authorizations_list(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    let context = param(params, "event_context").unwrap_or("");
    let installs = state
        .apps
        .contexts
        .get(context)
        .ok_or_else(|| fail("invalid_event_context"))?;
    let teams: Vec<&str> = installs.iter().map(|(team, ..)| team.as_str()).collect();
    let (range, next) = crate::workspace::page(
        "team",
        &teams,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let listed: Vec<Value> = installs[range]
        .iter()
        .map(|(team, user, is_bot)| {
            json!({
                "enterprise_id": null,
                "team_id": team,
                "user_id": user,
                "is_bot": is_bot,
                "is_enterprise_install": false,
            })
        })
        .collect();
    let mut data = Map::new();
    data.insert("authorizations".into(), Value::Array(listed));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}
