//! `users.deletePhoto` over real HTTP against the emulator: the profile's images fall back to
//! the default avatar, a bot's token is refused, the scope is checked, and the tool is
//! destructive by its name.

mod common;

use common::{api_code, unpaced_client};
use slack_methods::methods::{UsersDeletePhoto, UsersProfileGet};
use slack_methods::{SlackMethod, SlackTool};
use slack_methods_emulator::demo;

const ADA_TOKEN: &str = "xoxp-ada-photo";
const BOT_TOKEN: &str = "xoxb-bot-photo";

#[tokio::test]
async fn deleting_the_photo_shows_the_default_avatar() {
    let emu = common::demo_emulator().await;
    emu.add_token(
        ADA_TOKEN,
        demo::ADA,
        &["users.profile:read", "users.profile:write"],
    );
    let client = unpaced_client(&emu, ADA_TOKEN);
    let before = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    client.call(&UsersDeletePhoto::new()).await.unwrap();
    let after = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    assert_eq!(after.is_custom_image, Some(false));
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert_eq!(emu.applied_writes("users.deletePhoto"), 1);
}

#[tokio::test]
async fn a_bot_has_no_photo_to_delete() {
    let emu = common::demo_emulator().await;
    emu.add_token(BOT_TOKEN, demo::BOT, &["users.profile:write"]);
    let client = unpaced_client(&emu, BOT_TOKEN);
    assert_eq!(
        api_code(client.call(&UsersDeletePhoto::new()).await),
        "user_is_bot"
    );
}

#[tokio::test]
async fn the_scope_is_checked() {
    let emu = common::demo_emulator().await;
    emu.add_token(ADA_TOKEN, demo::ADA, &["users.profile:read"]);
    let client = unpaced_client(&emu, ADA_TOKEN);
    let code = api_code(client.call(&UsersDeletePhoto::new()).await);
    assert_eq!(code, "missing_scope");
}

#[test]
fn it_is_a_destructive_write_with_the_catalogs_scope() {
    assert_eq!(
        (UsersDeletePhoto::WRITES, UsersDeletePhoto::DESTRUCTIVE),
        (true, true)
    );
    assert_eq!(UsersDeletePhoto::SCOPES, &["users.profile:write"]);
    assert!(UsersDeletePhoto::DESCRIPTION.starts_with("`users.deletePhoto`: "));
}
