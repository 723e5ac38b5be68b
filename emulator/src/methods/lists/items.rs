//! Slack Lists' items: `slackLists.items.create`, `.info`, `.list`, `.update`, `.delete` and
//! `.deleteMultiple`, kept with their list.
//!
//! The errors are those Slack's method pages list for these methods: `list_not_found` for an
//! unknown list, `record_not_found` for an unknown item (`info`, `delete`, `deleteMultiple`),
//! `invalid_row_id` for a cell of `slackLists.items.update` naming an unknown item,
//! `duplicated_item_not_found` for an unknown item to copy, `invalid_column_id` for a cell
//! naming no column of the list, `invalid_input_type` for a value of another kind than its
//! column's, `invalid_option_id` for a `select` value that is none of the column's choices,
//! `user_not_found` for a `user` value naming no one, and `invalid_args` for arguments that
//! are not what Slack's pages describe. Where Slack is silent, these are the emulator's
//! choices:
//!
//! - An item's id is `Rec` and a number (ids sort in the order items were made); items are
//!   read (`info`, `list`) by whoever may read the list and written (`create`, `update`,
//!   `delete`, `deleteMultiple`) by whoever may write it, as `slackLists.access.set` decides
//!   (`list_not_found` for one given no access, `restricted_action` for a reader who writes).
//! - A cell is an object with a string `column_id` and one value, under the kind its column
//!   takes: `rich_text` for a `text` column (an array of objects with a `type`), `checkbox`
//!   for `checkbox` and `todo_completed` (a boolean, or an array of one), `user` for `user`
//!   and `todo_assignee`, `date` for `date` and `todo_due_date` (`YYYY-MM-DD` strings), and
//!   the column's own type for the others (`number` an array of numbers, `select` an array of
//!   choice values, `email`, `phone`, `channel` arrays of strings; other kinds are kept as
//!   given). A cell without a `column_id`, with no value or two, or `initial_fields` or `cells`
//!   that are no JSON array of objects, is `invalid_args`; so is a missing `id` or `ids`.
//! - A `parent_item_id` naming no item of the list, or a subtask, is `invalid_args` (Slack's
//!   `slackLists.items.create` page names no code for it). A copy takes the copied item's cells
//!   and its parent, then the `initial_fields` given.
//! - `slackLists.items.update` checks every cell before writing any: one bad cell writes none.
//!   Two cells of the same item and column: the last one wins. `row_id_to_create` is not
//!   supported (`invalid_row_id` without a known `row_id`).
//! - Deleting an item deletes its subtasks. `slackLists.items.deleteMultiple` takes `ids` as a
//!   JSON array of strings (or a comma-separated text) and deletes none if one is unknown
//!   (`record_not_found`).
//! - An answered item has `id`, `list_id`, `date_created`, `created_by`, `updated_by`,
//!   `updated_timestamp`, `parent_record_id` (subtasks only) and `fields`: one per cell written,
//!   in the order of the list's columns, each with `key` and `column_id` (the column's id), the
//!   value under its kind, and for `rich_text` the plain `text` and the blocks as JSON text in
//!   `value`. `slackLists.items.info` answers `list` (as [`Emulator::slack_list`] reads it),
//!   `record` (with `is_subscribed`: false, when asked) and `subtasks`. `slackLists.items.list`
//!   pages through the items, subtasks included, in id order; no item is archived, so
//!   `archived` lists none.

use super::{given, own_list, SlackList};
use crate::canvases::Level;
use crate::methods::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// An item of a list, as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    id: String,
    created_by: String,
    updated_by: String,
    date_created: i64,
    updated: i64,
    parent: Option<String>,
    /// The cells written, by column id: the kind of the value and the value.
    cells: BTreeMap<String, (String, Value)>,
}

impl Record {
    fn to_json(&self, list: &SlackList) -> Value {
        let fields: Vec<Value> = list
            .columns
            .iter()
            .filter_map(|column| {
                let id = column["id"].as_str()?;
                let (kind, value) = self.cells.get(id)?;
                let mut field = Map::new();
                field.insert("key".into(), json!(id));
                field.insert("column_id".into(), json!(id));
                field.insert(kind.clone(), value.clone());
                if kind == "rich_text" {
                    field.insert("text".into(), json!(plain_text(value)));
                    field.insert("value".into(), json!(value.to_string()));
                }
                Some(Value::Object(field))
            })
            .collect();
        let mut object = Map::new();
        object.insert("id".into(), json!(self.id));
        object.insert("list_id".into(), json!(list.id));
        object.insert("date_created".into(), json!(self.date_created));
        object.insert("created_by".into(), json!(self.created_by));
        object.insert("updated_by".into(), json!(self.updated_by));
        object.insert("updated_timestamp".into(), json!(self.updated.to_string()));
        if let Some(parent) = &self.parent {
            object.insert("parent_record_id".into(), json!(parent));
        }
        object.insert("fields".into(), Value::Array(fields));
        Value::Object(object)
    }
}

impl Record {
    /// The item's cells as text, one for each of `columns`, in their order (empty for a
    /// column it has no cell of): rich text's plain text, a list's values joined by `, `, a
    /// checkbox `true` or `false`, any other value as its JSON.
    pub(super) fn texts(&self, columns: &[Value]) -> Vec<String> {
        fn text(value: &Value) -> String {
            match value {
                Value::String(text) => text.clone(),
                Value::Array(values) => values.iter().map(text).collect::<Vec<_>>().join(", "),
                other => other.to_string(),
            }
        }
        columns
            .iter()
            .map(|column| {
                let cell = column["id"].as_str().and_then(|id| self.cells.get(id));
                match cell {
                    Some((kind, value)) if kind == "rich_text" => plain_text(value),
                    Some((_, value)) => text(value),
                    None => String::new(),
                }
            })
            .collect()
    }
}

/// The text of the `text` elements of rich text blocks, in order.
fn plain_text(blocks: &Value) -> String {
    fn walk(value: &Value, out: &mut String) {
        match value {
            Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            Value::Object(object) => {
                if let (Some("text"), Some(text)) = (
                    object.get("type").and_then(Value::as_str),
                    object.get("text").and_then(Value::as_str),
                ) {
                    out.push_str(text);
                }
                if let Some(elements) = object.get("elements") {
                    walk(elements, out);
                }
            }
            _ => {}
        }
    }
    let mut out = String::new();
    walk(blocks, &mut out);
    out
}

impl Emulator {
    /// The items of the list `id` (`F...`) as `slackLists.items.list` answers them, subtasks
    /// included, in the order they were made; `None` when there is no such list.
    pub fn slack_list_items(&self, id: &str) -> Option<Vec<Value>> {
        let state = self.shared.lock();
        let list = state.lists.by_id.get(id)?;
        Some(list.items.iter().map(|item| item.to_json(list)).collect())
    }
}

/// The kind of value a column of `column_type` takes.
fn kind_of(column_type: &str) -> &str {
    match column_type {
        "text" => "rich_text",
        "todo_completed" => "checkbox",
        "todo_assignee" => "user",
        "todo_due_date" => "date",
        other => other,
    }
}

/// Whether `text` is a date as Slack's pages write them, `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// Checks one cell of `list` (see the module's note): its column id, its value's kind and
/// value, as kept.
fn cell_of(
    state: &State,
    list: &SlackList,
    mut cell: Map<String, Value>,
) -> Result<(String, String, Value), Reply> {
    let Some(Value::String(column_id)) = cell.remove("column_id") else {
        return Err(fail("invalid_args"));
    };
    cell.remove("row_id");
    let mut values = cell.into_iter();
    let (Some((kind, value)), None) = (values.next(), values.next()) else {
        return Err(fail("invalid_args"));
    };
    let column = list
        .columns
        .iter()
        .find(|column| column["id"] == column_id.as_str())
        .ok_or_else(|| fail("invalid_column_id"))?;
    if kind_of(column["type"].as_str().unwrap_or_default()) != kind {
        return Err(fail("invalid_input_type"));
    }
    let strings = |value: &Value| -> Result<Vec<String>, Reply> {
        match value {
            Value::Array(items) => items
                .iter()
                .map(|item| item.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| fail("invalid_input_type")),
            _ => Err(fail("invalid_input_type")),
        }
    };
    let value = match kind.as_str() {
        "rich_text" => match &value {
            Value::Array(blocks) if blocks.iter().all(|block| block["type"].is_string()) => value,
            _ => return Err(fail("invalid_input_type")),
        },
        "number" => match &value {
            Value::Array(items) if items.iter().all(Value::is_number) => value,
            _ => return Err(fail("invalid_input_type")),
        },
        "checkbox" => match &value {
            Value::Bool(ticked) => json!([ticked]),
            Value::Array(items) if matches!(items.as_slice(), [Value::Bool(_)]) => value,
            _ => return Err(fail("invalid_input_type")),
        },
        "select" => {
            let chosen = strings(&value)?;
            let choices = column["options"]["choices"].as_array();
            let known = |choice: &String| {
                choices.is_some_and(|choices| choices.iter().any(|c| c["value"] == choice.as_str()))
            };
            if !chosen.iter().all(known) {
                return Err(fail("invalid_option_id"));
            }
            value
        }
        "date" => {
            if !strings(&value)?.iter().all(|date| is_date(date)) {
                return Err(fail("invalid_input_type"));
            }
            value
        }
        "user" => {
            if !strings(&value)?
                .iter()
                .all(|user| state.users.contains_key(user))
            {
                return Err(fail("user_not_found"));
            }
            value
        }
        "email" | "phone" | "channel" => {
            strings(&value)?;
            value
        }
        _ => value,
    };
    Ok((column_id, kind, value))
}

/// The cells of a JSON array of cell objects (`initial_fields`, `cells`), each as JSON.
fn cells_in(text: &str) -> Result<Vec<Map<String, Value>>, Reply> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
        return Err(fail("invalid_args"));
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::Object(object) => Ok(object),
            _ => Err(fail("invalid_args")),
        })
        .collect()
}

/// The index of the item `id` in `list`.
fn position(list: &SlackList, id: &str) -> Option<usize> {
    list.items.iter().position(|item| item.id == id)
}

/// `slackLists.items.create`: a new item, maybe a copy, maybe a subtask.
pub(crate) fn create(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let fields = match given(params, "initial_fields") {
        Some(text) => cells_in(text)?,
        None => Vec::new(),
    };
    let now = state.workspace.clock.seconds();
    let number = crate::state::fresh_number();
    let list = own_list(state, caller, params, "list_id", Level::Write)?.clone();
    let mut cells = BTreeMap::new();
    let mut parent = None;
    if let Some(copied) = given(params, "duplicated_item_id") {
        let copied = position(&list, copied.trim())
            .map(|at| &list.items[at])
            .ok_or_else(|| fail("duplicated_item_not_found"))?;
        cells.clone_from(&copied.cells);
        parent.clone_from(&copied.parent);
    }
    if let Some(id) = given(params, "parent_item_id") {
        let id = id.trim();
        match position(&list, id).map(|at| &list.items[at]) {
            Some(item) if item.parent.is_none() => parent = Some(id.to_owned()),
            _ => return Err(fail("invalid_args")),
        }
    }
    for field in fields {
        let (column, kind, value) = cell_of(state, &list, field)?;
        cells.insert(column, (kind, value));
    }
    let record = Record {
        id: format!("Rec{number:09}"),
        created_by: caller.spec.id.clone(),
        updated_by: caller.spec.id.clone(),
        date_created: now,
        updated: now,
        parent,
        cells,
    };
    let answer = record.to_json(&list);
    own_list(state, caller, params, "list_id", Level::Write)?
        .items
        .push(record);
    let mut data = Map::new();
    data.insert("item".into(), answer);
    Ok(data)
}

/// `slackLists.items.info`: one item, its list and its subtasks.
pub(crate) fn info(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let list = own_list(state, caller, params, "list_id", Level::Read)?;
    let id = given(params, "id")
        .map(str::trim)
        .ok_or_else(|| fail("invalid_args"))?;
    let at = position(list, id).ok_or_else(|| fail("record_not_found"))?;
    let mut record = list.items[at].to_json(list);
    if truthy(param(params, "include_is_subscribed")) {
        record["is_subscribed"] = json!(false);
    }
    let subtasks: Vec<Value> = list
        .items
        .iter()
        .filter(|item| item.parent.as_deref() == Some(id))
        .map(|item| item.to_json(list))
        .collect();
    let mut data = Map::new();
    data.insert("list".into(), list.to_json());
    data.insert("record".into(), record);
    data.insert("subtasks".into(), Value::Array(subtasks));
    Ok(data)
}

/// `slackLists.items.list`: a page of a list's items.
pub(crate) fn list(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let max_page = state.workspace.max_page;
    let list = own_list(state, caller, params, "list_id", Level::Read)?;
    let archived = truthy(param(params, "archived"));
    let ids: Vec<&str> = if archived {
        Vec::new()
    } else {
        list.items.iter().map(|item| item.id.as_str()).collect()
    };
    let (range, next) = crate::workspace::page(
        "record",
        &ids,
        param(params, "cursor"),
        param(params, "limit"),
        max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let items: Vec<Value> = if archived {
        Vec::new()
    } else {
        list.items[range]
            .iter()
            .map(|item| item.to_json(list))
            .collect()
    };
    let mut data = Map::new();
    data.insert("items".into(), Value::Array(items));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// `slackLists.items.update`: writes cells, all of them or none.
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let cells = cells_in(given(params, "cells").ok_or_else(|| fail("invalid_args"))?)?;
    if cells.is_empty() {
        return Err(fail("invalid_args"));
    }
    let now = state.workspace.clock.seconds();
    let list = own_list(state, caller, params, "list_id", Level::Write)?.clone();
    let mut writes = Vec::new();
    for cell in cells {
        let row = cell
            .get("row_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let at = row
            .and_then(|row| position(&list, &row))
            .ok_or_else(|| fail("invalid_row_id"))?;
        writes.push((at, cell_of(state, &list, cell)?));
    }
    let list = own_list(state, caller, params, "list_id", Level::Write)?;
    for (at, (column, kind, value)) in writes {
        let item = &mut list.items[at];
        item.cells.insert(column, (kind, value));
        item.updated_by.clone_from(&caller.spec.id);
        item.updated = now;
    }
    Ok(Map::new())
}

/// Removes the items `ids` of `list` and their subtasks, or none if one is unknown.
fn remove(list: &mut SlackList, ids: &[&str]) -> Result<(), Reply> {
    if ids.iter().any(|id| position(list, id).is_none()) {
        return Err(fail("record_not_found"));
    }
    list.items.retain(|item| {
        !ids.contains(&item.id.as_str())
            && !item
                .parent
                .as_deref()
                .is_some_and(|parent| ids.contains(&parent))
    });
    Ok(())
}

/// `slackLists.items.delete`: deletes one item (and its subtasks).
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let list = own_list(state, caller, params, "list_id", Level::Write)?;
    let id = given(params, "id")
        .map(str::trim)
        .ok_or_else(|| fail("invalid_args"))?;
    remove(list, &[id])?;
    Ok(Map::new())
}

/// `slackLists.items.deleteMultiple`: deletes several items (and their subtasks), or none.
pub(crate) fn delete_multiple(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let list = own_list(state, caller, params, "list_id", Level::Write)?;
    let text = given(params, "ids").ok_or_else(|| fail("invalid_args"))?;
    let ids: Vec<String> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or_else(|| fail("invalid_args"))?,
        Ok(_) => return Err(fail("invalid_args")),
        Err(_) => text.split(',').map(|id| id.trim().to_owned()).collect(),
    };
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    if ids.is_empty() || ids.iter().any(|id| id.is_empty()) {
        return Err(fail("invalid_args"));
    }
    remove(list, &ids)?;
    Ok(Map::new())
}
