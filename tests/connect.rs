//! Slack Connect invitations against the emulator over real HTTP: the workspace invites a
//! person of another organization, who accepts (the emulator's `accept_shared_invite_as`
//! stands for the other side), and an admin approves or declines; an invitation from another
//! organization (`receive_shared_invite`) is accepted into a new channel; pending ones are
//! listed page by page; Slack's errors come back typed; what cannot be sent is refused before
//! sending.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{
    ConversationsAcceptSharedInvite, ConversationsApproveSharedInvite,
    ConversationsDeclineSharedInvite, ConversationsInviteShared, ConversationsListConnectInvites,
};
use slack_methods::{ChannelId, SlackMethod, TeamId, UserId};
use slack_methods_emulator::demo;

const PARTNER: &str = "T0PARTNER1";

fn leads() -> ChannelId {
    ChannelId::new(demo::LEADS).unwrap()
}

fn partner() -> TeamId {
    TeamId::new(PARTNER).unwrap()
}

#[tokio::test]
async fn an_invitation_sent_is_accepted_by_the_other_side_and_approved() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let sent = bot
        .call(&ConversationsInviteShared::email(
            leads(),
            "kim@partner.example",
        ))
        .await
        .unwrap();
    assert_eq!(sent.is_legacy_shared_channel, Some(false));
    let request = &emu.requests_for(ConversationsInviteShared::NAME)[0];
    assert_eq!(request.verb, "POST");
    assert_eq!(request.param("emails"), Some("kim@partner.example"));

    let invite = emu.shared_invite(&sent.invite_id).unwrap();
    assert_eq!(invite["direction"], "outgoing");
    assert_eq!(invite["status"], "sent");
    assert_eq!(invite["channel"]["id"], demo::LEADS);

    // Nobody accepted yet: there is no approval to give.
    let approve = ConversationsApproveSharedInvite::new(&sent.invite_id).target_team(partner());
    assert_eq!(code(bot.call(&approve).await), "approval_not_found");

    assert!(emu.accept_shared_invite_as(&sent.invite_id, PARTNER));
    let invite = emu.shared_invite(&sent.invite_id).unwrap();
    assert_eq!(
        invite["acceptances"][0]["approval_status"],
        "pending_approval"
    );
    // The inviting team names the other party.
    assert_eq!(
        code(
            bot.call(&ConversationsApproveSharedInvite::new(&sent.invite_id))
                .await
        ),
        "missing_target_team"
    );
    bot.call(&approve).await.unwrap();
    let invite = emu.shared_invite(&sent.invite_id).unwrap();
    assert_eq!(invite["acceptances"][0]["approval_status"], "approved");
    assert_eq!(code(bot.call(&approve).await), "already_approved");
    let decline = ConversationsDeclineSharedInvite::new(&sent.invite_id).target_team(partner());
    assert_eq!(code(bot.call(&decline).await), "approval_inactive");
}

#[tokio::test]
async fn an_accepted_invitation_declined_is_over() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let user = UserId::new("W0PARTNER1").unwrap();
    let sent = bot
        .call(&ConversationsInviteShared::user(leads(), user).external_limited(false))
        .await
        .unwrap();
    let request = &emu.requests_for(ConversationsInviteShared::NAME)[0];
    assert_eq!(request.param("user_ids"), Some("W0PARTNER1"));
    assert_eq!(request.param("external_limited"), Some("false"));
    assert!(emu.accept_shared_invite_as(&sent.invite_id, PARTNER));

    let decline = ConversationsDeclineSharedInvite::new(&sent.invite_id).target_team(partner());
    bot.call(&decline).await.unwrap();
    let invite = emu.shared_invite(&sent.invite_id).unwrap();
    assert_eq!(invite["acceptances"][0]["approval_status"], "declined");
    assert_eq!(code(bot.call(&decline).await), "approval_inactive");
    let approve = ConversationsApproveSharedInvite::new(&sent.invite_id).target_team(partner());
    assert_eq!(code(bot.call(&approve).await), "approval_inactive");
}

#[test]
fn declining_is_destructive_and_listing_is_read_only() {
    // (method, writes, destructive, scopes): the names' words say it (`decline`), so no
    // binding overrides them; the scopes are Slack's scope pages'.
    let write = &["conversations.connect:write"][..];
    let manage = &["conversations.connect:manage"][..];
    assert_eq!(
        [
            common::tool_facts::<ConversationsInviteShared>(),
            common::tool_facts::<ConversationsListConnectInvites>(),
            common::tool_facts::<ConversationsAcceptSharedInvite>(),
            common::tool_facts::<ConversationsApproveSharedInvite>(),
            common::tool_facts::<ConversationsDeclineSharedInvite>(),
        ],
        [
            ("conversations.inviteShared", true, false, write),
            ("conversations.listConnectInvites", false, false, manage),
            ("conversations.acceptSharedInvite", true, false, write),
            ("conversations.approveSharedInvite", true, false, manage),
            ("conversations.declineSharedInvite", true, true, manage),
        ]
    );
}

#[tokio::test]
async fn an_invitation_received_is_accepted_into_a_new_channel() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let invite = emu.receive_shared_invite(PARTNER, "deals");

    let accepted = bot
        .call(&ConversationsAcceptSharedInvite::invite("partner-deals", &invite).private())
        .await
        .unwrap();
    assert_eq!(accepted.invite_id.as_deref(), Some(invite.as_str()));
    assert_eq!(accepted.implicit_approval, Some(false));
    let shown = emu.shared_invite(&invite).unwrap();
    assert_eq!(shown["direction"], "incoming");
    assert_eq!(shown["channel"]["id"], accepted.channel_id.as_str());
    assert_eq!(
        shown["acceptances"][0]["approval_status"],
        "pending_approval"
    );

    let again = ConversationsAcceptSharedInvite::invite("partner-deals-2", &invite);
    assert_eq!(code(bot.call(&again).await), "invite_used");
    // The workspace's admin approves what it received; no target team is needed.
    bot.call(&ConversationsApproveSharedInvite::new(&invite))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_invitation_is_accepted_by_its_channel_id() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let invite = emu.receive_shared_invite(PARTNER, "support");
    let channel = emu.shared_invite(&invite).unwrap()["channel"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let accept = ConversationsAcceptSharedInvite::channel(
        "partner-support",
        ChannelId::new(&channel).unwrap(),
    );
    let accepted = bot.call(&accept).await.unwrap();
    assert_eq!(accepted.channel_id.as_str(), channel);
    let request = &emu.requests_for(ConversationsAcceptSharedInvite::NAME)[0];
    assert_eq!(request.param("channel_id"), Some(channel.as_str()));
    assert_eq!(request.param("invite_id"), None);
}

#[tokio::test]
async fn accepting_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let unknown = ConversationsAcceptSharedInvite::invite("x", "I0NOSUCH01");
    assert_eq!(code(bot.call(&unknown).await), "invite_not_found");

    let invite = emu.receive_shared_invite(PARTNER, "deals");
    let taken = ConversationsAcceptSharedInvite::invite("general", &invite);
    assert_eq!(code(bot.call(&taken).await), "name_taken");
    let bad = ConversationsAcceptSharedInvite::invite("Big Deals", &invite);
    assert_eq!(code(bot.call(&bad).await), "invalid_name_specials");
    let elsewhere = ConversationsAcceptSharedInvite::invite("deals", &invite)
        .in_team(TeamId::new("T0NOWHERE1").unwrap());
    assert_eq!(code(bot.call(&elsewhere).await), "team_not_found");

    let ours = bot
        .call(&ConversationsInviteShared::email(
            leads(),
            "kim@partner.example",
        ))
        .await
        .unwrap();
    let own = ConversationsAcceptSharedInvite::invite("own", &ours.invite_id);
    assert_eq!(code(bot.call(&own).await), "invite_from_same_org");
}

#[tokio::test]
async fn inviting_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let to = |channel: &str, email: &str| {
        ConversationsInviteShared::email(ChannelId::new(channel).unwrap(), email)
    };
    assert_eq!(
        code(bot.call(&to("C0NOSUCH01", "kim@partner.example")).await),
        "channel_not_found"
    );
    assert_eq!(
        code(bot.call(&to(demo::GENERAL, "kim@partner.example")).await),
        "cannot_share_mandatory_channel"
    );
    // The bot is not in #random.
    assert_eq!(
        code(bot.call(&to(demo::RANDOM, "kim@partner.example")).await),
        "not_in_channel"
    );
    assert_eq!(
        code(bot.call(&to(demo::LEADS, "not-an-email")).await),
        "invalid_email"
    );
    let member = ConversationsInviteShared::user(leads(), UserId::new(demo::ADA).unwrap());
    assert_eq!(code(bot.call(&member).await), "already_in_channel");
    // A token without `conversations.connect:write`.
    emu.add_token("xoxb-no-connect", demo::BOT, &["channels:read"]);
    let plain = client(&emu, "xoxb-no-connect");
    assert_eq!(
        code(plain.call(&to(demo::LEADS, "kim@partner.example")).await),
        "missing_scope"
    );
}

#[tokio::test]
async fn approving_or_declining_an_unknown_invitation_is_not_found() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    assert_eq!(
        code(
            bot.call(&ConversationsApproveSharedInvite::new("I0NOSUCH01"))
                .await
        ),
        "invite_not_found"
    );
    assert_eq!(
        code(
            bot.call(&ConversationsDeclineSharedInvite::new("I0NOSUCH01"))
                .await
        ),
        "invite_not_found"
    );
    let sent = bot
        .call(&ConversationsInviteShared::email(
            leads(),
            "kim@partner.example",
        ))
        .await
        .unwrap();
    assert!(emu.accept_shared_invite_as(&sent.invite_id, PARTNER));
    let stranger = ConversationsApproveSharedInvite::new(&sent.invite_id)
        .target_team(TeamId::new("T0STRANGE1").unwrap());
    assert_eq!(code(bot.call(&stranger).await), "approval_not_found");
}

#[tokio::test]
async fn pending_invitations_are_listed_page_by_page() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(emu.receive_shared_invite(PARTNER, &format!("shared-{n}")));
    }
    let sent = bot
        .call(&ConversationsInviteShared::email(
            leads(),
            "kim@partner.example",
        ))
        .await
        .unwrap();
    ids.push(sent.invite_id.clone());
    // An approved invitation is no longer pending.
    let done = emu.receive_shared_invite(PARTNER, "done");
    bot.call(&ConversationsAcceptSharedInvite::invite("done", &done))
        .await
        .unwrap();
    bot.call(&ConversationsApproveSharedInvite::new(&done))
        .await
        .unwrap();

    let list = ConversationsListConnectInvites::new().count(2);
    let first = bot.call(&list).await.unwrap();
    assert_eq!(first.invites.len(), 2);
    assert!(first.response_metadata.is_some());
    let request = &emu.requests_for(ConversationsListConnectInvites::NAME)[0];
    assert_eq!(request.param("count"), Some("2"));

    let all: Vec<_> = bot.items(&list).try_collect().await.unwrap();
    let listed: Vec<String> = all
        .iter()
        .map(|item| item.parsed().unwrap().invite.clone().unwrap().id)
        .collect();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(listed, expected);
    let directions: Vec<String> = all
        .iter()
        .map(|item| item.parsed().unwrap().direction.clone())
        .collect();
    assert_eq!(directions.iter().filter(|d| *d == "outgoing").count(), 1);
    assert_eq!(emu.applied_writes(ConversationsListConnectInvites::NAME), 0);
}

#[tokio::test]
async fn what_slack_would_refuse_is_refused_before_sending() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut nobody = ConversationsInviteShared::email(leads(), "kim@partner.example");
    nobody.emails = None;
    assert!(refused(bot.call(&nobody).await).contains("`emails` or `user_ids`"));
    let mut two = ConversationsInviteShared::email(leads(), "kim@partner.example");
    two.emails = Some(vec![
        "kim@partner.example".into(),
        "lee@partner.example".into(),
    ]);
    assert!(refused(bot.call(&two).await).contains("only one email or one user id"));
    let mut both = ConversationsInviteShared::user(leads(), UserId::new("W0PARTNER1").unwrap());
    both.emails = Some(vec!["kim@partner.example".into()]);
    assert!(refused(bot.call(&both).await).contains("only one email or one user id"));
    // One string holding two emails goes out as Slack's list of two; a blank one as none.
    let joined =
        ConversationsInviteShared::email(leads(), "kim@partner.example,lee@partner.example");
    assert!(refused(bot.call(&joined).await).contains("only one email or one user id"));
    let blank = ConversationsInviteShared::email(leads(), " ");
    assert!(refused(bot.call(&blank).await).contains("`emails` or `user_ids`"));
    let trailing = ConversationsInviteShared::email(leads(), "kim@partner.example,");
    assert!(refused(bot.call(&trailing).await).contains("blank entry"));
    let mut beside = ConversationsInviteShared::email(leads(), "kim@partner.example");
    beside.emails = Some(vec!["kim@partner.example".into(), String::new()]);
    assert!(refused(bot.call(&beside).await).contains("blank entry"));

    let mut neither = ConversationsAcceptSharedInvite::invite("deals", "I0139HVDSDQ");
    neither.invite_id = None;
    assert!(refused(bot.call(&neither).await).contains("`invite_id` or `channel_id`"));
    let blank = ConversationsAcceptSharedInvite::invite("deals", " ");
    assert!(refused(bot.call(&blank).await).contains("`invite_id` or `channel_id`"));
    assert!(emu.requests_for(ConversationsInviteShared::NAME).is_empty());
    assert!(emu
        .requests_for(ConversationsAcceptSharedInvite::NAME)
        .is_empty());
}
