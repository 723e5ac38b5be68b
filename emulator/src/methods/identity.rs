//! `users.identity`: who signed in with Slack's legacy Sign in with Slack, for a user token with
//! the scope `identity.basic`.

use super::{fail, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// `users.identity`: the token's user (`id`, and `name`: the profile's real name, or the user
/// name when it has none: the emulator's reading of Slack's example, whose `name` is a person's
/// name) and workspace (`id`), widened by the token's scopes as Slack's spec and page give
/// them: `identity.email` adds the user's `email` (when they have one), `identity.avatar` their
/// `image_24` to `image_512`, and `identity.team` the workspace's `name`, `domain` and icon
/// (`image_34` to `image_230`, `image_default`). A bot token is `user_is_bot`, as Slack's spec
/// lists. The emulator's choice where Slack is silent: a token with other scopes beside
/// `identity.basic` is answered alike (Slack grants the identity scopes apart from others).
pub(crate) fn identity(state: &mut State, caller: &User, _: &[(String, String)]) -> Outcome {
    if super::messages::is_bot(caller) {
        return Err(fail("user_is_bot"));
    }
    let has = |scope: &str| state.call_scopes.iter().any(|s| s == scope);
    let profile = |key: &str| caller.profile.get(key).and_then(Value::as_str);
    let name = profile("real_name")
        .filter(|name| !name.is_empty())
        .unwrap_or(&caller.spec.name);
    let mut user = Map::new();
    user.insert("name".into(), json!(name));
    user.insert("id".into(), json!(caller.spec.id));
    if has("identity.email") {
        if let Some(email) = profile("email") {
            user.insert("email".into(), json!(email));
        }
    }
    if has("identity.avatar") {
        for size in ["24", "32", "48", "72", "192", "512"] {
            let key = format!("image_{size}");
            if let Some(image) = caller.profile.get(&key) {
                user.insert(key, image.clone());
            }
        }
    }
    let mut team = Map::new();
    team.insert("id".into(), json!(state.team.id));
    if has("identity.team") {
        team.insert("name".into(), json!(state.team.name));
        team.insert("domain".into(), json!(state.team.domain));
        if let Value::Object(icon) = super::team::icon(&state.team.id) {
            team.extend(icon);
        }
    }
    let mut data = Map::new();
    data.insert("user".into(), Value::Object(user));
    data.insert("team".into(), Value::Object(team));
    Ok(data)
}
