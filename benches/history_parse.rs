//! Parsing a 200-message `conversations.history` page (built at start from the reference data in
//! `../shared`, see `support/history_page.rs`) into the shared types, four ways in one run:
//!
//! - `parse_response`: the runtime's path, the envelope read in the same pass, into a page type
//!   whose `messages` is a `List<Message>` (one odd message never fails the page);
//! - `from_slice`: a plain `serde_json::from_slice` into the same page type (the baseline);
//! - `from_slice_vec`: the same, with `messages: Vec<Message>`, where one odd message fails the
//!   whole page: what the tolerance of `List` costs;
//! - `value`: `serde_json::from_slice` into an untyped `serde_json::Value`.
//!
//! Before criterion's timings it prints allocations per operation (counted by a global
//! allocator) and, with `--bench`, an interleaved measurement: rounds in which each way parses the
//! page in turn (the order rotating), timed on the thread's CPU clock, so that other work on a
//! shared machine moves all of them alike; it reports the median per way and the median of the
//! per-round ratios against `from_slice`. Without the reference data it says so and exits
//! successfully.
//!
//! ```text
//! cargo bench --bench history_parse
//! ```

mod support;

#[path = "support/history_page.rs"]
mod history_page;

use criterion::{BenchmarkId, Criterion, Throughput};
use serde_json::Value;
use slack_methods::types::{List, Message, ResponseMetadata};
use slack_methods::{parse_response, slack_method, ChannelId};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;
use support::{allocs_per_op, Counting};

#[global_allocator]
static ALLOC: Counting = Counting;

slack_methods::slack_object! {
    /// A `conversations.history` page, the way a binding declares it.
    #[derive(Debug, PartialEq)]
    pub struct HistoryPage {
        pub messages: List<Message>,
        pub has_more: bool,
        pub pin_count: u64,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

slack_methods::slack_object! {
    /// The same page with a plain `Vec`: one odd message fails it.
    #[derive(Debug)]
    pub struct StrictHistoryPage {
        pub messages: Vec<Message>,
        pub has_more: bool,
        pub pin_count: u64,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

/// `conversations.history`, read into [`HistoryPage`].
#[slack_method("conversations.history", response = HistoryPage)]
pub struct History {
    pub channel: ChannelId,
}

fn check(body: &[u8]) {
    let headers = http::HeaderMap::new();
    let ours =
        parse_response::<History>(http::StatusCode::OK, &headers, body).expect("the page parses");
    let mut plain: HistoryPage = serde_json::from_slice(body).expect("plain parse");
    // The runtime consumes the envelope's `ok`; a plain parse keeps it among the extras.
    plain.extra.remove("ok");
    assert_eq!(ours.data, plain, "both paths read the same page");
    assert!(ours.messages.is_complete(), "every message parses");
    assert_eq!(ours.messages.len(), history_page::MESSAGES);
    let strict: StrictHistoryPage = serde_json::from_slice(body).expect("strict parse");
    assert_eq!(strict.messages.len(), history_page::MESSAGES);
    let with_blocks = ours
        .messages
        .iter()
        .filter(|m| !m.blocks.is_empty())
        .count();
    let with_files = ours.messages.iter().filter(|m| !m.files.is_empty()).count();
    let with_reactions = ours
        .messages
        .iter()
        .filter(|m| !m.reactions.is_empty())
        .count();
    println!(
        "page: {} bytes, {} messages ({with_blocks} with blocks, {with_reactions} with reactions, {with_files} with files)",
        body.len(),
        ours.messages.len()
    );
}

fn print_allocations(body: &[u8]) {
    const RUNS: u32 = 200;
    let headers = http::HeaderMap::new();
    println!("allocations per page (count, bytes):");
    let line = |what: &str, (count, bytes): (f64, f64)| {
        println!("  {what:<16} {count:>7.0} allocs {bytes:>9.0} B");
    };
    line(
        "parse_response",
        allocs_per_op(RUNS, || {
            parse_response::<History>(http::StatusCode::OK, &headers, body)
        }),
    );
    line(
        "from_slice",
        allocs_per_op(RUNS, || serde_json::from_slice::<HistoryPage>(body)),
    );
    line(
        "from_slice_vec",
        allocs_per_op(RUNS, || serde_json::from_slice::<StrictHistoryPage>(body)),
    );
    line(
        "value",
        allocs_per_op(RUNS, || serde_json::from_slice::<Value>(body)),
    );
    println!();
}

/// This thread's CPU time, in nanoseconds.
fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Each way parses the page `BATCH` times per round, in a rotating order; CPU time per parse.
fn interleaved(body: &[u8]) {
    const ROUNDS: usize = 21;
    const BATCH: usize = 40;
    let headers = http::HeaderMap::new();
    type Way<'a> = (&'static str, Box<dyn Fn() -> bool + 'a>);
    let ways: Vec<Way<'_>> = vec![
        (
            "parse_response",
            Box::new(|| {
                parse_response::<History>(http::StatusCode::OK, &headers, black_box(body)).is_ok()
            }),
        ),
        (
            "from_slice",
            Box::new(|| serde_json::from_slice::<HistoryPage>(black_box(body)).is_ok()),
        ),
        (
            "from_slice_vec",
            Box::new(|| serde_json::from_slice::<StrictHistoryPage>(black_box(body)).is_ok()),
        ),
        (
            "value",
            Box::new(|| serde_json::from_slice::<Value>(black_box(body)).is_ok()),
        ),
    ];
    let mut times = vec![Vec::with_capacity(ROUNDS); ways.len()];
    for round in 0..=ROUNDS {
        for k in 0..ways.len() {
            let i = (k + round) % ways.len();
            let start = thread_cpu_ns();
            for _ in 0..BATCH {
                assert!((ways[i].1)(), "{} failed", ways[i].0);
            }
            let per_parse = (thread_cpu_ns() - start) as f64 / BATCH as f64 / 1000.0;
            // Round 0 warms up.
            if round > 0 {
                times[i].push(per_parse);
            }
        }
    }
    let base = 1; // from_slice
    println!("interleaved, thread CPU time per page ({ROUNDS} rounds of {BATCH}):");
    for (i, (name, _)) in ways.iter().enumerate() {
        let mut ratios: Vec<f64> = times[i]
            .iter()
            .zip(&times[base])
            .map(|(t, b)| t / b)
            .collect();
        let ratio = median(&mut ratios);
        let mut own = times[i].clone();
        println!(
            "  {name:<16} {:>8.0} µs   ratio to from_slice {ratio:.2}",
            median(&mut own)
        );
    }
    println!();
}

fn parse(c: &mut Criterion, body: &[u8]) {
    let headers = http::HeaderMap::new();
    let mut group = c.benchmark_group("history_200");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function(BenchmarkId::from_parameter("parse_response"), |b| {
        b.iter(|| parse_response::<History>(http::StatusCode::OK, &headers, black_box(body)))
    });
    group.bench_function(BenchmarkId::from_parameter("from_slice"), |b| {
        b.iter(|| serde_json::from_slice::<HistoryPage>(black_box(body)))
    });
    group.bench_function(BenchmarkId::from_parameter("from_slice_vec"), |b| {
        b.iter(|| serde_json::from_slice::<StrictHistoryPage>(black_box(body)))
    });
    group.bench_function(BenchmarkId::from_parameter("value"), |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(body)))
    });
    group.finish();
}

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let body = match history_page::history_page(&shared) {
        Ok(body) => body,
        Err(why) => {
            println!("history_parse: skipped, the reference data is not usable ({why})");
            return;
        }
    };
    check(&body);
    print_allocations(&body);
    if std::env::args().any(|arg| arg == "--bench") {
        interleaved(&body);
    }
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    parse(&mut c, &body);
    c.final_summary();
}
