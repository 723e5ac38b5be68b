//! The emulated workspace's reminders: each one's text, who set it and for whom, when it is
//! due, how it repeats and when it was completed.

use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A reminder as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Reminder {
    pub(crate) id: String,
    pub(crate) creator: String,
    pub(crate) user: String,
    pub(crate) text: String,
    /// When it is (next) due, as a Unix time.
    pub(crate) time: i64,
    /// `recurrence` as it was given (an object with `frequency`), for one that repeats.
    pub(crate) recurrence: Option<Value>,
    /// When it was completed, as a Unix time; 0 for not yet.
    pub(crate) complete_ts: i64,
}

impl Reminder {
    /// The reminder object Slack answers: `time` and `complete_ts` only for one that does not
    /// repeat (as Slack's `reminders.info` page says), `recurrence` for one that does.
    pub(crate) fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("id".into(), json!(self.id));
        object.insert("creator".into(), json!(self.creator));
        object.insert("user".into(), json!(self.user));
        object.insert("text".into(), json!(self.text));
        object.insert("recurring".into(), json!(self.recurrence.is_some()));
        match &self.recurrence {
            Some(recurrence) => {
                object.insert("recurrence".into(), recurrence.clone());
            }
            None => {
                object.insert("time".into(), json!(self.time));
                object.insert("complete_ts".into(), json!(self.complete_ts));
            }
        }
        Value::Object(object)
    }

    /// Whether `user` may see and change it: the user who set it or the one it reminds.
    pub(crate) fn belongs_to(&self, user: &str) -> bool {
        self.creator == user || self.user == user
    }
}

/// The reminders, by id (ids sort in the order they were set).
#[derive(Debug, Default)]
pub(crate) struct Reminders {
    pub(crate) by_id: BTreeMap<String, Reminder>,
}

impl Emulator {
    /// The reminder `id` (`Rm...`) as Slack answers it, for tests to read back: `id`,
    /// `creator`, `user`, `text`, `recurring`, and `time` and `complete_ts` (0 until completed)
    /// for one that does not repeat, `recurrence` for one that does. `None` when there is no
    /// such reminder (or it was deleted).
    pub fn reminder(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state.reminders.by_id.get(id).map(Reminder::to_json)
    }
}
