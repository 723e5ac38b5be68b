//! `bookmarks.add`, `.list`, `.remove` and `.edit`: links in a conversation's header.

use super::messages::{conversation, is_bot, Access};
use super::{fail, param, Outcome};
use crate::messaging::APP_ID;
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// Whether `emoji` reads as an emoji code: `:name:` with letters, digits, `_`, `-`, `+`, `'`.
fn emoji_code(emoji: &str) -> bool {
    let Some(name) = emoji.strip_prefix(':').and_then(|e| e.strip_suffix(':')) else {
        return false;
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '\'' | ':'))
}

/// Whether `link` is a URL Slack takes for a bookmark: `http://` or `https://`, the scheme in
/// any case, as a URL's scheme is case-insensitive (the emulator's reading; Slack documents none).
fn is_web_link(link: &str) -> bool {
    let scheme = |prefix: &str| {
        link.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    scheme("http://") || scheme("https://")
}

/// A bookmark's `rank`, which orders a conversation's bookmarks as text: one after `last`, the
/// highest rank there (`a` for the first), so that each new bookmark sorts last and no two share
/// a rank, also after one is removed.
fn rank_after(last: Option<&str>) -> String {
    let Some(last) = last.filter(|last| !last.is_empty()) else {
        return "a".to_owned();
    };
    let mut rank = last.to_owned();
    match rank.pop() {
        Some(c) if c.is_ascii_lowercase() && c != 'z' => {
            rank.push(char::from(c as u8 + 1));
        }
        Some(c) => {
            rank.push(c);
            rank.push('a');
        }
        None => rank.push('a'),
    }
    rank
}

/// `bookmarks.add`: a `link` bookmark (`invalid_bookmark_type` for another type) whose link is
/// an http(s) URL (`invalid_link`), in a conversation the caller can see.
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let title = given("title").ok_or_else(|| fail("invalid_arguments"))?;
    if given("type") != Some("link") {
        return Err(fail("invalid_bookmark_type"));
    }
    let link = given("link").unwrap_or("");
    if !is_web_link(link) {
        return Err(fail("invalid_link"));
    }
    let emoji = given("emoji");
    if emoji.is_some_and(|emoji| !emoji_code(emoji)) {
        return Err(fail("invalid_emoji"));
    }
    let last_rank = state
        .messaging
        .bookmarks
        .get(&channel_id)
        .into_iter()
        .flatten()
        .filter_map(|bookmark| bookmark.get("rank").and_then(Value::as_str))
        .max()
        .map(str::to_owned);
    let id = state.messaging.id("Bk", 10);
    let rank = rank_after(last_rank.as_deref());
    let bookmark = json!({
        "id": id,
        "channel_id": channel_id,
        "title": title,
        "link": link,
        "emoji": emoji,
        "icon_url": null,
        "type": "link",
        "entity_id": given("entity_id"),
        "date_created": state.workspace.clock.seconds(),
        "date_updated": 0,
        "rank": rank,
        "last_updated_by_user_id": caller.spec.id,
        "last_updated_by_team_id": state.team.id,
        "shortcut_id": null,
        "app_id": if is_bot(caller) { Value::from(APP_ID) } else { Value::Null },
    });
    state
        .messaging
        .bookmarks
        .entry(channel_id)
        .or_default()
        .push(match &bookmark {
            Value::Object(map) => map.clone(),
            _ => Map::new(),
        });
    let mut data = Map::new();
    data.insert("bookmark".into(), bookmark);
    Ok(data)
}

/// `bookmarks.list`: the conversation's bookmarks, in the order added.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let bookmarks: Vec<Value> = state
        .messaging
        .bookmarks
        .get(&channel_id)
        .map(|list| list.iter().cloned().map(Value::Object).collect())
        .unwrap_or_default();
    let mut data = Map::new();
    data.insert("bookmarks".into(), Value::Array(bookmarks));
    Ok(data)
}

/// `bookmarks.remove`: the bookmark leaves the conversation's header (`invalid_bookmark_id`
/// for an id that names none of its bookmarks).
pub(crate) fn remove(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let id = param(params, "bookmark_id").unwrap_or("");
    let bookmarks = state.messaging.bookmarks.get_mut(&channel_id);
    let found = bookmarks.and_then(|bookmarks| {
        let index = bookmarks
            .iter()
            .position(|b| b.get("id") == Some(&json!(id)))?;
        Some(bookmarks.remove(index))
    });
    if found.is_none() {
        return Err(fail("invalid_bookmark_id"));
    }
    Ok(Map::new())
}

/// `bookmarks.edit`: the bookmark gets the `title`, `link` (an http(s) URL: `invalid_link`) and
/// `emoji` (`invalid_emoji`) given, the others stay; `date_updated` and who last changed it
/// follow. An id that names none of the conversation's bookmarks is `invalid_bookmark_id`.
pub(crate) fn edit(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let channel_id = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let id = param(params, "bookmark_id").unwrap_or("");
    let link = given("link");
    if link.is_some_and(|link| !is_web_link(link)) {
        return Err(fail("invalid_link"));
    }
    let emoji = given("emoji");
    if emoji.is_some_and(|emoji| !emoji_code(emoji)) {
        return Err(fail("invalid_emoji"));
    }
    let now = state.workspace.clock.seconds();
    let team = state.team.id.clone();
    let bookmark = state
        .messaging
        .bookmarks
        .get_mut(&channel_id)
        .and_then(|bookmarks| {
            bookmarks
                .iter_mut()
                .find(|b| b.get("id") == Some(&json!(id)))
        })
        .ok_or_else(|| fail("invalid_bookmark_id"))?;
    for (key, value) in [("title", given("title")), ("link", link), ("emoji", emoji)] {
        if let Some(value) = value {
            bookmark.insert(key.into(), json!(value));
        }
    }
    bookmark.insert("date_updated".into(), json!(now));
    bookmark.insert("last_updated_by_user_id".into(), json!(caller.spec.id));
    bookmark.insert("last_updated_by_team_id".into(), json!(team));
    let mut data = Map::new();
    data.insert("bookmark".into(), Value::Object(bookmark.clone()));
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_codes() {
        assert!(emoji_code(":book:"));
        assert!(emoji_code(":+1:"));
        assert!(emoji_code(":wave::skin-tone-2:"));
        assert!(!emoji_code("book"));
        assert!(!emoji_code("::"));
        assert!(!emoji_code(":a b:"));
    }
}
