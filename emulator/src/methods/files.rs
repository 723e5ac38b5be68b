//! `files.getUploadURLExternal`, `files.completeUploadExternal`, `files.info`, `files.list` and
//! `files.delete`: the two calls around an upload (whose bytes go to the upload site, see
//! `crate::uploads`), reading files back, and deleting one; `files.sharedPublicURL` and
//! `files.revokePublicURL`, a file's public link; `files.comments.delete`, on the comments
//! [`Emulator::add_file_comment`](crate::Emulator::add_file_comment) adds.

use super::{channels::visible, fail, param, Outcome, Reply};
use crate::state::{State, User};
use crate::uploads::Stored;
use crate::workspace::ChannelKind;
use serde_json::{json, Map, Value};

use slack_methods_runtime::types::{MAX_ALT_TXT_CHARS, MAX_SHARE_CHANNELS};

/// `{"ok":false,"error":"invalid_arguments"}` with Slack's explanation in
/// `response_metadata.messages`.
fn invalid_arguments(message: &str) -> Reply {
    let body = json!({
        "ok": false,
        "error": "invalid_arguments",
        "response_metadata": { "messages": [format!("[ERROR] {message}")] },
    });
    Reply::json(200, serde_json::to_vec(&body).unwrap_or_default())
}

/// `files.getUploadURLExternal`: announces a file (`filename`, `length` in bytes) and answers
/// the URL to send its bytes to, on the upload site, and its id. A `length` of 0 is
/// `missing_argument` and an `alt_txt` over 1000 characters `alt_txt_too_large`, as Slack
/// answers.
pub(crate) fn get_upload_url(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let filename = param(params, "filename")
        .filter(|name| !name.trim().is_empty())
        .ok_or_else(|| invalid_arguments("missing required field: filename"))?;
    let length = param(params, "length")
        .ok_or_else(|| invalid_arguments("missing required field: length"))?
        .trim()
        .parse::<u64>()
        .map_err(|_| invalid_arguments("invalid `length`: expected a number of bytes"))?;
    // Slack takes no empty file: "`missing_argument`: typically only occurs when the `length`
    // provided is 0".
    if length == 0 {
        return Err(fail("missing_argument"));
    }
    if param(params, "alt_txt").is_some_and(|alt| alt.chars().count() > MAX_ALT_TXT_CHARS) {
        return Err(fail("alt_txt_too_large"));
    }
    let (upload_url, file_id) = state.files.announce(
        &caller.spec.id,
        filename,
        length,
        param(params, "alt_txt"),
        param(params, "snippet_type"),
    );
    let mut data = Map::new();
    data.insert("upload_url".into(), Value::from(upload_url));
    data.insert("file_id".into(), Value::from(file_id));
    Ok(data)
}

/// One entry of `files`: an id and an optional title.
struct Entry {
    id: String,
    title: Option<String>,
}

fn entries(params: &[(String, String)]) -> Result<Vec<Entry>, Reply> {
    let text =
        param(params, "files").ok_or_else(|| invalid_arguments("missing required field: files"))?;
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
        return Err(invalid_arguments(
            "`files` must be a JSON array of objects with an `id`",
        ));
    };
    if items.is_empty() {
        return Err(invalid_arguments("`files` is empty"));
    }
    items
        .iter()
        .map(|item| {
            let id = item["id"]
                .as_str()
                .ok_or_else(|| invalid_arguments("a `files` entry has no `id`"))?;
            Ok(Entry {
                id: id.to_owned(),
                title: item["title"].as_str().map(str::to_owned),
            })
        })
        .collect()
}

/// A file's MIME type, Slack file type and name for people, from its name's extension.
fn kind_of(filename: &str) -> (&'static str, &'static str, &'static str) {
    let extension = filename
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "txt" | "log" => ("text/plain", "text", "Plain Text"),
        "csv" => ("text/csv", "csv", "CSV"),
        "md" => ("text/markdown", "markdown", "Markdown (raw)"),
        "json" => ("application/json", "json", "JSON"),
        "png" => ("image/png", "png", "PNG"),
        "jpg" | "jpeg" => ("image/jpeg", "jpg", "JPEG"),
        "gif" => ("image/gif", "gif", "GIF"),
        "pdf" => ("application/pdf", "pdf", "PDF"),
        "rs" => ("text/plain", "rust", "Rust"),
        _ => ("application/octet-stream", "binary", "Binary"),
    }
}

/// `files.completeUploadExternal`: makes files of the uploads named in `files` (each must have
/// been announced by the caller, else `access_denied` ("User is not the owner of the file"), and
/// its bytes must have arrived, else `file_not_found`), and shares them in `channel_id` or
/// `channels` (at most 100, else `channels_limit_exceeded`; each one the caller can see, else
/// `channel_not_found`, and is in, else `not_in_channel`; one named twice is shared in once),
/// in the thread of `thread_ts` when given (a message of the one channel, else
/// `message_not_found`). Sharing posts one message
/// with the files and `initial_comment` in each channel.
pub(crate) fn complete_upload(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let me = caller.spec.id.clone();
    let entries = entries(params)?;
    let mut targets: Vec<String> = Vec::new();
    if let Some(channel) = param(params, "channel_id").filter(|c| !c.is_empty()) {
        targets.push(channel.to_owned());
    }
    if let Some(list) = param(params, "channels") {
        targets.extend(
            list.split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
        );
    }
    // A channel named twice is shared in once.
    let mut seen = std::collections::BTreeSet::new();
    targets.retain(|target| seen.insert(target.clone()));
    if targets.len() > MAX_SHARE_CHANNELS {
        return Err(fail("channels_limit_exceeded"));
    }
    let thread = param(params, "thread_ts").filter(|ts| !ts.is_empty());
    if thread.is_some() && targets.len() != 1 {
        return Err(invalid_arguments("`thread_ts` needs exactly one channel"));
    }
    // Everything is checked before anything changes.
    for entry in &entries {
        match state.files.pending_file(&entry.id) {
            Some((_, pending)) if pending.owner != me => return Err(fail("access_denied")),
            Some((_, pending)) if pending.bytes.is_some() => {}
            _ => return Err(fail("file_not_found")),
        }
    }
    for target in &targets {
        let channel = state
            .workspace
            .channels
            .get(target)
            .filter(|channel| visible(channel, &me))
            .ok_or_else(|| fail("channel_not_found"))?;
        if channel.archived {
            return Err(fail("is_archived"));
        }
        if !channel.members.contains(&me) {
            return Err(fail("not_in_channel"));
        }
        if let Some(ts) = thread {
            if channel.message(ts).is_none() {
                return Err(fail("message_not_found"));
            }
        }
    }

    // The message of each channel, and how the files show where they are shared.
    let team = state.team.id.clone();
    let now = state.workspace.clock.seconds();
    let mut posts: Vec<(String, String)> = Vec::new();
    let mut shares = json!({});
    let (mut public, mut private, mut ims) = (Vec::new(), Vec::new(), Vec::new());
    for target in &targets {
        let ts = state.workspace.clock.ts();
        let Some(channel) = state.workspace.channels.get(target) else {
            continue;
        };
        let (group, list) = match channel.kind {
            ChannelKind::Public => ("public", &mut public),
            ChannelKind::Private | ChannelKind::Mpim => ("private", &mut private),
            ChannelKind::Im => ("private", &mut ims),
        };
        list.push(Value::from(target.as_str()));
        let mut share = json!({
            "ts": ts,
            "channel_name": channel.name,
            "team_id": team,
            "share_user_id": me,
            "reply_users": [],
            "reply_users_count": 0,
            "reply_count": 0,
        });
        if let (Some(parent), Value::Object(map)) = (thread, &mut share) {
            map.insert("thread_ts".into(), Value::from(parent));
        }
        shares[group][target.as_str()] = json!([share]);
        posts.push((target.clone(), ts));
    }

    let mut objects = Vec::new();
    for entry in &entries {
        let Some((key, _)) = state.files.pending_file(&entry.id) else {
            return Err(fail("file_not_found"));
        };
        let key = key.clone();
        let Some(pending) = state.files.pending.remove(&key) else {
            return Err(fail("file_not_found"));
        };
        let bytes = pending.bytes.unwrap_or_default();
        let (mimetype, filetype, pretty_type) = kind_of(&pending.filename);
        let name = pending.filename;
        let base = format!(
            "https://files.emulator.invalid/files-pri/{team}-{}/{name}",
            pending.file_id
        );
        let mut object = json!({
            "id": pending.file_id,
            "created": now,
            "timestamp": now,
            "name": name,
            "title": entry.title.clone().unwrap_or_else(|| name.clone()),
            "mimetype": mimetype,
            "filetype": filetype,
            "pretty_type": pretty_type,
            "user": me,
            "user_team": team,
            "editable": false,
            "size": bytes.len(),
            "mode": "hosted",
            "is_external": false,
            "external_type": "",
            "is_public": !public.is_empty(),
            "public_url_shared": false,
            "display_as_bot": false,
            "username": "",
            "url_private": base,
            "url_private_download": format!("{base}?download=1"),
            "media_display_type": "unknown",
            "permalink": format!(
                "https://{}.slack.com/files/{me}/{}/{name}",
                state.team.domain, pending.file_id
            ),
            "permalink_public": format!("https://slack-files.emulator.invalid/{team}-{}", pending.file_id),
            "comments_count": 0,
            "is_starred": false,
            "shares": shares,
            "channels": public,
            "groups": private,
            "ims": ims,
            "has_rich_preview": false,
            "file_access": "visible",
        });
        if let Value::Object(map) = &mut object {
            if let Some(alt) = pending.alt_txt {
                map.insert("alt_txt".into(), Value::from(alt));
            }
            if let Some(language) = pending.snippet_type {
                map.insert("filetype".into(), Value::from(language));
            }
            if mimetype.starts_with("text/") {
                let preview: String = String::from_utf8_lossy(&bytes).chars().take(200).collect();
                map.insert("preview".into(), Value::from(preview));
            }
        }
        let Value::Object(object) = object else {
            continue;
        };
        objects.push(Value::Object(object.clone()));
        state.files.stored.insert(
            entry.id.clone(),
            Stored {
                object,
                owner: me.clone(),
                bytes,
            },
        );
    }

    let comment = param(params, "initial_comment").unwrap_or("");
    for (target, ts) in posts {
        let Some(channel) = state.workspace.channels.get_mut(&target) else {
            continue;
        };
        let mut message = Map::new();
        message.insert("type".into(), Value::from("message"));
        message.insert("text".into(), Value::from(comment));
        message.insert("files".into(), Value::Array(objects.clone()));
        message.insert("upload".into(), Value::Bool(true));
        message.insert("user".into(), Value::from(me.as_str()));
        if let Some(bot_id) = &caller.spec.bot_id {
            message.insert("bot_id".into(), Value::from(bot_id.as_str()));
        }
        message.insert("display_as_bot".into(), Value::Bool(false));
        message.insert("ts".into(), Value::from(ts.as_str()));
        message.insert("team".into(), Value::from(team.as_str()));
        if let Some(parent) = thread {
            message.insert("thread_ts".into(), Value::from(parent));
            if let Some(parent) = channel.message_mut(parent) {
                add_reply(parent, &me, &ts);
            }
        }
        channel.messages.push(message);
    }

    let mut data = Map::new();
    data.insert("files".into(), Value::Array(objects));
    Ok(data)
}

/// Counts a reply by `user` at `ts` on a thread's parent message.
fn add_reply(parent: &mut Map<String, Value>, user: &str, ts: &str) {
    let parent_ts = parent.get("ts").cloned().unwrap_or(Value::Null);
    parent.insert("thread_ts".into(), parent_ts);
    let count = parent
        .get("reply_count")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    parent.insert("reply_count".into(), Value::from(count + 1));
    let mut users: Vec<Value> = match parent.get("reply_users") {
        Some(Value::Array(users)) => users.clone(),
        _ => Vec::new(),
    };
    if !users.iter().any(|u| u.as_str() == Some(user)) {
        users.push(Value::from(user));
    }
    parent.insert("reply_users_count".into(), Value::from(users.len()));
    parent.insert("reply_users".into(), Value::Array(users));
    parent.insert("latest_reply".into(), Value::from(ts));
}

/// The conversations a file is shared in (its `channels`, `groups` and `ims`).
pub(crate) fn shared_in(file: &Map<String, Value>) -> impl Iterator<Item = &str> {
    ["channels", "groups", "ims"]
        .into_iter()
        .filter_map(|key| file.get(key).and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_str)
}

/// Whether `me` can see `stored`: their own file, or one shared in a conversation they can see.
pub(crate) fn can_see(state: &State, stored: &Stored, me: &str) -> bool {
    stored.owner == me
        || shared_in(&stored.object).any(|channel| {
            state
                .workspace
                .channels
                .get(channel)
                .is_some_and(|channel| visible(channel, me))
        })
}

/// The file `id` as `me` may see it: `file_deleted` for a deleted file, `file_not_found` for one
/// that does not exist or that `me` cannot see.
fn visible_file<'a>(state: &'a State, id: &str, me: &str) -> Result<&'a Stored, Reply> {
    if state.files.deleted.contains(id) {
        return Err(fail("file_deleted"));
    }
    state
        .files
        .stored
        .get(id)
        .filter(|stored| can_see(state, stored, me))
        .ok_or_else(|| fail("file_not_found"))
}

/// `files.info`: a completed file its uploader can see, or anyone who can see a conversation
/// it is shared in; `file_not_found` otherwise, `file_deleted` once it is deleted.
pub(crate) fn info(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "file").unwrap_or("");
    let stored = visible_file(state, id, &caller.spec.id)?;
    let comments = state.files.comments.get(id).cloned().unwrap_or_default();
    let mut data = Map::new();
    data.insert("file".into(), Value::Object(stored.object.clone()));
    data.insert(
        "comments".into(),
        Value::Array(comments.into_iter().map(Value::Object).collect()),
    );
    data.insert("response_metadata".into(), json!({ "next_cursor": "" }));
    Ok(data)
}

/// `files.delete`: deletes a file the caller can see (else `file_not_found`; `file_deleted`
/// the second time). Its uploader may, and a workspace admin or owner who is not a bot, as
/// Slack's docs say bots cannot delete others' files; anyone else gets `cant_delete_file`. The
/// file is gone from `files.info` and `files.list`; the messages it was shared in keep it as
/// they were (the emulator's choice: Slack shows a deleted file's place in a message in its own
/// way, which no recording here shows).
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = param(params, "file").unwrap_or("");
    let me = &caller.spec.id;
    let stored = visible_file(state, id, me)?;
    let may = &stored.owner == me
        || ((caller.spec.admin || caller.spec.owner) && caller.spec.bot_id.is_none());
    if !may {
        return Err(fail("cant_delete_file"));
    }
    state.files.stored.remove(id);
    state.files.deleted.insert(id.to_owned());
    Ok(Map::new())
}

/// Whether `caller` may turn a file's public link on or off: its uploader, or a workspace admin
/// or owner with a user token (the emulator's choice, as for `files.delete`: Slack's pages do not
/// say who may).
fn may_share_publicly(stored: &Stored, caller: &User) -> bool {
    stored.owner == caller.spec.id
        || ((caller.spec.admin || caller.spec.owner) && caller.spec.bot_id.is_none())
}

/// Turns the public link of the file `file` on or off, for `files.sharedPublicURL` and
/// `files.revokePublicURL`: the file as it is then.
fn set_public_link(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
    on: bool,
) -> Outcome {
    let id = param(params, "file").unwrap_or("");
    let stored = visible_file(state, id, &caller.spec.id)?;
    if !may_share_publicly(stored, caller) {
        return Err(fail("not_allowed"));
    }
    let Some(stored) = state.files.stored.get_mut(id) else {
        return Err(fail("file_not_found"));
    };
    stored
        .object
        .insert("public_url_shared".into(), Value::Bool(on));
    let mut data = Map::new();
    data.insert("file".into(), Value::Object(stored.object.clone()));
    Ok(data)
}

/// `files.sharedPublicURL`: turns on a file's public link, and answers the file with
/// `public_url_shared` true and its `permalink_public`. A user token only (`user_is_bot`
/// otherwise, as Slack's spec lists: its page names user tokens only); the file must be one the
/// caller can see (`file_not_found`, `file_deleted`), and the caller its uploader or a
/// workspace admin (`not_allowed`, which Slack's spec lists, otherwise).
///
/// The emulator's choices where Slack is silent: the link is the file's `permalink_public`, the
/// same before, while and after it is on (Slack's file objects carry it whether or not it is
/// shared); turning on a link that is on answers the file again, unchanged (no
/// `already_public` error: Slack names none).
pub(crate) fn shared_public_url(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    if super::messages::is_bot(caller) {
        return Err(fail("user_is_bot"));
    }
    set_public_link(state, caller, params, true)
}

/// `files.revokePublicURL`: turns off a file's public link, and answers the file with
/// `public_url_shared` false; the same checks as `files.sharedPublicURL` but for the bot's
/// (Slack's page for it names bot tokens too). Revoking a link that is off answers the file
/// unchanged (the emulator's choice).
pub(crate) fn revoke_public_url(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    set_public_link(state, caller, params, false)
}

/// `files.comments.delete`: deletes the comment `id` on the file `file`, which the caller must
/// see (`file_not_found`, `file_deleted`); a comment that is not on it is `comment_not_found`
/// (Slack's spec). As Slack's page says, only the comment's author or a workspace admin may
/// (the emulator reads that as an admin or owner with a user token); anyone else gets
/// `cant_delete`. The file's `comments_count` goes down by one.
pub(crate) fn comments_delete(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let file = param(params, "file").unwrap_or("");
    let id = param(params, "id").unwrap_or("");
    visible_file(state, file, &caller.spec.id)?;
    let comments = state.files.comments.entry(file.to_owned()).or_default();
    let Some(at) = comments
        .iter()
        .position(|comment| comment.get("id").and_then(Value::as_str) == Some(id))
    else {
        return Err(fail("comment_not_found"));
    };
    let author = comments[at].get("user").and_then(Value::as_str) == Some(caller.spec.id.as_str());
    let admin = (caller.spec.admin || caller.spec.owner) && caller.spec.bot_id.is_none();
    if !author && !admin {
        return Err(fail("cant_delete"));
    }
    comments.remove(at);
    let count = comments.len();
    if let Some(stored) = state.files.stored.get_mut(file) {
        stored
            .object
            .insert("comments_count".into(), Value::from(count));
    }
    Ok(Map::new())
}

impl crate::Emulator {
    /// Adds a comment by `user` with `text` on the completed file `file_id`, as Slack's legacy
    /// file comments were: its id (`Fc...`), or `None` when there is no such file. `files.info`
    /// answers the file's comments, oldest first, and `files.comments.delete` deletes one.
    pub fn add_file_comment(&self, file_id: &str, user: &str, text: &str) -> Option<String> {
        let mut state = self.shared.lock();
        let now = state.workspace.clock.seconds();
        let files = &mut state.files;
        let stored = files.stored.get_mut(file_id)?;
        let id = format!("Fc0EMU{:05}", crate::state::fresh_number());
        let comments = files.comments.entry(file_id.to_owned()).or_default();
        let mut comment = Map::new();
        comment.insert("id".into(), Value::from(id.as_str()));
        comment.insert("created".into(), Value::from(now));
        comment.insert("timestamp".into(), Value::from(now));
        comment.insert("user".into(), Value::from(user));
        comment.insert("is_intro".into(), Value::Bool(false));
        comment.insert("comment".into(), Value::from(text));
        comments.push(comment);
        stored
            .object
            .insert("comments_count".into(), Value::from(comments.len()));
        Some(id)
    }
}

/// The kinds `files.list` takes in `types`, as Slack names them.
const FILE_TYPES: [&str; 7] = [
    "all", "spaces", "snippets", "images", "gdocs", "zips", "pdfs",
];

/// Whether a file object is of the kind `kind` (one of [`FILE_TYPES`]): images by their MIME
/// type, PDFs, zips and Google Docs by `filetype`, posts (`spaces`) by `filetype` `space` or
/// `post`, snippets by `mode` `snippet`. The emulator's reading of Slack's names; the emulator
/// makes no posts, snippets or Google Docs itself.
fn is_of_kind(file: &Map<String, Value>, kind: &str) -> bool {
    let text = |key: &str| file.get(key).and_then(Value::as_str).unwrap_or("");
    match kind {
        "all" => true,
        "images" => text("mimetype").starts_with("image/"),
        "pdfs" => text("filetype") == "pdf",
        "zips" => text("filetype") == "zip",
        "gdocs" => text("filetype").starts_with("gdoc"),
        "spaces" => matches!(text("filetype"), "space" | "post"),
        "snippets" => text("mode") == "snippet",
        _ => false,
    }
}

/// The most files on one page when `count` is absent, as Slack's docs give it.
const DEFAULT_FILES_COUNT: u64 = 100;

/// `files.list`: the files the caller can see (as for `files.info`), newest first (by
/// `created`, then id), one numbered page at a time: `count` a page (100 when absent), `page`
/// from 1, and `paging` with `count`, `total`, `page` and `pages`. Kept to `user`'s files
/// (`user_not_found` for an unknown user), to those shared in `channel`, to those created
/// between `ts_from` and `ts_to` (seconds, inclusive), and to `types` (a comma list of
/// `all`, `spaces`, `snippets`, `images`, `gdocs`, `zips`, `pdfs`; anything else is
/// `unknown_type`).
///
/// The emulator's choices where Slack's docs are silent: a `count` or `page` of 0, or one that is
/// not a number, counts as absent; a time that is not a number keeps nothing out; `pages` is 0
/// when nothing matches; a page past the last is empty; `show_files_hidden_by_limit` and
/// `team_id` change nothing (the emulator has one workspace and no file limit).
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let me = &caller.spec.id;
    let present = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let user = present("user");
    if let Some(user) = user {
        if !state.users.contains_key(user) {
            return Err(fail("user_not_found"));
        }
    }
    let kinds: Vec<&str> = present("types")
        .map(|types| types.split(',').map(str::trim).collect())
        .unwrap_or_default();
    if kinds.iter().any(|kind| !FILE_TYPES.contains(kind)) {
        return Err(fail("unknown_type"));
    }
    let time = |name: &str| present(name).and_then(|value| value.parse::<f64>().ok());
    let (from, to) = (time("ts_from"), time("ts_to"));
    let channel = present("channel");
    let number = |name: &str| {
        present(name)
            .and_then(|value| value.parse::<u64>().ok())
            .filter(|n| *n > 0)
    };
    let count = number("count").unwrap_or(DEFAULT_FILES_COUNT);
    let page = number("page").unwrap_or(1);

    let mut files: Vec<&Map<String, Value>> = state
        .files
        .stored
        .values()
        .filter(|stored| can_see(state, stored, me))
        .map(|stored| &stored.object)
        .filter(|file| {
            user.is_none_or(|user| file.get("user").and_then(Value::as_str) == Some(user))
        })
        .filter(|file| channel.is_none_or(|channel| shared_in(file).any(|id| id == channel)))
        .filter(|file| {
            let created = file.get("created").and_then(Value::as_f64).unwrap_or(0.0);
            from.is_none_or(|from| created >= from) && to.is_none_or(|to| created <= to)
        })
        .filter(|file| kinds.is_empty() || kinds.iter().any(|kind| is_of_kind(file, kind)))
        .collect();
    let created = |file: &Map<String, Value>| file.get("created").and_then(Value::as_i64);
    let id = |file: &Map<String, Value>| file.get("id").and_then(Value::as_str).map(str::to_owned);
    files.sort_by_key(|file| std::cmp::Reverse((created(file), id(file))));

    let total = files.len() as u64;
    let pages = total.div_ceil(count);
    let skip = usize::try_from(count.saturating_mul(page - 1)).unwrap_or(usize::MAX);
    let take = usize::try_from(count).unwrap_or(usize::MAX);
    let on_page: Vec<Value> = files
        .into_iter()
        .skip(skip)
        .take(take)
        .map(|file| Value::Object(file.clone()))
        .collect();
    let mut data = Map::new();
    data.insert("files".into(), Value::Array(on_page));
    data.insert(
        "paging".into(),
        json!({ "count": count, "total": total, "page": page, "pages": pages }),
    );
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_counted_on_the_parent() {
        let mut parent = Map::new();
        parent.insert("ts".into(), Value::from("1.000001"));
        add_reply(&mut parent, "U1", "1.000002");
        add_reply(&mut parent, "U1", "1.000003");
        add_reply(&mut parent, "U2", "1.000004");
        assert_eq!(parent["thread_ts"], "1.000001");
        assert_eq!(parent["reply_count"], 3);
        assert_eq!(parent["reply_users"], json!(["U1", "U2"]));
        assert_eq!(parent["latest_reply"], "1.000004");
    }

    #[test]
    fn kinds_come_from_the_extension() {
        assert_eq!(kind_of("notes.TXT").1, "text");
        assert_eq!(kind_of("noext").0, "application/octet-stream");
    }
}
