//! A channel's featured workflows: `workflows.featured.add`, `.remove`, `.set` and `.list`.
//!
//! Featured workflows are shown first in a channel's workflow menu. Each is named by the id of
//! its link trigger (`Ft...`): Slack's pages say only workflows started by a link in Slack can
//! be featured. The writes are open to users who may feature workflows in Slack's client ("Can
//! manage workflows", and run permission on the trigger). Scopes from Slack's pages (Slack's
//! tables name none): `bookmarks:write` for the writes, `bookmarks:read` for `list`, on bot and
//! user tokens alike.

use crate::types::List;
use crate::{slack_method, ChannelId, FormValue, InvalidRequest, ParamSchema};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;

use super::Acknowledged;

/// The most trigger ids one `workflows.featured.add`, `.remove` or `.set` call names: 15
/// (Slack's pages: "max 15").
pub const MAX_FEATURED_TRIGGER_IDS: usize = 15;

/// A list of trigger ids Slack accepts in one call: at most [`MAX_FEATURED_TRIGGER_IDS`],
/// each of them an id. The ids go comma-separated, so an empty id, or one with a comma, would
/// reach Slack as other ids than given (`set` with one empty id would feature none).
fn check_trigger_ids(ids: &[String]) -> Result<(), InvalidRequest> {
    if ids.len() > MAX_FEATURED_TRIGGER_IDS {
        return Err(InvalidRequest::new(format!(
            "{} `trigger_ids`: Slack takes at most {MAX_FEATURED_TRIGGER_IDS} a call; split them",
            ids.len()
        )));
    }
    for (index, id) in ids.iter().enumerate() {
        if id.trim().is_empty() {
            return Err(InvalidRequest::new(format!(
                "`trigger_ids` {index} is empty: give a link trigger's id (`Ft...`)"
            )));
        }
        if id.contains(',') {
            return Err(InvalidRequest::new(format!(
                "`trigger_ids` {index} holds a comma: give each link trigger's id (`Ft...`) on its own"
            )));
        }
    }
    Ok(())
}

/// `workflows.featured.add`: features more workflows in a channel, after those it already
/// features. Each is named by its link trigger's id (`Ft...`); only workflows started by a link
/// in Slack can be featured. One call names at most 15 trigger ids; more, or an empty id or one with a
/// comma, are refused before sending.
/// Scope `bookmarks:write` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::WorkflowsFeaturedAdd;
/// use slack_methods::ChannelId;
/// let add = WorkflowsFeaturedAdd::new(ChannelId::new("C0123ABCD")?, ["Ft012345", "Ft012346"]);
/// assert_eq!(
///     slack_methods::encode_params(&add)?,
///     "channel_id=C0123ABCD&trigger_ids=Ft012345%2CFt012346",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "workflows.featured.add",
    scope = "bookmarks:write",
    response = Acknowledged,
    validate = WorkflowsFeaturedAdd::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkflowsFeaturedAdd {
    /// The channel to feature the workflows in.
    pub channel_id: ChannelId,
    /// The ids of the workflows' link triggers (`Ft...`), at most 15.
    pub trigger_ids: Vec<String>,
}

impl WorkflowsFeaturedAdd {
    /// Features the workflows of `trigger_ids` in `channel_id`.
    pub fn new(
        channel_id: ChannelId,
        trigger_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        WorkflowsFeaturedAdd {
            channel_id,
            trigger_ids: trigger_ids.into_iter().map(Into::into).collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_trigger_ids(&self.trigger_ids)
    }
}

/// `workflows.featured.remove`: stops featuring workflows in a channel; the others stay, in
/// their order. Each is named by its link trigger's id (`Ft...`). One call names at most 15
/// trigger ids; more, or an empty id or one with a comma, are refused before sending. Scope
/// `bookmarks:write` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::WorkflowsFeaturedRemove;
/// use slack_methods::ChannelId;
/// let remove = WorkflowsFeaturedRemove::new(ChannelId::new("C0123ABCD")?, ["Ft012345"]);
/// assert_eq!(
///     slack_methods::encode_params(&remove)?,
///     "channel_id=C0123ABCD&trigger_ids=Ft012345",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "workflows.featured.remove",
    scope = "bookmarks:write",
    response = Acknowledged,
    validate = WorkflowsFeaturedRemove::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkflowsFeaturedRemove {
    /// The channel to stop featuring the workflows in.
    pub channel_id: ChannelId,
    /// The ids of the workflows' link triggers (`Ft...`), at most 15.
    pub trigger_ids: Vec<String>,
}

impl WorkflowsFeaturedRemove {
    /// Stops featuring the workflows of `trigger_ids` in `channel_id`.
    pub fn new(
        channel_id: ChannelId,
        trigger_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        WorkflowsFeaturedRemove {
            channel_id,
            trigger_ids: trigger_ids.into_iter().map(Into::into).collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_trigger_ids(&self.trigger_ids)
    }
}

/// The trigger ids `workflows.featured.set` features, sent comma-separated, and sent empty
/// (`trigger_ids=`) when there are none: Slack's page says an empty list features none, and
/// a list left out of the form would be a missing argument.
///
/// ```
/// use slack_methods::methods::SetTriggerIds;
/// use slack_methods::FormValue;
/// let ids = SetTriggerIds(vec!["Ft1".into(), "Ft2".into()]);
/// assert_eq!(ids.form_value().as_deref(), Some("Ft1,Ft2"));
/// assert_eq!(SetTriggerIds::default().form_value().as_deref(), Some(""));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct SetTriggerIds(pub Vec<String>);

impl FormValue for SetTriggerIds {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Owned(self.0.join(",")))
    }
}

impl ParamSchema for SetTriggerIds {
    fn json_schema() -> Value {
        <Vec<String> as ParamSchema>::json_schema()
    }
}

/// `workflows.featured.set`: replaces all the workflows a channel features with these, in
/// this order; an empty list features none. Each is named by its link trigger's id (`Ft...`);
/// only workflows started by a link in Slack can be featured. One call names at most 15
/// trigger ids; more, or an empty id or one with a comma, are refused before sending (an empty
/// id would reach Slack as the empty list, featuring none). Scope `bookmarks:write` (Slack's
/// page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::WorkflowsFeaturedSet;
/// use slack_methods::ChannelId;
/// let set = WorkflowsFeaturedSet::new(ChannelId::new("C0123ABCD")?, ["Ft012346", "Ft012345"]);
/// assert_eq!(
///     slack_methods::encode_params(&set)?,
///     "channel_id=C0123ABCD&trigger_ids=Ft012346%2CFt012345",
/// );
/// let none = WorkflowsFeaturedSet::none(ChannelId::new("C0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&none)?, "channel_id=C0123ABCD&trigger_ids=");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "workflows.featured.set",
    scope = "bookmarks:write",
    response = Acknowledged,
    validate = WorkflowsFeaturedSet::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkflowsFeaturedSet {
    /// The channel whose featured workflows are replaced.
    pub channel_id: ChannelId,
    /// The ids of the workflows' link triggers (`Ft...`) to feature instead, at most 15; empty
    /// to feature none.
    pub trigger_ids: SetTriggerIds,
}

impl WorkflowsFeaturedSet {
    /// Features exactly the workflows of `trigger_ids` in `channel_id`.
    pub fn new(
        channel_id: ChannelId,
        trigger_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        WorkflowsFeaturedSet {
            channel_id,
            trigger_ids: SetTriggerIds(trigger_ids.into_iter().map(Into::into).collect()),
        }
    }

    /// Features no workflow in `channel_id`.
    pub fn none(channel_id: ChannelId) -> Self {
        WorkflowsFeaturedSet {
            channel_id,
            trigger_ids: SetTriggerIds::default(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_trigger_ids(&self.trigger_ids.0)
    }
}

/// `workflows.featured.list`: the workflows each of the channels features, by their link
/// triggers' ids and titles. Open to anyone who can see the channels. Scope `bookmarks:read`
/// (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::WorkflowsFeaturedList;
/// use slack_methods::ChannelId;
/// let list = WorkflowsFeaturedList::of([ChannelId::new("C0123ABCD")?, ChannelId::new("C0456EFGH")?]);
/// assert_eq!(
///     slack_methods::encode_params(&list)?,
///     "channel_ids=C0123ABCD%2CC0456EFGH",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "workflows.featured.list",
    scope = "bookmarks:read",
    writes = false,
    response = WorkflowsFeaturedListResponse
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkflowsFeaturedList {
    /// The channels whose featured workflows to list.
    pub channel_ids: Vec<ChannelId>,
}

impl WorkflowsFeaturedList {
    /// Lists the featured workflows of `channels`.
    pub fn of(channels: impl IntoIterator<Item = ChannelId>) -> Self {
        WorkflowsFeaturedList {
            channel_ids: channels.into_iter().collect(),
        }
    }
}

crate::slack_object! {
    /// What `workflows.featured.list` answers: each channel asked about, with the workflows it
    /// features; one entry that does not fit [`FeaturedWorkflows`] is kept as
    /// [`Unparsed`](crate::types::Unparsed).
    ///
    /// ```
    /// use slack_methods::methods::WorkflowsFeaturedListResponse;
    /// let answer: WorkflowsFeaturedListResponse = serde_json::from_str(
    ///     r#"{"featured_workflows":[{"channel_id":"C012345678",
    ///         "triggers":[{"id":"Ft1234","title":"Tabby workflow"}]}]}"#,
    /// )?;
    /// let channel = answer.featured_workflows.first().unwrap();
    /// assert_eq!(channel.triggers[0].title.as_deref(), Some("Tabby workflow"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct WorkflowsFeaturedListResponse {
        /// The channels, each with its featured workflows.
        pub featured_workflows: List<FeaturedWorkflows>,
    }
}

crate::slack_object! {
    /// One channel's featured workflows, as `workflows.featured.list` answers them.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FeaturedWorkflows {
        required {
            /// The channel's id.
            pub channel_id: ChannelId,
        }
        /// Its featured workflows' link triggers, in the menu's order.
        pub triggers: Vec<FeaturedTrigger>,
    }
}

crate::slack_object! {
    /// A featured workflow's link trigger: its id (`Ft...`) and title.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct FeaturedTrigger {
        required {
            /// The trigger's id (`Ft...`).
            pub id: String,
        }
        /// The title the channel's menu shows.
        pub title: Option<String>,
    }
}
