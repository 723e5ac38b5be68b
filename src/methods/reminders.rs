//! Reminders: `reminders.add`, `reminders.list`, `reminders.info`, `reminders.complete` and
//! `reminders.delete`, a user's own reminders ("remind me to review the release at 9am").
//!
//! These methods take a user token (scopes `reminders:write` and `reminders:read`); Slack
//! refuses a bot user. Slack's method pages say that since March 2023 its reminders methods
//! are being retired and "have become degraded", and that reminders can no longer be set for
//! other users: `reminders.add`'s `user` is not bound here.
//!
//! When a reminder is due is a [`ReminderTime`]: at a Unix time, in a number of seconds (within
//! a day), or Slack's natural language ("in 15 minutes", "every Thursday"). All three go out in
//! the one `time` field; the type keeps them apart, so a number of seconds is never read as a
//! Unix time or the other way round. A reminder reads back as a [`Reminder`].

use super::Acknowledged;
use crate::types::List;
use crate::{
    check_value, slack_method, FormValue, InvalidRequest, ParamSchema, TeamId, UserId, ValueError,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::borrow::Cow;

/// The most seconds from now a [`ReminderTime::InSeconds`] may say: Slack reads a number of
/// seconds "if within 24 hours", and a larger number as a Unix time.
pub const MAX_SECONDS_FROM_NOW: u32 = 86_400;

/// When a reminder is due (`reminders.add`'s `time`), in one of the three forms Slack reads.
///
/// Slack takes a number as seconds from now when it is within a day ([`MAX_SECONDS_FROM_NOW`])
/// and as a Unix time otherwise, so the forms are checked before sending: seconds from now are
/// at most a day, a Unix time is later than a day after 1970, and natural language is not a
/// bare number (which Slack would read as one of the others).
///
/// ```
/// use slack_methods::methods::ReminderTime;
/// use slack_methods::FormValue;
/// let text = |time: ReminderTime| time.form_value().unwrap().into_owned();
/// assert_eq!(text(ReminderTime::at(1_893_456_000)), "1893456000");
/// assert_eq!(text(ReminderTime::in_seconds(900)), "900");
/// assert_eq!(text(ReminderTime::text("every Thursday at 9am")), "every Thursday at 9am");
/// // As an agent writes it (a tool's JSON arguments): one key naming the form.
/// let read: ReminderTime = serde_json::from_str(r#"{"in_seconds": 900}"#)?;
/// assert_eq!(read, ReminderTime::in_seconds(900));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ReminderTime {
    /// At this Unix time, in seconds (Slack takes up to five years from now).
    At(u64),
    /// In this many seconds from now: at most [`MAX_SECONDS_FROM_NOW`].
    InSeconds(u32),
    /// Slack's natural language: "in 15 minutes", "tomorrow at 9am", "every Thursday".
    Text(String),
}

impl ReminderTime {
    /// At the Unix time `seconds`.
    pub fn at(seconds: u64) -> Self {
        ReminderTime::At(seconds)
    }

    /// In `seconds` from now (at most [`MAX_SECONDS_FROM_NOW`]).
    pub fn in_seconds(seconds: u32) -> Self {
        ReminderTime::InSeconds(seconds)
    }

    /// When `text` says, in Slack's natural language ("in 15 minutes", "every Thursday").
    pub fn text(text: impl Into<String>) -> Self {
        ReminderTime::Text(text.into())
    }

    /// Why Slack would not read this as meant, if it would not.
    fn check(&self) -> Result<(), InvalidRequest> {
        match self {
            ReminderTime::InSeconds(seconds) if *seconds > MAX_SECONDS_FROM_NOW => {
                Err(InvalidRequest::new(format!(
                    "`time` in {seconds} seconds is more than a day ({MAX_SECONDS_FROM_NOW}): Slack would read the number as a Unix time; give a Unix time (`at`) instead"
                )))
            }
            ReminderTime::At(seconds) if *seconds <= u64::from(MAX_SECONDS_FROM_NOW) => {
                Err(InvalidRequest::new(format!(
                    "`time` at Unix time {seconds} is within a day of 1970: Slack would read the number as seconds from now; give those as seconds (`in_seconds`)"
                )))
            }
            ReminderTime::Text(text) if text.trim().is_empty() => Err(InvalidRequest::new(
                "`time` is empty: say when, such as \"in 15 minutes\"",
            )),
            // Rust reads `inf` and `NaN` as numbers too; words are not what Slack would take
            // for one.
            ReminderTime::Text(text)
                if text.trim().parse::<f64>().is_ok()
                    && text.bytes().any(|byte| byte.is_ascii_digit()) =>
            {
                Err(InvalidRequest::new(format!(
                    "`time` {text:?} is a bare number, which Slack reads as seconds or a Unix time: give it as seconds (`in_seconds`) or a Unix time (`at`)"
                )))
            }
            _ => Ok(()),
        }
    }
}

impl FormValue for ReminderTime {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            ReminderTime::At(seconds) => Cow::Owned(seconds.to_string()),
            ReminderTime::InSeconds(seconds) => Cow::Owned(seconds.to_string()),
            ReminderTime::Text(text) => Cow::Borrowed(text),
        })
    }
}

/// The keys of [`ReminderTime`]'s forms, as a tool's JSON arguments name them.
const TIME_FORMS: [&str; 3] = ["at", "in_seconds", "text"];

/// The schema of the form `key` of a [`ReminderTime`]: an object of that one key.
fn time_form(key: &str) -> Value {
    let schema = match key {
        "at" => <u64 as ParamSchema>::json_schema(),
        "in_seconds" => <u32 as ParamSchema>::json_schema(),
        _ => json!({
            "type": "string",
            "description": "Natural language, such as \"in 15 minutes\" or \"every Thursday\".",
        }),
    };
    json!({
        "type": "object",
        "properties": { key: schema },
        "required": [key],
        "additionalProperties": false,
    })
}

impl ParamSchema for ReminderTime {
    fn json_schema() -> Value {
        json!({
            "anyOf": TIME_FORMS.map(time_form),
            "description": "When: {\"at\": <Unix time>}, {\"in_seconds\": <seconds from now>} or {\"text\": \"in 15 minutes\"}.",
        })
    }

    /// Checks the time against the shape of the form it names, so a mistake is named (text
    /// given bare, no form or two, an unknown one) rather than the time fitting none of the
    /// shapes.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        const GIVE: &str = "give one form: {\"at\": <Unix time>}, {\"in_seconds\": <seconds from now>} or {\"text\": \"in 15 minutes\"}";
        let time = match value {
            Value::Object(time) => time,
            Value::String(text) => {
                return Err(ValueError::new(format!(
                    "expected an object naming the form, found a string: write natural language as {{\"text\": {text:?}}}"
                )))
            }
            other => {
                return Err(ValueError::new(format!(
                    "expected an object naming the form, found {other}: {GIVE}"
                )))
            }
        };
        let keys: Vec<&String> = time.keys().collect();
        match keys.as_slice() {
            [key] if TIME_FORMS.contains(&key.as_str()) => check_value(&time_form(key), value),
            [key] => Err(ValueError::new(format!("unknown form `{key}`: {GIVE}"))),
            [] => Err(ValueError::new(format!("no form given: {GIVE}"))),
            _ => {
                let named: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
                Err(ValueError::new(format!(
                    "{} given together: {GIVE}",
                    named.join(", ")
                )))
            }
        }
    }
}

/// A day of the week, as a weekly [`Recurrence`] names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    /// `monday`.
    Monday,
    /// `tuesday`.
    Tuesday,
    /// `wednesday`.
    Wednesday,
    /// `thursday`.
    Thursday,
    /// `friday`.
    Friday,
    /// `saturday`.
    Saturday,
    /// `sunday`.
    Sunday,
}

impl Weekday {
    /// Every day, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The day as Slack writes it (`monday`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }
}

/// How a reminder repeats (`reminders.add`'s `recurrence`), sent as JSON text:
/// `{"frequency": "daily"}`, or for `weekly` the days too.
///
/// ```
/// use slack_methods::methods::{Recurrence, Weekday};
/// let weekly = Recurrence::weekly([Weekday::Monday, Weekday::Friday]);
/// assert_eq!(
///     serde_json::to_string(&weekly)?,
///     r#"{"frequency":"weekly","weekdays":["monday","friday"]}"#,
/// );
/// assert_eq!(serde_json::to_string(&Recurrence::Daily)?, r#"{"frequency":"daily"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "frequency", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Recurrence {
    /// Every day.
    Daily,
    /// Every week, on these days (Slack's page says the days "may" be given).
    Weekly {
        /// The days it repeats on.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        weekdays: Vec<Weekday>,
    },
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

impl Recurrence {
    /// Every week, on `days`.
    pub fn weekly(days: impl IntoIterator<Item = Weekday>) -> Self {
        Recurrence::Weekly {
            weekdays: days.into_iter().collect(),
        }
    }
}

/// The frequencies of a [`Recurrence`], as Slack writes them.
const FREQUENCIES: [&str; 4] = ["daily", "weekly", "monthly", "yearly"];

/// The schema of a [`Recurrence`] of `frequency`: `weekdays` for `weekly` only.
fn recurrence_shape(frequency: &str) -> Value {
    let mut properties = serde_json::Map::new();
    properties.insert("frequency".into(), json!({ "const": frequency }));
    if frequency == "weekly" {
        properties.insert(
            "weekdays".into(),
            json!({
                "type": "array",
                "items": { "enum": Weekday::ALL.map(Weekday::as_str) },
                "description": "The days it repeats on.",
            }),
        );
    }
    json!({
        "type": "object",
        "properties": properties,
        "required": ["frequency"],
        "additionalProperties": false,
    })
}

impl ParamSchema for Recurrence {
    /// Checks the recurrence against the shape of its `frequency`, so a mistake is named (a
    /// missing or unknown `frequency`, a day Slack does not write so) rather than the
    /// recurrence fitting none of the shapes.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        let names = FREQUENCIES.map(|name| format!("`{name}`")).join(", ");
        let Value::Object(recurrence) = value else {
            return Err(ValueError::new(format!(
                "expected an object with a `frequency`, found {value}"
            )));
        };
        match recurrence.get("frequency") {
            None => Err(ValueError::new(format!(
                "`frequency` is missing: give one of {names}"
            ))),
            Some(frequency) => match frequency.as_str().filter(|name| FREQUENCIES.contains(name)) {
                Some(name) => check_value(&recurrence_shape(name), value),
                None => Err(ValueError::new(format!(
                    "unknown `frequency` {frequency}: give one of {names}"
                ))),
            },
        }
    }

    fn json_schema() -> Value {
        json!({
            "anyOf": FREQUENCIES.map(recurrence_shape),
            "description": "How it repeats: {\"frequency\": \"daily\"}, \"monthly\", \"yearly\", or \"weekly\" with \"weekdays\": [\"monday\", ...].",
        })
    }
}

crate::slack_object! {
    /// A reminder, as `reminders.add`, `reminders.info` and `reminders.list` answer it.
    ///
    /// Slack's page of `reminders.info` says that only a reminder that does not repeat has
    /// `time` and `complete_ts`.
    ///
    /// ```
    /// use slack_methods::methods::Reminder;
    /// let reminder: Reminder = serde_json::from_str(
    ///     r#"{"id":"Rm12345678","creator":"U18888888","user":"U18888888","text":"eat a banana",
    ///         "recurring":false,"time":1458678068,"complete_ts":0,"channel":"C1"}"#,
    /// )?;
    /// assert_eq!(reminder.text, "eat a banana");
    /// assert_eq!(reminder.time, Some(1458678068));
    /// assert!(!reminder.is_complete());
    /// assert_eq!(reminder.extra["channel"], "C1");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Reminder {
        required {
            /// The reminder's id (`Rm...`).
            pub id: String,
            /// The user who set it.
            pub creator: UserId,
            /// The user it reminds.
            pub user: UserId,
            /// What it says.
            pub text: String,
        }
        /// Whether it repeats.
        pub recurring: bool,
        /// When it is due, as a Unix time (a reminder that does not repeat).
        pub time: Option<u64>,
        /// When it was marked complete, as a Unix time; Slack writes `0` for not yet.
        pub complete_ts: Option<u64>,
    }
}

impl Reminder {
    /// Whether it was marked complete (a `complete_ts` other than 0).
    pub fn is_complete(&self) -> bool {
        self.complete_ts.is_some_and(|ts| ts != 0)
    }
}

crate::slack_object! {
    /// What `reminders.add` and `reminders.info` answer: the reminder.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ReminderResponse {
        required {
            /// The reminder.
            pub reminder: Reminder,
        }
    }
}

crate::slack_object! {
    /// What `reminders.list` answers: the reminders; one that does not fit [`Reminder`] is
    /// kept as [`Unparsed`](crate::types::Unparsed).
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RemindersListResponse {
        /// The reminders set by or for the token's user.
        pub reminders: List<Reminder>,
    }
}

/// `reminders.add`: sets a reminder for the token's user (a user token; Slack refuses a bot
/// user).
///
/// `text` must not be empty, and `time` must be what it says (see its description); both are
/// checked before sending. A reminder that repeats takes a `recurrence`.
///
/// ```
/// use slack_methods::methods::{Recurrence, RemindersAdd, ReminderTime, Weekday};
/// let once = RemindersAdd::new("Review the release", ReminderTime::in_seconds(900));
/// assert_eq!(
///     slack_methods::encode_params(&once)?,
///     "text=Review+the+release&time=900",
/// );
/// let standup = RemindersAdd::new("Stand-up notes", ReminderTime::text("at 9am"))
///     .repeating(Recurrence::weekly([Weekday::Monday]));
/// assert_eq!(
///     slack_methods::encode_params(&standup)?,
///     "text=Stand-up+notes&time=at+9am&recurrence=%7B%22frequency%22%3A%22weekly%22%2C%22weekdays%22%3A%5B%22monday%22%5D%7D",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "reminders.add",
    response = ReminderResponse,
    validate = RemindersAdd::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RemindersAdd {
    /// What the reminder says; not empty.
    pub text: String,
    /// When it is due, one of: {"at": a Unix time, in seconds, up to five years from now},
    /// {"in_seconds": seconds from now, at most 86400}, or {"text": natural language such as
    /// "in 15 minutes" or "every Thursday"}.
    pub time: ReminderTime,
    /// How it repeats, for a reminder that does: daily, weekly (on some days), monthly or
    /// yearly.
    #[slack(json)]
    pub recurrence: Option<Recurrence>,
    /// With an org-level token: the workspace.
    pub team_id: Option<TeamId>,
}

impl RemindersAdd {
    /// A reminder saying `text`, due at `time`.
    pub fn new(text: impl Into<String>, time: ReminderTime) -> Self {
        RemindersAdd {
            text: text.into(),
            time,
            recurrence: None,
            team_id: None,
        }
    }

    /// Repeats it as `recurrence` says.
    pub fn repeating(mut self, recurrence: Recurrence) -> Self {
        self.recurrence = Some(recurrence);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.text.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`text` is empty: say what to remind of",
            ));
        }
        self.time.check()
    }
}

/// `reminders.list`: the reminders set by or for the token's user, completed ones too (a user
/// token).
///
/// ```
/// use slack_methods::methods::RemindersList;
/// assert_eq!(slack_methods::encode_params(&RemindersList::new())?, "");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("reminders.list", response = RemindersListResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RemindersList {
    /// With an org-level token: the workspace.
    pub team_id: Option<TeamId>,
}

impl RemindersList {
    /// Every reminder of the token's user.
    pub fn new() -> Self {
        Self::default()
    }
}

/// The blank `reminder` id refused before sending.
fn check_id(reminder: &str) -> Result<(), InvalidRequest> {
    if reminder.trim().is_empty() {
        return Err(InvalidRequest::new(
            "`reminder` is empty: give the reminder's id (`Rm...`)",
        ));
    }
    Ok(())
}

/// `reminders.info`: one reminder of the token's user, by id (a user token).
///
/// ```
/// use slack_methods::methods::RemindersInfo;
/// let info = RemindersInfo::of("Rm12345678");
/// assert_eq!(slack_methods::encode_params(&info)?, "reminder=Rm12345678");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "reminders.info",
    response = ReminderResponse,
    validate = RemindersInfo::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RemindersInfo {
    /// The reminder's id (`Rm...`).
    pub reminder: String,
    /// With an org-level token: the workspace.
    pub team_id: Option<TeamId>,
}

impl RemindersInfo {
    /// The reminder `reminder` (its `Rm...` id).
    pub fn of(reminder: impl Into<String>) -> Self {
        RemindersInfo {
            reminder: reminder.into(),
            team_id: None,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_id(&self.reminder)
    }
}

/// `reminders.complete`: marks a reminder of the token's user complete (a user token). Slack
/// does not complete a reminder that repeats (`cannot_complete_recurring`). A completed
/// reminder cannot be made pending again, so the tool is marked destructive.
///
/// ```
/// use slack_methods::methods::RemindersComplete;
/// let done = RemindersComplete::of("Rm12345678");
/// assert_eq!(slack_methods::encode_params(&done)?, "reminder=Rm12345678");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "reminders.complete",
    // Changes the reminder for good, which the word "complete" does not say (it also names
    // `files.completeUploadExternal`, which only adds).
    destructive = true,
    response = Acknowledged,
    validate = RemindersComplete::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RemindersComplete {
    /// The reminder's id (`Rm...`).
    pub reminder: String,
    /// With an org-level token: the workspace.
    pub team_id: Option<TeamId>,
}

impl RemindersComplete {
    /// Completes the reminder `reminder` (its `Rm...` id).
    pub fn of(reminder: impl Into<String>) -> Self {
        RemindersComplete {
            reminder: reminder.into(),
            team_id: None,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_id(&self.reminder)
    }
}

/// `reminders.delete`: deletes a reminder of the token's user (a user token).
///
/// ```
/// use slack_methods::methods::RemindersDelete;
/// let delete = RemindersDelete::of("Rm12345678");
/// assert_eq!(slack_methods::encode_params(&delete)?, "reminder=Rm12345678");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "reminders.delete",
    response = Acknowledged,
    validate = RemindersDelete::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RemindersDelete {
    /// The reminder's id (`Rm...`).
    pub reminder: String,
    /// With an org-level token: the workspace.
    pub team_id: Option<TeamId>,
}

impl RemindersDelete {
    /// Deletes the reminder `reminder` (its `Rm...` id).
    pub fn of(reminder: impl Into<String>) -> Self {
        RemindersDelete {
            reminder: reminder.into(),
            team_id: None,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_id(&self.reminder)
    }
}
