//! The `bookmarks.*` family: links in a channel's header.

use super::Acknowledged;
use crate::types::{Bookmark, List};
use crate::{slack_method, ChannelId, InvalidRequest};
use serde::Deserialize;

/// A bookmark's `link` as Slack takes it: a URL starting with `http://` or `https://`, the
/// scheme in any case (a URL's scheme is case-insensitive, so `HTTPS://` is one too).
fn check_link(link: &str) -> Result<(), InvalidRequest> {
    let scheme = |prefix: &str| {
        link.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    if scheme("http://") || scheme("https://") {
        return Ok(());
    }
    Err(InvalidRequest::new(
        "a bookmark's `link` starts with `http://` or `https://` (Slack answers `invalid_link`)",
    ))
}

/// `bookmarks.add`: adds a bookmark (a titled link) to a conversation's header.
///
/// Slack takes bookmarks of `type` `link`, whose `link` starts with `http://` or `https://`;
/// a conversation holds at most 100.
///
/// ```
/// use slack_methods::methods::BookmarksAdd;
/// use slack_methods::ChannelId;
/// let runbook = BookmarksAdd::link(ChannelId::new("C0123ABCD")?, "Runbook", "https://example.com/runbook")
///     .with_emoji(":book:");
/// assert_eq!(
///     slack_methods::encode_params(&runbook)?,
///     "channel_id=C0123ABCD&title=Runbook&type=link&link=https%3A%2F%2Fexample.com%2Frunbook&emoji=%3Abook%3A",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "bookmarks.add",
    scope = "bookmarks:write",
    response = BookmarksAddResponse,
    validate = BookmarksAdd::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BookmarksAdd {
    /// The conversation whose header gets the bookmark.
    pub channel_id: ChannelId,
    /// The bookmark's title.
    pub title: String,
    /// The kind of bookmark: `link`.
    #[slack(rename = "type")]
    #[serde(rename = "type")]
    pub kind: String,
    /// The URL, starting with `http://` or `https://` (for a `link`).
    pub link: Option<String>,
    /// An emoji shown beside the bookmark (`:book:`).
    pub emoji: Option<String>,
    /// The id of the message or file bookmarked, for those kinds.
    pub entity_id: Option<String>,
    /// The id of the folder bookmark to put it in.
    pub parent_id: Option<String>,
}

impl BookmarksAdd {
    /// A bookmark titled `title` linking to `url`, in `channel`.
    pub fn link(channel: ChannelId, title: impl Into<String>, url: impl Into<String>) -> Self {
        BookmarksAdd {
            channel_id: channel,
            title: title.into(),
            kind: "link".to_owned(),
            link: Some(url.into()),
            emoji: None,
            entity_id: None,
            parent_id: None,
        }
    }

    /// Shows `emoji` beside the bookmark.
    pub fn with_emoji(mut self, emoji: impl Into<String>) -> Self {
        self.emoji = Some(emoji.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.title.trim().is_empty() {
            return Err(InvalidRequest::new("the bookmark's `title` is empty"));
        }
        if self.kind == "link" {
            match self.link.as_deref() {
                None | Some("") => {
                    return Err(InvalidRequest::new(
                        "a bookmark of `type` `link` needs a `link`: give the URL it opens",
                    ))
                }
                Some(link) => check_link(link)?,
            }
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `bookmarks.add` answers: the bookmark as added.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct BookmarksAddResponse {
        required {
            /// The bookmark.
            pub bookmark: Bookmark,
        }
    }
}

/// `bookmarks.list`: the bookmarks in a conversation's header.
///
/// ```
/// use slack_methods::methods::BookmarksList;
/// use slack_methods::ChannelId;
/// let list = BookmarksList::new(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&list)?, "channel_id=C0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "bookmarks.list",
    scope = "bookmarks:read",
    writes = false,
    response = BookmarksListResponse
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BookmarksList {
    /// The conversation whose bookmarks to list.
    pub channel_id: ChannelId,
}

impl BookmarksList {
    /// Lists the bookmarks of `channel`.
    pub fn new(channel: ChannelId) -> Self {
        BookmarksList {
            channel_id: channel,
        }
    }
}

crate::slack_object! {
    /// What `bookmarks.list` answers: the conversation's bookmarks.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct BookmarksListResponse {
        /// The bookmarks, in their order in the header; one that does not fit [`Bookmark`] is
        /// kept as [`Unparsed`](crate::types::Unparsed).
        pub bookmarks: List<Bookmark>,
    }
}

/// `bookmarks.remove`: removes a bookmark from a conversation's header.
///
/// ```
/// use slack_methods::methods::BookmarksRemove;
/// use slack_methods::ChannelId;
/// let remove = BookmarksRemove::new(ChannelId::new("C0123ABCD")?, "Bk0123ABCD");
/// assert_eq!(
///     slack_methods::encode_params(&remove)?,
///     "bookmark_id=Bk0123ABCD&channel_id=C0123ABCD",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "bookmarks.remove",
    scope = "bookmarks:write",
    response = Acknowledged,
    validate = BookmarksRemove::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BookmarksRemove {
    /// The bookmark's id (`Bk...`).
    pub bookmark_id: String,
    /// The conversation whose header has the bookmark.
    pub channel_id: ChannelId,
}

impl BookmarksRemove {
    /// Removes the bookmark `bookmark_id` from `channel`.
    pub fn new(channel: ChannelId, bookmark_id: impl Into<String>) -> Self {
        BookmarksRemove {
            bookmark_id: bookmark_id.into(),
            channel_id: channel,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_bookmark_id(&self.bookmark_id)
    }
}

fn check_bookmark_id(id: &str) -> Result<(), InvalidRequest> {
    if id.trim().is_empty() {
        return Err(InvalidRequest::new(
            "the `bookmark_id` is empty: give the id `bookmarks.add` or `bookmarks.list` answered",
        ));
    }
    Ok(())
}

/// `bookmarks.edit`: changes a bookmark's title, link or emoji; what is not given stays.
///
/// ```
/// use slack_methods::methods::BookmarksEdit;
/// use slack_methods::ChannelId;
/// let edit = BookmarksEdit::new(ChannelId::new("C0123ABCD")?, "Bk0123ABCD").with_title("Runbook v2");
/// assert_eq!(
///     slack_methods::encode_params(&edit)?,
///     "bookmark_id=Bk0123ABCD&channel_id=C0123ABCD&title=Runbook+v2",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "bookmarks.edit",
    scope = "bookmarks:write",
    response = BookmarksEditResponse,
    validate = BookmarksEdit::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BookmarksEdit {
    /// The bookmark's id (`Bk...`).
    pub bookmark_id: String,
    /// The conversation whose header has the bookmark.
    pub channel_id: ChannelId,
    /// A new emoji shown beside the bookmark (`:book:`).
    pub emoji: Option<String>,
    /// A new URL, starting with `http://` or `https://`.
    pub link: Option<String>,
    /// A new title.
    pub title: Option<String>,
}

impl BookmarksEdit {
    /// Edits the bookmark `bookmark_id` of `channel`; nothing changes until a `with_` sets it.
    pub fn new(channel: ChannelId, bookmark_id: impl Into<String>) -> Self {
        BookmarksEdit {
            bookmark_id: bookmark_id.into(),
            channel_id: channel,
            emoji: None,
            link: None,
            title: None,
        }
    }

    /// Gives the bookmark the title `title`.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Points the bookmark at `url`.
    pub fn with_link(mut self, url: impl Into<String>) -> Self {
        self.link = Some(url.into());
        self
    }

    /// Shows `emoji` beside the bookmark.
    pub fn with_emoji(mut self, emoji: impl Into<String>) -> Self {
        self.emoji = Some(emoji.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_bookmark_id(&self.bookmark_id)?;
        if self.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(InvalidRequest::new("the bookmark's new `title` is empty"));
        }
        match &self.link {
            Some(link) => check_link(link),
            None => Ok(()),
        }
    }
}

crate::slack_object! {
    /// What `bookmarks.edit` answers: the bookmark as edited.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct BookmarksEditResponse {
        required {
            /// The bookmark.
            pub bookmark: Bookmark,
        }
    }
}
