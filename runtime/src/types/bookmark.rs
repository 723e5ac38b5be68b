//! [`Bookmark`]: a link pinned to a channel's header.

use crate::{AppId, ChannelId, TeamId, UserId};

crate::slack_object! {
    /// A channel bookmark, as `bookmarks.add` and `bookmarks.list` return it.
    ///
    /// ```
    /// use slack_methods_runtime::types::Bookmark;
    /// let bookmark: Bookmark = serde_json::from_str(r#"{
    ///     "id": "Bk0123ABCD", "channel_id": "C0123ABCD", "title": "Runbook",
    ///     "link": "https://example.com/runbook", "emoji": ":book:", "type": "link",
    ///     "date_created": 1700000000, "date_updated": 0, "rank": "U"
    /// }"#)?;
    /// assert_eq!(bookmark.id, "Bk0123ABCD");
    /// assert_eq!(bookmark.kind, "link");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Bookmark {
        required {
            /// The bookmark id (`Bk...`).
            pub id: String,
        }
        /// The channel it is in.
        pub channel_id: Option<ChannelId>,
        /// The title.
        pub title: String,
        /// The URL.
        pub link: String,
        /// The emoji shown beside it.
        pub emoji: Option<String>,
        /// The icon shown beside it.
        pub icon_url: Option<String>,
        /// `link` (other kinds exist for Slack's own items).
        pub kind: String = "type",
        /// The id of the item it points to, for Slack's own items.
        pub entity_id: Option<String>,
        /// When it was added (Unix seconds).
        pub date_created: i64,
        /// When it last changed (Unix seconds; 0 when never).
        pub date_updated: i64,
        /// Its place among the channel's bookmarks.
        pub rank: Option<String>,
        /// Who last changed it.
        pub last_updated_by_user_id: Option<UserId>,
        /// The workspace of who last changed it.
        pub last_updated_by_team_id: Option<TeamId>,
        /// The shortcut it runs, if any.
        pub shortcut_id: Option<String>,
        /// The app it belongs to, if any.
        pub app_id: Option<AppId>,
    }
}
