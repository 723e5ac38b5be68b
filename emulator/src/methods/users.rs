//! `users.profile.get`, `users.profile.set`, `users.setPhoto` and `users.deletePhoto`;
//! `users.info`, `users.list`, `users.lookupByEmail` and `users.conversations`; Slack Connect's
//! `users.discoverableContacts.lookup`.
//!
//! `users.discoverableContacts.lookup` answers `is_discoverable: true` for the address of a
//! person of the workspace (not a bot), as Slack's page sends callers on to
//! `users.lookupByEmail` for the same person, and for one of another organization made
//! discoverable with [`Emulator::add_discoverable_contact`](crate::Emulator::add_discoverable_contact);
//! `false` for any other (Slack's page: people and organizations may opt out, and are then
//! not found). The emulator's choices where Slack is silent: addresses match in any case; the
//! workspace is on an Enterprise plan, so `not_an_enterprise` is never answered; a user token
//! is `not_allowed` (Slack's page names bot-token scopes only); an empty `email` is
//! `invalid_arguments`.

use super::{channels, fail, param, truthy, Outcome, Reply};
use crate::state::{normalize, State, User};
use crate::workspace::page;
use serde_json::{json, Map, Value};
// Slack's limits on one update: the runtime states them, for bindings and the emulator alike.
use slack_methods_runtime::types::{MAX_FIELD_NAME_CHARS, MAX_UPDATE_FIELDS};

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

pub(crate) fn profile_get(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let target = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) => state.users.get(id).ok_or_else(|| fail("user_not_found"))?,
        None => caller,
    };
    let mut profile = target.profile.clone();
    if truthy(param(params, "include_labels")) {
        if let Some(Value::Object(fields)) = profile.get_mut("fields") {
            for (id, field) in fields.iter_mut() {
                if let Value::Object(field) = field {
                    let label = state
                        .profile_fields
                        .iter()
                        .find(|known| known.id == *id)
                        .map(|known| known.label.clone())
                        .unwrap_or_default();
                    field.insert("label".into(), Value::String(label));
                }
            }
        }
    }
    let mut data = Map::new();
    data.insert("profile".into(), Value::Object(profile));
    Ok(data)
}

pub(crate) fn profile_set(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
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
    if update.len() > MAX_UPDATE_FIELDS
        || update
            .keys()
            .any(|k| k.chars().count() > MAX_FIELD_NAME_CHARS)
    {
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

/// `users.deletePhoto`: the caller's photo is gone, whatever was set (one `users.setPhoto` set
/// too): the profile's `image_*` fall back to the default avatar (the emulator's own URLs,
/// `is_custom_image` false). Slack's page says only that it clears the image; that the default
/// avatar shows after is the emulator's reading. A bot user's token is `user_is_bot`, an error
/// Slack's spec lists.
pub(crate) fn delete_photo(state: &mut State, caller: &User, _: &[(String, String)]) -> Outcome {
    if caller.spec.bot_id.is_some() {
        return Err(fail("user_is_bot"));
    }
    if let Some(user) = state.users.get_mut(&caller.spec.id) {
        crate::state::default_photo(&mut user.profile, &caller.spec.id);
    }
    state.photos.remove(&caller.spec.id);
    Ok(Map::new())
}

/// The widest and tallest photo `users.setPhoto` takes, in pixels: Slack's page asks for images
/// of at most 1024 by 1024 pixels; the emulator answers a larger one `too_large`, the code Slack
/// names for "excessive dimensions".
pub(crate) const MAX_PHOTO_SIDE: u32 = 1024;

/// `users.setPhoto`: the caller's photo is the `image` file part's bytes, kept as they arrived
/// ([`Emulator::user_photo`](crate::Emulator::user_photo)); the profile's `image_*` (every size,
/// `image_1024` and `image_original` too) become URLs of it, under an `avatar_hash` of its bytes,
/// with `is_custom_image` true, and the answer carries them as Slack's does. The emulator's
/// choices where Slack's page is silent:
///
/// - The image is what its bytes are, by their signature, whatever `Content-Type` the part
///   gives: PNG, JPEG or GIF (the kinds the page names) whose width and height can be read;
///   anything else is `bad_image` (the page: "try passing a JPEG, GIF or PNG"). So is a call
///   with no `image` file part (an `image` sent as a plain form field is no file): Slack names
///   no code of its own for it.
/// - A side over 1024 pixels is `too_large` ([`MAX_PHOTO_SIDE`]); a small image is taken (the
///   page's 512 pixels minimum is advice, with no code). `too_many_frames` is never answered.
/// - The crop box is kept when `crop_x`, `crop_y` and `crop_w` are all whole numbers, and not
///   applied; otherwise the whole image is used, as the page says of a call without one.
/// - A bot user's token is `user_is_bot`, as for `users.deletePhoto`.
pub(crate) fn set_photo(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    if caller.spec.bot_id.is_some() {
        return Err(fail("user_is_bot"));
    }
    let Some(image) = state.call_files.iter().find(|part| part.name == "image") else {
        return Err(fail("bad_image"));
    };
    let Some((kind, width, height)) = image_kind_and_size(&image.bytes) else {
        return Err(fail("bad_image"));
    };
    if width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE {
        return Err(fail("too_large"));
    }
    let number = |name: &str| param(params, name).and_then(|text| text.parse::<u32>().ok());
    let crop = match (number("crop_x"), number("crop_y"), number("crop_w")) {
        (Some(x), Some(y), Some(w)) => Some((x, y, w)),
        _ => None,
    };
    let id = caller.spec.id.clone();
    let hash = crate::state::hash12(&image.bytes);
    let photo = crate::state::Photo {
        bytes: image.bytes.clone(),
        filename: image.filename.clone(),
        content_type: image.content_type.clone(),
        crop,
    };
    let mut images = Map::new();
    for size in ["24", "32", "48", "72", "192", "512", "1024", "original"] {
        let url = format!("https://avatars.emulator.invalid/{id}/{hash}_{size}.{kind}");
        images.insert(format!("image_{size}"), Value::String(url));
    }
    images.insert("avatar_hash".into(), Value::String(hash));
    if let Some(user) = state.users.get_mut(&id) {
        user.profile.extend(images.clone());
        user.profile
            .insert("is_custom_image".into(), Value::Bool(true));
    }
    state.photos.insert(id, photo);
    let mut data = Map::new();
    data.insert("profile".into(), Value::Object(images));
    Ok(data)
}

/// The kind of image `bytes` are (the file extension: `png`, `jpg`, `gif`), by their signature,
/// and its width and height in pixels; `None` for anything else, or a header cut short.
fn image_kind_and_size(bytes: &[u8]) -> Option<(&'static str, u32, u32)> {
    let be16 = |at: usize| {
        Some(u32::from(u16::from_be_bytes([
            *bytes.get(at)?,
            *bytes.get(at + 1)?,
        ])))
    };
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
        return Some(("png", word(16)?, word(20)?));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        let le16 = |at: usize| {
            Some(u32::from(u16::from_le_bytes([
                *bytes.get(at)?,
                *bytes.get(at + 1)?,
            ])))
        };
        return Some(("gif", le16(6)?, le16(8)?));
    }
    if bytes.starts_with(&[0xff, 0xd8]) {
        // The segments up to a start of frame (SOF0 to SOF15 but for DHT, JPG and DAC), which
        // holds the height, then the width.
        let mut at = 2;
        loop {
            if *bytes.get(at)? != 0xff {
                return None;
            }
            let marker = *bytes.get(at + 1)?;
            if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
                return Some(("jpg", be16(at + 7)?, be16(at + 5)?));
            }
            at += 2 + usize::try_from(be16(at + 2)?).ok()?;
        }
    }
    None
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

/// Slack's user object for `user`.
pub(crate) fn user_json(state: &State, user: &User, with_locale: bool) -> Value {
    let spec = &user.spec;
    let bot = spec.bot_id.is_some();
    let mut object = json!({
        "id": spec.id,
        "team_id": state.team.id,
        "name": spec.name,
        "deleted": false,
        "color": "9f69e7",
        "real_name": user.profile.get("real_name").cloned().unwrap_or(Value::Null),
        "tz": "Europe/London",
        "tz_label": "Greenwich Mean Time",
        "tz_offset": 0,
        "profile": user.profile,
        "is_admin": spec.admin,
        "is_owner": spec.owner,
        "is_primary_owner": spec.owner,
        "is_restricted": false,
        "is_ultra_restricted": false,
        "is_bot": bot,
        "is_app_user": false,
        "updated": state.workspace.clock.seconds(),
    });
    if let Value::Object(map) = &mut object {
        if !bot {
            map.insert("is_email_confirmed".into(), Value::Bool(true));
            map.insert("has_2fa".into(), Value::Bool(false));
        }
        if with_locale {
            map.insert("locale".into(), Value::from("en-US"));
        }
    }
    object
}

/// `users.info`.
pub(crate) fn info(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "user").unwrap_or("");
    let user = state.users.get(id).ok_or_else(|| fail("user_not_found"))?;
    let mut data = Map::new();
    data.insert(
        "user".into(),
        user_json(state, user, truthy(param(params, "include_locale"))),
    );
    Ok(data)
}

/// `users.list`: one page of users, in id order.
pub(crate) fn list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let mut users: Vec<&User> = state.users.values().collect();
    users.sort_by(|a, b| a.spec.id.cmp(&b.spec.id));
    let ids: Vec<&str> = users.iter().map(|user| user.spec.id.as_str()).collect();
    let (range, next) = page(
        "user",
        &ids,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let with_locale = truthy(param(params, "include_locale"));
    let members: Vec<Value> = users[range]
        .iter()
        .map(|user| user_json(state, user, with_locale))
        .collect();
    let mut data = Map::new();
    data.insert("members".into(), Value::Array(members));
    data.insert(
        "cache_ts".into(),
        Value::from(state.workspace.clock.seconds()),
    );
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// `users.lookupByEmail`: the user whose profile has `email` (any case); `users_not_found`
/// otherwise.
pub(crate) fn lookup_by_email(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let email = param(params, "email").unwrap_or("").trim();
    let user = state
        .users
        .values()
        .filter(|_| !email.is_empty())
        .find(|user| {
            user.profile
                .get("email")
                .and_then(Value::as_str)
                .is_some_and(|theirs| theirs.eq_ignore_ascii_case(email))
        })
        .ok_or_else(|| fail("users_not_found"))?;
    let mut data = Map::new();
    data.insert("user".into(), user_json(state, user, false));
    Ok(data)
}

/// `users.discoverableContacts.lookup`: whether a person of the workspace, or one of another
/// organization made discoverable, has `email` (any case).
pub(crate) fn discoverable_contacts_lookup(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    if caller.spec.bot_id.is_none() {
        return Err(fail("not_allowed"));
    }
    let email = param(params, "email").unwrap_or("").trim();
    if email.is_empty() {
        return Err(fail("invalid_arguments"));
    }
    let email = email.to_ascii_lowercase();
    let member = state.users.values().any(|user| {
        user.spec.bot_id.is_none()
            && user
                .profile
                .get("email")
                .and_then(Value::as_str)
                .is_some_and(|theirs| theirs.eq_ignore_ascii_case(&email))
    });
    let outside = state.discoverable_contacts.contains_key(&email);
    let mut data = Map::new();
    data.insert("is_discoverable".into(), Value::Bool(member || outside));
    Ok(data)
}

impl crate::Emulator {
    /// A person of another organization, team `team_id`, with address `email`, who may be found
    /// for Slack Connect: `users.discoverableContacts.lookup` then answers
    /// `is_discoverable: true` for the address (in any case). One never added stands for someone
    /// who opted out, or for no one.
    pub fn add_discoverable_contact(&self, team_id: &str, email: &str) {
        let mut state = self.shared.lock();
        state
            .discoverable_contacts
            .insert(email.trim().to_ascii_lowercase(), team_id.to_owned());
    }
}

/// `users.conversations`: one page of the conversations `user` (the caller by default) is in,
/// of the kinds `types` names, that the caller may see.
pub(crate) fn conversations(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let whose = match param(params, "user").filter(|u| !u.is_empty()) {
        Some(id) if state.users.contains_key(id) => id.to_owned(),
        Some(_) => return Err(fail("user_not_found")),
        None => caller.spec.id.clone(),
    };
    channels::listing(state, caller, params, |channel| {
        channel.members.contains(&whose)
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn images_are_known_by_their_signature_and_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 2, 0, 0, 0, 1, 0]);
        assert_eq!(image_kind_and_size(&png), Some(("png", 512, 256)));
        assert_eq!(image_kind_and_size(&png[..20]), None);
        assert_eq!(
            image_kind_and_size(b"GIF87a\x20\x03\x58\x02"),
            Some(("gif", 800, 600))
        );
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x01,
            0x00, 0x02, 0x00,
        ];
        assert_eq!(image_kind_and_size(&jpeg), Some(("jpg", 512, 256)));
        // A marker that is no segment, or a JPEG with no frame.
        assert_eq!(image_kind_and_size(&[0xff, 0xd8, 0x00]), None);
        assert_eq!(
            image_kind_and_size(&[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02]),
            None
        );
        assert_eq!(image_kind_and_size(b"BM\x00\x00"), None);
    }
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
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
