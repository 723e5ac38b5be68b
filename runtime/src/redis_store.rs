//! The Redis store of shared rate limits (cargo feature `redis`).
//!
//! One hash per limit holds `tat` (the theoretical arrival time of the next paced call) and
//! `pause` (the end of Slack's latest `Retry-After`), in microseconds on the Redis server's
//! clock. One Lua script does each step atomically, pause and pacing together (which Redis has
//! no command for): it is sent once and then run by its SHA-1 (`EVALSHA`; the `redis` crate
//! sends it again after a restart emptied the script cache). Each hash expires a second after
//! its last instant, so idle limits take no memory.

use crate::store::{Admission, RateLimitStore, StoreError, StoreFuture, StoreKey, StoreRequest};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// The script of every step. `KEYS[1]`: the limit's hash. `ARGV[1]`: `reserve`, `check` or
/// `pause`; then, for `reserve`: the longest wait accepted (negative: any), the interval and the
/// tolerance; for `check`: the longest wait; for `pause`: the wait. All in microseconds. It
/// answers `{granted (1 or 0), wait, pause left}`.
const SCRIPT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
-- Thirty years: the furthest instant kept, so that times stay exact in Lua's numbers.
local far = 946080000000000
-- A key of another kind, or an instant no clock reaches, was not written here: {-1}, and the
-- key is left as it is.
local kind = redis.call('TYPE', KEYS[1])['ok']
if kind ~= 'none' and kind ~= 'hash' then
  return {-1, 0, 0}
end
local state = redis.call('HMGET', KEYS[1], 'tat', 'pause')
local function instant(value)
  if not value then
    return 0
  end
  local n = tonumber(value)
  if n == nil or n ~= n or math.abs(n) > now + 2 * far then
    return nil
  end
  return n
end
local tat = instant(state[1])
local pause = instant(state[2])
if tat == nil or pause == nil then
  return {-1, 0, 0}
end
local paused = math.max(pause - now, 0)
-- The hash lives while it says something: until its last instant, and a second more.
local function keep(last)
  redis.call('PEXPIRE', KEYS[1], math.floor(math.max(last - now, 0) / 1000) + 1000)
end
local mode = ARGV[1]
if mode == 'pause' then
  local stop = now + math.min(tonumber(ARGV[2]), far)
  if stop > pause then
    pause = stop
    redis.call('HSET', KEYS[1], 'pause', string.format('%.0f', pause))
  end
  keep(math.max(tat, pause))
  return {1, 0, pause - now}
end
local max_wait = tonumber(ARGV[2])
if mode == 'check' then
  if max_wait >= 0 and paused > max_wait then
    return {0, paused, paused}
  end
  return {1, paused, paused}
end
local interval = math.min(tonumber(ARGV[3]), far)
local tolerance = math.min(tonumber(ARGV[4]), far)
-- Calls after a pause start from an empty window.
local earliest = math.max(now, pause)
local base = math.max(tat, earliest)
local slot = math.max(base - tolerance, earliest)
local wait = slot - now
-- A slot that needs no wait is always taken.
if wait > 0 and max_wait >= 0 and wait > max_wait then
  return {0, wait, paused}
end
tat = math.min(base + interval, now + far)
redis.call('HSET', KEYS[1], 'tat', string.format('%.0f', tat))
keep(math.max(tat, pause))
return {1, wait, paused}
";

/// Thirty years in microseconds, the longest duration sent to the script.
const FAR_MICROS: u64 = 946_080_000_000_000;

/// A [`RateLimitStore`] in Redis: give it to [`SharedLimits::new`](crate::SharedLimits::new).
///
/// It connects on first use (so building it needs no server), with the `redis` crate's
/// [`ConnectionManager`], which reconnects on its own after a failure. Its keys are
/// `slack-methods:rate:` followed by the [`StoreKey`] (the workspace, the method, a digest of
/// the channel), never a token. Any Redis 5 or later serves, Debian's own package included.
///
/// ```no_run
/// use slack_methods_runtime::{Client, RedisStore, SharedLimits, Token};
/// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let store = RedisStore::new("redis://:password@10.0.0.5:6379/0")?.prefix("my-app:rate:");
/// let client = Client::builder()
///     .token(Token::new("xoxb-...")?)
///     .shared_limits(SharedLimits::new(store))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
pub struct RedisStore {
    client: redis::Client,
    config: ConnectionManagerConfig,
    /// Made on first use, inside the runtime the calls run on.
    manager: Mutex<Option<ConnectionManager>>,
    script: redis::Script,
    prefix: String,
    /// Where the server is, for the logs (no password).
    address: String,
}

impl RedisStore {
    /// The default limit on opening a connection and on each reply, for the connection's own
    /// reconnects (calls wait at most [`SharedLimits::timeout`](crate::SharedLimits::timeout)).
    pub const DEFAULT_CONNECTION_TIMEOUT: Duration = Duration::from_secs(1);

    /// A store on the Redis server at `url` (`redis://[[user]:password@]host[:port][/db]`).
    /// Nothing is connected yet: a server that is down now is tried again on each use.
    ///
    /// TLS (`rediss://`) is not supported: reach Redis on a private network, or through a TLS
    /// tunnel (stunnel, a sidecar) that the store reaches with `redis://`.
    pub fn new(url: &str) -> Result<RedisStore, StoreError> {
        let scheme = url.trim_start().split_once("://").map(|(scheme, _)| scheme);
        if scheme
            .is_some_and(|s| s.eq_ignore_ascii_case("rediss") || s.eq_ignore_ascii_case("valkeys"))
        {
            return Err(StoreError::message(
                "TLS to Redis (rediss://) is not supported: reach Redis on a private network, \
                 or through a TLS tunnel (stunnel, a sidecar) with a redis:// URL",
            ));
        }
        let client = redis::Client::open(url)
            .map_err(|err| StoreError::new("the Redis URL cannot be used", err))?;
        Ok(RedisStore {
            address: address(&client),
            client,
            config: connection_config(Self::DEFAULT_CONNECTION_TIMEOUT),
            manager: Mutex::new(None),
            script: redis::Script::new(SCRIPT),
            prefix: "slack-methods:rate:".to_owned(),
        })
    }

    /// Puts `prefix` before every key instead of `slack-methods:rate:`, e.g. to keep two apps
    /// apart on one server.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// The limit on opening a connection and on each reply (1 s by default). Calls wait for
    /// the store at most [`SharedLimits::timeout`](crate::SharedLimits::timeout) whatever this
    /// says; this bounds the connection's own attempts to reconnect.
    pub fn connection_timeout(mut self, timeout: Duration) -> Self {
        self.config = connection_config(timeout);
        self
    }

    /// The connection, made on first use.
    fn connection(&self) -> Result<ConnectionManager, StoreError> {
        let mut slot = self.manager.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(manager) = slot.as_ref() {
            return Ok(manager.clone());
        }
        let manager =
            ConnectionManager::new_lazy_with_config(self.client.clone(), self.config.clone())
                .map_err(|err| StoreError::new("cannot set up the Redis connection", err))?;
        *slot = Some(manager.clone());
        Ok(manager)
    }

    async fn run(&self, key: &StoreKey, args: &[Arg]) -> Result<Admission, StoreError> {
        let name = format!("{}{}", self.prefix, key.as_str());
        let mut invocation = self.script.key(&name);
        for arg in args {
            match arg {
                Arg::Mode(mode) => invocation.arg(*mode),
                Arg::Micros(value) => invocation.arg(*value),
            };
        }
        let mut connection = self.connection()?;
        let reply: Vec<i64> = invocation
            .invoke_async(&mut connection)
            .await
            .map_err(|err| StoreError::new("the Redis rate-limit store failed", err))?;
        let [granted, wait, paused] = reply[..] else {
            return Err(StoreError::message(
                "the Redis rate-limit store answered something unexpected",
            ));
        };
        if granted == -1 {
            return Err(StoreError::for_key(
                "a Redis key of the rate-limit store holds what the store did not write",
                format!(
                    "the key {name} holds another kind of value, or instants no clock reaches: \
                     delete it, or give this app a prefix of its own (RedisStore::prefix)"
                ),
            ));
        }
        let micros = |value: i64| Duration::from_micros(u64::try_from(value).unwrap_or(0));
        Ok(Admission {
            granted: granted == 1,
            wait: micros(wait),
            paused: micros(paused),
        })
    }
}

/// One argument of the script.
enum Arg {
    Mode(&'static str),
    Micros(i64),
}

/// A duration in microseconds, at most thirty years.
fn micros(duration: Duration) -> Arg {
    let micros = u64::try_from(duration.as_micros())
        .unwrap_or(u64::MAX)
        .min(FAR_MICROS);
    Arg::Micros(i64::try_from(micros).unwrap_or(i64::MAX))
}

/// The longest wait accepted, or -1 for any.
fn max_wait(wait: Option<Duration>) -> Arg {
    wait.map_or(Arg::Micros(-1), micros)
}

fn connection_config(timeout: Duration) -> ConnectionManagerConfig {
    ConnectionManagerConfig::new()
        .set_connection_timeout(Some(timeout))
        .set_response_timeout(Some(timeout))
        // One retry per reconnect, soon: calls do not wait for it, and each use of a store that
        // is down starts a new reconnect.
        .set_number_of_retries(1)
        .set_min_delay(Duration::from_millis(50))
        .set_max_delay(timeout)
}

/// `host:port` of the client's server, for the logs.
fn address(client: &redis::Client) -> String {
    match client.get_connection_info().addr() {
        redis::ConnectionAddr::Tcp(host, port) => format!("redis {host}:{port}"),
        _ => "redis (local socket)".to_owned(),
    }
}

impl RateLimitStore for RedisStore {
    fn admit<'a>(&'a self, key: &'a StoreKey, request: StoreRequest) -> StoreFuture<'a, Admission> {
        Box::pin(async move {
            match request {
                StoreRequest::Reserve {
                    interval,
                    tolerance,
                    max_wait: limit,
                } => {
                    let args = [
                        Arg::Mode("reserve"),
                        max_wait(limit),
                        micros(interval),
                        micros(tolerance),
                    ];
                    self.run(key, &args).await
                }
                StoreRequest::Check { max_wait: limit } => {
                    self.run(key, &[Arg::Mode("check"), max_wait(limit)]).await
                }
            }
        })
    }

    fn pause<'a>(&'a self, key: &'a StoreKey, wait: Duration) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            self.run(key, &[Arg::Mode("pause"), micros(wait)])
                .await
                .map(|_| ())
        })
    }

    fn describe(&self) -> String {
        self.address.clone()
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_leaves_the_password_out() {
        let address_of = |url| address(&redis::Client::open(url).unwrap());
        assert_eq!(
            address_of("redis://:hunter2@10.0.0.5:6380/0"),
            "redis 10.0.0.5:6380"
        );
        // Redis's own port when the URL names none.
        assert_eq!(address_of("redis://user:hunter2@cache"), "redis cache:6379");
        let store = RedisStore::new("redis://:hunter2@127.0.0.1:6379/").unwrap();
        assert!(!format!("{store:?}").contains("hunter2"));
        assert!(!store.describe().contains("hunter2"));
        assert!(RedisStore::new("http://nope").is_err());
    }

    /// A `rediss://` URL is refused with what to do instead, not with a cargo feature this
    /// crate does not have.
    #[test]
    fn tls_urls_say_what_to_do() {
        for url in [
            "rediss://:hunter2@cache:6380/0",
            "REDISS://cache",
            "valkeys://cache",
        ] {
            let Err(err) = RedisStore::new(url) else {
                panic!("{url} was taken");
            };
            let mut text = err.to_string();
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                text.push_str(&cause.to_string());
                source = cause.source();
            }
            assert!(
                text.contains("not supported") && text.contains("tunnel"),
                "{text}"
            );
            assert!(
                !text.contains("feature") && !text.contains("hunter2"),
                "{text}"
            );
            assert!(!format!("{err:?}").contains("hunter2"));
        }
    }
}
