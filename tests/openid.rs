//! Sign in with Slack: `openid.connect.token` called without a token, over real HTTP against
//! the emulator, its secrets kept out of URLs and `Debug`, and `openid.connect.userInfo` reading
//! who signed in with the token it gives, each claim by its scope.

mod common;

use common::{api_code, tokenless, tool_facts, without_token};
use slack_methods::methods::{AuthTest, OauthV2Access, OpenidConnectToken, OpenidConnectUserInfo};
use slack_methods::{Error, MethodFacts, SlackTool, Token, TokenKind};
use slack_methods_emulator::{demo, Emulator};

const CLIENT_ID: &str = common::OAUTH_CLIENT_ID;
const CLIENT_SECRET: &str = common::OAUTH_CLIENT_SECRET;

async fn emulator() -> Emulator {
    common::oauth_emulator(&[
        MethodFacts::of::<OpenidConnectToken>(),
        MethodFacts::of::<OauthV2Access>(),
    ])
    .await
}

/// The user token a sign-in of Ada with `scopes` gives.
async fn signed_in(emu: &Emulator, scopes: &[&str]) -> Token {
    let code = emu.openid_code(CLIENT_ID, demo::ADA, scopes);
    let call = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code);
    without_token(&tokenless(emu), &call)
        .await
        .unwrap()
        .access_token
        .clone()
}

#[tokio::test]
async fn a_code_becomes_a_user_token_and_an_id_token_that_say_who_signed_in() {
    let emu = emulator().await;
    let code = emu.openid_code(CLIENT_ID, demo::ADA, &["openid", "email", "profile"]);
    let client = tokenless(&emu);
    let signed_in = without_token(
        &client,
        &OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code),
    )
    .await
    .unwrap();
    let token = signed_in.access_token.clone();
    assert_eq!(token.kind(), TokenKind::User);
    assert_eq!(signed_in.token_type.as_deref(), Some("Bearer"));

    // The ID token's claims, read without verification (the emulator's is unsigned).
    let id_token = signed_in.id_token.clone().expect("an ID token");
    let claims = id_token.claims_unverified().unwrap();
    assert_eq!(claims["iss"], "https://slack.com");
    assert_eq!(claims["aud"], CLIENT_ID);
    assert_eq!(claims["sub"], demo::ADA);
    assert_eq!(claims["email"], "ada@emulated.invalid");
    assert!(claims["exp"].as_i64().unwrap() > claims["iat"].as_i64().unwrap());

    // The token reads who signed in.
    let who = client
        .call_with_token(&OpenidConnectUserInfo, &token)
        .await
        .unwrap();
    assert_eq!(who.sub, demo::ADA);
    assert_eq!(who.user_id.as_str(), demo::ADA);
    let me = client.call_with_token(&AuthTest, &token).await.unwrap();
    assert_eq!(who.team_id.as_ref(), Some(&me.team_id));
    assert_eq!(who.team_name.as_deref(), Some(me.team.as_str()));
    assert_eq!(who.email.as_deref(), Some("ada@emulated.invalid"));
    assert_eq!(who.email_verified, Some(true));
    assert_eq!(who.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(who.given_name.as_deref(), Some("Ada"));
    assert_eq!(who.family_name.as_deref(), Some("Lovelace"));
    assert_eq!(who.locale.as_deref(), Some("en-US"));
    let picture = who.picture.clone().expect("a picture");
    assert!(picture.ends_with("_512.png"), "{picture}");
    assert!(who.extra.contains_key("https://slack.com/user_image_72"));
    assert_eq!(
        claims["name"], "Ada Lovelace",
        "the ID token has the same claims"
    );

    // The request: no `Authorization`, a `POST` form, and no secret in the URL or in the
    // record's `Debug`.
    let sent = emu.requests_for("openid.connect.token");
    let sent = sent.last().unwrap();
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(sent.verb, "POST");
    assert!(!sent.target.contains(CLIENT_SECRET) && !sent.target.contains(&code));
    let shown = format!("{sent:?}");
    assert!(
        !shown.contains(CLIENT_SECRET) && !shown.contains(&code),
        "{shown}"
    );

    // Nor does a token or a secret show in the binding's or the answer's `Debug`.
    let shown = format!(
        "{:?} {signed_in:?}",
        OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code)
    );
    for secret in [
        CLIENT_SECRET,
        code.as_str(),
        token.expose_secret(),
        id_token.expose_secret(),
    ] {
        assert!(!shown.contains(secret), "{shown}");
    }
}

#[tokio::test]
async fn each_scope_gives_its_claims() {
    let emu = emulator().await;
    let client = tokenless(&emu);

    let openid_only = signed_in(&emu, &["openid"]).await;
    let who = client
        .call_with_token(&OpenidConnectUserInfo, &openid_only)
        .await
        .unwrap();
    assert_eq!(who.user_id.as_str(), demo::ADA);
    assert!(who.team_id.is_some());
    assert_eq!((who.email.as_deref(), who.email_verified), (None, None));
    assert_eq!((who.name.as_deref(), who.picture.as_deref()), (None, None));

    let email = signed_in(&emu, &["openid", "email"]).await;
    let who = client
        .call_with_token(&OpenidConnectUserInfo, &email)
        .await
        .unwrap();
    assert_eq!(who.email.as_deref(), Some("ada@emulated.invalid"));
    assert_eq!(who.name, None);

    let profile = signed_in(&emu, &["openid", "profile"]).await;
    let who = client
        .call_with_token(&OpenidConnectUserInfo, &profile)
        .await
        .unwrap();
    assert_eq!(who.email, None);
    assert_eq!(who.name.as_deref(), Some("Ada Lovelace"));
    assert!(who.picture.is_some());
}

#[tokio::test]
async fn user_info_needs_the_openid_scope() {
    let emu = emulator().await;
    let client = tokenless(&emu);
    let bot = Token::new(demo::BOT_TOKEN).unwrap();
    let refused = client.call_with_token(&OpenidConnectUserInfo, &bot).await;
    match refused {
        Err(Error::Api(api)) => {
            assert_eq!(api.code.as_str(), "missing_scope");
            assert_eq!(api.needed.as_deref(), Some("openid"));
        }
        other => panic!("expected missing_scope, got {other:?}"),
    }
    // The demo user token has `openid` (and neither `email` nor `profile`).
    let user = Token::new(demo::USER_TOKEN).unwrap();
    let who = client
        .call_with_token(&OpenidConnectUserInfo, &user)
        .await
        .unwrap();
    assert_eq!(who.user_id.as_str(), demo::ADA);
    assert_eq!(who.email, None);
}

#[tokio::test]
async fn a_code_is_good_once_for_its_own_app_with_its_secret() {
    let emu = emulator().await;
    emu.add_oauth_app("1111.2222", "another-secret", demo::BOT);
    let client = tokenless(&emu);
    let code = emu.openid_code(CLIENT_ID, demo::ADA, &["openid"]);

    let unknown = OpenidConnectToken::new("9999.0000", CLIENT_SECRET, &code);
    assert_eq!(
        api_code(without_token(&client, &unknown).await),
        "invalid_client_id"
    );
    let wrong_secret = OpenidConnectToken::new(CLIENT_ID, "not-the-secret", &code);
    assert_eq!(
        api_code(without_token(&client, &wrong_secret).await),
        "bad_client_secret"
    );
    let other_app = OpenidConnectToken::new("1111.2222", "another-secret", &code);
    assert_eq!(
        api_code(without_token(&client, &other_app).await),
        "invalid_code"
    );
    let unknown_code = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, "4724.4644.232b");
    assert_eq!(
        api_code(without_token(&client, &unknown_code).await),
        "invalid_code"
    );

    let once = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code);
    without_token(&client, &once).await.unwrap();
    assert_eq!(
        api_code(without_token(&client, &once).await),
        "invalid_code"
    );
}

/// A code of one flow is not exchanged by the other: Slack documents
/// `oauth_authorization_url_mismatch` for both methods.
#[tokio::test]
async fn a_code_is_exchanged_by_its_own_flow_only() {
    let emu = emulator().await;
    let client = tokenless(&emu);

    let install = emu.oauth_code(CLIENT_ID, demo::ADA, &["chat:write"], &[]);
    let wrong = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &install);
    assert_eq!(
        api_code(without_token(&client, &wrong).await),
        "oauth_authorization_url_mismatch"
    );
    let sign_in = emu.openid_code(CLIENT_ID, demo::ADA, &["openid"]);
    let wrong = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &sign_in);
    let refused = without_token(&client, &wrong).await;
    assert_eq!(api_code(refused), "oauth_authorization_url_mismatch");

    // Neither refusal used its code up.
    let right = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &sign_in);
    assert!(without_token(&client, &right).await.is_ok());
    let right = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &install);
    let installed = without_token(&client, &right).await;
    assert!(installed.is_ok(), "{installed:?}");
}

#[tokio::test]
async fn a_code_asked_with_a_redirect_uri_needs_the_same_one() {
    let emu = emulator().await;
    let client = tokenless(&emu);
    let redirect = "https://app.example/slack/signed-in";
    let code = emu.openid_code_with_redirect(CLIENT_ID, redirect, demo::ADA, &["openid"]);

    let without = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code);
    assert_eq!(
        api_code(without_token(&client, &without).await),
        "bad_redirect_uri"
    );
    let other = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code)
        .redirect_uri("https://app.example/slack/signed-in/");
    assert_eq!(
        api_code(without_token(&client, &other).await),
        "bad_redirect_uri"
    );
    let same = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code).redirect_uri(redirect);
    without_token(&client, &same).await.unwrap();
    let sent = emu.requests_for("openid.connect.token");
    assert_eq!(sent.last().unwrap().param("redirect_uri"), Some(redirect));
}

/// A refresh (token rotation) goes as a `POST` form with the refresh token in the body only,
/// and the emulator, which does not rotate tokens, answers `invalid_grant_type`.
#[tokio::test]
async fn a_refresh_sends_its_token_in_the_body_and_is_refused_by_the_emulator() {
    let emu = emulator().await;
    let kept = Token::new("xoxe-1-refresh-marker").unwrap();
    let refresh = OpenidConnectToken::refresh(CLIENT_ID, CLIENT_SECRET, &kept);
    assert!(!format!("{refresh:?}").contains("marker"));
    let refused = without_token(&tokenless(&emu), &refresh).await;
    assert_eq!(api_code(refused), "invalid_grant_type");
    let sent = emu.requests_for("openid.connect.token");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].param("grant_type"), Some("refresh_token"));
    assert_eq!(
        sent[0].param("refresh_token"),
        Some("xoxe-1-refresh-marker")
    );
    assert!(!sent[0].path.contains("marker"), "{}", sent[0].path);
    assert_eq!(sent[0].param("code"), None);
}

#[tokio::test]
async fn without_the_option_the_exchange_needs_a_token() {
    let emu = emulator().await;
    let call = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, "a-code");
    assert!(matches!(
        tokenless(&emu).call(&call).await,
        Err(Error::MissingToken { .. })
    ));
    assert!(emu.requests().is_empty());
}

/// An exchange uses its code up, so it is a write: one whose answer is lost (a 503 after the
/// emulator applied it) is not sent again, and the error says it may have been applied.
#[tokio::test]
async fn a_failed_exchange_is_not_sent_again() {
    let emu = emulator().await;
    let code = emu.openid_code(CLIENT_ID, demo::ADA, &["openid"]);
    emu.inject(
        "openid.connect.token",
        slack_methods_emulator::Fault::server_error(503).after_apply(),
        1,
    );
    let once = OpenidConnectToken::new(CLIENT_ID, CLIENT_SECRET, &code);
    let failed = without_token(&tokenless(&emu), &once).await.unwrap_err();
    assert!(failed.may_have_been_applied(), "{failed:?}");
    assert_eq!(emu.requests_for("openid.connect.token").len(), 1);
}

/// `openid.connect.userInfo` is a bundled tool that only reads; the exchange, like
/// `oauth.v2.access`, is no bundled binding, so no tool.
#[test]
fn user_info_is_a_read_only_tool_and_the_exchange_no_tool() {
    assert_eq!(
        tool_facts::<OpenidConnectUserInfo>(),
        ("openid.connect.userInfo", false, false, &["openid"][..])
    );
    assert_eq!(
        tool_facts::<OpenidConnectToken>(),
        ("openid.connect.token", true, false, &[][..])
    );
    assert_eq!(
        <OpenidConnectUserInfo as SlackTool>::OPERATION_ID,
        "openidConnectUserInfo"
    );
    let bundled: Vec<&str> = slack_methods::methods::ALL
        .iter()
        .map(|facts| facts.name)
        .collect();
    assert!(bundled.contains(&"openid.connect.userInfo"));
    assert!(!bundled.contains(&"openid.connect.token"));
}
