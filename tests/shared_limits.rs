//! Rate limits shared through Redis (cargo feature `redis`): clients with separate stores, as
//! separate processes would have, call through the emulator with Slack's tiers enforced at
//! scaled time. Together they keep to one allowance and use most of it; a 429 one of them meets
//! pauses all; with Redis killed they go on pacing alone, and pace together again once it is
//! back; a store that is down, silent or unreachable never holds a call up.
//!
//! The tests start their own `redis-server` on a free port on 127.0.0.1 (no persistence) and
//! stop it at the end. Without `redis-server` on the PATH, the tests that need it say so and
//! pass, unless `CI=true`, where they fail (`.ci/run` installs it). The tests of an unreachable
//! or silent store need no server and always run.
#![cfg(feature = "redis")]

use slack_methods::methods::{AuthTest, UsersProfileGet};
use slack_methods::{
    CallOptions, Client, Error, RateLimits, RedisStore, RetryPolicy, SharedLimits, StoreFailure,
    TeamId, Token,
};
use slack_methods_emulator::{Blackhole, Emulator, Fault, UserSpec};
use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

const USER: &str = "U0SHARED01";
const OTHER_USER: &str = "U0SHARED02";
const TOKEN: &str = "xoxp-shared-limits-MARKERc0ffee";
const OTHER_TOKEN: &str = "xoxp-shared-limits-second";
const GET: &str = "users.profile.get";
/// A minute lasts two seconds: Tier 4's 100 calls a minute become 50 a second.
const TIME_SCALE: f64 = 30.0;
const TIER4_PER_MINUTE: f64 = 100.0;

/// The paced runs take turns, so that each has the machine's two cores to itself.
static PACED: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

// ---------------------------------------------------------------------------------------------
// A redis-server of the test's own.

/// A `redis-server` on 127.0.0.1, stopped when dropped.
struct RedisServer {
    port: u16,
    child: Option<Child>,
}

impl RedisServer {
    /// Starts a server on a free port; `None` (after saying so) when `redis-server` is not
    /// installed, which fails the test under `CI=true`.
    fn start() -> Option<RedisServer> {
        if Command::new("redis-server")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_err()
        {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !ci,
                "redis-server is not installed, and CI=true requires the shared rate-limit tests \
                 (`apt-get install redis-server`; .ci/run does it)"
            );
            eprintln!(
                "skipping: redis-server is not installed (`apt-get install redis-server` runs \
                 the shared rate-limit tests)"
            );
            return None;
        }
        // A port just free may be taken before the server binds it: try a few.
        for _ in 0..5 {
            let port = free_port();
            let mut server = RedisServer { port, child: None };
            if server.launch() {
                return Some(server);
            }
        }
        panic!("redis-server did not start on any of 5 free ports");
    }

    /// Starts the server on its port; whether it answers PING within 10 s.
    fn launch(&mut self) -> bool {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string()])
            .args(["--bind", "127.0.0.1"])
            .args(["--save", ""])
            .args(["--appendonly", "no"])
            .args(["--loglevel", "warning"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts");
        self.child = Some(child);
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Some(child) = self.child.as_mut() {
                if child.try_wait().ok().flatten().is_some() {
                    self.child = None;
                    return false;
                }
            }
            if self.command(&["PING"]).is_some_and(|r| r == ["PONG"]) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.kill();
        false
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port, empty.
    fn restart(&mut self) {
        assert!(self.launch(), "redis-server did not start again");
    }

    /// One command over RESP; the reply's strings (an array's elements, or the one value).
    fn command(&self, args: &[&str]) -> Option<Vec<String>> {
        let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
        let mut request = format!("*{}\r\n", args.len());
        for arg in args {
            request.push_str(&format!("${}\r\n{arg}\r\n", arg.len()));
        }
        stream.write_all(request.as_bytes()).ok()?;
        let mut reader = BufReader::new(stream);
        let mut values = Vec::new();
        read_reply(&mut reader, &mut values)?;
        Some(values)
    }

    /// Every key the server holds.
    fn keys(&self) -> Vec<String> {
        let mut keys = self.command(&["KEYS", "*"]).expect("KEYS answers");
        keys.sort();
        keys
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Reads one RESP reply, pushing its strings and numbers.
fn read_reply(reader: &mut impl BufRead, values: &mut Vec<String>) -> Option<()> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let line = line.trim_end();
    let (kind, rest) = line.split_at_checked(1)?;
    match kind {
        "+" | ":" => values.push(rest.to_owned()),
        "-" => panic!("redis answered an error: {rest}"),
        "$" => {
            let len: i64 = rest.parse().ok()?;
            if len >= 0 {
                let mut bytes = vec![0; usize::try_from(len).ok()? + 2];
                reader.read_exact(&mut bytes).ok()?;
                bytes.truncate(bytes.len() - 2);
                values.push(String::from_utf8(bytes).ok()?);
            }
        }
        "*" => {
            let len: i64 = rest.parse().ok()?;
            for _ in 0..len.max(0) {
                read_reply(reader, values)?;
            }
        }
        _ => return None,
    }
    Some(())
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

// ---------------------------------------------------------------------------------------------
// The log, as a subscriber prints it.

/// Everything logged at INFO and above, by every test of this file.
fn log() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let writer = Arc::clone(&log);
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .with_writer(move || LogWriter(Arc::clone(&writer)))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        log
    })
}

struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The logged lines that hold every one of `parts`.
fn logged(parts: &[&str]) -> Vec<String> {
    let text = String::from_utf8_lossy(&log().lock().unwrap()).into_owned();
    text.lines()
        .filter(|line| parts.iter().all(|part| line.contains(part)))
        .map(str::to_owned)
        .collect()
}

/// The mark of the log lines of calls to `emu`: tests run side by side, and a port one of them
/// frees (a store that refuses connections) may be another's Redis a moment later, so a store's
/// address alone does not tell whose lines they are.
fn calls_to(emu: &Emulator) -> String {
    format!("server.port={}", emu.addr().port())
}

const FAILED: &str = "the shared rate-limit store failed";
const BACK: &str = "the shared rate-limit store is back";

// ---------------------------------------------------------------------------------------------
// Emulator and clients.

async fn emulator() -> Emulator {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(USER, "shared"));
    emu.add_user(UserSpec::new(OTHER_USER, "second"));
    emu.add_token(TOKEN, USER, &["users.profile:read"]);
    emu.add_token(OTHER_TOKEN, OTHER_USER, &["users.profile:read"]);
    emu
}

fn limits() -> RateLimits {
    RateLimits::slack_tiers().time_scale(TIME_SCALE)
}

/// A client as one replica would have it: its own connection to Redis.
fn replica(emu: &Emulator, shared: SharedLimits, token: &str) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(token).unwrap())
        .rate_limits(limits())
        .shared_limits(shared)
        .build()
        .unwrap()
}

fn store(redis: &RedisServer) -> SharedLimits {
    SharedLimits::new(RedisStore::new(&redis.url()).unwrap())
}

fn read() -> UsersProfileGet {
    UsersProfileGet::new()
}

/// When each request of `method` after the first arrived, counted from the first.
fn arrivals_after_first(emu: &Emulator, method: &str) -> Vec<Duration> {
    let log = emu.requests_for(method);
    let first = log[0].received;
    log[1..].iter().map(|r| r.received - first).collect()
}

/// `calls` concurrent calls through each client; the errors, and how long it all took.
async fn burst_through(clients: &[Client], calls: usize) -> (Vec<String>, Duration) {
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for client in clients {
        for _ in 0..calls {
            let client = client.clone();
            tasks.spawn(async move { client.call(&read()).await.map(|_| ()) });
        }
    }
    let mut errors = Vec::new();
    while let Some(done) = tasks.join_next().await {
        if let Err(err) = done.unwrap() {
            errors.push(err.to_string());
        }
    }
    (errors, started.elapsed())
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// Three replicas, each pacing with the full allowance: 429s. The same three through one Redis:
/// none, and at least 90% of the allowance used.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_keep_to_one_allowance_together() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let _turn = PACED.lock().await;
    let allowed = TIER4_PER_MINUTE * TIME_SCALE / 60.0;

    // Without a shared store each replica spends the whole allowance: Slack answers 429.
    let emu = emulator().await;
    emu.set_tier_limits(TIME_SCALE);
    let alone: Vec<Client> = (0..3)
        .map(|_| {
            Client::builder()
                .base_url(&emu.base_url())
                .token(Token::new(TOKEN).unwrap())
                .rate_limits(limits())
                .retry_policy(RetryPolicy::never())
                .build()
                .unwrap()
        })
        .collect();
    // 150 calls in about a second, where a window of two seconds allows 100.
    let (errors, _) = burst_through(&alone, 50).await;
    assert!(
        emu.rate_limited_responses() > 0 && !errors.is_empty(),
        "three replicas pacing alone were never refused"
    );
    emu.shutdown().await;

    let emu = emulator().await;
    emu.set_tier_limits(TIME_SCALE);
    let replicas: Vec<Client> = (0..3)
        .map(|_| replica(&emu, store(&redis), TOKEN))
        .collect();
    const CALLS: usize = 100;
    let (errors, elapsed) = burst_through(&replicas, CALLS).await;
    assert!(
        errors.is_empty(),
        "{} failed: {:?}",
        errors.len(),
        errors.first()
    );
    assert_eq!(
        emu.rate_limited_responses(),
        0,
        "the emulator had to send 429s"
    );
    assert_eq!(emu.requests_for(GET).len(), 3 * CALLS);
    let achieved = (3 * CALLS) as f64 / elapsed.as_secs_f64();
    let ratio = achieved / allowed;
    println!(
        "shared: {} calls in {:.2} s: {achieved:.1} calls/s against {allowed:.1} allowed \
         (ratio {ratio:.3})",
        3 * CALLS,
        elapsed.as_secs_f64()
    );
    assert!(
        (0.90..=1.0).contains(&ratio),
        "the replicas ran at {ratio:.3} of the allowed rate"
    );
    // The state lives in Redis under the token's digest (no workspace was given).
    let keys = redis.keys();
    assert!(
        keys.iter()
            .any(|k| k.starts_with("slack-methods:rate:t.") && k.ends_with(":users.profile.get")),
        "{keys:?}"
    );
}

/// A 429 one replica meets pauses the others, paced calls and unpaced ones, also those made
/// with another token of the same workspace.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_seen_by_one_replica_pauses_the_others() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let emu = emulator().await;
    let team = TeamId::new("T0SHARED1").unwrap();
    let in_workspace = |token: &str| {
        Client::builder()
            .base_url(&emu.base_url())
            .token(Token::new(token).unwrap())
            .rate_limits(limits())
            .shared_limits(store(&redis))
            .workspace(team.clone())
            .build()
            .unwrap()
    };
    let first = in_workspace(TOKEN);
    let second = in_workspace(TOKEN);
    let other_token = in_workspace(OTHER_TOKEN);

    emu.inject(GET, Fault::rate_limited(1), 1);
    let refused = first
        .call_with(
            &read(),
            &CallOptions::new().retry_policy(RetryPolicy::never()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused,
            Error::RateLimited {
                status: Some(429),
                ..
            }
        ),
        "{refused:?}"
    );
    let (get, unpaced) = (read(), CallOptions::new().paced(false));
    let (paced, unpaced) = tokio::join!(second.call(&get), other_token.call_with(&get, &unpaced),);
    paced.unwrap();
    unpaced.unwrap();
    let after = arrivals_after_first(&emu, GET);
    assert_eq!(after.len(), 2);
    for (i, after) in after.iter().enumerate() {
        assert!(
            *after >= Duration::from_secs(1),
            "request {} arrived {after:?} after the 429, inside its 1 s pause",
            i + 1
        );
    }
    // One limit for the workspace: its id names it, and no token does.
    let keys = redis.keys();
    assert_eq!(keys, ["slack-methods:rate:T0SHARED1:users.profile.get"]);
}

/// Redis killed while three replicas call: calls go on, paced in each process (a third of the
/// allowance each, as configured), each store says so once; Redis back: each says so once, and
/// a 429 met by one replica pauses the others again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_killed_mid_run_then_back() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    log();
    let _turn = PACED.lock().await;
    let emu = emulator().await;
    emu.set_tier_limits(TIME_SCALE);
    let shared = || {
        store(&redis)
            .retry_after(Duration::from_millis(250))
            .fallback(limits().share(1.0 / 3.0))
    };
    let replicas: Vec<Client> = (0..3).map(|_| replica(&emu, shared(), TOKEN)).collect();
    let address = format!("127.0.0.1:{}", redis.port);
    let ours = calls_to(&emu);

    // Every replica calls, 4 at a time, until told to stop.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let finished = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for client in &replicas {
        for _ in 0..4 {
            let (client, stop, finished) = (client.clone(), stop.clone(), finished.clone());
            tasks.spawn(async move {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let result = client.call(&read()).await.map(|_| ());
                    finished.lock().unwrap().push((started.elapsed(), result));
                }
            });
        }
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let killed = started.elapsed();
    redis.kill();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let restarted = started.elapsed();
    redis.restart();
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    while let Some(done) = tasks.join_next().await {
        done.unwrap();
    }

    let finished = std::mem::take(&mut *finished.lock().unwrap());
    let failed: Vec<_> = finished.iter().filter(|(_, r)| r.is_err()).collect();
    assert!(failed.is_empty(), "calls failed: {failed:?}");
    let during = finished
        .iter()
        .filter(|(at, _)| *at > killed + Duration::from_millis(500) && *at < restarted)
        .count();
    // About 46 calls a second between the three; the outage lasts 2.5 s after the first 0.5.
    assert!(
        during >= 20,
        "only {during} calls went while Redis was down"
    );
    assert_eq!(
        logged(&[FAILED, &address, "WARN", &ours]).len(),
        3,
        "each store says it is unreachable, once: {:?}",
        logged(&[&address, &ours])
    );
    assert_eq!(
        logged(&[BACK, &address, "INFO", &ours]).len(),
        3,
        "each store says it is back, once: {:?}",
        logged(&[&address, &ours])
    );

    assert!(logged(&["MARKER"]).is_empty(), "a token reached the log");

    // Shared again: a 429 one replica meets holds the other two.
    emu.disable_tier_limits();
    emu.clear_requests();
    emu.inject(GET, Fault::rate_limited(1), 1);
    let refused = replicas[0]
        .call_with(
            &read(),
            &CallOptions::new().retry_policy(RetryPolicy::never()),
        )
        .await;
    assert!(refused.is_err());
    let get = read();
    let (one, two) = tokio::join!(replicas[1].call(&get), replicas[2].call(&get));
    one.unwrap();
    two.unwrap();
    for after in arrivals_after_first(&emu, GET) {
        assert!(
            after >= Duration::from_secs(1),
            "a call went {after:?} after the 429"
        );
    }
    assert!(redis
        .keys()
        .iter()
        .any(|k| k.ends_with(":users.profile.get")));
}

/// A store that refuses connections, one whose handshake never completes, and one that accepts
/// and never answers: calls go on, paced in the process, each waiting at most about the store's
/// timeout; the log says so once per store.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_or_silent_store_never_holds_a_call() {
    log();
    let emu = emulator().await;
    let refusing = free_port();
    let hole = Blackhole::start().await.unwrap();
    let silent = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .await
        .unwrap();
    let silent_port = silent.local_addr().unwrap().port();
    let held = tokio::spawn(async move {
        let mut kept = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            kept.push(socket);
        }
    });
    for port in [refusing, hole.addr().port(), silent_port] {
        let url = format!("redis://127.0.0.1:{port}/");
        let shared =
            SharedLimits::new(RedisStore::new(&url).unwrap()).timeout(Duration::from_millis(100));
        let client = replica(&emu, shared, TOKEN);
        let started = Instant::now();
        for _ in 0..5 {
            client.call(&read()).await.unwrap();
        }
        // Five calls, of which the first waits for the store; the others go without asking
        // it (it is left alone for a second). Generous for a loaded machine.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "port {port}: {:?}",
            started.elapsed()
        );
        assert_eq!(
            logged(&[FAILED, &format!("127.0.0.1:{port}"), &calls_to(&emu)]).len(),
            1,
            "port {port}"
        );
    }
    held.abort();
    assert!(logged(&["MARKER"]).is_empty(), "a token reached the log");
}

/// A store that answers but refuses the client (it wants a password the URL lacks) is not said
/// to be unreachable: the error says the store failed, and its cause says why.
#[tokio::test]
async fn a_store_that_refuses_the_client_is_not_called_unreachable() {
    let Some(server) = RedisServer::start() else {
        return;
    };
    assert_eq!(
        server.command(&["CONFIG", "SET", "requirepass", "sesame"]),
        Some(vec![String::from("OK")])
    );
    let emu = emulator().await;
    let shared =
        SharedLimits::new(RedisStore::new(&server.url()).unwrap()).on_failure(StoreFailure::Fail);
    let client = replica(&emu, shared, TOKEN);
    let err = client.call(&read()).await.unwrap_err();
    assert!(matches!(err, Error::RateLimitStore { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "users.profile.get: not sent: the shared rate-limit store failed"
    );
    let mut chain = String::new();
    let mut cause = std::error::Error::source(&err);
    while let Some(inner) = cause {
        chain.push_str(&format!("{inner}\n"));
        cause = inner.source();
    }
    assert!(
        chain.contains("NOAUTH") || chain.to_lowercase().contains("auth"),
        "{chain}"
    );
    assert!(!chain.contains("sesame"), "{chain}");
    assert!(emu.requests_for(GET).is_empty(), "a call was sent");
}

/// Set to fail: a call while the store cannot be reached fails at once, unsent, with an error
/// that says why.
#[tokio::test]
async fn a_store_set_to_fail_fails_calls_unsent() {
    let emu = emulator().await;
    let url = format!("redis://127.0.0.1:{}/", free_port());
    let shared = SharedLimits::new(RedisStore::new(&url).unwrap()).on_failure(StoreFailure::Fail);
    let client = replica(&emu, shared, TOKEN);
    for _ in 0..2 {
        let err = client.call(&read()).await.unwrap_err();
        assert!(matches!(err, Error::RateLimitStore { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "users.profile.get: not sent: the shared rate-limit store failed"
        );
        assert!(std::error::Error::source(&err).is_some());
        assert!(!format!("{err:?}").contains(TOKEN));
    }
    assert!(emu.requests_for(GET).is_empty(), "a call was sent");
}

/// Learned from `auth.test`: one call per token, however many calls wait for it; both tokens
/// then count against their workspace, in the process and in Redis, under its id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_workspace_is_learned_once_per_token() {
    let redis = RedisServer::start();
    let emu = emulator().await;
    let mut builder = Client::builder()
        .base_url(&emu.base_url())
        .rate_limits(limits())
        .learn_workspace(AuthTest, |me| Some(me.team_id.clone()));
    if let Some(redis) = &redis {
        builder = builder.shared_limits(store(redis));
    }
    let client = builder.build().unwrap();
    let tokens = [Token::new(TOKEN).unwrap(), Token::new(OTHER_TOKEN).unwrap()];
    let mut calls = tokio::task::JoinSet::new();
    for token in &tokens {
        for _ in 0..5 {
            let (client, token) = (client.clone(), token.clone());
            calls.spawn(async move { client.call_with_token(&read(), &token).await.map(|_| ()) });
        }
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap().unwrap();
    }
    assert_eq!(
        emu.requests_for("auth.test").len(),
        2,
        "one auth.test per token"
    );
    let team = TeamId::new(emu.team_id()).unwrap();
    for token in &tokens {
        assert_eq!(
            client.rate_limiter().workspace_of(token),
            Some(team.clone())
        );
    }
    if let Some(redis) = &redis {
        let keys = redis.keys();
        let get = format!("slack-methods:rate:{team}:users.profile.get");
        assert!(keys.contains(&get), "{keys:?}");
        // auth.test itself went before the workspace was known: counted by token digest.
        assert!(
            keys.iter()
                .all(|k| k == &get || k.contains(":t.") && k.ends_with(":auth.test")),
            "{keys:?}"
        );
        for key in &keys {
            assert!(!key.contains("xoxp") && !key.contains("MARKER"), "{key}");
        }
    }
}

/// A limit's key holding what the store did not write (a string someone else set there, a
/// number no clock reaches): only that limit's calls go without the store, with a warning that
/// names the key and says what to do; every other limit stays shared, and the store is not
/// said to be unreachable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_value_at_one_key_leaves_the_others_shared() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    log();
    let emu = emulator().await;
    let address = format!("127.0.0.1:{}", redis.port);
    let foreign = "slack-methods:rate:T0FOREIGN:users.profile.get";
    let endless = "slack-methods:rate:T0ENDLESS:users.profile.get";
    assert_eq!(
        redis.command(&["SET", foreign, "someone else's"]),
        Some(vec!["OK".to_owned()])
    );
    assert!(redis.command(&["HSET", endless, "tat", "inf"]).is_some());
    let in_workspace = |team: &str, failure: StoreFailure| {
        Client::builder()
            .base_url(&emu.base_url())
            .token(Token::new(TOKEN).unwrap())
            .rate_limits(limits())
            .shared_limits(store(&redis).on_failure(failure))
            .workspace(TeamId::new(team).unwrap())
            .build()
            .unwrap()
    };

    for (team, key) in [("T0FOREIGN", foreign), ("T0ENDLESS", endless)] {
        // Set to fail: that limit's calls fail, unsent, saying which key and what to do...
        let failing = in_workspace(team, StoreFailure::Fail);
        let err = failing.call(&read()).await.unwrap_err();
        assert!(matches!(err, Error::RateLimitStore { .. }), "{err:?}");
        let mut causes = String::new();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            causes.push_str(&format!("{cause}; "));
            source = cause.source();
        }
        assert!(
            causes.contains(key) && causes.contains("delete"),
            "{causes}"
        );
        // ... and the others go on, shared.
        failing.call(&AuthTest).await.unwrap();
        let auth = format!("slack-methods:rate:{team}:auth.test");
        assert!(redis.keys().contains(&auth), "{:?}", redis.keys());

        // Falling back: that limit's calls are paced in the process.
        let falling_back = in_workspace(team, StoreFailure::Fallback);
        for _ in 0..3 {
            falling_back.call(&read()).await.unwrap();
            falling_back.call(&AuthTest).await.unwrap();
        }
        assert_eq!(
            logged(&[key, "WARN", &address, &calls_to(&emu)]).len(),
            2,
            "one warning per limiter: {:?}",
            logged(&[&address])
        );
    }
    assert!(
        logged(&[FAILED, &address, &calls_to(&emu)]).is_empty(),
        "the store was said to be unreachable: {:?}",
        logged(&[&address])
    );
    // The keys are left as they were: they are not this store's to remove.
    assert_eq!(
        redis.command(&["GET", foreign]),
        Some(vec!["someone else's".to_owned()])
    );
}
