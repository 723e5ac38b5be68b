//! Files: the upload URLs `files.getUploadURLExternal` hands out, served on a second listener
//! (another port, so another origin, as `files.slack.com` is to `slack.com`), the bytes that
//! arrive there, and the files `files.completeUploadExternal` makes of them.
//!
//! An upload URL is `http://127.0.0.1:<upload port>/upload/v1/<key>`, where the key is not the
//! file id. It takes one `POST` (or `PUT`) whose body is the file's bytes, or multipart form
//! data whose file part (the part with a `filename`, or the only part) they are, as Slack's
//! upload URLs take either; a form without a file part is 400. The body is at most the upload
//! limit (64 MiB by default,
//! [`EmulatorBuilder::max_upload_bytes`](crate::EmulatorBuilder::max_upload_bytes); larger is
//! 413). It answers `200 OK - <bytes>` (the file's length) as Slack's upload server does. Sending again before the
//! upload is completed replaces the bytes; once it is completed the URL is gone (404). No token
//! is needed, and none is looked at. Every upload request is in the request log
//! ([`Emulator::requests`](crate::Emulator::requests)) with `method: None`; faults for the
//! upload site are injected with [`Emulator::inject_upload`](crate::Emulator::inject_upload).

use crate::http::{with_fault, Action, Head, Shared};
use crate::methods::Reply;
use crate::state::RecordedRequest;
use crate::{Emulator, Fault};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::SocketAddr;
use std::time::Instant;

/// The default largest upload body: 64 MiB.
pub(crate) const DEFAULT_MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;
/// The key under which faults for the upload site queue (not a valid method name, so it never
/// meets a method's faults).
pub(crate) const UPLOAD_FAULTS: &str = "(upload)";
/// The path prefix of upload URLs.
const UPLOAD_PATH: &str = "/upload/v1/";

/// A file announced with `files.getUploadURLExternal`, waiting for its bytes and completion.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub(crate) file_id: String,
    pub(crate) filename: String,
    /// The length announced.
    pub(crate) length: u64,
    pub(crate) alt_txt: Option<String>,
    pub(crate) snippet_type: Option<String>,
    /// Who asked for the upload URL.
    pub(crate) owner: String,
    /// The bytes that arrived at the upload URL, once they did.
    pub(crate) bytes: Option<Vec<u8>>,
}

/// A completed file.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    /// Slack's file object.
    pub(crate) object: Map<String, Value>,
    pub(crate) owner: String,
    pub(crate) bytes: Vec<u8>,
}

/// Uploads in progress and completed files.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// `http://127.0.0.1:<upload port>/upload/v1/`.
    pub(crate) upload_base: String,
    /// Pending uploads by their URL key.
    pub(crate) pending: HashMap<String, Pending>,
    /// Completed files by id, in id order.
    pub(crate) stored: BTreeMap<String, Stored>,
    /// The ids of deleted files, which `files.info` and `files.delete` answer `file_deleted`
    /// for.
    pub(crate) deleted: BTreeSet<String>,
    /// The comments on each file, by file id, oldest first
    /// ([`Emulator::add_file_comment`](crate::Emulator::add_file_comment)).
    pub(crate) comments: BTreeMap<String, Vec<Map<String, Value>>>,
}

impl Files {
    /// A new pending upload: its URL and its file id.
    pub(crate) fn announce(
        &mut self,
        owner: &str,
        filename: &str,
        length: u64,
        alt_txt: Option<&str>,
        snippet_type: Option<&str>,
    ) -> (String, String) {
        // Unique across the emulators of the process, as Slack's file ids are across workspaces.
        let n = crate::state::fresh_number();
        let file_id = format!("F0EMU{n:05}");
        let key = upload_key(&file_id, n);
        self.pending.insert(
            key.clone(),
            Pending {
                file_id: file_id.clone(),
                filename: filename.to_owned(),
                length,
                alt_txt: alt_txt.map(str::to_owned),
                snippet_type: snippet_type.map(str::to_owned),
                owner: owner.to_owned(),
                bytes: None,
            },
        );
        (format!("{}{key}", self.upload_base), file_id)
    }

    /// The pending upload of `file_id`, with its URL key.
    pub(crate) fn pending_file(&self, file_id: &str) -> Option<(&String, &Pending)> {
        self.pending
            .iter()
            .find(|(_, pending)| pending.file_id == file_id)
    }
}

/// An upload URL's key: derived from the file id and a counter, but not the id itself.
fn upload_key(file_id: &str, n: u64) -> String {
    // FNV-1a, as the avatars' hashes: stable across runs and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ n;
    for byte in file_id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("EMU{n}x{hash:016x}")
}

/// Answers one request to the upload site.
pub(crate) async fn respond(shared: &Shared, head: Head, body: Vec<u8>) -> Action {
    let target = head.path_and_query();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    // The query's pairs are the request's parameters; the body is the file, not arguments.
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let path = path.to_owned();
    let key = path.strip_prefix(UPLOAD_PATH).map(str::to_owned);
    let verb_ok = matches!(head.verb.as_str(), "POST" | "PUT");
    let received = Instant::now();
    let content_type = head.header("content-type").map(str::to_owned);
    let fault = {
        let mut state = shared.lock();
        let fault = verb_ok.then(|| state.take_fault(UPLOAD_FAULTS)).flatten();
        state.requests.push(RecordedRequest {
            verb: head.verb.clone(),
            target: head.target.clone(),
            path,
            method: None,
            headers: head.headers,
            body: body.clone(),
            params,
            fault: fault.clone(),
            received,
        });
        fault
    };
    if !verb_ok {
        let mut reply = Reply::text(405, "upload URLs take POST or PUT\n");
        reply.headers.push(("Allow", "POST, PUT".to_owned()));
        return Action::Send(reply);
    }
    let apply = move || {
        let mut state = shared.lock();
        let pending = key.and_then(|key| state.files.pending.get_mut(&key));
        let Some(pending) = pending else {
            return Reply::text(404, "no such upload URL (never handed out, or completed)\n");
        };
        match crate::bodies::uploaded_file(content_type.as_deref(), body) {
            Some(file) => {
                let length = file.len();
                pending.bytes = Some(file);
                Reply::text(200, &format!("OK - {length}"))
            }
            None => Reply::text(400, "multipart upload without a file part\n"),
        }
    };
    with_fault(fault, apply).await
}

/// One upload that arrived, as [`Emulator::uploads`] reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Upload {
    /// The file id `files.getUploadURLExternal` answered.
    pub file_id: String,
    /// The file name announced.
    pub filename: String,
    /// The length announced.
    pub length: u64,
    /// The bytes that arrived at the upload URL (`None` while none did).
    pub bytes: Option<Vec<u8>>,
    /// Whether `files.completeUploadExternal` made a file of it.
    pub completed: bool,
}

impl Emulator {
    /// The address of the upload site (`127.0.0.1:<port>`), where the upload URLs
    /// `files.getUploadURLExternal` hands out point.
    pub fn upload_addr(&self) -> SocketAddr {
        self.upload_addr
    }

    /// Every upload announced with `files.getUploadURLExternal`, completed or not, in the order
    /// announced: what arrived at its URL, and whether it became a file.
    pub fn uploads(&self) -> Vec<Upload> {
        let state = self.shared.lock();
        let mut uploads: Vec<Upload> = state
            .files
            .pending
            .values()
            .map(|pending| Upload {
                file_id: pending.file_id.clone(),
                filename: pending.filename.clone(),
                length: pending.length,
                bytes: pending.bytes.clone(),
                completed: false,
            })
            .chain(state.files.stored.iter().map(|(id, stored)| {
                Upload {
                    file_id: id.clone(),
                    filename: stored
                        .object
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    length: u64::try_from(stored.bytes.len()).unwrap_or(u64::MAX),
                    bytes: Some(stored.bytes.clone()),
                    completed: true,
                }
            }))
            .collect();
        // Ids are `F0EMU` and the process's counter, at least five digits: by length first, a
        // six-digit id comes after every five-digit one, as it was announced after them.
        uploads.sort_by(|a, b| (a.file_id.len(), &a.file_id).cmp(&(b.file_id.len(), &b.file_id)));
        uploads
    }

    /// The bytes that arrived for file `file_id`, completed or not.
    pub fn uploaded_bytes(&self, file_id: &str) -> Option<Vec<u8>> {
        let state = self.shared.lock();
        if let Some(stored) = state.files.stored.get(file_id) {
            return Some(stored.bytes.clone());
        }
        state.files.pending_file(file_id)?.1.bytes.clone()
    }

    /// The file object of completed file `file_id`, as `files.info` answers it.
    pub fn file(&self, file_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let stored = state.files.stored.get(file_id)?;
        Some(Value::Object(stored.object.clone()))
    }

    /// Makes the next `times` requests to the upload site get `fault` (see [`Fault`]; faults
    /// that strike before the call is applied leave the upload without its bytes).
    pub fn inject_upload(&self, fault: Fault, times: usize) {
        self.shared
            .lock()
            .faults
            .entry(UPLOAD_FAULTS.to_owned())
            .or_default()
            .push(fault, times);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_urls_do_not_show_the_file_id() {
        let mut files = Files {
            upload_base: "http://127.0.0.1:1/upload/v1/".into(),
            ..Files::default()
        };
        let (url, id) = files.announce("U1", "a.txt", 3, None, None);
        assert!(id.starts_with("F0EMU"), "{id}");
        assert!(url.starts_with("http://127.0.0.1:1/upload/v1/EMU"), "{url}");
        assert!(!url.contains(&id));
        let (second, _) = files.announce("U1", "a.txt", 3, None, None);
        assert_ne!(url, second);
        assert!(files.pending_file(&id).is_some());
    }
}
