//! The `files.*` family: the two calls of an upload (`files.getUploadURLExternal`,
//! `files.completeUploadExternal`), `files.info`, `files.list` and `files.delete`, a file's
//! public link (`files.sharedPublicURL`, `files.revokePublicURL`) and `files.comments.delete`.
//!
//! An upload takes three steps: ask for an upload URL, send the bytes there, complete it.
//! [`UploadFile::upload_file`](crate::upload::UploadFile::upload_file) does all three; the
//! bindings here are each step's call.

use super::Acknowledged;
use crate::types::{File, Item, List, Paging, ResponseMetadata, Timestamp};
use crate::{slack_method, ChannelId, FileId, InvalidRequest, NumberPaginated, PageItems, UserId};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::types::{MAX_ALT_TXT_CHARS, MAX_SHARE_CHANNELS};

/// `files.getUploadURLExternal`: the first step of an upload. Announces a file's name and
/// length, and answers the URL to send its bytes to and the file's id.
///
/// Refused before sending, as Slack refuses them: an empty file name, a `length` of 0 (Slack
/// answers `missing_argument`: it does not take empty files), and an `alt_txt` over 1,000
/// characters (`alt_txt_too_large`).
///
/// ```
/// use slack_methods::methods::FilesGetUploadUrlExternal;
/// let ask = FilesGetUploadUrlExternal::new("report.csv", 18);
/// assert_eq!(slack_methods::encode_params(&ask)?, "filename=report.csv&length=18");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "files.getUploadURLExternal",
    response = FilesGetUploadUrlExternalResponse,
    validate = FilesGetUploadUrlExternal::check,
    scope = "files:write"
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesGetUploadUrlExternal {
    /// The file's name, such as `report.csv`.
    pub filename: String,
    /// The file's size in bytes: exactly what will be sent to the upload URL. At least 1:
    /// Slack does not take empty files.
    pub length: u64,
    /// A description of an image, for screen readers: at most 1,000 characters.
    pub alt_txt: Option<String>,
    /// For a code snippet: its language (`python`, `rust`, ...), for syntax highlighting.
    pub snippet_type: Option<String>,
}

impl FilesGetUploadUrlExternal {
    /// Announces `filename` of `length` bytes.
    pub fn new(filename: impl Into<String>, length: u64) -> Self {
        FilesGetUploadUrlExternal {
            filename: filename.into(),
            length,
            alt_txt: None,
            snippet_type: None,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.filename.trim().is_empty() {
            return Err(InvalidRequest::new("the file name is empty"));
        }
        if self.length == 0 {
            return Err(InvalidRequest::new(
                "`length` is 0: Slack does not take empty files (it answers `missing_argument`)",
            ));
        }
        if let Some(alt) = &self.alt_txt {
            let chars = alt.chars().count();
            if chars > MAX_ALT_TXT_CHARS {
                return Err(InvalidRequest::new(format!(
                    "`alt_txt` is {chars} characters long; Slack accepts at most {MAX_ALT_TXT_CHARS}"
                )));
            }
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `files.getUploadURLExternal` answers. Its `Debug` shows the upload URL's origin
    /// only.
    #[derive(Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct FilesGetUploadUrlExternalResponse {
        required {
            /// Where to send the file's bytes (a `POST` without the token). Treat it as a secret:
            /// it lets anyone upload this file in the app's name.
            pub upload_url: String,
            /// The file's id, for `files.completeUploadExternal`.
            pub file_id: FileId,
        }
    }
}

impl fmt::Debug for FilesGetUploadUrlExternalResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `scheme://host[:port]`, then an ellipsis for the secret rest.
        let url = &self.upload_url;
        let origin = url.find("://").map_or("", |at| {
            let host = &url[at + 3..];
            let end = host.find(['/', '?', '#', '@']).unwrap_or(host.len());
            &url[..at + 3 + end]
        });
        f.debug_struct("FilesGetUploadUrlExternalResponse")
            .field("upload_url", &format_args!("\"{origin}/…\""))
            .field("file_id", &self.file_id)
            .field("extra", &self.extra)
            .finish()
    }
}

/// One file of a `files.completeUploadExternal` call: its id and, optionally, its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FileToComplete {
    /// The id `files.getUploadURLExternal` answered.
    pub id: FileId,
    /// The title Slack shows (the file name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl crate::ParamSchema for FileToComplete {
    fn json_schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "id": <FileId as crate::ParamSchema>::json_schema(),
                "title": { "type": ["string", "null"], "description": "The title Slack shows (the file name when absent)." },
            },
            "required": ["id"],
            "additionalProperties": false,
            "description": "A file to complete: the id files.getUploadURLExternal answered and an optional title.",
        })
    }

    /// The shape, then the id's own check (a shape check leaves `pattern` to the id).
    fn check_json(value: &serde_json::Value) -> Result<(), crate::ValueError> {
        crate::check_value(&Self::json_schema(), value)?;
        match value.get("id") {
            Some(id) => <FileId as crate::ParamSchema>::check_json(id)
                .map_err(|error| crate::ValueError::new(format!("id: {}", error.message()))),
            None => Ok(()),
        }
    }
}

impl FileToComplete {
    /// The file `id`, titled `title` when it is `Some`.
    pub fn new(id: FileId, title: Option<String>) -> Self {
        FileToComplete { id, title }
    }
}

/// `files.completeUploadExternal`: the last step of an upload. Creates the files whose bytes
/// were sent, and shares them in a channel (or a thread) when asked; unshared files stay
/// private to the uploader.
///
/// ```
/// use slack_methods::methods::{FileToComplete, FilesCompleteUploadExternal};
/// use slack_methods::{ChannelId, FileId};
/// let done = FilesCompleteUploadExternal::new([FileToComplete::new(FileId::new("F0123ABCD")?, Some("Q3".into()))])
///     .share_in(ChannelId::new("C0123ABCD")?)
///     .initial_comment("The quarter's numbers");
/// assert_eq!(
///     slack_methods::encode_params(&done)?,
///     "files=%5B%7B%22id%22%3A%22F0123ABCD%22%2C%22title%22%3A%22Q3%22%7D%5D&channel_id=C0123ABCD&initial_comment=The+quarter%27s+numbers",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.completeUploadExternal",
    response = FilesCompleteUploadExternalResponse,
    validate = FilesCompleteUploadExternal::check,
    scope = "files:write"
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesCompleteUploadExternal {
    /// The files to complete: each one's `id` and optional `title`, sent as JSON text.
    #[slack(json)]
    pub files: Vec<FileToComplete>,
    /// The channel to share the files in (private to the uploader when absent).
    pub channel_id: Option<ChannelId>,
    /// Several channels to share the files in, instead of `channel_id` (at most 100).
    pub channels: Option<Vec<ChannelId>>,
    /// The message text that introduces the files in the channel.
    pub initial_comment: Option<String>,
    /// The `ts` of a thread's parent message, to share the files as a reply in that thread
    /// (with one channel only).
    pub thread_ts: Option<Timestamp>,
}

impl FilesCompleteUploadExternal {
    /// Completes `files`, shared nowhere.
    pub fn new(files: impl IntoIterator<Item = FileToComplete>) -> Self {
        FilesCompleteUploadExternal {
            files: files.into_iter().collect(),
            channel_id: None,
            channels: None,
            initial_comment: None,
            thread_ts: None,
        }
    }

    /// Shares the files in `channel`.
    pub fn share_in(mut self, channel: ChannelId) -> Self {
        self.channel_id = Some(channel);
        self
    }

    /// Shares the files as a reply in the thread of `parent` (in the channel given with
    /// [`share_in`](Self::share_in)).
    pub fn in_thread(mut self, parent: Timestamp) -> Self {
        self.thread_ts = Some(parent);
        self
    }

    /// Introduces the files with `text`.
    pub fn initial_comment(mut self, text: impl Into<String>) -> Self {
        self.initial_comment = Some(text.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.files.is_empty() {
            return Err(InvalidRequest::new(
                "`files` is empty: name the files to complete",
            ));
        }
        let channels = match (&self.channel_id, &self.channels) {
            (Some(_), Some(_)) => {
                return Err(InvalidRequest::new(
                    "give `channel_id` or `channels`, not both",
                ))
            }
            (Some(_), None) => 1,
            (None, Some(list)) => list.len(),
            (None, None) => 0,
        };
        if channels > MAX_SHARE_CHANNELS {
            return Err(InvalidRequest::new(format!(
                "{channels} channels: Slack shares a file in at most {MAX_SHARE_CHANNELS} a call \
                 (`channels_limit_exceeded`)"
            )));
        }
        if self.thread_ts.is_some() && channels != 1 {
            return Err(InvalidRequest::new(
                "`thread_ts` needs exactly one channel: the one the thread is in",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `files.completeUploadExternal` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FilesCompleteUploadExternalResponse {
        /// The files created; one that does not fit [`File`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub files: List<File>,
    }
}

impl FilesCompleteUploadExternalResponse {
    /// The first file created (the only one, for a single upload).
    pub fn file(&self) -> Option<&File> {
        self.files.first()
    }
}

/// `files.info`: reads a file's details (name, size, type, where it is shared, its URLs).
///
/// ```
/// use slack_methods::methods::FilesInfo;
/// use slack_methods::FileId;
/// let info = FilesInfo::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&info)?, "file=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("files.info", response = FilesInfoResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesInfo {
    /// The file's id (`F...`).
    pub file: FileId,
    /// Where the page of the file's comments starts (comments are a legacy feature).
    pub cursor: Option<String>,
    /// The most comments on one page.
    pub limit: Option<u32>,
}

impl FilesInfo {
    /// Reads `file`.
    pub fn of(file: FileId) -> Self {
        FilesInfo {
            file,
            cursor: None,
            limit: None,
        }
    }

    page_builders!("comments");
}

crate::slack_object! {
    /// What `files.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FilesInfoResponse {
        required {
            /// The file.
            pub file: File,
        }
        /// The file's comments (a legacy feature), as Slack sent them.
        pub comments: Vec<serde_json::Value>,
        /// The older page/count paging of the comments.
        pub paging: Option<Paging>,
        /// The next page's cursor.
        pub response_metadata: Option<ResponseMetadata>,
    }
}

/// A kind of file `files.list` can keep to (its `types`), as Slack names them.
///
/// ```
/// use slack_methods::methods::{FileTypeFilter, FilesList};
/// let list = FilesList::new().types([FileTypeFilter::Images, FileTypeFilter::Pdfs]);
/// assert_eq!(slack_methods::encode_params(&list)?, "types=images%2Cpdfs");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileTypeFilter {
    /// Every file (`all`, what Slack lists when `types` is absent).
    All,
    /// Posts (`spaces`).
    Spaces,
    /// Snippets (`snippets`).
    Snippets,
    /// Images (`images`).
    Images,
    /// Google Docs (`gdocs`).
    Gdocs,
    /// Zip archives (`zips`).
    Zips,
    /// PDF documents (`pdfs`).
    Pdfs,
}

wire_enum!(
    FileTypeFilter,
    "kind of file",
    "A kind of file: all, spaces (posts), snippets, images, gdocs (Google Docs), zips or pdfs.",
    {
        All => "all",
        Spaces => "spaces",
        Snippets => "snippets",
        Images => "images",
        Gdocs => "gdocs",
        Zips => "zips",
        Pdfs => "pdfs",
    }
);

/// `files.list`: the files the token's user can see (their own, and those shared in
/// conversations they can see), newest first, one numbered page at a time, kept to a user, a
/// conversation, a time range or kinds of file when asked.
///
/// Slack pages this method by number, not by cursor: `client.numbered_pages(&list)` streams
/// its pages and `client.numbered_items(&list)` the files across them, from the `page` the
/// request names (the first when none); `client.call` asks for one page.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::{FileTypeFilter, FilesList};
/// use slack_methods::ChannelId;
/// let images = FilesList::new()
///     .channel(ChannelId::new("C0123ABCD")?)
///     .types([FileTypeFilter::Images])
///     .count(50);
/// let mut files = std::pin::pin!(client.numbered_items(&images));
/// while let Some(file) = files.try_next().await? {
///     if let Some(file) = file.parsed() {
///         println!("{} ({} bytes)", file.name, file.size);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "files.list",
    response = FilesListResponse,
    validate = FilesList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesList {
    /// Only the files shared in this conversation.
    pub channel: Option<ChannelId>,
    /// Files on one page (Slack's default is 100).
    pub count: Option<u32>,
    /// Which page, from 1 (the first when absent).
    pub page: Option<u32>,
    /// Also list, in short, files hidden because they are older than the workspace's plan
    /// keeps.
    pub show_files_hidden_by_limit: Option<bool>,
    /// With an org-level token: the workspace whose files to list.
    pub team_id: Option<crate::TeamId>,
    /// Only files created at or after this time.
    pub ts_from: Option<Timestamp>,
    /// Only files created at or before this time.
    pub ts_to: Option<Timestamp>,
    /// Only these kinds of file (every kind when absent). An empty list is refused before
    /// sending (it would go out as no filter).
    pub types: Option<Vec<FileTypeFilter>>,
    /// Only the files this user created.
    pub user: Option<UserId>,
}

impl FilesList {
    /// The first page of every file the token's user can see.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps to the files shared in `channel`.
    pub fn channel(mut self, channel: ChannelId) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Keeps to the files `user` created.
    pub fn user(mut self, user: UserId) -> Self {
        self.user = Some(user);
        self
    }

    /// Keeps to these kinds of file.
    pub fn types(mut self, types: impl IntoIterator<Item = FileTypeFilter>) -> Self {
        self.types = Some(types.into_iter().collect());
        self
    }

    /// Keeps to files created at or after `from` and at or before `to`; `None` leaves that end
    /// open.
    pub fn created_between(mut self, from: Option<Timestamp>, to: Option<Timestamp>) -> Self {
        self.ts_from = from;
        self.ts_to = to;
        self
    }

    /// Asks for `count` files a page (at least 1).
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Asks for page `page` (from 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_filter("types", self.types.as_deref(), "kind of file")?;
        super::check_numbered(self.count, self.page, "file")
    }
}

crate::slack_object! {
    /// What `files.list` answers: one page of files and where it stands among the pages.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FilesListResponse {
        /// The page's files, newest first; one that does not fit [`File`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub files: List<File>,
        /// The page's number, the pages in all, and the files in all.
        pub paging: Option<Paging>,
    }
}

impl NumberPaginated for FilesList {
    fn paging(response: &FilesListResponse) -> Option<&Paging> {
        response.paging.as_ref()
    }
}

impl PageItems for FilesListResponse {
    type Item = Item<File>;
    fn into_items(self) -> Vec<Item<File>> {
        self.files.into_items()
    }
}

/// `files.delete`: deletes a file, for everyone. Slack lets the file's uploader do it, and
/// workspace admins with a user token.
///
/// Its scope is `files:write`, as for uploads, or the older `files:write:user` that Slack's 2020
/// spec names (the catalog's, from before `files:write` replaced it).
///
/// ```
/// use slack_methods::methods::FilesDelete;
/// use slack_methods::FileId;
/// let delete = FilesDelete::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&delete)?, "file=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.delete",
    response = Acknowledged,
    scope = "files:write",
    scope = "files:write:user",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesDelete {
    /// The file's id (`F...`).
    pub file: FileId,
}

impl FilesDelete {
    /// Deletes `file`.
    pub fn of(file: FileId) -> Self {
        FilesDelete { file }
    }
}

/// `files.sharedPublicURL`: turns on a file's public link, which anyone can open without
/// signing in to Slack, and answers the file with that link (`permalink_public`) and
/// `public_url_shared` true. Slack takes it from a user token (the file's uploader's).
///
/// The link is meant to be shared: it is answered, shown in `Debug` and kept in the file as it
/// is, not treated as a secret. `files.revokePublicURL` turns it off again.
///
/// Its scope is `files:write` on Slack's page, or the older `files:write:user` that Slack's 2020
/// spec names (the catalog's).
///
/// ```
/// use slack_methods::methods::FilesSharedPublicUrl;
/// use slack_methods::FileId;
/// let share = FilesSharedPublicUrl::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&share)?, "file=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.sharedPublicURL",
    response = PublicUrlResponse,
    scope = "files:write",
    scope = "files:write:user",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesSharedPublicUrl {
    /// The file's id (`F...`).
    pub file: FileId,
}

impl FilesSharedPublicUrl {
    /// Turns on the public link of `file`.
    pub fn of(file: FileId) -> Self {
        FilesSharedPublicUrl { file }
    }
}

/// `files.revokePublicURL`: turns off a file's public link, so that it no longer opens the
/// file, and answers the file (`public_url_shared` false).
///
/// Its scope is `files:write` on Slack's page, or the older `files:write:user` that Slack's 2020
/// spec names (the catalog's).
///
/// ```
/// use slack_methods::methods::FilesRevokePublicUrl;
/// use slack_methods::FileId;
/// let revoke = FilesRevokePublicUrl::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&revoke)?, "file=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.revokePublicURL",
    response = PublicUrlResponse,
    scope = "files:write",
    scope = "files:write:user",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRevokePublicUrl {
    /// The file's id (`F...`).
    pub file: FileId,
}

impl FilesRevokePublicUrl {
    /// Turns off the public link of `file`.
    pub fn of(file: FileId) -> Self {
        FilesRevokePublicUrl { file }
    }
}

crate::slack_object! {
    /// What `files.sharedPublicURL` and `files.revokePublicURL` answer: the file, with its
    /// public link (`permalink_public`) and whether it is on (`public_url_shared`).
    ///
    /// Slack's pages give `{"ok": true}` alone as the typical success, and a file besides as
    /// what the answer contains, so the file is optional: an answer without one is a success
    /// all the same, with no file and no link to read.
    ///
    /// ```
    /// use slack_methods::methods::PublicUrlResponse;
    /// let bare: PublicUrlResponse = serde_json::from_str(r#"{"ok":true}"#)?;
    /// assert!(bare.file.is_none());
    /// assert_eq!(bare.public_link(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct PublicUrlResponse {
        /// The file, when Slack answers it.
        pub file: Option<File>,
    }
}

impl PublicUrlResponse {
    /// The file's public link, when Slack answers the file and its link is on.
    pub fn public_link(&self) -> Option<&str> {
        let file = self.file.as_ref()?;
        file.permalink_public
            .as_deref()
            .filter(|_| file.public_url_shared)
    }
}

/// `files.comments.delete`: deletes a comment on a file (comments are a legacy feature). Slack
/// lets the comment's author do it, and a workspace admin.
///
/// An empty comment id is refused before sending: it names no comment.
///
/// Its scope is `files:write` on Slack's page, or the older `files:write:user` that Slack's 2020
/// spec names (the catalog's).
///
/// ```
/// use slack_methods::methods::FilesCommentsDelete;
/// use slack_methods::FileId;
/// let delete = FilesCommentsDelete::new(FileId::new("F0123ABCD")?, "Fc0123ABCD");
/// assert_eq!(slack_methods::encode_params(&delete)?, "file=F0123ABCD&id=Fc0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.comments.delete",
    response = Acknowledged,
    validate = FilesCommentsDelete::check,
    scope = "files:write",
    scope = "files:write:user",
    unchecked_scope
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesCommentsDelete {
    /// The file the comment is on (`F...`).
    pub file: FileId,
    /// The comment's id (`Fc...`).
    pub id: String,
}

impl FilesCommentsDelete {
    /// Deletes the comment `id` on `file`.
    pub fn new(file: FileId, id: impl Into<String>) -> Self {
        FilesCommentsDelete {
            file,
            id: id.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.id.trim().is_empty() {
            return Err(InvalidRequest::new(
                "the comment id is empty: name the comment to delete",
            ));
        }
        Ok(())
    }
}
