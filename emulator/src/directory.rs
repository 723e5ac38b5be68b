//! The emulated workspace's user groups, and the ids of the conversations calls create.

use crate::Emulator;
use std::collections::BTreeMap;

/// A user group (`@handle`) of the emulated workspace, given to
/// [`Emulator::add_usergroup`].
///
/// ```
/// use slack_methods_emulator::UsergroupSpec;
/// let oncall = UsergroupSpec::new("S0ONCALL1", "oncall", "On call").users(&["U0JANE"]);
/// assert_eq!(oncall.users, ["U0JANE"]);
/// assert!(!oncall.disabled);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UsergroupSpec {
    /// The id, e.g. `S0123ABCD`.
    pub id: String,
    /// The handle, mentioned as `@handle`.
    pub handle: String,
    /// The name.
    pub name: String,
    /// The description.
    pub description: String,
    /// The user ids of its members.
    pub users: Vec<String>,
    /// The ids of its default channels.
    pub channels: Vec<String>,
    /// Whether it is disabled (listed only with `include_disabled`).
    pub disabled: bool,
}

impl UsergroupSpec {
    /// An enabled group with no members yet.
    pub fn new(
        id: impl Into<String>,
        handle: impl Into<String>,
        name: impl Into<String>,
    ) -> UsergroupSpec {
        UsergroupSpec {
            id: id.into(),
            handle: handle.into(),
            name: name.into(),
            description: String::new(),
            users: Vec::new(),
            channels: Vec::new(),
            disabled: false,
        }
    }

    /// Sets its members.
    pub fn users(mut self, users: &[&str]) -> UsergroupSpec {
        self.users = users.iter().map(|u| (*u).to_owned()).collect();
        self
    }

    /// Sets its default channels (ids), which `prefs.channels` lists.
    pub fn channels(mut self, channels: &[&str]) -> UsergroupSpec {
        self.channels = channels.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    /// Sets its description.
    pub fn description(mut self, description: impl Into<String>) -> UsergroupSpec {
        self.description = description.into();
        self
    }

    /// Disables it.
    pub fn disabled(mut self) -> UsergroupSpec {
        self.disabled = true;
        self
    }
}

/// A user group as the emulator keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Usergroup {
    pub(crate) spec: UsergroupSpec,
    /// When it was added (Unix seconds).
    pub(crate) created: i64,
    /// When it last changed (Unix seconds).
    pub(crate) updated: i64,
    /// When it was disabled (Unix seconds), while it is.
    pub(crate) deleted: i64,
    /// Who added it, last changed it, and disabled it (while it is disabled).
    pub(crate) created_by: String,
    pub(crate) updated_by: String,
    pub(crate) deleted_by: Option<String>,
}

/// Who made the groups the emulator is given ([`Emulator::add_usergroup`]).
pub(crate) const SLACKBOT: &str = "USLACKBOT";

/// User groups by id.
#[derive(Debug, Default)]
pub(crate) struct Directory {
    pub(crate) usergroups: BTreeMap<String, Usergroup>,
}

impl Directory {
    /// A fresh id starting with `prefix` (`C`, `D`, `G` for conversations, `S` for user groups),
    /// e.g. `C0EMU00001`, that `taken` does not hold, and that no other emulator in the process
    /// gives (Slack's conversation ids are unique across workspaces).
    pub(crate) fn new_id(&self, prefix: char, taken: impl Fn(&str) -> bool) -> String {
        loop {
            let id = format!("{prefix}0EMU{:05}", crate::state::fresh_number());
            if !taken(&id) {
                return id;
            }
        }
    }

    /// Adds (or replaces) a user group, made by `by` at `created`.
    pub(crate) fn add_usergroup(&mut self, spec: UsergroupSpec, created: i64, by: &str) {
        let disabled = spec.disabled;
        let group = Usergroup {
            spec,
            created,
            updated: created,
            deleted: if disabled { created } else { 0 },
            created_by: by.to_owned(),
            updated_by: by.to_owned(),
            deleted_by: disabled.then(|| by.to_owned()),
        };
        self.usergroups.insert(group.spec.id.clone(), group);
    }
}

impl Emulator {
    /// Adds a user group (or replaces the one with the same id), made by Slackbot, which the
    /// `usergroups.*` methods then list and change.
    pub fn add_usergroup(&self, usergroup: UsergroupSpec) {
        let mut state = self.shared.lock();
        let created = state.workspace.clock.seconds();
        state.directory.add_usergroup(usergroup, created, SLACKBOT);
    }
}
