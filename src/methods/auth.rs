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
