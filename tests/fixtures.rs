//! Real recorded Slack responses (`../shared/slack-fixtures/`) through the response parser.

mod common;

use common::{read_shared, shared_dir};
use serde_json::{Map, Value};
use slack_methods::methods::{AuthTest, UsersProfileGet, UsersProfileSet};
use slack_methods::methods::{AuthTestResponse, UsersProfileGetResponse, UsersProfileSetResponse};
use slack_methods::{
    parse_response, EncodeError, Error, ErrorCode, FormEncoder, HttpVerb, RateLimitTier,
    SlackMethod,
};
use std::path::Path;

/// A binding of no method in particular, to read any response untyped.
struct AnyMethod;

impl SlackMethod for AnyMethod {
    const NAME: &'static str = "fixture.any";
    const VERB: HttpVerb = HttpVerb::Post;
    const SCOPES: &'static [&'static str] = &[];
    const TIER: RateLimitTier = RateLimitTier::Unknown;
    const WRITES: bool = false;
    type Response = Map<String, Value>;
    fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
        Ok(())
    }
}

struct Recorded {
    file: String,
    method: String,
    status: http::StatusCode,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

/// Every HTTP exchange in the VCR cassettes of one folder.
fn cassettes(shared: &Path, folder: &str) -> Vec<Recorded> {
    let mut found = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(shared.join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: Value = serde_norway::from_str(&text).unwrap();
        for exchange in doc["http_interactions"].as_array().unwrap() {
            let uri = exchange["request"]["uri"].as_str().unwrap();
            // Only Web API calls; file uploads go elsewhere and answer in their own format.
            let Some(method) = uri.split("/api/").nth(1) else {
                continue;
            };
            let method = method.split('?').next().unwrap().to_owned();
            let response = &exchange["response"];
            let mut headers = http::HeaderMap::new();
            for (name, values) in response["headers"].as_object().unwrap() {
                for value in values.as_array().unwrap() {
                    headers.append(
                        http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                        http::HeaderValue::from_str(value.as_str().unwrap()).unwrap(),
                    );
                }
            }
            found.push(Recorded {
                file: path.file_name().unwrap().to_string_lossy().into_owned(),
                method,
                status: http::StatusCode::from_u16(
                    u16::try_from(response["status"]["code"].as_u64().unwrap()).unwrap(),
                )
                .unwrap(),
                headers,
                body: response["body"]["string"]
                    .as_str()
                    .unwrap_or("")
                    .as_bytes()
                    .to_vec(),
            });
        }
    }
    found
}

/// Each recorded exchange decodes to what its own bytes say: `ok: true` to data, `ok: false` to
/// an API error with the same code and messages.
#[test]
fn every_recorded_exchange_parses_to_what_it_says() {
    let Some(shared) = shared_dir() else { return };
    let mut exchanges = cassettes(
        &shared,
        "slack-fixtures/slack-ruby-client/spec/fixtures/slack/web",
    );
    exchanges.extend(cassettes(
        &shared,
        "slack-fixtures/slack-strava/spec/fixtures/slack",
    ));
    assert!(
        exchanges.len() >= 20,
        "only {} exchanges found",
        exchanges.len()
    );
    let (mut ok, mut failed) = (0, 0);
    for rec in &exchanges {
        let label = format!("{} {}", rec.file, rec.method);
        let said: Value = serde_json::from_slice(&rec.body)
            .unwrap_or_else(|err| panic!("{label}: fixture body is not JSON: {err}"));
        match parse_response::<AnyMethod>(rec.status, &rec.headers, &rec.body) {
            Ok(response) => {
                assert_eq!(said["ok"], true, "{label}");
                // Every field but the envelope's `ok`, which the runtime consumes.
                let mut fields = said.as_object().unwrap().clone();
                fields.remove("ok");
                assert_eq!(response.data, fields, "{label}");
                let cursor = said["response_metadata"]["next_cursor"]
                    .as_str()
                    .filter(|c| !c.is_empty());
                assert_eq!(response.next_cursor.as_deref(), cursor, "{label}");
                ok += 1;
            }
            Err(Error::Api(api)) => {
                assert_eq!(said["ok"], false, "{label}");
                assert_eq!(
                    api.code.as_str(),
                    said["error"].as_str().unwrap(),
                    "{label}"
                );
                let messages: Vec<String> = said["response_metadata"]["messages"]
                    .as_array()
                    .map(|m| m.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                    .unwrap_or_default();
                assert_eq!(api.messages, messages, "{label}");
                assert_eq!(api.raw.as_bytes(), rec.body.as_slice(), "{label}");
                failed += 1;
            }
            Err(other) => panic!("{label}: unexpected {other}"),
        }
    }
    assert!(ok > 0 && failed > 0, "ok {ok}, failed {failed}");
}

#[test]
fn recorded_auth_test_decodes_typed_with_scopes_header() {
    let Some(shared) = shared_dir() else { return };
    let exchanges = cassettes(
        &shared,
        "slack-fixtures/slack-ruby-client/spec/fixtures/slack/web",
    );
    let rec = exchanges
        .iter()
        .find(|r| r.file == "auth_test_success.yml")
        .unwrap();
    let said: Value = serde_json::from_slice(&rec.body).unwrap();
    let response = parse_response::<AuthTest>(rec.status, &rec.headers, &rec.body).unwrap();
    assert_eq!(response.user_id.as_str(), said["user_id"]);
    assert_eq!(response.team_id.as_str(), said["team_id"]);
    assert_eq!(response.url, said["url"]);
    let scopes = rec.headers["x-oauth-scopes"].to_str().unwrap();
    assert_eq!(response.scopes.token.clone().unwrap().join(","), scopes);

    let error = exchanges
        .iter()
        .find(|r| r.file == "auth_test_error.yml")
        .unwrap();
    let err = parse_response::<AuthTest>(error.status, &error.headers, &error.body).unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotAuthed));
}

/// The success example Slack's spec gives for `users.profile.set` (no `username`) reads
/// through the binding: a write Slack applied is not reported as a failure.
#[test]
fn the_spec_example_of_users_profile_set_reads() {
    let Some(shared) = shared_dir() else { return };
    let spec = read_shared(&shared, "slack-api/slack_web_openapi_v2.json");
    let spec: Value = serde_json::from_slice(&spec).unwrap();
    let example = &spec["paths"]["/users.profile.set"]["post"]["responses"]["200"]["examples"]
        ["application/json"];
    assert!(example.get("username").is_none(), "the example has changed");
    let body = serde_json::to_vec(example).unwrap();
    let read =
        parse_response::<UsersProfileSet>(http::StatusCode::OK, &http::HeaderMap::new(), &body)
            .unwrap();
    assert_eq!(
        read.profile.display_name,
        example["profile"]["display_name"].as_str().unwrap()
    );
    assert_eq!(read.username, "");
}

/// The Java SDK's samples merge every field Slack was seen to send, with `ok: false`: the typed
/// responses must read all of them (keeping the unknown ones), and the envelope must read as an
/// API error carrying `needed`/`provided`.
#[test]
fn java_samples_decode_into_the_typed_responses() {
    let Some(shared) = shared_dir() else { return };
    let dir = "slack-fixtures/java-slack-sdk/json-logs/samples/api";
    let set = read_shared(&shared, &format!("{dir}/users.profile.set.json"));
    let typed: UsersProfileSetResponse = serde_json::from_slice(&set).unwrap();
    let raw: Value = serde_json::from_slice(&set).unwrap();
    assert_eq!(
        typed.profile.status_expiration,
        raw["profile"]["status_expiration"]
    );
    assert_eq!(
        typed.profile.fields.len(),
        raw["profile"]["fields"].as_object().unwrap().len()
    );
    assert_eq!(
        typed.profile.image_original.as_deref(),
        raw["profile"]["image_original"].as_str()
    );
    // Fields the crate does not model are kept, not dropped.
    for key in [
        "huddle_state",
        "status_emoji_display_info",
        "start_date",
        "status_emoji_url",
    ] {
        assert_eq!(
            typed.profile.extra.get(key),
            Some(&raw["profile"][key]),
            "{key}"
        );
    }
    let err =
        parse_response::<UsersProfileSet>(http::StatusCode::OK, &http::HeaderMap::new(), &set)
            .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.needed.as_deref(), raw["needed"].as_str());
    assert_eq!(api.provided.as_deref(), raw["provided"].as_str());

    let get = read_shared(&shared, &format!("{dir}/users.profile.get.json"));
    let typed: UsersProfileGetResponse = serde_json::from_slice(&get).unwrap();
    let raw: Value = serde_json::from_slice(&get).unwrap();
    assert_eq!(
        typed.profile.real_name,
        raw["profile"]["real_name"].as_str().unwrap_or("")
    );
    let _ = parse_response::<UsersProfileGet>(http::StatusCode::OK, &http::HeaderMap::new(), &get)
        .unwrap_err();

    let auth = read_shared(&shared, &format!("{dir}/auth.test.json"));
    let typed: AuthTestResponse = serde_json::from_slice(&auth).unwrap();
    let raw: Value = serde_json::from_slice(&auth).unwrap();
    assert_eq!(typed.user_id.as_str(), raw["user_id"]);
}

/// The hand-written pagination bodies, including one whose `next_cursor` is a number.
#[test]
fn pagination_cursors() {
    let Some(shared) = shared_dir() else { return };
    let dir = shared.join("slack-fixtures/python-slack-sdk/tests/slack_sdk_fixture");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 6);
    for path in files {
        let body = std::fs::read(&path).unwrap();
        let raw: Value = serde_json::from_slice(&body).unwrap();
        let response =
            parse_response::<AnyMethod>(http::StatusCode::OK, &http::HeaderMap::new(), &body)
                .unwrap();
        let want = match &raw["response_metadata"]["next_cursor"] {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        assert_eq!(response.next_cursor, want, "{}", path.display());
    }
}
