//! `views.open`, `views.push`, `views.update` and `views.publish`: modals and App Home tabs.
//!
//! A modal opens with a trigger id the emulator issued (`Emulator::trigger_id`, standing in for
//! the interaction Slack would send the app): once (`exchanged_trigger_id` after), within the
//! trigger lifetime (`expired_trigger_id`), and only one the emulator gave
//! (`invalid_trigger_id`). `views.push` puts its modal on the open modal of the trigger's user
//! (`invalid_trigger_id` when that user has none open; `push_limit_reached` on a stack of 3).
//! Views must have Slack's shape (`invalid_arguments` with the problems in
//! `response_metadata.messages`, as Slack words them).

use super::messages::{block_problems, fill_block_ids, plain_text_problems, refusal};
use super::{fail, param, Outcome, Reply};
use crate::messaging::{ShownView, APP_ID};
use crate::state::{State, User};
use serde_json::{json, Map, Value};
use slack_methods_runtime::types::{
    MAX_CALLBACK_ID_CHARS, MAX_EXTERNAL_ID_CHARS, MAX_PRIVATE_METADATA_CHARS, MAX_VIEW_BLOCKS,
    MAX_VIEW_STACK, MAX_VIEW_TITLE_CHARS,
};

/// `invalid_arguments` with `problems`, as Slack refuses a malformed view.
fn invalid(problems: &[String]) -> Reply {
    refusal("invalid_arguments", problems, false)
}

/// The `view` argument, checked: a JSON object of `kind` (`modal` or `home`) with Slack's
/// required fields and valid blocks (block ids filled in).
fn read_view(
    state: &mut State,
    params: &[(String, String)],
    kinds: &[&str],
) -> Result<Map<String, Value>, Reply> {
    const SCHEMAS: &str = "failed to match all allowed schemas [json-pointer:/view]";
    let raw = param(params, "view").filter(|view| !view.is_empty());
    let Some(raw) = raw else {
        return Err(invalid(&["missing required field: view".to_owned()]));
    };
    let Ok(Value::Object(mut view)) = serde_json::from_str::<Value>(raw) else {
        return Err(invalid(&[
            SCHEMAS.to_owned(),
            "expected an object [json-pointer:/view]".to_owned(),
        ]));
    };
    let Some(kind) = view.get("type").and_then(Value::as_str) else {
        return Err(invalid(&[
            SCHEMAS.to_owned(),
            "missing required field: type [json-pointer:/view]".to_owned(),
        ]));
    };
    if !kinds.contains(&kind) {
        return Err(invalid(&[format!(
            "must be one of: {} [json-pointer:/view/type]",
            kinds.join(", ")
        )]));
    }
    let mut problems = Vec::new();
    if kind == "modal" && !view.get("title").is_some_and(Value::is_object) {
        problems.push("missing required field: title [json-pointer:/view]".to_owned());
    }
    // Every view has blocks, if only `[]`.
    if !view.contains_key("blocks") {
        problems.push("missing required field: blocks [json-pointer:/view]".to_owned());
    }
    if kind == "modal" {
        for label in ["title", "close", "submit"] {
            problems.extend(label_problems(&view, label));
        }
        let has_input = view
            .get("blocks")
            .and_then(Value::as_array)
            .is_some_and(|blocks| {
                blocks
                    .iter()
                    .any(|b| b.get("type") == Some(&json!("input")))
            });
        if has_input && view.get("submit").is_none_or(Value::is_null) {
            problems.push("missing required field: submit [json-pointer:/view]".to_owned());
        }
    }
    let limits = [
        ("private_metadata", MAX_PRIVATE_METADATA_CHARS),
        ("callback_id", MAX_CALLBACK_ID_CHARS),
        ("external_id", MAX_EXTERNAL_ID_CHARS),
    ];
    for (field, most) in limits {
        let chars = view
            .get(field)
            .and_then(Value::as_str)
            .map(|t| t.chars().count());
        if chars.is_some_and(|chars| chars > most) {
            problems.push(format!(
                "must be less than {} characters [json-pointer:/view/{field}]",
                most + 1
            ));
        }
    }
    let mut blocks = match view.remove("blocks") {
        None => Vec::new(),
        Some(Value::Array(blocks)) => blocks,
        Some(_) => {
            problems.push("expected an array [json-pointer:/view/blocks]".to_owned());
            Vec::new()
        }
    };
    problems.extend(block_problems(&blocks, MAX_VIEW_BLOCKS, "/view/blocks"));
    if !problems.is_empty() {
        return Err(invalid(&problems));
    }
    fill_block_ids(state, &mut blocks);
    view.insert("blocks".into(), Value::Array(blocks));
    Ok(view)
}

/// What is wrong with a modal's `title`, `close` or `submit` label, if it is there: plain text
/// of 1 to [`MAX_VIEW_TITLE_CHARS`] characters.
fn label_problems(view: &Map<String, Value>, label: &str) -> Vec<String> {
    let at = format!("/view/{label}");
    match view.get(label) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(text)) => plain_text_problems(text, &at, MAX_VIEW_TITLE_CHARS),
        Some(_) => vec![format!("expected an object [json-pointer:{at}]")],
    }
}

/// The user whose interaction gave trigger id `given`, or Slack's refusal of it; `take` uses
/// the trigger up.
fn trigger_user(state: &mut State, given: Option<&str>, take: bool) -> Result<String, Reply> {
    let given = given
        .filter(|t| !t.is_empty())
        .ok_or_else(|| invalid(&["missing required field: trigger_id".to_owned()]))?;
    let lifetime = state.messaging.trigger_lifetime;
    let users = &state.users;
    let trigger = state
        .messaging
        .triggers
        .get_mut(given)
        // Slack gives triggers only for its members' interactions: one issued for a user never
        // added is a mistake in the test's set-up, not a trigger.
        .filter(|trigger| users.contains_key(&trigger.user))
        .ok_or_else(|| fail("invalid_trigger_id"))?;
    if trigger.used {
        return Err(fail("exchanged_trigger_id"));
    }
    if trigger.issued.elapsed() > lifetime {
        return Err(fail("expired_trigger_id"));
    }
    trigger.used |= take;
    Ok(trigger.user.clone())
}

/// The trigger id a call gives (`trigger_id`, or `interactivity_pointer`).
fn trigger_param(params: &[(String, String)]) -> Option<&str> {
    param(params, "trigger_id")
        .filter(|t| !t.is_empty())
        .or_else(|| param(params, "interactivity_pointer"))
}

/// `duplicate_external_id` when another view has the `external_id` of `view`.
fn check_external_id(
    state: &State,
    view: &Map<String, Value>,
    own_id: Option<&str>,
) -> Result<(), Reply> {
    let Some(external) = view
        .get("external_id")
        .and_then(Value::as_str)
        .filter(|e| !e.is_empty())
    else {
        return Ok(());
    };
    let taken = state.messaging.views.iter().any(|(id, shown)| {
        Some(id.as_str()) != own_id && shown.view.get("external_id") == Some(&json!(external))
    });
    if taken {
        return Err(fail("duplicate_external_id"));
    }
    Ok(())
}

/// The view as Slack answers it: the payload's fields with Slack's defaults, its id, hash and
/// place in a stack, and the app it belongs to.
fn shown(
    state: &mut State,
    caller: &User,
    payload: Map<String, Value>,
    id: &str,
    root: &str,
    previous: Option<&str>,
    view_state: Option<Value>,
) -> Map<String, Value> {
    let hash = state.messaging.hash(state.workspace.clock.seconds());
    let mut view = Map::new();
    view.insert("id".into(), json!(id));
    view.insert("team_id".into(), json!(state.team.id));
    for (key, default) in [
        ("type", json!("modal")),
        ("title", Value::Null),
        ("close", Value::Null),
        ("submit", Value::Null),
        ("blocks", json!([])),
        ("private_metadata", json!("")),
        ("callback_id", json!("")),
        ("external_id", json!("")),
        ("clear_on_close", json!(false)),
        ("notify_on_close", json!(false)),
        ("submit_disabled", json!(false)),
    ] {
        let value = payload.get(key).cloned().unwrap_or(default);
        view.insert(key.into(), value);
    }
    view.insert(
        "state".into(),
        view_state.unwrap_or_else(|| json!({"values": {}})),
    );
    view.insert("hash".into(), json!(hash));
    view.insert("root_view_id".into(), json!(root));
    view.insert("previous_view_id".into(), json!(previous));
    view.insert("app_id".into(), json!(APP_ID));
    view.insert("app_installed_team_id".into(), json!(state.team.id));
    view.insert("bot_id".into(), json!(caller.spec.bot_id));
    // Fields Slack adds to views later are kept as sent.
    for (key, value) in payload {
        view.entry(key).or_insert(value);
    }
    view
}

fn answer(view: &Map<String, Value>) -> Map<String, Value> {
    let mut data = Map::new();
    data.insert("view".into(), Value::Object(view.clone()));
    data
}

/// `views.open`: a new modal for the trigger's user, replacing any modal they had open.
pub(crate) fn open(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    // Slack checks the arguments before the trigger.
    let payload = read_view(state, params, &["modal"])?;
    let trigger = trigger_param(params);
    trigger_user(state, trigger, false)?;
    check_external_id(state, &payload, None)?;
    let user = trigger_user(state, trigger, true)?;
    let id = state.messaging.id("V", 10);
    let view = shown(state, caller, payload, &id, &id, None, None);
    let closed = state
        .messaging
        .stacks
        .insert(user.clone(), vec![id.clone()]);
    for old in closed.into_iter().flatten() {
        state.messaging.views.remove(&old);
    }
    state.messaging.views.insert(
        id,
        ShownView {
            user,
            view: view.clone(),
        },
    );
    Ok(answer(&view))
}

/// `views.push`: a modal on top of the trigger's user's open modal.
pub(crate) fn push(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let payload = read_view(state, params, &["modal"])?;
    let trigger = trigger_param(params);
    let owner = trigger_user(state, trigger, false)?;
    check_external_id(state, &payload, None)?;
    let stack = state
        .messaging
        .stacks
        .get(&owner)
        .cloned()
        .unwrap_or_default();
    let (Some(root), Some(top)) = (stack.first(), stack.last()) else {
        return Err(fail("invalid_trigger_id"));
    };
    if stack.len() >= MAX_VIEW_STACK {
        return Err(fail("push_limit_reached"));
    }
    let user = trigger_user(state, trigger, true)?;
    let id = state.messaging.id("V", 10);
    let view = shown(state, caller, payload, &id, root, Some(top), None);
    state
        .messaging
        .stacks
        .entry(user.clone())
        .or_default()
        .push(id.clone());
    state.messaging.views.insert(
        id,
        ShownView {
            user,
            view: view.clone(),
        },
    );
    Ok(answer(&view))
}

/// `views.update`: new content for a view found by `view_id` or `external_id` (`not_found`),
/// refused when `hash` is not the view's (`hash_conflict`).
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let id = match (given("view_id"), given("external_id")) {
        (Some(id), _) => state
            .messaging
            .views
            .contains_key(id)
            .then(|| id.to_owned()),
        (None, Some(external)) => state
            .messaging
            .views
            .iter()
            .find(|(_, shown)| shown.view.get("external_id") == Some(&json!(external)))
            .map(|(id, _)| id.clone()),
        (None, None) => {
            return Err(invalid(&[
                "must provide one of: view_id, external_id".to_owned()
            ]))
        }
    };
    let id = id.ok_or_else(|| fail("not_found"))?;
    let Some(current) = state.messaging.views.get(&id).cloned() else {
        return Err(fail("not_found"));
    };
    if given("hash").is_some_and(|hash| current.view.get("hash") != Some(&json!(hash))) {
        return Err(fail("hash_conflict"));
    }
    let kind = current
        .view
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("modal")
        .to_owned();
    let payload = read_view(state, params, &[kind.as_str()])?;
    check_external_id(state, &payload, Some(&id))?;
    let text = |key: &str| {
        current
            .view
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let root = text("root_view_id").unwrap_or_else(|| id.clone());
    let previous = text("previous_view_id");
    let view = shown(
        state,
        caller,
        payload,
        &id,
        &root,
        previous.as_deref(),
        current.view.get("state").cloned(),
    );
    state.messaging.views.insert(
        id,
        ShownView {
            user: current.user,
            view: view.clone(),
        },
    );
    Ok(answer(&view))
}

/// `views.publish`: `user_id`'s App Home tab (one per user, kept under the same id), refused
/// when `hash` is not the tab's (`hash_conflict`).
pub(crate) fn publish(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let user = param(params, "user_id").unwrap_or("").to_owned();
    if !state.users.contains_key(&user) {
        return Err(invalid(&["invalid `user_id`".to_owned()]));
    }
    let payload = read_view(state, params, &["home"])?;
    let existing = state.messaging.homes.get(&user).cloned();
    let current = existing
        .as_ref()
        .and_then(|id| state.messaging.views.get(id));
    let hash = param(params, "hash").filter(|hash| !hash.is_empty());
    if let Some(hash) = hash {
        if current.is_some_and(|shown| shown.view.get("hash") != Some(&json!(hash))) {
            return Err(fail("hash_conflict"));
        }
    }
    check_external_id(state, &payload, existing.as_deref())?;
    let id = existing.unwrap_or_else(|| state.messaging.id("V", 10));
    let view = shown(state, caller, payload, &id, &id, None, None);
    state.messaging.homes.insert(user.clone(), id.clone());
    state.messaging.views.insert(
        id,
        ShownView {
            user,
            view: view.clone(),
        },
    );
    Ok(answer(&view))
}
