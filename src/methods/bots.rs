//! The `bots.*` family: `bots.info`, who the bot behind a message's `bot_id` is.

use crate::types::BotIcons;
use crate::{slack_method, AppId, BotId, TeamId, UserId};
use serde::Deserialize;

/// `bots.info`: a bot (its name, icons, app and bot user), by the bot id (`B...`) a message's
/// `bot_id` names.
///
/// ```
/// use slack_methods::methods::BotsInfo;
/// use slack_methods::BotId;
/// let info = BotsInfo::of(BotId::new("B0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&info)?, "bot=B0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("bots.info", response = BotsInfoResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BotsInfo {
    /// The bot's id (`B...`), as a message's `bot_id` gives it.
    pub bot: Option<BotId>,
    /// With an org-level token: the workspace the bot is in.
    pub team_id: Option<TeamId>,
}

impl BotsInfo {
    /// The bot `bot`.
    pub fn of(bot: BotId) -> Self {
        BotsInfo {
            bot: Some(bot),
            team_id: None,
        }
    }
}

crate::slack_object! {
    /// What `bots.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct BotsInfoResponse {
        required {
            /// The bot.
            pub bot: Bot,
        }
    }
}

crate::slack_object! {
    /// A bot, as `bots.info` answers it.
    ///
    /// ```
    /// use slack_methods::methods::Bot;
    /// let bot: Bot = serde_json::from_str(
    ///     r#"{"id":"B061F7JD2","deleted":false,"name":"beforebot","updated":1449272004,
    ///         "app_id":"A161CLERW","user_id":"U012ABCDEF",
    ///         "icons":{"image_36":"https://a/36.png","image_48":"https://a/48.png","image_72":"https://a/72.png"}}"#,
    /// )?;
    /// assert_eq!(bot.name, "beforebot");
    /// assert_eq!(bot.user_id.as_ref().map(|u| u.as_str()), Some("U012ABCDEF"));
    /// assert_eq!(bot.icons.image_48.as_deref(), Some("https://a/48.png"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Bot {
        required {
            /// The bot's id (`B...`).
            pub id: BotId,
        }
        /// Whether the bot was removed.
        pub deleted: bool,
        /// The bot's name.
        pub name: String,
        /// When the bot last changed (Unix seconds).
        pub updated: i64,
        /// The app the bot belongs to.
        pub app_id: Option<AppId>,
        /// The bot user, for an app's bot (a legacy integration has none).
        pub user_id: Option<UserId>,
        /// The bot's icons (36, 48 and 72 pixels).
        pub icons: BotIcons,
    }
}
