//! The loopback Slack emulator, over real TCP: a raw HTTP/1.1 client for byte-level checks and
//! the runtime's `Client` for end-to-end ones.

use serde::Deserialize;
use serde_json::{json, Value};
use slack_methods_emulator::{Blackhole, Emulator, Fault, UserSpec};
use slack_methods_runtime::{
    Client, EncodeError, Error, ErrorCode, FormEncoder, HttpVerb, RateLimitTier, RateLimits,
    SlackMethod, Token,
};
use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const READ: &str = "xoxp-read";
const WRITE: &str = "xoxp-write";
const ADMIN: &str = "xoxp-admin";
const BOT: &str = "xoxb-bot";

async fn emulator() -> Emulator {
    emulator_from(Emulator::builder()).await
}

async fn emulator_from(builder: slack_methods_emulator::EmulatorBuilder) -> Emulator {
    let emu = builder
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0JANE", "jane").real_name("Jane Doe"));
    emu.add_user(UserSpec::new("U0BOSS", "boss").admin());
    emu.add_user(UserSpec::new("U0OWNER", "owner").owner());
    emu.add_user(UserSpec::new("U0BOT", "robot").bot("B0BOT"));
    emu.add_token(READ, "U0JANE", &["users.profile:read", "identify"]);
    emu.add_token(
        WRITE,
        "U0JANE",
        &["users.profile:read", "users.profile:write"],
    );
    emu.add_token(ADMIN, "U0BOSS", &["users.profile:write"]);
    emu.add_token(BOT, "U0BOT", &["chat:write"]);
    emu
}

// ---- a raw HTTP/1.1 client -------------------------------------------------------------------

#[derive(Debug)]
struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body))
        })
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }
}

type Headers = Vec<(String, String)>;

/// The status, the headers and the length of the head, once the head is complete.
fn split_head(bytes: &[u8]) -> Option<(u16, Headers, usize)> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = std::str::from_utf8(&bytes[..end]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.trim().to_owned(), v.trim().to_owned())
        })
        .collect();
    Some((status, headers, end))
}

/// Sends `request` on a fresh connection and reads until the server closes it.
async fn exchange(addr: SocketAddr, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(request).await?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await?;
    Ok(bytes)
}

/// Sends `request` and parses the answer, which must be complete.
async fn raw(addr: SocketAddr, request: &[u8]) -> Raw {
    let bytes = exchange(addr, request).await.unwrap();
    let (status, headers, end) = split_head(&bytes).expect("a complete head");
    let raw = Raw {
        status,
        headers,
        body: bytes[end..].to_vec(),
    };
    let length: usize = raw.header("content-length").unwrap().parse().unwrap();
    assert_eq!(length, raw.body.len(), "Content-Length matches the body");
    raw
}

fn request(verb: &str, target: &str, token: Option<&str>, body: &str, close: bool) -> Vec<u8> {
    let mut text = format!("{verb} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if let Some(token) = token {
        text.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    if !body.is_empty() {
        text.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n", body.len()));
    if close {
        text.push_str("Connection: close\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    text.into_bytes()
}

async fn post(emu: &Emulator, method: &str, token: Option<&str>, body: &str) -> Raw {
    let target = format!("/api/{method}");
    raw(emu.addr(), &request("POST", &target, token, body, true)).await
}

fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

async fn set_profile(emu: &Emulator, token: &str, pairs: &[(&str, &str)]) -> Raw {
    post(emu, "users.profile.set", Some(token), &form(pairs)).await
}

/// A connection kept open across several exchanges.
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> Conn {
        Conn {
            stream: TcpStream::connect(addr).await.unwrap(),
            buf: Vec::new(),
        }
    }

    async fn send(&mut self, request: &[u8]) {
        self.stream.write_all(request).await.unwrap();
    }

    async fn receive(&mut self) -> Raw {
        loop {
            if let Some((status, headers, end)) = split_head(&self.buf) {
                let length: usize = headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                    .map(|(_, v)| v.parse().unwrap())
                    .unwrap();
                if self.buf.len() >= end + length {
                    let body = self.buf[end..end + length].to_vec();
                    self.buf.drain(..end + length);
                    return Raw {
                        status,
                        headers,
                        body,
                    };
                }
            }
            let n = self.stream.read_buf(&mut self.buf).await.unwrap();
            assert!(n > 0, "the server closed the connection early");
        }
    }
}

// ---- bindings written by hand, as `#[slack_method]` would generate them ------------------------

#[derive(Deserialize, Debug)]
struct Profile {
    real_name: String,
    real_name_normalized: String,
    display_name: String,
    display_name_normalized: String,
    avatar_hash: String,
    title: String,
    phone: String,
    skype: String,
    status_text: String,
    status_emoji: String,
    status_expiration: i64,
    fields: serde_json::Map<String, Value>,
}

#[derive(Deserialize, Debug)]
struct SetResponse {
    username: String,
    profile: Profile,
}

#[derive(Deserialize, Debug)]
struct GetResponse {
    profile: Profile,
}

struct ProfileSet {
    profile: Value,
    user: Option<&'static str>,
}

impl SlackMethod for ProfileSet {
    const NAME: &'static str = "users.profile.set";
    const VERB: HttpVerb = HttpVerb::Post;
    const SCOPES: &'static [&'static str] = &["users.profile:write"];
    const TIER: RateLimitTier = RateLimitTier::Tier3;
    const WRITES: bool = true;
    type Response = SetResponse;
    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
        form.append("profile", self.profile.to_string().as_str());
        if let Some(user) = self.user {
            form.append("user", user);
        }
        Ok(())
    }
}

struct ProfileGet {
    user: Option<&'static str>,
}

impl SlackMethod for ProfileGet {
    const NAME: &'static str = "users.profile.get";
    const VERB: HttpVerb = HttpVerb::Get;
    const SCOPES: &'static [&'static str] = &["users.profile:read"];
    const TIER: RateLimitTier = RateLimitTier::Tier4;
    const WRITES: bool = false;
    type Response = GetResponse;
    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
        if let Some(user) = self.user {
            form.append("user", user);
        }
        Ok(())
    }
}

fn client(emu: &Emulator, token: &str) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(token).unwrap())
        .timeout(Duration::from_secs(5))
        // These tests are about the server; the client's own pacing would only slow them down.
        .rate_limits(RateLimits::off())
        .build()
        .unwrap()
}

// ---- authentication ----------------------------------------------------------------------------

#[tokio::test]
async fn auth_errors_have_slacks_exact_envelopes() {
    let emu = emulator().await;
    let none = post(&emu, "users.profile.get", None, "").await;
    assert_eq!(none.status, 200);
    assert_eq!(
        none.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(none.text(), r#"{"ok":false,"error":"not_authed"}"#);

    let unknown = post(&emu, "users.profile.get", Some("xoxp-nope"), "").await;
    assert_eq!(unknown.text(), r#"{"ok":false,"error":"invalid_auth"}"#);

    let scope = post(&emu, "users.profile.set", Some(READ), "name=title&value=x").await;
    assert_eq!(
        scope.text(),
        r#"{"ok":false,"error":"missing_scope","needed":"users.profile:write","provided":"users.profile:read,identify"}"#
    );
    assert_eq!(emu.applied_writes("users.profile.set"), 0);

    let method = post(&emu, "users.profile.sett", Some(WRITE), "").await;
    assert_eq!(method.text(), r#"{"ok":false,"error":"unknown_method"}"#);

    emu.revoke_token(READ);
    let revoked = post(&emu, "auth.test", Some(READ), "").await;
    assert_eq!(revoked.json()["error"], "token_revoked");
}

/// A POST with no `Authorization` header, whose body has `content_type`.
async fn post_without_header(emu: &Emulator, target: &str, content_type: &str, body: &str) -> Raw {
    let text = format!(
        "POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    raw(emu.addr(), text.as_bytes()).await
}

#[tokio::test]
async fn a_token_argument_counts_where_slack_takes_one() {
    let emu = emulator().await;
    const FORM: &str = "application/x-www-form-urlencoded";
    // A form or multipart body may carry the token in place of the header, as Slack takes it.
    let in_form =
        post_without_header(&emu, "/api/auth.test", FORM, &form(&[("token", READ)])).await;
    assert_eq!(in_form.json()["ok"], true, "{}", in_form.text());
    assert_eq!(
        in_form.header("x-oauth-scopes"),
        Some("users.profile:read,identify")
    );
    let multipart = format!(
        "--XyZ\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{READ}\r\n--XyZ--\r\n"
    );
    let in_parts = post_without_header(
        &emu,
        "/api/auth.test",
        "multipart/form-data; boundary=XyZ",
        &multipart,
    )
    .await;
    assert_eq!(in_parts.json()["ok"], true, "{}", in_parts.text());
    // The argument is checked as the header's token is.
    let unknown = post_without_header(&emu, "/api/auth.test", FORM, "token=xoxp-nope").await;
    assert_eq!(unknown.json()["error"], "invalid_auth");
    let empty = post_without_header(&emu, "/api/auth.test", FORM, "token=").await;
    assert_eq!(empty.json()["error"], "not_authed");
    // The header wins over the argument.
    let both = post(
        &emu,
        "users.profile.set",
        Some(READ),
        &form(&[("token", WRITE)]),
    )
    .await;
    assert_eq!(both.json()["error"], "missing_scope");

    // Not from a JSON body, nor from the query string.
    let in_json = post_without_header(
        &emu,
        "/api/auth.test",
        "application/json",
        &format!(r#"{{"token":"{READ}"}}"#),
    )
    .await;
    assert_eq!(in_json.json()["error"], "not_authed");
    let in_query =
        post_without_header(&emu, &format!("/api/auth.test?token={READ}"), FORM, "").await;
    assert_eq!(in_query.json()["error"], "not_authed");
}

#[tokio::test]
async fn auth_test_answers_who_the_token_is() {
    let emu = emulator().await;
    let me = post(&emu, "auth.test", Some(WRITE), "").await;
    assert!(me.text().starts_with(r#"{"ok":true,"#), "{}", me.text());
    assert_eq!(
        me.json(),
        json!({
            "ok": true,
            "url": "https://emulated.slack.com/",
            "team": "Emulated Workspace",
            "user": "jane",
            "team_id": "T0EMULATOR",
            "user_id": "U0JANE",
            "is_enterprise_install": false,
        })
    );
    assert_eq!(
        me.header("x-oauth-scopes"),
        Some("users.profile:read,users.profile:write")
    );
    assert_eq!(me.header("x-accepted-oauth-scopes"), Some(""));
    let bot = post(&emu, "auth.test", Some(BOT), "").await.json();
    assert_eq!(bot["bot_id"], "B0BOT");
    assert_eq!(bot["user_id"], "U0BOT");
}

// ---- users.profile.set / get -------------------------------------------------------------------

#[tokio::test]
async fn set_then_get_round_trips_through_the_client() {
    let emu = emulator().await;
    let writer = client(&emu, WRITE);
    let set = writer
        .call(&ProfileSet {
            profile: json!({
                "display_name": "Zoë",
                "status_text": "riding a train",
                "status_emoji": ":train:",
                "status_expiration": 1_900_000_000,
                "fields": {"Xf01": {"value": "Paris", "alt": ""}},
                "not_a_profile_key": "ignored",
            }),
            user: None,
        })
        .await
        .unwrap();
    assert_eq!(set.username, "jane");
    assert_eq!(set.profile.display_name, "Zoë");
    assert_eq!(set.profile.display_name_normalized, "Zoe");
    assert_eq!(set.profile.real_name, "Jane Doe");
    assert_eq!(set.profile.real_name_normalized, "Jane Doe");
    assert_eq!(
        set.scopes.token.as_deref(),
        Some(
            &[
                "users.profile:read".to_owned(),
                "users.profile:write".to_owned()
            ][..]
        )
    );
    assert_eq!(
        set.scopes.accepted.as_deref(),
        Some(&["users.profile:write".to_owned()][..])
    );
    assert_eq!(emu.applied_writes("users.profile.set"), 1);

    // A second set merges: the fields stay, the title is added, the field is updated per id.
    let again = set_profile(
        &emu,
        WRITE,
        &[(
            "profile",
            r#"{"title":"Engineer","fields":{"Xf02":{"value":"Rust"}}}"#,
        )],
    )
    .await
    .json();
    assert_eq!(again["profile"]["fields"]["Xf01"]["value"], "Paris");
    assert_eq!(again["profile"]["fields"]["Xf02"]["value"], "Rust");
    assert_eq!(emu.applied_writes("users.profile.set"), 2);

    let reader = client(&emu, READ);
    let got = reader.call(&ProfileGet { user: None }).await.unwrap();
    assert_eq!(got.profile.title, "Engineer");
    assert_eq!(got.profile.status_text, "riding a train");
    assert_eq!(got.profile.status_emoji, ":train:");
    assert_eq!(got.profile.status_expiration, 1_900_000_000);
    assert_eq!(got.profile.fields.len(), 2);
    assert!(!got.profile.avatar_hash.is_empty());
    assert_eq!(
        (got.profile.phone.as_str(), got.profile.skype.as_str()),
        ("", "")
    );
    assert_eq!(emu.profile("U0JANE").unwrap()["title"], "Engineer");
    assert!(emu
        .profile("U0JANE")
        .unwrap()
        .get("not_a_profile_key")
        .is_none());

    // The single-key form sets one key; an empty custom field value removes the field.
    let one = set_profile(&emu, WRITE, &[("name", "Xf01"), ("value", "")])
        .await
        .json();
    assert!(one["profile"]["fields"].get("Xf01").is_none());
    let one = set_profile(&emu, WRITE, &[("name", "first_name"), ("value", "Janet")])
        .await
        .json();
    assert_eq!(one["profile"]["first_name"], "Janet");
    assert_eq!(one["profile"]["real_name"], "Janet");

    // Labels on request, by GET with a query string.
    emu.define_profile_field("Xf02", "Language");
    let labelled = raw(
        emu.addr(),
        &request(
            "GET",
            "/api/users.profile.get?include_labels=true&user=U0JANE",
            Some(READ),
            "",
            true,
        ),
    )
    .await
    .json();
    assert_eq!(labelled["profile"]["fields"]["Xf02"]["label"], "Language");
    let missing = raw(
        emu.addr(),
        &request(
            "GET",
            "/api/users.profile.get?user=U0NOBODY",
            Some(READ),
            "",
            true,
        ),
    )
    .await;
    assert_eq!(missing.text(), r#"{"ok":false,"error":"user_not_found"}"#);
}

/// A POST whose body has `content_type` (none when `None`).
async fn post_typed(emu: &Emulator, method: &str, content_type: Option<&str>, body: &str) -> Raw {
    let mut text = format!("POST /api/{method} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    text.push_str(&format!("Authorization: Bearer {WRITE}\r\n"));
    if let Some(content_type) = content_type {
        text.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    text.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    raw(emu.addr(), text.as_bytes()).await
}

#[tokio::test]
async fn json_and_multipart_bodies_are_read_as_slack_reads_them() {
    let emu = emulator().await;
    // What Slack's SDKs send: a JSON object, `profile` as an object in it; and a multipart form.
    let json = r#"{"profile":{"status_text":"on a train","status_emoji":":train:"},"user":null}"#;
    let multipart = concat!(
        "--XyZ\r\n",
        "Content-Disposition: form-data; name=\"profile\"\r\n\r\n",
        r#"{"status_text":"in a meeting"}"#,
        "\r\n--XyZ--\r\n"
    );
    for (content_type, body, status) in [
        ("application/json; charset=utf-8", json, "on a train"),
        (
            "multipart/form-data; boundary=XyZ",
            multipart,
            "in a meeting",
        ),
    ] {
        let answer = post_typed(&emu, "users.profile.set", Some(content_type), body)
            .await
            .json();
        assert_eq!(answer["ok"], true, "{answer}");
        assert_eq!(answer["profile"]["status_text"], status);
    }

    // Bodies Slack cannot read get Slack's codes for them, not an answer about missing arguments.
    for (content_type, body, code) in [
        (Some("application/json"), r#"{"profile":"#, "invalid_json"),
        (Some("application/json"), "[1]", "json_not_object"),
        (
            Some("multipart/form-data; boundary=XyZ"),
            "no parts here",
            "invalid_form_data",
        ),
        (Some("multipart/form-data"), multipart, "invalid_form_data"),
        (Some("text/plain"), "profile=x", "invalid_post_type"),
        (None, "profile=x", "missing_post_type"),
    ] {
        let answer = post_typed(&emu, "users.profile.set", content_type, body)
            .await
            .json();
        assert_eq!(answer["error"], code, "{content_type:?} {body}");
    }
    // Nothing of those was applied.
    assert_eq!(emu.applied_writes("users.profile.set"), 2);
}

#[tokio::test]
async fn profile_set_rejects_what_slack_rejects() {
    let emu = emulator().await;
    let code = |raw: Raw| raw.json()["error"].as_str().unwrap().to_owned();
    for profile in [
        "not json",
        "[1,2]",
        "\"text\"",
        r#"{"title":true}"#,
        r#"{"fields":7}"#,
    ] {
        let answer = set_profile(&emu, WRITE, &[("profile", profile)]).await;
        assert_eq!(code(answer), "invalid_profile", "{profile}");
    }
    let many: serde_json::Map<String, Value> =
        (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    let answer = set_profile(
        &emu,
        WRITE,
        &[("profile", &Value::Object(many).to_string())],
    )
    .await;
    assert_eq!(code(answer), "invalid_profile");
    let long = json!({ "x".repeat(256): "v" }).to_string();
    assert_eq!(
        code(set_profile(&emu, WRITE, &[("profile", &long)]).await),
        "invalid_profile"
    );
    // 50 keys of 255 characters are still fine.
    let most: serde_json::Map<String, Value> = (0..50)
        .map(|i| (format!("{i:0>255}"), json!("v")))
        .collect();
    let answer = set_profile(
        &emu,
        WRITE,
        &[("profile", &Value::Object(most).to_string())],
    )
    .await;
    assert_eq!(answer.json()["ok"], true);

    for name in ["everyone", "@here", "Channel", "slackbot"] {
        let profile = json!({ "display_name": name }).to_string();
        let answer = set_profile(&emu, WRITE, &[("profile", &profile)]).await;
        assert_eq!(code(answer), "reserved_name", "{name}");
    }
    assert_eq!(
        code(set_profile(&emu, WRITE, &[("name", "title")]).await),
        "invalid_arguments"
    );
    assert_eq!(
        code(
            set_profile(
                &emu,
                WRITE,
                &[("profile", "{}"), ("name", "title"), ("value", "x")]
            )
            .await
        ),
        "invalid_arguments"
    );

    // Only admins set others' profiles, and only owners set admins'.
    let other = [("user", "U0BOSS"), ("name", "title"), ("value", "x")];
    assert_eq!(code(set_profile(&emu, WRITE, &other).await), "not_admin");
    let by_admin = set_profile(
        &emu,
        ADMIN,
        &[("user", "U0JANE"), ("name", "title"), ("value", "Lead")],
    )
    .await
    .json();
    assert_eq!(by_admin["username"], "jane");
    assert_eq!(emu.profile("U0JANE").unwrap()["title"], "Lead");
    let on_owner = [("user", "U0OWNER"), ("name", "title"), ("value", "x")];
    assert_eq!(
        code(set_profile(&emu, ADMIN, &on_owner).await),
        "cannot_update_admin_user"
    );
    let ghost = [("user", "U0GHOST"), ("name", "title"), ("value", "x")];
    assert_eq!(
        code(set_profile(&emu, ADMIN, &ghost).await),
        "user_not_found"
    );

    // Only the two successful sets were applied.
    assert_eq!(emu.applied_writes("users.profile.set"), 2);
}

// ---- stubs and the request log ------------------------------------------------------------------

#[tokio::test]
async fn stubs_answer_methods_the_emulator_does_not_implement() {
    let emu = emulator().await;
    let args = "name=shipit&url=https%3A%2F%2Fexample.com%2Fshipit.png";
    let before = post(&emu, "admin.emoji.add", Some(BOT), args).await;
    assert_eq!(before.json()["error"], "unknown_method");

    emu.stub_method("admin.emoji.add", json!({"note": "stubbed"}));
    let answer = post(&emu, "admin.emoji.add", Some(BOT), args).await;
    assert_eq!(answer.text(), r#"{"ok":true,"note":"stubbed"}"#);
    assert_eq!(emu.applied_writes("admin.emoji.add"), 1);
    let unauthed = post(&emu, "admin.emoji.add", None, "").await;
    assert_eq!(unauthed.json()["error"], "not_authed");

    emu.stub_method_with_scopes("chat.postMessage", &["chat:write"], json!({"ts": "1.2"}));
    assert_eq!(
        post(&emu, "chat.postMessage", Some(BOT), "").await.json()["ts"],
        "1.2"
    );
    let scope = post(&emu, "chat.postMessage", Some(READ), "").await.json();
    assert_eq!(scope["error"], "missing_scope");
    assert_eq!(scope["needed"], "chat:write");

    emu.stub_method("pins.add", json!({"ok": false, "error": "already_pinned"}));
    assert_eq!(
        post(&emu, "pins.add", Some(BOT), "").await.json()["error"],
        "already_pinned"
    );
    assert_eq!(emu.applied_writes("pins.add"), 0);

    // An `ok` that is neither `true` nor `false` is answered as it is, to try a client on it.
    emu.stub_method("pins.remove", json!({"ok": "yes", "error": null}));
    let odd = post(&emu, "pins.remove", Some(BOT), "").await;
    assert_eq!(odd.text(), r#"{"error":null,"ok":"yes"}"#);
    assert_eq!(emu.applied_writes("pins.remove"), 0);
    emu.stub_method("pins.remove", json!({"ok": true, "pinned": 1}));
    let plain = post(&emu, "pins.remove", Some(BOT), "").await;
    assert_eq!(plain.text(), r#"{"ok":true,"pinned":1}"#);
}

#[tokio::test]
async fn the_request_log_keeps_exact_bytes_and_hides_the_token() {
    let emu = emulator().await;
    let body = "profile=%7B%22title%22%3A%22a+b%26c%22%7D&user=U0JANE";
    set_profile(&emu, WRITE, &[]).await; // an invalid_arguments call, recorded too
    emu.clear_requests();
    post(&emu, "users.profile.set", Some(WRITE), body).await;
    raw(
        emu.addr(),
        &request(
            "GET",
            "/api/users.profile.get?user=U0JANE&x=%C3%A9",
            Some(READ),
            "",
            true,
        ),
    )
    .await;
    raw(emu.addr(), &request("GET", "/elsewhere", None, "", true)).await;

    let log = emu.requests();
    assert_eq!(log.len(), 3);
    let set = &log[0];
    assert_eq!(set.verb, "POST");
    assert_eq!(set.method.as_deref(), Some("users.profile.set"));
    assert_eq!(set.body, body.as_bytes());
    assert_eq!(set.param("profile"), Some(r#"{"title":"a b&c"}"#));
    assert_eq!(set.param("user"), Some("U0JANE"));
    assert_eq!(
        set.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(set.bearer_token(), Some(WRITE));
    let debug = format!("{set:?}");
    assert!(!debug.contains(WRITE), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");

    let get = &log[1];
    assert_eq!(
        (get.verb.as_str(), get.path.as_str()),
        ("GET", "/api/users.profile.get")
    );
    assert_eq!(get.param("x"), Some("é"));
    assert!(get.body.is_empty());
    assert_eq!(log[2].method, None);
    assert_eq!(emu.requests_for("users.profile.get").len(), 1);

    // A token sent as an argument, in the query or the body, is hidden in `Debug` too.
    let secret = "xoxp-sent-as-an-argument";
    let target = format!("/api/auth.test?token={secret}");
    raw(
        emu.addr(),
        &request("POST", &target, None, &form(&[("token", secret)]), true),
    )
    .await;
    let json = format!(r#"{{"token":"{secret}"}}"#);
    post_typed(&emu, "auth.test", Some("application/json"), &json).await;
    for request in &emu.requests_for("auth.test") {
        let debug = format!("{request:?}");
        assert!(!debug.contains(secret), "{debug}");
        assert!(!debug.contains(WRITE), "{debug}");
    }
}

// ---- the HTTP layer ------------------------------------------------------------------------------

#[tokio::test]
async fn keep_alive_pipelining_and_malformed_requests() {
    let emu = emulator().await;
    let mut conn = Conn::open(emu.addr()).await;
    // Two requests written at once are answered in order on one connection.
    let mut both = request("POST", "/api/auth.test", Some(WRITE), "", false);
    both.extend(request("POST", "/api/auth.test", Some(BOT), "", false));
    conn.send(&both).await;
    assert_eq!(conn.receive().await.json()["user"], "jane");
    assert_eq!(conn.receive().await.json()["user"], "robot");
    conn.send(&request("GET", "/api/auth.test", Some(WRITE), "", false))
        .await;
    assert_eq!(conn.receive().await.status, 200);

    let not_found = raw(emu.addr(), &request("GET", "/api", None, "", true)).await;
    assert_eq!(not_found.status, 404);
    // An absolute-form target, as a client sends it to a proxy, names the same method.
    let absolute = format!("http://{}/api/auth.test?x=1", emu.addr());
    let through_proxy = raw(
        emu.addr(),
        &request("POST", &absolute, Some(WRITE), "", true),
    )
    .await;
    assert_eq!(
        through_proxy.json()["user"],
        "jane",
        "{}",
        through_proxy.text()
    );
    let upper = raw(
        emu.addr(),
        &request(
            "GET",
            "HTTP://example.test/api/auth.test",
            Some(WRITE),
            "",
            true,
        ),
    )
    .await;
    assert_eq!(upper.json()["ok"], true, "{}", upper.text());
    let root = raw(
        emu.addr(),
        &request("GET", "http://example.test", None, "", true),
    )
    .await;
    assert_eq!(root.status, 404);
    let logged = emu.requests_for("auth.test");
    let logged = logged.iter().find(|r| r.target == absolute);
    assert_eq!(
        logged.map(|r| (r.path.as_str(), r.param("x"))),
        Some(("/api/auth.test", Some("1")))
    );
    let verb = raw(
        emu.addr(),
        &request("DELETE", "/api/auth.test", Some(WRITE), "", true),
    )
    .await;
    assert_eq!(
        (verb.status, verb.header("allow")),
        (405, Some("GET, POST"))
    );

    // Requests refused whole, each on a connection of its own, with the status that says why.
    for (request, status) in [
        (&b"\x00\x01\x02 what\r\n\r\n"[..], 400),
        // Both framings at once, another coding, a chunk size that is not hex.
        (
            b"POST /api/auth.test HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 12\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            400,
        ),
        (
            b"POST /api/auth.test HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nxyz",
            501,
        ),
        (
            b"POST /api/auth.test HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n",
            400,
        ),
        (
            b"POST /api/auth.test HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n",
            413,
        ),
        (
            b"POST /api/auth.test HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            400,
        ),
    ] {
        let answer = raw(emu.addr(), request).await;
        assert_eq!(answer.status, status, "{}", String::from_utf8_lossy(request));
    }
    // A head over 32 KiB is refused, also when its last read completes it.
    for size in [32 * 1024 - 100, 32 * 1024 + 100, 40 * 1024] {
        let head = format!(
            "GET /api/auth.test HTTP/1.1\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
            "a".repeat(size)
        );
        let answer = raw(emu.addr(), head.as_bytes()).await;
        let expected = if head.len() > 32 * 1024 { 431 } else { 200 };
        assert_eq!(answer.status, expected, "a head of {} bytes", head.len());
    }
    // A client that goes away mid-body does not disturb the server.
    let mut short = TcpStream::connect(emu.addr()).await.unwrap();
    short
        .write_all(b"POST /api/auth.test HTTP/1.1\r\nContent-Length: 10\r\n\r\nab")
        .await
        .unwrap();
    short.shutdown().await.unwrap();
    let mut rest = Vec::new();
    short.read_to_end(&mut rest).await.unwrap();
    assert!(rest.is_empty(), "no answer to half a body");
    let mut half = TcpStream::connect(emu.addr()).await.unwrap();
    half.write_all(b"POST /api/auth.test HTTP/1.1\r\nContent-Le")
        .await
        .unwrap();
    drop(half);

    // The keep-alive connection still works after all of that.
    conn.send(&request("POST", "/api/auth.test", Some(WRITE), "", false))
        .await;
    assert_eq!(conn.receive().await.json()["ok"], true);
}

/// A chunked body (what a client sends when it streams a body of unknown length), its chunks
/// arriving one write at a time after `100 Continue`, gives the method its arguments, and the
/// connection serves the next request.
#[tokio::test]
async fn chunked_request_bodies_are_read() {
    let emu = emulator().await;
    let mut conn = Conn::open(emu.addr()).await;
    let head = format!(
        "POST /api/users.profile.set HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {WRITE}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
    );
    conn.send(head.as_bytes()).await;
    while !conn.buf.ends_with(b"\r\n\r\n") {
        assert!(conn.stream.read_buf(&mut conn.buf).await.unwrap() > 0);
    }
    assert_eq!(conn.buf, b"HTTP/1.1 100 Continue\r\n\r\n");
    conn.buf.clear();
    let body = form(&[("profile", r#"{"title":"chunked"}"#)]);
    let (first, second) = body.split_at(10);
    for part in [
        format!("{:x};note=first\r\n{first}\r\n", first.len()),
        format!("{:X}\r\n{second}\r\n", second.len()),
        "0\r\n".to_owned(),
        "Trailer-Field: x\r\n\r\n".to_owned(),
    ] {
        conn.send(part.as_bytes()).await;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let answer = conn.receive().await.json();
    assert_eq!(answer["profile"]["title"], "chunked", "{answer}");
    conn.send(&request("POST", "/api/auth.test", Some(WRITE), "", false))
        .await;
    assert_eq!(conn.receive().await.json()["user"], "jane");
}

// ---- faults ----------------------------------------------------------------------------------------

#[tokio::test]
async fn faults_break_the_answer_at_the_byte_level() {
    let emu = emulator().await;
    let addr = emu.addr();
    let call = || request("POST", "/api/auth.test", Some(WRITE), "", true);

    emu.inject("auth.test", Fault::reset(), 1);
    let err = exchange(addr, &call()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ConnectionReset);

    emu.inject("auth.test", Fault::truncated(), 1);
    let bytes = exchange(addr, &call()).await.unwrap();
    let (status, headers, end) = split_head(&bytes).unwrap();
    let promised: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.parse().unwrap())
        .unwrap();
    assert_eq!(status, 200);
    assert!(
        bytes.len() - end < promised,
        "{} < {promised}",
        bytes.len() - end
    );
    assert!(bytes.len() > end, "some of the body is sent");

    emu.inject("auth.test", Fault::EmptyBody, 1);
    let empty = raw(addr, &call()).await;
    assert_eq!(
        (empty.status, empty.header("content-length")),
        (200, Some("0"))
    );
    assert!(empty.body.is_empty());

    emu.inject("auth.test", Fault::NonJsonBody, 1);
    let html = raw(addr, &call()).await;
    assert_eq!(html.status, 200);
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert!(serde_json::from_slice::<Value>(&html.body).is_err());

    emu.inject("auth.test", Fault::WrongContentType, 1);
    let mislabelled = raw(addr, &call()).await;
    assert!(mislabelled
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(mislabelled.json()["user"], "jane");

    emu.inject("auth.test", Fault::oversized(100_000), 1);
    let big = raw(addr, &call()).await;
    assert!(big.body.len() >= 100_000);
    assert_eq!(big.json()["user_id"], "U0JANE");

    emu.inject("auth.test", Fault::server_error(502), 1);
    let gateway = raw(addr, &call()).await;
    assert_eq!(gateway.status, 502);
    assert!(gateway.text().contains("502 Bad Gateway"));

    emu.inject("auth.test", Fault::rate_limited(7), 1);
    let limited = raw(addr, &call()).await;
    assert_eq!(
        (limited.status, limited.header("retry-after")),
        (429, Some("7"))
    );
    assert_eq!(limited.text(), r#"{"ok":false,"error":"ratelimited"}"#);
    assert_eq!(emu.rate_limited_responses(), 1);

    emu.inject("auth.test", Fault::slack_error("fatal_error"), 2);
    for _ in 0..2 {
        let fatal = raw(addr, &call()).await;
        assert_eq!(fatal.text(), r#"{"ok":false,"error":"fatal_error"}"#);
    }
    // The queue is spent: the next call is answered normally, and every call was logged.
    assert_eq!(raw(addr, &call()).await.json()["ok"], true);
    let log = emu.requests_for("auth.test");
    assert_eq!(log.len(), 11);
    assert_eq!(log[0].fault, Some(Fault::reset()));
    assert_eq!(log[10].fault, None);
    assert!(log.windows(2).all(|w| w[0].received <= w[1].received));
}

#[tokio::test]
async fn retry_after_and_claimed_length_faults_at_the_byte_level() {
    let emu = emulator().await;
    let addr = emu.addr();
    let call = || request("POST", "/api/auth.test", Some(WRITE), "", true);

    // Any Retry-After text, on a 429 or on Slack's `ok: false` form.
    for (status, value) in [(429, "18446744073709551615"), (200, "3"), (429, "soon")] {
        emu.inject("auth.test", Fault::retry_after(status, value), 1);
        let limited = raw(addr, &call()).await;
        assert_eq!(
            (limited.status, limited.header("retry-after")),
            (status, Some(value))
        );
        assert_eq!(limited.text(), r#"{"ok":false,"error":"ratelimited"}"#);
    }
    assert_eq!(emu.rate_limited_responses(), 2);

    // A Content-Length far beyond the body sent, then the connection closes.
    emu.inject("auth.test", Fault::claimed_length(1 << 40), 1);
    let bytes = exchange(addr, &call()).await.unwrap();
    let (status, headers, end) = split_head(&bytes).unwrap();
    assert_eq!(status, 200);
    let claimed = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .map(|(_, v)| v.as_str());
    assert_eq!(claimed, Some("1099511627776"));
    let body: Value = serde_json::from_slice(&bytes[end..]).unwrap();
    assert_eq!(body["user_id"], "U0JANE");
}

/// With feature `gzip` and `gzip_answers`, answers are gzip-compressed when the request's
/// `Accept-Encoding` allows it, as Slack's are, and sent as they are otherwise; the gzip faults send broken
/// compressed answers whatever the request asked.
#[cfg(feature = "gzip")]
#[tokio::test]
async fn answers_are_compressed_when_asked_and_gzip_faults_break_them() {
    use std::io::Read as _;
    let gunzip = |body: &[u8]| {
        let mut plain = Vec::new();
        flate2::read::MultiGzDecoder::new(body)
            .read_to_end(&mut plain)
            .map(|_| plain)
    };
    let plain = emulator().await;
    let emu = emulator_from(Emulator::builder().gzip_answers()).await;
    let addr = emu.addr();
    let asking = |accept: Option<&str>| {
        let mut bytes = request("POST", "/api/auth.test", Some(WRITE), "", true);
        if let Some(accept) = accept {
            // Before the blank line that ends the head.
            let at = bytes.len() - 2;
            bytes.splice(
                at..at,
                format!("Accept-Encoding: {accept}\r\n").into_bytes(),
            );
        }
        bytes
    };
    // Unless built to, the emulator answers plainly whatever the request accepts.
    let answer = raw(plain.addr(), &asking(Some("gzip"))).await;
    assert_eq!(answer.header("content-encoding"), None);
    assert_eq!(answer.json()["user_id"], "U0JANE");
    for accept in [
        "gzip",
        "gzip, deflate",
        "gzip;q=1.0,deflate;q=0.6,identity;q=0.3",
    ] {
        let answer = raw(addr, &asking(Some(accept))).await;
        assert_eq!(answer.header("content-encoding"), Some("gzip"), "{accept}");
        assert_eq!(answer.header("vary"), Some("Accept-Encoding"), "{accept}");
        let plain: Value = serde_json::from_slice(&gunzip(&answer.body).unwrap()).unwrap();
        assert_eq!(plain["user_id"], "U0JANE", "{accept}");
    }
    for accept in [
        None,
        Some("identity"),
        Some("deflate, br"),
        Some("gzip;q=0"),
    ] {
        let answer = raw(addr, &asking(accept)).await;
        assert_eq!(answer.header("content-encoding"), None, "{accept:?}");
        assert_eq!(answer.json()["user_id"], "U0JANE", "{accept:?}");
    }
    // An empty body stays empty.
    emu.inject("auth.test", Fault::EmptyBody, 1);
    let empty = raw(addr, &asking(Some("gzip"))).await;
    assert_eq!(empty.header("content-encoding"), None);
    assert!(empty.body.is_empty());

    emu.inject("auth.test", Fault::CorruptGzip, 1);
    let corrupt = raw(addr, &asking(None)).await;
    assert_eq!(corrupt.header("content-encoding"), Some("gzip"));
    assert!(gunzip(&corrupt.body).is_err());
    emu.inject("auth.test", Fault::TruncatedGzip, 1);
    let short = raw(addr, &asking(None)).await;
    assert_eq!(short.header("content-encoding"), Some("gzip"));
    assert!(gunzip(&short.body).is_err());
    emu.inject("auth.test", Fault::gzip_bomb(32 << 20), 1);
    let bomb = raw(addr, &asking(None)).await;
    assert!(bomb.body.len() < 64 * 1024, "{}", bomb.body.len());
    let plain = gunzip(&bomb.body).unwrap();
    assert!(plain.len() >= 32 << 20);
    assert_eq!(
        serde_json::from_slice::<Value>(&plain).unwrap()["user_id"],
        "U0JANE"
    );
}

/// A connect to a blackhole neither succeeds nor fails: it hangs until the caller gives up.
#[tokio::test]
async fn a_blackhole_never_completes_a_handshake() {
    let hole = Blackhole::start().await.unwrap();
    assert!(hole.base_url().starts_with("http://127.0.0.1:"));
    for _ in 0..2 {
        let connect =
            tokio::time::timeout(Duration::from_millis(500), TcpStream::connect(hole.addr())).await;
        assert!(connect.is_err(), "the handshake completed: {connect:?}");
    }
}

#[tokio::test]
async fn faults_seen_through_the_client() {
    let emu = emulator().await;
    let writer = client(&emu, WRITE);
    let set = || ProfileSet {
        profile: json!({"title": "t"}),
        user: None,
    };
    emu.inject("users.profile.set", Fault::reset(), 1);
    assert!(matches!(
        writer.call(&set()).await,
        Err(Error::Transport { .. })
    ));
    emu.inject("users.profile.set", Fault::EmptyBody, 1);
    assert!(matches!(
        writer.call(&set()).await,
        Err(Error::Decode { .. })
    ));
    emu.inject(
        "users.profile.set",
        Fault::slack_error("request_timeout"),
        1,
    );
    let err = writer.call(&set()).await.unwrap_err();
    assert_eq!(err.as_api().unwrap().code, ErrorCode::RequestTimeout);
    assert_eq!(
        emu.applied_writes("users.profile.set"),
        0,
        "no fault so far applied"
    );

    // After-apply faults: the client sees a failure, yet the write landed.
    emu.inject(
        "users.profile.set",
        Fault::server_error(503).after_apply(),
        1,
    );
    assert!(matches!(
        writer.call(&set()).await,
        Err(Error::Http { status: 503, .. })
    ));
    emu.inject("users.profile.set", Fault::truncated().after_apply(), 1);
    assert!(writer.call(&set()).await.is_err());
    emu.inject("users.profile.set", Fault::reset().after_apply(), 1);
    assert!(writer.call(&set()).await.is_err());
    assert_eq!(emu.applied_writes("users.profile.set"), 3);

    // A delay beyond the client's timeout.
    let impatient = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(WRITE).unwrap())
        .timeout(Duration::from_millis(200))
        .rate_limits(RateLimits::off())
        .build()
        .unwrap();
    emu.inject(
        "users.profile.set",
        Fault::delay(Duration::from_millis(600)).after_apply(),
        1,
    );
    assert!(matches!(
        impatient.call(&set()).await,
        Err(Error::Timeout { .. })
    ));
    assert_eq!(emu.applied_writes("users.profile.set"), 4);
    emu.inject(
        "users.profile.set",
        Fault::delay(Duration::from_millis(600)),
        1,
    );
    assert!(matches!(
        impatient.call(&set()).await,
        Err(Error::Timeout { .. })
    ));
    assert_eq!(
        emu.applied_writes("users.profile.set"),
        4,
        "not applied yet"
    );
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(emu.applied_writes("users.profile.set"), 5, "applied late");
}

// ---- rate limits ------------------------------------------------------------------------------------

#[tokio::test]
async fn tiers_are_enforced_per_token_and_method() {
    let emu = emulator().await;
    let mut conn = Conn::open(emu.addr()).await;
    let set = request(
        "POST",
        "/api/users.profile.set",
        Some(WRITE),
        "name=title&value=x",
        false,
    );
    // Off by default.
    for _ in 0..60 {
        conn.send(&set).await;
        assert_eq!(conn.receive().await.status, 200);
    }
    emu.set_tier_limits(60.0);
    for _ in 0..50 {
        conn.send(&set).await;
        assert_eq!(conn.receive().await.json()["ok"], true);
    }
    conn.send(&set).await;
    let refused = conn.receive().await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after"), Some("1"));
    assert_eq!(refused.json()["error"], "ratelimited");
    assert_eq!(emu.rate_limited_responses(), 1);
    assert_eq!(emu.applied_writes("users.profile.set"), 110);
    // Another method and another token have windows of their own.
    conn.send(&request(
        "GET",
        "/api/users.profile.get",
        Some(WRITE),
        "",
        false,
    ))
    .await;
    assert_eq!(conn.receive().await.status, 200);
    conn.send(&request(
        "POST",
        "/api/users.profile.set",
        Some(ADMIN),
        "name=title&value=y",
        false,
    ))
    .await;
    assert_eq!(conn.receive().await.status, 200);
    // A scaled minute later the window has room again.
    tokio::time::sleep(Duration::from_millis(1050)).await;
    conn.send(&set).await;
    assert_eq!(conn.receive().await.status, 200);

    // A per-method limit, in real minutes when tiers are off.
    emu.disable_tier_limits();
    emu.stub_method("chat.postMessage", json!({"ts": "1.1"}));
    emu.set_rate_limit("chat.postMessage", 1);
    let message = request(
        "POST",
        "/api/chat.postMessage",
        Some(BOT),
        "channel=C1",
        false,
    );
    conn.send(&message).await;
    assert_eq!(conn.receive().await.status, 200);
    conn.send(&message).await;
    let refused = conn.receive().await;
    assert_eq!(refused.status, 429);
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((59..=60).contains(&wait), "{wait}");
    emu.clear_rate_limit("chat.postMessage");
    conn.send(&message).await;
    assert_eq!(conn.receive().await.status, 200);
    assert_eq!(emu.rate_limited_responses(), 2);
}

#[tokio::test]
async fn random_bytes_never_stop_the_server() {
    let emu = emulator().await;
    // A fixed xorshift sequence: the same bytes on every run.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let prefixes: [&[u8]; 4] = [
        b"",
        b"POST /api/auth.test HTTP/1.1\r\n",
        b"GET /api/users.profile.get?",
        b"POST /api/users.profile.set HTTP/1.1\r\nContent-Length: 5\r\n\r\n",
    ];
    for round in 0..120 {
        let mut bytes = prefixes[round % prefixes.len()].to_vec();
        let len = (next() % 300) as usize;
        bytes.extend((0..len).map(|_| next() as u8));
        if round % 3 == 0 {
            bytes.extend_from_slice(b"\r\n\r\n");
        }
        let mut stream = TcpStream::connect(emu.addr()).await.unwrap();
        let _ = stream.write_all(&bytes).await;
        let _ = stream.shutdown().await;
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut answer)).await;
        if !answer.is_empty() {
            assert!(
                answer.starts_with(b"HTTP/1.1 "),
                "{:?}",
                String::from_utf8_lossy(&answer)
            );
        }
    }
    assert_eq!(
        post(&emu, "auth.test", Some(WRITE), "").await.json()["ok"],
        true
    );
}

#[tokio::test]
async fn shutdown_closes_the_port() {
    let emu = emulator().await;
    let addr = emu.addr();
    assert!(emu.base_url().starts_with("http://127.0.0.1:"));
    assert!(emu.base_url().ends_with("/api/"));
    let mut idle = Conn::open(addr).await;
    emu.shutdown().await;
    assert!(TcpStream::connect(addr).await.is_err());
    // An idle keep-alive connection is closed too.
    let mut byte = [0u8; 1];
    let read = tokio::time::timeout(Duration::from_secs(2), idle.stream.read(&mut byte)).await;
    assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "{read:?}");
}
