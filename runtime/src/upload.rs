//! A file's bytes, sent to the upload URL Slack hands out for them.
//!
//! Slack's file upload takes three steps: `files.getUploadURLExternal` answers an upload URL and
//! a file id, the bytes go to that URL, and `files.completeUploadExternal` creates the file (and
//! shares it). The two method calls are ordinary calls; this module is the step between them,
//! [`Client::send_upload`]. (The `slack-methods` crate joins the three steps in one call,
//! `client.upload_file(..)`.)
//!
//! The upload URL is a different host (`files.slack.com`), so the bytes go without the token: the
//! request carries no `Authorization` header at all. A large file streams from an
//! [`AsyncRead`]: one chunk of at most [`UPLOAD_CHUNK`] bytes is read when the connection can
//! take it, so the file is never held in memory whole.

use crate::client::Client;
use bytes::Bytes;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::time::Instant;

/// The most bytes read from an upload's reader at a time, and so the most of the file in memory
/// at once.
pub const UPLOAD_CHUNK: usize = 64 * 1024;

/// How long an upload may go without progress, by default: no byte taken by the connection and
/// no answer from the upload server for this long fails it with [`SendError::Timeout`].
pub const DEFAULT_UPLOAD_IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// How much of an upload server's answer is read, for the error when it is not a success.
const MAX_ANSWER_BYTES: usize = 16 * 1024;

/// A file's content on its way to an upload URL: bytes in memory, or a reader streamed chunk by
/// chunk with its length known beforehand (Slack asks for the length in
/// `files.getUploadURLExternal`, and the upload carries it as `Content-Length`).
///
/// A file on disk is a reader: `UploadBody::reader(file, file.metadata().await?.len())` with a
/// `tokio::fs::File`.
///
/// ```
/// use slack_methods_runtime::UploadBody;
/// let small = UploadBody::bytes("hello, world\n");
/// assert_eq!(small.len(), 13);
/// // Any `AsyncRead + Send + 'static` with its length: a file, a socket, a decompressor...
/// let streamed = UploadBody::reader(&b"hello, world\n"[..], 13);
/// assert_eq!(streamed.len(), 13);
/// ```
pub struct UploadBody {
    source: Source,
    length: u64,
}

enum Source {
    Bytes(Bytes),
    Reader(Pin<Box<dyn AsyncRead + Send>>),
}

impl UploadBody {
    /// Content held in memory.
    pub fn bytes(data: impl Into<Bytes>) -> UploadBody {
        let data = data.into();
        UploadBody {
            length: u64::try_from(data.len()).unwrap_or(u64::MAX),
            source: Source::Bytes(data),
        }
    }

    /// Content read from `reader`, which must give exactly `length` bytes: a reader that ends
    /// early or has more fails the upload ([`SendError::ShortRead`], [`SendError::LongRead`])
    /// rather than sending a cut or partial file.
    pub fn reader(reader: impl AsyncRead + Send + 'static, length: u64) -> UploadBody {
        UploadBody {
            source: Source::Reader(Box::pin(reader)),
            length,
        }
    }

    /// The content's length in bytes.
    pub fn len(&self) -> u64 {
        self.length
    }

    /// Whether the content is empty.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }
}

impl fmt::Debug for UploadBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.source {
            Source::Bytes(_) => "bytes",
            Source::Reader(_) => "reader",
        };
        f.debug_struct("UploadBody")
            .field("source", &kind)
            .field("length", &self.length)
            .finish()
    }
}

/// Why a file's bytes did not reach the upload URL.
///
/// Messages name the upload URL by its scheme and host only: the rest of it is a secret that
/// lets anyone upload in the app's name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// The upload URL cannot be used; nothing was sent.
    #[error("the upload URL `{url}` {problem}")]
    BadUrl {
        /// The URL's scheme and host.
        url: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The upload server answered with a status that is not a success.
    #[error("the upload server at `{url}` answered HTTP {status}; body starts {excerpt:?}")]
    Status {
        /// The URL's scheme and host.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The first bytes of the answer, as text.
        excerpt: String,
    },
    /// Reading the file failed; the upload was abandoned. The read error is the `source()`.
    #[error("reading the file failed after {sent} of {length} bytes")]
    Read {
        /// Bytes read (and handed to the connection) before the failure.
        sent: u64,
        /// The length announced.
        length: u64,
        /// The read error.
        #[source]
        source: std::io::Error,
    },
    /// The file's reader ended before the length announced; the upload was abandoned.
    #[error("the file's reader ended after {sent} of the {length} bytes announced")]
    ShortRead {
        /// Bytes the reader gave.
        sent: u64,
        /// The length announced.
        length: u64,
    },
    /// The file's reader has more bytes than the length announced; the upload was abandoned
    /// before its last bytes went out.
    #[error("the file's reader has more than the {length} bytes announced")]
    LongRead {
        /// The length announced.
        length: u64,
    },
    /// The connection failed (refused, reset, TLS). The underlying failure is the `source()`.
    #[error(
        "{}",
        if *connect { "could not connect to the upload server" } else { "the connection to the upload server failed" }
    )]
    Transport {
        /// Whether the connection could not even be opened, so nothing was sent.
        connect: bool,
        /// The underlying failure.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// No byte went out and no answer came for this long.
    #[error("the upload made no progress for {idle:?}")]
    Timeout {
        /// The idle timeout that ran out.
        idle: Duration,
    },
    /// A setting of the upload cannot be used (a zero idle timeout); nothing was sent.
    #[error(transparent)]
    Config(#[from] crate::ConfigError),
}

/// Refuses a zero idle timeout, which would end the upload before its first byte could go out.
pub fn check_idle_timeout(idle: Duration) -> Result<(), crate::ConfigError> {
    if idle.is_zero() {
        return Err(crate::ConfigError::Setting {
            setting: "idle_timeout",
            problem: "is zero, so no byte of the upload could go out in time: give a wait \
                      longer than zero (`Duration::MAX` for no limit)",
        });
    }
    Ok(())
}

impl Client {
    /// Sends a file's bytes to `upload_url` (from `files.getUploadURLExternal`): one `POST` of
    /// the content as `application/octet-stream` with its `Content-Length`, and no token.
    /// Any 2xx answer is a success: the status decides, and the answer's body is read for its
    /// first 16 KiB only (an error's excerpt), for at most `idle_timeout` in all.
    ///
    /// The URL must be `http` or `https`, and `https` whenever the client's own base URL is.
    /// The upload fails with [`SendError::Timeout`] when it makes no progress (no byte taken by
    /// the connection, no answer) for `idle_timeout`; a slow but moving upload of a large file
    /// is not cut short; a zero `idle_timeout` is refused before anything is sent
    /// ([`SendError::Config`]). It is sent once: nothing is retried (a reader cannot be read
    /// twice).
    ///
    /// ```no_run
    /// # async fn demo(client: slack_methods_runtime::Client, upload_url: String) -> Result<(), slack_methods_runtime::SendError> {
    /// use slack_methods_runtime::{UploadBody, DEFAULT_UPLOAD_IDLE_TIMEOUT};
    /// let body = UploadBody::bytes("hello, world\n");
    /// client.send_upload(&upload_url, body, DEFAULT_UPLOAD_IDLE_TIMEOUT).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_upload(
        &self,
        upload_url: &str,
        body: UploadBody,
        idle_timeout: Duration,
    ) -> Result<(), SendError> {
        let url = self.check_upload_url(upload_url)?;
        check_idle_timeout(idle_timeout)?;
        let shown = origin(&url);
        let progress = Arc::new(Progress {
            last: Mutex::new(Instant::now()),
            failure: Mutex::new(None),
        });
        let length = body.length;
        let mut request = http::Request::new(crate::transport::Body::Upload(StreamedBody::new(
            body,
            Arc::clone(&progress),
        )));
        *request.method_mut() = http::Method::POST;
        // Credentials for a proxy go only to a proxy that takes the plain-http request itself;
        // through a tunnel they are in its `CONNECT`, never inside the TLS stream.
        let proxy_authorization = crate::transport::proxy_authorization(&url);
        *request.uri_mut() = url;
        let headers = request.headers_mut();
        headers.insert(http::header::USER_AGENT, self.user_agent());
        if let Some(auth) = proxy_authorization {
            headers.insert(http::header::PROXY_AUTHORIZATION, auth);
        }
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/octet-stream"),
        );
        headers.insert(
            http::header::CONTENT_LENGTH,
            http::HeaderValue::from(length),
        );
        let http = self.http().clone();
        let moved = Arc::clone(&progress);
        let exchange = async move {
            let progress = moved;
            let response = http.request(request).await.map_err(Broken::Send)?;
            progress.touch();
            let status = response.status();
            let mut body = response.into_body();
            let mut answer = Vec::new();
            // The status decides; the answer is read for its first bytes only, for at most the
            // idle timeout in all: a server that keeps sending cannot hold the upload open.
            let read = async {
                while answer.len() < MAX_ANSWER_BYTES {
                    let Some(frame) = http_body_util::BodyExt::frame(&mut body)
                        .await
                        .transpose()
                        .map_err(Broken::Read)?
                    else {
                        break;
                    };
                    progress.touch();
                    if let Ok(chunk) = frame.into_data() {
                        let room = MAX_ANSWER_BYTES.saturating_sub(answer.len());
                        answer.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    }
                }
                Ok::<_, Broken>(())
            };
            if let Ok(Err(broken)) = tokio::time::timeout(idle_timeout, read).await {
                return Err(broken);
            }
            Ok::<_, Broken>((status, answer))
        };
        let outcome = until_idle(exchange, &progress, idle_timeout).await;
        // A failure the body itself recorded (the reader's) says more than the connection's.
        if let Some(failure) = progress.take_failure() {
            return Err(failure);
        }
        match outcome {
            None => Err(SendError::Timeout { idle: idle_timeout }),
            Some(Err(Broken::Send(err))) => Err(SendError::Transport {
                connect: err.is_connect(),
                source: Box::new(err),
            }),
            Some(Err(Broken::Read(err))) => Err(SendError::Transport {
                connect: false,
                source: Box::new(err),
            }),
            Some(Ok((status, _))) if status.is_success() => Ok(()),
            Some(Ok((status, answer))) => Err(SendError::Status {
                url: shown,
                status: status.as_u16(),
                excerpt: crate::response::excerpt(&answer),
            }),
        }
    }

    /// The upload URL, parsed, if it may be used.
    fn check_upload_url(&self, text: &str) -> Result<http::Uri, SendError> {
        let bad = |url: String, problem| SendError::BadUrl { url, problem };
        let url: http::Uri = text
            .parse()
            .map_err(|_| bad(String::from("<not a URL>"), "is not a valid URL"))?;
        let shown = origin(&url);
        if !matches!(url.scheme_str(), Some("http" | "https")) || url.host().is_none() {
            return Err(bad(shown, "is not an http or https URL"));
        }
        if url.authority().is_some_and(|a| a.as_str().contains('@')) {
            return Err(bad(shown, "must not hold credentials"));
        }
        if url.scheme_str() == Some("http") && self.base_url().is_https() {
            return Err(bad(
                shown,
                "is plain http while the API is reached over https; the file is not sent in clear text",
            ));
        }
        Ok(url)
    }
}

/// `scheme://host[:port]`: enough of an upload URL to say where it points, nothing of its secret.
fn origin(url: &http::Uri) -> String {
    let scheme = url.scheme_str().unwrap_or("");
    let host = url.host().unwrap_or("");
    match url.port_u16() {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    }
}

/// How an upload's exchange failed: sending the request, or reading the answer.
enum Broken {
    Send(hyper_util::client::legacy::Error),
    Read(hyper::Error),
}

/// What the body and the exchange share: when the upload last moved, and why the body failed.
struct Progress {
    last: Mutex<Instant>,
    failure: Mutex<Option<SendError>>,
}

impl Progress {
    fn touch(&self) {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Instant::now();
    }

    fn last(&self) -> Instant {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn fail(&self, failure: SendError) {
        let mut slot = self.failure.lock().unwrap_or_else(PoisonError::into_inner);
        slot.get_or_insert(failure);
    }

    fn take_failure(&self) -> Option<SendError> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

/// Runs `work` until it ends (`Some`) or makes no progress for `idle` (`None`).
async fn until_idle<F: Future>(work: F, progress: &Progress, idle: Duration) -> Option<F::Output> {
    let mut work = std::pin::pin!(work);
    loop {
        // An idle timeout too long for the clock is no limit.
        let Some(deadline) = progress.last().checked_add(idle) else {
            return Some(work.await);
        };
        let clock = tokio::time::sleep_until(deadline);
        let mut clock = std::pin::pin!(clock);
        let done = std::future::poll_fn(|cx| {
            if let Poll::Ready(done) = work.as_mut().poll(cx) {
                return Poll::Ready(Some(done));
            }
            clock.as_mut().poll(cx).map(|()| None)
        })
        .await;
        match done {
            Some(done) => return Some(done),
            // The clock ran out; the upload may have moved meanwhile.
            None if progress.last().elapsed() < idle => continue,
            None => return None,
        }
    }
}

/// The error a body ends with; the reason is in [`Progress::failure`].
#[derive(Debug, thiserror::Error)]
#[error("the upload's body failed")]
pub(crate) struct BodyFailed;

/// The request body: the bytes, or the reader read one chunk at a time, at the pace the
/// connection takes them.
pub(crate) struct StreamedBody {
    /// Behind a mutex only so that the body is `Sync` (a boxed reader need not be); it is never locked
    /// (the body is polled through `&mut`).
    source: Mutex<Source>,
    length: u64,
    sent: u64,
    /// The chunk being read into (kept across `Pending`).
    buffer: Vec<u8>,
    /// The last chunk, held back until the reader is known to end there.
    held: Option<Bytes>,
    /// Whether the reader ended where it should (or the body failed): nothing more to read.
    ended: bool,
    progress: Arc<Progress>,
}

type Frame = http_body::Frame<Bytes>;

impl StreamedBody {
    fn new(body: UploadBody, progress: Arc<Progress>) -> StreamedBody {
        StreamedBody {
            source: Mutex::new(body.source),
            length: body.length,
            sent: 0,
            buffer: Vec::new(),
            held: None,
            ended: false,
            progress,
        }
    }

    fn failed(&mut self, failure: SendError) -> Poll<Option<Result<Frame, BodyFailed>>> {
        self.progress.fail(failure);
        self.ended = true;
        self.held = None;
        Poll::Ready(Some(Err(BodyFailed)))
    }
}

impl http_body::Body for StreamedBody {
    type Data = Bytes;
    type Error = BodyFailed;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame, BodyFailed>>> {
        let this = self.get_mut();
        this.progress.touch();
        let source = this
            .source
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let reader = match source {
            Source::Bytes(data) => {
                let data = std::mem::take(data);
                this.sent = this.length;
                this.ended = true;
                return Poll::Ready((!data.is_empty()).then(|| Ok(Frame::data(data))));
            }
            Source::Reader(reader) => reader,
        };
        loop {
            if this.ended {
                return Poll::Ready(this.held.take().map(|last| Ok(Frame::data(last))));
            }
            let left = this.length - this.sent;
            // Once every byte announced is read, one more read tells whether the reader ends
            // there; the last chunk waits for the answer.
            let want = if left == 0 {
                1
            } else {
                usize::try_from(left).map_or(UPLOAD_CHUNK, |left| left.min(UPLOAD_CHUNK))
            };
            if this.buffer.len() != want {
                this.buffer = vec![0; want];
            }
            let mut buf = ReadBuf::new(&mut this.buffer);
            let read = match reader.as_mut().poll_read(cx, &mut buf) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Ok(())) => buf.filled().len(),
                Poll::Ready(Err(source)) => {
                    let (sent, length) = (this.sent, this.length);
                    return this.failed(SendError::Read {
                        sent,
                        length,
                        source,
                    });
                }
            };
            if left == 0 {
                if read > 0 {
                    let length = this.length;
                    return this.failed(SendError::LongRead { length });
                }
                this.ended = true;
                this.buffer = Vec::new();
                continue;
            }
            if read == 0 {
                let (sent, length) = (this.sent, this.length);
                return this.failed(SendError::ShortRead { sent, length });
            }
            let chunk = Bytes::copy_from_slice(&this.buffer[..read]);
            this.sent += u64::try_from(read).unwrap_or(u64::MAX);
            if this.sent < this.length {
                return Poll::Ready(Some(Ok(Frame::data(chunk))));
            }
            this.held = Some(chunk);
        }
    }

    fn is_end_stream(&self) -> bool {
        self.ended && self.held.is_none()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        let held = self
            .held
            .as_ref()
            .map_or(0, |chunk| u64::try_from(chunk.len()).unwrap_or(u64::MAX));
        let unread = if self.ended {
            0
        } else {
            self.length.saturating_sub(self.sent)
        };
        http_body::SizeHint::with_exact(unread + held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body::Body as _;

    /// Polls a body to its end, collecting its bytes or the failure it recorded.
    async fn drain(mut body: StreamedBody) -> Result<Vec<u8>, SendError> {
        let progress = Arc::clone(&body.progress);
        let mut out = Vec::new();
        loop {
            let frame = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
            match frame {
                None => return Ok(out),
                Some(Ok(frame)) => {
                    let data = frame.into_data().unwrap();
                    assert!(data.len() <= UPLOAD_CHUNK);
                    out.extend_from_slice(&data);
                }
                Some(Err(BodyFailed)) => return Err(progress.take_failure().unwrap()),
            }
        }
    }

    fn body(reader: impl AsyncRead + Send + 'static, length: u64) -> StreamedBody {
        let progress = Arc::new(Progress {
            last: Mutex::new(Instant::now()),
            failure: Mutex::new(None),
        });
        StreamedBody::new(UploadBody::reader(reader, length), progress)
    }

    #[tokio::test]
    async fn a_reader_streams_in_chunks_with_its_exact_length() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let streamed = body(std::io::Cursor::new(data.clone()), 200_000);
        assert_eq!(streamed.size_hint().exact(), Some(200_000));
        assert_eq!(drain(streamed).await.unwrap(), data);
    }

    #[tokio::test]
    async fn a_reader_of_the_wrong_length_fails() {
        let short = body(std::io::Cursor::new(vec![1u8; 10]), 11);
        match drain(short).await {
            Err(SendError::ShortRead {
                sent: 10,
                length: 11,
            }) => {}
            other => panic!("{other:?}"),
        }
        let long = body(std::io::Cursor::new(vec![1u8; 12]), 11);
        match drain(long).await {
            Err(SendError::LongRead { length: 11 }) => {}
            other => panic!("{other:?}"),
        }
        let nothing_expected = body(std::io::Cursor::new(vec![1u8]), 0);
        match drain(nothing_expected).await {
            Err(SendError::LongRead { length: 0 }) => {}
            other => panic!("{other:?}"),
        }
        let exact = body(std::io::Cursor::new(vec![1u8; 11]), 11);
        assert_eq!(drain(exact).await.unwrap(), vec![1u8; 11]);
    }

    #[tokio::test]
    async fn an_idle_timeout_too_long_for_the_clock_is_no_limit() {
        let progress = Progress {
            last: Mutex::new(Instant::now()),
            failure: Mutex::new(None),
        };
        let done = until_idle(async { 7 }, &progress, Duration::MAX).await;
        assert_eq!(done, Some(7));
    }

    #[tokio::test(start_paused = true)]
    async fn no_progress_for_the_idle_timeout_ends_the_wait() {
        let progress = Progress {
            last: Mutex::new(Instant::now()),
            failure: Mutex::new(None),
        };
        let stuck = std::future::pending::<()>();
        assert_eq!(
            until_idle(stuck, &progress, Duration::from_secs(30)).await,
            None
        );
    }

    #[test]
    fn upload_urls_are_shown_without_their_secret() {
        let url: http::Uri = "https://files.slack.com/upload/v1/SECRET?x=1"
            .parse()
            .unwrap();
        assert_eq!(origin(&url), "https://files.slack.com");
        let url: http::Uri = "http://127.0.0.1:9/upload/v1/SECRET".parse().unwrap();
        assert_eq!(origin(&url), "http://127.0.0.1:9");
    }
}
