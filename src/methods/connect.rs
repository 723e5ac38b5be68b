//! Slack Connect invitations: `conversations.inviteShared`, `conversations.listConnectInvites`,
//! `conversations.acceptSharedInvite`, `conversations.approveSharedInvite` and
//! `conversations.declineSharedInvite` ("share #deals with our partner's account manager").
//!
//! An invitation goes through three steps: one organization invites (`inviteShared`), the
//! other accepts (`acceptSharedInvite`), and an admin of either approves or declines the
//! accepted invitation (`approveSharedInvite`, `declineSharedInvite`); `listConnectInvites`
//! shows those not yet approved nor declined. Slack's tables name no scope for these methods;
//! Slack's scope pages do: `conversations.connect:write` to invite and accept,
//! `conversations.connect:manage` to list, approve and decline (bot tokens). Slack's pages say
//! these methods work on Enterprise Grid workspaces only.
//!
//! Where admins review what members ask for, a member's request to invite someone outside
//! (made in Slack's client) waits for an admin: `conversations.requestSharedInvite.list` lists
//! the requests, `.approve` sends the invitation and `.deny` refuses it (scope
//! `conversations.connect:manage`).
//!
//! Once organizations share channels: `conversations.externalInvitePermissions.set` lets an
//! outside organization's members in a channel invite others or only post,
//! `team.externalTeams.list` lists the connected organizations and
//! `team.externalTeams.disconnect` ends a connection (scope `conversations.connect:manage`).

use super::{Acknowledged, SortDirection};
use crate::types::{List, ResponseMetadata};
use crate::{slack_method, ChannelId, InvalidRequest, PageItems, ParamSchema, TeamId, UserId};
use serde::{Deserialize, Serialize};

/// `conversations.inviteShared`: invites one person of another organization to a channel of
/// the workspace, by email (Slack emails them a link) or by user id (Slack notifies them in
/// their client); the channel becomes a Slack Connect channel. Slack's page: either `emails` or
/// `user_ids` must be given, and only one email or one user id may be invited at a time, so
/// anything but exactly one recipient is refused before sending. The invited person's
/// organization must already share a channel with the app's. Scope `conversations.connect:write`
/// (Slack's scope page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::ConversationsInviteShared;
/// use slack_methods::{ChannelId, UserId};
/// let by_email = ConversationsInviteShared::email(ChannelId::new("C0123ABCD")?, "kim@partner.example");
/// assert_eq!(
///     slack_methods::encode_params(&by_email)?,
///     "channel=C0123ABCD&emails=kim%40partner.example",
/// );
/// let by_id = ConversationsInviteShared::user(ChannelId::new("C0123ABCD")?, UserId::new("W0456EFGH")?)
///     .external_limited(false);
/// assert_eq!(
///     slack_methods::encode_params(&by_id)?,
///     "channel=C0123ABCD&user_ids=W0456EFGH&external_limited=false",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.inviteShared",
    scope = "conversations.connect:write",
    response = InviteSharedResponse,
    validate = ConversationsInviteShared::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsInviteShared {
    /// The channel of the workspace to share (`C...`).
    pub channel: ChannelId,
    /// The email of the person to invite: one email; not with `user_ids`.
    pub emails: Option<Vec<String>>,
    /// The user id of the person to invite: one id; not with `emails`.
    pub user_ids: Option<Vec<UserId>>,
    /// Whether the invited person may only post (not invite others, rename the channel or
    /// export it); Slack's default is true.
    #[slack(unchecked)]
    pub external_limited: Option<bool>,
}

impl ConversationsInviteShared {
    /// Invites the person with `email` to `channel`.
    pub fn email(channel: ChannelId, email: impl Into<String>) -> Self {
        ConversationsInviteShared {
            channel,
            emails: Some(vec![email.into()]),
            user_ids: None,
            external_limited: None,
        }
    }

    /// Invites `user`, of another organization, to `channel`.
    pub fn user(channel: ChannelId, user: UserId) -> Self {
        ConversationsInviteShared {
            channel,
            emails: None,
            user_ids: Some(vec![user]),
            external_limited: None,
        }
    }

    /// Whether the invited person may only post (`true`, Slack's default) or also invite
    /// others and change the channel (`false`).
    pub fn external_limited(mut self, limited: bool) -> Self {
        self.external_limited = Some(limited);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        // Counted as Slack reads the sent list, split at commas: `"a@x.example,b@y.example"` is
        // two emails, `""` none, and a blank entry beside an email is refused rather than sent
        // as a trailing comma.
        let entries: Vec<&str> = self
            .emails
            .iter()
            .flatten()
            .flat_map(|email| email.split(','))
            .collect();
        let emails = entries
            .iter()
            .filter(|email| !email.trim().is_empty())
            .count();
        if emails > 0 && emails < entries.len() {
            return Err(InvalidRequest::new(
                "`emails` holds a blank entry: give the one email to invite alone",
            ));
        }
        let users = self.user_ids.as_ref().map_or(0, Vec::len);
        match (emails, users) {
            (0, 0) => Err(InvalidRequest::new(
                "give `emails` or `user_ids`: the one person to invite (Slack answers `recipients_not_specified`)",
            )),
            (1, 0) | (0, 1) => Ok(()),
            _ => Err(InvalidRequest::new(format!(
                "{} recipients: Slack invites only one email or one user id a call; make one call for each",
                emails + users
            ))),
        }
    }
}

crate::slack_object! {
    /// What `conversations.inviteShared` answers: the invitation's id.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct InviteSharedResponse {
        required {
            /// The invitation's id (`I...`), which `approveSharedInvite` and
            /// `declineSharedInvite` take.
            pub invite_id: String,
        }
        /// Whether the channel is a legacy shared channel.
        pub is_legacy_shared_channel: Option<bool>,
        /// The link that joins the channel, when Slack gives it for an email invitation.
        pub url: Option<String>,
        /// The invitation's confirmation code, when Slack gives it for an email invitation.
        pub conf_code: Option<String>,
    }
}

/// `conversations.listConnectInvites`: the Slack Connect invitations the workspace sent or
/// received that are not yet approved nor declined by all parties, one page at a time (100 a
/// page unless `count` says otherwise). With an org-level token, `team_id` names the
/// workspace. Scope `conversations.connect:manage` (Slack's scope pages; Slack's tables name
/// none).
///
/// Stream every invitation across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ConversationsListConnectInvites;
/// let list = ConversationsListConnectInvites::new();
/// let mut invites = std::pin::pin!(client.items(&list));
/// while let Some(invite) = invites.try_next().await? {
///     if let Some(invite) = invite.parsed() {
///         println!("{} {}", invite.direction, invite.status);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "conversations.listConnectInvites",
    scope = "conversations.connect:manage",
    writes = false,
    paginated,
    response = ListConnectInvitesResponse
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsListConnectInvites {
    /// The most invitations on one page (100 when absent).
    pub count: Option<u32>,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// With an org-level token: the workspace whose invitations to list (required then).
    pub team_id: Option<TeamId>,
}

impl ConversationsListConnectInvites {
    /// The first page of the workspace's pending invitations.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks for at most `count` invitations a page.
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Starts at `cursor` (a page's `next_cursor`), to resume an earlier listing.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Lists the invitations of workspace `team` (with an org-level token).
    pub fn in_team(mut self, team: TeamId) -> Self {
        self.team_id = Some(team);
        self
    }
}

crate::slack_object! {
    /// What `conversations.listConnectInvites` answers: one page of invitations.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ListConnectInvitesResponse {
        /// The page's invitations; one that does not fit [`ConnectInvite`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub invites: List<ConnectInvite>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ListConnectInvitesResponse {
    type Item = crate::types::Item<ConnectInvite>;
    fn into_items(self) -> Vec<crate::types::Item<ConnectInvite>> {
        self.invites.into_items()
    }
}

crate::slack_object! {
    /// A Slack Connect invitation, as `conversations.listConnectInvites` answers it.
    ///
    /// ```
    /// use slack_methods::methods::ConnectInvite;
    /// let invite: ConnectInvite = serde_json::from_str(
    ///     r#"{"direction":"outgoing","status":"sent","date_last_updated":1622591318,
    ///         "invite_type":"channel","invite":{"id":"I0139HVDSDQ","date_created":1622591287},
    ///         "channel":{"id":"C013AGH1GBD","is_private":false,"is_im":false,"name":"pb-shared-7"},
    ///         "acceptances":[]}"#,
    /// )?;
    /// assert_eq!(invite.direction, "outgoing");
    /// assert_eq!(invite.invite.unwrap().id, "I0139HVDSDQ");
    /// assert_eq!(invite.channel.unwrap().name.as_deref(), Some("pb-shared-7"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConnectInvite {
        required {
            /// `outgoing` (the workspace sent it) or `incoming` (it received it).
            pub direction: String,
            /// Where it stands, such as `sent` or `received`.
            pub status: String,
        }
        /// When it last changed, as a Unix time.
        pub date_last_updated: Option<i64>,
        /// What it invites to, such as `channel`.
        pub invite_type: Option<String>,
        /// The invitation itself: its id, dates, inviting team and user.
        pub invite: Option<ConnectInviteDetails>,
        /// The channel it shares.
        pub channel: Option<ConnectChannel>,
        /// Each acceptance, with its `approval_status` and accepting team and user, as Slack
        /// sent it.
        pub acceptances: Option<Vec<serde_json::Value>>,
    }
}

crate::slack_object! {
    /// The invitation inside a [`ConnectInvite`].
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConnectInviteDetails {
        required {
            /// The invitation's id (`I...`).
            pub id: String,
        }
        /// When it was made, as a Unix time.
        pub date_created: Option<i64>,
        /// When it stops being valid, as a Unix time.
        pub date_invalid: Option<i64>,
        /// The inviting team, as Slack sent it.
        pub inviting_team: Option<serde_json::Value>,
        /// The inviting user, as Slack sent it.
        pub inviting_user: Option<serde_json::Value>,
        /// The invitation's link.
        pub link: Option<String>,
    }
}

crate::slack_object! {
    /// The channel a [`ConnectInvite`] shares.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ConnectChannel {
        required {
            /// The channel's id.
            pub id: ChannelId,
        }
        /// Its name.
        pub name: Option<String>,
        /// Whether it is private.
        pub is_private: Option<bool>,
        /// Whether it is a direct message.
        pub is_im: Option<bool>,
    }
}

/// `conversations.acceptSharedInvite`: accepts an invitation to a Slack Connect channel the
/// workspace received, named by `invite_id` or `channel_id` (Slack's page: one of them must be
/// given, so a call with neither is refused before sending). The channel takes `channel_name`
/// in the workspace if it is not there yet. The channel may still need an admin's approval.
/// `free_trial_accepted` starts the workspace's free trial if it is not on a paid plan; with an
/// org-level token, `team_id` is required. Scope `conversations.connect:write` (Slack's scope
/// page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::ConversationsAcceptSharedInvite;
/// let accept = ConversationsAcceptSharedInvite::invite("deals-shared", "I0139HVDSDQ").private();
/// assert_eq!(
///     slack_methods::encode_params(&accept)?,
///     "channel_name=deals-shared&invite_id=I0139HVDSDQ&is_private=true",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "conversations.acceptSharedInvite",
    scope = "conversations.connect:write",
    response = AcceptSharedInviteResponse,
    validate = ConversationsAcceptSharedInvite::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsAcceptSharedInvite {
    /// The channel's name in the workspace, if it is not there yet.
    pub channel_name: String,
    /// The invitation to accept (`I...`); this or `channel_id`.
    pub invite_id: Option<String>,
    /// The channel whose invitation to accept; this or `invite_id`.
    pub channel_id: Option<ChannelId>,
    /// Whether to start the workspace's free trial to use Slack Connect.
    pub free_trial_accepted: Option<bool>,
    /// Whether the channel is private in the workspace.
    pub is_private: Option<bool>,
    /// With an org-level token: the workspace to accept in (required then).
    pub team_id: Option<TeamId>,
}

impl ConversationsAcceptSharedInvite {
    /// Accepts invitation `invite_id`, naming the channel `channel_name`.
    pub fn invite(channel_name: impl Into<String>, invite_id: impl Into<String>) -> Self {
        Self::new(channel_name.into(), Some(invite_id.into()), None)
    }

    /// Accepts the invitation to channel `channel_id`, naming it `channel_name`.
    pub fn channel(channel_name: impl Into<String>, channel_id: ChannelId) -> Self {
        Self::new(channel_name.into(), None, Some(channel_id))
    }

    fn new(channel_name: String, invite_id: Option<String>, channel_id: Option<ChannelId>) -> Self {
        ConversationsAcceptSharedInvite {
            channel_name,
            invite_id,
            channel_id,
            free_trial_accepted: None,
            is_private: None,
            team_id: None,
        }
    }

    /// Makes the channel private in the workspace.
    pub fn private(mut self) -> Self {
        self.is_private = Some(true);
        self
    }

    /// Starts the workspace's free trial if it is not on a paid plan.
    pub fn with_free_trial(mut self) -> Self {
        self.free_trial_accepted = Some(true);
        self
    }

    /// Accepts in workspace `team` (with an org-level token).
    pub fn in_team(mut self, team: TeamId) -> Self {
        self.team_id = Some(team);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        let named = |id: Option<&str>| id.is_some_and(|id| !id.trim().is_empty());
        if named(self.invite_id.as_deref()) || self.channel_id.is_some() {
            Ok(())
        } else {
            Err(InvalidRequest::new(
                "give `invite_id` or `channel_id`: the invitation to accept",
            ))
        }
    }
}

crate::slack_object! {
    /// What `conversations.acceptSharedInvite` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AcceptSharedInviteResponse {
        required {
            /// The channel in the workspace.
            pub channel_id: ChannelId,
        }
        /// The invitation accepted.
        pub invite_id: Option<String>,
        /// Whether the channel needs no admin's approval.
        pub implicit_approval: Option<bool>,
        /// Whether a Slack Connect direct message can be opened.
        pub can_open_scdm: Option<bool>,
    }
}

/// `conversations.approveSharedInvite`: approves an accepted invitation to a Slack Connect
/// channel, sent by the workspace or received by it; the app must be installed by someone who
/// may approve Slack Connect channels. `target_team` is the other party's team or enterprise
/// id (Slack answers `missing_target_team` when the inviting team leaves it out). Scope
/// `conversations.connect:manage` (Slack's scope page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::ConversationsApproveSharedInvite;
/// use slack_methods::TeamId;
/// let approve = ConversationsApproveSharedInvite::new("I0139HVDSDQ").target_team(TeamId::new("T0PP93X0Q")?);
/// assert_eq!(
///     slack_methods::encode_params(&approve)?,
///     "invite_id=I0139HVDSDQ&target_team=T0PP93X0Q",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.approveSharedInvite",
    scope = "conversations.connect:manage",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsApproveSharedInvite {
    /// The accepted invitation to approve (`I...`).
    pub invite_id: String,
    /// The other party's team or enterprise id.
    pub target_team: Option<TeamId>,
}

impl ConversationsApproveSharedInvite {
    /// Approves invitation `invite_id`.
    pub fn new(invite_id: impl Into<String>) -> Self {
        ConversationsApproveSharedInvite {
            invite_id: invite_id.into(),
            target_team: None,
        }
    }

    /// Names the other party, `team` (a team or enterprise id).
    pub fn target_team(mut self, team: TeamId) -> Self {
        self.target_team = Some(team);
        self
    }
}

/// `conversations.declineSharedInvite`: declines an accepted invitation to a Slack Connect
/// channel, for good: the channel is not shared. `target_team` is the other party's team or
/// enterprise id (Slack answers `missing_target_team` when it is needed and left out). Scope
/// `conversations.connect:manage` (Slack's scope page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::ConversationsDeclineSharedInvite;
/// let decline = ConversationsDeclineSharedInvite::new("I0139HVDSDQ");
/// assert_eq!(slack_methods::encode_params(&decline)?, "invite_id=I0139HVDSDQ");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "conversations.declineSharedInvite",
    scope = "conversations.connect:manage",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsDeclineSharedInvite {
    /// The accepted invitation to decline (`I...`).
    pub invite_id: String,
    /// The other party's team or enterprise id.
    pub target_team: Option<TeamId>,
}

impl ConversationsDeclineSharedInvite {
    /// Declines invitation `invite_id`.
    pub fn new(invite_id: impl Into<String>) -> Self {
        ConversationsDeclineSharedInvite {
            invite_id: invite_id.into(),
            target_team: None,
        }
    }

    /// Names the other party, `team` (a team or enterprise id).
    pub fn target_team(mut self, team: TeamId) -> Self {
        self.target_team = Some(team);
        self
    }
}

/// The most characters in the message an admin sends with an approved or denied invitation
/// request (Slack's `conversations.requestSharedInvite.approve` and `.deny` pages: 560).
pub const MAX_INVITE_MESSAGE_CHARS: usize = 560;

/// The most invitation requests on one page of `conversations.requestSharedInvite.list`
/// (Slack's page: between 1 and 1000).
pub const MAX_INVITE_REQUESTS_LIMIT: u32 = 1000;

/// `conversations.requestSharedInvite.list`: the requests members made to invite someone
/// outside the organization to a channel, which wait for an admin to approve or deny them,
/// ordered by id, one page at a time (200 a page unless `limit` says otherwise). Approved,
/// denied and expired requests are left out unless asked for; `invite_ids` looks up given
/// requests and `user_id` keeps those of one member. A `limit` of 0 or above 1000 is refused
/// before sending: Slack's page says it must be between 1 and 1000, so at most 1000. Scope
/// `conversations.connect:manage` (Slack's tables name none; Slack's pages name it for this
/// family). Slack's page: for admins of Enterprise Grid workspaces.
///
/// Stream every pending request across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::ConversationsRequestSharedInviteList;
/// let list = ConversationsRequestSharedInviteList::new().limit(50);
/// let mut requests = std::pin::pin!(client.items(&list));
/// while let Some(request) = requests.try_next().await? {
///     if let Some(request) = request.parsed() {
///         println!("{} wants {:?}", request.id, request.target_user);
///     }
/// }
/// # Ok(()) }
/// ```
///
/// ```
/// use slack_methods::methods::ConversationsRequestSharedInviteList;
/// use slack_methods::UserId;
/// let mine = ConversationsRequestSharedInviteList::new()
///     .by_user(UserId::new("U0123ABCD")?)
///     .with_denied();
/// assert_eq!(
///     slack_methods::encode_params(&mine)?,
///     "include_denied=true&user_id=U0123ABCD",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.requestSharedInvite.list",
    scope = "conversations.connect:manage",
    writes = false,
    paginated,
    response = RequestSharedInviteListResponse,
    validate = ConversationsRequestSharedInviteList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsRequestSharedInviteList {
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// Whether approved requests are listed too (not by default).
    pub include_approved: Option<bool>,
    /// Whether denied requests are listed too (not by default).
    pub include_denied: Option<bool>,
    /// Whether expired requests are listed too (not by default).
    pub include_expired: Option<bool>,
    /// Only these requests (`I...`); the other filters still apply. An empty list is refused
    /// before sending (it would go out as no filter).
    pub invite_ids: Option<Vec<String>>,
    /// The most requests on one page (from 1, at most 1000; 200 when absent).
    pub limit: Option<u32>,
    /// Only the requests this member made.
    pub user_id: Option<UserId>,
}

impl ConversationsRequestSharedInviteList {
    /// The first page of the pending requests.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lists approved requests too.
    pub fn with_approved(mut self) -> Self {
        self.include_approved = Some(true);
        self
    }

    /// Lists denied requests too.
    pub fn with_denied(mut self) -> Self {
        self.include_denied = Some(true);
        self
    }

    /// Lists expired requests too.
    pub fn with_expired(mut self) -> Self {
        self.include_expired = Some(true);
        self
    }

    /// Only the requests `ids` (`I...`).
    pub fn ids<I>(mut self, ids: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.invite_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Only the requests `user` made.
    pub fn by_user(mut self, user: UserId) -> Self {
        self.user_id = Some(user);
        self
    }

    page_builders!("requests");

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_filter("invite_ids", self.invite_ids.as_deref(), "request id")?;
        match self.limit {
            Some(0) => Err(InvalidRequest::new(
                "`limit` is 0; Slack takes between 1 and 1000 requests a page",
            )),
            Some(limit) if limit > MAX_INVITE_REQUESTS_LIMIT => Err(InvalidRequest::new(format!(
                "`limit` is {limit}; Slack takes at most {MAX_INVITE_REQUESTS_LIMIT} requests a page"
            ))),
            _ => Ok(()),
        }
    }
}

crate::slack_object! {
    /// What `conversations.requestSharedInvite.list` answers: one page of requests.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct RequestSharedInviteListResponse {
        /// The page's requests; one that does not fit [`InviteRequest`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub invite_requests: List<InviteRequest>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for RequestSharedInviteListResponse {
    type Item = crate::types::Item<InviteRequest>;
    fn into_items(self) -> Vec<crate::types::Item<InviteRequest>> {
        self.invite_requests.into_items()
    }
}

crate::slack_object! {
    /// A member's request to invite someone outside the organization to a channel, as
    /// `conversations.requestSharedInvite.list` answers it.
    ///
    /// ```
    /// use slack_methods::methods::InviteRequest;
    /// let request: InviteRequest = serde_json::from_str(
    ///     r#"{"id":"I12345","date_created":1722372331,"expires_at":1723581931,
    ///         "inviting_team":{"id":"E12345","name":"Acme corp"},
    ///         "inviting_user":{"id":"U12345","team_id":"E12345"},
    ///         "is_external_limited":false,
    ///         "target_user":{"recipient_email":"external-user@other-corp.com"}}"#,
    /// )?;
    /// assert_eq!(request.id, "I12345");
    /// assert_eq!(request.expires_at, Some(1723581931));
    /// assert_eq!(request.target_user.unwrap()["recipient_email"], "external-user@other-corp.com");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct InviteRequest {
        required {
            /// The request's id (`I...`), which `approve` and `deny` take.
            pub id: String,
        }
        /// When it was made, as a Unix time.
        pub date_created: Option<i64>,
        /// When it last changed, as a Unix time.
        pub date_last_updated: Option<i64>,
        /// When it expires unless approved, as a Unix time.
        pub expires_at: Option<i64>,
        /// When an admin denied it, as a Unix time.
        pub date_denied: Option<i64>,
        /// When an admin approved it, as a Unix time.
        pub date_approved: Option<i64>,
        /// Whether the invited person may only post.
        pub is_external_limited: Option<bool>,
        /// The channel to invite to: its id, name, privacy and connections, as Slack sent it.
        pub channel: Option<serde_json::Value>,
        /// The organization of the member who asked, as Slack sent it.
        pub inviting_team: Option<serde_json::Value>,
        /// The member who asked, as Slack sent it.
        pub inviting_user: Option<serde_json::Value>,
        /// Who is to be invited: `recipient_email`, and `recipient_user_id` when Slack knows them.
        pub target_user: Option<serde_json::Value>,
        /// The admin who approved or denied it, as Slack sent it.
        pub reviewing_user: Option<serde_json::Value>,
    }
}

/// The message an admin sends with an approved invitation: `text`, which replaces the member's
/// message (`is_override`) or follows it. Replacing, the text is at most 560 characters;
/// following, the text and the member's message together are fewer than 560 (Slack's page),
/// so a text of 560 or more is refused before sending.
///
/// ```
/// use slack_methods::methods::ApprovalMessage;
/// let message = ApprovalMessage::appended("Welcome aboard");
/// assert_eq!(
///     serde_json::to_string(&message)?,
///     r#"{"text":"Welcome aboard","is_override":false}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ApprovalMessage {
    /// The text sent with the invitation.
    pub text: String,
    /// Whether `text` replaces the member's message (`true`) or is added after it.
    pub is_override: bool,
}

impl ApprovalMessage {
    /// `text` in place of the member's message.
    pub fn replacing(text: impl Into<String>) -> Self {
        ApprovalMessage {
            text: text.into(),
            is_override: true,
        }
    }

    /// `text` after the member's message.
    pub fn appended(text: impl Into<String>) -> Self {
        ApprovalMessage {
            text: text.into(),
            is_override: false,
        }
    }
}

impl ParamSchema for ApprovalMessage {
    fn json_schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "text": { "type": "string", "description": "The text sent with the invitation, at most 560 characters; appended (is_override false), fewer than 560 together with the member's message." },
                "is_override": { "type": "boolean", "description": "true: the text replaces the member's message; false: it follows it." },
            },
            "required": ["text", "is_override"],
            "additionalProperties": false,
            "description": "The message sent with the invitation: text, and whether it replaces the member's.",
        })
    }
}

/// A message of at most [`MAX_INVITE_MESSAGE_CHARS`] characters.
fn check_message(text: Option<&str>) -> Result<(), InvalidRequest> {
    let chars = text.map_or(0, |text| text.chars().count());
    if chars > MAX_INVITE_MESSAGE_CHARS {
        return Err(InvalidRequest::new(format!(
            "`message` has {chars} characters; Slack takes at most {MAX_INVITE_MESSAGE_CHARS} (`message_too_long`)"
        )));
    }
    Ok(())
}

/// `conversations.requestSharedInvite.approve`: approves a member's request to invite someone
/// outside the organization, and sends them the Slack Connect invitation (by email, or straight
/// into the channel when their organization is already in it). `channel_id` and
/// `is_external_limited` replace what the member asked for; `message` adds to or replaces the
/// member's message, a text of at most 560 characters, or, added after the member's message,
/// fewer than 560 with it (Slack's page: a longer one is refused, so a text over 560, or of 560
/// or more added, is refused before sending). Answers the request's `invite_id`. Scope
/// `conversations.connect:manage` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::{ApprovalMessage, ConversationsRequestSharedInviteApprove};
/// let approve = ConversationsRequestSharedInviteApprove::new("I012345ABCD")
///     .external_limited(true)
///     .message(ApprovalMessage::replacing("hello"));
/// assert_eq!(
///     slack_methods::encode_params(&approve)?,
///     "invite_id=I012345ABCD&is_external_limited=true&message=%7B%22text%22%3A%22hello%22%2C%22is_override%22%3Atrue%7D",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "conversations.requestSharedInvite.approve",
    scope = "conversations.connect:manage",
    response = InviteRequestDecision,
    validate = ConversationsRequestSharedInviteApprove::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsRequestSharedInviteApprove {
    /// The request to approve (`I...`).
    pub invite_id: String,
    /// The channel to invite to instead of the one the member asked for; one the member can see.
    pub channel_id: Option<ChannelId>,
    /// Whether the invited person may only post, instead of what the member asked for.
    // A boolean on Slack's page (the SDK's table says string).
    #[slack(unchecked)]
    pub is_external_limited: Option<bool>,
    /// The message sent with the invitation: `text` (at most 560 characters; fewer than 560
    /// with the member's message when added after it) and whether it replaces the member's
    /// message (`is_override`), sent as a JSON object.
    #[slack(json)]
    pub message: Option<ApprovalMessage>,
}

impl ConversationsRequestSharedInviteApprove {
    /// Approves request `invite_id` as the member made it.
    pub fn new(invite_id: impl Into<String>) -> Self {
        ConversationsRequestSharedInviteApprove {
            invite_id: invite_id.into(),
            channel_id: None,
            is_external_limited: None,
            message: None,
        }
    }

    /// Invites to `channel` instead.
    pub fn to_channel(mut self, channel: ChannelId) -> Self {
        self.channel_id = Some(channel);
        self
    }

    /// Whether the invited person may only post (`true`) or also invite others (`false`).
    pub fn external_limited(mut self, limited: bool) -> Self {
        self.is_external_limited = Some(limited);
        self
    }

    /// Sends `message` with the invitation.
    pub fn message(mut self, message: ApprovalMessage) -> Self {
        self.message = Some(message);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match &self.message {
            // Slack's page: appended, the text and the member's message together must be less
            // than 560 characters, so a text of 560 alone is already too long.
            Some(message) if !message.is_override => {
                let chars = message.text.chars().count();
                if chars >= MAX_INVITE_MESSAGE_CHARS {
                    return Err(InvalidRequest::new(format!(
                        "`message` has {chars} characters; appended to the member's message, Slack takes fewer than {MAX_INVITE_MESSAGE_CHARS} in all (`message_too_long`)"
                    )));
                }
                Ok(())
            }
            message => check_message(message.as_ref().map(|message| message.text.as_str())),
        }
    }
}

crate::slack_object! {
    /// What `conversations.requestSharedInvite.approve` and `.deny` answer: the request's id.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct InviteRequestDecision {
        /// The request approved or denied (`I...`).
        pub invite_id: Option<String>,
    }
}

/// `conversations.requestSharedInvite.deny`: denies a member's request to invite someone
/// outside the organization: no invitation is sent, and the member is told, with `message` if
/// given (at most 560 characters: Slack's page refuses a longer one, so it is refused before
/// sending). Answers the request's `invite_id`. Scope `conversations.connect:manage` (Slack's
/// page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::ConversationsRequestSharedInviteDeny;
/// let deny = ConversationsRequestSharedInviteDeny::new("I012345ABCD").message("Not this quarter");
/// assert_eq!(
///     slack_methods::encode_params(&deny)?,
///     "invite_id=I012345ABCD&message=Not+this+quarter",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "conversations.requestSharedInvite.deny",
    scope = "conversations.connect:manage",
    response = InviteRequestDecision,
    validate = ConversationsRequestSharedInviteDeny::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsRequestSharedInviteDeny {
    /// The request to deny (`I...`).
    pub invite_id: String,
    /// Why, for the member who asked (at most 560 characters).
    pub message: Option<String>,
}

impl ConversationsRequestSharedInviteDeny {
    /// Denies request `invite_id`.
    pub fn new(invite_id: impl Into<String>) -> Self {
        ConversationsRequestSharedInviteDeny {
            invite_id: invite_id.into(),
            message: None,
        }
    }

    /// Tells the member why: `message`.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_message(self.message.as_deref())
    }
}

/// What `conversations.externalInvitePermissions.set` does to an outside organization's
/// members in a channel.
///
/// ```
/// use slack_methods::methods::ExternalInviteAction;
/// assert_eq!(ExternalInviteAction::Upgrade.as_str(), "upgrade");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExternalInviteAction {
    /// `upgrade`: they may post, invite others and more.
    Upgrade,
    /// `downgrade`: they may only post.
    Downgrade,
}

wire_enum!(
    ExternalInviteAction,
    "action",
    "upgrade (may post, invite and more) or downgrade (may only post).",
    {
        Upgrade => "upgrade",
        Downgrade => "downgrade",
    }
);

/// `conversations.externalInvitePermissions.set`: whether the members of an outside
/// organization, `target_team`, in a Slack Connect channel may only post (`downgrade`) or may
/// also invite others and more (`upgrade`). The team must be in the channel. Scope
/// `conversations.connect:manage` (Slack's page; Slack's tables name none).
///
/// ```
/// use slack_methods::methods::{ConversationsExternalInvitePermissionsSet, ExternalInviteAction};
/// use slack_methods::{ChannelId, TeamId};
/// let upgrade = ConversationsExternalInvitePermissionsSet::new(
///     ChannelId::new("C0123ABCD")?,
///     TeamId::new("T726G27TT")?,
///     ExternalInviteAction::Upgrade,
/// );
/// assert_eq!(
///     slack_methods::encode_params(&upgrade)?,
///     "action=upgrade&channel=C0123ABCD&target_team=T726G27TT",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "conversations.externalInvitePermissions.set",
    scope = "conversations.connect:manage",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ConversationsExternalInvitePermissionsSet {
    /// `upgrade` (may post, invite and more) or `downgrade` (may only post).
    pub action: ExternalInviteAction,
    /// The Slack Connect channel.
    pub channel: ChannelId,
    /// The outside organization in the channel whose members it concerns.
    pub target_team: TeamId,
}

impl ConversationsExternalInvitePermissionsSet {
    /// Applies `action` to the members of `target_team` in `channel`.
    pub fn new(channel: ChannelId, target_team: TeamId, action: ExternalInviteAction) -> Self {
        ConversationsExternalInvitePermissionsSet {
            action,
            channel,
            target_team,
        }
    }
}

/// How an outside organization stands with this one (`connection_status_filter`).
///
/// ```
/// use slack_methods::methods::ConnectionStatus;
/// assert_eq!(ConnectionStatus::InReview.as_str(), "IN_REVIEW");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ConnectionStatus {
    /// `CONNECTED`.
    Connected,
    /// `DISCONNECTED`.
    Disconnected,
    /// `BLOCKED`.
    Blocked,
    /// `IN_REVIEW`.
    InReview,
}

wire_enum!(
    ConnectionStatus,
    "connection status",
    "CONNECTED, DISCONNECTED, BLOCKED or IN_REVIEW.",
    {
        Connected => "CONNECTED",
        Disconnected => "DISCONNECTED",
        Blocked => "BLOCKED",
        InReview => "IN_REVIEW",
    }
);

/// A Slack Connect preference an outside organization may have its own value of
/// (`slack_connect_pref_filter`).
///
/// ```
/// use slack_methods::methods::SlackConnectPref;
/// assert_eq!(SlackConnectPref::AcceptScInvites.as_str(), "accept_sc_invites");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SlackConnectPref {
    /// `approved_orgs_only`.
    ApprovedOrgsOnly,
    /// `allow_sc_file_uploads`.
    AllowScFileUploads,
    /// `profile_visibility`.
    ProfileVisibility,
    /// `away_team_sc_invite_permissions`.
    AwayTeamScInvitePermissions,
    /// `accept_sc_invites`.
    AcceptScInvites,
    /// `sc_mpdm_to_private`.
    ScMpdmToPrivate,
    /// `require_sc_channel_for_sc_dm`.
    RequireScChannelForScDm,
    /// `external_awareness_context_bar`.
    ExternalAwarenessContextBar,
}

wire_enum!(
    SlackConnectPref,
    "Slack Connect preference",
    "A Slack Connect preference an organization may override.",
    {
        ApprovedOrgsOnly => "approved_orgs_only",
        AllowScFileUploads => "allow_sc_file_uploads",
        ProfileVisibility => "profile_visibility",
        AwayTeamScInvitePermissions => "away_team_sc_invite_permissions",
        AcceptScInvites => "accept_sc_invites",
        ScMpdmToPrivate => "sc_mpdm_to_private",
        RequireScChannelForScDm => "require_sc_channel_for_sc_dm",
        ExternalAwarenessContextBar => "external_awareness_context_bar",
    }
);

/// What `team.externalTeams.list` orders by (`sort_field`).
///
/// ```
/// use slack_methods::methods::ExternalTeamsSort;
/// assert_eq!(ExternalTeamsSort::LastActiveTimestamp.as_str(), "last_active_timestamp");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExternalTeamsSort {
    /// By name (`team_name`, Slack's default).
    TeamName,
    /// By when they were last active (`last_active_timestamp`).
    LastActiveTimestamp,
    /// By connection status (`connection_status`).
    ConnectionStatus,
}

wire_enum!(
    ExternalTeamsSort,
    "order",
    "team_name (the default), last_active_timestamp or connection_status.",
    {
        TeamName => "team_name",
        LastActiveTimestamp => "last_active_timestamp",
        ConnectionStatus => "connection_status",
    }
);

/// `team.externalTeams.list`: the outside organizations this one is connected to through
/// Slack Connect, with their channels and connection status, one page at a time (20 a page
/// unless `limit` says otherwise), ordered by `sort_field` (`team_name` unless given) running
/// `sort_direction` (`asc` unless given). Filters: by connection status, by Slack Connect
/// preferences the organization overrides, by the workspaces they are connected on. Scope
/// `conversations.connect:manage` (Slack's page, which names `team:read` as well; Slack's tables
/// name none). Slack's page: for Enterprise Grid workspaces.
///
/// Stream every organization across pages with `client.items(&list)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::{ConnectionStatus, TeamExternalTeamsList};
/// let list = TeamExternalTeamsList::new().status(ConnectionStatus::Connected);
/// let mut teams = std::pin::pin!(client.items(&list));
/// while let Some(team) = teams.try_next().await? {
///     if let Some(team) = team.parsed() {
///         println!("{} {:?}", team.team_id, team.team_name);
///     }
/// }
/// # Ok(()) }
/// ```
///
/// ```
/// use slack_methods::methods::{ExternalTeamsSort, SortDirection, TeamExternalTeamsList};
/// let recent = TeamExternalTeamsList::new()
///     .sorted_by(ExternalTeamsSort::LastActiveTimestamp, SortDirection::Desc)
///     .limit(50);
/// assert_eq!(
///     slack_methods::encode_params(&recent)?,
///     "sort_direction=desc&sort_field=last_active_timestamp&limit=50",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "team.externalTeams.list",
    scope = "conversations.connect:manage",
    writes = false,
    paginated,
    response = ExternalTeamsListResponse,
    validate = TeamExternalTeamsList::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamExternalTeamsList {
    /// Only the organizations with this connection status.
    pub connection_status_filter: Option<ConnectionStatus>,
    /// Only the organizations that override one of these Slack Connect preferences. An empty
    /// list is refused before sending (it would go out as no filter).
    pub slack_connect_pref_filter: Option<Vec<SlackConnectPref>>,
    /// Which way the order runs: `asc` (the default) or `desc`.
    pub sort_direction: Option<SortDirection>,
    /// What to order by: `team_name` (the default), `last_active_timestamp` or
    /// `connection_status`.
    pub sort_field: Option<ExternalTeamsSort>,
    /// Only the organizations connected on these workspaces of this organization. An empty list
    /// is refused before sending (it would go out as no filter).
    pub workspace_filter: Option<Vec<TeamId>>,
    /// Where the page starts: the `next_cursor` of the page before; the first page when absent.
    pub cursor: Option<String>,
    /// The most organizations on one page (20 when absent).
    pub limit: Option<u32>,
}

impl TeamExternalTeamsList {
    /// The first page of the connected organizations.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the organizations whose connection is `status`.
    pub fn status(mut self, status: ConnectionStatus) -> Self {
        self.connection_status_filter = Some(status);
        self
    }

    /// Only the organizations that override one of `prefs`.
    pub fn overriding(mut self, prefs: impl IntoIterator<Item = SlackConnectPref>) -> Self {
        self.slack_connect_pref_filter = Some(prefs.into_iter().collect());
        self
    }

    /// Only the organizations connected on `workspaces`.
    pub fn on_workspaces(mut self, workspaces: impl IntoIterator<Item = TeamId>) -> Self {
        self.workspace_filter = Some(workspaces.into_iter().collect());
        self
    }

    /// Orders by `field`, running `direction`.
    pub fn sorted_by(mut self, field: ExternalTeamsSort, direction: SortDirection) -> Self {
        self.sort_field = Some(field);
        self.sort_direction = Some(direction);
        self
    }

    page_builders!("organizations");

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_filter(
            "slack_connect_pref_filter",
            self.slack_connect_pref_filter.as_deref(),
            "preference",
        )?;
        super::check_filter(
            "workspace_filter",
            self.workspace_filter.as_deref(),
            "workspace",
        )
    }
}

crate::slack_object! {
    /// What `team.externalTeams.list` answers: one page of organizations.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ExternalTeamsListResponse {
        /// The page's organizations; one that does not fit [`ExternalTeam`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub organizations: List<ExternalTeam>,
        /// How many organizations the filters keep, on every page.
        pub total_count: Option<u64>,
        /// The next page's cursor (also [`SlackResponse::next_cursor`](crate::SlackResponse)).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for ExternalTeamsListResponse {
    type Item = crate::types::Item<ExternalTeam>;
    fn into_items(self) -> Vec<crate::types::Item<ExternalTeam>> {
        self.organizations.into_items()
    }
}

crate::slack_object! {
    /// An outside organization connected through Slack Connect, as `team.externalTeams.list`
    /// answers it.
    ///
    /// ```
    /// use slack_methods::methods::ExternalTeam;
    /// let team: ExternalTeam = serde_json::from_str(
    ///     r#"{"team_id":"T123ABC456","team_name":"Sandra Inc.","team_domain":"sandra",
    ///         "public_channel_count":1,"private_channel_count":1,"im_channel_count":1,
    ///         "mpim_channel_count":1,"slack_connect_prefs":{},"connection_status":"CONNECTED",
    ///         "last_active_timestamp":1718656058,"is_sponsored":false}"#,
    /// )?;
    /// assert_eq!(team.team_id.as_str(), "T123ABC456");
    /// assert_eq!(team.connection_status.as_deref(), Some("CONNECTED"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ExternalTeam {
        required {
            /// The organization's team id, which `team.externalTeams.disconnect` takes.
            pub team_id: TeamId,
        }
        /// Its name.
        pub team_name: Option<String>,
        /// Its domain.
        pub team_domain: Option<String>,
        /// How many public channels it shares with this organization.
        pub public_channel_count: Option<u64>,
        /// How many private channels it shares.
        pub private_channel_count: Option<u64>,
        /// How many direct messages it shares.
        pub im_channel_count: Option<u64>,
        /// How many group direct messages it shares.
        pub mpim_channel_count: Option<u64>,
        /// How the connection stands, such as `CONNECTED` or `DISCONNECTED`.
        pub connection_status: Option<String>,
        /// When it was last active, as a Unix time.
        pub last_active_timestamp: Option<i64>,
        /// Whether this organization sponsors it.
        pub is_sponsored: Option<bool>,
        /// The workspaces of this organization it is connected on, as Slack sent them.
        pub connected_workspaces: Option<serde_json::Value>,
        /// The Slack Connect preferences it overrides, as Slack sent them.
        pub slack_connect_prefs: Option<serde_json::Value>,
    }
}

/// `team.externalTeams.disconnect`: ends the connection with an outside organization,
/// `target_team`: its Slack Connect channels and direct messages are disconnected, for all
/// communication (history may stay readable, depending on permissions). Slack's page: it runs in
/// the background and may take time. Scope `conversations.connect:manage` (Slack's page;
/// Slack's tables name none).
///
/// ```
/// use slack_methods::methods::TeamExternalTeamsDisconnect;
/// use slack_methods::TeamId;
/// let disconnect = TeamExternalTeamsDisconnect::new(TeamId::new("T726G27TT")?);
/// assert_eq!(slack_methods::encode_params(&disconnect)?, "target_team=T726G27TT");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "team.externalTeams.disconnect",
    scope = "conversations.connect:manage",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamExternalTeamsDisconnect {
    /// The outside organization to disconnect from.
    pub target_team: TeamId,
}

impl TeamExternalTeamsDisconnect {
    /// Disconnects from `target_team`.
    pub fn new(target_team: TeamId) -> Self {
        TeamExternalTeamsDisconnect { target_team }
    }
}
