//! End to end: users.profile.set over loopback HTTP/1.1, through the project's [`Client`] and
//! through plain reqwest (the floor), in the same run, interleaved.
//!
//! A minimal responder (hand-written HTTP/1.1 on tokio, keep-alive, one fixed success body) runs
//! on its own thread with its own current-thread runtime. The clients run on the main thread's
//! current-thread runtime. Client CPU is the process CPU clock minus the responder thread's CPU
//! clock (`pthread_getcpuclockid`), so it holds everything the client side did on any thread.
//!
//! ```text
//! cargo bench --bench e2e                         # defaults: 15000 calls x 7 repetitions, 20 to 60 s
//! E2E_CALLS=20000 E2E_REPS=7 cargo bench --bench e2e
//! ```
//!
//! - slack-methods: `Client` with `RateLimits::off()` and `RetryPolicy::never()`, calling
//!   `client.call(&UsersProfileSet::profile(..))`: validation, encoding, request building,
//!   sending, reading the body, envelope and data parsing, all per call.
//! - floor: one `reqwest::Client` (reqwest 0.13, rustls with ring, HTTP/1.1 here), a form body and
//!   a bearer header built once, and per call: send, read the body, `serde_json::from_slice` into
//!   `UsersProfileSetResponse`.

mod support;

use http::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use slack_methods::methods::{UsersProfileSet, UsersProfileSetResponse};
use slack_methods::{encode_params, Client, RateLimits, RetryPolicy, Token, USER_AGENT};
use std::net::SocketAddr;
use std::os::unix::thread::JoinHandleExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::Counting;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[global_allocator]
static ALLOC: Counting = Counting;

/// The concurrency levels measured, unless `E2E_CONC` names others (`E2E_CONC=1,8`).
const CONCURRENCY: [usize; 2] = [1, 32];
const PATH: &str = "/api/users.profile.set";
/// What every request must start with.
const REQUEST_LINE: &[u8] = b"POST /api/users.profile.set HTTP/1.1\r\n";

// ---------------------------------------------------------------------------------------------
// CPU clocks and memory

fn clock_now(clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id comes from the OS.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The CPU clock of another thread of this process.
fn thread_clock(thread: libc::pthread_t) -> libc::clockid_t {
    let mut clock: libc::clockid_t = 0;
    // SAFETY: `thread` is a live thread of this process (the responder never exits).
    let rc = unsafe { libc::pthread_getcpuclockid(thread, &mut clock) };
    assert_eq!(rc, 0, "pthread_getcpuclockid failed");
    clock
}

/// A `VmHWM`/`VmRSS`-style line of /proc/self/status, in KiB.
fn proc_status_kib(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

// ---------------------------------------------------------------------------------------------
// The responder

struct Responder {
    addr: SocketAddr,
    clock: libc::clockid_t,
    served: Arc<AtomicUsize>,
    unexpected: Arc<AtomicUsize>,
    // Kept so the thread handle (and its clock) stays valid; the thread runs until exit.
    _thread: std::thread::JoinHandle<()>,
}

fn response_bytes() -> &'static [u8] {
    let body = support::SUCCESS_BODY;
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\n\
         x-oauth-scopes: users.profile:read,users.profile:write,users:read\r\n\
         x-accepted-oauth-scopes: users.profile:write\r\n\r\n",
        body.len()
    );
    Box::leak((head + body).into_bytes().into_boxed_slice())
}

fn start_responder() -> Responder {
    let served = Arc::new(AtomicUsize::new(0));
    let unexpected = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = std::sync::mpsc::channel();
    let counters = (served.clone(), unexpected.clone());
    let thread = std::thread::Builder::new()
        .name("responder".into())
        .spawn(move || {
            support::stop_counting_this_thread();
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
                .expect("responder runtime");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
                tx.send(listener.local_addr().expect("local addr"))
                    .expect("send addr");
                let response = response_bytes();
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let (served, unexpected) = (counters.0.clone(), counters.1.clone());
                    tokio::spawn(async move {
                        let _ = serve(stream, response, &served, &unexpected).await;
                    });
                }
            });
        })
        .expect("spawn responder");
    let addr = rx.recv().expect("responder address");
    Responder {
        addr,
        clock: thread_clock(thread.as_pthread_t()),
        served,
        unexpected,
        _thread: thread,
    }
}

fn header_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

fn content_length(head: &[u8]) -> usize {
    const NAME: &[u8] = b"content-length:";
    head.split(|&b| b == b'\n')
        .find(|line| line.len() > NAME.len() && line[..NAME.len()].eq_ignore_ascii_case(NAME))
        .and_then(|line| std::str::from_utf8(&line[NAME.len()..]).ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Answers every request on one keep-alive connection with `response`.
async fn serve(
    mut stream: TcpStream,
    response: &[u8],
    served: &AtomicUsize,
    unexpected: &AtomicUsize,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf = vec![0u8; 16 * 1024];
    let mut filled = 0;
    loop {
        let (end, total) = loop {
            if let Some(end) = header_end(&buf[..filled]) {
                break (end, end + content_length(&buf[..end]));
            }
            if filled == buf.len() {
                buf.resize(buf.len() * 2, 0);
            }
            let n = stream.read(&mut buf[filled..]).await?;
            if n == 0 {
                return Ok(());
            }
            filled += n;
        };
        while filled < total {
            if total > buf.len() {
                buf.resize(total, 0);
            }
            let n = stream.read(&mut buf[filled..]).await?;
            if n == 0 {
                return Ok(());
            }
            filled += n;
        }
        let request_line_ok = buf[..end].starts_with(REQUEST_LINE);
        if !request_line_ok || total == end {
            unexpected.fetch_add(1, Ordering::Relaxed);
        }
        stream.write_all(response).await?;
        served.fetch_add(1, Ordering::Relaxed);
        buf.copy_within(total..filled, 0);
        filled -= total;
    }
}

// ---------------------------------------------------------------------------------------------
// The two clients

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Ours,
    Floor,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Ours => "slack-methods",
            Kind::Floor => "reqwest floor",
        }
    }
}

#[derive(Clone)]
struct Floor {
    http: reqwest::Client,
    url: reqwest::Url,
    authorization: HeaderValue,
    body: &'static [u8],
}

impl Floor {
    async fn call(&self) -> Result<UsersProfileSetResponse, Box<dyn std::error::Error>> {
        let response = self
            .http
            .post(self.url.clone())
            .header(AUTHORIZATION, self.authorization.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            )
            .body(self.body)
            .send()
            .await?;
        if !response.status().is_success() {
            return Err(format!("status {}", response.status()).into());
        }
        let body = response.bytes().await?;
        Ok(serde_json::from_slice(&body)?)
    }
}

#[derive(Clone)]
struct Clients {
    ours: Client,
    floor: Floor,
    set: Arc<UsersProfileSet>,
}

impl Clients {
    async fn call(&self, kind: Kind) {
        match kind {
            Kind::Ours => {
                let answer = self
                    .ours
                    .call(&*self.set)
                    .await
                    .expect("slack-methods call");
                assert_eq!(answer.username, "jane");
            }
            Kind::Floor => {
                let answer = self.floor.call().await.expect("floor call");
                assert_eq!(answer.username, "jane");
            }
        }
    }
}

fn build_clients(addr: SocketAddr) -> Clients {
    let token = Token::new(support::TOKEN).expect("a valid token");
    let ours = Client::builder()
        .token(token)
        .base_url(&format!("http://{addr}/api/"))
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("slack-methods client");
    let set = support::profile_request();
    let body = encode_params(&set).expect("the request encodes");
    let mut authorization =
        HeaderValue::try_from(format!("Bearer {}", support::TOKEN)).expect("header value");
    authorization.set_sensitive(true);
    let floor = Floor {
        http: reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .expect("reqwest client"),
        url: reqwest::Url::parse(&format!("http://{addr}{PATH}")).expect("url"),
        authorization,
        body: Box::leak(body.into_bytes().into_boxed_slice()),
    };
    Clients {
        ours,
        floor,
        set: Arc::new(set),
    }
}

// ---------------------------------------------------------------------------------------------
// Measuring

#[derive(Clone, Debug)]
struct Sample {
    requests_per_s: f64,
    p50_us: f64,
    p99_us: f64,
    cpu_us_per_call: f64,
    allocs_per_call: f64,
    peak_heap_kib: f64,
}

async fn drive(clients: &Clients, kind: Kind, concurrency: usize, calls: usize) -> Vec<Duration> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let clients = clients.clone();
        let next = next.clone();
        tasks.spawn(async move {
            let mut latencies = Vec::with_capacity(calls / concurrency + 1);
            while next.fetch_add(1, Ordering::Relaxed) < calls {
                let start = Instant::now();
                clients.call(kind).await;
                latencies.push(start.elapsed());
            }
            latencies
        });
    }
    let mut all = Vec::with_capacity(calls);
    while let Some(done) = tasks.join_next().await {
        all.extend(done.expect("a driver task"));
    }
    all
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn measure(
    runtime: &tokio::runtime::Runtime,
    responder: &Responder,
    clients: &Clients,
    kind: Kind,
    concurrency: usize,
    calls: usize,
) -> Sample {
    let live_before = support::live_bytes();
    support::reset_peak();
    let allocs_before = support::alloc_snapshot();
    let process_before = clock_now(libc::CLOCK_PROCESS_CPUTIME_ID);
    let responder_before = clock_now(responder.clock);
    let wall = Instant::now();
    let mut latencies = runtime.block_on(drive(clients, kind, concurrency, calls));
    let elapsed = wall.elapsed();
    let responder_cpu = clock_now(responder.clock) - responder_before;
    let process_cpu = clock_now(libc::CLOCK_PROCESS_CPUTIME_ID) - process_before;
    let allocs = support::alloc_snapshot().allocs - allocs_before.allocs;
    let peak = support::peak_live_bytes() - live_before;
    latencies.sort_unstable();
    let client_cpu = process_cpu.saturating_sub(responder_cpu);
    Sample {
        requests_per_s: calls as f64 / elapsed.as_secs_f64(),
        p50_us: percentile(&latencies, 0.50).as_secs_f64() * 1e6,
        p99_us: percentile(&latencies, 0.99).as_secs_f64() * 1e6,
        cpu_us_per_call: client_cpu.as_secs_f64() * 1e6 / calls as f64,
        allocs_per_call: allocs as f64 / calls as f64,
        peak_heap_kib: peak as f64 / 1024.0,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&v| v > 0)
        .unwrap_or(default)
}

fn main() {
    // `cargo test --benches` runs bench targets with no `--bench` flag: do nothing slow there.
    if !std::env::args().any(|a| a == "--bench") {
        println!("e2e: run with `cargo bench --bench e2e`");
        return;
    }
    let calls = env_usize("E2E_CALLS", 15000);
    // For profiling one side alone: E2E_ONLY=ours or E2E_ONLY=floor.
    let only = std::env::var("E2E_ONLY").ok();
    let wanted = |kind: Kind| match only.as_deref() {
        Some("ours") => kind == Kind::Ours,
        Some("floor") => kind == Kind::Floor,
        _ => true,
    };
    let reps = env_usize("E2E_REPS", 7);
    let warmup = (calls / 10).max(200);
    let levels: Vec<usize> = std::env::var("E2E_CONC")
        .ok()
        .map(|v| v.split(',').filter_map(|c| c.trim().parse().ok()).collect())
        .filter(|l: &Vec<usize>| !l.is_empty() && !l.contains(&0))
        .unwrap_or_else(|| CONCURRENCY.to_vec());

    // Both clients use rustls with the ring provider (unused on plain-http loopback).
    let _ = rustls::crypto::ring::default_provider().install_default();
    let responder = start_responder();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    let clients = build_clients(responder.addr);

    let started = Instant::now();
    for &concurrency in &levels {
        for kind in [Kind::Ours, Kind::Floor].into_iter().filter(|k| wanted(*k)) {
            measure(&runtime, &responder, &clients, kind, concurrency, warmup);
        }
    }
    let mut samples: Vec<(usize, Kind, Sample)> = Vec::new();
    for rep in 0..reps {
        for &concurrency in &levels {
            let order = if rep % 2 == 0 {
                [Kind::Ours, Kind::Floor]
            } else {
                [Kind::Floor, Kind::Ours]
            };
            for kind in order.into_iter().filter(|k| wanted(*k)) {
                let sample = measure(&runtime, &responder, &clients, kind, concurrency, calls);
                samples.push((concurrency, kind, sample));
            }
        }
    }
    let total = started.elapsed();
    let unexpected = responder.unexpected.load(Ordering::Relaxed);
    assert_eq!(
        unexpected, 0,
        "the responder saw {unexpected} unexpected requests"
    );

    println!(
        "users.profile.set end to end over loopback HTTP/1.1: {calls} calls per run, {reps} \
         interleaved repetitions, {} requests served in {:.1} s",
        responder.served.load(Ordering::Relaxed),
        total.as_secs_f64()
    );
    println!(
        "medians over the repetitions; ratio = median of the per-repetition ratios ours/floor\n"
    );
    println!(
        "{:>4}  {:<16} {:>10} {:>9} {:>9} {:>12} {:>12} {:>15}",
        "conc",
        "client",
        "req/s",
        "p50 µs",
        "p99 µs",
        "CPU µs/call",
        "allocs/call",
        "peak heap KiB"
    );
    for &concurrency in &levels {
        let of = |kind: Kind| -> Vec<&Sample> {
            samples
                .iter()
                .filter(|(c, k, _)| *c == concurrency && *k == kind)
                .map(|(_, _, s)| s)
                .collect()
        };
        let (ours, floor) = (of(Kind::Ours), of(Kind::Floor));
        let field = |s: &[&Sample], f: fn(&Sample) -> f64| median(s.iter().map(|x| f(x)).collect());
        let ratio = |f: fn(&Sample) -> f64| {
            median(ours.iter().zip(&floor).map(|(o, l)| f(o) / f(l)).collect())
        };
        let metrics: [fn(&Sample) -> f64; 6] = [
            |s| s.requests_per_s,
            |s| s.p50_us,
            |s| s.p99_us,
            |s| s.cpu_us_per_call,
            |s| s.allocs_per_call,
            |s| s.peak_heap_kib,
        ];
        for (kind, set) in [(Kind::Ours, &ours), (Kind::Floor, &floor)] {
            if set.is_empty() {
                continue;
            }
            let v: Vec<f64> = metrics.iter().map(|m| field(set, *m)).collect();
            println!(
                "{concurrency:>4}  {:<16} {:>10.0} {:>9.1} {:>9.1} {:>12.2} {:>12.1} {:>15.1}",
                kind.label(),
                v[0],
                v[1],
                v[2],
                v[3],
                v[4],
                v[5]
            );
        }
        if ours.is_empty() || floor.is_empty() {
            continue;
        }
        let r: Vec<f64> = metrics.iter().map(|m| ratio(*m)).collect();
        println!(
            "{concurrency:>4}  {:<16} {:>10.3} {:>9.3} {:>9.3} {:>12.3} {:>12.2} {:>15.2}",
            "ratio ours/floor", r[0], r[1], r[2], r[3], r[4], r[5]
        );
        let cpu: Vec<String> = ours
            .iter()
            .zip(&floor)
            .map(|(o, l)| format!("{:.3}", o.cpu_us_per_call / l.cpu_us_per_call))
            .collect();
        println!("      CPU ratio per repetition: {}\n", cpu.join(" "));
    }
    println!(
        "process peak RSS (VmHWM): {} KiB; RSS now: {} KiB (both clients and the responder)",
        proc_status_kib("VmHWM:").unwrap_or(0),
        proc_status_kib("VmRSS:").unwrap_or(0)
    );
}
