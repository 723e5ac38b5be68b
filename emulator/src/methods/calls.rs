//! Calls: `calls.add`, `calls.info`, `calls.update`, `calls.end`, `calls.participants.add` and
//! `calls.participants.remove`, the calls an app registers, kept in the emulator's state.
//!
//! The errors are those Slack's method pages list for these methods: `invalid_call_id` for an
//! unknown call id (the pages of `calls.info` and `calls.update` give it as the answer for a
//! call not found), `inactive_call` for ending a call that has ended or changing the
//! participants of one, `invalid_created_by` for a `created_by` that is no user of the
//! workspace, `invalid_start_time` for a `date_start` that is no Unix time, `user_not_found`
//! for a `slack_id` that is no user of the workspace, `bad_users` for adding a participant
//! already in the call or removing one who is not in it, and `missing_argument` for
//! `calls.participants.*` without `users`. Where Slack is silent, these are the emulator's
//! choices:
//!
//! - A second `calls.add` with the `external_unique_id` of a call already registered (ended
//!   or not) is `invalid_arguments`: Slack's page says the id "must be unique across all Calls
//!   from that service" and names no error for one that is not. The emulator's workspace has
//!   one app, so its calls are all of one service.
//! - `calls.add` without `created_by` takes the caller, for a user token; for a bot token,
//!   whose page says the field is then required, it is `invalid_created_by`.
//! - A missing or empty `external_unique_id` or `join_url` is `invalid_arguments` (Slack's
//!   `calls.add` page lists no `missing_argument`); so is a `users` that is not a JSON array
//!   of participants: objects with a `slack_id`, or with an `external_id` and a
//!   `display_name` (and optionally an `avatar_url`) to add; with a `slack_id` or an
//!   `external_id` to remove. A participant is the same one by its `slack_id`, or else by its
//!   `external_id`; one named twice in one call counts once.
//! - `date_start` defaults to now; `calls.end` sets `date_end` to now, whatever `duration`
//!   says (a whole number of seconds, else `invalid_arguments`; Slack's call object has no
//!   field for it, so it is not answered). The page of `calls.end` shows its `inactive_call`
//!   with `"ok": true`, and lists it among the errors; the emulator answers it as an error.
//! - `calls.update` changes an ended call too (its page lists no `inactive_call`); an empty
//!   value leaves its field as it was.
//! - A call is answered with `id`, `date_start`, `external_unique_id`, `join_url`, `users`
//!   (in the order they joined), and `external_display_id`, `desktop_app_join_url`, `title`
//!   and `date_end` when they have a value, as Slack's pages show a call.

use super::messages::is_bot;
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A call as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Call {
    id: String,
    external_unique_id: String,
    join_url: String,
    desktop_app_join_url: Option<String>,
    external_display_id: Option<String>,
    title: Option<String>,
    date_start: i64,
    date_end: Option<i64>,
    /// The participants, in the order they joined, as Slack answers them.
    users: Vec<Participant>,
}

/// A participant: who they are, and the object answered for them.
#[derive(Clone, Debug)]
struct Participant {
    key: Key,
    object: Value,
}

/// Who a participant is: a Slack user by id, or someone outside Slack by the app's id.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key {
    Slack(String),
    External(String),
}

impl Call {
    fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("id".into(), json!(self.id));
        object.insert("date_start".into(), json!(self.date_start));
        object.insert("external_unique_id".into(), json!(self.external_unique_id));
        object.insert("join_url".into(), json!(self.join_url));
        for (key, value) in [
            ("desktop_app_join_url", &self.desktop_app_join_url),
            ("external_display_id", &self.external_display_id),
            ("title", &self.title),
        ] {
            if let Some(value) = value {
                object.insert(key.into(), json!(value));
            }
        }
        let users: Vec<Value> = self.users.iter().map(|u| u.object.clone()).collect();
        object.insert("users".into(), Value::Array(users));
        if let Some(end) = self.date_end {
            object.insert("date_end".into(), json!(end));
        }
        Value::Object(object)
    }

    fn has(&self, key: &Key) -> bool {
        self.users.iter().any(|user| user.key == *key)
    }
}

/// The calls, by id (ids sort in the order they were registered).
#[derive(Debug, Default)]
pub(crate) struct Calls {
    by_id: BTreeMap<String, Call>,
}

impl Emulator {
    /// The call `id` (`R...`) as Slack answers it, for tests to read back: `id`, `date_start`,
    /// `external_unique_id`, `join_url`, `users` (in the order they joined), and
    /// `external_display_id`, `desktop_app_join_url`, `title` and `date_end` (once it ended)
    /// when they have a value. `None` when there is no such call.
    pub fn call(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state.calls.by_id.get(id).map(Call::to_json)
    }
}

/// The non-blank value of `name`.
fn given<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    param(params, name).filter(|value| !value.trim().is_empty())
}

/// The participants `users` names (see the module's note): for `adding`, each needs its name.
fn participants(state: &State, text: &str, adding: bool) -> Result<Vec<Participant>, Reply> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
        return Err(fail("invalid_arguments"));
    };
    let mut found: Vec<Participant> = Vec::new();
    for item in items {
        let text_of = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
        let (key, object) = match (text_of("slack_id"), text_of("external_id")) {
            (Some(id), _) => {
                if !state.users.contains_key(&id) {
                    return Err(fail("user_not_found"));
                }
                (Key::Slack(id.clone()), json!({ "slack_id": id }))
            }
            (None, Some(id)) => {
                let name = text_of("display_name");
                if adding && name.is_none() {
                    return Err(fail("invalid_arguments"));
                }
                let mut object = Map::new();
                object.insert("external_id".into(), json!(id));
                if let Some(name) = name {
                    object.insert("display_name".into(), json!(name));
                }
                if let Some(avatar) = text_of("avatar_url") {
                    object.insert("avatar_url".into(), json!(avatar));
                }
                (Key::External(id), Value::Object(object))
            }
            (None, None) => return Err(fail("invalid_arguments")),
        };
        if !found.iter().any(|p| p.key == key) {
            found.push(Participant { key, object });
        }
    }
    Ok(found)
}

/// `{"call": ..}`.
fn answer(call: &Call) -> Map<String, Value> {
    let mut data = Map::new();
    data.insert("call".into(), call.to_json());
    data
}

/// The call `id` names, or `invalid_call_id`.
fn known<'s>(state: &'s mut State, params: &[(String, String)]) -> Result<&'s mut Call, Reply> {
    let id = given(params, "id").map(str::trim).unwrap_or_default();
    state
        .calls
        .by_id
        .get_mut(id)
        .ok_or_else(|| fail("invalid_call_id"))
}

/// `calls.add`: registers a call.
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let external_unique_id = given(params, "external_unique_id")
        .ok_or_else(|| fail("invalid_arguments"))?
        .to_owned();
    let join_url = given(params, "join_url")
        .ok_or_else(|| fail("invalid_arguments"))?
        .to_owned();
    match given(params, "created_by").map(str::trim) {
        Some(user) if state.users.contains_key(user) => {}
        Some(_) => return Err(fail("invalid_created_by")),
        None if is_bot(caller) => return Err(fail("invalid_created_by")),
        None => {}
    }
    let date_start = match given(params, "date_start").map(str::trim) {
        Some(start) => match start.parse::<i64>() {
            Ok(start) if start >= 0 => start,
            _ => return Err(fail("invalid_start_time")),
        },
        None => state.workspace.clock.seconds(),
    };
    let users = match given(params, "users") {
        Some(users) => participants(state, users, true)?,
        None => Vec::new(),
    };
    if state
        .calls
        .by_id
        .values()
        .any(|call| call.external_unique_id == external_unique_id)
    {
        return Err(fail("invalid_arguments"));
    }
    let text = |name: &str| given(params, name).map(str::to_owned);
    let call = Call {
        id: format!("R{:08}", crate::state::fresh_number()),
        external_unique_id,
        join_url,
        desktop_app_join_url: text("desktop_app_join_url"),
        external_display_id: text("external_display_id"),
        title: text("title"),
        date_start,
        date_end: None,
        users,
    };
    let data = answer(&call);
    state.calls.by_id.insert(call.id.clone(), call);
    Ok(data)
}

/// `calls.info`: a call.
pub(crate) fn info(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    Ok(answer(known(state, params)?))
}

/// `calls.update`: changes a call's title and the URLs to join it.
pub(crate) fn update(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    let call = known(state, params)?;
    if let Some(url) = given(params, "join_url") {
        call.join_url = url.to_owned();
    }
    if let Some(url) = given(params, "desktop_app_join_url") {
        call.desktop_app_join_url = Some(url.to_owned());
    }
    if let Some(title) = given(params, "title") {
        call.title = Some(title.to_owned());
    }
    Ok(answer(call))
}

/// `calls.end`: ends a call, once.
pub(crate) fn end(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    let now = state.workspace.clock.seconds();
    let call = known(state, params)?;
    if let Some(duration) = given(params, "duration").map(str::trim) {
        if duration.parse::<u64>().is_err() {
            return Err(fail("invalid_arguments"));
        }
    }
    if call.date_end.is_some() {
        return Err(fail("inactive_call"));
    }
    call.date_end = Some(now);
    Ok(Map::new())
}

/// The participants `users` names for the call `id` names, which must not have ended.
fn change_of(
    state: &mut State,
    params: &[(String, String)],
    adding: bool,
) -> Result<(String, Vec<Participant>), Reply> {
    let call = known(state, params)?;
    if call.date_end.is_some() {
        return Err(fail("inactive_call"));
    }
    let id = call.id.clone();
    let users = given(params, "users").ok_or_else(|| fail("missing_argument"))?;
    let users = participants(state, users, adding)?;
    if users.is_empty() {
        return Err(fail("missing_argument"));
    }
    Ok((id, users))
}

/// `calls.participants.add`: adds participants not yet in the call.
pub(crate) fn participants_add(
    state: &mut State,
    _caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let (id, users) = change_of(state, params, true)?;
    let call = state
        .calls
        .by_id
        .get_mut(&id)
        .ok_or_else(|| fail("invalid_call_id"))?;
    if users.iter().any(|user| call.has(&user.key)) {
        return Err(fail("bad_users"));
    }
    call.users.extend(users);
    Ok(Map::new())
}

/// `calls.participants.remove`: removes participants who are in the call.
pub(crate) fn participants_remove(
    state: &mut State,
    _caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let (id, users) = change_of(state, params, false)?;
    let call = state
        .calls
        .by_id
        .get_mut(&id)
        .ok_or_else(|| fail("invalid_call_id"))?;
    if users.iter().any(|user| !call.has(&user.key)) {
        return Err(fail("bad_users"));
    }
    call.users
        .retain(|kept| !users.iter().any(|gone| gone.key == kept.key));
    Ok(Map::new())
}
