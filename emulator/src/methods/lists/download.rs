//! A list's export: `slackLists.download.start` and `slackLists.download.get`, and the
//! download URLs they hand out, served on the emulator's own address.
//!
//! The errors are those Slack's pages list for these methods: `list_not_found` for a list the
//! caller cannot see, `job_not_found` for an export job Slack does not know. Where Slack is
//! silent, these are the emulator's choices:
//!
//! - Exporting needs read access to the list (see the `access` module). A job id is `Le`
//!   and a number (Slack's example is `LeF1234567`). A job is known to the user who started it,
//!   for the list it was started for: another list's id, or another user's job, is
//!   `job_not_found`. `include_archived` is kept and changes nothing, as the emulator archives
//!   no items.
//! - A job is done at its first `slackLists.download.get`, which answers `status` `COMPLETED`
//!   (the value Slack's example shows) and `download_url`; later calls answer the same. The
//!   export is taken then: the list's columns and items, as they are at that moment.
//! - The download URL is `http://127.0.0.1:<port>/lists/download/<job id>` on the Web API's
//!   own address. A `GET` with the `Authorization: Bearer <token>` of a user who can read the
//!   list answers the export as CSV (`text/csv`): one header line of the columns' names, in
//!   the list's order, then a line for each item (subtasks too), in the order they were made,
//!   each cell as text (rich text's plain text, a list's values joined by `, `), quoted as
//!   RFC 4180 quotes. Without a token, or with one the emulator does not know, it is 401; a
//!   user who cannot read the list, or an unknown or unfinished job, is 404; another verb is
//!   405. Slack's example URL is a `files-pri` link, read with a token as a file's `url_private` is.

use super::access::permitted;
use super::SlackList;
use crate::canvases::Level;
use crate::methods::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The path prefix of download URLs.
pub(crate) const DOWNLOAD_PATH: &str = "/lists/download/";

/// One export job.
#[derive(Clone, Debug)]
struct Job {
    list_id: String,
    /// Who started it.
    requester: String,
    include_archived: bool,
    /// The export, once the job is done.
    csv: Option<String>,
}

/// The export jobs, by id, and where their downloads are served.
#[derive(Debug, Default)]
pub(crate) struct Jobs {
    by_id: BTreeMap<String, Job>,
    /// `http://<the Web API's address>/lists/download/`, set when the emulator starts.
    pub(crate) base: String,
}

/// `text` as one CSV field: quoted when it holds a comma, a quote or a line break, with its
/// quotes doubled.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The export of `list`: a header line of its columns' names, then a line for each item (its
/// subtasks too), in the order they were made, each cell as text.
fn export(list: &SlackList) -> String {
    let line = |fields: Vec<String>| {
        let fields: Vec<String> = fields.iter().map(|field| csv_field(field)).collect();
        format!("{}\r\n", fields.join(","))
    };
    let names = list
        .columns
        .iter()
        .map(|column| column["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    let mut csv = line(names);
    for item in &list.items {
        csv.push_str(&line(item.texts(&list.columns)));
    }
    csv
}

/// `slackLists.download.start`: a new export job of a list the caller can read.
pub(crate) fn start(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let list_id = permitted(state, caller, params, "list_id", Level::Read)?;
    let id = format!("Le{:08}", crate::state::fresh_number());
    state.lists.downloads.by_id.insert(
        id.clone(),
        Job {
            list_id,
            requester: caller.spec.id.clone(),
            include_archived: truthy(param(params, "include_archived")),
            csv: None,
        },
    );
    let mut data = Map::new();
    data.insert("job_id".into(), json!(id));
    Ok(data)
}

/// `slackLists.download.get`: the job's status and its download URL, the job done at the
/// first call.
pub(crate) fn get(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let list_id = permitted(state, caller, params, "list_id", Level::Read)?;
    let job_id = param(params, "job_id").map(str::trim).unwrap_or_default();
    let export = state
        .lists
        .by_id
        .get(&list_id)
        .map(export)
        .unwrap_or_default();
    let base = state.lists.downloads.base.clone();
    let job = state
        .lists
        .downloads
        .by_id
        .get_mut(job_id)
        .filter(|job| job.list_id == list_id && job.requester == caller.spec.id)
        .ok_or_else(|| fail("job_not_found"))?;
    if job.csv.is_none() {
        job.csv = Some(export);
    }
    let mut data = Map::new();
    data.insert("status".into(), json!("COMPLETED"));
    data.insert("download_url".into(), json!(format!("{base}{job_id}")));
    Ok(data)
}

/// The answer to a request for the download URL of job `job_id`, fetched with `token` (see
/// the module's note).
pub(crate) fn serve(state: &State, verb: &str, job_id: &str, token: Option<&str>) -> Reply {
    if verb != "GET" {
        let mut reply = Reply::text(405, "download URLs take GET\n");
        reply.headers.push(("Allow", "GET".to_owned()));
        return reply;
    }
    let caller = token
        .and_then(|token| state.tokens.get(token))
        .filter(|entry| !entry.revoked)
        .and_then(|entry| state.users.get(&entry.user));
    let Some(caller) = caller else {
        return Reply::text(
            401,
            "a download URL is read with a token: send it as a Bearer token\n",
        );
    };
    let not_found = || {
        Reply::text(
            404,
            "no such download (never handed out, or not finished)\n",
        )
    };
    let Some((job, csv)) = state
        .lists
        .downloads
        .by_id
        .get(job_id)
        .and_then(|job| job.csv.as_ref().map(|csv| (job, csv)))
    else {
        return not_found();
    };
    let readable = state
        .lists
        .by_id
        .get(&job.list_id)
        .is_some_and(|list| super::access::level(state, caller, list).is_some());
    if !readable {
        return not_found();
    }
    Reply {
        status: 200,
        content_type: "text/csv; charset=utf-8",
        headers: Vec::new(),
        body: csv.clone().into_bytes(),
    }
}

impl crate::Emulator {
    /// The export job `job_id`, for tests to read back: `list_id`, `requested_by`,
    /// `include_archived` and `done` (whether `slackLists.download.get` finished it). `None`
    /// when there is no such job.
    pub fn slack_list_download(&self, job_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let job = state.lists.downloads.by_id.get(job_id)?;
        Some(json!({
            "list_id": job.list_id,
            "requested_by": job.requester,
            "include_archived": job.include_archived,
            "done": job.csv.is_some(),
        }))
    }
}
