//! The fault suite: every fault the emulator can inject, through the `Client` over loopback, gives
//! its documented outcome (an error variant, or success after a retry); no write is applied twice;
//! errors name the method and, where Slack gave one, its code.

use slack_methods::emulator::{Emulator, Fault, UserSpec};
use slack_methods::methods::{UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{CallOptions, Client, Error, ErrorCode, RateLimits, RetryPolicy, Token};
use std::time::Duration;

const USER: &str = "U0FAULT001";
const TOKEN: &str = "xoxp-fault-suite";
const SET: &str = "users.profile.set";
const GET: &str = "users.profile.get";

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::start().await.unwrap();
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
    let emu = Emulator::start().await.unwrap();
    emu.add_user(UserSpec::new(USER, "faulty"));
    emu.add_token(TOKEN, USER, &["users.profile:read", "users.profile:write"]);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(RateLimits::slack_tiers().method(SET, 1))
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
