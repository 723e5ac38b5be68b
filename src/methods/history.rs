//! Reading a conversation's messages: `conversations.history` (the conversation, newest first)
//! and `conversations.replies` (one thread, oldest first). Both page with a cursor: stream them
//! with [`Client::pages`](crate::Client::pages) or [`Client::items`](crate::Client::items).

use crate::types::{Item, List, Message, ResponseMetadata, Timestamp};
use crate::{slack_method, ChannelId, PageItems};
use serde::Deserialize;

/// `conversations.history`: a conversation's messages, newest first, a page at a time.
///
/// Thread replies are not listed (except those also sent to the channel); a thread's parent
/// says how many it has (`reply_count`) and `conversations.replies` reads them. `oldest` and
/// `latest` bound the time range (exclusive unless `inclusive`).
///
/// ```
/// use slack_methods::methods::ConversationsHistory;
/// use slack_methods::ChannelId;
/// let recent = ConversationsHistory::new(ChannelId::new("C0123ABCD")?).limit(50);
/// assert_eq!(slack_methods::encode_params(&recent)?, "channel=C0123ABCD&limit=50");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every message, across pages:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client, channel: slack_methods::ChannelId) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ConversationsHistory;
/// use slack_methods::types::Item;
/// let history = ConversationsHistory::new(channel);
/// let mut messages = std::pin::pin!(client.items(&history));
/// while let Some(item) = messages.try_next().await? {
///     match item {
///         Item::Parsed(message) => println!("{} {}", message.ts, message.text),
///         Item::Unparsed(odd) => println!("a message this crate cannot read: {}", odd.json()),
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method("conversations.history", response = ConversationsHistoryResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsHistory {
    /// The conversation to read.
    pub channel: ChannelId,
    /// Where to continue: a page's `response_metadata.next_cursor`; none for the first page.
    pub cursor: Option<String>,
    /// The most messages on one page (Slack's default is 100, its maximum 999).
    pub limit: Option<u32>,
    /// Only messages after this `ts`.
    pub oldest: Option<Timestamp>,
    /// Only messages before this `ts` (now by default).
    pub latest: Option<Timestamp>,
    /// Whether the messages at `oldest` and `latest` themselves are included.
    pub inclusive: Option<bool>,
    /// Whether messages carry their app `metadata`.
    pub include_all_metadata: Option<bool>,
}

impl ConversationsHistory {
    /// The messages of `channel`, newest first.
    pub fn new(channel: ChannelId) -> Self {
        ConversationsHistory {
            channel,
            cursor: None,
            limit: None,
            oldest: None,
            latest: None,
            inclusive: None,
            include_all_metadata: None,
        }
    }

    page_builders!("messages");

    range_builders!();

    /// Asks for the messages' app `metadata`.
    pub fn with_metadata(mut self) -> Self {
        self.include_all_metadata = Some(true);
        self
    }
}

crate::slack_object! {
    /// One page of `conversations.history`: messages newest first. A message that does not fit
    /// [`Message`] is kept as it is ([`List::unparsed`]) and does not fail the page.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsHistoryResponse {
        /// The messages, newest first.
        pub messages: List<Message>,
        /// Whether there are more messages in the range (on later pages).
        pub has_more: bool,
        /// How many messages are pinned in the conversation.
        pub pin_count: u64,
        /// When a channel action last happened (`null` when none).
        pub channel_actions_ts: Option<Timestamp>,
        /// How many channel actions there were.
        pub channel_actions_count: u64,
        /// The cursor of the next page (read by the runtime as `next_cursor` too).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ConversationsHistoryResponse {
    type Item = Item<Message>;

    /// The page's messages: each a [`Message`], or kept as Slack sent it when it does not fit
    /// one (nothing is dropped).
    fn into_items(self) -> Vec<Item<Message>> {
        self.messages.into_items()
    }
}

/// `conversations.replies`: one thread, its parent first and then the replies oldest first, a
/// page at a time.
///
/// `ts` is the parent's `ts` (a reply's `ts` names its thread too). A message without replies
/// reads as a thread of one.
///
/// ```
/// use slack_methods::methods::ConversationsReplies;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let thread = ConversationsReplies::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"));
/// assert_eq!(slack_methods::encode_params(&thread)?, "channel=C0123ABCD&ts=1712345678.000100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("conversations.replies", response = ConversationsRepliesResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsReplies {
    /// The conversation the thread is in.
    pub channel: ChannelId,
    /// The `ts` of the thread's parent message (or of any message in the thread).
    pub ts: Timestamp,
    /// Where to continue: a page's `response_metadata.next_cursor`; none for the first page.
    pub cursor: Option<String>,
    /// The most messages on one page.
    pub limit: Option<u32>,
    /// Only messages after this `ts`.
    pub oldest: Option<Timestamp>,
    /// Only messages before this `ts`.
    pub latest: Option<Timestamp>,
    /// Whether the messages at `oldest` and `latest` themselves are included.
    pub inclusive: Option<bool>,
    /// Whether messages carry their app `metadata`.
    pub include_all_metadata: Option<bool>,
}

impl ConversationsReplies {
    /// The thread of the message `ts` in `channel`.
    pub fn new(channel: ChannelId, ts: Timestamp) -> Self {
        ConversationsReplies {
            channel,
            ts,
            cursor: None,
            limit: None,
            oldest: None,
            latest: None,
            inclusive: None,
            include_all_metadata: None,
        }
    }

    page_builders!("messages");

    range_builders!();

    /// Asks for the messages' app `metadata`.
    pub fn with_metadata(mut self) -> Self {
        self.include_all_metadata = Some(true);
        self
    }
}

crate::slack_object! {
    /// One page of `conversations.replies`: the thread's parent first, then its replies, oldest
    /// first. A message that does not fit [`Message`] is kept as it is and does not fail the page.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsRepliesResponse {
        /// The parent (on the first page), then the replies, oldest first.
        pub messages: List<Message>,
        /// Whether there are more messages (on later pages).
        pub has_more: bool,
        /// The cursor of the next page.
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ConversationsRepliesResponse {
    type Item = Item<Message>;

    /// The thread's messages: each a [`Message`], or kept as Slack sent it when it does not fit
    /// one.
    fn into_items(self) -> Vec<Item<Message>> {
        self.messages.into_items()
    }
}
