//! The `apps.*` methods an app calls with its app-level token (`xapp-`), which stands for the
//! app as a whole rather than one installation: `apps.connections.open`, which opens a Socket
//! Mode connection, and `apps.event.authorizations.list`, the installations an event is
//! visible to. Slack refuses bot and user tokens for both (`not_allowed_token_type`).

use crate::types::{Item, List, ResponseMetadata};
use crate::{slack_method, EnterpriseId, InvalidRequest, PageItems, TeamId, UserId};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
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
