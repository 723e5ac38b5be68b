//! The `chat.*` family: posting, editing, deleting and scheduling messages (and listing and
//! cancelling scheduled ones), "me messages", ephemeral messages, and permalinks.
//!
//! The posting methods take a message's content in the same fields: `text` (Slack's markdown,
//! also the fallback text of notifications), `blocks` ([`Blocks`]), `attachments`
//! ([`Attachment`]s), `markdown_text` (standard markdown, instead of `text` and `blocks`) and
//! `metadata` ([`MessageMetadata`]); blocks, attachments and metadata are sent as JSON text.
//! Each binding checks Slack's rules on them before anything is sent: something to show, no
//! `markdown_text` beside `text` or `blocks`, at most [`MAX_MESSAGE_BLOCKS`] blocks,
//! [`MAX_ATTACHMENTS`] attachments and [`MAX_MARKDOWN_TEXT_CHARS`] characters of markdown.

use super::Acknowledged;
use crate::types::{
    Attachment, Blocks, Item, List, Message, MessageMetadata, ResponseMetadata, Timestamp,
    MAX_ATTACHMENTS, MAX_MARKDOWN_TEXT_CHARS, MAX_MESSAGE_BLOCKS,
};
use crate::{slack_method, ChannelId, ChannelRef, InvalidRequest, PageItems, TeamId, UserId};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// A message's content, as the posting methods send it, for the checks they share.
struct Content<'a> {
    text: Option<&'a str>,
    blocks: Option<&'a Blocks>,
    attachments: Option<&'a [Attachment]>,
    markdown_text: Option<&'a str>,
}

impl Content<'_> {
    /// Slack's rules on a message's content, checked before any I/O.
    fn check(&self) -> Result<(), InvalidRequest> {
        let given = |text: Option<&str>| text.is_some_and(|text| !text.is_empty());
        let markdown = given(self.markdown_text);
        let shows_something = given(self.text)
            || markdown
            || self.blocks.is_some_and(|blocks| !blocks.is_empty())
            || self.attachments.is_some_and(|list| !list.is_empty());
        if !shows_something {
            return Err(InvalidRequest::new(
                "the message shows nothing: give `text`, `blocks`, `attachments` or `markdown_text` (Slack answers `no_text`)",
            ));
        }
        if markdown && (self.text.is_some() || self.blocks.is_some()) {
            return Err(InvalidRequest::new(
                "`markdown_text` cannot be sent with `text` or `blocks` (Slack answers `markdown_text_conflict`): send one of them",
            ));
        }
        if let Some(text) = self.markdown_text {
            let chars = text.chars().count();
            if chars > MAX_MARKDOWN_TEXT_CHARS {
                return Err(InvalidRequest::new(format!(
                    "`markdown_text` is {chars} characters long; Slack accepts at most {MAX_MARKDOWN_TEXT_CHARS}"
                )));
            }
        }
        if let Some(blocks) = self.blocks {
            if blocks.len() > MAX_MESSAGE_BLOCKS {
                return Err(InvalidRequest::new(format!(
                    "the message has {} blocks; Slack shows at most {MAX_MESSAGE_BLOCKS} in one message",
                    blocks.len()
                )));
            }
        }
        if let Some(attachments) = self.attachments {
            if attachments.len() > MAX_ATTACHMENTS {
                return Err(InvalidRequest::new(format!(
                    "the message has {} attachments; Slack accepts at most {MAX_ATTACHMENTS} (`too_many_attachments`)",
                    attachments.len()
                )));
            }
        }
        Ok(())
    }
}

/// `reply_broadcast` only means something for a reply.
fn check_broadcast(
    reply_broadcast: Option<bool>,
    thread_ts: Option<&Timestamp>,
) -> Result<(), InvalidRequest> {
    if reply_broadcast == Some(true) && thread_ts.is_none() {
        return Err(InvalidRequest::new(
            "`reply_broadcast` needs `thread_ts`: only a reply in a thread can also be sent to the channel",
        ));
    }
    Ok(())
}

/// `chat.postMessage`: posts a message to a channel, a private channel or a direct message, or
/// as a reply in a thread (`thread_ts`).
///
/// The message needs something to show: `text`, `blocks`, `attachments` or `markdown_text`.
/// With `blocks`, `text` is the fallback shown in notifications. Slack paces this method per
/// channel (about one message a second in each), and so does the client.
///
/// ```
/// use slack_methods::methods::ChatPostMessage;
/// use slack_methods::types::{Block, Blocks, Text, Timestamp};
/// use slack_methods::ChannelId;
/// let channel = ChannelId::new("C0123ABCD")?;
/// let post = ChatPostMessage::new(channel.clone(), "Deploy finished")
///     .with_blocks(Blocks::from([Block::section(Text::mrkdwn("*api* 1.4.2 is live"))]));
/// assert_eq!(
///     slack_methods::encode_params(&post)?,
///     "channel=C0123ABCD&text=Deploy+finished&blocks=%5B%7B%22text%22%3A%7B%22text%22%3A%22*api*+1.4.2+is+live%22%2C%22type%22%3A%22mrkdwn%22%7D%2C%22type%22%3A%22section%22%7D%5D",
/// );
/// // A reply in a thread, also shown in the channel.
/// let reply = ChatPostMessage::new(channel, "Rolled out everywhere")
///     .in_thread(Timestamp::new("1712345678.000100"))
///     .broadcast();
/// assert_eq!(
///     slack_methods::encode_params(&reply)?,
///     "channel=C0123ABCD&text=Rolled+out+everywhere&thread_ts=1712345678.000100&reply_broadcast=true",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Sending it:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client, channel: slack_methods::ChannelId) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::ChatPostMessage;
/// let posted = client.call(&ChatPostMessage::new(channel, "Hello from Rust")).await?;
/// println!("posted {} in {}", posted.ts, posted.channel);
/// # Ok(()) }
/// ```
#[slack_method(
    "chat.postMessage",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatPostMessageResponse,
    validate = ChatPostMessage::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatPostMessage {
    /// The conversation to post in: a channel (`C...`), private channel or direct message
    /// (`D...`) id, or a channel's name (`#general`), which Slack resolves.
    pub channel: ChannelRef,
    /// The message text in Slack's markdown (`*bold*`, `<@U0123ABCD>`); with `blocks`, the
    /// fallback text shown in notifications.
    pub text: Option<String>,
    /// Block Kit blocks to show (at most 50), sent as JSON text.
    #[slack(json)]
    pub blocks: Option<Blocks>,
    /// Legacy attachments (at most 100), sent as JSON text.
    #[slack(json)]
    pub attachments: Option<Vec<Attachment>>,
    /// The message in standard markdown (at most 12,000 characters), instead of `text` and
    /// `blocks`.
    pub markdown_text: Option<String>,
    /// The `ts` of the thread's parent message, to post the message as a reply in that thread.
    pub thread_ts: Option<Timestamp>,
    /// With `thread_ts`: also show the reply in the channel.
    pub reply_broadcast: Option<bool>,
    /// An app event attached to the message (`event_type` and `event_payload`), sent as JSON
    /// text.
    #[slack(json)]
    pub metadata: Option<MessageMetadata>,
    /// Whether links in the text unfurl into previews of their content.
    pub unfurl_links: Option<bool>,
    /// Whether links to media unfurl into previews.
    pub unfurl_media: Option<bool>,
    /// Whether `text` is read as Slack's markdown (`true` by default).
    pub mrkdwn: Option<bool>,
    /// How Slack treats the text: `full` (link names and mentions as typed) or `none`.
    pub parse: Option<String>,
    /// Whether `@name` and `#channel` in the text become links.
    pub link_names: Option<bool>,
    /// The name shown for a bot's message, instead of the app's.
    pub username: Option<String>,
    /// An emoji (`:robot_face:`) shown as the bot message's icon.
    pub icon_emoji: Option<String>,
    /// The URL of an image shown as the bot message's icon.
    pub icon_url: Option<String>,
}

impl ChatPostMessage {
    /// A message of `text` (Slack's markdown) in `channel`.
    pub fn new(channel: impl Into<ChannelRef>, text: impl Into<String>) -> Self {
        let mut post = Self::empty(channel.into());
        post.text = Some(text.into());
        post
    }

    /// A message of `blocks` in `channel`. Add a fallback text for notifications with
    /// [`with_text`](Self::with_text).
    pub fn blocks(channel: impl Into<ChannelRef>, blocks: impl Into<Blocks>) -> Self {
        let mut post = Self::empty(channel.into());
        post.blocks = Some(blocks.into());
        post
    }

    /// A message of standard markdown in `channel`.
    pub fn markdown(channel: impl Into<ChannelRef>, markdown: impl Into<String>) -> Self {
        let mut post = Self::empty(channel.into());
        post.markdown_text = Some(markdown.into());
        post
    }

    fn empty(channel: ChannelRef) -> Self {
        ChatPostMessage {
            channel,
            text: None,
            blocks: None,
            attachments: None,
            markdown_text: None,
            thread_ts: None,
            reply_broadcast: None,
            metadata: None,
            unfurl_links: None,
            unfurl_media: None,
            mrkdwn: None,
            parse: None,
            link_names: None,
            username: None,
            icon_emoji: None,
            icon_url: None,
        }
    }

    /// Sets the text (the fallback of notifications, when there are blocks).
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Sets the blocks.
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = Some(blocks.into());
        self
    }

    /// Sets the legacy attachments.
    pub fn with_attachments(mut self, attachments: impl IntoIterator<Item = Attachment>) -> Self {
        self.attachments = Some(attachments.into_iter().collect());
        self
    }

    /// Attaches an app event to the message.
    pub fn with_metadata(mut self, metadata: MessageMetadata) -> Self {
        self.metadata = Some(metadata);
        self
    }

    /// Posts the message as a reply in the thread of `parent` (a message's `ts`; for a reply,
    /// its `thread_ts`: [`Message::thread_root`]).
    pub fn in_thread(mut self, parent: Timestamp) -> Self {
        self.thread_ts = Some(parent);
        self
    }

    /// Shows the reply in the channel too (with [`in_thread`](Self::in_thread)).
    pub fn broadcast(mut self) -> Self {
        self.reply_broadcast = Some(true);
        self
    }

    /// Turns off link and media previews.
    pub fn without_unfurls(mut self) -> Self {
        self.unfurl_links = Some(false);
        self.unfurl_media = Some(false);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        Content {
            text: self.text.as_deref(),
            blocks: self.blocks.as_ref(),
            attachments: self.attachments.as_deref(),
            markdown_text: self.markdown_text.as_deref(),
        }
        .check()?;
        check_broadcast(self.reply_broadcast, self.thread_ts.as_ref())
    }
}

/// Reads the `message` Slack sends beside a response's `ts`. Slack leaves the message's own
/// `ts` out of some answers (`chat.update`, `chat.scheduleMessage`): it is then `ts`. A message
/// that still does not fit [`Message`] is kept in `extra` under `message`.
pub(super) fn read_message(
    raw: Value,
    ts: &Timestamp,
    extra: &mut Map<String, Value>,
) -> Option<Message> {
    let Value::Object(mut map) = raw else {
        if !raw.is_null() {
            extra.insert("message".into(), raw);
        }
        return None;
    };
    if !map.contains_key("ts") {
        map.insert("ts".into(), Value::String(ts.as_str().to_owned()));
    }
    let raw = Value::Object(map);
    match Message::deserialize(&raw) {
        Ok(message) => Some(message),
        Err(_) => {
            extra.insert("message".into(), raw);
            None
        }
    }
}

/// The fields of the answers that carry a message, as Slack sends them.
mod wire {
    use crate::types::Timestamp;
    use crate::ChannelId;
    use serde_json::Value;

    crate::slack_object! {
        /// `chat.postMessage`'s and `chat.update`'s answer, as sent.
        #[derive(Clone, Debug)]
        pub struct Posted {
            pub channel: Option<ChannelId>,
            pub ts: Option<Timestamp>,
            pub text: Option<String>,
            pub message: Value,
        }
    }

    crate::slack_object! {
        /// `chat.scheduleMessage`'s answer, as sent.
        #[derive(Clone, Debug)]
        pub struct Scheduled {
            pub channel: Option<ChannelId>,
            pub scheduled_message_id: Option<String>,
            pub post_at: Option<i64>,
            pub message: Value,
        }
    }
}

/// The error of an answer without a field it cannot be without.
fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

/// What `chat.postMessage` answers: where the message went, its `ts` (its id in the
/// conversation), and the message as Slack stored it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "wire::Posted")]
#[non_exhaustive]
pub struct ChatPostMessageResponse {
    /// The conversation the message was posted in.
    pub channel: ChannelId,
    /// The message's timestamp: its id within the conversation, for replies, reactions, edits.
    pub ts: Timestamp,
    /// The message as posted (`None` if Slack sent none, or one that does not fit [`Message`],
    /// which is then in `extra`).
    pub message: Option<Message>,
    /// Every other field Slack sent.
    pub extra: Map<String, Value>,
}

impl TryFrom<wire::Posted> for ChatPostMessageResponse {
    type Error = String;
    fn try_from(raw: wire::Posted) -> Result<Self, String> {
        let channel = raw.channel.ok_or_else(|| missing("channel"))?;
        let ts = raw.ts.ok_or_else(|| missing("ts"))?;
        let mut extra = raw.extra;
        if let Some(text) = raw.text {
            extra.insert("text".into(), Value::String(text));
        }
        let message = read_message(raw.message, &ts, &mut extra);
        Ok(ChatPostMessageResponse {
            channel,
            ts,
            message,
            extra,
        })
    }
}

/// `chat.meMessage`: posts a "me message" as the token's user, as typing `/me` does: its
/// text says what they are doing ("is reviewing the release") and shows after their name.
/// The message has the subtype `me_message`. The channel may be given by id or by name; an
/// empty text is refused before sending.
///
/// ```
/// use slack_methods::methods::ChatMeMessage;
/// use slack_methods::ChannelId;
/// let me = ChatMeMessage::new(ChannelId::new("C0123ABCD")?, "is reviewing the release");
/// assert_eq!(
///     slack_methods::encode_params(&me)?,
///     "channel=C0123ABCD&text=is+reviewing+the+release",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.meMessage",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatMeMessageResponse,
    validate = ChatMeMessage::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatMeMessage {
    /// The conversation to post in: a channel, private channel or direct message, by id or by
    /// name.
    pub channel: ChannelRef,
    /// What the user is doing, as it reads after their name.
    pub text: String,
}

impl ChatMeMessage {
    /// A me message saying `text` in `channel`.
    pub fn new(channel: impl Into<ChannelRef>, text: impl Into<String>) -> Self {
        ChatMeMessage {
            channel: channel.into(),
            text: text.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.text.is_empty() {
            return Err(InvalidRequest::new(
                "`text` is empty: a me message says what the user is doing (Slack answers `no_text`)",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `chat.meMessage` answers: where the message went and its `ts`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatMeMessageResponse {
        required {
            /// The conversation the message was posted in.
            pub channel: ChannelId,
            /// The message's timestamp: its id within the conversation.
            pub ts: Timestamp,
        }
    }
}

/// `chat.update`: changes a message the token's user or bot posted.
///
/// Only what is sent changes: leave `blocks` or `attachments` out to keep the message's, send
/// them empty to remove them. The result needs something to show, as a new message does.
///
/// ```
/// use slack_methods::methods::ChatUpdate;
/// use slack_methods::types::{Blocks, Timestamp};
/// use slack_methods::ChannelId;
/// let edit = ChatUpdate::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"), "Deploy finished (edited)")
///     .with_blocks(Blocks::new());
/// assert_eq!(
///     slack_methods::encode_params(&edit)?,
///     "channel=C0123ABCD&ts=1712345678.000100&text=Deploy+finished+%28edited%29&blocks=%5B%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.update",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatUpdateResponse,
    validate = ChatUpdate::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatUpdate {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The `ts` of the message to change.
    pub ts: Timestamp,
    /// The new text (Slack's markdown); with `blocks`, the fallback shown in notifications.
    pub text: Option<String>,
    /// The new blocks, sent as JSON text; empty removes the message's blocks, absent keeps them.
    #[slack(json)]
    pub blocks: Option<Blocks>,
    /// The new legacy attachments, sent as JSON text; empty removes them, absent keeps them.
    #[slack(json)]
    pub attachments: Option<Vec<Attachment>>,
    /// The new text in standard markdown, instead of `text` and `blocks`.
    pub markdown_text: Option<String>,
    /// A new app event attached to the message, sent as JSON text.
    #[slack(json)]
    pub metadata: Option<MessageMetadata>,
    /// For a reply in a thread: also show it in the channel.
    pub reply_broadcast: Option<bool>,
    /// How Slack treats the text: `full` or `none`.
    pub parse: Option<String>,
    /// Whether `@name` and `#channel` in the text become links.
    pub link_names: Option<bool>,
}

impl ChatUpdate {
    /// Replaces the text of the message `ts` in `channel`.
    pub fn new(channel: ChannelId, ts: Timestamp, text: impl Into<String>) -> Self {
        let mut update = Self::empty(channel, ts);
        update.text = Some(text.into());
        update
    }

    /// Replaces the blocks of the message `ts` in `channel`.
    pub fn blocks(channel: ChannelId, ts: Timestamp, blocks: impl Into<Blocks>) -> Self {
        let mut update = Self::empty(channel, ts);
        update.blocks = Some(blocks.into());
        update
    }

    fn empty(channel: ChannelId, ts: Timestamp) -> Self {
        ChatUpdate {
            channel,
            ts,
            text: None,
            blocks: None,
            attachments: None,
            markdown_text: None,
            metadata: None,
            reply_broadcast: None,
            parse: None,
            link_names: None,
        }
    }

    /// Sets the new text.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Sets the new blocks (empty removes them).
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = Some(blocks.into());
        self
    }

    /// Sets the new attachments (none removes them).
    pub fn with_attachments(mut self, attachments: impl IntoIterator<Item = Attachment>) -> Self {
        self.attachments = Some(attachments.into_iter().collect());
        self
    }

    /// Sets a new app event.
    pub fn with_metadata(mut self, metadata: MessageMetadata) -> Self {
        self.metadata = Some(metadata);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        Content {
            text: self.text.as_deref(),
            blocks: self.blocks.as_ref(),
            attachments: self.attachments.as_deref(),
            markdown_text: self.markdown_text.as_deref(),
        }
        .check()
    }
}

/// What `chat.update` answers: the message's conversation and `ts`, its new text, and the
/// message as it now is.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "wire::Posted")]
#[non_exhaustive]
pub struct ChatUpdateResponse {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The message's `ts` (unchanged by the edit).
    pub ts: Timestamp,
    /// The message's new text.
    pub text: String,
    /// The message as it now is, with `edited` set. Slack sends it without its `ts`, which is
    /// filled in from the answer's.
    pub message: Option<Message>,
    /// Every other field Slack sent.
    pub extra: Map<String, Value>,
}

impl TryFrom<wire::Posted> for ChatUpdateResponse {
    type Error = String;
    fn try_from(raw: wire::Posted) -> Result<Self, String> {
        let channel = raw.channel.ok_or_else(|| missing("channel"))?;
        let ts = raw.ts.ok_or_else(|| missing("ts"))?;
        let mut extra = raw.extra;
        let message = read_message(raw.message, &ts, &mut extra);
        Ok(ChatUpdateResponse {
            channel,
            ts,
            text: raw.text.unwrap_or_default(),
            message,
            extra,
        })
    }
}

/// `chat.delete`: deletes a message the token's user or bot posted (an admin's user token may
/// delete others' messages).
///
/// ```
/// use slack_methods::methods::ChatDelete;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let delete = ChatDelete::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"));
/// assert_eq!(slack_methods::encode_params(&delete)?, "channel=C0123ABCD&ts=1712345678.000100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.delete",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatDeleteResponse
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatDelete {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The `ts` of the message to delete.
    pub ts: Timestamp,
}

impl ChatDelete {
    /// Deletes the message `ts` in `channel`.
    pub fn new(channel: ChannelId, ts: Timestamp) -> Self {
        ChatDelete { channel, ts }
    }
}

crate::slack_object! {
    /// What `chat.delete` answers: which message is gone.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatDeleteResponse {
        required {
            /// The conversation the message was in.
            pub channel: ChannelId,
            /// The deleted message's `ts`.
            pub ts: Timestamp,
        }
    }
}

/// `chat.postEphemeral`: shows a message to one member of a conversation only, for this session
/// (it is not kept in the conversation's history).
///
/// ```
/// use slack_methods::methods::ChatPostEphemeral;
/// use slack_methods::{ChannelId, UserId};
/// let hint = ChatPostEphemeral::new(ChannelId::new("C0123ABCD")?, UserId::new("U0123ABCD")?, "Only you can see this");
/// assert_eq!(
///     slack_methods::encode_params(&hint)?,
///     "channel=C0123ABCD&user=U0123ABCD&text=Only+you+can+see+this",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.postEphemeral",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatPostEphemeralResponse,
    validate = ChatPostEphemeral::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatPostEphemeral {
    /// The conversation to show the message in: its id, or a channel's name (`#general`).
    pub channel: ChannelRef,
    /// The member who sees it (they must be in the conversation).
    pub user: UserId,
    /// The message text in Slack's markdown; with `blocks`, the fallback text.
    pub text: Option<String>,
    /// Block Kit blocks to show (at most 50), sent as JSON text.
    #[slack(json)]
    pub blocks: Option<Blocks>,
    /// Legacy attachments, sent as JSON text.
    #[slack(json)]
    pub attachments: Option<Vec<Attachment>>,
    /// The message in standard markdown, instead of `text` and `blocks`.
    pub markdown_text: Option<String>,
    /// The `ts` of a thread's parent, to show the message in that thread.
    pub thread_ts: Option<Timestamp>,
    /// How Slack treats the text: `full` or `none`.
    pub parse: Option<String>,
    /// Whether `@name` and `#channel` in the text become links.
    pub link_names: Option<bool>,
    /// The name shown for a bot's message, instead of the app's.
    pub username: Option<String>,
    /// An emoji shown as the bot message's icon.
    pub icon_emoji: Option<String>,
    /// The URL of an image shown as the bot message's icon.
    pub icon_url: Option<String>,
}

impl ChatPostEphemeral {
    /// Shows `text` to `user` in `channel`.
    pub fn new(channel: impl Into<ChannelRef>, user: UserId, text: impl Into<String>) -> Self {
        ChatPostEphemeral {
            channel: channel.into(),
            user,
            text: Some(text.into()),
            blocks: None,
            attachments: None,
            markdown_text: None,
            thread_ts: None,
            parse: None,
            link_names: None,
            username: None,
            icon_emoji: None,
            icon_url: None,
        }
    }

    /// Sets the blocks.
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = Some(blocks.into());
        self
    }

    /// Shows the message in the thread of `parent`.
    pub fn in_thread(mut self, parent: Timestamp) -> Self {
        self.thread_ts = Some(parent);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        Content {
            text: self.text.as_deref(),
            blocks: self.blocks.as_ref(),
            attachments: self.attachments.as_deref(),
            markdown_text: self.markdown_text.as_deref(),
        }
        .check()
    }
}

crate::slack_object! {
    /// What `chat.postEphemeral` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatPostEphemeralResponse {
        required {
            /// The ephemeral message's timestamp.
            pub message_ts: Timestamp,
        }
    }
}

/// `chat.getPermalink`: a link to a message that opens it in Slack (a thread reply's link opens
/// its thread).
///
/// ```
/// use slack_methods::methods::ChatGetPermalink;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let link = ChatGetPermalink::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"));
/// assert_eq!(slack_methods::encode_params(&link)?, "channel=C0123ABCD&message_ts=1712345678.000100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("chat.getPermalink", response = ChatGetPermalinkResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatGetPermalink {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The message's `ts`.
    pub message_ts: Timestamp,
}

impl ChatGetPermalink {
    /// The link to the message `message_ts` in `channel`.
    pub fn new(channel: ChannelId, message_ts: Timestamp) -> Self {
        ChatGetPermalink {
            channel,
            message_ts,
        }
    }
}

crate::slack_object! {
    /// What `chat.getPermalink` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatGetPermalinkResponse {
        required {
            /// The link, on the workspace's domain
            /// (`https://<workspace>.slack.com/archives/<channel>/p<ts without its dot>`).
            pub permalink: String,
        }
        /// The conversation the message is in.
        pub channel: Option<ChannelId>,
    }
}

/// `chat.scheduleMessage`: posts a message later, at `post_at` (Unix seconds, at most 120 days
/// ahead).
///
/// ```
/// use slack_methods::methods::ChatScheduleMessage;
/// use slack_methods::ChannelId;
/// let later = ChatScheduleMessage::new(ChannelId::new("C0123ABCD")?, 1_900_000_000, "Stand-up in 5 minutes");
/// assert_eq!(
///     slack_methods::encode_params(&later)?,
///     "channel=C0123ABCD&post_at=1900000000&text=Stand-up+in+5+minutes",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.scheduleMessage",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = ChatScheduleMessageResponse,
    validate = ChatScheduleMessage::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatScheduleMessage {
    /// The conversation to post in: its id, or a channel's name (`#general`).
    pub channel: ChannelRef,
    /// When to post it, in Unix seconds: in the future, at most 120 days ahead.
    pub post_at: i64,
    /// The message text in Slack's markdown; with `blocks`, the fallback text.
    pub text: Option<String>,
    /// Block Kit blocks to show (at most 50), sent as JSON text.
    #[slack(json)]
    pub blocks: Option<Blocks>,
    /// Legacy attachments, sent as JSON text.
    #[slack(json)]
    pub attachments: Option<Vec<Attachment>>,
    /// The message in standard markdown, instead of `text` and `blocks`.
    pub markdown_text: Option<String>,
    /// The `ts` of a thread's parent, to post the message as a reply in that thread.
    pub thread_ts: Option<Timestamp>,
    /// With `thread_ts`: also show the reply in the channel.
    pub reply_broadcast: Option<bool>,
    /// An app event attached to the message, sent as JSON text.
    #[slack(json)]
    pub metadata: Option<MessageMetadata>,
    /// Whether links in the text unfurl into previews.
    pub unfurl_links: Option<bool>,
    /// Whether links to media unfurl into previews.
    pub unfurl_media: Option<bool>,
    /// How Slack treats the text: `full` or `none`.
    pub parse: Option<String>,
    /// Whether `@name` and `#channel` in the text become links.
    pub link_names: Option<bool>,
}

impl ChatScheduleMessage {
    /// Posts `text` in `channel` at `post_at` (Unix seconds).
    pub fn new(channel: impl Into<ChannelRef>, post_at: i64, text: impl Into<String>) -> Self {
        ChatScheduleMessage {
            channel: channel.into(),
            post_at,
            text: Some(text.into()),
            blocks: None,
            attachments: None,
            markdown_text: None,
            thread_ts: None,
            reply_broadcast: None,
            metadata: None,
            unfurl_links: None,
            unfurl_media: None,
            parse: None,
            link_names: None,
        }
    }

    /// Posts `text` in `channel` at the point in time `when`, sent as Unix seconds: a fraction
    /// of a second counts as a whole one, so the message never goes out before `when`. A time
    /// before 1970 is refused before sending (as a `post_at` of 0 or less is); a later time
    /// already past is Slack's `time_in_past`.
    ///
    /// ```
    /// use slack_methods::methods::ChatScheduleMessage;
    /// use slack_methods::ChannelId;
    /// use std::time::{Duration, UNIX_EPOCH};
    /// let when = UNIX_EPOCH + Duration::from_millis(1_900_000_000_250);
    /// let later = ChatScheduleMessage::at(ChannelId::new("C0123ABCD")?, when, "Stand-up in 5 minutes");
    /// assert_eq!(later.post_at, 1_900_000_001);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at(channel: impl Into<ChannelRef>, when: SystemTime, text: impl Into<String>) -> Self {
        let post_at = match when.duration_since(UNIX_EPOCH) {
            Ok(since) => {
                let seconds = since
                    .as_secs()
                    .saturating_add(u64::from(since.subsec_nanos() > 0));
                i64::try_from(seconds).unwrap_or(i64::MAX)
            }
            Err(_) => 0,
        };
        Self::new(channel, post_at, text)
    }

    /// Sets the blocks.
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = Some(blocks.into());
        self
    }

    /// Posts the message as a reply in the thread of `parent`.
    pub fn in_thread(mut self, parent: Timestamp) -> Self {
        self.thread_ts = Some(parent);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.post_at <= 0 {
            return Err(InvalidRequest::new(
                "`post_at` is a time in Unix seconds, in the future",
            ));
        }
        Content {
            text: self.text.as_deref(),
            blocks: self.blocks.as_ref(),
            attachments: self.attachments.as_deref(),
            markdown_text: self.markdown_text.as_deref(),
        }
        .check()?;
        check_broadcast(self.reply_broadcast, self.thread_ts.as_ref())
    }
}

/// What `chat.scheduleMessage` answers: the scheduled message's id (to delete it before it
/// goes out) and when it goes out.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "wire::Scheduled")]
#[non_exhaustive]
pub struct ChatScheduleMessageResponse {
    /// The conversation it will be posted in.
    pub channel: ChannelId,
    /// The scheduled message's id (`Q...`).
    pub scheduled_message_id: String,
    /// When it will be posted (Unix seconds).
    pub post_at: i64,
    /// The message as it will be posted. It has no `ts` until then: its `ts` reads empty.
    pub message: Option<Message>,
    /// Every other field Slack sent.
    pub extra: Map<String, Value>,
}

impl TryFrom<wire::Scheduled> for ChatScheduleMessageResponse {
    type Error = String;
    fn try_from(raw: wire::Scheduled) -> Result<Self, String> {
        let channel = raw.channel.ok_or_else(|| missing("channel"))?;
        let id = raw
            .scheduled_message_id
            .ok_or_else(|| missing("scheduled_message_id"))?;
        let post_at = raw.post_at.ok_or_else(|| missing("post_at"))?;
        let mut extra = raw.extra;
        let message = read_message(raw.message, &Timestamp::default(), &mut extra);
        Ok(ChatScheduleMessageResponse {
            channel,
            scheduled_message_id: id,
            post_at,
            message,
            extra,
        })
    }
}

/// `chat.deleteScheduledMessage`: cancels a message `chat.scheduleMessage` holds, before it goes
/// out. Slack answers `invalid_scheduled_message_id` for an id it does not hold for the
/// token's user or bot in `channel`, such as one already posted.
///
/// ```
/// use slack_methods::methods::ChatDeleteScheduledMessage;
/// use slack_methods::ChannelId;
/// let cancel = ChatDeleteScheduledMessage::new(ChannelId::new("C0123ABCD")?, "Q1298393284");
/// assert_eq!(
///     slack_methods::encode_params(&cancel)?,
///     "channel=C0123ABCD&scheduled_message_id=Q1298393284",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.deleteScheduledMessage",
    scope = "chat:write",
    scope = "chat:write:bot",
    scope = "chat:write:user",
    response = Acknowledged,
    validate = ChatDeleteScheduledMessage::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatDeleteScheduledMessage {
    /// The conversation the message is scheduled in.
    pub channel: ChannelId,
    /// The `scheduled_message_id` that `chat.scheduleMessage` answered (`Q...`).
    pub scheduled_message_id: String,
}

impl ChatDeleteScheduledMessage {
    /// Cancels the scheduled message `scheduled_message_id` in `channel`.
    pub fn new(channel: ChannelId, scheduled_message_id: impl Into<String>) -> Self {
        ChatDeleteScheduledMessage {
            channel,
            scheduled_message_id: scheduled_message_id.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.scheduled_message_id.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`scheduled_message_id` is empty: give the id `chat.scheduleMessage` answered (Slack answers `invalid_scheduled_message_id`)",
            ));
        }
        Ok(())
    }
}

/// `chat.scheduledMessages.list`: the messages the token's user or bot has scheduled that are
/// not posted yet, one page at a time; in one conversation with `channel`, and with `oldest`
/// and `latest`, those that go out in that time range.
///
/// Stream every page with `client.pages(&list)`, or every scheduled message across pages with
/// `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ChatScheduledMessagesList;
/// use slack_methods::ChannelId;
/// let list = ChatScheduledMessagesList::new().channel(ChannelId::new("C0123ABCD")?);
/// let mut scheduled = std::pin::pin!(client.items(&list));
/// while let Some(message) = scheduled.try_next().await? {
///     if let Some(message) = message.parsed() {
///         println!("{} goes out at {}", message.id, message.post_at);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "chat.scheduledMessages.list",
    response = ChatScheduledMessagesListResponse,
    validate = ChatScheduledMessagesList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatScheduledMessagesList {
    /// The conversation whose scheduled messages to list; all of them when absent.
    pub channel: Option<ChannelId>,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Only messages that go out at or before this time (Unix seconds).
    pub latest: Option<i64>,
    /// The most scheduled messages on one page (Slack may return fewer, even on a page that is
    /// not the last).
    pub limit: Option<u32>,
    /// Only messages that go out at or after this time (Unix seconds).
    pub oldest: Option<i64>,
    /// With an org-level token: the workspace whose scheduled messages to list.
    pub team_id: Option<TeamId>,
}

impl ChatScheduledMessagesList {
    /// The first page of every scheduled message.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lists the messages scheduled in `channel` only.
    pub fn channel(mut self, channel: ChannelId) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Lists the messages that go out from `oldest` to `latest` (Unix seconds, both included).
    pub fn between(mut self, oldest: i64, latest: i64) -> Self {
        self.oldest = Some(oldest);
        self.latest = Some(latest);
        self
    }

    page_builders!("scheduled messages");

    fn check(&self) -> Result<(), InvalidRequest> {
        if let (Some(oldest), Some(latest)) = (self.oldest, self.latest) {
            if oldest > latest {
                return Err(InvalidRequest::new(format!(
                    "`oldest` ({oldest}) is after `latest` ({latest}): no message goes out in that range"
                )));
            }
        }
        Ok(())
    }
}

crate::slack_object! {
    /// A message scheduled with `chat.scheduleMessage` and not posted yet, as
    /// `chat.scheduledMessages.list` lists it.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ScheduledMessage {
        required {
            /// The scheduled message's id (`Q...`), to cancel it with
            /// [`ChatDeleteScheduledMessage`].
            pub id: String,
            /// The conversation it will be posted in.
            pub channel_id: ChannelId,
            /// When it will be posted (Unix seconds).
            pub post_at: i64,
        }
        /// When it was scheduled (Unix seconds).
        pub date_created: Option<i64>,
        /// Its text.
        pub text: Option<String>,
    }
}

crate::slack_object! {
    /// What `chat.scheduledMessages.list` answers: one page of scheduled messages.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatScheduledMessagesListResponse {
        /// The page's scheduled messages; one that does not fit [`ScheduledMessage`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub scheduled_messages: List<ScheduledMessage>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ChatScheduledMessagesListResponse {
    type Item = Item<ScheduledMessage>;
    fn into_items(self) -> Vec<Item<ScheduledMessage>> {
        self.scheduled_messages.into_items()
    }
}
