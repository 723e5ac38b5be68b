//! The `apps.*` methods an app calls with its app-level token (`xapp-`), which stands for the
//! app as a whole rather than one installation: `apps.connections.open`, which opens a Socket
//! Mode connection, and `apps.event.authorizations.list`, the installations an event is
//! visible to. Slack refuses bot and user tokens for both (`not_allowed_token_type`).
//!
//! And the App Manifest methods a user calls with an app configuration token (`xoxe.xoxp-`) to
//! create, check, change, read and delete apps from their manifests (`apps.manifest.create`,
//! `.validate`, `.update`, `.export`, `.delete`; [`AppManifest`]), `tooling.tokens.rotate`,
//! which renews that token, and `apps.uninstall`, with the app's own token.

use super::Acknowledged;
use crate::types::{Item, List, ResponseMetadata};
use crate::{
    slack_method, AppId, EnterpriseId, InvalidRequest, PageItems, ParamSchema, TeamId, Token,
    UserId,
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Map, Value};
use std::fmt;

/// `apps.connections.open`: a fresh WebSocket URL for Socket Mode, which the app connects to
/// to receive its events and interactive payloads instead of at a public HTTP endpoint. Called
/// with the app-level token (`connections:write`), by POST, the token in the `Authorization`
/// header as the client sends it.
///
/// The URL is a one-time credential: [`SocketModeUrl`] keeps it out of `Debug` output, and
/// [`SocketModeUrl::expose_secret`] gives it to the WebSocket client. It is no tool: its answer
/// is a credential, which an agent has no use for.
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::AppsConnectionsOpen;
/// use slack_methods::{Client, Token};
/// let app = Client::builder()
///     .token(Token::new(std::env::var("SLACK_APP_TOKEN")?)?)
///     .build()?;
/// let opened = app.call(&AppsConnectionsOpen).await?;
/// println!("{:?}", opened.url); // SocketModeUrl(<hidden>)
/// let url: &str = opened.url.expose_secret(); // connect the WebSocket here
/// # let _ = url;
/// # Ok(()) }
/// ```
#[slack_method(
    "apps.connections.open",
    scope = "connections:write",
    response = AppsConnectionsOpenResponse
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct AppsConnectionsOpen;

/// The URL `apps.connections.open` answers: a one-time credential, hidden from `Debug`.
///
/// ```
/// use slack_methods::methods::SocketModeUrl;
/// let url: SocketModeUrl = serde_json::from_str(r#""wss://wss.example/link/?ticket=1""#)?;
/// assert_eq!(format!("{url:?}"), "SocketModeUrl(<hidden>)");
/// assert_eq!(url.expose_secret(), "wss://wss.example/link/?ticket=1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SocketModeUrl(String);

impl SocketModeUrl {
    /// The URL itself, to connect the WebSocket to. Keep it out of logs: anyone holding it
    /// can connect in the app's place until it is used.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SocketModeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SocketModeUrl(<hidden>)")
    }
}

impl<'de> Deserialize<'de> for SocketModeUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(SocketModeUrl)
    }
}

/// What `apps.connections.open` answers: the URL, hidden from `Debug`. Fields Slack adds later
/// are kept in `extra`, whose `Debug` shows their names only.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AppsConnectionsOpenResponse {
    /// The WebSocket URL to connect to (`wss://...`).
    pub url: SocketModeUrl,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for AppsConnectionsOpenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let extra: Vec<&String> = self.extra.keys().collect();
        f.debug_struct("AppsConnectionsOpenResponse")
            .field("url", &self.url)
            .field("extra", &extra)
            .finish()
    }
}

/// `apps.event.authorizations.list`: the installations of the app an event is visible to
/// (each a workspace or organization and the user or bot user it was installed as), for the
/// `event_context` Slack sends in the event's payload, one cursor page at a time. Called with
/// the app-level token (`authorizations:read`).
///
/// Stream every installation across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(app: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::AppsEventAuthorizationsList;
/// let list = AppsEventAuthorizationsList::new("4-eyJldCI6Im1lc3NhZ2UifQ");
/// let mut installs = std::pin::pin!(app.items(&list));
/// while let Some(install) = installs.try_next().await? {
///     if let Some(install) = install.parsed() {
///         println!("{:?} as {:?}", install.team_id, install.user_id);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "apps.event.authorizations.list",
    response = AppsEventAuthorizationsListResponse,
    validate = AppsEventAuthorizationsList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsEventAuthorizationsList {
    /// The event's `event_context`, from its payload.
    pub event_context: String,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// The most installations on one page.
    pub limit: Option<u32>,
}

impl AppsEventAuthorizationsList {
    /// The first page of the installations the event of `event_context` is visible to.
    pub fn new(event_context: impl Into<String>) -> Self {
        AppsEventAuthorizationsList {
            event_context: event_context.into(),
            cursor: None,
            limit: None,
        }
    }

    page_builders!("installations");

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.event_context.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`event_context` is empty: give the one of the event's payload",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `apps.event.authorizations.list` answers: one page of installations.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AppsEventAuthorizationsListResponse {
        /// The page's installations; one that does not fit [`EventAuthorization`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub authorizations: List<EventAuthorization>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for AppsEventAuthorizationsListResponse {
    type Item = Item<EventAuthorization>;
    fn into_items(self) -> Vec<Item<EventAuthorization>> {
        self.authorizations.into_items()
    }
}

/// A yes or no Slack writes as `true`/`false` or as text (its page's example writes
/// `"is_bot": "string"`); anything else is no.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Bool(flag) => flag,
        serde_json::Value::String(text) => matches!(text.trim(), "true" | "1"),
        serde_json::Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
        _ => false,
    })
}

crate::slack_object! {
    /// One installation of the app an event is visible to, as `apps.event.authorizations.list`
    /// answers it.
    ///
    /// ```
    /// use slack_methods::methods::EventAuthorization;
    /// let install: EventAuthorization = serde_json::from_str(
    ///     r#"{"enterprise_id":null,"team_id":"T0123ABCD","user_id":"U0123ABCD",
    ///         "is_bot":true,"is_enterprise_install":false}"#,
    /// )?;
    /// assert_eq!(install.team_id.unwrap().as_str(), "T0123ABCD");
    /// assert!(install.is_bot && !install.is_enterprise_install);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct EventAuthorization {
        /// The organization, for an installation in one.
        pub enterprise_id: Option<EnterpriseId>,
        /// The workspace (none for an organization-wide installation).
        pub team_id: Option<TeamId>,
        /// The user the app was installed as, or its bot user.
        pub user_id: Option<UserId>,
        /// Whether `user_id` is the app's bot user.
        pub is_bot: bool => flag,
        /// Whether the app was installed for the whole organization.
        pub is_enterprise_install: bool => flag,
    }
}

/// An app manifest: an app's whole configuration as JSON (`display_information`, `features`,
/// `oauth_config`, `settings`, ...), as the `apps.manifest.*` methods take and answer it.
///
/// It is kept open: the JSON object as it is, every field (those Slack adds later among them)
/// sent and read back unchanged, with accessors for the fields most code reads. A manifest is
/// no secret (it holds URLs and scopes, not credentials), so `Debug` shows it.
///
/// ```
/// use slack_methods::methods::AppManifest;
/// let manifest: AppManifest = serde_json::from_str(
///     r#"{"display_information":{"name":"Tea bot"},
///         "oauth_config":{"scopes":{"bot":["chat:write"]}},
///         "new_section":{"kept":true}}"#,
/// )?;
/// assert_eq!(manifest.name(), Some("Tea bot"));
/// assert_eq!(manifest.bot_scopes(), ["chat:write"]);
/// assert_eq!(manifest.get("/new_section/kept"), Some(&serde_json::json!(true)));
/// let again: AppManifest = serde_json::from_str(&serde_json::to_string(&manifest)?)?;
/// assert_eq!(again, manifest);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AppManifest(Map<String, Value>);

impl AppManifest {
    /// The smallest manifest: an app named `name` (`display_information.name`).
    pub fn named(name: impl Into<String>) -> Self {
        let mut manifest = AppManifest::default();
        manifest.set("display_information", json!({ "name": name.into() }));
        manifest
    }

    /// The app's name (`display_information.name`).
    pub fn name(&self) -> Option<&str> {
        self.get("/display_information/name")?.as_str()
    }

    /// The app's description (`display_information.description`).
    pub fn description(&self) -> Option<&str> {
        self.get("/display_information/description")?.as_str()
    }

    /// The bot user's display name (`features.bot_user.display_name`).
    pub fn bot_display_name(&self) -> Option<&str> {
        self.get("/features/bot_user/display_name")?.as_str()
    }

    /// The bot scopes the app asks for (`oauth_config.scopes.bot`).
    pub fn bot_scopes(&self) -> Vec<&str> {
        self.strings("/oauth_config/scopes/bot")
    }

    /// The user scopes the app asks for (`oauth_config.scopes.user`).
    pub fn user_scopes(&self) -> Vec<&str> {
        self.strings("/oauth_config/scopes/user")
    }

    /// Whether Socket Mode is on (`settings.socket_mode_enabled`).
    pub fn socket_mode_enabled(&self) -> bool {
        self.get("/settings/socket_mode_enabled")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// The value at a JSON pointer (`/features/bot_user/display_name`), as Slack's
    /// `invalid_manifest` problems point at one. A key holding `/` or `~` is written `~1` or
    /// `~0` in the pointer, as RFC 6901 has it.
    ///
    /// ```
    /// use slack_methods::methods::AppManifest;
    /// let manifest: AppManifest = serde_json::from_str(r#"{"a/b":{"c~d":1}}"#)?;
    /// assert_eq!(manifest.get("/a~1b/c~0d"), Some(&serde_json::json!(1)));
    /// assert_eq!(manifest.get("/a/b"), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        let rest = pointer.strip_prefix('/')?;
        let (first, rest) = rest.split_once('/').map_or((rest, ""), |(a, b)| (a, b));
        // A pointer's segment writes `/` as `~1` and `~` as `~0` (RFC 6901).
        let value = self.0.get(&first.replace("~1", "/").replace("~0", "~"))?;
        if rest.is_empty() {
            Some(value)
        } else {
            value.pointer(&format!("/{rest}"))
        }
    }

    /// Sets the top-level field `key` (`"settings"`, ...) to `value`, replacing it.
    pub fn set(&mut self, key: impl Into<String>, value: Value) -> &mut Self {
        self.0.insert(key.into(), value);
        self
    }

    /// The top-level fields, to read or change any of them.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The top-level fields, to change.
    pub fn fields_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.0
    }

    fn strings(&self, pointer: &str) -> Vec<&str> {
        self.get(pointer)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
}

impl From<Map<String, Value>> for AppManifest {
    fn from(fields: Map<String, Value>) -> Self {
        AppManifest(fields)
    }
}

impl ParamSchema for AppManifest {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "description": "An app manifest, as JSON: display_information (with the app's name), \
                features, oauth_config, settings, ...",
        })
    }
}

/// What is wrong with a manifest, as Slack's `invalid_manifest` lists it: a `message` and a
/// `pointer` (a JSON pointer into the manifest, `/settings/interactivity`).
///
/// A failed `apps.manifest.*` call keeps them in its error; [`ManifestProblem::of`] reads them:
///
/// ```
/// # async fn demo(client: slack_methods::Client) {
/// use slack_methods::methods::{AppManifest, AppsManifestValidate, ManifestProblem};
/// let checked = client.call(&AppsManifestValidate::new(AppManifest::default())).await;
/// if let Err(error) = checked {
///     for problem in ManifestProblem::of(&error) {
///         println!("{}: {}", problem.pointer, problem.message);
///     }
/// }
/// # }
/// ```
///
/// A field missing or `null` reads as empty text, and one of another type as its JSON text, so
/// that one odd problem does not hide the others.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ManifestProblem {
    /// What is wrong.
    #[serde(default, deserialize_with = "lenient_text")]
    pub message: String,
    /// Where: a JSON pointer into the manifest.
    #[serde(default, deserialize_with = "lenient_text")]
    pub pointer: String,
}

/// Text as Slack sent it; `null` as empty, another JSON value as its JSON text.
fn lenient_text<'de, D: serde::Deserializer<'de>>(from: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(from)? {
        Value::String(text) => text,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

impl ManifestProblem {
    /// The problems Slack listed (`errors`) with the error it answered; none for any other
    /// error. An entry that is no JSON object is left out; the others are kept.
    pub fn of(error: &crate::Error) -> Vec<ManifestProblem> {
        #[derive(Deserialize)]
        struct Listed {
            #[serde(default)]
            errors: Vec<Value>,
        }
        error
            .as_api()
            .and_then(|api| serde_json::from_str::<Listed>(&api.raw).ok())
            .map(|listed| {
                listed
                    .errors
                    .into_iter()
                    .filter_map(|entry| serde_json::from_value(entry).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// `apps.manifest.create`: creates an app from an app manifest, with an app configuration
/// token (`xoxe.xoxp-`), which a user makes on the page of their apps and which stands for
/// them in one workspace; Slack refuses bot and user tokens. Slack's page names no scope. The
/// manifest is sent as JSON text; Slack answers `invalid_manifest` with the list of problems
/// (`errors`, each a `message` and a `pointer` into the manifest) when it does not fit the
/// manifest schema. It answers the new app's id, its credentials (the client secret, the
/// verification token and the signing secret are secrets: they are hidden from `Debug` output)
/// and its OAuth authorization URL. It is no tool: its answer holds those secrets, which an
/// agent has no use for (the tool path answers the data as Slack sent it).
///
/// ```no_run
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::{AppManifest, AppsManifestCreate};
/// use slack_methods::{Client, Token};
/// let config = Client::builder()
///     .token(Token::new(std::env::var("SLACK_CONFIG_TOKEN")?)?)
///     .build()?;
/// let created = config
///     .call(&AppsManifestCreate::new(AppManifest::named("Tea bot")))
///     .await?;
/// println!("{} {:?}", created.app_id, created.credentials); // secrets shown as <hidden>
/// let secret: &str = created.credentials.expose_client_secret();
/// # let _ = secret;
/// # Ok(()) }
/// ```
#[slack_method("apps.manifest.create", no_scope, response = AppsManifestCreateResponse)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsManifestCreate {
    /// The app manifest, a JSON object: at least `display_information` with the app's `name`.
    #[slack(json)]
    pub manifest: AppManifest,
}

impl AppsManifestCreate {
    /// Creates an app from `manifest`.
    pub fn new(manifest: AppManifest) -> Self {
        AppsManifestCreate { manifest }
    }
}

/// The credentials of an app `apps.manifest.create` made. The client id is public; the client
/// secret, the verification token and the signing secret are given by their `expose_` accessors
/// only, and `Debug` hides them.
///
/// ```
/// use slack_methods::methods::AppCredentials;
/// let credentials: AppCredentials = serde_json::from_str(
///     r#"{"client_id":"1.2","client_secret":"s3cret","verification_token":"v3rify",
///         "signing_secret":"s1gn"}"#,
/// )?;
/// let shown = format!("{credentials:?}");
/// assert!(shown.contains("1.2") && !shown.contains("s3cret") && !shown.contains("s1gn"));
/// assert_eq!(credentials.expose_signing_secret(), "s1gn");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AppCredentials {
    /// The app's client id, which OAuth sends in URLs.
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    client_secret: String,
    #[serde(default)]
    verification_token: String,
    #[serde(default)]
    signing_secret: String,
    /// Fields this type does not name, shown by name only in `Debug`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl AppCredentials {
    /// The client secret, for `oauth.v2.access` and `apps.uninstall`. Keep it out of logs.
    pub fn expose_client_secret(&self) -> &str {
        &self.client_secret
    }

    /// The (deprecated) verification token of the app's requests. Keep it out of logs.
    pub fn expose_verification_token(&self) -> &str {
        &self.verification_token
    }

    /// The signing secret the app checks Slack's requests with. Keep it out of logs.
    pub fn expose_signing_secret(&self) -> &str {
        &self.signing_secret
    }
}

impl fmt::Debug for AppCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .field("verification_token", &"<hidden>")
            .field("signing_secret", &"<hidden>")
            .field("extra", &super::oauth::Keys(&self.extra))
            .finish()
    }
}

/// What `apps.manifest.create` answers: the new app's id, its credentials (secrets hidden from
/// `Debug`) and the URL that installs it.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AppsManifestCreateResponse {
    /// The new app.
    pub app_id: AppId,
    /// Its credentials.
    pub credentials: AppCredentials,
    /// `https://slack.com/oauth/v2/authorize?client_id=...&scope=...`, which installs it.
    #[serde(default)]
    pub oauth_authorize_url: Option<String>,
    /// Fields this type does not name, shown by name only in `Debug`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for AppsManifestCreateResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppsManifestCreateResponse")
            .field("app_id", &self.app_id)
            .field("credentials", &self.credentials)
            .field("oauth_authorize_url", &self.oauth_authorize_url)
            .field("extra", &super::oauth::Keys(&self.extra))
            .finish()
    }
}

/// `apps.manifest.validate`: checks an app manifest against Slack's manifest schema without
/// creating or changing any app, with an app configuration token (Slack refuses bot and user
/// tokens); with `app_id`, as the configuration of that app. Slack's page names no scope. A
/// manifest that does not fit is the error `invalid_manifest`, with the list of problems
/// (`errors`, each a `message` and a `pointer` into the manifest).
///
/// ```no_run
/// # async fn demo(config: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::{AppManifest, AppsManifestValidate, ManifestProblem};
/// match config.call(&AppsManifestValidate::new(AppManifest::named("Tea bot"))).await {
///     Ok(_) => println!("valid"),
///     Err(error) => {
///         for problem in ManifestProblem::of(&error) {
///             println!("{}: {}", problem.pointer, problem.message);
///         }
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "apps.manifest.validate",
    no_scope,
    writes = false,
    response = AppsManifestValidateResponse
)]
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsManifestValidate {
    /// The app manifest to check, a JSON object.
    #[slack(json)]
    pub manifest: AppManifest,
    /// The app whose configuration it would become.
    pub app_id: Option<AppId>,
}

impl AppsManifestValidate {
    /// Checks `manifest`.
    pub fn new(manifest: AppManifest) -> Self {
        AppsManifestValidate {
            manifest,
            app_id: None,
        }
    }

    /// Checks it as the configuration of the app `app_id`.
    pub fn for_app(mut self, app_id: AppId) -> Self {
        self.app_id = Some(app_id);
        self
    }
}

/// What `apps.manifest.validate` answers for a valid manifest: no problems.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AppsManifestValidateResponse {
    /// The problems found: none, when Slack answers `"ok": true`.
    #[serde(default)]
    pub errors: Vec<ManifestProblem>,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `apps.manifest.update`: replaces the whole configuration of the app `app_id` with an app
/// manifest, with an app configuration token (Slack refuses bot and user tokens). Slack's page
/// names no scope. The manifest replaces the previous one entirely, so it must hold the fields
/// left unchanged as well as the changed ones (export the current one first). A manifest that
/// does not fit is `invalid_manifest`, with the list of problems. It answers whether the app's
/// permissions changed (its users must then reinstall it).
///
/// ```no_run
/// # async fn demo(config: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::{AppsManifestExport, AppsManifestUpdate};
/// use slack_methods::AppId;
/// let app = AppId::new("A0123ABCD").unwrap();
/// let mut manifest = config.call(&AppsManifestExport::new(app.clone())).await?.data.manifest;
/// manifest.set("settings", serde_json::json!({ "socket_mode_enabled": true }));
/// let updated = config.call(&AppsManifestUpdate::new(app, manifest)).await?;
/// println!("reinstall needed: {}", updated.permissions_updated);
/// # Ok(()) }
/// ```
#[slack_method("apps.manifest.update", no_scope, response = AppsManifestUpdateResponse)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsManifestUpdate {
    /// The app to change.
    pub app_id: AppId,
    /// Its whole new configuration, a JSON object.
    #[slack(json)]
    pub manifest: AppManifest,
}

impl AppsManifestUpdate {
    /// Replaces the configuration of `app_id` with `manifest`.
    pub fn new(app_id: AppId, manifest: AppManifest) -> Self {
        AppsManifestUpdate { app_id, manifest }
    }
}

crate::slack_object! {
    /// What `apps.manifest.update` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AppsManifestUpdateResponse {
        /// The app.
        pub app_id: Option<AppId>,
        /// Whether its scopes changed, so that its users must reinstall it.
        pub permissions_updated: bool,
    }
}

/// `apps.manifest.export`: the app manifest of the app `app_id`, its whole configuration, with
/// an app configuration token (Slack refuses bot and user tokens). Slack's page names no scope.
///
/// ```no_run
/// # async fn demo(config: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::AppsManifestExport;
/// use slack_methods::AppId;
/// let exported = config
///     .call(&AppsManifestExport::new(AppId::new("A0123ABCD").unwrap()))
///     .await?;
/// println!("{:?}", exported.manifest.name());
/// # Ok(()) }
/// ```
#[slack_method(
    "apps.manifest.export",
    no_scope,
    writes = false,
    response = AppsManifestExportResponse
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsManifestExport {
    /// The app.
    pub app_id: AppId,
}

impl AppsManifestExport {
    /// The manifest of `app_id`.
    pub fn new(app_id: AppId) -> Self {
        AppsManifestExport { app_id }
    }
}

/// What `apps.manifest.export` answers: the app's manifest.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AppsManifestExportResponse {
    /// The manifest, every field as Slack sent it.
    #[serde(default)]
    pub manifest: AppManifest,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `apps.manifest.delete`: deletes the app `app_id` for good, with an app configuration token
/// (Slack refuses bot and user tokens); Slack's page says it deletes apps created through app
/// manifests. Slack's page names no scope.
///
/// ```no_run
/// # async fn demo(config: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::AppsManifestDelete;
/// use slack_methods::AppId;
/// config
///     .call(&AppsManifestDelete::new(AppId::new("A0123ABCD").unwrap()))
///     .await?;
/// # Ok(()) }
/// ```
#[slack_method("apps.manifest.delete", no_scope, response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsManifestDelete {
    /// The app to delete.
    pub app_id: AppId,
}

impl AppsManifestDelete {
    /// Deletes `app_id`.
    pub fn new(app_id: AppId) -> Self {
        AppsManifestDelete { app_id }
    }
}

/// `tooling.tokens.rotate`: exchanges the refresh token (`xoxe-`) given with an app
/// configuration token for a new configuration token and a new refresh token; Slack's page
/// says each configuration token expires 12 hours after it is made. The call carries no token
/// (the refresh token is its credential): call it with
/// [`CallOptions::without_token`](crate::CallOptions::without_token). Slack's page names no
/// scope. `Debug` hides the refresh token, and the answer's tokens are [`Token`]s. It is no
/// tool: its answer is a credential.
///
/// ```no_run
/// # async fn demo(kept: slack_methods::Token) -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::ToolingTokensRotate;
/// use slack_methods::{CallOptions, Client};
/// let client = Client::builder().build()?; // no token of its own
/// let rotated = client
///     .call_with(&ToolingTokensRotate::new(&kept), &CallOptions::new().without_token())
///     .await?;
/// println!("{} until {:?}", rotated.token, rotated.exp); // the token's kind, never its text
/// # Ok(()) }
/// ```
#[slack_method("tooling.tokens.rotate", no_scope, response = ToolingTokensRotateResponse)]
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ToolingTokensRotate {
    /// The refresh token given with the configuration token to replace.
    pub refresh_token: String,
}

impl ToolingTokensRotate {
    /// Exchanges `refresh_token` for a new configuration token and refresh token.
    pub fn new(refresh_token: &Token) -> Self {
        ToolingTokensRotate {
            refresh_token: refresh_token.expose_secret().to_owned(),
        }
    }
}

impl fmt::Debug for ToolingTokensRotate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ToolingTokensRotate")
            .field("refresh_token", &"<hidden>")
            .finish()
    }
}

/// What `tooling.tokens.rotate` answers: the new configuration token and refresh token
/// ([`Token`]s, whose `Debug` and `Display` hide them), who they act for, and when the token
/// was made and expires.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ToolingTokensRotateResponse {
    /// The new configuration token (`xoxe.xoxp-`).
    pub token: Token,
    /// The new refresh token (`xoxe-`); the one sent is used up.
    pub refresh_token: Token,
    /// The workspace the tokens are for.
    #[serde(default)]
    pub team_id: Option<TeamId>,
    /// The user they act for.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// When the token was made (Unix seconds).
    #[serde(default)]
    pub iat: Option<i64>,
    /// When it expires (Unix seconds).
    #[serde(default)]
    pub exp: Option<i64>,
    /// Fields this type does not name, shown by name only in `Debug`.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for ToolingTokensRotateResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ToolingTokensRotateResponse")
            .field("token", &self.token)
            .field("refresh_token", &self.refresh_token)
            .field("team_id", &self.team_id)
            .field("user_id", &self.user_id)
            .field("iat", &self.iat)
            .field("exp", &self.exp)
            .field("extra", &super::oauth::Keys(&self.extra))
            .finish()
    }
}

/// `apps.uninstall`: uninstalls the app from the workspace of the token it is called with
/// (the app's own token), which revokes all of the app's tokens there, unlike `auth.revoke`,
/// which revokes one. The app's `client_id` and `client_secret` are its credentials; `Debug`
/// hides the secret. Slack names no scope. It is no tool: an agent has no business with an
/// app's secret.
///
/// ```no_run
/// # async fn demo(app: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::AppsUninstall;
/// app.call(&AppsUninstall::new("1234.5678", "the app's client secret")).await?;
/// # Ok(()) }
/// ```
#[slack_method("apps.uninstall", response = Acknowledged)]
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsUninstall {
    /// The app's client id.
    pub client_id: String,
    /// The app's client secret.
    pub client_secret: String,
}

impl AppsUninstall {
    /// Uninstalls the app `client_id`, whose secret is `client_secret`.
    pub fn new(client_id: impl Into<String>, client_secret: impl Into<String>) -> Self {
        AppsUninstall {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }
}

impl fmt::Debug for AppsUninstall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppsUninstall")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .finish()
    }
}

/// `apps.user.connection.update`: tells Slack whether user `user_id` is connected to the app
/// (signed in to the app's own service), so that Slack shows them a Connect or Disconnect
/// button. An app calls it when a user's connection changes, after the `user_connection` event
/// asking it to connect or disconnect them, or whenever it learns that their sign-in ended.
/// Called with a user token (`users:write`, Slack's page; the Python SDK's table names no
/// scope); Slack answers `user_not_found` for a user id it does not know, `app_not_found` and
/// `app_not_subscribed` for an app without the `user_connection` event.
///
/// ```
/// use slack_methods::methods::{AppsUserConnectionUpdate, AppConnectionStatus};
/// use slack_methods::UserId;
/// let user = UserId::new("U0123ABCD")?;
/// let connected = AppsUserConnectionUpdate::new(user, AppConnectionStatus::Connected);
/// assert_eq!(
///     slack_methods::encode_params(&connected)?,
///     "user_id=U0123ABCD&status=connected",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "apps.user.connection.update",
    scope = "users:write",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AppsUserConnectionUpdate {
    /// The user whose connection to the app changed.
    pub user_id: UserId,
    /// Whether the user is now connected to the app: connected or disconnected.
    pub status: AppConnectionStatus,
}

impl AppsUserConnectionUpdate {
    /// Tells Slack that `user_id` is now `status`.
    pub fn new(user_id: UserId, status: AppConnectionStatus) -> Self {
        AppsUserConnectionUpdate { user_id, status }
    }
}

/// Whether a user is connected to the app, as `apps.user.connection.update` reports it.
///
/// ```
/// use slack_methods::methods::AppConnectionStatus;
/// assert_eq!(AppConnectionStatus::Disconnected.as_str(), "disconnected");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppConnectionStatus {
    /// The user is signed in to the app's service (`connected`).
    Connected,
    /// The user is not, or no longer (`disconnected`).
    Disconnected,
}

wire_enum!(
    AppConnectionStatus,
    "status",
    "connected (the user is signed in to the app's service) or disconnected.",
    {
        Connected => "connected",
        Disconnected => "disconnected",
    }
);
