//! The rate limiter under many waiters: this crate's reservation limiter against `governor`
//! (the well-kept crate the project would otherwise use), same rate, same waiters, same run.
//!
//! `cargo bench --bench limiter`
//!
//! N tasks all want a permit at once from one (token, method) limiter running at R permits a
//! second. A reservation limiter computes each waiter's slot once and sleeps until it;
//! `governor::RateLimiter::until_ready` re-checks on wake-up, so waiters that lose the race
//! sleep again. The figures are the process CPU time spent per permit and the rate achieved.

use governor::{Quota, RateLimiter as Governor};
use slack_methods::{RateLimitTier, RateLimiter, RateLimits, Token};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

const WAITERS: usize = 1000;
const PER_SECOND: u32 = 500;

fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

struct Run {
    wall: Duration,
    cpu: Duration,
}

fn measure<F, Fut>(runtime: &tokio::runtime::Runtime, make: F) -> Run
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    runtime.block_on(async {
        let cpu = cpu_time();
        let start = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..WAITERS {
            tasks.spawn(make());
        }
        while tasks.join_next().await.is_some() {}
        Run {
            wall: start.elapsed(),
            cpu: cpu_time() - cpu,
        }
    })
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let token = Token::new("xoxb-bench").expect("a token");
    println!("{WAITERS} waiters, {PER_SECOND} permits/s, 3 rounds each, interleaved");
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for _ in 0..3 {
        // Ours: a method limited to PER_SECOND × 60 a minute, no headroom, burst 1, so both
        // limiters run at the same rate.
        let limits = RateLimits::slack_tiers()
            .method("bench.method", PER_SECOND * 60)
            .headroom(0.0)
            .burst(1);
        let limiter = Arc::new(RateLimiter::new(limits));
        let token = token.clone();
        ours.push(measure(&runtime, || {
            let limiter = Arc::clone(&limiter);
            let token = token.clone();
            async move {
                limiter
                    .acquire(&token, "bench.method", RateLimitTier::Unknown)
                    .await
                    .expect("an in-process limiter admits every call");
            }
        }));

        let quota = Quota::per_second(NonZeroU32::new(PER_SECOND).expect("non-zero"))
            .allow_burst(NonZeroU32::MIN);
        let governor = Arc::new(Governor::direct(quota));
        theirs.push(measure(&runtime, || {
            let governor = Arc::clone(&governor);
            async move { governor.until_ready().await }
        }));
    }
    let report = |name: &str, runs: &[Run]| {
        let mut cpu: Vec<f64> = runs
            .iter()
            .map(|r| r.cpu.as_secs_f64() * 1e6 / WAITERS as f64)
            .collect();
        cpu.sort_by(f64::total_cmp);
        let rate: Vec<f64> = runs
            .iter()
            .map(|r| WAITERS as f64 / r.wall.as_secs_f64())
            .collect();
        println!(
            "{name:>10}: CPU per permit median {:.1} µs (runs {:?}); permits/s {:?}",
            cpu[cpu.len() / 2],
            cpu.iter().map(|c| c.round()).collect::<Vec<_>>(),
            rate.iter().map(|r| r.round()).collect::<Vec<_>>(),
        );
        cpu[cpu.len() / 2]
    };
    let a = report("ours", &ours);
    let b = report("governor", &theirs);
    println!("CPU per permit, ours/governor: {:.2}", a / b);
}
