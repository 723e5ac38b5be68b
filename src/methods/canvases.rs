//! Canvases: `canvases.create` (a standalone canvas), `conversations.canvases.create` (a
//! channel's own canvas), `canvases.edit`, `canvases.delete`, `canvases.sections.lookup`,
//! which finds the sections an edit names, and `canvases.access.set` and
//! `canvases.access.delete`, which share a standalone canvas with channels or users and take
//! that back.
//!
//! A canvas's content is markdown, sent as a [`DocumentContent`] (`{"type": "markdown",
//! "markdown": ".."}`, the only type Slack takes) in a form field as JSON text; an edit is one
//! [`CanvasChange`], whose variants carry exactly the fields each operation needs. A canvas is a
//! file to Slack: its id is a [`FileId`] (`F...`).

use super::Acknowledged;
use crate::types::List;
use crate::{
    check_value, slack_method, ChannelId, FileId, InvalidRequest, ParamSchema, UserId, ValueError,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// A canvas's content (or, for [`CanvasChange::Rename`], its title): markdown, the one type of
/// content Slack takes. Sent as `{"type":"markdown","markdown":".."}`.
///
/// Slack's canvases take headings (`#` to `###`), bold, italic, strikethrough, lists and
/// checklists, code, quotes, tables, dividers, links, emoji and mentions.
///
/// ```
/// use slack_methods::methods::DocumentContent;
/// let content = DocumentContent::markdown("# Runbook\nRestart the *worker*.");
/// assert_eq!(
///     serde_json::to_string(&content)?,
///     r##"{"type":"markdown","markdown":"# Runbook\nRestart the *worker*."}"##,
/// );
/// assert_eq!(content.text(), "# Runbook\nRestart the *worker*.");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum DocumentContent {
    /// Markdown text.
    Markdown {
        /// The markdown.
        markdown: String,
    },
}

impl DocumentContent {
    /// Content written in markdown.
    pub fn markdown(text: impl Into<String>) -> Self {
        DocumentContent::Markdown {
            markdown: text.into(),
        }
    }

    /// The content's text (its markdown).
    pub fn text(&self) -> &str {
        match self {
            DocumentContent::Markdown { markdown } => markdown,
        }
    }
}

impl ParamSchema for DocumentContent {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "type": { "const": "markdown", "description": "Always `markdown`." },
                "markdown": { "type": "string", "description": "The content, in markdown." },
            },
            "required": ["type", "markdown"],
            "additionalProperties": false,
            "description": "Content in markdown: {\"type\": \"markdown\", \"markdown\": \"...\"}.",
        })
    }
}

/// One edit of a canvas (`canvases.edit`'s `changes`), by its `operation`. Each variant holds
/// what its operation needs, so none can be sent without it: a `section_id` for the operations
/// relative to a section (found with `canvases.sections.lookup`), `document_content` for those
/// that write content, `title_content` for a new title.
///
/// ```
/// use slack_methods::methods::{CanvasChange, DocumentContent};
/// let append = CanvasChange::insert_at_end(DocumentContent::markdown("- [ ] Call the vendor"));
/// assert_eq!(
///     serde_json::to_string(&append)?,
///     r#"{"operation":"insert_at_end","document_content":{"type":"markdown","markdown":"- [ ] Call the vendor"}}"#,
/// );
/// let drop = CanvasChange::delete("temp:C:AAAAAAAAAAA");
/// assert_eq!(
///     serde_json::to_string(&drop)?,
///     r#"{"operation":"delete","section_id":"temp:C:AAAAAAAAAAA"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "operation", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CanvasChange {
    /// Inserts content after a section.
    InsertAfter {
        /// The section the content goes after.
        section_id: String,
        /// The content.
        document_content: DocumentContent,
    },
    /// Inserts content before a section.
    InsertBefore {
        /// The section the content goes before.
        section_id: String,
        /// The content.
        document_content: DocumentContent,
    },
    /// Inserts content at the start of the canvas.
    InsertAtStart {
        /// The content.
        document_content: DocumentContent,
    },
    /// Inserts content at the end of the canvas.
    InsertAtEnd {
        /// The content.
        document_content: DocumentContent,
    },
    /// Replaces one section, or without a `section_id` the whole canvas.
    Replace {
        /// The section replaced; `None` replaces the whole canvas.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        section_id: Option<String>,
        /// The new content.
        document_content: DocumentContent,
    },
    /// Deletes a section (a whole canvas goes with `canvases.delete`).
    Delete {
        /// The section deleted.
        section_id: String,
    },
    /// Gives the canvas a new title.
    Rename {
        /// The new title, as markdown content.
        title_content: DocumentContent,
    },
}

impl CanvasChange {
    /// Inserts `content` after the section `section_id`.
    pub fn insert_after(section_id: impl Into<String>, content: DocumentContent) -> Self {
        CanvasChange::InsertAfter {
            section_id: section_id.into(),
            document_content: content,
        }
    }

    /// Inserts `content` before the section `section_id`.
    pub fn insert_before(section_id: impl Into<String>, content: DocumentContent) -> Self {
        CanvasChange::InsertBefore {
            section_id: section_id.into(),
            document_content: content,
        }
    }

    /// Inserts `content` at the start of the canvas.
    pub fn insert_at_start(content: DocumentContent) -> Self {
        CanvasChange::InsertAtStart {
            document_content: content,
        }
    }

    /// Inserts `content` at the end of the canvas.
    pub fn insert_at_end(content: DocumentContent) -> Self {
        CanvasChange::InsertAtEnd {
            document_content: content,
        }
    }

    /// Replaces the section `section_id` with `content`.
    pub fn replace_section(section_id: impl Into<String>, content: DocumentContent) -> Self {
        CanvasChange::Replace {
            section_id: Some(section_id.into()),
            document_content: content,
        }
    }

    /// Replaces the whole canvas with `content`.
    pub fn replace_all(content: DocumentContent) -> Self {
        CanvasChange::Replace {
            section_id: None,
            document_content: content,
        }
    }

    /// Deletes the section `section_id`.
    pub fn delete(section_id: impl Into<String>) -> Self {
        CanvasChange::Delete {
            section_id: section_id.into(),
        }
    }

    /// Renames the canvas to `title`.
    pub fn rename(title: impl Into<String>) -> Self {
        CanvasChange::Rename {
            title_content: DocumentContent::markdown(title),
        }
    }

    /// The `operation` as Slack names it (`insert_after`, ...).
    pub fn operation(&self) -> &'static str {
        match self {
            CanvasChange::InsertAfter { .. } => "insert_after",
            CanvasChange::InsertBefore { .. } => "insert_before",
            CanvasChange::InsertAtStart { .. } => "insert_at_start",
            CanvasChange::InsertAtEnd { .. } => "insert_at_end",
            CanvasChange::Replace { .. } => "replace",
            CanvasChange::Delete { .. } => "delete",
            CanvasChange::Rename { .. } => "rename",
        }
    }

    /// The section the change is relative to, if any.
    pub fn section_id(&self) -> Option<&str> {
        match self {
            CanvasChange::InsertAfter { section_id, .. }
            | CanvasChange::InsertBefore { section_id, .. }
            | CanvasChange::Delete { section_id } => Some(section_id),
            CanvasChange::Replace { section_id, .. } => section_id.as_deref(),
            CanvasChange::InsertAtStart { .. }
            | CanvasChange::InsertAtEnd { .. }
            | CanvasChange::Rename { .. } => None,
        }
    }
}

/// Each `operation` of a [`CanvasChange`], with the fields it needs and those it may have.
const OPERATIONS: [(&str, &[&str], &[&str]); 7] = [
    ("insert_after", &["section_id", "document_content"], &[]),
    ("insert_before", &["section_id", "document_content"], &[]),
    ("insert_at_start", &["document_content"], &[]),
    ("insert_at_end", &["document_content"], &[]),
    ("replace", &["document_content"], &["section_id"]),
    ("delete", &["section_id"], &[]),
    ("rename", &["title_content"], &[]),
];

/// The schema of one change whose `operation` is `operation`, needing the fields `required`
/// and taking `optional` ones (which may also be `null`, left out as the typed change leaves
/// them).
fn change_shape(operation: &str, required: &[&str], optional: &[&str]) -> Value {
    let section = || json!({ "type": "string", "description": "A section's id, from `canvases.sections.lookup`." });
    let mut properties = serde_json::Map::new();
    properties.insert("operation".into(), json!({ "const": operation }));
    for name in required {
        let schema = match *name {
            "section_id" => section(),
            _ => DocumentContent::json_schema(),
        };
        properties.insert((*name).into(), schema);
    }
    for name in optional {
        let schema = match *name {
            "section_id" => section(),
            _ => DocumentContent::json_schema(),
        };
        properties.insert(
            (*name).into(),
            json!({ "anyOf": [schema, { "type": "null" }] }),
        );
    }
    let mut all = vec!["operation"];
    all.extend_from_slice(required);
    json!({
        "type": "object",
        "properties": properties,
        "required": all,
        "additionalProperties": false,
    })
}

impl ParamSchema for CanvasChange {
    fn json_schema() -> Value {
        let shapes: Vec<Value> = OPERATIONS
            .iter()
            .map(|(operation, required, optional)| change_shape(operation, required, optional))
            .collect();
        json!({
            "anyOf": shapes,
            "description": "One edit: its `operation` and what that operation needs.",
        })
    }

    /// Checks the change against the shape of its `operation`, so a mistake is named (an
    /// unknown `operation`, a missing field, content of another `type`) rather than the change
    /// fitting none of the shapes.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        let names = || {
            let names: Vec<String> = OPERATIONS
                .iter()
                .map(|(operation, ..)| format!("`{operation}`"))
                .collect();
            names.join(", ")
        };
        let Value::Object(change) = value else {
            return Err(ValueError::new(format!(
                "expected a change (an object with an `operation`), found {value}"
            )));
        };
        let Some(operation) = change.get("operation") else {
            return Err(ValueError::new(format!(
                "`operation` is missing: give one of {}",
                names()
            )));
        };
        match OPERATIONS
            .iter()
            .find(|(name, ..)| operation.as_str() == Some(*name))
        {
            Some((name, required, optional)) => {
                check_value(&change_shape(name, required, optional), value)
            }
            None => Err(ValueError::new(format!(
                "unknown `operation` {operation}: give one of {}",
                names()
            ))),
        }
    }
}

crate::slack_object! {
    /// What `canvases.create` and `conversations.canvases.create` answer: the new canvas's id.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct CanvasCreated {
        required {
            /// The new canvas's id (`F...`).
            pub canvas_id: FileId,
        }
    }
}

/// `canvases.create`: a new standalone canvas owned by the caller, with a title and markdown
/// content; with `channel_id`, also added as a tab in that channel (which Slack requires on
/// free teams). The answer is the canvas's id. Others see it once it is shared
/// (`canvases.access.set`) or tabbed in a channel.
///
/// ```
/// use slack_methods::methods::{CanvasesCreate, DocumentContent};
/// let runbook = CanvasesCreate::new(DocumentContent::markdown("# Steps\n1. Page the on-call"))
///     .title("Runbook");
/// assert_eq!(
///     slack_methods::encode_params(&runbook)?,
///     "document_content=%7B%22type%22%3A%22markdown%22%2C%22markdown%22%3A%22%23+Steps%5Cn1.+Page+the+on-call%22%7D\
///      &title=Runbook",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "canvases.create",
    scope = "canvases:write",
    response = CanvasCreated
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesCreate {
    /// The canvas's content, markdown (`{"type": "markdown", "markdown": "..."}`), sent as JSON
    /// text.
    #[slack(json)]
    pub document_content: DocumentContent,
    /// The canvas's title; without one it is untitled.
    pub title: Option<String>,
    /// A channel to add the canvas to as a tab (required on free teams).
    #[slack(unchecked)]
    pub channel_id: Option<ChannelId>,
}

impl CanvasesCreate {
    /// An untitled canvas holding `content`.
    pub fn new(content: DocumentContent) -> Self {
        CanvasesCreate {
            document_content: content,
            title: None,
            channel_id: None,
        }
    }

    /// Titles the canvas.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Adds the canvas as a tab in `channel`.
    pub fn in_channel(mut self, channel: ChannelId) -> Self {
        self.channel_id = Some(channel);
        self
    }
}

/// `conversations.canvases.create`: the channel's own canvas, which every member of the
/// channel can open (access follows the channel's; nothing to share). A channel has at most
/// one: a second answers `channel_canvas_already_exists` (`conversations.info` names the
/// existing one). The app must be able to see the channel: a public one, or a private one it
/// is a member of.
///
/// ```
/// use slack_methods::methods::{ConversationsCanvasesCreate, DocumentContent};
/// use slack_methods::ChannelId;
/// let hub = ConversationsCanvasesCreate::new(
///     ChannelId::new("C0123ABCD")?,
///     DocumentContent::markdown("Ask here; see the *runbook* first."),
/// );
/// assert_eq!(
///     slack_methods::encode_params(&hub)?,
///     "channel_id=C0123ABCD\
///      &document_content=%7B%22type%22%3A%22markdown%22%2C%22markdown%22%3A%22Ask+here%3B+see+the+*runbook*+first.%22%7D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.canvases.create",
    scope = "canvases:write",
    response = CanvasCreated
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsCanvasesCreate {
    /// The channel the canvas belongs to.
    pub channel_id: ChannelId,
    /// The canvas's content, markdown (`{"type": "markdown", "markdown": "..."}`), sent as JSON
    /// text.
    #[slack(json)]
    pub document_content: DocumentContent,
    /// The canvas's title.
    #[slack(unchecked)]
    pub title: Option<String>,
}

impl ConversationsCanvasesCreate {
    /// The canvas of `channel`, holding `content`.
    pub fn new(channel: ChannelId, content: DocumentContent) -> Self {
        ConversationsCanvasesCreate {
            channel_id: channel,
            document_content: content,
            title: None,
        }
    }

    /// Titles the canvas.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// `canvases.edit`: changes a canvas the caller may write to, by one change (an `operation`):
/// content inserted at the start or end or beside a section, a section (or the whole canvas)
/// replaced, a section deleted, or a new title. Slack takes one change per call for now: an
/// empty `changes`, or more than one, is refused before sending, as is a `section_id` that is
/// blank.
///
/// ```
/// use slack_methods::methods::{CanvasChange, CanvasesEdit, DocumentContent};
/// use slack_methods::FileId;
/// let edit = CanvasesEdit::new(
///     FileId::new("F0123ABCD")?,
///     CanvasChange::insert_at_end(DocumentContent::markdown("Done.")),
/// );
/// assert_eq!(
///     slack_methods::encode_params(&edit)?,
///     "canvas_id=F0123ABCD\
///      &changes=%5B%7B%22operation%22%3A%22insert_at_end%22%2C%22document_content%22%3A\
///      %7B%22type%22%3A%22markdown%22%2C%22markdown%22%3A%22Done.%22%7D%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "canvases.edit",
    scope = "canvases:write",
    response = Acknowledged,
    validate = CanvasesEdit::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesEdit {
    /// The canvas's id (`F...`).
    pub canvas_id: FileId,
    /// The change, as a JSON array of one: Slack takes one change per call for now.
    #[slack(json)]
    pub changes: Vec<CanvasChange>,
}

impl CanvasesEdit {
    /// Applies `change` to the canvas `canvas_id`.
    pub fn new(canvas_id: FileId, change: CanvasChange) -> Self {
        CanvasesEdit {
            canvas_id,
            changes: vec![change],
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        let change = match self.changes.as_slice() {
            [] => {
                return Err(InvalidRequest::new(
                    "`changes` is empty: an edit needs one change",
                ))
            }
            [change] => change,
            more => {
                return Err(InvalidRequest::new(format!(
                    "{} `changes`: Slack applies one change per call; send them one by one",
                    more.len()
                )))
            }
        };
        if change.section_id().is_some_and(|id| id.trim().is_empty()) {
            return Err(InvalidRequest::new(format!(
                "`section_id` is blank: `{}` needs the id of a section (`canvases.sections.lookup` finds it)",
                change.operation()
            )));
        }
        Ok(())
    }
}

/// `canvases.delete`: deletes a canvas for good (there is no undo). An unknown canvas, or one
/// the caller cannot see, is `canvas_not_found`.
///
/// ```
/// use slack_methods::methods::CanvasesDelete;
/// use slack_methods::FileId;
/// let gone = CanvasesDelete::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&gone)?, "canvas_id=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("canvases.delete", scope = "canvases:write", response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesDelete {
    /// The canvas's id (`F...`).
    pub canvas_id: FileId,
}

impl CanvasesDelete {
    /// Deletes `canvas_id`.
    pub fn of(canvas_id: FileId) -> Self {
        CanvasesDelete { canvas_id }
    }
}

/// A kind of section `canvases.sections.lookup` can look for: a heading of a level, or any
/// heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum SectionType {
    /// A heading of any level.
    #[serde(rename = "any_header")]
    AnyHeader,
    /// A first-level heading (`#`).
    #[serde(rename = "h1")]
    H1,
    /// A second-level heading (`##`).
    #[serde(rename = "h2")]
    H2,
    /// A third-level heading (`###`).
    #[serde(rename = "h3")]
    H3,
}

/// What `canvases.sections.lookup` looks for: sections of some types, sections containing some
/// text, or both at once. Without `section_types`, Slack also answers sections of kinds it
/// cannot filter by (paragraphs and the like).
///
/// ```
/// use slack_methods::methods::{SectionCriteria, SectionType};
/// let criteria = SectionCriteria::headings([SectionType::H1, SectionType::H2]).containing("Grocery List");
/// assert_eq!(
///     serde_json::to_string(&criteria)?,
///     r#"{"section_types":["h1","h2"],"contains_text":"Grocery List"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SectionCriteria {
    /// The kinds of section to find; `None` means any kind. An empty list is refused before
    /// sending: Slack would read it as any kind, which finds more sections than asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_types: Option<Vec<SectionType>>,
    /// Text the sections must contain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains_text: Option<String>,
}

impl SectionCriteria {
    /// Sections of the kinds `types` (at least one: an empty list is refused before sending).
    pub fn headings(types: impl IntoIterator<Item = SectionType>) -> Self {
        SectionCriteria {
            section_types: Some(types.into_iter().collect()),
            contains_text: None,
        }
    }

    /// Sections of any kind that contain `text`.
    pub fn text(text: impl Into<String>) -> Self {
        SectionCriteria::default().containing(text)
    }

    /// Narrows the criteria to sections that contain `text`.
    pub fn containing(mut self, text: impl Into<String>) -> Self {
        self.contains_text = Some(text.into());
        self
    }
}

impl ParamSchema for SectionCriteria {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "section_types": {
                    "type": "array",
                    "items": { "enum": ["any_header", "h1", "h2", "h3"] },
                    "minItems": 1,
                    "description": "The kinds of section to find: headings of a level, or any heading. Leave it out to find sections of any kind.",
                },
                "contains_text": {
                    "anyOf": [{ "type": "string" }, { "type": "null" }],
                    "description": "Text the sections must contain.",
                },
            },
            "additionalProperties": false,
            "description": "What to look for: section types, text, or both.",
        })
    }
}

/// `canvases.sections.lookup`: the ids of a canvas's sections that match `criteria`, for
/// `canvases.edit` to insert beside, replace or delete. A canvas the caller cannot see is
/// `canvas_not_found`.
///
/// ```
/// use slack_methods::methods::{CanvasesSectionsLookup, SectionCriteria, SectionType};
/// use slack_methods::FileId;
/// let find = CanvasesSectionsLookup::new(
///     FileId::new("F0123ABCD")?,
///     SectionCriteria::headings([SectionType::AnyHeader]).containing("Contacts"),
/// );
/// assert_eq!(
///     slack_methods::encode_params(&find)?,
///     "canvas_id=F0123ABCD\
///      &criteria=%7B%22section_types%22%3A%5B%22any_header%22%5D%2C%22contains_text%22%3A%22Contacts%22%7D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "canvases.sections.lookup",
    scope = "canvases:read",
    writes = false,
    response = CanvasesSectionsLookupResponse,
    validate = check_lookup
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesSectionsLookup {
    /// The canvas's id (`F...`).
    pub canvas_id: FileId,
    /// What to look for (`section_types`, `contains_text`), sent as JSON text.
    #[slack(json)]
    pub criteria: SectionCriteria,
}

/// Refuses `section_types` given as an empty list: Slack reads it as no filter, and answers
/// sections of every kind, which a following `canvases.edit` would then change.
fn check_lookup(lookup: &CanvasesSectionsLookup) -> Result<(), InvalidRequest> {
    super::check_filter(
        "criteria.section_types",
        lookup.criteria.section_types.as_deref(),
        "kind of section",
    )
}

impl CanvasesSectionsLookup {
    /// The sections of `canvas_id` that match `criteria`.
    pub fn new(canvas_id: FileId, criteria: SectionCriteria) -> Self {
        CanvasesSectionsLookup {
            canvas_id,
            criteria,
        }
    }
}

crate::slack_object! {
    /// One section `canvases.sections.lookup` found.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct CanvasSection {
        required {
            /// The section's id, for `canvases.edit`.
            pub id: String,
        }
    }
}

crate::slack_object! {
    /// What `canvases.sections.lookup` answers: the matching sections, in the canvas's order.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct CanvasesSectionsLookupResponse {
        /// The sections; one that does not fit [`CanvasSection`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub sections: List<CanvasSection>,
    }
}

/// The most channels, or users, one `canvases.access.set` or `canvases.access.delete` call
/// names: 20 (Slack's pages: 1 to 20).
pub const MAX_CANVAS_ACCESS_IDS: usize = 20;

/// The access `canvases.access.set` gives: `read`, `write` (read and write) or `owner` (the
/// canvas changes hands; for one user, and only its owner may give it).
///
/// ```
/// use slack_methods::methods::CanvasAccessLevel;
/// assert_eq!(CanvasAccessLevel::Write.as_str(), "write");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CanvasAccessLevel {
    /// May open and read the canvas (`read`).
    Read,
    /// May read and edit the canvas (`write`).
    Write,
    /// Owns the canvas (`owner`): for a user, given by the canvas's owner.
    Owner,
}

wire_enum!(
    CanvasAccessLevel,
    "level",
    "read, write (read and edit), or owner (one user; only the canvas's owner may give it).",
    {
        Read => "read",
        Write => "write",
        Owner => "owner",
    }
);

/// One list of `canvases.access.*` targets Slack accepts: 1 to [`MAX_CANVAS_ACCESS_IDS`] ids.
fn check_targets<T>(name: &str, ids: Option<&[T]>) -> Result<(), InvalidRequest> {
    match ids.map(<[T]>::len) {
        Some(0) => Err(InvalidRequest::new(format!(
            "`{name}` is empty: name 1 to {MAX_CANVAS_ACCESS_IDS}, or leave it out"
        ))),
        Some(n) if n > MAX_CANVAS_ACCESS_IDS => Err(InvalidRequest::new(format!(
            "{n} `{name}`: Slack takes at most {MAX_CANVAS_ACCESS_IDS} a call; split them"
        ))),
        _ => Ok(()),
    }
}

/// `canvases.access.set`: gives channels or users (one of the two lists, not both) access to a
/// standalone canvas: `read`, `write`, or `owner` for one user. A channel's members get the
/// channel's access; a regular channel only, not a direct message (share with its users
/// instead). A channel's own canvas follows its channel and cannot be shared
/// (`canvas_not_found`). Each list holds at most 20 ids; a missing, empty or doubled list, too
/// many ids, or `owner` for channels, is refused before sending.
///
/// ```
/// use slack_methods::methods::{CanvasAccessLevel, CanvasesAccessSet};
/// use slack_methods::{ChannelId, FileId, UserId};
/// let share = CanvasesAccessSet::for_channels(
///     FileId::new("F0123ABCD")?,
///     CanvasAccessLevel::Write,
///     [ChannelId::new("C0123ABCD")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&share)?,
///     "canvas_id=F0123ABCD&access_level=write&channel_ids=C0123ABCD",
/// );
/// let readers = CanvasesAccessSet::for_users(
///     FileId::new("F0123ABCD")?,
///     CanvasAccessLevel::Read,
///     [UserId::new("U0123ABCD")?, UserId::new("U0456EFGH")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&readers)?,
///     "canvas_id=F0123ABCD&access_level=read&user_ids=U0123ABCD%2CU0456EFGH",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "canvases.access.set",
    scope = "canvases:write",
    response = Acknowledged,
    validate = CanvasesAccessSet::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesAccessSet {
    /// The canvas's id (`F...`).
    pub canvas_id: FileId,
    /// The access to give: `read`, `write`, or `owner` (for one user).
    pub access_level: CanvasAccessLevel,
    /// The channels to give it to (at most 20; regular channels, not direct messages); not
    /// with `user_ids`.
    pub channel_ids: Option<Vec<ChannelId>>,
    /// The users to give it to (at most 20); not with `channel_ids`.
    pub user_ids: Option<Vec<UserId>>,
}

impl CanvasesAccessSet {
    /// Gives the members of `channels` `level` access to `canvas_id`.
    pub fn for_channels(
        canvas_id: FileId,
        level: CanvasAccessLevel,
        channels: impl IntoIterator<Item = ChannelId>,
    ) -> Self {
        CanvasesAccessSet {
            canvas_id,
            access_level: level,
            channel_ids: Some(channels.into_iter().collect()),
            user_ids: None,
        }
    }

    /// Gives `users` `level` access to `canvas_id`.
    pub fn for_users(
        canvas_id: FileId,
        level: CanvasAccessLevel,
        users: impl IntoIterator<Item = UserId>,
    ) -> Self {
        CanvasesAccessSet {
            canvas_id,
            access_level: level,
            channel_ids: None,
            user_ids: Some(users.into_iter().collect()),
        }
    }

    /// Makes `user` the owner of `canvas_id` (the caller must own it).
    pub fn owner(canvas_id: FileId, user: UserId) -> Self {
        Self::for_users(canvas_id, CanvasAccessLevel::Owner, [user])
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match (&self.channel_ids, &self.user_ids) {
            (None, None) => {
                return Err(InvalidRequest::new(
                    "give `channel_ids` or `user_ids`: whom to share the canvas with (Slack answers `invalid_parameters`)",
                ))
            }
            (Some(_), Some(_)) => {
                return Err(InvalidRequest::new(
                    "`channel_ids` and `user_ids` cannot be sent together (Slack answers `invalid_parameters`): make one call for each",
                ))
            }
            _ => {}
        }
        if self.access_level == CanvasAccessLevel::Owner {
            if self.channel_ids.is_some() {
                return Err(InvalidRequest::new(
                    "only a user can own a canvas: `owner` takes `user_ids` (Slack answers `invalid_arguments`)",
                ));
            }
            let users = self.user_ids.as_deref().map_or(0, <[UserId]>::len);
            if users > 1 {
                return Err(InvalidRequest::new(format!(
                    "a canvas has one owner: `owner` takes one user in `user_ids`, not {users}"
                )));
            }
        }
        check_targets("channel_ids", self.channel_ids.as_deref())?;
        check_targets("user_ids", self.user_ids.as_deref())
    }
}

/// `canvases.access.delete`: takes back the access channels or users were given to a
/// standalone canvas. A user who reads it through a channel keeps that access: it goes with
/// the channel's. Each list holds at most 20 ids; with neither list, an empty one or too many
/// ids, the call is refused before sending.
///
/// ```
/// use slack_methods::methods::CanvasesAccessDelete;
/// use slack_methods::{ChannelId, FileId};
/// let unshare = CanvasesAccessDelete::for_channels(
///     FileId::new("F0123ABCD")?,
///     [ChannelId::new("C0123ABCD")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&unshare)?,
///     "canvas_id=F0123ABCD&channel_ids=C0123ABCD",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "canvases.access.delete",
    scope = "canvases:write",
    response = Acknowledged,
    validate = CanvasesAccessDelete::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CanvasesAccessDelete {
    /// The canvas's id (`F...`).
    pub canvas_id: FileId,
    /// The channels whose access ends (at most 20).
    pub channel_ids: Option<Vec<ChannelId>>,
    /// The users whose access ends (at most 20).
    pub user_ids: Option<Vec<UserId>>,
}

impl CanvasesAccessDelete {
    /// Ends the access of `channels` to `canvas_id`.
    pub fn for_channels(canvas_id: FileId, channels: impl IntoIterator<Item = ChannelId>) -> Self {
        CanvasesAccessDelete {
            canvas_id,
            channel_ids: Some(channels.into_iter().collect()),
            user_ids: None,
        }
    }

    /// Ends the access of `users` to `canvas_id`.
    pub fn for_users(canvas_id: FileId, users: impl IntoIterator<Item = UserId>) -> Self {
        CanvasesAccessDelete {
            canvas_id,
            channel_ids: None,
            user_ids: Some(users.into_iter().collect()),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.channel_ids.is_none() && self.user_ids.is_none() {
            return Err(InvalidRequest::new(
                "give `channel_ids` or `user_ids`: whose access to end (Slack answers `invalid_parameters`)",
            ));
        }
        check_targets("channel_ids", self.channel_ids.as_deref())?;
        check_targets("user_ids", self.user_ids.as_deref())
    }
}
