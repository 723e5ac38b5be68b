//! [`File`]: an uploaded or shared file.

use super::{List, Reaction};
use crate::{ChannelId, FileId, TeamId, UserId};
use serde_json::Value;

crate::slack_enum! {
    /// How a file is stored (`mode`).
    pub enum FileMode {
        /// Uploaded to Slack.
        Hosted = "hosted",
        /// Stored elsewhere (Google Drive, Dropbox, ...), linked.
        External = "external",
        /// A code or text snippet.
        Snippet = "snippet",
        /// A post (older rich documents).
        Post = "post",
        /// A Slack doc.
        Docs = "docs",
        /// A canvas.
        Canvas = "canvas",
        /// A list.
        List = "list",
        /// A deleted file.
        Tombstone = "tombstone",
        /// Hidden by the workspace's storage limit.
        HiddenByLimit = "hidden_by_limit",
    }
}

crate::slack_object! {
    /// A file, as `files.info`, `files.completeUploadExternal` and messages' `files` carry it.
    ///
    /// ```
    /// use slack_methods_runtime::types::{File, FileMode};
    /// let file: File = serde_json::from_str(r#"{
    ///     "id": "F0S43PZDF", "name": "tedair.gif", "title": "tedair.gif", "mimetype": "image/gif",
    ///     "filetype": "gif", "size": 137531, "mode": "hosted", "user": "U061F7AUR",
    ///     "channels": ["C0T8SE4AU"], "original_w": 176, "original_h": 226
    /// }"#)?;
    /// assert_eq!(file.id, "F0S43PZDF");
    /// assert_eq!(file.mode, Some(FileMode::Hosted));
    /// assert_eq!(file.size, 137531);
    /// assert_eq!(file.channels[0], "C0T8SE4AU");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct File {
        required {
            /// The file id.
            pub id: FileId,
        }
        /// When it was created (Unix seconds).
        pub created: i64,
        /// When it was uploaded (Unix seconds).
        pub timestamp: i64,
        /// The file name.
        pub name: String,
        /// The title.
        pub title: String,
        /// The MIME type.
        pub mimetype: String,
        /// Slack's file type, such as `png` or `text`.
        pub filetype: String,
        /// The file type for people, such as `PNG`.
        pub pretty_type: String,
        /// Who uploaded it.
        pub user: Option<UserId>,
        /// The uploader's workspace.
        pub user_team: Option<TeamId>,
        /// The name of the app that uploaded it, if any.
        pub username: String,
        /// How it is stored.
        pub mode: Option<FileMode>,
        /// Whether it can be edited (snippets, posts).
        pub editable: bool,
        /// The size in bytes.
        pub size: u64,
        /// Whether it is stored elsewhere.
        pub is_external: bool,
        /// Where, when it is (`gdrive`, `dropbox`, ...).
        pub external_type: String,
        /// Whether it is shared in a public channel.
        pub is_public: bool,
        /// Whether a public link was made.
        pub public_url_shared: bool,
        /// Whether an app's upload shows as from the bot.
        pub display_as_bot: bool,
        /// The URL to download it with the token.
        pub url_private: Option<String>,
        /// The same, forcing a download.
        pub url_private_download: Option<String>,
        /// A link to the file in Slack.
        pub permalink: Option<String>,
        /// The public link, once made.
        pub permalink_public: Option<String>,
        /// How Slack shows it (`unknown`, `image`, ...).
        pub media_display_type: Option<String>,
        /// `visible`, or `check_file_info` when only its id is given.
        pub file_access: Option<String>,
        /// 64px thumbnail URL (images).
        pub thumb_64: Option<String>,
        /// 80px thumbnail URL.
        pub thumb_80: Option<String>,
        /// 160px thumbnail URL.
        pub thumb_160: Option<String>,
        /// 360px thumbnail URL.
        pub thumb_360: Option<String>,
        /// 480px thumbnail URL.
        pub thumb_480: Option<String>,
        /// 720px thumbnail URL.
        pub thumb_720: Option<String>,
        /// 960px thumbnail URL.
        pub thumb_960: Option<String>,
        /// 1024px thumbnail URL.
        pub thumb_1024: Option<String>,
        /// The image's width in pixels.
        pub original_w: Option<u64>,
        /// The image's height in pixels.
        pub original_h: Option<u64>,
        /// The image's EXIF rotation.
        pub image_exif_rotation: Option<i64>,
        /// The first lines of a text file.
        pub preview: Option<String>,
        /// Comments (no longer used).
        pub comments_count: u64,
        /// Whether the token's user starred it.
        pub is_starred: bool,
        /// Where it is shared: `{"public": {"C...": [share, ...]}, "private": {...}}` (kept as
        /// JSON).
        pub shares: Option<Value>,
        /// Public channels it is shared in.
        pub channels: Vec<ChannelId>,
        /// Private channels it is shared in.
        pub groups: Vec<ChannelId>,
        /// Direct messages it is shared in.
        pub ims: Vec<ChannelId>,
        /// Whether Slack shows a rich preview.
        pub has_rich_preview: bool,
        /// Reactions on the file.
        pub reactions: List<Reaction>,
        /// Conversations it is pinned in.
        pub pinned_to: Vec<ChannelId>,
        /// The alt text of an image.
        pub alt_txt: Option<String>,
        /// An external file's id in its service.
        pub external_id: Option<String>,
        /// An external file's URL.
        pub external_url: Option<String>,
    }
}
