//! Untrusted bytes: arbitrary status, headers and body through the response parser never panic,
//! and whatever comes out is a decided outcome.
//!
//! CI runs the default number of cases; for a longer run:
//! `PROPTEST_CASES=200000 cargo test -p slack-methods-runtime --test parse_props --release`.

use proptest::prelude::*;
use slack_methods_runtime::{
    parse_response, EncodeError, Error, FormEncoder, HttpVerb, RateLimitTier, SlackMethod,
};

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(
        status in any::<u16>(),
        pairs in header_strategy(),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let outcome = parse_response::<Typed>(status, &headers(&pairs), &body);
        if let Err(err) = &outcome {
            prop_assert_eq!(err.method(), Some("users.profile.set"));
            let _ = err.to_string();
        }
    }

    #[test]
    fn near_slack_bodies_never_panic(
        status in prop_oneof![Just(200u16), Just(429), Just(500), any::<u16>()],
        pairs in header_strategy(),
        body in slackish_body(),
    ) {
        match parse_response::<Typed>(status, &headers(&pairs), &body) {
            Ok(_) => prop_assert!((200..300).contains(&status), "success with HTTP {}", status),
            Err(Error::RateLimited { .. }) => prop_assert_eq!(status, 429),
            Err(err) => { let _ = format!("{err} {err:?}"); }
        }
    }
}
