//! The messaging bindings through the `Client`, over loopback HTTP, against the emulator's demo
//! workspace: what one method writes, the others read back (threads, edits, reactions, pins,
//! deletions), each Slack error an app meets, and requests refused before anything is sent.

use futures_util::TryStreamExt;
use serde_json::{json, Value};
use slack_methods::methods::{
    BookmarksAdd, BookmarksEdit, BookmarksList, BookmarksRemove, ChatDelete,
    ChatDeleteScheduledMessage, ChatGetPermalink, ChatMeMessage, ChatPostEphemeral,
    ChatPostMessage, ChatScheduleMessage, ChatScheduledMessagesList, ChatUpdate,
    ConversationsHistory, ConversationsJoin, ConversationsReplies, EmojiList, PinsAdd, PinsList,
    PinsRemove, ReactionsAdd, ReactionsGet, ReactionsList, ReactionsRemove,
};
use slack_methods::types::{
    Attachment, Block, Blocks, Button, Item, Message, MessageMetadata, MessageSubtype, Text,
    Timestamp, MAX_TEXT_CHARS,
};
use slack_methods::{slack_method, ChannelId, ChannelRef, Client, Error, SlackMethod, UserId};
use slack_methods_emulator::{demo, ChannelSpec, Emulator};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

mod common;

use common::{api_code as code, refused, unpaced_client as client};

const GRACE_TOKEN: &str = "xoxp-emulated-grace";
/// A bot token that may post only where the bot is a member (no `chat:write.public`).
const NARROW_BOT: &str = "xoxb-emulated-narrow";
/// A user token without any `chat:write` scope.
const READER: &str = "xoxp-emulated-reader";
const ARCHIVED: &str = "C0ARCHIVE01";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(GRACE_TOKEN, demo::GRACE, demo::SCOPES);
    emu.add_token(
        NARROW_BOT,
        demo::BOT,
        &["chat:write", "channels:history", "groups:history"],
    );
    emu.add_token(READER, demo::LINUS, &["channels:history"]);
    emu.add_channel(
        ChannelSpec::new(ARCHIVED, "old-news")
            .members(&[demo::ADA, demo::BOT])
            .archived(),
    );
    emu
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

async fn history(client: &Client, id: &str) -> Vec<Message> {
    client
        .items(&ConversationsHistory::new(channel(id)))
        .map_ok(|item| {
            item.into_parsed()
                .expect("every message the emulator keeps parses")
        })
        .try_collect()
        .await
        .unwrap()
}

async fn thread(client: &Client, id: &str, ts: &Timestamp) -> Vec<Message> {
    client
        .items(&ConversationsReplies::new(channel(id), ts.clone()))
        .map_ok(|item| {
            item.into_parsed()
                .expect("every message the emulator keeps parses")
        })
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_post_is_read_back_with_its_thread() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);

    let posted = bot
        .call(&ChatPostMessage::new(
            channel(demo::GENERAL),
            "Deploy started",
        ))
        .await
        .unwrap();
    assert_eq!(posted.channel, demo::GENERAL);
    let message = posted.message.as_ref().unwrap();
    assert_eq!(message.ts, posted.ts);
    assert_eq!(message.text, "Deploy started");
    assert_eq!(message.user.as_ref().unwrap(), demo::BOT);
    assert_eq!(message.bot_id.as_ref().unwrap(), demo::BOT_ID);
    assert!(message.bot_profile.is_some());

    let first = ada
        .call(
            &ChatPostMessage::new(channel(demo::GENERAL), "Watching it")
                .in_thread(posted.ts.clone()),
        )
        .await
        .unwrap();
    let second = bot
        .call(
            &ChatPostMessage::new(channel(demo::GENERAL), "Deploy finished")
                .in_thread(posted.ts.clone())
                .broadcast(),
        )
        .await
        .unwrap();
    let reply = first.message.clone().unwrap();
    assert_eq!(reply.thread_ts.as_ref(), Some(&posted.ts));
    assert_eq!(reply.parent_user_id.as_ref().unwrap(), demo::BOT);
    assert!(reply.is_reply());

    // The history: the broadcast reply (newest first) and the parent; the other reply is only in
    // the thread.
    let listed = history(&ada, demo::GENERAL).await;
    let texts: Vec<&str> = listed.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Deploy finished", "Deploy started"]);
    let broadcast = &listed[0];
    assert_eq!(broadcast.subtype, Some(MessageSubtype::ThreadBroadcast));
    assert_eq!(broadcast.root.as_ref().unwrap().ts, posted.ts);
    let parent = &listed[1];
    assert!(parent.is_thread_parent());
    assert_eq!(parent.reply_count, Some(2));
    assert_eq!(parent.reply_users_count, Some(2));
    assert_eq!(
        parent.reply_users,
        [
            UserId::new(demo::ADA).unwrap(),
            UserId::new(demo::BOT).unwrap()
        ]
    );
    assert_eq!(parent.latest_reply.as_ref(), Some(&second.ts));

    // The thread, oldest first, named by its parent or by any reply.
    for named_by in [&posted.ts, &first.ts] {
        let replies = thread(&ada, demo::GENERAL, named_by).await;
        let ts: Vec<&Timestamp> = replies.iter().map(|m| &m.ts).collect();
        assert_eq!(ts, [&posted.ts, &first.ts, &second.ts]);
    }

    // The emulator's own view agrees, thread replies included.
    assert_eq!(emu.messages(demo::GENERAL).unwrap().len(), 3);
    assert_eq!(emu.applied_writes("chat.postMessage"), 3);
}

#[tokio::test]
async fn blocks_attachments_and_metadata_come_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let blocks = Blocks::from([
        Block::header("Release 1.4.2"),
        Block::section(Text::mrkdwn("*api* is live")).with_block_id("status"),
    ]);
    let post = ChatPostMessage::blocks(channel(demo::GENERAL), blocks)
        .with_text("Release 1.4.2 is live")
        .with_attachments([Attachment::new().with_color("good").with_text("all green")])
        .with_metadata(MessageMetadata::new("release_published").with("version", "1.4.2"));
    let posted = bot.call(&post).await.unwrap();
    let message = posted.message.clone().unwrap();
    assert_eq!(message.blocks.len(), 2);
    // Slack gives blocks without a block_id one, and keeps the others'.
    assert!(message.blocks[0]
        .block_id()
        .is_some_and(|id| !id.is_empty()));
    assert_eq!(message.blocks[1].block_id(), Some("status"));
    assert_eq!(message.blocks[1].text(), Some("*api* is live"));
    assert_eq!(message.attachments[0].color(), Some("good"));
    assert_eq!(message.attachments[0].id(), Some(1));

    let plain = bot
        .call(&ConversationsHistory::new(channel(demo::GENERAL)))
        .await
        .unwrap();
    let read = plain.messages.first().unwrap();
    assert!(read.metadata.is_none(), "metadata only when asked");
    assert_eq!(read.blocks, message.blocks);
    let with_metadata = bot
        .call(&ConversationsHistory::new(channel(demo::GENERAL)).with_metadata())
        .await
        .unwrap();
    let metadata = with_metadata
        .messages
        .first()
        .unwrap()
        .metadata
        .clone()
        .unwrap();
    assert_eq!(metadata.event_type, "release_published");
    assert_eq!(metadata.event_payload["version"], "1.4.2");
}

/// `chat.postMessage` with its `blocks` as raw text, to put malformed JSON on the wire.
#[slack_method("chat.postMessage", scope = "chat:write")]
struct RawPost {
    channel: String,
    text: Option<String>,
    blocks: Option<String>,
    attachments: Option<String>,
    metadata: Option<String>,
    thread_ts: Option<String>,
    markdown_text: Option<String>,
}

fn raw_post(field: &str, value: &str) -> RawPost {
    let mut post = RawPost {
        channel: demo::GENERAL.to_owned(),
        text: Some("fallback".to_owned()),
        blocks: None,
        attachments: None,
        metadata: None,
        thread_ts: None,
        markdown_text: None,
    };
    let value = Some(value.to_owned());
    match field {
        "blocks" => post.blocks = value,
        "attachments" => post.attachments = value,
        "metadata" => post.metadata = value,
        "thread_ts" => post.thread_ts = value,
        "markdown_text" => post.markdown_text = value,
        other => panic!("{other}"),
    }
    post
}

#[tokio::test]
async fn malformed_content_is_refused_as_slack_refuses_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for (field, value, expected) in [
        ("blocks", "[{\"type\":", "invalid_blocks_format"),
        ("blocks", "{\"type\":\"divider\"}", "invalid_blocks_format"),
        ("attachments", "{}", "invalid_attachments"),
        ("attachments", "[1]", "invalid_attachments"),
        ("metadata", "{\"event_type\":1}", "invalid_metadata_format"),
        ("thread_ts", "1.000001", "invalid_thread_ts"),
        ("markdown_text", "**bold**", "markdown_text_conflict"),
    ] {
        let err = code(bot.call(&raw_post(field, value)).await);
        assert_eq!(err, expected, "{field}={value}");
    }
    let many = format!("[{}]", vec!["{}"; 101].join(",")).replace("{}", "{\"text\":\"x\"}");
    assert_eq!(
        code(bot.call(&raw_post("attachments", &many)).await),
        "too_many_attachments"
    );

    // Blocks that are JSON but break Block Kit's rules: `invalid_blocks`, each problem named
    // with its JSON pointer, in `errors` and in `response_metadata.messages`.
    let blocks = r#"[{"type":"section"},{"type":"image","image_url":"https://example.com/a.png"}]"#;
    let Err(Error::Api(api)) = bot.call(&raw_post("blocks", blocks)).await else {
        panic!("expected invalid_blocks");
    };
    assert_eq!(api.code.as_str(), "invalid_blocks");
    assert_eq!(
        api.messages,
        [
            "[ERROR] must provide either text or fields [json-pointer:/blocks/0]",
            "[ERROR] missing required field: alt_text [json-pointer:/blocks/1]",
        ]
    );
    let body: Value = serde_json::from_str(&api.raw).unwrap();
    assert_eq!(
        body["errors"],
        json!([
            "must provide either text or fields [json-pointer:/blocks/0]",
            "missing required field: alt_text [json-pointer:/blocks/1]"
        ])
    );
    assert!(emu.messages(demo::GENERAL).unwrap().is_empty());
    assert_eq!(emu.applied_writes("chat.postMessage"), 0);
}

/// Slack's limits on a section's text (3,000 characters) and fields (10, of 2,000 characters
/// each), and on the elements of context (10) and actions (25) blocks: `invalid_blocks`, naming
/// an over-long text as matching no text schema and as too long, as Slack answers it.
#[tokio::test]
async fn blocks_over_block_kit_limits_are_invalid_blocks() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let post = |blocks: Blocks| ChatPostMessage::blocks(general.clone(), blocks).with_text("t");

    let at_most = Block::section(Text::mrkdwn("z".repeat(3000)));
    bot.call(&post(Blocks::from([at_most]))).await.unwrap();
    let long = Block::section(Text::mrkdwn("z".repeat(3001)));
    let Err(Error::Api(api)) = bot
        .call(&post(Blocks::from([Block::divider(), long])))
        .await
    else {
        panic!("expected invalid_blocks");
    };
    assert_eq!(api.code.as_str(), "invalid_blocks");
    assert_eq!(
        api.messages,
        [
            "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/1/text]",
            "[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/text/text]",
        ]
    );

    let field = |chars: usize| json!({"type": "mrkdwn", "text": "f".repeat(chars)});
    let fields = |list: Vec<Value>| {
        Blocks::from([Block::from_json(json!({"type": "section", "fields": list})).unwrap()])
    };
    bot.call(&post(fields(vec![field(2000); 10])))
        .await
        .unwrap();
    let Err(Error::Api(api)) = bot.call(&post(fields(vec![field(1); 11]))).await else {
        panic!("expected invalid_blocks");
    };
    assert_eq!(
        api.messages,
        ["[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]"]
    );
    let Err(Error::Api(api)) = bot.call(&post(fields(vec![field(1), field(2001)]))).await else {
        panic!("expected invalid_blocks");
    };
    assert_eq!(
        api.messages,
        [
            "[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/fields/1]",
            "[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/fields/1/text]",
        ]
    );

    // A context block holds at most 10 elements, an actions block 25.
    let texts = |n: usize| (0..n).map(|i| Text::plain(format!("t{i}")));
    let buttons = |n: usize| (0..n).map(|i| Button::new("b", format!("a{i}")));
    let fine = Blocks::from([Block::context(texts(10)), Block::actions(buttons(25))]);
    bot.call(&post(fine)).await.unwrap();
    let crowded = Blocks::from([Block::context(texts(11)), Block::actions(buttons(26))]);
    let Err(Error::Api(api)) = bot.call(&post(crowded)).await else {
        panic!("expected invalid_blocks");
    };
    assert_eq!(
        api.messages,
        [
            "[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/elements]",
            "[ERROR] no more than 25 items allowed [json-pointer:/blocks/1/elements]",
        ]
    );
    assert_eq!(emu.messages(demo::GENERAL).unwrap().len(), 3);
}

/// Text over 40,000 characters is cut and still posted, with Slack's `message_truncated`
/// warning; text of 40,000 is posted whole, without it.
#[tokio::test]
async fn text_over_the_limit_is_cut_with_a_warning() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);

    let whole = bot
        .call(&ChatPostMessage::new(general.clone(), "é".repeat(40_000)))
        .await
        .unwrap();
    assert!(whole.warnings.is_empty(), "{:?}", whole.warnings);
    let cut = bot
        .call(&ChatPostMessage::new(general.clone(), "é".repeat(40_001)))
        .await
        .unwrap();
    assert_eq!(cut.warnings, ["message_truncated"]);
    let text = &cut.message.as_ref().unwrap().text;
    assert_eq!(text.chars().count(), 40_000);

    let edit = ChatUpdate::new(general.clone(), whole.ts.clone(), "x".repeat(40_001));
    let edited = bot.call(&edit).await.unwrap();
    assert_eq!(edited.warnings, ["message_truncated"]);
    assert_eq!(edited.text.len(), 40_000);
    let ada = UserId::new(demo::ADA).unwrap();
    let shown = bot
        .call(&ChatPostEphemeral::new(
            general.clone(),
            ada,
            "x".repeat(40_001),
        ))
        .await
        .unwrap();
    assert_eq!(shown.warnings, ["message_truncated"]);
    let later = ChatScheduleMessage::new(general, now() + 600, "x".repeat(40_001));
    let scheduled = bot.call(&later).await.unwrap();
    assert_eq!(scheduled.warnings, ["message_truncated"]);
}

#[tokio::test]
async fn where_a_token_may_post_and_read() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let narrow = client(&emu, NARROW_BOT);
    let grace = client(&emu, GRACE_TOKEN);
    let hello = |id: &str| ChatPostMessage::new(channel(id), "hello");

    // The bot is not in #random: `chat:write.public` lets it post there, not read it.
    bot.call(&hello(demo::RANDOM)).await.unwrap();
    assert_eq!(
        code(narrow.call(&hello(demo::RANDOM)).await),
        "not_in_channel"
    );
    assert_eq!(
        code(
            bot.call(&ConversationsHistory::new(channel(demo::RANDOM)))
                .await
        ),
        "not_in_channel"
    );
    // People read public channels they are not in; a private one they are not in does not
    // exist for them.
    assert_eq!(history(&grace, demo::RANDOM).await.len(), 1);
    assert_eq!(
        code(grace.call(&hello(demo::LEADS)).await),
        "channel_not_found"
    );
    assert_eq!(
        code(
            grace
                .call(&ConversationsHistory::new(channel(demo::LEADS)))
                .await
        ),
        "channel_not_found"
    );
    assert_eq!(
        code(bot.call(&hello("C0NOWHERE1")).await),
        "channel_not_found"
    );
    assert_eq!(code(bot.call(&hello(ARCHIVED)).await), "is_archived");
    // A token without `chat:write` is refused with the scopes it needs.
    let Err(Error::Api(api)) = client(&emu, READER).call(&hello(demo::GENERAL)).await else {
        panic!("expected missing_scope");
    };
    assert_eq!(api.code.as_str(), "missing_scope");
    assert_eq!(
        api.needed.as_deref(),
        Some("chat:write,chat:write:bot,chat:write:user")
    );
}

/// The posting methods take a channel's name as well as its id, as Slack's spec says ("an
/// encoded ID, or a name"); Slack answers with the id.
#[tokio::test]
async fn posting_methods_take_a_channel_name() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = ChannelRef::name("#general").unwrap();
    let by_name = ChatPostMessage::new(general.clone(), "by name");
    assert_eq!(
        slack_methods::encode_params(&by_name).unwrap(),
        "channel=%23general&text=by+name"
    );
    let posted = bot.call(&by_name).await.unwrap();
    assert_eq!(posted.channel, demo::GENERAL);
    let posted = bot
        .call(&ChatPostMessage::new(
            ChannelRef::name("general").unwrap(),
            "without the hash",
        ))
        .await
        .unwrap();
    assert_eq!(posted.channel, demo::GENERAL);
    let texts: Vec<String> = history(&bot, demo::GENERAL)
        .await
        .into_iter()
        .map(|message| message.text)
        .collect();
    assert_eq!(texts, ["without the hash", "by name"]);

    let ada = UserId::new(demo::ADA).unwrap();
    bot.call(&ChatPostEphemeral::new(general.clone(), ada, "only you"))
        .await
        .unwrap();
    assert_eq!(emu.ephemeral_messages(demo::GENERAL).len(), 1);
    let scheduled = bot
        .call(&ChatScheduleMessage::new(general, now() + 3600, "later"))
        .await
        .unwrap();
    assert_eq!(scheduled.channel, demo::GENERAL);

    // A name no channel has is Slack's `channel_not_found`; a name that cannot be one is refused
    // before anything is built.
    let nowhere = ChatPostMessage::new(ChannelRef::name("#nowhere").unwrap(), "hello");
    assert_eq!(code(bot.call(&nowhere).await), "channel_not_found");
    assert!(ChannelRef::name("#two words").is_err());
}

#[tokio::test]
async fn an_update_changes_only_what_it_sends() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let posted = bot
        .call(
            &ChatPostMessage::new(general.clone(), "Build 812 running")
                .with_blocks([Block::section(Text::mrkdwn("*812* running"))]),
        )
        .await
        .unwrap();

    let edited = bot
        .call(&ChatUpdate::new(
            general.clone(),
            posted.ts.clone(),
            "Build 812 passed",
        ))
        .await
        .unwrap();
    assert_eq!(
        (edited.channel.as_str(), &edited.ts),
        (demo::GENERAL, &posted.ts)
    );
    assert_eq!(edited.text, "Build 812 passed");
    // Slack leaves the message's ts out of this answer; the binding fills it in.
    let message = edited.message.clone().unwrap();
    assert_eq!(message.ts, posted.ts);
    assert_eq!(message.blocks.len(), 1, "blocks left out are kept");
    let edit = message.edited.unwrap();
    assert_eq!(edit.user.unwrap(), demo::BOT);
    assert!(edit.ts.unwrap() > posted.ts);

    // Empty blocks remove them; the history shows the new version.
    bot.call(
        &ChatUpdate::new(general.clone(), posted.ts.clone(), "Build 812 passed")
            .with_blocks(Blocks::new()),
    )
    .await
    .unwrap();
    let listed = history(&bot, demo::GENERAL).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].text, "Build 812 passed");
    assert!(listed[0].blocks.is_empty());
    assert!(listed[0].edited.is_some());

    // Only the author edits; a message that is not there cannot be.
    let ada = client(&emu, demo::USER_TOKEN);
    let theirs = ChatUpdate::new(general.clone(), posted.ts.clone(), "mine now");
    assert_eq!(code(ada.call(&theirs).await), "cant_update_message");
    let missing = ChatUpdate::new(general, Timestamp::new("1.000002"), "nothing");
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
}

#[tokio::test]
async fn deleting_messages_and_threads() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let general = channel(demo::GENERAL);
    let post = |text: &str| ChatPostMessage::new(general.clone(), text);

    let parent = bot.call(&post("Question")).await.unwrap();
    let one = grace
        .call(&post("One").in_thread(parent.ts.clone()))
        .await
        .unwrap();
    let two = bot
        .call(&post("Two").in_thread(parent.ts.clone()))
        .await
        .unwrap();

    // Someone else's message: refused to a member, allowed to an admin.
    let delete = |ts: &Timestamp| ChatDelete::new(general.clone(), ts.clone());
    assert_eq!(
        code(grace.call(&delete(&parent.ts)).await),
        "cant_delete_message"
    );
    let gone = ada.call(&delete(&two.ts)).await.unwrap();
    assert_eq!((gone.channel.as_str(), &gone.ts), (demo::GENERAL, &two.ts));
    let listed = history(&bot, demo::GENERAL).await;
    assert_eq!(listed[0].reply_count, Some(1));
    assert_eq!(listed[0].latest_reply.as_ref(), Some(&one.ts));

    // A parent with replies stays as a tombstone, until its last reply goes.
    bot.call(&delete(&parent.ts)).await.unwrap();
    let listed = history(&bot, demo::GENERAL).await;
    assert_eq!(listed[0].subtype, Some(MessageSubtype::Tombstone));
    assert_eq!(listed[0].reply_count, Some(1));
    assert_eq!(thread(&bot, demo::GENERAL, &parent.ts).await.len(), 2);
    grace.call(&delete(&one.ts)).await.unwrap();
    assert!(history(&bot, demo::GENERAL).await.is_empty());
    assert!(emu.messages(demo::GENERAL).unwrap().is_empty());
    assert_eq!(
        code(bot.call(&delete(&parent.ts)).await),
        "message_not_found"
    );
}

#[tokio::test]
async fn ephemeral_messages_reach_one_member_and_no_history() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = UserId::new(demo::ADA).unwrap();
    let shown = bot
        .call(&ChatPostEphemeral::new(
            channel(demo::LEADS),
            ada.clone(),
            "Only you see this",
        ))
        .await
        .unwrap();
    assert!(shown.message_ts.seconds().is_some());
    let seen = emu.ephemeral_messages(demo::LEADS);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0]["to_user"], demo::ADA);
    assert_eq!(seen[0]["text"], "Only you see this");
    assert_eq!(seen[0]["ts"], shown.message_ts.as_str());
    assert!(history(&bot, demo::LEADS).await.is_empty());

    let grace = UserId::new(demo::GRACE).unwrap();
    let outsider = ChatPostEphemeral::new(channel(demo::LEADS), grace, "psst");
    assert_eq!(code(bot.call(&outsider).await), "user_not_in_channel");
    let nobody = ChatPostEphemeral::new(
        channel(demo::LEADS),
        UserId::new("U0NOBODY01").unwrap(),
        "psst",
    );
    assert_eq!(code(bot.call(&nobody).await), "user_not_found");
}

#[tokio::test]
async fn permalinks_are_on_the_workspace_domain() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .team("T0ACME0001", "Acme", "acme")
        .demo_workspace()
        .start()
        .await
        .unwrap();
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let parent = bot
        .call(&ChatPostMessage::new(general.clone(), "Incident"))
        .await
        .unwrap();
    let reply = bot
        .call(&ChatPostMessage::new(general.clone(), "Fixed").in_thread(parent.ts.clone()))
        .await
        .unwrap();

    let link = bot
        .call(&ChatGetPermalink::new(general.clone(), parent.ts.clone()))
        .await
        .unwrap();
    let digits = parent.ts.as_str().replace('.', "");
    assert_eq!(
        link.permalink,
        format!(
            "https://acme.slack.com/archives/{}/p{digits}",
            demo::GENERAL
        )
    );
    assert_eq!(link.channel.as_ref().unwrap(), demo::GENERAL);
    let reply_link = bot
        .call(&ChatGetPermalink::new(general.clone(), reply.ts.clone()))
        .await
        .unwrap();
    assert_eq!(
        reply_link.permalink,
        format!(
            "https://acme.slack.com/archives/{ch}/p{}?thread_ts={}&cid={ch}",
            reply.ts.as_str().replace('.', ""),
            parent.ts,
            ch = demo::GENERAL
        )
    );
    let missing = ChatGetPermalink::new(general, Timestamp::new("1.000003"));
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
    let elsewhere = ChatGetPermalink::new(channel("C0NOWHERE1"), parent.ts.clone());
    assert_eq!(code(bot.call(&elsewhere).await), "channel_not_found");
}

fn now() -> i64 {
    i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

#[tokio::test]
async fn scheduled_messages_wait_for_their_time() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);

    assert_eq!(
        code(
            bot.call(&ChatScheduleMessage::new(
                general.clone(),
                now() - 10,
                "late"
            ))
            .await
        ),
        "time_in_past"
    );
    let too_far = now() + 121 * 24 * 3600;
    assert_eq!(
        code(
            bot.call(&ChatScheduleMessage::new(general.clone(), too_far, "far"))
                .await
        ),
        "time_too_far"
    );

    // A point in time is sent as its Unix seconds, a fraction counting as a whole second.
    let when = SystemTime::now() + Duration::from_secs(600);
    let at = ChatScheduleMessage::at(channel(demo::RANDOM), when, "in ten minutes");
    let seconds = when.duration_since(UNIX_EPOCH).unwrap();
    let expected = seconds.as_secs() + u64::from(seconds.subsec_nanos() > 0);
    let answer = bot.call(&at).await.unwrap();
    assert_eq!(answer.post_at, i64::try_from(expected).unwrap());
    let before_1970 = UNIX_EPOCH - Duration::from_secs(1);
    let before_1970 = ChatScheduleMessage::at(general.clone(), before_1970, "x");
    assert!(refused(bot.call(&before_1970).await).contains("post_at"));

    let post_at = now() + 1;
    let scheduled = bot
        .call(&ChatScheduleMessage::new(
            general.clone(),
            post_at,
            "Stand-up now",
        ))
        .await
        .unwrap();
    assert_eq!(scheduled.channel, demo::GENERAL);
    assert_eq!(scheduled.post_at, post_at);
    assert!(scheduled.scheduled_message_id.starts_with('Q'));
    let message = scheduled.message.clone().unwrap();
    assert_eq!(message.kind, "delayed_message");
    assert_eq!(message.text, "Stand-up now");
    assert!(message.ts.is_empty(), "no ts until it is posted");
    let pending = emu.scheduled_messages(demo::GENERAL);
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0]["scheduled_message_id"],
        scheduled.scheduled_message_id
    );
    assert!(history(&bot, demo::GENERAL).await.is_empty());

    // Once its time has passed, it is in the history.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let listed = history(&bot, demo::GENERAL).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].text, "Stand-up now");
    assert_eq!(listed[0].kind, "message");
    assert!(listed[0].ts.seconds().unwrap() >= u64::try_from(post_at).unwrap());
    assert!(emu.scheduled_messages(demo::GENERAL).is_empty());
}

/// `chat.scheduledMessages.list` with its range and cursor as text, as Slack takes them.
#[slack_method("chat.scheduledMessages.list")]
struct RawScheduledList {
    oldest: Option<String>,
    latest: Option<String>,
    cursor: Option<String>,
}

#[tokio::test]
async fn scheduled_messages_are_listed_and_cancelled() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let general = channel(demo::GENERAL);
    let random = channel(demo::RANDOM);
    let start = now();
    let schedule = |channel: &ChannelId, after: i64, text: &str| {
        ChatScheduleMessage::new(channel.clone(), start + after, text)
    };
    let mut ids = Vec::new();
    for (channel, after, text) in [
        (&general, 1800, "third"),
        (&general, 600, "first"),
        (&random, 900, "second"),
        (&general, 2400, "fourth"),
    ] {
        let answer = bot.call(&schedule(channel, after, text)).await.unwrap();
        ids.push((after, answer.into_data().scheduled_message_id));
    }
    ids.sort();
    let ids: Vec<String> = ids.into_iter().map(|(_, id)| id).collect();
    let by_grace = grace
        .call(&schedule(&general, 700, "grace's"))
        .await
        .unwrap();

    // Each token sees its own scheduled messages, soonest first.
    let all = bot.call(&ChatScheduledMessagesList::new()).await.unwrap();
    let listed = all.into_data().scheduled_messages.into_parsed();
    let listed_ids: Vec<&str> = listed.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(listed_ids, ids);
    assert_eq!(listed[0].text.as_deref(), Some("first"));
    assert_eq!(listed[0].post_at, start + 600);
    assert_eq!(listed[0].channel_id, demo::GENERAL);
    assert_eq!(listed[1].channel_id, demo::RANDOM);
    assert!(listed[0].date_created.is_some_and(|at| at >= start));
    let theirs = grace.call(&ChatScheduledMessagesList::new()).await.unwrap();
    let theirs: Vec<_> = theirs
        .scheduled_messages
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(theirs, [by_grace.into_data().scheduled_message_id]);

    // In one channel, and in a range of post_at (both ends included).
    let in_general = ChatScheduledMessagesList::new().channel(general.clone());
    let in_general = bot.call(&in_general).await.unwrap();
    assert_eq!(in_general.scheduled_messages.len(), 3);
    let range = ChatScheduledMessagesList::new().between(start + 900, start + 1800);
    let range = bot.call(&range).await.unwrap();
    let range: Vec<_> = range
        .scheduled_messages
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(range, ids[1..3]);
    let nowhere = ChatScheduledMessagesList::new().channel(channel("C0NOWHERE1"));
    assert_eq!(code(bot.call(&nowhere).await), "invalid_channel");
    let backwards = ChatScheduledMessagesList::new().between(start + 10, start);
    assert!(refused(bot.call(&backwards).await).contains("`oldest`"));

    // Paged: cancelling the message the next page starts at neither repeats nor skips one.
    let paged = ChatScheduledMessagesList::new().limit(2);
    let mut pages = std::pin::pin!(bot.pages(&paged));
    let first = pages.try_next().await.unwrap().unwrap();
    let first: Vec<_> = first
        .scheduled_messages
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(first, ids[..2]);
    let cancel = ChatDeleteScheduledMessage::new(general.clone(), ids[2].clone());
    bot.call(&cancel).await.unwrap();
    let second = pages.try_next().await.unwrap().unwrap();
    let second: Vec<_> = second
        .scheduled_messages
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(second, ids[3..]);
    assert!(pages.try_next().await.unwrap().is_none());
    let left: Vec<String> = bot
        .items(&ChatScheduledMessagesList::new().limit(1))
        .map_ok(|item| item.parsed().map(|m| m.id.clone()).unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(left, [ids[0].clone(), ids[1].clone(), ids[3].clone()]);

    // A cancelled message is gone and never posted; an id is cancelled once, in its own
    // channel, by whoever scheduled it.
    let pending = emu.scheduled_messages(demo::GENERAL);
    assert!(pending
        .iter()
        .all(|m| m["scheduled_message_id"] != ids[2].as_str()));
    assert_eq!(
        code(bot.call(&cancel).await),
        "invalid_scheduled_message_id"
    );
    let elsewhere = ChatDeleteScheduledMessage::new(random.clone(), ids[0].clone());
    assert_eq!(
        code(bot.call(&elsewhere).await),
        "invalid_scheduled_message_id"
    );
    let not_theirs = ChatDeleteScheduledMessage::new(general.clone(), ids[0].clone());
    assert_eq!(
        code(grace.call(&not_theirs).await),
        "invalid_scheduled_message_id"
    );
    let unknown = ChatDeleteScheduledMessage::new(channel("C0NOWHERE1"), ids[0].clone());
    assert_eq!(code(bot.call(&unknown).await), "channel_not_found");
    let blank = ChatDeleteScheduledMessage::new(general.clone(), " ");
    assert!(refused(bot.call(&blank).await).contains("scheduled_message_id"));
    assert_eq!(emu.scheduled_messages(demo::GENERAL).len(), 3);

    // A range's fraction of a second counts: `post_at` is a whole second.
    let raw = |oldest: i64, latest: &str, cursor: Option<&str>| RawScheduledList {
        oldest: Some(format!("{}.5", start + oldest)),
        latest: Some(latest.to_owned()),
        cursor: cursor.map(str::to_owned),
    };
    let answer = bot
        .call(&raw(599, &format!("{}.5", start + 900), None))
        .await
        .unwrap();
    let ids_in = |answer: &serde_json::Map<String, Value>| -> Vec<String> {
        answer["scheduled_messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids_in(&answer), [ids[0].clone(), ids[1].clone()]);
    let answer = bot
        .call(&raw(600, &format!("{}", start + 900), None))
        .await
        .unwrap();
    assert_eq!(ids_in(&answer), [ids[1].clone()]);
    // Another list's cursor is not this one's.
    let users_cursor = client(&emu, demo::BOT_TOKEN)
        .call(&slack_methods::methods::UsersList::new().limit(1))
        .await
        .unwrap()
        .next_cursor
        .clone()
        .unwrap();
    let wrong = raw(0, &format!("{}", start + 9000), Some(&users_cursor));
    assert_eq!(code(bot.call(&wrong).await), "invalid_cursor");
}

#[tokio::test]
async fn reactions_are_counted_per_person() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let general = channel(demo::GENERAL);
    let posted = bot
        .call(&ChatPostMessage::new(general.clone(), "Shipped"))
        .await
        .unwrap();
    let react = ReactionsAdd::new(general.clone(), posted.ts.clone(), ":tada:");

    bot.call(&react).await.unwrap();
    ada.call(&react).await.unwrap();
    ada.call(&ReactionsAdd::new(
        general.clone(),
        posted.ts.clone(),
        "eyes",
    ))
    .await
    .unwrap();
    assert_eq!(code(ada.call(&react).await), "already_reacted");
    let listed = history(&bot, demo::GENERAL).await;
    let reactions: Vec<(&str, u64, usize)> = listed[0]
        .reactions
        .iter()
        .map(|r| (r.name.as_str(), r.count, r.users.len()))
        .collect();
    assert_eq!(reactions, [("tada", 2, 2), ("eyes", 1, 1)]);

    let undo = ReactionsRemove::new(general.clone(), posted.ts.clone(), "tada");
    bot.call(&undo).await.unwrap();
    assert_eq!(code(bot.call(&undo).await), "no_reaction");
    ada.call(&ReactionsRemove::new(
        general.clone(),
        posted.ts.clone(),
        "eyes",
    ))
    .await
    .unwrap();
    let listed = history(&bot, demo::GENERAL).await;
    let left: Vec<&UserId> = listed[0].reactions.iter().flat_map(|r| &r.users).collect();
    assert_eq!(left, [&UserId::new(demo::ADA).unwrap()]);

    let missing = ReactionsAdd::new(general, Timestamp::new("1.000004"), "tada");
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
}

#[tokio::test]
async fn reactions_are_read_back_per_message() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let general = channel(demo::GENERAL);
    let posted = bot
        .call(&ChatPostMessage::new(general.clone(), "Shipped"))
        .await
        .unwrap();
    let get = ReactionsGet::new(general.clone(), posted.ts.clone());
    let bare = bot.call(&get).await.unwrap();
    assert_eq!(bare.kind, "message");
    assert_eq!(bare.channel.as_ref(), Some(&general));
    assert_eq!(bare.message.ts, posted.ts);
    assert!(bare.message.reactions.is_empty());

    let react = |name: &str| ReactionsAdd::new(general.clone(), posted.ts.clone(), name);
    bot.call(&react("tada")).await.unwrap();
    ada.call(&react("tada")).await.unwrap();
    ada.call(&react("eyes")).await.unwrap();
    let got = ada.call(&get.clone().full()).await.unwrap();
    let reactions: Vec<(&str, u64, Vec<&str>)> = got
        .message
        .reactions
        .iter()
        .map(|r| {
            let users = r.users.iter().map(|u| u.as_str()).collect();
            (r.name.as_str(), r.count, users)
        })
        .collect();
    assert_eq!(
        reactions,
        [
            ("tada", 2, vec![demo::BOT, demo::ADA]),
            ("eyes", 1, vec![demo::ADA])
        ]
    );
    let link = bot
        .call(&ChatGetPermalink::new(general.clone(), posted.ts.clone()))
        .await
        .unwrap()
        .permalink
        .clone();
    assert_eq!(got.message.permalink.as_deref(), Some(link.as_str()));

    ada.call(&ReactionsRemove::new(
        general.clone(),
        posted.ts.clone(),
        "eyes",
    ))
    .await
    .unwrap();
    let names: Vec<String> = bot
        .call(&get)
        .await
        .unwrap()
        .message
        .reactions
        .iter()
        .map(|r| r.name.clone())
        .collect();
    assert_eq!(names, ["tada"]);

    // A reply is found in its thread.
    let reply = bot
        .call(&ChatPostMessage::new(general.clone(), "Details").in_thread(posted.ts.clone()))
        .await
        .unwrap();
    let thread_get = ReactionsGet::new(general.clone(), reply.ts.clone());
    assert_eq!(bot.call(&thread_get).await.unwrap().message.ts, reply.ts);

    let missing = ReactionsGet::new(general.clone(), Timestamp::new("1.000004"));
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
    let shapeless = ReactionsGet::new(general.clone(), Timestamp::new("yesterday"));
    assert_eq!(code(bot.call(&shapeless).await), "bad_timestamp");
    let hidden = ReactionsGet::new(channel(demo::LEADS), posted.ts.clone());
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&hidden).await),
        "channel_not_found"
    );
}

/// The messages a user reacted to, as `reactions.list` pages through them with `client.items`:
/// each message's text and the names of its reactions.
async fn reacted(client: &Client, list: &ReactionsList) -> Vec<(String, Vec<String>)> {
    client
        .items(list)
        .map_ok(|item| {
            let item = item.into_parsed().expect("every reacted item parses");
            assert_eq!(item.kind, "message");
            assert!(item.channel.is_some() && item.file.is_none());
            let message = item.message.expect("a message item has its message");
            assert!(message.permalink.is_some());
            let names = message.reactions.iter().map(|r| r.name.clone()).collect();
            (message.text.clone(), names)
        })
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test]
async fn reactions_list_shows_what_a_user_reacted_to_last_first() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let general = channel(demo::GENERAL);
    let mut ts = Vec::new();
    for text in ["one", "two", "three"] {
        let posted = bot
            .call(&ChatPostMessage::new(general.clone(), text))
            .await
            .unwrap();
        ts.push(posted.ts.clone());
    }
    let react = |i: usize, name: &str| ReactionsAdd::new(general.clone(), ts[i].clone(), name);
    let mine = ReactionsList::new();
    assert!(reacted(&ada, &mine).await.is_empty());

    ada.call(&react(0, "tada")).await.unwrap();
    ada.call(&react(2, "eyes")).await.unwrap();
    bot.call(&react(1, "eyes")).await.unwrap();
    // Another reaction to the first message makes it the last reacted to; it is listed once.
    ada.call(&react(0, "eyes")).await.unwrap();
    let expected = vec![
        ("one".to_owned(), vec!["tada".to_owned(), "eyes".to_owned()]),
        ("three".to_owned(), vec!["eyes".to_owned()]),
    ];
    assert_eq!(reacted(&ada, &mine).await, expected);
    // One item a page, and another user's reactions by `user`.
    let of_ada = ReactionsList::of(UserId::new(demo::ADA).unwrap()).limit(1);
    assert_eq!(reacted(&bot, &of_ada).await, expected);
    let first = bot.call(&of_ada).await.unwrap();
    assert_eq!(first.items.len(), 1);
    assert!(first.next_cursor.is_some());
    let bots = reacted(&bot, &ReactionsList::new()).await;
    assert_eq!(bots, [("two".to_owned(), vec!["eyes".to_owned()])]);

    // Taking back every reaction to a message takes it off the list; one left keeps it on.
    let undo = |name: &str| ReactionsRemove::new(general.clone(), ts[0].clone(), name);
    ada.call(&undo("tada")).await.unwrap();
    let left = reacted(&ada, &mine).await;
    assert_eq!(left[0], ("one".to_owned(), vec!["eyes".to_owned()]));
    ada.call(&undo("eyes")).await.unwrap();
    assert_eq!(reacted(&ada, &mine).await, [expected[1].clone()]);
    // A deleted message goes too.
    bot.call(&ChatDelete::new(general.clone(), ts[1].clone()))
        .await
        .unwrap();
    assert!(reacted(&bot, &ReactionsList::new()).await.is_empty());

    let nobody = ReactionsList::of(UserId::new("U0NOBODY01").unwrap());
    assert_eq!(code(ada.call(&nobody).await), "user_not_found");
    let bogus = ReactionsList::new().cursor("bogus");
    assert_eq!(code(ada.call(&bogus).await), "invalid_cursor");
}

/// `reactions.list` shows another user's reactions only in the conversations the caller may see.
#[tokio::test]
async fn reactions_list_keeps_private_conversations_private() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let leads = channel(demo::LEADS);
    let secret = ada
        .call(&ChatPostMessage::new(leads.clone(), "secret"))
        .await
        .unwrap();
    ada.call(&ReactionsAdd::new(leads, secret.ts.clone(), "lock"))
        .await
        .unwrap();
    let of_ada = ReactionsList::of(UserId::new(demo::ADA).unwrap());
    assert_eq!(reacted(&ada, &of_ada).await.len(), 1);
    assert!(reacted(&grace, &of_ada).await.is_empty());
}

#[tokio::test]
async fn emoji_list_answers_the_custom_emoji_and_their_aliases() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let listed = bot.call(&EmojiList).await.unwrap();
    let mut expected: Vec<(String, String)> = demo::CUSTOM_EMOJI
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    expected.sort();
    let got: Vec<(String, String)> = listed.emoji.clone().into_iter().collect();
    assert_eq!(got, expected);
    assert_eq!(listed.alias_of("parrot"), Some("party_parrot"));
    assert_eq!(
        listed.image("parrot"),
        Some("https://emoji.emulator.invalid/demo/party_parrot.gif")
    );
    assert_eq!(listed.alias_of("shipit"), Some("squirrel"));
    assert!(listed
        .cache_ts
        .as_ref()
        .and_then(Timestamp::seconds)
        .is_some());
    // The list needs `emoji:read`.
    let reader = client(&emu, READER);
    assert_eq!(code(reader.call(&EmojiList::new()).await), "missing_scope");
}

/// `reactions.add` with the name as given, to put an invalid name on the wire.
#[slack_method("reactions.add")]
struct RawReaction {
    channel: String,
    name: String,
    timestamp: String,
}

#[tokio::test]
async fn invalid_emoji_names_are_invalid_name() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let posted = bot
        .call(&ChatPostMessage::new(channel(demo::GENERAL), "x"))
        .await
        .unwrap();
    for name in [":tada:", "two words", ""] {
        let raw = RawReaction {
            channel: demo::GENERAL.into(),
            name: name.into(),
            timestamp: posted.ts.to_string(),
        };
        assert_eq!(code(bot.call(&raw).await), "invalid_name", "{name:?}");
    }
}

/// A `timestamp` that is not a timestamp is `bad_timestamp`, as Slack answers it; one that is
/// but names no message is `message_not_found`.
#[tokio::test]
async fn a_timestamp_of_the_wrong_shape_is_bad_timestamp() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    for text in ["yesterday", "1712345678.0001000", "-1.000001"] {
        let ts = Timestamp::new(text);
        let react = ReactionsAdd::new(general.clone(), ts.clone(), "tada");
        assert_eq!(code(bot.call(&react).await), "bad_timestamp", "{text}");
        let undo = ReactionsRemove::new(general.clone(), ts.clone(), "tada");
        assert_eq!(code(bot.call(&undo).await), "bad_timestamp", "{text}");
        let pin = PinsAdd::new(general.clone(), ts);
        assert_eq!(code(bot.call(&pin).await), "bad_timestamp", "{text}");
    }
    let nowhere = Timestamp::new("1712345678.000100");
    let react = ReactionsAdd::new(general.clone(), nowhere.clone(), "tada");
    assert_eq!(code(bot.call(&react).await), "message_not_found");
    let pin = PinsAdd::new(general, nowhere);
    assert_eq!(code(bot.call(&pin).await), "message_not_found");
}

#[tokio::test]
async fn pins_show_in_the_history() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let posted = bot
        .call(&ChatPostMessage::new(general.clone(), "Runbook"))
        .await
        .unwrap();
    bot.call(&ChatPostMessage::new(general.clone(), "Chatter"))
        .await
        .unwrap();
    let pin = PinsAdd::new(general.clone(), posted.ts.clone());
    bot.call(&pin).await.unwrap();
    assert_eq!(code(bot.call(&pin).await), "already_pinned");
    let page = bot
        .call(&ConversationsHistory::new(general.clone()))
        .await
        .unwrap();
    assert_eq!(page.pin_count, 1);
    let pinned: Vec<&str> = page
        .messages
        .iter()
        .filter(|m| m.pinned_to.contains(&general))
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(pinned, ["Runbook"]);
    let missing = PinsAdd::new(general, Timestamp::new("1.000005"));
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
}

#[tokio::test]
async fn an_unpinned_message_leaves_the_pins() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let posted = bot
        .call(&ChatPostMessage::new(general.clone(), "Runbook"))
        .await
        .unwrap();
    let other = bot
        .call(&ChatPostMessage::new(general.clone(), "Chatter"))
        .await
        .unwrap();
    bot.call(&PinsAdd::new(general.clone(), posted.ts.clone()))
        .await
        .unwrap();
    bot.call(&PinsAdd::new(general.clone(), other.ts.clone()))
        .await
        .unwrap();

    let unpin = PinsRemove::new(general.clone(), posted.ts.clone());
    bot.call(&unpin).await.unwrap();
    let page = bot
        .call(&ConversationsHistory::new(general.clone()))
        .await
        .unwrap();
    assert_eq!(page.pin_count, 1);
    let pinned: Vec<(&str, usize)> = page
        .messages
        .iter()
        .map(|m| (m.text.as_str(), m.pinned_to.len()))
        .collect();
    assert_eq!(pinned, [("Chatter", 1), ("Runbook", 0)]);
    // The field goes with the last pin, as on a message never pinned.
    let kept = emu.messages(demo::GENERAL).unwrap();
    let runbook = kept.iter().find(|m| m["ts"] == posted.ts.as_str()).unwrap();
    assert!(runbook.get("pinned_to").is_none(), "{runbook}");

    assert_eq!(code(bot.call(&unpin).await), "no_pin");
    // Pinned again after its removal.
    bot.call(&PinsAdd::new(general.clone(), posted.ts.clone()))
        .await
        .unwrap();
    bot.call(&unpin).await.unwrap();

    let missing = PinsRemove::new(general.clone(), Timestamp::new("1.000005"));
    assert_eq!(code(bot.call(&missing).await), "message_not_found");
    let shapeless = PinsRemove::new(general.clone(), Timestamp::new("yesterday"));
    assert_eq!(code(bot.call(&shapeless).await), "bad_timestamp");
    let hidden = PinsRemove::new(channel(demo::LEADS), posted.ts.clone());
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&hidden).await),
        "channel_not_found"
    );
}

#[tokio::test]
async fn pins_are_listed_last_pinned_first() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let general = channel(demo::GENERAL);
    let mut posted = Vec::new();
    for text in ["Runbook", "Rota", "Chatter"] {
        let message = ChatPostMessage::new(general.clone(), text);
        posted.push(bot.call(&message).await.unwrap().ts.clone());
    }
    let list = PinsList::new(general.clone());
    assert_eq!(bot.call(&list).await.unwrap().items.len(), 0);
    bot.call(&PinsAdd::new(general.clone(), posted[0].clone()))
        .await
        .unwrap();
    ada.call(&PinsAdd::new(general.clone(), posted[1].clone()))
        .await
        .unwrap();
    let leads = channel(demo::LEADS);
    let elsewhere = bot
        .call(&ChatPostMessage::new(leads.clone(), "Private"))
        .await
        .unwrap();
    bot.call(&PinsAdd::new(leads.clone(), elsewhere.ts.clone()))
        .await
        .unwrap();

    let listed = bot.call(&list).await.unwrap();
    assert!(listed.items.is_complete(), "{listed:?}");
    let items: Vec<(&str, &str, &str, &str)> = listed
        .items
        .iter()
        .map(|item| {
            (
                item.kind.as_str(),
                item.created_by.as_ref().unwrap().as_str(),
                item.channel.as_ref().unwrap().as_str(),
                item.message.as_ref().unwrap().text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("message", demo::ADA, demo::GENERAL, "Rota"),
            ("message", demo::BOT, demo::GENERAL, "Runbook"),
        ]
    );
    let first = listed.items.first().unwrap();
    assert!(first.created > 0);
    let message = first.message.as_ref().unwrap();
    assert_eq!(message.ts, posted[1]);
    assert_eq!(message.pinned_to, std::slice::from_ref(&general));
    let link = bot
        .call(&ChatGetPermalink::new(general.clone(), posted[1].clone()))
        .await
        .unwrap()
        .permalink
        .clone();
    assert_eq!(message.permalink.as_deref(), Some(link.as_str()));

    // Un-pinned or deleted, a message leaves the list.
    bot.call(&PinsRemove::new(general.clone(), posted[0].clone()))
        .await
        .unwrap();
    bot.call(&ChatDelete::new(general.clone(), posted[1].clone()))
        .await
        .unwrap();
    assert_eq!(bot.call(&list).await.unwrap().items.len(), 0);
    assert_eq!(
        bot.call(&PinsList::new(leads.clone()))
            .await
            .unwrap()
            .items
            .len(),
        1
    );

    let hidden = PinsList::new(leads);
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&hidden).await),
        "channel_not_found"
    );
    let unknown = PinsList::new(channel("C0NOSUCH01"));
    assert_eq!(code(bot.call(&unknown).await), "channel_not_found");
}

#[tokio::test]
async fn a_join_message_is_not_pinnable() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    bot.call(&ConversationsJoin::channel(channel(demo::RANDOM)))
        .await
        .unwrap();
    let joined = history(&bot, demo::RANDOM).await;
    let join = joined
        .iter()
        .find(|m| m.subtype == Some(MessageSubtype::ChannelJoin))
        .expect("joining posts a channel_join message");
    let pin = PinsAdd::new(channel(demo::RANDOM), join.ts.clone());
    assert_eq!(code(bot.call(&pin).await), "not_pinnable");
    let after = history(&bot, demo::RANDOM).await;
    assert!(after.iter().all(|m| m.pinned_to.is_empty()));
}

/// `bookmarks.add` with the link as given, to put an invalid one on the wire.
#[slack_method("bookmarks.add", scope = "bookmarks:write")]
struct RawBookmark {
    channel_id: String,
    title: String,
    r#type: String,
    link: Option<String>,
}

#[tokio::test]
async fn bookmarks_are_added_to_a_channel() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let added = bot
        .call(
            &BookmarksAdd::link(
                channel(demo::LEADS),
                "Runbook",
                "https://example.com/runbook",
            )
            .with_emoji(":book:"),
        )
        .await
        .unwrap();
    let bookmark = &added.bookmark;
    assert!(bookmark.id.starts_with("Bk"));
    assert_eq!(bookmark.channel_id.as_ref().unwrap(), demo::LEADS);
    assert_eq!(bookmark.title, "Runbook");
    assert_eq!(bookmark.link, "https://example.com/runbook");
    assert_eq!(bookmark.emoji.as_deref(), Some(":book:"));
    assert_eq!(bookmark.kind, "link");
    assert_eq!(
        bookmark.last_updated_by_user_id.as_ref().unwrap(),
        demo::BOT
    );
    let kept = emu.bookmarks(demo::LEADS);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["id"], bookmark.id);
    // A URL's scheme is case-insensitive: an upper-case one is a link, sent as written.
    let upper = BookmarksAdd::link(
        channel(demo::LEADS),
        "Runbook",
        "HTTPS://example.com/Runbook",
    );
    let added = bot.call(&upper).await.unwrap();
    assert_eq!(added.bookmark.link, "HTTPS://example.com/Runbook");

    let raw = |kind: &str, link: &str| RawBookmark {
        channel_id: demo::LEADS.into(),
        title: "t".into(),
        r#type: kind.into(),
        link: Some(link.into()),
    };
    assert_eq!(
        code(bot.call(&raw("link", "ftp://example.com")).await),
        "invalid_link"
    );
    assert_eq!(
        code(bot.call(&raw("folder", "https://x.io")).await),
        "invalid_bookmark_type"
    );
    let hidden = BookmarksAdd::link(channel(demo::LEADS), "t", "https://x.io");
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&hidden).await),
        "channel_not_found"
    );
}

#[tokio::test]
async fn bookmarks_are_listed_in_the_order_added() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let leads = channel(demo::LEADS);
    let list = BookmarksList::new(leads.clone());
    assert!(bot.call(&list).await.unwrap().bookmarks.is_empty());
    let mut added = Vec::new();
    for (who, title) in [(&bot, "Runbook"), (&ada, "Rota")] {
        let link = format!("https://example.com/{}", title.to_lowercase());
        let bookmark = who
            .call(&BookmarksAdd::link(leads.clone(), title, link))
            .await
            .unwrap();
        added.push(bookmark.bookmark.clone());
    }
    let listed = ada.call(&list).await.unwrap();
    assert!(listed.bookmarks.is_complete(), "{listed:?}");
    let listed: Vec<_> = listed.bookmarks.iter().cloned().collect();
    assert_eq!(listed, added);
    let by: Vec<&str> = listed
        .iter()
        .map(|b| b.last_updated_by_user_id.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(by, [demo::BOT, demo::ADA]);
    // Another conversation's bookmarks are its own; listing changes nothing.
    let general = BookmarksList::new(channel(demo::GENERAL));
    assert!(bot.call(&general).await.unwrap().bookmarks.is_empty());
    assert_eq!(emu.applied_writes("bookmarks.list"), 0);

    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&list).await),
        "channel_not_found"
    );
    let unknown = BookmarksList::new(channel("C0NOSUCH01"));
    assert_eq!(code(bot.call(&unknown).await), "channel_not_found");
}

#[tokio::test]
async fn a_removed_bookmark_leaves_the_list() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let leads = channel(demo::LEADS);
    let mut ids = Vec::new();
    for title in ["Runbook", "Rota"] {
        let add = BookmarksAdd::link(leads.clone(), title, "https://example.com");
        ids.push(bot.call(&add).await.unwrap().bookmark.id.clone());
    }
    let remove = BookmarksRemove::new(leads.clone(), ids[0].clone());
    bot.call(&remove).await.unwrap();
    let left = bot.call(&BookmarksList::new(leads.clone())).await.unwrap();
    let titles: Vec<&str> = left.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles, ["Rota"]);
    assert_eq!(emu.bookmarks(demo::LEADS).len(), 1);

    assert_eq!(code(bot.call(&remove).await), "invalid_bookmark_id");
    // A bookmark is removed from its own conversation only.
    let elsewhere = BookmarksRemove::new(channel(demo::GENERAL), ids[1].clone());
    assert_eq!(code(bot.call(&elsewhere).await), "invalid_bookmark_id");
    assert_eq!(emu.bookmarks(demo::LEADS).len(), 1);
    let hidden = BookmarksRemove::new(leads.clone(), ids[1].clone());
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&hidden).await),
        "channel_not_found"
    );
    let blank = BookmarksRemove::new(leads.clone(), " ");
    assert!(refused(bot.call(&blank).await).contains("bookmark_id"));

    // Bookmarks added after a removal sort last by their rank, each shared with no other, past
    // the alphabet too.
    for _ in 0..30 {
        let add = BookmarksAdd::link(leads.clone(), "More", "https://example.com");
        bot.call(&add).await.unwrap();
    }
    let listed = bot.call(&BookmarksList::new(leads)).await.unwrap();
    let ranks: Vec<String> = listed
        .bookmarks
        .iter()
        .map(|b| b.rank.clone().unwrap_or_default())
        .collect();
    assert_eq!(ranks.len(), 31);
    assert!(ranks.windows(2).all(|pair| pair[0] < pair[1]), "{ranks:?}");
}

/// `bookmarks.edit` with the values as given, to put invalid ones on the wire.
#[slack_method("bookmarks.edit", scope = "bookmarks:write")]
struct RawBookmarkEdit {
    bookmark_id: String,
    channel_id: String,
    emoji: Option<String>,
    link: Option<String>,
}

#[tokio::test]
async fn an_edited_bookmark_keeps_what_the_edit_leaves_out() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let leads = channel(demo::LEADS);
    let add = BookmarksAdd::link(leads.clone(), "Runbook", "https://example.com/runbook")
        .with_emoji(":book:");
    let added = bot.call(&add).await.unwrap().bookmark.clone();

    let retitle = BookmarksEdit::new(leads.clone(), added.id.clone()).with_title("Runbook v2");
    let edited = ada.call(&retitle).await.unwrap().bookmark.clone();
    assert_eq!(edited.id, added.id);
    assert_eq!(edited.title, "Runbook v2");
    assert_eq!(edited.link, added.link);
    assert_eq!(edited.emoji, added.emoji);
    assert_eq!(edited.last_updated_by_user_id.as_ref().unwrap(), demo::ADA);
    assert!(edited.date_updated > 0);
    let relink = BookmarksEdit::new(leads.clone(), added.id.clone())
        .with_link("https://example.com/v2")
        .with_emoji(":memo:");
    bot.call(&relink).await.unwrap();
    let listed = bot.call(&BookmarksList::new(leads.clone())).await.unwrap();
    let kept: Vec<(&str, &str, Option<&str>)> = listed
        .bookmarks
        .iter()
        .map(|b| (b.title.as_str(), b.link.as_str(), b.emoji.as_deref()))
        .collect();
    assert_eq!(
        kept,
        [("Runbook v2", "https://example.com/v2", Some(":memo:"))]
    );

    let raw = |emoji: Option<&str>, link: Option<&str>| RawBookmarkEdit {
        bookmark_id: added.id.clone(),
        channel_id: demo::LEADS.into(),
        emoji: emoji.map(str::to_owned),
        link: link.map(str::to_owned),
    };
    let ftp = raw(None, Some("ftp://example.com"));
    assert_eq!(code(bot.call(&ftp).await), "invalid_link");
    assert_eq!(
        code(bot.call(&raw(Some("memo"), None)).await),
        "invalid_emoji"
    );
    let elsewhere = BookmarksEdit::new(channel(demo::GENERAL), added.id.clone()).with_title("x");
    assert_eq!(code(bot.call(&elsewhere).await), "invalid_bookmark_id");
    bot.call(&BookmarksRemove::new(leads.clone(), added.id.clone()))
        .await
        .unwrap();
    assert_eq!(code(bot.call(&retitle).await), "invalid_bookmark_id");
    assert_eq!(
        code(client(&emu, GRACE_TOKEN).call(&retitle).await),
        "channel_not_found"
    );
    let blank = BookmarksEdit::new(leads.clone(), added.id.clone()).with_title(" ");
    assert!(refused(bot.call(&blank).await).contains("title"));
    let ftp = BookmarksEdit::new(leads, added.id.clone()).with_link("ftp://example.com");
    assert!(refused(bot.call(&ftp).await).contains("invalid_link"));
}

#[tokio::test]
async fn history_pages_newest_first_within_a_range() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let project = channel("C0DEMOP001");
    let mut posted = Vec::new();
    for n in 0..25 {
        let answer = bot
            .call(&ChatPostMessage::new(
                project.clone(),
                format!("update {n}"),
            ))
            .await
            .unwrap();
        posted.push(answer.ts.clone());
    }
    // The emulator's pages hold 10: three pages, newest first, the last with no cursor.
    let pages: Vec<_> = bot
        .pages(&ConversationsHistory::new(project.clone()))
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.messages.len()).collect();
    assert_eq!(sizes, [10, 10, 5]);
    assert!(pages[0].has_more && pages[1].has_more && !pages[2].has_more);
    assert!(pages[2].next_cursor.is_none());
    let all: Vec<Timestamp> = pages
        .into_iter()
        .flat_map(|p| p.data.messages.into_parsed())
        .map(|m| m.ts)
        .collect();
    let mut newest_first = posted.clone();
    newest_first.reverse();
    assert_eq!(all, newest_first);

    // oldest/latest are exclusive unless inclusive.
    let range = ConversationsHistory::new(project.clone())
        .oldest(posted[5].clone())
        .latest(posted[9].clone());
    let inside: Vec<Item<Message>> = bot.items(&range).try_collect().await.unwrap();
    let inside: Vec<Message> = inside.into_iter().filter_map(Item::into_parsed).collect();
    let ts: Vec<&Timestamp> = inside.iter().map(|m| &m.ts).collect();
    assert_eq!(ts, [&posted[8], &posted[7], &posted[6]]);
    let inside: Vec<Item<Message>> = bot.items(&range.inclusive()).try_collect().await.unwrap();
    assert_eq!(inside.len(), 5);

    let mut bogus = ConversationsHistory::new(project.clone());
    bogus.cursor = Some("not-a-cursor".into());
    assert_eq!(code(bot.call(&bogus).await), "invalid_cursor");
    let mut bad_bound = ConversationsHistory::new(project);
    bad_bound.oldest = Some(Timestamp::new("yesterday"));
    assert_eq!(code(bot.call(&bad_bound).await), "invalid_ts_oldest");
    let unknown = ConversationsReplies::new(channel("C0DEMOP001"), Timestamp::new("1.000006"));
    assert_eq!(code(bot.call(&unknown).await), "thread_not_found");
}

#[tokio::test]
async fn requests_breaking_slack_rules_are_never_sent() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let general = channel(demo::GENERAL);
    let ts = Timestamp::new("1712345678.000100");

    let mut empty = ChatPostMessage::new(general.clone(), "");
    empty.text = None;
    assert!(refused(bot.call(&empty).await).contains("no_text"));
    let both = ChatPostMessage::markdown(general.clone(), "**hi**").with_text("hi");
    assert!(refused(bot.call(&both).await).contains("markdown_text"));
    let blocks: Blocks = (0..51).map(|_| Block::divider()).collect();
    let crowded = ChatPostMessage::blocks(general.clone(), blocks);
    assert!(refused(bot.call(&crowded).await).contains("51 blocks"));
    let lonely = ChatPostMessage::new(general.clone(), "hi").broadcast();
    assert!(refused(bot.call(&lonely).await).contains("thread_ts"));
    let long = ChatPostMessage::markdown(general.clone(), "x".repeat(12_001));
    assert!(refused(bot.call(&long).await).contains("12001"));
    let attachments = (0..101).map(|_| Attachment::new().with_text("x"));
    let heavy = ChatPostMessage::new(general.clone(), "hi").with_attachments(attachments);
    assert!(refused(bot.call(&heavy).await).contains("too_many_attachments"));

    let mut blank = ChatUpdate::new(general.clone(), ts.clone(), "");
    blank.text = None;
    assert!(refused(bot.call(&blank).await).contains("no_text"));
    let past = ChatScheduleMessage::new(general.clone(), 0, "x");
    assert!(refused(bot.call(&past).await).contains("post_at"));
    let mut colons = ReactionsAdd::new(general.clone(), ts.clone(), "x");
    colons.name = ":x:".into();
    assert!(refused(bot.call(&colons).await).contains("colons"));
    let ftp = BookmarksAdd::link(general.clone(), "Runbook", "ftp://example.com");
    assert!(refused(bot.call(&ftp).await).contains("invalid_link"));
    let short = BookmarksAdd::link(general.clone(), "Runbook", "http");
    assert!(refused(bot.call(&short).await).contains("invalid_link"));
    let mut linkless = BookmarksAdd::link(general.clone(), "Runbook", "https://example.com");
    linkless.link = None;
    assert!(refused(bot.call(&linkless).await).contains("needs a `link`"));

    assert!(emu.requests().is_empty(), "{:?}", emu.requests());
}

#[test]
fn bindings_build_from_json_arguments() {
    let post: ChatPostMessage = serde_json::from_value(json!({
        "channel": "C0123ABCD",
        "text": "Deploy finished",
        "thread_ts": "1712345678.000100",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*api* is live"}}],
        "metadata": {"event_type": "deploy", "event_payload": {"id": 7}}
    }))
    .unwrap();
    assert_eq!(
        post.blocks.as_ref().unwrap()[0].text(),
        Some("*api* is live")
    );
    assert_eq!(
        slack_methods::encode_params(&post).unwrap(),
        slack_methods::encode_params(
            &ChatPostMessage::new(channel("C0123ABCD"), "Deploy finished")
                .in_thread(Timestamp::new("1712345678.000100"))
                .with_blocks([Block::section(Text::mrkdwn("*api* is live"))])
                .with_metadata(MessageMetadata::new("deploy").with("id", 7))
        )
        .unwrap()
    );
    let unknown =
        serde_json::from_value::<ChatPostMessage>(json!({"channel": "C1", "txt": "typo"}));
    assert!(unknown.unwrap_err().to_string().contains("txt"));
    let bookmark: BookmarksAdd = serde_json::from_value(json!({
        "channel_id": "C0123ABCD", "title": "Runbook", "type": "link", "link": "https://example.com"
    }))
    .unwrap();
    assert_eq!(bookmark.kind, "link");
    let react: ReactionsAdd =
        serde_json::from_value(json!({"channel": "C1", "name": "tada", "timestamp": "1.2"}))
            .unwrap();
    assert_eq!(react.timestamp, "1.2");
}

#[test]
fn the_bindings_carry_slacks_facts() {
    use slack_methods::methods::*;
    use slack_methods::{HttpVerb, RateLimitTier};
    let chat_write = ["chat:write", "chat:write:bot", "chat:write:user"];
    assert_eq!(ChatPostMessage::SCOPES, chat_write);
    assert_eq!(
        ChatPostMessage::TIER,
        RateLimitTier::Special("chat.postMessage")
    );
    assert_eq!(ChatPostMessage::TIER.limited_per(), Some("channel"));
    assert_eq!(ChatUpdate::SCOPES, chat_write);
    assert_eq!(
        (
            ChatPostMessage::WRITES,
            ChatGetPermalink::WRITES,
            ConversationsHistory::PAGINATED,
            ConversationsReplies::PAGINATED,
        ),
        (true, false, true, true)
    );
    assert_eq!(ChatScheduleMessage::TIER, RateLimitTier::Tier3);
    assert_eq!(ChatGetPermalink::VERB, HttpVerb::Get);
    assert_eq!(ConversationsHistory::VERB, HttpVerb::Get);
    assert_eq!(ReactionsAdd::SCOPES, ["reactions:write"]);
    assert_eq!(ReactionsGet::SCOPES, ["reactions:read"]);
    assert_eq!((ReactionsGet::WRITES, ReactionsAdd::WRITES), (false, true));
    assert_eq!(PinsAdd::TIER, RateLimitTier::Tier2);
    assert_eq!(PinsRemove::SCOPES, ["pins:write"]);
    assert_eq!(PinsList::SCOPES, ["pins:read"]);
    assert_eq!((PinsRemove::WRITES, PinsList::WRITES), (true, false));
    assert_eq!(BookmarksAdd::SCOPES, ["bookmarks:write"]);
    assert_eq!(BookmarksList::SCOPES, ["bookmarks:read"]);
    assert_eq!(BookmarksRemove::SCOPES, ["bookmarks:write"]);
    assert_eq!(BookmarksEdit::SCOPES, ["bookmarks:write"]);
    assert_eq!(
        (BookmarksList::VERB, BookmarksList::WRITES),
        (HttpVerb::Post, false)
    );
    assert!(ViewsOpen::SCOPES.is_empty());
    assert_eq!(ViewsPublish::TIER, RateLimitTier::Tier4);
    // Every messaging binding is served by the emulator.
    for name in [
        "chat.postMessage",
        "chat.update",
        "chat.delete",
        "chat.postEphemeral",
        "chat.getPermalink",
        "chat.scheduleMessage",
        "chat.scheduledMessages.list",
        "chat.deleteScheduledMessage",
        "conversations.history",
        "conversations.replies",
        "reactions.add",
        "reactions.remove",
        "reactions.get",
        "pins.add",
        "pins.remove",
        "pins.list",
        "bookmarks.add",
        "bookmarks.list",
        "bookmarks.remove",
        "bookmarks.edit",
        "views.open",
        "views.publish",
        "views.update",
        "views.push",
    ] {
        assert!(
            ALL.iter().any(|facts| facts.name == name),
            "{name} not in ALL"
        );
        assert!(
            Emulator::implemented().any(|m| m == name),
            "{name} not emulated"
        );
    }
}

#[tokio::test]
async fn a_timestamp_written_with_fewer_digits_names_the_same_message() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // A parent whose `ts` ends in a zero, so that it can be written with fewer digits, as a
    // float prints it (`1700000000.000120` as `1700000000.00012`).
    let mut parent = None;
    for _ in 0..300 {
        let posted = bot
            .call(&ChatPostMessage::new(
                channel(demo::GENERAL),
                "Deploy started",
            ))
            .await
            .unwrap();
        if posted.ts.as_str().ends_with('0') {
            parent = Some(posted.ts.clone());
            break;
        }
    }
    let parent = parent.expect("one of 300 timestamps ends in a zero");
    let shorter = Timestamp::new(parent.as_str().trim_end_matches('0'));
    assert_eq!(shorter.micros(), parent.micros());

    let reply = bot
        .call(
            &ChatPostMessage::new(channel(demo::GENERAL), "Deploy finished")
                .in_thread(shorter.clone()),
        )
        .await
        .unwrap();
    assert_eq!(
        reply.message.as_ref().unwrap().thread_ts.as_ref(),
        Some(&parent)
    );
    let replies = thread(&bot, demo::GENERAL, &shorter).await;
    let ts: Vec<&Timestamp> = replies.iter().map(|m| &m.ts).collect();
    assert_eq!(ts, [&parent, &reply.ts]);
    // What went out is Slack's writing of the value, not the text as written.
    let sent = emu.requests_for("chat.postMessage");
    let last = sent.last().unwrap();
    assert_eq!(last.param("thread_ts"), Some(parent.as_str()));
}

#[tokio::test]
async fn a_me_message_is_posted_with_its_subtype_and_read_back() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let posted = ada
        .call(&ChatMeMessage::new(
            channel(demo::GENERAL),
            "is reviewing the release",
        ))
        .await
        .unwrap();
    assert_eq!(posted.channel.as_str(), demo::GENERAL);
    let newest = &history(&ada, demo::GENERAL).await[0];
    assert_eq!(newest.ts, posted.ts);
    assert_eq!(newest.subtype, Some(MessageSubtype::MeMessage));
    assert_eq!(newest.text, "is reviewing the release");
    assert_eq!(newest.user.as_ref().map(UserId::as_str), Some(demo::ADA));

    // By the channel's name too, as `chat.postMessage`.
    let by_name = ada
        .call(&ChatMeMessage::new(
            ChannelRef::name("#general").unwrap(),
            "is back",
        ))
        .await
        .unwrap();
    assert_eq!(by_name.channel.as_str(), demo::GENERAL);
    let raw = emu.messages(demo::GENERAL).unwrap();
    assert_eq!(raw.last().unwrap()["subtype"], "me_message");
    assert_eq!(raw.last().unwrap()["text"], "is back");
}

#[tokio::test]
async fn a_me_message_meets_slack_s_errors() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let me = |id: &str| ChatMeMessage::new(channel(id), "is here");
    assert_eq!(code(ada.call(&me("C0NOWHERE1")).await), "channel_not_found");
    assert_eq!(code(ada.call(&me(ARCHIVED)).await), "is_archived");
    let narrow = client(&emu, NARROW_BOT);
    assert_eq!(code(narrow.call(&me(demo::RANDOM)).await), "not_in_channel");
    let reader = client(&emu, READER);
    assert_eq!(code(reader.call(&me(demo::GENERAL)).await), "missing_scope");
    let long = ChatMeMessage::new(channel(demo::GENERAL), "x".repeat(MAX_TEXT_CHARS + 1));
    assert_eq!(code(ada.call(&long).await), "msg_too_long");
    // Past the typed check, an empty text is Slack's `no_text`.
    #[slack_method("chat.meMessage")]
    struct RawMe {
        channel: String,
        text: String,
    }
    let empty = RawMe {
        channel: demo::GENERAL.to_owned(),
        text: String::new(),
    };
    assert_eq!(code(ada.call(&empty).await), "no_text");
    assert!(history(&ada, demo::GENERAL).await.is_empty());
}

#[tokio::test]
async fn an_empty_me_message_is_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let empty = ChatMeMessage::new(channel(demo::GENERAL), "");
    assert!(refused(ada.call(&empty).await).contains("`text` is empty"));
    assert!(emu.requests_for(ChatMeMessage::NAME).is_empty());
}
