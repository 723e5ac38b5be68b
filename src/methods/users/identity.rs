//! `users.identity`: who signed in with Slack's legacy Sign in with Slack, read with their
//! identity token.

use crate::{slack_method, TeamId, UserId};
use serde::Deserialize;

/// `users.identity`: who signed in with Slack's legacy Sign in with Slack: the user and
/// workspace of a user token with the scope `identity.basic` (a bot token is refused). The
/// answer widens with the token's other identity scopes: `identity.email` adds the user's
/// email address, `identity.avatar` their images, and `identity.team` the workspace's name,
/// domain and icon.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client, token: slack_methods::Token) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::UsersIdentity;
/// let who = client.call_with_token(&UsersIdentity, &token).await?;
/// println!("{} ({}) of {}", who.user.name, who.user.id, who.team.id);
/// if let Some(email) = &who.user.email {
///     println!("writes from {email}");
/// }
/// # Ok(()) }
/// ```
#[slack_method("users.identity", response = UsersIdentityResponse)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct UsersIdentity;

crate::slack_object! {
    /// What `users.identity` answers: the user and their workspace, with what the token's
    /// scopes allow.
    ///
    /// ```
    /// use slack_methods::methods::UsersIdentityResponse;
    /// let who: UsersIdentityResponse = serde_json::from_str(
    ///     r#"{"user":{"name":"Sonny Whether","id":"U0G9QF9C6","email":"bobby@example.com"},
    ///         "team":{"id":"T0G9PQBBK"}}"#,
    /// )?;
    /// assert_eq!(who.user.email.as_deref(), Some("bobby@example.com"));
    /// assert_eq!(who.user.image_24, None);
    /// assert_eq!(who.team.name, None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersIdentityResponse {
        required {
            /// The user who signed in.
            pub user: IdentityUser,
            /// Their workspace.
            pub team: IdentityTeam,
        }
    }
}

crate::slack_object! {
    /// The user of a `users.identity` answer: their id and name always, their email with
    /// `identity.email`, their images with `identity.avatar`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct IdentityUser {
        required {
            /// The user's id.
            pub id: UserId,
        }
        /// Their name, as Slack shows it.
        pub name: String,
        /// Their email address (scope `identity.email`).
        pub email: Option<String>,
        /// 24×24 image URL (scope `identity.avatar`).
        pub image_24: Option<String>,
        /// 32×32 image URL.
        pub image_32: Option<String>,
        /// 48×48 image URL.
        pub image_48: Option<String>,
        /// 72×72 image URL.
        pub image_72: Option<String>,
        /// 192×192 image URL.
        pub image_192: Option<String>,
        /// 512×512 image URL.
        pub image_512: Option<String>,
    }
}

crate::slack_object! {
    /// The workspace of a `users.identity` answer: its id always, its name, domain and icon
    /// with `identity.team`.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct IdentityTeam {
        required {
            /// The workspace's id.
            pub id: TeamId,
        }
        /// Its name (scope `identity.team`).
        pub name: Option<String>,
        /// Its domain, `acme` for `acme.slack.com`.
        pub domain: Option<String>,
        /// 34×34 icon URL.
        pub image_34: Option<String>,
        /// 44×44 icon URL.
        pub image_44: Option<String>,
        /// 68×68 icon URL.
        pub image_68: Option<String>,
        /// 88×88 icon URL.
        pub image_88: Option<String>,
        /// 102×102 icon URL.
        pub image_102: Option<String>,
        /// 132×132 icon URL.
        pub image_132: Option<String>,
        /// 230×230 icon URL.
        pub image_230: Option<String>,
        /// Whether the icon is Slack's default.
        pub image_default: Option<bool>,
    }
}
