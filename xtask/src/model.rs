//! The catalog model, and the readers of Slack's OpenAPI spec and the rate-limit tier table.
//!
//! Only facts are taken: method names, verbs, scopes, parameter names, types and whether they
//! are required, and tiers. No description text leaves this module. The third source, Slack's
//! Python SDK, is read by `sdk.rs`; `merge.rs` puts the three together by its written rules.
//!
//! The spec has known errors (see `shared/slack-api/spec-notes.md`). Each one is handled here on
//! purpose, next to the code that handles it:
//!
//! - `none` as a scope: no scope needed (an empty list). See [`scopes`].
//! - Several scopes on one method: any one of them is enough (Slack's meaning, confirmed by the
//!   `X-Accepted-OAuth-Scopes` header), although OpenAPI would read them as all-of. The list is
//!   kept as the spec gives it. See [`scopes`].
//! - GET on methods that write (`views.*`, `dialog.open`, `auth.revoke`, `apps.uninstall`, ...)
//!   and on `auth.test`: corrected to POST. See [`verb`] and [`GET_WRITES_CORRECTED_TO_POST`].
//! - Whether a method writes (changes state) is not in the spec: a method is a read when the spec
//!   says GET and it is not one of the corrected writes. See [`writes`].
//! - On 25 methods the `token` parameter's description names a scope (`chat:write`,
//!   `conversations:read`, ...) that the `security` list does not. Both are accepted when a
//!   binding writes a scope; only `security` gives the defaults. See [`token_scopes`].
//! - No `deprecated` flag in the spec: a method is deprecated when its description says so (only
//!   `users.setActive`). See [`is_deprecated`].
//! - The `token` parameter (in a header, query or form, depending on the method) is not a
//!   parameter of the binding: the token travels in the `Authorization` header.
//! - The spec types every list as `string`. Where a parameter's description says it is a JSON
//!   array (`chat.postMessage`'s `blocks`: "A JSON-based array of structured blocks"), the
//!   parameter is a [`ParamType::JsonList`]; the words are looked for, the text is not copied.
//!   See [`says_json_array`].
//! - Slack's SDK types `files.upload`'s `content` as a file, and the spec says it is the file's
//!   contents "via a POST variable": text in the form, not a file part. Such a parameter is
//!   listed in [`SpecFacts::posted_text`], and is text in the catalog. See [`says_posted_text`].

use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The HTTP verb of a method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

/// The type of a parameter. The spec knows the first four; the SDK also says `list`, `object`
/// and `file` where the spec says `string`. A list is one of two kinds on the wire: the spec's
/// descriptions and the facts table of `json_lists.rs` say which lists are JSON arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamType {
    String,
    Boolean,
    Integer,
    Number,
    /// A sequence sent as comma-separated text (`users`, `channel_ids`, ...).
    List,
    /// A sequence sent as JSON text: a JSON array (`blocks`, `attachments`, ...).
    JsonList,
    /// A JSON object (`view`, `profile`, `metadata`, ...).
    Object,
    /// A file's content.
    File,
}

impl ParamType {
    /// Whether this is one of the kinds only the SDK names (`list`, `object`, `file`): a
    /// refinement of the spec's `string`, not a different scalar.
    pub fn is_structured(self) -> bool {
        matches!(
            self,
            ParamType::List | ParamType::JsonList | ParamType::Object | ParamType::File
        )
    }
}

/// A rate-limit tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tier {
    Tier1,
    Tier2,
    Tier3,
    Tier4,
    /// A limit of the method's own (e.g. `chat.postMessage`'s).
    Special,
}

/// One parameter of a method as one source gives it (never `token`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub ty: ParamType,
    pub required: bool,
}

/// What the spec says about a method, with its known errors corrected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecFacts {
    /// The verb, corrected where the spec is wrong.
    pub verb: Verb,
    /// Whether [`verb`] changed the spec's verb.
    pub verb_corrected: bool,
    /// Any one of these is enough; empty when the method needs no scope.
    pub scopes: Vec<String>,
    /// Scopes the `token` parameter's description names and `security` does not; accepted when
    /// a binding writes them, never a default.
    pub other_scopes: Vec<String>,
    /// In the spec's order.
    pub params: Vec<Param>,
    /// The parameters whose description says their value is sent as a form field ("via a POST
    /// variable": `files.upload`'s `content`): text, never a file part, whatever the SDK's table
    /// says. See [`says_posted_text`].
    pub posted_text: Vec<String>,
    /// Has a `cursor` parameter.
    pub paginated: bool,
    pub deprecated: bool,
    /// Whether the method changes state (a write is never retried blindly).
    pub writes: bool,
}

/// Which sources describe a method; with the tier table, this says where each fact came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sources {
    /// Slack's OpenAPI spec (2020) only: every fact from the spec.
    Spec,
    /// The spec and Slack's Python SDK: verb, scopes, paging and deprecation from the spec,
    /// parameters merged (see `merge.rs`).
    SpecAndSdk,
    /// The SDK only: parameters from the SDK (unknown where it names none), verb by rule,
    /// scopes unknown.
    Sdk,
    /// Neither: the tier table knows the name (and tier) only.
    TierTable,
}

impl Sources {
    /// Whether the spec describes the method (and so its scopes are known).
    pub fn spec(self) -> bool {
        matches!(self, Sources::Spec | Sources::SpecAndSdk)
    }
}

/// Which source named a parameter of a method (for a method of one source: that source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamFrom {
    /// Both name it and agree on whether it is required.
    Both,
    /// Both name it and disagree on whether it is required; the SDK's answer is taken.
    BothSdkRequiredness,
    /// Only the spec names it (the SDK passes it through `**kwargs`); kept, optional.
    Spec,
    /// Only the SDK names it (newer than the spec).
    Sdk,
}

/// One parameter of a catalog method (never `token`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogParam {
    pub name: String,
    pub ty: ParamType,
    /// The spec's type, when the spec and the SDK give two different scalar types (`ty` is the
    /// SDK's). A field is then only wrong when it is wrong for both.
    pub spec_ty: Option<ParamType>,
    pub required: bool,
    pub from: ParamFrom,
}

/// One method of the catalog, its facts merged from the three sources (see `merge.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    pub name: String,
    pub sources: Sources,
    /// `None` when the tier table does not list the method.
    pub tier: Option<Tier>,
    /// `None` when only the tier table knows the method.
    pub verb: Option<Verb>,
    /// Whether a rule changed the verb its source gives.
    pub verb_corrected: bool,
    /// Any one of these is enough; empty when the method needs no scope, or when the spec does
    /// not describe it (then unknown: see [`Sources::spec`]).
    pub scopes: Vec<String>,
    /// Scopes the spec's `token` description names and `security` does not.
    pub other_scopes: Vec<String>,
    /// Whether the parameters are known: `false` for a method only the tier table knows, and for
    /// one only the SDK describes whose SDK signature names none (merge rule 6).
    pub params_known: bool,
    /// Empty when unknown (see `params_known`).
    pub params: Vec<CatalogParam>,
    /// Has a `cursor` parameter.
    pub paginated: bool,
    pub deprecated: bool,
    /// For a method Slack has retired: what replaces it, as a binding's warning names it
    /// (merge rule 10).
    pub replacement: Option<String>,
    /// Whether the method changes state (a write is never retried blindly).
    pub writes: bool,
}

/// The catalog: every method that any of the three sources names, sorted by name (byte order,
/// as `str::cmp` and `binary_search` see it).
#[derive(Debug)]
pub struct Catalog {
    pub methods: Vec<Method>,
}

/// A mistake in the reference data, or data this generator does not understand.
#[derive(Debug)]
pub struct DataError(pub String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(message: impl Into<String>) -> Result<T, DataError> {
    Err(DataError(message.into()))
}

/// The spec, relative to the shared reference-data folder.
pub const SPEC_PATH: &str = "slack-api/slack_web_openapi_v2.json";
/// The tier table, relative to the shared reference-data folder.
pub const TIERS_PATH: &str = "slack-fixtures/java-slack-sdk/metadata/web-api/rate_limit_tiers.json";
/// The Python SDK's method table, relative to the shared reference-data folder.
pub const SDK_PATH: &str = "slack-api/python-sdk-methods.tsv";
/// Every source file, relative to the shared reference-data folder.
pub const SOURCE_PATHS: [&str; 3] = [SPEC_PATH, SDK_PATH, TIERS_PATH];

/// Methods the spec lists with GET although they change state. The catalog says POST and
/// `writes: true` for each; Slack's SDKs send them with POST, like every write.
///
/// - `apps.permissions.request`: asks the workspace to grant the app more scopes (a request a
///   person then answers).
/// - `apps.permissions.users.request`: the same for user tokens of one user.
/// - `apps.uninstall`: removes the app from the workspace and revokes its tokens.
/// - `auth.revoke`: revokes the token it is called with.
/// - `dialog.open`: opens a dialog for a person; its `dialog` payload is JSON.
/// - `files.remote.share`: shares a remote file into channels.
/// - `oauth.access`, `oauth.token`, `oauth.v2.access`: exchange a code, which works once (or a
///   refresh token, which Slack then revokes), for new tokens. Slack's SDK sends the two it
///   still has with POST.
/// - `views.open`, `views.publish`, `views.push`, `views.update`: open, publish, push or change a
///   view; Slack reads the JSON `view` payload from a POST body.
/// - `workflows.stepCompleted`, `workflows.stepFailed`: report the outcome of a workflow step,
///   which moves the workflow on.
/// - `workflows.updateStep`: changes a step's configuration.
pub const GET_WRITES_CORRECTED_TO_POST: &[&str] = &[
    "apps.permissions.request",
    "apps.permissions.users.request",
    "apps.uninstall",
    "auth.revoke",
    "dialog.open",
    "files.remote.share",
    "oauth.access",
    "oauth.token",
    "oauth.v2.access",
    "views.open",
    "views.publish",
    "views.push",
    "views.update",
    "workflows.stepCompleted",
    "workflows.stepFailed",
    "workflows.updateStep",
];

impl Catalog {
    /// Reads the spec, the SDK's table and the tier table from the shared reference-data folder
    /// and merges them.
    pub fn load(shared: &Path) -> Result<Catalog, DataError> {
        let spec = read_json(&shared.join(SPEC_PATH))?;
        let tiers = read_json(&shared.join(TIERS_PATH))?;
        let sdk = std::fs::read_to_string(shared.join(SDK_PATH))
            .map_err(|e| DataError(format!("cannot read {SDK_PATH}: {e}")))?;
        Catalog::from_sources(&spec, &tiers, &sdk, crate::json_lists::FACTS)
    }

    /// Builds the catalog from the parsed spec, the tier table, the text of the SDK's table and
    /// the facts table of JSON arrays (`json_lists.rs`: [`crate::json_lists::FACTS`], or a
    /// table that fits other sources).
    pub fn from_sources(
        spec: &Value,
        tiers: &Value,
        sdk: &str,
        json_lists: &[crate::json_lists::Fact],
    ) -> Result<Catalog, DataError> {
        let tiers = tier_table(tiers)?;
        let specced = spec_methods(spec)?;
        let mut sdk = crate::sdk::parse(sdk)?;
        crate::json_lists::apply(json_lists, &specced, &mut sdk)?;
        Ok(crate::merge::merge(specced, sdk, tiers))
    }

    /// The methods that are in the spec.
    pub fn specced(&self) -> impl Iterator<Item = &Method> {
        self.methods.iter().filter(|method| method.sources.spec())
    }
}

fn read_json(path: &Path) -> Result<Value, DataError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DataError(format!("cannot read {}: {e}", path.display())))?;
    parse_json(&text).map_err(|e| DataError(format!("{}: {e}", path.display())))
}

/// Parses JSON text as `serde_json::from_str` does, except that an object naming a key twice is
/// an error: `from_str` keeps the last one without a word, so a method the spec or the tier
/// table lists twice would silently lose one of its rows.
pub(crate) fn parse_json(text: &str) -> Result<Value, String> {
    use serde::Deserialize;
    let mut input = serde_json::Deserializer::from_str(text);
    let value = DistinctKeys::deserialize(&mut input)
        .and_then(|DistinctKeys(value)| input.end().map(|()| value));
    value.map_err(|e| match e.classify() {
        // The only data error the visitor raises: a key twice.
        serde_json::error::Category::Data => e.to_string(),
        _ => format!("not valid JSON: {e}"),
    })
}

/// A JSON value whose objects name each key once (see [`parse_json`]).
struct DistinctKeys(Value);

impl<'de> serde::Deserialize<'de> for DistinctKeys {
    fn deserialize<D: serde::Deserializer<'de>>(input: D) -> Result<Self, D::Error> {
        input.deserialize_any(DistinctKeysVisitor).map(DistinctKeys)
    }
}

struct DistinctKeysVisitor;

impl<'de> serde::de::Visitor<'de> for DistinctKeysVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(DistinctKeys(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "the key `{key}` appears twice in one object"
                )));
            }
            let DistinctKeys(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// Method name -> tier. The table's special tiers are spelled `SpecialTier_chat_postMessage`:
/// the method name with `.` written as `_`; each must name the method it belongs to (a limit
/// shared with another method is something neither the catalog nor the attribute can say).
pub(crate) fn tier_table(tiers: &Value) -> Result<BTreeMap<String, Tier>, DataError> {
    let Some(table) = tiers.as_object() else {
        return err("the tier table is not a JSON object");
    };
    let mut out = BTreeMap::new();
    for (name, tier) in table {
        check_method_name(name)?;
        let Some(tier) = tier.as_str() else {
            return err(format!("tier of `{name}` is not a string"));
        };
        let tier = match tier {
            "Tier1" => Tier::Tier1,
            "Tier2" => Tier::Tier2,
            "Tier3" => Tier::Tier3,
            "Tier4" => Tier::Tier4,
            other => match other.strip_prefix("SpecialTier_") {
                Some(underscored) if underscored == name.replace('.', "_") => Tier::Special,
                Some(_) => {
                    return err(format!(
                        "`{name}` has the special tier `{other}` of another method, which the catalog cannot say"
                    ))
                }
                None => return err(format!("unknown tier `{other}` of `{name}`")),
            },
        };
        out.insert(name.clone(), tier);
    }
    Ok(out)
}

/// The grammar the `#[slack_method]` attribute accepts: two or more `.`-separated segments, each
/// an ASCII lowercase letter followed by ASCII letters and digits.
pub(crate) fn check_method_name(name: &str) -> Result<(), DataError> {
    let segments: Vec<&str> = name.split('.').collect();
    let ok = segments.len() >= 2
        && segments.iter().all(|segment| {
            let mut chars = segment.chars();
            chars.next().is_some_and(|c| c.is_ascii_lowercase())
                && chars.all(|c| c.is_ascii_alphanumeric())
        });
    if ok {
        Ok(())
    } else {
        err(format!("`{name}` is not a method name"))
    }
}

/// Method name -> spec facts, for every path of the spec.
pub(crate) fn spec_methods(spec: &Value) -> Result<BTreeMap<String, SpecFacts>, DataError> {
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return err("the spec has no `paths` object");
    };
    let mut out = BTreeMap::new();
    for (path, item) in paths {
        let Some(name) = path.strip_prefix('/') else {
            return err(format!("spec path `{path}` does not start with `/`"));
        };
        check_method_name(name)?;
        let Some(item) = item.as_object() else {
            return err(format!("spec path `{path}` is not an object"));
        };
        let operations: Vec<(&String, &Value)> = item.iter().collect();
        let [(spec_verb, operation)] = operations.as_slice() else {
            return err(format!(
                "`{name}` has {} operations, not one",
                operations.len()
            ));
        };
        let spec_verb = match spec_verb.as_str() {
            "get" => Verb::Get,
            "post" => Verb::Post,
            other => return err(format!("`{name}` has the unknown verb `{other}`")),
        };
        let params = params(name, operation)?;
        let posted_text = posted_text(operation);
        let scopes = scopes(name, operation)?;
        let other_scopes = token_scopes(operation)
            .into_iter()
            .filter(|scope| !scopes.contains(scope))
            .collect();
        let verb = verb(name, spec_verb);
        let facts = SpecFacts {
            verb,
            verb_corrected: verb != spec_verb,
            scopes,
            other_scopes,
            paginated: params.iter().any(|param| param.name == "cursor"),
            deprecated: is_deprecated(operation),
            writes: writes(name, spec_verb),
            params,
            posted_text,
        };
        out.insert(name.to_owned(), facts);
    }
    Ok(out)
}

/// The verb the catalog records, which is the spec's verb except where the spec is wrong:
///
/// - the methods of [`GET_WRITES_CORRECTED_TO_POST`] are GET in the spec, but they change
///   state: POST.
/// - `auth.test` is GET in the spec. Slack accepts GET and POST for it; Slack's own SDKs (Java,
///   Python, Node) send POST, like every other method, so the catalog says POST and a client
///   that sends every call the same way needs no exception.
///
/// Other GET methods keep GET: Slack accepts both verbs for reads, and the spec is the source.
fn verb(name: &str, spec_verb: Verb) -> Verb {
    if GET_WRITES_CORRECTED_TO_POST.contains(&name) || name == "auth.test" {
        Verb::Post
    } else {
        spec_verb
    }
}

/// Whether the method changes state. The spec has no such fact; its verb is the evidence: a GET
/// method is a read, unless it is one of [`GET_WRITES_CORRECTED_TO_POST`]. So `auth.test`
/// (GET in the spec, POST in the catalog) is a read. Every POST method of the spec counts as a
/// write, the safe side: a write is never retried after it may have reached Slack.
fn writes(name: &str, spec_verb: Verb) -> bool {
    spec_verb == Verb::Post || GET_WRITES_CORRECTED_TO_POST.contains(&name)
}

/// The scopes named in the description of the `token` parameter, each between backticks
/// (`` Requires scope: `chat:write` ``), when they look like scope names. Only the names are
/// taken, not the text. Empty when there is no `token` parameter or it names none.
fn token_scopes(operation: &Value) -> Vec<String> {
    let description = operation
        .get("parameters")
        .and_then(Value::as_array)
        .and_then(|list| {
            list.iter()
                .find(|param| param.get("name").and_then(Value::as_str) == Some("token"))
        })
        .and_then(|token| token.get("description"))
        .and_then(Value::as_str)
        .unwrap_or("");
    description
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|scope| is_scope_name(scope) && *scope != "none")
        .map(str::to_owned)
        .collect()
}

/// The grammar `#[slack_method(scope = "..")]` accepts.
fn is_scope_name(scope: &str) -> bool {
    !scope.is_empty()
        && scope.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-' | ':')
        })
}

/// The scopes of `security[0].slackAuth`, which Slack means as alternatives (any one of them is
/// enough), in the spec's order. The pseudo-scope `none` means the method needs no scope: an
/// empty list. `none` next to real scopes would make no sense and is rejected.
fn scopes(name: &str, operation: &Value) -> Result<Vec<String>, DataError> {
    let Some(requirements) = operation.get("security").and_then(Value::as_array) else {
        return err(format!("`{name}` has no `security` list"));
    };
    let [requirement] = requirements.as_slice() else {
        return err(format!(
            "`{name}` has {} security requirements, not one",
            requirements.len()
        ));
    };
    let Some(list) = requirement.get("slackAuth").and_then(Value::as_array) else {
        return err(format!("`{name}` has no `slackAuth` scope list"));
    };
    let mut scopes = Vec::with_capacity(list.len());
    for scope in list {
        let Some(scope) = scope.as_str() else {
            return err(format!("a scope of `{name}` is not a string"));
        };
        if !is_scope_name(scope) {
            return err(format!("scope `{scope}` of `{name}` is not a scope name"));
        }
        scopes.push(scope.to_owned());
    }
    if scopes.iter().any(|scope| scope == "none") {
        if scopes.len() > 1 {
            return err(format!("`{name}` lists `none` next to real scopes"));
        }
        scopes.clear();
    }
    Ok(scopes)
}

/// The spec has no `deprecated` flag; the only marker is the word in a method's description
/// (`users.setActive`). The word is looked for, the text is not copied.
fn is_deprecated(operation: &Value) -> bool {
    operation
        .get("description")
        .and_then(Value::as_str)
        .is_some_and(|text| text.to_ascii_lowercase().contains("deprecated"))
}

/// Whether a parameter's description says it is a JSON array: the word `JSON` and, after it in the
/// same sentence, `array` (`chat.postMessage`'s `blocks` and `attachments`,
/// `workflows.updateStep`'s `outputs`). A description that names only one of them (`An array of
/// channel IDs`, `a JSON-encoded string`, `a URL-encoded JSON map`) says nothing about JSON arrays.
fn says_json_array(param: &Value) -> bool {
    let Some(description) = param.get("description").and_then(Value::as_str) else {
        return false;
    };
    let lower = description.to_ascii_lowercase();
    lower.find("json").is_some_and(|at| {
        let rest = &lower[at..];
        let sentence = rest.split(". ").next().unwrap_or(rest);
        sentence.contains("array")
    })
}

/// Whether a parameter's description says its value travels as a form field, "via a POST
/// variable" (`files.upload`'s `content`, where its `file` goes "via `multipart/form-data`").
/// The words are looked for, the text is not copied.
fn says_posted_text(param: &Value) -> bool {
    param
        .get("description")
        .and_then(Value::as_str)
        .is_some_and(|text| text.to_ascii_lowercase().contains("via a post variable"))
}

/// The names of the parameters [`says_posted_text`] finds.
fn posted_text(operation: &Value) -> Vec<String> {
    operation
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|param| says_posted_text(param))
        .filter_map(|param| param.get("name").and_then(Value::as_str))
        .map(str::to_owned)
        .collect()
}

/// The grammar `#[slack(rename = "..")]` accepts for a wire name: snake_case ASCII.
pub(crate) fn check_param_name(method: &str, param: &str) -> Result<(), DataError> {
    let ok = param.starts_with(|c: char| c.is_ascii_lowercase())
        && param
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        err(format!(
            "parameter `{param}` of `{method}` is not a snake_case name"
        ))
    }
}

/// The parameters in the spec's order, without `token` (the token travels in the
/// `Authorization` header, whatever location the spec gives it).
fn params(name: &str, operation: &Value) -> Result<Vec<Param>, DataError> {
    let Some(list) = operation.get("parameters").and_then(Value::as_array) else {
        return err(format!("`{name}` has no `parameters` list"));
    };
    let mut params: Vec<Param> = Vec::with_capacity(list.len());
    for param in list {
        let Some(param_name) = param.get("name").and_then(Value::as_str) else {
            return err(format!("a parameter of `{name}` has no name"));
        };
        if param_name == "token" {
            continue;
        }
        check_param_name(name, param_name)?;
        if params.iter().any(|seen| seen.name == param_name) {
            return err(format!("`{name}` lists parameter `{param_name}` twice"));
        }
        let ty = match param.get("type").and_then(Value::as_str) {
            Some("string") if says_json_array(param) => ParamType::JsonList,
            Some("string") => ParamType::String,
            Some("boolean") => ParamType::Boolean,
            Some("integer") => ParamType::Integer,
            Some("number") => ParamType::Number,
            other => {
                return err(format!(
                    "parameter `{param_name}` of `{name}` has the unknown type {other:?}"
                ))
            }
        };
        let required = match param.get("required") {
            None => false,
            Some(Value::Bool(required)) => *required,
            Some(other) => {
                return err(format!(
                    "`required` of `{param_name}` in `{name}` is {other}, not a bool"
                ))
            }
        };
        params.push(Param {
            name: param_name.to_owned(),
            ty,
            required,
        });
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tiers() -> Value {
        json!({
            "auth.test": "SpecialTier_auth_test",
            "chat.postMessage": "SpecialTier_chat_postMessage",
            "users.profile.set": "Tier3",
            "views.open": "Tier4",
            "apps.connections.open": "Tier1",
            "users.info": "Tier4",
        })
    }

    fn spec() -> Value {
        json!({"paths": {
            "/users.profile.set": {"post": {
                "description": "Set the profile.",
                "security": [{"slackAuth": ["users.profile:write"]}],
                "parameters": [
                    {"in": "header", "name": "token", "type": "string", "required": true},
                    {"in": "formData", "name": "name", "type": "string"},
                    {"in": "formData", "name": "count", "type": "integer", "required": true},
                ],
            }},
            "/auth.test": {"get": {
                "description": "Checks authentication.",
                "security": [{"slackAuth": ["none"]}],
                "parameters": [],
            }},
            "/views.open": {"get": {
                "description": "Open a view. This method is deprecated.",
                "security": [{"slackAuth": ["a:read", "b:read"]}],
                "parameters": [{"in": "query", "name": "cursor", "type": "string"}],
            }},
            "/chat.postMessage": {"post": {
                "security": [{"slackAuth": ["chat:write:user", "chat:write:bot"]}],
                "parameters": [
                    {"in": "header", "name": "token", "type": "string",
                     "description": "Token. Requires scope: `chat:write`"},
                    {"in": "formData", "name": "as_user", "type": "boolean"},
                ],
            }},
            "/users.info": {"get": {
                "security": [{"slackAuth": ["users:read"]}],
                "parameters": [
                    {"in": "query", "name": "token", "type": "string",
                     "description": "Token. Requires scope: `users:read`"},
                    {"in": "query", "name": "user", "type": "string"},
                ],
            }},
        }})
    }

    #[test]
    fn reads_facts_and_corrects_known_errors() {
        let specced = spec_methods(&spec()).unwrap();
        let names: Vec<&str> = specced.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "auth.test",
                "chat.postMessage",
                "users.info",
                "users.profile.set",
                "views.open"
            ]
        );

        let auth = &specced["auth.test"];
        assert_eq!(auth.verb, Verb::Post);
        assert!(auth.verb_corrected);
        assert!(auth.scopes.is_empty());
        assert!(
            !auth.writes,
            "auth.test is GET in the spec: a read sent with POST"
        );

        let set = &specced["users.profile.set"];
        assert_eq!(set.scopes, ["users.profile:write"]);
        assert_eq!(
            set.params,
            [
                Param {
                    name: "name".into(),
                    ty: ParamType::String,
                    required: false
                },
                Param {
                    name: "count".into(),
                    ty: ParamType::Integer,
                    required: true
                },
            ]
        );
        assert!(!set.paginated && !set.deprecated && set.writes && !set.verb_corrected);
        assert!(set.other_scopes.is_empty());

        let info = &specced["users.info"];
        assert_eq!(info.verb, Verb::Get);
        assert!(!info.writes && !info.verb_corrected);
        assert!(
            info.other_scopes.is_empty(),
            "the same scope is not listed twice"
        );

        let post = &specced["chat.postMessage"];
        assert_eq!(post.scopes, ["chat:write:user", "chat:write:bot"]);
        assert_eq!(post.other_scopes, ["chat:write"]);
        assert!(post.writes);

        let open = &specced["views.open"];
        assert_eq!(open.verb, Verb::Post);
        assert!(open.verb_corrected);
        assert_eq!(open.scopes, ["a:read", "b:read"]);
        assert!(open.paginated && open.deprecated);
        assert!(
            open.writes,
            "a GET of the spec corrected to POST is a write"
        );
    }

    #[test]
    fn a_description_that_says_post_variable_is_posted_text() {
        let operation = json!({"parameters": [
            {"name": "file", "type": "string", "description": "File contents via `multipart/form-data`."},
            {"name": "content", "type": "string", "description": "File contents via a POST variable."},
            {"name": "title", "type": "string"}
        ]});
        assert_eq!(posted_text(&operation), ["content"]);
        assert!(posted_text(&json!({})).is_empty());
    }

    #[test]
    fn a_description_that_says_json_array_makes_a_json_list() {
        let spec = json!({"paths": {"/chat.postMessage": {"post": {
            "security": [{"slackAuth": ["chat:write"]}],
            "parameters": [
                {"name": "blocks", "type": "string",
                 "description": "A JSON-based array of structured blocks, presented as a URL-encoded string."},
                {"name": "outputs", "type": "string",
                 "description": "An JSON array of output objects used during step execution."},
                {"name": "channel_ids", "type": "string", "description": "An array of channel IDs."},
                {"name": "view", "type": "string",
                 "description": "A view payload. This must be a JSON-encoded string."},
                {"name": "prefs", "type": "string",
                 "description": "The prefs in a stringified JSON format. An array of them is refused."},
                {"name": "unfurls", "type": "string", "description": "URL-encoded JSON map."},
                {"name": "text", "type": "string"},
                {"name": "count", "type": "integer", "description": "A JSON array length."},
            ],
        }}}});
        let specced = spec_methods(&spec).unwrap();
        let types: Vec<(&str, ParamType)> = specced["chat.postMessage"]
            .params
            .iter()
            .map(|param| (param.name.as_str(), param.ty))
            .collect();
        assert_eq!(
            types,
            [
                ("blocks", ParamType::JsonList),
                ("outputs", ParamType::JsonList),
                ("channel_ids", ParamType::String),
                ("view", ParamType::String),
                ("prefs", ParamType::String),
                ("unfurls", ParamType::String),
                ("text", ParamType::String),
                ("count", ParamType::Integer),
            ]
        );
    }

    #[test]
    fn reads_tiers() {
        let tiers = tier_table(&tiers()).unwrap();
        assert_eq!(tiers["auth.test"], Tier::Special);
        assert_eq!(tiers["apps.connections.open"], Tier::Tier1);
        assert_eq!(tiers.len(), 6);
    }

    #[test]
    fn rejects_a_special_tier_of_another_method() {
        let tiers = json!({"auth.test": "SpecialTier_auth_tset"});
        let error = tier_table(&tiers).unwrap_err();
        assert!(error.0.contains("of another method"), "{}", error.0);
    }

    #[test]
    fn rejects_none_next_to_a_scope() {
        let spec = json!({"paths": {"/auth.test": {"get": {
            "security": [{"slackAuth": ["none", "a:read"]}], "parameters": [],
        }}}});
        let error = spec_methods(&spec).unwrap_err();
        assert!(
            error.0.contains("`none` next to real scopes"),
            "{}",
            error.0
        );
    }

    #[test]
    fn rejects_a_method_listed_twice_in_the_json_sources() {
        let spec = r#"{"paths": {
            "/chat.delete": {"post": {"security": [{"slackAuth": ["chat:write"]}], "parameters": []}},
            "/chat.delete": {"get": {"security": [{"slackAuth": ["chat:write"]}], "parameters": []}}
        }}"#;
        let error = parse_json(spec).unwrap_err();
        assert!(
            error.contains("the key `/chat.delete` appears twice") && error.contains("line 3"),
            "{error}"
        );
        let tiers = r#"{"chat.delete": "Tier3", "auth.test": "Tier4", "chat.delete": "Tier1"}"#;
        let error = parse_json(tiers).unwrap_err();
        assert!(error.contains("`chat.delete` appears twice"), "{error}");
        // The same key in two different objects is no repeat.
        let text = r#"{"a": {"x": 1}, "b": {"x": [true, null, -2, 1.5, "s", {"x": {}}]}}"#;
        let parsed = parse_json(text).unwrap();
        assert_eq!(parsed, serde_json::from_str::<Value>(text).unwrap());
        assert!(parse_json("{} {}").is_err(), "trailing text");
        assert!(parse_json("{").is_err());
    }

    #[test]
    fn rejects_parameter_names_a_binding_cannot_send() {
        assert!(check_param_name("a.b", "channel_id2").is_ok());
        assert!(check_param_name("a.b", "channelId").is_err());
        assert!(check_param_name("a.b", "_x").is_err());
        assert!(check_param_name("a.b", "").is_err());
    }
}
