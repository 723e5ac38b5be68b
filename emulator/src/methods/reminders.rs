//! Reminders: `reminders.add`, `reminders.list`, `reminders.info`, `reminders.complete` and
//! `reminders.delete`, each for the token's user.
//!
//! The errors are those Slack's spec lists for these methods: `user_is_bot` for a bot user's
//! token (the five take a user token), `cannot_parse` for a `time` that cannot be read,
//! `user_not_found`, `cannot_add_bot`, `cannot_add_slackbot` and `cannot_add_others` for a
//! `user` other than the caller, `not_found` for an unknown reminder, and
//! `cannot_complete_recurring` for completing one that repeats. Where Slack is silent, these
//! are the emulator's choices:
//!
//! - `time` is read in the forms Slack's spec names that can be read plainly: a number of
//!   seconds up to 86400 is that many seconds from now (0 is now); a larger number is a Unix
//!   time, which must be from now to five years (of 365 days) from now; and the natural
//!   language `in N seconds`, `minutes`, `hours`, `days` or `weeks` (singular or plural, any
//!   case, `N` from 1), within those five years. Anything else, other natural language such
//!   as "tomorrow at 9am" or "every Thursday" included, is `cannot_parse`.
//! - `recurrence` must be a JSON object whose `frequency` is `daily`, `weekly`, `monthly` or
//!   `yearly`, with for `weekly` an optional `weekdays` array of day names (`monday`, ...);
//!   anything else is `cannot_parse`. A reminder with a `recurrence` is `recurring`, and is
//!   answered with its `recurrence` and without `time` and `complete_ts` (Slack's page of
//!   `reminders.info` says only a reminder that does not repeat has them).
//! - Slack's pages say reminders can no longer be set for other users: a `user` that is the
//!   caller is accepted; Slackbot (`USLACKBOT`) is `cannot_add_slackbot`, an unknown user
//!   `user_not_found`, a bot user `cannot_add_bot`, and any other user `cannot_add_others`,
//!   whether the reminder repeats or not.
//! - A missing or empty `text`, `time` or `reminder` is `missing_argument` (an error Slack's
//!   `reminders.complete` page lists).
//! - A reminder is the caller's when they set it or it reminds them; any other is `not_found`
//!   to `info`, `complete` and `delete`, and left out of `list`. `list` answers the caller's
//!   reminders in the order they were set, completed ones included.
//! - A reminder that does not repeat has `complete_ts` 0 until it is completed; completing it
//!   again answers `ok` and keeps the first `complete_ts`.

use super::messages::is_bot;
use super::{fail, param, Outcome, Reply};
use crate::reminders::Reminder;
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// Seconds in a day: the most a number of seconds from now may be.
const DAY: i64 = 86_400;
/// How far ahead a reminder may be: five years of 365 days.
const FIVE_YEARS: i64 = 5 * 365 * DAY;

/// `user_is_bot` for a bot user's token: reminders are a user's.
fn user_only(caller: &User) -> Result<(), Reply> {
    if is_bot(caller) {
        return Err(fail("user_is_bot"));
    }
    Ok(())
}

/// The non-blank value of `name`, or `missing_argument`.
fn required<'a>(params: &'a [(String, String)], name: &str) -> Result<&'a str, Reply> {
    param(params, name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .ok_or_else(|| fail("missing_argument"))
}

/// The Unix time `time` says, read at `now` (see the module's note), if it can be read.
fn due(time: &str, now: i64) -> Option<i64> {
    let time = time.trim();
    let at = if time.bytes().all(|b| b.is_ascii_digit()) {
        let number: i64 = time.parse().ok()?;
        if number <= DAY {
            now + number
        } else {
            number
        }
    } else {
        let lower = time.to_ascii_lowercase();
        let mut words = lower.strip_prefix("in ")?.split_whitespace();
        let (count, unit) = (words.next()?, words.next()?);
        if words.next().is_some() {
            return None;
        }
        let count: i64 = count.parse().ok().filter(|count| *count >= 1)?;
        let unit = match unit.strip_suffix('s').unwrap_or(unit) {
            "second" => 1,
            "minute" => 60,
            "hour" => 3_600,
            "day" => DAY,
            "week" => 7 * DAY,
            _ => return None,
        };
        now.checked_add(count.checked_mul(unit)?)?
    };
    (now..=now + FIVE_YEARS).contains(&at).then_some(at)
}

/// `recurrence` read as the module's note says, or `None` when it cannot be.
fn recurrence_of(text: &str) -> Option<Value> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let value: Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    let frequency = object.get("frequency")?.as_str()?;
    let known = match frequency {
        "daily" | "monthly" | "yearly" => object.keys().all(|key| key == "frequency"),
        "weekly" => {
            let days_fit = match object.get("weekdays") {
                None => true,
                Some(Value::Array(days)) => days
                    .iter()
                    .all(|day| day.as_str().is_some_and(|day| DAYS.contains(&day))),
                Some(_) => false,
            };
            days_fit
                && object
                    .keys()
                    .all(|key| key == "frequency" || key == "weekdays")
        }
        _ => false,
    };
    known.then_some(value)
}

/// Who the reminder is for: the caller, or a `user` the module's note says is refused.
fn recipient(state: &State, caller: &User, params: &[(String, String)]) -> Result<String, Reply> {
    let me = &caller.spec.id;
    let Some(user) = param(params, "user")
        .map(str::trim)
        .filter(|user| !user.is_empty())
    else {
        return Ok(me.clone());
    };
    if user == me {
        return Ok(me.clone());
    }
    if user == "USLACKBOT" {
        return Err(fail("cannot_add_slackbot"));
    }
    match state.users.get(user) {
        None => Err(fail("user_not_found")),
        Some(other) if is_bot(other) => Err(fail("cannot_add_bot")),
        Some(_) => Err(fail("cannot_add_others")),
    }
}

/// `{"reminder": ..}`.
fn answer(reminder: &Reminder) -> Map<String, Value> {
    let mut data = Map::new();
    data.insert("reminder".into(), reminder.to_json());
    data
}

/// `reminders.add`: sets a reminder for the caller.
pub(crate) fn add(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    user_only(caller)?;
    let text = param(params, "text")
        .filter(|text| !text.trim().is_empty())
        .ok_or_else(|| fail("missing_argument"))?
        .to_owned();
    let time = required(params, "time")?;
    let user = recipient(state, caller, params)?;
    let now = state.workspace.clock.seconds();
    let time = due(time, now).ok_or_else(|| fail("cannot_parse"))?;
    let recurrence = match param(params, "recurrence").filter(|r| !r.trim().is_empty()) {
        Some(text) => Some(recurrence_of(text).ok_or_else(|| fail("cannot_parse"))?),
        None => None,
    };
    let reminder = Reminder {
        id: format!("Rm{:08}", crate::state::fresh_number()),
        creator: caller.spec.id.clone(),
        user,
        text,
        time,
        recurrence,
        complete_ts: 0,
    };
    let data = answer(&reminder);
    state.reminders.by_id.insert(reminder.id.clone(), reminder);
    Ok(data)
}

/// `reminders.list`: the caller's reminders, in the order they were set.
pub(crate) fn list(state: &mut State, caller: &User, _params: &[(String, String)]) -> Outcome {
    user_only(caller)?;
    let reminders: Vec<Value> = state
        .reminders
        .by_id
        .values()
        .filter(|reminder| reminder.belongs_to(&caller.spec.id))
        .map(Reminder::to_json)
        .collect();
    let mut data = Map::new();
    data.insert("reminders".into(), json!(reminders));
    Ok(data)
}

/// The id of the caller's reminder `reminder` names, or `not_found`.
fn own<'s>(
    state: &'s mut State,
    caller: &User,
    params: &[(String, String)],
) -> Result<&'s mut Reminder, Reply> {
    user_only(caller)?;
    let id = required(params, "reminder")?;
    state
        .reminders
        .by_id
        .get_mut(id)
        .filter(|reminder| reminder.belongs_to(&caller.spec.id))
        .ok_or_else(|| fail("not_found"))
}

/// `reminders.info`: one of the caller's reminders.
pub(crate) fn info(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let reminder = own(state, caller, params)?;
    Ok(answer(reminder))
}

/// `reminders.complete`: marks one of the caller's reminders complete, once.
pub(crate) fn complete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let now = state.workspace.clock.seconds();
    let reminder = own(state, caller, params)?;
    if reminder.recurrence.is_some() {
        return Err(fail("cannot_complete_recurring"));
    }
    if reminder.complete_ts == 0 {
        reminder.complete_ts = now;
    }
    Ok(Map::new())
}

/// `reminders.delete`: deletes one of the caller's reminders.
pub(crate) fn delete(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let id = own(state, caller, params)?.id.clone();
    state.reminders.by_id.remove(&id);
    Ok(Map::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_the_module_says() {
        let now = 1_800_000_000;
        assert_eq!(due("900", now), Some(now + 900));
        assert_eq!(due("0", now), Some(now));
        assert_eq!(due("86400", now), Some(now + DAY));
        assert_eq!(due(&(now + 3_600).to_string(), now), Some(now + 3_600));
        assert_eq!(due("1000000", now), None, "a Unix time in the past");
        assert_eq!(due(&(now + FIVE_YEARS + 1).to_string(), now), None);
        assert_eq!(due("in 15 minutes", now), Some(now + 900));
        assert_eq!(due("In 1 Hour", now), Some(now + 3_600));
        assert_eq!(due("in 2 weeks", now), Some(now + 14 * DAY));
        for unread in [
            "every Thursday",
            "tomorrow at 9am",
            "in 0 minutes",
            "in 15 fortnights",
            "in 15 minutes please",
            "-5",
            "1.5",
            "in 999999999999 weeks",
        ] {
            assert_eq!(due(unread, now), None, "{unread}");
        }
    }

    #[test]
    fn recurrences_read_as_the_module_says() {
        for ok in [
            r#"{"frequency":"daily"}"#,
            r#"{"frequency":"weekly","weekdays":["monday","friday"]}"#,
            r#"{"frequency":"weekly"}"#,
            r#"{"frequency":"yearly"}"#,
        ] {
            assert!(recurrence_of(ok).is_some(), "{ok}");
        }
        for bad in [
            "daily",
            r#"{"frequency":"hourly"}"#,
            r#"{"frequency":"weekly","weekdays":["funday"]}"#,
            r#"{"frequency":"daily","weekdays":["monday"]}"#,
            r#"{"weekdays":["monday"]}"#,
        ] {
            assert!(recurrence_of(bad).is_none(), "{bad}");
        }
    }
}
