//! Rate-limit enforcement: Slack's tiers per (token, method), on a sliding window.
//!
//! Each (token, method) pair keeps the instants of the calls it was allowed in the last window
//! (one minute divided by the time scale). A call is allowed while fewer than the limit are in
//! the window; otherwise it is answered 429 with `Retry-After` set to the real seconds until the
//! oldest allowed call leaves the window (rounded up, at least 1). Refused calls do not count.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
pub(crate) struct Limits {
    /// The time scale when tier limits are on: 60 means a minute lasts a second.
    tiers: Option<f64>,
    /// Per-method limits (calls a minute), on whether or not the tiers are.
    overrides: HashMap<String, u32>,
    /// Per (token, method, partition): the channel of a per-channel limit, else empty.
    windows: HashMap<(String, String, String), VecDeque<Instant>>,
}

/// A call refused by the rate limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Refused {
    /// Whole seconds of real time, at least 1.
    pub(crate) retry_after: u64,
}

impl Limits {
    pub(crate) fn set_tiers(&mut self, scale: Option<f64>) {
        self.tiers = scale.map(sanitize_scale);
        self.windows.clear();
    }

    pub(crate) fn set_override(&mut self, method: &str, per_minute: Option<u32>) {
        match per_minute {
            Some(limit) => {
                self.overrides.insert(method.to_owned(), limit);
            }
            None => {
                self.overrides.remove(method);
            }
        }
    }

    /// The limit of `method`: its override, else (when tiers are on) its tier's allowance.
    fn limit_of(&self, method: &str, tier_limit: Option<u32>) -> Option<u32> {
        if let Some(limit) = self.overrides.get(method) {
            return Some(*limit);
        }
        self.tiers?;
        tier_limit
    }

    /// Counts one call of `method` with `token` at `now`, or refuses it. `tier_limit` is the
    /// method's tier's allowance in calls a minute, from the binding it is served for;
    /// `partition` the value (a channel) it is counted separately for, if its tier says so.
    pub(crate) fn check(
        &mut self,
        token: &str,
        method: &str,
        partition: Option<&str>,
        tier_limit: Option<u32>,
        now: Instant,
    ) -> Result<(), Refused> {
        let Some(limit) = self.limit_of(method, tier_limit) else {
            return Ok(());
        };
        let scale = self.tiers.unwrap_or(1.0);
        // A minute slowed down past what a `Duration` holds is as good as forever.
        let window = Duration::try_from_secs_f64(60.0 / scale).unwrap_or(Duration::MAX);
        let calls = self
            .windows
            .entry((
                token.to_owned(),
                method.to_owned(),
                partition.unwrap_or_default().to_owned(),
            ))
            .or_default();
        while calls
            .front()
            .is_some_and(|first| now.saturating_duration_since(*first) >= window)
        {
            calls.pop_front();
        }
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        if calls.len() < limit {
            calls.push_back(now);
            return Ok(());
        }
        let wait = match calls.front() {
            Some(first) => window.saturating_sub(now.saturating_duration_since(*first)),
            // A limit of zero: nothing is ever allowed; ask for a whole window.
            None => window,
        };
        Err(Refused {
            retry_after: whole_seconds(wait),
        })
    }
}

fn sanitize_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    }
}

fn whole_seconds(wait: Duration) -> u64 {
    let mut secs = wait.as_secs();
    if wait.subsec_nanos() > 0 {
        secs = secs.saturating_add(1);
    }
    secs.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default_and_on_with_tiers() {
        let mut limits = Limits::default();
        let now = Instant::now();
        for _ in 0..200 {
            assert!(limits
                .check("t", "users.profile.set", None, Some(50), now)
                .is_ok());
        }
        limits.set_tiers(Some(60.0));
        for _ in 0..50 {
            assert!(limits
                .check("t", "users.profile.set", None, Some(50), now)
                .is_ok());
        }
        assert_eq!(
            limits.check("t", "users.profile.set", None, Some(50), now),
            Err(Refused { retry_after: 1 })
        );
        // Another token has its own window.
        assert!(limits
            .check("u", "users.profile.set", None, Some(50), now)
            .is_ok());
        // A second later (a scaled minute) the window has moved on.
        let later = now + Duration::from_secs(1);
        assert!(limits
            .check("t", "users.profile.set", None, Some(50), later)
            .is_ok());
    }

    #[test]
    fn overrides_and_retry_after() {
        let mut limits = Limits::default();
        limits.set_override("chat.postMessage", Some(2));
        let now = Instant::now();
        assert!(limits
            .check("t", "chat.postMessage", None, None, now)
            .is_ok());
        assert!(limits
            .check(
                "t",
                "chat.postMessage",
                None,
                None,
                now + Duration::from_secs(10)
            )
            .is_ok());
        assert_eq!(
            limits.check(
                "t",
                "chat.postMessage",
                None,
                None,
                now + Duration::from_secs(20)
            ),
            Err(Refused { retry_after: 40 })
        );
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(sanitize_scale(f64::NAN), 1.0);
        assert_eq!(whole_seconds(Duration::MAX), u64::MAX);
    }

    /// Time slowed down beyond what a `Duration` holds: the window is endless, not a panic.
    #[test]
    fn a_tiny_scale_makes_an_endless_window() {
        let mut limits = Limits::default();
        limits.set_tiers(Some(1e-300));
        let now = Instant::now();
        assert_eq!(limits.check("t", "a.b", None, Some(1), now), Ok(()));
        let later = limits.check("t", "a.b", None, Some(1), now + Duration::from_secs(3600));
        assert!(
            later.is_err_and(|refused| refused.retry_after > u64::MAX / 2),
            "{later:?}"
        );
    }
}
