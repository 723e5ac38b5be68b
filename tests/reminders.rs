//! The reminder bindings against the emulator, over real HTTP: a reminder set, read, listed,
//! completed and deleted reads back as Slack keeps it; what cannot be meant is refused before
//! sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use slack_methods::methods::{
    Recurrence, Reminder, ReminderTime, RemindersAdd, RemindersComplete, RemindersDelete,
    RemindersInfo, RemindersList, Weekday,
};
use slack_methods::{Client, SlackMethod};
use slack_methods_emulator::{demo, Emulator};
use std::time::{SystemTime, UNIX_EPOCH};

/// A user token of Grace's, with the reminder scopes.
const GRACE_TOKEN: &str = "xoxp-grace-reminders";
/// A bot token that was given the reminder scopes (Slack grants them to user tokens only).
const BOT_WITH_SCOPES: &str = "xoxb-bot-reminders";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(
        GRACE_TOKEN,
        demo::GRACE,
        &["reminders:read", "reminders:write"],
    );
    emu.add_token(
        BOT_WITH_SCOPES,
        demo::BOT,
        &["reminders:read", "reminders:write"],
    );
    emu
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Sets a reminder with Ada's token: the reminder Slack answered.
async fn remind(ada: &Client, add: RemindersAdd) -> Reminder {
    ada.call(&add).await.unwrap().reminder.clone()
}

/// `reminders.add` with the arguments as they are, unchecked: for what the emulator answers to
/// a `time`, `recurrence` or `user` the typed binding would not send.
#[slack_methods::slack_method("reminders.add")]
struct RawAdd {
    text: String,
    time: String,
    recurrence: Option<String>,
    user: Option<String>,
}

fn raw(text: &str, time: &str) -> RawAdd {
    RawAdd {
        text: text.to_owned(),
        time: time.to_owned(),
        recurrence: None,
        user: None,
    }
}

#[tokio::test]
async fn a_reminder_in_seconds_reads_back_from_info_and_list() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let before = now();
    let reminder = remind(
        &ada,
        RemindersAdd::new("Review the release", ReminderTime::in_seconds(900)),
    )
    .await;
    assert!(reminder.id.starts_with("Rm"), "{}", reminder.id);
    assert_eq!(reminder.text, "Review the release");
    assert_eq!(reminder.creator.as_str(), demo::ADA);
    assert_eq!(reminder.user.as_str(), demo::ADA);
    assert!(!reminder.recurring);
    let time = reminder
        .time
        .expect("a reminder that does not repeat has a time");
    assert!((before + 900..=now() + 900).contains(&time), "{time}");
    assert_eq!(reminder.complete_ts, Some(0));
    assert!(!reminder.is_complete());

    let sent = emu.requests_for(RemindersAdd::NAME);
    let last = sent.last().unwrap();
    assert_eq!(last.param("time"), Some("900"));
    assert_eq!(last.param("text"), Some("Review the release"));
    assert_eq!(last.param("recurrence"), None);

    let info = ada
        .call(&RemindersInfo::of(reminder.id.clone()))
        .await
        .unwrap();
    assert_eq!(info.reminder, reminder);
    let read_back = emu.reminder(&reminder.id).unwrap();
    assert_eq!(read_back["time"], time);

    let second = remind(
        &ada,
        RemindersAdd::new("Water the plants", ReminderTime::in_seconds(60)),
    )
    .await;
    let list = ada.call(&RemindersList::new()).await.unwrap();
    let ids: Vec<&str> = list
        .reminders
        .iter()
        .map(|reminder| reminder.id.as_str())
        .collect();
    assert_eq!(ids, [reminder.id.as_str(), second.id.as_str()]);
}

#[tokio::test]
async fn a_unix_time_and_in_n_minutes_are_read_and_other_language_is_cannot_parse() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let at = now() + 7 * 86_400;
    let reminder = remind(&ada, RemindersAdd::new("Renew", ReminderTime::at(at))).await;
    assert_eq!(reminder.time, Some(at));
    assert_eq!(
        emu.requests_for(RemindersAdd::NAME)
            .last()
            .unwrap()
            .param("time"),
        Some(at.to_string().as_str())
    );

    let before = now();
    let soon = remind(
        &ada,
        RemindersAdd::new("Stretch", ReminderTime::text("in 15 minutes")),
    )
    .await;
    let time = soon.time.unwrap();
    assert!((before + 900..=now() + 900).contains(&time), "{time}");

    for unread in ["every Thursday", "tomorrow at 9am"] {
        let result = ada
            .call(&RemindersAdd::new("Plan", ReminderTime::text(unread)))
            .await;
        assert_eq!(code(result), "cannot_parse", "{unread}");
    }
    // A Unix time in the past (the binding sends it: it is no number of seconds).
    let result = ada
        .call(&RemindersAdd::new("Too late", ReminderTime::at(1_000_000)))
        .await;
    assert_eq!(code(result), "cannot_parse");
    // Beyond five years.
    let far = now() + 6 * 366 * 86_400;
    let result = ada
        .call(&RemindersAdd::new("Far", ReminderTime::at(far)))
        .await;
    assert_eq!(code(result), "cannot_parse");
}

#[tokio::test]
async fn a_repeating_reminder_is_recurring_and_cannot_be_completed() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let weekly = remind(
        &ada,
        RemindersAdd::new("Stand-up notes", ReminderTime::text("in 1 hour"))
            .repeating(Recurrence::weekly([Weekday::Monday, Weekday::Thursday])),
    )
    .await;
    assert!(weekly.recurring);
    assert_eq!(
        weekly.time, None,
        "Slack: only one that does not repeat has a time"
    );
    assert_eq!(weekly.complete_ts, None);
    assert_eq!(
        weekly.extra["recurrence"],
        serde_json::json!({"frequency": "weekly", "weekdays": ["monday", "thursday"]})
    );
    assert_eq!(
        emu.requests_for(RemindersAdd::NAME)
            .last()
            .unwrap()
            .param("recurrence"),
        Some(r#"{"frequency":"weekly","weekdays":["monday","thursday"]}"#)
    );
    let result = ada.call(&RemindersComplete::of(weekly.id.clone())).await;
    assert_eq!(code(result), "cannot_complete_recurring");

    let daily = remind(
        &ada,
        RemindersAdd::new("Drink water", ReminderTime::in_seconds(60)).repeating(Recurrence::Daily),
    )
    .await;
    assert!(daily.recurring);

    for bad in [
        r#"{"frequency":"hourly"}"#,
        "daily",
        r#"{"frequency":"weekly","weekdays":["funday"]}"#,
    ] {
        let mut add = raw("Nope", "900");
        add.recurrence = Some(bad.to_owned());
        assert_eq!(code(ada.call(&add).await), "cannot_parse", "{bad}");
    }
}

#[tokio::test]
async fn completing_marks_a_reminder_once_and_deleting_removes_it() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let reminder = remind(
        &ada,
        RemindersAdd::new("Send the invoice", ReminderTime::in_seconds(300)),
    )
    .await;
    let before = now();
    ada.call(&RemindersComplete::of(reminder.id.clone()))
        .await
        .unwrap();
    let done = ada
        .call(&RemindersInfo::of(reminder.id.clone()))
        .await
        .unwrap()
        .reminder
        .clone();
    assert!(done.is_complete());
    let completed_at = done.complete_ts.unwrap();
    assert!((before..=now()).contains(&completed_at));
    // Completing it again is answered `ok` and keeps when it was first completed.
    ada.call(&RemindersComplete::of(reminder.id.clone()))
        .await
        .unwrap();
    assert_eq!(
        emu.reminder(&reminder.id).unwrap()["complete_ts"],
        completed_at
    );
    // Completed reminders are still listed.
    let list = ada.call(&RemindersList::new()).await.unwrap();
    assert_eq!(list.reminders.len(), 1);

    ada.call(&RemindersDelete::of(reminder.id.clone()))
        .await
        .unwrap();
    assert!(emu.reminder(&reminder.id).is_none());
    let list = ada.call(&RemindersList::new()).await.unwrap();
    assert_eq!(list.reminders.len(), 0);
    for result in [
        code(ada.call(&RemindersInfo::of(reminder.id.clone())).await),
        code(ada.call(&RemindersComplete::of(reminder.id.clone())).await),
        code(ada.call(&RemindersDelete::of(reminder.id.clone())).await),
    ] {
        assert_eq!(result, "not_found");
    }
}

#[tokio::test]
async fn another_user_s_reminder_is_not_found_and_not_listed() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let adas = remind(
        &ada,
        RemindersAdd::new("Ada's own", ReminderTime::in_seconds(60)),
    )
    .await;
    let list = grace.call(&RemindersList::new()).await.unwrap();
    assert_eq!(list.reminders.len(), 0);
    assert_eq!(
        code(grace.call(&RemindersInfo::of(adas.id.clone())).await),
        "not_found"
    );
    assert_eq!(
        code(grace.call(&RemindersComplete::of(adas.id.clone())).await),
        "not_found"
    );
    assert_eq!(
        code(grace.call(&RemindersDelete::of(adas.id.clone())).await),
        "not_found"
    );
    assert!(emu.reminder(&adas.id).is_some(), "still there");
    assert_eq!(
        code(ada.call(&RemindersInfo::of("Rm99999999")).await),
        "not_found"
    );
}

#[tokio::test]
async fn reminders_are_set_for_the_caller_only() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let mut own = raw("Mine", "60");
    own.user = Some(demo::ADA.to_owned());
    ada.call(&own).await.unwrap();
    for (user, expected) in [
        (demo::GRACE, "cannot_add_others"),
        (demo::BOT, "cannot_add_bot"),
        ("USLACKBOT", "cannot_add_slackbot"),
        ("U0NOBODY00", "user_not_found"),
    ] {
        let mut add = raw("For someone", "60");
        add.user = Some(user.to_owned());
        assert_eq!(code(ada.call(&add).await), expected, "{user}");
    }
}

#[tokio::test]
async fn what_slack_cannot_take_is_answered_as_the_emulator_documents() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    // A number of seconds up to a day is seconds from now; 0 is now.
    ada.call(&raw("Now", "0")).await.unwrap();
    assert_eq!(code(ada.call(&raw("", "60")).await), "missing_argument");
    assert_eq!(
        code(ada.call(&raw("Something", " ")).await),
        "missing_argument"
    );
    assert_eq!(code(ada.call(&raw("Half", "1.5")).await), "cannot_parse");
}

#[tokio::test]
async fn a_bot_user_is_refused_and_a_token_without_the_scope_too() {
    let emu = emulator().await;
    let bot = client(&emu, BOT_WITH_SCOPES);
    let add = RemindersAdd::new("Beep", ReminderTime::in_seconds(60));
    assert_eq!(code(bot.call(&add).await), "user_is_bot");
    assert_eq!(code(bot.call(&RemindersList::new()).await), "user_is_bot");
    for result in [
        code(bot.call(&RemindersInfo::of("Rm1")).await),
        code(bot.call(&RemindersComplete::of("Rm1")).await),
        code(bot.call(&RemindersDelete::of("Rm1")).await),
    ] {
        assert_eq!(result, "user_is_bot");
    }
    // The demo bot token has no reminder scope, as Slack grants it to user tokens only.
    let demo_bot = client(&emu, demo::BOT_TOKEN);
    assert_eq!(code(demo_bot.call(&add).await), "missing_scope");
    assert_eq!(
        code(demo_bot.call(&RemindersList::new()).await),
        "missing_scope"
    );
}

#[tokio::test]
async fn what_cannot_be_meant_is_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let in_seconds = |time| RemindersAdd::new("Check", time);
    let why = refused(
        ada.call(&RemindersAdd::new(" ", ReminderTime::in_seconds(60)))
            .await,
    );
    assert!(why.contains("`text` is empty"), "{why}");
    let why = refused(
        ada.call(&in_seconds(ReminderTime::in_seconds(86_401)))
            .await,
    );
    assert!(why.contains("more than a day"), "{why}");
    let why = refused(ada.call(&in_seconds(ReminderTime::at(86_400))).await);
    assert!(why.contains("within a day of 1970"), "{why}");
    let why = refused(ada.call(&in_seconds(ReminderTime::text("  "))).await);
    assert!(why.contains("`time` is empty"), "{why}");
    let why = refused(ada.call(&in_seconds(ReminderTime::text("900"))).await);
    assert!(why.contains("bare number"), "{why}");
    for why in [
        refused(ada.call(&RemindersInfo::of("")).await),
        refused(ada.call(&RemindersComplete::of(" ")).await),
        refused(ada.call(&RemindersDelete::of("")).await),
    ] {
        assert!(why.contains("`reminder` is empty"), "{why}");
    }
    assert!(emu.requests().is_empty(), "nothing was sent");

    // The edges are sent.
    ada.call(&in_seconds(ReminderTime::in_seconds(86_400)))
        .await
        .unwrap();
    // Words that Rust's float parser takes (`inf`, `NaN`) are no bare number: they are sent as
    // the natural language they are, and the server says whether it reads them.
    for word in ["infinity", "NaN", "-inf"] {
        assert_eq!(
            code(ada.call(&in_seconds(ReminderTime::text(word))).await),
            "cannot_parse",
            "{word}"
        );
    }
}

#[test]
fn deleting_and_completing_are_destructive_and_reading_is_read_only() {
    // (method, writes, destructive, scopes)
    assert_eq!(
        [
            common::tool_facts::<RemindersAdd>(),
            common::tool_facts::<RemindersList>(),
            common::tool_facts::<RemindersInfo>(),
            common::tool_facts::<RemindersComplete>(),
            common::tool_facts::<RemindersDelete>(),
        ],
        [
            ("reminders.add", true, false, &["reminders:write"][..]),
            ("reminders.list", false, false, &["reminders:read"][..]),
            ("reminders.info", false, false, &["reminders:read"][..]),
            ("reminders.complete", true, true, &["reminders:write"][..]),
            ("reminders.delete", true, true, &["reminders:write"][..]),
        ]
    );
}

#[test]
fn a_time_reads_from_a_tool_s_json_in_each_form() {
    let read = |json: &str| serde_json::from_str::<ReminderTime>(json);
    assert_eq!(
        read(r#"{"at": 1893456000}"#).unwrap(),
        ReminderTime::at(1_893_456_000)
    );
    assert_eq!(
        read(r#"{"in_seconds": 60}"#).unwrap(),
        ReminderTime::in_seconds(60)
    );
    assert_eq!(
        read(r#"{"text": "in 15 minutes"}"#).unwrap(),
        ReminderTime::text("in 15 minutes")
    );
    assert!(read("900").is_err(), "a bare number says no form");
    assert!(read(r#"{"at": 1, "text": "x"}"#).is_err());
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn a_reminder_set_by_name_reads_back() {
    use serde_json::json;
    use slack_methods::tools::Registry;
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tools = Registry::bundled();
    let added = tools
        .call(
            &ada,
            "remindersAdd",
            json!({"text": "Review the release", "time": {"text": "in 15 minutes"}, "recurrence": {"frequency": "daily"}}),
        )
        .await
        .unwrap();
    let id = added["reminder"]["id"].as_str().unwrap().to_owned();
    assert_eq!(added["reminder"]["recurring"], true);
    let info = tools
        .call(&ada, "remindersInfo", json!({ "reminder": id }))
        .await
        .unwrap();
    assert_eq!(info["reminder"]["text"], "Review the release");
    assert!(tools.get("remindersDelete").unwrap().destructive);
    assert!(tools.get("remindersList").unwrap().read_only());
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn a_time_or_recurrence_given_as_json_is_refused_with_what_is_wrong_in_it() {
    use serde_json::{json, Value};
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tools = Registry::bundled();
    let refused = |time: Value, recurrence: Value| {
        let args = json!({"text": "Review the release", "time": time, "recurrence": recurrence});
        let (tools, ada) = (&tools, &ada);
        async move {
            let error = tools.call(ada, "remindersAdd", args).await.unwrap_err();
            assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
            error.to_string()
        }
    };
    let give = "give one form: {\"at\": <Unix time>}, {\"in_seconds\": <seconds from now>} or \
                {\"text\": \"in 15 minutes\"}; nothing was sent";
    assert_eq!(
        refused(json!("in 15 minutes"), Value::Null).await,
        "remindersAdd: argument `time`: expected an object naming the form, found a string: \
         write natural language as {\"text\": \"in 15 minutes\"}; nothing was sent"
    );
    assert_eq!(
        refused(json!({"at": 1893456000, "text": "x"}), Value::Null).await,
        format!("remindersAdd: argument `time`: `at`, `text` given together: {give}")
    );
    assert_eq!(
        refused(json!({"minutes": 15}), Value::Null).await,
        format!("remindersAdd: argument `time`: unknown form `minutes`: {give}")
    );
    assert_eq!(
        refused(json!({"in_seconds": -1}), Value::Null).await,
        "remindersAdd: argument `time.in_seconds`: -1 is less than the minimum, 0; nothing was sent"
    );
    let in_a_minute = json!({"in_seconds": 60});
    assert_eq!(
        refused(in_a_minute.clone(), json!({"frequency": "weekly", "weekdays": ["Monday"]})).await,
        "remindersAdd: argument `recurrence.weekdays[0]`: expected one of \"monday\", \"tuesday\", \
         \"wednesday\", \"thursday\", \"friday\", \"saturday\", \"sunday\", found \"Monday\"; \
         nothing was sent"
    );
    assert_eq!(
        refused(in_a_minute.clone(), json!({"frequency": "fortnightly"})).await,
        "remindersAdd: argument `recurrence`: unknown `frequency` \"fortnightly\": give one of \
         `daily`, `weekly`, `monthly`, `yearly`; nothing was sent"
    );
    assert_eq!(
        refused(
            in_a_minute.clone(),
            json!({"frequency": "daily", "weekdays": ["monday"]})
        )
        .await,
        "remindersAdd: argument `recurrence.weekdays`: unknown key; nothing was sent"
    );
    assert_eq!(
        refused(in_a_minute, json!({"weekdays": ["monday"]})).await,
        "remindersAdd: argument `recurrence`: `frequency` is missing: give one of `daily`, \
         `weekly`, `monthly`, `yearly`; nothing was sent"
    );
    assert!(emu.requests().is_empty(), "nothing reached the server");
}
