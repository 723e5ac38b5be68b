//! The Slack objects that responses carry and requests send: messages, users, conversations,
//! files, views, teams, user groups, reactions, bookmarks, blocks.
//!
//! Slack adds fields, enum values and block types all the time; these types are built to keep
//! reading when it does:
//!
//! - **Unknown fields are kept.** Every object has an `extra` map with the fields it does not
//!   name, as Slack sent them.
//! - **Unknown enum values are kept.** Enums such as [`MessageSubtype`] have an `Other(String)`
//!   variant.
//! - **Blocks and attachments are JSON** ([`Block`], [`Attachment`]) with typed accessors for
//!   what is stable (a block's type, `block_id`, the text of a section or header).
//! - **One odd element never fails a page.** Lists of objects are [`List`]s: an element that does
//!   not fit its type is kept as [`Unparsed`] (its JSON and the reason), and the others parse.
//! - A missing or `null` field reads as empty (`""`, `false`, `0`, `None`, an empty list), except
//!   the ids an object cannot be without (a user's `id`, a message's `ts`), whose absence makes
//!   the object odd. An optional id or timestamp sent as `""` is `None` too (a topic nobody set
//!   has `"creator": ""`).
//!
//! ```
//! use slack_methods_runtime::types::{List, Message, MessageSubtype};
//! let page: List<Message> = serde_json::from_str(r#"[
//!     {"type":"message","ts":"1512085950.000216","user":"U012AB3CDE","text":"hello",
//!      "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hello"}}],
//!      "reactions":[{"name":"wave","count":1,"users":["U061F7AUR"]}],
//!      "new_field_from_slack":{"x":1}},
//!     {"type":"message","subtype":"huddle_thread","ts":"1512085951.000100","text":""},
//!     {"type":"message","text":"no ts: this one does not fit"}
//! ]"#)?;
//! let first = page.first().unwrap();
//! assert_eq!(first.blocks[0].text(), Some("hello"));
//! assert_eq!(first.reactions.first().unwrap().name, "wave");
//! assert_eq!(first.extra["new_field_from_slack"]["x"], 1);
//! let second = page.iter().nth(1).unwrap();
//! assert_eq!(second.subtype, Some(MessageSubtype::HuddleThread));
//! assert_eq!(page.unparsed().count(), 1);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Request-side values ([`Blocks`], [`Attachment`], [`MessageMetadata`], [`ViewPayload`]) are
//! built from typed constructors or from raw JSON, and serialize to the JSON text a binding sends
//! in a form field (`#[slack(json)]`).

// The machinery every object type is declared with.
pub(crate) mod de;

mod block;
mod bookmark;
pub(crate) mod common;
mod conversation;
mod file;
mod list;
mod message;
mod message_limits;
mod profile;
mod team;
mod timestamp;
mod user;
mod usergroup;
mod view;

pub use block::{Attachment, Block, BlockError, Blocks, Button, Text, TextType};
pub use bookmark::Bookmark;
pub use common::{Paging, ResponseMetadata, MAX_PAGE_LIMIT};
pub use conversation::{
    Conversation, ConversationKind, Topic, MAX_CHANNEL_NAME_CHARS, MAX_DM_USERS, MAX_INVITE_USERS,
    MAX_TOPIC_CHARS,
};
pub use file::{File, FileMode};
pub use list::{Item, List, Parsed, Unparsed};
pub use message::{
    BotIcons, BotProfile, Edited, Message, MessageMetadata, MessageSubtype, Reaction,
};
pub use message_limits::{
    MAX_ACTIONS_ELEMENTS, MAX_ALT_TXT_CHARS, MAX_ATTACHMENTS, MAX_CALLBACK_ID_CHARS,
    MAX_CONTEXT_ELEMENTS, MAX_EXTERNAL_ID_CHARS, MAX_HEADER_CHARS, MAX_MARKDOWN_TEXT_CHARS,
    MAX_MESSAGE_BLOCKS, MAX_PRIVATE_METADATA_CHARS, MAX_SECTION_FIELDS, MAX_SECTION_FIELD_CHARS,
    MAX_SECTION_TEXT_CHARS, MAX_SHARE_CHANNELS, MAX_TEXT_CHARS, MAX_VIEW_BLOCKS, MAX_VIEW_STACK,
    MAX_VIEW_TITLE_CHARS,
};
pub use profile::{
    CustomField, CustomFieldUpdate, Profile, ProfileUpdate, MAX_FIELD_NAME_CHARS, MAX_UPDATE_FIELDS,
};
pub use team::{Team, TeamIcon};
pub use timestamp::Timestamp;
pub use user::{EnterpriseUser, Presence, User};
pub use usergroup::{Usergroup, UsergroupPrefs};
pub use view::{View, ViewPayload, ViewType};

/// Items used by code that [`slack_object!`](crate::slack_object) writes. Not a public API: names
/// here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use super::de::{Field, FieldSeed, Key};
    pub use serde;
    pub use serde_json::{Map, Value};
}
