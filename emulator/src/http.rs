//! A small HTTP/1.1 server on tokio: keep-alive, `Content-Length` bodies, and byte-level control
//! of every answer, so faults can break the protocol on purpose.

use crate::bodies::{body_arguments, find, form_token};
use crate::faults::Fault;
use crate::methods::{self, Reply};
use crate::state::{bearer, RecordedRequest, State};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// The largest request head (request line and headers) read before answering 431.
const MAX_HEAD_BYTES: usize = 32 * 1024;
/// The most headers one request may have.
const MAX_HEADERS: usize = 64;
/// How much of a refused request is read and discarded before the connection is closed.
const DRAIN_BYTES: usize = 4 * 1024 * 1024;
/// How long a refused request's rest is read and discarded at most.
const DRAIN_TIME: Duration = Duration::from_millis(500);

/// State shared by the handle and every connection.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    pub(crate) max_body_bytes: usize,
    /// The largest body the upload site accepts.
    pub(crate) max_upload_bytes: usize,
    /// Whether answers are compressed for a request that accepts gzip.
    #[cfg(feature = "gzip")]
    pub(crate) gzip: bool,
}

impl Shared {
    pub(crate) fn new(state: State, max_body_bytes: usize, max_upload_bytes: usize) -> Shared {
        Shared {
            state: Mutex::new(state),
            max_body_bytes,
            max_upload_bytes,
            #[cfg(feature = "gzip")]
            gzip: false,
        }
    }

    /// The state; a panic elsewhere while it was locked does not make it unusable.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Which of the emulator's two sites a listener serves: the Web API (`/api/<method>`), or the
/// upload URLs `files.getUploadURLExternal` hands out (another port, so another origin).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Site {
    Api,
    Uploads,
}

/// Accepts connections until `shutdown` turns true (or its sender is gone).
pub(crate) async fn serve(
    listener: TcpListener,
    shared: Arc<Shared>,
    shutdown: watch::Receiver<bool>,
    site: Site,
) {
    let mut stop = shutdown.clone();
    loop {
        tokio::select! {
            () = stopped(&mut stop) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // Small answers go out at once; a failure here only costs latency.
                    let _ = stream.set_nodelay(true);
                    let shared = Arc::clone(&shared);
                    let mut shutdown = shutdown.clone();
                    tokio::spawn(async move {
                        tokio::select! {
                            _ = connection(stream, &shared, site) => {}
                            () = stopped(&mut shutdown) => {}
                        }
                    });
                }
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
        }
    }
}

/// Resolves once the stop flag turns true or its sender is gone.
async fn stopped(flag: &mut watch::Receiver<bool>) {
    // The guard `wait_for` returns is dropped here, before any other await.
    let _ = flag.wait_for(|stop| *stop).await;
}

/// One parsed request head.
pub(crate) struct Head {
    pub(crate) verb: String,
    pub(crate) target: String,
    minor_version: u8,
    pub(crate) headers: Vec<(String, Vec<u8>)>,
    len: usize,
}

impl Head {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, value)| std::str::from_utf8(value).ok())
    }

    /// The target's path and query: the target as sent, or, for an absolute-form target
    /// (`http://host/api/auth.test`, as a client talking to a proxy sends it), its part after
    /// the authority. Every HTTP/1.1 server accepts both forms.
    pub(crate) fn path_and_query(&self) -> &str {
        let target = self.target.as_str();
        let scheme_len = ["http://", "https://"]
            .iter()
            .find(|scheme| {
                target
                    .get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            })
            .map(|scheme| scheme.len());
        let Some(scheme_len) = scheme_len else {
            return target;
        };
        let rest = &target[scheme_len..];
        match rest.find(['/', '?']) {
            Some(at) if rest.as_bytes()[at] == b'/' => &rest[at..],
            // `http://host` (or `http://host?q`) names the root, which is no method.
            _ => "/",
        }
    }

    fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(key, _)| key.eq_ignore_ascii_case(name))
    }

    /// Whether the client wants the connection kept open after this exchange.
    fn keep_alive(&self) -> bool {
        let connection = self.header("connection").unwrap_or("").to_ascii_lowercase();
        let says = |word: &str| connection.split(',').any(|token| token.trim() == word);
        if self.minor_version == 0 {
            says("keep-alive")
        } else {
            !says("close")
        }
    }

    /// How the body is framed, or the answer to refuse the request with.
    fn framing(&self) -> Result<Framing, Reply> {
        let mut length = None;
        for (key, value) in &self.headers {
            if !key.eq_ignore_ascii_case("content-length") {
                continue;
            }
            let parsed = std::str::from_utf8(value)
                .ok()
                .and_then(|text| text.trim().parse::<usize>().ok());
            match (parsed, length) {
                (Some(n), None) => length = Some(n),
                (Some(n), Some(m)) if n == m => {}
                _ => return Err(Reply::text(400, "invalid Content-Length\n")),
            }
        }
        if !self.has_header("transfer-encoding") {
            return Ok(Framing::Length(length.unwrap_or(0)));
        }
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|coding| coding.trim().eq_ignore_ascii_case("chunked"));
        match (chunked, length) {
            (true, None) => Ok(Framing::Chunked),
            // Both framings at once is how requests are smuggled past proxies (RFC 9112 §6.1).
            (true, Some(_)) => Err(Reply::text(
                400,
                "both Transfer-Encoding and Content-Length\n",
            )),
            (false, _) => Err(Reply::text(
                501,
                "the only transfer coding accepted is chunked\n",
            )),
        }
    }
}

/// How a request's body is framed.
enum Framing {
    /// `Content-Length` bytes (none without the header).
    Length(usize),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// Where a chunked body stands after a read: all there (it ends at `end` in the buffer), still
/// coming, or refused.
enum Chunks {
    Complete { end: usize },
    Partial,
    TooLarge,
    Invalid,
}

/// A chunked body (RFC 9112 §7.1) being read from the connection's buffer: where its next
/// chunk-size or trailer line starts, and its data so far, as ranges of the buffer. Each
/// [`read`](ChunkedBody::read) goes on from where the last one stopped, so a body that arrives
/// in many reads is walked once. Chunk extensions and trailers are read and ignored.
struct ChunkedBody {
    at: usize,
    data: Vec<(usize, usize)>,
    total: usize,
    in_trailers: bool,
}

impl ChunkedBody {
    /// The longest chunk-size line or trailer line read.
    const MAX_LINE: usize = 4096;

    /// A body whose first chunk starts at `buf[start..]`.
    fn new(start: usize) -> ChunkedBody {
        ChunkedBody {
            at: start,
            data: Vec::new(),
            total: 0,
            in_trailers: false,
        }
    }

    /// The length of the line at `buf[at..]` (up to its CRLF): `Ok(None)` while it is still
    /// coming, `Err(())` when it is longer than a line may be.
    fn line_at(buf: &[u8], at: usize) -> Result<Option<usize>, ()> {
        let rest = buf.get(at..).unwrap_or_default();
        let window = &rest[..rest.len().min(Self::MAX_LINE + 2)];
        match find(window, b"\r\n") {
            Some(end) => Ok(Some(end)),
            None if window.len() > Self::MAX_LINE + 1 => Err(()),
            None => Ok(None),
        }
    }

    /// Reads on through `buf`, the connection's buffer (which only grows until the body is
    /// complete), taking at most `limit` bytes of data.
    fn read(&mut self, buf: &[u8], limit: usize) -> Chunks {
        loop {
            let end = match Self::line_at(buf, self.at) {
                Ok(Some(end)) => end,
                Ok(None) => return Chunks::Partial,
                Err(()) => return Chunks::Invalid,
            };
            let line_end = self.at + end + 2;
            if self.in_trailers {
                // Trailer lines, up to the empty line that ends the body.
                self.at = line_end;
                if end == 0 {
                    return Chunks::Complete { end: line_end };
                }
                continue;
            }
            let line = &buf[self.at..self.at + end];
            let digits = line.split(|&b| b == b';').next().unwrap_or_default();
            let size = std::str::from_utf8(digits)
                .ok()
                .map(str::trim)
                .filter(|text| !text.is_empty() && text.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|text| usize::from_str_radix(text, 16).ok());
            let Some(size) = size else {
                return Chunks::Invalid;
            };
            if size == 0 {
                self.at = line_end;
                self.in_trailers = true;
                continue;
            }
            if self.total.saturating_add(size) > limit {
                return Chunks::TooLarge;
            }
            let Some(after) = line_end.checked_add(size) else {
                return Chunks::TooLarge;
            };
            match buf.get(after..after + 2) {
                // The chunk is not all here: read its size line again next time.
                None => return Chunks::Partial,
                Some(b"\r\n") => {}
                Some(_) => return Chunks::Invalid,
            }
            self.total += size;
            self.data.push((line_end, after));
            self.at = after + 2;
        }
    }

    /// The data, once the body is complete.
    fn into_data(self, buf: &[u8]) -> Vec<u8> {
        let mut data = Vec::with_capacity(self.total);
        for &(from, to) in &self.data {
            data.extend_from_slice(&buf[from..to]);
        }
        data
    }
}

enum Parsed {
    Complete(Head),
    Partial,
    Invalid(Reply),
}

fn parse_head(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(buf) {
        Ok(httparse::Status::Complete(len)) => {
            let (Some(verb), Some(target), Some(minor_version)) =
                (request.method, request.path, request.version)
            else {
                return Parsed::Invalid(Reply::text(400, "malformed request\n"));
            };
            Parsed::Complete(Head {
                verb: verb.to_owned(),
                target: target.to_owned(),
                minor_version,
                headers: request
                    .headers
                    .iter()
                    .map(|h| (h.name.to_ascii_lowercase(), h.value.to_vec()))
                    .collect(),
                len,
            })
        }
        Ok(httparse::Status::Partial) => Parsed::Partial,
        Err(httparse::Error::TooManyHeaders) => {
            Parsed::Invalid(Reply::text(431, "too many headers\n"))
        }
        Err(err) => Parsed::Invalid(Reply::text(400, &format!("malformed request: {err}\n"))),
    }
}

/// What to do with the connection after a request.
pub(crate) enum Action {
    /// Send the answer; keep the connection if the client wants to.
    Send(Reply),
    /// Send the head and half of the body, then close.
    Truncate(Reply),
    /// Send the head claiming this `Content-Length`, then the real body, then close.
    Claim(Reply, u64),
    /// Close at once with a TCP reset.
    Reset,
    /// Send the answer as a chunked body, then a chunk of spaces every so often, forever.
    Endless(Reply, Duration),
}

/// Serves one connection until the client closes it or an answer ends it.
async fn connection(mut stream: TcpStream, shared: &Shared, site: Site) {
    let limit = match site {
        Site::Api => shared.max_body_bytes,
        Site::Uploads => shared.max_upload_bytes,
    };
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let head = loop {
            match parse_head(&buf) {
                // However it arrived, in one read or many, a head over the limit is refused.
                Parsed::Complete(head) if head.len > MAX_HEAD_BYTES => {
                    let reply = Reply::text(431, "request head too large\n");
                    return refuse(stream, &reply).await;
                }
                Parsed::Complete(head) => break head,
                Parsed::Invalid(reply) => return refuse(stream, &reply).await,
                Parsed::Partial if buf.len() > MAX_HEAD_BYTES => {
                    let reply = Reply::text(431, "request head too large\n");
                    return refuse(stream, &reply).await;
                }
                Parsed::Partial => match stream.read_buf(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                },
            }
        };
        let framing = match head.framing() {
            Ok(Framing::Length(length)) if length > limit => {
                let reply = Reply::text(413, "request body too large\n");
                return refuse(stream, &reply).await;
            }
            Ok(framing) => framing,
            Err(reply) => return refuse(stream, &reply).await,
        };
        let mut continued = false;
        let mut chunked = ChunkedBody::new(head.len);
        let body = loop {
            match framing {
                Framing::Length(length) => {
                    let end = head.len.saturating_add(length);
                    if buf.len() >= end {
                        let body = buf[head.len..end].to_vec();
                        buf.drain(..end);
                        break body;
                    }
                }
                Framing::Chunked => match chunked.read(&buf, limit) {
                    Chunks::Complete { end } => {
                        let body = std::mem::replace(&mut chunked, ChunkedBody::new(0));
                        let body = body.into_data(&buf);
                        buf.drain(..end);
                        break body;
                    }
                    Chunks::Partial => {}
                    Chunks::TooLarge => {
                        let reply = Reply::text(413, "request body too large\n");
                        return refuse(stream, &reply).await;
                    }
                    Chunks::Invalid => {
                        let reply = Reply::text(400, "malformed chunked body\n");
                        return refuse(stream, &reply).await;
                    }
                },
            }
            // The body is not all here yet: a client waiting for leave to send it (`Expect:
            // 100-continue`) is given it, once.
            let expects = head
                .header("expect")
                .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"));
            if expects && !continued {
                continued = true;
                if stream
                    .write_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
            }
            match stream.read_buf(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        };
        let keep_alive = head.keep_alive();
        #[cfg(feature = "gzip")]
        let gzip = shared.gzip && crate::gzip::accepts_gzip(head.header("accept-encoding"));
        let action = match site {
            Site::Api => respond(shared, head, body).await,
            Site::Uploads => crate::uploads::respond(shared, head, body).await,
        };
        // Slack compresses its answers for a client that asks (here, when the emulator was
        // built with `gzip_answers`); an answer that never ends is sent as it is.
        #[cfg(feature = "gzip")]
        let action = match action {
            Action::Send(mut reply) if gzip => {
                crate::gzip::compress(&mut reply);
                Action::Send(reply)
            }
            Action::Truncate(mut reply) if gzip => {
                crate::gzip::compress(&mut reply);
                Action::Truncate(reply)
            }
            Action::Claim(mut reply, claimed) if gzip => {
                crate::gzip::compress(&mut reply);
                Action::Claim(reply, claimed)
            }
            other => other,
        };
        match action {
            Action::Send(reply) => {
                if send(&mut stream, &reply, !keep_alive).await.is_err() || !keep_alive {
                    let _ = stream.shutdown().await;
                    return;
                }
            }
            Action::Claim(reply, claimed) => {
                let head = head_bytes(&reply, claimed, true);
                let _ = stream
                    .write_all(&[head.as_slice(), &reply.body].concat())
                    .await;
                let _ = stream.flush().await;
                let _ = stream.shutdown().await;
                return;
            }
            Action::Truncate(reply) => {
                let head = head_bytes(&reply, len_u64(reply.body.len()), true);
                let half = &reply.body[..reply.body.len() / 2];
                let _ = stream.write_all(&[head.as_slice(), half].concat()).await;
                let _ = stream.flush().await;
                let _ = stream.shutdown().await;
                return;
            }
            Action::Reset => {
                reset(stream);
                return;
            }
            Action::Endless(reply, every) => {
                endless(&mut stream, &reply, every).await;
                return;
            }
        }
    }
}

/// Answers a request that cannot be served and closes the connection. The rest of what the
/// client sent is read and discarded for a moment first: closing a socket with unread data makes
/// the kernel send a reset, which could destroy the answer before the client reads it.
async fn refuse(mut stream: TcpStream, reply: &Reply) {
    if send(&mut stream, reply, true).await.is_err() {
        return;
    }
    let _ = stream.shutdown().await;
    let drain = async {
        let mut sink = [0u8; 8192];
        let mut left = DRAIN_BYTES;
        while left > 0 {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => break,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, drain).await;
}

/// Drops the connection with `SO_LINGER` 0, so the peer gets a TCP RST instead of a FIN.
fn reset(stream: TcpStream) {
    // A zero linger never blocks on close, which is what the deprecation warns about.
    #[allow(deprecated)]
    let _ = stream.set_linger(Some(Duration::ZERO));
    drop(stream);
}

/// The request's method name, for a path of the form `/api/<method>`.
fn method_of(path: &str) -> Option<&str> {
    let name = path.strip_prefix("/api/")?;
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-');
    valid.then_some(name)
}

/// Records the request and works out its answer, faults included.
async fn respond(shared: &Shared, head: Head, body: Vec<u8>) -> Action {
    let (path, query) = match head.path_and_query().split_once('?') {
        Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
        None => (head.path_and_query().to_owned(), None),
    };
    let method = method_of(&path).map(str::to_owned);
    // A list's export, at a URL `slackLists.download.get` handed out.
    let download = path
        .strip_prefix(methods::lists::download::DOWNLOAD_PATH)
        .map(str::to_owned);
    let mut params: Vec<(String, String)> = Vec::new();
    if let Some(query) = &query {
        params.extend(form_urlencoded::parse(query.as_bytes()).into_owned());
    }
    let mut body_token = None;
    // A file part's bytes, for the methods that take a file; the arguments hold it as text.
    let mut files = Vec::new();
    let unreadable = match body_arguments(&head.verb, head.header("content-type"), &body) {
        Ok((arguments, parts)) => {
            files = parts;
            body_token = form_token(head.header("content-type"), &arguments).map(str::to_owned);
            params.extend(arguments);
            None
        }
        Err(code) => Some(code),
    };
    // The header's token first; a form's `token` argument in its place, as Slack takes one.
    let token = head
        .header("authorization")
        .and_then(bearer)
        .map(str::to_owned)
        .or(body_token);
    let verb_ok = matches!(head.verb.as_str(), "GET" | "POST");
    let received = Instant::now();
    let fault = {
        let mut state = shared.lock();
        let fault = match (&method, verb_ok) {
            (Some(method), true) => state.take_fault(method),
            _ => None,
        };
        state.requests.push(RecordedRequest {
            verb: head.verb.clone(),
            target: head.target.clone(),
            path,
            method: method.clone(),
            headers: head.headers,
            body,
            params: params.clone(),
            fault: fault.clone(),
            received,
        });
        if matches!(
            fault,
            Some(
                Fault::RateLimited { .. }
                    | Fault::RetryAfter { status: 429, .. }
                    | Fault::OversizedError { status: 429, .. }
            )
        ) {
            state.responses_429 += 1;
        }
        fault
    };
    let Some(method) = method else {
        if let Some(job) = download {
            let state = shared.lock();
            let reply = methods::lists::download::serve(&state, &head.verb, &job, token.as_deref());
            return Action::Send(reply);
        }
        return Action::Send(Reply::text(
            404,
            "not found: Slack methods live at /api/<method>\n",
        ));
    };
    if !verb_ok {
        let mut reply = Reply::text(405, "only GET and POST are accepted\n");
        reply.headers.push(("Allow", "GET, POST".to_owned()));
        return Action::Send(reply);
    }
    let answer = || {
        if let Some(code) = unreadable {
            return Reply::slack_error(code, &[]);
        }
        let mut state = shared.lock();
        state.call_files = files;
        let reply = methods::handle(
            &mut state,
            &method,
            token.as_deref(),
            &params,
            Instant::now(),
        );
        state.call_files.clear();
        reply
    };
    with_fault(fault, answer).await
}

/// The answer to a request, spoiled by `fault` if there is one. `answer` applies the request
/// and gives its answer; a fault that strikes before the request is applied does not call it.
pub(crate) async fn with_fault(fault: Option<Fault>, answer: impl FnOnce() -> Reply) -> Action {
    let Some(fault) = fault else {
        return Action::Send(answer());
    };
    if !fault.strikes_after_apply() {
        return match fault {
            Fault::RateLimited { retry_after } => Action::Send(Reply::rate_limited(retry_after)),
            Fault::RetryAfter { status, value } => {
                let mut reply = Reply::slack_error("ratelimited", &[]);
                reply.status = status;
                reply.headers.push(("Retry-After", value));
                Action::Send(reply)
            }
            Fault::SlackError { code } => Action::Send(Reply::slack_error(&code, &[])),
            Fault::EmptyBody => Action::Send(Reply::json(200, Vec::new())),
            Fault::NonJsonBody => Action::Send(Reply::html(200)),
            Fault::ServerError { status, .. } => Action::Send(Reply::html(status)),
            Fault::OversizedError { status, bytes } => {
                let mut reply = Reply::html(status);
                if status == 429 {
                    reply.headers.push(("Retry-After", "1".to_owned()));
                }
                pad(&mut reply.body, bytes);
                Action::Send(reply)
            }
            Fault::Redirect { status, location } => {
                let mut reply = Reply::html(status);
                reply.headers.push(("Location", location));
                Action::Send(reply)
            }
            Fault::ConnectionReset { .. } => Action::Reset,
            Fault::TruncatedBody { .. } => Action::Truncate(Reply::slack_error("fatal_error", &[])),
            Fault::Delay { duration, .. } => {
                tokio::time::sleep(duration).await;
                Action::Send(answer())
            }
            // Faults that strike after the call is applied are handled below.
            Fault::WrongContentType
            | Fault::OversizedBody { .. }
            | Fault::ClaimedLength { .. }
            | Fault::EndlessBody { .. } => Action::Send(answer()),
            #[cfg(feature = "gzip")]
            Fault::CorruptGzip | Fault::TruncatedGzip | Fault::GzipBomb { .. } => {
                Action::Send(answer())
            }
        };
    }
    let mut reply = answer();
    match fault {
        Fault::ServerError { status, .. } => Action::Send(Reply::html(status)),
        Fault::ConnectionReset { .. } => Action::Reset,
        Fault::TruncatedBody { .. } => Action::Truncate(reply),
        Fault::Delay { duration, .. } => {
            tokio::time::sleep(duration).await;
            Action::Send(reply)
        }
        Fault::WrongContentType => {
            reply.content_type = "text/html; charset=utf-8";
            Action::Send(reply)
        }
        Fault::OversizedBody { bytes } => {
            pad(&mut reply.body, bytes);
            Action::Send(reply)
        }
        Fault::ClaimedLength { bytes } => Action::Claim(reply, bytes),
        Fault::EndlessBody { every } => Action::Endless(reply, every),
        #[cfg(feature = "gzip")]
        Fault::CorruptGzip => {
            crate::gzip::corrupt(&mut reply);
            Action::Send(reply)
        }
        #[cfg(feature = "gzip")]
        Fault::TruncatedGzip => {
            crate::gzip::cut_short(&mut reply);
            Action::Send(reply)
        }
        #[cfg(feature = "gzip")]
        Fault::GzipBomb { bytes } => {
            crate::gzip::bomb(&mut reply, bytes);
            Action::Send(reply)
        }
        Fault::RateLimited { .. }
        | Fault::RetryAfter { .. }
        | Fault::SlackError { .. }
        | Fault::Redirect { .. }
        | Fault::OversizedError { .. }
        | Fault::EmptyBody
        | Fault::NonJsonBody => Action::Send(reply),
    }
}

/// Pads a JSON object body with a `"padding"` string field until it is at least `bytes` long;
/// any other body is padded with trailing spaces, which JSON allows.
fn pad(body: &mut Vec<u8>, bytes: usize) {
    if body.len() >= bytes {
        return;
    }
    let object = body.first() == Some(&b'{') && body.last() == Some(&b'}') && body.len() > 2;
    if object {
        body.pop();
        body.extend_from_slice(br#","padding":""#);
        // Two bytes follow: the closing quote and brace.
        let fill = bytes.saturating_sub(body.len() + 2);
        body.resize(body.len() + fill, b'x');
        body.extend_from_slice(b"\"}");
    } else {
        body.resize(bytes, b' ');
    }
}

/// The reason phrase of a status code.
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

fn len_u64(len: usize) -> u64 {
    u64::try_from(len).unwrap_or(u64::MAX)
}

/// The status line and headers of `reply`, announcing `content_length` body bytes.
fn head_bytes(reply: &Reply, content_length: u64, close: bool) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.content_type,
        content_length
    );
    for (name, value) in &reply.headers {
        // Header values come from the test's own setup; control characters would break framing.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        head.push_str(name);
        head.push_str(": ");
        head.push_str(&value);
        head.push_str("\r\n");
    }
    head.push_str("Server: slack-methods-emulator\r\n");
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    head.into_bytes()
}

/// Sends `reply` as a chunked body that never ends: its own bytes, then 32 spaces every
/// `every`, until the client hangs up.
async fn endless(stream: &mut TcpStream, reply: &Reply, every: Duration) {
    let mut head = String::from_utf8_lossy(&head_bytes(reply, 0, true)).into_owned();
    head = head.replace("Content-Length: 0\r\n", "Transfer-Encoding: chunked\r\n");
    let mut first = head.into_bytes();
    // A chunk of size 0 would end the body.
    if !reply.body.is_empty() {
        first.extend_from_slice(format!("{:x}\r\n", reply.body.len()).as_bytes());
        first.extend_from_slice(&reply.body);
        first.extend_from_slice(b"\r\n");
    }
    if stream.write_all(&first).await.is_err() {
        return;
    }
    let chunk = [b"20\r\n".as_slice(), &[b' '; 32], b"\r\n"].concat();
    loop {
        tokio::time::sleep(every).await;
        if stream.write_all(&chunk).await.is_err() || stream.flush().await.is_err() {
            return;
        }
    }
}

async fn send(stream: &mut TcpStream, reply: &Reply, close: bool) -> std::io::Result<()> {
    let mut bytes = head_bytes(reply, len_u64(reply.body.len()), close);
    bytes.extend_from_slice(&reply.body);
    stream.write_all(&bytes).await?;
    stream.flush().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padding_keeps_json_valid() {
        let mut body = br#"{"ok":true}"#.to_vec();
        pad(&mut body, 100);
        assert_eq!(body.len(), 100);
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["ok"], true);
        let mut body = b"[]".to_vec();
        pad(&mut body, 10);
        assert_eq!(body, b"[]        ");
    }

    #[test]
    fn heads_parse_and_refuse() {
        let Parsed::Complete(head) = parse_head(
            b"POST /api/a.b HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
        ) else {
            panic!("expected a complete head");
        };
        assert!(matches!(head.framing(), Ok(Framing::Length(3))));
        assert!(!head.keep_alive());
        assert!(matches!(
            parse_head(b"POST /api/a.b HTTP/1.1\r\n"),
            Parsed::Partial
        ));
        assert!(matches!(
            parse_head(b"\x01\x02 nonsense\r\n\r\n"),
            Parsed::Invalid(_)
        ));
        let Parsed::Complete(head) =
            parse_head(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
        else {
            panic!("expected a complete head");
        };
        assert!(matches!(head.framing(), Ok(Framing::Chunked)));
        for (both, refused) in [
            ("Transfer-Encoding: chunked\r\nContent-Length: 3", 400),
            ("Transfer-Encoding: gzip, chunked", 501),
            ("Content-Length: 3\r\nContent-Length: 4", 400),
        ] {
            let text = format!("POST / HTTP/1.1\r\n{both}\r\n\r\n");
            let Parsed::Complete(head) = parse_head(text.as_bytes()) else {
                panic!("expected a complete head");
            };
            assert!(
                matches!(head.framing(), Err(reply) if reply.status == refused),
                "{both}"
            );
        }
        assert_eq!(
            method_of("/api/users.profile.set"),
            Some("users.profile.set")
        );
        assert_eq!(method_of("/api/"), None);
        assert_eq!(method_of("/api/a/b"), None);
        assert_eq!(method_of("/other"), None);
    }

    #[test]
    fn chunked_bodies() {
        let data = |buf: &[u8], limit| {
            let mut body = ChunkedBody::new(0);
            match body.read(buf, limit) {
                Chunks::Complete { end } => {
                    Ok((String::from_utf8(body.into_data(buf)).unwrap(), end))
                }
                Chunks::Partial => Err("partial"),
                Chunks::TooLarge => Err("too large"),
                Chunks::Invalid => Err("invalid"),
            }
        };
        let whole = b"4;ext=1\r\nuser\r\nA\r\n=U0JANE&a=\r\n0\r\nTrailer: x\r\n\r\nNEXT";
        assert_eq!(
            data(whole, 100),
            Ok(("user=U0JANE&a=".to_owned(), whole.len() - 4))
        );
        // Every prefix of it is still coming, and one reader fed it byte by byte, going on from
        // where it stopped, ends with the same data.
        let mut body = ChunkedBody::new(0);
        for cut in 0..whole.len() - 4 {
            assert_eq!(data(&whole[..cut], 100), Err("partial"), "{cut}");
            assert!(
                matches!(body.read(&whole[..cut], 100), Chunks::Partial),
                "{cut}"
            );
        }
        let end = whole.len() - 4;
        assert!(matches!(body.read(&whole[..end], 100), Chunks::Complete { end: e } if e == end));
        assert_eq!(body.into_data(whole), b"user=U0JANE&a=");
        assert_eq!(data(b"0\r\n\r\n", 100), Ok((String::new(), 5)));
        assert_eq!(data(whole, 13), Err("too large"));
        for bad in [
            &b"x\r\n"[..],
            b"\r\n",
            b"-1\r\n",
            b"4\r\nuserXX",
            b"ffffffffffffffffffffffff\r\n",
        ] {
            assert!(data(bad, 100).is_err_and(|e| e != "partial"), "{bad:?}");
        }
        assert_eq!(data(&[b'1'; 5000], 100), Err("invalid"));
    }
}
