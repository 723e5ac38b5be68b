//! The Do Not Disturb bindings against the emulator, over real HTTP: a snooze set, read, changed
//! and ended reads back as Slack answers it, and ends when its time passes; each user's status
//! read at once; what cannot be sent is refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use slack_methods::methods::dnd::MAX_DND_TEAM_INFO_USERS;
use slack_methods::methods::{DndEndDnd, DndEndSnooze, DndInfo, DndSetSnooze, DndTeamInfo};
use slack_methods::{SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};
use std::num::NonZeroU32;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A bot token that was given the Do Not Disturb scopes (Slack grants `dnd:write` to user
/// tokens only).
const BOT_WITH_SCOPES: &str = "xoxb-bot-dnd";
/// A user token of Grace's that may read statuses only.
const GRACE_READER: &str = "xoxp-grace-dnd-read";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(BOT_WITH_SCOPES, demo::BOT, &["dnd:read", "dnd:write"]);
    emu.add_token(GRACE_READER, demo::GRACE, &["dnd:read"]);
    emu
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn minutes(n: u32) -> DndSetSnooze {
    DndSetSnooze::new(NonZeroU32::new(n).unwrap())
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

/// `dnd.setSnooze` with `num_minutes` as it is, unchecked: for what the emulator answers to a
/// value the typed binding would not send.
#[slack_methods::slack_method("dnd.setSnooze")]
struct RawSnooze {
    num_minutes: String,
}

/// `dnd.teamInfo` with `users` as it is: for a list the typed binding would not send.
#[slack_methods::slack_method("dnd.teamInfo")]
struct RawTeamInfo {
    users: Option<String>,
}

#[tokio::test]
async fn a_snooze_reads_back_changes_and_ends() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);

    let before = now();
    let snooze = ada.call(&minutes(30)).await.unwrap();
    assert!(snooze.snooze_enabled);
    assert_eq!(snooze.snooze_remaining, 1_800);
    assert!(
        (before + 1_800..=now() + 1_800).contains(&snooze.snooze_endtime),
        "{}",
        snooze.snooze_endtime
    );
    assert_eq!(snooze.snooze_is_indefinite, Some(false));
    let sent = emu.requests_for(DndSetSnooze::NAME);
    assert_eq!(sent.last().unwrap().param("num_minutes"), Some("30"));

    let mine = ada.call(&DndInfo::new()).await.unwrap();
    assert!(mine.is_snoozed());
    assert_eq!(mine.snooze_endtime, Some(snooze.snooze_endtime));
    assert!(mine.snooze_remaining.is_some_and(|left| left <= 1_800));
    // No schedules in the emulator: Do Not Disturb is the snooze.
    assert!(!mine.dnd_enabled);
    assert_eq!(
        (mine.next_dnd_start_ts, mine.next_dnd_end_ts),
        (Some(1), Some(1))
    );
    assert_eq!(emu.dnd_status(demo::ADA)["snooze_enabled"], true);

    // Another caller sees no snooze fields.
    let grace = client(&emu, GRACE_READER);
    let hers = grace.call(&DndInfo::of(user(demo::ADA))).await.unwrap();
    assert_eq!(hers.snooze_enabled, None);
    assert_eq!(hers.snooze_endtime, None);
    assert!(!hers.dnd_enabled);

    // Setting again changes the length.
    let shorter = ada.call(&minutes(5)).await.unwrap();
    assert_eq!(shorter.snooze_remaining, 300);
    assert!(shorter.snooze_endtime < snooze.snooze_endtime);

    let after = ada.call(&DndEndSnooze).await.unwrap();
    assert_eq!(after.snooze_enabled, Some(false));
    assert_eq!(after.snooze_endtime, None);
    assert!(!ada.call(&DndInfo::new()).await.unwrap().is_snoozed());
    assert_eq!(code(ada.call(&DndEndSnooze).await), "snooze_not_active");
    assert_eq!(emu.applied_writes(DndSetSnooze::NAME), 2);
}

#[tokio::test]
async fn a_snooze_ends_when_its_time_passes() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let now = i64::try_from(now()).unwrap();

    emu.snooze_until(demo::ADA, now - 1);
    assert!(!ada.call(&DndInfo::new()).await.unwrap().is_snoozed());
    assert_eq!(code(ada.call(&DndEndSnooze).await), "snooze_not_active");
    assert_eq!(code(ada.call(&DndEndDnd).await), "not_in_dnd");

    emu.snooze_until(demo::ADA, now + 2);
    assert!(ada.call(&DndInfo::new()).await.unwrap().is_snoozed());
    tokio::time::sleep(Duration::from_millis(3_100)).await;
    assert!(!ada.call(&DndInfo::new()).await.unwrap().is_snoozed());
    assert_eq!(emu.dnd_status(demo::ADA)["snooze_enabled"], false);
}

#[tokio::test]
async fn ending_do_not_disturb_ends_the_snooze() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    assert_eq!(code(ada.call(&DndEndDnd).await), "not_in_dnd");
    ada.call(&minutes(60)).await.unwrap();
    ada.call(&DndEndDnd::new()).await.unwrap();
    assert!(!ada.call(&DndInfo::new()).await.unwrap().is_snoozed());
    assert_eq!(code(ada.call(&DndEndDnd).await), "not_in_dnd");
    assert_eq!(emu.applied_writes(DndEndDnd::NAME), 1);
}

#[tokio::test]
async fn each_user_s_status_is_read_at_once() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    ada.call(&minutes(30)).await.unwrap();
    // A bot token reads statuses (`dnd:read` is a bot scope too).
    let bot = client(&emu, demo::BOT_TOKEN);
    let team = bot
        .call(&DndTeamInfo::of([user(demo::ADA), user(demo::GRACE)]))
        .await
        .unwrap();
    assert_eq!(team.users.len(), 2);
    let ada_status = team.status(&user(demo::ADA)).unwrap();
    assert!(!ada_status.dnd_enabled);
    assert_eq!(ada_status.next_dnd_start_ts, Some(1));
    assert_eq!(ada_status.snooze_enabled, None, "no snooze fields here");
    assert!(team.status(&user(demo::GRACE)).is_some());
    let sent = emu.requests_for(DndTeamInfo::NAME);
    assert_eq!(
        sent.last().unwrap().param("users"),
        Some(format!("{},{}", demo::ADA, demo::GRACE).as_str())
    );
    // The bot's own status, which has no snooze.
    let own = bot.call(&DndInfo::new()).await.unwrap();
    assert_eq!(own.snooze_enabled, Some(false));
}

#[tokio::test]
async fn unknown_users_and_lists_slack_does_not_take_are_its_errors() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let ghost = user("U0GHOST01");
    assert_eq!(
        code(ada.call(&DndInfo::of(ghost.clone())).await),
        "user_not_found"
    );
    assert_eq!(
        code(ada.call(&DndTeamInfo::of([user(demo::ADA), ghost])).await),
        "user_not_found"
    );
    let raw = |users: Option<String>| RawTeamInfo { users };
    assert_eq!(code(ada.call(&raw(None)).await), "no_users_provided");
    assert_eq!(
        code(ada.call(&raw(Some(" , ".into()))).await),
        "no_users_provided"
    );
    let many = vec![demo::ADA; MAX_DND_TEAM_INFO_USERS + 1].join(",");
    assert_eq!(code(ada.call(&raw(Some(many))).await), "too_many_users");
    let fifty = vec![demo::ADA; MAX_DND_TEAM_INFO_USERS].join(",");
    ada.call(&raw(Some(fifty))).await.unwrap();
}

#[tokio::test]
async fn a_duration_slack_does_not_take_is_its_error() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let raw = |minutes: &str| RawSnooze {
        num_minutes: minutes.to_owned(),
    };
    assert_eq!(code(ada.call(&raw("")).await), "missing_duration");
    for wrong in ["0", "-5", "1.5", "half an hour"] {
        assert_eq!(
            code(ada.call(&raw(wrong)).await),
            "invalid_arguments",
            "{wrong}"
        );
    }
    assert_eq!(code(ada.call(&raw("525601")).await), "too_long");
    assert_eq!(
        code(ada.call(&raw("99999999999999999999")).await),
        "too_long"
    );
    ada.call(&raw("525600")).await.unwrap();
    assert_eq!(emu.applied_writes(DndSetSnooze::NAME), 1);
}

#[tokio::test]
async fn a_bot_user_is_refused_and_a_token_without_the_scope_too() {
    let emu = emulator().await;
    let bot = client(&emu, BOT_WITH_SCOPES);
    assert_eq!(code(bot.call(&minutes(30)).await), "user_is_bot");
    assert_eq!(code(bot.call(&DndEndSnooze).await), "user_is_bot");
    assert_eq!(code(bot.call(&DndEndDnd).await), "user_is_bot");
    // The demo bot token has no `dnd:write`, which Slack grants to user tokens only.
    let demo_bot = client(&emu, demo::BOT_TOKEN);
    assert_eq!(code(demo_bot.call(&minutes(30)).await), "missing_scope");
    // A token that may only read cannot snooze.
    let grace = client(&emu, GRACE_READER);
    assert_eq!(code(grace.call(&DndEndDnd).await), "missing_scope");
    assert_eq!(emu.applied_writes(DndSetSnooze::NAME), 0);
}

#[tokio::test]
async fn a_list_slack_would_refuse_is_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let why = refused(ada.call(&DndTeamInfo::of(Vec::new())).await);
    assert!(why.contains("`users` is empty"), "{why}");
    let many = vec![user(demo::ADA); MAX_DND_TEAM_INFO_USERS + 1];
    let why = refused(ada.call(&DndTeamInfo::of(many)).await);
    assert!(why.contains("at most 50"), "{why}");
    assert!(emu.requests().is_empty(), "nothing was sent");
    // The edge is sent.
    let fifty = vec![user(demo::ADA); MAX_DND_TEAM_INFO_USERS];
    ada.call(&DndTeamInfo::of(fifty)).await.unwrap();
}

#[test]
fn ending_and_setting_are_destructive_and_reading_is_read_only() {
    // (method, writes, destructive, scopes)
    assert_eq!(
        [
            common::tool_facts::<DndInfo>(),
            common::tool_facts::<DndTeamInfo>(),
            common::tool_facts::<DndSetSnooze>(),
            common::tool_facts::<DndEndSnooze>(),
            common::tool_facts::<DndEndDnd>(),
        ],
        [
            ("dnd.info", false, false, &["dnd:read"][..]),
            ("dnd.teamInfo", false, false, &["dnd:read"][..]),
            ("dnd.setSnooze", true, true, &["dnd:write"][..]),
            ("dnd.endSnooze", true, true, &["dnd:write"][..]),
            ("dnd.endDnd", true, true, &["dnd:write"][..]),
        ]
    );
}

#[test]
fn minutes_read_from_a_tool_s_json_as_a_whole_number_from_one() {
    let read = |json: &str| serde_json::from_str::<DndSetSnooze>(json);
    assert_eq!(read(r#"{"num_minutes": 30}"#).unwrap(), minutes(30));
    for wrong in [
        r#"{"num_minutes": 0}"#,
        r#"{"num_minutes": -5}"#,
        r#"{"num_minutes": 1.5}"#,
        r#"{"num_minutes": "30"}"#,
        r#"{}"#,
    ] {
        assert!(read(wrong).is_err(), "{wrong}");
    }
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn a_snooze_set_by_name_reads_back() {
    use serde_json::json;
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tools = Registry::bundled();
    let snooze = tools
        .call(&ada, "dndSetSnooze", json!({"num_minutes": 30}))
        .await
        .unwrap();
    assert_eq!(snooze["snooze_remaining"], 1_800);
    let team = tools
        .call(&ada, "dndTeamInfo", json!({"users": [demo::ADA]}))
        .await
        .unwrap();
    assert_eq!(team["users"][demo::ADA]["dnd_enabled"], false);
    let zero = tools
        .call(&ada, "dndSetSnooze", json!({"num_minutes": 0}))
        .await
        .unwrap_err();
    assert!(matches!(zero, ToolError::Arguments { .. }), "{zero:?}");
    assert!(zero.to_string().contains("num_minutes"), "{zero}");
    assert_eq!(emu.applied_writes(DndSetSnooze::NAME), 1);
    assert!(tools.get("dndInfo").unwrap().read_only());
    assert!(tools.get("dndEndDnd").unwrap().destructive);
}
