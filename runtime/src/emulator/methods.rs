//! The Slack methods the emulator answers: authentication and scope checks, rate limits, the
//! built-in methods (`auth.test`, `users.profile.get`, `users.profile.set`) and stubs.

use super::state::{normalize, State, User};
use serde_json::{Map, Value};
use std::time::Instant;

/// The content type of every JSON answer, as Slack sends it.
pub(crate) const JSON: &str = "application/json; charset=utf-8";

/// At most this many keys may be set by one `users.profile.set` call.
const MAX_PROFILE_KEYS: usize = 50;
/// A profile key may be at most this long.
const MAX_KEY_CHARS: usize = 255;
/// Names no one may take: Slack keeps them for mentions and its own bot.
const RESERVED_NAMES: &[&str] = &["everyone", "channel", "here", "group", "slackbot"];
/// Profile keys whose values are text.
const TEXT_KEYS: &[&str] = &[
    "real_name",
    "display_name",
    "first_name",
    "last_name",
    "title",
    "phone",
    "skype",
    "status_text",
    "status_emoji",
    "pronouns",
    "email",
    "start_date",
];

/// One HTTP answer, before it is written to the socket.
#[derive(Clone, Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: JSON,
            headers: Vec::new(),
            body,
        }
    }

    /// `{"ok":false,"error":"<code>"}` plus `extra` string fields, HTTP 200.
    pub(crate) fn slack_error(code: &str, extra: &[(&str, &str)]) -> Reply {
        let mut body = br#"{"ok":false,"error":"#.to_vec();
        push_json_string(&mut body, code);
        for (key, value) in extra {
            body.push(b',');
            push_json_string(&mut body, key);
            body.push(b':');
            push_json_string(&mut body, value);
        }
        body.push(b'}');
        Reply::json(200, body)
    }

    /// HTTP 429 with `Retry-After` and Slack's `ratelimited` envelope.
    pub(crate) fn rate_limited(retry_after: u64) -> Reply {
        let mut reply = Reply::slack_error("ratelimited", &[]);
        reply.status = 429;
        reply.headers.push(("Retry-After", retry_after.to_string()));
        reply
    }

    /// A plain-text answer for requests that are not Slack calls at all.
    pub(crate) fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: text.as_bytes().to_vec(),
        }
    }

    /// An HTML error page, as a proxy in front of Slack sends.
    pub(crate) fn html(status: u16) -> Reply {
        let reason = super::http::reason(status);
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: format!(
                "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\
                 <body><h1>{status} {reason}</h1></body></html>\n"
            )
            .into_bytes(),
        }
    }
}

fn push_json_string(out: &mut Vec<u8>, text: &str) {
    // Serializing a str into a Vec cannot fail; the fallback keeps the envelope valid anyway.
    if serde_json::to_writer(&mut *out, text).is_err() {
        out.extend_from_slice(b"\"\"");
    }
}

/// `{"ok":true,...}` with `ok` first and then the fields of `data`.
pub(crate) fn ok_body(data: &Map<String, Value>) -> Vec<u8> {
    let mut body = br#"{"ok":true"#.to_vec();
    for (key, value) in data {
        if key == "ok" {
            continue;
        }
        body.push(b',');
        push_json_string(&mut body, key);
        body.push(b':');
        if serde_json::to_writer(&mut body, value).is_err() {
            body.extend_from_slice(b"null");
        }
    }
    body.push(b'}');
    body
}

/// A Slack method's answer: data for `ok: true`, or an error code with extra fields.
type Outcome = Result<Map<String, Value>, Reply>;

fn fail(code: &str) -> Reply {
    Reply::slack_error(code, &[])
}

/// What the emulator knows about a method it can answer.
struct MethodInfo {
    scopes: Vec<String>,
    writes: bool,
}

fn builtin(method: &str) -> Option<MethodInfo> {
    let (scopes, writes): (&[&str], bool) = match method {
        "auth.test" => (&[], false),
        "users.profile.get" => (&["users.profile:read"], false),
        "users.profile.set" => (&["users.profile:write"], true),
        _ => return None,
    };
    Some(MethodInfo {
        scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        writes,
    })
}

/// The last value of `name` among the parameters.
fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

fn truthy(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true" | "TRUE" | "True"))
}

/// Answers one call of `method`: checks the token and its scopes, counts the call against the
/// rate limit, then runs the method (or its stub).
pub(crate) fn handle(
    state: &mut State,
    method: &str,
    token: Option<&str>,
    params: &[(String, String)],
    now: Instant,
) -> Reply {
    let stub = state.stubs.get(method).cloned();
    let info = match &stub {
        Some(stub) => MethodInfo {
            scopes: stub.scopes.clone(),
            writes: true,
        },
        None => match builtin(method) {
            Some(info) => info,
            None => return fail("unknown_method"),
        },
    };
    let Some(token) = token else {
        return fail("not_authed");
    };
    let Some(entry) = state.tokens.get(token).cloned() else {
        return fail("invalid_auth");
    };
    if entry.revoked {
        return fail("token_revoked");
    }
    let Some(caller) = state.users.get(&entry.user).cloned() else {
        return fail("invalid_auth");
    };
    let provided = entry.scopes.join(",");
    let accepted = info.scopes.join(",");
    let scope_headers = |mut reply: Reply| {
        reply.headers.push(("X-OAuth-Scopes", provided.clone()));
        reply
            .headers
            .push(("X-Accepted-OAuth-Scopes", accepted.clone()));
        reply
    };
    if !info.scopes.is_empty() && !info.scopes.iter().any(|s| entry.scopes.contains(s)) {
        return scope_headers(Reply::slack_error(
            "missing_scope",
            &[("needed", &accepted), ("provided", &provided)],
        ));
    }
    if let Err(refused) = state.limits.check(token, method, now) {
        state.responses_429 += 1;
        return Reply::rate_limited(refused.retry_after);
    }
    let outcome = match (&stub, method) {
        (Some(stub), _) => Ok(stub_data(&stub.response)),
        (None, "auth.test") => Ok(auth_test(state, &caller)),
        (None, "users.profile.get") => profile_get(state, &caller, params),
        (None, "users.profile.set") => profile_set(state, &caller, params),
        (None, _) => Err(fail("unknown_method")),
    };
    let reply = match outcome {
        Ok(data) => {
            if let Some(stub) = &stub {
                if !stub.response.is_object() {
                    // A stub that is not an object is answered verbatim.
                    let body = serde_json::to_vec(&stub.response).unwrap_or_default();
                    return scope_headers(Reply::json(200, body));
                }
            }
            let failed = data.get("ok") == Some(&Value::Bool(false));
            if info.writes && !failed {
                state.count_write(method);
            }
            if failed {
                Reply::json(200, serde_json::to_vec(&data).unwrap_or_default())
            } else {
                Reply::json(200, ok_body(&data))
            }
        }
        Err(reply) => reply,
    };
    scope_headers(reply)
}

fn stub_data(response: &Value) -> Map<String, Value> {
    match response {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    }
}

fn auth_test(state: &State, caller: &User) -> Map<String, Value> {
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
    data
}

fn profile_get(state: &State, caller: &User, params: &[(String, String)]) -> Outcome {
    let target = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) => state.users.get(id).ok_or_else(|| fail("user_not_found"))?,
        None => caller,
    };
    let mut profile = target.profile.clone();
    if truthy(param(params, "include_labels")) {
        if let Some(Value::Object(fields)) = profile.get_mut("fields") {
            for (id, field) in fields.iter_mut() {
                if let Value::Object(field) = field {
                    let label = state.field_labels.get(id).cloned().unwrap_or_default();
                    field.insert("label".into(), Value::String(label));
                }
            }
        }
    }
    let mut data = Map::new();
    data.insert("profile".into(), Value::Object(profile));
    Ok(data)
}

fn profile_set(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let target_id = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) => id.to_owned(),
        None => caller.spec.id.clone(),
    };
    let target = if target_id == caller.spec.id {
        caller.clone()
    } else {
        if !caller.spec.admin {
            return Err(fail("not_admin"));
        }
        let target = state
            .users
            .get(&target_id)
            .cloned()
            .ok_or_else(|| fail("user_not_found"))?;
        if target.spec.admin && !caller.spec.owner {
            return Err(fail("cannot_update_admin_user"));
        }
        target
    };
    let update = requested_update(params)?;
    if update.len() > MAX_PROFILE_KEYS || update.keys().any(|k| k.chars().count() > MAX_KEY_CHARS) {
        return Err(fail("invalid_profile"));
    }
    let profile = merged_profile(&target.profile, &update)?;
    let username = target.spec.name.clone();
    if let Some(user) = state.users.get_mut(&target_id) {
        user.profile = profile.clone();
    }
    let mut data = Map::new();
    data.insert("username".into(), Value::String(username));
    data.insert("profile".into(), Value::Object(profile));
    Ok(data)
}

/// The keys a `users.profile.set` call asks to change: either the `profile` JSON object or one
/// `name`/`value` pair, never both.
fn requested_update(params: &[(String, String)]) -> Result<Map<String, Value>, Reply> {
    let profile = param(params, "profile");
    let name = param(params, "name");
    let value = param(params, "value");
    match (profile, name, value) {
        (Some(text), None, None) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(fail("invalid_profile")),
        },
        (None, Some(name), Some(value)) if !name.is_empty() => {
            let mut map = Map::new();
            if is_custom_field_id(name) {
                let mut field = Map::new();
                field.insert("value".into(), Value::String(value.to_owned()));
                let mut fields = Map::new();
                fields.insert(name.to_owned(), Value::Object(field));
                map.insert("fields".into(), Value::Object(fields));
            } else {
                map.insert(name.to_owned(), Value::String(value.to_owned()));
            }
            Ok(map)
        }
        _ => Err(fail("invalid_arguments")),
    }
}

/// Custom profile field ids look like `Xf0111111`: an `X` and letters or digits.
fn is_custom_field_id(name: &str) -> bool {
    name.len() > 1 && name.starts_with('X') && name.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_reserved(name: &str) -> bool {
    let name = name.trim().trim_start_matches('@').to_lowercase();
    RESERVED_NAMES.contains(&name.as_str())
}

/// The stored profile with `update` merged in, or `invalid_profile` / `reserved_name`.
fn merged_profile(
    stored: &Map<String, Value>,
    update: &Map<String, Value>,
) -> Result<Map<String, Value>, Reply> {
    let mut profile = stored.clone();
    for (key, value) in update {
        let key = key.as_str();
        if TEXT_KEYS.contains(&key) {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Null => String::new(),
                Value::Number(number) => number.to_string(),
                _ => return Err(fail("invalid_profile")),
            };
            if matches!(key, "real_name" | "display_name") && is_reserved(&text) {
                return Err(fail("reserved_name"));
            }
            profile.insert(key.to_owned(), Value::String(text));
        } else if key == "status_expiration" {
            let when = match value {
                Value::Number(number) => number.as_i64(),
                Value::String(text) if text.trim().is_empty() => Some(0),
                Value::String(text) => text.trim().parse::<i64>().ok(),
                Value::Null => Some(0),
                _ => None,
            };
            let when = when.ok_or_else(|| fail("invalid_profile"))?;
            profile.insert(key.to_owned(), Value::from(when));
        } else if key == "fields" {
            merge_fields(&mut profile, value)?;
        }
        // Other keys are not part of a profile Slack lets clients set; Slack ignores them.
    }
    let names_changed = update.contains_key("first_name") || update.contains_key("last_name");
    if names_changed && !update.contains_key("real_name") {
        let text = |key: &str| profile.get(key).and_then(Value::as_str).unwrap_or("");
        let full = format!("{} {}", text("first_name"), text("last_name"))
            .trim()
            .to_owned();
        if !full.is_empty() {
            profile.insert("real_name".into(), Value::String(full));
        }
    }
    for key in ["real_name", "display_name"] {
        let name = profile.get(key).and_then(Value::as_str).unwrap_or("");
        let normalized = Value::String(normalize(name));
        profile.insert(format!("{key}_normalized"), normalized);
    }
    Ok(profile)
}

/// Merges custom fields per field id: `{"Xf1":{"value":"..","alt":".."}}`. An empty value (or
/// `null`) removes the field.
fn merge_fields(profile: &mut Map<String, Value>, update: &Value) -> Result<(), Reply> {
    let update = match update {
        Value::Object(map) => map,
        Value::Null => return Ok(()),
        Value::Array(items) if items.is_empty() => return Ok(()),
        _ => return Err(fail("invalid_profile")),
    };
    let mut fields = match profile.get("fields") {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    for (id, field) in update {
        let (value, alt) = match field {
            Value::Null => (String::new(), String::new()),
            Value::String(text) => (text.clone(), String::new()),
            Value::Object(map) => {
                let text = |key: &str| match map.get(key) {
                    None | Some(Value::Null) => Ok(String::new()),
                    Some(Value::String(text)) => Ok(text.clone()),
                    Some(_) => Err(fail("invalid_profile")),
                };
                (text("value")?, text("alt")?)
            }
            _ => return Err(fail("invalid_profile")),
        };
        if value.is_empty() {
            fields.remove(id);
        } else {
            let mut entry = Map::new();
            entry.insert("value".into(), Value::String(value));
            entry.insert("alt".into(), Value::String(alt));
            fields.insert(id.clone(), Value::Object(entry));
        }
    }
    profile.insert("fields".into(), Value::Object(fields));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn envelopes_put_ok_first() {
        let reply = Reply::slack_error("missing_scope", &[("needed", "a:b"), ("provided", "")]);
        assert_eq!(
            reply.body,
            br#"{"ok":false,"error":"missing_scope","needed":"a:b","provided":""}"#
        );
        let mut data = Map::new();
        data.insert("user".into(), Value::String("jo\"".into()));
        assert_eq!(ok_body(&data), br#"{"ok":true,"user":"jo\""}"#);
    }

    #[test]
    fn updates_come_from_profile_or_name_value() {
        let update = requested_update(&pairs(&[("profile", r#"{"title":"x"}"#)])).unwrap();
        assert_eq!(update["title"], "x");
        let update = requested_update(&pairs(&[("name", "Xf1"), ("value", "v")])).unwrap();
        assert_eq!(update["fields"]["Xf1"]["value"], "v");
        for bad in [
            vec![("profile", "[1]")],
            vec![("profile", "{")],
            vec![("name", "title")],
            vec![("name", "title"), ("value", "v"), ("profile", "{}")],
            vec![],
        ] {
            assert!(requested_update(&pairs(&bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn merging_normalizes_and_rejects() {
        let stored = Map::new();
        let mut update = Map::new();
        update.insert("first_name".into(), Value::String("Zoë".into()));
        update.insert("last_name".into(), Value::String("Lévy".into()));
        update.insert("status_expiration".into(), Value::String("12".into()));
        let profile = merged_profile(&stored, &update).unwrap();
        assert_eq!(profile["real_name"], "Zoë Lévy");
        assert_eq!(profile["real_name_normalized"], "Zoe Levy");
        assert_eq!(profile["status_expiration"], 12);
        let mut update = Map::new();
        update.insert("display_name".into(), Value::String("@Here".into()));
        assert!(merged_profile(&stored, &update).is_err());
        let mut update = Map::new();
        update.insert("title".into(), Value::Bool(true));
        assert!(merged_profile(&stored, &update).is_err());
    }
}
