//! Slack Connect invitations: `conversations.inviteShared`, `conversations.listConnectInvites`,
//! `conversations.acceptSharedInvite`, `conversations.approveSharedInvite` and
//! `conversations.declineSharedInvite`, and the requests members make to invite someone:
//! `conversations.requestSharedInvite.list`, `.approve` and `.deny`.
//!
//! The emulated workspace is one organization; the other side of an invitation is a team id
//! the test names. [`Emulator::receive_shared_invite`](crate::Emulator::receive_shared_invite)
//! stands in for another organization inviting the workspace (Slack's
//! `shared_channel_invite_received` event), and
//! [`Emulator::accept_shared_invite_as`](crate::Emulator::accept_shared_invite_as) for the
//! other organization accepting one the workspace sent.
//! [`Emulator::shared_invite`](crate::Emulator::shared_invite) reads an invitation back.
//!
//! Codes Slack's pages name, as the emulator answers them: `invite_not_found` for an id it
//! never gave; `channel_not_found`, `channel_archived`, `cannot_share_mandatory_channel`
//! (`#general`), `invalid_channel_type` (a direct message), `invalid_email`,
//! `recipients_not_specified` and `too_many_emails` when inviting; `invite_used`,
//! `invite_from_same_org`, `name_taken`, `invalid_name_*` and `team_not_found` when accepting;
//! `approval_not_found`, `already_approved`, `approval_inactive` and `missing_target_team` when
//! approving or declining.
//!
//! The emulator's choices where Slack is silent: a caller not in the channel it invites to is
//! `not_in_channel`; more than one user id, or emails and user ids together, is
//! `invalid_arguments`; an invitation is approved once someone accepted it (before that,
//! `approval_not_found`), and a `target_team` that is not the accepting team is
//! `approval_not_found` too; approving an invitation the workspace sent needs `target_team`
//! (`missing_target_team`: Slack's page says the inviting team must give it); an approved or
//! declined invitation leaves `listConnectInvites` and is `approval_inactive` to decline, and a
//! declined one to approve; accepting by `channel_id` finds the received invitation to that
//! channel; the workspace is paid, so `free_trial_accepted` changes nothing; acceptance is
//! never implicitly approved (`implicit_approval: false`); every answer for an email has no
//! `url` nor `conf_code`.
//!
//! Members' requests to invite someone outside (`conversations.requestSharedInvite.list`,
//! `.approve`, `.deny`): [`Emulator::request_shared_invite`](crate::Emulator::request_shared_invite)
//! stands for a member asking in Slack's client,
//! [`Emulator::expire_shared_invite_request`](crate::Emulator::expire_shared_invite_request)
//! for 14 days passing, and
//! [`Emulator::shared_invite_request`](crate::Emulator::shared_invite_request) reads one back.
//! Codes Slack's pages name, as the emulator answers them: `invite_not_found`,
//! `invite_already_approved`, `invite_already_denied`, `invite_expired`, `channel_not_found`
//! (a channel that is not there, or private without the member who asked: Slack's page says it
//! must be visible to them), `message_too_long` (a denial's message over 560 characters; an
//! approval's text over 560 replacing the member's, or with the member's 560 or more) and
//! `invalid_cursor`.
//!
//! The emulator's choices where Slack is silent: a request lives 14 days (Slack's example
//! answer); it is made for a member who may only post (`is_external_limited: true`); approving
//! sends an invitation under the request's own id, which `listConnectInvites` lists as sent and
//! [`Emulator::accept_shared_invite_as`](crate::Emulator::accept_shared_invite_as) accepts;
//! approving or denying a reviewed request answers its review's code before its expiry; a
//! `limit` outside 1 to 1000, a `message` that is not a JSON object with `text` and
//! `is_override`, or an `is_external_limited` that is not a boolean is `invalid_arguments`;
//! `reviewing_user` is the caller, and `date_approved`/`date_denied` its review's time.
//!
//! Connected organizations (`conversations.externalInvitePermissions.set`,
//! `team.externalTeams.list`, `team.externalTeams.disconnect`):
//! [`Emulator::connect_external_team`](crate::Emulator::connect_external_team) stands for a
//! connection made in Slack; [`Emulator::external_team`](crate::Emulator::external_team) and
//! [`Emulator::external_limited`](crate::Emulator::external_limited) read back. Codes Slack's
//! pages name, as the emulator answers them: `channel_not_found`, `invalid_action`,
//! `invalid_target_team` (a team not in the channel; one never connected or already
//! disconnected, to disconnect), `invalid_workspace_filter` (a workspace neither the
//! emulator's nor one of [`Emulator::approve_in_workspace`](crate::Emulator::approve_in_workspace)),
//! `missing_argument` (no `target_team`) and `invalid_arguments`.
//!
//! The emulator's choices where Slack is silent: an organization is in a channel once an invitation
//! between them to that channel is approved, and until it is disconnected; its members may only
//! post until upgraded (or as `inviteShared`'s `external_limited` said); upgrading or downgrading
//! twice is no error; organizations are connected on the emulator's own workspace only and override
//! no Slack Connect preference, so a `slack_connect_pref_filter` lists none; the channel counts are
//! those of approved invitations, with no direct messages; ties in the order go by team id
//! (reversed too by `desc`); `next_cursor` is the next page's first team id, and a cursor that
//! names no listed organization, a `limit` of 0, or a filter or order Slack does not list is
//! `invalid_arguments`; disconnecting keeps the organization, `DISCONNECTED`, in the list, at once
//! (Slack's runs in the background).

use super::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::{page, ChannelKind, ChannelSpec};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Where an invitation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Sent or received, not accepted yet.
    Open,
    /// Accepted by `accepting_team`, waiting for approval.
    Accepted,
    Approved,
    Declined,
}

/// One Slack Connect invitation, sent by the workspace or received by it.
#[derive(Clone, Debug)]
pub(crate) struct Invite {
    pub(crate) id: String,
    /// Whether the workspace sent it (`outgoing`) or received it.
    pub(crate) outgoing: bool,
    pub(crate) channel_id: String,
    pub(crate) channel_name: String,
    pub(crate) is_private: bool,
    pub(crate) inviting_team: String,
    pub(crate) inviting_user: String,
    /// The email or user id invited (outgoing ones).
    pub(crate) recipient: String,
    pub(crate) accepting_team: Option<String>,
    pub(crate) stage: Stage,
    pub(crate) date_created: i64,
    /// Whether the other organization's members may only post in the channel
    /// (`conversations.externalInvitePermissions.set`).
    pub(crate) external_limited: bool,
}

impl Invite {
    /// The invitation as `listConnectInvites` answers it.
    pub(crate) fn to_json(&self) -> Value {
        let status = match (self.outgoing, self.stage) {
            (_, Stage::Approved) => "approved",
            (_, Stage::Declined) => "declined",
            (true, _) => "sent",
            (false, _) => "received",
        };
        let mut invite = json!({
            "direction": if self.outgoing { "outgoing" } else { "incoming" },
            "status": status,
            "date_last_updated": self.date_created,
            "invite_type": "channel",
            "invite": {
                "id": self.id,
                "date_created": self.date_created,
                "inviting_team": {"id": self.inviting_team},
                "inviting_user": {"id": self.inviting_user, "team_id": self.inviting_team},
                "recipient": self.recipient,
            },
            "channel": {
                "id": self.channel_id,
                "is_private": self.is_private,
                "is_im": false,
                "name": self.channel_name,
            },
            "acceptances": [],
        });
        if let Some(team) = &self.accepting_team {
            let status = match self.stage {
                Stage::Approved => "approved",
                Stage::Declined => "declined",
                _ => "pending_approval",
            };
            invite["acceptances"] = json!([{
                "approval_status": status,
                "accepting_team": {"id": team},
            }]);
        }
        invite
    }
}

/// The invitations, by id (ids sort in the order they were made), and the members' requests
/// to invite someone outside, by id.
#[derive(Debug, Default)]
pub(crate) struct Invites {
    pub(crate) by_id: BTreeMap<String, Invite>,
    pub(crate) requests: BTreeMap<String, InviteRequest>,
    /// The outside organizations connected, by team id.
    pub(crate) teams: BTreeMap<String, ExternalTeam>,
}

impl Invites {
    pub(crate) fn new_id(&self) -> String {
        format!("I0EMU{:05}", crate::state::fresh_number())
    }
}

/// `conversations.inviteShared`: invites one email or one user of another organization to a
/// channel of the workspace the caller is in.
pub(crate) fn invite_shared(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let id = param(params, "channel").unwrap_or("");
    let channel = state
        .workspace
        .channels
        .get(id)
        .ok_or_else(|| fail("channel_not_found"))?;
    if matches!(channel.kind, ChannelKind::Im | ChannelKind::Mpim) {
        return Err(fail("invalid_channel_type"));
    }
    if channel.general {
        return Err(fail("cannot_share_mandatory_channel"));
    }
    if channel.archived {
        return Err(fail("channel_archived"));
    }
    if !channel.members.contains(&caller.spec.id) {
        return Err(fail("not_in_channel"));
    }
    let list = |name| -> Vec<&str> {
        param(params, name)
            .unwrap_or("")
            .split(',')
            .filter(|item| !item.is_empty())
            .collect()
    };
    let (emails, users) = (list("emails"), list("user_ids"));
    let recipient = match (emails.as_slice(), users.as_slice()) {
        ([], []) => return Err(fail("recipients_not_specified")),
        ([email], []) => {
            if !email.contains('@') {
                return Err(fail("invalid_email"));
            }
            (*email).to_owned()
        }
        ([_, _, ..], []) => return Err(fail("too_many_emails")),
        ([], [user]) => {
            if channel.members.contains(*user) {
                return Err(fail("already_in_channel"));
            }
            (*user).to_owned()
        }
        _ => return Err(fail("invalid_arguments")),
    };
    let invite = Invite {
        id: state.connect.new_id(),
        outgoing: true,
        channel_id: channel.id.clone(),
        channel_name: channel.name.clone(),
        is_private: channel.kind == ChannelKind::Private,
        inviting_team: state.team.id.clone(),
        inviting_user: caller.spec.id.clone(),
        recipient,
        accepting_team: None,
        stage: Stage::Open,
        date_created: state.workspace.clock.seconds(),
        external_limited: param(params, "external_limited") != Some("false"),
    };
    let mut data = Map::new();
    data.insert("invite_id".into(), json!(invite.id));
    data.insert("is_legacy_shared_channel".into(), json!(false));
    state.connect.by_id.insert(invite.id.clone(), invite);
    Ok(data)
}

/// `conversations.listConnectInvites`: the invitations not yet approved nor declined, oldest
/// first, `count` a page (the emulator's page size at most).
pub(crate) fn list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    if let Some(team) = param(params, "team_id").filter(|t| !t.is_empty()) {
        known_team(state, team)?;
    }
    let open: Vec<&Invite> = state
        .connect
        .by_id
        .values()
        .filter(|invite| matches!(invite.stage, Stage::Open | Stage::Accepted))
        .collect();
    let ids: Vec<&str> = open.iter().map(|invite| invite.id.as_str()).collect();
    let (range, next) = page(
        "invite",
        &ids,
        param(params, "cursor"),
        param(params, "count"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let invites: Vec<Value> = open[range].iter().map(|invite| invite.to_json()).collect();
    let mut data = Map::new();
    data.insert("invites".into(), Value::Array(invites));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// `team_not_found` for a team that is neither the workspace nor one the app is approved in.
fn known_team(state: &State, team: &str) -> Result<(), Reply> {
    if team == state.team.id || state.approved_teams.iter().any(|(id, _)| id == team) {
        Ok(())
    } else {
        Err(fail("team_not_found"))
    }
}

/// `conversations.acceptSharedInvite`: accepts an invitation the workspace received, making
/// the channel `channel_name` in the workspace with the caller in it.
pub(crate) fn accept(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    if let Some(team) = param(params, "team_id").filter(|t| !t.is_empty()) {
        known_team(state, team)?;
    }
    let by_invite = param(params, "invite_id").filter(|id| !id.is_empty());
    let by_channel = param(params, "channel_id").filter(|id| !id.is_empty());
    let found = match (by_invite, by_channel) {
        (Some(id), _) => state.connect.by_id.get(id),
        (None, Some(channel)) => state
            .connect
            .by_id
            .values()
            .find(|invite| !invite.outgoing && invite.channel_id == channel),
        (None, None) => return Err(fail("invalid_arguments")),
    };
    let invite = found.ok_or_else(|| fail("invite_not_found"))?;
    if invite.outgoing {
        return Err(fail("invite_from_same_org"));
    }
    if invite.stage != Stage::Open {
        return Err(fail("invite_used"));
    }
    let invite_id = invite.id.clone();
    let name = param(params, "channel_name").unwrap_or("");
    super::channels::check_name(name)?;
    if state
        .workspace
        .channels
        .values()
        .any(|channel| channel.name == name)
    {
        return Err(fail("name_taken"));
    }
    let mut spec =
        ChannelSpec::new(invite.channel_id.clone(), name).members(&[caller.spec.id.as_str()]);
    if truthy(param(params, "is_private")) {
        spec = spec.private();
    }
    let channel_id = invite.channel_id.clone();
    state.workspace.add(spec);
    let team = state.team.id.clone();
    if let Some(invite) = state.connect.by_id.get_mut(&invite_id) {
        invite.stage = Stage::Accepted;
        invite.accepting_team = Some(team);
    }
    let mut data = Map::new();
    data.insert("implicit_approval".into(), json!(false));
    data.insert("channel_id".into(), json!(channel_id));
    data.insert("invite_id".into(), json!(invite_id));
    Ok(data)
}

/// The accepted invitation `invite_id` names, for approving or declining it.
fn awaiting<'s>(
    state: &'s mut State,
    params: &[(String, String)],
    approving: bool,
) -> Result<&'s mut Invite, Reply> {
    let id = param(params, "invite_id").unwrap_or("");
    let invite = state
        .connect
        .by_id
        .get_mut(id)
        .ok_or_else(|| fail("invite_not_found"))?;
    match invite.stage {
        Stage::Open => return Err(fail("approval_not_found")),
        Stage::Approved if approving => return Err(fail("already_approved")),
        Stage::Approved | Stage::Declined => return Err(fail("approval_inactive")),
        Stage::Accepted => {}
    }
    let target = param(params, "target_team").filter(|t| !t.is_empty());
    match target {
        None if invite.outgoing => Err(fail("missing_target_team")),
        Some(team)
            if invite.accepting_team.as_deref() != Some(team) && team != invite.inviting_team =>
        {
            Err(fail("approval_not_found"))
        }
        _ => Ok(invite),
    }
}

/// `conversations.approveSharedInvite`: approves an accepted invitation; the channel is shared.
pub(crate) fn approve(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    awaiting(state, params, true)?.stage = Stage::Approved;
    Ok(Map::new())
}

/// `conversations.declineSharedInvite`: declines an accepted invitation, for good.
pub(crate) fn decline(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    awaiting(state, params, false)?.stage = Stage::Declined;
    Ok(Map::new())
}

impl crate::Emulator {
    /// Another organization, team `team_id`, invites the workspace to its channel
    /// `channel_name` (Slack's `shared_channel_invite_received` event): answers the invitation's
    /// id (`I...`), which `conversations.listConnectInvites` lists as `incoming` and
    /// `conversations.acceptSharedInvite` accepts. The channel gets a fresh id (`C...`), the one
    /// it keeps once accepted.
    pub fn receive_shared_invite(&self, team_id: &str, channel_name: &str) -> String {
        let mut state = self.shared.lock();
        let channels = &state.workspace.channels;
        let channel_id = state.directory.new_id('C', |id| channels.contains_key(id));
        let invite = Invite {
            id: state.connect.new_id(),
            outgoing: false,
            channel_id,
            channel_name: channel_name.to_owned(),
            is_private: false,
            inviting_team: team_id.to_owned(),
            inviting_user: format!("W0{team_id}"),
            recipient: String::new(),
            accepting_team: None,
            stage: Stage::Open,
            date_created: state.workspace.clock.seconds(),
            external_limited: true,
        };
        let id = invite.id.clone();
        state.connect.by_id.insert(id.clone(), invite);
        id
    }

    /// The other organization, team `team_id`, accepts invitation `invite_id` the workspace
    /// sent (`conversations.inviteShared`): it then waits for approval. `false` when there is no
    /// such invitation, or it is not one the workspace sent and no one accepted yet.
    pub fn accept_shared_invite_as(&self, invite_id: &str, team_id: &str) -> bool {
        let mut state = self.shared.lock();
        match state.connect.by_id.get_mut(invite_id) {
            Some(invite) if invite.outgoing && invite.stage == Stage::Open => {
                invite.stage = Stage::Accepted;
                invite.accepting_team = Some(team_id.to_owned());
                true
            }
            _ => false,
        }
    }

    /// Invitation `invite_id` as `conversations.listConnectInvites` answers it (`direction`,
    /// `status`, `invite`, `channel`, `acceptances` with their `approval_status`), approved and
    /// declined ones included; `None` for an id the emulator never gave.
    pub fn shared_invite(&self, invite_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state.connect.by_id.get(invite_id).map(Invite::to_json)
    }
}

/// How long a member's request waits for an admin before it expires: 14 days, as in Slack's
/// example answer of `conversations.requestSharedInvite.list` (`expires_at` - `date_created`).
const REQUEST_LIFETIME: i64 = 14 * 24 * 60 * 60;

/// The most characters in an approval's or a denial's message (Slack's pages: 560).
const MAX_MESSAGE_CHARS: usize = 560;

/// Where a member's request stands (an open one past `expires_at` is expired).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Review {
    Open,
    Approved,
    Denied,
}

/// A member's request to invite someone outside the organization to a channel.
#[derive(Clone, Debug)]
pub(crate) struct InviteRequest {
    pub(crate) id: String,
    pub(crate) user: String,
    pub(crate) channel_id: String,
    pub(crate) email: String,
    pub(crate) external_limited: bool,
    /// The member's message with the request.
    pub(crate) message: String,
    pub(crate) review: Review,
    pub(crate) date_created: i64,
    pub(crate) date_last_updated: i64,
    pub(crate) expires_at: i64,
    /// The admin who approved or denied it.
    pub(crate) reviewer: Option<String>,
}

impl InviteRequest {
    fn expired(&self, now: i64) -> bool {
        self.review == Review::Open && self.expires_at <= now
    }

    /// The request as `conversations.requestSharedInvite.list` answers it.
    fn to_json(&self, state: &State) -> Value {
        let team = &state.team;
        let mut request = json!({
            "id": self.id,
            "date_created": self.date_created,
            "date_last_updated": self.date_last_updated,
            "expires_at": self.expires_at,
            "inviting_team": {"id": team.id, "name": team.name, "domain": team.domain},
            "inviting_user": {"id": self.user, "team_id": team.id},
            "is_external_limited": self.external_limited,
            "target_user": {"recipient_email": self.email},
        });
        if let Some(channel) = state.workspace.channels.get(&self.channel_id) {
            request["channel"] = json!({
                "id": channel.id,
                "is_im": false,
                "is_private": channel.kind == ChannelKind::Private,
                "name": channel.name,
            });
        }
        let date = match self.review {
            Review::Open => None,
            Review::Approved => Some("date_approved"),
            Review::Denied => Some("date_denied"),
        };
        if let (Some(date), Some(reviewer)) = (date, &self.reviewer) {
            request[date] = json!(self.date_last_updated);
            request["reviewing_user"] = json!({"id": reviewer, "team_id": team.id});
        }
        request
    }
}

/// `conversations.requestSharedInvite.list`: the open requests, and the approved, denied or
/// expired ones asked for, by id, `limit` a page.
pub(crate) fn request_list(state: &mut State, _: &User, params: &[(String, String)]) -> Outcome {
    if let Some(limit) = param(params, "limit").filter(|l| !l.is_empty()) {
        match limit.parse::<u32>() {
            Ok(1..=1000) => {}
            _ => return Err(fail("invalid_arguments")),
        }
    }
    let now = state.workspace.clock.seconds();
    let wanted = |name| truthy(param(params, name));
    let (approved, denied, expired) = (
        wanted("include_approved"),
        wanted("include_denied"),
        wanted("include_expired"),
    );
    let ids: Option<Vec<&str>> = param(params, "invite_ids")
        .filter(|ids| !ids.is_empty())
        .map(|ids| ids.split(',').map(str::trim).collect());
    let user = param(params, "user_id").filter(|u| !u.is_empty());
    let listed: Vec<&InviteRequest> = state
        .connect
        .requests
        .values()
        .filter(|request| match request.review {
            Review::Approved => approved,
            Review::Denied => denied,
            Review::Open => !request.expired(now) || expired,
        })
        .filter(|request| {
            ids.as_ref()
                .is_none_or(|ids| ids.contains(&request.id.as_str()))
        })
        .filter(|request| user.is_none_or(|user| request.user == user))
        .collect();
    let keys: Vec<&str> = listed.iter().map(|request| request.id.as_str()).collect();
    let (range, next) = page(
        "request",
        &keys,
        param(params, "cursor"),
        param(params, "limit"),
        state.workspace.max_page,
    )
    .map_err(|()| fail("invalid_cursor"))?;
    let requests: Vec<Value> = listed[range]
        .iter()
        .map(|request| request.to_json(state))
        .collect();
    let mut data = Map::new();
    data.insert("invite_requests".into(), Value::Array(requests));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// The open request `invite_id` names, for approving or denying it.
fn reviewable<'s>(
    state: &'s mut State,
    params: &[(String, String)],
) -> Result<&'s mut InviteRequest, Reply> {
    let now = state.workspace.clock.seconds();
    let id = param(params, "invite_id").unwrap_or("");
    let request = state
        .connect
        .requests
        .get_mut(id)
        .ok_or_else(|| fail("invite_not_found"))?;
    match request.review {
        Review::Approved => Err(fail("invite_already_approved")),
        Review::Denied => Err(fail("invite_already_denied")),
        Review::Open if request.expired(now) => Err(fail("invite_expired")),
        Review::Open => Ok(request),
    }
}

/// `conversations.requestSharedInvite.approve`: approves an open request and sends the
/// invitation it asks for, which `conversations.listConnectInvites` then lists under the
/// request's id.
pub(crate) fn request_approve(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let (user, channel_id, message) = {
        let request = reviewable(state, params)?;
        (
            request.user.clone(),
            request.channel_id.clone(),
            request.message.clone(),
        )
    };
    if let Some(text) = param(params, "message").filter(|m| !m.is_empty()) {
        let message_json: Value =
            serde_json::from_str(text).map_err(|_| fail("invalid_arguments"))?;
        let (Some(text), Some(replaces)) = (
            message_json.get("text").and_then(Value::as_str),
            message_json.get("is_override").and_then(Value::as_bool),
        ) else {
            return Err(fail("invalid_arguments"));
        };
        let chars = text.chars().count();
        let too_long = if replaces {
            chars > MAX_MESSAGE_CHARS
        } else {
            chars + message.chars().count() >= MAX_MESSAGE_CHARS
        };
        if too_long {
            return Err(fail("message_too_long"));
        }
    }
    let channel_id = param(params, "channel_id")
        .filter(|c| !c.is_empty())
        .map_or(channel_id, str::to_owned);
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .filter(|channel| channel.kind == ChannelKind::Public || channel.members.contains(&user))
        .filter(|channel| matches!(channel.kind, ChannelKind::Public | ChannelKind::Private))
        .ok_or_else(|| fail("channel_not_found"))?;
    let (channel_name, is_private) = (channel.name.clone(), channel.kind == ChannelKind::Private);
    let limited = match param(params, "is_external_limited").filter(|l| !l.is_empty()) {
        None => None,
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        Some(_) => return Err(fail("invalid_arguments")),
    };
    let now = state.workspace.clock.seconds();
    let team = state.team.id.clone();
    let request = reviewable(state, params)?;
    request.review = Review::Approved;
    request.reviewer = Some(caller.spec.id.clone());
    request.date_last_updated = now;
    request.channel_id = channel_id.clone();
    if let Some(limited) = limited {
        request.external_limited = limited;
    }
    let invite = Invite {
        id: request.id.clone(),
        outgoing: true,
        channel_id,
        channel_name,
        is_private,
        inviting_team: team,
        inviting_user: request.user.clone(),
        recipient: request.email.clone(),
        accepting_team: None,
        stage: Stage::Open,
        date_created: now,
        external_limited: request.external_limited,
    };
    let id = invite.id.clone();
    state.connect.by_id.insert(id.clone(), invite);
    let mut data = Map::new();
    data.insert("invite_id".into(), json!(id));
    Ok(data)
}

/// `conversations.requestSharedInvite.deny`: denies an open request; no invitation is sent.
pub(crate) fn request_deny(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    let message = param(params, "message").unwrap_or("");
    if message.chars().count() > MAX_MESSAGE_CHARS {
        return Err(fail("message_too_long"));
    }
    let now = state.workspace.clock.seconds();
    let request = reviewable(state, params)?;
    request.review = Review::Denied;
    request.reviewer = Some(caller.spec.id.clone());
    request.date_last_updated = now;
    let mut data = Map::new();
    data.insert("invite_id".into(), json!(request.id));
    Ok(data)
}

impl crate::Emulator {
    /// Member `user_id` asks, in Slack's client, to invite `email` (someone outside the
    /// organization) to channel `channel_id`, with `message`, as a member who may only post
    /// (`external_limited`): answers the request's id (`I...`), which
    /// `conversations.requestSharedInvite.list` lists until an admin approves or denies it, or
    /// it expires after 14 days.
    pub fn request_shared_invite(
        &self,
        user_id: &str,
        channel_id: &str,
        email: &str,
        message: &str,
    ) -> String {
        let mut state = self.shared.lock();
        let now = state.workspace.clock.seconds();
        let request = InviteRequest {
            id: state.connect.new_id(),
            user: user_id.to_owned(),
            channel_id: channel_id.to_owned(),
            email: email.to_owned(),
            external_limited: true,
            message: message.to_owned(),
            review: Review::Open,
            date_created: now,
            date_last_updated: now,
            expires_at: now + REQUEST_LIFETIME,
            reviewer: None,
        };
        let id = request.id.clone();
        state.connect.requests.insert(id.clone(), request);
        id
    }

    /// Request `request_id` expires now, as it would after 14 days without an admin's review:
    /// `false` when there is no such request or it was already approved or denied.
    pub fn expire_shared_invite_request(&self, request_id: &str) -> bool {
        let mut state = self.shared.lock();
        let now = state.workspace.clock.seconds();
        match state.connect.requests.get_mut(request_id) {
            Some(request) if request.review == Review::Open => {
                request.expires_at = now - 1;
                true
            }
            _ => false,
        }
    }

    /// Request `request_id` as `conversations.requestSharedInvite.list` answers it (with
    /// `date_approved` or `date_denied` and `reviewing_user` once reviewed); `None` for an id
    /// the emulator never gave.
    pub fn shared_invite_request(&self, request_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state
            .connect
            .requests
            .get(request_id)
            .map(|request| request.to_json(&state))
    }
}

impl Invite {
    /// The other organization of an approved invitation: the one that accepted what the
    /// workspace sent, or the one that sent what it accepted.
    fn other_team(&self) -> Option<&str> {
        if self.stage != Stage::Approved {
            return None;
        }
        if self.outgoing {
            self.accepting_team.as_deref()
        } else {
            Some(&self.inviting_team)
        }
    }
}

/// An outside organization the workspace's organization is connected to.
#[derive(Clone, Debug)]
pub(crate) struct ExternalTeam {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) domain: String,
    /// `CONNECTED`, or `DISCONNECTED` once `team.externalTeams.disconnect` ended it.
    pub(crate) status: &'static str,
    pub(crate) last_active: i64,
}

impl Invites {
    /// Whether `team` is connected (an organization never connected is not disconnected).
    fn disconnected(&self, team: &str) -> bool {
        self.teams
            .get(team)
            .is_some_and(|team| team.status == "DISCONNECTED")
    }

    /// The approved invitation that put `team` in `channel`, while `team` is connected.
    fn in_channel(&mut self, channel: &str, team: &str) -> Option<&mut Invite> {
        if self.disconnected(team) {
            return None;
        }
        self.by_id
            .values_mut()
            .find(|invite| invite.channel_id == channel && invite.other_team() == Some(team))
    }
}

impl ExternalTeam {
    /// The organization as `team.externalTeams.list` answers it.
    fn to_json(&self, state: &State) -> Value {
        let shared: Vec<&Invite> = state
            .connect
            .by_id
            .values()
            .filter(|invite| invite.other_team() == Some(self.id.as_str()))
            .collect();
        let private = shared.iter().filter(|invite| invite.is_private).count();
        json!({
            "team_id": self.id,
            "team_name": self.name,
            "team_domain": self.domain,
            "public_channel_count": shared.len() - private,
            "private_channel_count": private,
            "im_channel_count": 0,
            "mpim_channel_count": 0,
            "connected_workspaces": [{"workspace_id": state.team.id, "workspace_name": state.team.name}],
            "slack_connect_prefs": {},
            "connection_status": self.status,
            "last_active_timestamp": self.last_active,
            "is_sponsored": false,
        })
    }
}

/// `conversations.externalInvitePermissions.set`: whether an outside organization's members
/// in a channel may only post (`downgrade`) or also invite others (`upgrade`).
pub(crate) fn invite_permissions_set(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    let limited = match param(params, "action") {
        Some("upgrade") => false,
        Some("downgrade") => true,
        _ => return Err(fail("invalid_action")),
    };
    let channel = param(params, "channel").unwrap_or("");
    if !state.workspace.channels.contains_key(channel) {
        return Err(fail("channel_not_found"));
    }
    let team = param(params, "target_team").unwrap_or("");
    let invite = state
        .connect
        .in_channel(channel, team)
        .ok_or_else(|| fail("invalid_target_team"))?;
    invite.external_limited = limited;
    Ok(Map::new())
}

/// The values Slack's page lists for `slack_connect_pref_filter`.
const CONNECT_PREFS: &[&str] = &[
    "approved_orgs_only",
    "allow_sc_file_uploads",
    "profile_visibility",
    "away_team_sc_invite_permissions",
    "accept_sc_invites",
    "sc_mpdm_to_private",
    "require_sc_channel_for_sc_dm",
    "external_awareness_context_bar",
];

/// `team.externalTeams.list`: the connected organizations, filtered, ordered and paged by team
/// id (the next page's first organization).
pub(crate) fn external_teams_list(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    let given = |name| param(params, name).filter(|value: &&str| !value.is_empty());
    let status = given("connection_status_filter");
    if status.is_some_and(|s| !["CONNECTED", "DISCONNECTED", "BLOCKED", "IN_REVIEW"].contains(&s)) {
        return Err(fail("invalid_arguments"));
    }
    let prefs: Vec<&str> = given("slack_connect_pref_filter")
        .map(|prefs| prefs.split(',').collect())
        .unwrap_or_default();
    if prefs.iter().any(|pref| !CONNECT_PREFS.contains(pref)) {
        return Err(fail("invalid_arguments"));
    }
    let mut on_workspace = true;
    if let Some(workspaces) = given("workspace_filter") {
        let known = |id: &str| {
            id == state.team.id || state.approved_teams.iter().any(|(team, _)| team == id)
        };
        if !workspaces.split(',').all(known) {
            return Err(fail("invalid_workspace_filter"));
        }
        on_workspace = workspaces.split(',').any(|id| id == state.team.id);
    }
    let descending = match given("sort_direction") {
        None | Some("asc") => false,
        Some("desc") => true,
        Some(_) => return Err(fail("invalid_arguments")),
    };
    let mut teams: Vec<&ExternalTeam> = state
        .connect
        .teams
        .values()
        .filter(|team| status.is_none_or(|status| team.status == status))
        // The emulator's organizations override no Slack Connect preference.
        .filter(|_| prefs.is_empty() && on_workspace)
        .collect();
    match given("sort_field") {
        None | Some("team_name") => teams.sort_by(|a, b| a.name.cmp(&b.name)),
        Some("last_active_timestamp") => teams.sort_by_key(|team| team.last_active),
        Some("connection_status") => teams.sort_by_key(|team| team.status),
        Some(_) => return Err(fail("invalid_arguments")),
    }
    if descending {
        teams.reverse();
    }
    let limit = match given("limit") {
        None => 20,
        Some(limit) => match limit.parse::<usize>() {
            Ok(limit) if limit > 0 => limit,
            _ => return Err(fail("invalid_arguments")),
        },
    };
    let start = match given("cursor") {
        None => 0,
        Some(cursor) => teams
            .iter()
            .position(|team| team.id == cursor)
            .ok_or_else(|| fail("invalid_arguments"))?,
    };
    let end = start.saturating_add(limit).min(teams.len());
    let next = teams.get(end).map_or(String::new(), |team| team.id.clone());
    let organizations: Vec<Value> = teams[start..end]
        .iter()
        .map(|team| team.to_json(state))
        .collect();
    let mut data = Map::new();
    data.insert("organizations".into(), Value::Array(organizations));
    data.insert("total_count".into(), json!(teams.len()));
    data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    Ok(data)
}

/// `team.externalTeams.disconnect`: ends the connection with a connected organization.
pub(crate) fn external_teams_disconnect(
    state: &mut State,
    _: &User,
    params: &[(String, String)],
) -> Outcome {
    let id = param(params, "target_team").unwrap_or("");
    if id.is_empty() {
        return Err(fail("missing_argument"));
    }
    let now = state.workspace.clock.seconds();
    match state.connect.teams.get_mut(id) {
        Some(team) if team.status == "CONNECTED" => {
            team.status = "DISCONNECTED";
            team.last_active = now;
            Ok(Map::new())
        }
        _ => Err(fail("invalid_target_team")),
    }
}

impl crate::Emulator {
    /// The workspace's organization is connected, through Slack Connect, to the outside
    /// organization `team_id` named `name` (domain `domain`), which `team.externalTeams.list`
    /// then lists as `CONNECTED` (with the channels approved invitations share with it) and
    /// `team.externalTeams.disconnect` disconnects.
    pub fn connect_external_team(&self, team_id: &str, name: &str, domain: &str) {
        let mut state = self.shared.lock();
        let last_active = state.workspace.clock.seconds();
        let team = ExternalTeam {
            id: team_id.to_owned(),
            name: name.to_owned(),
            domain: domain.to_owned(),
            status: "CONNECTED",
            last_active,
        };
        state.connect.teams.insert(team_id.to_owned(), team);
    }

    /// Organization `team_id` as `team.externalTeams.list` answers it (`connection_status`,
    /// channel counts); `None` for one never connected.
    pub fn external_team(&self, team_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        state
            .connect
            .teams
            .get(team_id)
            .map(|team| team.to_json(&state))
    }

    /// Whether the members of outside organization `team_id` in channel `channel_id` may only
    /// post (`true`, Slack's default for an invitation) or also invite others (`false`,
    /// after `conversations.externalInvitePermissions.set`'s `upgrade`); `None` when the
    /// organization is not in the channel (no approved invitation, or disconnected).
    pub fn external_limited(&self, channel_id: &str, team_id: &str) -> Option<bool> {
        let mut state = self.shared.lock();
        state
            .connect
            .in_channel(channel_id, team_id)
            .map(|invite| invite.external_limited)
    }
}
