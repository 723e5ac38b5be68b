//! Canvases: `canvases.create`, `conversations.canvases.create`, `canvases.edit`,
//! `canvases.delete`, `canvases.sections.lookup`, `canvases.access.set` and
//! `canvases.access.delete`.
//!
//! The errors are those Slack documents for these methods: `canvas_creation_failed` (with a
//! `detail`) for content Slack cannot read, `channel_canvas_already_exists` for a second
//! canvas of a channel, `canvas_not_found` for an unknown canvas (or one the caller cannot
//! see, or a channel's own canvas given to `canvases.access.*`), `canvas_editing_failed` for a
//! change that cannot be applied, `invalid_parameters` for `canvases.access.*` without
//! `channel_ids` and `user_ids` (or `canvases.access.set` with both), `invalid_arguments` for
//! `owner` given to channels, `restricted_action` for `owner` given by someone other than the
//! owner, `channel_not_found` and `user_not_found` for ids that name no one. Where Slack is
//! silent, these are the emulator's choices:
//!
//! - `document_content` must be `{"type": "markdown", "markdown": "<text>"}`; anything else
//!   (not JSON, another `type`, no `markdown`) is `canvas_creation_failed` with a `detail`
//!   saying what is wrong (Slack's own details are its parser's and are not reproduced). Left
//!   out, the canvas is empty, as Slack's pages say it may be.
//! - A channel named by `channel_id` (either method) must be one the caller can see: a public
//!   channel, or a private one it is a member of; otherwise `channel_not_found`, as the other
//!   conversation methods answer.
//! - Who may do what with a canvas (its level: read, write, owner): its owner everything; for
//!   a channel canvas, anyone who can see the channel writes; otherwise the highest access
//!   given to the user, or to a channel the user can see (a public one, or a private one the
//!   user is in). A standalone canvas tabbed in a channel starts with `write` for that channel.
//!   Reading (`canvases.sections.lookup`) needs read; editing and deleting need write, and a
//!   reader gets `restricted_action`; anyone without access gets `canvas_not_found`.
//! - `canvases.access.set` and `.delete` need write (a reader gets `restricted_action`);
//!   giving `owner` needs the owner. Slack asks that a canvas be shared (its link sent) with a
//!   channel or user before their access is set; the emulator needs no such step.
//!   `channel_ids` and `user_ids` are read as comma-separated ids or as a JSON array of ids;
//!   an empty list, more than 20 ids, or an `access_level` other than `read`, `write` and
//!   `owner` is `invalid_arguments`, and so is `owner` for more than one user. A direct
//!   message's id among `channel_ids` (which Slack does not accept, without naming the error)
//!   is `channel_not_found`, as is a channel the caller cannot see. A level set replaces the
//!   one given before; `owner` makes the user the owner, and the former owner keeps `write`.
//!   `canvases.access.delete` removes what was given to each id (an id given nothing is no
//!   error); the owner stays the owner, and a user keeps what a channel gives.
//! - A channel canvas deleted with `canvases.delete` frees its channel for a new one.
//! - `changes` must be a JSON array of exactly one change (Slack takes one per call); an
//!   empty or longer array, an unknown `operation`, a field the operation needs but lacks, or
//!   a `section_id` the canvas does not have is `canvas_editing_failed` with a `detail`, and
//!   the canvas stays as it was.
//! - Sections are cut at headings (see the `canvases` state module); `rename` takes the new
//!   title from `title_content`, which has the shape of `document_content`.
//! - `canvases.sections.lookup`: `h1` to `h3` match headings of that level, `any_header` any
//!   heading; without `section_types` every section matches, the text before the first
//!   heading too. `contains_text` is looked for, as written (case counts), in a heading
//!   section's heading line, or in the text of a section without one. `criteria` that is not
//!   such an object (or names another section type) is `invalid_arguments`. Sections are
//!   answered in the canvas's order.

use super::messages::{conversation, Access};
use super::{fail, param, Outcome, Reply};
use crate::canvases::{sections_of, Canvas, Level, Section};
use crate::state::{State, User};
use crate::workspace::ChannelKind;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The most ids one `canvases.access.*` list may hold.
const MAX_ACCESS_IDS: usize = 20;

/// `{"ok":false,"error":code,"detail":detail}`.
fn failed(code: &str, detail: &str) -> Reply {
    Reply::slack_error(code, &[("detail", detail)])
}

/// The markdown of a `{"type":"markdown","markdown":..}` value, or why it is not one.
fn markdown_of(value: &Value) -> Result<String, String> {
    let Value::Object(object) = value else {
        return Err("content must be an object with `type` and `markdown`".to_owned());
    };
    match object.get("type").and_then(Value::as_str) {
        Some("markdown") => {}
        Some(other) => return Err(format!("unsupported content type `{other}`")),
        None => return Err("content needs a `type`".to_owned()),
    }
    object
        .get("markdown")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| "content needs `markdown` text".to_owned())
}

/// The markdown of the parameter `name` (empty when it is absent), or `canvas_creation_failed`.
fn content_param(params: &[(String, String)], name: &str) -> Result<String, Reply> {
    let Some(text) = param(params, name) else {
        return Ok(String::new());
    };
    let value: Value = serde_json::from_str(text)
        .map_err(|_| failed("canvas_creation_failed", "'content' is not valid JSON"))?;
    markdown_of(&value).map_err(|why| failed("canvas_creation_failed", &why))
}

/// A fresh canvas id (`F...`), unique among canvases and files.
fn new_canvas_id(state: &State) -> String {
    let canvases = &state.canvases.by_id;
    let files = &state.files;
    state.directory.new_id('F', |id| {
        canvases.contains_key(id)
            || files.stored.contains_key(id)
            || files.pending.values().any(|p| p.file_id == id)
    })
}

/// Stores `canvas` under a new id and answers `{"canvas_id": id}`.
fn created(state: &mut State, canvas: Canvas) -> Outcome {
    let id = new_canvas_id(state);
    state.canvases.by_id.insert(id.clone(), canvas);
    let mut data = Map::new();
    data.insert("canvas_id".into(), Value::String(id));
    Ok(data)
}

/// `canvases.create`: a standalone canvas owned by the caller, tabbed in `channel_id` if given.
pub(crate) fn create(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let markdown = content_param(params, "document_content")?;
    let tab = match param(params, "channel_id").filter(|id| !id.is_empty()) {
        Some(id) => Some(conversation(state, caller, Some(id), Access::Act)?),
        None => None,
    };
    let access = tab
        .iter()
        .map(|channel| (channel.clone(), Level::Write))
        .collect();
    let canvas = Canvas {
        title: param(params, "title").unwrap_or("").to_owned(),
        sections: sections_of(&markdown),
        owner: caller.spec.id.clone(),
        channel: None,
        tab,
        access,
    };
    created(state, canvas)
}

/// `conversations.canvases.create`: the canvas of `channel_id`, at most one a channel.
pub(crate) fn conversations_create(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let channel = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let taken = state
        .canvases
        .by_id
        .values()
        .any(|canvas| canvas.channel.as_deref() == Some(channel.as_str()));
    if taken {
        return Err(fail("channel_canvas_already_exists"));
    }
    let markdown = content_param(params, "document_content")?;
    let canvas = Canvas {
        title: param(params, "title").unwrap_or("").to_owned(),
        sections: sections_of(&markdown),
        owner: caller.spec.id.clone(),
        channel: Some(channel),
        tab: None,
        access: BTreeMap::new(),
    };
    created(state, canvas)
}

/// What `caller` may do with `canvas`, if anything (see the module's note).
fn level(state: &State, caller: &User, canvas: &Canvas) -> Option<Level> {
    if canvas.owner == caller.spec.id {
        return Some(Level::Owner);
    }
    let sees = |channel: &str| conversation(state, caller, Some(channel), Access::Act).is_ok();
    if canvas.channel.as_deref().is_some_and(sees) {
        return Some(Level::Write);
    }
    granted(state, caller, &canvas.access)
}

/// The highest of the `levels` given to `caller` or to a channel `caller` can see. Shared with
/// `slackLists.access.*`.
pub(crate) fn granted(
    state: &State,
    caller: &User,
    levels: &BTreeMap<String, Level>,
) -> Option<Level> {
    let sees = |channel: &str| conversation(state, caller, Some(channel), Access::Act).is_ok();
    levels
        .iter()
        .filter(|(id, _)| **id == caller.spec.id || sees(id))
        .map(|(_, level)| *level)
        .max()
}

/// What an access set call gives: the channels' ids or the users', and the level.
pub(crate) type Grant = (Option<Vec<String>>, Option<Vec<String>>, Level);

/// The arguments of an access set call: `channel_ids` or `user_ids` (one of the two, at most
/// `most` ids: `invalid_parameters` for neither or both) and `access_level` (`read`, `write`,
/// or `owner` for one user: `invalid_arguments` otherwise). Shared with `slackLists.access.*`.
pub(crate) fn grant_args(params: &[(String, String)], most: usize) -> Result<Grant, Reply> {
    let channels = ids_param(params, "channel_ids", most)?;
    let users = ids_param(params, "user_ids", most)?;
    if channels.is_some() == users.is_some() {
        return Err(fail("invalid_parameters"));
    }
    let level = match param(params, "access_level").map(str::trim) {
        Some("read") => Level::Read,
        Some("write") => Level::Write,
        Some("owner") => Level::Owner,
        _ => return Err(fail("invalid_arguments")),
    };
    if level == Level::Owner && users.as_ref().is_none_or(|users| users.len() != 1) {
        return Err(fail("invalid_arguments"));
    }
    Ok((channels, users, level))
}

/// Gives `level` to each of `targets` (the owner keeps owning), or, for `owner`, makes the one
/// target the owner, the former owner keeping write. Shared with `slackLists.access.*`.
pub(crate) fn give(
    owner: &mut String,
    levels: &mut BTreeMap<String, Level>,
    level: Level,
    targets: Vec<String>,
) {
    if level == Level::Owner {
        let Some(new) = targets.into_iter().next() else {
            return;
        };
        levels.remove(&new);
        let former = std::mem::replace(owner, new);
        if former != *owner {
            levels.insert(former, Level::Write);
        }
    } else {
        for target in targets {
            if target != *owner {
                levels.insert(target, level);
            }
        }
    }
}

/// The id of the canvas `canvas_id` if the caller may do what `needs` allows with it:
/// `canvas_not_found` for one it cannot see at all, `restricted_action` for too little access.
fn accessible(
    state: &State,
    caller: &User,
    params: &[(String, String)],
    needs: Level,
) -> Result<String, Reply> {
    let id = param(params, "canvas_id").unwrap_or("");
    let canvas = state
        .canvases
        .by_id
        .get(id)
        .ok_or_else(|| fail("canvas_not_found"))?;
    match level(state, caller, canvas) {
        None => Err(fail("canvas_not_found")),
        Some(level) if level < needs => Err(fail("restricted_action")),
        Some(_) => Ok(id.to_owned()),
    }
}

/// `canvases.delete`: the canvas is gone.
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = accessible(state, caller, params, Level::Write)?;
    state.canvases.by_id.remove(&id);
    Ok(Map::new())
}

/// `canvas_editing_failed` with `detail`.
fn edit_failed(detail: &str) -> Reply {
    failed("canvas_editing_failed", detail)
}

/// The string field `name` of a change, if present.
fn text_field<'a>(change: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, Reply> {
    match change.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(edit_failed(&format!("`{name}` must be a string"))),
    }
}

/// The markdown of the content field `name` of a change, if present.
fn content_field(change: &Map<String, Value>, name: &str) -> Result<Option<String>, Reply> {
    match change.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => markdown_of(value)
            .map(Some)
            .map_err(|why| edit_failed(&format!("`{name}`: {why}"))),
    }
}

/// `canvases.edit`: applies the one change in `changes`.
pub(crate) fn edit(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = accessible(state, caller, params, Level::Write)?;
    let changes: Value = serde_json::from_str(param(params, "changes").unwrap_or(""))
        .map_err(|_| edit_failed("`changes` is not a JSON array"))?;
    let change = match changes.as_array().map(Vec::as_slice) {
        Some([Value::Object(change)]) => change.clone(),
        Some([_]) => return Err(edit_failed("a change must be an object")),
        Some([]) => return Err(edit_failed("`changes` is empty")),
        Some(_) => return Err(edit_failed("only one change per call is supported")),
        None => return Err(edit_failed("`changes` is not a JSON array")),
    };
    let operation = text_field(&change, "operation")?.unwrap_or("");
    let section_id = text_field(&change, "section_id")?;
    let content = content_field(&change, "document_content")?;
    let title = content_field(&change, "title_content")?;
    let needs = |what: Option<String>, name: &str| {
        what.ok_or_else(|| edit_failed(&format!("`{operation}` needs `{name}`")))
    };
    let canvas = state
        .canvases
        .by_id
        .get_mut(&id)
        .ok_or_else(|| fail("canvas_not_found"))?;
    // The index of the section the change names, when it names one.
    let position = |sections: &[Section]| -> Result<Option<usize>, Reply> {
        section_id
            .map(|wanted| {
                sections
                    .iter()
                    .position(|section| section.id == wanted)
                    .ok_or_else(|| edit_failed(&format!("no section `{wanted}` in the canvas")))
            })
            .transpose()
    };
    let section_needed = |at: Option<usize>| {
        at.ok_or_else(|| edit_failed(&format!("`{operation}` needs `section_id`")))
    };
    match operation {
        "insert_at_start" => {
            let new = sections_of(&needs(content, "document_content")?);
            canvas.sections.splice(0..0, new);
        }
        "insert_at_end" => {
            let new = sections_of(&needs(content, "document_content")?);
            canvas.sections.extend(new);
        }
        "insert_before" | "insert_after" => {
            let at = section_needed(position(&canvas.sections)?)?;
            let new = sections_of(&needs(content, "document_content")?);
            let at = if operation == "insert_after" {
                at + 1
            } else {
                at
            };
            canvas.sections.splice(at..at, new);
        }
        "replace" => {
            let new = sections_of(&needs(content, "document_content")?);
            match position(&canvas.sections)? {
                Some(at) => {
                    canvas.sections.splice(at..=at, new);
                }
                None => canvas.sections = new,
            }
        }
        "delete" => {
            let at = section_needed(position(&canvas.sections)?)?;
            canvas.sections.remove(at);
        }
        "rename" => canvas.title = needs(title, "title_content")?,
        "" => return Err(edit_failed("a change needs an `operation`")),
        other => return Err(edit_failed(&format!("unknown operation `{other}`"))),
    }
    Ok(Map::new())
}

/// `canvases.sections.lookup`: the ids of the sections that match `criteria`.
pub(crate) fn sections_lookup(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let id = accessible(state, caller, params, Level::Read)?;
    let criteria: Value = serde_json::from_str(param(params, "criteria").unwrap_or(""))
        .map_err(|_| fail("invalid_arguments"))?;
    let Value::Object(criteria) = criteria else {
        return Err(fail("invalid_arguments"));
    };
    let mut levels: Vec<Option<usize>> = Vec::new();
    match criteria.get("section_types") {
        None | Some(Value::Null) => {}
        Some(Value::Array(types)) => {
            for kind in types {
                levels.push(match kind.as_str() {
                    Some("any_header") => None,
                    Some("h1") => Some(1),
                    Some("h2") => Some(2),
                    Some("h3") => Some(3),
                    _ => return Err(fail("invalid_arguments")),
                });
            }
        }
        Some(_) => return Err(fail("invalid_arguments")),
    }
    let text = match criteria.get("contains_text") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text.as_str()),
        Some(_) => return Err(fail("invalid_arguments")),
    };
    let canvas = state
        .canvases
        .by_id
        .get(&id)
        .ok_or_else(|| fail("canvas_not_found"))?;
    let found: Vec<Value> = canvas
        .sections
        .iter()
        .filter(|section| {
            let level = section.level();
            let typed = levels.is_empty()
                || levels
                    .iter()
                    .any(|wanted| level.is_some() && (wanted.is_none() || *wanted == level));
            typed && text.is_none_or(|text| section.searched_text().contains(text))
        })
        .map(|section| serde_json::json!({ "id": section.id }))
        .collect();
    let mut data = Map::new();
    data.insert("sections".into(), Value::Array(found));
    Ok(data)
}

/// The ids of the list parameter `name` (comma-separated, or a JSON array of strings); `None`
/// when it is absent or blank, `invalid_arguments` for an empty list, a blank id, more than
/// `most` ids or JSON that is not an array of strings. Shared with `slackLists.access.*`.
pub(crate) fn ids_param(
    params: &[(String, String)],
    name: &str,
    most: usize,
) -> Result<Option<Vec<String>>, Reply> {
    let Some(text) = param(params, name).map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let ids: Vec<String> = if text.starts_with('[') {
        serde_json::from_str(text).map_err(|_| fail("invalid_arguments"))?
    } else {
        text.split(',').map(|id| id.trim().to_owned()).collect()
    };
    if ids.is_empty() || ids.len() > most || ids.iter().any(|id| id.trim().is_empty()) {
        return Err(fail("invalid_arguments"));
    }
    Ok(Some(ids))
}

/// The targets of an access call, checked: the channels' ids (regular channels the caller can
/// see) or the users' (who exist). Shared with `slackLists.access.*`.
pub(crate) fn targets(
    state: &State,
    caller: &User,
    channels: Option<Vec<String>>,
    users: Option<Vec<String>>,
) -> Result<Vec<String>, Reply> {
    let mut ids = Vec::new();
    for channel in channels.unwrap_or_default() {
        let id = conversation(state, caller, Some(&channel), Access::Act)?;
        let direct = state
            .workspace
            .channels
            .get(&id)
            .is_some_and(|c| matches!(c.kind, ChannelKind::Im | ChannelKind::Mpim));
        if direct {
            return Err(fail("channel_not_found"));
        }
        ids.push(id);
    }
    for user in users.unwrap_or_default() {
        let user = user.trim();
        if !state.users.contains_key(user) {
            return Err(fail("user_not_found"));
        }
        ids.push(user.to_owned());
    }
    Ok(ids)
}

/// A standalone canvas's id for `canvases.access.*`: a channel's own canvas follows its
/// channel's access and is `canvas_not_found` here, as Slack answers.
fn shareable(
    state: &State,
    caller: &User,
    params: &[(String, String)],
    needs: Level,
) -> Result<String, Reply> {
    let id = accessible(state, caller, params, needs)?;
    match state.canvases.by_id.get(&id) {
        Some(canvas) if canvas.channel.is_none() => Ok(id),
        _ => Err(fail("canvas_not_found")),
    }
}

/// `canvases.access.set`: gives channels or users a level of access, or a user the canvas.
pub(crate) fn access_set(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channels, users, level) = grant_args(params, MAX_ACCESS_IDS)?;
    let id = shareable(state, caller, params, level.max(Level::Write))?;
    let ids = targets(state, caller, channels, users)?;
    let Some(canvas) = state.canvases.by_id.get_mut(&id) else {
        return Err(fail("canvas_not_found"));
    };
    give(&mut canvas.owner, &mut canvas.access, level, ids);
    Ok(Map::new())
}

/// `canvases.access.delete`: takes back what channels or users were given.
pub(crate) fn access_delete(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let channels = ids_param(params, "channel_ids", MAX_ACCESS_IDS)?;
    let users = ids_param(params, "user_ids", MAX_ACCESS_IDS)?;
    if channels.is_none() && users.is_none() {
        return Err(fail("invalid_parameters"));
    }
    let id = shareable(state, caller, params, Level::Write)?;
    let ids = targets(state, caller, channels, users)?;
    let Some(canvas) = state.canvases.by_id.get_mut(&id) else {
        return Err(fail("canvas_not_found"));
    };
    for target in ids {
        canvas.access.remove(&target);
    }
    Ok(Map::new())
}
