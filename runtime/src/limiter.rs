//! Proactive rate limiting: the client spaces calls so that Slack's per-method limits are never
//! exceeded, instead of waiting for HTTP 429; and when Slack does answer 429, its `Retry-After`
//! pauses every call of that (workspace, method), paced or not.
//!
//! Each (workspace, method) pair has its own limiter: a GCRA (generic cell rate algorithm) in
//! which a caller *reserves* the next free slot and sleeps until it, so a thousand waiting calls
//! cost a thousand wake-ups, not a thousand per permit. (Measured against `governor`'s
//! `until_ready` with 1,000 waiters at 500 permits a second, `cargo bench --bench limiter`: about
//! a tenth of the CPU per permit, and the exact rate where `governor` fell 6-12% short; see
//! BENCHMARKS.md.) The rate comes from the method's tier
//! ([`SlackMethod::TIER`](crate::SlackMethod::TIER)) unless overridden. The workspace is the one
//! given for the token ([`RateLimiter::set_workspace`]); where none is known, the token stands
//! for it.
//!
//! Slack counts calls per minute. A burst of `B` calls followed by a steady rate must still fit
//! within any one-minute window, so the steady interval is chosen to leave room for the burst:
//! `interval = window / (limit × (1 − headroom) − B + 1)`. With the defaults (burst `limit / 25`,
//! at least 1; headroom 5%), Tier 3 runs at 46.5 calls a minute after a burst of 2, about 93% of
//! Slack's 50.
//!
//! By default the state lives in the process, kept per pair only while it matters: once a pair's
//! theoretical arrival time and pause are both in the past, its entry says nothing a fresh one
//! would not, and it is dropped at the next sweep (sweeps run when the table has doubled since
//! the last one, so their cost is spread over the calls that grew it). Processes that share an
//! allowance keep it in a shared store instead ([`SharedLimits`], [`RateLimiter::shared`]), with
//! the in-process state as the fallback while the store cannot be reached.

use crate::ids::TeamId;
use crate::method::RateLimitTier;
use crate::store::{digest, plain, Admission, SharedLimits, StoreError, StoreFailure, StoreKey};
use crate::store::{RateLimitStore, StoreRequest};
use crate::token::Token;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// The table is not swept below this many entries.
const MIN_SWEEP: usize = 1024;
/// Unpaced calls held by a pause go at its end spread over a tenth of the wait, at most this.
const MAX_SPREAD: Duration = Duration::from_secs(1);
/// What "never" means for an instant that would not fit the clock: thirty years on.
const FAR_FUTURE: Duration = Duration::from_secs(86_400 * 365 * 30);
/// The most tokens whose workspace a limiter remembers; past it, the table starts again.
const MAX_WORKSPACES: usize = 100_000;
/// The most keys a shared store cannot use that the log is told of (WARN) one by one.
const MAX_KEYS_TOLD: usize = 100;

/// How the client paces its calls. Built from Slack's tiers by default.
///
/// ```
/// use slack_methods_runtime::RateLimits;
/// // Slack's tiers, with chat.postMessage held to 30 calls a minute.
/// let limits = RateLimits::slack_tiers().method("chat.postMessage", 30);
/// assert_eq!(limits.calls_per_minute("chat.postMessage", slack_methods_runtime::RateLimitTier::Special("chat.postMessage")), Some(30));
/// // No pacing at all: a 429's Retry-After still pauses the (workspace, method).
/// let off = RateLimits::off();
/// # let _ = off;
/// ```
#[derive(Clone, Debug)]
pub struct RateLimits {
    enabled: bool,
    time_scale: f64,
    headroom: f64,
    share: f64,
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
            share: 1.0,
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

    /// Holds `method` to `per_minute` calls a minute, whatever its tier; 0 leaves it unpaced
    /// (a `Retry-After` still pauses it).
    ///
    /// ```
    /// use slack_methods_runtime::{RateLimitTier, RateLimits};
    /// let limits = RateLimits::slack_tiers().method("users.list", 0);
    /// assert_eq!(limits.calls_per_minute("users.list", RateLimitTier::Tier2), None);
    /// ```
    pub fn method(mut self, method: impl Into<String>, per_minute: u32) -> Self {
        self.per_method.insert(method.into(), per_minute);
        self
    }

    /// Paces methods of unknown tier at `per_minute` too (they are not paced by default; 0
    /// keeps them so).
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

    /// Paces at this share of each limit (default 1): for one of N processes that share an
    /// allowance without a shared store, `1.0 / N`. Values that are not finite and positive are
    /// ignored; values above 1 count as 1.
    ///
    /// ```
    /// use slack_methods_runtime::RateLimits;
    /// // One of three replicas, each pacing alone.
    /// let limits = RateLimits::slack_tiers().share(1.0 / 3.0);
    /// # let _ = limits;
    /// ```
    pub fn share(mut self, share: f64) -> Self {
        if share.is_finite() && share > 0.0 {
            self.share = share.min(1.0);
        }
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

    /// The limit applied to `method` of `tier`, in calls a minute; `None` when unpaced. (A
    /// [`share`](Self::share) paces at that part of it.)
    pub fn calls_per_minute(&self, method: &str, tier: RateLimitTier) -> Option<u32> {
        if !self.enabled {
            return None;
        }
        let limit = match self.per_method.get(method) {
            Some(limit) => Some(*limit),
            None => tier.calls_per_minute().or(self.default_per_minute),
        };
        // No call a minute would be no call at all: 0 means unpaced.
        limit.filter(|limit| *limit > 0)
    }

    /// The (burst, interval) pair for a limit of `per_minute`.
    fn cell(&self, per_minute: u32) -> Option<(u32, Duration)> {
        if per_minute == 0 {
            return None;
        }
        let window = 60.0 / self.time_scale;
        let limit = f64::from(per_minute) * self.share;
        // Float to integer casts saturate; `limit` is at least a tiny positive number.
        let burst = self
            .burst
            .unwrap_or(((limit / 25.0) as u32).max(1))
            .min((limit as u32).max(1));
        let steady = limit * (1.0 - self.headroom);
        let usable = steady - f64::from(burst) + 1.0;
        // A burst that leaves no steady rate still gets one; a time scale close to zero makes a
        // minute longer than a Duration holds.
        let usable = usable.max(steady.min(0.5)).max(f64::MIN_POSITIVE);
        let interval = Duration::try_from_secs_f64(window / usable).unwrap_or(Duration::MAX);
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

/// When a call that is not paced goes after a pause ending at `until`: spread over a tenth of
/// the wait (at most [`MAX_SPREAD`]), so that the calls it held do not all go at once; never
/// past `deadline`.
fn after_pause(now: Instant, until: Instant, deadline: Option<Instant>) -> Instant {
    let spread = (until.saturating_duration_since(now) / 10).min(MAX_SPREAD);
    let wake = later(until, spread.mul_f64(crate::retry::jitter()));
    deadline.map_or(wake, |deadline| wake.min(deadline))
}

/// One pair's state.
#[derive(Clone, Debug)]
struct Cell {
    /// The theoretical arrival time of the next paced call (GCRA).
    tat: Instant,
    /// No call before this instant (set from Slack's `Retry-After`).
    paused_until: Option<Instant>,
    /// Slots reserved by calls that were cancelled while they waited, with a later slot still
    /// reserved, latest first: the next calls take them (earliest first, from the end) before
    /// new ones, so the schedule of calls sent stays one the pacing allows. (A cancelled call
    /// whose slot was the last reserved is undone instead: see [`Cell::free`].)
    freed: Vec<Reservation>,
}

/// One slot taken by a paced call, with the theoretical arrival time of its pair just before
/// and just after it was taken, so that giving it back can undo it.
#[derive(Clone, Copy, Debug)]
struct Reservation {
    slot: Instant,
    before: Instant,
    after: Instant,
}

impl Cell {
    fn new(now: Instant) -> Cell {
        Cell {
            tat: now,
            paused_until: None,
            freed: Vec::new(),
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

    /// Takes the earliest slot for a call asking at `now`: a freed one still ahead (and not
    /// inside a pause), or the next new one. When that slot would come after `deadline`,
    /// nothing is taken and the wait it needs is the error.
    fn take(
        &mut self,
        now: Instant,
        pacing: Pacing,
        deadline: Option<Instant>,
    ) -> Result<Reservation, Duration> {
        let earliest = self.pause_at(now).unwrap_or(now);
        // A freed slot in the past is lost (no call went then), as is one inside a pause.
        while self.freed.last().is_some_and(|freed| freed.slot < earliest) {
            self.freed.pop();
        }
        let (new, tat) = self.slot(now, pacing);
        let freed = self.freed.last().copied().filter(|freed| freed.slot < new);
        let taken = freed.unwrap_or(Reservation {
            slot: new,
            before: self.tat,
            after: tat,
        });
        // A slot that needs no wait is always taken, whatever the deadline.
        if taken.slot > now && deadline.is_some_and(|deadline| taken.slot > deadline) {
            return Err(taken.slot.saturating_duration_since(now));
        }
        match freed {
            Some(_) => {
                self.freed.pop();
            }
            None => self.tat = tat,
        }
        Ok(taken)
    }

    /// Gives back `taken`, reserved by a call that no longer waits for it (at `now`). When no
    /// later slot has been reserved since, the reservation is undone: the pacing goes back to
    /// where it was before it, and so do the slots given back earlier just before it. Otherwise
    /// a slot still ahead is kept in `freed`, for the next call.
    fn free(&mut self, taken: Reservation, now: Instant) {
        if self.tat == taken.after {
            self.tat = taken.before;
            while let Some(at) = self.freed.iter().position(|kept| kept.after == self.tat) {
                self.tat = self.freed.remove(at).before;
            }
        } else if taken.slot > now {
            let at = self.freed.partition_point(|kept| kept.slot > taken.slot);
            self.freed.insert(at, taken);
        }
    }

    /// Takes the next slot, whatever its time.
    #[cfg(test)]
    fn reserve(&mut self, now: Instant, pacing: Pacing) -> Instant {
        self.take(now, pacing, None).map_or(now, |taken| taken.slot)
    }
}

/// What one limit is counted for in the process: the workspace (or the token where it is not
/// known), hashed; a method; and for methods Slack limits per channel (see
/// [`RateLimitTier::limited_per`]) the channel (hashed; 0 for none).
type Key = (u64, &'static str, u64);

/// The table of pairs.
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

/// Why a call may not go (yet): the answer of [`RateLimiter::acquire_within`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Refused {
    /// Its slot, or the end of a pause, is further away than the caller would wait: the wait
    /// it would need. Nothing was reserved.
    Wait(Duration),
    /// The limits are kept in a shared store that cannot be reached, and the limiter is set to
    /// fail calls meanwhile ([`StoreFailure::Fail`]).
    Store(StoreError),
}

impl Refused {
    /// The wait the call would need, for [`Refused::Wait`].
    pub fn wait(&self) -> Option<Duration> {
        match self {
            Refused::Wait(wait) => Some(*wait),
            Refused::Store(_) => None,
        }
    }
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Wait(wait) => write!(f, "the call would have to wait {wait:?}"),
            Refused::Store(_) => f.write_str("the shared rate-limit store failed"),
        }
    }
}

impl std::error::Error for Refused {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Refused::Wait(_) => None,
            Refused::Store(error) => Some(error),
        }
    }
}

/// Paces calls per (workspace, method) pair by [`RateLimits`], and holds them while Slack's
/// `Retry-After` runs. Every [`Client`](crate::Client) has one; give several clients the same one
/// (with [`ClientBuilder::rate_limiter`](crate::ClientBuilder::rate_limiter)) when they share a
/// workspace's allowance in one process, or a [shared store](RateLimiter::shared) when they run
/// in several.
///
/// A [pause](RateLimiter::pause) holds every later call of its (workspace, method): paced calls,
/// calls that had already reserved a slot inside it (they take a new slot after it), and calls
/// that are not paced at all (methods of unknown tier, [`RateLimits::off`],
/// [`CallOptions::paced(false)`](crate::CallOptions::paced)). A pause lasts at most
/// [`RateLimiter::MAX_PAUSE`].
///
/// ```
/// use slack_methods_runtime::{RateLimitTier, RateLimiter, RateLimits, Token};
/// use std::time::Duration;
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let limiter = RateLimiter::new(RateLimits::slack_tiers());
/// let token = Token::new("xoxb-1")?;
/// // The first calls of a burst go at once; later ones wait for their slot.
/// limiter.acquire(&token, "users.profile.set", RateLimitTier::Tier3).await?;
/// // Slack answered 429 with `Retry-After: 30`: nothing goes for 30 s, and a caller that
/// // cannot wait that long learns how long it would have to.
/// limiter.pause(&token, "users.profile.set", Duration::from_secs(30));
/// let waited = limiter
///     .acquire_within(&token, "users.profile.set", RateLimitTier::Tier3, Duration::from_secs(2))
///     .await;
/// assert!(waited.is_err_and(|refused| refused.wait() > Some(Duration::from_secs(29))));
/// # Ok(()) }
/// ```
pub struct RateLimiter {
    limits: RateLimits,
    local: Local,
    shared: Option<Shared>,
    /// The workspace of each token known to it, by the token's hash.
    workspaces: Mutex<HashMap<u64, TeamId>>,
    /// Whether `workspaces` may hold anything, so that calls skip its lock while it is empty.
    any_workspace: AtomicBool,
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("limits", &self.limits)
            .field("shared", &self.shared.as_ref().map(|s| &s.settings))
            .field("tracked_pairs", &self.tracked_pairs())
            .finish_non_exhaustive()
    }
}

/// A token's in-process key: a hash, so the limiter holds no copy of the secret.
pub(crate) fn token_key(token: &Token) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    token.expose_secret().hash(&mut hasher);
    hasher.finish()
}

/// A workspace's in-process key, apart from any token's.
fn workspace_key(workspace: &TeamId) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    "workspace".hash(&mut hasher);
    workspace.as_str().hash(&mut hasher);
    hasher.finish()
}

/// A partition's in-process key (0 is kept for "no partition").
fn partition_key(partition: Option<&str>) -> u64 {
    partition.map_or(0, |value| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        value.hash(&mut hasher);
        hasher.finish().max(1)
    })
}

impl RateLimiter {
    /// The longest pause a `Retry-After` can order: five minutes. Slack counts its limits per
    /// minute and asks for waits of seconds; a longer `Retry-After` is taken as a broken header.
    /// When the pause is over, a call that is still over the limit gets a fresh 429 and a fresh
    /// pause.
    pub const MAX_PAUSE: Duration = Duration::from_secs(300);

    /// A limiter applying `limits`, with its state in this process.
    pub fn new(limits: RateLimits) -> Self {
        RateLimiter {
            limits,
            local: Local::new(),
            shared: None,
            workspaces: Mutex::new(HashMap::new()),
            any_workspace: AtomicBool::new(false),
        }
    }

    /// A limiter applying `limits` with its state in a shared store, so that every process
    /// using the store keeps to one allowance with it (see [`SharedLimits`]). Give every process
    /// the same limits.
    pub fn shared(limits: RateLimits, shared: SharedLimits) -> Self {
        let fallback = shared.fallback.clone().unwrap_or_else(|| limits.clone());
        let health = Health {
            store: shared.store.describe(),
            epoch: Instant::now(),
            down_until: AtomicU64::new(0),
            warned: AtomicBool::new(false),
            failed_at: AtomicU64::new(0),
            last_error: Mutex::new(None),
            keys_told: Mutex::new(HashSet::new()),
        };
        RateLimiter {
            shared: Some(Shared {
                settings: shared,
                fallback,
                health: Arc::new(health),
            }),
            ..Self::new(limits)
        }
    }

    /// The limits it applies.
    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// The shared store it keeps its state in, if any.
    pub fn shared_limits(&self) -> Option<&SharedLimits> {
        self.shared.as_ref().map(|shared| &shared.settings)
    }

    /// Counts the calls made with `token` against `workspace`'s allowance (the workspace of a
    /// token is its `team_id`, which `auth.test` tells). Tokens of one workspace then share its
    /// limits, in the process and in a shared store. The token itself is not kept: only a hash.
    pub fn set_workspace(&self, token: &Token, workspace: TeamId) {
        let mut workspaces = self
            .workspaces
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if workspaces.len() >= MAX_WORKSPACES {
            workspaces.clear();
        }
        workspaces.insert(token_key(token), workspace);
        self.any_workspace.store(true, Ordering::Release);
    }

    /// The workspace `token`'s calls are counted against, if one was given or learned.
    pub fn workspace_of(&self, token: &Token) -> Option<TeamId> {
        if !self.any_workspace.load(Ordering::Acquire) {
            return None;
        }
        let workspaces = self
            .workspaces
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        workspaces.get(&token_key(token)).cloned()
    }

    /// The in-process key of `method` with `token`, within `partition`.
    fn key(&self, token: &Token, method: &'static str, partition: Option<&str>) -> Key {
        let token = token_key(token);
        let owner = if self.any_workspace.load(Ordering::Acquire) {
            let workspaces = self
                .workspaces
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            workspaces.get(&token).map_or(token, workspace_key)
        } else {
            token
        };
        (owner, method, partition_key(partition))
    }

    /// The store's key of `method` with `token`, within `partition`: the workspace's id (or a
    /// digest of the token), the method, and a digest of the partition.
    fn store_key(&self, token: &Token, method: &'static str, partition: Option<&str>) -> StoreKey {
        let owner = match self.workspace_of(token) {
            Some(workspace) if plain(workspace.as_str()) => workspace.into_string(),
            Some(workspace) => format!("w.{}", digest("workspace", workspace.as_str().as_bytes())),
            None => format!("t.{}", digest("token", token.expose_secret().as_bytes())),
        };
        let mut text = format!("{owner}:{method}");
        if let Some(partition) = partition {
            text.push_str(":c.");
            text.push_str(&digest("partition", partition.as_bytes()));
        }
        StoreKey::new(text)
    }

    /// Waits for the slot of one call of `method` (of `tier`) with `token`, and for any pause
    /// of the pair. Returns at once for unpaced methods that are not paused. Dropping the
    /// future abandons the wait and gives its slot back to the next call of the pair (kept in
    /// the process; a slot reserved in a shared store stays spent).
    ///
    /// Fails only when the limits are kept in a shared store that cannot be reached and the
    /// limiter is set to fail calls meanwhile ([`StoreFailure::Fail`]).
    pub async fn acquire(
        &self,
        token: &Token,
        method: &'static str,
        tier: RateLimitTier,
    ) -> Result<(), StoreError> {
        // Without a deadline the wait always ends in a slot.
        match self.admit_in(token, method, None, tier, true, None).await {
            Ok(_) | Err(Refused::Wait(_)) => Ok(()),
            Err(Refused::Store(error)) => Err(error),
        }
    }

    /// Like [`acquire`](Self::acquire), but only if the call can go within `limit`: when its
    /// slot (or the end of a pause) is further away, nothing is reserved and the wait it would
    /// need is returned ([`Refused::Wait`]).
    pub async fn acquire_within(
        &self,
        token: &Token,
        method: &'static str,
        tier: RateLimitTier,
        limit: Duration,
    ) -> Result<(), Refused> {
        let deadline = Instant::now().checked_add(limit);
        self.admit_in(token, method, None, tier, true, deadline)
            .await
            .map(|_| ())
    }

    /// Waits until one call may go: for any pause of (workspace, method), and when `paced`, for
    /// its slot. `deadline`: `None` waits as long as it takes; otherwise a wait that would end
    /// after it is not started (nothing is reserved) and its length is the error. Returns how
    /// long the call waited.
    #[cfg(test)]
    pub(crate) async fn admit(
        &self,
        token: &Token,
        method: &'static str,
        tier: RateLimitTier,
        paced: bool,
        deadline: Option<Instant>,
    ) -> Result<Duration, Refused> {
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
    ) -> Result<Duration, Refused> {
        let Some(shared) = &self.shared else {
            let pacing = if paced {
                self.limits.pacing(method, tier)
            } else {
                None
            };
            // Skips the key (and the table) for unpaced calls while no pause can be running.
            if pacing.is_none() && !self.local.may_be_paused(Instant::now()) {
                return Ok(Duration::ZERO);
            }
            let key = self.key(token, method, partition);
            return self
                .local
                .admit(key, pacing, deadline)
                .await
                .map_err(Refused::Wait);
        };
        let key = self.key(token, method, partition);
        let start = Instant::now();
        // The store is up, but cannot use this limit's key: this call goes without it.
        let mut key_error = None;
        if shared.health.usable(start) {
            let pacing = if paced {
                self.limits.pacing(method, tier)
            } else {
                None
            };
            let store_key = self.store_key(token, method, partition);
            match self
                .admit_shared(shared, &store_key, key, pacing, deadline)
                .await
            {
                Ok(admitted) => {
                    shared.health.succeeded(start);
                    return admitted;
                }
                Err(error) if error.is_for_key() => {
                    shared.health.succeeded(start);
                    shared.health.key_failed(&error, shared.settings.on_failure);
                    key_error = Some(error);
                }
                Err(error) => shared.failed(error),
            }
        }
        if shared.settings.on_failure == StoreFailure::Fail {
            let error = key_error.unwrap_or_else(|| shared.health.last_error());
            return Err(Refused::Store(error));
        }
        let pacing = if paced {
            shared.fallback.pacing(method, tier)
        } else {
            None
        };
        let waited = start.elapsed();
        match self.local.admit(key, pacing, deadline).await {
            Ok(more) => Ok(waited.saturating_add(more)),
            Err(wait) => Err(Refused::Wait(wait)),
        }
    }

    /// One admission through the shared store: the same steps as the in-process one, each
    /// asked of the store. `Err` when the store failed (the caller falls back).
    async fn admit_shared(
        &self,
        shared: &Shared,
        store_key: &StoreKey,
        key: Key,
        pacing: Option<Pacing>,
        deadline: Option<Instant>,
    ) -> Result<Result<Duration, Refused>, StoreError> {
        let start = Instant::now();
        loop {
            let now = Instant::now();
            let max_wait = deadline.map(|deadline| deadline.saturating_duration_since(now));
            let request = match pacing {
                Some(pacing) => StoreRequest::Reserve {
                    interval: pacing.interval,
                    tolerance: pacing.tolerance,
                    max_wait,
                },
                None => StoreRequest::Check { max_wait },
            };
            let admission = shared.admit(store_key, request).await?;
            // The store's waits count from its answer.
            let now = Instant::now();
            self.local.note_pause(key, now, admission.paused);
            if !admission.granted {
                return Ok(Err(Refused::Wait(admission.wait)));
            }
            if admission.wait.is_zero() {
                return Ok(Ok(now.saturating_duration_since(start)));
            }
            let wake = match pacing {
                Some(_) => later(now, admission.wait),
                None => after_pause(now, later(now, admission.wait), deadline),
            };
            tracing::trace!(
                wait_ms = u64::try_from(wake.saturating_duration_since(now).as_millis())
                    .unwrap_or(u64::MAX),
                "rate limiter wait (shared)"
            );
            tokio::time::sleep_until(wake).await;
            if pacing.is_some() {
                // A pause ordered while this call slept holds it too: it takes a new slot.
                let check = shared
                    .admit(store_key, StoreRequest::Check { max_wait: None })
                    .await?;
                let now = Instant::now();
                if check.paused.is_zero() {
                    return Ok(Ok(now.saturating_duration_since(start)));
                }
                self.local.note_pause(key, now, check.paused);
                tracing::debug!("a pause began while waiting for the slot");
            }
        }
    }

    /// Holds every later call of (workspace, method) for `wait` (at most
    /// [`MAX_PAUSE`](Self::MAX_PAUSE)), as after Slack answered 429 with `Retry-After`. Calls
    /// already waiting for a slot inside the pause wait for its end too. A pause never
    /// shortens one already running.
    ///
    /// With a shared store, the pause is written there too, in the background (when called
    /// inside a tokio runtime); the [`Client`](crate::Client) writes it before its call goes on.
    pub fn pause(&self, token: &Token, method: &'static str, wait: Duration) {
        let wait = wait.min(Self::MAX_PAUSE);
        self.local
            .pause(self.key(token, method, None), Instant::now(), wait);
        let Some(shared) = &self.shared else {
            return;
        };
        if wait.is_zero() || !shared.health.usable(Instant::now()) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let writer = shared.writer();
        let key = self.store_key(token, method, None);
        runtime.spawn(async move { writer.pause(&key, wait).await });
    }

    /// [`pause`](Self::pause) within `partition` (the channel of a per-channel limit), written to
    /// the shared store (if any) before it returns.
    pub(crate) async fn pause_in(
        &self,
        token: &Token,
        method: &'static str,
        partition: Option<&str>,
        wait: Duration,
    ) {
        let wait = wait.min(Self::MAX_PAUSE);
        self.local
            .pause(self.key(token, method, partition), Instant::now(), wait);
        if let Some(shared) = &self.shared {
            if !wait.is_zero() && shared.health.usable(Instant::now()) {
                let key = self.store_key(token, method, partition);
                shared.writer().pause(&key, wait).await;
            }
        }
    }

    /// How much longer the pause of (workspace, method) lasts, if one is running, as this
    /// process knows it: pauses it ordered, and, with a shared store, pauses its calls found
    /// there.
    pub fn paused_for(&self, token: &Token, method: &'static str) -> Option<Duration> {
        self.local
            .paused_for(self.key(token, method, None), Instant::now())
    }

    /// How many pairs the limiter keeps state for in the process. Pairs with nothing ahead (no
    /// reserved slot, no pause) are dropped as new pairs arrive, so this stays near the number
    /// of pairs in use, however many tokens come and go.
    pub fn tracked_pairs(&self) -> usize {
        self.local.lock().map.len()
    }
}

/// The in-process state: the table, and a watermark that lets unpaced calls skip it.
struct Local {
    cells: Mutex<Cells>,
    /// The instant `pauses_end` counts from.
    epoch: Instant,
    /// The end of the latest pause ordered, in nanoseconds after `epoch`: calls that are not
    /// paced skip the table while no pause can be running.
    pauses_end: AtomicU64,
}

impl Local {
    fn new() -> Local {
        Local {
            cells: Mutex::new(Cells {
                map: HashMap::new(),
                sweep_at: MIN_SWEEP,
            }),
            epoch: Instant::now(),
            pauses_end: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Cells> {
        self.cells.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `at` in nanoseconds after the epoch (saturating).
    fn ticks(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.epoch).as_nanos()).unwrap_or(u64::MAX)
    }

    /// Whether a pause ordered in this process may still be running at `now`.
    fn may_be_paused(&self, now: Instant) -> bool {
        self.ticks(now) < self.pauses_end.load(Ordering::Acquire)
    }

    /// Waits for `key`'s slot (`pacing`) or only its pause (`None`); see
    /// [`RateLimiter::admit`].
    async fn admit(
        &self,
        key: Key,
        pacing: Option<Pacing>,
        deadline: Option<Instant>,
    ) -> Result<Duration, Duration> {
        let start = Instant::now();
        if pacing.is_none() && !self.may_be_paused(start) {
            return Ok(Duration::ZERO);
        }
        loop {
            let now = Instant::now();
            let (wake, taken) = {
                let mut cells = self.lock();
                cells.sweep(now);
                match pacing {
                    Some(pacing) => {
                        let cell = cells.map.entry(key).or_insert_with(|| Cell::new(now));
                        let taken = cell.take(now, pacing, deadline)?;
                        (taken.slot, Some(taken))
                    }
                    None => {
                        let Some(until) = cells.map.get(&key).and_then(|c| c.pause_at(now)) else {
                            return Ok(now.saturating_duration_since(start));
                        };
                        if deadline.is_some_and(|deadline| until > deadline) {
                            return Err(until.saturating_duration_since(now));
                        }
                        // Unpaced calls held by one pause would all go at its end: spread them.
                        (after_pause(now, until, deadline), None)
                    }
                }
            };
            if wake > now {
                tracing::trace!(
                    method = key.1,
                    wait_ms = u64::try_from(wake.saturating_duration_since(now).as_millis())
                        .unwrap_or(u64::MAX),
                    "rate limiter wait"
                );
                // A call dropped while it waits frees its slot for the next one.
                let held = taken.map(|taken| Held {
                    local: self,
                    key,
                    taken,
                });
                tokio::time::sleep_until(wake).await;
                if let Some(held) = held {
                    std::mem::forget(held);
                }
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
                tracing::debug!(method = key.1, "a pause began while waiting for the slot");
            }
        }
    }

    /// Gives back `taken` of `key`, reserved by a call that no longer waits for it.
    fn free(&self, key: Key, taken: Reservation) {
        if let Some(cell) = self.lock().map.get_mut(&key) {
            cell.free(taken, Instant::now());
        }
    }

    /// Holds `key` for `wait` from `now` (already capped).
    fn pause(&self, key: Key, now: Instant, wait: Duration) {
        if wait.is_zero() {
            return;
        }
        let until = later(now, wait);
        {
            let mut cells = self.lock();
            cells.sweep(now);
            let cell = cells.map.entry(key).or_insert_with(|| Cell::new(now));
            cell.paused_until = Some(cell.pause_at(now).map_or(until, |p| p.max(until)));
        }
        self.pauses_end
            .fetch_max(self.ticks(until), Ordering::AcqRel);
    }

    /// Records a pause a shared store reported, so that the fallback keeps to it too.
    fn note_pause(&self, key: Key, now: Instant, paused: Duration) {
        self.pause(key, now, paused.min(RateLimiter::MAX_PAUSE));
    }

    fn paused_for(&self, key: Key, now: Instant) -> Option<Duration> {
        let cells = self.lock();
        let until = cells.map.get(&key)?.pause_at(now)?;
        Some(until.saturating_duration_since(now))
    }
}

/// A slot reserved by a call still waiting for it; dropped with the call's future, it frees the
/// slot ([`Local::free`]). A call that reaches its slot forgets it.
struct Held<'a> {
    local: &'a Local,
    key: Key,
    taken: Reservation,
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.local.free(self.key, self.taken);
    }
}

/// A shared store with its settings and health.
struct Shared {
    settings: SharedLimits,
    /// The limits paced by in the process while the store cannot be reached.
    fallback: RateLimits,
    health: Arc<Health>,
}

impl Shared {
    /// One admission request, within the timeout.
    async fn admit(&self, key: &StoreKey, request: StoreRequest) -> Result<Admission, StoreError> {
        let answer = tokio::time::timeout(
            self.settings.timeout,
            self.settings.store.admit(key, request),
        );
        answer
            .await
            .unwrap_or_else(|_| Err(StoreError::timed_out()))
    }

    fn failed(&self, error: StoreError) {
        self.health
            .failed(error, self.settings.retry_after, self.settings.on_failure);
    }

    /// What writes a pause, also from a task of its own.
    fn writer(&self) -> PauseWriter {
        PauseWriter {
            store: Arc::clone(&self.settings.store),
            timeout: self.settings.timeout,
            retry_after: self.settings.retry_after,
            on_failure: self.settings.on_failure,
            health: Arc::clone(&self.health),
        }
    }
}

/// Writes a pause to a shared store, within the timeout.
struct PauseWriter {
    store: Arc<dyn RateLimitStore>,
    timeout: Duration,
    retry_after: Duration,
    on_failure: StoreFailure,
    health: Arc<Health>,
}

impl PauseWriter {
    async fn pause(&self, key: &StoreKey, wait: Duration) {
        let sent = Instant::now();
        let written = tokio::time::timeout(self.timeout, self.store.pause(key, wait)).await;
        match written.unwrap_or_else(|_| Err(StoreError::timed_out())) {
            Ok(()) => self.health.succeeded(sent),
            Err(error) if error.is_for_key() => {
                self.health.succeeded(sent);
                self.health.key_failed(&error, self.on_failure);
            }
            Err(error) => self.health.failed(error, self.retry_after, self.on_failure),
        }
    }
}

/// Whether the shared store is in use, and what the log was told.
struct Health {
    /// The store, as the logs name it.
    store: String,
    /// The instant `down_until` counts from.
    epoch: Instant,
    /// While the store is left alone after a failure: until this many nanoseconds after
    /// `epoch` (0: in use).
    down_until: AtomicU64,
    /// Whether the log was told that the store cannot be reached (and not yet that it is back).
    warned: AtomicBool,
    /// When the store last failed, in nanoseconds after `epoch`: only an answer to a request
    /// sent after it says the store is back.
    failed_at: AtomicU64,
    last_error: Mutex<Option<StoreError>>,
    /// The keys the log was told the store cannot use (at most [`MAX_KEYS_TOLD`]).
    keys_told: Mutex<HashSet<String>>,
}

impl Health {
    /// `at` in nanoseconds after the epoch (saturating, at least 1).
    fn ticks(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.epoch).as_nanos())
            .unwrap_or(u64::MAX)
            .max(1)
    }

    /// Whether calls at `now` ask the store.
    fn usable(&self, now: Instant) -> bool {
        let down_until = self.down_until.load(Ordering::Acquire);
        down_until == 0 || self.ticks(now) >= down_until
    }

    fn failed(&self, error: StoreError, retry_after: Duration, on_failure: StoreFailure) {
        let now = Instant::now();
        self.failed_at.fetch_max(self.ticks(now), Ordering::AcqRel);
        let until = later(now, retry_after);
        self.down_until.store(self.ticks(until), Ordering::Release);
        let cause = chain(&error);
        *self
            .last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(error);
        if !self.warned.swap(true, Ordering::AcqRel) {
            let meanwhile = match on_failure {
                StoreFailure::Fallback => "pacing in this process alone until it is back",
                StoreFailure::Fail => "calls fail until it is back",
            };
            tracing::warn!(
                store = %self.store,
                error = %cause,
                "the shared rate-limit store failed: {meanwhile}"
            );
        } else {
            tracing::debug!(store = %self.store, error = %cause, "the shared rate-limit store failed again");
        }
    }

    /// A request sent at `sent` was answered.
    fn succeeded(&self, sent: Instant) {
        if !self.warned.load(Ordering::Acquire)
            || self.ticks(sent) < self.failed_at.load(Ordering::Acquire)
        {
            return;
        }
        if self.warned.swap(false, Ordering::AcqRel) {
            self.down_until.store(0, Ordering::Release);
            tracing::info!(store = %self.store, "the shared rate-limit store is back: pacing is shared again");
        }
    }

    /// The store answered, but cannot use one key ([`StoreError::for_key`]): said once per key
    /// (WARN), the store staying in use for the others.
    fn key_failed(&self, error: &StoreError, on_failure: StoreFailure) {
        let cause = chain(error);
        let new = {
            let mut told = self
                .keys_told
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            told.len() < MAX_KEYS_TOLD && told.insert(cause.clone())
        };
        if new {
            let meanwhile = match on_failure {
                StoreFailure::Fallback => "its calls are paced in this process alone",
                StoreFailure::Fail => "its calls fail",
            };
            tracing::warn!(
                store = %self.store,
                error = %cause,
                "the shared rate-limit store cannot use one limit's key: {meanwhile}"
            );
        } else {
            tracing::debug!(store = %self.store, error = %cause, "the shared rate-limit store cannot use one limit's key");
        }
    }

    fn last_error(&self) -> StoreError {
        self.last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(|| StoreError::message("the shared rate-limit store failed"))
    }
}

/// An error and its causes, as one line.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wait of a refusal (these limiters have no store).
    trait Waits<T> {
        fn waits(self) -> Result<T, Duration>;
    }

    impl<T> Waits<T> for Result<T, Refused> {
        fn waits(self) -> Result<T, Duration> {
            self.map_err(|refused| refused.wait().expect("a wait"))
        }
    }

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

    /// A reservation given back with nothing reserved after it is undone, with those given
    /// back before it; one with a later slot still reserved stays a hole for the next call.
    #[test]
    fn given_back_slots_undo_the_reservations_behind_the_last() {
        let start = Instant::now();
        let second = Duration::from_secs(1);
        let pacing = Pacing {
            interval: second,
            tolerance: Duration::ZERO,
        };
        let mut cell = Cell::new(start);
        let taken: Vec<Reservation> = (0..4)
            .map(|_| cell.take(start, pacing, None).unwrap())
            .collect();
        assert_eq!(cell.tat, start + 4 * second);
        // The second is given back while the third and fourth are still reserved: a hole.
        cell.free(taken[1], start);
        assert_eq!(cell.tat, start + 4 * second);
        assert_eq!(cell.freed.len(), 1);
        // The fourth, then the third: undone, and the hole behind them with them.
        cell.free(taken[3], start);
        assert_eq!(cell.tat, start + 3 * second);
        cell.free(taken[2], start);
        assert_eq!(cell.tat, start + second);
        assert!(cell.freed.is_empty());
        // The next call goes one interval after the first, the only one still reserved.
        assert_eq!(cell.reserve(start, pacing), start + second);
    }

    #[test]
    fn a_pause_holds_the_next_slots() {
        let start = Instant::now();
        let mut cell = Cell {
            tat: start,
            paused_until: Some(start + Duration::from_secs(2)),
            freed: Vec::new(),
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
                .await
                .waits();
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
                .await
                .waits();
            assert_eq!(refused, Err(Duration::from_secs(10)));
            assert_eq!(Instant::now(), start);
            limiter
                .admit(&t, "a.b", RateLimitTier::Tier3, paced, None)
                .await
                .waits()
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
                .waits()
                .unwrap();
            limiter
                .admit(&token(2), "a.b", RateLimitTier::Tier3, paced, None)
                .await
                .waits()
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
                    .await
                    .unwrap();
                Instant::now()
            });
        }
        // A slot free now is taken with no time to spare; the next one (1 s away) is not.
        let other = token(2);
        assert_eq!(
            limiter
                .acquire_within(&other, "a.b", RateLimitTier::Tier3, Duration::ZERO)
                .await
                .waits(),
            Ok(())
        );
        let refused = limiter
            .acquire_within(
                &other,
                "a.b",
                RateLimitTier::Tier3,
                Duration::from_millis(999),
            )
            .await
            .waits();
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

    /// Calls cancelled while they wait give their slots back: later calls take them in order,
    /// and the calls that do go keep the pacing.
    #[tokio::test(start_paused = true)]
    async fn cancelled_waiters_give_their_slots_back() {
        use std::sync::Arc;
        async fn take(limiter: Arc<RateLimiter>) -> Result<(), StoreError> {
            limiter
                .acquire(&token(1), "a.b", RateLimitTier::Tier3)
                .await
        }
        let limits = RateLimits::slack_tiers()
            .method("a.b", 60)
            .burst(1)
            .headroom(0.0);
        let limiter = Arc::new(RateLimiter::new(limits));
        let start = Instant::now();
        take(Arc::clone(&limiter)).await.unwrap();
        // One after the other, each dropped before its slot: none keeps one.
        for _ in 0..10 {
            let dropped =
                tokio::time::timeout(Duration::from_millis(1), take(Arc::clone(&limiter))).await;
            assert!(dropped.is_err());
        }
        let next = start + Duration::from_secs(1);
        let refused = limiter
            .acquire_within(&token(1), "a.b", RateLimitTier::Tier3, Duration::ZERO)
            .await
            .waits();
        assert_eq!(refused, Err(next - Instant::now()));
        // Ten waiting at once (slots 1 to 10 s), all dropped together.
        let mut waiting = tokio::task::JoinSet::new();
        for _ in 0..10 {
            waiting.spawn(take(Arc::clone(&limiter)));
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
        waiting.abort_all();
        while waiting.join_next().await.is_some() {}
        // The next calls take the freed slots in time order, then new ones: a second apart
        // from the first slot on, not after the ten.
        let mut went = Vec::new();
        for _ in 0..11 {
            take(Arc::clone(&limiter)).await.unwrap();
            went.push(Instant::now() - start);
        }
        assert_eq!(went, (1..12).map(Duration::from_secs).collect::<Vec<_>>());
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
                .await
                .unwrap();
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
        let capacity = limiter.local.lock().map.capacity();
        assert!(
            capacity <= 8 * MIN_SWEEP,
            "the table holds room for {capacity}"
        );
    }

    /// Store keys name the workspace, or a digest of the token where none is known, and for a
    /// per-channel limit a digest of the channel; never the token.
    #[test]
    fn store_keys_name_the_workspace_or_a_digest() {
        let limiter = RateLimiter::new(RateLimits::slack_tiers());
        let (t, u) = (token(1), token(2));
        let post = limiter.store_key(&t, "chat.postMessage", Some("C1"));
        assert_eq!(
            post.as_str(),
            format!(
                "t.{}:chat.postMessage:c.{}",
                digest("token", b"xoxb-1"),
                digest("partition", b"C1")
            )
        );
        assert!(!post.as_str().contains("xoxb"));
        assert_ne!(post, limiter.store_key(&t, "chat.postMessage", Some("C2")));
        assert_ne!(post, limiter.store_key(&u, "chat.postMessage", Some("C1")));
        let team = TeamId::new("T0123ABC").unwrap();
        limiter.set_workspace(&t, team.clone());
        limiter.set_workspace(&u, team);
        assert_eq!(
            limiter.store_key(&t, "users.profile.set", None).as_str(),
            "T0123ABC:users.profile.set"
        );
        assert_eq!(
            limiter.store_key(&u, "users.profile.set", None),
            limiter.store_key(&t, "users.profile.set", None)
        );
        // An id that is not of Slack's shape is digested too.
        limiter.set_workspace(&t, serde_json::from_str::<TeamId>(r#""T:1 x""#).unwrap());
        let odd = limiter.store_key(&t, "a.b", None);
        assert!(
            odd.as_str().starts_with("w.") && !odd.as_str().contains(' '),
            "{odd}"
        );
    }

    /// Tokens of one workspace share its limits in the process too: a pause ordered for one
    /// holds the other; a token of another workspace goes.
    #[tokio::test(start_paused = true)]
    async fn tokens_of_one_workspace_share_its_limits() {
        let limiter = RateLimiter::new(RateLimits::slack_tiers());
        let team = TeamId::new("T0123ABC").unwrap();
        limiter.set_workspace(&token(1), team.clone());
        limiter.set_workspace(&token(2), team.clone());
        assert_eq!(limiter.workspace_of(&token(2)), Some(team));
        assert_eq!(limiter.workspace_of(&token(3)), None);
        limiter.pause(&token(1), "a.b", Duration::from_secs(10));
        let now = Instant::now();
        let held = limiter
            .admit(&token(2), "a.b", RateLimitTier::Tier3, true, Some(now))
            .await
            .waits();
        assert_eq!(held, Err(Duration::from_secs(10)));
        let other = limiter
            .admit(&token(3), "a.b", RateLimitTier::Tier3, true, Some(now))
            .await
            .waits();
        assert_eq!(other, Ok(Duration::ZERO));
    }

    /// A share paces at that part of the limit: a third of Tier 3 in the same window.
    #[test]
    fn a_share_paces_at_its_part_of_the_limit() {
        let whole = RateLimits::slack_tiers();
        let third = RateLimits::slack_tiers().share(1.0 / 3.0);
        let (_, interval) = whole.cell(50).unwrap();
        let (burst, slower) = third.cell(50).unwrap();
        assert_eq!(burst, 1);
        // 60 s / (50 / 3 × 0.95 − 1 + 1)
        assert!((slower.as_secs_f64() - 60.0 / (50.0 / 3.0 * 0.95)).abs() < 1e-9);
        assert!(slower > interval * 3 - Duration::from_millis(100));
        // Tier 1 at a third: one call every 189 s, not every 120.
        let (_, tier1) = third.cell(1).unwrap();
        assert!(tier1 > Duration::from_secs(180), "{tier1:?}");
        assert_eq!(
            RateLimits::slack_tiers().share(f64::NAN).cell(50),
            whole.cell(50)
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
                .await
                .waits();
            assert_eq!(waited, Ok(Duration::ZERO), "{channel}");
        }
        // A second post to C1 needs its next slot, about a second away.
        let refused = limiter
            .admit_in(&t, method, Some("C1"), post, true, Some(now))
            .await
            .waits();
        assert!(
            refused.is_err_and(|wait| wait > Duration::from_millis(900)),
            "{refused:?}"
        );
        limiter
            .pause_in(&t, method, Some("C2"), Duration::from_secs(30))
            .await;
        assert!(limiter
            .admit_in(&t, method, Some("C2"), post, false, Some(now))
            .await
            .waits()
            .is_err());
        assert_eq!(
            limiter
                .admit_in(&t, method, Some("C4"), post, true, Some(now))
                .await
                .waits(),
            Ok(Duration::ZERO)
        );
    }
}
