//! Do Not Disturb: `dnd.info`, `dnd.teamInfo`, `dnd.setSnooze`, `dnd.endSnooze` and
//! `dnd.endDnd` ("snooze my notifications for 30 minutes while I present", "is the on-call
//! person in Do Not Disturb?").
//!
//! A user's Do Not Disturb has two parts, as Slack answers them: the schedule they set in
//! Slack (`dnd_enabled`, with the next `next_dnd_start_ts` and `next_dnd_end_ts`), and a snooze
//! (`snooze_enabled`, until `snooze_endtime`), which pauses notifications now for a number of
//! minutes. Reading takes `dnd:read`, from a bot or a user token; snoozing and ending take
//! `dnd:write` and a user token, and act on the token's user only (Slack's pages give these
//! methods no bot scope).
//!
//! A status reads back as a [`DndStatus`]; Slack shows the `snooze_*` fields only of the
//! token's own user.

use super::Acknowledged;
use crate::{slack_method, InvalidRequest, TeamId, UserId};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::num::NonZeroU32;

/// The most users one `dnd.teamInfo` call names: 50 (Slack's spec: "up to 50 users").
pub const MAX_DND_TEAM_INFO_USERS: usize = 50;

crate::slack_object! {
    /// A user's Do Not Disturb status, as `dnd.info` and `dnd.endSnooze` answer it and
    /// `dnd.teamInfo` answers it for each user.
    ///
    /// Slack sends the `snooze_*` fields only for the token's own user, and `snooze_endtime`
    /// and `snooze_remaining` only while a snooze is on.
    ///
    /// ```
    /// use slack_methods::methods::DndStatus;
    /// let status: DndStatus = serde_json::from_str(
    ///     r#"{"dnd_enabled":true,"next_dnd_start_ts":1450416600,"next_dnd_end_ts":1450452600,
    ///         "snooze_enabled":true,"snooze_endtime":1450416600,"snooze_remaining":1196}"#,
    /// )?;
    /// assert!(status.dnd_enabled);
    /// assert!(status.is_snoozed());
    /// assert_eq!(status.snooze_remaining, Some(1196));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct DndStatus {
        /// Whether the user has a Do Not Disturb schedule.
        pub dnd_enabled: bool,
        /// When the schedule next starts, as a Unix time.
        pub next_dnd_start_ts: Option<u64>,
        /// When the schedule next ends, as a Unix time.
        pub next_dnd_end_ts: Option<u64>,
        /// Whether a snooze is on (the token's own user only).
        pub snooze_enabled: Option<bool>,
        /// When the snooze ends, as a Unix time (while one is on).
        pub snooze_endtime: Option<u64>,
        /// Seconds until the snooze ends (while one is on).
        pub snooze_remaining: Option<u64>,
        /// Whether the snooze has no end; Slack's pages say there is no way to make it so.
        pub snooze_is_indefinite: Option<bool>,
    }
}

impl DndStatus {
    /// Whether a snooze is on (`snooze_enabled`; Slack sends it for the token's own user only).
    pub fn is_snoozed(&self) -> bool {
        self.snooze_enabled == Some(true)
    }
}

crate::slack_object! {
    /// What `dnd.setSnooze` answers: the snooze now on.
    ///
    /// ```
    /// use slack_methods::methods::DndSnooze;
    /// let snooze: DndSnooze = serde_json::from_str(
    ///     r#"{"snooze_enabled":true,"snooze_endtime":1450373897,"snooze_remaining":60}"#,
    /// )?;
    /// assert_eq!(snooze.snooze_remaining, 60);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct DndSnooze {
        required {
            /// When the snooze ends, as a Unix time.
            pub snooze_endtime: u64,
            /// Seconds until it ends (a snooze of 1 minute answers 60).
            pub snooze_remaining: u64,
        }
        /// Whether a snooze is on: `true`.
        pub snooze_enabled: bool,
        /// Whether the snooze has no end; Slack's pages say there is no way to make it so.
        pub snooze_is_indefinite: Option<bool>,
    }
}

crate::slack_object! {
    /// What `dnd.teamInfo` answers: each user's status, by user id.
    ///
    /// ```
    /// use slack_methods::methods::DndTeamInfoResponse;
    /// let team: DndTeamInfoResponse = serde_json::from_str(
    ///     r#"{"users":{"U023BECGF":{"dnd_enabled":true,"next_dnd_start_ts":1450387800,
    ///         "next_dnd_end_ts":1450423800}}}"#,
    /// )?;
    /// assert!(team.users["U023BECGF"].dnd_enabled);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct DndTeamInfoResponse {
        /// Each user's status, by user id.
        pub users: BTreeMap<String, DndStatus>,
    }
}

impl DndTeamInfoResponse {
    /// The status of `user`, if Slack answered one.
    pub fn status(&self, user: &UserId) -> Option<&DndStatus> {
        self.users.get(user.as_str())
    }
}

/// `dnd.info`: a user's Do Not Disturb status, the token's own user's unless `user` names
/// another (a bot or a user token). The snooze fields come for the token's own user only.
///
/// ```
/// use slack_methods::methods::DndInfo;
/// use slack_methods::UserId;
/// assert_eq!(slack_methods::encode_params(&DndInfo::new())?, "");
/// let on_call = DndInfo::of(UserId::new("U0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&on_call)?, "user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("dnd.info", response = DndStatus)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DndInfo {
    /// The user whose status to read (the token's own user when absent).
    pub user: Option<UserId>,
    /// With an org-level token: the workspace the user belongs to.
    pub team_id: Option<TeamId>,
}

impl DndInfo {
    /// The token's own user's status, snooze included.
    pub fn new() -> Self {
        Self::default()
    }

    /// The status of `user`.
    pub fn of(user: UserId) -> Self {
        DndInfo {
            user: Some(user),
            team_id: None,
        }
    }
}

/// `dnd.teamInfo`: the Do Not Disturb status of several users at once, at most 50 (a bot or a
/// user token). An empty list or more than 50 users is refused before sending.
///
/// ```
/// use slack_methods::methods::DndTeamInfo;
/// use slack_methods::UserId;
/// let team = DndTeamInfo::of([UserId::new("U0123ABCD")?, UserId::new("W0456EFGH")?]);
/// assert_eq!(
///     slack_methods::encode_params(&team)?,
///     "users=U0123ABCD%2CW0456EFGH",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "dnd.teamInfo",
    response = DndTeamInfoResponse,
    validate = DndTeamInfo::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DndTeamInfo {
    /// The users whose status to read: 1 to at most 50 user ids.
    pub users: Vec<UserId>,
    /// With an org-level token: the workspace the users belong to.
    #[slack(unchecked)]
    pub team_id: Option<TeamId>,
}

impl DndTeamInfo {
    /// The status of each of `users` (1 to [`MAX_DND_TEAM_INFO_USERS`]).
    pub fn of(users: impl IntoIterator<Item = UserId>) -> Self {
        DndTeamInfo {
            users: users.into_iter().collect(),
            team_id: None,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match self.users.len() {
            0 => Err(InvalidRequest::new(
                "`users` is empty: name the users whose status to read",
            )),
            n if n > MAX_DND_TEAM_INFO_USERS => Err(InvalidRequest::new(format!(
                "{n} `users`: Slack takes at most {MAX_DND_TEAM_INFO_USERS} a call; split them"
            ))),
            _ => Ok(()),
        }
    }
}

/// `dnd.setSnooze`: snoozes the token's user's notifications for `num_minutes` from now, or
/// changes the length of the snooze already on (a user token).
///
/// ```
/// use slack_methods::methods::DndSetSnooze;
/// use std::num::NonZeroU32;
/// let presenting = DndSetSnooze::new(NonZeroU32::new(30).expect("not zero"));
/// assert_eq!(slack_methods::encode_params(&presenting)?, "num_minutes=30");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("dnd.setSnooze", response = DndSnooze)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DndSetSnooze {
    /// For how many minutes from now: a whole number, from 1.
    pub num_minutes: NonZeroU32,
}

impl DndSetSnooze {
    /// A snooze of `num_minutes` from now.
    pub fn new(num_minutes: NonZeroU32) -> Self {
        DndSetSnooze { num_minutes }
    }
}

/// `dnd.endSnooze`: ends the token's user's snooze now (a user token). Slack answers
/// `snooze_not_active` when none is on. Answers the status after it.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::DndEndSnooze;
/// let status = client.call(&DndEndSnooze).await?;
/// assert!(!status.is_snoozed());
/// # Ok(()) }
/// ```
#[slack_method("dnd.endSnooze", response = DndStatus)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct DndEndSnooze;

impl DndEndSnooze {
    /// The call, which takes no parameters (the same as writing `DndEndSnooze`).
    pub fn new() -> Self {
        DndEndSnooze
    }
}

/// `dnd.endDnd`: ends the token's user's Do Not Disturb now, a snooze included (a user token).
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::DndEndDnd;
/// client.call(&DndEndDnd).await?;
/// # Ok(()) }
/// ```
#[slack_method("dnd.endDnd", response = Acknowledged)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct DndEndDnd;

impl DndEndDnd {
    /// The call, which takes no parameters (the same as writing `DndEndDnd`).
    pub fn new() -> Self {
        DndEndDnd
    }
}
