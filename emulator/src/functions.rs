//! The runs of the app's custom steps (functions run in workflows): each one's step, the
//! outputs its manifest requires, and how it ended. Slack starts a run by sending the app a
//! `function_executed` event; the emulator sends no events, so a test starts one with
//! [`Emulator::start_function`] instead.

use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// How a run stands.
#[derive(Clone, Debug)]
pub(crate) enum RunState {
    /// Started and not yet completed: `functions.completeSuccess` or `.completeError` may end it.
    Running,
    /// Ended by `functions.completeSuccess`, with its outputs.
    Completed(Map<String, Value>),
    /// Ended by `functions.completeError`, with the message for the user.
    Failed(String),
}

/// One run of a custom step.
#[derive(Clone, Debug)]
pub(crate) struct Execution {
    pub(crate) callback_id: String,
    /// The output parameters the step's manifest marks required.
    pub(crate) required_outputs: Vec<String>,
    pub(crate) state: RunState,
}

/// The runs, by `function_execution_id`.
#[derive(Debug, Default)]
pub(crate) struct Executions {
    pub(crate) by_id: BTreeMap<String, Execution>,
}

impl Emulator {
    /// Starts a run of the app's custom step `callback_id`, whose manifest marks
    /// `required_outputs` as its required output parameters, and returns the run's
    /// `function_execution_id` (`Fx...`). This is the emulator's stand-in for Slack's
    /// `function_executed` event, which tells an app that a workflow reached its step: the
    /// emulator sends no events, so a test starts the run here and calls
    /// `functions.completeSuccess` or `functions.completeError` with the id, as the app would
    /// with the event's. The run can be completed once, with any token of the workspace.
    pub fn start_function(&self, callback_id: &str, required_outputs: &[&str]) -> String {
        let id = format!("Fx{:010}", crate::state::fresh_number());
        self.shared.lock().functions.by_id.insert(
            id.clone(),
            Execution {
                callback_id: callback_id.to_owned(),
                required_outputs: required_outputs.iter().map(|s| (*s).to_owned()).collect(),
                state: RunState::Running,
            },
        );
        id
    }

    /// The run `id` as the emulator keeps it, for tests to read back:
    /// `function_execution_id`, `callback_id`, `state` (`running`, `completed` or `failed`),
    /// and `outputs` for a completed run or `error` for a failed one. `None` for an id
    /// [`start_function`](Self::start_function) never gave.
    pub fn function_execution(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let run = state.functions.by_id.get(id)?;
        let mut object = json!({
            "function_execution_id": id,
            "callback_id": run.callback_id,
        });
        match &run.state {
            RunState::Running => object["state"] = json!("running"),
            RunState::Completed(outputs) => {
                object["state"] = json!("completed");
                object["outputs"] = Value::Object(outputs.clone());
            }
            RunState::Failed(error) => {
                object["state"] = json!("failed");
                object["error"] = json!(error);
            }
        }
        Some(object)
    }
}
