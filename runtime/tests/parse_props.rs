//! Untrusted bytes: arbitrary status, headers and body through the response parser never panic,
//! and whatever comes out is a decided outcome. Untrusted times: whatever a `Retry-After` header
//! says, no clock arithmetic panics, in the parser, the rate limiter's pause and wait, the retry
//! decision, or a whole call through the client and the emulator.
//!
//! CI runs the default number of cases; for a longer run:
//! `PROPTEST_CASES=200000 cargo test -p slack-methods-runtime --test parse_props --release`.

use proptest::prelude::*;
use slack_methods_runtime::{
    parse_response, EncodeError, Error, FormEncoder, HttpVerb, RateLimitTier, RateLimiter,
    RateLimits, RetryPolicy, SlackMethod, Token,
};
use std::time::Duration;

struct Typed;
#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct TypedResponse {
    username: String,
    profile: serde_json::Map<String, serde_json::Value>,
}
impl SlackMethod for Typed {
    const NAME: &'static str = "users.profile.set";
    const VERB: HttpVerb = HttpVerb::Post;
    const SCOPES: &'static [&'static str] = &["users.profile:write"];
    const TIER: RateLimitTier = RateLimitTier::Tier3;
    const WRITES: bool = true;
    type Response = TypedResponse;
    fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
        Ok(())
    }
}

/// An HTTP status code from the generated number (every number the strategies give is valid).
fn code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap()
}

fn headers(pairs: &[(String, Vec<u8>)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_bytes(value),
        ) {
            map.append(name, value);
        }
    }
    map
}

/// Bodies near Slack's shape, mutated: the interesting inputs for a JSON parser.
fn slackish_body() -> impl Strategy<Value = Vec<u8>> {
    let seeds = prop_oneof![
        Just(r#"{"ok":true,"username":"a","profile":{}}"#.to_owned()),
        Just(r#"{"ok":false,"error":"missing_scope","needed":"x","provided":"y"}"#.to_owned()),
        Just(
            r#"{"ok":true,"response_metadata":{"next_cursor":1,"warnings":["w"]},"warning":"a,b"}"#
                .to_owned()
        ),
        Just(r#"{"ok":false,"error":null,"response_metadata":{"messages":[1,2]}}"#.to_owned()),
    ];
    (seeds, any::<usize>(), any::<u8>(), 0usize..4).prop_map(|(seed, at, byte, op)| {
        let mut bytes = seed.into_bytes();
        let at = at % (bytes.len() + 1);
        match op {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => bytes[at] = byte,
            2 => bytes.truncate(at),
            _ => {}
        }
        bytes
    })
}

fn header_strategy() -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let name = prop_oneof![
        Just("retry-after".to_owned()),
        Just("x-oauth-scopes".to_owned()),
        Just("x-accepted-oauth-scopes".to_owned()),
        Just("content-type".to_owned()),
        "[a-z-]{1,12}",
    ];
    prop::collection::vec((name, prop::collection::vec(any::<u8>(), 0..24)), 0..6)
}

/// `Retry-After` texts: numbers of every size (also past `u64::MAX`), signs, fractions,
/// spaces, dates and raw bytes.
fn retry_after_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<u64>().prop_map(|n| n.to_string().into_bytes()),
        (any::<u64>(), any::<u64>()).prop_map(|(a, b)| format!("{a}{b}").into_bytes()),
        (u64::MAX - 3..=u64::MAX).prop_map(|n| n.to_string().into_bytes()),
        "[0-9]{1,60}".prop_map(String::into_bytes),
        "[ \t]{0,2}[-+]?[0-9]{0,25}(\\.[0-9]{1,5})?(e[0-9]{1,3})?[ \t]{0,2}"
            .prop_map(String::into_bytes),
        Just(b"Wed, 21 Oct 2015 07:28:00 GMT".to_vec()),
        prop::collection::vec(any::<u8>(), 0..32),
    ]
}

fn budget() -> impl Strategy<Value = Duration> {
    prop_oneof![
        Just(Duration::ZERO),
        Just(Duration::from_secs(2)),
        Just(Duration::MAX),
        any::<u64>().prop_map(Duration::from_secs),
        (any::<u64>(), 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
    ]
}

/// A runtime whose clock jumps ahead whenever every task waits: a five-minute pause takes no
/// time.
fn paused_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The parser reads any `Retry-After`, the limiter pauses for it (at most `MAX_PAUSE`) and
    /// waits within any budget, and the retry decision weighs it, without a panic.
    #[test]
    fn retry_after_values_never_panic_the_limiter_or_the_retry_decision(
        value in retry_after_value(),
        status in prop_oneof![Just(429u16), Just(200)],
        retry in 0u32..6,
        jitter in any::<f64>(),
        budget in budget(),
        paced in any::<bool>(),
    ) {
        let mut headers = http::HeaderMap::new();
        if let Ok(value) = http::HeaderValue::from_bytes(&value) {
            headers.insert(http::header::RETRY_AFTER, value);
        }
        let body = br#"{"ok":false,"error":"ratelimited"}"#;
        let err = parse_response::<Typed>(code(status), &headers, body).unwrap_err();
        let wait = err.retry_after();
        if status == 429 || wait.is_some() {
            prop_assert!(matches!(err, Error::RateLimited { .. }), "{:?}", err);
        }
        for policy in [RetryPolicy::default(), RetryPolicy::default().budget(budget)] {
            if let (Some(delay), Some(wait)) = (policy.delay_for(&err, true, retry, jitter), wait) {
                prop_assert!(delay == wait && wait <= RateLimiter::MAX_PAUSE);
            }
        }
        let limits = if paced { RateLimits::slack_tiers() } else { RateLimits::off() };
        let limiter = RateLimiter::new(limits);
        let token = Token::new("xoxb-props").unwrap();
        let outcome = paused_runtime().block_on(async {
            if let Some(wait) = wait {
                limiter.pause(&token, Typed::NAME, wait);
                limiter.pause(&token, Typed::NAME, wait);
            }
            let paused = limiter.paused_for(&token, Typed::NAME);
            let admitted = limiter
                .acquire_within(&token, Typed::NAME, Typed::TIER, budget)
                .await;
            (paused, admitted)
        });
        let (paused, admitted) = outcome;
        prop_assert!(paused.is_none_or(|p| p <= RateLimiter::MAX_PAUSE));
        match admitted {
            Ok(()) => prop_assert!(paused.is_none_or(|p| p <= budget)),
            Err(refused) => {
                let left = refused.wait();
                prop_assert!(left.is_some_and(|left| left > budget && left <= RateLimiter::MAX_PAUSE), "{:?}", refused);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(
        status in 100u16..1000,
        pairs in header_strategy(),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let outcome = parse_response::<Typed>(code(status), &headers(&pairs), &body);
        if let Err(err) = &outcome {
            prop_assert_eq!(err.method(), Some("users.profile.set"));
            let _ = err.to_string();
        }
    }

    #[test]
    fn near_slack_bodies_never_panic(
        status in prop_oneof![Just(200u16), Just(429), Just(500), 100u16..1000],
        pairs in header_strategy(),
        body in slackish_body(),
    ) {
        match parse_response::<Typed>(code(status), &headers(&pairs), &body) {
            Ok(_) => prop_assert!((200..300).contains(&status), "success with HTTP {}", status),
            Err(Error::RateLimited { .. }) => prop_assert_eq!(status, 429),
            Err(err) => { let _ = format!("{err} {err:?}"); }
        }
    }
}

/// The whole client path: a call answered with an arbitrary `Retry-After`, through the emulator.
mod through_the_client {
    use super::*;
    use slack_methods_emulator::{Emulator, Fault, UserSpec};
    use slack_methods_runtime::{CallOptions, Client, MethodFacts};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;

    struct Rig {
        runtime: tokio::runtime::Runtime,
        emu: Emulator,
        client: Client,
        tokens: AtomicUsize,
    }

    fn rig() -> &'static Rig {
        static RIG: OnceLock<Rig> = OnceLock::new();
        RIG.get_or_init(|| {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            let (emu, client) = runtime.block_on(async {
                let emu = Emulator::builder()
                    .serve(&[MethodFacts::of::<Typed>()])
                    .start()
                    .await
                    .unwrap();
                emu.add_user(UserSpec::new("U0PROPS", "props"));
                let client = Client::builder()
                    .base_url(&emu.base_url())
                    .timeout(Duration::from_secs(2))
                    .build()
                    .unwrap();
                (emu, client)
            });
            Rig {
                runtime,
                emu,
                client,
                tokens: AtomicUsize::new(0),
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn retry_after_headers_never_panic_a_call(
            value in retry_after_value(),
            status in prop_oneof![Just(429u16), Just(200)],
            budget_ms in 0u64..300,
            paced in any::<bool>(),
        ) {
            let rig = rig();
            // A token of its own per case: the pauses of earlier cases do not hold it.
            let n = rig.tokens.fetch_add(1, Ordering::Relaxed);
            let secret = format!("xoxp-props-{n}");
            rig.emu.add_token(&secret, "U0PROPS", &["users.profile:write"]);
            let value = String::from_utf8_lossy(&value).into_owned();
            // A case that failed half-way may have left its fault unserved.
            rig.emu.clear_faults();
            rig.emu.inject(Typed::NAME, Fault::retry_after(status, value.clone()), 1);
            let options = CallOptions::new()
                .token(Token::new(secret).unwrap())
                .paced(paced)
                .retry_policy(
                    RetryPolicy::default()
                        .backoff(Duration::from_millis(1), Duration::from_millis(5))
                        .budget(Duration::from_millis(budget_ms)),
                );
            let outcome = rig.runtime.block_on(async {
                tokio::time::timeout(
                    Duration::from_secs(5),
                    rig.client.call_with(&Typed, &options),
                )
                .await
            });
            let outcome = outcome.map_err(|_| {
                TestCaseError::fail(format!("Retry-After {value:?} held the call"))
            })?;
            if let Err(err) = outcome {
                prop_assert_eq!(err.method(), Some(Typed::NAME));
                let _ = format!("{err} {err:?}");
            }
        }
    }
}
