//! The `auth.*` family.

use crate::{slack_method, BotId, EnterpriseId, TeamId, UserId};
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
