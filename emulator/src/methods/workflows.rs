//! A channel's featured workflows: `workflows.featured.add`, `.remove`, `.set` and `.list`.
//!
//! Workflows are featured by their link triggers' ids (`Ft...`). The emulator has no workflows
//! of its own: [`Emulator::add_link_trigger`](crate::Emulator::add_link_trigger) stands for a
//! link trigger made in Slack (a workflow anyone may run), and
//! [`Emulator::featured_workflows`](crate::Emulator::featured_workflows) reads a channel's
//! featured triggers back.
//!
//! Codes Slack's pages name, as the emulator answers them: `channel_not_found` for a channel
//! that is not there or that the caller cannot see (a private one it is not in), and
//! `error_invalid_channels` for a `list` that names no channel. The emulator's choices where
//! Slack is silent:
//!
//! - A trigger id the emulator never made is `error_modifying_workflows` (the one error Slack's
//!   pages name for the writes; they name none for an unknown trigger).
//! - `trigger_ids` and `channel_ids` are read as comma-separated ids or as a JSON array of ids;
//!   more than 15 trigger ids (Slack's pages: "max 15"), an empty id, or a JSON array that
//!   cannot be read is `invalid_arguments`. `add` and `remove` with no trigger id change
//!   nothing; `set` with none features none (as Slack's page says).
//! - `add` puts new triggers after those already featured; one featured already keeps its
//!   place. `remove` of a trigger not featured is no error. `set` keeps the order given,
//!   without repeats. A channel may feature any number of workflows (Slack's pages state no
//!   limit for a channel, only for one call).
//! - Anyone who can see the channel (a public one, or a private one it is in; bots too) may
//!   feature and list: Slack's "Can manage workflows" permission is not emulated, so
//!   `restricted_action` is never answered.
//! - `list` answers the channels in the order asked, each once, a channel featuring none with
//!   an empty `triggers`.

use super::messages::{conversation, Access};
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The most trigger ids one call names (Slack's pages: "max 15").
const MAX_TRIGGER_IDS: usize = 15;

/// The link triggers made for tests, and each channel's featured ones.
#[derive(Debug, Default)]
pub(crate) struct Featured {
    /// Each link trigger's title, by id.
    titles: HashMap<String, String>,
    /// Each channel's featured trigger ids, in the menu's order.
    by_channel: HashMap<String, Vec<String>>,
}

/// The ids a list parameter holds: comma-separated, or a JSON array; none when absent or
/// empty.
fn ids(params: &[(String, String)], name: &str) -> Result<Vec<String>, Reply> {
    let text = param(params, name).map(str::trim).unwrap_or("");
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = if text.starts_with('[') {
        serde_json::from_str(text).map_err(|_| fail("invalid_arguments"))?
    } else {
        text.split(',').map(|id| id.trim().to_owned()).collect()
    };
    if ids.iter().any(String::is_empty) {
        return Err(fail("invalid_arguments"));
    }
    Ok(ids)
}

/// The channel of a write and its trigger ids, checked: a channel the caller can see, at most
/// [`MAX_TRIGGER_IDS`] triggers, each one the emulator made.
fn write_args(
    state: &State,
    caller: &User,
    params: &[(String, String)],
) -> Result<(String, Vec<String>), Reply> {
    let channel = conversation(state, caller, param(params, "channel_id"), Access::Act)?;
    let triggers = ids(params, "trigger_ids")?;
    if triggers.len() > MAX_TRIGGER_IDS {
        return Err(fail("invalid_arguments"));
    }
    if triggers
        .iter()
        .any(|id| !state.featured.titles.contains_key(id))
    {
        return Err(fail("error_modifying_workflows"));
    }
    Ok((channel, triggers))
}

/// `workflows.featured.add`: features more triggers, after those already featured.
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel, triggers) = write_args(state, caller, params)?;
    let featured = state.featured.by_channel.entry(channel).or_default();
    for id in triggers {
        if !featured.contains(&id) {
            featured.push(id);
        }
    }
    Ok(Map::new())
}

/// `workflows.featured.remove`: stops featuring some triggers.
pub(crate) fn remove(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel, triggers) = write_args(state, caller, params)?;
    if let Some(featured) = state.featured.by_channel.get_mut(&channel) {
        featured.retain(|id| !triggers.contains(id));
    }
    Ok(Map::new())
}

/// `workflows.featured.set`: features exactly these triggers, in this order.
pub(crate) fn set(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (channel, triggers) = write_args(state, caller, params)?;
    let mut featured: Vec<String> = Vec::new();
    for id in triggers {
        if !featured.contains(&id) {
            featured.push(id);
        }
    }
    state.featured.by_channel.insert(channel, featured);
    Ok(Map::new())
}

/// `workflows.featured.list`: each channel's featured triggers, with their titles.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let asked = ids(params, "channel_ids")?;
    if asked.is_empty() {
        return Err(fail("error_invalid_channels"));
    }
    let mut channels: Vec<String> = Vec::new();
    for given in asked {
        let id = conversation(state, caller, Some(&given), Access::Act)?;
        if !channels.contains(&id) {
            channels.push(id);
        }
    }
    let answer: Vec<Value> = channels
        .into_iter()
        .map(|channel| {
            let triggers: Vec<Value> = state
                .featured
                .by_channel
                .get(&channel)
                .into_iter()
                .flatten()
                .map(|id| json!({ "id": id, "title": state.featured.titles[id] }))
                .collect();
            json!({ "channel_id": channel, "triggers": triggers })
        })
        .collect();
    let mut data = Map::new();
    data.insert("featured_workflows".into(), Value::Array(answer));
    Ok(data)
}

impl crate::Emulator {
    /// A link trigger titled `title`, as if made in Slack for a workflow anyone may run:
    /// answers its id (`Ft...`), which `workflows.featured.add` and `.set` then feature and
    /// `workflows.featured.list` lists with its title.
    pub fn add_link_trigger(&self, title: &str) -> String {
        let mut state = self.shared.lock();
        let id = format!("Ft0EMU{:05}", crate::state::fresh_number());
        state.featured.titles.insert(id.clone(), title.to_owned());
        id
    }

    /// The ids of the link triggers channel `channel_id` features, in its menu's order (empty
    /// when it features none).
    pub fn featured_workflows(&self, channel_id: &str) -> Vec<String> {
        let state = self.shared.lock();
        state
            .featured
            .by_channel
            .get(channel_id)
            .cloned()
            .unwrap_or_default()
    }
}
