//! The `apps.*` methods and `tooling.tokens.rotate`: those an app calls with its app-level
//! token (`apps.connections.open`, `apps.event.authorizations.list`), the App Manifest methods
//! with a configuration token (the rules below, before `manifest`), `apps.uninstall`, and
//! `apps.user.connection.update` with a user token.
//!
//! A token whose text starts with `xapp-` is an app-level token (the demo's is
//! [`demo::APP_TOKEN`](crate::demo::APP_TOKEN)); the user it is added for is not read. The
//! dispatcher answers `not_allowed_token_type` to an app-level token calling any other method
//! and to a bot or user token calling the app-level ones ([`APP_LEVEL`]), as Slack's method
//! pages list it.

use super::{fail, param, Outcome, Reply};
use crate::state::{State, TokenEntry, User};
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

/// The App Manifest methods, which take an app configuration token (`xoxe.xoxp-`,
/// [`demo::CONFIG_TOKEN`](crate::demo::CONFIG_TOKEN)) and only one: the dispatcher answers
/// `not_allowed_token_type` to any other token calling them, and to a configuration token
/// calling any other method (the emulator's choice of code; Slack's pages list the
/// configuration token but not the error other tokens get).
pub(crate) const CONFIG: &[&str] = &[
    "apps.manifest.create",
    "apps.manifest.validate",
    "apps.manifest.update",
    "apps.manifest.export",
    "apps.manifest.delete",
];

/// `tooling.tokens.rotate`, called without a token: the refresh token is its credential.
pub(crate) const ROTATE: &str = "tooling.tokens.rotate";

/// The seconds a configuration token lives, as Slack's page says: 12 hours.
const CONFIG_TOKEN_SECONDS: u64 = 12 * 60 * 60;

/// The `manifest` parameter read and checked, or `invalid_manifest` with its `errors`. The
/// emulator checks few rules, plainly: the manifest is a JSON object (else one problem at
/// `/`), and `display_information.name` is a non-blank string (else one problem at
/// `/display_information/name`), which Slack's manifest reference requires. Any other field is
/// taken as it is and kept.
fn manifest(params: &[(String, String)]) -> Result<Value, Reply> {
    let invalid = |message: &str, pointer: &str| {
        let body = json!({
            "ok": false,
            "error": "invalid_manifest",
            "errors": [{ "message": message, "pointer": pointer }],
        });
        Reply::json(200, serde_json::to_vec(&body).unwrap_or_default())
    };
    let text = param(params, "manifest").unwrap_or("");
    let Ok(Value::Object(manifest)) = serde_json::from_str::<Value>(text) else {
        return Err(invalid("The manifest must be a JSON object", "/"));
    };
    let named = manifest
        .get("display_information")
        .and_then(|display| display.get("name"))
        .and_then(Value::as_str)
        .is_some_and(|name| !name.trim().is_empty());
    if !named {
        return Err(invalid(
            "display_information.name is required",
            "/display_information/name",
        ));
    }
    Ok(Value::Object(manifest))
}

/// The `app_id` of an app the emulator made from a manifest, else `app_not_found`.
fn known_app(state: &State, params: &[(String, String)]) -> Result<String, Reply> {
    let app_id = param(params, "app_id").unwrap_or("");
    if state.apps.manifests.contains_key(app_id) {
        Ok(app_id.to_owned())
    } else {
        Err(fail("app_not_found"))
    }
}

/// The bot and user scopes a manifest asks for, to tell whether an update changed them.
fn scopes(manifest: &Value) -> (Value, Value) {
    let of = |kind: &str| {
        manifest
            .pointer(&format!("/oauth_config/scopes/{kind}"))
            .cloned()
            .unwrap_or(Value::Null)
    };
    (of("bot"), of("user"))
}

/// `apps.manifest.create`: a new app (`A0MF<n>`) from a manifest that passes [`manifest`]'s
/// checks, kept with its manifest, answered with made-up credentials (the emulator's: a
/// `<n>.<n>` client id and `emulated-...` secrets, which nothing else checks) and an
/// `oauth_authorize_url` asking the manifest's bot scopes.
pub(crate) fn manifest_create(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let manifest = manifest(params)?;
    let app_id = format!("A0MF{}", crate::state::fresh_number());
    let client_id = format!(
        "{}.{}",
        crate::state::fresh_number(),
        crate::state::fresh_number()
    );
    let bot_scopes: Vec<&str> = manifest
        .pointer("/oauth_config/scopes/bot")
        .and_then(Value::as_array)
        .map(|scopes| scopes.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let url = format!(
        "https://slack.com/oauth/v2/authorize?client_id={client_id}&scope={}",
        bot_scopes.join(",")
    );
    let n = crate::state::fresh_number();
    let mut data = Map::new();
    data.insert("app_id".into(), json!(app_id));
    data.insert(
        "credentials".into(),
        json!({
            "client_id": client_id,
            "client_secret": format!("emulated-client-secret-{n}"),
            "verification_token": format!("emulated-verification-token-{n}"),
            "signing_secret": format!("emulated-signing-secret-{n}"),
        }),
    );
    data.insert("oauth_authorize_url".into(), json!(url));
    state.apps.manifests.insert(app_id, manifest);
    Ok(data)
}

/// `apps.manifest.validate`: `"errors": []` for a manifest that passes [`manifest`]'s checks,
/// else `invalid_manifest`; with an `app_id`, that app must be one the emulator made
/// (`app_not_found`). Nothing changes.
pub(crate) fn manifest_validate(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    if param(params, "app_id").is_some() {
        known_app(state, params)?;
    }
    manifest(params)?;
    let mut data = Map::new();
    data.insert("errors".into(), json!([]));
    Ok(data)
}

/// `apps.manifest.update`: replaces the whole manifest of an app the emulator made
/// (`app_not_found`), checked as `create` checks it; `permissions_updated` is whether the bot
/// or user scopes differ from the old manifest's (the emulator's reading of Slack's field).
pub(crate) fn manifest_update(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let app_id = known_app(state, params)?;
    let manifest = manifest(params)?;
    let before = state.apps.manifests.get(&app_id).map(scopes);
    let updated = before != Some(scopes(&manifest));
    state.apps.manifests.insert(app_id.clone(), manifest);
    let mut data = Map::new();
    data.insert("app_id".into(), json!(app_id));
    data.insert("permissions_updated".into(), json!(updated));
    Ok(data)
}

/// `apps.manifest.export`: the manifest of an app the emulator made, as last created or
/// updated (`app_not_found` for any other).
pub(crate) fn manifest_export(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let app_id = known_app(state, params)?;
    let mut data = Map::new();
    data.insert("manifest".into(), state.apps.manifests[&app_id].clone());
    Ok(data)
}

/// `apps.manifest.delete`: forgets an app the emulator made (`app_not_found` for any other, and
/// for one deleted already).
pub(crate) fn manifest_delete(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let app_id = known_app(state, params)?;
    state.apps.manifests.remove(&app_id);
    Ok(Map::new())
}

/// `tooling.tokens.rotate`, called without a token: uses up the `refresh_token` (one the
/// emulator handed out and not used yet, else `invalid_refresh_token`) and answers a new
/// configuration token (`xoxe.xoxp-1-emulated-config-<n>`) and a new refresh token, with the
/// `team_id`, the `user_id` they act for, `iat` (now) and `exp` (12 hours later). The old
/// configuration token keeps working (the emulator's choice: Slack's page says each expires 12
/// hours after it was made, and names no revocation).
pub(crate) fn rotate(state: &mut State, params: &[(String, String)]) -> Reply {
    let refresh = param(params, "refresh_token").unwrap_or("");
    let Some(user) = state.apps.refresh_tokens.remove(refresh) else {
        return fail("invalid_refresh_token");
    };
    let n = crate::state::fresh_number();
    let token = format!("xoxe.xoxp-1-emulated-config-{n}");
    let refresh_token = format!("xoxe-1-emulated-refresh-{n}");
    state.tokens.insert(
        token.clone(),
        TokenEntry {
            user: user.clone(),
            scopes: Vec::new(),
            revoked: false,
        },
    );
    state.apps.config_tokens.insert(token.clone());
    state
        .apps
        .refresh_tokens
        .insert(refresh_token.clone(), user.clone());
    let iat = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let mut data = Map::new();
    data.insert("token".into(), json!(token));
    data.insert("refresh_token".into(), json!(refresh_token));
    data.insert("team_id".into(), json!(state.team.id));
    data.insert("user_id".into(), json!(user));
    data.insert("iat".into(), json!(iat));
    data.insert("exp".into(), json!(iat + CONFIG_TOKEN_SECONDS));
    Reply::json(200, super::ok_body(&data))
}

/// `apps.uninstall`: the app of `client_id` (one added with `Emulator::add_oauth_app`:
/// `invalid_client_id`, `bad_client_secret`) leaves the workspace: every token of its bot user
/// is revoked (`token_revoked` after), the calling one among them. The token must be the app's
/// own, a token of its bot user, else `client_id_token_mismatch` (the emulator's choice: it
/// does not record which app a user token was given to, so it takes none).
pub(crate) fn uninstall(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let bot_user = crate::oauth::check_client(state, params)?;
    if caller.spec.id != bot_user {
        return Err(fail("client_id_token_mismatch"));
    }
    for entry in state.tokens.values_mut() {
        if entry.user == bot_user {
            entry.revoked = true;
        }
    }
    Ok(Map::new())
}

/// `apps.user.connection.update`: records whether user `user_id` is connected to the app
/// (`connected` or `disconnected`; [`Emulator::user_connection`](crate::Emulator::user_connection)
/// reads it back). Slack's page names a user token: a bot user's token is answered
/// `not_allowed_token_type`. A user the workspace does not have is `user_not_found`, as Slack's
/// page lists. The emulator's choices: any other `status` (or none) is `invalid_arguments`,
/// which Slack's page lists without saying when; the app is always found and subscribed to the
/// `user_connection` event, so `app_not_found` and `app_not_subscribed` are never answered.
pub(crate) fn user_connection_update(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    if caller.spec.bot_id.is_some() {
        return Err(fail("not_allowed_token_type"));
    }
    let status = match param(params, "status") {
        Some(status @ ("connected" | "disconnected")) => status,
        _ => return Err(fail("invalid_arguments")),
    };
    let user = param(params, "user_id").unwrap_or("");
    if !state.users.contains_key(user) {
        return Err(fail("user_not_found"));
    }
    state
        .user_connections
        .insert(user.to_owned(), status.to_owned());
    Ok(Map::new())
}

impl crate::Emulator {
    /// The connection to the app that `apps.user.connection.update` last reported for `user`:
    /// `connected` or `disconnected`; `None` when the app never reported one.
    pub fn user_connection(&self, user: &str) -> Option<String> {
        self.shared.lock().user_connections.get(user).cloned()
    }
}
