//! [`Conversation`]: a channel, private channel, direct message or group direct message.

use super::{Message, Timestamp};
use crate::{ChannelId, EnterpriseId, TeamId, UserId};

crate::slack_object! {
    /// A conversation, as `conversations.info`, `conversations.list` and `users.conversations`
    /// return it: a public or private channel, a direct message (`is_im`) or a group direct
    /// message (`is_mpim`). [`Conversation::kind`] tells which.
    ///
    /// The `is_*` flags read `false` when Slack leaves them out (it sends only some of them for
    /// direct messages).
    ///
    /// ```
    /// use slack_methods_runtime::types::{Conversation, ConversationKind};
    /// let channel: Conversation = serde_json::from_str(r#"{
    ///     "id": "C012AB3CD", "name": "general", "is_channel": true, "is_private": false,
    ///     "created": 1449252889, "creator": "W012A3BCD", "num_members": 4,
    ///     "topic": {"value": "For public discussion of generalities", "creator": "W012A3BCD", "last_set": 1449709364}
    /// }"#)?;
    /// assert_eq!(channel.kind(), ConversationKind::PublicChannel);
    /// assert_eq!(channel.topic.unwrap().value, "For public discussion of generalities");
    /// assert_eq!(channel.num_members, Some(4));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Conversation {
        required {
            /// The conversation id (`C...`, `G...` or `D...`).
            pub id: ChannelId,
        }
        /// The name, without `#` (empty for direct messages).
        pub name: String,
        /// The name, normalized.
        pub name_normalized: String,
        /// Whether it is a channel (public, or private on newer workspaces).
        pub is_channel: bool,
        /// Whether it is a private channel of the older kind.
        pub is_group: bool,
        /// Whether it is a direct message.
        pub is_im: bool,
        /// Whether it is a group direct message.
        pub is_mpim: bool,
        /// Whether it is private.
        pub is_private: bool,
        /// Whether it is archived.
        pub is_archived: bool,
        /// Whether it is the workspace's general channel.
        pub is_general: bool,
        /// Whether it is shared with another workspace.
        pub is_shared: bool,
        /// Whether it is shared with another organization.
        pub is_ext_shared: bool,
        /// Whether it is shared across an Enterprise Grid org.
        pub is_org_shared: bool,
        /// Whether an external share is waiting for approval.
        pub is_pending_ext_shared: bool,
        /// Whether the token's user is a member.
        pub is_member: bool,
        /// For a direct message: whether it is open in the sidebar.
        pub is_open: Option<bool>,
        /// Whether only some may post.
        pub is_read_only: Option<bool>,
        /// Whether posts must be threaded.
        pub is_thread_only: Option<bool>,
        /// Whether the channel is frozen (shared channel disconnected).
        pub is_frozen: Option<bool>,
        /// For a direct message: whether the other user is deactivated.
        pub is_user_deleted: Option<bool>,
        /// When it was created (Unix seconds).
        pub created: i64,
        /// Who created it.
        pub creator: Option<UserId>,
        /// For a direct message: the other user.
        pub user: Option<UserId>,
        /// The topic.
        pub topic: Option<Topic>,
        /// The purpose.
        pub purpose: Option<Topic>,
        /// How many members (when asked for with `include_num_members`, and in lists).
        pub num_members: Option<u64>,
        /// Members (on some responses; `conversations.members` lists them in full).
        pub members: Vec<UserId>,
        /// Former names.
        pub previous_names: Vec<String>,
        /// The last message the token's user read.
        pub last_read: Option<Timestamp>,
        /// The latest message (for direct messages and on some responses).
        pub latest: Option<Box<Message>>,
        /// Unread messages.
        pub unread_count: Option<u64>,
        /// Unread messages that count for the badge.
        pub unread_count_display: Option<u64>,
        /// For a direct message: how prominent Slack ranks it.
        pub priority: Option<f64>,
        /// The locale (when asked for with `include_locale`).
        pub locale: Option<String>,
        /// Whether shared channels lost a connection (0 or a timestamp).
        pub unlinked: Option<i64>,
        /// The channel this one was converted from.
        pub parent_conversation: Option<ChannelId>,
        /// Workspaces the channel is shared with.
        pub shared_team_ids: Vec<TeamId>,
        /// Workspaces a share is pending with.
        pub pending_shared: Vec<TeamId>,
        /// Organizations a share is pending with.
        pub pending_connected_team_ids: Vec<TeamId>,
        /// Organizations the channel is connected with.
        pub connected_team_ids: Vec<TeamId>,
        /// Workspaces of the org that hold the channel.
        pub internal_team_ids: Vec<TeamId>,
        /// The workspace the request was answered in.
        pub context_team_id: Option<TeamId>,
        /// The workspace or org that hosts the channel.
        pub conversation_host_id: Option<TeamId>,
        /// The org of the channel.
        pub enterprise_id: Option<EnterpriseId>,
        /// When it last changed (Unix milliseconds on some responses).
        pub updated: Option<i64>,
    }
}

/// Which kind of conversation a [`Conversation`] is, from its flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConversationKind {
    /// A public channel.
    PublicChannel,
    /// A private channel.
    PrivateChannel,
    /// A direct message between two users.
    Im,
    /// A group direct message.
    Mpim,
}

impl Conversation {
    /// Which kind of conversation this is.
    pub fn kind(&self) -> ConversationKind {
        if self.is_im {
            ConversationKind::Im
        } else if self.is_mpim {
            ConversationKind::Mpim
        } else if self.is_private || self.is_group {
            ConversationKind::PrivateChannel
        } else {
            ConversationKind::PublicChannel
        }
    }
}

/// The longest topic or purpose Slack accepts for a channel, in characters
/// (`conversations.setTopic` and `conversations.setPurpose` answer `too_long` past it).
pub const MAX_TOPIC_CHARS: usize = 250;

/// The longest channel name Slack accepts, in characters.
pub const MAX_CHANNEL_NAME_CHARS: usize = 80;

/// The most users a group direct message opened with `conversations.open` may have besides the
/// caller.
pub const MAX_DM_USERS: usize = 8;

/// The most users one `conversations.invite` call may invite.
pub const MAX_INVITE_USERS: usize = 1000;

crate::slack_object! {
    /// A channel's topic or purpose (at most [`MAX_TOPIC_CHARS`] characters).
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Topic {
        /// The text.
        pub value: String,
        /// Who set it (empty when nobody did).
        pub creator: Option<UserId>,
        /// When it was set (Unix seconds; 0 when never).
        pub last_set: i64,
    }
}
