//! Do Not Disturb: `dnd.info`, `dnd.teamInfo`, `dnd.setSnooze`, `dnd.endSnooze` and
//! `dnd.endDnd`.
//!
//! The errors are those Slack's spec and method pages list for these methods: `user_is_bot`
//! for a bot user's token on `setSnooze`, `endSnooze` and `endDnd` (they take a user token;
//! `info` and `teamInfo` take a bot token too), `missing_duration` for no `num_minutes`,
//! `snooze_not_active` for ending a snooze when none is on, `not_in_dnd` for ending Do Not
//! Disturb when it is not on, `user_not_found` for an unknown `user`, and
//! `no_users_provided` for `teamInfo` without `users`. Where Slack is silent, these are the
//! emulator's choices:
//!
//! - There are no Do Not Disturb schedules: every user answers `dnd_enabled: false`, and
//!   `next_dnd_start_ts` and `next_dnd_end_ts` of 1, as the spec's example of `dnd.teamInfo`
//!   answers for a user whose Do Not Disturb is off. So Do Not Disturb is on exactly while a
//!   snooze is, and `dnd.endDnd` ends the snooze (`not_in_dnd` when there is none).
//! - A snooze is kept as when it ends, by the emulator's clock (the wall clock); it is off once
//!   that time has passed. `dnd.setSnooze` while one is on sets a new end, `num_minutes` from
//!   now. The `snooze_*` fields are answered to the user themselves only (Slack's page of
//!   `dnd.info` says so), `snooze_endtime`, `snooze_remaining` (in seconds) and
//!   `snooze_is_indefinite` (`false`) only while a snooze is on.
//! - `num_minutes` must be a whole number from 1 (`invalid_arguments` otherwise), and at most
//!   a year of minutes, 525,600 (`too_long`, the spec's error for a value too large, whose
//!   limit Slack does not state).
//! - `dnd.teamInfo` takes at most 50 users (the spec: "up to 50 users"); for more it answers
//!   `too_many_users`, Slack's code for too many users in `conversations.invite` and
//!   `conversations.open` (Slack names none for this method). Ids are trimmed, blanks
//!   skipped; an unknown one is `user_not_found`, as `dnd.info` answers. Each user is answered
//!   with `dnd_enabled` and the schedule only, the caller too, as in the spec's example.

use super::messages::is_bot;
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

/// The most users one `dnd.teamInfo` call reads.
const MAX_TEAM_INFO_USERS: usize = 50;
/// The most minutes one snooze lasts: a year.
const MAX_SNOOZE_MINUTES: i64 = 365 * 24 * 60;

/// `user_is_bot` for a bot user's token: snoozing is a person's.
fn user_only(caller: &User) -> Result<(), Reply> {
    if is_bot(caller) {
        return Err(fail("user_is_bot"));
    }
    Ok(())
}

/// `dnd.info`: the status of `user`, or of the caller, with the snooze for the caller only.
pub(crate) fn info(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let user = match param(params, "user")
        .map(str::trim)
        .filter(|user| !user.is_empty())
    {
        Some(user) if !state.users.contains_key(user) => return Err(fail("user_not_found")),
        Some(user) => user.to_owned(),
        None => caller.spec.id.clone(),
    };
    let now = state.workspace.clock.seconds();
    let own = user == caller.spec.id;
    Ok(state.snoozes.status(&user, own, now))
}

/// `dnd.teamInfo`: the status of each of `users`, by id.
pub(crate) fn team_info(state: &mut State, _caller: &User, params: &[(String, String)]) -> Outcome {
    let users: Vec<&str> = param(params, "users")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|user| !user.is_empty())
        .collect();
    if users.is_empty() {
        return Err(fail("no_users_provided"));
    }
    if users.len() > MAX_TEAM_INFO_USERS {
        return Err(fail("too_many_users"));
    }
    if users.iter().any(|user| !state.users.contains_key(*user)) {
        return Err(fail("user_not_found"));
    }
    let now = state.workspace.clock.seconds();
    let statuses: Map<String, Value> = users
        .iter()
        .map(|user| {
            let status = state.snoozes.status(user, false, now);
            ((*user).to_owned(), Value::Object(status))
        })
        .collect();
    let mut data = Map::new();
    data.insert("users".into(), Value::Object(statuses));
    Ok(data)
}

/// `dnd.setSnooze`: snoozes the caller for `num_minutes` from now.
pub(crate) fn set_snooze(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    user_only(caller)?;
    let minutes = param(params, "num_minutes")
        .map(str::trim)
        .filter(|minutes| !minutes.is_empty())
        .ok_or_else(|| fail("missing_duration"))?;
    if !minutes.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail("invalid_arguments"));
    }
    let minutes: i64 = match minutes.parse() {
        Ok(0) => return Err(fail("invalid_arguments")),
        Ok(minutes) if minutes <= MAX_SNOOZE_MINUTES => minutes,
        // Digits only: what does not parse is too large.
        _ => return Err(fail("too_long")),
    };
    let now = state.workspace.clock.seconds();
    let end = now + minutes * 60;
    state.snoozes.ends.insert(caller.spec.id.clone(), end);
    let mut data = Map::new();
    data.insert("snooze_enabled".into(), json!(true));
    data.insert("snooze_endtime".into(), json!(end));
    data.insert("snooze_remaining".into(), json!(end - now));
    data.insert("snooze_is_indefinite".into(), json!(false));
    Ok(data)
}

/// Ends the caller's snooze, or answers `code` when none is on.
fn end_snooze_or(state: &mut State, caller: &User, code: &str) -> Result<i64, Reply> {
    user_only(caller)?;
    let now = state.workspace.clock.seconds();
    let me = &caller.spec.id;
    if state.snoozes.active(me, now).is_none() {
        return Err(fail(code));
    }
    state.snoozes.ends.remove(me);
    Ok(now)
}

/// `dnd.endSnooze`: ends the caller's snooze; answers their status after it.
pub(crate) fn end_snooze(
    state: &mut State,
    caller: &User,
    _params: &[(String, String)],
) -> Outcome {
    let now = end_snooze_or(state, caller, "snooze_not_active")?;
    Ok(state.snoozes.status(&caller.spec.id, true, now))
}

/// `dnd.endDnd`: ends the caller's Do Not Disturb, which without schedules is their snooze.
pub(crate) fn end_dnd(state: &mut State, caller: &User, _params: &[(String, String)]) -> Outcome {
    end_snooze_or(state, caller, "not_in_dnd")?;
    Ok(Map::new())
}
