//! The fault suite: every fault the emulator can inject, through the `Client` over loopback, gives
//! its documented outcome (an error variant, or success after a retry); no write is applied twice;
//! errors name the method and, where Slack gave one, its code.

use slack_methods::methods::{AuthTest, UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{
    CallOptions, Client, EncodeError, Error, ErrorCode, FormEncoder, HttpVerb, RateLimitTier,
    RateLimiter, RateLimits, RetryPolicy, SlackMethod, Token,
};
use slack_methods_emulator::{Blackhole, Emulator, Fault, UserSpec};
use std::time::Duration;

const USER: &str = "U0FAULT001";
const TOKEN: &str = "xoxp-fault-suite";
const SET: &str = "users.profile.set";
const GET: &str = "users.profile.get";

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(USER, "faulty"));
    emu.add_token(TOKEN, USER, &["users.profile:read", "users.profile:write"]);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .timeout(Duration::from_millis(500))
        .max_response_bytes(64 * 1024)
        .retry_policy(fast_retries())
        .build()
        .unwrap();
    (emu, client)
}

/// A client of the suite's token with `limits` and the fast retries.
fn paced_client(emu: &Emulator, limits: RateLimits) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(limits)
        .retry_policy(fast_retries())
        .build()
        .unwrap()
}

/// The default decisions with short waits, so the suite runs in seconds.
fn fast_retries() -> RetryPolicy {
    RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(50))
}

fn write() -> UsersProfileSet {
    UsersProfileSet::profile(ProfileUpdate::new().status("faulty", ":zap:", 0))
}

fn read() -> UsersProfileGet {
    UsersProfileGet::new()
}

/// A write that fails and is not retried: the error, with exactly one request sent.
async fn write_fails_once(fault: Fault) -> (Emulator, Error) {
    let (emu, client) = setup().await;
    emu.inject(SET, fault.clone(), 1);
    let err = client.call(&write()).await.unwrap_err();
    assert_eq!(err.method(), Some(SET), "{fault:?}: {err}");
    assert_eq!(
        emu.requests_for(SET).len(),
        1,
        "{fault:?} was retried: {err}"
    );
    (emu, err)
}

/// A read that hits the fault once, is retried, and succeeds.
async fn read_recovers(fault: Fault) {
    let (emu, client) = setup().await;
    emu.inject(GET, fault.clone(), 1);
    let got = client.call(&read()).await;
    assert!(got.is_ok(), "{fault:?}: {got:?}");
    assert_eq!(emu.requests_for(GET).len(), 2, "{fault:?}");
}

#[tokio::test]
async fn http_429_is_retried_after_retry_after_for_writes_too() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::rate_limited(1), 1);
    let started = std::time::Instant::now();
    client.call(&write()).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After not honoured"
    );
    assert_eq!(emu.requests_for(SET).len(), 2);
    assert_eq!(emu.applied_writes(SET), 1);
}

#[tokio::test]
async fn http_429_past_the_budget_surfaces_retry_after() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::rate_limited(30), 1);
    let options = CallOptions::new().retry_policy(fast_retries().budget(Duration::from_secs(2)));
    let err = client.call_with(&write(), &options).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { method: SET, .. }),
        "{err:?}"
    );
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(emu.requests_for(SET).len(), 1);
    assert_eq!(emu.applied_writes(SET), 0);
}

#[tokio::test]
async fn http_429_past_the_retry_count_surfaces_retry_after() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::rate_limited(1), 5);
    let options = CallOptions::new().retry_policy(fast_retries().max_retries(1));
    let err = client.call_with(&read(), &options).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(emu.requests_for(GET).len(), 2);
}

#[tokio::test]
async fn server_errors_are_not_retried_for_writes() {
    for status in [500, 502, 503] {
        let (emu, err) = write_fails_once(Fault::server_error(status)).await;
        match &err {
            Error::Http {
                status: got,
                excerpt,
                ..
            } => {
                assert_eq!(*got, status);
                assert!(
                    excerpt.contains('<'),
                    "the HTML page is excerpted: {excerpt:?}"
                );
            }
            other => panic!("{status}: {other:?}"),
        }
        assert_eq!(emu.applied_writes(SET), 0);
    }
}

#[tokio::test]
async fn redirects_are_not_followed_and_the_token_goes_nowhere_else() {
    // Where the redirects point: another server, which must see nothing.
    let (elsewhere, _) = setup().await;
    for status in [301, 302, 307, 308] {
        let (emu, client) = setup().await;
        let location = format!("{}{GET}", elsewhere.base_url());
        emu.inject(GET, Fault::redirect(status, location.clone()), 1);
        let err = client.call(&read()).await.unwrap_err();
        match &err {
            Error::Http { status: got, .. } => assert_eq!(*got, status),
            other => panic!("{status}: {other:?}"),
        }
        assert_eq!(emu.requests_for(GET).len(), 1, "{status}: {err}");
        emu.inject(SET, Fault::redirect(status, location), 1);
        let err = client.call(&write()).await.unwrap_err();
        assert!(matches!(err, Error::Http { .. }), "{status}: {err:?}");
        assert_eq!(emu.applied_writes(SET), 0);
    }
    assert!(elsewhere.requests_for(GET).is_empty());
    assert!(elsewhere.requests_for(SET).is_empty());
}

#[tokio::test]
async fn server_errors_are_retried_for_reads() {
    for status in [500, 502, 503] {
        read_recovers(Fault::server_error(status)).await;
    }
}

#[tokio::test]
async fn a_write_applied_before_a_503_is_not_applied_again() {
    let (emu, err) = write_fails_once(Fault::server_error(503).after_apply()).await;
    assert!(matches!(err, Error::Http { status: 503, .. }), "{err:?}");
    assert_eq!(emu.applied_writes(SET), 1);
}

#[tokio::test]
async fn opting_in_retries_writes_after_server_errors() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::server_error(502), 1);
    let options = CallOptions::new().retry_policy(fast_retries().retry_writes(true));
    client.call_with(&write(), &options).await.unwrap();
    assert_eq!(emu.requests_for(SET).len(), 2);
    assert_eq!(emu.applied_writes(SET), 1);
}

#[tokio::test]
async fn connection_reset() {
    let (emu, err) = write_fails_once(Fault::reset()).await;
    assert!(
        matches!(err, Error::Transport { connect: false, .. }),
        "{err:?}"
    );
    assert_eq!(emu.applied_writes(SET), 0);
    let (emu, _) = write_fails_once(Fault::reset().after_apply()).await;
    assert_eq!(emu.applied_writes(SET), 1);
    read_recovers(Fault::reset()).await;
}

#[tokio::test]
async fn delay_past_the_timeout() {
    let (emu, err) = write_fails_once(Fault::delay(Duration::from_millis(1500))).await;
    assert!(matches!(err, Error::Timeout { method: SET, .. }), "{err:?}");
    // The emulator applies the late write once it wakes; the client did not send it again.
    tokio::time::sleep(Duration::from_millis(1300)).await;
    assert_eq!(emu.applied_writes(SET), 1);
    assert_eq!(emu.requests_for(SET).len(), 1);
    read_recovers(Fault::delay(Duration::from_millis(1500))).await;
}

#[tokio::test]
async fn per_call_timeout_overrides_the_client() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::delay(Duration::from_millis(300)), 1);
    // The client's 500 ms would wait this delay out; 100 ms does not.
    let options = CallOptions::new()
        .timeout(Duration::from_millis(100))
        .retry_policy(RetryPolicy::never());
    let err = client.call_with(&read(), &options).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { after, .. } if after == Duration::from_millis(100)));
    // The message names the attempt's timeout, not the call's duration.
    assert_eq!(
        err.to_string(),
        format!("{GET}: no answer within the attempt timeout (100ms)")
    );
}

/// A body that never ends is cut by the attempt's timeout, whose clock runs through the body.
#[tokio::test]
async fn a_body_that_never_ends_times_out() {
    let (emu, err) = write_fails_once(Fault::endless(Duration::from_millis(20))).await;
    assert!(matches!(err, Error::Timeout { method: SET, .. }), "{err:?}");
    assert_eq!(emu.applied_writes(SET), 1);
    read_recovers(Fault::endless(Duration::from_millis(20))).await;
}

#[tokio::test]
async fn truncated_body() {
    let (emu, err) = write_fails_once(Fault::truncated().after_apply()).await;
    assert!(
        matches!(
            err,
            Error::Transport { connect: false, .. } | Error::Decode { .. }
        ),
        "{err:?}"
    );
    assert_eq!(emu.applied_writes(SET), 1);
    read_recovers(Fault::truncated()).await;
}

#[tokio::test]
async fn empty_body() {
    let (_, err) = write_fails_once(Fault::EmptyBody).await;
    match err {
        Error::Decode {
            status: 200,
            reason,
            ..
        } => assert!(reason.contains("empty"), "{reason}"),
        other => panic!("{other:?}"),
    }
    read_recovers(Fault::EmptyBody).await;
}

#[tokio::test]
async fn non_json_body() {
    let (_, err) = write_fails_once(Fault::NonJsonBody).await;
    assert_chain_says_each_thing_once(&err);
    match err {
        Error::Decode { excerpt, .. } => assert!(excerpt.contains('<'), "{excerpt}"),
        other => panic!("{other:?}"),
    }
    read_recovers(Fault::NonJsonBody).await;
}

/// The bytes decide, not the label: a JSON envelope sent as `text/html` is read as JSON.
#[tokio::test]
async fn wrong_content_type_is_read_by_its_bytes() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::WrongContentType, 1);
    let set = client.call(&write()).await.unwrap();
    assert_eq!(set.profile.status_text, "faulty");
    assert_eq!(emu.applied_writes(SET), 1);
}

#[tokio::test]
async fn oversized_body_is_refused_not_buffered() {
    let (emu, err) = write_fails_once(Fault::oversized(1024 * 1024)).await;
    match err {
        Error::Decode { reason, .. } => assert!(reason.contains("limit"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(emu.applied_writes(SET), 1);
    read_recovers(Fault::oversized(1024 * 1024)).await;
}

/// A non-success answer whose body is over the size limit is still decided by its status,
/// rather than called an unreadable body that Slack may have applied: a 429 is a rate limit
/// whose `Retry-After` is waited out (for a write too), a 404 an HTTP error, not retried.
#[tokio::test]
async fn an_oversized_error_page_is_decided_by_its_status() {
    let (emu, client) = setup().await;
    // The suite's client accepts 64 KiB.
    let page = 256 * 1024;
    emu.inject(SET, Fault::oversized_error(429, page), 1);
    client.call(&write()).await.unwrap();
    assert_eq!(emu.requests_for(SET).len(), 2);
    assert_eq!(emu.applied_writes(SET), 1);

    emu.inject(SET, Fault::oversized_error(404, page), 1);
    let err = client.call(&write()).await.unwrap_err();
    match &err {
        Error::Http {
            status: 404,
            excerpt,
            ..
        } => assert!(excerpt.contains("404 Not Found"), "{excerpt}"),
        other => panic!("{other:?}"),
    }
    assert!(!err.may_have_been_applied(), "{err}");
    emu.inject(GET, Fault::oversized_error(404, page), 1);
    let err = client.call(&read()).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 404, .. }), "{err:?}");
    assert_eq!(emu.requests_for(GET).len(), 1, "a 404 was retried");
}

#[tokio::test]
async fn slack_ratelimited_code_is_retried_for_writes() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::slack_error("ratelimited"), 1);
    client.call(&write()).await.unwrap();
    assert_eq!(emu.requests_for(SET).len(), 2);
    assert_eq!(emu.applied_writes(SET), 1);
}

#[tokio::test]
async fn slack_failure_codes_are_not_retried_for_writes() {
    for (code, typed) in [
        ("fatal_error", ErrorCode::FatalError),
        ("request_timeout", ErrorCode::RequestTimeout),
    ] {
        let (emu, err) = write_fails_once(Fault::slack_error(code)).await;
        assert_eq!(err.code(), Some(&typed), "{err:?}");
        assert!(err.to_string().contains(code), "{err}");
        assert_eq!(emu.applied_writes(SET), 0);
        read_recovers(Fault::slack_error(code)).await;
    }
}

#[tokio::test]
async fn unknown_slack_codes_are_kept() {
    let (_, err) = write_fails_once(Fault::slack_error("brand_new_failure")).await;
    assert_eq!(
        err.code(),
        Some(&ErrorCode::Other("brand_new_failure".into()))
    );
}

#[tokio::test]
async fn refused_connections_are_retried_then_reported() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::builder()
        .base_url(&format!("http://{addr}/api/"))
        .token(Token::new(TOKEN).unwrap())
        .retry_policy(fast_retries().max_retries(2))
        .build()
        .unwrap();
    let err = client.call(&write()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                connect: true,
                method: SET,
                ..
            }
        ),
        "{err:?}"
    );
}

/// Dropping a call's future while it waits on `Retry-After` cancels it: nothing more is sent.
#[tokio::test]
async fn a_call_waiting_on_retry_after_can_be_cancelled() {
    let (emu, client) = setup().await;
    emu.inject(SET, Fault::rate_limited(2), 1);
    let waited = tokio::time::timeout(Duration::from_millis(300), client.call(&write())).await;
    assert!(waited.is_err(), "the call should still be waiting");
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(emu.requests_for(SET).len(), 1);
    assert_eq!(emu.applied_writes(SET), 0);
}

/// Dropping a call's future while it waits on the rate limiter cancels it.
#[tokio::test]
async fn a_call_waiting_on_the_limiter_can_be_cancelled() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(USER, "faulty"));
    emu.add_token(TOKEN, USER, &["users.profile:read", "users.profile:write"]);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(RateLimits::slack_tiers().method(SET, 1))
        // Long enough for the minute the second call waits for its slot.
        .retry_policy(RetryPolicy::default().budget(Duration::from_secs(120)))
        .build()
        .unwrap();
    client.call(&write()).await.unwrap();
    let waited = tokio::time::timeout(Duration::from_millis(300), client.call(&write())).await;
    assert!(
        waited.is_err(),
        "the second call should wait about a minute"
    );
    assert_eq!(emu.requests_for(SET).len(), 1);
    // Other methods have limiters of their own.
    client.call(&read()).await.unwrap();
}

/// Calls dropped while they wait for their slot give it back: the next call goes in the first
/// freed slot, not after every slot the dropped calls had reserved.
#[tokio::test]
async fn calls_dropped_while_waiting_give_their_slots_back() {
    let (emu, _) = setup().await;
    let limits = RateLimits::slack_tiers()
        .method(SET, 60)
        .burst(1)
        .headroom(0.0);
    let client = paced_client(&emu, limits);
    client.call(&write()).await.unwrap();
    let mut waiting = Vec::new();
    for _ in 0..20 {
        waiting.push(tokio::spawn({
            let client = client.clone();
            async move { client.call(&write()).await }
        }));
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    for call in &waiting {
        call.abort();
    }
    for call in waiting {
        assert!(call.await.unwrap_err().is_cancelled());
    }
    client.call(&write()).await.unwrap();
    let after = arrivals_after_first(&emu, SET);
    assert_eq!(after.len(), 1, "a dropped call was sent");
    assert!(
        after[0] < Duration::from_secs(3),
        "the next call waited {:?}, behind the dropped calls' slots",
        after[0]
    );
}

/// Calls dropped while they wait leave the pacing as if they had never asked: a call made after
/// the first freed slot has passed goes at once when the last call sent is a slot behind it,
/// instead of waiting for the next slot a dropped call had reserved.
#[tokio::test]
async fn calls_dropped_while_waiting_do_not_slow_a_later_call() {
    let (emu, _) = setup().await;
    // One call a second, one at a time.
    let limits = RateLimits::slack_tiers()
        .method(SET, 60)
        .burst(1)
        .headroom(0.0);
    let client = paced_client(&emu, limits);
    client.call(&write()).await.unwrap();
    let sent = std::time::Instant::now();
    // Five calls wait for the slots 1 s to 5 s ahead, and are dropped.
    let mut waiting = tokio::task::JoinSet::new();
    for _ in 0..5 {
        let client = client.clone();
        waiting.spawn(async move { client.call(&write()).await });
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    waiting.abort_all();
    while waiting.join_next().await.is_some() {}
    // Past the first freed slot, more than a second after the only call sent.
    tokio::time::sleep_until((sent + Duration::from_millis(1100)).into()).await;
    let asked = std::time::Instant::now();
    client.call(&write()).await.unwrap();
    assert_eq!(emu.requests_for(SET).len(), 2, "a dropped call was sent");
    assert!(
        asked.elapsed() < Duration::from_millis(300),
        "the call waited {:?} for a slot a dropped call had reserved",
        asked.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Rate-limit pauses, budgets, timeouts and untrusted sizes.

/// A read of a method whose tier the client does not know, answered by a stub.
struct UnknownTier;

#[derive(serde::Deserialize, Debug)]
struct Anything {}

impl SlackMethod for UnknownTier {
    const NAME: &'static str = "emulated.unknownTier";
    const VERB: HttpVerb = HttpVerb::Post;
    const SCOPES: &'static [&'static str] = &[];
    const TIER: RateLimitTier = RateLimitTier::Unknown;
    const WRITES: bool = false;
    type Response = Anything;
    fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// A read whose response type wants a field the stub never sends.
struct Strict;

#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct StrictResponse {
    required_field: String,
}

impl SlackMethod for Strict {
    const NAME: &'static str = "emulated.strict";
    const VERB: HttpVerb = HttpVerb::Get;
    const SCOPES: &'static [&'static str] = &[];
    const TIER: RateLimitTier = RateLimitTier::Tier4;
    const WRITES: bool = false;
    type Response = StrictResponse;
    fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// A binding whose parameter cannot be written as JSON (a map with non-string keys).
struct Unencodable;

impl SlackMethod for Unencodable {
    const NAME: &'static str = "emulated.unencodable";
    const VERB: HttpVerb = HttpVerb::Post;
    const SCOPES: &'static [&'static str] = &[];
    const TIER: RateLimitTier = RateLimitTier::Tier4;
    const WRITES: bool = true;
    type Response = Anything;
    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
        let bad: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1u8], 1u8)].into();
        form.append_json("profile", &bad)
    }
}

fn never() -> CallOptions {
    CallOptions::new().retry_policy(RetryPolicy::never())
}

fn within(budget: Duration) -> CallOptions {
    CallOptions::new().retry_policy(fast_retries().budget(budget))
}

/// How long after the first request for `method` each later one arrived.
fn arrivals_after_first(emu: &Emulator, method: &str) -> Vec<Duration> {
    let log = emu.requests_for(method);
    let first = log[0].received;
    log[1..].iter().map(|r| r.received - first).collect()
}

/// Every source in `err`'s chain adds something: no message repeats the text of its cause.
fn assert_chain_says_each_thing_once(err: &dyn std::error::Error) {
    let mut current = err;
    while let Some(source) = current.source() {
        let (outer, inner) = (current.to_string(), source.to_string());
        assert!(
            !outer.contains(&inner),
            "the message repeats its cause:\n  {outer}\n  caused by: {inner}"
        );
        current = source;
    }
}

#[tokio::test]
async fn no_retry_after_value_panics_the_client() {
    let huge = u64::MAX.to_string();
    for value in [
        huge.as_str(),
        "18446744073709551616",
        "99999999999999999999999999999",
        "9223372036854775807",
        "-1",
        "1e300",
        " 7 ",
        "",
    ] {
        for status in [429, 200] {
            let (emu, client) = setup().await;
            emu.inject(GET, Fault::retry_after(status, value), 1);
            let got = tokio::time::timeout(
                Duration::from_secs(10),
                client.call_with(&read(), &within(Duration::from_secs(2))),
            )
            .await
            .unwrap_or_else(|_| panic!("Retry-After {value:?} held the call"));
            if let Err(err) = got {
                assert_eq!(err.method(), Some(GET), "{value:?}: {err}");
            }
            // A second call of the same (token, method) must not panic either.
            let _ = tokio::time::timeout(
                Duration::from_secs(10),
                client.call_with(&read(), &within(Duration::from_millis(100))),
            )
            .await;
        }
    }
}

/// A `Retry-After` no clock can add is longer than any budget: the call returns at once, and
/// the pause it orders lasts at most `RateLimiter::MAX_PAUSE`.
#[tokio::test]
async fn an_absurd_retry_after_is_longer_than_any_budget() {
    let (emu, client) = setup().await;
    let absurd = u64::MAX.to_string();
    emu.inject(GET, Fault::retry_after(429, absurd.as_str()), 1);
    let unbounded = CallOptions::new().retry_policy(fast_retries().budget(Duration::MAX));
    let err = tokio::time::timeout(
        Duration::from_secs(5),
        client.call_with(&read(), &unbounded),
    )
    .await
    .expect("the call waited for an absurd Retry-After")
    .unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                status: Some(429),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.retry_after(), Some(Duration::from_secs(u64::MAX)));
    assert_eq!(emu.requests_for(GET).len(), 1);
    let token = Token::new(TOKEN).unwrap();
    let paused = client.rate_limiter().paused_for(&token, GET).unwrap();
    assert!(paused <= RateLimiter::MAX_PAUSE, "{paused:?}");
    assert!(paused > RateLimiter::MAX_PAUSE - Duration::from_secs(5));
    // A later call within a shorter budget learns the capped wait, unsent.
    let err = client
        .call_with(&read(), &within(Duration::from_secs(2)))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { status: None, .. }),
        "{err:?}"
    );
    assert!(err.retry_after().unwrap() <= RateLimiter::MAX_PAUSE);
    assert_eq!(emu.requests_for(GET).len(), 1);
}

/// Calls that had reserved their slot before a 429 wait out its pause too.
#[tokio::test]
async fn a_pause_holds_calls_already_waiting_in_the_limiter() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(USER, "faulty"));
    emu.add_token(TOKEN, USER, &["users.profile:read", "users.profile:write"]);
    // One call every 175 ms, one at a time.
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(
            RateLimits::slack_tiers()
                .method(GET, 60)
                .burst(1)
                .time_scale(6.0),
        )
        .retry_policy(fast_retries())
        .build()
        .unwrap();
    emu.inject(GET, Fault::rate_limited(1), 1);
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let client = client.clone();
        calls.spawn(async move { client.call(&read()).await.map(|_| ()) });
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap().unwrap();
    }
    let log = emu.requests_for(GET);
    assert_eq!(log[0].fault, Some(Fault::rate_limited(1)));
    for (i, after) in arrivals_after_first(&emu, GET).iter().enumerate() {
        assert!(
            *after >= Duration::from_secs(1),
            "request {} arrived {after:?} after the 429, inside its 1 s pause",
            i + 1
        );
    }
}

/// After a 429 with `Retry-After: 1`, the next call of the same (token, method) is not sent for
/// a second, however the client paces.
async fn the_next_call_waits_for_the_pause<M: SlackMethod>(
    emu: &Emulator,
    client: &Client,
    method: &M,
    options: CallOptions,
) {
    emu.inject(M::NAME, Fault::rate_limited(1), 1);
    let first = client
        .call_with(method, &options.clone().retry_policy(RetryPolicy::never()))
        .await;
    assert!(
        matches!(first, Err(Error::RateLimited { .. })),
        "{:?}",
        first.err()
    );
    let second = client.call_with(method, &options).await;
    assert!(second.is_ok(), "{:?}", second.err());
    let after = arrivals_after_first(emu, M::NAME);
    assert_eq!(after.len(), 1);
    assert!(
        after[0] >= Duration::from_secs(1),
        "{}: the next call went {:?} after the 429",
        M::NAME,
        after[0]
    );
}

#[tokio::test]
async fn a_pause_holds_with_pacing_off() {
    let (emu, _) = setup().await;
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(RateLimits::off())
        .retry_policy(fast_retries())
        .build()
        .unwrap();
    the_next_call_waits_for_the_pause(&emu, &client, &read(), CallOptions::new()).await;
}

#[tokio::test]
async fn a_pause_holds_unpaced_calls() {
    let (emu, client) = setup().await;
    let unpaced = CallOptions::new().paced(false);
    the_next_call_waits_for_the_pause(&emu, &client, &read(), unpaced).await;
}

#[tokio::test]
async fn a_pause_holds_methods_of_unknown_tier() {
    let (emu, client) = setup().await;
    emu.stub_method(UnknownTier::NAME, serde_json::json!({}));
    the_next_call_waits_for_the_pause(&emu, &client, &UnknownTier, CallOptions::new()).await;
}

/// `ok: false` + `ratelimited` with a `Retry-After` header is the same order as a 429.
#[tokio::test]
async fn ok_false_ratelimited_with_retry_after_is_honoured() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::retry_after(200, "1"), 1);
    let err = client.call_with(&read(), &never()).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)), "{err:?}");

    emu.clear_requests();
    emu.inject(GET, Fault::retry_after(200, "1"), 1);
    let options = CallOptions::new().paced(false);
    client.call_with(&read(), &options).await.unwrap();
    let after = arrivals_after_first(&emu, GET);
    assert!(
        after[0] >= Duration::from_secs(1),
        "retried {:?} after",
        after[0]
    );
}

/// A server that keeps answering 429 with `Retry-After: 0` asks for no wait at all, yet the
/// budget still ends the call: no retry starts once it has run out, however many retries the
/// policy allows.
#[tokio::test]
async fn zero_waits_do_not_outlast_the_budget() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::retry_after(429, "0"), 1_000_000);
    let budget = Duration::from_millis(300);
    let unpaced = CallOptions::new()
        .paced(false)
        .retry_policy(fast_retries().max_retries(u32::MAX).budget(budget));
    let started = std::time::Instant::now();
    let err = tokio::time::timeout(Duration::from_secs(5), client.call_with(&read(), &unpaced))
        .await
        .unwrap_or_else(|_| {
            panic!(
                "still retrying after 5 s: {} requests",
                emu.requests_for(GET).len()
            )
        })
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                status: Some(429),
                ..
            }
        ),
        "{err:?}"
    );
    // The last attempt started within the budget and ran to its own (500 ms) timeout at most.
    assert!(
        started.elapsed() < budget + Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
}

/// A later call does not wait out a pause longer than its budget: it fails at once, unsent.
#[tokio::test]
async fn a_pause_longer_than_the_budget_fails_fast() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::rate_limited(30), 1);
    client.call_with(&read(), &never()).await.unwrap_err();
    let started = std::time::Instant::now();
    let err = tokio::time::timeout(
        Duration::from_secs(5),
        client.call_with(&read(), &within(Duration::from_secs(2))),
    )
    .await
    .expect("the call waited out the 30 s pause")
    .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let wait = err.retry_after().expect("the wait left");
    assert!(
        wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
        "{err:?}"
    );
    assert_eq!(emu.requests_for(GET).len(), 1, "the call was sent");
}

/// Pacing waits count toward the budget as well.
#[tokio::test]
async fn a_pacing_wait_longer_than_the_budget_fails_fast() {
    let (emu, _) = setup().await;
    let client = paced_client(&emu, RateLimits::slack_tiers().method(SET, 1));
    client.call(&write()).await.unwrap();
    let err = tokio::time::timeout(
        Duration::from_secs(5),
        client.call_with(&write(), &within(Duration::from_secs(2))),
    )
    .await
    .expect("the call waited a minute for its slot")
    .unwrap_err();
    assert!(
        err.retry_after()
            .is_some_and(|w| w > Duration::from_secs(2)),
        "{err:?}"
    );
    assert_eq!(emu.requests_for(SET).len(), 1, "the call was sent");
}

/// A retry the limiter cannot fit in the budget leaves the call with its attempt's error: the
/// 503 or the 429 Slack sent, not a "not sent" refusal of the retry.
#[tokio::test]
async fn a_retry_past_the_budget_reports_the_attempts_error() {
    let (emu, _) = setup().await;
    for fault in [Fault::server_error(503), Fault::rate_limited(1)] {
        emu.clear_requests();
        // One call a minute: every retry's slot is about a minute away.
        let client = paced_client(&emu, RateLimits::slack_tiers().method(GET, 1));
        emu.inject(GET, fault.clone(), 1);
        let err = client
            .call_with(&read(), &within(Duration::from_secs(5)))
            .await
            .unwrap_err();
        let slacks_answer = match &err {
            Error::Http { status, .. } => *status == 503,
            Error::RateLimited {
                retry_after,
                status,
                ..
            } => *status == Some(429) && *retry_after == Some(Duration::from_secs(1)),
            _ => false,
        };
        assert!(slacks_answer, "{fault:?}: {err:?}");
        assert_eq!(emu.requests_for(GET).len(), 1, "{fault:?}");
    }
}

/// A handshake that never completes is a connect failure, retried for writes too (nothing was
/// sent), not an attempt timeout.
#[tokio::test]
async fn a_connect_that_never_completes_is_a_connect_failure() {
    let hole = Blackhole::start().await.unwrap();
    let client = Client::builder()
        .base_url(&hole.base_url())
        .token(Token::new(TOKEN).unwrap())
        .timeout(Duration::from_millis(100))
        .connect_timeout(Duration::from_millis(300))
        .retry_policy(fast_retries().max_retries(2))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.call(&write()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                connect: true,
                method: SET,
                ..
            }
        ),
        "{err:?}"
    );
    // Three attempts, each of them given the whole connect timeout.
    assert!(started.elapsed() >= Duration::from_millis(900), "{err:?}");
}

/// A `Content-Length` over the limit is refused before a byte of the body is read.
#[tokio::test]
async fn a_content_length_over_the_limit_is_refused_before_reading() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::claimed_length(1 << 40), 1);
    let err = client.call_with(&read(), &never()).await.unwrap_err();
    match &err {
        Error::Decode { reason, .. } => assert!(reason.contains("limit"), "{err:?}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_read_that_does_not_fit_its_type_is_not_retried() {
    let (emu, client) = setup().await;
    emu.stub_method(Strict::NAME, serde_json::json!({"other_field": 1}));
    let err = client.call(&Strict).await.unwrap_err();
    assert_eq!(emu.requests_for(Strict::NAME).len(), 1, "{err:?}");
    assert!(err.to_string().contains("StrictResponse"), "{err}");
    assert_chain_says_each_thing_once(&err);
}

#[tokio::test]
async fn encode_errors_say_what_happened_once() {
    let (emu, client) = setup().await;
    let err = client.call(&Unencodable).await.unwrap_err();
    assert!(matches!(err, Error::Encode { .. }), "{err:?}");
    assert_chain_says_each_thing_once(&err);
    assert!(emu.requests().is_empty());
}

#[tokio::test]
async fn api_error_debug_shows_a_bounded_excerpt() {
    let (emu, client) = setup().await;
    let padding = "x".repeat(60_000);
    emu.stub_method(
        "emulated.unknownTier",
        serde_json::json!({"ok": false, "error": "invalid_arguments", "padding": padding}),
    );
    let err = client.call(&UnknownTier).await.unwrap_err();
    let api = err.as_api().expect("an API error");
    assert!(api.raw.len() > padding.len(), "the body is kept whole");
    let shown = format!("{err:?}");
    assert!(shown.len() < 2_000, "Debug shows {} bytes", shown.len());
    assert!(shown.contains("invalid_arguments"), "{shown}");
}

#[test]
fn a_bad_base_url_is_reported_without_its_query_or_credentials() {
    for url in [
        "https://slack.com/api?token=xoxb-SECRET123",
        "https://slack.com/api#xoxb-SECRET123",
        "https://bot:xoxb-SECRET123@slack.com/api",
        "slack.com/api?token=xoxb-SECRET123",
        "https://slack.com/ap i?token=xoxb-SECRET123",
    ] {
        let err = Client::builder()
            .base_url(url)
            .token(Token::new(TOKEN).unwrap())
            .build()
            .unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("SECRET"), "{shown}");
        assert!(shown.contains("base URL"), "{shown}");
        let err = slack_methods::BaseUrl::parse(url).unwrap_err();
        assert!(!format!("{err} {err:?}").contains("SECRET"), "{err}");
    }
}

/// Unpaced calls refused together do not all come back at the same instant.
#[tokio::test]
async fn retries_after_a_pause_are_spread() {
    let (emu, client) = setup().await;
    const CALLS: usize = 16;
    emu.inject(GET, Fault::rate_limited(1), CALLS);
    let unpaced = CallOptions::new().paced(false);
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..CALLS {
        let (client, unpaced) = (client.clone(), unpaced.clone());
        calls.spawn(async move { client.call_with(&read(), &unpaced).await.map(|_| ()) });
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap().unwrap();
    }
    let retries: Vec<_> = emu
        .requests_for(GET)
        .into_iter()
        .filter(|r| r.fault.is_none())
        .map(|r| r.received)
        .collect();
    assert_eq!(retries.len(), CALLS);
    let first = retries.iter().min().unwrap();
    let last = retries.iter().max().unwrap();
    assert!(
        *last - *first >= Duration::from_millis(20),
        "{CALLS} retries within {:?}",
        *last - *first
    );
}

#[tokio::test]
async fn a_post_without_parameters_sends_content_length_zero() {
    let (emu, client) = setup().await;
    client.call(&AuthTest::new()).await.unwrap();
    let log = emu.requests_for("auth.test");
    assert_eq!(log[0].verb, "POST");
    assert_eq!(log[0].header("content-length"), Some("0"), "{:?}", log[0]);
    // A POST with parameters announces their length; a GET announces no body at all.
    client.call(&write()).await.unwrap();
    client.call(&read()).await.unwrap();
    let set = &emu.requests_for(SET)[0];
    assert_eq!(
        set.header("content-length"),
        Some(set.body.len().to_string().as_str())
    );
    let get = &emu.requests_for(GET)[0];
    assert_eq!(get.verb, "GET");
    assert_eq!(get.header("content-length"), None, "{get:?}");
    assert_eq!(get.header("transfer-encoding"), None, "{get:?}");
}

/// The largest single allocation made on the current thread since [`largest_allocation`] was
/// last reset: how the suite sees the size of a response's first buffer.
mod allocations {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Tracking;

    thread_local! {
        static LARGEST: Cell<usize> = const { Cell::new(0) };
    }

    fn note(size: usize) {
        let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
    }

    /// The largest allocation since the last call, which starts a new count.
    pub fn largest_allocation() -> usize {
        LARGEST.with(|largest| largest.replace(0))
    }

    // SAFETY: every call is passed on to the system allocator unchanged; the bookkeeping is a
    // const-initialised thread-local cell, which allocates nothing.
    unsafe impl GlobalAlloc for Tracking {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            note(layout.size());
            unsafe { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            note(layout.size());
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            note(new_size);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }
}

#[global_allocator]
static ALLOCATOR: allocations::Tracking = allocations::Tracking;

/// A `Content-Length` under the limit is still not trusted with the first buffer's size: the
/// buffer grows as bytes arrive.
#[tokio::test]
async fn a_content_length_does_not_size_the_first_buffer() {
    let (emu, _) = setup().await;
    // The default limit, 16 MiB.
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .build()
        .unwrap();
    emu.inject(GET, Fault::claimed_length(15 * 1024 * 1024), 1);
    allocations::largest_allocation();
    let err = client.call_with(&read(), &never()).await.unwrap_err();
    let largest = allocations::largest_allocation();
    // The body ends long before the claimed length.
    assert!(
        matches!(err, Error::Transport { connect: false, .. }),
        "{err:?}"
    );
    assert!(
        largest < 1024 * 1024,
        "a {largest}-byte allocation for a body of a few hundred bytes"
    );
}
