//! The emulated workspace's Do Not Disturb: each user's snooze, kept as when it ends. The
//! emulator has no Do Not Disturb schedules (see `methods::dnd`).

use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// What `dnd.info` and `dnd.teamInfo` answer for `next_dnd_start_ts` and `next_dnd_end_ts` of
/// a user without a schedule: 1, as the spec's example of `dnd.teamInfo` answers for a user
/// whose Do Not Disturb is off.
pub(crate) const NO_SCHEDULE_TS: i64 = 1;

/// Each user's snooze, by user id: when it ends, as a Unix time. One that has ended is no
/// longer on, whether or not it is still here.
#[derive(Debug, Default)]
pub(crate) struct Snoozes {
    pub(crate) ends: HashMap<String, i64>,
}

impl Snoozes {
    /// When `user`'s snooze ends, if one is on at `now`.
    pub(crate) fn active(&self, user: &str, now: i64) -> Option<i64> {
        self.ends.get(user).copied().filter(|end| *end > now)
    }

    /// `user`'s status at `now`, as Slack answers it: `dnd_enabled` and the schedule (none),
    /// and for the token's own user (`own`) `snooze_enabled`, with `snooze_endtime`,
    /// `snooze_remaining` and `snooze_is_indefinite` while a snooze is on.
    pub(crate) fn status(&self, user: &str, own: bool, now: i64) -> Map<String, Value> {
        let mut status = Map::new();
        status.insert("dnd_enabled".into(), json!(false));
        status.insert("next_dnd_start_ts".into(), json!(NO_SCHEDULE_TS));
        status.insert("next_dnd_end_ts".into(), json!(NO_SCHEDULE_TS));
        if own {
            let end = self.active(user, now);
            status.insert("snooze_enabled".into(), json!(end.is_some()));
            if let Some(end) = end {
                status.insert("snooze_endtime".into(), json!(end));
                status.insert("snooze_remaining".into(), json!(end - now));
                status.insert("snooze_is_indefinite".into(), json!(false));
            }
        }
        status
    }
}

impl Emulator {
    /// Snoozes `user`'s notifications until the Unix time `ends_at`, as `dnd.setSnooze` does,
    /// for tests to arrange a snooze; a time already past arranges one that has ended.
    pub fn snooze_until(&self, user: &str, ends_at: i64) {
        self.shared
            .lock()
            .snoozes
            .ends
            .insert(user.to_owned(), ends_at);
    }

    /// `user`'s Do Not Disturb status now, as `dnd.info` answers it to the user themselves:
    /// `dnd_enabled` (`false`: the emulator has no schedules), `next_dnd_start_ts` and
    /// `next_dnd_end_ts` (1), `snooze_enabled`, and while a snooze is on `snooze_endtime`,
    /// `snooze_remaining` and `snooze_is_indefinite`.
    pub fn dnd_status(&self, user: &str) -> Value {
        let state = self.shared.lock();
        let now = state.workspace.clock.seconds();
        Value::Object(state.snoozes.status(user, true, now))
    }
}
