//! The `files.remote.*` family: files an app keeps in its own storage (a document system, a
//! design tool), registered in Slack without their bytes. `files.remote.add` registers one (or
//! updates it: Slack's page says the call is an upsert), `files.remote.share` shares it in
//! channels, `files.remote.info` and `files.remote.list` read them, `files.remote.update`
//! changes one and `files.remote.remove` takes it out of Slack (not out of the app's storage).
//!
//! A remote file is named either by the id Slack gave it (`F...`) or by the `external_id` the
//! app gave it: a [`RemoteFileRef`]. Slack's pages say `files.remote.info` and
//! `files.remote.remove` answer `too_many_ids` to both, and Slack's Node SDK types all four
//! calls that name one file as taking exactly one of them; so both, or neither, are refused
//! before sending (and so is an empty `external_id`, which names no file). `files.remote.share` is the exception: its page says either or both, so it
//! refuses only neither.
//!
//! The answers carry Slack's file object, read into [`File`] (its `external_id` and
//! `external_url` included), which keeps the fields it does not name.
//!
//! `preview_image`, the image Slack shows for a shared remote file, is a [`FormFile`]: a call
//! that gives one goes as a `multipart/form-data` body, the only way Slack reads a file; without
//! one the arguments go form-encoded. An agent's JSON arguments carry no file's bytes, so the
//! image is no tool parameter.

use super::Acknowledged;
use crate::types::{File, Item, List, ResponseMetadata, Timestamp};
use crate::{slack_method, ChannelId, FileId, FormFile, InvalidRequest, PageItems};
use serde::Deserialize;

/// A remote file, named one of the two ways Slack takes: the id Slack gave it when it was added
/// (`F...`), or the `external_id` the app gave it.
///
/// ```
/// use slack_methods::methods::RemoteFileRef;
/// use slack_methods::FileId;
/// let by_id = RemoteFileRef::from(FileId::new("F0123ABCD")?);
/// let by_external = RemoteFileRef::external("design-42");
/// assert_ne!(by_id, by_external);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RemoteFileRef {
    /// The file's id in Slack (`F...`), sent as `file`.
    File(FileId),
    /// The app's own id for the file, sent as `external_id`.
    ExternalId(String),
}

impl RemoteFileRef {
    /// The file the app calls `external_id`.
    pub fn external(external_id: impl Into<String>) -> Self {
        RemoteFileRef::ExternalId(external_id.into())
    }

    /// The `file` and `external_id` arguments that name it.
    fn into_args(self) -> (Option<FileId>, Option<String>) {
        match self {
            RemoteFileRef::File(file) => (Some(file), None),
            RemoteFileRef::ExternalId(id) => (None, Some(id)),
        }
    }
}

impl From<FileId> for RemoteFileRef {
    fn from(file: FileId) -> Self {
        RemoteFileRef::File(file)
    }
}

/// Refuses a call that names its remote file by neither `file` nor `external_id`, and, unless
/// `both_allowed`, one that names it both ways (`too_many_ids`). A blank `external_id` names no
/// file, so it is refused as such (not counted as one of the two ways).
fn check_one_file(
    file: Option<&FileId>,
    external_id: Option<&String>,
    both_allowed: bool,
) -> Result<(), InvalidRequest> {
    if external_id.is_some_and(|id| id.trim().is_empty()) {
        return Err(InvalidRequest::new(
            "`external_id` is empty: give the app's id for the file, or leave it out and give \
             `file` (its id in Slack)",
        ));
    }
    match (file, external_id) {
        (None, None) => Err(InvalidRequest::new(
            "name the remote file: give `file` (its id in Slack) or `external_id` (the app's id)",
        )),
        (Some(_), Some(_)) if !both_allowed => Err(InvalidRequest::new(
            "give `file` or `external_id`, not both: Slack answers `too_many_ids`",
        )),
        _ => Ok(()),
    }
}

crate::slack_object! {
    /// What `files.remote.add`, `.info`, `.update` and `.share` answer: the remote file.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RemoteFileResponse {
        required {
            /// The remote file: `mode` `external`, `is_external`, its `external_id` and
            /// `external_url`, where it is shared.
            pub file: File,
        }
    }
}

/// `files.remote.add`: registers a file the app keeps in its own storage, by the app's id for it
/// (`external_id`), its URL and its title, and answers the file Slack makes of it. Adding does
/// not share it: `files.remote.share` does. Adding an `external_id` the app added before updates
/// that file (Slack's page calls the call an upsert), so the tool is marked destructive. Slack
/// takes it from bot tokens only.
///
/// A preview image ([`preview_image`](Self::preview_image)) goes as a file part, which makes
/// the call a multipart form; it is no tool parameter (JSON carries no file's bytes).
///
/// ```
/// use slack_methods::methods::FilesRemoteAdd;
/// let add = FilesRemoteAdd::new("design-42", "https://designs.example/42", "Onboarding flow")
///     .filetype("pdf")
///     .indexable_contents("onboarding signup welcome screens");
/// assert_eq!(
///     slack_methods::encode_params(&add)?,
///     "external_id=design-42&external_url=https%3A%2F%2Fdesigns.example%2F42&title=Onboarding+flow\
///      &filetype=pdf&indexable_file_contents=onboarding+signup+welcome+screens",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "files.remote.add",
    // An upsert: adding an `external_id` again overwrites that file's title, URL and type, which
    // the word "add" does not say.
    destructive = true,
    response = RemoteFileResponse
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteAdd {
    /// The app's own id for the file, unique among its files (such as the id in its storage).
    pub external_id: String,
    /// Where the file is: the URL Slack links to.
    pub external_url: String,
    /// The title Slack shows.
    pub title: String,
    /// The kind of file, as Slack names file types (`pdf`, `doc`, `gdoc`, ...).
    pub filetype: Option<String>,
    /// Text that stands for the file in Slack's search (a description, keywords, its text),
    /// sent as a form field.
    // The catalog types it as a file (Slack's Python SDK sends it as a file part): kept as text
    // in a form field, as this binding has always sent it and as an agent gives it in JSON.
    #[slack(unchecked)]
    pub indexable_file_contents: Option<String>,
    /// The image Slack shows for the file where it is shared, sent as a file part.
    #[serde(skip)]
    pub preview_image: Option<FormFile>,
}

impl FilesRemoteAdd {
    /// Registers the file the app calls `external_id`, at `external_url`, titled `title`.
    pub fn new(
        external_id: impl Into<String>,
        external_url: impl Into<String>,
        title: impl Into<String>,
    ) -> Self {
        FilesRemoteAdd {
            external_id: external_id.into(),
            external_url: external_url.into(),
            title: title.into(),
            filetype: None,
            indexable_file_contents: None,
            preview_image: None,
        }
    }

    /// Says what kind of file it is (`pdf`, `doc`, ...).
    pub fn filetype(mut self, filetype: impl Into<String>) -> Self {
        self.filetype = Some(filetype.into());
        self
    }

    /// Gives the text Slack's search matches the file by.
    pub fn indexable_contents(mut self, text: impl Into<String>) -> Self {
        self.indexable_file_contents = Some(text.into());
        self
    }

    /// Shows `image` (a PNG, JPEG or GIF, say) as the file's preview where it is shared.
    pub fn preview_image(mut self, image: FormFile) -> Self {
        self.preview_image = Some(image);
        self
    }
}

/// `files.remote.info`: reads a remote file, by its id in Slack (`file`) or the app's id for it
/// (`external_id`): exactly one of the two (Slack answers `too_many_ids` to both).
///
/// ```
/// use slack_methods::methods::{FilesRemoteInfo, RemoteFileRef};
/// let info = FilesRemoteInfo::of(RemoteFileRef::external("design-42"));
/// assert_eq!(slack_methods::encode_params(&info)?, "external_id=design-42");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "files.remote.info",
    response = RemoteFileResponse,
    validate = FilesRemoteInfo::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteInfo {
    /// The app's id for the file (instead of `file`).
    pub external_id: Option<String>,
    /// The file's id in Slack, `F...` (instead of `external_id`).
    pub file: Option<FileId>,
}

impl FilesRemoteInfo {
    /// Reads the remote file `file`.
    pub fn of(file: impl Into<RemoteFileRef>) -> Self {
        let (file, external_id) = file.into().into_args();
        FilesRemoteInfo { external_id, file }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_one_file(self.file.as_ref(), self.external_id.as_ref(), false)
    }
}

/// `files.remote.list`: the workspace's remote files, one cursor page at a time, kept to those
/// shared in a channel or created in a time range when asked.
///
/// `client.pages(&list)` streams its pages and `client.items(&list)` the files across them.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::FilesRemoteList;
/// use slack_methods::ChannelId;
/// let list = FilesRemoteList::new().channel(ChannelId::new("C0123ABCD")?).limit(50);
/// let mut files = std::pin::pin!(client.items(&list));
/// while let Some(file) = files.try_next().await? {
///     if let Some(file) = file.parsed() {
///         println!("{} at {:?}", file.title, file.external_url);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method("files.remote.list", response = FilesRemoteListResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteList {
    /// Only the remote files shared in this channel.
    pub channel: Option<ChannelId>,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// The most files on one page.
    pub limit: Option<u32>,
    /// Only files created at or after this time.
    pub ts_from: Option<Timestamp>,
    /// Only files created at or before this time.
    pub ts_to: Option<Timestamp>,
}

impl FilesRemoteList {
    /// The first page of the workspace's remote files.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps to the remote files shared in `channel`.
    pub fn channel(mut self, channel: ChannelId) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Keeps to files created at or after `from` and at or before `to`; `None` leaves that end
    /// open.
    pub fn created_between(mut self, from: Option<Timestamp>, to: Option<Timestamp>) -> Self {
        self.ts_from = from;
        self.ts_to = to;
        self
    }

    page_builders!("files");
}

crate::slack_object! {
    /// What `files.remote.list` answers: one page of remote files.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FilesRemoteListResponse {
        /// The page's files; one that does not fit [`File`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub files: List<File>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for FilesRemoteListResponse {
    type Item = Item<File>;
    fn into_items(self) -> Vec<Item<File>> {
        self.files.into_items()
    }
}

/// `files.remote.update`: changes a remote file's title, URL, kind or search text, by its id in
/// Slack (`file`) or the app's id for it (`external_id`): exactly one of the two. The ids
/// themselves cannot change (Slack's page: remove the file and add it again). Slack takes it
/// from bot tokens only.
///
/// A new preview image ([`preview_image`](Self::preview_image)) goes as a file part, which
/// makes the call a multipart form; it is no tool parameter (JSON carries no file's bytes).
///
/// ```
/// use slack_methods::methods::{FilesRemoteUpdate, RemoteFileRef};
/// let update = FilesRemoteUpdate::of(RemoteFileRef::external("design-42")).title("Onboarding v2");
/// assert_eq!(
///     slack_methods::encode_params(&update)?,
///     "external_id=design-42&title=Onboarding+v2",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "files.remote.update",
    response = RemoteFileResponse,
    validate = FilesRemoteUpdate::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteUpdate {
    /// The app's id for the file (instead of `file`).
    pub external_id: Option<String>,
    /// The file's new URL.
    pub external_url: Option<String>,
    /// The file's id in Slack, `F...` (instead of `external_id`).
    pub file: Option<FileId>,
    /// The file's new title.
    pub title: Option<String>,
    /// The file's new kind, as Slack names file types (`pdf`, `doc`, ...).
    pub filetype: Option<String>,
    /// New text that stands for the file in Slack's search, sent as a form field.
    pub indexable_file_contents: Option<String>,
    /// A new image Slack shows for the file where it is shared, sent as a file part.
    // Slack's Python SDK sends it as a file, though its table types it as text here (it does
    // not for `files.remote.add`): marked a file part.
    #[slack(file)]
    #[serde(skip)]
    pub preview_image: Option<FormFile>,
}

impl FilesRemoteUpdate {
    /// Changes the remote file `file` (nothing yet: add what to change).
    pub fn of(file: impl Into<RemoteFileRef>) -> Self {
        let (file, external_id) = file.into().into_args();
        FilesRemoteUpdate {
            external_id,
            external_url: None,
            file,
            title: None,
            filetype: None,
            indexable_file_contents: None,
            preview_image: None,
        }
    }

    /// Gives the file the title `title`.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Points the file at `url`.
    pub fn external_url(mut self, url: impl Into<String>) -> Self {
        self.external_url = Some(url.into());
        self
    }

    /// Says the file is of the kind `filetype`.
    pub fn filetype(mut self, filetype: impl Into<String>) -> Self {
        self.filetype = Some(filetype.into());
        self
    }

    /// Gives the text Slack's search matches the file by.
    pub fn indexable_contents(mut self, text: impl Into<String>) -> Self {
        self.indexable_file_contents = Some(text.into());
        self
    }

    /// Shows `image` as the file's preview from now on.
    pub fn preview_image(mut self, image: FormFile) -> Self {
        self.preview_image = Some(image);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_one_file(self.file.as_ref(), self.external_id.as_ref(), false)
    }
}

/// `files.remote.remove`: takes a remote file out of Slack, by its id in Slack (`file`) or the
/// app's id for it (`external_id`): exactly one of the two (Slack answers `too_many_ids` to
/// both). The file stays in the app's storage. Slack takes it from bot tokens only.
///
/// ```
/// use slack_methods::methods::FilesRemoteRemove;
/// use slack_methods::FileId;
/// let remove = FilesRemoteRemove::of(FileId::new("F0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&remove)?, "file=F0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.remote.remove",
    response = Acknowledged,
    validate = FilesRemoteRemove::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteRemove {
    /// The app's id for the file (instead of `file`).
    pub external_id: Option<String>,
    /// The file's id in Slack, `F...` (instead of `external_id`).
    pub file: Option<FileId>,
}

impl FilesRemoteRemove {
    /// Removes the remote file `file`.
    pub fn of(file: impl Into<RemoteFileRef>) -> Self {
        let (file, external_id) = file.into().into_args();
        FilesRemoteRemove { external_id, file }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_one_file(self.file.as_ref(), self.external_id.as_ref(), false)
    }
}

/// `files.remote.share`: shares a remote file in channels, by its id in Slack (`file`), the
/// app's id for it (`external_id`), or both (Slack's page takes either or both). A file added
/// and never shared is seen nowhere in Slack.
///
/// ```
/// use slack_methods::methods::{FilesRemoteShare, RemoteFileRef};
/// use slack_methods::ChannelId;
/// let share = FilesRemoteShare::new(
///     RemoteFileRef::external("design-42"),
///     [ChannelId::new("C0123ABCD")?, ChannelId::new("C0456EFGH")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&share)?,
///     "channels=C0123ABCD%2CC0456EFGH&external_id=design-42",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "files.remote.share",
    response = RemoteFileResponse,
    validate = FilesRemoteShare::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FilesRemoteShare {
    /// The channels to share the file in (at least one), which the token's user must be in.
    pub channels: Vec<ChannelId>,
    /// The app's id for the file.
    pub external_id: Option<String>,
    /// The file's id in Slack, `F...`.
    pub file: Option<FileId>,
}

impl FilesRemoteShare {
    /// Shares the remote file `file` in `channels`.
    pub fn new(
        file: impl Into<RemoteFileRef>,
        channels: impl IntoIterator<Item = ChannelId>,
    ) -> Self {
        let (file, external_id) = file.into().into_args();
        FilesRemoteShare {
            channels: channels.into_iter().collect(),
            external_id,
            file,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.channels.is_empty() {
            return Err(InvalidRequest::new(
                "`channels` is empty: name at least one channel to share the file in",
            ));
        }
        check_one_file(self.file.as_ref(), self.external_id.as_ref(), true)
    }
}
