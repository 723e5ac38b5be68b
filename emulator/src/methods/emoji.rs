//! `emoji.list`: the workspace's custom emoji.

use super::Outcome;
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// `emoji.list`: every custom emoji by name, an image URL or `alias:<name>`, and `cache_ts`.
pub(crate) fn list(state: &mut State, _: &User, _: &[(String, String)]) -> Outcome {
    let emoji: Map<String, Value> = state
        .emoji
        .iter()
        .map(|(name, value)| (name.clone(), Value::String(value.clone())))
        .collect();
    let mut data = Map::new();
    data.insert("emoji".into(), Value::Object(emoji));
    let cache_ts = format!("{}.000000", state.workspace.clock.seconds());
    data.insert("cache_ts".into(), json!(cache_ts));
    Ok(data)
}
