//! Slack Lists: `slackLists.create` and `slackLists.update`, the lists kept in the emulator's
//! state (with their items: [`items`]).
//!
//! The errors are those Slack's method pages list for these methods: `list_not_found` for an
//! unknown list (to copy, or to update), `invalid_copy_and_schema_args` for a `schema` given
//! with `copy_from_list_id`, and `missing_arguments` for a `slackLists.update` with nothing to
//! change. Where Slack is silent, these are the emulator's choices:
//!
//! - A list's id is a file id (`F...`, as Slack's examples show), its columns' ids are
//!   `Col...`. A list is seen and changed by its owner (at first the user who created it: the
//!   token's user, a bot token's bot user) and by whom `slackLists.access.set` gave access (see
//!   the `access` module): copying a list needs read, `slackLists.update` needs write (a
//!   reader gets `restricted_action`); for anyone else it is `list_not_found`.
//! - A missing or blank `name` is `invalid_arguments`. `schema` must be a JSON array of
//!   objects, each with a non-empty string `key`, `name` and `type` (any type is taken, kept as
//!   written), at most one of them `is_primary_column`, and that one of type `text`; anything
//!   else is `invalid_arguments`, and so is a `description_blocks` that is not a JSON array of
//!   objects with a `type`. Slack's pages name no code for these.
//! - Without a schema, a list has one text column (key `name`, name `Name`), its primary
//!   column, as Slack's page says; a schema without a primary column gets no primary column.
//!   Todo mode adds the three task columns Slack's page names (types `todo_completed`,
//!   `todo_assignee`, `todo_due_date`; keys the same, names `Completed`, `Assignee`, `Due
//!   date`), once: `slackLists.update` turning it off keeps them (Slack's clients hide them)
//!   and turning it on again adds none.
//! - A copy takes the copied list's columns (with new ids); its `description_blocks` and
//!   `todo_mode`, when given, are the copy's own. `include_copied_list_records` is accepted and
//!   copies no items: the copy starts empty.
//! - `slackLists.create` answers `list_id` and `list_metadata` (`schema`, the columns with
//!   their ids, and an empty `subtask_schema`), the fields Slack's SDKs read.

pub(crate) mod access;
pub(crate) mod download;
pub(crate) mod items;

use super::{fail, param, truthy, Outcome, Reply};
use crate::canvases::Level;
use crate::state::{State, User};
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A list as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct SlackList {
    id: String,
    name: String,
    creator: String,
    /// `description_blocks` as given, if any.
    description: Option<Value>,
    todo_mode: bool,
    /// The columns, as answered (each with its `id`).
    columns: Vec<Value>,
    /// The items, in the order they were made (see [`items`]).
    items: Vec<items::Record>,
}

impl SlackList {
    fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("id".into(), json!(self.id));
        object.insert("name".into(), json!(self.name));
        object.insert("created_by".into(), json!(self.creator));
        if let Some(description) = &self.description {
            object.insert("description_blocks".into(), description.clone());
        }
        object.insert("todo_mode".into(), json!(self.todo_mode));
        object.insert("schema".into(), Value::Array(self.columns.clone()));
        Value::Object(object)
    }

    /// Adds the task columns todo mode uses, unless the list has them.
    fn add_todo_columns(&mut self) {
        for (kind, name) in [
            ("todo_completed", "Completed"),
            ("todo_assignee", "Assignee"),
            ("todo_due_date", "Due date"),
        ] {
            if !self.columns.iter().any(|column| column["type"] == kind) {
                self.columns.push(column(kind, name, kind, false));
            }
        }
    }
}

/// The lists, by id (ids sort in the order they were created).
#[derive(Debug, Default)]
pub(crate) struct Lists {
    by_id: BTreeMap<String, SlackList>,
    /// What `slackLists.access.set` gave, by list id.
    grants: BTreeMap<String, access::Grants>,
    /// The export jobs (`slackLists.download.start`).
    pub(crate) downloads: download::Jobs,
}

impl Emulator {
    /// The list `id` (`F...`) as the emulator keeps it, for tests to read back: `id`, `name`,
    /// `created_by`, `description_blocks` (when given), `todo_mode` and `schema` (its columns,
    /// each with its `id`). `None` when there is no such list.
    pub fn slack_list(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state.lists.by_id.get(id).map(SlackList::to_json)
    }
}

/// A column with a fresh id.
fn column(key: &str, name: &str, kind: &str, primary: bool) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(new_column_id()));
    object.insert("key".into(), json!(key));
    object.insert("name".into(), json!(name));
    object.insert("type".into(), json!(kind));
    if primary {
        object.insert("is_primary_column".into(), json!(true));
    }
    Value::Object(object)
}

fn new_column_id() -> String {
    format!("Col{:08}", crate::state::fresh_number())
}

/// The non-blank value of `name`.
fn given<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    param(params, name).filter(|value| !value.trim().is_empty())
}

/// The columns of a `schema` (see the module's note), each with a fresh id.
fn schema_of(text: &str) -> Result<Vec<Value>, Reply> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else {
        return Err(fail("invalid_arguments"));
    };
    let mut columns = Vec::new();
    let mut primaries = 0;
    for item in items {
        let Value::Object(mut object) = item else {
            return Err(fail("invalid_arguments"));
        };
        for key in ["key", "name", "type"] {
            match object.get(key).and_then(Value::as_str) {
                Some(text) if !text.trim().is_empty() => {}
                _ => return Err(fail("invalid_arguments")),
            }
        }
        match object.get("is_primary_column") {
            None | Some(Value::Bool(false)) => {}
            Some(Value::Bool(true)) if object["type"] == "text" => primaries += 1,
            Some(_) => return Err(fail("invalid_arguments")),
        }
        object.insert("id".into(), json!(new_column_id()));
        columns.push(Value::Object(object));
    }
    if primaries > 1 {
        return Err(fail("invalid_arguments"));
    }
    Ok(columns)
}

/// The `description_blocks` given, if any: a JSON array of objects with a `type`.
fn description_of(params: &[(String, String)]) -> Result<Option<Value>, Reply> {
    let Some(text) = given(params, "description_blocks") else {
        return Ok(None);
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(blocks))
            if blocks
                .iter()
                .all(|block| block.get("type").and_then(Value::as_str).is_some()) =>
        {
            Ok(Some(Value::Array(blocks)))
        }
        _ => Err(fail("invalid_arguments")),
    }
}

/// The list that `name` names, if the caller may do what `needs` allows with it:
/// `list_not_found` for one it cannot see, `restricted_action` for too little access.
fn own_list<'s>(
    state: &'s mut State,
    caller: &User,
    params: &[(String, String)],
    name: &str,
    needs: Level,
) -> Result<&'s mut SlackList, Reply> {
    let id = access::permitted(state, caller, params, name, needs)?;
    state
        .lists
        .by_id
        .get_mut(&id)
        .ok_or_else(|| fail("list_not_found"))
}

/// `slackLists.create`: a new list of the caller's.
pub(crate) fn create(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = given(params, "name")
        .ok_or_else(|| fail("invalid_arguments"))?
        .to_owned();
    let description = description_of(params)?;
    let schema = given(params, "schema");
    let columns = match (given(params, "copy_from_list_id"), schema) {
        (Some(_), Some(_)) => return Err(fail("invalid_copy_and_schema_args")),
        (Some(_), None) => own_list(state, caller, params, "copy_from_list_id", Level::Read)?
            .columns
            .iter()
            .map(|copied| {
                let mut copied = copied.clone();
                copied["id"] = json!(new_column_id());
                copied
            })
            .collect(),
        (None, Some(schema)) => schema_of(schema)?,
        (None, None) => vec![column("name", "Name", "text", true)],
    };
    let todo_mode = truthy(param(params, "todo_mode"));
    let mut list = SlackList {
        id: format!("F0LIST{:06}", crate::state::fresh_number()),
        name,
        creator: caller.spec.id.clone(),
        description,
        todo_mode,
        columns,
        items: Vec::new(),
    };
    if todo_mode {
        list.add_todo_columns();
    }
    let mut data = Map::new();
    data.insert("list_id".into(), json!(list.id));
    data.insert(
        "list_metadata".into(),
        json!({ "schema": list.columns, "subtask_schema": [] }),
    );
    state.lists.by_id.insert(list.id.clone(), list);
    Ok(data)
}

/// `slackLists.update`: renames a list, changes its description or its todo mode.
pub(crate) fn update(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let name = param(params, "name");
    if name.is_some_and(|name| name.trim().is_empty()) {
        return Err(fail("invalid_arguments"));
    }
    let description = description_of(params)?;
    let todo_mode = param(params, "todo_mode").map(|value| truthy(Some(value)));
    let list = own_list(state, caller, params, "id", Level::Write)?;
    if name.is_none() && description.is_none() && todo_mode.is_none() {
        return Err(fail("missing_arguments"));
    }
    if let Some(name) = name {
        name.clone_into(&mut list.name);
    }
    if description.is_some() {
        list.description = description;
    }
    if let Some(on) = todo_mode {
        list.todo_mode = on;
        if on {
            list.add_todo_columns();
        }
    }
    Ok(Map::new())
}
