//! What the bundled bindings put on the wire: exact bytes, and the same form pairs and profile
//! JSON as Slack's Node SDK sends for the same calls (`../shared/wire/`).

mod common;

use common::{form_pairs, read_shared, shared_dir};
use slack_methods::methods::{AuthTest, OauthV2Access, UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{build_request, encode_params, BaseUrl, Error, Token, UserId};

fn train() -> ProfileUpdate {
    ProfileUpdate::new().status("riding a train", ":mountain_railway:", 0)
}

fn zurich() -> ProfileUpdate {
    ProfileUpdate::new().status("Zürich → Bern & \"back\" / 100%", ":train:", 1_700_000_000)
}

fn user() -> UserId {
    UserId::new("U0123ABCD").unwrap()
}

/// The seed cases, labelled as in the reference captures.
fn seed_cases() -> Vec<(&'static str, Vec<u8>)> {
    let body = |set: &UsersProfileSet| encode_params(set).unwrap().into_bytes();
    vec![
        (
            "users.profile.set({profile})",
            body(&UsersProfileSet::profile(train())),
        ),
        (
            "users.profile.set({name,value})",
            body(&UsersProfileSet::field("first_name", "Jane")),
        ),
        (
            "users.profile.set({user,profile})",
            body(&UsersProfileSet::profile(train()).for_user(user())),
        ),
        (
            "users.profile.set({profile non-ascii+quotes})",
            body(&UsersProfileSet::profile(zurich())),
        ),
    ]
}

#[test]
fn exact_bytes_of_the_seed_cases() {
    let cases = seed_cases();
    let expected: [&[u8]; 4] = [
        b"profile=%7B%22status_text%22%3A%22riding+a+train%22%2C%22status_emoji%22%3A%22%3Amountain_railway%3A%22%2C%22status_expiration%22%3A0%7D",
        b"name=first_name&value=Jane",
        b"user=U0123ABCD&profile=%7B%22status_text%22%3A%22riding+a+train%22%2C%22status_emoji%22%3A%22%3Amountain_railway%3A%22%2C%22status_expiration%22%3A0%7D",
        b"profile=%7B%22status_text%22%3A%22Z%C3%BCrich+%E2%86%92+Bern+%26+%5C%22back%5C%22+%2F+100%25%22%2C%22status_emoji%22%3A%22%3Atrain%3A%22%2C%22status_expiration%22%3A1700000000%7D",
    ];
    for ((label, body), want) in cases.iter().zip(expected) {
        assert_eq!(
            body.as_slice(),
            want,
            "{label}: got {}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn special_characters_in_single_field_values() {
    let set = UsersProfileSet::field("title", "R&D \"lead\" 100% = ok+");
    let body = encode_params(&set).unwrap();
    assert_eq!(body, "name=title&value=R%26D+%22lead%22+100%25+%3D+ok%2B");
    assert_eq!(
        form_pairs(body.as_bytes()),
        [
            ("name".to_owned(), "title".to_owned()),
            ("value".to_owned(), "R&D \"lead\" 100% = ok+".to_owned())
        ]
    );
}

#[test]
fn same_pairs_and_profile_json_as_the_node_sdk() {
    let Some(shared) = shared_dir() else { return };
    let lines = read_shared(&shared, "wire/reference-node-web-api.jsonl");
    let reference: Vec<serde_json::Value> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut compared = 0;
    for (label, body) in seed_cases() {
        let entry = reference
            .iter()
            .find(|e| e["label"].as_str().is_some_and(|l| l.ends_with(label)))
            .unwrap_or_else(|| panic!("no reference capture labelled {label}"));
        let want: Vec<(String, String)> =
            serde_json::from_value(entry["body_form"].clone()).unwrap();
        let got = form_pairs(&body);
        // Same pairs in the same order; the profile JSON is the same text, key order included.
        assert_eq!(got, want, "{label}");
        // Node writes spaces as %20, this crate as +: both decode to the same pairs above, and
        // the bytes differ only there.
        let node_body = entry["body_text"].as_str().unwrap().replace("%20", "+");
        assert_eq!(String::from_utf8(body).unwrap(), node_body, "{label}");
        compared += 1;
    }
    assert_eq!(compared, 4);
}

#[test]
fn a_printed_request_shows_no_argument() {
    // An OAuth exchange carries the app's secret and a one-time code in its form body: a
    // request printed with `{:?}` (a log line) shows neither, as text or as bytes.
    let token = Token::new("xoxp-TEST").unwrap();
    let base = BaseUrl::parse("http://127.0.0.1:9/api/").unwrap();
    let exchange = OauthV2Access::new("123.456", "s3cr3t-value", "c0de-value");
    let request = build_request(&exchange, &base, &token).unwrap();
    let body = String::from_utf8(request.body().to_vec()).unwrap();
    assert!(body.contains("client_secret=s3cr3t-value"), "{body}");
    let printed = format!("{request:?}");
    assert!(printed.contains("RequestBody { len: "), "{printed}");
    for secret in ["s3cr3t-value", "c0de-value", "xoxp-TEST"] {
        let as_bytes = format!("{:?}", secret.as_bytes());
        assert!(!printed.contains(secret), "{printed}");
        assert!(
            !printed.contains(as_bytes.trim_matches(|c| c == '[' || c == ']')),
            "{printed}"
        );
    }
}

#[test]
fn headers_match_what_slack_sdks_send() {
    let token = Token::new("xoxp-TEST").unwrap();
    let base = BaseUrl::parse("http://127.0.0.1:9/api/").unwrap();
    let request = build_request(&UsersProfileSet::profile(train()), &base, &token).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "http://127.0.0.1:9/api/users.profile.set");
    let headers = request.headers();
    assert_eq!(headers["authorization"], "Bearer xoxp-TEST");
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(headers["content-type"], "application/x-www-form-urlencoded");
    assert_eq!(headers["accept"], "application/json");
    // The token is in the header only.
    assert!(!String::from_utf8_lossy(request.body()).contains("xoxp-TEST"));
    assert!(!request.uri().to_string().contains("xoxp-TEST"));

    let auth = build_request(&AuthTest, &base, &token).unwrap();
    assert!(auth.body().is_empty());

    let get = build_request(&UsersProfileGet::of(user()).with_labels(), &base, &token).unwrap();
    assert_eq!(get.method(), "GET");
    assert_eq!(
        get.uri(),
        "http://127.0.0.1:9/api/users.profile.get?user=U0123ABCD&include_labels=true"
    );
    assert!(get.headers().get("content-type").is_none());
}

#[test]
fn invalid_profile_requests_are_rejected_before_encoding() {
    let mut both = UsersProfileSet::profile(train());
    both.name = Some("first_name".into());
    both.value = Some("Jane".into());
    let mut name_only = UsersProfileSet::default();
    name_only.name = Some("first_name".into());
    let mut too_many = ProfileUpdate::new();
    for i in 0..51 {
        too_many = too_many.custom_field(format!("Xf{i:08}"), "v");
    }
    let long_name = UsersProfileSet::field("x".repeat(256), "v");
    let cases = [
        (both, "cannot be sent together"),
        (name_only, "`name` needs a `value`"),
        (UsersProfileSet::profile(too_many), "at most 50"),
        (long_name, "at most 255"),
        (UsersProfileSet::default(), "nothing to set"),
        (
            UsersProfileSet::profile(ProfileUpdate::new()),
            "sets no field",
        ),
    ];
    for (set, needle) in cases {
        match encode_params(&set) {
            Err(Error::InvalidRequest { method, reason }) => {
                assert_eq!(method, "users.profile.set");
                assert!(reason.contains(needle), "{reason:?} lacks {needle:?}");
            }
            other => panic!("expected an invalid request for {set:?}, got {other:?}"),
        }
    }
    // Exactly 50 fields and a 255-character name are fine.
    let mut fifty = ProfileUpdate::new();
    for i in 0..50 {
        fifty = fifty.custom_field(format!("Xf{i:08}"), "v");
    }
    assert!(encode_params(&UsersProfileSet::profile(fifty)).is_ok());
    assert!(encode_params(&UsersProfileSet::field("é".repeat(255), "v")).is_ok());
}

/// The other calls both SDKs were captured making (`auth.test`, `chat.postMessage` with a channel
/// and a text), as this crate sends them: the same verb, content type and body bytes as Slack's
/// Node SDK, and the same pairs as its Python SDK. `users.profile.get` is the deliberate
/// difference: both SDKs send every call as a `POST`; this crate sends a `GET` method's call
/// with its arguments in the query, which Slack takes as well.
#[test]
fn the_other_captured_calls_go_out_as_the_sdks_send_them() {
    use slack_methods::methods::ChatPostMessage;
    use slack_methods::ChannelId;

    let Some(shared) = shared_dir() else { return };
    let captures = |file: &str| -> Vec<serde_json::Value> {
        String::from_utf8(read_shared(&shared, file))
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    };
    let (node, python) = (
        captures("wire/reference-node-web-api.jsonl"),
        captures("wire/reference-python-slack_sdk.jsonl"),
    );
    let find = |entries: &[serde_json::Value], label: &str| -> serde_json::Value {
        entries
            .iter()
            .find(|e| e["label"].as_str().is_some_and(|l| l.ends_with(label)))
            .unwrap_or_else(|| panic!("no reference capture labelled {label}"))
            .clone()
    };
    let header = |entry: &serde_json::Value, name: &str| -> Option<String> {
        entry["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|pair| {
                pair[0]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case(name)
                    .then(|| pair[1].as_str().unwrap().to_owned())
            })
    };
    let token = Token::new("xoxp-TEST").unwrap();
    let base = BaseUrl::parse("http://127.0.0.1:9/api/").unwrap();
    let channel = ChannelId::new("C1").unwrap();
    let cases = [
        (
            "auth.test()",
            "auth_test()",
            build_request(&AuthTest, &base, &token).unwrap(),
        ),
        (
            "chat.postMessage({channel,text})",
            "chat_postMessage(channel,text)",
            build_request(&ChatPostMessage::new(channel, "hi"), &base, &token).unwrap(),
        ),
    ];
    for (node_label, python_label, ours) in cases {
        let (node, python) = (find(&node, node_label), find(&python, python_label));
        assert_eq!(ours.method().as_str(), node["method"], "{node_label}");
        assert_eq!(ours.uri().path(), node["path"], "{node_label}");
        assert_eq!(ours.uri().query(), None, "{node_label}");
        assert_eq!(
            ours.headers()["content-type"].to_str().ok(),
            header(&node, "content-type").as_deref(),
            "{node_label}"
        );
        assert_eq!(
            ours.headers()["authorization"].to_str().ok(),
            header(&node, "authorization").as_deref(),
            "{node_label}"
        );
        let body = String::from_utf8(ours.body().to_vec()).unwrap();
        assert_eq!(body, node["body_text"].as_str().unwrap(), "{node_label}");
        // Python sends this call as JSON; the pairs are the same.
        let python_pairs: Vec<(String, String)> = python["body_json"]
            .as_object()
            .map(|object| {
                object
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let mut ours_pairs = form_pairs(body.as_bytes());
        ours_pairs.sort();
        let mut python_pairs = python_pairs;
        python_pairs.sort();
        assert_eq!(ours_pairs, python_pairs, "{python_label}");
    }

    // `users.profile.get`: a `GET` with no body and no content type, where both SDKs send an
    // empty form with `POST`.
    let node_get = find(&node, "users.profile.get()");
    assert_eq!(node_get["method"], "POST");
    assert_eq!(node_get["body_len"], 0);
    let ours = build_request(&UsersProfileGet::default(), &base, &token).unwrap();
    assert_eq!(ours.method(), "GET");
    assert_eq!(ours.uri(), "http://127.0.0.1:9/api/users.profile.get");
    assert!(ours.body().is_empty() && ours.headers().get("content-type").is_none());
}

// The bundled `users.profile.set`, declared again through `macro_rules!`: its field types arrive
// as `$ty` fragments (wrapped in invisible groups), its JSON field's `Option` among them.
macro_rules! profile_set_binding {
    ($name:ident, $text:ty, $user:ty, $profile:ty) => {
        #[slack_methods::slack_method("users.profile.set")]
        struct $name {
            name: $text,
            value: $text,
            user: $user,
            #[slack(json)]
            profile: $profile,
        }
    };
}

profile_set_binding!(
    ThroughAMacro,
    Option<String>,
    Option<UserId>,
    Option<ProfileUpdate>
);

#[test]
fn a_binding_declared_through_macro_rules_sends_the_same_bytes() {
    let token = Token::new("xoxp-TEST").unwrap();
    let base = BaseUrl::parse("http://127.0.0.1:9/api/").unwrap();
    let cases = [
        UsersProfileSet::profile(train()),
        UsersProfileSet::profile(zurich()).for_user(user()),
        UsersProfileSet::field("first_name", "Jane"),
        UsersProfileSet::field("title", "R&D").for_user(user()),
    ];
    for written in cases {
        let through = ThroughAMacro {
            name: written.name.clone(),
            value: written.value.clone(),
            user: written.user.clone(),
            profile: written.profile.clone(),
        };
        let expected = build_request(&written, &base, &token).unwrap();
        let got = build_request(&through, &base, &token).unwrap();
        assert_eq!(
            String::from_utf8_lossy(got.body()),
            String::from_utf8_lossy(expected.body()),
            "{written:?}"
        );
        assert_eq!(got.uri(), expected.uri());
        assert_eq!(got.headers(), expected.headers());
        // `None` JSON is left out, not sent as `profile=null`.
        assert!(!got.body().windows(5).any(|w| w == b"=null"), "{written:?}");
    }
}

/// Every request Slack's Python and Node SDKs sent (`../shared/wire/`), replayed byte for byte
/// against the emulator: JSON bodies and forms alike are read as Slack reads them, so each call
/// succeeds, and a profile set says back the status it was sent.
#[tokio::test]
async fn the_emulator_answers_the_sdks_own_requests() {
    use slack_methods_emulator::{ChannelSpec, Emulator, UserSpec};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let Some(shared) = shared_dir() else { return };
    let emu = Emulator::builder()
        .gzip_answers()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0123ABCD", "jane").admin());
    emu.add_channel(ChannelSpec::new("C1", "general").members(&["U0123ABCD"]));
    let (mut replayed, mut statuses) = (0, 0);
    for file in [
        "wire/reference-python-slack_sdk.jsonl",
        "wire/reference-node-web-api.jsonl",
    ] {
        let text = String::from_utf8(read_shared(&shared, file)).unwrap();
        for line in text.lines() {
            let entry: serde_json::Value = serde_json::from_str(line).unwrap();
            let label = entry["label"].as_str().unwrap();
            let body = entry["body_text"].as_str().unwrap();
            assert_eq!(
                Some(body.len() as u64),
                entry["body_len"].as_u64(),
                "{label}"
            );
            let mut request = format!(
                "{} {} HTTP/1.1\r\n",
                entry["method"].as_str().unwrap(),
                entry["target"].as_str().unwrap()
            );
            for pair in entry["headers"].as_array().unwrap() {
                let (name, value) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
                if name.eq_ignore_ascii_case("connection") {
                    continue;
                }
                if let Some(token) = value.strip_prefix("Bearer ") {
                    emu.add_token(
                        token,
                        "U0123ABCD",
                        &["users.profile:read", "users.profile:write", "chat:write"],
                    );
                }
                request.push_str(&format!("{name}: {value}\r\n"));
            }
            request.push_str("Connection: close\r\n\r\n");
            request.push_str(body);

            let mut stream = tokio::net::TcpStream::connect(emu.addr()).await.unwrap();
            stream.write_all(request.as_bytes()).await.unwrap();
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await.unwrap();
            let end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
            let head = std::str::from_utf8(&answer[..end])
                .unwrap()
                .to_ascii_lowercase();
            // The emulator compresses its answer when the request asks, as Slack does: the
            // Node SDK asks for gzip, the Python SDK for `identity`.
            let asked = entry["headers"].as_array().unwrap().iter().any(|pair| {
                pair[0]
                    .as_str()
                    .unwrap()
                    .eq_ignore_ascii_case("accept-encoding")
                    && pair[1].as_str().unwrap().contains("gzip")
            });
            let gzipped = head.contains("\r\ncontent-encoding: gzip\r\n");
            assert_eq!(gzipped, asked, "{label}: {head}");
            let mut body = answer[end..].to_vec();
            if gzipped {
                use std::io::Read as _;
                let mut plain = Vec::new();
                flate2::read::GzDecoder::new(body.as_slice())
                    .read_to_end(&mut plain)
                    .unwrap();
                body = plain;
            }
            let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(json["ok"], true, "{label}: {json}");
            // The status the request sent, from its JSON body or its form's profile JSON.
            let sent = entry
                .get("body_json")
                .or_else(|| entry.get("form_json"))
                .and_then(|sent| sent["profile"]["status_text"].as_str());
            if let Some(sent) = sent {
                assert_eq!(json["profile"]["status_text"], sent, "{label}");
                statuses += 1;
            }
            replayed += 1;
        }
    }
    assert_eq!((replayed, statuses), (17, 8));
}
