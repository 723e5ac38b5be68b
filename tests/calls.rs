//! The Calls bindings against the emulator, over real HTTP: a call registered, read, renamed,
//! joined, left and ended reads back as Slack answers it; each error the emulator answers
//! (unknown calls, an ended call, participants already in or not in the call, unknown users, a
//! second call with the same id of the app's, a missing creator); what cannot be sent is
//! refused before sending.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use slack_methods::methods::{
    CallUser, CallsAdd, CallsEnd, CallsInfo, CallsParticipantsAdd, CallsParticipantsRemove,
    CallsUpdate,
};
use slack_methods::{CallId, SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};
use std::time::{SystemTime, UNIX_EPOCH};

/// A user token of Grace's that may read calls only.
const GRACE_READER: &str = "xoxp-grace-calls-read";
/// A bot token without the calls scopes.
const BOT_WITHOUT_CALLS: &str = "xoxb-bot-no-calls";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(GRACE_READER, demo::GRACE, &["calls:read"]);
    emu.add_token(BOT_WITHOUT_CALLS, demo::BOT, &["chat:write"]);
    emu
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

fn slack(id: &str) -> CallUser {
    CallUser::slack(user(id))
}

fn guest() -> CallUser {
    CallUser::external("guest-7", "Kim Possible").with_avatar("https://example.com/kim.png")
}

/// A call the bot registers for Ada, as a Zoom-like app would.
fn meeting(external_id: &str) -> CallsAdd {
    CallsAdd::new(
        external_id,
        format!("https://meet.example.com/{external_id}"),
    )
    .created_by(user(demo::ADA))
}

/// `calls.add` with its values as they are, unchecked: for what the emulator answers to values
/// the typed binding would not send.
#[slack_methods::slack_method("calls.add")]
struct RawAdd {
    external_unique_id: String,
    join_url: String,
    created_by: Option<String>,
    date_start: Option<String>,
    users: Option<String>,
}

fn raw_add(external_id: &str) -> RawAdd {
    RawAdd {
        external_unique_id: external_id.to_owned(),
        join_url: "https://meet.example.com/raw".to_owned(),
        created_by: Some(demo::ADA.to_owned()),
        date_start: None,
        users: None,
    }
}

/// `calls.participants.add` with `users` as it is.
#[slack_methods::slack_method("calls.participants.add")]
struct RawJoin {
    id: String,
    users: String,
}

/// `calls.participants.remove` with `users` as it is.
#[slack_methods::slack_method("calls.participants.remove")]
struct RawLeave {
    id: String,
    users: String,
}

#[tokio::test]
async fn a_call_registers_reads_back_changes_and_ends() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);

    let before = now();
    let added = bot
        .call(
            &meeting("meet-4f2a")
                .title("Release review")
                .display_id("705-292-868")
                .desktop_app_join_url("meetapp://join/4f2a")
                .users([slack(demo::ADA), guest()]),
        )
        .await
        .unwrap();
    let call = added.into_data().call;
    assert!(call.id.as_str().starts_with('R'), "{}", call.id);
    assert!((before..=now()).contains(&call.date_start.unwrap()));
    assert_eq!(call.external_unique_id.as_deref(), Some("meet-4f2a"));
    assert_eq!(
        call.join_url.as_deref(),
        Some("https://meet.example.com/meet-4f2a")
    );
    assert_eq!(call.title.as_deref(), Some("Release review"));
    assert_eq!(call.external_display_id.as_deref(), Some("705-292-868"));
    assert_eq!(
        call.desktop_app_join_url.as_deref(),
        Some("meetapp://join/4f2a")
    );
    let users: Vec<CallUser> = call.users.iter().cloned().collect();
    assert_eq!(users, [slack(demo::ADA), guest()]);
    assert!(!call.has_ended());
    // The participants went out as Slack's JSON array.
    let sent = emu.requests_for(CallsAdd::NAME);
    assert_eq!(
        sent.last().unwrap().param("users"),
        Some(
            r#"[{"slack_id":"U0DEMOADA1"},{"external_id":"guest-7","display_name":"Kim Possible","avatar_url":"https://example.com/kim.png"}]"#
        )
    );

    // Read with `calls:read` only, by another user.
    let grace = client(&emu, GRACE_READER);
    let info = grace.call(&CallsInfo::of(call.id.clone())).await.unwrap();
    assert_eq!(info.call, call);

    let renamed = bot
        .call(
            &CallsUpdate::of(call.id.clone())
                .title("Release review, part 2")
                .join_url("https://meet.example.com/4f2a-b"),
        )
        .await
        .unwrap()
        .into_data()
        .call;
    assert_eq!(renamed.title.as_deref(), Some("Release review, part 2"));
    assert_eq!(
        renamed.join_url.as_deref(),
        Some("https://meet.example.com/4f2a-b")
    );
    assert_eq!(renamed.external_display_id.as_deref(), Some("705-292-868"));

    bot.call(&CallsParticipantsAdd::new(
        call.id.clone(),
        [slack(demo::GRACE), slack(demo::LINUS)],
    ))
    .await
    .unwrap();
    bot.call(&CallsParticipantsRemove::new(
        call.id.clone(),
        [
            slack(demo::ADA),
            CallUser::external("guest-7", "Kim Possible"),
        ],
    ))
    .await
    .unwrap();
    let present: Vec<CallUser> = bot
        .call(&CallsInfo::of(call.id.clone()))
        .await
        .unwrap()
        .into_data()
        .call
        .users
        .iter()
        .cloned()
        .collect();
    assert_eq!(present, [slack(demo::GRACE), slack(demo::LINUS)]);

    bot.call(&CallsEnd::of(call.id.clone()).lasted(1_800))
        .await
        .unwrap();
    let sent = emu.requests_for(CallsEnd::NAME);
    assert_eq!(sent.last().unwrap().param("duration"), Some("1800"));
    let ended = bot
        .call(&CallsInfo::of(call.id.clone()))
        .await
        .unwrap()
        .into_data()
        .call;
    assert!(ended.has_ended());
    assert!((before..=now()).contains(&ended.date_end.unwrap()));
    let kept = emu.call(call.id.as_str()).unwrap();
    assert_eq!(kept["title"], "Release review, part 2");
    assert_eq!(kept["users"].as_array().unwrap().len(), 2);
    assert_eq!(kept["date_end"], ended.date_end.unwrap());

    // An ended call ends once and takes no more participants; its title still changes.
    assert_eq!(
        code(bot.call(&CallsEnd::of(call.id.clone())).await),
        "inactive_call"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsAdd::new(call.id.clone(), [guest()]))
                .await
        ),
        "inactive_call"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsRemove::new(
                call.id.clone(),
                [slack(demo::GRACE)]
            ))
            .await
        ),
        "inactive_call"
    );
    bot.call(&CallsUpdate::of(call.id.clone()).title("Recorded"))
        .await
        .unwrap();
    assert_eq!(emu.applied_writes(CallsEnd::NAME), 1);
}

#[tokio::test]
async fn a_start_time_given_is_kept() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let call = bot
        .call(&meeting("meet-start").started_at(1_562_002_086))
        .await
        .unwrap()
        .into_data()
        .call;
    assert_eq!(call.date_start, Some(1_562_002_086));
    assert!(call.users.is_empty());
    assert_eq!(
        emu.requests_for(CallsAdd::NAME)
            .last()
            .unwrap()
            .param("date_start"),
        Some("1562002086")
    );
}

#[tokio::test]
async fn who_created_a_call_is_the_user_of_a_user_token_and_must_be_named_by_a_bot() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let mine = CallsAdd::new("meet-ada", "https://meet.example.com/ada");
    ada.call(&mine).await.unwrap();
    assert!(emu.requests_for(CallsAdd::NAME)[0]
        .param("created_by")
        .is_none());

    let bot = client(&emu, demo::BOT_TOKEN);
    let unnamed = CallsAdd::new("meet-bot", "https://meet.example.com/bot");
    assert_eq!(code(bot.call(&unnamed).await), "invalid_created_by");
    let ghost = unnamed.clone().created_by(user("U0GHOST01"));
    assert_eq!(code(bot.call(&ghost).await), "invalid_created_by");
    bot.call(&unnamed.created_by(user(demo::GRACE)))
        .await
        .unwrap();
    assert_eq!(emu.applied_writes(CallsAdd::NAME), 2);
}

#[tokio::test]
async fn the_app_s_id_of_a_call_registers_once() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let first = bot
        .call(&meeting("meet-once"))
        .await
        .unwrap()
        .into_data()
        .call;
    assert_eq!(
        code(bot.call(&meeting("meet-once")).await),
        "invalid_arguments"
    );
    // Ended, it still holds its id.
    bot.call(&CallsEnd::of(first.id.clone())).await.unwrap();
    assert_eq!(
        code(bot.call(&meeting("meet-once")).await),
        "invalid_arguments"
    );
    let other = bot
        .call(&meeting("meet-twice"))
        .await
        .unwrap()
        .into_data()
        .call;
    assert_ne!(other.id, first.id);
    assert_eq!(emu.applied_writes(CallsAdd::NAME), 2);
}

#[tokio::test]
async fn an_unknown_call_is_invalid_call_id() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ghost = CallId::new("R0GHOST01").unwrap();
    assert_eq!(
        code(bot.call(&CallsInfo::of(ghost.clone())).await),
        "invalid_call_id"
    );
    assert_eq!(
        code(bot.call(&CallsUpdate::of(ghost.clone()).title("x")).await),
        "invalid_call_id"
    );
    assert_eq!(
        code(bot.call(&CallsEnd::of(ghost.clone())).await),
        "invalid_call_id"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsAdd::new(ghost.clone(), [guest()]))
                .await
        ),
        "invalid_call_id"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsRemove::new(ghost, [guest()]))
                .await
        ),
        "invalid_call_id"
    );
}

#[tokio::test]
async fn participants_join_once_and_leave_once() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let call = bot
        .call(&meeting("meet-people").users([slack(demo::ADA)]))
        .await
        .unwrap()
        .into_data()
        .call;
    let id = call.id;

    // Ada is in already: nothing of the call changes.
    assert_eq!(
        code(
            bot.call(&CallsParticipantsAdd::new(
                id.clone(),
                [slack(demo::GRACE), slack(demo::ADA)]
            ))
            .await
        ),
        "bad_users"
    );
    assert_eq!(
        emu.call(id.as_str()).unwrap()["users"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsAdd::new(id.clone(), [slack("U0GHOST01")]))
                .await
        ),
        "user_not_found"
    );

    bot.call(&CallsParticipantsAdd::new(id.clone(), [guest()]))
        .await
        .unwrap();
    // Someone outside Slack is the same by the app's id, whatever the name.
    let renamed_guest = CallUser::external("guest-7", "K. Possible");
    assert_eq!(
        code(
            bot.call(&CallsParticipantsAdd::new(
                id.clone(),
                [renamed_guest.clone()]
            ))
            .await
        ),
        "bad_users"
    );
    bot.call(&CallsParticipantsRemove::new(
        id.clone(),
        [renamed_guest.clone()],
    ))
    .await
    .unwrap();
    // Removed twice.
    assert_eq!(
        code(
            bot.call(&CallsParticipantsRemove::new(id.clone(), [renamed_guest]))
                .await
        ),
        "bad_users"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsRemove::new(
                id.clone(),
                [slack(demo::LINUS)]
            ))
            .await
        ),
        "bad_users"
    );
    assert_eq!(
        code(
            bot.call(&CallsParticipantsRemove::new(
                id.clone(),
                [slack("U0GHOST01")]
            ))
            .await
        ),
        "user_not_found"
    );
    assert_eq!(emu.applied_writes(CallsParticipantsAdd::NAME), 1);
    assert_eq!(emu.applied_writes(CallsParticipantsRemove::NAME), 1);
}

#[tokio::test]
async fn values_slack_cannot_read_are_its_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let soon = RawAdd {
        date_start: Some("soon".into()),
        ..raw_add("meet-raw")
    };
    assert_eq!(code(bot.call(&soon).await), "invalid_start_time");
    let not_a_list = RawAdd {
        users: Some(r#"{"slack_id":"U0DEMOADA1"}"#.into()),
        ..raw_add("meet-raw")
    };
    assert_eq!(code(bot.call(&not_a_list).await), "invalid_arguments");
    let nameless = RawAdd {
        users: Some(r#"[{"external_id":"guest-7"}]"#.into()),
        ..raw_add("meet-raw")
    };
    assert_eq!(code(bot.call(&nameless).await), "invalid_arguments");
    let no_id = RawAdd {
        users: Some(r#"[{"display_name":"Kim"}]"#.into()),
        ..raw_add("meet-raw")
    };
    assert_eq!(code(bot.call(&no_id).await), "invalid_arguments");
    let blank = RawAdd {
        join_url: " ".into(),
        ..raw_add("meet-raw")
    };
    assert_eq!(code(bot.call(&blank).await), "invalid_arguments");
    assert_eq!(emu.applied_writes(CallsAdd::NAME), 0);

    let id = bot
        .call(&meeting("meet-raw"))
        .await
        .unwrap()
        .into_data()
        .call
        .id;
    let join = |users: &str| RawJoin {
        id: id.to_string(),
        users: users.to_owned(),
    };
    assert_eq!(code(bot.call(&join("")).await), "missing_argument");
    assert_eq!(code(bot.call(&join("[]")).await), "missing_argument");
    assert_eq!(code(bot.call(&join("not json")).await), "invalid_arguments");
    let leave = RawLeave {
        id: id.to_string(),
        users: String::new(),
    };
    assert_eq!(code(bot.call(&leave).await), "missing_argument");
    // Removing someone outside Slack takes the app's id alone.
    bot.call(&CallsParticipantsAdd::new(id.clone(), [guest()]))
        .await
        .unwrap();
    let by_id = RawLeave {
        id: id.to_string(),
        users: r#"[{"external_id":"guest-7"}]"#.into(),
    };
    bot.call(&by_id).await.unwrap();
}

#[tokio::test]
async fn a_token_without_the_scope_is_refused() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = bot
        .call(&meeting("meet-scope"))
        .await
        .unwrap()
        .into_data()
        .call
        .id;
    let grace = client(&emu, GRACE_READER);
    assert_eq!(
        code(grace.call(&CallsEnd::of(id.clone())).await),
        "missing_scope"
    );
    let other = client(&emu, BOT_WITHOUT_CALLS);
    assert_eq!(code(other.call(&CallsInfo::of(id)).await), "missing_scope");
    assert_eq!(code(other.call(&meeting("meet-x")).await), "missing_scope");
}

#[tokio::test]
async fn what_cannot_be_meant_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let why = refused(
        bot.call(&CallsAdd::new(" ", "https://meet.example.com/x"))
            .await,
    );
    assert!(why.contains("`external_unique_id` is empty"), "{why}");
    let why = refused(bot.call(&CallsAdd::new("meet-x", "")).await);
    assert!(why.contains("`join_url` is empty"), "{why}");
    let id = CallId::new("R0E69JAIF").unwrap();
    let why = refused(bot.call(&CallsParticipantsAdd::new(id.clone(), [])).await);
    assert!(why.contains("`users` is empty"), "{why}");
    let why = refused(bot.call(&CallsParticipantsRemove::new(id, [])).await);
    assert!(why.contains("`users` is empty"), "{why}");
    assert!(emu.requests().is_empty(), "nothing was sent");
}

#[test]
fn ending_updating_and_removing_are_destructive_and_reading_is_read_only() {
    // (method, writes, destructive, scopes): the names' words say it (`end`, `update`,
    // `remove`), so no binding overrides them.
    assert_eq!(
        [
            common::tool_facts::<CallsAdd>(),
            common::tool_facts::<CallsInfo>(),
            common::tool_facts::<CallsUpdate>(),
            common::tool_facts::<CallsEnd>(),
            common::tool_facts::<CallsParticipantsAdd>(),
            common::tool_facts::<CallsParticipantsRemove>(),
        ],
        [
            ("calls.add", true, false, &["calls:write"][..]),
            ("calls.info", false, false, &["calls:read"][..]),
            ("calls.update", true, true, &["calls:write"][..]),
            ("calls.end", true, true, &["calls:write"][..]),
            ("calls.participants.add", true, false, &["calls:write"][..]),
            (
                "calls.participants.remove",
                true,
                true,
                &["calls:write"][..]
            ),
        ]
    );
}

#[test]
fn a_call_user_reads_from_json_with_its_id() {
    let read = |json: &str| serde_json::from_str::<CallUser>(json);
    assert_eq!(
        read(r#"{"slack_id":"U0123ABCD"}"#).unwrap(),
        slack("U0123ABCD")
    );
    assert_eq!(
        read(r#"{"external_id":"guest-7","display_name":"Kim Possible"}"#).unwrap(),
        CallUser::external("guest-7", "Kim Possible")
    );
    for wrong in [
        r#"{}"#,
        r#"{"display_name":"Kim"}"#,
        r#"{"external_id":"guest-7"}"#,
        r#""U0123ABCD""#,
    ] {
        assert!(read(wrong).is_err(), "{wrong}");
    }
    // A Slack user keeps their own avatar.
    assert_eq!(
        slack("U0123ABCD").with_avatar("https://x"),
        slack("U0123ABCD")
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn a_call_registered_by_name_reads_back() {
    use serde_json::json;
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = Registry::bundled();
    let added = tools
        .call(
            &bot,
            "callsAdd",
            json!({
                "external_unique_id": "meet-tool",
                "join_url": "https://meet.example.com/tool",
                "created_by": demo::ADA,
                "users": [{"slack_id": demo::GRACE}, {"external_id": "g1", "display_name": "Guest"}],
            }),
        )
        .await
        .unwrap();
    let id = added["call"]["id"].as_str().unwrap().to_owned();
    assert_eq!(added["call"]["users"][1]["display_name"], "Guest");
    for wrong in [
        json!([{"display_name": "Guest"}]),
        json!([{"slack_id": "not-a-user"}]),
        json!([{"slack_id": demo::GRACE, "role": "host"}]),
    ] {
        let error = tools
            .call(
                &bot,
                "callsParticipantsAdd",
                json!({"id": id, "users": wrong}),
            )
            .await
            .unwrap_err();
        assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
        assert!(error.to_string().contains("users"), "{error}");
    }
    tools
        .call(&bot, "callsEnd", json!({"id": id, "duration": 60}))
        .await
        .unwrap();
    assert!(emu.call(&id).unwrap().get("date_end").is_some());
    assert_eq!(emu.applied_writes(CallsParticipantsAdd::NAME), 0);
    assert!(tools.get("callsInfo").unwrap().read_only());
    assert!(tools.get("callsEnd").unwrap().destructive);
    assert!(!tools.get("callsParticipantsAdd").unwrap().destructive);
}

/// A participant an agent gets wrong is refused with what it lacks or has too many of (not
/// only that it fits neither form), and a field it writes as `null` is one it left out, as the
/// typed path reads it.
#[cfg(feature = "tools")]
#[tokio::test]
async fn a_participant_from_an_agent_says_what_is_wrong_and_takes_null_for_none() {
    use serde_json::json;
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = slack_methods::tools::Registry::bundled();
    let added = tools
        .call(
            &bot,
            "callsAdd",
            json!({
                "external_unique_id": "meet-nulls",
                "join_url": "https://meet.example.com/nulls",
                "created_by": demo::ADA,
                "users": [
                    {"external_id": "g1", "display_name": "Guest", "avatar_url": null},
                    {"slack_id": demo::GRACE, "external_id": null},
                ],
            }),
        )
        .await
        .unwrap();
    assert_eq!(
        added["call"]["users"],
        json!([{"external_id": "g1", "display_name": "Guest"}, {"slack_id": demo::GRACE}])
    );
    let sent = emu.requests().len();
    for (wrong, says) in [
        (json!({"external_id": "g2"}), "`display_name` missing"),
        (json!({"display_name": "Guest"}), "`external_id` missing"),
        (json!({}), "`external_id` and `display_name` missing"),
        (
            json!({"slack_id": demo::GRACE, "display_name": "Grace"}),
            "`display_name` beside `slack_id`",
        ),
        (
            json!({"slack_id": demo::GRACE, "role": "host"}),
            "unknown field `role`",
        ),
        (
            json!({"external_id": 7, "display_name": "Guest"}),
            "`users[0].external_id`: expected a string",
        ),
    ] {
        let error = tools
            .call(
                &bot,
                "callsAdd",
                json!({
                    "external_unique_id": "meet-wrong",
                    "join_url": "https://meet.example.com/wrong",
                    "created_by": demo::ADA,
                    "users": [wrong],
                }),
            )
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains("`users[0]"), "{error}");
        assert!(error.contains(says), "{error}");
    }
    assert_eq!(emu.requests().len(), sent, "nothing was sent");
}
