//! Connected organizations against the emulator over real HTTP: an outside organization's
//! members in a shared channel upgraded to invite others and downgraded to post only; the
//! organizations connected (the emulator's `connect_external_team` stands for a connection made
//! in Slack) listed page by page, filtered and ordered; one disconnected, after which it is no
//! longer in its channels; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{
    ConnectionStatus, ConversationsAcceptSharedInvite, ConversationsApproveSharedInvite,
    ConversationsExternalInvitePermissionsSet, ConversationsInviteShared, ExternalInviteAction,
    ExternalTeamsSort, SlackConnectPref, SortDirection, TeamExternalTeamsDisconnect,
    TeamExternalTeamsList,
};
use slack_methods::{ChannelId, Client, SlackMethod, TeamId};
use slack_methods_emulator::{demo, Emulator};

const PARTNER: &str = "T0PARTNER1";

fn team(id: &str) -> TeamId {
    TeamId::new(id).unwrap()
}

fn leads() -> ChannelId {
    ChannelId::new(demo::LEADS).unwrap()
}

/// `#leads` shared with `PARTNER`: the workspace invites, the partner accepts, the bot
/// approves.
async fn share_leads(emu: &Emulator, bot: &Client) {
    let sent = bot
        .call(&ConversationsInviteShared::email(
            leads(),
            "kim@partner.example",
        ))
        .await
        .unwrap();
    assert!(emu.accept_shared_invite_as(&sent.invite_id, PARTNER));
    bot.call(&ConversationsApproveSharedInvite::new(&sent.invite_id).target_team(team(PARTNER)))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_outside_organization_is_upgraded_and_downgraded_in_a_channel() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    share_leads(&emu, &bot).await;
    assert_eq!(emu.external_limited(demo::LEADS, PARTNER), Some(true));

    let set =
        |action| ConversationsExternalInvitePermissionsSet::new(leads(), team(PARTNER), action);
    bot.call(&set(ExternalInviteAction::Upgrade)).await.unwrap();
    assert_eq!(emu.external_limited(demo::LEADS, PARTNER), Some(false));
    let sent = &emu.requests_for(ConversationsExternalInvitePermissionsSet::NAME)[0];
    assert_eq!(sent.param("action"), Some("upgrade"));
    assert_eq!(sent.param("target_team"), Some(PARTNER));
    bot.call(&set(ExternalInviteAction::Downgrade))
        .await
        .unwrap();
    assert_eq!(emu.external_limited(demo::LEADS, PARTNER), Some(true));
}

#[tokio::test]
async fn setting_permissions_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    share_leads(&emu, &bot).await;
    let nowhere = ConversationsExternalInvitePermissionsSet::new(
        ChannelId::new("C0NOSUCH01").unwrap(),
        team(PARTNER),
        ExternalInviteAction::Upgrade,
    );
    assert_eq!(code(bot.call(&nowhere).await), "channel_not_found");
    // The partner is not in #general, and a stranger in no channel.
    let general = ConversationsExternalInvitePermissionsSet::new(
        ChannelId::new(demo::GENERAL).unwrap(),
        team(PARTNER),
        ExternalInviteAction::Upgrade,
    );
    assert_eq!(code(bot.call(&general).await), "invalid_target_team");
    let stranger = ConversationsExternalInvitePermissionsSet::new(
        leads(),
        team("T0STRANGE1"),
        ExternalInviteAction::Upgrade,
    );
    assert_eq!(code(bot.call(&stranger).await), "invalid_target_team");
    // An invitation received and accepted but not approved shares nothing yet.
    let invite = emu.receive_shared_invite("T0OTHER001", "other");
    let accepted = bot
        .call(&ConversationsAcceptSharedInvite::invite(
            "other-deals",
            &invite,
        ))
        .await
        .unwrap();
    let pending = ConversationsExternalInvitePermissionsSet::new(
        accepted.channel_id.clone(),
        team("T0OTHER001"),
        ExternalInviteAction::Upgrade,
    );
    assert_eq!(code(bot.call(&pending).await), "invalid_target_team");
    bot.call(&ConversationsApproveSharedInvite::new(&invite))
        .await
        .unwrap();
    bot.call(&pending).await.unwrap();
    assert_eq!(
        emu.external_limited(accepted.channel_id.as_str(), "T0OTHER001"),
        Some(false)
    );
}

#[test]
fn setting_and_disconnecting_are_destructive_and_listing_is_read_only() {
    // (method, writes, destructive, scopes): `set` and `disconnect` are destructive words.
    let manage = &["conversations.connect:manage"][..];
    assert_eq!(
        [
            common::tool_facts::<ConversationsExternalInvitePermissionsSet>(),
            common::tool_facts::<TeamExternalTeamsList>(),
            common::tool_facts::<TeamExternalTeamsDisconnect>(),
        ],
        [
            (
                "conversations.externalInvitePermissions.set",
                true,
                true,
                manage
            ),
            ("team.externalTeams.list", false, false, manage),
            ("team.externalTeams.disconnect", true, true, manage),
        ]
    );
}

async fn listed(bot: &Client, list: &TeamExternalTeamsList) -> Vec<String> {
    let all: Vec<_> = bot.items(list).try_collect().await.unwrap();
    all.iter()
        .map(|item| item.parsed().unwrap().team_id.as_str().to_owned())
        .collect()
}

#[tokio::test]
async fn connected_organizations_are_listed_page_by_page() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for (id, name) in [
        ("T0ORGC0001", "Cobalt"),
        ("T0ORGA0001", "Amber"),
        ("T0ORGD0001", "Dune"),
        ("T0ORGB0001", "Birch"),
    ] {
        emu.connect_external_team(id, name, &name.to_lowercase());
    }
    emu.connect_external_team(PARTNER, "Partner", "partner");
    share_leads(&emu, &bot).await;

    let list = TeamExternalTeamsList::new().limit(2);
    let first = bot.call(&list).await.unwrap();
    assert_eq!(first.organizations.len(), 2);
    assert_eq!(first.total_count, Some(5));
    assert_eq!(
        emu.requests_for(TeamExternalTeamsList::NAME)[0].param("limit"),
        Some("2")
    );
    // By name unless told otherwise, then the other way round.
    let by_name = [
        "T0ORGA0001",
        "T0ORGB0001",
        "T0ORGC0001",
        "T0ORGD0001",
        PARTNER,
    ];
    assert_eq!(listed(&bot, &list).await, by_name);
    let reversed = list
        .clone()
        .sorted_by(ExternalTeamsSort::TeamName, SortDirection::Desc);
    let mut backwards = by_name.to_vec();
    backwards.reverse();
    assert_eq!(listed(&bot, &reversed).await, backwards);

    let partner = emu.external_team(PARTNER).unwrap();
    assert_eq!(partner["private_channel_count"], 1);
    assert_eq!(partner["connection_status"], "CONNECTED");
    let shown = first.organizations.items()[0].parsed().unwrap().clone();
    assert_eq!(shown.team_name.as_deref(), Some("Amber"));
    assert_eq!(shown.team_domain.as_deref(), Some("amber"));

    // Disconnected: listed with its status, and no longer in #leads.
    bot.call(&TeamExternalTeamsDisconnect::new(team(PARTNER)))
        .await
        .unwrap();
    assert_eq!(
        emu.external_team(PARTNER).unwrap()["connection_status"],
        "DISCONNECTED"
    );
    assert_eq!(emu.external_limited(demo::LEADS, PARTNER), None);
    let gone = TeamExternalTeamsList::new().status(ConnectionStatus::Disconnected);
    assert_eq!(listed(&bot, &gone).await, [PARTNER]);
    let still = TeamExternalTeamsList::new().status(ConnectionStatus::Connected);
    assert_eq!(listed(&bot, &still).await.len(), 4);
    let by_status = TeamExternalTeamsList::new()
        .sorted_by(ExternalTeamsSort::ConnectionStatus, SortDirection::Desc);
    assert_eq!(listed(&bot, &by_status).await[0], PARTNER);

    // The organizations are connected on the emulator's workspace, and override no preference.
    let here = TeamExternalTeamsList::new().on_workspaces([team(&emu.team_id())]);
    assert_eq!(listed(&bot, &here).await.len(), 5);
    let prefs = TeamExternalTeamsList::new().overriding([SlackConnectPref::AcceptScInvites]);
    assert!(listed(&bot, &prefs).await.is_empty());
    assert_eq!(
        emu.requests_for(TeamExternalTeamsList::NAME)
            .last()
            .unwrap()
            .param("slack_connect_pref_filter"),
        Some("accept_sc_invites")
    );
    assert_eq!(emu.applied_writes(TeamExternalTeamsList::NAME), 0);
}

#[tokio::test]
async fn listing_and_disconnecting_answer_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    emu.connect_external_team(PARTNER, "Partner", "partner");
    let elsewhere = TeamExternalTeamsList::new().on_workspaces([team("T0NOWHERE1")]);
    assert_eq!(code(bot.call(&elsewhere).await), "invalid_workspace_filter");
    let lost = TeamExternalTeamsList::new().cursor("T0NOSUCH01");
    assert_eq!(code(bot.call(&lost).await), "invalid_arguments");

    let stranger = TeamExternalTeamsDisconnect::new(team("T0STRANGE1"));
    assert_eq!(code(bot.call(&stranger).await), "invalid_target_team");
    let partner = TeamExternalTeamsDisconnect::new(team(PARTNER));
    bot.call(&partner).await.unwrap();
    assert_eq!(code(bot.call(&partner).await), "invalid_target_team");

    emu.add_token("xoxb-no-connect", demo::BOT, &["team:read"]);
    let plain = client(&emu, "xoxb-no-connect");
    assert_eq!(
        code(plain.call(&TeamExternalTeamsList::new()).await),
        "missing_scope"
    );
}

#[tokio::test]
async fn an_empty_filter_is_refused_before_sending() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    emu.connect_external_team(PARTNER, "Partner", "partner");
    // Sent, either would be no filter and list every organization.
    let no_workspace = TeamExternalTeamsList::new().on_workspaces([]);
    assert!(refused(bot.call(&no_workspace).await).contains("`workspace_filter` is empty"));
    let no_pref = TeamExternalTeamsList::new().overriding([]);
    assert!(refused(bot.call(&no_pref).await).contains("`slack_connect_pref_filter` is empty"));
    assert!(emu.requests_for(TeamExternalTeamsList::NAME).is_empty());
    let one_pref = TeamExternalTeamsList::new().overriding([SlackConnectPref::AcceptScInvites]);
    bot.call(&one_pref).await.unwrap();
}
