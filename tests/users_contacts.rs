//! `users.discoverableContacts.lookup` against the emulator, over real HTTP: whether an address
//! can be found for Slack Connect, for the workspace's people and those of other organizations;
//! an empty address refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use slack_methods::methods::UsersDiscoverableContactsLookup;
use slack_methods_emulator::{demo, Emulator};

/// A bot token without the Slack Connect scope.
const BOT_WITHOUT_SCOPE: &str = "xoxb-bot-no-connect";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(BOT_WITHOUT_SCOPE, demo::BOT, &["users:read"]);
    emu
}

/// `users.discoverableContacts.lookup` with `email` as given, unchecked.
#[slack_methods::slack_method(
    "users.discoverableContacts.lookup",
    scope = "conversations.connect:manage",
    writes = false
)]
struct RawLookup {
    #[slack(unchecked)]
    email: String,
}

async fn discoverable(emu: &Emulator, email: &str) -> bool {
    let bot = client(emu, demo::BOT_TOKEN);
    let lookup = UsersDiscoverableContactsLookup::email(email);
    bot.call(&lookup).await.unwrap().is_discoverable
}

#[tokio::test]
async fn people_outside_are_discoverable_once_they_may_be_found() {
    let emu = emulator().await;
    assert!(!discoverable(&emu, "scott@partner.example").await);
    emu.add_discoverable_contact("T0PARTNER1", "Scott@Partner.example");
    assert!(discoverable(&emu, "scott@partner.example").await);
    assert!(discoverable(&emu, "SCOTT@PARTNER.EXAMPLE").await);
    // Someone else of the same organization has not been made discoverable.
    assert!(!discoverable(&emu, "ada@partner.example").await);
}

#[tokio::test]
async fn the_workspace_s_people_are_discoverable() {
    let emu = emulator().await;
    assert!(discoverable(&emu, "grace@emulated.invalid").await);
    assert!(!discoverable(&emu, "nobody@emulated.invalid").await);
}

#[tokio::test]
async fn slack_errors_come_back_typed() {
    let emu = emulator().await;
    let lookup = UsersDiscoverableContactsLookup::email("grace@emulated.invalid");
    // Slack's page names bot-token scopes only.
    let ada = client(&emu, demo::USER_TOKEN);
    assert_eq!(code(ada.call(&lookup).await), "not_allowed");
    let bot = client(&emu, BOT_WITHOUT_SCOPE);
    assert_eq!(code(bot.call(&lookup).await), "missing_scope");
    let bot = client(&emu, demo::BOT_TOKEN);
    let raw = RawLookup {
        email: " ".to_owned(),
    };
    assert_eq!(code(bot.call(&raw).await), "invalid_arguments");
}

#[tokio::test]
async fn an_empty_address_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let empty = UsersDiscoverableContactsLookup::email("  ");
    assert!(refused(bot.call(&empty).await).contains("empty"));
    assert!(emu.requests().is_empty());
}

#[test]
fn the_lookup_is_a_read_with_the_slack_connect_scope() {
    assert_eq!(
        common::tool_facts::<UsersDiscoverableContactsLookup>(),
        (
            "users.discoverableContacts.lookup",
            false,
            false,
            &["conversations.connect:manage"][..]
        )
    );
}
