//! Calling bindings by name with JSON arguments, as an agent does: a [`Registry`] of tools.
//! (Cargo feature `tools`, off by default; the MCP server turns it on.)
//!
//! Every `#[slack_method]` binding is a tool ([`SlackTool`]): a name (`usersProfileSet`, the
//! method name in camelCase), a description and a JSON Schema of its parameters. A registry
//! holds the bundled bindings ([`Registry::bundled`]) and any binding of your own
//! ([`Registry::register`], one line), and calls them by name:
//!
//! 1. the arguments are checked against the tool's schema ([`check_arguments`]): an unknown
//!    argument, a missing required one or a value of the wrong shape is
//!    [`ToolError::Arguments`], naming the argument;
//! 2. they are read into the binding's struct with serde (a binding registers when it derives
//!    `serde::Deserialize`, field names being the wire names; `#[serde(deny_unknown_fields)]`
//!    keeps it as strict as its schema; `#[slack_method]` refuses, at compile time, serde
//!    attributes that would read an argument under another name or not at all), a mistake
//!    there naming the argument too;
//! 3. the call goes through the normal [`Client`]: the binding's validation, the rate limiter,
//!    retries and typed errors ([`ToolError::Call`]). Nothing is sent before all of that
//!    passed.
//!
//! The answer is the response data as Slack sent it, as JSON (without the envelope's `ok`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use slack_methods::tools::Registry;
//! use slack_methods::{Client, Token};
//!
//! let client = Client::new(Token::new(std::env::var("SLACK_TOKEN")?)?)?;
//! let tools = Registry::bundled();
//! let answer = tools
//!     .call(&client, "usersProfileSet", serde_json::json!({
//!         "profile": {"status_text": "riding a train", "status_emoji": ":train:"}
//!     }))
//!     .await?;
//! println!("{}", answer["profile"]["status_text"]);
//! # Ok(()) }
//! ```

use crate::{
    check_arguments, normalize_numbers, ArgumentError, CallOptions, Client, EncodeError, Error,
    FormEncoder, HttpVerb, InvalidRequest, RateLimitTier, SlackMethod, SlackTool, ToolFacts,
};
use serde::de::{DeserializeOwned, Deserializer, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// The future of one call.
type CallFuture<'a> = Pin<Box<dyn Future<Output = Result<Value, ToolError>> + Send + 'a>>;

/// Tools by name: the bindings an agent may call, each under its
/// [`OPERATION_ID`](SlackTool::OPERATION_ID).
///
/// ```
/// use slack_methods::tools::Registry;
/// let tools = Registry::bundled();
/// let set = tools.get("usersProfileSet").unwrap();
/// assert_eq!(set.method.name, "users.profile.set");
/// assert!(set.input_schema()["properties"]["profile"].is_object());
/// ```
///
/// A binding of your own registers with one line, next to the bundled ones:
///
/// ```
/// use slack_methods::{slack_method, tools::Registry, ChannelId};
///
/// /// Pins a message to a channel.
/// #[slack_method("pins.add")]
/// #[derive(serde::Deserialize)]
/// #[serde(deny_unknown_fields)]
/// struct PinsAdd {
///     /// The channel of the message.
///     channel: ChannelId,
///     /// The message's timestamp.
///     timestamp: Option<String>,
/// }
///
/// let mut tools = Registry::bundled();
/// tools.register::<PinsAdd>();
/// let pin = tools.get("pinsAdd").unwrap();
/// assert_eq!(pin.description, "Pins a message to a channel.");
/// assert_eq!(pin.input_schema()["required"], serde_json::json!(["channel"]));
/// ```
#[derive(Clone, Default)]
pub struct Registry {
    tools: BTreeMap<&'static str, Entry>,
}

#[derive(Clone, Copy)]
struct Entry {
    facts: ToolFacts,
    read: fn(Map<String, Value>) -> Result<(), ToolError>,
    call: for<'a> fn(&'a Client, Map<String, Value>, &'a CallOptions) -> CallFuture<'a>,
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.tools.keys()).finish()
    }
}

/// Registers each binding [`crate::methods::visit_all`] visits.
struct Registering<'a>(&'a mut Registry);

impl crate::methods::Visit for Registering<'_> {
    fn visit<M>(&mut self)
    where
        M: SlackTool + DeserializeOwned + Send + Sync + 'static,
    {
        self.0.register::<M>();
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A registry of every binding this crate bundles ([`crate::methods`]).
    pub fn bundled() -> Self {
        let mut registry = Self::new();
        crate::methods::visit_all(&mut Registering(&mut registry));
        registry
    }

    /// Adds binding `M` under its [`OPERATION_ID`](SlackTool::OPERATION_ID), replacing a tool
    /// of the same name (so a binding of your own can stand in for a bundled one).
    pub fn register<M>(&mut self) -> &mut Self
    where
        M: SlackTool + DeserializeOwned + Send + Sync + 'static,
    {
        let facts = ToolFacts::of::<M>();
        self.tools.insert(
            facts.operation_id,
            Entry {
                facts,
                read: |args| read::<M>(args).and_then(|method| checked(&method)),
                call: call::<M>,
            },
        );
        self
    }

    /// Keeps only the tools `keep` says yes to (to offer an agent fewer of them).
    ///
    /// ```
    /// let mut tools = slack_methods::tools::Registry::bundled();
    /// tools.retain(|tool| tool.read_only());
    /// assert!(tools.get("usersProfileGet").is_some());
    /// assert!(tools.get("usersProfileSet").is_none());
    /// ```
    pub fn retain(&mut self, mut keep: impl FnMut(&ToolFacts) -> bool) {
        self.tools.retain(|_, entry| keep(&entry.facts));
    }

    /// The tool called `name`.
    pub fn get(&self, name: &str) -> Option<&ToolFacts> {
        self.tools.get(name).map(|entry| &entry.facts)
    }

    /// Every tool, by name.
    pub fn tools(&self) -> impl Iterator<Item = &ToolFacts> {
        self.tools.values().map(|entry| &entry.facts)
    }

    /// How many tools there are.
    pub fn len(&self) -> usize {
        self.tools.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }

    /// Checks `args` for tool `name` as [`call`](Self::call) does before it sends anything:
    /// against the schema, by reading them into the binding's struct, then by the binding's own
    /// validation and its encoding, so that what `check` takes, `call` sends, and what it
    /// refuses (with the same error), `call` refuses.
    ///
    /// ```
    /// use serde_json::json;
    /// let tools = slack_methods::tools::Registry::bundled();
    /// assert!(tools.check("usersProfileGet", json!({"user": "U0123ABCD"})).is_ok());
    /// let wrong = tools.check("usersProfileGet", json!({"user": 42})).unwrap_err();
    /// assert_eq!(
    ///     wrong.to_string(),
    ///     "usersProfileGet: argument `user`: expected a string or null, found an integer; nothing was sent"
    /// );
    /// // Slack takes at most 250 characters of topic: the binding's check, before sending.
    /// let long = "x".repeat(251);
    /// let refused = tools
    ///     .check("conversationsSetTopic", json!({"channel": "C0123ABCD", "topic": long}))
    ///     .unwrap_err();
    /// assert!(
    ///     matches!(refused.as_call(), Some(slack_methods::Error::InvalidRequest { .. })),
    ///     "{refused}"
    /// );
    /// ```
    pub fn check(&self, name: &str, args: Value) -> Result<(), ToolError> {
        let entry = self.entry(name)?;
        (entry.read)(object(entry.facts.operation_id, args)?)
    }

    /// Calls tool `name` with `args` (a JSON object, or `null` for none) through `client`,
    /// answering the response data as Slack sent it.
    pub async fn call(&self, client: &Client, name: &str, args: Value) -> Result<Value, ToolError> {
        self.call_with(client, name, args, &CallOptions::new())
            .await
    }

    /// Like [`call`](Self::call), with per-call settings.
    pub async fn call_with(
        &self,
        client: &Client,
        name: &str,
        args: Value,
        options: &CallOptions,
    ) -> Result<Value, ToolError> {
        let entry = self.entry(name)?;
        let args = object(entry.facts.operation_id, args)?;
        (entry.call)(client, args, options).await
    }

    fn entry(&self, name: &str) -> Result<&Entry, ToolError> {
        self.tools.get(name).ok_or_else(|| {
            // A method name given for its tool name: say which tool it is.
            let tool = self
                .tools
                .values()
                .find(|entry| entry.facts.method.name == name)
                .map(|entry| entry.facts.operation_id);
            ToolError::UnknownTool {
                name: name.to_owned(),
                tool,
            }
        })
    }
}

/// The arguments as an object; `null` is none. Anything else is refused by its kind, as the
/// schema check says a value of the wrong type, not by its text: the value may be long, or a
/// secret given in the wrong place.
fn object(tool: &'static str, args: Value) -> Result<Map<String, Value>, ToolError> {
    let found = match args {
        Value::Object(map) => return Ok(map),
        Value::Null => return Ok(Map::new()),
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
    };
    Err(ToolError::Arguments {
        tool,
        error: ArgumentError::new(
            "",
            format!("expected a JSON object of arguments, found {found}"),
        ),
    })
}

/// The arguments checked against `M`'s schema and read into `M`.
fn read<M: SlackTool + DeserializeOwned>(mut args: Map<String, Value>) -> Result<M, ToolError> {
    let tool = M::OPERATION_ID;
    check_arguments(M::PARAMS, &args).map_err(|error| ToolError::Arguments { tool, error })?;
    args.values_mut().for_each(normalize_numbers);
    serde_path_to_error::deserialize(Arguments(args)).map_err(|error| {
        let path = error.path().to_string();
        let argument = if path == "." { String::new() } else { path };
        ToolError::Arguments {
            tool,
            error: ArgumentError::new(argument, error.into_inner().to_string()),
        }
    })
}

/// `method` validated and encoded as a call would be, with nothing sent.
fn checked<M: SlackMethod>(method: &M) -> Result<(), ToolError> {
    crate::encode_params(method)
        .map(drop)
        .map_err(ToolError::Call)
}

fn call<'a, M>(
    client: &'a Client,
    args: Map<String, Value>,
    options: &'a CallOptions,
) -> CallFuture<'a>
where
    M: SlackTool + DeserializeOwned + Send + Sync + 'static,
{
    Box::pin(async move {
        let method = read::<M>(args)?;
        let answer = client.call_with(&AsJson(&method), options).await?;
        Ok(Value::Object(answer.data))
    })
}

/// `M`, answering its data as JSON: everything but the response type is `M`'s.
struct AsJson<'a, M>(&'a M);

impl<M: SlackMethod> SlackMethod for AsJson<'_, M> {
    const NAME: &'static str = M::NAME;
    const VERB: HttpVerb = M::VERB;
    const SCOPES: &'static [&'static str] = M::SCOPES;
    const TIER: RateLimitTier = M::TIER;
    const WRITES: bool = M::WRITES;
    const PAGINATED: bool = M::PAGINATED;
    const DEPRECATED: bool = M::DEPRECATED;
    type Response = Map<String, Value>;

    fn validate(&self) -> Result<(), InvalidRequest> {
        self.0.validate()
    }

    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
        self.0.encode_form(form)
    }
}

/// The arguments as a deserializer: a JSON object, which a unit struct (a binding without
/// parameters) also reads from when it is empty.
struct Arguments(Map<String, Value>);

/// `` `a`, `b` `` (or "no field" for none).
fn quoted_list(names: &[&str]) -> String {
    if names.is_empty() {
        return "no field".to_owned();
    }
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

impl<'de> Deserializer<'de> for Arguments {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        Value::Object(self.0).deserialize_any(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.0.is_empty() {
            visitor.visit_unit()
        } else {
            Value::Object(self.0).deserialize_unit(visitor)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        // An argument the schema offers (the schema check came first) that the struct's
        // `Deserialize` does not read would be dropped without a word, and the call sent
        // without it. `#[slack_method]` refuses such serde names at compile time when it sees
        // the derive; it does not see one written before it, nor a container `from`.
        if let Some(dropped) = self.0.keys().find(|key| !fields.contains(&key.as_str())) {
            return Err(serde::de::Error::custom(format!(
                "argument `{dropped}` is a parameter of the tool, but `{name}`'s `Deserialize` \
                 does not read it (it reads {}): give the struct's fields their wire names \
                 for serde too, e.g. `#[serde(rename = \"{dropped}\")]`",
                quoted_list(fields)
            )));
        }
        Value::Object(self.0).deserialize_struct(name, fields, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// Why a call by name failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum ToolError {
    /// No tool has this name.
    UnknownTool {
        /// The name asked for.
        name: String,
        /// The tool's name, when `name` is a method name (`users.profile.set`) of a tool.
        tool: Option<&'static str>,
    },
    /// The arguments do not fit the tool (unknown, missing or ill-typed); nothing was sent.
    Arguments {
        /// The tool.
        tool: &'static str,
        /// Which argument, and what is wrong.
        error: ArgumentError,
    },
    /// The call failed: the binding's validation refused it (nothing was sent), or Slack or
    /// the connection did ([`Error`] says which, and Slack's error code).
    Call(Error),
}

impl ToolError {
    /// The client's error, for [`ToolError::Call`].
    pub fn as_call(&self) -> Option<&Error> {
        match self {
            ToolError::Call(error) => Some(error),
            _ => None,
        }
    }
}

impl From<Error> for ToolError {
    fn from(error: Error) -> Self {
        ToolError::Call(error)
    }
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolError::UnknownTool {
                name,
                tool: Some(tool),
            } => write!(
                f,
                "no tool is called `{name}`; the tool of that method is `{tool}`"
            ),
            ToolError::UnknownTool { name, tool: None } => {
                write!(f, "no tool is called `{name}`")
            }
            ToolError::Arguments { tool, error } => write!(f, "{tool}: {error}; nothing was sent"),
            ToolError::Call(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for ToolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ToolError::Call(error) => Some(error),
            ToolError::Arguments { error, .. } => Some(error),
            ToolError::UnknownTool { .. } => None,
        }
    }
}
