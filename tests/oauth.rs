//! Installing an app with OAuth: `oauth.v2.access` called without a token, over real HTTP
//! against the emulator, its secrets kept out of URLs and `Debug`, and the tokens it gives
//! working for the next calls until `auth.revoke` ends them.

mod common;

use common::{api_code, tokenless, without_token};
use slack_methods::methods::{AuthRevoke, AuthTest, OauthV2Access};
use slack_methods::{Error, MethodFacts, TokenKind};
use slack_methods_emulator::{demo, Emulator};

const CLIENT_ID: &str = common::OAUTH_CLIENT_ID;
const CLIENT_SECRET: &str = common::OAUTH_CLIENT_SECRET;

async fn emulator() -> Emulator {
    common::oauth_emulator(&[
        MethodFacts::of::<OauthV2Access>(),
        MethodFacts::of::<AuthRevoke>(),
    ])
    .await
}

#[tokio::test]
async fn a_code_becomes_a_bot_token_and_a_user_token_that_work() {
    let emu = emulator().await;
    let code = emu.oauth_code(
        CLIENT_ID,
        demo::ADA,
        &["chat:write", "users:read"],
        &["users.profile:read"],
    );
    let client = tokenless(&emu);
    let installed = without_token(
        &client,
        &OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code),
    )
    .await
    .unwrap();
    let bot = installed.access_token.clone().expect("a bot token");
    assert_eq!(bot.kind(), TokenKind::Bot);
    assert_eq!(installed.scope.as_deref(), Some("chat:write,users:read"));
    assert_eq!(installed.bot_user_id.as_ref().unwrap().as_str(), demo::BOT);
    let user = installed.authed_user.clone().expect("the installing user");
    assert_eq!(user.id.as_str(), demo::ADA);
    let user_token = user.access_token.expect("a user token");
    assert_eq!(user_token.kind(), TokenKind::User);

    // The new tokens call Slack as the bot and as the user.
    let me = client.call_with_token(&AuthTest, &bot).await.unwrap();
    assert_eq!(me.user_id.as_str(), demo::BOT);
    assert_eq!(
        Some(&me.team_id),
        installed.team.as_ref().map(|team| &team.id)
    );
    let me = client
        .call_with_token(&AuthTest, &user_token)
        .await
        .unwrap();
    assert_eq!(me.user_id.as_str(), demo::ADA);

    // The request: no `Authorization`, a `POST` form, and no
    // secret in the URL or in the record's `Debug`.
    let sent = emu.requests_for("oauth.v2.access");
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
        "{:?} {installed:?}",
        OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code)
    );
    for secret in [
        CLIENT_SECRET,
        code.as_str(),
        bot.expose_secret(),
        user_token.expose_secret(),
    ] {
        assert!(!shown.contains(secret), "{shown}");
    }
}

#[tokio::test]
async fn a_code_is_good_once_for_its_own_app_with_its_secret() {
    let emu = emulator().await;
    emu.add_oauth_app("1111.2222", "another-secret", demo::BOT);
    let client = tokenless(&emu);
    let code = emu.oauth_code(CLIENT_ID, demo::ADA, &["chat:write"], &[]);

    let unknown = OauthV2Access::new("9999.0000", CLIENT_SECRET, &code);
    assert_eq!(
        api_code(without_token(&client, &unknown).await),
        "invalid_client_id"
    );
    let wrong_secret = OauthV2Access::new(CLIENT_ID, "not-the-secret", &code);
    assert_eq!(
        api_code(without_token(&client, &wrong_secret).await),
        "bad_client_secret"
    );
    let other_app = OauthV2Access::new("1111.2222", "another-secret", &code);
    assert_eq!(
        api_code(without_token(&client, &other_app).await),
        "invalid_code"
    );

    let installed = without_token(
        &client,
        &OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code),
    )
    .await
    .unwrap();
    assert!(installed.access_token.is_some());
    assert!(
        installed
            .authed_user
            .as_ref()
            .unwrap()
            .access_token
            .is_none(),
        "no user scopes, no user token"
    );
    let again = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code);
    assert_eq!(
        api_code(without_token(&client, &again).await),
        "invalid_code"
    );
}

#[tokio::test]
async fn a_code_asked_with_a_redirect_uri_needs_the_same_one() {
    let emu = emulator().await;
    let client = tokenless(&emu);
    let redirect = "https://app.example/slack/oauth";
    let code = emu.oauth_code_with_redirect(CLIENT_ID, redirect, demo::ADA, &["chat:write"], &[]);

    let without = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code);
    assert_eq!(
        api_code(without_token(&client, &without).await),
        "bad_redirect_uri"
    );
    let other = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code)
        .redirect_uri("https://app.example/slack/oauth/");
    assert_eq!(
        api_code(without_token(&client, &other).await),
        "bad_redirect_uri"
    );
    // A mismatch does not use the code up.
    let same = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code).redirect_uri(redirect);
    let installed = without_token(&client, &same).await.unwrap();
    assert!(installed.access_token.is_some());
    let sent = emu.requests_for("oauth.v2.access");
    assert_eq!(sent.last().unwrap().param("redirect_uri"), Some(redirect));

    // A code asked for without one is not checked: the emulator does not know an app's
    // configured redirect URLs.
    let code = emu.oauth_code(CLIENT_ID, demo::ADA, &["chat:write"], &[]);
    let any = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code).redirect_uri(redirect);
    assert!(without_token(&client, &any).await.is_ok());
}

#[tokio::test]
async fn without_the_option_a_call_needs_a_token() {
    let emu = emulator().await;
    let client = tokenless(&emu);
    let call = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, "a-code");
    assert!(matches!(
        client.call(&call).await,
        Err(Error::MissingToken { .. })
    ));
    assert!(emu.requests().is_empty());
}

#[tokio::test]
async fn a_revoked_token_calls_no_more() {
    let emu = emulator().await;
    let code = emu.oauth_code(CLIENT_ID, demo::ADA, &[], &["users.profile:read"]);
    let client = tokenless(&emu);
    let installed = without_token(
        &client,
        &OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code),
    )
    .await
    .unwrap();
    assert!(
        installed.access_token.is_none(),
        "no bot scopes, no bot token"
    );
    let user = installed.authed_user.clone().unwrap().access_token.unwrap();

    let checked = client.call_with_token(&AuthRevoke::test(), &user).await;
    assert!(!checked.unwrap().revoked, "a test revokes nothing");
    client.call_with_token(&AuthTest, &user).await.unwrap();

    let done = client.call_with_token(&AuthRevoke::new(), &user).await;
    assert!(done.unwrap().revoked);
    let after = client.call_with_token(&AuthTest, &user).await;
    assert_eq!(api_code(after), "token_revoked");
}

/// A refresh (token rotation) goes as a `POST` form with the refresh token in the body only,
/// and the emulator, which does not rotate tokens, answers `invalid_grant_type`.
#[tokio::test]
async fn a_refresh_sends_its_token_in_the_body_and_is_refused_by_the_emulator() {
    let emu = emulator().await;
    let kept = slack_methods::Token::new("xoxe-1-refresh-marker").unwrap();
    let refresh = OauthV2Access::refresh(CLIENT_ID, CLIENT_SECRET, &kept);
    let refused = without_token(&tokenless(&emu), &refresh).await;
    assert_eq!(api_code(refused), "invalid_grant_type");
    let sent = emu.requests_for("oauth.v2.access");
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

/// An exchange uses its code up, so it is a write: one whose answer is lost (a 503 after the
/// emulator applied it) is not sent again, where a second attempt could only answer
/// `invalid_code`, and the error says it may have been applied.
#[tokio::test]
async fn a_failed_exchange_is_not_sent_again() {
    let emu = emulator().await;
    let code = emu.oauth_code(CLIENT_ID, demo::ADA, &["chat:write"], &[]);
    emu.inject(
        "oauth.v2.access",
        slack_methods_emulator::Fault::server_error(503).after_apply(),
        1,
    );
    let exchange_once = OauthV2Access::new(CLIENT_ID, CLIENT_SECRET, &code);
    let failed = without_token(&tokenless(&emu), &exchange_once)
        .await
        .unwrap_err();
    assert!(failed.may_have_been_applied(), "{failed:?}");
    assert_eq!(emu.requests_for("oauth.v2.access").len(), 1);
}
