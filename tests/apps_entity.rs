//! Two methods an app calls for its own service's users, against the emulator over real HTTP:
//! `apps.user.connection.update`, which tells Slack whether a user is connected to the app, and
//! `entity.presentDetails`, which answers a user opening a Work Object in the flexpane. The
//! emulator's `entity_trigger_id` stands in for the `entity_details_requested` event.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::{json, Map, Value};
use slack_methods::methods::{
    AppConnectionStatus, AppsUserConnectionUpdate, EntityError, EntityErrorStatus,
    EntityPresentDetails,
};
use slack_methods::{SlackMethod, UserId};
use slack_methods_emulator::demo;

/// `apps.user.connection.update` with `status` as it is, unchecked: for what the emulator
/// answers to a value the typed binding cannot send.
#[slack_methods::slack_method("apps.user.connection.update", scope = "users:write")]
struct RawConnectionUpdate {
    user_id: String,
    status: String,
}

/// `entity.presentDetails` with its fields as text, unchecked: for what the emulator answers to
/// arguments the typed binding refuses or cannot send.
#[slack_methods::slack_method("entity.presentDetails", no_scope, tier = 3)]
struct RawPresentDetails {
    trigger_id: String,
    metadata: Option<String>,
    user_auth_required: Option<bool>,
    user_auth_url: Option<String>,
    error: Option<String>,
}

impl RawPresentDetails {
    fn new(trigger_id: &str) -> Self {
        RawPresentDetails {
            trigger_id: trigger_id.to_owned(),
            metadata: None,
            user_auth_required: None,
            user_auth_url: None,
            error: None,
        }
    }
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

/// The metadata of the task whose `external_ref` id is `id`.
fn task(id: &str) -> Map<String, Value> {
    json!({
        "entity_type": "slack#/entities/task",
        "url": format!("https://tasks.example/{id}"),
        "external_ref": {"id": id},
        "entity_payload": {"attributes": {"title": {"text": "Ship the release"}}},
    })
    .as_object()
    .cloned()
    .unwrap()
}

#[tokio::test]
async fn a_user_is_reported_connected_then_disconnected() {
    let emu = common::demo_emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    assert_eq!(emu.user_connection(demo::GRACE), None);

    ada.call(&AppsUserConnectionUpdate::new(
        user(demo::GRACE),
        AppConnectionStatus::Connected,
    ))
    .await
    .unwrap();
    let sent = emu.requests_for(AppsUserConnectionUpdate::NAME);
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].param("user_id"), Some(demo::GRACE));
    assert_eq!(sent[0].param("status"), Some("connected"));
    assert_eq!(
        emu.user_connection(demo::GRACE).as_deref(),
        Some("connected")
    );

    ada.call(&AppsUserConnectionUpdate::new(
        user(demo::GRACE),
        AppConnectionStatus::Disconnected,
    ))
    .await
    .unwrap();
    assert_eq!(
        emu.user_connection(demo::GRACE).as_deref(),
        Some("disconnected")
    );
    assert_eq!(emu.user_connection(demo::LINUS), None);
}

#[tokio::test]
async fn a_connection_update_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let nobody = AppsUserConnectionUpdate::new(user("U0NOBODY01"), AppConnectionStatus::Connected);
    assert_eq!(code(ada.call(&nobody).await), "user_not_found");

    let maybe = RawConnectionUpdate {
        user_id: demo::GRACE.to_owned(),
        status: "maybe".to_owned(),
    };
    assert_eq!(code(ada.call(&maybe).await), "invalid_arguments");

    // Slack's page names a user token: a bot's is refused even with the scope.
    emu.add_token("xoxb-with-users-write", demo::BOT, &["users:write"]);
    let bot = client(&emu, "xoxb-with-users-write");
    let grace = AppsUserConnectionUpdate::new(user(demo::GRACE), AppConnectionStatus::Connected);
    assert_eq!(code(bot.call(&grace).await), "not_allowed_token_type");
    // The demo bot has no `users:write`.
    assert_eq!(
        code(client(&emu, demo::BOT_TOKEN).call(&grace).await),
        "missing_scope"
    );
    assert_eq!(emu.user_connection(demo::GRACE), None);
    assert_eq!(emu.applied_writes(AppsUserConnectionUpdate::NAME), 0);
}

#[tokio::test]
async fn an_app_presents_the_entity_a_user_opened() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let trigger = emu.entity_trigger_id(demo::ADA, "T-42");
    bot.call(&EntityPresentDetails::new(&trigger).metadata(task("T-42")))
        .await
        .unwrap();

    let sent = emu.requests_for(EntityPresentDetails::NAME);
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].param("trigger_id"), Some(trigger.as_str()));
    let metadata: Value = serde_json::from_str(sent[0].param("metadata").unwrap()).unwrap();
    assert_eq!(metadata, Value::Object(task("T-42")));
    let shown = emu.presented_entity(&trigger).unwrap();
    assert_eq!(shown["user"], demo::ADA);
    assert_eq!(shown["metadata"]["external_ref"]["id"], "T-42");
    assert_eq!(shown["user_auth_required"], false);

    // A trigger is answered once.
    let again = EntityPresentDetails::new(&trigger).metadata(task("T-42"));
    assert_eq!(code(bot.call(&again).await), "invalid_trigger_id");
}

#[tokio::test]
async fn an_app_asks_the_user_to_sign_in_or_says_why_it_cannot_show_the_entity() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let sign_in = emu.entity_trigger_id(demo::ADA, "T-42");
    bot.call(
        &EntityPresentDetails::new(&sign_in).user_auth_required("https://tasks.example/login"),
    )
    .await
    .unwrap();
    let sent = emu.requests_for(EntityPresentDetails::NAME);
    assert_eq!(sent[0].param("user_auth_required"), Some("true"));
    let shown = emu.presented_entity(&sign_in).unwrap();
    assert_eq!(shown["user_auth_required"], true);
    assert_eq!(shown["user_auth_url"], "https://tasks.example/login");

    let gone = emu.entity_trigger_id(demo::GRACE, "T-7");
    let error = EntityError::custom("Archived", "This *task* was archived.").markdown();
    bot.call(&EntityPresentDetails::new(&gone).error(error))
        .await
        .unwrap();
    let shown = emu.presented_entity(&gone).unwrap();
    assert_eq!(shown["user"], demo::GRACE);
    assert_eq!(
        shown["error"],
        json!({
            "status": "custom",
            "custom_title": "Archived",
            "custom_message": "This *task* was archived.",
            "message_format": "markdown",
        })
    );

    let missing = emu.entity_trigger_id(demo::GRACE, "T-8");
    bot.call(
        &EntityPresentDetails::new(&missing).error(EntityError::new(EntityErrorStatus::NotFound)),
    )
    .await
    .unwrap();
    assert_eq!(
        emu.presented_entity(&missing).unwrap()["error"],
        json!({"status": "not_found"})
    );
}

#[tokio::test]
async fn entity_present_details_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    assert_eq!(
        code(
            bot.call(&EntityPresentDetails::new("1.2.unknown").metadata(task("T-42")))
                .await
        ),
        "invalid_trigger_id"
    );

    let trigger = emu.entity_trigger_id(demo::ADA, "T-42");
    assert_eq!(
        code(
            bot.call(&EntityPresentDetails::new(&trigger).metadata(task("T-99")))
                .await
        ),
        "entity_metadata_does_not_match_trigger"
    );
    let mut no_ref = task("T-42");
    no_ref.remove("external_ref");
    assert_eq!(
        code(
            bot.call(&EntityPresentDetails::new(&trigger).metadata(no_ref))
                .await
        ),
        "invalid_metadata"
    );
    let mut not_json = RawPresentDetails::new(&trigger);
    not_json.metadata = Some("{not json".to_owned());
    assert_eq!(code(bot.call(&not_json).await), "invalid_metadata");

    let mut no_url = RawPresentDetails::new(&trigger);
    no_url.user_auth_required = Some(true);
    assert_eq!(code(bot.call(&no_url).await), "user_auth_url_missing");

    let mut no_status = RawPresentDetails::new(&trigger);
    no_status.error = Some(r#"{"custom_title":"x"}"#.to_owned());
    assert_eq!(code(bot.call(&no_status).await), "invalid_arguments");
    // Nothing to show at all: the emulator's choice of code.
    assert_eq!(
        code(bot.call(&EntityPresentDetails::new(&trigger)).await),
        "invalid_arguments"
    );

    // None of these used the trigger up.
    assert!(emu.presented_entity(&trigger).is_none());
    bot.call(&EntityPresentDetails::new(&trigger).metadata(task("T-42")))
        .await
        .unwrap();
    assert!(emu.presented_entity(&trigger).is_some());
}

#[tokio::test]
async fn what_slack_would_refuse_is_refused_before_sending() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let empty = EntityPresentDetails::new(" ").metadata(task("T-42"));
    assert_eq!(
        refused(bot.call(&empty).await),
        "`trigger_id` is empty: pass the trigger id of the entity_details_requested event"
    );

    let trigger = emu.entity_trigger_id(demo::ADA, "T-42");
    let no_url: EntityPresentDetails =
        serde_json::from_value(json!({"trigger_id": trigger, "user_auth_required": true})).unwrap();
    assert!(refused(bot.call(&no_url).await)
        .starts_with("`user_auth_required` is true without `user_auth_url`"));
    let blank_url: EntityPresentDetails = serde_json::from_value(
        json!({"trigger_id": trigger, "user_auth_required": true, "user_auth_url": ""}),
    )
    .unwrap();
    assert!(refused(bot.call(&blank_url).await).starts_with("`user_auth_required` is true"));
    // Not required: a url alone, or auth required false, is sent.
    let not_required: EntityPresentDetails = serde_json::from_value(
        json!({"trigger_id": trigger, "user_auth_required": false, "metadata": task("T-42")}),
    )
    .unwrap();
    bot.call(&not_required).await.unwrap();
    assert_eq!(emu.requests_for(EntityPresentDetails::NAME).len(), 1);
}

#[test]
fn facts_of_the_two_methods() {
    assert_eq!(
        [
            common::tool_facts::<AppsUserConnectionUpdate>(),
            common::tool_facts::<EntityPresentDetails>(),
        ],
        [
            (
                "apps.user.connection.update",
                true,
                true,
                &["users:write"][..]
            ),
            ("entity.presentDetails", true, false, &[][..]),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_calls_both_by_name_with_json_arguments() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = common::demo_emulator().await;
    let tools = Registry::bundled();
    let ada = client(&emu, demo::USER_TOKEN);
    let answer = tools
        .call(
            &ada,
            "appsUserConnectionUpdate",
            json!({"user_id": demo::LINUS, "status": "connected"}),
        )
        .await
        .unwrap();
    assert_eq!(answer, json!({}));
    assert_eq!(
        emu.user_connection(demo::LINUS).as_deref(),
        Some("connected")
    );
    let error = tools
        .call(
            &ada,
            "appsUserConnectionUpdate",
            json!({"user_id": demo::LINUS, "status": "maybe"}),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
    assert_eq!(emu.requests_for(AppsUserConnectionUpdate::NAME).len(), 1);

    let bot = client(&emu, demo::BOT_TOKEN);
    let trigger = emu.entity_trigger_id(demo::ADA, "T-42");
    tools
        .call(
            &bot,
            "entityPresentDetails",
            json!({"trigger_id": trigger, "error": {"status": "restricted"}}),
        )
        .await
        .unwrap();
    assert_eq!(
        emu.presented_entity(&trigger).unwrap()["error"],
        json!({"status": "restricted"})
    );
}
