//! Micro benchmarks of the sans-IO halves of a users.profile.set call, each against a
//! hand-written baseline that does the same work with no binding in between:
//!
//! - encoding (`encode_params`, `build_request`) against `serde_json` + `form_urlencoded` into a
//!   pre-sized buffer, for the `profile` form, the `name`/`value` form and a non-ASCII profile;
//! - parsing (`parse_response`) of the success body and of an error body against a plain
//!   `serde_json::from_slice` into the same response type (for the error, into a struct with
//!   the same envelope fields).
//!
//! Before the timings it prints allocations per operation, counted by a global allocator.
//!
//! ```text
//! cargo bench --bench encode_parse
//! ```

mod support;

use criterion::{BenchmarkId, Criterion};
use http::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use serde::Deserialize;
use slack_methods::methods::{UsersProfileSet, UsersProfileSetResponse};
use slack_methods::{build_request, encode_params, parse_response, BaseUrl, Token};
use std::hint::black_box;
use std::time::Duration;
use support::{allocs_per_op, Counting};

#[global_allocator]
static ALLOC: Counting = Counting;

const URL: &str = "https://slack.com/api/users.profile.set";

/// The baseline encoder: what a hand-written client would do for this one method.
fn baseline_encode(set: &UsersProfileSet) -> String {
    let mut form = form_urlencoded::Serializer::new(String::with_capacity(256));
    if let Some(profile) = &set.profile {
        let mut json = Vec::with_capacity(256);
        serde_json::to_writer(&mut json, profile).expect("a profile update serializes");
        form.append_pair(
            "profile",
            std::str::from_utf8(&json).expect("JSON text is UTF-8"),
        );
    }
    if let (Some(name), Some(value)) = (&set.name, &set.value) {
        form.append_pair("name", name);
        form.append_pair("value", value);
    }
    form.finish()
}

/// The baseline request: the baseline body plus the same headers, with a pre-built
/// `Authorization` value.
fn baseline_request(set: &UsersProfileSet, authorization: &HeaderValue) -> http::Request<Vec<u8>> {
    http::Request::post(URL)
        .header(AUTHORIZATION, authorization.clone())
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .header(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        )
        .body(baseline_encode(set).into_bytes())
        .expect("a valid request")
}

/// The envelope fields of an error body, read by hand.
#[derive(Deserialize)]
#[allow(dead_code)] // read only by the deserializer
struct ErrorBody {
    ok: bool,
    error: String,
    needed: Option<String>,
    provided: Option<String>,
    warning: Option<String>,
}

fn inputs() -> [(&'static str, UsersProfileSet); 3] {
    [
        ("profile", support::profile_request()),
        ("name_value", support::field_request()),
        ("non_ascii", support::non_ascii_request()),
    ]
}

fn check_inputs() {
    // The baseline must produce the same bytes, or the comparison means nothing.
    for (name, set) in inputs() {
        assert_eq!(
            encode_params(&set).expect("the request encodes"),
            baseline_encode(&set),
            "baseline differs for {name}"
        );
    }
    let headers = support::response_headers();
    let ours = parse_response::<UsersProfileSet>(
        http::StatusCode::OK,
        &headers,
        support::SUCCESS_BODY.as_bytes(),
    )
    .expect("the success body parses");
    let mut plain: UsersProfileSetResponse =
        serde_json::from_slice(support::SUCCESS_BODY.as_bytes()).expect("plain parse");
    // The runtime consumes the envelope's `ok`; a plain parse keeps it among the extras.
    plain.extra.remove("ok");
    assert_eq!(ours.data, plain);
    assert!(parse_response::<UsersProfileSet>(
        http::StatusCode::OK,
        &headers,
        support::ERROR_BODY.as_bytes()
    )
    .is_err());
}

fn print_allocations() {
    const RUNS: u32 = 2000;
    let base = BaseUrl::slack();
    let token = Token::new(support::TOKEN).expect("a valid token");
    let authorization =
        HeaderValue::try_from(format!("Bearer {}", support::TOKEN)).expect("a valid header value");
    let headers = support::response_headers();
    let success = support::SUCCESS_BODY.as_bytes();
    let error = support::ERROR_BODY.as_bytes();
    println!("allocations per operation (count, bytes): slack-methods vs baseline");
    let line = |what: &str, ours: (f64, f64), floor: (f64, f64)| {
        println!(
            "  {what:<28} {:>5.1} allocs {:>7.0} B   vs {:>5.1} allocs {:>7.0} B",
            ours.0, ours.1, floor.0, floor.1
        );
    };
    for (name, set) in inputs() {
        line(
            &format!("encode/{name}"),
            allocs_per_op(RUNS, || encode_params(&set)),
            allocs_per_op(RUNS, || baseline_encode(&set)),
        );
        line(
            &format!("build_request/{name}"),
            allocs_per_op(RUNS, || build_request(&set, &base, &token)),
            allocs_per_op(RUNS, || baseline_request(&set, &authorization)),
        );
    }
    line(
        "parse/success",
        allocs_per_op(RUNS, || {
            parse_response::<UsersProfileSet>(http::StatusCode::OK, &headers, success)
        }),
        allocs_per_op(RUNS, || {
            serde_json::from_slice::<UsersProfileSetResponse>(success)
        }),
    );
    line(
        "parse/error",
        allocs_per_op(RUNS, || {
            parse_response::<UsersProfileSet>(http::StatusCode::OK, &headers, error)
        }),
        allocs_per_op(RUNS, || serde_json::from_slice::<ErrorBody>(error)),
    );
    println!();
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group("encode");
    for (name, set) in inputs() {
        group.bench_with_input(BenchmarkId::new("slack_methods", name), &set, |b, set| {
            b.iter(|| encode_params(black_box(set)))
        });
        group.bench_with_input(BenchmarkId::new("baseline", name), &set, |b, set| {
            b.iter(|| baseline_encode(black_box(set)))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let base = BaseUrl::slack();
    let token = Token::new(support::TOKEN).expect("a valid token");
    let authorization =
        HeaderValue::try_from(format!("Bearer {}", support::TOKEN)).expect("a valid header value");
    let mut group = c.benchmark_group("build_request");
    for (name, set) in inputs() {
        group.bench_with_input(BenchmarkId::new("slack_methods", name), &set, |b, set| {
            b.iter(|| build_request(black_box(set), &base, &token))
        });
        group.bench_with_input(BenchmarkId::new("baseline", name), &set, |b, set| {
            b.iter(|| baseline_request(black_box(set), &authorization))
        });
    }
    group.finish();
}

fn parse(c: &mut Criterion) {
    let headers = support::response_headers();
    let mut group = c.benchmark_group("parse");
    let success = support::SUCCESS_BODY.as_bytes();
    group.bench_function(BenchmarkId::new("slack_methods", "success"), |b| {
        b.iter(|| {
            parse_response::<UsersProfileSet>(http::StatusCode::OK, &headers, black_box(success))
        })
    });
    group.bench_function(BenchmarkId::new("baseline", "success"), |b| {
        b.iter(|| serde_json::from_slice::<UsersProfileSetResponse>(black_box(success)))
    });
    let error = support::ERROR_BODY.as_bytes();
    group.bench_function(BenchmarkId::new("slack_methods", "error"), |b| {
        b.iter(|| {
            parse_response::<UsersProfileSet>(http::StatusCode::OK, &headers, black_box(error))
        })
    });
    group.bench_function(BenchmarkId::new("baseline", "error"), |b| {
        b.iter(|| serde_json::from_slice::<ErrorBody>(black_box(error)))
    });
    group.finish();
}

fn main() {
    check_inputs();
    print_allocations();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    encode(&mut c);
    build(&mut c);
    parse(&mut c);
    c.final_summary();
}
