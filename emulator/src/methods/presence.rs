//! `users.getPresence` and `users.setPresence`: every user is connected and active unless they
//! set themselves away.

use super::{fail, param, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map};

/// `users.getPresence`: `active`, or `away` for a user who set it (`user_not_found` for an
/// unknown one). The caller's own presence comes with the details Slack gives only to the user
/// themselves: `online`, `auto_away`, `manual_away`, `connection_count`, `last_activity`.
pub(crate) fn get(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let whose = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) if state.users.contains_key(id) => id.to_owned(),
        Some(_) => return Err(fail("user_not_found")),
        None => caller.spec.id.clone(),
    };
    let away = state.away.contains(&whose);
    let mut data = Map::new();
    data.insert(
        "presence".into(),
        json!(if away { "away" } else { "active" }),
    );
    if whose == caller.spec.id {
        data.insert("online".into(), json!(true));
        data.insert("auto_away".into(), json!(false));
        data.insert("manual_away".into(), json!(away));
        data.insert("connection_count".into(), json!(1));
        data.insert(
            "last_activity".into(),
            json!(state.workspace.clock.seconds()),
        );
    }
    Ok(data)
}

/// `users.setPresence`: `away` sets the caller away until `auto` sets them back; any other
/// `presence` is `invalid_presence`.
pub(crate) fn set(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    match param(params, "presence") {
        Some("away") => {
            state.away.insert(caller.spec.id.clone());
        }
        Some("auto") => {
            state.away.remove(&caller.spec.id);
        }
        _ => return Err(fail("invalid_presence")),
    }
    Ok(Map::new())
}
