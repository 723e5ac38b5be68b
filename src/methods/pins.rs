//! The `pins.*` family: messages pinned to a conversation.

use super::Acknowledged;
use crate::types::Timestamp;
use crate::{slack_method, ChannelId};
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
