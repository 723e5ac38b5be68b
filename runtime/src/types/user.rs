//! [`User`]: a member of a workspace, person or bot; [`Presence`]: whether one is active.

use super::Profile;
use crate::{EnterpriseId, TeamId, UserId};

crate::slack_object! {
    /// A user, as `users.info`, `users.list` and `users.lookupByEmail` return it.
    ///
    /// ```
    /// use slack_methods_runtime::types::User;
    /// let user: User = serde_json::from_str(r#"{
    ///     "id": "W012A3CDE", "team_id": "T012AB3C4", "name": "spengler", "deleted": false,
    ///     "real_name": "Egon Spengler", "tz": "America/Los_Angeles", "tz_offset": -25200,
    ///     "profile": {"real_name": "Egon Spengler", "display_name": "spengler", "status_emoji": ":books:"},
    ///     "is_admin": true, "is_bot": false, "updated": 1502138686
    /// }"#)?;
    /// assert_eq!(user.id, "W012A3CDE");
    /// assert!(user.is_admin);
    /// assert_eq!(user.profile.status_emoji, ":books:");
    /// assert_eq!(user.display_name(), "spengler");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct User {
        required {
            /// The user id.
            pub id: UserId,
        }
        /// The user's workspace.
        pub team_id: Option<TeamId>,
        /// The username (the legacy handle).
        pub name: String,
        /// Whether the account is deactivated.
        pub deleted: bool,
        /// The color of the name in some clients (hex, no `#`).
        pub color: Option<String>,
        /// The full name.
        pub real_name: Option<String>,
        /// The time zone, such as `America/Los_Angeles`.
        pub tz: Option<String>,
        /// The time zone's name, such as `Pacific Daylight Time`.
        pub tz_label: Option<String>,
        /// The time zone's offset from UTC, in seconds.
        pub tz_offset: Option<i64>,
        /// The profile.
        pub profile: Profile,
        /// Whether the user is an admin of the workspace.
        pub is_admin: bool,
        /// Whether the user is an owner.
        pub is_owner: bool,
        /// Whether the user is the primary owner.
        pub is_primary_owner: bool,
        /// Whether the user is a multi-channel guest.
        pub is_restricted: bool,
        /// Whether the user is a single-channel guest.
        pub is_ultra_restricted: bool,
        /// Whether the user is a bot.
        pub is_bot: bool,
        /// Whether the user is an app's user.
        pub is_app_user: bool,
        /// Whether the user is a workflow's bot.
        pub is_workflow_bot: Option<bool>,
        /// Whether the user has confirmed the email address.
        pub is_email_confirmed: Option<bool>,
        /// Whether the user was invited and has not joined yet.
        pub is_invited_user: Option<bool>,
        /// Whether the user belongs to another organization (shared channels).
        pub is_stranger: Option<bool>,
        /// Whether two-factor authentication is on (admins' tokens only).
        pub has_2fa: Option<bool>,
        /// `app` or `sms` (admins' tokens only).
        pub two_factor_type: Option<String>,
        /// When the user last changed (Unix seconds).
        pub updated: i64,
        /// The locale, such as `en-US` (when asked for with `include_locale`).
        pub locale: Option<String>,
        /// `active` or `away` (when asked for with `presence`).
        pub presence: Option<String>,
        /// Who may see the contact card.
        pub who_can_share_contact_card: Option<String>,
        /// On Enterprise Grid: the user's org-level identity.
        pub enterprise_user: Option<EnterpriseUser>,
        /// On Enterprise Grid: the workspaces the user is in.
        pub teams: Vec<TeamId>,
        /// On Enterprise Grid: the org.
        pub enterprise_id: Option<EnterpriseId>,
        /// On Enterprise Grid: the org's name.
        pub enterprise_name: Option<String>,
    }
}

impl User {
    /// The name Slack shows: the display name, else the full name, else the username.
    pub fn display_name(&self) -> &str {
        [
            self.profile.display_name.as_str(),
            self.profile.real_name.as_str(),
            self.real_name.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .find(|name| !name.is_empty())
        .unwrap_or(&self.name)
    }
}

crate::slack_object! {
    /// A user's identity across an Enterprise Grid org.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct EnterpriseUser {
        /// The org-level user id.
        pub id: Option<UserId>,
        /// The org.
        pub enterprise_id: Option<EnterpriseId>,
        /// The org's name.
        pub enterprise_name: String,
        /// Whether the user is an org admin.
        pub is_admin: bool,
        /// Whether the user is an org owner.
        pub is_owner: bool,
        /// Whether the user is the org's primary owner.
        pub is_primary_owner: bool,
        /// The workspaces the user is in.
        pub teams: Vec<TeamId>,
    }
}

crate::slack_enum! {
    /// A user's presence, as `users.getPresence` answers it.
    ///
    /// ```
    /// use slack_methods_runtime::types::Presence;
    /// let away: Presence = serde_json::from_str(r#""away""#)?;
    /// assert_eq!(away, Presence::Away);
    /// let later: Presence = serde_json::from_str(r#""on_a_break""#)?;
    /// assert_eq!(later, Presence::Other("on_a_break".into()));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum Presence {
        /// Active: online, and not set away.
        Active = "active",
        /// Away: set away by hand, idle, or not connected.
        Away = "away",
    }
}
