//! The `functions.*` family: how a workflow app's custom step (a function run from Workflow
//! Builder) ends its run, with `functions.completeSuccess` and its outputs or
//! `functions.completeError` and a message for the user.
//!
//! Slack starts a run by sending the app a `function_executed` event, which holds the run's
//! `function_execution_id` and a `bot_access_token` to call with. Slack's pages name no scope
//! for either method. A run is completed once: after that Slack answers
//! `function_execution_not_found`, as it does for an id it does not know.

use super::Acknowledged;
use crate::slack_method;
use serde::Deserialize;
use serde_json::{Map, Value};

/// `functions.completeSuccess`: ends a run of the app's custom step (a function in a workflow)
/// with its outputs, an object whose keys are the step's output parameter names, as the
/// app's manifest declares them. The `function_execution_id` comes from the
/// `function_executed` event that started the run. A run ends once: Slack answers
/// `function_execution_not_found` for a run already completed (or one it does not know) and
/// `parameter_validation_failed` for outputs that do not fit the step's output parameters. The
/// tool is destructive: a completed run cannot be resumed.
///
/// ```
/// use slack_methods::methods::FunctionsCompleteSuccess;
/// let done = FunctionsCompleteSuccess::new("Fx12345ABCDE")
///     .output("customer_id", "U0BPQUNTA")
///     .output("approved", true);
/// assert_eq!(
///     slack_methods::encode_params(&done)?,
///     "function_execution_id=Fx12345ABCDE&outputs=%7B%22approved%22%3Atrue%2C%22customer_id%22%3A%22U0BPQUNTA%22%7D",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "functions.completeSuccess",
    no_scope,
    // Ends the run for good, which the words "complete" and "success" do not say.
    destructive = true,
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FunctionsCompleteSuccess {
    /// The run to end, as the `function_executed` event names it (`Fx...`).
    pub function_execution_id: String,
    /// The step's output values, keyed by the output parameter names of the app's manifest,
    /// sent as a JSON object.
    #[slack(json)]
    pub outputs: Map<String, Value>,
}

impl FunctionsCompleteSuccess {
    /// Ends the run `function_execution_id` with no outputs yet (add them with
    /// [`output`](Self::output) or [`outputs`](Self::outputs)).
    pub fn new(function_execution_id: impl Into<String>) -> Self {
        FunctionsCompleteSuccess {
            function_execution_id: function_execution_id.into(),
            outputs: Map::new(),
        }
    }

    /// Sets the output `name` to `value`.
    pub fn output(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.outputs.insert(name.into(), value.into());
        self
    }

    /// Sets every output at once, replacing those set before.
    pub fn outputs(mut self, outputs: Map<String, Value>) -> Self {
        self.outputs = outputs;
        self
    }
}

/// `functions.completeError`: ends a run of the app's custom step (a function in a workflow)
/// as failed; Slack shows `error`, a human-readable message saying why, to the user in a
/// message from Slackbot. The `function_execution_id` comes from the `function_executed`
/// event that started the run. A run ends once: Slack answers `function_execution_not_found`
/// for a run already completed (or one it does not know). The tool is destructive: a failed
/// run cannot be resumed.
///
/// ```
/// use slack_methods::methods::FunctionsCompleteError;
/// let failed = FunctionsCompleteError::new("Fx12345ABCDE", "The sheet is locked");
/// assert_eq!(
///     slack_methods::encode_params(&failed)?,
///     "function_execution_id=Fx12345ABCDE&error=The+sheet+is+locked",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "functions.completeError",
    no_scope,
    // Ends the run for good, which the words "complete" and "error" do not say.
    destructive = true,
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FunctionsCompleteError {
    /// The run to end, as the `function_executed` event names it (`Fx...`).
    pub function_execution_id: String,
    /// Why the step failed, in words for the user, to whom Slackbot shows it.
    pub error: String,
}

impl FunctionsCompleteError {
    /// Ends the run `function_execution_id` as failed, telling the user `error`.
    pub fn new(function_execution_id: impl Into<String>, error: impl Into<String>) -> Self {
        FunctionsCompleteError {
            function_execution_id: function_execution_id.into(),
            error: error.into(),
        }
    }
}
