//! `functions.completeSuccess` and `functions.completeError`: a custom step's run ended, with
//! its outputs or a message for the user.
//!
//! A run must have been started ([`Emulator::start_function`](crate::Emulator::start_function),
//! the emulator's stand-in for Slack's `function_executed` event). Slack's pages name no scope,
//! so any token of the workspace may end one. An id the emulator never gave, and a run already
//! ended, are `function_execution_not_found`: Slack's page shows that code for a function
//! "completed and cannot be found". The emulator's choices where Slack is silent: it never
//! answers `execution_not_in_running_state` nor `access_denied` (no run is paused or belongs to
//! another app), and a missing or empty `error`, and `outputs` missing or not the text of a
//! JSON object, are `invalid_arguments`.

use super::{fail, param, Outcome};
use crate::functions::{Execution, RunState};
use crate::state::{State, User};
use serde_json::{Map, Value};

/// The running execution `function_execution_id` names; `function_execution_not_found` for
/// none, or one already ended.
fn running<'s>(
    state: &'s mut State,
    params: &[(String, String)],
) -> Result<&'s mut Execution, super::Reply> {
    let id = param(params, "function_execution_id").unwrap_or("");
    state
        .functions
        .by_id
        .get_mut(id)
        .filter(|run| matches!(run.state, RunState::Running))
        .ok_or_else(|| fail("function_execution_not_found"))
}

/// `functions.completeSuccess`: ends the run with `outputs`, a JSON object. One that lacks an
/// output the step's manifest requires (as given to `start_function`) is
/// `parameter_validation_failed`, Slack's code for outputs that do not fit the step's
/// parameters; other keys are kept as they are (the emulator does not check their types).
pub(crate) fn complete_success(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    let outputs = param(params, "outputs").map(serde_json::from_str::<Value>);
    let run = running(state, params)?;
    let Some(Ok(Value::Object(outputs))) = outputs else {
        return Err(fail("invalid_arguments"));
    };
    if run
        .required_outputs
        .iter()
        .any(|name| !outputs.contains_key(name))
    {
        return Err(fail("parameter_validation_failed"));
    }
    run.state = RunState::Completed(outputs);
    Ok(Map::new())
}

/// `functions.completeError`: ends the run as failed, keeping `error`, the message Slackbot
/// shows the user.
pub(crate) fn complete_error(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let error = param(params, "error").unwrap_or("").to_owned();
    let run = running(state, params)?;
    if error.trim().is_empty() {
        return Err(fail("invalid_arguments"));
    }
    run.state = RunState::Failed(error);
    Ok(Map::new())
}
