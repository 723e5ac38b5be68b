//! A list's export: `slackLists.download.start` begins a job that exports a list's content,
//! `slackLists.download.get` answers the job's status and, once it is done, where to download
//! the export.
//!
//! Both need `lists:read` (Slack's method pages; Slack's tables name none): they read a list
//! and change none, so they are reads, although Slack's SDK sends them by POST (a job started
//! twice is two exports of the same list). The download URL is a link into Slack's file
//! storage (`files-pri`, as Slack's example shows), read with the caller's token as a file's
//! `url_private` is; it is not a secret of its own, and an agent may read it.

use crate::{slack_method, FileId, InvalidRequest};
use serde::Deserialize;

crate::slack_object! {
    /// What `slackLists.download.start` answers: the export job's id.
    ///
    /// ```
    /// use slack_methods::methods::ListDownloadStarted;
    /// let started: ListDownloadStarted = serde_json::from_str(r#"{"job_id":"LeF0123ABCD"}"#)?;
    /// assert_eq!(started.job_id, "LeF0123ABCD");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListDownloadStarted {
        required {
            /// The export job's id, for `slackLists.download.get`.
            pub job_id: String,
        }
    }
}

crate::slack_enum! {
    /// The status of a list's export job: `COMPLETED` (the one value Slack's page shows), or
    /// another Slack sends ([`ListExportStatus::Other`]), such as one of a job still running.
    ///
    /// ```
    /// use slack_methods::methods::ListExportStatus;
    /// assert_eq!(ListExportStatus::from("COMPLETED"), ListExportStatus::Completed);
    /// assert_eq!(ListExportStatus::Completed.as_str(), "COMPLETED");
    /// ```
    pub enum ListExportStatus {
        /// The export is done; `download_url` says where it is (`COMPLETED`).
        Completed = "COMPLETED",
    }
}

crate::slack_object! {
    /// What `slackLists.download.get` answers: the job's status and, once it is done, the
    /// export's URL.
    ///
    /// ```
    /// use slack_methods::methods::{ListDownload, ListExportStatus};
    /// let done: ListDownload = serde_json::from_str(
    ///     r#"{"status":"COMPLETED","download_url":"https://files.slack.com/files-pri/T0-F0/csv/list"}"#,
    /// )?;
    /// assert!(done.is_completed());
    /// assert_eq!(done.status, Some(ListExportStatus::Completed));
    /// assert!(done.download_url.is_some_and(|url| url.ends_with("/csv/list")));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListDownload {
        /// The job's status.
        pub status: Option<ListExportStatus>,
        /// Where to download the export, once the job is done; read it with the token that
        /// started the job.
        pub download_url: Option<String>,
    }
}

impl ListDownload {
    /// Whether the job is done (its status is `COMPLETED`).
    pub fn is_completed(&self) -> bool {
        self.status == Some(ListExportStatus::Completed)
    }
}

/// `slackLists.download.start`: begins exporting a list's content, archived items too with
/// `include_archived`, and answers the export job's id; ask `slackLists.download.get` with it
/// for the job's status and the export's URL. Scope `lists:read` (Slack's page; Slack's tables
/// name none).
///
/// ```
/// use slack_methods::methods::SlackListsDownloadStart;
/// use slack_methods::FileId;
/// let export = SlackListsDownloadStart::new(FileId::new("F0123ABCD")?).include_archived(true);
/// assert_eq!(
///     slack_methods::encode_params(&export)?,
///     "list_id=F0123ABCD&include_archived=true",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.download.start",
    scope = "lists:read",
    response = ListDownloadStarted,
    writes = false
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsDownloadStart {
    /// The list to export (`F...`).
    pub list_id: FileId,
    /// Whether the export takes archived items too.
    pub include_archived: Option<bool>,
}

impl SlackListsDownloadStart {
    /// An export of `list_id`'s items.
    pub fn new(list_id: FileId) -> Self {
        SlackListsDownloadStart {
            list_id,
            include_archived: None,
        }
    }

    /// Whether the export takes archived items too.
    pub fn include_archived(mut self, include: bool) -> Self {
        self.include_archived = Some(include);
        self
    }
}

/// `slackLists.download.get`: the status of an export job `slackLists.download.start` began
/// for a list and, once it is done, the URL of the export (read with the same token). A blank
/// job id is refused before sending. Scope `lists:read` (Slack's page; Slack's tables name
/// none).
///
/// ```
/// use slack_methods::methods::SlackListsDownloadGet;
/// use slack_methods::FileId;
/// let poll = SlackListsDownloadGet::new(FileId::new("F0123ABCD")?, "LeF0123ABCD");
/// assert_eq!(
///     slack_methods::encode_params(&poll)?,
///     "list_id=F0123ABCD&job_id=LeF0123ABCD",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.download.get",
    scope = "lists:read",
    response = ListDownload,
    writes = false,
    validate = SlackListsDownloadGet::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsDownloadGet {
    /// The exported list (`F...`).
    pub list_id: FileId,
    /// The export job's id, as `slackLists.download.start` answered it.
    pub job_id: String,
}

impl SlackListsDownloadGet {
    /// The export job `job_id` of `list_id`.
    pub fn new(list_id: FileId, job_id: impl Into<String>) -> Self {
        SlackListsDownloadGet {
            list_id,
            job_id: job_id.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.job_id.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`job_id` is blank: give the id slackLists.download.start answered",
            ));
        }
        Ok(())
    }
}
