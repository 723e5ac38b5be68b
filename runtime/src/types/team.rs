//! [`Team`]: a workspace.

use crate::{EnterpriseId, TeamId};

crate::slack_object! {
    /// A workspace, as `team.info` returns it.
    ///
    /// ```
    /// use slack_methods_runtime::types::Team;
    /// let team: Team = serde_json::from_str(r#"{
    ///     "id": "T12345", "name": "My Team", "domain": "example", "email_domain": "example.com",
    ///     "icon": {"image_34": "https://...", "image_default": true},
    ///     "enterprise_id": "E1234A12AB", "enterprise_name": "Umbrella Corporation"
    /// }"#)?;
    /// assert_eq!(team.domain, "example");
    /// assert_eq!(team.icon.image_default, Some(true));
    /// assert_eq!(team.enterprise_name.as_deref(), Some("Umbrella Corporation"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Team {
        required {
            /// The workspace id.
            pub id: TeamId,
        }
        /// The name.
        pub name: String,
        /// The subdomain: `example` for `example.slack.com`.
        pub domain: String,
        /// The email domain that may sign up, if any.
        pub email_domain: String,
        /// The icon.
        pub icon: TeamIcon,
        /// The workspace's URL.
        pub url: Option<String>,
        /// Whether Slack verified the organization.
        pub is_verified: Option<bool>,
        /// The base URL of the workspace's avatars.
        pub avatar_base_url: Option<String>,
        /// On Enterprise Grid: the org.
        pub enterprise_id: Option<EnterpriseId>,
        /// On Enterprise Grid: the org's name.
        pub enterprise_name: Option<String>,
        /// On Enterprise Grid: the org's domain.
        pub enterprise_domain: Option<String>,
    }
}

crate::slack_object! {
    /// A workspace's icon, in several sizes.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct TeamIcon {
        /// 34×34 URL.
        pub image_34: Option<String>,
        /// 44×44 URL.
        pub image_44: Option<String>,
        /// 68×68 URL.
        pub image_68: Option<String>,
        /// 88×88 URL.
        pub image_88: Option<String>,
        /// 102×102 URL.
        pub image_102: Option<String>,
        /// 132×132 URL.
        pub image_132: Option<String>,
        /// 230×230 URL.
        pub image_230: Option<String>,
        /// The uploaded image's URL.
        pub image_original: Option<String>,
        /// Whether the icon is Slack's default.
        pub image_default: Option<bool>,
    }
}
