//! When a failed call is tried again, and after how long.

use crate::error::{Error, ErrorCode};
use std::time::Duration;

/// How failed calls are retried: see [`RetryPolicy::delay_for`] for which failures are retried.
///
/// ```
/// use slack_methods_runtime::RetryPolicy;
/// use std::time::Duration;
/// let policy = RetryPolicy::default()
///     .max_retries(5)
///     .budget(Duration::from_secs(120))
///     .backoff(Duration::from_millis(500), Duration::from_secs(30));
/// assert_eq!(policy.get_max_retries(), 5);
/// let never = RetryPolicy::never();
/// assert_eq!(never.get_max_retries(), 0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RetryPolicy {
    max_retries: u32,
    budget: Duration,
    base: Duration,
    cap: Duration,
    retry_writes: bool,
}

impl Default for RetryPolicy {
    /// Three retries within a minute, backoff from 250 ms up to 8 s, writes not repeated after
    /// they may have reached Slack.
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            budget: Duration::from_secs(60),
            base: Duration::from_millis(250),
            cap: Duration::from_secs(8),
            retry_writes: false,
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every failure is returned as it happens.
    pub fn never() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The most retries after the first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The longest a call may take from its start to the end of its last wait: waits for the
    /// rate limiter, for a pause Slack ordered with `Retry-After`, and between retries all
    /// count. A call never starts a wait that would end past its budget, nor a retry once the
    /// budget has run out (even one that needs no wait, after `Retry-After: 0`): it returns the
    /// last error instead, or, when it has not been sent yet, [`Error::RateLimited`] with the
    /// wait it would have needed. An attempt that starts within the budget runs to its own
    /// timeout. 60 s by default.
    pub fn budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// The first backoff and the largest one.
    pub fn backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.base = base;
        self.cap = cap.max(base);
        self
    }

    /// Also retries writes after failures that may have happened once Slack applied them (5xx,
    /// resets, timeouts). Only for writes that are safe to apply twice.
    pub fn retry_writes(mut self, yes: bool) -> Self {
        self.retry_writes = yes;
        self
    }

    /// The configured number of retries.
    pub fn get_max_retries(&self) -> u32 {
        self.max_retries
    }

    /// The configured budget.
    pub fn get_budget(&self) -> Duration {
        self.budget
    }

    /// Whether `error` may be retried for a method that `writes` (or not): the wait before the
    /// next attempt, or `None`. `retry` counts from 0 for the first retry; `jitter` is in 0..1.
    ///
    /// The rule that matters: a call that may have reached Slack is never repeated for a method that
    /// changes state, unless the caller opts in, because Slack may have applied it and a second try
    /// would apply it twice. Each failure is classified here, once:
    ///
    /// | failure | read method | write method |
    /// |---|---|---|
    /// | [`Error::RateLimited`]: HTTP 429, or `ok: false` + `ratelimited` with `Retry-After` | retried | retried: Slack refused it unapplied |
    /// | `ok: false` with `ratelimited` / `rate_limited`, no `Retry-After` | retried | retried: refused unapplied |
    /// | connection not opened (refused, DNS, TLS, connect timeout) | retried | retried: nothing was sent |
    /// | HTTP 5xx, reset after sending, attempt timeout, unreadable or cut-short 200 body ([`Error::Decode`]) | retried | only with [`RetryPolicy::retry_writes`] |
    /// | `ok: false` with `fatal_error`, `internal_error`, `request_timeout`, `service_unavailable` | retried | only with `retry_writes` |
    /// | `ok: true` whose data does not fit the response type ([`Error::ResponseMismatch`]) | not retried | not retried |
    /// | any other `ok: false`, HTTP 4xx, invalid request, encoding, configuration | not retried | not retried |
    ///
    /// Waits grow exponentially from [`RetryPolicy::backoff`]'s base, capped, with full jitter.
    /// A `Retry-After` is used as it is, unless it is longer than
    /// [`RateLimiter::MAX_PAUSE`](crate::RateLimiter::MAX_PAUSE): then the call is not retried
    /// (such a wait is longer than any sensible budget). Attempts stop after
    /// [`RetryPolicy::max_retries`] retries or when the next wait would end past the
    /// [`RetryPolicy::budget`]; the last error is returned then (a 429 keeps its
    /// `Retry-After`).
    pub fn delay_for(
        &self,
        error: &Error,
        writes: bool,
        retry: u32,
        jitter: f64,
    ) -> Option<Duration> {
        if retry >= self.max_retries {
            return None;
        }
        let backoff = self.backoff_delay(retry, jitter);
        let ambiguous = !writes || self.retry_writes;
        match error {
            Error::RateLimited {
                retry_after: Some(wait),
                ..
            } => (*wait <= crate::RateLimiter::MAX_PAUSE).then_some(*wait),
            Error::RateLimited {
                retry_after: None, ..
            } => Some(backoff),
            Error::Api(api)
                if matches!(api.code, ErrorCode::Ratelimited | ErrorCode::RateLimited) =>
            {
                Some(backoff)
            }
            Error::Transport { connect: true, .. } => Some(backoff),
            // The same answer would not fit again.
            Error::ResponseMismatch { .. } => None,
            // A failure that may have happened once Slack applied the call.
            _ if error.may_have_been_applied() && ambiguous => Some(backoff),
            _ => None,
        }
    }

    /// Exponential backoff with full jitter: a random share of `min(cap, base × 2^retry)`, at
    /// least half of it.
    fn backoff_delay(&self, retry: u32, jitter: f64) -> Duration {
        let exp = self.base.saturating_mul(1u32 << retry.min(16));
        let ceiling = exp.min(self.cap);
        let share = 0.5 + 0.5 * jitter.clamp(0.0, 1.0);
        // `mul_f64` could round a cap near `Duration::MAX` past it; this cannot panic.
        Duration::try_from_secs_f64(ceiling.as_secs_f64() * share)
            .map_or(ceiling, |d| d.min(ceiling))
    }
}

/// A cheap source of jitter in 0..1 (no cryptographic quality needed).
pub(crate) fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos().into()),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    fn api(code: &str) -> Error {
        Error::Api(Box::new(ApiError {
            method: "m.x",
            code: ErrorCode::from(code),
            needed: None,
            provided: None,
            declared_scopes: &[],
            warnings: vec![],
            messages: vec![],
            detail: None,
            status: 200,
            scopes: crate::response::ScopeHeaders::default(),
            raw: String::new(),
        }))
    }

    fn transport(connect: bool) -> Error {
        Error::Transport {
            method: "m.x",
            connect,
            source: "boom".into(),
        }
    }

    #[test]
    fn decisions() {
        let p = RetryPolicy::default();
        let http = |status| Error::Http {
            method: "m.x",
            status,
            excerpt: String::new(),
        };
        let timeout = Error::Timeout {
            method: "m.x",
            after: Duration::from_secs(1),
        };
        let limited = Error::RateLimited {
            method: "m.x",
            retry_after: Some(Duration::from_secs(7)),
            status: Some(429),
        };
        let mismatch = Error::ResponseMismatch {
            method: "m.x",
            status: 200,
            type_name: "T",
            excerpt: String::new(),
            source: serde_json::from_str::<u8>("x").unwrap_err(),
        };
        let truncated = Error::Decode {
            method: "m.x",
            status: 200,
            reason: "the body is not a Slack JSON object".into(),
            excerpt: String::new(),
            source: None,
        };
        // (error, retried for reads, retried for writes, may have been applied)
        let table = [
            (limited, true, true, false),
            (api("ratelimited"), true, true, false),
            (transport(true), true, true, false),
            (transport(false), true, false, true),
            (timeout, true, false, true),
            (http(503), true, false, true),
            (http(404), false, false, false),
            (api("fatal_error"), true, false, true),
            (api("request_timeout"), true, false, true),
            (api("invalid_auth"), false, false, false),
            (api("missing_scope"), false, false, false),
            (truncated, true, false, true),
            (mismatch, false, false, true),
        ];
        for (err, read, write, applied) in &table {
            assert_eq!(err.may_have_been_applied(), *applied, "applied: {err}");
            assert_eq!(
                p.delay_for(err, false, 0, 0.5).is_some(),
                *read,
                "read: {err}"
            );
            assert_eq!(
                p.delay_for(err, true, 0, 0.5).is_some(),
                *write,
                "write: {err}"
            );
            let opted = p.clone().retry_writes(true);
            assert_eq!(
                opted.delay_for(err, true, 0, 0.5).is_some(),
                *read,
                "opt-in write: {err}"
            );
            assert_eq!(p.delay_for(err, false, 3, 0.5), None, "past max: {err}");
        }
        assert_eq!(
            p.delay_for(&table[0].0, true, 0, 0.0),
            Some(Duration::from_secs(7))
        );
    }

    #[test]
    fn retry_after_longer_than_the_longest_pause_is_not_waited_out() {
        let p = RetryPolicy::default().budget(Duration::MAX);
        let limited = |secs| Error::RateLimited {
            method: "m.x",
            retry_after: Some(Duration::from_secs(secs)),
            status: Some(429),
        };
        assert_eq!(
            p.delay_for(&limited(300), false, 0, 0.5),
            Some(Duration::from_secs(300))
        );
        for absurd in [301, u64::MAX] {
            assert_eq!(p.delay_for(&limited(absurd), false, 0, 0.5), None);
        }
    }

    #[test]
    fn backoff_never_panics() {
        let p = RetryPolicy::default().backoff(Duration::MAX, Duration::MAX);
        for retry in [0, 1, 16, u32::MAX] {
            for jitter in [0.0, 0.5, 1.0, f64::NAN, f64::INFINITY] {
                assert!(p.backoff_delay(retry, jitter) <= Duration::MAX);
            }
        }
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        assert_eq!(p.backoff_delay(0, 1.0), Duration::from_millis(100));
        assert_eq!(p.backoff_delay(2, 1.0), Duration::from_millis(400));
        assert_eq!(p.backoff_delay(10, 1.0), Duration::from_secs(1));
        assert_eq!(p.backoff_delay(2, 0.0), Duration::from_millis(200));
        let j = jitter();
        assert!((0.0..1.0).contains(&j));
    }
}
