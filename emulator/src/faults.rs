//! Fault injection: what can go wrong between a client and Slack, on demand.

use std::time::Duration;

/// When a fault strikes, relative to the emulator applying the call.
///
/// Slack may fail after it has applied a write: the profile is changed, but the client sees a
/// 503, a reset connection or a timeout. A client that retries such a write blindly applies it
/// twice. [`Timing::AfterApply`] lets a test create that situation and then check
/// [`Emulator::applied_writes`](crate::Emulator::applied_writes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Timing {
    /// The fault strikes first; the call is not applied (a delay postpones it instead).
    #[default]
    BeforeApply,
    /// The call is applied first; then the fault spoils the answer.
    AfterApply,
}

/// One fault the emulator can inject into the answer to a call.
///
/// Inject with [`Emulator::inject`](crate::Emulator::inject). The constructors give each fault its
/// usual shape, and [`Fault::after_apply`] moves the faults that have a [`Timing`] after the
/// call is applied.
///
/// ```
/// use slack_methods_emulator::{Fault, Timing};
/// use std::time::Duration;
/// let fault = Fault::server_error(503).after_apply();
/// assert_eq!(fault, Fault::ServerError { status: 503, timing: Timing::AfterApply });
/// assert_eq!(Fault::delay(Duration::from_secs(2)).timing(), Some(Timing::BeforeApply));
/// assert_eq!(Fault::EmptyBody.timing(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// HTTP 429 with `Retry-After: <retry_after>` (seconds) and the body
    /// `{"ok":false,"error":"ratelimited"}`. The call is not applied.
    RateLimited {
        /// The seconds put in `Retry-After`.
        retry_after: u64,
    },
    /// An HTTP error status (500, 502, 503, ...) with an HTML body, as a load balancer sends.
    ServerError {
        /// The HTTP status code.
        status: u16,
        /// Whether the call is applied before the error is sent.
        timing: Timing,
    },
    /// The connection is closed with no answer at all. `SO_LINGER` is set to zero first, so the
    /// client sees a TCP reset rather than an orderly close.
    ConnectionReset {
        /// Whether the call is applied before the connection is reset.
        timing: Timing,
    },
    /// The answer comes late. With [`Timing::BeforeApply`] the emulator waits and then handles
    /// the call (so a write lands late, possibly after the client gave up); with
    /// [`Timing::AfterApply`] it handles the call at once and holds the answer back.
    Delay {
        /// How long the answer is held back.
        duration: Duration,
        /// Whether the call is applied before or after the wait.
        timing: Timing,
    },
    /// The headers promise a `Content-Length` the body never reaches: half of the body is sent
    /// and the connection is closed.
    TruncatedBody {
        /// Whether the call is applied (and half of its real answer sent) or not (half of a
        /// `fatal_error` envelope sent).
        timing: Timing,
    },
    /// HTTP 200 with `Content-Length: 0`. The call is not applied.
    EmptyBody,
    /// HTTP 200 with an HTML page (`text/html`) instead of JSON. The call is not applied.
    NonJsonBody,
    /// The call is applied and its JSON envelope sent, labelled `Content-Type: text/html`.
    WrongContentType,
    /// The call is applied and its JSON envelope sent, padded with a `"padding"` string field
    /// until the body is at least `bytes` long.
    OversizedBody {
        /// The least size of the body, in bytes.
        bytes: usize,
    },
    /// HTTP 200 with `{"ok":false,"error":"<code>"}` (`ratelimited`, `fatal_error`,
    /// `request_timeout`, or any code). The call is not applied.
    SlackError {
        /// The error code.
        code: String,
    },
    /// An answer of HTTP `status` with the body `{"ok":false,"error":"ratelimited"}` and a
    /// `Retry-After` header whose text is `value` exactly (control characters left out): whole
    /// seconds, a date, a number too large for any clock, or nonsense. With 429 it is Slack's
    /// usual answer when a limit is spent; with 200 it is the `ok: false` + `ratelimited` form.
    /// The call is not applied.
    RetryAfter {
        /// The HTTP status code.
        status: u16,
        /// The text of the `Retry-After` header.
        value: String,
    },
    /// An HTTP redirect (`status` 301, 302, 307 or 308) to `location`, with an HTML body. The call
    /// is not applied.
    Redirect {
        /// The HTTP status code.
        status: u16,
        /// The `Location` header's value.
        location: String,
    },
    /// An answer of HTTP `status` (a load balancer's 429, 404 or 503, say) whose HTML body is
    /// padded with spaces to at least `bytes`; a 429 carries `Retry-After: 1`. The call is not
    /// applied.
    OversizedError {
        /// The HTTP status code.
        status: u16,
        /// The least size of the body, in bytes.
        bytes: usize,
    },
    /// The call is applied and its answer sent with a `Content-Length` header of `bytes`,
    /// whatever the body's real length; the connection is closed after the real body, so a
    /// client that believes the header waits for bytes that never come.
    ClaimedLength {
        /// The length the header claims.
        bytes: u64,
    },
    /// The call is applied and its answer sent as a chunked body that never ends: the real
    /// body, then 32 spaces (which JSON allows) every `every`, until the client hangs up.
    EndlessBody {
        /// The pause between two chunks.
        every: Duration,
    },
    /// The call is applied and its answer sent gzip-compressed (`Content-Encoding: gzip`, asked
    /// for or not) with a wrong CRC-32 in the stream's trailer: every byte decompresses, and
    /// the check at the end fails. Feature `gzip`.
    #[cfg(feature = "gzip")]
    CorruptGzip,
    /// The call is applied and its answer sent gzip-compressed (asked for or not) and cut to
    /// half of its compressed bytes, under a `Content-Length` that matches the cut: the HTTP
    /// answer is whole, the gzip stream in it ends early. Feature `gzip`.
    #[cfg(feature = "gzip")]
    TruncatedGzip,
    /// The call is applied and its JSON envelope sent gzip-compressed (asked for or not),
    /// padded with a `"padding"` string field to at least `bytes` once decompressed: about a
    /// kilobyte on the wire per MiB, as a gzip bomb is. Feature `gzip`.
    #[cfg(feature = "gzip")]
    GzipBomb {
        /// The least size of the decompressed body, in bytes.
        bytes: usize,
    },
}

impl Fault {
    /// An HTTP redirect with `status` to `location`; the call is not applied.
    pub fn redirect(status: u16, location: impl Into<String>) -> Fault {
        Fault::Redirect {
            status,
            location: location.into(),
        }
    }

    /// HTTP 429 with `Retry-After: <seconds>`.
    pub fn rate_limited(seconds: u64) -> Fault {
        Fault::RateLimited {
            retry_after: seconds,
        }
    }

    /// An HTTP error status with an HTML body, striking before the call is applied.
    pub fn server_error(status: u16) -> Fault {
        Fault::ServerError {
            status,
            timing: Timing::BeforeApply,
        }
    }

    /// A reset connection, striking before the call is applied.
    pub fn reset() -> Fault {
        Fault::ConnectionReset {
            timing: Timing::BeforeApply,
        }
    }

    /// A wait of `duration` before the call is handled.
    pub fn delay(duration: Duration) -> Fault {
        Fault::Delay {
            duration,
            timing: Timing::BeforeApply,
        }
    }

    /// A body cut short of its `Content-Length`, striking before the call is applied.
    pub fn truncated() -> Fault {
        Fault::TruncatedBody {
            timing: Timing::BeforeApply,
        }
    }

    /// An answer padded to at least `bytes` bytes.
    pub fn oversized(bytes: usize) -> Fault {
        Fault::OversizedBody { bytes }
    }

    /// `{"ok":false,"error":"<code>"}`.
    pub fn slack_error(code: impl Into<String>) -> Fault {
        Fault::SlackError { code: code.into() }
    }

    /// HTTP `status` with the `ratelimited` envelope and `Retry-After: <value>`, the value sent
    /// as given.
    ///
    /// ```
    /// use slack_methods_emulator::Fault;
    /// // Slack's `ok: false` form of a rate limit, with the wait in a header.
    /// let fault = Fault::retry_after(200, "3");
    /// // A header no clock can add to the current time.
    /// let absurd = Fault::retry_after(429, "18446744073709551615");
    /// # let _ = (fault, absurd);
    /// ```
    pub fn retry_after(status: u16, value: impl Into<String>) -> Fault {
        Fault::RetryAfter {
            status,
            value: value.into(),
        }
    }

    /// An answer of HTTP `status` with an HTML body of at least `bytes` bytes; the call is not
    /// applied.
    ///
    /// ```
    /// use slack_methods_emulator::Fault;
    /// // A 429 whose page is larger than the client accepts: `Retry-After: 1` still says it all.
    /// let fault = Fault::oversized_error(429, 1024 * 1024);
    /// # let _ = fault;
    /// ```
    pub fn oversized_error(status: u16, bytes: usize) -> Fault {
        Fault::OversizedError { status, bytes }
    }

    /// The real answer under a `Content-Length` header claiming `bytes`.
    pub fn claimed_length(bytes: u64) -> Fault {
        Fault::ClaimedLength { bytes }
    }

    /// An answer whose body never ends, a chunk every `every`.
    pub fn endless(every: Duration) -> Fault {
        Fault::EndlessBody { every }
    }

    /// A gzip-compressed answer that decompresses to at least `bytes` bytes (feature `gzip`).
    #[cfg(feature = "gzip")]
    pub fn gzip_bomb(bytes: usize) -> Fault {
        Fault::GzipBomb { bytes }
    }

    /// The same fault, striking after the call is applied. Faults without a [`Timing`] are
    /// returned unchanged.
    pub fn after_apply(self) -> Fault {
        self.with_timing(Timing::AfterApply)
    }

    /// The same fault with `timing`, where the fault has one.
    pub fn with_timing(mut self, timing: Timing) -> Fault {
        match &mut self {
            Fault::ServerError { timing: t, .. }
            | Fault::ConnectionReset { timing: t }
            | Fault::Delay { timing: t, .. }
            | Fault::TruncatedBody { timing: t } => *t = timing,
            _ => {}
        }
        self
    }

    /// The fault's timing, for the faults that have one.
    pub fn timing(&self) -> Option<Timing> {
        match self {
            Fault::ServerError { timing, .. }
            | Fault::ConnectionReset { timing }
            | Fault::Delay { timing, .. }
            | Fault::TruncatedBody { timing } => Some(*timing),
            _ => None,
        }
    }

    /// Whether the call is handled (and a write applied) before the fault shapes the answer.
    pub(crate) fn strikes_after_apply(&self) -> bool {
        match self {
            Fault::WrongContentType
            | Fault::OversizedBody { .. }
            | Fault::ClaimedLength { .. }
            | Fault::EndlessBody { .. } => true,
            #[cfg(feature = "gzip")]
            Fault::CorruptGzip | Fault::TruncatedGzip | Fault::GzipBomb { .. } => true,
            other => other.timing() == Some(Timing::AfterApply),
        }
    }
}

/// A queue of faults waiting for the next calls of one method.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    entries: std::collections::VecDeque<(Fault, usize)>,
}

impl FaultQueue {
    pub(crate) fn push(&mut self, fault: Fault, times: usize) {
        if times > 0 {
            self.entries.push_back((fault, times));
        }
    }

    /// The fault for the next call, if any; counts it off.
    pub(crate) fn take(&mut self) -> Option<Fault> {
        let (fault, left) = self.entries.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.entries.pop_front();
        }
        Some(fault)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_counts_off_in_order() {
        let mut queue = FaultQueue::default();
        queue.push(Fault::EmptyBody, 2);
        queue.push(Fault::reset(), 0);
        queue.push(Fault::rate_limited(3), 1);
        assert_eq!(queue.take(), Some(Fault::EmptyBody));
        assert_eq!(queue.take(), Some(Fault::EmptyBody));
        assert_eq!(queue.take(), Some(Fault::rate_limited(3)));
        assert_eq!(queue.take(), None);
        assert!(queue.is_empty());
    }

    #[test]
    fn timing_applies_only_where_it_exists() {
        assert!(Fault::reset().after_apply().strikes_after_apply());
        assert!(!Fault::reset().strikes_after_apply());
        assert_eq!(Fault::EmptyBody.after_apply(), Fault::EmptyBody);
        assert!(Fault::WrongContentType.strikes_after_apply());
    }
}
