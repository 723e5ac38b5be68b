//! [`Usergroup`]: a named group of users (`@oncall`).

use crate::{ChannelId, TeamId, UserId, UsergroupId};

crate::slack_object! {
    /// A user group, as `usergroups.list` and `usergroups.create` return it.
    ///
    /// ```
    /// use slack_methods_runtime::types::Usergroup;
    /// let group: Usergroup = serde_json::from_str(r#"{
    ///     "id": "S0614TZR7", "team_id": "T060RNRCH", "is_usergroup": true, "name": "Team Admins",
    ///     "handle": "admins", "auto_type": "admin", "user_count": "2",
    ///     "prefs": {"channels": [], "groups": []}, "date_create": 1446598059
    /// }"#)?;
    /// assert_eq!(group.handle, "admins");
    /// // Slack writes some counts as strings; they read as numbers.
    /// assert_eq!(group.user_count, 2);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Usergroup {
        required {
            /// The group id.
            pub id: UsergroupId,
        }
        /// The workspace.
        pub team_id: Option<TeamId>,
        /// Whether it is a user group (always, for these methods).
        pub is_usergroup: bool,
        /// Whether it is a subteam (always, for these methods).
        pub is_subteam: bool,
        /// The name.
        pub name: String,
        /// The description.
        pub description: String,
        /// The handle, mentioned as `@handle`.
        pub handle: String,
        /// Whether it belongs to another organization.
        pub is_external: bool,
        /// When it was created (Unix seconds).
        pub date_create: i64,
        /// When it last changed (Unix seconds).
        pub date_update: i64,
        /// When it was disabled (Unix seconds; 0 when it is enabled).
        pub date_delete: i64,
        /// `admin` or `owner` for the groups Slack keeps itself; `None` for the others.
        pub auto_type: Option<String>,
        /// Who created it.
        pub created_by: Option<UserId>,
        /// Who last changed it.
        pub updated_by: Option<UserId>,
        /// Who disabled it.
        pub deleted_by: Option<UserId>,
        /// The default channels of its members.
        pub prefs: UsergroupPrefs,
        /// The members (when asked for with `include_users`).
        pub users: Vec<UserId>,
        /// How many members (when asked for with `include_count`).
        pub user_count: u64,
        /// How many default channels.
        pub channel_count: Option<u64>,
        /// On Enterprise Grid: the org-level group.
        pub enterprise_subteam_id: Option<String>,
        /// Whether the group is kept in sync by an identity provider.
        pub auto_provision: Option<bool>,
    }
}

crate::slack_object! {
    /// A user group's default channels.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct UsergroupPrefs {
        /// Channels new members join.
        pub channels: Vec<ChannelId>,
        /// Private channels new members join.
        pub groups: Vec<ChannelId>,
    }
}
