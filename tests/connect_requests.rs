//! Slack Connect invitation requests against the emulator over real HTTP: a member asks to
//! invite someone outside (the emulator's `request_shared_invite` stands for the member asking
//! in Slack's client), an admin lists the requests page by page and approves one, which sends
//! the invitation, or denies it; reviewed and expired requests are listed only when asked for;
//! Slack's errors come back typed; what Slack's pages refuse is refused before sending.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::connect::MAX_INVITE_MESSAGE_CHARS;
use slack_methods::methods::{
    ApprovalMessage, ConversationsListConnectInvites, ConversationsRequestSharedInviteApprove,
    ConversationsRequestSharedInviteDeny, ConversationsRequestSharedInviteList,
};
use slack_methods::{ChannelId, SlackMethod, UserId};
use slack_methods_emulator::demo;

const KIM: &str = "kim@partner.example";

#[tokio::test]
async fn an_approved_request_sends_the_invitation() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let asked = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "our partner on deals");

    let listed = bot
        .call(&ConversationsRequestSharedInviteList::new())
        .await
        .unwrap();
    let request = listed.invite_requests.items()[0].parsed().unwrap().clone();
    assert_eq!(request.id, asked);
    assert_eq!(request.is_external_limited, Some(true));
    assert_eq!(request.target_user.unwrap()["recipient_email"], KIM);
    assert_eq!(request.inviting_user.unwrap()["id"], demo::ADA);
    assert_eq!(request.channel.unwrap()["id"], demo::LEADS);
    let expires = request.expires_at.unwrap() - request.date_created.unwrap();
    assert_eq!(expires, 14 * 24 * 60 * 60);

    let approve = ConversationsRequestSharedInviteApprove::new(&asked)
        .external_limited(false)
        .message(ApprovalMessage::appended("Welcome"));
    let approved = bot.call(&approve).await.unwrap();
    assert_eq!(approved.invite_id.as_deref(), Some(asked.as_str()));
    let sent = &emu.requests_for(ConversationsRequestSharedInviteApprove::NAME)[0];
    assert_eq!(sent.param("is_external_limited"), Some("false"));
    assert_eq!(
        sent.param("message"),
        Some(r#"{"text":"Welcome","is_override":false}"#)
    );

    // The invitation is sent: it waits for the other side like one from inviteShared.
    let invite = emu.shared_invite(&asked).unwrap();
    assert_eq!(invite["direction"], "outgoing");
    assert_eq!(invite["status"], "sent");
    assert_eq!(invite["invite"]["recipient"], KIM);
    let pending = bot
        .call(&ConversationsListConnectInvites::new())
        .await
        .unwrap();
    assert_eq!(pending.invites.len(), 1);

    let shown = emu.shared_invite_request(&asked).unwrap();
    assert_eq!(shown["is_external_limited"], false);
    assert_eq!(shown["reviewing_user"]["id"], demo::BOT);
    assert!(shown.get("date_approved").is_some());
    // Reviewed: no longer listed unless asked for, and not reviewed again.
    let open = bot
        .call(&ConversationsRequestSharedInviteList::new())
        .await
        .unwrap();
    assert!(open.invite_requests.is_empty());
    assert_eq!(code(bot.call(&approve).await), "invite_already_approved");
    let deny = ConversationsRequestSharedInviteDeny::new(&asked);
    assert_eq!(code(bot.call(&deny).await), "invite_already_approved");
}

#[tokio::test]
async fn a_denied_request_sends_nothing() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let asked = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "");
    let deny = ConversationsRequestSharedInviteDeny::new(&asked).message("Not this quarter");
    let denied = bot.call(&deny).await.unwrap();
    assert_eq!(denied.invite_id.as_deref(), Some(asked.as_str()));
    assert_eq!(
        emu.requests_for(ConversationsRequestSharedInviteDeny::NAME)[0].param("message"),
        Some("Not this quarter")
    );
    assert!(emu.shared_invite(&asked).is_none());
    assert!(emu
        .shared_invite_request(&asked)
        .unwrap()
        .get("date_denied")
        .is_some());
    assert_eq!(code(bot.call(&deny).await), "invite_already_denied");
    let approve = ConversationsRequestSharedInviteApprove::new(&asked);
    assert_eq!(code(bot.call(&approve).await), "invite_already_denied");
}

#[test]
fn denying_is_destructive_and_listing_is_read_only() {
    // (method, writes, destructive, scopes): `deny` is a destructive word of the name.
    let manage = &["conversations.connect:manage"][..];
    assert_eq!(
        [
            common::tool_facts::<ConversationsRequestSharedInviteList>(),
            common::tool_facts::<ConversationsRequestSharedInviteApprove>(),
            common::tool_facts::<ConversationsRequestSharedInviteDeny>(),
        ],
        [
            (
                "conversations.requestSharedInvite.list",
                false,
                false,
                manage
            ),
            (
                "conversations.requestSharedInvite.approve",
                true,
                false,
                manage
            ),
            ("conversations.requestSharedInvite.deny", true, true, manage),
        ]
    );
}

#[tokio::test]
async fn requests_are_listed_page_by_page_with_their_filters() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut open = Vec::new();
    for n in 0..4 {
        let email = format!("guest{n}@partner.example");
        open.push(emu.request_shared_invite(demo::ADA, demo::LEADS, &email, ""));
    }
    let grace = emu.request_shared_invite(demo::GRACE, demo::RANDOM, KIM, "");
    open.push(grace.clone());
    let denied = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "");
    bot.call(&ConversationsRequestSharedInviteDeny::new(&denied))
        .await
        .unwrap();
    let approved = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "");
    bot.call(&ConversationsRequestSharedInviteApprove::new(&approved))
        .await
        .unwrap();
    let expired = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "");
    assert!(emu.expire_shared_invite_request(&expired));
    assert!(!emu.expire_shared_invite_request(&approved));

    let ids = |list: &ConversationsRequestSharedInviteList| {
        let bot = bot.clone();
        let list = list.clone();
        async move {
            let all: Vec<_> = bot.items(&list).try_collect().await.unwrap();
            all.iter()
                .map(|item| item.parsed().unwrap().id.clone())
                .collect::<Vec<_>>()
        }
    };
    let list = ConversationsRequestSharedInviteList::new().limit(2);
    let first = bot.call(&list).await.unwrap();
    assert_eq!(first.invite_requests.len(), 2);
    assert_eq!(
        emu.requests_for(ConversationsRequestSharedInviteList::NAME)[0].param("limit"),
        Some("2")
    );
    // Ordered by id, the reviewed and expired ones left out.
    assert_eq!(ids(&list).await, open);
    let everything = list.clone().with_approved().with_denied().with_expired();
    assert_eq!(ids(&everything).await.len(), 8);
    assert_eq!(ids(&list.clone().with_denied()).await.len(), open.len() + 1);
    let by_grace = list.clone().by_user(UserId::new(demo::GRACE).unwrap());
    assert_eq!(ids(&by_grace).await, [grace.as_str()]);
    let looked_up = list.clone().ids([denied.as_str(), grace.as_str()]);
    assert_eq!(ids(&looked_up).await, [grace.as_str()]);
    assert_eq!(
        ids(&looked_up.with_denied()).await,
        [grace.clone(), denied.clone()]
    );
    assert_eq!(
        emu.applied_writes(ConversationsRequestSharedInviteList::NAME),
        0
    );
    let lost = ConversationsRequestSharedInviteList::new().cursor("not-a-cursor");
    assert_eq!(code(bot.call(&lost).await), "invalid_cursor");
}

#[tokio::test]
async fn reviewing_answers_slack_s_errors() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let unknown = ConversationsRequestSharedInviteApprove::new("I0NOSUCH01");
    assert_eq!(code(bot.call(&unknown).await), "invite_not_found");
    let unknown = ConversationsRequestSharedInviteDeny::new("I0NOSUCH01");
    assert_eq!(code(bot.call(&unknown).await), "invite_not_found");

    let expired = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, "");
    emu.expire_shared_invite_request(&expired);
    let approve = ConversationsRequestSharedInviteApprove::new(&expired);
    assert_eq!(code(bot.call(&approve).await), "invite_expired");
    let deny = ConversationsRequestSharedInviteDeny::new(&expired);
    assert_eq!(code(bot.call(&deny).await), "invite_expired");

    // Grace asked for #random; #leads (private, without her) is not hers to see.
    let grace = emu.request_shared_invite(demo::GRACE, demo::RANDOM, KIM, "");
    let elsewhere = ConversationsRequestSharedInviteApprove::new(&grace)
        .to_channel(ChannelId::new(demo::LEADS).unwrap());
    assert_eq!(code(bot.call(&elsewhere).await), "channel_not_found");
    let nowhere = ConversationsRequestSharedInviteApprove::new(&grace)
        .to_channel(ChannelId::new("C0NOSUCH01").unwrap());
    assert_eq!(code(bot.call(&nowhere).await), "channel_not_found");

    // The member's message and the admin's appended text together stay under 560.
    let long = emu.request_shared_invite(demo::ADA, demo::LEADS, KIM, &"a".repeat(500));
    let appended = ConversationsRequestSharedInviteApprove::new(&long)
        .message(ApprovalMessage::appended("b".repeat(60)));
    assert_eq!(code(bot.call(&appended).await), "message_too_long");
    let replacing = ConversationsRequestSharedInviteApprove::new(&long)
        .message(ApprovalMessage::replacing("b".repeat(60)));
    bot.call(&replacing).await.unwrap();

    emu.add_token("xoxb-no-connect", demo::BOT, &["channels:read"]);
    let plain = client(&emu, "xoxb-no-connect");
    assert_eq!(
        code(
            plain
                .call(&ConversationsRequestSharedInviteList::new())
                .await
        ),
        "missing_scope"
    );
}

#[tokio::test]
async fn what_slack_would_refuse_is_refused_before_sending() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let none = ConversationsRequestSharedInviteList::new().limit(0);
    assert!(refused(bot.call(&none).await).contains("`limit` is 0"));
    let many = ConversationsRequestSharedInviteList::new().limit(1001);
    assert!(refused(bot.call(&many).await).contains("at most 1000"));
    // An empty filter would go out as none, and list every request.
    let unfiltered = ConversationsRequestSharedInviteList::new().ids(Vec::<String>::new());
    assert!(refused(bot.call(&unfiltered).await).contains("`invite_ids` is empty"));

    let too_long = "x".repeat(MAX_INVITE_MESSAGE_CHARS + 1);
    let approve = ConversationsRequestSharedInviteApprove::new("I012345ABCD")
        .message(ApprovalMessage::replacing(too_long.clone()));
    assert!(refused(bot.call(&approve).await).contains("at most 560"));
    let deny = ConversationsRequestSharedInviteDeny::new("I012345ABCD").message(too_long);
    assert!(refused(bot.call(&deny).await).contains("at most 560"));
    // Added after the member's message, the two must be fewer than 560: 560 alone is too many.
    let appended = ConversationsRequestSharedInviteApprove::new("I012345ABCD").message(
        ApprovalMessage::appended("x".repeat(MAX_INVITE_MESSAGE_CHARS)),
    );
    assert!(refused(bot.call(&appended).await).contains("fewer than 560"));
    // 560 characters, however many bytes, go out.
    let full = ConversationsRequestSharedInviteDeny::new("I0NOSUCH01")
        .message("é".repeat(MAX_INVITE_MESSAGE_CHARS));
    assert_eq!(code(bot.call(&full).await), "invite_not_found");

    assert!(emu
        .requests_for(ConversationsRequestSharedInviteList::NAME)
        .is_empty());
    assert!(emu
        .requests_for(ConversationsRequestSharedInviteApprove::NAME)
        .is_empty());
    assert_eq!(
        emu.requests_for(ConversationsRequestSharedInviteDeny::NAME)
            .len(),
        1
    );
}
