//! Proactive rate limiting: the client spaces calls so that Slack's per-method limits are never
//! exceeded, instead of waiting for HTTP 429.
//!
//! Each (token, method) pair has its own limiter: a GCRA (generic cell rate algorithm) in which a
//! caller *reserves* the next free slot and sleeps until it, so a thousand waiting calls cost a
//! thousand wake-ups, not a thousand per permit. (Measured against `governor`'s `until_ready`
//! with 1,000 waiters at 500 permits a second, `cargo bench --bench limiter`: about a tenth of
//! the CPU per permit, and the exact rate where `governor` fell 6-12% short; see
//! BENCHMARKS.md.) The rate comes from the method's tier
//! ([`SlackMethod::TIER`](crate::SlackMethod::TIER)) unless overridden.
//!
//! Slack counts calls per minute. A burst of `B` calls followed by a steady rate must still fit
//! within any one-minute window, so the steady interval is chosen to leave room for the burst:
//! `interval = window / (limit × (1 − headroom) − B + 1)`. With the defaults (burst `limit / 25`,
//! at least 1; headroom 5%), Tier 3 runs at 46.5 calls a minute after a burst of 2, about 93% of
//! Slack's 50.

use crate::method::RateLimitTier;
use crate::token::Token;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// How the client paces its calls. Built from Slack's tiers by default.
///
/// ```
/// use slack_methods_runtime::RateLimits;
/// // Slack's tiers, with chat.postMessage held to 30 calls a minute.
/// let limits = RateLimits::slack_tiers().method("chat.postMessage", 30);
/// assert_eq!(limits.calls_per_minute("chat.postMessage", slack_methods_runtime::RateLimitTier::Special("chat.postMessage")), Some(30));
/// // No pacing at all: 429s are still honoured through the retry policy.
/// let off = RateLimits::off();
/// # let _ = off;
/// ```
#[derive(Clone, Debug)]
pub struct RateLimits {
    enabled: bool,
    time_scale: f64,
    headroom: f64,
    burst: Option<u32>,
    per_method: HashMap<String, u32>,
    default_per_minute: Option<u32>,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self::slack_tiers()
    }
}

impl RateLimits {
    /// Slack's published tiers: Tier 1 = 1, Tier 2 = 20, Tier 3 = 50, Tier 4 = 100 calls a
    /// minute; `chat.postMessage` 60 (Slack allows about one message a second per channel, and
    /// the limiter does not know channels); other special tiers as Tier 4. Methods of unknown
    /// tier are not paced.
    pub fn slack_tiers() -> Self {
        RateLimits {
            enabled: true,
            time_scale: 1.0,
            headroom: 0.05,
            burst: None,
            per_method: HashMap::new(),
            default_per_minute: None,
        }
    }

    /// No proactive pacing.
    pub fn off() -> Self {
        RateLimits {
            enabled: false,
            ..Self::slack_tiers()
        }
    }

    /// Holds `method` to `per_minute` calls a minute, whatever its tier.
    pub fn method(mut self, method: impl Into<String>, per_minute: u32) -> Self {
        self.per_method.insert(method.into(), per_minute);
        self
    }

    /// Paces methods of unknown tier at `per_minute` too (they are not paced by default).
    pub fn unknown_tier(mut self, per_minute: u32) -> Self {
        self.default_per_minute = Some(per_minute);
        self
    }

    /// How many calls may go at once before pacing starts (default: a 25th of the limit, at
    /// least 1). The burst is taken out of the steady rate, so a window never holds more than
    /// the limit.
    pub fn burst(mut self, calls: u32) -> Self {
        self.burst = Some(calls.max(1));
        self
    }

    /// The share of the limit left unused, as a margin for clock and network jitter (default
    /// 0.05; clamped to 0..=0.5).
    pub fn headroom(mut self, share: f64) -> Self {
        self.headroom = if share.is_finite() {
            share.clamp(0.0, 0.5)
        } else {
            0.05
        };
        self
    }

    /// Makes a minute last `1 / scale` of a minute, for testing against an emulator that
    /// scales its time the same way. Values that are not finite and positive are ignored.
    pub fn time_scale(mut self, scale: f64) -> Self {
        if scale.is_finite() && scale > 0.0 {
            self.time_scale = scale;
        }
        self
    }

    /// The limit applied to `method` of `tier`, in calls a minute; `None` when unpaced.
    pub fn calls_per_minute(&self, method: &str, tier: RateLimitTier) -> Option<u32> {
        if !self.enabled {
            return None;
        }
        if let Some(limit) = self.per_method.get(method) {
            return Some(*limit);
        }
        match tier {
            RateLimitTier::Special("chat.postMessage") => Some(60),
            RateLimitTier::Special(_) => RateLimitTier::Tier4.calls_per_minute(),
            RateLimitTier::Unknown => self.default_per_minute,
            other => other.calls_per_minute().or(self.default_per_minute),
        }
    }

    /// The (burst, interval) pair for a limit of `per_minute`.
    fn cell(&self, per_minute: u32) -> Option<(u32, Duration)> {
        if per_minute == 0 {
            return None;
        }
        let window = 60.0 / self.time_scale;
        let burst = self
            .burst
            .unwrap_or((per_minute / 25).max(1))
            .min(per_minute);
        let usable = f64::from(per_minute) * (1.0 - self.headroom) - f64::from(burst) + 1.0;
        let interval = window / usable.max(0.5);
        Some((burst, Duration::from_secs_f64(interval)))
    }
}

/// One (token, method) pair's GCRA state.
#[derive(Debug)]
struct Cell {
    /// The theoretical arrival time of the next call.
    tat: Instant,
    interval: Duration,
    /// How far ahead of `tat` a call may go: (burst − 1) intervals.
    tolerance: Duration,
    /// No call before this instant (set from a 429's `Retry-After`).
    paused_until: Option<Instant>,
}

impl Cell {
    fn reserve(&mut self, now: Instant) -> Instant {
        let mut earliest = now;
        if let Some(until) = self.paused_until {
            if until > now {
                earliest = until;
                // Calls after a pause start from an empty window.
                if self.tat < until {
                    self.tat = until;
                }
            } else {
                self.paused_until = None;
            }
        }
        let tat = self.tat.max(earliest);
        let slot = tat
            .checked_sub(self.tolerance)
            .unwrap_or(earliest)
            .max(earliest);
        self.tat = tat + self.interval;
        slot
    }
}

/// Paces calls per (token, method) pair by [`RateLimits`]. Every [`Client`](crate::Client) has
/// one; give several clients the same one (with
/// [`ClientBuilder::rate_limiter`](crate::ClientBuilder::rate_limiter)) when they share a
/// workspace's allowance.
///
/// ```
/// use slack_methods_runtime::{RateLimitTier, RateLimiter, RateLimits, Token};
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), slack_methods_runtime::TokenError> {
/// let limiter = RateLimiter::new(RateLimits::slack_tiers());
/// let token = Token::new("xoxb-1")?;
/// // The first calls of a burst go at once; later ones wait for their slot.
/// limiter.acquire(&token, "users.profile.set", RateLimitTier::Tier3).await;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    cells: Mutex<HashMap<(u64, &'static str), Cell>>,
}

/// A token's key: a hash, so the limiter holds no copy of the secret.
fn token_key(token: &Token) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    token.expose_secret().hash(&mut hasher);
    hasher.finish()
}

impl RateLimiter {
    /// A limiter applying `limits`.
    pub fn new(limits: RateLimits) -> Self {
        RateLimiter {
            limits,
            cells: Mutex::new(HashMap::new()),
        }
    }

    /// The limits it applies.
    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// Waits for the slot of one call of `method` (of `tier`) with `token`. Returns at once for
    /// unpaced methods. Dropping the future abandons the wait; the slot it reserved stays spent.
    pub async fn acquire(&self, token: &Token, method: &'static str, tier: RateLimitTier) {
        let Some(per_minute) = self.limits.calls_per_minute(method, tier) else {
            return;
        };
        let Some((burst, interval)) = self.limits.cell(per_minute) else {
            return;
        };
        let now = Instant::now();
        let slot = {
            let mut cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
            let cell = cells.entry((token_key(token), method)).or_insert(Cell {
                tat: now,
                interval,
                tolerance: interval * (burst - 1),
                paused_until: None,
            });
            cell.reserve(now)
        };
        if slot > now {
            tracing::trace!(
                method,
                wait_ms = u64::try_from((slot - now).as_millis()).unwrap_or(u64::MAX),
                "rate limiter wait"
            );
            tokio::time::sleep_until(slot).await;
        }
    }

    /// Holds every later call of (token, method) for `wait`, as after Slack answered 429 with
    /// `Retry-After`.
    pub fn pause(&self, token: &Token, method: &'static str, wait: Duration) {
        let until = Instant::now() + wait;
        let mut cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cell) = cells.get_mut(&(token_key(token), method)) {
            cell.paused_until = Some(cell.paused_until.map_or(until, |p| p.max(until)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_rates() {
        let limits = RateLimits::slack_tiers();
        assert_eq!(
            limits.calls_per_minute("a.b", RateLimitTier::Tier1),
            Some(1)
        );
        assert_eq!(
            limits.calls_per_minute("a.b", RateLimitTier::Tier3),
            Some(50)
        );
        assert_eq!(limits.calls_per_minute("a.b", RateLimitTier::Unknown), None);
        assert_eq!(
            RateLimits::off().calls_per_minute("a.b", RateLimitTier::Tier3),
            None
        );
        let (burst, interval) = limits.cell(50).unwrap();
        assert_eq!(burst, 2);
        // 60 s / (50 × 0.95 − 2 + 1) = 60 / 46.5
        assert!((interval.as_secs_f64() - 60.0 / 46.5).abs() < 1e-9);
    }

    /// In any window, a burst plus the steady rate stays within the limit.
    #[test]
    fn no_window_holds_more_than_the_limit() {
        for per_minute in [1u32, 20, 50, 100] {
            let limits = RateLimits::slack_tiers().time_scale(60.0);
            let (burst, interval) = limits.cell(per_minute).unwrap();
            let start = Instant::now();
            let mut cell = Cell {
                tat: start,
                interval,
                tolerance: interval * (burst - 1),
                paused_until: None,
            };
            let slots: Vec<Instant> = (0..3 * per_minute + 5)
                .map(|_| cell.reserve(start))
                .collect();
            let window = Duration::from_secs(1);
            for (i, first) in slots.iter().enumerate() {
                let inside = slots[i..].iter().filter(|s| **s - *first < window).count();
                assert!(
                    inside <= per_minute as usize,
                    "{per_minute}/min: {inside} in a window"
                );
            }
        }
    }

    #[test]
    fn a_pause_holds_the_next_slots() {
        let start = Instant::now();
        let mut cell = Cell {
            tat: start,
            interval: Duration::from_millis(10),
            tolerance: Duration::ZERO,
            paused_until: Some(start + Duration::from_secs(2)),
        };
        assert_eq!(cell.reserve(start), start + Duration::from_secs(2));
        assert_eq!(cell.reserve(start), start + Duration::from_millis(2010));
    }
}
