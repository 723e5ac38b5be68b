//! `users.getPresence` and `users.setPresence`: whether a user is active or away.

use crate::methods::Acknowledged;
use crate::types::Presence;
use crate::{slack_method, UserId};
use serde::{Deserialize, Serialize};

/// `users.getPresence`: whether a user is active or away. For the token's own user Slack also
/// says why (`manual_away`, `auto_away`) and how it is connected.
///
/// ```
/// use slack_methods::methods::UsersGetPresence;
/// use slack_methods::UserId;
/// let presence = UsersGetPresence::of(UserId::new("U0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&presence)?, "user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("users.getPresence", response = UsersGetPresenceResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersGetPresence {
    /// The user whose presence to read.
    pub user: UserId,
}

impl UsersGetPresence {
    /// Reads `user`'s presence.
    pub fn of(user: UserId) -> Self {
        UsersGetPresence { user }
    }
}

crate::slack_object! {
    /// What `users.getPresence` answers: `presence`, and for the token's own user the details.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersGetPresenceResponse {
        required {
            /// `active` or `away` (a value Slack adds is kept as
            /// [`Presence::Other`](crate::types::Presence)).
            pub presence: Presence,
        }
        /// Whether the user is connected to Slack (the token's own user only).
        pub online: Option<bool>,
        /// Whether Slack set the user away for inactivity (the token's own user only).
        pub auto_away: Option<bool>,
        /// Whether the user set themselves away (the token's own user only).
        pub manual_away: Option<bool>,
        /// How many clients the user has connected (the token's own user only).
        pub connection_count: Option<u64>,
        /// When the user was last active, Unix seconds (the token's own user only).
        pub last_activity: Option<i64>,
    }
}

/// The presence a user can set with `users.setPresence`: `auto` (Slack decides from activity)
/// or `away`.
///
/// ```
/// use slack_methods::methods::PresenceSetting;
/// assert_eq!(PresenceSetting::Away.as_str(), "away");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PresenceSetting {
    /// Active when the user is, as Slack sees from their activity (`auto`).
    Auto,
    /// Away, whatever the user does, until set back to `auto` (`away`).
    Away,
}

wire_enum!(
    PresenceSetting,
    "setting",
    "auto (active or away as the user's activity shows) or away.",
    {
        Auto => "auto",
        Away => "away",
    }
);

/// `users.setPresence`: sets the token's user away, or back to `auto` (needs a user token with
/// `users:write`).
///
/// ```
/// use slack_methods::methods::UsersSetPresence;
/// assert_eq!(slack_methods::encode_params(&UsersSetPresence::away())?, "presence=away");
/// assert_eq!(slack_methods::encode_params(&UsersSetPresence::auto())?, "presence=auto");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("users.setPresence", response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersSetPresence {
    /// `auto` or `away`.
    pub presence: PresenceSetting,
}

impl UsersSetPresence {
    /// Sets the token's user's presence to `presence`.
    pub fn new(presence: PresenceSetting) -> Self {
        UsersSetPresence { presence }
    }

    /// Sets the token's user away.
    pub fn away() -> Self {
        Self::new(PresenceSetting::Away)
    }

    /// Lets Slack decide from the token's user's activity again.
    pub fn auto() -> Self {
        Self::new(PresenceSetting::Auto)
    }
}
