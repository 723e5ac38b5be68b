//! `team.info` and `team.profile.get`; the workspace's settings, `team.preferences.list` and
//! `team.billing.info`.

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

/// The workspace's settings `team.preferences.list` and `team.billing.info` read, which
/// [`Emulator::set_team_preference`](crate::Emulator::set_team_preference) and
/// [`Emulator::set_billing_plan`](crate::Emulator::set_billing_plan) change.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The preferences, by name, as `team.preferences.list` answers them.
    preferences: Map<String, Value>,
    /// The plan, as `team.billing.info` writes it.
    plan: String,
}

impl Default for Settings {
    /// The emulator's choices, where Slack's pages give an example: messages editable for 25
    /// minutes, display names shown, `#general` open to everyone (the values of Slack's example
    /// answer), uploads allowed to all (`allow_all`: the emulator takes uploads), and the free
    /// plan. No `allow_message_deletion`: Slack stopped answering it in August 2025.
    fn default() -> Self {
        let preferences = json!({
            "msg_edit_window_mins": 25,
            "display_real_names": false,
            "disable_file_uploads": "allow_all",
            "who_can_post_general": "everyone",
        });
        Settings {
            preferences: match preferences {
                Value::Object(map) => map,
                _ => Map::new(),
            },
            plan: "free".to_owned(),
        }
    }
}

/// `team.preferences.list`: the workspace's preferences (see [`Settings`]), for a bot or a user
/// token with `team.preferences:read`, as Slack's page lists both. The emulator has one
/// workspace, so Slack's `invalid_team` never comes.
pub(crate) fn preferences_list(state: &mut State, _: &User, _: &[(String, String)]) -> Outcome {
    Ok(state.team_settings.preferences.clone())
}

/// `team.billing.info`: the workspace's plan (`free` unless set), for a bot or a user token
/// with `team.billing:read`.
pub(crate) fn billing_info(state: &mut State, _: &User, _: &[(String, String)]) -> Outcome {
    let mut data = Map::new();
    data.insert("plan".into(), json!(state.team_settings.plan));
    Ok(data)
}

impl crate::Emulator {
    /// Sets the workspace preference `name` to `value`, as `team.preferences.list` answers it
    /// (`Value::Null` removes it): for example `("msg_edit_window_mins", json!(-1))`.
    pub fn set_team_preference(&self, name: &str, value: Value) {
        let mut state = self.shared.lock();
        let preferences = &mut state.team_settings.preferences;
        if value.is_null() {
            preferences.remove(name);
        } else {
            preferences.insert(name.to_owned(), value);
        }
    }

    /// Sets the workspace's plan as `team.billing.info` answers it (`free`, `std`, `plus`,
    /// `enterprise`, `compliance`, or any other text).
    pub fn set_billing_plan(&self, plan: &str) {
        self.shared.lock().team_settings.plan = plan.to_owned();
    }
}
