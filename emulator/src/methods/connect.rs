//! Slack Connect invitations: `conversations.inviteShared`, `conversations.listConnectInvites`,
//! `conversations.acceptSharedInvite`, `conversations.approveSharedInvite` and
//! `conversations.declineSharedInvite`.
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

/// The invitations, by id (ids sort in the order they were made).
#[derive(Debug, Default)]
pub(crate) struct Invites {
    pub(crate) by_id: BTreeMap<String, Invite>,
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
