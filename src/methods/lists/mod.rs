//! Slack Lists: `slackLists.create` and `slackLists.update`, tables of items kept in Slack;
//! who may see or change a list (`slackLists.access.*`, in `access`) and a list's export
//! (`slackLists.download.*`, in `download`).
//!
//! A list is a file to Slack: its id is a [`FileId`] (`F...`, as every example of Slack's
//! pages shows). Its columns (its schema) are [`ListColumn`]s, each with a [`ColumnType`];
//! both keep what Slack adds that this crate does not name (an unknown field in
//! [`ListColumn::extra`], an unknown type as [`ColumnType::Other`]). The JSON parameters
//! (`schema`, `description_blocks`) go as JSON text in a form field: Slack's pages list
//! `application/x-www-form-urlencoded` among the content types these methods take and give
//! their examples of these parameters as JSON text.
//!
//! Slack's tables name no scope for these methods; Slack's method pages do: `lists:write`
//! (bot and user tokens). Slack's pages say Lists are only available to workspaces on a paid
//! plan.
//!
//! A list's items (`slackLists.items.*`) are bound beside: [`SlackListsItemsCreate`],
//! [`SlackListsItemsInfo`], [`SlackListsItemsList`], [`SlackListsItemsUpdate`],
//! [`SlackListsItemsDelete`] and [`SlackListsItemsDeleteMultiple`], their cells typed as
//! [`CellValue`]s.

mod items;

pub use items::{
    CellValue, ItemField, ListCell, ListItem, ListItemCreated, ListItemInfo, ListItemsPage,
    SlackListsItemsCreate, SlackListsItemsDelete, SlackListsItemsDeleteMultiple,
    SlackListsItemsInfo, SlackListsItemsList, SlackListsItemsUpdate,
};

mod access;
mod download;

pub use access::{ListAccessLevel, SlackListsAccessDelete, SlackListsAccessSet};
pub use download::{
    ListDownload, ListDownloadStarted, ListExportStatus, SlackListsDownloadGet,
    SlackListsDownloadStart,
};

use super::Acknowledged;
use crate::types::{Block, Blocks, List};
use crate::{slack_method, FileId, InvalidRequest, ParamSchema};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

crate::slack_enum! {
    /// The type of a list's column: the types Slack's pages show in their examples (`text`,
    /// `number`, `select`, `date`, `user`, `checkbox`, `email`, `phone`, `channel`, `rating`,
    /// `timestamp`, `attachment`, `message`, `vote`) and the three of todo mode (`todo_completed`,
    /// `todo_assignee`, `todo_due_date`), or one Slack adds later ([`ColumnType::Other`]).
    ///
    /// ```
    /// use slack_methods::methods::ColumnType;
    /// assert_eq!(ColumnType::Select.as_str(), "select");
    /// assert_eq!(ColumnType::from("todo_due_date"), ColumnType::TodoDueDate);
    /// assert_eq!(ColumnType::from("formula"), ColumnType::Other("formula".into()));
    /// ```
    pub enum ColumnType {
        /// Text (`text`); a list's primary column is one.
        Text = "text",
        /// A number (`number`).
        Number = "number",
        /// One or more of the column's choices (`select`).
        Select = "select",
        /// A date (`date`).
        Date = "date",
        /// People (`user`).
        User = "user",
        /// A checkbox (`checkbox`).
        Checkbox = "checkbox",
        /// An email address (`email`).
        Email = "email",
        /// A phone number (`phone`).
        Phone = "phone",
        /// Channels (`channel`).
        Channel = "channel",
        /// A rating (`rating`).
        Rating = "rating",
        /// A time (`timestamp`).
        Timestamp = "timestamp",
        /// Files (`attachment`).
        Attachment = "attachment",
        /// Links to messages (`message`).
        Message = "message",
        /// Votes (`vote`).
        Vote = "vote",
        /// Whether a task is done (`todo_completed`), added by todo mode.
        TodoCompleted = "todo_completed",
        /// Who a task is for (`todo_assignee`), added by todo mode.
        TodoAssignee = "todo_assignee",
        /// When a task is due (`todo_due_date`), added by todo mode.
        TodoDueDate = "todo_due_date",
    }
}

/// One choice of a `select` column: the `value` cells hold, the `label` shown, and its color.
///
/// ```
/// use slack_methods::methods::SelectChoice;
/// let choice = SelectChoice::new("in_progress", "In Progress").color("yellow");
/// assert_eq!(
///     serde_json::to_string(&choice)?,
///     r#"{"value":"in_progress","label":"In Progress","color":"yellow"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectChoice {
    /// The value a cell holds when this choice is picked.
    #[serde(default)]
    pub value: String,
    /// The choice's label, shown in the list.
    #[serde(default)]
    pub label: String,
    /// The choice's color (Slack's color names, such as `red`, `yellow`, `green`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Every field Slack sent that this type does not name, as Slack sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SelectChoice {
    /// A choice of `value`, shown as `label`, with no color named.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        SelectChoice {
            value: value.into(),
            label: label.into(),
            color: None,
            extra: Map::new(),
        }
    }

    /// Colors the choice.
    pub fn color(mut self, color: impl Into<String>) -> Self {
        self.color = Some(color.into());
        self
    }
}

/// A column's options: a `select` column's `choices`, and what other types take (`format`,
/// `precision`, `date_format`, `emoji`, `max`, ...), kept as written in
/// [`extra`](Self::extra).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ColumnOptions {
    /// A `select` column's choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<SelectChoice>>,
    /// The other options, as written (sent as they are; kept as Slack sent them).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A column of a list's schema: its `key`, the `name` shown, its [`ColumnType`], whether it is
/// the primary column (a text column, one a list) and its options. Sent in `slackLists.create`'s
/// `schema`; answered with the column's `id` (`Col...`) in a list's metadata.
///
/// ```
/// use slack_methods::methods::{ColumnType, ListColumn, SelectChoice};
/// let title = ListColumn::primary("task", "Task");
/// let status = ListColumn::select("status", "Status", [
///     SelectChoice::new("todo", "To do").color("red"),
///     SelectChoice::new("done", "Done").color("green"),
/// ]);
/// assert_eq!(title.column_type, ColumnType::Text);
/// assert_eq!(
///     serde_json::to_string(&status)?,
///     r#"{"key":"status","name":"Status","type":"select","options":{"choices":[{"value":"todo","label":"To do","color":"red"},{"value":"done","label":"Done","color":"green"}]}}"#,
/// );
/// let answered: ListColumn = serde_json::from_str(
///     r#"{"id":"Col0123","key":"due","name":"Due","type":"date","is_new":true}"#,
/// )?;
/// assert_eq!(answered.id.as_deref(), Some("Col0123"));
/// assert_eq!(answered.extra["is_new"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListColumn {
    /// The column's id (`Col...`), in answers only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The column's key.
    #[serde(default)]
    pub key: String,
    /// The column's name, shown in the list.
    #[serde(default)]
    pub name: String,
    /// The column's type.
    #[serde(rename = "type")]
    pub column_type: ColumnType,
    /// Whether it is the list's primary column (a text column; a list has one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_primary_column: Option<bool>,
    /// The column's options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<ColumnOptions>,
    /// Every field Slack sent that this type does not name, as Slack sent it.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ListColumn {
    /// A column of `column_type`, with `key` and the `name` shown.
    pub fn new(key: impl Into<String>, name: impl Into<String>, column_type: ColumnType) -> Self {
        ListColumn {
            id: None,
            key: key.into(),
            name: name.into(),
            column_type,
            is_primary_column: None,
            options: None,
            extra: Map::new(),
        }
    }

    /// The list's primary column: a text column.
    pub fn primary(key: impl Into<String>, name: impl Into<String>) -> Self {
        let mut column = ListColumn::new(key, name, ColumnType::Text);
        column.is_primary_column = Some(true);
        column
    }

    /// A `select` column offering `choices`.
    pub fn select(
        key: impl Into<String>,
        name: impl Into<String>,
        choices: impl IntoIterator<Item = SelectChoice>,
    ) -> Self {
        let mut column = ListColumn::new(key, name, ColumnType::Select);
        column.options = Some(ColumnOptions {
            choices: Some(choices.into_iter().collect()),
            extra: Map::new(),
        });
        column
    }

    /// Whether the column says it is the primary one.
    pub fn is_primary(&self) -> bool {
        self.is_primary_column == Some(true)
    }
}

impl ParamSchema for ListColumn {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "key": { "type": "string", "description": "The column's key." },
                "name": { "type": "string", "description": "The column's name, shown in the list." },
                "type": {
                    "type": "string",
                    "description": "The column's type, such as text, number, select, date, user, checkbox, email, phone, channel, rating, timestamp, attachment, message or vote.",
                },
                "is_primary_column": {
                    "type": "boolean",
                    "description": "Whether it is the primary column: one column, of type text.",
                },
                "options": {
                    "type": "object",
                    "description": "The column's options: choices (objects with value, label and color) for a select column; format, precision, date_format, emoji, max for others.",
                },
            },
            "required": ["key", "name", "type"],
            "description": "A column: {\"key\": \"status\", \"name\": \"Status\", \"type\": \"select\", \"options\": {\"choices\": [{\"value\": \"done\", \"label\": \"Done\", \"color\": \"green\"}]}}.",
        })
    }
}

/// A description of one paragraph of plain `text`, as the one `rich_text` block Slack's
/// `description_blocks` take.
fn rich_text_description(text: &str) -> Blocks {
    let block = json!({
        "type": "rich_text",
        "elements": [{
            "type": "rich_text_section",
            "elements": [{ "type": "text", "text": text }],
        }],
    });
    Blocks::new()
        .with(Block::from_json(block).unwrap_or_else(|_| unreachable!("an object with a `type`")))
}

/// Refuses what Slack's `slackLists.create` page calls invalid in a schema: more than one
/// primary column, or a primary column that is not a text column.
fn check_schema(schema: &[ListColumn]) -> Result<(), InvalidRequest> {
    let primary: Vec<&ListColumn> = schema.iter().filter(|c| c.is_primary()).collect();
    if primary.len() > 1 {
        return Err(InvalidRequest::new(format!(
            "`schema` has {} primary columns; Slack takes one",
            primary.len()
        )));
    }
    if let Some(column) = primary.first() {
        // By its name: `Other("text")` is sent as `text` too.
        if column.column_type.as_str() != ColumnType::Text.as_str() {
            return Err(InvalidRequest::new(format!(
                "the primary column `{}` is of type `{}`; Slack's primary column is a text column",
                column.key,
                column.column_type.as_str()
            )));
        }
    }
    Ok(())
}

crate::slack_object! {
    /// A list's columns, as `slackLists.create` answers them.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListMetadata {
        /// The list's columns, each with its `id`; one that does not fit [`ListColumn`] is
        /// kept as [`Unparsed`](crate::types::Unparsed).
        pub schema: List<ListColumn>,
        /// The columns of its items' subtasks.
        pub subtask_schema: List<ListColumn>,
    }
}

crate::slack_object! {
    /// What `slackLists.create` answers: the new list's id and its columns.
    ///
    /// ```
    /// use slack_methods::methods::ListCreated;
    /// let created: ListCreated = serde_json::from_str(
    ///     r#"{"list_id":"F0123ABCD","list_metadata":{"schema":[{"id":"Col01","key":"name","name":"Name","type":"text","is_primary_column":true}]}}"#,
    /// )?;
    /// assert_eq!(created.list_id.as_str(), "F0123ABCD");
    /// let schema = created.list_metadata.unwrap().schema;
    /// assert_eq!(schema.first().unwrap().key, "name");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListCreated {
        required {
            /// The new list's id (`F...`).
            pub list_id: FileId,
        }
        /// The list's columns.
        pub list_metadata: Option<ListMetadata>,
    }
}

impl ListCreated {
    /// The id (`Col...`) Slack gave the column written with `key`, which the items' cells
    /// name ([`ListCell::new`](super::ListCell::new)); `None` when the answer has no such
    /// column.
    ///
    /// ```
    /// use slack_methods::methods::ListCreated;
    /// let created: ListCreated = serde_json::from_str(
    ///     r#"{"list_id":"F0123ABCD","list_metadata":{"schema":[{"id":"Col01","key":"task","name":"Task","type":"text"}]}}"#,
    /// )?;
    /// assert_eq!(created.column_id("task"), Some("Col01"));
    /// assert_eq!(created.column_id("status"), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn column_id(&self, key: &str) -> Option<&str> {
        let metadata = self.list_metadata.as_ref()?;
        metadata
            .schema
            .iter()
            .find(|column| column.key == key)?
            .id
            .as_deref()
    }
}

/// `slackLists.create`: a new list owned by the caller, with a name and, optionally, a
/// description, its columns (`schema`), or a copy of another list's columns (and, with
/// `include_copied_list_records`, its items). Without a schema the list has one text column;
/// todo mode adds three columns for tasks (done, assignee, due date). Slack's page: one column
/// at most is the primary column, and it is a text column, so a schema with more, or with a
/// primary column of another type, is refused before sending; so is a schema given with a list
/// to copy, which Slack answers with `invalid_copy_and_schema_args`. Scope `lists:write`
/// (Slack's page; Slack's tables name none). The answer is the list's id and its columns.
///
/// ```
/// use slack_methods::methods::{ListColumn, SelectChoice, SlackListsCreate};
/// let tasks = SlackListsCreate::new("Launch tasks")
///     .description("What is left before launch")
///     .schema([
///         ListColumn::primary("task", "Task"),
///         ListColumn::select("status", "Status", [SelectChoice::new("done", "Done")]),
///     ])
///     .todo_mode(true);
/// let form = slack_methods::encode_params(&tasks)?;
/// assert!(form.starts_with("name=Launch+tasks&description_blocks=%5B%7B%22"));
/// assert!(form.ends_with("&todo_mode=true"));
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "slackLists.create",
    scope = "lists:write",
    response = ListCreated,
    validate = SlackListsCreate::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsCreate {
    /// The list's name.
    pub name: String,
    /// The list's description, as `rich_text` blocks, sent as JSON text.
    #[slack(json)]
    pub description_blocks: Option<Blocks>,
    /// The list's columns, sent as JSON text; one text column when absent.
    #[slack(json)]
    pub schema: Option<Vec<ListColumn>>,
    /// A list whose columns to copy (`F...`), instead of a schema.
    pub copy_from_list_id: Option<FileId>,
    /// Whether a copy takes the copied list's items too.
    pub include_copied_list_records: Option<bool>,
    /// Whether the list tracks tasks: adds columns for whether each is done, its assignee and
    /// its due date.
    pub todo_mode: Option<bool>,
}

impl SlackListsCreate {
    /// A list named `name`, with one text column.
    pub fn new(name: impl Into<String>) -> Self {
        SlackListsCreate {
            name: name.into(),
            description_blocks: None,
            schema: None,
            copy_from_list_id: None,
            include_copied_list_records: None,
            todo_mode: None,
        }
    }

    /// A list named `name` with the columns of the list `from`; with `with_items`, its items
    /// too.
    pub fn copy_of(name: impl Into<String>, from: FileId, with_items: bool) -> Self {
        let mut create = SlackListsCreate::new(name);
        create.copy_from_list_id = Some(from);
        create.include_copied_list_records = Some(with_items);
        create
    }

    /// Describes the list in one paragraph of plain text.
    pub fn description(mut self, text: &str) -> Self {
        self.description_blocks = Some(rich_text_description(text));
        self
    }

    /// Describes the list with `rich_text` blocks.
    pub fn description_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.description_blocks = Some(blocks.into());
        self
    }

    /// The list's columns.
    pub fn schema(mut self, columns: impl IntoIterator<Item = ListColumn>) -> Self {
        self.schema = Some(columns.into_iter().collect());
        self
    }

    /// Turns todo mode on or off.
    pub fn todo_mode(mut self, on: bool) -> Self {
        self.todo_mode = Some(on);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if let Some(schema) = &self.schema {
            if self.copy_from_list_id.is_some() {
                return Err(InvalidRequest::new(
                    "`schema` and `copy_from_list_id` given together; Slack takes one of them",
                ));
            }
            check_schema(schema)?;
        }
        Ok(())
    }
}

/// `slackLists.update`: renames a list, changes its description, or turns todo mode on or off
/// (off hides the task columns; on shows them again, or adds them). At least one of these must
/// be given (Slack's page: `missing_arguments` otherwise), which is checked before sending.
/// Scope `lists:write` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::SlackListsUpdate;
/// use slack_methods::FileId;
/// let rename = SlackListsUpdate::new(FileId::new("F0123ABCD")?).name("Sprint board").todo_mode(false);
/// assert_eq!(
///     slack_methods::encode_params(&rename)?,
///     "id=F0123ABCD&name=Sprint+board&todo_mode=false",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.update",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsUpdate::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsUpdate {
    /// The list to change (`F...`).
    pub id: FileId,
    /// The list's new name.
    pub name: Option<String>,
    /// The list's new description, as `rich_text` blocks, sent as JSON text.
    #[slack(json)]
    pub description_blocks: Option<Blocks>,
    /// Whether the list tracks tasks.
    pub todo_mode: Option<bool>,
}

impl SlackListsUpdate {
    /// A change of the list `id`, to which at least one change must be added.
    pub fn new(id: FileId) -> Self {
        SlackListsUpdate {
            id,
            name: None,
            description_blocks: None,
            todo_mode: None,
        }
    }

    /// Renames the list.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Describes the list in one paragraph of plain text.
    pub fn description(mut self, text: &str) -> Self {
        self.description_blocks = Some(rich_text_description(text));
        self
    }

    /// Describes the list with `rich_text` blocks.
    pub fn description_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.description_blocks = Some(blocks.into());
        self
    }

    /// Turns todo mode on or off.
    pub fn todo_mode(mut self, on: bool) -> Self {
        self.todo_mode = Some(on);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.name.is_none() && self.description_blocks.is_none() && self.todo_mode.is_none() {
            return Err(InvalidRequest::new(
                "nothing to change: give a `name`, `description_blocks` or `todo_mode`",
            ));
        }
        Ok(())
    }
}
