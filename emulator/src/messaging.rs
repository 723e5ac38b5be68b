//! What the messaging methods keep beside the conversations' messages: scheduled and ephemeral
//! messages, bookmarks, views (modals and App Home tabs) and the trigger ids that open modals;
//! and the [`Emulator`] methods that read or set them.

use crate::Emulator;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// The app id the emulator gives its bots' messages and views.
pub(crate) const APP_ID: &str = "A0EMULATOR1";

/// How long a trigger id stays valid by default: Slack's 3 seconds.
const TRIGGER_LIFETIME: Duration = Duration::from_secs(3);

/// A message `chat.scheduleMessage` holds until its `post_at`.
#[derive(Clone, Debug)]
pub(crate) struct Scheduled {
    pub(crate) id: String,
    pub(crate) channel: String,
    pub(crate) post_at: i64,
    /// When it was scheduled (Unix seconds).
    pub(crate) created: i64,
    /// The message to post, without its `ts`.
    pub(crate) message: Map<String, Value>,
    /// The thread it replies in, and whether it is also sent to the channel.
    pub(crate) thread: Option<(String, bool)>,
}

/// Who pinned a message in a conversation, and when, as `pins.add` did it.
#[derive(Clone, Debug)]
pub(crate) struct Pin {
    pub(crate) channel: String,
    pub(crate) ts: String,
    /// When it was pinned (Unix seconds).
    pub(crate) created: i64,
    pub(crate) created_by: String,
}

/// A user's reactions to a message, as `reactions.add` left them: `seq` orders
/// `reactions.list`, the message reacted to last first.
#[derive(Clone, Debug)]
pub(crate) struct Reacted {
    pub(crate) user: String,
    pub(crate) channel: String,
    pub(crate) ts: String,
    /// Larger for a later reaction (of any user, to any message).
    pub(crate) seq: u64,
}

/// A message `chat.postEphemeral` showed one member.
#[derive(Clone, Debug)]
pub(crate) struct Ephemeral {
    pub(crate) channel: String,
    pub(crate) user: String,
    pub(crate) message: Map<String, Value>,
}

/// A trigger id, as Slack sends one to an app with an interaction of `user`.
#[derive(Clone, Debug)]
pub(crate) struct Trigger {
    pub(crate) user: String,
    pub(crate) issued: Instant,
    pub(crate) used: bool,
}

/// A view shown to a user: a modal or an App Home tab, as Slack's view object.
#[derive(Clone, Debug)]
pub(crate) struct ShownView {
    pub(crate) user: String,
    pub(crate) view: Map<String, Value>,
}

/// What the `assistant.threads.*` methods set on one thread.
#[derive(Clone, Debug, Default)]
pub(crate) struct AssistantThread {
    /// The status shown under the thread, and the user (the app's bot) who set it; gone when
    /// cleared or when that user posts in the thread.
    pub(crate) status: Option<(String, String)>,
    pub(crate) loading_messages: Vec<Value>,
    pub(crate) title: Option<String>,
    /// The suggested prompts (a JSON array as sent) and their heading.
    pub(crate) prompts: Option<Value>,
    pub(crate) prompts_title: Option<String>,
}

impl AssistantThread {
    /// The thread as [`Emulator::assistant_thread`] shows it.
    fn to_json(&self) -> Value {
        let mut shown = Map::new();
        if let Some((status, _)) = &self.status {
            shown.insert("status".into(), Value::String(status.clone()));
            shown.insert(
                "loading_messages".into(),
                Value::Array(self.loading_messages.clone()),
            );
        }
        if let Some(title) = &self.title {
            shown.insert("title".into(), Value::String(title.clone()));
        }
        if let Some(prompts) = &self.prompts {
            shown.insert("prompts".into(), prompts.clone());
        }
        if let Some(title) = &self.prompts_title {
            shown.insert("prompts_title".into(), Value::String(title.clone()));
        }
        Value::Object(shown)
    }
}

/// The messaging state beside the conversations.
#[derive(Debug)]
pub(crate) struct Messaging {
    pub(crate) scheduled: Vec<Scheduled>,
    pub(crate) ephemeral: Vec<Ephemeral>,
    /// The pins, in the order pinned (a message's `pinned_to` says where it is pinned).
    pub(crate) pins: Vec<Pin>,
    /// Which message each user reacted to when, one entry a user and message (the message's
    /// `reactions` say with what).
    pub(crate) reacted: Vec<Reacted>,
    /// Bookmarks by channel id, in the order added.
    pub(crate) bookmarks: BTreeMap<String, Vec<Map<String, Value>>>,
    pub(crate) views: HashMap<String, ShownView>,
    /// Each user's open modals, the first opened first.
    pub(crate) stacks: HashMap<String, Vec<String>>,
    /// Each user's App Home view id.
    pub(crate) homes: HashMap<String, String>,
    pub(crate) triggers: HashMap<String, Trigger>,
    pub(crate) trigger_lifetime: Duration,
    /// The assistant threads, by conversation id and the `ts` of the thread's first message.
    pub(crate) assistant: BTreeMap<(String, String), AssistantThread>,
}

impl Default for Messaging {
    fn default() -> Self {
        Messaging {
            scheduled: Vec::new(),
            ephemeral: Vec::new(),
            pins: Vec::new(),
            reacted: Vec::new(),
            bookmarks: BTreeMap::new(),
            views: HashMap::new(),
            stacks: HashMap::new(),
            homes: HashMap::new(),
            triggers: HashMap::new(),
            trigger_lifetime: TRIGGER_LIFETIME,
            assistant: BTreeMap::new(),
        }
    }
}

const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Messaging {
    /// A number no id of this or another emulator in the process was made from.
    fn bump(&mut self) -> u64 {
        crate::state::fresh_number()
    }

    /// A new id of `prefix` then `len` uppercase letters and digits (`V0000000A1`).
    pub(crate) fn id(&mut self, prefix: &str, len: usize) -> String {
        let mut n = self.bump();
        let mut digits = vec![b'0'; len];
        for slot in digits.iter_mut().rev() {
            *slot = ALPHABET[(n % 36) as usize];
            n /= 36;
        }
        format!("{prefix}{}", String::from_utf8_lossy(&digits))
    }

    /// A new `block_id` as Slack writes the ones it fills in: five letters and digits.
    pub(crate) fn block_id(&mut self) -> String {
        // Spread the counter over the alphabet so consecutive ids look unrelated.
        let mut n = self.bump().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20;
        (0..5)
            .map(|_| {
                let c = ALPHABET[(n % 62) as usize] as char;
                n /= 62;
                c
            })
            .collect()
    }

    /// A new view `hash`: `<seconds>.<8 hex digits>`.
    pub(crate) fn hash(&mut self, seconds: i64) -> String {
        let n = self.bump().wrapping_mul(0x2545_F491_4F6C_DD1D);
        format!("{seconds}.{:08x}", n >> 32)
    }

    /// A new trigger id for an interaction of `user`.
    pub(crate) fn issue_trigger(&mut self, user: &str, seconds: i64) -> String {
        let n = self.bump();
        let id = format!(
            "{n}.{seconds}.{:016x}{:016x}",
            n.wrapping_mul(0x9E37_79B9_7F4A_7C15),
            n.wrapping_mul(0xD1B5_4A32_D192_ED03)
        );
        self.triggers.insert(
            id.clone(),
            Trigger {
                user: user.to_owned(),
                issued: Instant::now(),
                used: false,
            },
        );
        id
    }
}

fn values(maps: impl Iterator<Item = Map<String, Value>>) -> Vec<Value> {
    maps.map(Value::Object).collect()
}

/// Reading and setting what the messaging methods keep.
impl Emulator {
    /// A trigger id as Slack sends one to the app when `user` interacts with it (a shortcut, a
    /// slash command, a button): `views.open` and `views.push` accept it once, within the
    /// trigger lifetime (3 seconds, as on Slack; see
    /// [`set_trigger_lifetime`](Self::set_trigger_lifetime)). `views.push` puts its modal on
    /// `user`'s open one. A trigger of a user never [added](Self::add_user) is answered
    /// `invalid_trigger_id`, as a token of one is answered `invalid_auth`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use slack_methods_emulator::{demo, Emulator};
    /// let emu = Emulator::builder().demo_workspace().start().await?;
    /// let trigger = emu.trigger_id(demo::ADA);
    /// assert_ne!(trigger, emu.trigger_id(demo::ADA));
    /// # Ok(())
    /// # }
    /// ```
    pub fn trigger_id(&self, user: &str) -> String {
        let mut state = self.shared.lock();
        let seconds = state.workspace.clock.seconds();
        state.messaging.issue_trigger(user, seconds)
    }

    /// How long trigger ids stay valid (3 seconds by default, as on Slack); a trigger used
    /// later is answered `expired_trigger_id`.
    pub fn set_trigger_lifetime(&self, lifetime: Duration) {
        self.shared.lock().messaging.trigger_lifetime = lifetime;
    }

    /// The ephemeral messages shown in conversation `channel`, oldest first, each Slack's
    /// message object with the member who saw it as `to_user`.
    pub fn ephemeral_messages(&self, channel: &str) -> Vec<Value> {
        let state = self.shared.lock();
        let shown = state
            .messaging
            .ephemeral
            .iter()
            .filter(|e| e.channel == channel);
        values(shown.map(|e| {
            let mut message = e.message.clone();
            message.insert("to_user".into(), Value::String(e.user.clone()));
            message
        }))
    }

    /// The messages scheduled in conversation `channel` that are not posted yet, soonest first:
    /// each with its `scheduled_message_id`, `post_at` and the `message` to post. A scheduled
    /// message is posted (it shows in `conversations.history`) by the first call after its
    /// `post_at`.
    pub fn scheduled_messages(&self, channel: &str) -> Vec<Value> {
        let mut state = self.shared.lock();
        crate::methods::messages::deliver_scheduled(&mut state);
        let mut pending: Vec<&Scheduled> = state
            .messaging
            .scheduled
            .iter()
            .filter(|s| s.channel == channel)
            .collect();
        pending.sort_by_key(|s| s.post_at);
        pending
            .into_iter()
            .map(|s| {
                serde_json::json!({
                    "scheduled_message_id": s.id,
                    "channel": s.channel,
                    "post_at": s.post_at,
                    "message": s.message,
                })
            })
            .collect()
    }

    /// The bookmarks of conversation `channel`, in the order added, as `bookmarks.add`
    /// answered them.
    pub fn bookmarks(&self, channel: &str) -> Vec<Value> {
        let state = self.shared.lock();
        let list = state.messaging.bookmarks.get(channel);
        values(list.into_iter().flatten().cloned())
    }

    /// The view `id` (a modal or an App Home tab) as it is now shown.
    pub fn view(&self, id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let shown = state.messaging.views.get(id)?;
        Some(Value::Object(shown.view.clone()))
    }

    /// The ids of `user`'s open modals, the one `views.open` opened first.
    pub fn modal_stack(&self, user: &str) -> Vec<String> {
        let state = self.shared.lock();
        state
            .messaging
            .stacks
            .get(user)
            .cloned()
            .unwrap_or_default()
    }

    /// The App Home tab published for `user`, if any.
    pub fn home_view(&self, user: &str) -> Option<Value> {
        let state = self.shared.lock();
        let id = state.messaging.homes.get(user)?;
        let shown = state.messaging.views.get(id)?;
        Some(Value::Object(shown.view.clone()))
    }

    /// What the `assistant.threads.*` methods have set on the thread that starts at `thread_ts`
    /// in `channel`: an object with `status` and `loading_messages` (while a status is shown),
    /// `title`, `prompts` (the suggested prompts as sent) and `prompts_title`, each present once
    /// set. `None` when no such method has named the thread.
    ///
    /// The status goes as Slack's does when it is set to `""` or when the user who set it (the
    /// app's bot) posts in the thread; the emulator does not end it after Slack's two minutes.
    pub fn assistant_thread(&self, channel: &str, thread_ts: &str) -> Option<Value> {
        let state = self.shared.lock();
        let key = (channel.to_owned(), thread_ts.to_owned());
        state
            .messaging
            .assistant
            .get(&key)
            .map(AssistantThread::to_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_new_each_time_and_have_slack_shapes() {
        let mut messaging = Messaging::default();
        let a = messaging.id("V", 10);
        let b = messaging.id("V", 10);
        assert_ne!(a, b);
        assert_eq!(a.len(), 11);
        assert!(a[1..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        let block = messaging.block_id();
        assert_eq!(block.len(), 5);
        assert_ne!(block, messaging.block_id());
        let hash = messaging.hash(1_700_000_000);
        assert!(hash.starts_with("1700000000."), "{hash}");
        let trigger = messaging.issue_trigger("U1", 1_700_000_000);
        assert!(messaging.triggers.contains_key(&trigger));
    }
}
