//! `team.info` and `team.profile.get`.

use super::{fail, param, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// `team.info`: the workspace. A `team` or `domain` that is not this workspace's is
/// `team_not_found`.
pub(crate) fn info(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let team = &state.team;
    let other_id = param(params, "team").is_some_and(|id| !id.is_empty() && id != team.id);
    let other_domain = param(params, "domain").is_some_and(|d| !d.is_empty() && d != team.domain);
    if other_id || other_domain {
        return Err(fail("team_not_found"));
    }
    let mut data = Map::new();
    data.insert(
        "team".into(),
        json!({
            "id": team.id,
            "name": team.name,
            "url": format!("https://{}.slack.com/", team.domain),
            "domain": team.domain,
            "email_domain": "",
            "icon": icon(&team.id),
            "avatar_base_url": "https://avatars.emulator.invalid/",
            "is_verified": false,
        }),
    );
    Ok(data)
}

/// The icon of the workspace `team_id`, as `team.info` (and `auth.teams.list`) answer it.
pub(crate) fn icon(team_id: &str) -> Value {
    let icon_base = format!("https://avatars.emulator.invalid/{team_id}");
    json!({
        "image_default": true,
        "image_34": format!("{icon_base}/34.png"),
        "image_44": format!("{icon_base}/44.png"),
        "image_68": format!("{icon_base}/68.png"),
        "image_88": format!("{icon_base}/88.png"),
        "image_102": format!("{icon_base}/102.png"),
        "image_132": format!("{icon_base}/132.png"),
        "image_230": format!("{icon_base}/230.png"),
    })
}

/// `team.profile.get`: the workspace's custom profile fields (the demo workspace's, and those
/// given with `Emulator::define_profile_field`), in their order, as `profile.fields`.
/// `visibility` is `all` (or absent), `visible` (fields not hidden) or `hidden`; the
/// emulator's choices where Slack is silent: another value is `invalid_arguments`, the answer
/// has no `sections` (Slack's page: "right now only the fields key is supported"), and a bot
/// token with `users.profile:read` is answered as a user's is.
pub(crate) fn profile_get(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let hidden = match param(params, "visibility").unwrap_or("") {
        "" | "all" => None,
        "visible" => Some(false),
        "hidden" => Some(true),
        _ => return Err(fail("invalid_arguments")),
    };
    let fields: Vec<_> = state
        .profile_fields
        .iter()
        .enumerate()
        .filter(|(_, field)| hidden.is_none_or(|hidden| field.hidden == hidden))
        .map(|(ordering, field)| {
            let mut shown = json!({
                "id": field.id,
                "ordering": ordering,
                "label": field.label,
                "hint": field.hint,
                "type": field.kind,
                "possible_values": if field.possible_values.is_empty() {
                    serde_json::Value::Null
                } else {
                    json!(field.possible_values)
                },
                "options": {"is_scim": false, "is_protected": false},
            });
            if field.hidden {
                shown["is_hidden"] = json!(true);
            }
            shown
        })
        .collect();
    let mut data = Map::new();
    data.insert("profile".into(), json!({ "fields": fields }));
    Ok(data)
}
