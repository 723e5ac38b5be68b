//! The emulated workspace's conversations and their messages, the clock that stamps them, and
//! the demo workspace that examples and tests start from.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{SystemTime, UNIX_EPOCH};

/// What kind of conversation a [`ChannelSpec`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ChannelKind {
    /// A public channel (`C...`).
    Public,
    /// A private channel (`C...`, `is_private`).
    Private,
    /// A direct message between two users (`D...`).
    Im,
    /// A group direct message (`G...`).
    Mpim,
}

/// A conversation of the emulated workspace, given to
/// [`Emulator::add_channel`](crate::Emulator::add_channel).
///
/// ```
/// use slack_methods_emulator::{ChannelKind, ChannelSpec};
/// let leads = ChannelSpec::new("C0LEADS", "leads").private().members(&["U0JANE", "U0BOSS"]);
/// assert_eq!(leads.kind, ChannelKind::Private);
/// assert_eq!(leads.members, ["U0JANE", "U0BOSS"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChannelSpec {
    /// The id, e.g. `C0123ABCD`.
    pub id: String,
    /// The name, without `#` (empty for a direct message).
    pub name: String,
    /// Public, private, DM or group DM.
    pub kind: ChannelKind,
    /// The user ids of its members.
    pub members: Vec<String>,
    /// Its topic.
    pub topic: String,
    /// Its purpose.
    pub purpose: String,
    /// Who created it (the first member unless set).
    pub creator: Option<String>,
    /// Whether it is archived.
    pub archived: bool,
    /// Whether it is the workspace's general channel.
    pub general: bool,
}

impl ChannelSpec {
    /// A public channel with this id and name, and no members yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> ChannelSpec {
        ChannelSpec {
            id: id.into(),
            name: name.into(),
            kind: ChannelKind::Public,
            members: Vec::new(),
            topic: String::new(),
            purpose: String::new(),
            creator: None,
            archived: false,
            general: false,
        }
    }

    /// Makes it a private channel.
    pub fn private(mut self) -> ChannelSpec {
        self.kind = ChannelKind::Private;
        self
    }

    /// Makes it a conversation of another kind (a DM, a group DM).
    pub fn kind(mut self, kind: ChannelKind) -> ChannelSpec {
        self.kind = kind;
        self
    }

    /// Sets its members.
    pub fn members(mut self, members: &[&str]) -> ChannelSpec {
        self.members = members.iter().map(|m| (*m).to_owned()).collect();
        self
    }

    /// Sets its topic.
    pub fn topic(mut self, topic: impl Into<String>) -> ChannelSpec {
        self.topic = topic.into();
        self
    }

    /// Sets its purpose.
    pub fn purpose(mut self, purpose: impl Into<String>) -> ChannelSpec {
        self.purpose = purpose.into();
        self
    }

    /// Archives it.
    pub fn archived(mut self) -> ChannelSpec {
        self.archived = true;
        self
    }

    /// Makes it the workspace's general channel.
    pub fn general(mut self) -> ChannelSpec {
        self.general = true;
        self
    }
}

/// One conversation as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Channel {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: ChannelKind,
    pub(crate) members: BTreeSet<String>,
    pub(crate) topic: String,
    /// Who set the topic, and when (Unix seconds).
    pub(crate) topic_set: (String, i64),
    pub(crate) purpose: String,
    /// Who set the purpose, and when (Unix seconds).
    pub(crate) purpose_set: (String, i64),
    /// Its former names, the latest first.
    pub(crate) previous_names: Vec<String>,
    pub(crate) creator: String,
    pub(crate) created: i64,
    pub(crate) archived: bool,
    pub(crate) general: bool,
    /// Its messages (thread replies included), oldest first, each Slack's message object.
    pub(crate) messages: Vec<Map<String, Value>>,
    /// Each member's read mark (`conversations.mark`): the `ts` they read up to.
    pub(crate) read_marks: BTreeMap<String, String>,
    /// The members who closed this direct or group direct message (`conversations.close`),
    /// until they open it again.
    pub(crate) closed_by: BTreeSet<String>,
}

impl Channel {
    pub(crate) fn from_spec(spec: ChannelSpec, created: i64) -> Channel {
        let creator = spec
            .creator
            .or_else(|| spec.members.first().cloned())
            .unwrap_or_default();
        Channel {
            members: spec.members.into_iter().collect(),
            id: spec.id,
            name: spec.name,
            kind: spec.kind,
            topic: spec.topic,
            topic_set: (creator.clone(), created),
            purpose: spec.purpose,
            purpose_set: (creator.clone(), created),
            previous_names: Vec::new(),
            creator,
            created,
            archived: spec.archived,
            general: spec.general,
            messages: Vec::new(),
            read_marks: BTreeMap::new(),
            closed_by: BTreeSet::new(),
        }
    }

    /// The message whose `ts` is `ts`.
    pub(crate) fn message(&self, ts: &str) -> Option<&Map<String, Value>> {
        self.messages
            .iter()
            .find(|message| message.get("ts").and_then(Value::as_str) == Some(ts))
    }

    /// The message whose `ts` is `ts`, to change it.
    pub(crate) fn message_mut(&mut self, ts: &str) -> Option<&mut Map<String, Value>> {
        self.messages
            .iter_mut()
            .find(|message| message.get("ts").and_then(Value::as_str) == Some(ts))
    }
}

/// Every conversation, by id (also the order lists page through), and the clock.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    pub(crate) channels: BTreeMap<String, Channel>,
    pub(crate) clock: Clock,
    /// How many items a page of a paginated list holds at most, whatever `limit` asks.
    pub(crate) max_page: usize,
}

impl Workspace {
    pub(crate) fn new(max_page: usize) -> Workspace {
        Workspace {
            channels: BTreeMap::new(),
            clock: Clock::default(),
            max_page,
        }
    }

    /// Adds (or replaces) a conversation.
    pub(crate) fn add(&mut self, spec: ChannelSpec) {
        let created = self.clock.seconds();
        let channel = Channel::from_spec(spec, created);
        self.channels.insert(channel.id.clone(), channel);
    }
}

/// Slack's message timestamps: `seconds.micros` of the wall clock, strictly increasing, so
/// every message has its own `ts` and later messages sort after earlier ones.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    last_micros: u64,
}

impl Clock {
    /// The next timestamp, e.g. `1700000000.000100`.
    pub(crate) fn ts(&mut self) -> String {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX));
        self.last_micros = now.max(self.last_micros.saturating_add(1));
        format!(
            "{}.{:06}",
            self.last_micros / 1_000_000,
            self.last_micros % 1_000_000
        )
    }

    /// The current Unix time in seconds.
    pub(crate) fn seconds(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}

/// The demo workspace ([`EmulatorBuilder::demo_workspace`](crate::EmulatorBuilder::demo_workspace)):
/// who is in it and the tokens that act for them.
pub mod demo {
    /// A bot token (of the bot user [`BOT`]) with the scopes the bundled bindings need, the
    /// remote files' `remote_files:read`, `remote_files:share` and `remote_files:write` among
    /// them, and the Slack Connect scopes `conversations.connect:write` and
    /// `conversations.connect:manage` and the workspace settings' `team.preferences:read` and
    /// `team.billing:read` (which the user token has too).
    pub const BOT_TOKEN: &str = "xoxb-emulated-demo-bot";
    /// A user token (of [`ADA`]) with the same scopes, the profile scopes, `users:write`, and
    /// the user-token scopes `reminders:read`, `reminders:write`, `search:read`,
    /// `dnd:write`, `openid` (without `email` and `profile`) and `admin` (Ada is an admin: the
    /// `team.*` logs and billing), `identity.basic` (Sign in with Slack's `users.identity`,
    /// without the wider `identity.*` scopes), and the remote files' scopes (whose writes Slack takes from
    /// bots only: `bot_user_required`) and the Slack Connect scopes (bot scopes to Slack).
    pub const USER_TOKEN: &str = "xoxp-emulated-demo-user";
    /// The app-level token (`xapp-`) of the demo's app, with `connections:write` and
    /// `authorizations:read`: it calls the `apps.*` methods that take one, and nothing else.
    pub const APP_TOKEN: &str = "xapp-emulated-demo-app";
    /// An app configuration token (`xoxe.xoxp-`) of [`ADA`], with no scopes: it calls the
    /// `apps.manifest.*` methods, and nothing else (`not_allowed_token_type`), as they take no
    /// other token.
    pub const CONFIG_TOKEN: &str = "xoxe.xoxp-1-emulated-demo-config";
    /// The refresh token (`xoxe-`) of [`CONFIG_TOKEN`]: `tooling.tokens.rotate` takes it once
    /// for a new configuration token and a new refresh token.
    pub const CONFIG_REFRESH_TOKEN: &str = "xoxe-1-emulated-demo-config-refresh";
    /// The bot user's id.
    pub const BOT: &str = "U0DEMOBOT1";
    /// The bot user's bot id.
    pub const BOT_ID: &str = "B0DEMOBOT1";
    /// A member, an admin of the workspace.
    pub const ADA: &str = "U0DEMOADA1";
    /// A member.
    pub const GRACE: &str = "U0DEMOGRC1";
    /// A member.
    pub const LINUS: &str = "U0DEMOLIN1";
    /// `#general`: everyone, the bot included.
    pub const GENERAL: &str = "C0DEMOGEN1";
    /// `#random`: everyone but the bot.
    pub const RANDOM: &str = "C0DEMORND1";
    /// `#leads`, private: Ada and the bot.
    pub const LEADS: &str = "C0DEMOLDS1";
    /// How many `#project-NN` channels the demo has (with the bot in each), so that listing
    /// channels takes several pages.
    pub const PROJECTS: usize = 24;
    /// The user group `@leads`: Ada and Grace.
    pub const LEADS_GROUP: &str = "S0DEMOLDS1";
    /// The user group `@people`: the three members.
    pub const EVERYONE_GROUP: &str = "S0DEMOPPL1";
    /// The user group `@alumni`, disabled and empty.
    pub const ALUMNI_GROUP: &str = "S0DEMOALM1";

    /// The scopes both demo tokens have.
    pub const SCOPES: &[&str] = &[
        "chat:write",
        "chat:write.public",
        "channels:read",
        "channels:history",
        "channels:join",
        "channels:manage",
        "channels:write.invites",
        "groups:read",
        "groups:history",
        "groups:write",
        "im:read",
        "im:history",
        "im:write",
        "mpim:read",
        "mpim:history",
        "mpim:write",
        "users:read",
        "users:read.email",
        "team:read",
        "usergroups:read",
        "usergroups:write",
        "reactions:read",
        "reactions:write",
        "pins:read",
        "pins:write",
        "bookmarks:read",
        "bookmarks:write",
        "files:read",
        "files:write",
        "users.profile:read",
        "emoji:read",
        "assistant:write",
        "canvases:read",
        "canvases:write",
        "dnd:read",
        "links:write",
        "calls:read",
        "calls:write",
        "lists:read",
        "lists:write",
    ];

    /// The workspace's custom profile fields of kind `text` (`team.profile.get`), in their
    /// order: id, label and hint. [`OFFICE_FIELD`] and [`BADGE_FIELD`] follow them.
    pub const PROFILE_FIELDS: &[(&str, &str, &str)] = &[
        ("Xf0DEMOTEAM", "Team", "The team you are in"),
        (
            "Xf0DEMOPHON",
            "Desk phone",
            "The extension to reach your desk",
        ),
    ];
    /// The custom profile field `Office`, an `options_list` of [`OFFICES`].
    pub const OFFICE_FIELD: &str = "Xf0DEMOOFFC";
    /// The values of [`OFFICE_FIELD`].
    pub const OFFICES: &[&str] = &["Lisbon", "London", "Remote"];
    /// The custom profile field `Badge number`, hidden (`team.profile.get` with
    /// `visibility=hidden` answers it alone).
    pub const BADGE_FIELD: &str = "Xf0DEMOBDGE";

    /// The workspace's custom emoji (`emoji.list`), by name: an image URL, or `alias:` and the
    /// name of the emoji it stands for, custom (`parrot`) or standard (`shipit`).
    pub const CUSTOM_EMOJI: &[(&str, &str)] = &[
        (
            "party_parrot",
            "https://emoji.emulator.invalid/demo/party_parrot.gif",
        ),
        ("parrot", "alias:party_parrot"),
        (
            "deployed",
            "https://emoji.emulator.invalid/demo/deployed.png",
        ),
        ("shipit", "alias:squirrel"),
    ];
}

/// One page of a list of items in the order of their `keys` (sorted), as the request's
/// `cursor` and `limit` ask: the range of items to answer, and the cursor of the next page
/// (empty after the last). As Slack's, a cursor names the item the next page starts at, not an
/// offset (`kind`, then the item's key as `write` writes it, as Slack's cursors read
/// `user:U0123ABCD`): an item added or removed between two pages neither repeats nor skips
/// another, and a cursor whose item is gone starts where it was. A page holds at most
/// `max_page` items, whatever `limit` says; a `limit` of 0 or none means as many as that. A
/// cursor not of this emulator's form, or of another kind of list, is `Err` (Slack's
/// `invalid_cursor`).
pub(crate) fn page_by<'c, K: Ord>(
    kind: &str,
    keys: &[K],
    cursor: Option<&'c str>,
    limit: Option<&str>,
    max_page: usize,
    write: impl Fn(&K) -> String,
    read: impl Fn(&'c str) -> Option<K>,
) -> Result<(std::ops::Range<usize>, String), ()> {
    let start = match cursor.filter(|c| !c.is_empty()) {
        None => 0,
        Some(cursor) => {
            let from = cursor
                .strip_prefix(CURSOR_PREFIX)
                .and_then(|rest| rest.strip_prefix(kind))
                .and_then(|rest| rest.strip_prefix(':'))
                .filter(|key| !key.is_empty())
                .and_then(read)
                .ok_or(())?;
            keys.partition_point(|key| *key < from)
        }
    };
    let end = start
        .saturating_add(page_size(limit, max_page))
        .min(keys.len());
    let next = match keys.get(end) {
        Some(key) => format!("{CURSOR_PREFIX}{kind}:{}", write(key)),
        None => String::new(),
    };
    Ok((start..end, next))
}

/// [`page_by`] for a list of items keyed by their ids (`channel`, `member`, `user`).
pub(crate) fn page<'c>(
    kind: &str,
    ids: &[&'c str],
    cursor: Option<&'c str>,
    limit: Option<&str>,
    max_page: usize,
) -> Result<(std::ops::Range<usize>, String), ()> {
    page_by(
        kind,
        ids,
        cursor,
        limit,
        max_page,
        |id| (*id).to_owned(),
        Some,
    )
}

/// How many items a page holds: what `limit` asks, at most `max_page`; a `limit` of 0 or none
/// means `max_page`.
pub(crate) fn page_size(limit: Option<&str>, max_page: usize) -> usize {
    limit
        .and_then(|limit| limit.trim().parse::<usize>().ok())
        .filter(|limit| *limit > 0)
        .unwrap_or(max_page)
        .min(max_page.max(1))
}

/// What the emulator's cursors start with (then the kind of list and the key of the next page's
/// first item: `channel:C0123ABCD`; for messages `ts` and the `ts` of the page's first message).
pub(crate) const CURSOR_PREFIX: &str = "ZW11bGF0ZWQ6";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cross_a_list_and_end_with_an_empty_cursor() {
        let ids: Vec<String> = (0..25).map(|n| format!("C{n:02}")).collect();
        let keys: Vec<&str> = ids.iter().map(String::as_str).collect();
        let (first, next) = page("channel", &keys, None, None, 10).unwrap();
        assert_eq!((first, next.as_str()), (0..10, "ZW11bGF0ZWQ6channel:C10"));
        let (second, next) = page("channel", &keys, Some(&next), Some("100"), 10).unwrap();
        assert_eq!(second, 10..20);
        let (last, next) = page("channel", &keys, Some(&next), Some("8"), 10).unwrap();
        assert_eq!((last, next.as_str()), (20..25, ""));
        assert_eq!(
            page("channel", &keys[..3], None, Some("2"), 10).unwrap().0,
            0..2
        );
        assert!(page("channel", &keys, Some("bogus"), None, 10).is_err());
        assert!(page("channel", &keys, Some("ZW11bGF0ZWQ6channel:"), None, 10).is_err());
        // Another list's cursor is refused.
        assert!(page("channel", &keys, Some("ZW11bGF0ZWQ6user:U01"), None, 10).is_err());
        assert_eq!(
            page("channel", &[], None, None, 10).unwrap(),
            (0..0, String::new())
        );
    }

    #[test]
    fn a_cursor_names_the_item_the_next_page_starts_at() {
        let (_, next) = page("channel", &["C1", "C2", "C3", "C4"], None, Some("2"), 10).unwrap();
        // An item added before the cursor, or the cursor's own item removed, moves no other
        // item into or out of the next page.
        let added = page(
            "channel",
            &["C0", "C1", "C2", "C3", "C4"],
            Some(&next),
            None,
            10,
        );
        assert_eq!(added.unwrap().0, 3..5);
        let removed = page("channel", &["C1", "C2", "C4"], Some(&next), None, 10);
        assert_eq!(removed.unwrap().0, 2..3);
    }

    #[test]
    fn timestamps_increase() {
        let mut clock = Clock::default();
        let a = clock.ts();
        let b = clock.ts();
        assert!(b > a, "{a} {b}");
        assert_eq!(a.len(), b.len());
    }
}
