//! The `auth.*` family.

use crate::types::{List, ResponseMetadata, TeamIcon};
use crate::{slack_method, BotId, EnterpriseId, InvalidRequest, PageItems, TeamId, UserId};
use serde::Deserialize;

/// `auth.test`: checks the token and tells whose it is.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::AuthTest;
/// let who = client.call(&AuthTest).await?;
/// println!("{} in {}", who.user, who.team);
/// # Ok(()) }
/// ```
#[slack_method("auth.test", response = AuthTestResponse)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct AuthTest;

impl AuthTest {
    /// The call, which takes no parameters (the same as writing `AuthTest`).
    pub fn new() -> Self {
        AuthTest
    }
}

crate::slack_object! {
    /// What `auth.test` answers. Fields this crate does not name are kept in `extra`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AuthTestResponse {
        required {
            /// The workspace's URL.
            pub url: String,
            /// The workspace's name.
            pub team: String,
            /// The token's user name.
            pub user: String,
            /// The workspace id.
            pub team_id: TeamId,
            /// The token's user id.
            pub user_id: UserId,
        }
        /// For bot tokens: the bot id.
        pub bot_id: Option<BotId>,
        /// For Enterprise Grid: the org id.
        pub enterprise_id: Option<EnterpriseId>,
        /// Whether the app is installed org-wide.
        pub is_enterprise_install: Option<bool>,
    }
}

/// `auth.revoke`: revokes the token the call is made with, as an app does when a user signs
/// out or when it gives up a token it no longer needs. With `test`, Slack only says whether it
/// would (`revoked: false`).
///
/// Like `OauthV2Access`, it is not a tool: an agent would revoke the token it works with.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client, token: slack_methods::Token) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::AuthRevoke;
/// let done = client.call_with_token(&AuthRevoke::new(), &token).await?;
/// assert!(done.revoked);
/// # Ok(()) }
/// ```
#[slack_method("auth.revoke", response = AuthRevokeResponse)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AuthRevoke {
    /// Only checks the token: Slack answers without revoking it.
    pub test: Option<bool>,
}

impl AuthRevoke {
    /// Revokes the call's token.
    pub fn new() -> Self {
        AuthRevoke { test: None }
    }

    /// Checks the call's token without revoking it.
    pub fn test() -> Self {
        AuthRevoke { test: Some(true) }
    }
}

crate::slack_object! {
    /// What `auth.revoke` answers: whether the token is now revoked.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AuthRevokeResponse {
        required {
            /// Whether the token was revoked (`false` for a `test` call).
            pub revoked: bool,
        }
    }
}

/// `auth.teams.list`: the workspaces an org-wide app has been approved for, which its token
/// may call in, one page at a time (most tokens belong to one workspace, which it lists alone).
/// Slack's page names no scope. With `include_icon`, each workspace comes with its icon. A
/// `limit` of 0 or above 1000 is refused before sending: Slack's page says it must be a
/// positive integer, at most 1000.
///
/// Stream every workspace across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::AuthTeamsList;
/// let list = AuthTeamsList::new().limit(100);
/// let mut teams = std::pin::pin!(client.items(&list));
/// while let Some(team) = teams.try_next().await? {
///     if let Some(team) = team.parsed() {
///         println!("{} ({})", team.name, team.id);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "auth.teams.list",
    no_scope,
    writes = false,
    paginated,
    response = AuthTeamsListResponse,
    validate = AuthTeamsList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AuthTeamsList {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    #[slack(unchecked)]
    pub cursor: Option<String>,
    /// The most workspaces on one page (from 1, at most 1000; 100 when absent).
    #[slack(unchecked)]
    pub limit: Option<u32>,
    /// Whether to give each workspace's icon.
    #[slack(unchecked)]
    pub include_icon: Option<bool>,
}

impl AuthTeamsList {
    /// The first page of the workspaces the token may call in.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for each workspace's icon too.
    pub fn with_icons(mut self) -> Self {
        self.include_icon = Some(true);
        self
    }

    page_builders!("workspaces");

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.limit == Some(0) {
            return Err(InvalidRequest::new(
                "`limit` is 0; Slack takes a positive number of workspaces a page",
            ));
        }
        super::channels::check_limit(self.limit)
    }
}

crate::slack_object! {
    /// What `auth.teams.list` answers: one page of workspaces.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AuthTeamsListResponse {
        /// The page's workspaces; one that does not fit [`AuthTeam`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub teams: List<AuthTeam>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for AuthTeamsListResponse {
    type Item = crate::types::Item<AuthTeam>;
    fn into_items(self) -> Vec<crate::types::Item<AuthTeam>> {
        self.teams.into_items()
    }
}

crate::slack_object! {
    /// A workspace, as `auth.teams.list` answers it.
    ///
    /// ```
    /// use slack_methods::methods::AuthTeam;
    /// let team: AuthTeam = serde_json::from_str(r#"{"name":"Shinichi's workspace","id":"T12345678"}"#)?;
    /// assert_eq!(team.id.as_str(), "T12345678");
    /// assert_eq!(team.name, "Shinichi's workspace");
    /// assert!(team.icon.is_none());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AuthTeam {
        required {
            /// The workspace's id (`T...`).
            pub id: TeamId,
        }
        /// The workspace's name.
        pub name: String,
        /// The workspace's icon, when `include_icon` asked for it.
        pub icon: Option<TeamIcon>,
    }
}
