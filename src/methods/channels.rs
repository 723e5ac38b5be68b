//! The `conversations.*` methods that find, open, create and join conversations and list who is
//! in them: `conversations.list`, `conversations.info`, `conversations.members`,
//! `conversations.open`, `conversations.join`, `conversations.create`, `conversations.invite`.

use crate::types::{Conversation, Item, List, ResponseMetadata};
use crate::{slack_method, ChannelId, InvalidRequest, PageItems, TeamId, UserId};
use serde::{Deserialize, Serialize};

pub use crate::types::{MAX_CHANNEL_NAME_CHARS, MAX_DM_USERS, MAX_INVITE_USERS, MAX_PAGE_LIMIT};

/// A kind of conversation, as the `types` parameter of `conversations.list` and
/// `users.conversations` names it.
///
/// ```
/// use slack_methods::methods::{ConversationType, ConversationsList};
/// let list = ConversationsList::new().types([ConversationType::PublicChannel, ConversationType::PrivateChannel]);
/// assert_eq!(slack_methods::encode_params(&list)?, "types=public_channel%2Cprivate_channel");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConversationType {
    /// Public channels (`public_channel`).
    PublicChannel,
    /// Private channels (`private_channel`).
    PrivateChannel,
    /// Group direct messages (`mpim`).
    Mpim,
    /// Direct messages (`im`).
    Im,
}

wire_enum!(
    ConversationType,
    "kind of conversation",
    "A kind of conversation: public_channel, private_channel, mpim (group direct messages) or im (direct messages).",
    {
        PublicChannel => "public_channel",
        PrivateChannel => "private_channel",
        Mpim => "mpim",
        Im => "im",
    }
);

/// A page `limit` Slack accepts: at most [`MAX_PAGE_LIMIT`].
pub(crate) fn check_limit(limit: Option<u32>) -> Result<(), InvalidRequest> {
    match limit {
        Some(limit) if limit > MAX_PAGE_LIMIT => Err(InvalidRequest::new(format!(
            "`limit` is {limit}; Slack returns at most {MAX_PAGE_LIMIT} items a page"
        ))),
        _ => Ok(()),
    }
}

/// `conversations.list`: lists the workspace's conversations, one page at a time. Without
/// `types` it lists public channels; private channels, direct messages and group direct
/// messages are listed (those the token's user is in) when `types` names them.
///
/// Stream every page with `client.pages(&list)`, or every conversation across pages with
/// `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::{ConversationType, ConversationsList};
/// let list = ConversationsList::new()
///     .types([ConversationType::PublicChannel, ConversationType::PrivateChannel])
///     .exclude_archived();
/// let mut channels = std::pin::pin!(client.items(&list));
/// while let Some(channel) = channels.try_next().await? {
///     if let Some(channel) = channel.parsed() {
///         println!("#{} ({})", channel.name, channel.id);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "conversations.list",
    response = ConversationsListResponse,
    validate = ConversationsList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsList {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether to leave archived channels out.
    pub exclude_archived: Option<bool>,
    /// The most conversations on one page (at most 1000; Slack may return fewer, even on a page
    /// that is not the last).
    pub limit: Option<u32>,
    /// With an org-level token: the workspace whose conversations to list.
    pub team_id: Option<TeamId>,
    /// Which kinds of conversation to list: `public_channel`, `private_channel`, `mpim`, `im`
    /// (public channels when absent).
    pub types: Option<Vec<ConversationType>>,
}

impl ConversationsList {
    /// The first page of the workspace's public channels.
    pub fn new() -> Self {
        Self::default()
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
    /// What `conversations.list` answers: one page of conversations.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsListResponse {
        /// The page's conversations; one that does not fit [`Conversation`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub channels: List<Conversation>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ConversationsListResponse {
    type Item = Item<Conversation>;
    fn into_items(self) -> Vec<Item<Conversation>> {
        self.channels.into_items()
    }
}

/// `conversations.info`: reads one conversation (a channel, private channel, direct message or
/// group direct message) by id.
///
/// ```
/// use slack_methods::methods::ConversationsInfo;
/// use slack_methods::ChannelId;
/// let info = ConversationsInfo::of(ChannelId::new("C0123ABCD")?).with_num_members();
/// assert_eq!(slack_methods::encode_params(&info)?, "channel=C0123ABCD&include_num_members=true");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("conversations.info", response = ConversationsInfoResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsInfo {
    /// The conversation's id (`C...`, `G...` or `D...`).
    pub channel: ChannelId,
    /// Whether to include the conversation's locale.
    pub include_locale: Option<bool>,
    /// Whether to include the number of members.
    pub include_num_members: Option<bool>,
}

impl ConversationsInfo {
    /// Reads `channel`.
    pub fn of(channel: ChannelId) -> Self {
        ConversationsInfo {
            channel,
            include_locale: None,
            include_num_members: None,
        }
    }

    /// Asks for the number of members too.
    pub fn with_num_members(mut self) -> Self {
        self.include_num_members = Some(true);
        self
    }

    /// Asks for the locale too.
    pub fn with_locale(mut self) -> Self {
        self.include_locale = Some(true);
        self
    }
}

crate::slack_object! {
    /// What `conversations.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsInfoResponse {
        required {
            /// The conversation.
            pub channel: Conversation,
        }
    }
}

/// `conversations.members`: lists the user ids of a conversation's members, one page at a time.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ConversationsMembers;
/// let members = ConversationsMembers::of("C0123ABCD".parse()?);
/// let everyone: Vec<slack_methods::UserId> = client.items(&members).try_collect().await?;
/// println!("{} members", everyone.len());
/// # Ok(()) }
/// ```
#[slack_method(
    "conversations.members",
    response = ConversationsMembersResponse,
    validate = ConversationsMembers::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsMembers {
    /// The conversation's id.
    pub channel: ChannelId,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// The most members on one page (at most 1000).
    pub limit: Option<u32>,
}

impl ConversationsMembers {
    /// The first page of `channel`'s members.
    pub fn of(channel: ChannelId) -> Self {
        ConversationsMembers {
            channel,
            cursor: None,
            limit: None,
        }
    }

    page_builders!("members");

    fn check(&self) -> Result<(), InvalidRequest> {
        check_limit(self.limit)
    }
}

crate::slack_object! {
    /// What `conversations.members` answers: one page of member ids.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsMembersResponse {
        /// The page's members.
        pub members: Vec<UserId>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ConversationsMembersResponse {
    type Item = UserId;
    fn into_items(self) -> Vec<UserId> {
        self.members
    }
}

/// `conversations.open`: opens (or finds) a direct message with one user, or a group direct
/// message with up to eight, and answers its id; or reopens a direct message by its id.
///
/// ```
/// use slack_methods::methods::ConversationsOpen;
/// use slack_methods::UserId;
/// let dm = ConversationsOpen::with([UserId::new("U0123ABCD")?]);
/// assert_eq!(slack_methods::encode_params(&dm)?, "users=U0123ABCD");
/// let group = ConversationsOpen::with([UserId::new("U0123ABCD")?, UserId::new("U0456EFGH")?]).full();
/// assert_eq!(slack_methods::encode_params(&group)?, "return_im=true&users=U0123ABCD%2CU0456EFGH");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.open",
    response = ConversationsOpenResponse,
    validate = ConversationsOpen::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsOpen {
    /// A direct message or group direct message to reopen, by id (instead of `users`).
    pub channel: Option<ChannelId>,
    /// Whether to answer the whole conversation object rather than only its id.
    pub return_im: Option<bool>,
    /// The users to talk with (instead of `channel`): one for a direct message, two to eight
    /// for a group direct message; the token's user is added.
    pub users: Option<Vec<UserId>>,
}

impl ConversationsOpen {
    /// A direct message with one user, or a group direct message with several.
    pub fn with(users: impl IntoIterator<Item = UserId>) -> Self {
        ConversationsOpen {
            users: Some(users.into_iter().collect()),
            ..Self::default()
        }
    }

    /// Reopens the direct message `channel`.
    pub fn resume(channel: ChannelId) -> Self {
        ConversationsOpen {
            channel: Some(channel),
            ..Self::default()
        }
    }

    /// Asks for the whole conversation object, not only its id.
    pub fn full(mut self) -> Self {
        self.return_im = Some(true);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match (&self.channel, &self.users) {
            (Some(_), Some(_)) => Err(InvalidRequest::new(
                "give `channel` (to reopen it) or `users` (to talk with them), not both",
            )),
            (None, None) => Err(InvalidRequest::new(
                "give the `users` to talk with, or the `channel` to reopen",
            )),
            (None, Some(users)) if users.is_empty() => Err(InvalidRequest::new(
                "`users` is empty: name at least one user",
            )),
            (None, Some(users)) if users.len() > MAX_DM_USERS => Err(InvalidRequest::new(format!(
                "{} users: a group direct message has at most {MAX_DM_USERS} besides you",
                users.len()
            ))),
            _ => Ok(()),
        }
    }
}

crate::slack_object! {
    /// What `conversations.open` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsOpenResponse {
        required {
            /// The conversation: only its `id` unless `return_im` asked for all of it.
            pub channel: Conversation,
        }
        /// Whether the conversation existed already.
        pub already_open: bool,
        /// Whether nothing changed (the conversation was open already).
        pub no_op: bool,
    }
}

/// `conversations.join`: joins a public channel as the token's user. Joining a channel the user
/// is in already succeeds, with the warning `already_in_channel`.
///
/// Bot tokens need `channels:join`, user tokens `channels:write`.
///
/// ```
/// use slack_methods::methods::ConversationsJoin;
/// use slack_methods::ChannelId;
/// let join = ConversationsJoin::channel(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&join)?, "channel=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.join",
    response = ConversationsJoinResponse,
    scope = "channels:join",
    scope = "channels:write",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsJoin {
    /// The public channel to join.
    pub channel: ChannelId,
}

impl ConversationsJoin {
    /// Joins `channel`.
    pub fn channel(channel: ChannelId) -> Self {
        ConversationsJoin { channel }
    }
}

crate::slack_object! {
    /// What `conversations.join` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsJoinResponse {
        required {
            /// The channel joined.
            pub channel: Conversation,
        }
    }
}

/// `conversations.create`: creates a public or private channel, with the token's user as its
/// first member.
///
/// Names are at most 80 characters, in lowercase, without spaces or punctuation other than `-`
/// and `_`; a name that breaks these rules is refused before anything is sent.
///
/// ```
/// use slack_methods::methods::ConversationsCreate;
/// let create = ConversationsCreate::private("incident-2024-07");
/// assert_eq!(slack_methods::encode_params(&create)?, "name=incident-2024-07&is_private=true");
/// assert!(slack_methods::encode_params(&ConversationsCreate::public("Not Valid!")).is_err());
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "conversations.create",
    response = ConversationsCreateResponse,
    validate = ConversationsCreate::check,
    scope = "channels:manage",
    scope = "channels:write",
    scope = "groups:write",
    scope = "im:write",
    scope = "mpim:write",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsCreate {
    /// The channel's name, without `#`: lowercase letters, numbers, `-` and `_`, at most 80
    /// characters.
    pub name: String,
    /// Whether the channel is private.
    pub is_private: Option<bool>,
    /// With an org-level token: the workspace to create the channel in.
    pub team_id: Option<TeamId>,
}

impl ConversationsCreate {
    /// A public channel named `name`.
    pub fn public(name: impl Into<String>) -> Self {
        ConversationsCreate {
            name: name.into(),
            is_private: None,
            team_id: None,
        }
    }

    /// A private channel named `name`.
    pub fn private(name: impl Into<String>) -> Self {
        ConversationsCreate {
            is_private: Some(true),
            ..Self::public(name)
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_channel_name(&self.name)
    }
}

/// Slack's rules for a channel's name (a new one, or a new name).
pub(crate) fn check_channel_name(name: &str) -> Result<(), InvalidRequest> {
    let chars = name.chars().count();
    if chars == 0 {
        return Err(InvalidRequest::new("the channel name is empty"));
    }
    if chars > MAX_CHANNEL_NAME_CHARS {
        return Err(InvalidRequest::new(format!(
            "the channel name is {chars} characters long; Slack accepts at most {MAX_CHANNEL_NAME_CHARS}"
        )));
    }
    let bad = name.chars().find(|c| {
        c.is_whitespace()
            || c.is_uppercase()
            || (c.is_ascii_punctuation() && *c != '-' && *c != '_')
            || c.is_control()
    });
    if let Some(bad) = bad {
        return Err(InvalidRequest::new(format!(
            "the channel name `{name}` has {bad:?}; names take lowercase letters, numbers, `-` and `_`"
        )));
    }
    if name.chars().all(|c| c == '-' || c == '_') {
        return Err(InvalidRequest::new(format!(
            "the channel name `{name}` has only punctuation; add a letter or number"
        )));
    }
    Ok(())
}

crate::slack_object! {
    /// What `conversations.create` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsCreateResponse {
        required {
            /// The new channel.
            pub channel: Conversation,
        }
    }
}

/// `conversations.invite`: adds users to a channel the token's user is in (up to 1000 a call).
///
/// ```
/// use slack_methods::methods::ConversationsInvite;
/// use slack_methods::{ChannelId, UserId};
/// let invite = ConversationsInvite::to(ChannelId::new("C0123ABCD")?, [UserId::new("U0123ABCD")?, UserId::new("U0456EFGH")?]);
/// assert_eq!(slack_methods::encode_params(&invite)?, "channel=C0123ABCD&users=U0123ABCD%2CU0456EFGH");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.invite",
    response = ConversationsInviteResponse,
    validate = ConversationsInvite::check,
    scope = "channels:manage",
    scope = "channels:write",
    scope = "groups:write",
    scope = "im:write",
    scope = "mpim:write",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsInvite {
    /// The channel to add the users to.
    pub channel: ChannelId,
    /// The users to add (1 to 1000).
    pub users: Vec<UserId>,
    /// Whether to add the valid users when some of `users` cannot be added, instead of failing
    /// the whole call.
    pub force: Option<bool>,
}

impl ConversationsInvite {
    /// Adds `users` to `channel`.
    pub fn to(channel: ChannelId, users: impl IntoIterator<Item = UserId>) -> Self {
        ConversationsInvite {
            channel,
            users: users.into_iter().collect(),
            force: None,
        }
    }

    /// Adds the users that can be added even when some cannot.
    pub fn force(mut self) -> Self {
        self.force = Some(true);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match self.users.len() {
            0 => Err(InvalidRequest::new(
                "`users` is empty: name at least one user",
            )),
            n if n > MAX_INVITE_USERS => Err(InvalidRequest::new(format!(
                "{n} users: Slack invites at most {MAX_INVITE_USERS} a call; split them"
            ))),
            _ => Ok(()),
        }
    }
}

crate::slack_object! {
    /// What `conversations.invite` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsInviteResponse {
        required {
            /// The channel, with its new members.
            pub channel: Conversation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_names_follow_slacks_rules() {
        for good in ["general", "incident-2024_07", "équipe", "a"] {
            assert!(check_channel_name(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Has Caps",
            "with space",
            "dot.ted",
            "#hash",
            "---",
            &"x".repeat(81),
        ] {
            assert!(check_channel_name(bad).is_err(), "{bad}");
        }
        assert!(check_channel_name(&"é".repeat(80)).is_ok());
    }
}
