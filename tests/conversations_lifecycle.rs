//! The bindings that change a channel after it was made (topic, purpose, name, archiving,
//! leaving, removing members, a member's read mark, closing a direct message) through the
//! `Client`, over real HTTP on loopback, against the emulator's demo workspace; and that the
//! rest of the workspace sees each change.

use futures_util::TryStreamExt;
use slack_methods::methods::{
    ChatPostMessage, ConversationsArchive, ConversationsClose, ConversationsCreate,
    ConversationsInfo, ConversationsInvite, ConversationsJoin, ConversationsKick,
    ConversationsLeave, ConversationsList, ConversationsMark, ConversationsMembers,
    ConversationsOpen, ConversationsRename, ConversationsSetPurpose, ConversationsSetTopic,
    ConversationsUnarchive,
};
use slack_methods::types::{Conversation, Item, Timestamp, MAX_TOPIC_CHARS};
use slack_methods::{slack_method, ChannelId, ChannelRef, Client, Error, ErrorCode, UserId};
use slack_methods_emulator::{demo, ChannelSpec, Emulator};

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

/// A new public channel of Ada's, named `name`.
async fn new_channel(ada: &Client, name: &str) -> ChannelId {
    ada.call(&ConversationsCreate::public(name))
        .await
        .unwrap()
        .channel
        .id
        .clone()
}

/// The last message posted in `channel`.
fn last_message(emu: &Emulator, channel: &ChannelId) -> serde_json::Value {
    emu.messages(channel.as_str())
        .unwrap()
        .last()
        .cloned()
        .unwrap()
}

/// `conversations.setTopic` with the topic as given, to put topics the binding refuses on the
/// wire.
#[slack_method("conversations.setTopic", scope = "channels:manage", unchecked_scope)]
struct RawSetTopic {
    channel: ChannelId,
    topic: String,
}

#[tokio::test]
async fn set_topic_changes_the_topic_everyone_reads() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "roadmap").await;

    let set = ada
        .call(&ConversationsSetTopic::new(id.clone(), "Q3: ship the API"))
        .await
        .unwrap();
    let topic = set.channel.as_ref().unwrap().topic.clone().unwrap();
    assert_eq!(topic.value, "Q3: ship the API");
    assert_eq!(topic.creator, Some(user(demo::ADA)));
    assert!(topic.last_set > 0);
    // Others read the new topic, and the channel says who set it.
    let grace = client(&emu, GRACE_TOKEN);
    let read = grace
        .call(&ConversationsInfo::of(id.clone()))
        .await
        .unwrap();
    assert_eq!(
        read.channel.topic.clone().unwrap().value,
        "Q3: ship the API"
    );
    let said = last_message(&emu, &id);
    assert_eq!(said["subtype"], "channel_topic");
    assert_eq!(said["user"], demo::ADA);
    assert_eq!(said["topic"], "Q3: ship the API");

    // A member who did not create the channel sets it next: the topic says who.
    let grace_joined = grace.call(&ConversationsJoin::channel(id.clone())).await;
    assert!(grace_joined.is_ok(), "{grace_joined:?}");
    let by_grace = grace
        .call(&ConversationsSetTopic::new(id.clone(), "Q4"))
        .await
        .unwrap();
    assert_eq!(
        by_grace
            .channel
            .as_ref()
            .unwrap()
            .topic
            .clone()
            .unwrap()
            .creator,
        Some(user(demo::GRACE))
    );

    // An empty topic clears it.
    let cleared = ada
        .call(&ConversationsSetTopic::new(id.clone(), ""))
        .await
        .unwrap();
    let topic = cleared.channel.as_ref().unwrap().topic.clone().unwrap();
    assert_eq!((topic.value.as_str(), topic.creator), ("", None));
    assert_eq!(emu.applied_writes("conversations.setTopic"), 3);
}

#[tokio::test]
async fn set_topic_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_channel(&ada, "roadmap").await;

    // Grace sees the public channel but is not in it; the private #leads she does not see.
    let outsider = grace
        .call(&ConversationsSetTopic::new(id.clone(), "mine"))
        .await;
    assert_eq!(api_code(outsider), ErrorCode::NotInChannel);
    let hidden = grace
        .call(&ConversationsSetTopic::new(channel(demo::LEADS), "mine"))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);

    // The binding refuses a topic past Slack's limit before sending; the emulator as Slack does.
    let longest = "é".repeat(MAX_TOPIC_CHARS);
    ada.call(&ConversationsSetTopic::new(id.clone(), longest.clone()))
        .await
        .unwrap();
    let too_long = format!("{longest}x");
    assert!(matches!(
        ada.call(&ConversationsSetTopic::new(id.clone(), too_long.clone()))
            .await,
        Err(Error::InvalidRequest { .. })
    ));
    let raw = RawSetTopic {
        channel: id.clone(),
        topic: too_long,
    };
    assert_eq!(api_code(ada.call(&raw).await), ErrorCode::from("too_long"));

    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap();
    let in_dm = ada
        .call(&ConversationsSetTopic::new(dm.channel.id.clone(), "hi"))
        .await;
    assert_eq!(api_code(in_dm), ErrorCode::MethodNotSupportedForChannelType);
    emu.add_channel(
        ChannelSpec::new("C0OLDPROJ1", "old-project")
            .members(&[demo::ADA])
            .archived(),
    );
    let archived = ada
        .call(&ConversationsSetTopic::new(channel("C0OLDPROJ1"), "back"))
        .await;
    assert_eq!(api_code(archived), ErrorCode::IsArchived);
    assert_eq!(emu.applied_writes("conversations.setTopic"), 1);
}

#[tokio::test]
async fn set_purpose_changes_the_purpose_and_keeps_the_topic() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "roadmap").await;
    ada.call(&ConversationsSetTopic::new(id.clone(), "Q3"))
        .await
        .unwrap();

    let set = ada
        .call(&ConversationsSetPurpose::new(
            id.clone(),
            "Plans, by quarter",
        ))
        .await
        .unwrap();
    let purpose = set.channel.as_ref().unwrap().purpose.clone().unwrap();
    assert_eq!(purpose.value, "Plans, by quarter");
    assert_eq!(purpose.creator, Some(user(demo::ADA)));
    assert_eq!(
        set.channel.as_ref().unwrap().topic.clone().unwrap().value,
        "Q3"
    );
    let read = ada.call(&ConversationsInfo::of(id.clone())).await.unwrap();
    assert_eq!(
        read.channel.purpose.clone().unwrap().value,
        "Plans, by quarter"
    );
    let said = last_message(&emu, &id);
    assert_eq!(said["subtype"], "channel_purpose");
    assert_eq!(said["purpose"], "Plans, by quarter");

    let grace = client(&emu, GRACE_TOKEN);
    let outsider = grace
        .call(&ConversationsSetPurpose::new(id.clone(), "mine"))
        .await;
    assert_eq!(api_code(outsider), ErrorCode::NotInChannel);
    assert!(matches!(
        ada.call(&ConversationsSetPurpose::new(
            id,
            "x".repeat(MAX_TOPIC_CHARS + 1)
        ))
        .await,
        Err(Error::InvalidRequest { .. })
    ));
}

/// `conversations.rename` with the name as given, to put names the binding refuses on the wire.
#[slack_method("conversations.rename", scope = "channels:manage", unchecked_scope)]
struct RawRename {
    channel: ChannelId,
    name: String,
}

#[tokio::test]
async fn rename_renames_the_channel_everywhere_and_keeps_the_old_name() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "incident-42").await;

    let renamed = ada
        .call(&ConversationsRename::to(id.clone(), "incident-42-closed"))
        .await
        .unwrap();
    assert_eq!(renamed.channel.name, "incident-42-closed");
    assert_eq!(renamed.channel.previous_names, ["incident-42"]);
    let read = ada.call(&ConversationsInfo::of(id.clone())).await.unwrap();
    assert_eq!(read.channel.name, "incident-42-closed");
    assert_eq!(read.channel.name_normalized, "incident-42-closed");
    let said = last_message(&emu, &id);
    assert_eq!(said["subtype"], "channel_name");
    assert_eq!(
        (said["old_name"].as_str(), said["name"].as_str()),
        (Some("incident-42"), Some("incident-42-closed"))
    );
    // Posting by name finds the channel by its new name only; the old one is free again.
    let by_name = ChannelRef::name("#incident-42-closed").unwrap();
    let posted = ada
        .call(&ChatPostMessage::new(by_name, "Post-mortem on Friday"))
        .await
        .unwrap();
    assert_eq!(posted.channel, id);
    let by_old = ChannelRef::name("#incident-42").unwrap();
    let gone = ada.call(&ChatPostMessage::new(by_old, "hello?")).await;
    assert_eq!(api_code(gone), ErrorCode::ChannelNotFound);
    ada.call(&ConversationsCreate::public("incident-42"))
        .await
        .unwrap();

    // Renamed twice, the latest former name comes first.
    let again = ada
        .call(&ConversationsRename::to(id.clone(), "archive-me"))
        .await
        .unwrap();
    assert_eq!(
        again.channel.previous_names,
        ["incident-42-closed", "incident-42"]
    );
    assert_eq!(emu.applied_writes("conversations.rename"), 2);
}

#[tokio::test]
async fn rename_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "launch").await;

    let taken = ada
        .call(&ConversationsRename::to(id.clone(), "random"))
        .await;
    assert_eq!(api_code(taken), ErrorCode::NameTaken);
    // The binding refuses a bad name before sending; the emulator refuses it as Slack does.
    assert!(matches!(
        ada.call(&ConversationsRename::to(id.clone(), "Launch Day"))
            .await,
        Err(Error::InvalidRequest { .. })
    ));
    for (name, code) in [
        ("Launch Day", "invalid_name_specials"),
        ("", "invalid_name_required"),
        ("__", "invalid_name_punctuation"),
    ] {
        let raw = RawRename {
            channel: id.clone(),
            name: name.into(),
        };
        assert_eq!(
            api_code(ada.call(&raw).await),
            ErrorCode::from(code),
            "{name:?}"
        );
    }
    let grace = client(&emu, GRACE_TOKEN);
    let outsider = grace
        .call(&ConversationsRename::to(id.clone(), "mine"))
        .await;
    assert_eq!(api_code(outsider), ErrorCode::NotInChannel);
    let hidden = grace
        .call(&ConversationsRename::to(channel(demo::LEADS), "mine"))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);
    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap();
    let in_dm = ada
        .call(&ConversationsRename::to(dm.channel.id.clone(), "chat"))
        .await;
    assert_eq!(api_code(in_dm), ErrorCode::MethodNotSupportedForChannelType);
    assert_eq!(emu.applied_writes("conversations.rename"), 0);
    let read = ada.call(&ConversationsInfo::of(id)).await.unwrap();
    assert_eq!(read.channel.name, "launch");
}

#[tokio::test]
async fn archive_closes_a_channel_until_unarchive_opens_it() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "launch").await;
    ada.call(&ChatPostMessage::new(id.clone(), "Go!"))
        .await
        .unwrap();

    ada.call(&ConversationsArchive::channel(id.clone()))
        .await
        .unwrap();
    let read = ada.call(&ConversationsInfo::of(id.clone())).await.unwrap();
    assert!(read.channel.is_archived);
    assert_eq!(last_message(&emu, &id)["subtype"], "channel_archive");
    // Nobody posts in it, joins it or changes it; lists can leave it out.
    let post = ada
        .call(&ChatPostMessage::new(id.clone(), "Still there?"))
        .await;
    assert_eq!(api_code(post), ErrorCode::IsArchived);
    let grace = client(&emu, GRACE_TOKEN);
    let join = grace.call(&ConversationsJoin::channel(id.clone())).await;
    assert_eq!(api_code(join), ErrorCode::IsArchived);
    let invite = ada
        .call(&ConversationsInvite::to(id.clone(), [user(demo::GRACE)]))
        .await;
    assert_eq!(api_code(invite), ErrorCode::IsArchived);
    let topic = ada
        .call(&ConversationsSetTopic::new(id.clone(), "closed"))
        .await;
    assert_eq!(api_code(topic), ErrorCode::IsArchived);
    let listed = |list: ConversationsList| {
        let ada = &ada;
        async move {
            let items: Vec<Item<Conversation>> = ada.items(&list).try_collect().await.unwrap();
            items
                .into_iter()
                .filter_map(|item| item.parsed().map(|c| c.id.clone()))
                .collect::<Vec<ChannelId>>()
        }
    };
    assert!(!listed(ConversationsList::new().exclude_archived())
        .await
        .contains(&id));
    assert!(listed(ConversationsList::new()).await.contains(&id));
    let again = ada.call(&ConversationsArchive::channel(id.clone())).await;
    assert_eq!(api_code(again), ErrorCode::from("already_archived"));

    ada.call(&ConversationsUnarchive::channel(id.clone()))
        .await
        .unwrap();
    let read = ada.call(&ConversationsInfo::of(id.clone())).await.unwrap();
    assert!(!read.channel.is_archived);
    assert_eq!(last_message(&emu, &id)["subtype"], "channel_unarchive");
    ada.call(&ChatPostMessage::new(id.clone(), "Back again"))
        .await
        .unwrap();
    let again = ada.call(&ConversationsUnarchive::channel(id.clone())).await;
    assert_eq!(api_code(again), ErrorCode::from("not_archived"));
    assert_eq!(emu.applied_writes("conversations.archive"), 1);
    assert_eq!(emu.applied_writes("conversations.unarchive"), 1);
}

#[tokio::test]
async fn archive_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let general = ada
        .call(&ConversationsArchive::channel(channel(demo::GENERAL)))
        .await;
    assert_eq!(api_code(general), ErrorCode::from("cant_archive_general"));
    let grace = client(&emu, GRACE_TOKEN);
    let hidden = grace
        .call(&ConversationsArchive::channel(channel(demo::LEADS)))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);
    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap();
    let in_dm = ada
        .call(&ConversationsArchive::channel(dm.channel.id.clone()))
        .await;
    assert_eq!(api_code(in_dm), ErrorCode::MethodNotSupportedForChannelType);
    let unknown = ada
        .call(&ConversationsUnarchive::channel(channel("C0NOWHERE1")))
        .await;
    assert_eq!(api_code(unknown), ErrorCode::ChannelNotFound);
    assert_eq!(emu.applied_writes("conversations.archive"), 0);
}

/// The members of `id`, across pages.
async fn members(client: &Client, id: &ChannelId) -> Vec<UserId> {
    client
        .items(&ConversationsMembers::of(id.clone()))
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test]
async fn leave_takes_the_caller_out_of_the_channel() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_channel(&ada, "launch").await;
    ada.call(&ConversationsInvite::to(id.clone(), [user(demo::GRACE)]))
        .await
        .unwrap();

    let left = grace
        .call(&ConversationsLeave::channel(id.clone()))
        .await
        .unwrap();
    assert!(!left.not_in_channel);
    assert_eq!(members(&ada, &id).await, [user(demo::ADA)]);
    let said = last_message(&emu, &id);
    assert_eq!(
        (said["subtype"].as_str(), said["user"].as_str()),
        (Some("channel_leave"), Some(demo::GRACE))
    );
    let read = grace
        .call(&ConversationsInfo::of(id.clone()))
        .await
        .unwrap();
    assert!(!read.channel.is_member);
    // Without `chat:write.public`, Grace can no longer post there.
    emu.add_token("xoxp-grace-members-only", demo::GRACE, &["chat:write"]);
    let post = client(&emu, "xoxp-grace-members-only")
        .call(&ChatPostMessage::new(id.clone(), "hello?"))
        .await;
    assert_eq!(api_code(post), ErrorCode::NotInChannel);

    // Leaving again changes nothing, and says so.
    let again = grace
        .call(&ConversationsLeave::channel(id.clone()))
        .await
        .unwrap();
    assert!(again.not_in_channel);
    assert_eq!(emu.applied_writes("conversations.leave"), 2);
}

#[tokio::test]
async fn leave_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = ada
        .call(&ConversationsLeave::channel(channel(demo::GENERAL)))
        .await;
    assert_eq!(api_code(general), ErrorCode::from("cant_leave_general"));
    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap();
    let in_dm = ada
        .call(&ConversationsLeave::channel(dm.channel.id.clone()))
        .await;
    assert_eq!(api_code(in_dm), ErrorCode::MethodNotSupportedForChannelType);
    // The last member of a private channel cannot leave it.
    let secret = ada
        .call(&ConversationsCreate::private("war-room"))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    let last = ada.call(&ConversationsLeave::channel(secret.clone())).await;
    assert_eq!(api_code(last), ErrorCode::from("last_member"));
    emu.add_channel(
        ChannelSpec::new("C0OLDPROJ1", "old-project")
            .members(&[demo::ADA])
            .archived(),
    );
    let archived = ada
        .call(&ConversationsLeave::channel(channel("C0OLDPROJ1")))
        .await;
    assert_eq!(api_code(archived), ErrorCode::IsArchived);
    // Once the bot leaves the private #leads, it no longer sees it.
    bot.call(&ConversationsLeave::channel(channel(demo::LEADS)))
        .await
        .unwrap();
    let gone = bot.call(&ConversationsInfo::of(channel(demo::LEADS))).await;
    assert_eq!(api_code(gone), ErrorCode::ChannelNotFound);
    assert_eq!(emu.applied_writes("conversations.leave"), 1);
}

#[tokio::test]
async fn kick_removes_a_member() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = new_channel(&ada, "launch").await;
    ada.call(&ConversationsInvite::to(
        id.clone(),
        [user(demo::GRACE), user(demo::LINUS)],
    ))
    .await
    .unwrap();

    ada.call(&ConversationsKick::remove(id.clone(), user(demo::LINUS)))
        .await
        .unwrap();
    assert_eq!(
        members(&ada, &id).await,
        [user(demo::ADA), user(demo::GRACE)]
    );
    emu.add_token("xoxp-linus-members-only", demo::LINUS, &["chat:write"]);
    let post = client(&emu, "xoxp-linus-members-only")
        .call(&ChatPostMessage::new(id.clone(), "hello?"))
        .await;
    assert_eq!(api_code(post), ErrorCode::NotInChannel);

    let again = ada
        .call(&ConversationsKick::remove(id.clone(), user(demo::LINUS)))
        .await;
    assert_eq!(api_code(again), ErrorCode::NotInChannel);
    let me = ada
        .call(&ConversationsKick::remove(id.clone(), user(demo::ADA)))
        .await;
    assert_eq!(api_code(me), ErrorCode::from("cant_kick_self"));
    let nobody = ada
        .call(&ConversationsKick::remove(id.clone(), user("U0NOBODY01")))
        .await;
    assert_eq!(api_code(nobody), ErrorCode::UserNotFound);
    let general = ada
        .call(&ConversationsKick::remove(
            channel(demo::GENERAL),
            user(demo::GRACE),
        ))
        .await;
    assert_eq!(api_code(general), ErrorCode::from("cant_kick_from_general"));
    // Linus, no longer a member, cannot remove anyone.
    emu.add_token("xoxp-linus", demo::LINUS, demo::SCOPES);
    let outsider = client(&emu, "xoxp-linus")
        .call(&ConversationsKick::remove(id.clone(), user(demo::GRACE)))
        .await;
    assert_eq!(api_code(outsider), ErrorCode::NotInChannel);
    assert_eq!(emu.applied_writes("conversations.kick"), 1);
    assert_eq!(members(&ada, &id).await.len(), 2);
}

#[tokio::test]
async fn mark_keeps_each_member_s_read_mark() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let general = channel(demo::GENERAL);
    let first = ada
        .call(&ChatPostMessage::new(general.clone(), "Standup in 5"))
        .await
        .unwrap()
        .ts
        .clone();
    let second = ada
        .call(&ChatPostMessage::new(general.clone(), "Standup now"))
        .await
        .unwrap()
        .ts
        .clone();
    assert_eq!(emu.read_mark(demo::GENERAL, demo::GRACE), None);
    grace
        .call(&ConversationsMark::read_up_to(
            general.clone(),
            first.clone(),
        ))
        .await
        .unwrap();
    assert_eq!(
        emu.read_mark(demo::GENERAL, demo::GRACE).as_deref(),
        Some(first.as_str())
    );
    grace
        .call(&ConversationsMark::read_up_to(
            general.clone(),
            second.clone(),
        ))
        .await
        .unwrap();
    assert_eq!(
        emu.read_mark(demo::GENERAL, demo::GRACE).as_deref(),
        Some(second.as_str())
    );
    // Each member's own: Ada has marked nothing, and no message was posted for it.
    assert_eq!(emu.read_mark(demo::GENERAL, demo::ADA), None);
    assert_eq!(last_message(&emu, &general)["text"], "Standup now");
}

#[tokio::test]
async fn mark_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let ts = Timestamp::new("1593473566.000200");
    // A public channel Grace is not in, and a private one she cannot see.
    let lobby = new_channel(&ada, "lobby").await;
    let outside = grace
        .call(&ConversationsMark::read_up_to(lobby, ts.clone()))
        .await;
    assert_eq!(api_code(outside), ErrorCode::NotInChannel);
    let hidden = grace
        .call(&ConversationsMark::read_up_to(
            channel(demo::LEADS),
            ts.clone(),
        ))
        .await;
    assert_eq!(api_code(hidden), ErrorCode::ChannelNotFound);
    let unknown = grace
        .call(&ConversationsMark::read_up_to(channel("C0NOWHERE1"), ts))
        .await;
    assert_eq!(api_code(unknown), ErrorCode::ChannelNotFound);
    let not_a_ts = grace
        .call(&ConversationsMark::read_up_to(
            channel(demo::GENERAL),
            Timestamp::new("yesterday"),
        ))
        .await;
    assert_eq!(api_code(not_a_ts), ErrorCode::from("invalid_timestamp"));
    assert_eq!(emu.read_mark(demo::GENERAL, demo::GRACE), None);
}

#[tokio::test]
async fn close_closes_a_direct_message_for_the_caller_until_it_is_opened() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let dm = ada
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    assert_eq!(emu.is_open(dm.as_str(), demo::ADA), Some(true));

    let closed = ada
        .call(&ConversationsClose::channel(dm.clone()))
        .await
        .unwrap();
    assert!(!closed.already_closed && !closed.no_op);
    assert_eq!(emu.is_open(dm.as_str(), demo::ADA), Some(false));
    assert_eq!(emu.is_open(dm.as_str(), demo::GRACE), Some(true));
    let again = ada
        .call(&ConversationsClose::channel(dm.clone()))
        .await
        .unwrap();
    assert!(again.already_closed && again.no_op);

    // Opening it again is no no-op: it was closed.
    let reopened = ada
        .call(&ConversationsOpen::resume(dm.clone()))
        .await
        .unwrap();
    assert!(!reopened.already_open);
    assert_eq!(emu.is_open(dm.as_str(), demo::ADA), Some(true));
    let open = ada
        .call(&ConversationsOpen::resume(dm.clone()))
        .await
        .unwrap();
    assert!(open.already_open && open.no_op);

    // A group direct message closes the same way.
    let group = ada
        .call(&ConversationsOpen::with([
            user(demo::GRACE),
            user(demo::LINUS),
        ]))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    ada.call(&ConversationsClose::channel(group.clone()))
        .await
        .unwrap();
    assert_eq!(emu.is_open(group.as_str(), demo::ADA), Some(false));
}

#[tokio::test]
async fn close_refuses_what_slack_refuses() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let general = ada
        .call(&ConversationsClose::channel(channel(demo::GENERAL)))
        .await;
    assert_eq!(
        api_code(general),
        ErrorCode::MethodNotSupportedForChannelType
    );
    let unknown = ada
        .call(&ConversationsClose::channel(channel("D0NOWHERE1")))
        .await;
    assert_eq!(api_code(unknown), ErrorCode::ChannelNotFound);
    // Another pair's direct message is not Grace's to see.
    let theirs = ada
        .call(&ConversationsOpen::with([user(demo::LINUS)]))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    let closed = grace
        .call(&ConversationsClose::channel(theirs.clone()))
        .await;
    assert_eq!(api_code(closed), ErrorCode::ChannelNotFound);
    assert_eq!(emu.is_open(theirs.as_str(), demo::ADA), Some(true));
}
