//! [`Message`] and what messages carry: [`Reaction`], [`Edited`], [`BotProfile`],
//! [`MessageMetadata`].

use super::{Attachment, Blocks, File, List, Profile, Timestamp};
use crate::{AppId, BotId, ChannelId, TeamId, UserId};
use serde_json::{Map, Value};

crate::slack_enum! {
    /// A message's `subtype`: what kind of event a message is, when it is not a plain message.
    pub enum MessageSubtype {
        /// Posted by an app or integration.
        BotMessage = "bot_message",
        /// A `/me` message.
        MeMessage = "me_message",
        /// An edit (in events and some history views: the new version is in `message`).
        MessageChanged = "message_changed",
        /// A deletion.
        MessageDeleted = "message_deleted",
        /// A thread reply changed its parent.
        MessageReplied = "message_replied",
        /// A thread reply also sent to the channel.
        ThreadBroadcast = "thread_broadcast",
        /// Someone joined the channel.
        ChannelJoin = "channel_join",
        /// Someone left the channel.
        ChannelLeave = "channel_leave",
        /// The topic changed.
        ChannelTopic = "channel_topic",
        /// The purpose changed.
        ChannelPurpose = "channel_purpose",
        /// The channel was renamed.
        ChannelName = "channel_name",
        /// The channel was archived.
        ChannelArchive = "channel_archive",
        /// The channel was unarchived.
        ChannelUnarchive = "channel_unarchive",
        /// The channel became private.
        ChannelConvertToPrivate = "channel_convert_to_private",
        /// Who may post changed.
        ChannelPostingPermissions = "channel_posting_permissions",
        /// Someone joined a private channel (older workspaces).
        GroupJoin = "group_join",
        /// Someone left a private channel (older workspaces).
        GroupLeave = "group_leave",
        /// A private channel's topic changed (older workspaces).
        GroupTopic = "group_topic",
        /// A private channel's purpose changed (older workspaces).
        GroupPurpose = "group_purpose",
        /// A private channel was renamed (older workspaces).
        GroupName = "group_name",
        /// A private channel was archived (older workspaces).
        GroupArchive = "group_archive",
        /// A private channel was unarchived (older workspaces).
        GroupUnarchive = "group_unarchive",
        /// A file was shared.
        FileShare = "file_share",
        /// A comment on a file (no longer sent).
        FileComment = "file_comment",
        /// A file was mentioned.
        FileMention = "file_mention",
        /// An item was pinned.
        PinnedItem = "pinned_item",
        /// An item was unpinned.
        UnpinnedItem = "unpinned_item",
        /// A reminder was added.
        ReminderAdd = "reminder_add",
        /// An app was added.
        BotAdd = "bot_add",
        /// An app was removed.
        BotRemove = "bot_remove",
        /// A message Enterprise Key Management hides.
        EkmAccessDenied = "ekm_access_denied",
        /// A deleted thread parent that keeps its replies.
        Tombstone = "tombstone",
        /// A huddle's thread.
        HuddleThread = "huddle_thread",
        /// An AI assistant's thread.
        AssistantAppThread = "assistant_app_thread",
    }
}

crate::slack_object! {
    /// A message, as `conversations.history`, `conversations.replies`, `chat.postMessage` and
    /// the others return it.
    ///
    /// `text` is the fallback text; what Slack shows is in `blocks` when there are any (messages
    /// typed in Slack carry a `rich_text` block), and legacy `attachments` add to it. Lists of
    /// objects (`files`, `reactions`) are [`List`]s: an odd file does not fail the message.
    ///
    /// ```
    /// use slack_methods_runtime::types::{Message, MessageSubtype};
    /// let message: Message = serde_json::from_str(r#"{
    ///     "type": "message", "subtype": "bot_message", "ts": "1503435956.000247",
    ///     "bot_id": "B19LU7CSY", "username": "ecto1", "text": "Here's a message for you",
    ///     "attachments": [{"fallback": "This is an attachment's fallback", "id": 1, "text": "This is an attachment"}]
    /// }"#)?;
    /// assert_eq!(message.subtype, Some(MessageSubtype::BotMessage));
    /// assert_eq!(message.bot_id.as_ref().unwrap(), "B19LU7CSY");
    /// assert_eq!(message.attachments[0].text(), Some("This is an attachment"));
    /// assert_eq!(message.ts.seconds(), Some(1503435956));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Message {
        required {
            /// The message's timestamp, which is its id within the conversation.
            pub ts: Timestamp,
        }
        /// `message` (other values appear in events).
        pub kind: String = "type",
        /// What kind of event the message is, when it is not a plain message.
        pub subtype: Option<MessageSubtype>,
        /// The text (Slack's markdown), or the fallback text of `blocks`.
        pub text: String,
        /// Who posted it (absent for some app messages).
        pub user: Option<UserId>,
        /// The bot that posted it.
        pub bot_id: Option<BotId>,
        /// The posting bot's name and icons.
        pub bot_profile: Option<Box<BotProfile>>,
        /// The app that posted it.
        pub app_id: Option<AppId>,
        /// The name shown for an app's message.
        pub username: Option<String>,
        /// The workspace of the author.
        pub team: Option<TeamId>,
        /// The thread's parent `ts`: equal to `ts` on a parent, different on a reply.
        pub thread_ts: Option<Timestamp>,
        /// On a reply: who posted the parent.
        pub parent_user_id: Option<UserId>,
        /// On a parent: how many replies.
        pub reply_count: Option<u64>,
        /// On a parent: how many people replied.
        pub reply_users_count: Option<u64>,
        /// On a parent: some of the people who replied.
        pub reply_users: Vec<UserId>,
        /// On a parent: the latest reply's `ts`.
        pub latest_reply: Option<Timestamp>,
        /// On a parent: whether the thread is locked.
        pub is_locked: Option<bool>,
        /// On a parent: whether the token's user follows the thread.
        pub subscribed: Option<bool>,
        /// On a parent: the last reply the token's user read.
        pub last_read: Option<Timestamp>,
        /// On a parent: unread replies.
        pub unread_count: Option<u64>,
        /// The Block Kit blocks (kept as JSON).
        pub blocks: Blocks,
        /// Legacy attachments (kept as JSON).
        pub attachments: Vec<Attachment>,
        /// Files shared in the message.
        pub files: List<File>,
        /// Reactions, with who reacted.
        pub reactions: List<Reaction>,
        /// Set when the message was edited.
        pub edited: Option<Edited>,
        /// The app's metadata event attached to the message.
        pub metadata: Option<MessageMetadata>,
        /// The id the posting client gave the message.
        pub client_msg_id: Option<String>,
        /// A link to the message (on some responses).
        pub permalink: Option<String>,
        /// Conversations the message is pinned in.
        pub pinned_to: Vec<ChannelId>,
        /// Whether the message is hidden from the channel view.
        pub hidden: Option<bool>,
        /// Whether the message came with a file upload.
        pub upload: Option<bool>,
        /// Whether an app's message shows as from the bot.
        pub display_as_bot: Option<bool>,
        /// A short profile of the author (in some shared-channel responses).
        pub user_profile: Option<Box<Profile>>,
        /// The author's workspace, in shared channels.
        pub user_team: Option<TeamId>,
        /// The workspace the message came from, in shared channels.
        pub source_team: Option<TeamId>,
        /// Who invited the user of a `channel_join`.
        pub inviter: Option<UserId>,
        /// For `thread_broadcast`: the thread's parent.
        pub root: Option<Box<Message>>,
        /// For `message_changed`: the new version.
        pub message: Option<Box<Message>>,
        /// For `message_changed` and `message_deleted`: the version before.
        pub previous_message: Option<Box<Message>>,
        /// For `message_deleted`: the `ts` of the deleted message.
        pub deleted_ts: Option<Timestamp>,
    }
}

impl Message {
    /// Whether the message is a thread's parent (its `thread_ts` is its own `ts`).
    pub fn is_thread_parent(&self) -> bool {
        self.thread_ts.as_ref() == Some(&self.ts)
    }

    /// Whether the message is a reply in a thread.
    pub fn is_reply(&self) -> bool {
        self.thread_ts
            .as_ref()
            .is_some_and(|thread| *thread != self.ts)
    }

    /// The `ts` to reply under: the thread's parent for a reply, the message itself otherwise.
    pub fn thread_root(&self) -> &Timestamp {
        self.thread_ts.as_ref().unwrap_or(&self.ts)
    }
}

crate::slack_object! {
    /// One emoji reaction on a message or file.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Reaction {
        /// The emoji's name, without colons (`thumbsup`, `tada::skin-tone-2`).
        pub name: String,
        /// How many people reacted.
        pub count: u64,
        /// Who reacted (Slack may list fewer than `count`).
        pub users: Vec<UserId>,
    }
}

crate::slack_object! {
    /// Who last edited a message, and when.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Edited {
        /// The editor.
        pub user: Option<UserId>,
        /// When.
        pub ts: Option<Timestamp>,
    }
}

crate::slack_object! {
    /// The bot behind an app's message.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct BotProfile {
        required {
            /// The bot id.
            pub id: BotId,
        }
        /// The app the bot belongs to.
        pub app_id: Option<AppId>,
        /// The bot's name.
        pub name: String,
        /// The bot's icons.
        pub icons: Option<BotIcons>,
        /// Whether the bot was removed.
        pub deleted: bool,
        /// When the bot last changed (Unix seconds).
        pub updated: Option<i64>,
        /// The bot's workspace.
        pub team_id: Option<TeamId>,
    }
}

crate::slack_object! {
    /// A bot's icons.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct BotIcons {
        /// 36×36 icon URL.
        pub image_36: Option<String>,
        /// 48×48 icon URL.
        pub image_48: Option<String>,
        /// 72×72 icon URL.
        pub image_72: Option<String>,
    }
}

crate::slack_object! {
    /// Message metadata: an app's event (`event_type`) with its data (`event_payload`), attached
    /// to a message it posts and returned with it when asked (`include_all_metadata`).
    ///
    /// ```
    /// use slack_methods_runtime::types::MessageMetadata;
    /// let metadata = MessageMetadata::new("task_created")
    ///     .with("id", "TK-2132")
    ///     .with("priority", 2);
    /// assert_eq!(
    ///     serde_json::to_string(&metadata)?,
    ///     r#"{"event_type":"task_created","event_payload":{"id":"TK-2132","priority":2}}"#,
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct MessageMetadata {
        /// The event's name, such as `task_created`.
        pub event_type: String,
        /// The event's data.
        pub event_payload: Map<String, Value>,
    }
}

impl MessageMetadata {
    /// An event with no data yet.
    pub fn new(event_type: impl Into<String>) -> Self {
        MessageMetadata {
            event_type: event_type.into(),
            ..Self::default()
        }
    }

    /// Adds a key to the event's data.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.event_payload.insert(key.into(), value.into());
        self
    }

    /// Metadata from its JSON (`{"event_type": ..., "event_payload": {...}}`).
    pub fn from_json(json: Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(json)
    }
}
