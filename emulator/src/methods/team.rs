//! `team.info`.

use super::{fail, param, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map};

/// `team.info`: the workspace. A `team` or `domain` that is not this workspace's is
/// `team_not_found`.
pub(crate) fn info(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let team = &state.team;
    let other_id = param(params, "team").is_some_and(|id| !id.is_empty() && id != team.id);
    let other_domain = param(params, "domain").is_some_and(|d| !d.is_empty() && d != team.domain);
    if other_id || other_domain {
        return Err(fail("team_not_found"));
    }
    let icon_base = format!("https://avatars.emulator.invalid/{}", team.id);
    let mut data = Map::new();
    data.insert(
        "team".into(),
        json!({
            "id": team.id,
            "name": team.name,
            "url": format!("https://{}.slack.com/", team.domain),
            "domain": team.domain,
            "email_domain": "",
            "icon": {
                "image_default": true,
                "image_34": format!("{icon_base}/34.png"),
                "image_44": format!("{icon_base}/44.png"),
                "image_68": format!("{icon_base}/68.png"),
                "image_88": format!("{icon_base}/88.png"),
                "image_102": format!("{icon_base}/102.png"),
                "image_132": format!("{icon_base}/132.png"),
                "image_230": format!("{icon_base}/230.png"),
            },
            "avatar_base_url": "https://avatars.emulator.invalid/",
            "is_verified": false,
        }),
    );
    Ok(data)
}
