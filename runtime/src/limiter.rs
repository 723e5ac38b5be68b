//! Proactive rate limiting: the client spaces calls so that Slack's per-method limits are never
//! exceeded, instead of waiting for HTTP 429; and when Slack does answer 429, its `Retry-After`
//! pauses every call of that (token, method), paced or not.
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
//!
//! State is kept per (token, method) pair only while it matters: once a pair's theoretical
//! arrival time and pause are both in the past, its entry says nothing a fresh one would not,
//! and it is dropped at the next sweep (sweeps run when the table has doubled since the last
//! one, so their cost is spread over the calls that grew it).

use crate::method::RateLimitTier;
use crate::token::Token;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// The table is not swept below this many entries.
const MIN_SWEEP: usize = 1024;
/// Unpaced calls held by a pause go at its end spread over a tenth of the wait, at most this.
const MAX_SPREAD: Duration = Duration::from_secs(1);
/// What "never" means for an instant that would not fit the clock: thirty years on.
const FAR_FUTURE: Duration = Duration::from_secs(86_400 * 365 * 30);

/// How the client paces its calls. Built from Slack's tiers by default.
///
/// ```
/// use slack_methods_runtime::RateLimits;
/// // Slack's tiers, with chat.postMessage held to 30 calls a minute.
/// let limits = RateLimits::slack_tiers().method("chat.postMessage", 30);
/// assert_eq!(limits.calls_per_minute("chat.postMessage", slack_methods_runtime::RateLimitTier::Special("chat.postMessage")), Some(30));
/// // No pacing at all: a 429's Retry-After still pauses the (token, method).
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
    /// Slack's allowance of each method's tier, as
    /// [`RateLimitTier::calls_per_minute`] gives it (Tier 1 = 1, Tier 2 = 20, Tier 3 = 50,
    /// Tier 4 = 100 calls a minute, `chat.postMessage` 60, other special tiers as Tier 4).
    /// Methods of unknown tier are not paced (a `Retry-After` pause still holds them).
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

    /// No proactive pacing. Slack's `Retry-After` pauses still hold calls (see
    /// [`RateLimiter::pause`]).
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
        tier.calls_per_minute().or(self.default_per_minute)
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
        // A time scale close to zero makes a minute longer than a Duration holds.
        let interval =
            Duration::try_from_secs_f64(window / usable.max(0.5)).unwrap_or(Duration::MAX);
        Some((burst, interval))
    }

    /// How a paced call of `method` (of `tier`) is spaced, or `None` when it is not paced.
    fn pacing(&self, method: &str, tier: RateLimitTier) -> Option<Pacing> {
        let (burst, interval) = self.cell(self.calls_per_minute(method, tier)?)?;
        Some(Pacing {
            interval,
            tolerance: interval.saturating_mul(burst - 1),
        })
    }
}

/// The spacing of one paced method.
#[derive(Clone, Copy, Debug)]
struct Pacing {
    interval: Duration,
    /// How far ahead of the theoretical arrival time a call may go: (burst − 1) intervals.
    tolerance: Duration,
}

/// `at + wait`, or far in the future when that does not fit the clock: never a panic.
fn later(at: Instant, wait: Duration) -> Instant {
    at.checked_add(wait)
        .or_else(|| at.checked_add(FAR_FUTURE))
        .unwrap_or(at)
}

/// One (token, method) pair's state.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// The theoretical arrival time of the next paced call (GCRA).
    tat: Instant,
    /// No call before this instant (set from Slack's `Retry-After`).
    paused_until: Option<Instant>,
}

impl Cell {
    fn new(now: Instant) -> Cell {
        Cell {
            tat: now,
            paused_until: None,
        }
    }

    /// The end of the pause still running at `now`.
    fn pause_at(&self, now: Instant) -> Option<Instant> {
        self.paused_until.filter(|until| *until > now)
    }

    /// Whether the cell says nothing a fresh one would not: no reservation and no pause ahead.
    fn idle(&self, now: Instant) -> bool {
        self.tat <= now && self.pause_at(now).is_none()
    }

    /// The slot a paced call asking at `now` gets, and the theoretical arrival time after it.
    /// Nothing is changed: the caller commits the new time only if it takes the slot.
    fn slot(&self, now: Instant, pacing: Pacing) -> (Instant, Instant) {
        let earliest = self.pause_at(now).unwrap_or(now);
        // Calls after a pause start from an empty window.
        let tat = self.tat.max(earliest);
        let slot = tat
            .checked_sub(pacing.tolerance)
            .unwrap_or(earliest)
            .max(earliest);
        (slot, later(tat, pacing.interval))
    }

    /// Takes the next slot, whatever its time.
    #[cfg(test)]
    fn reserve(&mut self, now: Instant, pacing: Pacing) -> Instant {
        let (slot, tat) = self.slot(now, pacing);
        self.tat = tat;
        slot
    }
}

/// What one limit is counted for: a token (hashed), a method, and for methods Slack limits per
/// channel (see [`RateLimitTier::limited_per`]) the channel (hashed; 0 for none).
type Key = (u64, &'static str, u64);

/// The table of (token, method[, channel]) entries.
#[derive(Debug)]
struct Cells {
    map: HashMap<Key, Cell>,
    /// The table is swept once it holds this many entries.
    sweep_at: usize,
}

impl Cells {
    /// Drops the idle entries once the table has doubled since the last sweep.
    fn sweep(&mut self, now: Instant) {
        if self.map.len() < self.sweep_at {
            return;
        }
        self.map.retain(|_, cell| !cell.idle(now));
        self.sweep_at = self.map.len().saturating_mul(2).max(MIN_SWEEP);
        if self.map.capacity() > self.sweep_at.saturating_mul(2) {
            self.map.shrink_to(self.sweep_at);
        }
    }
}

/// Paces calls per (token, method) pair by [`RateLimits`], and holds them while Slack's
/// `Retry-After` runs. Every [`Client`](crate::Client) has one; give several clients the same one
/// (with [`ClientBuilder::rate_limiter`](crate::ClientBuilder::rate_limiter)) when they share a
/// workspace's allowance.
///
/// A [pause](RateLimiter::pause) holds every later call of its (token, method): paced calls,
/// calls that had already reserved a slot inside it (they take a new slot after it), and calls
/// that are not paced at all (methods of unknown tier, [`RateLimits::off`],
/// [`CallOptions::paced(false)`](crate::CallOptions::paced)). A pause lasts at most
/// [`RateLimiter::MAX_PAUSE`].
///
/// ```
/// use slack_methods_runtime::{RateLimitTier, RateLimiter, RateLimits, Token};
/// use std::time::Duration;
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), slack_methods_runtime::TokenError> {
/// let limiter = RateLimiter::new(RateLimits::slack_tiers());
/// let token = Token::new("xoxb-1")?;
/// // The first calls of a burst go at once; later ones wait for their slot.
/// limiter.acquire(&token, "users.profile.set", RateLimitTier::Tier3).await;
/// // Slack answered 429 with `Retry-After: 30`: nothing goes for 30 s, and a caller that
/// // cannot wait that long learns how long it would have to.
/// limiter.pause(&token, "users.profile.set", Duration::from_secs(30));
/// let waited = limiter
///     .acquire_within(&token, "users.profile.set", RateLimitTier::Tier3, Duration::from_secs(2))
///     .await;
/// assert!(waited.is_err_and(|wait| wait > Duration::from_secs(29)));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct RateLimiter {
    limits: RateLimits,
    cells: Mutex<Cells>,
    /// The instant `pauses_end` counts from.
    epoch: Instant,
    /// The end of the latest pause ordered, in nanoseconds after `epoch`: calls that are not
    /// paced skip the table while no pause can be running.
    pauses_end: AtomicU64,
}

/// A token's key: a hash, so the limiter holds no copy of the secret.
fn token_key(token: &Token) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    token.expose_secret().hash(&mut hasher);
    hasher.finish()
}

/// The key of `method` with `token`, within `partition` (the channel of a per-channel limit).
fn key(token: &Token, method: &'static str, partition: Option<&str>) -> Key {
    let partition = partition.map_or(0, |value| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        value.hash(&mut hasher);
        // 0 is kept for "no partition".
        hasher.finish().max(1)
    });
    (token_key(token), method, partition)
}

impl RateLimiter {
    /// The longest pause a `Retry-After` can order: five minutes. Slack counts its limits per
    /// minute and asks for waits of seconds; a longer `Retry-After` is taken as a broken header.
    /// When the pause is over, a call that is still over the limit gets a fresh 429 and a fresh
    /// pause.
    pub const MAX_PAUSE: Duration = Duration::from_secs(300);

    /// A limiter applying `limits`.
    pub fn new(limits: RateLimits) -> Self {
        RateLimiter {
            limits,
            cells: Mutex::new(Cells {
                map: HashMap::new(),
                sweep_at: MIN_SWEEP,
            }),
            epoch: Instant::now(),
            pauses_end: AtomicU64::new(0),
        }
    }

    /// The limits it applies.
    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    fn lock(&self) -> MutexGuard<'_, Cells> {
        self.cells.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `at` in nanoseconds after the epoch (saturating).
    fn ticks(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.epoch).as_nanos()).unwrap_or(u64::MAX)
    }

    /// Waits for the slot of one call of `method` (of `tier`) with `token`, and for any pause
    /// of the pair. Returns at once for unpaced methods that are not paused. Dropping the
    /// future abandons the wait; the slot it reserved stays spent.
    pub async fn acquire(&self, token: &Token, method: &'static str, tier: RateLimitTier) {
        // Without a deadline the wait always ends in a slot.
        let _ = self.admit_in(token, method, None, tier, true, None).await;
    }

    /// Like [`acquire`](Self::acquire), but only if the call can go within `limit`: when its
    /// slot (or the end of a pause) is further away, nothing is reserved and the wait it would
    /// need is returned as the error.
    pub async fn acquire_within(
        &self,
        token: &Token,
        method: &'static str,
        tier: RateLimitTier,
        limit: Duration,
    ) -> Result<(), Duration> {
        let deadline = Instant::now().checked_add(limit);
        self.admit_in(token, method, None, tier, true, deadline)
            .await
            .map(|_| ())
    }

    /// Waits until one call of `method` may go: its slot when `paced` (and the method has a
    /// limit), after any pause of the pair in any case; a pause ordered while the call slept
    /// holds it too. Gives up without reserving when the call could not go by `deadline`,
    /// returning the wait it would need. `Ok` holds the time waited.
    #[cfg(test)]
    pub(crate) async fn admit(
        &self,
        token: &Token,
        method: &'static str,
        tier: RateLimitTier,
        paced: bool,
        deadline: Option<Instant>,
    ) -> Result<Duration, Duration> {
        self.admit_in(token, method, None, tier, paced, deadline)
            .await
    }

    /// [`admit`](Self::admit) within `partition`: the channel of a method Slack limits per
    /// channel, whose calls to different channels do not wait for each other.
    pub(crate) async fn admit_in(
        &self,
        token: &Token,
        method: &'static str,
        partition: Option<&str>,
        tier: RateLimitTier,
        paced: bool,
        deadline: Option<Instant>,
    ) -> Result<Duration, Duration> {
        let pacing = if paced {
            self.limits.pacing(method, tier)
        } else {
            None
        };
        let start = Instant::now();
        if pacing.is_none() && self.ticks(start) >= self.pauses_end.load(Ordering::Acquire) {
            return Ok(Duration::ZERO);
        }
        let key = key(token, method, partition);
        loop {
            let now = Instant::now();
            let wake = {
                let mut cells = self.lock();
                cells.sweep(now);
                match pacing {
                    Some(pacing) => {
                        let cell = cells.map.entry(key).or_insert_with(|| Cell::new(now));
                        let (slot, tat) = cell.slot(now, pacing);
                        // A slot that needs no wait is always taken, whatever the deadline.
                        if slot > now && deadline.is_some_and(|deadline| slot > deadline) {
                            return Err(slot.saturating_duration_since(now));
                        }
                        cell.tat = tat;
                        slot
                    }
                    None => {
                        let Some(until) = cells.map.get(&key).and_then(|c| c.pause_at(now)) else {
                            return Ok(now.saturating_duration_since(start));
                        };
                        if deadline.is_some_and(|deadline| until > deadline) {
                            return Err(until.saturating_duration_since(now));
                        }
                        // Unpaced calls held by one pause would all go at its end: spread them.
                        let spread = (until.saturating_duration_since(now) / 10).min(MAX_SPREAD);
                        let wake = later(until, spread.mul_f64(crate::retry::jitter()));
                        deadline.map_or(wake, |deadline| wake.min(deadline))
                    }
                }
            };
            if wake > now {
                tracing::trace!(
                    method,
                    wait_ms = u64::try_from(wake.saturating_duration_since(now).as_millis())
                        .unwrap_or(u64::MAX),
                    "rate limiter wait"
                );
                tokio::time::sleep_until(wake).await;
            } else if pacing.is_some() {
                return Ok(now.saturating_duration_since(start));
            }
            if pacing.is_some() {
                // A pause ordered while this call slept holds it too: it takes a new slot.
                let now = Instant::now();
                let paused = self.lock().map.get(&key).and_then(|c| c.pause_at(now));
                if paused.is_none() {
                    return Ok(now.saturating_duration_since(start));
                }
                tracing::debug!(method, "a pause began while waiting for the slot");
            }
        }
    }

    /// Holds every later call of (token, method) for `wait` (at most
    /// [`MAX_PAUSE`](Self::MAX_PAUSE)), as after Slack answered 429 with `Retry-After`. Calls
    /// already waiting for a slot inside the pause wait for its end too. A pause never
    /// shortens one already running.
    pub fn pause(&self, token: &Token, method: &'static str, wait: Duration) {
        self.pause_in(token, method, None, wait);
    }

    /// [`pause`](Self::pause) within `partition` (the channel of a per-channel limit).
    pub(crate) fn pause_in(
        &self,
        token: &Token,
        method: &'static str,
        partition: Option<&str>,
        wait: Duration,
    ) {
        let wait = wait.min(Self::MAX_PAUSE);
        if wait.is_zero() {
            return;
        }
        let now = Instant::now();
        let until = later(now, wait);
        {
            let mut cells = self.lock();
            cells.sweep(now);
            let cell = cells
                .map
                .entry(key(token, method, partition))
                .or_insert_with(|| Cell::new(now));
            cell.paused_until = Some(cell.pause_at(now).map_or(until, |p| p.max(until)));
        }
        self.pauses_end
            .fetch_max(self.ticks(until), Ordering::AcqRel);
    }

    /// How much longer the pause of (token, method) lasts, if one is running.
    pub fn paused_for(&self, token: &Token, method: &'static str) -> Option<Duration> {
        let now = Instant::now();
        let cells = self.lock();
        let until = cells.map.get(&key(token, method, None))?.pause_at(now)?;
        Some(until.saturating_duration_since(now))
    }

    /// How many (token, method) pairs the limiter keeps state for. Pairs with nothing ahead
    /// (no reserved slot, no pause) are dropped as new pairs arrive, so this stays near the
    /// number of pairs in use, however many tokens come and go.
    pub fn tracked_pairs(&self) -> usize {
        self.lock().map.len()
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
        assert!(limits.pacing("a.b", RateLimitTier::Unknown).is_none());
        // 60 s / (50 × 0.95 − 2 + 1) = 60 / 46.5
        assert!((interval.as_secs_f64() - 60.0 / 46.5).abs() < 1e-9);
    }

    /// In any window, a burst plus the steady rate stays within the limit.
    #[test]
    fn no_window_holds_more_than_the_limit() {
        for per_minute in [1u32, 20, 50, 100] {
            let limits = RateLimits::slack_tiers().time_scale(60.0);
            let (burst, interval) = limits.cell(per_minute).unwrap();
            let pacing = Pacing {
                interval,
                tolerance: interval * (burst - 1),
            };
            let start = Instant::now();
            let mut cell = Cell::new(start);
            let slots: Vec<Instant> = (0..3 * per_minute + 5)
                .map(|_| cell.reserve(start, pacing))
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
            paused_until: Some(start + Duration::from_secs(2)),
        };
        let pacing = Pacing {
            interval: Duration::from_millis(10),
            tolerance: Duration::ZERO,
        };
        assert_eq!(cell.reserve(start, pacing), start + Duration::from_secs(2));
        assert_eq!(
            cell.reserve(start, pacing),
            start + Duration::from_millis(2010)
        );
    }

    #[test]
    fn absurd_settings_and_waits_do_not_panic() {
        let limits = RateLimits::slack_tiers()
            .time_scale(1e-300)
            .burst(u32::MAX)
            .method("a.b", u32::MAX);
        let pacing = limits.pacing("a.b", RateLimitTier::Tier1).unwrap();
        let start = Instant::now();
        let mut cell = Cell::new(start);
        for _ in 0..3 {
            let _ = cell.reserve(start, pacing);
        }
        let limiter = RateLimiter::new(limits);
        let token = Token::new("xoxb-1").unwrap();
        limiter.pause(&token, "a.b", Duration::MAX);
        let paused = limiter.paused_for(&token, "a.b").unwrap();
        assert!(paused <= RateLimiter::MAX_PAUSE && paused > Duration::from_secs(299));
        limiter.pause(&token, "a.b", Duration::from_secs(1));
        assert!(limiter.paused_for(&token, "a.b").unwrap() > Duration::from_secs(299));
    }

    fn token(i: usize) -> Token {
        Token::new(format!("xoxb-{i}")).unwrap()
    }

    /// A pause holds calls that are not paced: with pacing off, and for unpaced calls.
    #[tokio::test(start_paused = true)]
    async fn pauses_hold_unpaced_calls() {
        for (limits, paced) in [
            (RateLimits::off(), true),
            (RateLimits::slack_tiers(), false),
        ] {
            let limiter = RateLimiter::new(limits);
            let t = token(1);
            // Nothing paused: at once, and nothing is kept, even with no time to spare.
            let waited = limiter
                .admit(&t, "a.b", RateLimitTier::Tier3, paced, Some(Instant::now()))
                .await;
            assert_eq!(waited, Ok(Duration::ZERO));
            assert_eq!(limiter.tracked_pairs(), 0);
            limiter.pause(&t, "a.b", Duration::from_secs(10));
            let start = Instant::now();
            // A deadline before the pause ends: refused at once, with the wait left.
            let refused = limiter
                .admit(
                    &t,
                    "a.b",
                    RateLimitTier::Tier3,
                    paced,
                    Some(start + Duration::from_secs(5)),
                )
                .await;
            assert_eq!(refused, Err(Duration::from_secs(10)));
            assert_eq!(Instant::now(), start);
            limiter
                .admit(&t, "a.b", RateLimitTier::Tier3, paced, None)
                .await
                .unwrap();
            let waited = Instant::now() - start;
            // The pause, and at most a tenth of it (at most 1 s) of spread.
            assert!(waited >= Duration::from_secs(10), "{waited:?}");
            assert!(waited <= Duration::from_secs(11), "{waited:?}");
            // Another method, or another token, is not held.
            let other = Instant::now();
            limiter.pause(&t, "a.b", Duration::from_secs(10));
            limiter
                .admit(&t, "c.d", RateLimitTier::Tier3, paced, None)
                .await
                .unwrap();
            limiter
                .admit(&token(2), "a.b", RateLimitTier::Tier3, paced, None)
                .await
                .unwrap();
            assert_eq!(Instant::now(), other);
        }
    }

    /// Calls that reserved a slot before a pause was ordered do not go inside it.
    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_calls_that_already_reserved_a_slot() {
        let limits = RateLimits::slack_tiers()
            .method("a.b", 60)
            .burst(1)
            .headroom(0.0);
        let limiter = std::sync::Arc::new(RateLimiter::new(limits));
        let start = Instant::now();
        let mut waiting = tokio::task::JoinSet::new();
        for _ in 0..4 {
            let limiter = std::sync::Arc::clone(&limiter);
            waiting.spawn(async move {
                limiter
                    .acquire(&token(1), "a.b", RateLimitTier::Tier3)
                    .await;
                Instant::now()
            });
        }
        // A slot free now is taken with no time to spare; the next one (1 s away) is not.
        let other = token(2);
        assert_eq!(
            limiter
                .acquire_within(&other, "a.b", RateLimitTier::Tier3, Duration::ZERO)
                .await,
            Ok(())
        );
        let refused = limiter
            .acquire_within(
                &other,
                "a.b",
                RateLimitTier::Tier3,
                Duration::from_millis(999),
            )
            .await;
        assert_eq!(refused, Err(Duration::from_secs(1)));
        // Let the four reserve their slots (0, 1, 2 and 3 s), then pause for 5 s.
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(1)).await;
        limiter.pause(&token(1), "a.b", Duration::from_secs(5));
        let mut went = Vec::new();
        while let Some(at) = waiting.join_next().await {
            went.push(at.unwrap() - start);
        }
        went.sort();
        // The first went at once, before the pause; the others after it, still a second apart.
        assert_eq!(went[0], Duration::ZERO);
        for pair in went[1..].windows(2) {
            assert!(pair[1] - pair[0] >= Duration::from_secs(1), "{went:?}");
        }
        assert!(went[1] >= Duration::from_millis(5001), "{went:?}");
    }

    /// A hundred thousand tokens, each calling once: the table keeps the pairs still in use,
    /// not every pair ever seen.
    #[tokio::test(start_paused = true)]
    async fn idle_pairs_are_dropped() {
        let limiter = RateLimiter::new(RateLimits::slack_tiers());
        let mut most = 0;
        for i in 0..100_000 {
            let t = token(i);
            limiter
                .acquire(&t, "users.profile.set", RateLimitTier::Tier3)
                .await;
            if i % 500 == 0 {
                limiter.pause(&t, "users.profile.get", Duration::from_secs(1));
            }
            if i % 1000 == 999 {
                // A thousand new tokens every two seconds: each pair is idle 1.3 s after its call.
                tokio::time::advance(Duration::from_secs(2)).await;
            }
            most = most.max(limiter.tracked_pairs());
        }
        assert!(most <= 4 * MIN_SWEEP, "the table grew to {most} pairs");
        let capacity = limiter.lock().map.capacity();
        assert!(
            capacity <= 8 * MIN_SWEEP,
            "the table holds room for {capacity}"
        );
    }

    /// `chat.postMessage` is limited per channel: posts to other channels do not wait for one
    /// channel's slots, posts to the same channel do, and a pause holds one channel only.
    #[tokio::test(start_paused = true)]
    async fn a_per_channel_limit_paces_each_channel_alone() {
        let limiter = RateLimiter::new(RateLimits::slack_tiers().burst(1));
        let t = token(1);
        let post = RateLimitTier::Special("chat.postMessage");
        let method = "chat.postMessage";
        let now = Instant::now();
        for channel in ["C1", "C2", "C3"] {
            let waited = limiter
                .admit_in(&t, method, Some(channel), post, true, Some(now))
                .await;
            assert_eq!(waited, Ok(Duration::ZERO), "{channel}");
        }
        // A second post to C1 needs its next slot, about a second away.
        let refused = limiter
            .admit_in(&t, method, Some("C1"), post, true, Some(now))
            .await;
        assert!(
            refused.is_err_and(|wait| wait > Duration::from_millis(900)),
            "{refused:?}"
        );
        limiter.pause_in(&t, method, Some("C2"), Duration::from_secs(30));
        assert!(limiter
            .admit_in(&t, method, Some("C2"), post, false, Some(now))
            .await
            .is_err());
        assert_eq!(
            limiter
                .admit_in(&t, method, Some("C4"), post, true, Some(now))
                .await,
            Ok(Duration::ZERO)
        );
    }
}
