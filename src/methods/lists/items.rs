//! Slack Lists' items: `slackLists.items.create`, `.info`, `.list`, `.update`, `.delete` and
//! `.deleteMultiple`, the rows of a list (Slack calls them items and records; their ids read
//! `Rec...`), each with one cell a column (`Col...`).
//!
//! A cell's value sits in a field named by the kind of its column: `rich_text` for a text
//! column, `number`, `select`, `date`, `user`, `channel`, `email`, `phone`, `checkbox`, and
//! others (`rating`, `timestamp`, `attachment`, `message`, ...). [`CellValue`] types the common
//! kinds and keeps any other as JSON ([`CellValue::Other`]). A cell sent is a [`ListCell`]: its
//! column, its value and, to update, its item (`row_id`). A cell answered is an [`ItemField`]:
//! everything Slack sends is kept, and [`ItemField::cell`] reads its typed value.
//!
//! Facts from Slack's method pages (Slack's tables name no scope for these methods):
//! `lists:write` to create, update and delete items, `lists:read` to read them (`info`,
//! `list`); the shapes of `initial_fields` and `cells` and of the answers; the error codes the
//! emulator answers. The JSON parameters (`initial_fields`, `cells`, `ids`) go as JSON text in
//! a form field, as `slackLists.create`'s do. Slack's pages state no limit on how many cells or
//! items one call takes, so none is checked here.

use super::rich_text_description;
use crate::methods::Acknowledged;
use crate::types::{Blocks, Item, List, ResponseMetadata};
use crate::{
    slack_method, ChannelId, FileId, InvalidRequest, PageItems, ParamSchema, UserId, ValueError,
};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Map, Value};

/// The value of one cell, by the kind of its column: the kinds Slack's pages show, each as the
/// JSON they give it (most are arrays: a column may hold several values), or another kind kept
/// as JSON.
///
/// ```
/// use slack_methods::methods::CellValue;
/// let done = CellValue::from_json("checkbox", serde_json::json!([true]))?;
/// assert_eq!(done, CellValue::Checkbox(true));
/// assert_eq!(CellValue::Number(vec![2.5]).to_json(), serde_json::json!([2.5]));
/// let stars = CellValue::from_json("rating", serde_json::json!([4]))?;
/// assert_eq!(stars.kind(), "rating");
/// assert!(CellValue::from_json("number", serde_json::json!("many")).is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CellValue {
    /// A text column's value, as `rich_text` blocks (Slack's pages: plain text too is sent as
    /// rich text); [`CellValue::text`] writes one paragraph.
    RichText(Blocks),
    /// Numbers (`number`).
    Number(Vec<f64>),
    /// The chosen options of a `select` column: their values, as Slack's
    /// `slackLists.items.update` page writes them, or their ids (`Opt...`), as its
    /// `slackLists.items.list` page answers them.
    Select(Vec<String>),
    /// Dates (`date`), written `YYYY-MM-DD`.
    Date(Vec<String>),
    /// People (`user`).
    User(Vec<UserId>),
    /// Channels (`channel`).
    Channel(Vec<ChannelId>),
    /// Email addresses (`email`).
    Email(Vec<String>),
    /// Phone numbers (`phone`).
    Phone(Vec<String>),
    /// Whether a checkbox is ticked (`checkbox`); sent as a boolean, as Slack's
    /// `slackLists.items.update` page does, and read from a boolean or a list of one.
    Checkbox(bool),
    /// A value of another kind (`rating`, `timestamp`, `attachment`, `message`, `vote`, or one
    /// Slack adds), as JSON.
    Other {
        /// The kind: the name of the field holding the value (a call refuses a blank one,
        /// and `column_id` or `row_id`).
        kind: String,
        /// The value, as JSON.
        value: Value,
    },
}

/// The kinds [`CellValue`] names, in the order of its variants.
const TYPED_KINDS: [&str; 9] = [
    "rich_text",
    "number",
    "select",
    "date",
    "user",
    "channel",
    "email",
    "phone",
    "checkbox",
];

impl CellValue {
    /// A text column's value: one paragraph of plain `text`, as `rich_text`.
    pub fn text(text: &str) -> Self {
        CellValue::RichText(rich_text_description(text))
    }

    /// The kind of the value: the name of the field it is sent in.
    pub fn kind(&self) -> &str {
        match self {
            CellValue::RichText(_) => "rich_text",
            CellValue::Number(_) => "number",
            CellValue::Select(_) => "select",
            CellValue::Date(_) => "date",
            CellValue::User(_) => "user",
            CellValue::Channel(_) => "channel",
            CellValue::Email(_) => "email",
            CellValue::Phone(_) => "phone",
            CellValue::Checkbox(_) => "checkbox",
            CellValue::Other { kind, .. } => kind,
        }
    }

    /// The value's JSON, as it is sent under [`kind`](Self::kind).
    pub fn to_json(&self) -> Value {
        let json = match self {
            CellValue::RichText(blocks) => serde_json::to_value(blocks),
            CellValue::Number(numbers) => serde_json::to_value(numbers),
            CellValue::Select(values)
            | CellValue::Date(values)
            | CellValue::Email(values)
            | CellValue::Phone(values) => serde_json::to_value(values),
            CellValue::User(users) => serde_json::to_value(users),
            CellValue::Channel(channels) => serde_json::to_value(channels),
            CellValue::Checkbox(ticked) => Ok(Value::Bool(*ticked)),
            CellValue::Other { value, .. } => Ok(value.clone()),
        };
        // Lists of strings, numbers and ids always have a JSON form; a number that is not
        // finite becomes `null`, as serde_json writes it (a call refuses such a cell).
        json.unwrap_or(Value::Null)
    }

    /// Reads the `value` of a cell of `kind`. A kind [`CellValue`] names must have the shape
    /// Slack gives it (an error says which); any other kind is kept as it is.
    pub fn from_json(kind: &str, value: Value) -> Result<Self, String> {
        fn read<T: serde::de::DeserializeOwned>(kind: &str, value: Value) -> Result<T, String> {
            serde_json::from_value(value).map_err(|error| format!("`{kind}`: {error}"))
        }
        Ok(match kind {
            "rich_text" => CellValue::RichText(
                Blocks::from_json(value).map_err(|error| format!("`rich_text`: {error}"))?,
            ),
            "number" => CellValue::Number(read(kind, value)?),
            "select" => CellValue::Select(read(kind, value)?),
            "date" => CellValue::Date(read(kind, value)?),
            "user" => CellValue::User(read(kind, value)?),
            "channel" => CellValue::Channel(read(kind, value)?),
            "email" => CellValue::Email(read(kind, value)?),
            "phone" => CellValue::Phone(read(kind, value)?),
            "checkbox" => CellValue::Checkbox(match value {
                Value::Bool(ticked) => ticked,
                Value::Array(items) => match items.as_slice() {
                    [Value::Bool(ticked)] => *ticked,
                    _ => return Err("`checkbox`: expected true, false or a list of one".into()),
                },
                _ => return Err("`checkbox`: expected true, false or a list of one".into()),
            }),
            _ => CellValue::Other {
                kind: kind.to_owned(),
                value,
            },
        })
    }
}

/// One cell to write: its column (`Col...`), its value and, in `slackLists.items.update`, its
/// item (`row_id`, `Rec...`). Written as Slack's pages show it: `column_id`, `row_id` when
/// given, and the value under its kind.
///
/// ```
/// use slack_methods::methods::{CellValue, ListCell};
/// let title = ListCell::text("Col01", "Ship it");
/// assert_eq!(
///     serde_json::to_value(&title)?,
///     serde_json::json!({"column_id": "Col01", "rich_text": [{"type": "rich_text", "elements": [
///         {"type": "rich_text_section", "elements": [{"type": "text", "text": "Ship it"}]},
///     ]}]}),
/// );
/// let status = ListCell::new("Col02", CellValue::Select(vec!["done".into()])).row("Rec01");
/// assert_eq!(
///     serde_json::to_string(&status)?,
///     r#"{"row_id":"Rec01","column_id":"Col02","select":["done"]}"#,
/// );
/// let read: ListCell = serde_json::from_str(r#"{"column_id":"Col03","checkbox":true}"#)?;
/// assert_eq!(read.value, CellValue::Checkbox(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListCell {
    /// The item the cell belongs to (`Rec...`): required by `slackLists.items.update`, not
    /// sent by `slackLists.items.create` (the item is the new one).
    pub row_id: Option<String>,
    /// The cell's column (`Col...`).
    pub column_id: String,
    /// The cell's value.
    pub value: CellValue,
}

impl ListCell {
    /// The cell of `column_id` holding `value`, of the item being created.
    pub fn new(column_id: impl Into<String>, value: CellValue) -> Self {
        ListCell {
            row_id: None,
            column_id: column_id.into(),
            value,
        }
    }

    /// The cell of a text column holding one paragraph of plain `text`.
    pub fn text(column_id: impl Into<String>, text: &str) -> Self {
        ListCell::new(column_id, CellValue::text(text))
    }

    /// The cell of the item `row_id` (`Rec...`), as `slackLists.items.update` names it.
    pub fn row(mut self, row_id: impl Into<String>) -> Self {
        self.row_id = Some(row_id.into());
        self
    }
}

impl Serialize for ListCell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        // Written in this order (`row_id`, `column_id`, the value) whatever map type
        // serde_json is built with.
        let mut map = serializer.serialize_map(None)?;
        if let Some(row_id) = &self.row_id {
            map.serialize_entry("row_id", row_id)?;
        }
        map.serialize_entry("column_id", &self.column_id)?;
        map.serialize_entry(self.value.kind(), &self.value.to_json())?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for ListCell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut object = Map::<String, Value>::deserialize(deserializer)?;
        let text = |value: Option<Value>, name: &str| match value {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(D::Error::custom(format!("a cell's `{name}` is a string"))),
        };
        let row_id = text(object.remove("row_id"), "row_id")?;
        let column_id = text(object.remove("column_id"), "column_id")?
            .ok_or_else(|| D::Error::custom("a cell names its column in `column_id`"))?;
        let mut values = object.into_iter();
        let (Some((kind, value)), None) = (values.next(), values.next()) else {
            return Err(D::Error::custom(
                "a cell holds one value, in a field named by its column's kind (rich_text, number, select, date, user, channel, email, phone, checkbox, ...)",
            ));
        };
        let value = CellValue::from_json(&kind, value).map_err(D::Error::custom)?;
        Ok(ListCell {
            row_id,
            column_id,
            value,
        })
    }
}

impl ParamSchema for ListCell {
    fn json_schema() -> Value {
        let strings = json!({ "type": "array", "items": { "type": "string" } });
        json!({
            "type": "object",
            "properties": {
                "column_id": { "type": "string", "description": "The cell's column (Col...)." },
                "row_id": {
                    "type": "string",
                    "description": "The item the cell belongs to (Rec...); required to update, left out to create.",
                },
                "rich_text": Blocks::json_schema(),
                "number": { "type": "array", "items": { "type": "number" } },
                "select": strings,
                "date": strings,
                "user": { "type": "array", "items": UserId::json_schema() },
                "channel": { "type": "array", "items": ChannelId::json_schema() },
                "email": strings,
                "phone": strings,
                "checkbox": {
                    "anyOf": [
                        { "type": "boolean" },
                        { "type": "array", "items": { "type": "boolean" }, "minItems": 1, "maxItems": 1 },
                    ],
                },
            },
            "required": ["column_id"],
            // One value beside `column_id` (and `row_id`, when given).
            "anyOf": [
                { "required": ["row_id"], "minProperties": 3, "maxProperties": 3 },
                { "properties": { "row_id": false }, "minProperties": 2, "maxProperties": 2 },
            ],
            "description": "A cell: its column_id, its row_id to update, and one value under its column's kind: rich_text (blocks) for text, number, select (option values), date (YYYY-MM-DD), user, channel, email, phone (arrays), checkbox (a boolean), or another kind such as rating or timestamp. E.g. {\"column_id\": \"Col01\", \"select\": [\"done\"]}.",
        })
    }

    /// The shape check, then each user and channel id's own check (a shape check leaves
    /// `pattern` to the ids).
    fn check_json(value: &Value) -> Result<(), ValueError> {
        crate::check_value(&Self::json_schema(), value)?;
        let items = |kind: &str| match value.get(kind) {
            Some(Value::Array(items)) => items.as_slice(),
            _ => &[],
        };
        items("user").iter().try_for_each(UserId::check_json)?;
        items("channel")
            .iter()
            .try_for_each(ChannelId::check_json)?;
        Ok(())
    }
}

crate::slack_object! {
    /// One cell of an item as Slack answers it: its column (`key`, and `column_id` in newer
    /// answers), the older untyped `value`, a plain-text `text`, and the value under its kind
    /// (kept in [`extra`](Self::extra) with anything else Slack adds; [`cell`](Self::cell) reads
    /// it).
    ///
    /// ```
    /// use slack_methods::methods::{CellValue, ItemField};
    /// let field: ItemField = serde_json::from_str(
    ///     r#"{"key":"Col02","column_id":"Col02","value":"done","select":["done"],"text":"Done"}"#,
    /// )?;
    /// assert_eq!(field.cell(), Some(CellValue::Select(vec!["done".into()])));
    /// assert_eq!(field.text.as_deref(), Some("Done"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ItemField {
        /// The column: its id, or (in older lists) another key.
        pub key: String,
        /// The column's id (`Col...`).
        pub column_id: Option<String>,
        /// The cell's value in Slack's older, untyped form (a boolean, text or number).
        pub value: Option<Value>,
        /// The value as plain text.
        pub text: Option<String>,
    }
}

impl ItemField {
    /// The cell's typed value: the first field of a kind [`CellValue`] names; one that does
    /// not have the shape Slack's pages give it is kept as [`CellValue::Other`]. `None` when
    /// the cell has none of these kinds (a value of another kind stays in
    /// [`extra`](Self::extra), beside what else Slack adds).
    pub fn cell(&self) -> Option<CellValue> {
        TYPED_KINDS.iter().find_map(|kind| {
            let value = self.extra.get(*kind)?.clone();
            Some(
                CellValue::from_json(kind, value.clone()).unwrap_or(CellValue::Other {
                    kind: (*kind).to_owned(),
                    value,
                }),
            )
        })
    }

    /// The column's id: `column_id`, else `key`.
    pub fn column(&self) -> &str {
        self.column_id.as_deref().unwrap_or(&self.key)
    }
}

crate::slack_object! {
    /// An item of a list (a row; Slack's record), as Slack answers it.
    ///
    /// ```
    /// use slack_methods::methods::ListItem;
    /// let item: ListItem = serde_json::from_str(
    ///     r#"{"id":"Rec01","list_id":"F0123ABCD","date_created":1758744346,"created_by":"U0123ABCD","fields":[{"key":"Col01","text":"Ship it"}]}"#,
    /// )?;
    /// assert_eq!(item.id, "Rec01");
    /// assert_eq!(item.fields.first().and_then(|field| field.text.as_deref()), Some("Ship it"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListItem {
        required {
            /// The item's id (`Rec...`).
            pub id: String,
        }
        /// The list it belongs to (`F...`).
        pub list_id: Option<FileId>,
        /// When it was created, in seconds since the epoch.
        pub date_created: Option<i64>,
        /// Who created it.
        pub created_by: Option<UserId>,
        /// Who last changed it.
        pub updated_by: Option<UserId>,
        /// The item it is a subtask of (`Rec...`), for a subtask.
        pub parent_record_id: Option<String>,
        /// Whether the caller follows the item (`slackLists.items.info` with
        /// `include_is_subscribed`).
        pub is_subscribed: Option<bool>,
        /// Its cells; one that does not fit [`ItemField`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub fields: List<ItemField>,
    }
}

impl ListItem {
    /// The cell of the column `column_id`, if the item has one.
    pub fn field(&self, column_id: &str) -> Option<&ItemField> {
        self.fields.iter().find(|field| field.column() == column_id)
    }
}

crate::slack_object! {
    /// What `slackLists.items.create` answers: the new item.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListItemCreated {
        /// The new item, with its cells.
        pub item: Option<ListItem>,
    }
}

crate::slack_object! {
    /// What `slackLists.items.info` answers: the item, its list and its subtasks.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListItemInfo {
        required {
            /// The item.
            pub record: ListItem,
        }
        /// The list it belongs to, as Slack describes it (its name, columns, ...).
        pub list: Option<Map<String, Value>>,
        /// Its subtasks; one that does not fit [`ListItem`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub subtasks: List<ListItem>,
    }
}

crate::slack_object! {
    /// One page of `slackLists.items.list`: items, and the next page's cursor.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListItemsPage {
        /// The page's items; one that does not fit [`ListItem`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub items: List<ListItem>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ListItemsPage {
    type Item = Item<ListItem>;
    fn into_items(self) -> Vec<Item<ListItem>> {
        self.items.into_items()
    }
}

/// Refuses a blank id, saying which parameter holds it.
fn check_id(name: &str, id: &str) -> Result<(), InvalidRequest> {
    if id.trim().is_empty() {
        return Err(InvalidRequest::new(format!(
            "`{name}` is empty; give an item id (Rec...)"
        )));
    }
    Ok(())
}

/// Refuses a cell without its column, a value whose kind is blank or names the cell's ids
/// (it would go out as a second `column_id` or `row_id`), and a number that is not finite
/// (JSON has none: it would go out as `null`).
fn check_cell(cell: &ListCell) -> Result<(), InvalidRequest> {
    if cell.column_id.trim().is_empty() {
        return Err(InvalidRequest::new(
            "a cell's `column_id` is empty; give the id of its column (Col...)",
        ));
    }
    if let CellValue::Other { kind, .. } = &cell.value {
        if kind.trim().is_empty() || kind == "column_id" || kind == "row_id" {
            return Err(InvalidRequest::new(format!(
                "the cell of column `{}` holds a value of kind `{kind}`, which is no value's field; name the kind of its column (rating, timestamp, ...)",
                cell.column_id
            )));
        }
    }
    if let CellValue::Number(numbers) = &cell.value {
        if let Some(number) = numbers.iter().find(|number| !number.is_finite()) {
            return Err(InvalidRequest::new(format!(
                "the cell of column `{}` holds the number {number}, which JSON cannot carry; give finite numbers",
                cell.column_id
            )));
        }
    }
    Ok(())
}

/// `slackLists.items.create`: adds an item to a list, with values for some of its columns
/// (`initial_fields`, one cell a column; a text column's value is rich text), as a copy of
/// another item (`duplicated_item_id`), or as a subtask of an item (`parent_item_id`). Scope
/// `lists:write` (Slack's page; Slack's tables name none). Slack answers the new item with its
/// cells. A cell without its column, or with a number that is not finite, is refused before
/// sending.
///
/// ```
/// use slack_methods::methods::{CellValue, ListCell, SlackListsItemsCreate};
/// use slack_methods::FileId;
/// let task = SlackListsItemsCreate::new(FileId::new("F0123ABCD")?)
///     .fields([ListCell::new("Col02", CellValue::Select(vec!["todo".into()]))])
///     .subtask_of("Rec01");
/// assert_eq!(
///     slack_methods::encode_params(&task)?,
///     "list_id=F0123ABCD&parent_item_id=Rec01&initial_fields=%5B%7B%22column_id%22%3A%22Col02%22%2C%22select%22%3A%5B%22todo%22%5D%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.create",
    scope = "lists:write",
    response = ListItemCreated,
    validate = SlackListsItemsCreate::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsCreate {
    /// The list to add the item to (`F...`).
    pub list_id: FileId,
    /// An item to copy (`Rec...`): the new item takes its values.
    pub duplicated_item_id: Option<String>,
    /// The item the new one is a subtask of (`Rec...`).
    pub parent_item_id: Option<String>,
    /// The new item's values, one cell a column, each naming its column; sent as JSON text.
    #[slack(json)]
    pub initial_fields: Option<Vec<ListCell>>,
}

impl SlackListsItemsCreate {
    /// An empty item of the list `list_id`.
    pub fn new(list_id: FileId) -> Self {
        SlackListsItemsCreate {
            list_id,
            duplicated_item_id: None,
            parent_item_id: None,
            initial_fields: None,
        }
    }

    /// The item's values, one cell a column.
    pub fn fields(mut self, cells: impl IntoIterator<Item = ListCell>) -> Self {
        self.initial_fields = Some(cells.into_iter().collect());
        self
    }

    /// Makes the item a copy of the item `item_id` (`Rec...`).
    pub fn copy_of(mut self, item_id: impl Into<String>) -> Self {
        self.duplicated_item_id = Some(item_id.into());
        self
    }

    /// Makes the item a subtask of the item `item_id` (`Rec...`).
    pub fn subtask_of(mut self, item_id: impl Into<String>) -> Self {
        self.parent_item_id = Some(item_id.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if let Some(id) = &self.duplicated_item_id {
            check_id("duplicated_item_id", id)?;
        }
        if let Some(id) = &self.parent_item_id {
            check_id("parent_item_id", id)?;
        }
        self.initial_fields
            .iter()
            .flatten()
            .try_for_each(check_cell)
    }
}

/// `slackLists.items.info`: reads one item of a list, with its list and its subtasks;
/// `include_is_subscribed` adds whether the caller follows it. Scope `lists:read` (Slack's
/// page; Slack's tables name none). A read, though sent by POST as Slack's SDK sends it.
///
/// ```
/// use slack_methods::methods::SlackListsItemsInfo;
/// use slack_methods::FileId;
/// let info = SlackListsItemsInfo::new(FileId::new("F0123ABCD")?, "Rec01").with_subscription();
/// assert_eq!(
///     slack_methods::encode_params(&info)?,
///     "list_id=F0123ABCD&id=Rec01&include_is_subscribed=true",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.info",
    scope = "lists:read",
    writes = false,
    response = ListItemInfo,
    validate = SlackListsItemsInfo::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsInfo {
    /// The list (`F...`).
    pub list_id: FileId,
    /// The item (`Rec...`).
    pub id: String,
    /// Whether to say if the caller follows the item.
    pub include_is_subscribed: Option<bool>,
}

impl SlackListsItemsInfo {
    /// The item `id` (`Rec...`) of the list `list_id`.
    pub fn new(list_id: FileId, id: impl Into<String>) -> Self {
        SlackListsItemsInfo {
            list_id,
            id: id.into(),
            include_is_subscribed: None,
        }
    }

    /// Asks whether the caller follows the item.
    pub fn with_subscription(mut self) -> Self {
        self.include_is_subscribed = Some(true);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_id("id", &self.id)
    }
}

/// `slackLists.items.list`: the items of a list, a page at a time (cursor paging:
/// `client.pages` and `client.items` follow it), its archived items instead with `archived`.
/// Scope `lists:read` (Slack's page; Slack's tables name none). A read, though sent by POST as
/// Slack's SDK sends it.
///
/// ```
/// use slack_methods::methods::SlackListsItemsList;
/// use slack_methods::FileId;
/// let page = SlackListsItemsList::new(FileId::new("F0123ABCD")?).limit(50);
/// assert_eq!(slack_methods::encode_params(&page)?, "list_id=F0123ABCD&limit=50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.list",
    scope = "lists:read",
    writes = false,
    response = ListItemsPage
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsList {
    /// The list (`F...`).
    pub list_id: FileId,
    /// The most items on one page (Slack may answer fewer, even on a page that is not the
    /// last).
    pub limit: Option<u32>,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether to list the archived items instead of the others.
    pub archived: Option<bool>,
}

impl SlackListsItemsList {
    /// The first page of the items of the list `list_id`.
    pub fn new(list_id: FileId) -> Self {
        SlackListsItemsList {
            list_id,
            limit: None,
            cursor: None,
            archived: None,
        }
    }

    /// At most `limit` items a page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Lists the archived items instead of the others.
    pub fn archived(mut self) -> Self {
        self.archived = Some(true);
        self
    }
}

/// `slackLists.items.update`: writes cells of a list's items, each naming its item
/// (`row_id`), its column and its value (the value replaces the cell's). Scope `lists:write`
/// (Slack's page; Slack's tables name none). No cells, a cell without its item or without its
/// column, and a number that is not finite are refused before sending. Slack answers nothing
/// more than `ok`.
///
/// ```
/// use slack_methods::methods::{CellValue, ListCell, SlackListsItemsUpdate};
/// use slack_methods::FileId;
/// let done = SlackListsItemsUpdate::new(
///     FileId::new("F0123ABCD")?,
///     [ListCell::new("Col03", CellValue::Checkbox(true)).row("Rec01")],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&done)?,
///     "list_id=F0123ABCD&cells=%5B%7B%22row_id%22%3A%22Rec01%22%2C%22column_id%22%3A%22Col03%22%2C%22checkbox%22%3Atrue%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.update",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsItemsUpdate::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsUpdate {
    /// The list (`F...`).
    pub list_id: FileId,
    /// The cells to write, each naming its item (`row_id`) and its column; sent as JSON text.
    #[slack(json)]
    pub cells: Vec<ListCell>,
}

impl SlackListsItemsUpdate {
    /// Writes `cells` (each with its [`row`](ListCell::row)) in the list `list_id`.
    pub fn new(list_id: FileId, cells: impl IntoIterator<Item = ListCell>) -> Self {
        SlackListsItemsUpdate {
            list_id,
            cells: cells.into_iter().collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.cells.is_empty() {
            return Err(InvalidRequest::new(
                "`cells` is empty; give at least one cell to write",
            ));
        }
        for cell in &self.cells {
            check_cell(cell)?;
            match &cell.row_id {
                Some(row_id) => check_id("row_id", row_id)?,
                None => {
                    return Err(InvalidRequest::new(format!(
                        "the cell of column `{}` names no item; give its `row_id` (Rec...)",
                        cell.column_id
                    )))
                }
            }
        }
        Ok(())
    }
}

/// `slackLists.items.delete`: deletes one item of a list. Scope `lists:write` (Slack's page;
/// Slack's tables name none). A destructive tool, by its name.
///
/// ```
/// use slack_methods::methods::SlackListsItemsDelete;
/// use slack_methods::FileId;
/// let delete = SlackListsItemsDelete::new(FileId::new("F0123ABCD")?, "Rec01");
/// assert_eq!(slack_methods::encode_params(&delete)?, "list_id=F0123ABCD&id=Rec01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.delete",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsItemsDelete::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsDelete {
    /// The list (`F...`).
    pub list_id: FileId,
    /// The item to delete (`Rec...`).
    pub id: String,
}

impl SlackListsItemsDelete {
    /// Deletes the item `id` (`Rec...`) of the list `list_id`.
    pub fn new(list_id: FileId, id: impl Into<String>) -> Self {
        SlackListsItemsDelete {
            list_id,
            id: id.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_id("id", &self.id)
    }
}

/// `slackLists.items.deleteMultiple`: deletes several items of a list at once. Scope
/// `lists:write` (Slack's page; Slack's tables name none). No ids, or a blank one, are refused
/// before sending. A destructive tool, by its name.
///
/// ```
/// use slack_methods::methods::SlackListsItemsDeleteMultiple;
/// use slack_methods::FileId;
/// let delete = SlackListsItemsDeleteMultiple::new(FileId::new("F0123ABCD")?, ["Rec01", "Rec02"]);
/// assert_eq!(
///     slack_methods::encode_params(&delete)?,
///     "list_id=F0123ABCD&ids=%5B%22Rec01%22%2C%22Rec02%22%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.items.deleteMultiple",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsItemsDeleteMultiple::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsItemsDeleteMultiple {
    /// The list (`F...`).
    pub list_id: FileId,
    /// The items to delete (`Rec...`); sent as JSON text.
    #[slack(json)]
    pub ids: Vec<String>,
}

impl SlackListsItemsDeleteMultiple {
    /// Deletes the items `ids` (`Rec...`) of the list `list_id`.
    pub fn new<I: Into<String>>(list_id: FileId, ids: impl IntoIterator<Item = I>) -> Self {
        SlackListsItemsDeleteMultiple {
            list_id,
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.ids.is_empty() {
            return Err(InvalidRequest::new(
                "`ids` is empty; give the ids of the items to delete",
            ));
        }
        match self.ids.iter().position(|id| id.trim().is_empty()) {
            Some(index) => Err(InvalidRequest::new(format!(
                "`ids` {index} is empty; give each item's id (Rec...)"
            ))),
            None => Ok(()),
        }
    }
}
