//! The `pins.*` family: messages pinned to a conversation.

use super::Acknowledged;
use crate::types::{File, List, Message, Timestamp};
use crate::{slack_method, ChannelId, UserId};
use serde::Deserialize;

/// `pins.add`: pins a message to its conversation, where members find it among the pinned items.
///
/// ```
/// use slack_methods::methods::PinsAdd;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let pin = PinsAdd::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"));
/// assert_eq!(slack_methods::encode_params(&pin)?, "channel=C0123ABCD&timestamp=1712345678.000100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("pins.add", response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PinsAdd {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The `ts` of the message to pin.
    pub timestamp: Timestamp,
}

impl PinsAdd {
    /// Pins the message `timestamp` in `channel`.
    pub fn new(channel: ChannelId, timestamp: Timestamp) -> Self {
        PinsAdd { channel, timestamp }
    }
}

/// `pins.remove`: un-pins a message from its conversation.
///
/// ```
/// use slack_methods::methods::PinsRemove;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let unpin = PinsRemove::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1712345678.000100"));
/// assert_eq!(slack_methods::encode_params(&unpin)?, "channel=C0123ABCD&timestamp=1712345678.000100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("pins.remove", response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PinsRemove {
    /// The conversation the message is pinned in.
    pub channel: ChannelId,
    /// The `ts` of the message to un-pin.
    pub timestamp: Timestamp,
}

impl PinsRemove {
    /// Un-pins the message `timestamp` in `channel`.
    pub fn new(channel: ChannelId, timestamp: Timestamp) -> Self {
        PinsRemove { channel, timestamp }
    }
}

/// `pins.list`: the items pinned in a conversation, the last pinned first.
///
/// ```
/// use slack_methods::methods::PinsList;
/// use slack_methods::ChannelId;
/// let pins = PinsList::new(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&pins)?, "channel=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("pins.list", response = PinsListResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PinsList {
    /// The conversation whose pinned items to list.
    pub channel: ChannelId,
}

impl PinsList {
    /// Lists the items pinned in `channel`.
    pub fn new(channel: ChannelId) -> Self {
        PinsList { channel }
    }
}

crate::slack_object! {
    /// One item pinned in a conversation: a message (`kind` `message`, with `message` and
    /// `channel`) or a file (`kind` `file`, with `file`).
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct PinnedItem {
        /// `message` or `file` (other kinds Slack adds are kept as written).
        pub kind: String = "type",
        /// When it was pinned (Unix seconds).
        pub created: i64,
        /// Who pinned it.
        pub created_by: Option<UserId>,
        /// The conversation it is pinned in (for a message).
        pub channel: Option<ChannelId>,
        /// The pinned message, with its `permalink` and `pinned_to`.
        pub message: Option<Box<Message>>,
        /// The pinned file.
        pub file: Option<Box<File>>,
    }
}

crate::slack_object! {
    /// What `pins.list` answers: the conversation's pinned items, the last pinned first.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct PinsListResponse {
        /// The pinned items; one that does not fit [`PinnedItem`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub items: List<PinnedItem>,
    }
}
