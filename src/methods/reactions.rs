//! The `reactions.*` family: emoji reactions on messages.

use super::channels::check_limit;
use super::Acknowledged;
use crate::types::{File, Item, List, Message, Paging, ResponseMetadata, Timestamp};
use crate::{slack_method, ChannelId, InvalidRequest, PageItems, TeamId, UserId};
use serde::Deserialize;

/// An emoji name as Slack wants it: without the colons around it (`thumbsup`,
/// `wave::skin-tone-2`).
fn emoji_name(name: impl Into<String>) -> String {
    let name = name.into();
    let trimmed = name.trim().trim_start_matches(':').trim_end_matches(':');
    if trimmed.len() == name.len() {
        name
    } else {
        trimmed.to_owned()
    }
}

fn check_name(name: &str) -> Result<(), InvalidRequest> {
    if name.is_empty() {
        return Err(InvalidRequest::new(
            "the emoji `name` is empty: give one such as `thumbsup`",
        ));
    }
    if name.starts_with(':') || name.ends_with(':') || name.chars().any(char::is_whitespace) {
        return Err(InvalidRequest::new(format!(
            "`{name}` is not an emoji name: write it without colons or spaces, e.g. `thumbsup` (Slack answers `invalid_name`)"
        )));
    }
    Ok(())
}

/// `reactions.add`: adds an emoji reaction, from the token's user or bot, to a message.
///
/// ```
/// use slack_methods::methods::ReactionsAdd;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let react = ReactionsAdd::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"), ":tada:");
/// assert_eq!(react.name, "tada");
/// assert_eq!(
///     slack_methods::encode_params(&react)?,
///     "channel=C0123ABCD&name=tada&timestamp=1712345678.000100",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("reactions.add", response = Acknowledged, validate = ReactionsAdd::check)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReactionsAdd {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The emoji's name, without colons (`thumbsup`, `wave::skin-tone-2`).
    pub name: String,
    /// The message's `ts`.
    pub timestamp: Timestamp,
}

impl ReactionsAdd {
    /// Reacts with the emoji `name` (colons around it are dropped) to the message `timestamp`
    /// in `channel`.
    pub fn new(channel: ChannelId, timestamp: Timestamp, name: impl Into<String>) -> Self {
        ReactionsAdd {
            channel,
            name: emoji_name(name),
            timestamp,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_name(&self.name)
    }
}

/// `reactions.remove`: takes back the token's user's or bot's emoji reaction on a message.
///
/// ```
/// use slack_methods::methods::ReactionsRemove;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let undo = ReactionsRemove::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"), "tada");
/// assert_eq!(
///     slack_methods::encode_params(&undo)?,
///     "name=tada&channel=C0123ABCD&timestamp=1712345678.000100",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("reactions.remove", response = Acknowledged, validate = ReactionsRemove::check)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReactionsRemove {
    /// The emoji's name, without colons.
    pub name: String,
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The message's `ts`.
    pub timestamp: Timestamp,
}

impl ReactionsRemove {
    /// Removes the reaction `name` (colons around it are dropped) from the message `timestamp`
    /// in `channel`.
    pub fn new(channel: ChannelId, timestamp: Timestamp, name: impl Into<String>) -> Self {
        ReactionsRemove {
            name: emoji_name(name),
            channel,
            timestamp,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_name(&self.name)
    }
}

/// `reactions.get`: a message with its reactions, each with its count and who reacted.
///
/// ```
/// use slack_methods::methods::ReactionsGet;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let get = ReactionsGet::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100")).full();
/// assert_eq!(
///     slack_methods::encode_params(&get)?,
///     "channel=C0123ABCD&timestamp=1712345678.000100&full=true",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("reactions.get", response = ReactionsGetResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReactionsGet {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The message's `ts`.
    pub timestamp: Timestamp,
    /// Whether to always answer every user who reacted (Slack may list fewer than `count`).
    pub full: Option<bool>,
}

impl ReactionsGet {
    /// The reactions on the message `timestamp` in `channel`.
    pub fn new(channel: ChannelId, timestamp: Timestamp) -> Self {
        ReactionsGet {
            channel,
            timestamp,
            full: None,
        }
    }

    /// Asks for every user who reacted, not a shortened list.
    pub fn full(mut self) -> Self {
        self.full = Some(true);
        self
    }
}

crate::slack_object! {
    /// What `reactions.get` answers for a message: the message with its `reactions`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ReactionsGetResponse {
        required {
            /// The message, with its reactions (an empty list when it has none).
            pub message: Message,
        }
        /// `message`.
        pub kind: String = "type",
        /// The conversation the message is in.
        pub channel: Option<ChannelId>,
    }
}

/// `reactions.list`: the items (messages, files) a user reacted to, the token's user unless
/// `user` says, the last reacted to first, one page at a time.
///
/// ```
/// use slack_methods::methods::ReactionsList;
/// use slack_methods::UserId;
/// let list = ReactionsList::of(UserId::new("U0123ABCD")?).limit(50);
/// assert_eq!(slack_methods::encode_params(&list)?, "limit=50&user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Stream every item across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ReactionsList;
/// let list = ReactionsList::new();
/// let mut items = std::pin::pin!(client.items(&list));
/// while let Some(item) = items.try_next().await? {
///     if let Some(message) = item.parsed().and_then(|item| item.message.as_deref()) {
///         println!("{}: {}", message.ts, message.text);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method("reactions.list", response = ReactionsListResponse, validate = ReactionsList::check)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReactionsList {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether to always answer every user who reacted (Slack may list fewer than `count`).
    pub full: Option<bool>,
    /// The most items on one page (at most 1000).
    pub limit: Option<u32>,
    /// With an org-level token: the workspace whose reactions to list.
    pub team_id: Option<TeamId>,
    /// Whose reactions: the token's user when absent.
    pub user: Option<UserId>,
}

impl ReactionsList {
    /// The first page of the items the token's user reacted to.
    pub fn new() -> Self {
        Self::default()
    }

    /// The items `user` reacted to.
    pub fn of(user: UserId) -> Self {
        ReactionsList {
            user: Some(user),
            ..Self::default()
        }
    }

    page_builders!("items");

    /// Asks for every user who reacted to each item, not a shortened list.
    pub fn full(mut self) -> Self {
        self.full = Some(true);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_limit(self.limit)
    }
}

crate::slack_object! {
    /// One item a user reacted to: a message (`kind` `message`, with `channel` and `message`),
    /// a file (`kind` `file`, with `file`) or a file comment (`kind` `file_comment`, its
    /// `comment` kept in `extra`). The reactions are the item's own: the message's or the file's
    /// `reactions`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ReactedItem {
        /// `message`, `file` or `file_comment` (other kinds Slack adds are kept as written).
        pub kind: String = "type",
        /// The conversation the message is in.
        pub channel: Option<ChannelId>,
        /// The message, with its `reactions` and `permalink`.
        pub message: Option<Box<Message>>,
        /// The file, with its `reactions`.
        pub file: Option<Box<File>>,
    }
}

crate::slack_object! {
    /// What `reactions.list` answers: one page of the items a user reacted to.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ReactionsListResponse {
        /// The page's items; one that does not fit [`ReactedItem`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub items: List<ReactedItem>,
        /// The older page/count paging, when Slack sends it.
        pub paging: Option<Paging>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ReactionsListResponse {
    type Item = Item<ReactedItem>;
    fn into_items(self) -> Vec<Item<ReactedItem>> {
        self.items.into_items()
    }
}
