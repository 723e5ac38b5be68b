//! `users.identity` against the emulator over HTTP: the user and workspace a Sign in with
//! Slack token names, widened by its identity scopes, and Slack's errors.

mod common;

use common::{api_code as code, demo_emulator as emulator, unpaced_client as client};
use slack_methods::methods::UsersIdentity;
use slack_methods::{SlackMethod, SlackTool};
use slack_methods_emulator::demo;

#[tokio::test]
async fn identity_basic_names_the_user_and_the_workspace_only() {
    let emu = emulator().await;
    emu.add_token("xoxp-ada-basic", demo::ADA, &["identity.basic"]);
    let who = client(&emu, "xoxp-ada-basic")
        .call(&UsersIdentity)
        .await
        .unwrap();
    assert_eq!(who.user.id.as_str(), demo::ADA);
    assert_eq!(who.user.name, "Ada Lovelace");
    assert_eq!(who.user.email, None);
    assert_eq!(who.user.image_24, None);
    assert_eq!(who.team.id.as_str(), emu.team_id());
    assert_eq!(
        (who.team.name.as_ref(), who.team.domain.as_ref()),
        (None, None)
    );
    assert_eq!(who.team.image_34, None);
    assert!(who.user.extra.is_empty() && who.team.extra.is_empty());
    let sent = emu.requests_for(UsersIdentity::NAME);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].param("token"), None);

    // The demo user token has identity.basic too.
    let demo_user = client(&emu, demo::USER_TOKEN);
    assert_eq!(
        demo_user
            .call(&UsersIdentity)
            .await
            .unwrap()
            .user
            .id
            .as_str(),
        demo::ADA
    );
}

#[tokio::test]
async fn the_wider_scopes_add_the_email_the_images_and_the_workspace() {
    let emu = emulator().await;
    emu.add_token(
        "xoxp-grace-email",
        demo::GRACE,
        &["identity.basic", "identity.email"],
    );
    emu.add_token(
        "xoxp-grace-avatar",
        demo::GRACE,
        &["identity.basic", "identity.avatar"],
    );
    emu.add_token(
        "xoxp-grace-team",
        demo::GRACE,
        &["identity.basic", "identity.team"],
    );

    let email = client(&emu, "xoxp-grace-email")
        .call(&UsersIdentity)
        .await
        .unwrap();
    assert_eq!(email.user.email.as_deref(), Some("grace@emulated.invalid"));
    assert_eq!(email.user.image_192, None);
    assert_eq!(email.team.name, None);

    let avatar = client(&emu, "xoxp-grace-avatar")
        .call(&UsersIdentity)
        .await
        .unwrap();
    assert_eq!(avatar.user.email, None);
    for image in [
        &avatar.user.image_24,
        &avatar.user.image_32,
        &avatar.user.image_48,
        &avatar.user.image_72,
        &avatar.user.image_192,
        &avatar.user.image_512,
    ] {
        assert!(
            image
                .as_deref()
                .is_some_and(|url| url.starts_with("https://")),
            "{avatar:?}"
        );
    }

    let team = client(&emu, "xoxp-grace-team")
        .call(&UsersIdentity)
        .await
        .unwrap();
    assert_eq!(team.user.email, None);
    assert!(team
        .team
        .name
        .as_deref()
        .is_some_and(|name| !name.is_empty()));
    assert!(team.team.domain.is_some());
    assert!(team.team.image_230.is_some());
    assert_eq!(team.team.image_default, Some(true));
}

#[tokio::test]
async fn a_bot_or_a_token_without_identity_basic_is_refused() {
    let emu = emulator().await;
    emu.add_token("xoxb-bot-identity", demo::BOT, &["identity.basic"]);
    let bot = client(&emu, "xoxb-bot-identity");
    assert_eq!(code(bot.call(&UsersIdentity).await), "user_is_bot");
    emu.add_token(
        "xoxp-grace-email-only",
        demo::GRACE,
        &["identity.email", "users:read"],
    );
    let without = client(&emu, "xoxp-grace-email-only");
    assert_eq!(code(without.call(&UsersIdentity).await), "missing_scope");
}

#[test]
fn it_is_a_read_only_tool_by_get_with_identity_basic() {
    let scopes: &[&str] = &["identity.basic"];
    assert_eq!(
        common::tool_facts::<UsersIdentity>(),
        ("users.identity", false, false, scopes)
    );
    assert_eq!(UsersIdentity::VERB, slack_methods::HttpVerb::Get);
    assert!(UsersIdentity::PARAMS.is_empty());
}
