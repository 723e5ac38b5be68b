//! File upload in one call: `client.upload_file(..)`.
//!
//! Slack uploads a file in three steps, which [`UploadFile::upload_file`] takes in order:
//!
//! 1. `files.getUploadURLExternal` announces the file's name and length and answers an upload
//!    URL and the file's id;
//! 2. the bytes go to the upload URL ([`Client::send_upload`]): a `POST` with the exact
//!    `Content-Length` and **no token** (the URL is another host, and is itself the
//!    credential); a reader streams one chunk at a time, so a large file is never in memory
//!    whole;
//! 3. `files.completeUploadExternal` creates the file, with its title, and shares it in a
//!    channel or thread with an optional comment.
//!
//! Each step's failure is its own [`UploadError`] variant, so a caller knows whether a file id
//! was handed out and whether the bytes arrived.
//!
//! ```no_run
//! # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use slack_methods::upload::{FileUpload, UploadFile};
//! use slack_methods::ChannelId;
//!
//! let report = tokio::fs::File::open("report.csv").await?;
//! let length = report.metadata().await?.len();
//! let done = client
//!     .upload_file(
//!         FileUpload::reader("report.csv", report, length)
//!             .title("Q3 report")
//!             .share_in(ChannelId::new("C0123ABCD")?)
//!             .initial_comment("The quarter's numbers"),
//!     )
//!     .await?;
//! println!("uploaded {:?}", done.file().map(|file| &file.id));
//! # Ok(()) }
//! ```

use crate::methods::{
    FileToComplete, FilesCompleteUploadExternal, FilesCompleteUploadExternalResponse,
    FilesGetUploadUrlExternal,
};
use crate::types::Timestamp;
use crate::{
    ChannelId, Client, Error, FileId, SendError, SlackMethod, SlackResponse, UploadBody,
    DEFAULT_UPLOAD_IDLE_TIMEOUT,
};
use std::future::Future;
use std::time::Duration;

/// One file to upload: its name, its content, and where to share it.
///
/// ```
/// use slack_methods::upload::FileUpload;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let upload = FileUpload::bytes("notes.txt", "remember the milk\n")
///     .title("Notes")
///     .share_in(ChannelId::new("C0123ABCD")?)
///     .in_thread(Timestamp::new("1700000000.000100"));
/// assert_eq!(upload.len(), 18);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct FileUpload {
    filename: String,
    body: UploadBody,
    title: Option<String>,
    alt_txt: Option<String>,
    snippet_type: Option<String>,
    channel: Option<ChannelId>,
    thread_ts: Option<Timestamp>,
    initial_comment: Option<String>,
    idle_timeout: Duration,
}

impl FileUpload {
    /// A file whose content is in memory. Slack takes no empty file: an upload of 0 bytes is
    /// refused before anything is sent.
    pub fn bytes(filename: impl Into<String>, data: impl Into<bytes::Bytes>) -> FileUpload {
        FileUpload::of(filename.into(), UploadBody::bytes(data))
    }

    /// A file streamed from `reader`, which must give exactly `length` bytes (a reader that ends
    /// early or has more fails the upload before the file is created).
    pub fn reader(
        filename: impl Into<String>,
        reader: impl tokio::io::AsyncRead + Send + 'static,
        length: u64,
    ) -> FileUpload {
        FileUpload::of(filename.into(), UploadBody::reader(reader, length))
    }

    fn of(filename: String, body: UploadBody) -> FileUpload {
        FileUpload {
            filename,
            body,
            title: None,
            alt_txt: None,
            snippet_type: None,
            channel: None,
            thread_ts: None,
            initial_comment: None,
            idle_timeout: DEFAULT_UPLOAD_IDLE_TIMEOUT,
        }
    }

    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.body.len()
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The title Slack shows (the file name by default).
    pub fn title(mut self, title: impl Into<String>) -> FileUpload {
        self.title = Some(title.into());
        self
    }

    /// A description of an image, for screen readers (at most 1000 characters).
    pub fn alt_text(mut self, text: impl Into<String>) -> FileUpload {
        self.alt_txt = Some(text.into());
        self
    }

    /// For a code snippet: its language (`python`, `rust`, ...).
    pub fn snippet_type(mut self, language: impl Into<String>) -> FileUpload {
        self.snippet_type = Some(language.into());
        self
    }

    /// Shares the file in `channel` (it stays private to the uploader otherwise).
    pub fn share_in(mut self, channel: ChannelId) -> FileUpload {
        self.channel = Some(channel);
        self
    }

    /// Shares the file as a reply in the thread of `parent`, in the channel given with
    /// [`share_in`](Self::share_in).
    pub fn in_thread(mut self, parent: Timestamp) -> FileUpload {
        self.thread_ts = Some(parent);
        self
    }

    /// Introduces the file with a message.
    pub fn initial_comment(mut self, text: impl Into<String>) -> FileUpload {
        self.initial_comment = Some(text.into());
        self
    }

    /// How long sending the bytes may go without progress before it fails
    /// ([`DEFAULT_UPLOAD_IDLE_TIMEOUT`] by default). A slow upload that moves is not cut short.
    /// Zero is refused when the upload starts, before anything is sent (`Duration::MAX` is no
    /// limit).
    pub fn idle_timeout(mut self, idle: Duration) -> FileUpload {
        self.idle_timeout = idle;
        self
    }
}

/// Why an upload failed, by step.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UploadError {
    /// `files.getUploadURLExternal` failed (or the upload was refused before it, as an invalid
    /// request or a setting that cannot be used): no file id was handed out and nothing was
    /// uploaded.
    #[error("file upload: asking Slack for an upload URL failed")]
    UploadUrl(#[source] Error),
    /// The bytes did not reach the upload URL. The file id was handed out, but no file was
    /// created.
    #[error("file upload of {file_id}: sending the bytes to the upload URL failed")]
    Send {
        /// The id `files.getUploadURLExternal` answered.
        file_id: FileId,
        /// What went wrong.
        #[source]
        source: SendError,
    },
    /// The bytes were uploaded, but `files.completeUploadExternal` failed, so the file may not
    /// have been created or shared.
    #[error("file upload of {file_id}: completing the upload failed")]
    Complete {
        /// The id `files.getUploadURLExternal` answered.
        file_id: FileId,
        /// Slack's answer, or what went wrong around it.
        #[source]
        source: Error,
    },
}

impl UploadError {
    /// The file id Slack handed out, when the upload got that far.
    pub fn file_id(&self) -> Option<&FileId> {
        match self {
            UploadError::UploadUrl(_) => None,
            UploadError::Send { file_id, .. } | UploadError::Complete { file_id, .. } => {
                Some(file_id)
            }
        }
    }
}

/// `client.upload_file(..)`: Slack's three-step file upload as one call (see the [module
/// docs](crate::upload)).
pub trait UploadFile {
    /// Uploads `upload` and answers what `files.completeUploadExternal` said: the file created
    /// ([`FilesCompleteUploadExternalResponse::file`]).
    ///
    /// The two method calls go through the client's limiter and retry policy like any call;
    /// the bytes are sent once, without the token. Dropping the future abandons the upload.
    fn upload_file(
        &self,
        upload: FileUpload,
    ) -> impl Future<Output = Result<SlackResponse<FilesCompleteUploadExternalResponse>, UploadError>>
           + Send;
}

impl UploadFile for Client {
    async fn upload_file(
        &self,
        upload: FileUpload,
    ) -> Result<SlackResponse<FilesCompleteUploadExternalResponse>, UploadError> {
        let FileUpload {
            filename,
            body,
            title,
            alt_txt,
            snippet_type,
            channel,
            thread_ts,
            initial_comment,
            idle_timeout,
        } = upload;
        let mut ask = FilesGetUploadUrlExternal::new(filename, body.len());
        ask.alt_txt = alt_txt;
        ask.snippet_type = snippet_type;
        // The last steps' rules are checked before the first step, so that a mistake there does
        // not leave an upload URL or an uploaded file behind.
        crate::__private::check_idle_timeout(idle_timeout)
            .map_err(|refused| UploadError::UploadUrl(Error::Config(refused)))?;
        if thread_ts.is_some() && channel.is_none() {
            return Err(UploadError::UploadUrl(Error::InvalidRequest {
                method: FilesCompleteUploadExternal::NAME,
                reason: String::from(
                    "a reply in a thread needs the thread's channel: add `share_in(channel)`",
                ),
            }));
        }
        let url = self.call(&ask).await.map_err(UploadError::UploadUrl)?;
        let file_id = url.file_id.clone();
        self.send_upload(&url.upload_url, body, idle_timeout)
            .await
            .map_err(|source| UploadError::Send {
                file_id: file_id.clone(),
                source,
            })?;
        let mut complete =
            FilesCompleteUploadExternal::new([FileToComplete::new(file_id.clone(), title)]);
        complete.channel_id = channel;
        complete.thread_ts = thread_ts;
        complete.initial_comment = initial_comment;
        self.call(&complete)
            .await
            .map_err(|source| UploadError::Complete { file_id, source })
    }
}
