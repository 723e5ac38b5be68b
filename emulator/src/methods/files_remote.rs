//! `files.remote.add`, `.info`, `.list`, `.update`, `.remove` and `.share`: files an app keeps in
//! its own storage, registered in Slack without their bytes.
//!
//! Where the facts come from: Slack's method pages (the file object they answer, `mode`
//! `external`, `mimetype` `application/vnd.slack-remote`, `filetype` `remote`, `size` 0,
//! `url_private` the `external_url`; `add` an upsert; `add`, `update` and `remove` for bot
//! tokens only, `bot_user_required`; `file_not_found`; `too_many_ids` for both ids in `info` and
//! `remove`; `share`'s `channel_not_found` and `not_in_channel`, and either id or both), and
//! Slack's Node SDK (one id, not both, for `update`).
//!
//! The emulator's choices, where those sources are silent:
//!
//! - A remote file lives beside the uploaded files, so `files.info`, `files.list` and
//!   `files.delete` see it as they see an upload: its owner is the bot that added it, and
//!   others see it once it is shared in a conversation they can see. The `files.remote.*`
//!   methods see every remote file of the workspace (Slack's page: remote files exist across
//!   the workspace), and no uploaded file (`file_not_found`).
//! - One app: an `external_id` names one file in the workspace, whichever bot added it.
//! - Neither `file` nor `external_id` is `invalid_args` (a code Slack's pages list); `update`
//!   with both is `too_many_ids`, as `info` and `remove`; `share` with both takes them when they
//!   name the same file, and answers `file_not_found` otherwise.
//! - A removed file is `file_not_found` to every `files.remote.*` call after (so removing twice
//!   is `file_not_found`), and `file_deleted` to `files.info`, as a deleted upload.
//! - `filetype` is kept as given, with `pretty_type` the same text; without it `filetype` is
//!   `remote` and `pretty_type` `Remote`. `indexable_file_contents` is kept as the file's bytes
//!   (never answered); the emulator's search does not read it.
//! - A `preview_image` file part (on `add` or `update`) gives the file thumbnails, `thumb_64`
//!   to `thumb_480`, URLs of the emulator's named by the image's hash; the image's bytes are not
//!   checked (Slack's pages name no error for them). A `preview_image` sent as a plain form
//!   field is no file, and changes nothing.
//! - `share` posts one message holding the file in each channel (an archived one is
//!   `is_archived`, as for uploads); sharing in a channel again posts again. Messages keep the
//!   file as it was when shared; `update` changes the file, not them.
//! - `list` answers the files in the order they were added, in cursor pages (a cursor names the
//!   next page's first file); `ts_from` and `ts_to` are seconds, inclusive.

use super::{channels::visible, fail, param, Outcome, Reply};
use crate::bodies::FilePart;
use crate::state::{State, User};
use crate::uploads::Stored;
use crate::workspace::{page, ChannelKind};
use serde_json::{json, Map, Value};

/// What Slack calls a remote file's MIME type.
const REMOTE_MIMETYPE: &str = "application/vnd.slack-remote";

/// A parameter's value when it is given and not empty.
fn present<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    param(params, name).filter(|value| !value.is_empty())
}

/// `{"ok":false,"error":"invalid_arguments"}` for a required argument left out, with Slack's
/// explanation in `response_metadata.messages`.
fn missing(name: &str) -> Reply {
    let body = json!({
        "ok": false,
        "error": "invalid_arguments",
        "response_metadata": { "messages": [format!("[ERROR] missing required field: {name}")] },
    });
    Reply::json(200, serde_json::to_vec(&body).unwrap_or_default())
}

/// `bot_user_required` unless the caller is a bot.
fn bot_only(caller: &User) -> Result<(), Reply> {
    match caller.spec.bot_id {
        Some(_) => Ok(()),
        None => Err(fail("bot_user_required")),
    }
}

fn is_remote(stored: &Stored) -> bool {
    stored.object.get("mode").and_then(Value::as_str) == Some("external")
}

fn external_id_of(stored: &Stored) -> Option<&str> {
    stored.object.get("external_id").and_then(Value::as_str)
}

/// The id of the remote file `external_id` names.
fn by_external_id(state: &State, external_id: &str) -> Option<String> {
    state
        .files
        .stored
        .iter()
        .find(|(_, stored)| is_remote(stored) && external_id_of(stored) == Some(external_id))
        .map(|(id, _)| id.clone())
}

/// The id of the remote file the call names by `file` or `external_id`: `invalid_args` for
/// neither, `too_many_ids` for both unless `both_allowed` (then both must name the same file),
/// `file_not_found` for no such remote file.
fn named(state: &State, params: &[(String, String)], both_allowed: bool) -> Result<String, Reply> {
    let file = present(params, "file");
    let external = present(params, "external_id");
    let by_id = |id: &str| {
        state
            .files
            .stored
            .get(id)
            .filter(|stored| is_remote(stored))
            .map(|_| id.to_owned())
    };
    let found = match (file, external) {
        (None, None) => return Err(fail("invalid_args")),
        (Some(_), Some(_)) if !both_allowed => return Err(fail("too_many_ids")),
        (Some(id), None) => by_id(id),
        (None, Some(external)) => by_external_id(state, external),
        (Some(id), Some(external)) => {
            by_id(id).filter(|id| by_external_id(state, external).as_deref() == Some(id))
        }
    };
    found.ok_or_else(|| fail("file_not_found"))
}

/// The answer holding the file `id`.
fn answer(state: &State, id: &str) -> Outcome {
    let stored = state
        .files
        .stored
        .get(id)
        .ok_or_else(|| fail("file_not_found"))?;
    let mut data = Map::new();
    data.insert("file".into(), Value::Object(stored.object.clone()));
    Ok(data)
}

/// Sets the fields of a remote file that `add` and `update` take, where given.
fn apply(
    object: &mut Map<String, Value>,
    stored_bytes: &mut Vec<u8>,
    params: &[(String, String)],
    files: &[FilePart],
) {
    if let Some(title) = present(params, "title") {
        object.insert("title".into(), Value::from(title));
        object.insert("name".into(), Value::from(title));
    }
    if let Some(url) = present(params, "external_url") {
        object.insert("external_url".into(), Value::from(url));
        object.insert("url_private".into(), Value::from(url));
    }
    if let Some(filetype) = present(params, "filetype") {
        object.insert("filetype".into(), Value::from(filetype));
        object.insert("pretty_type".into(), Value::from(filetype));
    }
    if let Some(text) = param(params, "indexable_file_contents") {
        *stored_bytes = text.as_bytes().to_vec();
    }
    if let Some(image) = files.iter().find(|part| part.name == "preview_image") {
        let id = object
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let hash = crate::state::hash12(&image.bytes);
        for size in PREVIEW_SIZES {
            let url = format!("https://files.emulator.invalid/previews/{id}/{hash}_{size}");
            object.insert(format!("thumb_{size}"), Value::from(url));
        }
    }
}

/// The sizes of the thumbnails a remote file's preview image gives it (`thumb_64` to
/// `thumb_480`), in pixels.
const PREVIEW_SIZES: [u32; 5] = [64, 80, 160, 360, 480];

/// `files.remote.add`: registers a remote file (bot tokens only, `bot_user_required`), or, for
/// an `external_id` added before, updates that file and answers it (an upsert, as Slack's page
/// says). `external_id`, `external_url` and `title` are required (`invalid_arguments`).
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    bot_only(caller)?;
    let external_id = present(params, "external_id").ok_or_else(|| missing("external_id"))?;
    present(params, "external_url").ok_or_else(|| missing("external_url"))?;
    present(params, "title").ok_or_else(|| missing("title"))?;

    if let Some(id) = by_external_id(state, external_id) {
        if let Some(stored) = state.files.stored.get_mut(&id) {
            apply(
                &mut stored.object,
                &mut stored.bytes,
                params,
                &state.call_files,
            );
        }
        return answer(state, &id);
    }

    let me = caller.spec.id.clone();
    let team = state.team.id.clone();
    let now = state.workspace.clock.seconds();
    let id = format!("F0EMU{:05}", crate::state::fresh_number());
    let Value::Object(mut object) = json!({
        "id": id,
        "created": now,
        "timestamp": now,
        "name": "",
        "title": "",
        "mimetype": REMOTE_MIMETYPE,
        "filetype": "remote",
        "pretty_type": "Remote",
        "user": me,
        "user_team": team,
        "editable": false,
        "size": 0,
        "mode": "external",
        "is_external": true,
        "external_type": "app",
        "is_public": false,
        "public_url_shared": false,
        "display_as_bot": false,
        "username": "",
        "url_private": "",
        "media_display_type": "unknown",
        "permalink": format!("https://{}.slack.com/files/{me}/{id}", state.team.domain),
        "comments_count": 0,
        "is_starred": false,
        "shares": {},
        "channels": [],
        "groups": [],
        "ims": [],
        "external_id": external_id,
        "external_url": "",
        "has_rich_preview": false,
        "file_access": "visible",
    }) else {
        return Err(fail("internal_error"));
    };
    let mut bytes = Vec::new();
    apply(&mut object, &mut bytes, params, &state.call_files);
    state.files.stored.insert(
        id.clone(),
        Stored {
            object,
            owner: me,
            bytes,
        },
    );
    answer(state, &id)
}

/// `files.remote.info`: a remote file of the workspace, by `file` or `external_id` (not both:
/// `too_many_ids`; `file_not_found` for none).
pub(crate) fn info(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    let id = named(state, params, false)?;
    answer(state, &id)
}

/// `files.remote.update`: changes a remote file's title, URL, type or search text (bot tokens
/// only), by `file` or `external_id` (not both: `too_many_ids`).
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    bot_only(caller)?;
    let id = named(state, params, false)?;
    if let Some(stored) = state.files.stored.get_mut(&id) {
        apply(
            &mut stored.object,
            &mut stored.bytes,
            params,
            &state.call_files,
        );
    }
    answer(state, &id)
}

/// `files.remote.remove`: takes a remote file out (bot tokens only), by `file` or
/// `external_id` (not both: `too_many_ids`); it is `file_not_found` after.
pub(crate) fn remove(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    bot_only(caller)?;
    let id = named(state, params, false)?;
    state.files.stored.remove(&id);
    state.files.deleted.insert(id);
    Ok(Map::new())
}

/// `files.remote.share`: shares a remote file, by `file`, `external_id` or both, in each of
/// `channels` (required), which the caller must see (`channel_not_found`) and be in
/// (`not_in_channel`): a message holding the file in each, and the file's `shares`,
/// `channels`, `groups` and `ims` naming them. Everything is checked before anything changes.
pub(crate) fn share(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = caller.spec.id.clone();
    let list = present(params, "channels").ok_or_else(|| missing("channels"))?;
    let mut targets: Vec<&str> = Vec::new();
    for channel in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !targets.contains(&channel) {
            targets.push(channel);
        }
    }
    if targets.is_empty() {
        return Err(missing("channels"));
    }
    let id = named(state, params, true)?;
    for target in &targets {
        let channel = state
            .workspace
            .channels
            .get(*target)
            .filter(|channel| visible(channel, &me))
            .ok_or_else(|| fail("channel_not_found"))?;
        if channel.archived {
            return Err(fail("is_archived"));
        }
        if !channel.members.contains(&me) {
            return Err(fail("not_in_channel"));
        }
    }

    let team = state.team.id.clone();
    for target in targets {
        let ts = state.workspace.clock.ts();
        let Some(channel) = state.workspace.channels.get(target) else {
            continue;
        };
        let (group, list) = match channel.kind {
            ChannelKind::Public => ("public", "channels"),
            ChannelKind::Private | ChannelKind::Mpim => ("private", "groups"),
            ChannelKind::Im => ("private", "ims"),
        };
        let share = json!({
            "ts": ts,
            "channel_name": channel.name,
            "team_id": team,
            "share_user_id": me,
            "reply_users": [],
            "reply_users_count": 0,
            "reply_count": 0,
        });
        let Some(stored) = state.files.stored.get_mut(&id) else {
            return Err(fail("file_not_found"));
        };
        let object = &mut stored.object;
        if group == "public" {
            object.insert("is_public".into(), Value::Bool(true));
        }
        let shares = object.entry("shares").or_insert_with(|| json!({}));
        match shares[group][target].as_array_mut() {
            Some(earlier) => earlier.push(share),
            None => shares[group][target] = json!([share]),
        }
        if let Some(Value::Array(ids)) = object.get_mut(list) {
            if !ids.iter().any(|id| id.as_str() == Some(target)) {
                ids.push(Value::from(target));
            }
        }
        let file = Value::Object(object.clone());

        let mut message = Map::new();
        message.insert("type".into(), Value::from("message"));
        message.insert("text".into(), Value::from(""));
        message.insert("files".into(), Value::Array(vec![file]));
        message.insert("upload".into(), Value::Bool(false));
        message.insert("user".into(), Value::from(me.as_str()));
        if let Some(bot_id) = &caller.spec.bot_id {
            message.insert("bot_id".into(), Value::from(bot_id.as_str()));
        }
        message.insert("display_as_bot".into(), Value::Bool(false));
        message.insert("ts".into(), Value::from(ts.as_str()));
        message.insert("team".into(), Value::from(team.as_str()));
        if let Some(channel) = state.workspace.channels.get_mut(target) {
            channel.messages.push(message);
        }
    }
    answer(state, &id)
}

/// `files.remote.list`: the workspace's remote files in the order they were added, kept to
/// those shared in `channel` and created between `ts_from` and `ts_to` (seconds, inclusive; a
/// time that is not a number keeps nothing out), in cursor pages of `limit` (`invalid_cursor`
/// for a cursor not of this list).
pub(crate) fn list(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    let time = |name: &str| present(params, name).and_then(|value| value.parse::<f64>().ok());
    let (from, to) = (time("ts_from"), time("ts_to"));
    let channel = present(params, "channel");
    let chosen: Vec<(&String, &Stored)> = state
        .files
        .stored
        .iter()
        .filter(|(_, stored)| is_remote(stored))
        .filter(|(_, stored)| {
            channel.is_none_or(|channel| {
                super::files::shared_in(&stored.object).any(|id| id == channel)
            })
        })
        .filter(|(_, stored)| {
            let created = stored
                .object
                .get("created")
                .and_then(Value::as_f64)
                .unwrap_or(0.0);
            from.is_none_or(|from| created >= from) && to.is_none_or(|to| created <= to)
        })
        .collect();
    let ids: Vec<&str> = chosen.iter().map(|(id, _)| id.as_str()).collect();
    let (range, next) = page(
        "remote_file",
        &ids,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let files: Vec<Value> = chosen[range]
        .iter()
        .map(|(_, stored)| Value::Object(stored.object.clone()))
        .collect();
    let mut data = Map::new();
    data.insert("files".into(), Value::Array(files));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}
