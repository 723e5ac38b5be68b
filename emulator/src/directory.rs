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
            disabled: false,
        }
    }

    /// Sets its members.
    pub fn users(mut self, users: &[&str]) -> UsergroupSpec {
        self.users = users.iter().map(|u| (*u).to_owned()).collect();
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
}

/// User groups by id.
#[derive(Debug, Default)]
pub(crate) struct Directory {
    pub(crate) usergroups: BTreeMap<String, Usergroup>,
}

impl Directory {
    /// A fresh id starting with `prefix` (`C`, `D`, `G`), e.g. `C0EMU00001`, that `taken` does
    /// not hold, and that no other emulator in the process gives (Slack's conversation ids are
    /// unique across workspaces).
    pub(crate) fn new_id(&mut self, prefix: char, taken: impl Fn(&str) -> bool) -> String {
        loop {
            let id = format!("{prefix}0EMU{:05}", crate::state::fresh_number());
            if !taken(&id) {
                return id;
            }
        }
    }

    /// Adds (or replaces) a user group.
    pub(crate) fn add_usergroup(&mut self, spec: UsergroupSpec, created: i64) {
        self.usergroups
            .insert(spec.id.clone(), Usergroup { spec, created });
    }
}

impl Emulator {
    /// Adds a user group (or replaces the one with the same id), which `usergroups.list` and
    /// `usergroups.users.list` answer.
    pub fn add_usergroup(&self, usergroup: UsergroupSpec) {
        let mut state = self.shared.lock();
        let created = state.workspace.clock.seconds();
        state.directory.add_usergroup(usergroup, created);
    }
}
