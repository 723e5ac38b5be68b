//! The methods an app calls with its app-level token (`xapp-`), against the emulator over real
//! HTTP: `apps.connections.open`'s Socket Mode URL, kept out of `Debug` and given by its
//! accessor, and `apps.event.authorizations.list`, the installations an event is visible to,
//! in cursor pages; bot and user tokens refused, and the app-level token refused elsewhere
//! (`not_allowed_token_type`).

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{AppsConnectionsOpen, AppsEventAuthorizationsList, AuthTest};
use slack_methods::{HttpVerb, MethodFacts, RateLimitTier, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

/// An app-level token without `connections:write`.
const APP_WITHOUT_CONNECT: &str = "xapp-without-connections-write";
/// An app-level token without `authorizations:read`.
const APP_WITHOUT_AUTHORIZATIONS: &str = "xapp-without-authorizations-read";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    // Not a bundled binding (no tool: its answer is a credential), so served on its own.
    emu.serve(&[MethodFacts::of::<AppsConnectionsOpen>()]);
    emu.add_token(APP_WITHOUT_CONNECT, demo::BOT, &["authorizations:read"]);
    emu.add_token(
        APP_WITHOUT_AUTHORIZATIONS,
        demo::BOT,
        &["connections:write"],
    );
    emu
}

#[test]
fn the_connection_binding_keeps_slack_s_facts() {
    assert_eq!(AppsConnectionsOpen::NAME, "apps.connections.open");
    assert_eq!(AppsConnectionsOpen::VERB, HttpVerb::Post);
    assert_eq!(AppsConnectionsOpen::TIER, RateLimitTier::Tier1);
    assert_eq!(AppsConnectionsOpen::SCOPES, ["connections:write"]);
    assert!(!slack_methods::methods::ALL
        .iter()
        .any(|facts| facts.name == AppsConnectionsOpen::NAME));
}

#[tokio::test]
async fn the_app_level_token_opens_a_socket_mode_url_kept_out_of_debug() {
    let emu = emulator().await;
    let app = client(&emu, demo::APP_TOKEN);
    let first = app.call(&AppsConnectionsOpen).await.unwrap();
    let url = first.url.expose_secret().to_owned();
    let expected = format!("ws://{}/link/?ticket=", emu.addr());
    assert!(url.starts_with(&expected), "{url}");
    let shown = format!("{first:?} {:?}", first.data);
    assert!(
        !shown.contains(&url) && !shown.contains("ticket"),
        "{shown}"
    );
    assert!(shown.contains("SocketModeUrl(<hidden>)"), "{shown}");
    let second = app.call(&AppsConnectionsOpen).await.unwrap();
    assert_ne!(second.url.expose_secret(), url, "each call a new ticket");
    let sent = emu.requests_for("apps.connections.open");
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].bearer_token(), Some(demo::APP_TOKEN));
    assert_eq!(
        code(
            client(&emu, APP_WITHOUT_CONNECT)
                .call(&AppsConnectionsOpen)
                .await
        ),
        "missing_scope"
    );
}

#[tokio::test]
async fn bot_and_user_tokens_are_refused_and_the_app_token_calls_nothing_else() {
    let emu = emulator().await;
    let list = AppsEventAuthorizationsList::new(emu.event_context());
    for token in [demo::BOT_TOKEN, demo::USER_TOKEN] {
        let caller = client(&emu, token);
        assert_eq!(
            code(caller.call(&AppsConnectionsOpen).await),
            "not_allowed_token_type"
        );
        assert_eq!(code(caller.call(&list).await), "not_allowed_token_type");
    }
    let app = client(&emu, demo::APP_TOKEN);
    assert_eq!(code(app.call(&AuthTest).await), "not_allowed_token_type");
}

#[tokio::test]
async fn an_event_s_installations_come_in_cursor_pages() {
    let emu = emulator().await;
    for (id, name) in [
        ("T0OTHER01", "Other"),
        ("T0OTHER02", "Another"),
        ("T0OTHER03", "Third"),
    ] {
        emu.approve_in_workspace(id, name);
    }
    let context = emu.event_context();
    let app = client(&emu, demo::APP_TOKEN);
    let list = AppsEventAuthorizationsList::new(context.clone()).limit(3);
    let first = app.call(&list).await.unwrap();
    assert_eq!(first.authorizations.len(), 3);
    assert!(first.next_cursor.is_some());
    let installs: Vec<_> = app.items(&list).try_collect().await.unwrap();
    let mut teams: Vec<String> = installs
        .iter()
        .map(|install| {
            install
                .parsed()
                .unwrap()
                .team_id
                .clone()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(teams.len(), 4);
    teams.dedup();
    assert_eq!(teams.len(), 4, "each installation once");
    assert!(teams.contains(&emu.team_id()));
    let install = installs[0].parsed().unwrap();
    assert_eq!(install.user_id.as_ref().unwrap().as_str(), demo::BOT);
    assert!(install.is_bot);
    assert!(!install.is_enterprise_install);
    assert!(install.enterprise_id.is_none());

    let unknown = AppsEventAuthorizationsList::new("4-not-handed-out");
    assert_eq!(code(app.call(&unknown).await), "invalid_event_context");
    let bad_cursor = AppsEventAuthorizationsList::new(context).cursor("not-a-cursor");
    assert_eq!(code(app.call(&bad_cursor).await), "invalid_cursor");
    let without = client(&emu, APP_WITHOUT_AUTHORIZATIONS);
    assert_eq!(code(without.call(&list).await), "missing_scope");
}

#[tokio::test]
async fn an_empty_event_context_is_refused_before_sending() {
    let emu = emulator().await;
    let app = client(&emu, demo::APP_TOKEN);
    let reason = refused(app.call(&AppsEventAuthorizationsList::new(" ")).await);
    assert!(reason.contains("`event_context` is empty"), "{reason}");
    assert!(emu
        .requests_for("apps.event.authorizations.list")
        .is_empty());
}

/// `apps.event.authorizations.list` is a bundled tool that only reads; `apps.connections.open`,
/// whose answer is a credential, is no tool: the bundled list leaves it out.
#[test]
fn the_event_authorizations_are_a_read_only_tool_and_the_socket_url_is_no_tool() {
    assert_eq!(
        common::tool_facts::<AppsEventAuthorizationsList>(),
        (
            "apps.event.authorizations.list",
            false,
            false,
            &["authorizations:read"][..]
        )
    );
    let bundled: Vec<&str> = slack_methods::methods::ALL
        .iter()
        .map(|facts| facts.name)
        .collect();
    assert!(bundled.contains(&"apps.event.authorizations.list"));
    assert!(!bundled.contains(&AppsConnectionsOpen::NAME));
}
