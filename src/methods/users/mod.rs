//! The `users.*` family: `users.info`, `users.list`, `users.lookupByEmail`,
//! `users.conversations`, the presence methods in [`presence`], the profile methods in
//! [`profile`], Sign in with Slack's `users.identity` in [`identity`] and Slack Connect's
//! `users.discoverableContacts.lookup` in [`contacts`].

pub mod contacts;
pub mod identity;
pub mod presence;
pub mod profile;

use super::channels::{check_limit, ConversationType};
use crate::types::{Conversation, Item, List, ResponseMetadata, User};
use crate::{slack_method, InvalidRequest, PageItems, TeamId, UserId};
use serde::Deserialize;

/// `users.info`: reads one user (a person or a bot) by id.
///
/// ```
/// use slack_methods::methods::UsersInfo;
/// use slack_methods::UserId;
/// let info = UsersInfo::of(UserId::new("U0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&info)?, "user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("users.info", response = UsersInfoResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersInfo {
    /// The user's id.
    pub user: UserId,
    /// Whether to include the user's locale.
    pub include_locale: Option<bool>,
}

impl UsersInfo {
    /// Reads `user`.
    pub fn of(user: UserId) -> Self {
        UsersInfo {
            user,
            include_locale: None,
        }
    }

    /// Asks for the user's locale too.
    pub fn with_locale(mut self) -> Self {
        self.include_locale = Some(true);
        self
    }
}

crate::slack_object! {
    /// What `users.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersInfoResponse {
        required {
            /// The user.
            pub user: User,
        }
    }
}

/// `users.list`: lists the workspace's users (people, bots, deactivated accounts), one page at
/// a time.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::UsersList;
/// let list = UsersList::new().limit(200);
/// let mut users = std::pin::pin!(client.items(&list));
/// while let Some(user) = users.try_next().await? {
///     if let Some(user) = user.parsed().filter(|user| !user.deleted && !user.is_bot) {
///         println!("{} ({})", user.display_name(), user.id);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method("users.list", response = UsersListResponse, validate = UsersList::check)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersList {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether to include each user's locale.
    pub include_locale: Option<bool>,
    /// The most users on one page (at most 1000; Slack suggests 200).
    pub limit: Option<u32>,
    /// With an org-level token: the workspace whose users to list.
    pub team_id: Option<TeamId>,
}

impl UsersList {
    /// The first page of the workspace's users.
    pub fn new() -> Self {
        Self::default()
    }

    page_builders!("users");

    fn check(&self) -> Result<(), InvalidRequest> {
        check_limit(self.limit)
    }
}

crate::slack_object! {
    /// What `users.list` answers: one page of users.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersListResponse {
        /// The page's users; one that does not fit [`User`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub members: List<User>,
        /// When the list was cached (Unix seconds).
        pub cache_ts: Option<i64>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for UsersListResponse {
    type Item = Item<User>;
    fn into_items(self) -> Vec<Item<User>> {
        self.members.into_items()
    }
}

/// `users.lookupByEmail`: finds the user with an email address (needs `users:read.email`).
///
/// ```
/// use slack_methods::methods::UsersLookupByEmail;
/// let find = UsersLookupByEmail::email("ada@example.com");
/// assert_eq!(slack_methods::encode_params(&find)?, "email=ada%40example.com");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "users.lookupByEmail",
    response = UsersLookupByEmailResponse,
    validate = UsersLookupByEmail::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersLookupByEmail {
    /// The email address to look for.
    pub email: String,
}

impl UsersLookupByEmail {
    /// Looks for the user with `email`.
    pub fn email(email: impl Into<String>) -> Self {
        UsersLookupByEmail {
            email: email.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_email(&self.email)
    }
}

/// Refuses an email address that is empty or blank: it names no one. `users.lookupByEmail` and
/// `users.discoverableContacts.lookup` share it.
fn check_email(email: &str) -> Result<(), InvalidRequest> {
    if email.trim().is_empty() {
        return Err(InvalidRequest::new("the email address is empty"));
    }
    Ok(())
}

crate::slack_object! {
    /// What `users.lookupByEmail` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersLookupByEmailResponse {
        required {
            /// The user with that address.
            pub user: User,
        }
    }
}

/// `users.conversations`: lists the conversations a user is in (the token's user unless
/// `user` says), one page at a time. Without `types` it lists public channels.
///
/// ```
/// use slack_methods::methods::{ConversationType, UsersConversations};
/// let mine = UsersConversations::new().types([ConversationType::Im, ConversationType::Mpim]);
/// assert_eq!(slack_methods::encode_params(&mine)?, "types=im%2Cmpim");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "users.conversations",
    response = UsersConversationsResponse,
    validate = UsersConversations::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsersConversations {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether to leave archived channels out.
    pub exclude_archived: Option<bool>,
    /// The most conversations on one page (at most 1000).
    pub limit: Option<u32>,
    /// With an org-level token: the workspace whose conversations to list.
    pub team_id: Option<TeamId>,
    /// Which kinds of conversation to list: `public_channel`, `private_channel`, `mpim`, `im`
    /// (public channels when absent).
    pub types: Option<Vec<ConversationType>>,
    /// Whose conversations: the token's user when absent. Private ones are listed only when the
    /// token's user is in them too.
    pub user: Option<UserId>,
}

impl UsersConversations {
    /// The first page of the token's user's public channels.
    pub fn new() -> Self {
        Self::default()
    }

    /// The conversations `user` is in.
    pub fn of(user: UserId) -> Self {
        UsersConversations {
            user: Some(user),
            ..Self::default()
        }
    }

    /// Lists these kinds of conversation.
    pub fn types(mut self, types: impl IntoIterator<Item = ConversationType>) -> Self {
        self.types = Some(types.into_iter().collect());
        self
    }

    /// Leaves archived channels out.
    pub fn exclude_archived(mut self) -> Self {
        self.exclude_archived = Some(true);
        self
    }

    page_builders!("conversations");

    fn check(&self) -> Result<(), InvalidRequest> {
        check_limit(self.limit)
    }
}

crate::slack_object! {
    /// What `users.conversations` answers: one page of conversations.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsersConversationsResponse {
        /// The page's conversations; one that does not fit [`Conversation`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub channels: List<Conversation>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for UsersConversationsResponse {
    type Item = Item<Conversation>;
    fn into_items(self) -> Vec<Item<Conversation>> {
        self.channels.into_items()
    }
}
