//! Bindings as tools an agent calls by name: [`SlackTool`] (a name, a description and a JSON
//! Schema of the parameters, which `#[slack_method]` generates for every binding),
//! [`ParamSchema`] (the schema of one field type) and the argument check that makes a call from
//! JSON accept exactly what the schema describes.

use crate::method::SlackMethod;
use crate::types::{
    Attachment, Block, Blocks, CustomFieldUpdate, MessageMetadata, ProfileUpdate, Text, Timestamp,
    ViewPayload,
};
use crate::{
    AppId, BotId, CallId, ChannelId, ChannelRef, EnterpriseId, FileId, MethodFacts, TeamId, UserId,
    UsergroupId, ViewId,
};
use serde_json::{json, Map, Number, Value};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::marker::PhantomData;

/// The JSON Schema dialect of every schema here.
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A binding seen as a tool: a name an agent calls it by, what it does, and a JSON Schema of its
/// parameters. `#[slack_method]` implements it for every binding.
///
/// ```
/// use slack_methods_runtime::{SlackMethod, SlackTool};
/// # use slack_methods_runtime::{EncodeError, FormEncoder, HttpVerb, RateLimitTier, ToolParam};
/// # struct UsersProfileSet;
/// # impl SlackMethod for UsersProfileSet {
/// #     const NAME: &'static str = "users.profile.set";
/// #     const VERB: HttpVerb = HttpVerb::Post;
/// #     const SCOPES: &'static [&'static str] = &["users.profile:write"];
/// #     const TIER: RateLimitTier = RateLimitTier::Tier3;
/// #     const WRITES: bool = true;
/// #     type Response = serde_json::Value;
/// #     fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> { Ok(()) }
/// # }
/// # impl SlackTool for UsersProfileSet {
/// #     const OPERATION_ID: &'static str = "usersProfileSet";
/// #     const DESCRIPTION: &'static str = "Changes a user's profile.";
/// #     const PARAMS: &'static [ToolParam] = &[];
/// # }
/// assert_eq!(UsersProfileSet::OPERATION_ID, "usersProfileSet");
/// let schema = UsersProfileSet::input_schema();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["additionalProperties"], false);
/// // It overwrites the profile's fields: MCP's `destructiveHint`.
/// assert!(UsersProfileSet::DESTRUCTIVE);
/// ```
pub trait SlackTool: SlackMethod {
    /// The tool's name: the method name in camelCase, its dots dropped (`users.profile.set` is
    /// `usersProfileSet`, `oauth.v2.access` is `oauthV2Access`).
    const OPERATION_ID: &'static str;
    /// What the tool does: the binding's doc comment up to its first code block or heading,
    /// else a sentence built from the method name.
    const DESCRIPTION: &'static str;
    /// The parameters, in field order: the sent fields (skipped ones are not parameters).
    const PARAMS: &'static [ToolParam];
    /// Whether the method may destroy, remove or overwrite something: see [`is_destructive`].
    const DESTRUCTIVE: bool = is_destructive(Self::NAME, Self::WRITES);

    /// The JSON Schema (draft 2020-12) of the arguments: see [`object_schema`].
    fn input_schema() -> Map<String, Value> {
        object_schema(Self::PARAMS)
    }
}

/// One parameter of a [`SlackTool`]: its wire name, description, whether it is required, and
/// the schema and check of its type.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct ToolParam {
    /// The name the parameter is sent under.
    pub name: &'static str,
    /// The field's doc comment (empty when it has none).
    pub description: &'static str,
    /// Whether the parameter must be given (its field is not an `Option`).
    pub required: bool,
    /// The schema and check of the field's type.
    pub kind: fn() -> ParamKind,
}

impl ToolParam {
    /// A parameter.
    pub const fn new(
        name: &'static str,
        description: &'static str,
        required: bool,
        kind: fn() -> ParamKind,
    ) -> Self {
        ToolParam {
            name,
            description,
            required,
            kind,
        }
    }

    /// The parameter's schema: its type's, with the parameter's description.
    pub fn schema(&self) -> Value {
        let mut schema = ((self.kind)().schema)();
        if !self.description.is_empty() {
            if let Value::Object(map) = &mut schema {
                map.insert("description".into(), self.description.into());
            } else {
                // `true` (anything) as an object, so it can carry the description.
                schema = json!({ "description": self.description });
            }
        }
        schema
    }
}

impl fmt::Debug for ToolParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ToolParam")
            .field("name", &self.name)
            .field("required", &self.required)
            .finish_non_exhaustive()
    }
}

/// The schema of a parameter's type and the check of a JSON value against it.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct ParamKind {
    /// The type's JSON Schema.
    pub schema: fn() -> Value,
    /// Checks a JSON value against the schema (see [`ParamSchema::check_json`]).
    pub check: fn(&Value) -> Result<(), ValueError>,
}

impl ParamKind {
    /// The kind of `T`.
    pub fn of<T: ParamSchema + ?Sized>() -> Self {
        ParamKind {
            schema: T::json_schema,
            check: T::check_json,
        }
    }

    /// The kind of a type without a [`ParamSchema`]: the schema `{}`, which accepts anything.
    pub fn any() -> Self {
        ParamKind {
            schema: || Value::Object(Map::new()),
            check: |_| Ok(()),
        }
    }
}

impl fmt::Debug for ParamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ParamKind").field(&(self.schema)()).finish()
    }
}

/// The JSON Schema of a parameter type: the JSON a call from JSON accepts for it.
///
/// Implemented for the types a binding's fields are made of (the table below). For a type of
/// your own, return the shape its `Deserialize` reads; the default
/// [`check_json`](Self::check_json) then makes a call from JSON hold to that shape.
///
/// ```
/// use slack_methods_runtime::ParamSchema;
/// use serde_json::{json, Value};
/// struct Color(String);
/// impl ParamSchema for Color {
///     fn json_schema() -> Value {
///         json!({"type": "string", "enum": ["good", "warning", "danger"]})
///     }
/// }
/// assert!(Color::check_json(&json!("good")).is_ok());
/// assert!(Color::check_json(&json!("mauve")).is_err());
/// # let _ = Color(String::new()).0;
/// ```
///
/// # What a schema says, and what a call from JSON accepts
///
/// A binding's [input schema](SlackTool::input_schema) is a JSON Schema (draft 2020-12) object
/// schema: one property per sent field, under its wire name, with the field's doc comment as its
/// description; `required` lists the fields that are not `Option`s; no other property is allowed.
/// Each property's schema comes from the field type's [`ParamSchema`]:
///
/// | field type | schema |
/// |---|---|
/// | `String`, `&str`, `Cow<str>` | a string |
/// | `Box<T>`, `Rc<T>`, `Arc<T>`, `&T` | `T`'s schema |
/// | `bool` | a boolean |
/// | integers | an integer within the type's bounds (`u128`/`i128`: within `u64`/`i64`, as far as JSON numbers reach here) |
/// | `f32`, `f64` | a number |
/// | typed ids (`UserId`, `ChannelId`, ...) | a string with the id's pattern, e.g. `^[UW][A-Z0-9]+$` |
/// | [`ChannelRef`] | a string: a channel id or name, without whitespace |
/// | [`Timestamp`](crate::types::Timestamp) | a string |
/// | `Option<T>` | `T`'s schema or `null` (and the property is not required) |
/// | `Vec<T>`, `[T]`, `[T; N]`, `BTreeSet<T>`, `HashSet<T>` | an array of `T` (of exactly `N` items); of at least one item when the parameter is required, as an empty list is not sent (a set drops repeated items) |
/// | `serde_json::Value` | anything; `Map<String, Value>`: an object |
/// | request values ([`ProfileUpdate`](crate::types::ProfileUpdate), [`Blocks`](crate::types::Blocks), [`Block`](crate::types::Block), [`Attachment`](crate::types::Attachment), [`Text`](crate::types::Text), [`MessageMetadata`](crate::types::MessageMetadata), [`ViewPayload`](crate::types::ViewPayload)) | their JSON shape |
///
/// A field whose type has no `ParamSchema` (a type of the user's own) gets the permissive
/// schema `{}`: the code `#[slack_method]` generates picks the trait's schema when the type
/// implements it and falls back to `{}` otherwise, so every binding compiles whatever its field
/// types. (The choice is made where the type is known: a field of a generic type parameter `T`
/// gets `{}`.) Implement [`ParamSchema`] for such a type to describe it.
///
/// A call from JSON (the registry of the `slack-methods` crate) first checks the arguments with
/// [`check_arguments`]: no argument the schema does not name, every required one present, each
/// value of its property's schema (types, bounds, object and array shapes, and each id's
/// pattern, which the id types check themselves). Only then are the arguments read into the
/// binding's struct with serde. The struct's own `Deserialize` is more lenient in places (an id
/// of any shape, a timestamp written as a number): the check makes a call from JSON accept
/// exactly what the schema accepts.
pub trait ParamSchema {
    /// The type's JSON Schema.
    fn json_schema() -> Value;

    /// Checks a JSON value against [`json_schema`](Self::json_schema). The default checks the
    /// keywords the schemas here use ([`check_value`]); `pattern` is left to the types that
    /// write one (the ids), which check their own shape.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        check_value(&Self::json_schema(), value)
    }
}

/// A JSON value that does not fit a schema: where in the value (empty for the value itself,
/// else a path such as `.status_expiration` or `[2]`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueError {
    at: String,
    message: String,
}

impl ValueError {
    /// A mistake in the value itself.
    pub fn new(message: impl Into<String>) -> Self {
        ValueError {
            at: String::new(),
            message: message.into(),
        }
    }

    /// The same mistake, seen from the value that holds this one under `step` (`.key`, `[3]`).
    fn within(mut self, step: &str) -> Self {
        self.at.insert_str(0, step);
        self
    }

    /// Where in the value: empty, or a path such as `.fields.Xf01[0]`.
    pub fn at(&self) -> &str {
        &self.at
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Arguments of a call from JSON that do not fit the tool: which argument (a path into it, such
/// as `profile.status_expiration`, when the mistake is inside; empty when the mistake is in the
/// arguments as a whole) and what is wrong. Nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgumentError {
    argument: String,
    message: String,
}

impl ArgumentError {
    /// A mistake in argument `argument` (a path into it when the mistake is inside).
    pub fn new(argument: impl Into<String>, message: impl Into<String>) -> Self {
        ArgumentError {
            argument: argument.into(),
            message: message.into(),
        }
    }

    /// The argument, or the path into it, e.g. `user` or `profile.status_expiration`.
    pub fn argument(&self) -> &str {
        &self.argument
    }

    /// What is wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.argument.is_empty() {
            write!(f, "the arguments: {}", self.message)
        } else {
            write!(f, "argument `{}`: {}", self.argument, self.message)
        }
    }
}

impl std::error::Error for ArgumentError {}

/// The facts of a tool as a value: what a [`SlackTool`] impl says in its consts, with the
/// method's [`MethodFacts`], for code that handles tools by name (a registry, an MCP server).
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ToolFacts {
    /// The method's facts.
    pub method: MethodFacts,
    /// [`SlackTool::OPERATION_ID`].
    pub operation_id: &'static str,
    /// [`SlackTool::DESCRIPTION`].
    pub description: &'static str,
    /// [`SlackTool::PARAMS`].
    pub params: &'static [ToolParam],
    /// [`SlackTool::DESTRUCTIVE`].
    pub destructive: bool,
}

impl ToolFacts {
    /// The facts of `M`, read from its consts.
    pub const fn of<M: SlackTool>() -> ToolFacts {
        ToolFacts {
            method: MethodFacts::of::<M>(),
            operation_id: M::OPERATION_ID,
            description: M::DESCRIPTION,
            params: M::PARAMS,
            destructive: M::DESTRUCTIVE,
        }
    }

    /// Whether the method only reads (it does not write).
    pub fn read_only(&self) -> bool {
        !self.method.writes
    }

    /// The JSON Schema of the arguments ([`object_schema`] of the parameters).
    pub fn input_schema(&self) -> Map<String, Value> {
        object_schema(self.params)
    }
}

/// The JSON Schema (draft 2020-12) of a tool's arguments: an object with one property per
/// parameter (its type's schema and its description), `required` listing the required ones,
/// and `additionalProperties: false`.
///
/// ```
/// use slack_methods_runtime::{object_schema, ParamKind, ToolParam};
/// const PARAMS: &[ToolParam] = &[
///     ToolParam::new("user", "Whose profile.", false, ParamKind::of::<Option<slack_methods_runtime::UserId>>),
///     ToolParam::new("include_labels", "", false, ParamKind::of::<Option<bool>>),
/// ];
/// let schema = serde_json::Value::Object(object_schema(PARAMS));
/// assert_eq!(schema["properties"]["user"]["type"], serde_json::json!(["string", "null"]));
/// assert_eq!(schema["properties"]["user"]["description"], "Whose profile.");
/// assert_eq!(schema["required"], serde_json::json!([]));
/// ```
pub fn object_schema(params: &[ToolParam]) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for param in params {
        let mut schema = param.schema();
        if param.required {
            required.push(Value::from(param.name));
            // An empty list is not sent at all, so a required one needs an item.
            if let Some(schema) = schema.as_object_mut() {
                if schema.get("type").and_then(Value::as_str) == Some("array") {
                    schema.entry("minItems").or_insert(Value::from(1));
                }
            }
        }
        properties.insert(param.name.to_owned(), schema);
    }
    let mut schema = Map::new();
    schema.insert("$schema".into(), SCHEMA_DIALECT.into());
    schema.insert("type".into(), "object".into());
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert("required".into(), Value::Array(required));
    schema.insert("additionalProperties".into(), false.into());
    schema
}

/// Checks the arguments of a call from JSON against `params`, as [`object_schema`] describes
/// them: no unknown argument, every required one present, each value as its type's
/// [`ParamSchema::check_json`] wants it. The first mistake is the error (unknown arguments
/// first, then missing ones, then values, in parameter order).
///
/// ```
/// use slack_methods_runtime::{check_arguments, ParamKind, ToolParam, UserId};
/// const PARAMS: &[ToolParam] = &[ToolParam::new("user", "", true, ParamKind::of::<UserId>)];
/// let args = |json: serde_json::Value| json.as_object().cloned().unwrap();
/// assert!(check_arguments(PARAMS, &args(serde_json::json!({"user": "U0123ABCD"}))).is_ok());
/// let wrong = check_arguments(PARAMS, &args(serde_json::json!({"user": "jane"}))).unwrap_err();
/// assert_eq!(wrong.argument(), "user");
/// let unknown = check_arguments(PARAMS, &args(serde_json::json!({"user": "U1", "usr": 1}))).unwrap_err();
/// assert_eq!(unknown.to_string(), "argument `usr`: unknown: the arguments are `user`");
/// ```
pub fn check_arguments(
    params: &[ToolParam],
    args: &Map<String, Value>,
) -> Result<(), ArgumentError> {
    if let Some(unknown) = args
        .keys()
        .find(|key| !params.iter().any(|param| param.name == key.as_str()))
    {
        let message = if params.is_empty() {
            "unknown: the tool takes no arguments".to_owned()
        } else {
            let names: Vec<String> = params.iter().map(|p| format!("`{}`", p.name)).collect();
            format!("unknown: the arguments are {}", names.join(", "))
        };
        return Err(ArgumentError::new(unknown.as_str(), message));
    }
    for param in params {
        match args.get(param.name) {
            None if param.required => {
                return Err(ArgumentError::new(param.name, "missing: it is required"));
            }
            None => {}
            Some(Value::Array(items)) if param.required && items.is_empty() => {
                return Err(ArgumentError::new(
                    param.name,
                    "empty: it is required, and an empty list is not sent; give at least one item",
                ));
            }
            Some(value) => {
                ((param.kind)().check)(value).map_err(|error| {
                    ArgumentError::new(format!("{}{}", param.name, error.at), error.message)
                })?;
            }
        }
    }
    Ok(())
}

/// The tool name of a method: its name in camelCase, dots dropped (`users.profile.set` is
/// `usersProfileSet`). `#[slack_method]` writes the same as [`SlackTool::OPERATION_ID`].
///
/// ```
/// assert_eq!(slack_methods_runtime::operation_id("oauth.v2.access"), "oauthV2Access");
/// ```
pub fn operation_id(method: &str) -> String {
    let mut id = String::with_capacity(method.len());
    for (i, segment) in method.split('.').enumerate() {
        let mut chars = segment.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                id.push(first);
            } else {
                id.extend(first.to_uppercase());
            }
            id.extend(chars);
        }
    }
    id
}

/// The words that make a write destructive when its method's last name segment has one of them
/// as a camelCase word. MCP's `destructiveHint` is `false` only for a tool that "performs only
/// additive updates", so a write is destructive when it may take something away:
/// - it deletes or removes: `chat.delete`, `chat.deleteScheduledMessage`, `pins.remove`,
///   `auth.revoke`, `apps.uninstall`, `admin.conversations.disconnectShared`,
///   `admin.users.session.invalidate`, `admin.users.unsupportedVersions.clear...`;
/// - it ends a place or a state: `conversations.archive`, `conversations.kick`,
///   `conversations.leave` (for a private conversation only another member's invitation gives
///   it back), `conversations.close`, `calls.end`, `chat.stopStream`, `usergroups.disable`,
///   `admin.apps.requests.cancel`, `conversations.declineSharedInvite`,
///   `admin.inviteRequests.deny`, `tooling.tokens.rotate` (the old token stops working);
/// - it overwrites what was there: `chat.update`, `bookmarks.edit`, `conversations.rename`,
///   `conversations.setTopic`, `users.profile.set`, `users.setPresence`, `views.publish`,
///   `conversations.mark`, `admin.users.session.reset`, `admin.conversations.convertToPrivate`,
///   `admin.conversations.bulkMove`, `admin.apps.restrict`.
///
/// Posting, adding, creating, inviting, joining, opening, scheduling, uploading and
/// unarchiving only add, and are not destructive.
pub const DESTRUCTIVE_WORDS: &[&str] = &[
    // Deleting or removing.
    "delete",
    "remove",
    "revoke",
    "uninstall",
    "disconnect",
    "invalidate",
    "clear",
    "unlink",
    // Ending a place or a state.
    "archive",
    "kick",
    "leave",
    "close",
    "end",
    "stop",
    "disable",
    "cancel",
    "decline",
    "deny",
    "rotate",
    "unpublish",
    // Overwriting.
    "update",
    "edit",
    "rename",
    "set",
    "publish",
    "mark",
    "reset",
    "convert",
    "move",
    "restrict",
];

/// Whether a method may destroy, remove or overwrite something, for MCP's `destructiveHint`: a
/// write (a read never is) whose last name segment has one of the [`DESTRUCTIVE_WORDS`] as one
/// of its camelCase words. Other writes (posting, adding, creating, inviting, unarchiving) only
/// add, and are not destructive.
///
/// ```
/// use slack_methods_runtime::is_destructive;
/// assert!(is_destructive("chat.delete", true));
/// assert!(is_destructive("admin.conversations.bulkArchive", true));
/// assert!(is_destructive("conversations.leave", true));
/// assert!(is_destructive("users.profile.set", true));
/// assert!(is_destructive("conversations.setTopic", true));
/// assert!(!is_destructive("conversations.unarchive", true));
/// assert!(!is_destructive("chat.postMessage", true));
/// assert!(!is_destructive("files.remote.remove", false));
/// ```
pub const fn is_destructive(method: &str, writes: bool) -> bool {
    if !writes {
        return false;
    }
    let bytes = method.as_bytes();
    // The last segment starts after the last dot.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'.' {
            start = i + 1;
        }
        i += 1;
    }
    // Each camelCase word: from a start (the segment's first byte or an uppercase letter) to
    // the next uppercase letter.
    let mut word = start;
    let mut i = start;
    while i <= bytes.len() {
        if i == bytes.len() || (i > word && bytes[i].is_ascii_uppercase()) {
            if is_destructive_word(bytes, word, i) {
                return true;
            }
            word = i;
        }
        i += 1;
    }
    false
}

/// Whether `bytes[from..to]`, lowercased, is one of [`DESTRUCTIVE_WORDS`].
const fn is_destructive_word(bytes: &[u8], from: usize, to: usize) -> bool {
    let mut w = 0;
    while w < DESTRUCTIVE_WORDS.len() {
        let word = DESTRUCTIVE_WORDS[w].as_bytes();
        if word.len() == to - from {
            let mut same = true;
            let mut i = 0;
            while i < word.len() {
                if bytes[from + i].to_ascii_lowercase() != word[i] {
                    same = false;
                }
                i += 1;
            }
            if same {
                return true;
            }
        }
        w += 1;
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Checking a value against a schema.

/// Checks `value` against `schema` for the keywords the schemas here use: `type`, `enum`,
/// `const`, `minimum`, `maximum`, `properties`, `required`, `additionalProperties`, `items`,
/// `minItems`, `maxItems`, `anyOf`, and boolean schemas. Other keywords (`pattern`, `format`,
/// annotations) are not checked. Numbers are compared exactly; an integral number such as `1.0`
/// is an integer, as JSON Schema counts them.
///
/// ```
/// use serde_json::json;
/// use slack_methods_runtime::check_value;
/// let schema = json!({"type": "object", "properties": {"n": {"type": "integer", "maximum": 255}}});
/// assert!(check_value(&schema, &json!({"n": 255})).is_ok());
/// let error = check_value(&schema, &json!({"n": 256})).unwrap_err();
/// assert_eq!((error.at(), error.message()), (".n", "256 is more than the maximum, 255"));
/// ```
pub fn check_value(schema: &Value, value: &Value) -> Result<(), ValueError> {
    let schema = match schema {
        Value::Bool(true) => return Ok(()),
        Value::Bool(false) => return Err(ValueError::new("no value is allowed here")),
        Value::Object(schema) => schema,
        // Not a schema: nothing to check against.
        _ => return Ok(()),
    };
    if let Some(types) = schema.get("type") {
        let allowed = |name: &str| match types {
            Value::String(one) => one == name,
            Value::Array(many) => many.iter().any(|t| t == name),
            _ => true,
        };
        let fits = match value {
            Value::Null => allowed("null"),
            Value::Bool(_) => allowed("boolean"),
            Value::Number(n) => allowed("number") || (allowed("integer") && is_integer(n)),
            Value::String(_) => allowed("string"),
            Value::Array(_) => allowed("array"),
            Value::Object(_) => allowed("object"),
        };
        if !fits {
            return Err(ValueError::new(format!(
                "expected {}, found {}",
                type_names(types),
                kind_of(value)
            )));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.iter().any(|option| same_json(option, value)) {
            let listed: Vec<String> = options.iter().map(Value::to_string).collect();
            return Err(ValueError::new(format!(
                "expected one of {}, found {value}",
                listed.join(", ")
            )));
        }
    }
    if let Some(expected) = schema.get("const") {
        if !same_json(expected, value) {
            return Err(ValueError::new(format!(
                "expected {expected}, found {value}"
            )));
        }
    }
    if let Some(Value::Array(options)) = schema.get("anyOf") {
        if !options
            .iter()
            .any(|option| check_value(option, value).is_ok())
        {
            return Err(ValueError::new(format!(
                "{} fits none of the allowed shapes",
                kind_of(value)
            )));
        }
    }
    match value {
        Value::Number(n) => check_number(schema, n),
        Value::Array(items) => check_array(schema, items),
        Value::Object(object) => check_object(schema, object),
        _ => Ok(()),
    }
}

fn check_number(schema: &Map<String, Value>, n: &Number) -> Result<(), ValueError> {
    if let Some(Value::Number(min)) = schema.get("minimum") {
        if compare(n, min) == Ordering::Less {
            return Err(ValueError::new(format!(
                "{n} is less than the minimum, {min}"
            )));
        }
    }
    if let Some(Value::Number(max)) = schema.get("maximum") {
        if compare(n, max) == Ordering::Greater {
            return Err(ValueError::new(format!(
                "{n} is more than the maximum, {max}"
            )));
        }
    }
    Ok(())
}

fn check_array(schema: &Map<String, Value>, items: &[Value]) -> Result<(), ValueError> {
    let count = |key: &str| schema.get(key).and_then(Value::as_u64);
    if let Some(min) = count("minItems") {
        if (items.len() as u64) < min {
            return Err(ValueError::new(format!(
                "{} items, fewer than the {min} required",
                items.len()
            )));
        }
    }
    if let Some(max) = count("maxItems") {
        if items.len() as u64 > max {
            return Err(ValueError::new(format!(
                "{} items, more than the {max} allowed",
                items.len()
            )));
        }
    }
    if let Some(item_schema) = schema.get("items") {
        for (i, item) in items.iter().enumerate() {
            check_value(item_schema, item).map_err(|error| error.within(&format!("[{i}]")))?;
        }
    }
    Ok(())
}

fn check_object(
    schema: &Map<String, Value>,
    object: &Map<String, Value>,
) -> Result<(), ValueError> {
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(Value::Array(required)) = schema.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !object.contains_key(name) {
                return Err(ValueError::new(format!("`{name}` is missing")));
            }
        }
    }
    for (key, value) in object {
        let step = format!(".{key}");
        match properties.and_then(|properties| properties.get(key)) {
            Some(property) => check_value(property, value).map_err(|e| e.within(&step))?,
            None => match schema.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    return Err(ValueError::new("unknown key").within(&step));
                }
                Some(other) => check_value(other, value).map_err(|e| e.within(&step))?,
                None => {}
            },
        }
    }
    Ok(())
}

/// Whether a number has no fractional part (`3`, `3.0`, `1e20`).
fn is_integer(n: &Number) -> bool {
    n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
}

/// The exact order of two JSON numbers (integers beyond 2^53 are not rounded).
fn compare(a: &Number, b: &Number) -> Ordering {
    let exact = |n: &Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    if let (Some(a), Some(b)) = (exact(a), exact(b)) {
        return a.cmp(&b);
    }
    let (Some(af), Some(bf)) = (a.as_f64(), b.as_f64()) else {
        return Ordering::Equal;
    };
    match af.partial_cmp(&bf) {
        // Rounding to f64 keeps order, so distinct roundings order the numbers themselves.
        Some(Ordering::Equal) | None => {}
        Some(order) => return order,
    }
    // Equal as f64: one is an integer beyond 2^53 and the other a float of the same value,
    // which is integral and in range: compare as integers.
    match (exact(a), exact(b)) {
        (Some(a), None) => a.cmp(&(bf as i128)),
        (None, Some(b)) => (af as i128).cmp(&b),
        _ => Ordering::Equal,
    }
}

/// JSON equality that counts `1` and `1.0` as the same number.
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare(x, y) == Ordering::Equal,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, x)| y.get(key).is_some_and(|y| same_json(x, y)))
        }
        _ => a == b,
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if is_integer(n) => "an integer",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn type_names(types: &Value) -> String {
    let name = |t: &str| match t {
        "null" => "null",
        "boolean" => "a boolean",
        "integer" => "an integer",
        "number" => "a number",
        "string" => "a string",
        "array" => "an array",
        "object" => "an object",
        _ => "a known type",
    };
    match types {
        Value::String(one) => name(one).to_owned(),
        Value::Array(many) => {
            let names: Vec<&str> = many.iter().filter_map(Value::as_str).map(name).collect();
            names.join(" or ")
        }
        _ => "a known type".to_owned(),
    }
}

/// Whole numbers written as floats (`5.0`, as some JSON writers put integers) become integers,
/// so that they read into integer fields, as JSON Schema counts them integers; the schema check
/// has already accepted them. Numbers beyond `i64`/`u64` stay as they are.
pub fn normalize_numbers(value: &mut Value) {
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0) {
                // `as` saturates, so the round trip tells whether the value is in range.
                if f >= 0.0 && (f as u64) as f64 == f && f < 18_446_744_073_709_551_616.0 {
                    *value = Value::from(f as u64);
                } else if f < 0.0 && (f as i64) as f64 == f {
                    *value = Value::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalize_numbers),
        Value::Object(map) => map.values_mut().for_each(normalize_numbers),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The field types' schemas.

/// `schema`, also accepting `null`: the schema of an `Option`.
pub fn nullable(schema: Value) -> Value {
    let Value::Object(mut map) = schema else {
        return schema;
    };
    if map.contains_key("enum") || map.contains_key("const") || map.contains_key("anyOf") {
        return json!({ "anyOf": [Value::Object(map), { "type": "null" }] });
    }
    match map.get_mut("type") {
        Some(Value::String(one)) => {
            let one = std::mem::take(one);
            map.insert("type".into(), json!([one, "null"]));
        }
        Some(Value::Array(many)) if !many.iter().any(|t| t == "null") => {
            many.push("null".into());
        }
        Some(Value::Array(_)) => {}
        // No `type`: the schema already accepts `null`, unless it is of a shape this cannot
        // tell; say so plainly.
        Some(_) => return json!({ "anyOf": [Value::Object(map), { "type": "null" }] }),
        None => {}
    }
    Value::Object(map)
}

impl ParamSchema for str {
    fn json_schema() -> Value {
        json!({ "type": "string" })
    }
}

impl ParamSchema for String {
    fn json_schema() -> Value {
        str::json_schema()
    }
}

impl ParamSchema for Cow<'_, str> {
    fn json_schema() -> Value {
        str::json_schema()
    }
}

impl ParamSchema for bool {
    fn json_schema() -> Value {
        json!({ "type": "boolean" })
    }
}

macro_rules! integer_schema {
    ($($ty:ty => $min:expr, $max:expr;)*) => {$(
        impl ParamSchema for $ty {
            fn json_schema() -> Value {
                json!({ "type": "integer", "minimum": $min, "maximum": $max })
            }
        }
    )*};
}

integer_schema! {
    u8 => u8::MIN, u8::MAX;
    u16 => u16::MIN, u16::MAX;
    u32 => u32::MIN, u32::MAX;
    u64 => u64::MIN, u64::MAX;
    usize => usize::MIN as u64, usize::MAX as u64;
    i8 => i8::MIN, i8::MAX;
    i16 => i16::MIN, i16::MAX;
    i32 => i32::MIN, i32::MAX;
    i64 => i64::MIN, i64::MAX;
    isize => isize::MIN as i64, isize::MAX as i64;
    // JSON numbers reach the fields as `serde_json` values, which hold 64 bits.
    u128 => u64::MIN, u64::MAX;
    i128 => i64::MIN, u64::MAX;
    // A count that cannot be zero (`dnd.setSnooze`'s minutes).
    std::num::NonZeroU32 => 1, u32::MAX;
    std::num::NonZeroU64 => 1, u64::MAX;
}

impl ParamSchema for f32 {
    fn json_schema() -> Value {
        json!({ "type": "number" })
    }
}

impl ParamSchema for f64 {
    fn json_schema() -> Value {
        json!({ "type": "number" })
    }
}

impl<T: ParamSchema + ?Sized> ParamSchema for &T {
    fn json_schema() -> Value {
        T::json_schema()
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        T::check_json(value)
    }
}

/// A value behind a `Box`, `Rc` or `Arc` has the value's own schema.
macro_rules! pointer_schema {
    ($($pointer:ident)::+) => {
        impl<T: ParamSchema + ?Sized> ParamSchema for $($pointer)::+<T> {
            fn json_schema() -> Value {
                T::json_schema()
            }

            fn check_json(value: &Value) -> Result<(), ValueError> {
                T::check_json(value)
            }
        }
    };
}

pointer_schema!(Box);
pointer_schema!(std::rc::Rc);
pointer_schema!(std::sync::Arc);

impl<T: ParamSchema> ParamSchema for Option<T> {
    fn json_schema() -> Value {
        nullable(T::json_schema())
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        if value.is_null() {
            return Ok(());
        }
        // The value's type first, so that a mistake there says `null` would do too; then the
        // rest as `T` checks itself, so that a mistake inside the value is said as `T` says it
        // (an enum's values, a type's own `check_json`), not as a value that fits neither `T`
        // nor `null`.
        if let Some(types) = Self::json_schema().get("type") {
            check_value(&json!({ "type": types }), value)?;
        }
        T::check_json(value)
    }
}

/// An array of `T`s, each checked as `T` checks itself: the array's own keywords first, then
/// each item by `T::check_json`, so an item's mistake is said as `T` says it (not as an item
/// that fits none of `T`'s shapes).
fn check_items<T: ParamSchema + ?Sized>(schema: &Value, value: &Value) -> Result<(), ValueError> {
    let mut array = schema.clone();
    if let Value::Object(keywords) = &mut array {
        keywords.remove("items");
    }
    check_value(&array, value)?;
    if let Value::Array(items) = value {
        for (i, item) in items.iter().enumerate() {
            T::check_json(item).map_err(|error| error.within(&format!("[{i}]")))?;
        }
    }
    Ok(())
}

impl<T: ParamSchema> ParamSchema for [T] {
    fn json_schema() -> Value {
        json!({ "type": "array", "items": T::json_schema() })
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        check_items::<T>(&Self::json_schema(), value)
    }
}

impl<T: ParamSchema> ParamSchema for Vec<T> {
    fn json_schema() -> Value {
        <[T]>::json_schema()
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        <[T]>::check_json(value)
    }
}

impl<T: ParamSchema, const N: usize> ParamSchema for [T; N] {
    fn json_schema() -> Value {
        json!({ "type": "array", "items": T::json_schema(), "minItems": N, "maxItems": N })
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        check_items::<T>(&Self::json_schema(), value)
    }
}

/// A set is read from an array; repeated items collapse into one.
macro_rules! set_schema {
    ($($set:ident<T $(, $hasher:ident)?>),*) => {$(
        impl<T: ParamSchema $(, $hasher)?> ParamSchema for $set<T $(, $hasher)?> {
            fn json_schema() -> Value {
                <[T]>::json_schema()
            }

            fn check_json(value: &Value) -> Result<(), ValueError> {
                <[T]>::check_json(value)
            }
        }
    )*};
}

set_schema!(BTreeSet<T>, HashSet<T, S>);

impl ParamSchema for Value {
    fn json_schema() -> Value {
        json!({})
    }
}

impl ParamSchema for Map<String, Value> {
    fn json_schema() -> Value {
        json!({ "type": "object" })
    }
}

macro_rules! id_schema {
    ($($id:ident => $pattern:literal, $what:literal;)*) => {$(
        impl ParamSchema for $id {
            fn json_schema() -> Value {
                json!({ "type": "string", "pattern": $pattern, "description": $what })
            }

            fn check_json(value: &Value) -> Result<(), ValueError> {
                match value {
                    Value::String(text) => $id::new(text.as_str())
                        .map(drop)
                        .map_err(|error| ValueError::new(error.to_string())),
                    other => Err(ValueError::new(format!(
                        "expected a string, found {}",
                        kind_of(other)
                    ))),
                }
            }
        }
    )*};
}

// The patterns say what `crate::ids::well_formed` checks: the id's letter, then one or more
// uppercase letters and digits.
id_schema! {
    UserId => "^[UW][A-Z0-9]+$", "A user id, such as U0123ABCD.";
    TeamId => "^[TE][A-Z0-9]+$", "A workspace id, such as T0123ABCD.";
    EnterpriseId => "^E[A-Z0-9]+$", "An Enterprise Grid id, such as E0123ABCD.";
    ChannelId => "^[CGD][A-Z0-9]+$", "A conversation id: a channel C..., a private channel G... or a direct message D....";
    BotId => "^B[A-Z0-9]+$", "A bot id, such as B0123ABCD.";
    AppId => "^A[A-Z0-9]+$", "An app id, such as A0123ABCD.";
    FileId => "^F[A-Z0-9]+$", "A file id, such as F0123ABCD.";
    UsergroupId => "^S[A-Z0-9]+$", "A user group id, such as S0123ABCD.";
    ViewId => "^V[A-Z0-9]+$", "A view id, such as V0123ABCD.";
    CallId => "^R[A-Z0-9]+$", "A call's id, such as R0E69JAIF.";
}

impl ParamSchema for ChannelRef {
    fn json_schema() -> Value {
        // `crate::ids::channel_name`: an optional `#`, then one or more characters that are not
        // whitespace, control characters or U+FEFF (a channel id has that shape too).
        const CHAR: &str = r"[^\s\x00-\x1f\x7f-\x9f\uFEFF]";
        json!({
            "type": "string",
            "pattern": format!("^([^#{rest}|#{CHAR}){CHAR}*$", rest = &CHAR[2..]),
            "description": "A channel id (C..., G..., D...) or a channel name (#general).",
        })
    }

    fn check_json(value: &Value) -> Result<(), ValueError> {
        match value {
            Value::String(text) => text
                .parse::<ChannelRef>()
                .map(drop)
                .map_err(|error| ValueError::new(error.to_string())),
            other => Err(ValueError::new(format!(
                "expected a string, found {}",
                kind_of(other)
            ))),
        }
    }
}

impl ParamSchema for Timestamp {
    fn json_schema() -> Value {
        json!({
            "type": "string",
            "description": "A Slack timestamp, the id of a message in its conversation, such as 1512085950.000216.",
        })
    }
}

impl ParamSchema for CustomFieldUpdate {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "value": { "type": "string", "description": "The value." },
                "alt": { "type": ["string", "null"], "description": "The alternative text." },
            },
            "required": ["value"],
            "additionalProperties": false,
        })
    }
}

impl ParamSchema for ProfileUpdate {
    fn json_schema() -> Value {
        let text =
            |description: &str| json!({ "type": ["string", "null"], "description": description });
        json!({
            "type": "object",
            "description": "The profile fields to set, by their Slack names; other names are sent as they are.",
            "properties": {
                "status_text": text("The status text."),
                "status_emoji": text("The status emoji, such as :train:."),
                "status_expiration": {
                    "type": ["integer", "null"],
                    "minimum": i64::MIN,
                    "maximum": i64::MAX,
                    "description": "When the status expires, in Unix seconds; 0 for never.",
                },
                "display_name": text("The display name."),
                "real_name": text("The full name."),
                "first_name": text("Given name."),
                "last_name": text("Family name."),
                "title": text("Job title."),
                "phone": text("Phone number."),
                "pronouns": text("Pronouns."),
                "email": text("Email address (admins only)."),
                "fields": {
                    "type": "object",
                    "description": "Custom fields, by field id (Xf...).",
                    "additionalProperties": CustomFieldUpdate::json_schema(),
                },
            },
            "additionalProperties": true,
        })
    }
}

/// A Block Kit block: an object with a string `type`.
fn block_schema() -> Value {
    json!({
        "type": "object",
        "properties": { "type": { "type": "string" } },
        "required": ["type"],
        "description": "A Block Kit block, such as {\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"hello\"}}.",
    })
}

impl ParamSchema for Block {
    fn json_schema() -> Value {
        block_schema()
    }
}

impl ParamSchema for Blocks {
    fn json_schema() -> Value {
        json!({
            "type": "array",
            "items": block_schema(),
            "description": "Block Kit blocks, as Block Kit Builder writes them.",
        })
    }
}

impl ParamSchema for Attachment {
    fn json_schema() -> Value {
        json!({ "type": "object", "description": "A legacy message attachment." })
    }
}

impl ParamSchema for Text {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "type": { "enum": ["plain_text", "mrkdwn"] },
                "text": { "type": "string" },
                "emoji": { "type": "boolean" },
                "verbatim": { "type": "boolean" },
            },
            "required": ["type", "text"],
            "description": "A text object, such as {\"type\": \"plain_text\", \"text\": \"Hello\"}.",
        })
    }
}

impl ParamSchema for MessageMetadata {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "event_type": { "type": "string", "description": "The event's name, such as task_created." },
                "event_payload": { "type": "object", "description": "The event's data." },
            },
            "required": ["event_type", "event_payload"],
            "description": "Message metadata: an event type and its data.",
        })
    }
}

impl ParamSchema for ViewPayload {
    fn json_schema() -> Value {
        let boolean = json!({ "type": "boolean" });
        let string = json!({ "type": "string" });
        json!({
            "type": "object",
            "properties": {
                "type": { "enum": ["modal", "home"] },
                "title": Text::json_schema(),
                "blocks": Blocks::json_schema(),
                "close": Text::json_schema(),
                "submit": Text::json_schema(),
                "private_metadata": string,
                "callback_id": string,
                "external_id": string,
                "clear_on_close": boolean,
                "notify_on_close": boolean,
                "submit_disabled": boolean,
            },
            "required": ["type"],
            "description": "A view: a modal or an App Home tab, as Block Kit Builder writes it.",
        })
    }
}

// ---------------------------------------------------------------------------------------------
// What generated code uses to pick a field type's schema.

/// Names a field type for [`KindOf`]. `(&ParamOf::<T>::NEW).kind()` is
/// `ParamKind::of::<T>()` when `T: ParamSchema`, else [`ParamKind::any`]: method lookup tries
/// the receiver as it is (`&ParamOf<T>`, whose `kind` is the impl for `ParamOf<T>`, there when
/// `T` has a schema) before it borrows it again (`&&ParamOf<T>`, whose `kind` is the impl for
/// `&ParamOf<T>`, always there).
#[doc(hidden)]
pub struct ParamOf<T: ?Sized>(PhantomData<fn() -> PhantomData<T>>);

impl<T: ?Sized> ParamOf<T> {
    /// The only value.
    pub const NEW: Self = ParamOf(PhantomData);
}

/// The kind of a field type: see [`ParamOf`].
#[doc(hidden)]
pub trait KindOf {
    /// The kind.
    fn kind(&self) -> ParamKind;
}

/// A type with a [`ParamSchema`]: its own.
impl<T: ParamSchema + ?Sized> KindOf for ParamOf<T> {
    fn kind(&self) -> ParamKind {
        ParamKind::of::<T>()
    }
}

/// Any other type: the permissive schema `{}`.
impl<T: ?Sized> KindOf for &ParamOf<T> {
    fn kind(&self) -> ParamKind {
        ParamKind::any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Opaque;

    #[test]
    // The borrow is the point: it picks the impl for `ParamOf<T>` when there is one.
    #[allow(clippy::needless_borrow)]
    fn field_types_without_a_schema_get_the_permissive_one() {
        use super::KindOf as _;
        let id = (&ParamOf::<Option<UserId>>::NEW).kind();
        assert_eq!(
            (id.schema)(),
            json!({"type": ["string", "null"], "pattern": "^[UW][A-Z0-9]+$", "description": "A user id, such as U0123ABCD."})
        );
        let opaque = (&ParamOf::<Opaque>::NEW).kind();
        assert_eq!((opaque.schema)(), json!({}));
        assert!((opaque.check)(&json!([1, "x"])).is_ok());
        let list = (&ParamOf::<Vec<Opaque>>::NEW).kind();
        assert_eq!((list.schema)(), json!({}));
    }

    #[test]
    fn operation_ids_are_camel_case() {
        assert_eq!(operation_id("users.profile.set"), "usersProfileSet");
        assert_eq!(operation_id("oauth.v2.access"), "oauthV2Access");
        assert_eq!(operation_id("users.lookupByEmail"), "usersLookupByEmail");
        assert_eq!(
            operation_id("admin.conversations.restrictAccess.addGroup"),
            "adminConversationsRestrictAccessAddGroup"
        );
    }

    #[test]
    fn destructive_writes_are_named_so() {
        for name in [
            "chat.delete",
            "chat.deleteScheduledMessage",
            "conversations.archive",
            "conversations.kick",
            "pins.remove",
            "reactions.remove",
            "auth.revoke",
            "apps.uninstall",
            "admin.conversations.bulkDelete",
            "admin.conversations.disconnectShared",
            "files.revokePublicURL",
            "users.deletePhoto",
            "chat.update",
            "users.profile.set",
            "conversations.rename",
            "conversations.setTopic",
            "conversations.close",
            "views.publish",
            "admin.workflows.unpublish",
            "admin.conversations.bulkMove",
            "usergroups.users.update",
        ] {
            assert!(is_destructive(name, true), "{name}");
            assert!(!is_destructive(name, false), "{name}");
        }
        for name in [
            "chat.postMessage",
            "conversations.unarchive",
            "reactions.add",
            "files.remote.add",
            "admin.apps.approve",
            "views.open",
            "views.push",
            "chat.scheduleMessage",
            "files.completeUploadExternal",
            "files.getUploadURLExternal",
            // A word inside another is not the word: `assets`, `sending`, `marked`.
            "x.listAssets",
            "x.sending",
            "x.getMarked",
            "",
            "x.",
        ] {
            assert!(!is_destructive(name, true), "{name}");
        }
    }

    #[test]
    fn values_are_checked_against_the_schema() {
        let u8_schema = u8::json_schema();
        assert!(check_value(&u8_schema, &json!(255)).is_ok());
        assert!(check_value(&u8_schema, &json!(1.0)).is_ok());
        assert!(check_value(&u8_schema, &json!(1.5)).is_err());
        assert!(check_value(&u8_schema, &json!(-1)).is_err());
        let u64_schema = u64::json_schema();
        assert!(check_value(&u64_schema, &json!(u64::MAX)).is_ok());
        // 2^64 as a float rounds to u64::MAX as a float; exact comparison still refuses it.
        assert!(check_value(&u64_schema, &json!(18_446_744_073_709_551_616.0)).is_err());
        let i64_schema = i64::json_schema();
        assert!(check_value(&i64_schema, &json!(9_223_372_036_854_775_808u64)).is_err());
        assert!(check_value(&i64_schema, &json!(-9_223_372_036_854_775_808.0)).is_ok());

        let error =
            ProfileUpdate::check_json(&json!({"fields": {"Xf1": {"value": 3}}})).unwrap_err();
        assert_eq!(error.at(), ".fields.Xf1.value");
        assert_eq!(error.message(), "expected a string, found an integer");
        assert!(ProfileUpdate::check_json(&json!({"start_date": 3, "title": null})).is_ok());

        let ids = Vec::<ChannelId>::check_json(&json!(["C1", "c2"])).unwrap_err();
        assert_eq!(ids.at(), "[1]");
        assert!(Option::<ChannelId>::check_json(&Value::Null).is_ok());
        assert!(<[u8; 2]>::check_json(&json!([1, 2])).is_ok());
        assert!(<[u8; 2]>::check_json(&json!([1])).is_err());
        assert!(Blocks::check_json(&json!([{"type": "divider"}])).is_ok());
        assert!(Blocks::check_json(&json!([{"text": "no type"}])).is_err());
        assert!(Text::check_json(&json!({"type": "plain_text", "text": "x"})).is_ok());
        assert!(Text::check_json(&json!({"type": "markdown", "text": "x"})).is_err());
    }

    #[test]
    fn nullable_keeps_the_schema_readable() {
        assert_eq!(
            nullable(json!({"type": "integer", "maximum": 3})),
            json!({"type": ["integer", "null"], "maximum": 3})
        );
        assert_eq!(nullable(json!({})), json!({}));
        assert_eq!(
            nullable(json!({"enum": ["a"]})),
            json!({"anyOf": [{"enum": ["a"]}, {"type": "null"}]})
        );
        assert!(check_value(&nullable(json!({"enum": ["a"]})), &Value::Null).is_ok());
    }

    #[test]
    fn whole_floats_become_integers() {
        let mut value = json!({"a": 5.0, "b": [1.5, -2.0, 1e20], "c": "5.0"});
        normalize_numbers(&mut value);
        assert_eq!(value, json!({"a": 5, "b": [1.5, -2, 1e20], "c": "5.0"}));
        assert!(value["a"].is_u64());
    }

    #[test]
    fn arguments_are_checked_by_name() {
        const PARAMS: &[ToolParam] = &[
            ToolParam::new("channel", "", true, ParamKind::of::<ChannelId>),
            ToolParam::new("limit", "", false, ParamKind::of::<Option<u16>>),
        ];
        let args = |json: Value| json.as_object().cloned().unwrap();
        assert!(check_arguments(PARAMS, &args(json!({"channel": "C1"}))).is_ok());
        let missing = check_arguments(PARAMS, &args(json!({"limit": 3}))).unwrap_err();
        assert_eq!(
            missing.to_string(),
            "argument `channel`: missing: it is required"
        );
        let big =
            check_arguments(PARAMS, &args(json!({"channel": "C1", "limit": 70000}))).unwrap_err();
        assert_eq!(
            big.to_string(),
            "argument `limit`: 70000 is more than the maximum, 65535"
        );
        let none: &[ToolParam] = &[];
        assert_eq!(
            check_arguments(none, &args(json!({"x": 1})))
                .unwrap_err()
                .to_string(),
            "argument `x`: unknown: the tool takes no arguments"
        );
    }
}
