//! The `usergroups.*` family: `usergroups.list`, `usergroups.users.list`,
//! `usergroups.users.update`.

use crate::types::{List, Usergroup};
use crate::{slack_method, InvalidRequest, TeamId, UserId, UsergroupId};
use serde::Deserialize;

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
    response = UsergroupsUsersUpdateResponse,
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

    /// Asks for the number of members in the answer.
    pub fn with_count(mut self) -> Self {
        self.include_count = Some(true);
        self
    }

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
    /// What `usergroups.users.update` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct UsergroupsUsersUpdateResponse {
        required {
            /// The group, with its new members.
            pub usergroup: Usergroup,
        }
    }
}
