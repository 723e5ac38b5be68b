//! The `usergroups.*` family: `usergroups.list`, `usergroups.users.list`, and the writes:
//! `usergroups.create`, `usergroups.update`, `usergroups.disable`, `usergroups.enable`,
//! `usergroups.users.update`, which each answer with the group ([`UsergroupResponse`]).

use crate::types::{List, Usergroup};
use crate::{slack_method, ChannelId, InvalidRequest, TeamId, UserId, UsergroupId};
use serde::Deserialize;

/// `with_count()`, the builder of every user-group write: the answer's group then carries
/// `user_count`. Written inside the binding's `impl`.
macro_rules! count_builder {
    () => {
        /// Asks for the group's number of members in the answer (`user_count`).
        pub fn with_count(mut self) -> Self {
            self.include_count = Some(true);
            self
        }
    };
}

/// `usergroups.list`: lists the workspace's user groups (the `@handle` groups), with their
/// members and member counts when asked.
///
/// ```
/// use slack_methods::methods::UsergroupsList;
/// let list = UsergroupsList::new().with_users().with_count();
/// assert_eq!(slack_methods::encode_params(&list)?, "include_count=true&include_users=true");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("usergroups.list", response = UsergroupsListResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsList {
    /// Whether to include each group's number of members.
    pub include_count: Option<bool>,
    /// Whether to include disabled groups.
    pub include_disabled: Option<bool>,
    /// Whether to include each group's members.
    pub include_users: Option<bool>,
    /// With an org-level token: the workspace whose groups to list.
    pub team_id: Option<TeamId>,
}

impl UsergroupsList {
    /// The workspace's enabled groups.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for each group's members.
    pub fn with_users(mut self) -> Self {
        self.include_users = Some(true);
        self
    }

    /// Asks for each group's number of members.
    pub fn with_count(mut self) -> Self {
        self.include_count = Some(true);
        self
    }

    /// Lists disabled groups too.
    pub fn with_disabled(mut self) -> Self {
        self.include_disabled = Some(true);
        self
    }
}

crate::slack_object! {
    /// What `usergroups.list` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsergroupsListResponse {
        /// The groups; one that does not fit [`Usergroup`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub usergroups: List<Usergroup>,
    }
}

/// `usergroups.users.list`: lists the members of one user group.
///
/// ```
/// use slack_methods::methods::UsergroupsUsersList;
/// use slack_methods::UsergroupId;
/// let members = UsergroupsUsersList::of(UsergroupId::new("S0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&members)?, "usergroup=S0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("usergroups.users.list", response = UsergroupsUsersListResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsUsersList {
    /// The group's id (`S...`).
    pub usergroup: UsergroupId,
    /// Whether to answer for a disabled group too.
    pub include_disabled: Option<bool>,
    /// With an org-level token: the workspace of the group.
    pub team_id: Option<TeamId>,
}

impl UsergroupsUsersList {
    /// The members of `usergroup`.
    pub fn of(usergroup: UsergroupId) -> Self {
        UsergroupsUsersList {
            usergroup,
            include_disabled: None,
            team_id: None,
        }
    }
}

crate::slack_object! {
    /// What `usergroups.users.list` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsergroupsUsersListResponse {
        /// The group's members.
        pub users: Vec<UserId>,
    }
}

/// `usergroups.users.update`: makes `users` the whole membership of a user group (the usual
/// on-call hand-over: `@oncall` becomes this week's people). Members not named are removed.
///
/// A group cannot be emptied this way: an empty `users` is refused before sending (disable the
/// group with `usergroups.disable` instead). Bot users cannot be members (`invalid_user`). The
/// workspace's settings decide who may change groups; others get `permission_denied`.
///
/// ```
/// use slack_methods::methods::UsergroupsUsersUpdate;
/// use slack_methods::{UserId, UsergroupId};
/// let oncall = UsergroupsUsersUpdate::set(
///     UsergroupId::new("S0123ABCD")?,
///     [UserId::new("U0123ABCD")?, UserId::new("U0456EFGH")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&oncall)?,
///     "usergroup=S0123ABCD&users=U0123ABCD%2CU0456EFGH"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "usergroups.users.update",
    response = UsergroupResponse,
    validate = UsergroupsUsersUpdate::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsUsersUpdate {
    /// The group's id (`S...`).
    pub usergroup: UsergroupId,
    /// Every member the group is to have (at least one).
    pub users: Vec<UserId>,
    /// Whether the answer counts the members (`user_count`).
    pub include_count: Option<bool>,
    /// With an org-level token: the workspace of the group.
    pub team_id: Option<TeamId>,
}

impl UsergroupsUsersUpdate {
    /// Makes `users` the members of `usergroup`.
    pub fn set(usergroup: UsergroupId, users: impl IntoIterator<Item = UserId>) -> Self {
        UsergroupsUsersUpdate {
            usergroup,
            users: users.into_iter().collect(),
            include_count: None,
            team_id: None,
        }
    }

    count_builder!();

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.users.is_empty() {
            return Err(InvalidRequest::new(
                "`users` is empty: a user group cannot be emptied; disable it with `usergroups.disable` instead",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What the `usergroups.*` writes answer (`create`, `update`, `disable`, `enable`,
    /// `users.update`): the group as it now is. Its `users` are listed; `user_count` only when
    /// the call asked for it (`include_count`).
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsergroupResponse {
        /// The group. Slack's documentation shows it in every answer, but the spec's examples
        /// of `create`, `disable` and `enable` are a bare `{"ok": true}`, so a success without
        /// it still reads (as `None`) rather than failing a write that was made.
        pub usergroup: Option<Usergroup>,
    }
}

/// `usergroups.create`: a new user group (no members yet: add them with
/// `usergroups.users.update`). Its name must be new among the workspace's groups, its handle
/// new among groups, channels and users (`name_already_exists`, `handle_already_exists`).
///
/// ```
/// use slack_methods::methods::UsergroupsCreate;
/// let oncall = UsergroupsCreate::named("On call").handle("oncall");
/// assert_eq!(slack_methods::encode_params(&oncall)?, "name=On+call&handle=oncall");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("usergroups.create", response = UsergroupResponse, validate = UsergroupsCreate::check)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsCreate {
    /// The name (required, not blank).
    pub name: String,
    /// The `@handle` members are mentioned by.
    pub handle: Option<String>,
    /// A short description.
    pub description: Option<String>,
    /// The group's default channels.
    pub channels: Option<Vec<ChannelId>>,
    /// Whether the answer counts the members.
    pub include_count: Option<bool>,
    /// With an org-level token: the workspace to make the group in.
    pub team_id: Option<TeamId>,
}

impl UsergroupsCreate {
    /// A group called `name`.
    pub fn named(name: impl Into<String>) -> Self {
        UsergroupsCreate {
            name: name.into(),
            handle: None,
            description: None,
            channels: None,
            include_count: None,
            team_id: None,
        }
    }

    /// Sets the handle, the `@handle` members are mentioned by.
    pub fn handle(mut self, handle: impl Into<String>) -> Self {
        self.handle = Some(handle.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the default channels.
    pub fn channels(mut self, channels: impl IntoIterator<Item = ChannelId>) -> Self {
        self.channels = Some(channels.into_iter().collect());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.name.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`name` is blank: a user group needs a name",
            ));
        }
        Ok(())
    }

    count_builder!();
}

/// `usergroups.update`: changes a group's name, handle, description or default channels; what
/// is not given stays as it is. (An empty list of channels is not sent, so it changes nothing
/// either.)
///
/// ```
/// use slack_methods::methods::UsergroupsUpdate;
/// use slack_methods::UsergroupId;
/// let renamed = UsergroupsUpdate::of(UsergroupId::new("S0123ABCD")?).name("Leads");
/// assert_eq!(slack_methods::encode_params(&renamed)?, "usergroup=S0123ABCD&name=Leads");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("usergroups.update", response = UsergroupResponse, validate = UsergroupsUpdate::check)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsUpdate {
    /// The group's id (`S...`).
    pub usergroup: UsergroupId,
    /// A new name.
    pub name: Option<String>,
    /// A new `@handle`.
    pub handle: Option<String>,
    /// A new description.
    pub description: Option<String>,
    /// New default channels.
    pub channels: Option<Vec<ChannelId>>,
    /// Whether the answer counts the members.
    pub include_count: Option<bool>,
    /// With an org-level token: the workspace of the group.
    pub team_id: Option<TeamId>,
}

impl UsergroupsUpdate {
    /// Changes nothing yet of `usergroup`.
    pub fn of(usergroup: UsergroupId) -> Self {
        UsergroupsUpdate {
            usergroup,
            name: None,
            handle: None,
            description: None,
            channels: None,
            include_count: None,
            team_id: None,
        }
    }

    /// Renames the group.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the handle.
    pub fn handle(mut self, handle: impl Into<String>) -> Self {
        self.handle = Some(handle.into());
        self
    }

    /// Changes the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Replaces the default channels.
    pub fn channels(mut self, channels: impl IntoIterator<Item = ChannelId>) -> Self {
        self.channels = Some(channels.into_iter().collect());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self
            .name
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
        {
            return Err(InvalidRequest::new(
                "`name` is blank: leave it `None` to keep the group's name",
            ));
        }
        Ok(())
    }

    count_builder!();
}

/// `usergroups.disable`: disables a group (its `date_delete` becomes non-zero); it is then
/// listed only with `include_disabled`, and can be enabled again.
///
/// ```
/// use slack_methods::methods::UsergroupsDisable;
/// use slack_methods::UsergroupId;
/// let off = UsergroupsDisable::of(UsergroupId::new("S0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&off)?, "usergroup=S0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("usergroups.disable", response = UsergroupResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsDisable {
    /// The group's id (`S...`).
    pub usergroup: UsergroupId,
    /// Whether the answer counts the members.
    pub include_count: Option<bool>,
    /// With an org-level token: the workspace of the group.
    pub team_id: Option<TeamId>,
}

impl UsergroupsDisable {
    /// Disables `usergroup`.
    pub fn of(usergroup: UsergroupId) -> Self {
        UsergroupsDisable {
            usergroup,
            include_count: None,
            team_id: None,
        }
    }

    count_builder!();
}

/// `usergroups.enable`: enables a disabled group again (its `date_delete` back to 0).
///
/// ```
/// use slack_methods::methods::UsergroupsEnable;
/// use slack_methods::UsergroupId;
/// let on = UsergroupsEnable::of(UsergroupId::new("S0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&on)?, "usergroup=S0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("usergroups.enable", response = UsergroupResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UsergroupsEnable {
    /// The group's id (`S...`).
    pub usergroup: UsergroupId,
    /// Whether the answer counts the members.
    pub include_count: Option<bool>,
    /// With an org-level token: the workspace of the group.
    pub team_id: Option<TeamId>,
}

impl UsergroupsEnable {
    /// Enables `usergroup`.
    pub fn of(usergroup: UsergroupId) -> Self {
        UsergroupsEnable {
            usergroup,
            include_count: None,
            team_id: None,
        }
    }

    count_builder!();
}
