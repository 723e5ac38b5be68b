//! `dialog.open`: a legacy dialog, opened with a trigger id the emulator issued
//! (`Emulator::trigger_id`, the same triggers `views.open` takes).
//!
//! Slack's errors for it, from its page and spec: `missing_dialog` and `missing_trigger` for an
//! argument left out or empty; `invalid_trigger` for a trigger the emulator never gave (or gave
//! for a user the workspace does not have), `trigger_exchanged` for one already used (by
//! `dialog.open` or a modal), `trigger_expired` for one older than the trigger lifetime; and
//! `validation_errors`, with the problems in `response_metadata.messages`, for a dialog that
//! breaks the limits of Slack's page on dialogs (a `title` of 1 to 24 characters, a
//! `callback_id` of 1 to 255, 1 to 10 `elements`, each a `text`, `textarea` or `select` with a
//! `label` and a `name`, a `text` or `textarea` label of at most 48 characters and name of at
//! most 300, a `submit_label` of at most 48).
//!
//! The emulator's choices, where Slack's sources are silent: the arguments are checked before
//! the trigger, and the trigger before the dialog (the spec shows `missing_trigger` as the
//! error "before getting to any possible validation errors"); a dialog refused leaves its
//! trigger unused; a `dialog` that is not a JSON object is `validation_errors`; the messages
//! are worded by the emulator (`[ERROR] <problem> [json-pointer:/dialog/...]`). The emulator
//! keeps no open dialog: nothing in the API reads one back.

use super::messages::refusal;
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{Map, Value};

const MAX_TITLE: usize = 24;
const MAX_CALLBACK_ID: usize = 255;
const MAX_ELEMENTS: usize = 10;
const MAX_LABEL: usize = 48;
const MAX_NAME: usize = 300;

/// The problem of the text `key` (at `pointer`), when its length is not `least` to `most`
/// characters (a `least` of 0 lets it be left out).
fn length(
    key: &str,
    pointer: &str,
    least: usize,
    most: usize,
    value: Option<&Value>,
) -> Option<String> {
    match value.and_then(Value::as_str).map(|t| t.chars().count()) {
        None if least > 0 => Some(format!(
            "missing required field: {key} [json-pointer:{pointer}]"
        )),
        Some(count) if count < least || count > most => Some(format!(
            "`{key}` must have {least} to {most} characters [json-pointer:{pointer}/{key}]"
        )),
        _ => None,
    }
}

/// The problems of a dialog, as `validation_errors` lists them.
fn problems(dialog: &Map<String, Value>) -> Vec<String> {
    let mut problems: Vec<String> = [
        length("title", "/dialog", 1, MAX_TITLE, dialog.get("title")),
        length(
            "callback_id",
            "/dialog",
            1,
            MAX_CALLBACK_ID,
            dialog.get("callback_id"),
        ),
        length(
            "submit_label",
            "/dialog",
            0,
            MAX_LABEL,
            dialog.get("submit_label"),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    match dialog.get("elements").and_then(Value::as_array) {
        None => problems.push("missing required field: elements [json-pointer:/dialog]".into()),
        Some(elements) if elements.is_empty() || elements.len() > MAX_ELEMENTS => problems.push(
            format!("must have 1 to {MAX_ELEMENTS} elements [json-pointer:/dialog/elements]"),
        ),
        Some(elements) => {
            for (index, element) in elements.iter().enumerate() {
                let pointer = format!("/dialog/elements/{index}");
                let kind = element.get("type").and_then(Value::as_str);
                if !matches!(kind, Some("text" | "textarea" | "select")) {
                    problems.push(format!(
                        "must be one of: text, textarea, select [json-pointer:{pointer}/type]"
                    ));
                    continue;
                }
                // Slack's page states the lengths for text and textarea elements.
                let (label_most, name_most) = if kind == Some("select") {
                    (usize::MAX, usize::MAX)
                } else {
                    (MAX_LABEL, MAX_NAME)
                };
                problems.extend(length(
                    "label",
                    &pointer,
                    1,
                    label_most,
                    element.get("label"),
                ));
                problems.extend(length("name", &pointer, 1, name_most, element.get("name")));
            }
        }
    }
    problems
}

/// `dialog.open`: the dialog shown to the trigger's user, or Slack's refusal.
pub(crate) fn open(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let given = |name: &str| param(params, name).filter(|value| !value.is_empty());
    let Some(raw) = given("dialog") else {
        return Err(fail("missing_dialog"));
    };
    let Some(trigger_id) = given("trigger_id") else {
        return Err(fail("missing_trigger"));
    };
    let lifetime = state.messaging.trigger_lifetime;
    let users = &state.users;
    let trigger = state
        .messaging
        .triggers
        .get_mut(trigger_id)
        .filter(|trigger| users.contains_key(&trigger.user))
        .ok_or_else(|| fail("invalid_trigger"))?;
    if trigger.used {
        return Err(fail("trigger_exchanged"));
    }
    if trigger.issued.elapsed() > lifetime {
        return Err(fail("trigger_expired"));
    }
    let found = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(dialog)) => problems(&dialog),
        _ => vec!["expected an object [json-pointer:/dialog]".to_owned()],
    };
    if !found.is_empty() {
        return Err(invalid(&found));
    }
    trigger.used = true;
    Ok(Map::new())
}

fn invalid(problems: &[String]) -> Reply {
    refusal("validation_errors", problems, false)
}
