//! Slack Connect's contact lookup: `users.discoverableContacts.lookup`.

use crate::{slack_method, InvalidRequest};
use serde::Deserialize;

/// `users.discoverableContacts.lookup`: whether someone with this email address can be found
/// on Slack for Slack Connect, and nothing more about them (find a member's profile with
/// `users.lookupByEmail` instead). People and organizations may opt out of being found, and
/// are then not discoverable. An empty address is refused before sending. Scope
/// `conversations.connect:manage` (Slack's page, which names `team:read` as well, both for
/// bot tokens; Slack's tables name none). Slack's page: for workspaces on an Enterprise plan.
///
/// ```
/// use slack_methods::methods::UsersDiscoverableContactsLookup;
/// let lookup = UsersDiscoverableContactsLookup::email("scott@example.com");
/// assert_eq!(
///     slack_methods::encode_params(&lookup)?,
///     "email=scott%40example.com",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "users.discoverableContacts.lookup",
    scope = "conversations.connect:manage",
    writes = false,
    response = DiscoverableContactResponse,
    validate = UsersDiscoverableContactsLookup::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersDiscoverableContactsLookup {
    /// The email address to look up.
    #[slack(unchecked)]
    pub email: String,
}

impl UsersDiscoverableContactsLookup {
    /// Looks up `email`.
    pub fn email(email: impl Into<String>) -> Self {
        UsersDiscoverableContactsLookup {
            email: email.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_email(&self.email)
    }
}

crate::slack_object! {
    /// What `users.discoverableContacts.lookup` answers: whether the address is discoverable.
    ///
    /// ```
    /// use slack_methods::methods::DiscoverableContactResponse;
    /// let answer: DiscoverableContactResponse =
    ///     serde_json::from_str(r#"{"is_discoverable": true}"#)?;
    /// assert!(answer.is_discoverable);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct DiscoverableContactResponse {
        required {
            /// Whether someone with the address can be found on Slack (`false` also for one who
            /// opted out, or no one).
            pub is_discoverable: bool,
        }
    }
}
