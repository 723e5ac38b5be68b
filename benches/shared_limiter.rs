//! The per-call cost of keeping rate limits in Redis, against the in-process limiter, same run.
//!
//! `cargo bench --bench shared_limiter --features redis`
//!
//! Starts a `redis-server` of its own on a free port of 127.0.0.1 (without `redis-server`, says
//! so and exits). One (token, method) pair limited so high that no call waits, so what is
//! measured is the limiter's own work: for each way, `CALLS` calls one after another (the
//! latency a call pays) and the same number from 64 tasks at once (the throughput of one
//! process), in rounds whose order rotates. Figures: wall time per call, this process's CPU
//! time per call, and the Redis server's CPU time per call, medians over the rounds, and their
//! ratios to the in-process limiter.

use slack_methods::{
    RateLimitTier, RateLimiter, RateLimits, RedisStore, SharedLimits, StoreFailure, Token,
};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CALLS: usize = 20_000;
const TASKS: usize = 64;
const ROUNDS: usize = 5;
const METHOD: &str = "bench.method";

fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// The CPU time of process `pid` (user and system), from `/proc`.
fn process_cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which ends with ')'): utime is the 12th, stime the 13th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Duration::from_secs_f64((ticks(11) + ticks(12)) as f64 / hz as f64)
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_redis() -> Option<Server> {
    let port = free_port();
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no", "--loglevel", "warning"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = Server { child, port };
    let started = Instant::now();
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "redis-server did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(server)
}

#[derive(Clone, Copy)]
struct Cost {
    wall: f64,
    cpu: f64,
    server: f64,
}

/// `CALLS` calls through `limiter`, one after another or from `TASKS` tasks; the cost per call
/// in microseconds.
fn run(
    runtime: &tokio::runtime::Runtime,
    limiter: &Arc<RateLimiter>,
    token: &Token,
    server: u32,
    concurrent: bool,
) -> Cost {
    let (cpu, server_cpu, start) = (cpu_time(), process_cpu(server), Instant::now());
    runtime.block_on(async {
        if concurrent {
            let mut tasks = tokio::task::JoinSet::new();
            for _ in 0..TASKS {
                let (limiter, token) = (Arc::clone(limiter), token.clone());
                tasks.spawn(async move {
                    for _ in 0..CALLS / TASKS {
                        let admitted = limiter.acquire(&token, METHOD, RateLimitTier::Unknown);
                        admitted.await.expect("admitted");
                    }
                });
            }
            while tasks.join_next().await.is_some() {}
        } else {
            for _ in 0..CALLS {
                let admitted = limiter.acquire(token, METHOD, RateLimitTier::Unknown);
                admitted.await.expect("admitted");
            }
        }
    });
    let per_call = |d: Duration| d.as_secs_f64() * 1e6 / CALLS as f64;
    Cost {
        wall: per_call(start.elapsed()),
        cpu: per_call(cpu_time() - cpu),
        server: per_call(process_cpu(server) - server_cpu),
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo test --benches` runs each bench once without `--bench`: nothing to do then.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    let Some(redis) = start_redis() else {
        println!(
            "redis-server is not installed: nothing measured (`apt-get install redis-server`)"
        );
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    // So high a limit that no call waits: the limiter's own work is what is measured.
    let limits = || RateLimits::slack_tiers().method(METHOD, 1_000_000_000);
    let token = Token::new("xoxb-bench-shared").expect("a token");
    let url = format!("redis://127.0.0.1:{}/", redis.port);
    let unreachable = format!("redis://127.0.0.1:{}/", free_port());
    let ways: Vec<(&str, Arc<RateLimiter>)> = vec![
        ("in-process", Arc::new(RateLimiter::new(limits()))),
        (
            "Redis",
            Arc::new(RateLimiter::shared(
                limits(),
                SharedLimits::new(RedisStore::new(&url).expect("a URL")),
            )),
        ),
        (
            "Redis down (fallback)",
            Arc::new(RateLimiter::shared(
                limits(),
                SharedLimits::new(RedisStore::new(&unreachable).expect("a URL"))
                    .retry_after(Duration::from_secs(3600))
                    .on_failure(StoreFailure::Fallback),
            )),
        ),
    ];
    // Warm up: connections, the script cache, the fallback's first failure.
    for (_, limiter) in &ways {
        runtime.block_on(async {
            for _ in 0..100 {
                let _ = limiter
                    .acquire(&token, METHOD, RateLimitTier::Unknown)
                    .await;
            }
        });
    }
    let server = redis.child.id();
    println!(
        "{CALLS} calls per way and round, {ROUNDS} rounds in rotating order; sequential, then \
         from {TASKS} tasks; µs per call (medians)"
    );
    for concurrent in [false, true] {
        let mut costs: Vec<Vec<Cost>> = vec![Vec::new(); ways.len()];
        for round in 0..ROUNDS {
            for i in 0..ways.len() {
                let way = (i + round) % ways.len();
                costs[way].push(run(&runtime, &ways[way].1, &token, server, concurrent));
            }
        }
        let summary: Vec<Cost> = costs
            .iter()
            .map(|runs| Cost {
                wall: median(runs.iter().map(|c| c.wall).collect()),
                cpu: median(runs.iter().map(|c| c.cpu).collect()),
                server: median(runs.iter().map(|c| c.server).collect()),
            })
            .collect();
        let base = summary[0];
        println!(
            "\n{}:",
            if concurrent {
                "from 64 tasks at once"
            } else {
                "one after another"
            }
        );
        println!(
            "{:>24} {:>10} {:>8} {:>10} {:>8} {:>12}",
            "way", "wall µs", "ratio", "CPU µs", "ratio", "server CPU µs"
        );
        for ((name, _), cost) in ways.iter().zip(&summary) {
            println!(
                "{name:>24} {:>10.2} {:>8.1} {:>10.2} {:>8.1} {:>12.2}",
                cost.wall,
                cost.wall / base.wall,
                cost.cpu,
                cost.cpu / base.cpu,
                cost.server,
            );
        }
    }
}
