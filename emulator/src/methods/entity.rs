//! `entity.presentDetails`: an app's answer to a user opening a Work Object in the flexpane.
//!
//! [`Emulator::entity_trigger_id`] stands in for the `entity_details_requested` event Slack
//! sends the app: a trigger id for one user and one entity (its `external_ref` id). The call
//! answers, as Slack's page lists: `invalid_trigger_id` for a trigger the emulator did not give
//! (or none), `invalid_metadata` for `metadata` that is not a JSON object,
//! `entity_metadata_does_not_match_trigger` for metadata whose `external_ref.id` is not the
//! trigger's entity, and `user_auth_url_missing` for `user_auth_required` without
//! `user_auth_url`. What the app presented is kept ([`Emulator::presented_entity`]).
//!
//! The emulator's choices, where Slack's page is silent: a trigger is answered once (then
//! `invalid_trigger_id`) and does not expire; metadata without `external_ref.id` is
//! `invalid_metadata`; an `error` that is not a JSON object with a string `status` is
//! `invalid_arguments`; a call with none of `metadata`, `user_auth_required` (true) or `error`
//! is `invalid_arguments`, as it would show nothing.

use super::{fail, param, truthy, Outcome};
use crate::state::{State, User};
use crate::Emulator;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One `entity_details_requested` event's trigger: the user who opened the entity, the entity's
/// `external_ref` id, and what the app presented for it, once it has.
#[derive(Clone, Debug)]
pub(crate) struct EntityTrigger {
    user: String,
    external_id: String,
    presented: Option<Map<String, Value>>,
}

/// The triggers handed out, by trigger id.
#[derive(Debug, Default)]
pub(crate) struct Entities {
    triggers: HashMap<String, EntityTrigger>,
}

impl Emulator {
    /// A trigger id as Slack sends one in the `entity_details_requested` event when `user` opens
    /// the Work Object whose `external_ref` id is `external_id`: `entity.presentDetails`
    /// answers it once, with metadata of that entity.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use slack_methods_emulator::{demo, Emulator};
    /// let emu = Emulator::builder().demo_workspace().start().await?;
    /// let trigger = emu.entity_trigger_id(demo::ADA, "T-42");
    /// assert_ne!(trigger, emu.entity_trigger_id(demo::ADA, "T-42"));
    /// assert!(emu.presented_entity(&trigger).is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn entity_trigger_id(&self, user: &str, external_id: &str) -> String {
        let mut state = self.shared.lock();
        let seconds = state.workspace.clock.seconds();
        let n = crate::state::fresh_number();
        let id = format!(
            "{n}.{seconds}.{:016x}",
            n.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        );
        state.entities.triggers.insert(
            id.clone(),
            EntityTrigger {
                user: user.to_owned(),
                external_id: external_id.to_owned(),
                presented: None,
            },
        );
        id
    }

    /// What `entity.presentDetails` presented for `trigger`: the `user` who opened the entity
    /// and the fields the app sent (`metadata` and `error` as JSON objects,
    /// `user_auth_required`, `user_auth_url`). `None` before the app answered, or for a
    /// trigger the emulator did not give.
    pub fn presented_entity(&self, trigger: &str) -> Option<Value> {
        let state = self.shared.lock();
        let trigger = state.entities.triggers.get(trigger)?;
        let mut shown = trigger.presented.clone()?;
        shown.insert("user".into(), Value::String(trigger.user.clone()));
        Some(Value::Object(shown))
    }
}

/// A JSON object parameter: `Ok(None)` when absent, `Err(())` when not an object.
fn object(params: &[(String, String)], name: &str) -> Result<Option<Map<String, Value>>, ()> {
    match param(params, name) {
        None => Ok(None),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(Some(map)),
            _ => Err(()),
        },
    }
}

/// `entity.presentDetails`: keeps what the app presents for the trigger's entity.
pub(crate) fn present_details(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    let given = param(params, "trigger_id").unwrap_or("");
    let trigger = state
        .entities
        .triggers
        .get(given)
        .filter(|trigger| trigger.presented.is_none())
        .ok_or_else(|| fail("invalid_trigger_id"))?;
    let metadata = object(params, "metadata").map_err(|()| fail("invalid_metadata"))?;
    if let Some(metadata) = &metadata {
        let id = metadata
            .get("external_ref")
            .and_then(|r| r.get("id"))
            .and_then(Value::as_str)
            .ok_or_else(|| fail("invalid_metadata"))?;
        if id != trigger.external_id {
            return Err(fail("entity_metadata_does_not_match_trigger"));
        }
    }
    let auth_required = truthy(param(params, "user_auth_required"));
    let auth_url = param(params, "user_auth_url").filter(|url| !url.is_empty());
    if auth_required && auth_url.is_none() {
        return Err(fail("user_auth_url_missing"));
    }
    let error = object(params, "error").map_err(|()| fail("invalid_arguments"))?;
    if error
        .as_ref()
        .is_some_and(|error| !error.get("status").is_some_and(Value::is_string))
    {
        return Err(fail("invalid_arguments"));
    }
    if metadata.is_none() && !auth_required && error.is_none() {
        return Err(fail("invalid_arguments"));
    }
    let mut presented = Map::new();
    if let Some(metadata) = metadata {
        presented.insert("metadata".into(), Value::Object(metadata));
    }
    presented.insert("user_auth_required".into(), Value::Bool(auth_required));
    if let Some(url) = auth_url {
        presented.insert("user_auth_url".into(), Value::String(url.to_owned()));
    }
    if let Some(error) = error {
        presented.insert("error".into(), Value::Object(error));
    }
    if let Some(trigger) = state.entities.triggers.get_mut(given) {
        trigger.presented = Some(presented);
    }
    Ok(Map::new())
}
