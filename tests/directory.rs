//! The directory bindings (conversations, users, team, user groups) through the `Client`, over
//! real HTTP on loopback, against the emulator's demo workspace.

use futures_util::TryStreamExt;
use slack_methods::methods::{
    ConversationType, ConversationsCreate, ConversationsInfo, ConversationsInvite,
    ConversationsJoin, ConversationsList, ConversationsMembers, ConversationsOpen, TeamInfo,
    UsergroupResponse, UsergroupsCreate, UsergroupsDisable, UsergroupsEnable, UsergroupsList,
    UsergroupsUpdate, UsergroupsUsersList, UsergroupsUsersUpdate, UsersConversations,
    UsersGetPresence, UsersInfo, UsersList, UsersLookupByEmail, UsersSetPresence,
};
use slack_methods::types::{Conversation, ConversationKind, Item, Presence, User};
use slack_methods::{
    slack_method, ChannelId, Client, Error, ErrorCode, TeamId, UserId, UsergroupId,
};
use slack_methods_emulator::{demo, ChannelSpec, Emulator, UserSpec};
use std::collections::BTreeSet;

mod common;

use common::unpaced_client as client;

/// Grace's own token (the demo has tokens for the bot and Ada only).
const GRACE_TOKEN: &str = "xoxp-emulated-grace";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(GRACE_TOKEN, demo::GRACE, demo::SCOPES);
    emu
}

fn api_code<T: std::fmt::Debug>(result: Result<T, Error>) -> ErrorCode {
    match result {
        Err(Error::Api(api)) => api.code,
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

fn parsed<T: std::fmt::Debug>(items: Vec<Item<T>>) -> Vec<T> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Parsed(value) => value,
            Item::Unparsed(odd) => panic!("an element did not parse: {odd:?}"),
        })
        .collect()
}

async fn all_channels(client: &Client, list: &ConversationsList) -> Vec<Conversation> {
    parsed(client.items(list).try_collect().await.unwrap())
}

#[tokio::test]
async fn conversations_list_crosses_pages_and_sees_what_the_caller_may_see() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);

    let public = all_channels(&bot, &ConversationsList::new()).await;
    assert_eq!(public.len(), 2 + demo::PROJECTS);
    assert!(public
        .iter()
        .all(|c| c.kind() == ConversationKind::PublicChannel));
    let names: BTreeSet<&str> = public.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains("general") && names.contains("random") && names.contains("project-24"));
    assert!(!names.contains("leads"));
    // The demo's pages hold 10 channels: listing took three calls.
    assert_eq!(emu.requests_for("conversations.list").len(), 3);
    let general = public.iter().find(|c| c.id == demo::GENERAL).unwrap();
    assert!(general.is_general && general.is_member);
    assert_eq!(general.num_members, Some(4));
    assert_eq!(
        general.topic.as_ref().unwrap().value,
        "Company-wide announcements"
    );
    let random = public.iter().find(|c| c.id == demo::RANDOM).unwrap();
    assert!(!random.is_member, "the bot is not in #random");

    // Private channels: the bot is in #leads, Grace is not.
    let both = ConversationsList::new().types([
        ConversationType::PublicChannel,
        ConversationType::PrivateChannel,
    ]);
    let with_private = all_channels(&bot, &both).await;
    assert_eq!(with_private.len(), 3 + demo::PROJECTS);
    let leads = with_private.iter().find(|c| c.id == demo::LEADS).unwrap();
    assert_eq!(leads.kind(), ConversationKind::PrivateChannel);
    let grace = client(&emu, GRACE_TOKEN);
    let hers = all_channels(&grace, &both).await;
    assert_eq!(hers.len(), 2 + demo::PROJECTS);
    assert!(hers.iter().all(|c| c.id != demo::LEADS));

    // Archived channels are left out on request.
    emu.add_channel(ChannelSpec::new("C0OLDPROJ1", "old-project").archived());
    assert_eq!(
        all_channels(&bot, &ConversationsList::new()).await.len(),
        3 + demo::PROJECTS
    );
    let current = all_channels(&bot, &ConversationsList::new().exclude_archived()).await;
    assert_eq!(current.len(), 2 + demo::PROJECTS);
}

#[tokio::test]
async fn conversations_list_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let code = api_code(
        bot.call(&ConversationsList::new().cursor("not-a-cursor"))
            .await,
    );
    assert_eq!(code, ErrorCode::InvalidCursor);
    // More than 1000 a page is refused before sending.
    match bot.call(&ConversationsList::new().limit(1001)).await {
        Err(Error::InvalidRequest {
            method: "conversations.list",
            reason,
        }) => {
            assert!(reason.contains("1000"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(emu.requests_for("conversations.list").len(), 1);

    // A token with none of the method's scopes.
    emu.add_token("xoxb-users-only", demo::BOT, &["users:read"]);
    let narrow = client(&emu, "xoxb-users-only");
    let err = narrow.call(&ConversationsList::new()).await.unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.code, ErrorCode::MissingScope);
    assert!(api.needed.as_deref().unwrap().contains("channels:read"));
}

#[tokio::test]
async fn conversations_info_reads_one_and_hides_private_ones() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = bot
        .call(
            &ConversationsInfo::of(channel(demo::GENERAL))
                .with_num_members()
                .with_locale(),
        )
        .await
        .unwrap();
    assert_eq!(general.channel.name, "general");
    assert_eq!(general.channel.num_members, Some(4));
    assert_eq!(general.channel.locale.as_deref(), Some("en-US"));
    assert_eq!(
        general.channel.purpose.as_ref().unwrap().value,
        "This channel is for workspace-wide communication"
    );
    let without = bot
        .call(&ConversationsInfo::of(channel(demo::GENERAL)))
        .await
        .unwrap();
    assert_eq!(without.channel.num_members, None);

    let leads = bot
        .call(&ConversationsInfo::of(channel(demo::LEADS)))
        .await
        .unwrap();
    assert!(leads.channel.is_private);
    let grace = client(&emu, GRACE_TOKEN);
    let hidden = grace
        .call(&ConversationsInfo::of(channel(demo::LEADS)))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);
    let unknown = bot
        .call(&ConversationsInfo::of(channel("C0NOWHERE1")))
        .await;
    assert_eq!(api_code(unknown), ErrorCode::ChannelNotFound);
}

#[tokio::test]
async fn conversations_members_pages_through_the_members() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .max_page_size(3)
        .start()
        .await
        .unwrap();
    emu.add_token(GRACE_TOKEN, demo::GRACE, demo::SCOPES);
    let bot = client(&emu, demo::BOT_TOKEN);
    let members: Vec<UserId> = bot
        .items(&ConversationsMembers::of(channel(demo::GENERAL)))
        .try_collect()
        .await
        .unwrap();
    let mut expected = [demo::ADA, demo::BOT, demo::GRACE, demo::LINUS];
    expected.sort_unstable();
    assert_eq!(
        members,
        expected.iter().map(|id| user(id)).collect::<Vec<_>>()
    );
    // Four members, three a page.
    assert_eq!(emu.requests_for("conversations.members").len(), 2);
    let err = client(&emu, GRACE_TOKEN)
        .call(&ConversationsMembers::of(channel(demo::LEADS)))
        .await;
    assert_eq!(api_code(err), ErrorCode::ChannelNotFound);
}

#[tokio::test]
async fn conversations_open_finds_or_creates_direct_messages() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);

    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap();
    let id = dm.channel.id.clone();
    assert!(id.as_str().starts_with('D'), "{id}");
    assert!(!dm.already_open && !dm.no_op);
    let again = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]).full())
        .await
        .unwrap();
    assert_eq!(again.channel.id, id);
    assert!(again.already_open && again.no_op);
    assert_eq!(again.channel.kind(), ConversationKind::Im);
    assert_eq!(
        again.channel.user.as_ref().map(UserId::as_str),
        Some(demo::GRACE)
    );
    // Grace sees the same conversation from her side.
    let hers = client(&emu, GRACE_TOKEN)
        .call(&ConversationsOpen::with([user(demo::ADA)]))
        .await
        .unwrap();
    assert_eq!(hers.channel.id, id);
    let resumed = ada
        .call(&ConversationsOpen::resume(id.clone()))
        .await
        .unwrap();
    assert_eq!(resumed.channel.id, id);

    let group = ada
        .call(&ConversationsOpen::with([user(demo::GRACE), user(demo::LINUS)]).full())
        .await
        .unwrap();
    assert_eq!(group.channel.kind(), ConversationKind::Mpim);
    assert_eq!(group.channel.name, "mpdm-ada--grace--linus-1");
    let mpims = all_channels(
        &ada,
        &ConversationsList::new().types([ConversationType::Mpim]),
    )
    .await;
    assert_eq!(mpims.len(), 1);
    assert_eq!(mpims[0].id, group.channel.id);

    let nobody = ada
        .call(&ConversationsOpen::with([user("U0NOBODY01")]))
        .await;
    assert_eq!(api_code(nobody), ErrorCode::UserNotFound);
    let public = ada
        .call(&ConversationsOpen::resume(channel(demo::GENERAL)))
        .await;
    assert_eq!(
        api_code(public),
        ErrorCode::MethodNotSupportedForChannelType
    );
    let too_many = ConversationsOpen::with((0..9).map(|n| user(&format!("U0MANY{n:04}"))));
    assert!(matches!(
        ada.call(&too_many).await,
        Err(Error::InvalidRequest { .. })
    ));
    assert_eq!(emu.applied_writes("conversations.open"), 5);
}

#[tokio::test]
async fn conversations_join_adds_the_caller_once() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let joined = bot
        .call(&ConversationsJoin::channel(channel(demo::RANDOM)))
        .await
        .unwrap();
    assert!(joined.channel.is_member);
    assert!(joined.warnings.is_empty(), "{:?}", joined.warnings);
    let messages = emu.messages(demo::RANDOM).unwrap();
    let last = messages.last().unwrap();
    assert_eq!(last["subtype"], "channel_join");
    assert_eq!(last["user"], demo::BOT);

    let again = bot
        .call(&ConversationsJoin::channel(channel(demo::RANDOM)))
        .await
        .unwrap();
    assert_eq!(again.warnings, ["already_in_channel"]);
    assert_eq!(emu.messages(demo::RANDOM).unwrap().len(), messages.len());

    let private = bot
        .call(&ConversationsJoin::channel(channel(demo::LEADS)))
        .await;
    assert_eq!(
        api_code(private),
        ErrorCode::MethodNotSupportedForChannelType
    );
    emu.add_channel(ChannelSpec::new("C0OLDPROJ1", "old-project").archived());
    let archived = bot
        .call(&ConversationsJoin::channel(channel("C0OLDPROJ1")))
        .await;
    assert_eq!(api_code(archived), ErrorCode::IsArchived);
}

/// `conversations.create` with the name as typed, to put names the binding refuses on the wire.
#[slack_method("conversations.create", scope = "groups:write")]
struct RawCreate {
    name: String,
}

#[tokio::test]
async fn conversations_create_makes_channels_with_valid_free_names() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let made = ada
        .call(&ConversationsCreate::public("incident-42"))
        .await
        .unwrap();
    let id = made.channel.id.clone();
    assert!(id.as_str().starts_with('C'));
    assert_eq!(made.channel.name, "incident-42");
    assert!(made.channel.is_member && !made.channel.is_private);
    assert_eq!(
        made.channel.creator.as_ref().map(UserId::as_str),
        Some(demo::ADA)
    );
    let read = ada.call(&ConversationsInfo::of(id.clone())).await.unwrap();
    assert_eq!(read.channel.name, "incident-42");

    let secret = ada
        .call(&ConversationsCreate::private("war-room"))
        .await
        .unwrap();
    assert!(secret.channel.is_private);
    let hidden = client(&emu, GRACE_TOKEN)
        .call(&ConversationsInfo::of(secret.channel.id.clone()))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);

    let taken = ada.call(&ConversationsCreate::public("general")).await;
    assert_eq!(api_code(taken), ErrorCode::NameTaken);
    // The binding refuses a bad name before sending; the emulator refuses it as Slack does.
    assert!(matches!(
        ada.call(&ConversationsCreate::public("War Room")).await,
        Err(Error::InvalidRequest { .. })
    ));
    for (name, code) in [
        ("War Room", "invalid_name_specials"),
        ("", "invalid_name_required"),
        ("---", "invalid_name_punctuation"),
    ] {
        let raw = RawCreate { name: name.into() };
        assert_eq!(
            api_code(ada.call(&raw).await),
            ErrorCode::from(code),
            "{name:?}"
        );
    }
    assert_eq!(emu.applied_writes("conversations.create"), 2);
}

#[tokio::test]
async fn conversations_invite_adds_members_or_says_why_not() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let made = ada
        .call(&ConversationsCreate::public("launch"))
        .await
        .unwrap();
    let id = made.channel.id.clone();

    let invited = ada
        .call(&ConversationsInvite::to(
            id.clone(),
            [user(demo::GRACE), user(demo::LINUS)],
        ))
        .await
        .unwrap();
    assert_eq!(invited.channel.num_members, Some(3));
    let members: Vec<UserId> = ada
        .items(&ConversationsMembers::of(id.clone()))
        .try_collect()
        .await
        .unwrap();
    assert!(members.contains(&user(demo::GRACE)) && members.contains(&user(demo::LINUS)));
    let joins = emu.messages(id.as_str()).unwrap();
    assert_eq!(joins.len(), 2);
    assert!(joins
        .iter()
        .all(|m| m["subtype"] == "channel_join" && m["inviter"] == demo::ADA));

    let again = ada
        .call(&ConversationsInvite::to(id.clone(), [user(demo::GRACE)]))
        .await;
    assert_eq!(api_code(again), ErrorCode::AlreadyInChannel);
    let me = ada
        .call(&ConversationsInvite::to(id.clone(), [user(demo::ADA)]))
        .await;
    assert_eq!(api_code(me), ErrorCode::CantInviteSelf);
    let nobody = ada
        .call(&ConversationsInvite::to(id.clone(), [user("U0NOBODY01")]))
        .await;
    assert_eq!(api_code(nobody), ErrorCode::UserNotFound);
    // With `force`, the one who can be added is, and the others are passed over.
    let forced = ada
        .call(
            &ConversationsInvite::to(
                id.clone(),
                [user(demo::GRACE), user("U0NOBODY01"), user(demo::BOT)],
            )
            .force(),
        )
        .await
        .unwrap();
    assert_eq!(forced.channel.num_members, Some(4));
    // The bot is not in #random, so it cannot invite anyone there.
    let bot = client(&emu, demo::BOT_TOKEN);
    let outsider = bot
        .call(&ConversationsInvite::to(
            channel(demo::RANDOM),
            [user(demo::GRACE)],
        ))
        .await;
    assert_eq!(api_code(outsider), ErrorCode::NotInChannel);
    assert!(matches!(
        ada.call(&ConversationsInvite::to(id, [])).await,
        Err(Error::InvalidRequest { .. })
    ));
}

#[tokio::test]
async fn users_are_read_listed_and_found_by_email() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = bot
        .call(&UsersInfo::of(user(demo::ADA)).with_locale())
        .await
        .unwrap();
    assert_eq!(ada.user.name, "ada");
    assert_eq!(ada.user.real_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(ada.user.display_name(), "Ada Lovelace");
    assert!(ada.user.is_admin && !ada.user.is_bot);
    assert_eq!(
        ada.user.team_id.as_ref().map(TeamId::as_str),
        Some(emu.team_id().as_str())
    );
    assert_eq!(ada.user.locale.as_deref(), Some("en-US"));
    let me = bot.call(&UsersInfo::of(user(demo::BOT))).await.unwrap();
    assert!(me.user.is_bot);
    assert_eq!(
        me.user.profile.bot_id.as_ref().map(|b| b.as_str()),
        Some(demo::BOT_ID)
    );
    assert_eq!(
        api_code(bot.call(&UsersInfo::of(user("U0NOBODY01"))).await),
        ErrorCode::UserNotFound
    );

    let everyone: Vec<User> = parsed(
        bot.items(&UsersList::new().limit(3))
            .try_collect()
            .await
            .unwrap(),
    );
    let ids: Vec<&str> = everyone.iter().map(|u| u.id.as_str()).collect();
    let mut expected = [demo::ADA, demo::BOT, demo::GRACE, demo::LINUS];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert_eq!(emu.requests_for("users.list").len(), 2);

    let grace = bot
        .call(&UsersLookupByEmail::email("Grace@Emulated.Invalid"))
        .await
        .unwrap();
    assert_eq!(grace.user.id, demo::GRACE);
    assert_eq!(
        grace.user.profile.email.as_deref(),
        Some("grace@emulated.invalid")
    );
    let none = bot
        .call(&UsersLookupByEmail::email("nobody@emulated.invalid"))
        .await;
    assert_eq!(api_code(none), ErrorCode::UsersNotFound);
}

#[tokio::test]
async fn users_conversations_lists_what_a_user_is_in() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let kinds = [
        ConversationType::PublicChannel,
        ConversationType::PrivateChannel,
    ];
    let mine: Vec<Conversation> = parsed(
        bot.items(&UsersConversations::new().types(kinds))
            .try_collect()
            .await
            .unwrap(),
    );
    // #general, #leads and the project channels; not #random.
    assert_eq!(mine.len(), 2 + demo::PROJECTS);
    assert!(mine.iter().any(|c| c.id == demo::LEADS));
    assert!(mine.iter().all(|c| c.id != demo::RANDOM));

    // Grace's, seen by the bot: #general and #random.
    let hers: Vec<Conversation> = parsed(
        bot.items(&UsersConversations::of(user(demo::GRACE)).types(kinds))
            .try_collect()
            .await
            .unwrap(),
    );
    let ids: BTreeSet<&str> = hers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from([demo::GENERAL, demo::RANDOM]));
    // Ada's private #leads is not shown to Grace.
    let adas_seen_by_grace: Vec<Conversation> = parsed(
        client(&emu, GRACE_TOKEN)
            .items(&UsersConversations::of(user(demo::ADA)).types(kinds))
            .try_collect()
            .await
            .unwrap(),
    );
    assert!(adas_seen_by_grace.iter().all(|c| c.id != demo::LEADS));
    assert_eq!(adas_seen_by_grace.len(), 2 + demo::PROJECTS);
    let unknown = bot.call(&UsersConversations::of(user("U0NOBODY01"))).await;
    assert_eq!(api_code(unknown), ErrorCode::UserNotFound);
}

#[tokio::test]
async fn team_info_reads_the_workspace() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .team("T0ACME0001", "Acme", "acme")
        .start()
        .await
        .unwrap();
    let bot = client(&emu, demo::BOT_TOKEN);
    let team = bot.call(&TeamInfo::new()).await.unwrap();
    assert_eq!(team.team.id, "T0ACME0001");
    assert_eq!(team.team.name, "Acme");
    assert_eq!(team.team.domain, "acme");
    assert_eq!(team.team.icon.image_default, Some(true));
    let by_domain = bot.call(&TeamInfo::domain("acme")).await.unwrap();
    assert_eq!(by_domain.team.id, "T0ACME0001");
    let other = bot
        .call(&TeamInfo::of(TeamId::new("T0OTHER001").unwrap()))
        .await;
    assert_eq!(api_code(other), ErrorCode::from("team_not_found"));
}

#[tokio::test]
async fn usergroups_are_listed_with_their_members() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let plain = bot.call(&UsergroupsList::new()).await.unwrap();
    let handles: BTreeSet<&str> = plain.usergroups.iter().map(|g| g.handle.as_str()).collect();
    assert_eq!(handles, BTreeSet::from(["leads", "people"]));
    assert!(plain.usergroups.iter().all(|g| g.users.is_empty()));

    let full = bot
        .call(
            &UsergroupsList::new()
                .with_users()
                .with_count()
                .with_disabled(),
        )
        .await
        .unwrap();
    assert_eq!(full.usergroups.len(), 3);
    let leads = full
        .usergroups
        .iter()
        .find(|g| g.id == demo::LEADS_GROUP)
        .unwrap();
    assert_eq!(leads.users, [user(demo::ADA), user(demo::GRACE)]);
    assert_eq!(leads.user_count, 2);
    let alumni = full
        .usergroups
        .iter()
        .find(|g| g.handle == "alumni")
        .unwrap();
    assert!(alumni.date_delete > 0);

    let group = UsergroupId::new(demo::EVERYONE_GROUP).unwrap();
    let members = bot.call(&UsergroupsUsersList::of(group)).await.unwrap();
    assert_eq!(members.users.len(), 3);
    let disabled = UsergroupId::new(demo::ALUMNI_GROUP).unwrap();
    let refused = bot.call(&UsergroupsUsersList::of(disabled)).await;
    assert_eq!(api_code(refused), ErrorCode::from("no_such_subteam"));
}

#[tokio::test]
async fn each_usergroup_write_counts_the_members_when_asked() {
    let emu = emulator().await;
    let grace = client(&emu, GRACE_TOKEN);
    let leads = UsergroupId::new(demo::LEADS_GROUP).unwrap();
    let members = grace
        .call(&UsergroupsUsersList::of(leads.clone()))
        .await
        .unwrap()
        .users
        .len() as u64;
    assert!(members > 0);
    let count = |answer: Result<slack_methods::SlackResponse<UsergroupResponse>, Error>| {
        answer.unwrap().into_data().usergroup.unwrap().user_count
    };
    let update = UsergroupsUpdate::of(leads.clone()).description("Leads");
    assert_eq!(
        count(grace.call(&update.clone().with_count()).await),
        members
    );
    assert_eq!(count(grace.call(&update).await), 0, "no count unless asked");
    let off = UsergroupsDisable::of(leads.clone()).with_count();
    assert_eq!(count(grace.call(&off).await), members);
    let on = UsergroupsEnable::of(leads.clone()).with_count();
    assert_eq!(count(grace.call(&on).await), members);
    let created = UsergroupsCreate::named("Counted").with_count();
    assert_eq!(
        grace
            .call(&created)
            .await
            .unwrap()
            .into_data()
            .usergroup
            .unwrap()
            .user_count,
        0
    );
    let sent = emu.requests_for("usergroups.create");
    assert_eq!(sent[0].param("include_count"), Some("true"));
}

#[tokio::test]
async fn a_usergroups_members_are_replaced_whole() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let leads = UsergroupId::new(demo::LEADS_GROUP).unwrap();
    let members = |users: &[&str]| users.iter().map(|id| user(id)).collect::<Vec<_>>();

    // The on-call hand-over: Linus and Grace become the whole group (Ada leaves it).
    let update = UsergroupsUsersUpdate::set(leads.clone(), members(&[demo::LINUS, demo::GRACE]));
    let updated = bot.call(&update.with_count()).await.unwrap().into_data();
    let updated = updated.usergroup.unwrap();
    assert_eq!(updated.id, leads);
    assert_eq!(updated.users, members(&[demo::LINUS, demo::GRACE]));
    assert_eq!(updated.user_count, 2);
    let now = bot
        .call(&UsergroupsUsersList::of(leads.clone()))
        .await
        .unwrap();
    assert_eq!(now.users, members(&[demo::LINUS, demo::GRACE]));
    let sent = emu.requests_for("usergroups.users.update");
    assert_eq!(sent[0].param("users"), Some("U0DEMOLIN1,U0DEMOGRC1"));

    // A bot cannot be a member, an unknown group is refused, and neither changes anything.
    let with_bot = UsergroupsUsersUpdate::set(leads.clone(), members(&[demo::ADA, demo::BOT]));
    assert_eq!(
        api_code(bot.call(&with_bot).await),
        ErrorCode::from("invalid_user")
    );
    let unknown = UsergroupsUsersUpdate::set(
        UsergroupId::new("S0NOSUCH01").unwrap(),
        members(&[demo::ADA]),
    );
    assert_eq!(
        api_code(bot.call(&unknown).await),
        ErrorCode::from("no_such_subteam")
    );
    let now = bot
        .call(&UsergroupsUsersList::of(leads.clone()))
        .await
        .unwrap();
    assert_eq!(now.users, members(&[demo::LINUS, demo::GRACE]));

    // Emptying a group is refused before anything is sent.
    let before = emu.requests_for("usergroups.users.update").len();
    let empty = UsergroupsUsersUpdate::set(leads, []);
    assert!(matches!(
        bot.call(&empty).await,
        Err(Error::InvalidRequest { .. })
    ));
    assert_eq!(emu.requests_for("usergroups.users.update").len(), before);
}

#[tokio::test]
async fn a_usergroup_is_created_changed_disabled_and_enabled() {
    let emu = emulator().await;
    // Grace's token: the group records who made and changed it.
    let grace = client(&emu, GRACE_TOKEN);
    let general = channel(demo::GENERAL);
    let created = grace
        .call(
            &UsergroupsCreate::named("On call")
                .handle("oncall")
                .description("Who answers the pager")
                .channels([general.clone()]),
        )
        .await
        .unwrap()
        .into_data()
        .usergroup
        .unwrap();
    assert!(created.id.as_str().starts_with('S'), "{:?}", created.id);
    assert_eq!(
        (created.name.as_str(), created.handle.as_str()),
        ("On call", "oncall")
    );
    assert_eq!(created.description, "Who answers the pager");
    assert_eq!(created.prefs.channels, [general]);
    assert!(created.users.is_empty());
    assert_eq!(created.created_by, Some(user(demo::GRACE)));
    assert_eq!(created.date_delete, 0);

    // Names are unique among groups, handles among groups, users and channels; channels exist.
    for (call, code) in [
        (UsergroupsCreate::named("Leads"), "name_already_exists"),
        (
            UsergroupsCreate::named("Other").handle("leads"),
            "handle_already_exists",
        ),
        (
            UsergroupsCreate::named("Other").handle("ada"),
            "handle_already_exists",
        ),
        (
            UsergroupsCreate::named("Other").handle("general"),
            "handle_already_exists",
        ),
        (
            UsergroupsCreate::named("Other").channels([channel("C0NOSUCH01")]),
            "invalid_channel_provided",
        ),
    ] {
        assert_eq!(
            api_code(grace.call(&call).await),
            ErrorCode::from(code),
            "{call:?}"
        );
    }
    let blank = grace.call(&UsergroupsCreate::named("  ")).await;
    assert!(
        matches!(blank, Err(Error::InvalidRequest { .. })),
        "{blank:?}"
    );

    // An update changes what it names; its own name and handle are no clash.
    let id = created.id.clone();
    let updated = grace
        .call(
            &UsergroupsUpdate::of(id.clone())
                .name("On call")
                .handle("pager"),
        )
        .await
        .unwrap()
        .into_data()
        .usergroup
        .unwrap();
    assert_eq!(updated.handle, "pager");
    assert_eq!(updated.description, "Who answers the pager");
    let clash = UsergroupsUpdate::of(id.clone()).name("People");
    assert_eq!(
        api_code(grace.call(&clash).await),
        ErrorCode::from("name_already_exists")
    );
    let unknown = UsergroupsUpdate::of(UsergroupId::new("S0NOSUCH01").unwrap()).name("X");
    assert_eq!(
        api_code(grace.call(&unknown).await),
        ErrorCode::from("no_such_subteam")
    );

    // Disabled, it is listed only with `include_disabled`; enabled, it is back.
    let bot = client(&emu, demo::BOT_TOKEN);
    let disabled = grace
        .call(&UsergroupsDisable::of(id.clone()))
        .await
        .unwrap()
        .into_data()
        .usergroup
        .unwrap();
    assert!(disabled.date_delete > 0);
    assert_eq!(disabled.deleted_by, Some(user(demo::GRACE)));
    let listed = bot.call(&UsergroupsList::new()).await.unwrap();
    assert!(listed.usergroups.iter().all(|g| g.id != id));
    let enabled = grace
        .call(&UsergroupsEnable::of(id.clone()))
        .await
        .unwrap()
        .into_data()
        .usergroup
        .unwrap();
    assert_eq!(enabled.date_delete, 0);
    assert_eq!(enabled.deleted_by, None);
    let listed = bot.call(&UsergroupsList::new()).await.unwrap();
    assert!(listed
        .usergroups
        .iter()
        .any(|g| g.id == id && g.handle == "pager"));
}

#[tokio::test]
async fn a_user_added_later_is_listed_and_found() {
    let emu = emulator().await;
    emu.add_user(UserSpec::new("U0NEWCOMER", "newcomer").email("new@emulated.invalid"));
    let bot = client(&emu, demo::BOT_TOKEN);
    let found = bot
        .call(&UsersLookupByEmail::email("new@emulated.invalid"))
        .await
        .unwrap();
    assert_eq!(found.user.name, "newcomer");
    let everyone: Vec<Item<User>> = bot.items(&UsersList::new()).try_collect().await.unwrap();
    assert_eq!(everyone.len(), 5);
}

/// JSON arguments (as an agent or a config file gives them) build the bindings, with the wire
/// names as keys; an unknown key is refused.
#[test]
fn bindings_build_from_json_arguments() {
    let list: ConversationsList =
        serde_json::from_str(r#"{"types": ["public_channel", "im"], "limit": 50}"#).unwrap();
    assert_eq!(
        slack_methods::encode_params(&list).unwrap(),
        "limit=50&types=public_channel%2Cim"
    );
    let invite: ConversationsInvite =
        serde_json::from_str(r#"{"channel": "C0123ABCD", "users": ["U0123ABCD"]}"#).unwrap();
    assert_eq!(invite.users, [user("U0123ABCD")]);
    let complete: slack_methods::methods::FilesCompleteUploadExternal = serde_json::from_str(
        r#"{"files": [{"id": "F0123ABCD", "title": "Q3"}], "channel_id": "C0123ABCD", "thread_ts": "1700000000.000100"}"#,
    )
    .unwrap();
    assert_eq!(
        slack_methods::encode_params(&complete).unwrap(),
        "files=%5B%7B%22id%22%3A%22F0123ABCD%22%2C%22title%22%3A%22Q3%22%7D%5D&channel_id=C0123ABCD&thread_ts=1700000000.000100"
    );
    assert!(serde_json::from_str::<UsersInfo>(r#"{"user": "U0123ABCD", "usr": 1}"#).is_err());
    assert!(serde_json::from_str::<ConversationsList>(r#"{"types": ["channels"]}"#).is_err());
}

#[tokio::test]
async fn presence_set_away_reads_back_until_set_to_auto() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let bot = client(&emu, demo::BOT_TOKEN);
    let of_ada = UsersGetPresence::of(user(demo::ADA));

    let own = ada.call(&of_ada).await.unwrap();
    assert_eq!(own.presence, Presence::Active);
    assert_eq!((own.online, own.manual_away), (Some(true), Some(false)));
    // Another user's presence comes without the details.
    let seen = bot.call(&of_ada).await.unwrap();
    assert_eq!(seen.presence, Presence::Active);
    assert_eq!((seen.online, seen.manual_away), (None, None));

    ada.call(&UsersSetPresence::away()).await.unwrap();
    let own = ada.call(&of_ada).await.unwrap();
    assert_eq!(own.presence, Presence::Away);
    assert_eq!(own.manual_away, Some(true));
    assert_eq!(bot.call(&of_ada).await.unwrap().presence, Presence::Away);
    // Only the caller's own presence changed.
    let grace = UsersGetPresence::of(user(demo::GRACE));
    assert_eq!(bot.call(&grace).await.unwrap().presence, Presence::Active);

    ada.call(&UsersSetPresence::auto()).await.unwrap();
    assert_eq!(bot.call(&of_ada).await.unwrap().presence, Presence::Active);

    let nobody = UsersGetPresence::of(user("U0NOBODY01"));
    assert_eq!(api_code(bot.call(&nobody).await).as_str(), "user_not_found");
    // Setting presence needs `users:write`, a user token's scope.
    assert_eq!(
        api_code(bot.call(&UsersSetPresence::away()).await).as_str(),
        "missing_scope"
    );
}

/// `users.setPresence` with the presence as given, to put a wrong value on the wire.
#[slack_method("users.setPresence")]
struct RawSetPresence {
    presence: String,
}

#[tokio::test]
async fn a_presence_other_than_auto_or_away_is_invalid_presence() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    for presence in ["active", "Away", ""] {
        let raw = RawSetPresence {
            presence: presence.into(),
        };
        let code = api_code(ada.call(&raw).await);
        assert_eq!(code.as_str(), "invalid_presence", "{presence:?}");
    }
    let own = ada
        .call(&UsersGetPresence::of(user(demo::ADA)))
        .await
        .unwrap();
    assert_eq!(own.presence, Presence::Active);
}
