//! `bots.info`.

use super::{fail, param, Outcome};
use crate::messaging::APP_ID;
use crate::state::{State, User};
use serde_json::{json, Map};

/// `bots.info`: the bot user whose bot id is `bot` (the demo workspace's is `demo::BOT_ID`; an
/// added user is one with `UserSpec::bot`), as its messages' `bot_profile` shows it (name,
/// icons, the emulator's app) with its `user_id`. No `bot`, or one no bot user has, is
/// `bot_not_found`. The emulator's choice where Slack is silent: `updated` is the time of the
/// call, as in `bot_profile`.
pub(crate) fn info(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let wanted = param(params, "bot").unwrap_or("").trim();
    let bot_user = state
        .users
        .values()
        .find(|user| !wanted.is_empty() && user.spec.bot_id.as_deref() == Some(wanted))
        .ok_or_else(|| fail("bot_not_found"))?;
    let mut data = Map::new();
    data.insert(
        "bot".into(),
        json!({
            "id": wanted,
            "deleted": false,
            "name": bot_user.spec.name,
            "updated": state.workspace.clock.seconds(),
            "app_id": APP_ID,
            "user_id": bot_user.spec.id,
            "icons": bot_icons(&bot_user.spec.id),
        }),
    );
    Ok(data)
}

/// The icons of the bot user `user`, as its messages' `bot_profile` and `bots.info` show them.
pub(crate) fn bot_icons(user: &str) -> serde_json::Value {
    let icon = |size: u32| format!("https://avatars.emulator.invalid/{user}/bot_{size}.png");
    json!({"image_36": icon(36), "image_48": icon(48), "image_72": icon(72)})
}
