//! The `conversations.*` methods that change a channel after it was made, up to its end:
//! `conversations.setTopic`, `conversations.setPurpose`, `conversations.rename`,
//! `conversations.archive`, `conversations.unarchive`, `conversations.leave`,
//! `conversations.kick`; and two that change only how the token's user sees a conversation:
//! `conversations.mark` (the read mark) and `conversations.close` (a direct message closed).
//!
//! Bot tokens need `channels:manage` (public channels) or `groups:write`, `im:write`,
//! `mpim:write`; user tokens `channels:write` or the same others.

use super::channels::check_channel_name;
use super::Acknowledged;
use crate::types::{Conversation, Timestamp, MAX_TOPIC_CHARS};
use crate::{slack_method, ChannelId, InvalidRequest, UserId};
use serde::Deserialize;

/// A topic or purpose Slack accepts: at most [`MAX_TOPIC_CHARS`] characters (`what` names it in
/// the message).
fn check_topic(what: &str, text: &str) -> Result<(), InvalidRequest> {
    let chars = text.chars().count();
    if chars > MAX_TOPIC_CHARS {
        return Err(InvalidRequest::new(format!(
            "the {what} is {chars} characters long; Slack accepts at most {MAX_TOPIC_CHARS} (it answers `too_long`)"
        )));
    }
    Ok(())
}

/// `conversations.setTopic`: sets a conversation's topic (plain text, at most 250 characters;
/// empty clears it), as a member of it. Slack posts a `channel_topic` message saying so.
///
/// ```
/// use slack_methods::methods::ConversationsSetTopic;
/// use slack_methods::ChannelId;
/// let topic = ConversationsSetTopic::new(ChannelId::new("C0123ABCD")?, "Launch: Tuesday 10:00");
/// assert_eq!(slack_methods::encode_params(&topic)?, "channel=C0123ABCD&topic=Launch%3A+Tuesday+10%3A00");
/// let long = ConversationsSetTopic::new(ChannelId::new("C0123ABCD")?, "x".repeat(251));
/// assert!(slack_methods::encode_params(&long).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.setTopic",
    response = ConversationsSetTopicResponse,
    validate = ConversationsSetTopic::check,
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
pub struct ConversationsSetTopic {
    /// The conversation whose topic to set.
    pub channel: ChannelId,
    /// The new topic, as plain text (no formatting or links), at most 250 characters; empty
    /// clears it.
    pub topic: String,
}

impl ConversationsSetTopic {
    /// Sets `channel`'s topic to `topic`.
    pub fn new(channel: ChannelId, topic: impl Into<String>) -> Self {
        ConversationsSetTopic {
            channel,
            topic: topic.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_topic("topic", &self.topic)
    }
}

crate::slack_object! {
    /// What `conversations.setTopic` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsSetTopicResponse {
        /// The conversation, with its new topic. Slack's answers include it, though its own
        /// example answer is `{"ok": true}` alone, so a missing one does not fail the call.
        pub channel: Option<Conversation>,
    }
}

/// `conversations.setPurpose`: sets a conversation's purpose (its description: plain text, at
/// most 250 characters; empty clears it), as a member of it. Slack posts a `channel_purpose`
/// message saying so.
///
/// ```
/// use slack_methods::methods::ConversationsSetPurpose;
/// use slack_methods::ChannelId;
/// let purpose = ConversationsSetPurpose::new(ChannelId::new("C0123ABCD")?, "Release coordination");
/// assert_eq!(slack_methods::encode_params(&purpose)?, "channel=C0123ABCD&purpose=Release+coordination");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.setPurpose",
    response = ConversationsSetPurposeResponse,
    validate = ConversationsSetPurpose::check,
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
pub struct ConversationsSetPurpose {
    /// The conversation whose purpose to set.
    pub channel: ChannelId,
    /// The new purpose, as plain text, at most 250 characters; empty clears it.
    pub purpose: String,
}

impl ConversationsSetPurpose {
    /// Sets `channel`'s purpose to `purpose`.
    pub fn new(channel: ChannelId, purpose: impl Into<String>) -> Self {
        ConversationsSetPurpose {
            channel,
            purpose: purpose.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_topic("purpose", &self.purpose)
    }
}

crate::slack_object! {
    /// What `conversations.setPurpose` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsSetPurposeResponse {
        /// The conversation, with its new purpose. Slack's answers include it, though its own
        /// example answer is `{"ok": true}` alone, so a missing one does not fail the call.
        pub channel: Option<Conversation>,
    }
}

/// `conversations.rename`: renames a channel. The new name follows the rules of
/// `conversations.create` (at most 80 characters, in lowercase, without spaces or punctuation
/// other than `-` and `_`); a name that breaks them is refused before anything is sent. Slack
/// keeps the old name in `previous_names` and posts a `channel_name` message saying so.
///
/// ```
/// use slack_methods::methods::ConversationsRename;
/// use slack_methods::ChannelId;
/// let rename = ConversationsRename::to(ChannelId::new("C0123ABCD")?, "incident-2024-07-closed");
/// assert_eq!(slack_methods::encode_params(&rename)?, "channel=C0123ABCD&name=incident-2024-07-closed");
/// assert!(slack_methods::encode_params(&ConversationsRename::to(ChannelId::new("C0123ABCD")?, "Closed!")).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.rename",
    response = ConversationsRenameResponse,
    validate = ConversationsRename::check,
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
pub struct ConversationsRename {
    /// The channel to rename.
    pub channel: ChannelId,
    /// The new name, without `#`: lowercase letters, numbers, `-` and `_`, at most 80
    /// characters.
    pub name: String,
}

impl ConversationsRename {
    /// Renames `channel` to `name`.
    pub fn to(channel: ChannelId, name: impl Into<String>) -> Self {
        ConversationsRename {
            channel,
            name: name.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_channel_name(&self.name)
    }
}

crate::slack_object! {
    /// What `conversations.rename` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsRenameResponse {
        required {
            /// The channel, with its new name (and the old one in `previous_names`).
            pub channel: Conversation,
        }
    }
}

/// `conversations.archive`: archives a channel: it keeps its messages and members, but nobody
/// can post in it, join it or change it until it is unarchived. The workspace's general
/// channel cannot be archived.
///
/// ```
/// use slack_methods::methods::ConversationsArchive;
/// use slack_methods::ChannelId;
/// let archive = ConversationsArchive::channel(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&archive)?, "channel=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.archive",
    response = Acknowledged,
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
pub struct ConversationsArchive {
    /// The channel to archive.
    pub channel: ChannelId,
}

impl ConversationsArchive {
    /// Archives `channel`.
    pub fn channel(channel: ChannelId) -> Self {
        ConversationsArchive { channel }
    }
}

/// `conversations.unarchive`: brings an archived channel back, to be posted in and changed
/// again.
///
/// ```
/// use slack_methods::methods::ConversationsUnarchive;
/// use slack_methods::ChannelId;
/// let unarchive = ConversationsUnarchive::channel(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&unarchive)?, "channel=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.unarchive",
    response = Acknowledged,
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
pub struct ConversationsUnarchive {
    /// The archived channel to bring back.
    pub channel: ChannelId,
}

impl ConversationsUnarchive {
    /// Unarchives `channel`.
    pub fn channel(channel: ChannelId) -> Self {
        ConversationsUnarchive { channel }
    }
}

/// `conversations.leave`: the token's user leaves a conversation. Leaving one the user is not
/// in succeeds, answering `not_in_channel`; the workspace's general channel cannot be left, nor
/// a private channel by its last member.
///
/// ```
/// use slack_methods::methods::ConversationsLeave;
/// use slack_methods::ChannelId;
/// let leave = ConversationsLeave::channel(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&leave)?, "channel=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.leave",
    response = ConversationsLeaveResponse,
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
pub struct ConversationsLeave {
    /// The conversation to leave.
    pub channel: ChannelId,
}

impl ConversationsLeave {
    /// Leaves `channel`.
    pub fn channel(channel: ChannelId) -> Self {
        ConversationsLeave { channel }
    }
}

crate::slack_object! {
    /// What `conversations.leave` answers.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsLeaveResponse {
        /// Whether the user was not in the conversation (nothing changed).
        pub not_in_channel: bool,
    }
}

/// `conversations.kick`: removes a user from a conversation the token's user is in. Nobody can
/// be removed from the workspace's general channel, and the token's user cannot remove itself
/// (`conversations.leave` does that).
///
/// ```
/// use slack_methods::methods::ConversationsKick;
/// use slack_methods::{ChannelId, UserId};
/// let kick = ConversationsKick::remove(ChannelId::new("C0123ABCD")?, UserId::new("U0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&kick)?, "channel=C0123ABCD&user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.kick",
    response = Acknowledged,
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
pub struct ConversationsKick {
    /// The conversation to remove the user from.
    pub channel: ChannelId,
    /// The user to remove.
    pub user: UserId,
}

impl ConversationsKick {
    /// Removes `user` from `channel`.
    pub fn remove(channel: ChannelId, user: UserId) -> Self {
        ConversationsKick { channel, user }
    }
}

/// `conversations.mark`: moves the token's user's read mark in a conversation they are a member
/// of to the message `ts`: what they have read, up to and including it. Slack asks clients to
/// call it sparingly (once every few seconds a conversation at most).
///
/// ```
/// use slack_methods::methods::ConversationsMark;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let read = ConversationsMark::read_up_to(
///     ChannelId::new("C0123ABCD")?,
///     Timestamp::new("1593473566.000200"),
/// );
/// assert_eq!(slack_methods::encode_params(&read)?, "channel=C0123ABCD&ts=1593473566.000200");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.mark",
    response = Acknowledged,
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
pub struct ConversationsMark {
    /// The conversation to set the read mark in.
    pub channel: ChannelId,
    /// The `ts` of the message read last.
    pub ts: Timestamp,
}

impl ConversationsMark {
    /// Marks `channel` read up to the message `ts`.
    pub fn read_up_to(channel: ChannelId, ts: Timestamp) -> Self {
        ConversationsMark { channel, ts }
    }
}

/// `conversations.close`: closes a direct message or group direct message for the token's
/// user (a channel is `method_not_supported_for_channel_type`); `conversations.open` opens it
/// again. Closing one that is closed already succeeds and says so (`already_closed`).
///
/// ```
/// use slack_methods::methods::ConversationsClose;
/// use slack_methods::ChannelId;
/// let close = ConversationsClose::channel(ChannelId::new("D0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&close)?, "channel=D0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.close",
    response = ConversationsCloseResponse,
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
pub struct ConversationsClose {
    /// The direct message or group direct message to close.
    pub channel: ChannelId,
}

impl ConversationsClose {
    /// Closes `channel`.
    pub fn channel(channel: ChannelId) -> Self {
        ConversationsClose { channel }
    }
}

crate::slack_object! {
    /// What `conversations.close` answers.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ConversationsCloseResponse {
        /// Whether the conversation was closed already.
        pub already_closed: bool,
        /// Whether nothing changed (it was closed already).
        pub no_op: bool,
    }
}
