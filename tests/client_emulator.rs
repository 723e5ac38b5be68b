//! The bundled bindings through the `Client`, over real HTTP on loopback, against the emulator.

use slack_methods::methods::{AuthTest, UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{slack_method, Client, Error, ErrorCode, Token, UserId};
use slack_methods_emulator::{Emulator, UserSpec};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const JANE: &str = "U0JANE0001";
const BOSS: &str = "U0BOSS0001";
const JANE_TOKEN: &str = "xoxp-jane-read-write";
const READ_ONLY: &str = "xoxp-jane-read-only";
const BOSS_TOKEN: &str = "xoxp-boss-admin";

async fn emulator() -> Emulator {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(JANE, "jane"));
    let mut boss = UserSpec::new(BOSS, "boss");
    boss.admin = true;
    emu.add_user(boss);
    let rw = ["users.profile:read", "users.profile:write"];
    emu.add_token(JANE_TOKEN, JANE, &rw);
    emu.add_token(READ_ONLY, JANE, &["users.profile:read"]);
    emu.add_token(BOSS_TOKEN, BOSS, &rw);
    emu
}

fn client(emu: &Emulator, token: &str) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(token).unwrap())
        .build()
        .unwrap()
}

fn status() -> ProfileUpdate {
    ProfileUpdate::new().status("riding a train", ":mountain_railway:", 1_900_000_000)
}

fn api_error(result: Result<impl std::fmt::Debug, Error>) -> Box<slack_methods::ApiError> {
    match result {
        Err(Error::Api(api)) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn set_then_read_back() {
    let emu = emulator().await;
    let client = client(&emu, JANE_TOKEN);

    let set = client
        .call(&UsersProfileSet::profile(status()))
        .await
        .unwrap();
    assert_eq!(set.username, "jane");
    assert_eq!(set.profile.status_text, "riding a train");
    assert_eq!(
        set.scopes.accepted.as_deref(),
        Some(&["users.profile:write".to_owned()][..])
    );

    let got = client.call(&UsersProfileGet::new()).await.unwrap();
    assert_eq!(got.profile.status_text, "riding a train");
    assert_eq!(got.profile.status_emoji, ":mountain_railway:");
    assert_eq!(got.profile.status_expiration, 1_900_000_000);
    let scopes = got.scopes.token.clone().unwrap();
    assert!(
        scopes.contains(&"users.profile:write".to_owned()),
        "{scopes:?}"
    );

    // The single-field form reaches the same state.
    client
        .call(&UsersProfileSet::field("title", "Conductor & guard"))
        .await
        .unwrap();
    let got = client
        .call(&UsersProfileGet::of(UserId::new(JANE).unwrap()))
        .await
        .unwrap();
    assert_eq!(got.profile.title, "Conductor & guard");
    assert_eq!(got.profile.status_text, "riding a train");
    assert_eq!(emu.applied_writes("users.profile.set"), 2);
}

#[tokio::test]
async fn what_the_server_received() {
    let emu = emulator().await;
    let client = client(&emu, JANE_TOKEN);
    let set = UsersProfileSet::profile(status());
    client.call(&set).await.unwrap();
    let seen = emu.requests();
    assert_eq!(seen.len(), 1);
    let req = &seen[0];
    assert_eq!(req.verb, "POST");
    assert_eq!(req.target, "/api/users.profile.set");
    assert_eq!(
        req.body,
        slack_methods::encode_params(&set).unwrap().into_bytes()
    );
    assert_eq!(
        req.header("authorization"),
        Some(format!("Bearer {JANE_TOKEN}").as_str())
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    let agent = req.header("user-agent").unwrap();
    assert!(
        agent.starts_with(&format!(
            "slack-methods/{} rust/1.",
            env!("CARGO_PKG_VERSION")
        )),
        "{agent}"
    );
    // Compressed answers are asked for with the `gzip` feature only; without it the answers
    // come as they are, as before the feature existed.
    assert_eq!(
        req.header("accept-encoding"),
        cfg!(feature = "gzip").then_some("gzip")
    );
    // The token travels in the header only.
    assert!(!req.target.contains(JANE_TOKEN));
    assert!(!String::from_utf8_lossy(&req.body).contains(JANE_TOKEN));

    client.call(&AuthTest).await.unwrap();
    let auth = &emu.requests()[1];
    assert!(auth.body.is_empty());
}

#[tokio::test]
async fn auth_test_names_the_token_owner() {
    let emu = emulator().await;
    let me = client(&emu, BOSS_TOKEN).call(&AuthTest).await.unwrap();
    assert_eq!(me.user_id.as_str(), BOSS);
    assert_eq!(me.user, "boss");
    assert!(me.team_id.as_str().starts_with('T'));
}

#[tokio::test]
async fn per_call_token_override() {
    let emu = emulator().await;
    let client = client(&emu, JANE_TOKEN);
    let boss = Token::new(BOSS_TOKEN).unwrap();
    let set = client
        .call_with_token(&UsersProfileSet::field("title", "Chief"), &boss)
        .await
        .unwrap();
    assert_eq!(set.username, "boss");
    assert_eq!(emu.profile(BOSS).unwrap()["title"], "Chief");
    assert_ne!(emu.profile(JANE).unwrap()["title"], "Chief");
}

#[tokio::test]
async fn unknown_token_is_invalid_auth() {
    let emu = emulator().await;
    let err = api_error(client(&emu, "xoxp-nobody").call(&AuthTest).await);
    assert_eq!(err.code, ErrorCode::InvalidAuth);
    assert_eq!(err.method, "auth.test");
}

#[tokio::test]
async fn token_without_the_scope_is_missing_scope() {
    let emu = emulator().await;
    let err = api_error(
        client(&emu, READ_ONLY)
            .call(&UsersProfileSet::profile(status()))
            .await,
    );
    assert_eq!(err.code, ErrorCode::MissingScope);
    assert_eq!(err.needed.as_deref(), Some("users.profile:write"));
    assert_eq!(err.provided.as_deref(), Some("users.profile:read"));
    assert_eq!(err.declared_scopes, ["users.profile:write"]);
    assert_eq!(
        err.scopes.token.as_deref(),
        Some(&["users.profile:read".to_owned()][..])
    );
    assert_eq!(
        err.scopes.accepted.as_deref(),
        Some(&["users.profile:write".to_owned()][..])
    );
    let text = err.to_string();
    assert!(text.contains("needed: users.profile:write"), "{text}");
    assert_eq!(emu.applied_writes("users.profile.set"), 0);
}

/// A binding that sends `profile` as raw text, to put invalid JSON on the wire.
#[slack_method("users.profile.set", scope = "users.profile:write", tier = 3)]
struct RawProfileSet {
    profile: String,
}

#[tokio::test]
async fn bad_profile_json_is_invalid_profile() {
    let emu = emulator().await;
    let client = client(&emu, JANE_TOKEN);
    for text in ["{not json", "[1,2]", "\"text\""] {
        let raw = RawProfileSet {
            profile: text.to_owned(),
        };
        let err = api_error(client.call(&raw).await);
        assert_eq!(err.code, ErrorCode::InvalidProfile, "{text}");
        assert!(err.raw.contains("invalid_profile"));
    }
    assert_eq!(emu.applied_writes("users.profile.set"), 0);
}

#[tokio::test]
async fn reserved_display_name() {
    let emu = emulator().await;
    let update = ProfileUpdate::new().display_name("everyone");
    let err = api_error(
        client(&emu, JANE_TOKEN)
            .call(&UsersProfileSet::profile(update))
            .await,
    );
    assert_eq!(err.code, ErrorCode::ReservedName);
}

#[tokio::test]
async fn only_admins_set_other_profiles() {
    let emu = emulator().await;
    let boss = UserId::new(BOSS).unwrap();
    let jane = UserId::new(JANE).unwrap();
    let err = api_error(
        client(&emu, JANE_TOKEN)
            .call(&UsersProfileSet::profile(status()).for_user(boss))
            .await,
    );
    assert_eq!(err.code, ErrorCode::NotAdmin);
    let ok = client(&emu, BOSS_TOKEN)
        .call(&UsersProfileSet::profile(status()).for_user(jane))
        .await
        .unwrap();
    assert_eq!(ok.username, "jane");
    assert_eq!(emu.profile(JANE).unwrap()["status_text"], "riding a train");
}

#[tokio::test]
async fn unknown_user_is_user_not_found() {
    let emu = emulator().await;
    let nobody = UserId::new("U0NOBODY01").unwrap();
    let err = api_error(
        client(&emu, JANE_TOKEN)
            .call(&UsersProfileGet::of(nobody))
            .await,
    );
    assert_eq!(err.code, ErrorCode::UserNotFound);
}

#[tokio::test]
async fn invalid_requests_never_reach_the_server() {
    let emu = emulator().await;
    let client = client(&emu, JANE_TOKEN);
    let mut both = UsersProfileSet::profile(status());
    both.name = Some("title".into());
    both.value = Some("x".into());
    let mut too_many = ProfileUpdate::new();
    for i in 0..51 {
        too_many = too_many.custom_field(format!("Xf{i:08}"), "v");
    }
    let invalid = [
        both,
        UsersProfileSet::profile(too_many),
        UsersProfileSet::field("n".repeat(256), "v"),
        UsersProfileSet::default(),
    ];
    for set in &invalid {
        match client.call(set).await {
            Err(Error::InvalidRequest {
                method: "users.profile.set",
                ..
            }) => {}
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    assert!(emu.requests().is_empty(), "{:?}", emu.requests());
    // A valid call right after is sent and recorded.
    client
        .call(&UsersProfileSet::field("title", "ok"))
        .await
        .unwrap();
    assert_eq!(emu.requests().len(), 1);
}

#[tokio::test]
async fn a_client_without_a_token_sends_nothing() {
    let emu = emulator().await;
    let client = Client::builder().base_url(&emu.base_url()).build().unwrap();
    let err = client.call(&AuthTest).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::MissingToken {
                method: "auth.test"
            }
        ),
        "{err:?}"
    );
    assert!(emu.requests().is_empty());
}

/// Settings no call could work with are refused by name when the client is built, or when the
/// call is made, before anything is sent; an empty user-agent prefix is no prefix.
#[tokio::test]
async fn unusable_settings_are_refused_by_name() {
    use slack_methods::{CallOptions, ConfigError};
    use std::time::Duration;
    let emu = emulator().await;
    let setting = |built: Result<Client, Error>| match built {
        Err(Error::Config(ConfigError::Setting { setting, .. })) => setting,
        other => panic!("expected a refused setting, got {other:?}"),
    };
    let builder = || Client::builder().base_url(&emu.base_url());
    assert_eq!(
        setting(builder().timeout(Duration::ZERO).build()),
        "timeout"
    );
    assert_eq!(
        setting(builder().connect_timeout(Duration::ZERO).build()),
        "connect_timeout"
    );
    let newline = builder()
        .user_agent_prefix("my-app/1.0\r\nX-Injected: 1")
        .build();
    let message = newline.as_ref().map(|_| ()).unwrap_err().to_string();
    assert!(
        message.starts_with("`user_agent_prefix` holds a character"),
        "{message}"
    );
    assert_eq!(setting(newline), "user_agent_prefix");

    let client = client(&emu, JANE_TOKEN);
    let zero = CallOptions::new().timeout(Duration::ZERO);
    let err = client.call_with(&AuthTest, &zero).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Config(ConfigError::Setting {
                setting: "timeout",
                ..
            })
        ),
        "{err:?}"
    );
    assert!(emu.requests().is_empty(), "nothing was sent");

    // No limit is `Duration::MAX`, which works.
    let endless = builder()
        .token(Token::new(JANE_TOKEN).unwrap())
        .timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .user_agent_prefix("  ")
        .build()
        .unwrap();
    endless.call(&AuthTest).await.unwrap();
    let agent = emu.requests()[0].header("user-agent").map(str::to_owned);
    assert!(agent.is_some_and(|agent| agent.starts_with("slack-methods/")));
}

/// A request with no bearer token at all gets `not_authed`, which the parser types.
#[tokio::test]
async fn no_bearer_token_is_not_authed() {
    let emu = emulator().await;
    let mut stream = tokio::net::TcpStream::connect(emu.addr()).await.unwrap();
    let request = "POST /api/auth.test HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let head = String::from_utf8_lossy(&raw[..split]);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let err = slack_methods::parse_response::<AuthTest>(
        http::StatusCode::OK,
        &http::HeaderMap::new(),
        &raw[split..],
    )
    .unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::NotAuthed));
}
