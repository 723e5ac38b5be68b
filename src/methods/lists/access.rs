//! Who may see or change a list: `slackLists.access.set` and `slackLists.access.delete`.
//!
//! Both name the channels or the users whose access changes, one of the two lists and not
//! both (Slack's pages: both cannot be passed at the same time, and one of them is required).
//! The lists go as JSON text in a form field (`["C0123ABCD"]`): Slack's pages type them as
//! arrays, give their examples as JSON arrays, and list `application/x-www-form-urlencoded`
//! among the content types these methods take. Slack's pages state no most ids a call. Scope
//! `lists:write` for both (Slack's method pages; Slack's tables name none).

use super::super::Acknowledged;
use crate::{slack_method, ChannelId, FileId, InvalidRequest, UserId};
use serde::Deserialize;
use serde_json::{json, Value};
use std::borrow::Cow;

crate::slack_enum! {
    /// The access `slackLists.access.set` gives: `read`, `write` (read and change) or `owner`
    /// (the list changes hands), as Slack's page lists them, or one Slack adds later
    /// ([`ListAccessLevel::Other`]).
    ///
    /// ```
    /// use slack_methods::methods::ListAccessLevel;
    /// assert_eq!(ListAccessLevel::Write.as_str(), "write");
    /// assert_eq!(ListAccessLevel::from("owner"), ListAccessLevel::Owner);
    /// assert_eq!(ListAccessLevel::from("comment"), ListAccessLevel::Other("comment".into()));
    /// ```
    pub enum ListAccessLevel {
        /// May read the list (`read`).
        Read = "read",
        /// May read and change the list (`write`).
        Write = "write",
        /// Owns the list (`owner`): one user, given by the list's owner.
        Owner = "owner",
    }
}

impl crate::FormValue for ListAccessLevel {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self.as_str()))
    }
}

impl crate::ParamSchema for ListAccessLevel {
    fn json_schema() -> Value {
        json!({
            "enum": ["read", "write", "owner"],
            "description": "read, write (read and change), or owner (one user; only the list's owner may give it).",
        })
    }
}

/// Refuses what Slack's pages call invalid in the targets of a `slackLists.access.*` call:
/// neither list or both, or a list that names no one.
fn check_targets<C, U>(channels: Option<&[C]>, users: Option<&[U]>) -> Result<(), InvalidRequest> {
    match (channels, users) {
        (None, None) => Err(InvalidRequest::new(
            "give `channel_ids` or `user_ids`: whose access to change (Slack answers `invalid_parameters`)",
        )),
        (Some(_), Some(_)) => Err(InvalidRequest::new(
            "`channel_ids` and `user_ids` cannot be sent together (Slack answers `invalid_parameters`): make one call for each",
        )),
        (Some([]), None) => Err(InvalidRequest::new(
            "`channel_ids` is empty: name at least one channel",
        )),
        (None, Some([])) => Err(InvalidRequest::new(
            "`user_ids` is empty: name at least one user",
        )),
        _ => Ok(()),
    }
}

/// `slackLists.access.set`: gives channels or users (one of the two lists, not both) access
/// to a list: `read`, `write` (read and change), or `owner`, which makes a user the list's
/// owner and is given by its owner only. A channel cannot own a list (Slack answers
/// `invalid_arguments`), so `owner` for channels is refused before sending, as is `owner` for
/// more than one user (a list has one owner), a missing, empty or doubled list and a blank
/// level. Scope `lists:write` (Slack's page; Slack's tables
/// name none).
///
/// ```
/// use slack_methods::methods::{ListAccessLevel, SlackListsAccessSet};
/// use slack_methods::{ChannelId, FileId, UserId};
/// let share = SlackListsAccessSet::for_channels(
///     FileId::new("F0123ABCD")?,
///     ListAccessLevel::Read,
///     [ChannelId::new("C0123ABCD")?, ChannelId::new("C0456EFGH")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&share)?,
///     "list_id=F0123ABCD&access_level=read&channel_ids=%5B%22C0123ABCD%22%2C%22C0456EFGH%22%5D",
/// );
/// let hand_over = SlackListsAccessSet::owner(FileId::new("F0123ABCD")?, UserId::new("U0123ABCD")?);
/// assert_eq!(
///     slack_methods::encode_params(&hand_over)?,
///     "list_id=F0123ABCD&access_level=owner&user_ids=%5B%22U0123ABCD%22%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.access.set",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsAccessSet::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsAccessSet {
    /// The list's id (`F...`).
    pub list_id: FileId,
    /// The access to give: `read`, `write`, or `owner` (for one user).
    pub access_level: ListAccessLevel,
    /// The channels to give it to, sent as JSON text; not with `user_ids`.
    #[slack(json)]
    pub channel_ids: Option<Vec<ChannelId>>,
    /// The users to give it to, sent as JSON text; not with `channel_ids`.
    #[slack(json)]
    pub user_ids: Option<Vec<UserId>>,
}

impl SlackListsAccessSet {
    /// Gives the members of `channels` `level` access to `list_id`.
    pub fn for_channels(
        list_id: FileId,
        level: ListAccessLevel,
        channels: impl IntoIterator<Item = ChannelId>,
    ) -> Self {
        SlackListsAccessSet {
            list_id,
            access_level: level,
            channel_ids: Some(channels.into_iter().collect()),
            user_ids: None,
        }
    }

    /// Gives `users` `level` access to `list_id`.
    pub fn for_users(
        list_id: FileId,
        level: ListAccessLevel,
        users: impl IntoIterator<Item = UserId>,
    ) -> Self {
        SlackListsAccessSet {
            list_id,
            access_level: level,
            channel_ids: None,
            user_ids: Some(users.into_iter().collect()),
        }
    }

    /// Makes `user` the owner of `list_id` (the caller must own it).
    pub fn owner(list_id: FileId, user: UserId) -> Self {
        Self::for_users(list_id, ListAccessLevel::Owner, [user])
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_targets(self.channel_ids.as_deref(), self.user_ids.as_deref())?;
        if self.access_level.as_str().trim().is_empty() {
            return Err(InvalidRequest::new(
                "`access_level` is blank: give read, write or owner",
            ));
        }
        if self.access_level == ListAccessLevel::Owner {
            match (&self.channel_ids, &self.user_ids) {
                (Some(_), _) => {
                    return Err(InvalidRequest::new(
                        "only a user can own a list: `owner` takes `user_ids` (Slack answers `invalid_arguments`)",
                    ))
                }
                (None, Some(users)) if users.len() > 1 => {
                    return Err(InvalidRequest::new(format!(
                        "a list has one owner: `owner` takes one user in `user_ids`, not {}",
                        users.len()
                    )))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// `slackLists.access.delete`: takes back the access channels or users (one of the two lists,
/// not both) were given to a list. A missing, empty or doubled list is refused before sending.
/// Scope `lists:write` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::SlackListsAccessDelete;
/// use slack_methods::{FileId, UserId};
/// let unshare = SlackListsAccessDelete::for_users(
///     FileId::new("F0123ABCD")?,
///     [UserId::new("U0123ABCD")?],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&unshare)?,
///     "list_id=F0123ABCD&user_ids=%5B%22U0123ABCD%22%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "slackLists.access.delete",
    scope = "lists:write",
    response = Acknowledged,
    validate = SlackListsAccessDelete::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SlackListsAccessDelete {
    /// The list's id (`F...`).
    pub list_id: FileId,
    /// The channels whose access ends, sent as JSON text; not with `user_ids`.
    #[slack(json)]
    pub channel_ids: Option<Vec<ChannelId>>,
    /// The users whose access ends, sent as JSON text; not with `channel_ids`.
    #[slack(json)]
    pub user_ids: Option<Vec<UserId>>,
}

impl SlackListsAccessDelete {
    /// Ends the access of `channels` to `list_id`.
    pub fn for_channels(list_id: FileId, channels: impl IntoIterator<Item = ChannelId>) -> Self {
        SlackListsAccessDelete {
            list_id,
            channel_ids: Some(channels.into_iter().collect()),
            user_ids: None,
        }
    }

    /// Ends the access of `users` to `list_id`.
    pub fn for_users(list_id: FileId, users: impl IntoIterator<Item = UserId>) -> Self {
        SlackListsAccessDelete {
            list_id,
            channel_ids: None,
            user_ids: Some(users.into_iter().collect()),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_targets(self.channel_ids.as_deref(), self.user_ids.as_deref())
    }
}
