//! Rate limits shared between processes: the [`RateLimitStore`] trait a shared store implements
//! (the crate's own is `RedisStore`, with cargo feature `redis`), and
//! [`SharedLimits`], which tells a [`RateLimiter`](crate::RateLimiter) to keep its state there and
//! what to do when the store cannot be reached.
//!
//! Slack counts calls per app per workspace. Replicas of one app that pace their calls each in
//! their own process get N times the allowance between them, and then 429s; a shared store paces
//! them together. The in-process limiter stays the default: it needs no store and costs no round
//! trip.
//!
//! A store keeps, per [`StoreKey`], the theoretical arrival time of the next paced call (GCRA)
//! and the end of a pause Slack ordered with `Retry-After`, on the store's own clock, so the
//! clocks of the processes do not need to agree. Each operation must be atomic: two processes
//! reserving at once get two different slots.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// What a store operation returns: a boxed future, so that [`RateLimitStore`] can be used as a
/// trait object.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// A store that keeps rate-limit state for several processes, so that they pace their calls
/// together: the crate's own is `RedisStore` (cargo feature `redis`).
///
/// Slack counts calls per app per workspace. Replicas of one app that each pace their calls in
/// their own process get N times the allowance between them, and then 429s. A store keeps, per
/// [`StoreKey`], the theoretical arrival time of the next paced call (GCRA) and the end of a
/// pause Slack ordered with `Retry-After`, on the store's own clock, so the clocks of the
/// processes need not agree. Each operation must be atomic: two processes reserving at once get
/// two different slots.
///
/// The limiter calls it for every call of a client that uses it, within
/// [`SharedLimits::timeout`]; an error or a timeout makes the limiter fall back to its in-process
/// state (or fail the call, see [`StoreFailure`]). Implementations must be atomic per key, and
/// count time on one clock shared by every process (the store's own).
pub trait RateLimitStore: Send + Sync + 'static {
    /// Applies `request` to `key`: reserves the next slot of a paced call, or only reads how
    /// long a pause lasts (see [`StoreRequest`]).
    fn admit<'a>(&'a self, key: &'a StoreKey, request: StoreRequest) -> StoreFuture<'a, Admission>;

    /// Holds every later call of `key` for `wait` from now (already capped at
    /// [`RateLimiter::MAX_PAUSE`](crate::RateLimiter::MAX_PAUSE)). A pause never shortens one
    /// already running. Slots reserved inside the pause are given up by their callers, who
    /// reserve again after it.
    fn pause<'a>(&'a self, key: &'a StoreKey, wait: Duration) -> StoreFuture<'a, ()>;

    /// A short description for logs, e.g. `redis 10.0.0.5:6379`. It must hold no secret (no
    /// password).
    fn describe(&self) -> String;
}

/// One limit's name in a store: the workspace (or, where it is not known, a digest of the
/// token), the method, and for a method Slack limits per channel a digest of the channel, e.g.
/// `T0123ABCD:users.profile.set` or `t.5f1c…:chat.postMessage:c.9a0e…`.
///
/// The text holds only ASCII letters, digits and `.`, `_`, `-`, `:`; never a token. Digests are
/// SHA-256, so the same token or channel gives the same key in every process and release.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct StoreKey {
    text: String,
}

impl StoreKey {
    pub(crate) fn new(text: String) -> StoreKey {
        StoreKey { text }
    }

    /// The key's text (a store adds its own prefix).
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StoreKey({:?})", self.text)
    }
}

impl fmt::Display for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// What the limiter asks of a store for one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreRequest {
    /// A paced call: take the next slot, `interval` after the key's theoretical arrival time,
    /// up to `tolerance` ahead of it (the burst), and never inside a pause. When the slot is
    /// more than `max_wait` away (and not free now), nothing is reserved.
    Reserve {
        /// The spacing of calls.
        interval: Duration,
        /// How far ahead of the theoretical arrival time a call may go: (burst − 1) intervals.
        tolerance: Duration,
        /// The longest wait the caller accepts; `None` for any.
        max_wait: Option<Duration>,
    },
    /// A call that is not paced, or a paced one back from its wait: only how long the key's
    /// pause lasts. Refused when that is longer than `max_wait`.
    Check {
        /// The longest wait the caller accepts; `None` for any.
        max_wait: Option<Duration>,
    },
}

/// A store's answer to a [`StoreRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Admission {
    /// Whether the call may go after `wait` (for [`StoreRequest::Reserve`], a slot was
    /// reserved); `false` when `wait` is longer than the caller accepts.
    pub granted: bool,
    /// How long from now until the slot (or the end of the pause).
    pub wait: Duration,
    /// How long from now the key's pause lasts (zero when none is running).
    pub paused: Duration,
}

/// A store could not be used: unreachable, too slow, or it answered something unexpected; or
/// it answered, but the state of one key cannot be used ([`StoreError::for_key`]). Its message
/// never holds a password or a token.
#[derive(Clone)]
pub struct StoreError {
    message: &'static str,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
    /// Only the key asked about is affected: the store is up.
    key: bool,
}

impl StoreError {
    /// A failure of the store, with its cause.
    pub fn new(
        message: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> StoreError {
        StoreError {
            message,
            source: Some(Arc::from(source.into())),
            key: false,
        }
    }

    /// The store answered, but what it holds at the key asked about is not state it wrote (a
    /// value of another kind someone else set there, say): only that key's calls go without
    /// the store, while every other key stays in use. `source` should say which key and what
    /// to do about it.
    pub fn for_key(
        message: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> StoreError {
        StoreError {
            key: true,
            ..StoreError::new(message, source)
        }
    }

    /// Whether only the key asked about is affected ([`StoreError::for_key`]), not the store.
    pub fn is_for_key(&self) -> bool {
        self.key
    }

    /// The store did not answer within the limiter's timeout.
    pub(crate) fn timed_out() -> StoreError {
        StoreError {
            message: "the rate-limit store did not answer in time",
            source: None,
            key: false,
        }
    }

    /// A failure with no further cause.
    pub fn message(message: &'static str) -> StoreError {
        StoreError {
            message,
            source: None,
            key: false,
        }
    }
}

impl fmt::Debug for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoreError")
            .field("message", &self.message)
            .field("source", &self.source.as_ref().map(|s| s.to_string()))
            .field("for_key", &self.key)
            .finish()
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

/// What a [`RateLimiter`](crate::RateLimiter) with a shared store does while the store cannot be
/// reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreFailure {
    /// Pace in this process alone, with [`SharedLimits::fallback`] (the default). The limiter
    /// says so once in the log (WARN) and again when the store is back (INFO).
    #[default]
    Fallback,
    /// Fail the call, unsent, with [`Error::RateLimitStore`](crate::Error::RateLimitStore).
    Fail,
}

/// Rate limits kept in a shared [`RateLimitStore`], so that the processes using it keep to one
/// allowance together. Give it to [`ClientBuilder::shared_limits`](crate::ClientBuilder::shared_limits)
/// or [`RateLimiter::shared`](crate::RateLimiter::shared).
///
/// Every store operation has a short [timeout](Self::timeout) (200 ms by default). When the store
/// fails or times out, the limiter stops asking it for [`retry_after`](Self::retry_after) (1 s),
/// pacing in this process with the [fallback](Self::fallback) limits meanwhile (or failing calls,
/// [`StoreFailure::Fail`]), then tries it again; calls never wait for the store longer than the
/// timeout.
///
/// ```no_run
/// # #[cfg(feature = "redis")]
/// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods_runtime::{Client, RateLimits, RedisStore, SharedLimits, Token};
/// // Three replicas: while Redis is unreachable, each keeps to a third of the allowance.
/// let shared = SharedLimits::new(RedisStore::new("redis://10.0.0.5:6379/")?)
///     .fallback(RateLimits::slack_tiers().share(1.0 / 3.0));
/// let client = Client::builder()
///     .token(Token::new("xoxb-...")?)
///     .shared_limits(shared)
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct SharedLimits {
    pub(crate) store: Arc<dyn RateLimitStore>,
    pub(crate) timeout: Duration,
    pub(crate) retry_after: Duration,
    pub(crate) on_failure: StoreFailure,
    pub(crate) fallback: Option<crate::RateLimits>,
}

impl SharedLimits {
    /// The default timeout of one store operation.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(200);
    /// How long the limiter leaves a failed store alone by default before trying it again.
    pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(1);

    /// Limits kept in `store`, with the default timeout, retry interval and fallback.
    pub fn new(store: impl RateLimitStore) -> SharedLimits {
        SharedLimits::from_arc(Arc::new(store))
    }

    /// Limits kept in a store already shared (for instance by several limiters).
    pub fn from_arc(store: Arc<dyn RateLimitStore>) -> SharedLimits {
        SharedLimits {
            store,
            timeout: Self::DEFAULT_TIMEOUT,
            retry_after: Self::DEFAULT_RETRY_AFTER,
            on_failure: StoreFailure::Fallback,
            fallback: None,
        }
    }

    /// The longest a call waits for one store operation (200 ms by default; at least 1 ms).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout.max(Duration::from_millis(1));
        self
    }

    /// How long the store is left alone after it failed, before calls try it again (1 s by
    /// default).
    pub fn retry_after(mut self, wait: Duration) -> Self {
        self.retry_after = wait;
        self
    }

    /// What calls do while the store cannot be reached ([`StoreFailure::Fallback`] by default).
    pub fn on_failure(mut self, failure: StoreFailure) -> Self {
        self.on_failure = failure;
        self
    }

    /// The limits this process paces by while the store cannot be reached (by default the
    /// shared limits themselves, so N processes may then go up to N times the allowance, and
    /// Slack's 429s pause each of them). With N replicas,
    /// [`RateLimits::share`](crate::RateLimits::share)`(1.0 / N)` keeps them within it.
    pub fn fallback(mut self, limits: crate::RateLimits) -> Self {
        self.fallback = Some(limits);
        self
    }

    /// The store's description, as the logs give it.
    pub fn describe(&self) -> String {
        self.store.describe()
    }
}

impl fmt::Debug for SharedLimits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedLimits")
            .field("store", &self.store.describe())
            .field("timeout", &self.timeout)
            .field("retry_after", &self.retry_after)
            .field("on_failure", &self.on_failure)
            .field("fallback", &self.fallback)
            .finish()
    }
}

/// The first 16 bytes of SHA-256 over `domain` and `text`, in lowercase hex: stable across
/// processes and releases, unlike the standard library's hashers.
pub(crate) fn digest(domain: &str, text: &[u8]) -> String {
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    context.update(domain.as_bytes());
    context.update(b"\0");
    context.update(text);
    let digest = context.finish();
    let mut hex = String::with_capacity(32);
    for byte in digest.as_ref().iter().take(16) {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `text` can stand in a key as it is: a workspace id of Slack's shape (letters, digits,
/// `_`, `-`, at most 64 characters).
pub(crate) fn plain(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digest is SHA-256, fixed: keys written by one release are found by the next.
    #[test]
    fn digests_are_stable() {
        // SHA-256 of "token", a NUL byte and "xoxb-1": its first 16 bytes (`sha256sum` agrees).
        assert_eq!(
            digest("token", b"xoxb-1"),
            "9592aa3bc95df1c926bc44520597eddd"
        );
        assert_ne!(digest("token", b"xoxb-1"), digest("channel", b"xoxb-1"));
        assert_eq!(digest("token", b"xoxb-1").len(), 32);
    }

    #[test]
    fn plain_workspace_ids() {
        assert!(plain("T0123ABCD"));
        assert!(plain("E01-x_2"));
        assert!(!plain(""));
        assert!(!plain("T01:evil"));
        assert!(!plain(&"T".repeat(65)));
    }
}
