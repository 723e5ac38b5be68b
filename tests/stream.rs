//! The streaming bindings (`chat.startStream`, `chat.appendStream`, `chat.stopStream`) against
//! the emulator, over real HTTP: a streamed reply reads back whole from the thread; chunks go
//! out as JSON text in the form; what Slack refuses comes back typed, and what the bindings can
//! see is wrong is refused before sending.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::{json, Value};
use slack_methods::methods::{
    ChatAppendStream, ChatPostMessage, ChatStartStream, ChatStopStream, ChatStream, Chunk,
    ConversationsOpen, ConversationsReplies, TaskDisplayMode, TaskSource, TaskStatus, TaskUpdate,
};
use slack_methods::types::{
    Block, Blocks, MessageMetadata, Text, Timestamp, MAX_MARKDOWN_TEXT_CHARS,
};
use slack_methods::{ChannelId, Client, SlackMethod, TeamId, UserId};
use slack_methods_emulator::{demo, Emulator, UserSpec};

/// A second app's bot, and its token.
const OTHER_BOT: &str = "U0OTHERBT1";
const OTHER_BOT_TOKEN: &str = "xoxb-another-app";
/// The demo bot with `chat:write` only (no `chat:write.public`).
const MEMBER_ONLY_TOKEN: &str = "xoxb-member-only";
/// The demo bot without `chat:write`.
const NO_CHAT_WRITE: &str = "xoxb-no-chat-write";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_user(UserSpec::new(OTHER_BOT, "other-app").bot("B0OTHERBT1"));
    emu.add_token(
        OTHER_BOT_TOKEN,
        OTHER_BOT,
        &["chat:write", "chat:write.public"],
    );
    emu.add_token(MEMBER_ONLY_TOKEN, demo::BOT, &["chat:write"]);
    emu.add_token(NO_CHAT_WRITE, demo::BOT, &["channels:history"]);
    emu
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

fn team(emu: &Emulator) -> TeamId {
    TeamId::new(emu.team_id()).unwrap()
}

fn ada() -> UserId {
    UserId::new(demo::ADA).unwrap()
}

/// Ada asks a question in `#general`: the `ts` of her message, which a stream answers.
async fn question(emu: &Emulator) -> Timestamp {
    client(emu, demo::USER_TOKEN)
        .call(&ChatPostMessage::new(
            channel(demo::GENERAL),
            "Why did the deploy fail?",
        ))
        .await
        .unwrap()
        .ts
        .clone()
}

/// A stream in `#general` answering Ada's question, to Ada.
async fn start(emu: &Emulator) -> ChatStartStream {
    ChatStartStream::new(channel(demo::GENERAL), question(emu).await).recipient(ada(), team(emu))
}

/// The thread of `root` in `#general`, as `conversations.replies` reads it: each message's text.
async fn thread_texts(bot: &Client, root: &Timestamp) -> Vec<String> {
    let replies = bot
        .call(&ConversationsReplies::new(
            channel(demo::GENERAL),
            root.clone(),
        ))
        .await
        .unwrap();
    replies.messages.iter().map(|m| m.text.clone()).collect()
}

#[tokio::test]
async fn a_streamed_reply_reads_back_whole_from_its_thread() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let start = start(&emu).await.markdown("The deploy failed");
    let root = start.thread_ts.clone();
    let started = bot.call(&start).await.unwrap();
    assert_eq!(started.channel.as_str(), demo::GENERAL);
    let (ch, ts) = (started.channel.clone(), started.ts.clone());

    let appended = bot
        .call(&ChatAppendStream::markdown(
            ch.clone(),
            ts.clone(),
            " because **two** tests",
        ))
        .await
        .unwrap();
    assert_eq!(appended.ts, ts);
    // While it streams, the thread already shows what came so far.
    assert_eq!(
        thread_texts(&bot, &root).await,
        [
            "Why did the deploy fail?",
            "The deploy failed because **two** tests"
        ]
    );

    let stopped = bot
        .call(
            &ChatStopStream::new(ch.clone(), ts.clone())
                .markdown(" timed out.")
                .with_blocks(Blocks::from([Block::section(Text::mrkdwn("Retry?"))]))
                .with_metadata(MessageMetadata::new("deploy_explained").with("run", 42)),
        )
        .await
        .unwrap();
    assert_eq!((&stopped.channel, &stopped.ts), (&ch, &ts));
    let message = stopped.message.as_ref().expect("the finalized message");
    assert_eq!(
        message.text,
        "The deploy failed because **two** tests timed out."
    );
    assert_eq!(message.blocks.len(), 1);
    assert_eq!(
        message.metadata.as_ref().map(|m| m.event_type.as_str()),
        Some("deploy_explained")
    );
    assert_eq!(message.thread_ts.as_ref(), Some(&root));

    assert_eq!(
        thread_texts(&bot, &root).await,
        [
            "Why did the deploy fail?",
            "The deploy failed because **two** tests timed out."
        ]
    );
    let stream = emu.stream(demo::GENERAL, ts.as_str()).unwrap();
    assert_eq!(stream["state"], "stopped");
    assert_eq!(stream["owner"], demo::BOT);
    assert_eq!(stream["mode"], "markdown_text");
    assert_eq!(stream["recipient_user_id"], demo::ADA);
    assert_eq!(stream["recipient_team_id"], emu.team_id());
}

#[tokio::test]
async fn chunks_go_out_as_json_text_and_their_markdown_joins_the_text() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let fetch = TaskUpdate::new("fetch", "Fetch the logs", TaskStatus::InProgress)
        .details("build 1412")
        .source(TaskSource::url("CI", "https://ci.example.com/1412"));
    let start = start(&emu)
        .await
        .task_display_mode(TaskDisplayMode::Plan)
        .chunks([Chunk::plan("Explain the failure"), Chunk::task(fetch)]);
    let root = start.thread_ts.clone();
    let started = bot.call(&start).await.unwrap();

    let sent = emu.requests_for(ChatStartStream::NAME);
    let sent = sent.last().unwrap();
    assert_eq!(sent.param("task_display_mode"), Some("plan"));
    let chunks: Value = serde_json::from_str(sent.param("chunks").unwrap()).unwrap();
    assert_eq!(
        chunks,
        json!([
            {"type": "plan_update", "title": "Explain the failure"},
            {
                "type": "task_update",
                "id": "fetch",
                "title": "Fetch the logs",
                "status": "in_progress",
                "details": "build 1412",
                "sources": [{"type": "url", "text": "CI", "url": "https://ci.example.com/1412"}],
            },
        ])
    );
    assert_eq!(sent.param("markdown_text"), None);

    let (ch, ts) = (started.channel.clone(), started.ts.clone());
    let done =
        TaskUpdate::new("fetch", "Fetch the logs", TaskStatus::Complete).output("2 failures");
    bot.call(&ChatAppendStream::chunks(
        ch.clone(),
        ts.clone(),
        [Chunk::task(done), Chunk::markdown("Two tests timed out.")],
    ))
    .await
    .unwrap();
    let sent = emu.requests_for(ChatAppendStream::NAME);
    let chunks: Value = serde_json::from_str(sent[0].param("chunks").unwrap()).unwrap();
    assert_eq!(chunks[0]["status"], "complete");
    assert_eq!(chunks[0]["output"], "2 failures");
    assert_eq!(
        chunks[1],
        json!({"type": "markdown_text", "text": "Two tests timed out."})
    );

    bot.call(&ChatStopStream::new(ch, ts.clone()).chunks([Chunk::markdown(" Retry them.")]))
        .await
        .unwrap();
    assert_eq!(
        thread_texts(&bot, &root).await[1],
        "Two tests timed out. Retry them."
    );
    let stream = emu.stream(demo::GENERAL, ts.as_str()).unwrap();
    assert_eq!(stream["mode"], "chunks");
    assert_eq!(stream["task_display_mode"], "plan");
    assert_eq!(stream["chunks"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_stopped_stream_takes_no_more() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let started = bot.call(&start(&emu).await).await.unwrap();
    let (ch, ts) = (started.channel.clone(), started.ts.clone());
    bot.call(&ChatStopStream::new(ch.clone(), ts.clone()))
        .await
        .unwrap();
    let again = bot
        .call(&ChatAppendStream::markdown(ch.clone(), ts.clone(), "more"))
        .await;
    assert_eq!(code(again), "message_not_in_streaming_state");
    let twice = bot.call(&ChatStopStream::new(ch, ts)).await;
    assert_eq!(code(twice), "message_not_in_streaming_state");
}

#[tokio::test]
async fn only_a_streamed_message_of_the_callers_own_takes_appends() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let root = question(&emu).await;
    // A message the bot posted the ordinary way never streamed.
    let posted = bot
        .call(&ChatPostMessage::new(channel(demo::GENERAL), "Looking").in_thread(root.clone()))
        .await
        .unwrap();
    let append = ChatAppendStream::markdown(channel(demo::GENERAL), posted.ts.clone(), "x");
    assert_eq!(
        code(bot.call(&append).await),
        "message_not_in_streaming_state"
    );

    // Ada's question, and another app's stream, are not the bot's.
    let not_ours = ChatAppendStream::markdown(channel(demo::GENERAL), root.clone(), "x");
    assert_eq!(code(bot.call(&not_ours).await), "message_not_owned_by_app");
    let other = client(&emu, OTHER_BOT_TOKEN);
    let theirs = other.call(&start(&emu).await).await.unwrap();
    let append = ChatAppendStream::markdown(theirs.channel.clone(), theirs.ts.clone(), "x");
    assert_eq!(code(bot.call(&append).await), "message_not_owned_by_app");
    let stop = ChatStopStream::new(theirs.channel.clone(), theirs.ts.clone());
    assert_eq!(code(bot.call(&stop).await), "message_not_owned_by_app");
    // Its owner still can.
    other.call(&append).await.unwrap();

    let nowhere =
        ChatAppendStream::markdown(channel(demo::GENERAL), Timestamp::new("1.000001"), "x");
    assert_eq!(code(bot.call(&nowhere).await), "message_not_found");
}

#[tokio::test]
async fn a_stream_keeps_to_the_kind_of_content_it_started_with() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let started = bot
        .call(&start(&emu).await.markdown("Text first"))
        .await
        .unwrap();
    let chunks = ChatAppendStream::chunks(
        started.channel.clone(),
        started.ts.clone(),
        [Chunk::plan("A plan")],
    );
    assert_eq!(code(bot.call(&chunks).await), "streaming_mode_mismatch");

    // A stream started empty takes its kind from its first content.
    let empty = bot.call(&start(&emu).await).await.unwrap();
    let chunked =
        ChatAppendStream::chunks(empty.channel.clone(), empty.ts.clone(), [Chunk::plan("P")]);
    bot.call(&chunked).await.unwrap();
    let text = ChatStopStream::new(empty.channel.clone(), empty.ts.clone()).markdown("late text");
    assert_eq!(code(bot.call(&text).await), "streaming_mode_mismatch");
}

#[tokio::test]
async fn starting_outside_a_direct_message_needs_the_recipient() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let root = question(&emu).await;
    let mut start = ChatStartStream::new(channel(demo::GENERAL), root.clone());
    assert_eq!(code(bot.call(&start).await), "missing_recipient_user_id");
    start.recipient_user_id = Some(ada());
    assert_eq!(code(bot.call(&start).await), "missing_recipient_team_id");
    start.recipient_user_id = Some(UserId::new("U0NOBODY01").unwrap());
    start.recipient_team_id = Some(team(&emu));
    assert_eq!(code(bot.call(&start).await), "user_not_found");

    // In a direct message the user is plain.
    let dm = bot
        .call(&ConversationsOpen::with([ada()]))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    let asked = client(&emu, demo::USER_TOKEN)
        .call(&ChatPostMessage::new(dm.clone(), "Summarize the incident"))
        .await
        .unwrap();
    let started = bot
        .call(&ChatStartStream::new(dm.clone(), asked.ts.clone()).markdown("On it"))
        .await
        .unwrap();
    assert_eq!(started.channel, dm);
}

#[tokio::test]
async fn where_the_stream_goes_is_checked_as_posting_is() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let root = question(&emu).await;
    let nowhere = ChatStartStream::new(channel(demo::GENERAL), Timestamp::new("1.000001"))
        .recipient(ada(), team(&emu));
    assert_eq!(code(bot.call(&nowhere).await), "invalid_thread_ts");
    let no_channel =
        ChatStartStream::new(channel("C0NOWHERE1"), root.clone()).recipient(ada(), team(&emu));
    assert_eq!(code(bot.call(&no_channel).await), "channel_not_found");

    // #random, which the bot is not in: without chat:write.public it cannot post there.
    let member_only = client(&emu, MEMBER_ONLY_TOKEN);
    let in_random = client(&emu, demo::USER_TOKEN)
        .call(&ChatPostMessage::new(channel(demo::RANDOM), "Anyone?"))
        .await
        .unwrap();
    let random = ChatStartStream::new(channel(demo::RANDOM), in_random.ts.clone())
        .recipient(ada(), team(&emu));
    assert_eq!(code(member_only.call(&random).await), "not_in_channel");

    let unscoped = client(&emu, NO_CHAT_WRITE);
    let start = ChatStartStream::new(channel(demo::GENERAL), root).recipient(ada(), team(&emu));
    assert_eq!(code(unscoped.call(&start).await), "missing_scope");
}

#[tokio::test]
async fn content_slack_cannot_read_is_refused_by_the_emulator() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let started = bot.call(&start(&emu).await).await.unwrap();

    // Bindings of one's own that send what the bundled ones would refuse or cannot express.
    #[slack_methods::slack_method("chat.appendStream", scope = "chat:write")]
    struct RawAppend {
        channel: String,
        ts: String,
        chunks: Option<String>,
        markdown_text: Option<String>,
    }
    let raw = |chunks: Option<&str>, markdown_text: Option<&str>| RawAppend {
        channel: started.channel.to_string(),
        ts: started.ts.to_string(),
        chunks: chunks.map(str::to_owned),
        markdown_text: markdown_text.map(str::to_owned),
    };
    for bad in [
        "not json",
        r#"{"type":"markdown_text","text":"an object, not a list"}"#,
        r#"[{"type":"markdown_text"}]"#,
        r#"[{"type":"task_update","id":"a","title":"t","status":"done"}]"#,
        r#"[{"type":"poem","text":"x"}]"#,
    ] {
        assert_eq!(
            code(bot.call(&raw(Some(bad), None)).await),
            "invalid_chunks",
            "{bad}"
        );
    }
    assert_eq!(
        code(bot.call(&raw(None, None)).await),
        "markdown_text_or_chunks_required"
    );
    assert_eq!(
        code(bot.call(&raw(Some("[]"), Some("x"))).await),
        "cannot_provide_both_markdown_text_and_chunks"
    );
    // The bundled start binding sends both, as Slack's page for it lists no such error; the
    // emulator refuses it as it refuses the others.
    let both = start(&emu)
        .await
        .markdown("text")
        .chunks([Chunk::markdown("chunk")]);
    assert_eq!(
        code(bot.call(&both).await),
        "cannot_provide_both_markdown_text_and_chunks"
    );
    // Blocks are checked as chat.postMessage's are.
    let bad_blocks = ChatStopStream::new(started.channel.clone(), started.ts.clone()).with_blocks(
        Blocks::from([Block::section(Text::mrkdwn("z".repeat(3001)))]),
    );
    assert_eq!(code(bot.call(&bad_blocks).await), "invalid_blocks");
    // A refused stop leaves the stream streaming.
    let stream = emu.stream(demo::GENERAL, started.ts.as_str()).unwrap();
    assert_eq!(stream["state"], "streaming");
}

#[tokio::test]
async fn what_slack_would_refuse_is_not_sent() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let (ch, ts) = (channel(demo::GENERAL), Timestamp::new("1712345678.000100"));
    let long = "x".repeat(MAX_MARKDOWN_TEXT_CHARS + 1);
    let at_most = MAX_MARKDOWN_TEXT_CHARS.to_string();

    let start = ChatStartStream::new(ch.clone(), ts.clone()).markdown(long.clone());
    assert!(refused(bot.call(&start).await).contains(&at_most));
    let append = ChatAppendStream::markdown(ch.clone(), ts.clone(), long.clone());
    assert!(refused(bot.call(&append).await).contains(&at_most));
    let stop = ChatStopStream::new(ch.clone(), ts.clone()).markdown(long);
    assert!(refused(bot.call(&stop).await).contains(&at_most));
    // The limit itself is fine.
    let full = "y".repeat(MAX_MARKDOWN_TEXT_CHARS);
    let fits = ChatAppendStream::markdown(ch.clone(), ts.clone(), full);
    assert_eq!(code(bot.call(&fits).await), "message_not_found");

    let mut nothing = ChatAppendStream::markdown(ch.clone(), ts.clone(), "");
    assert!(refused(bot.call(&nothing).await).contains("markdown_text_or_chunks_required"));
    nothing.markdown_text = None;
    assert!(refused(bot.call(&nothing).await).contains("`chunks`"));

    let mut both = ChatAppendStream::chunks(ch.clone(), ts.clone(), [Chunk::markdown("a")]);
    both.markdown_text = Some("b".into());
    assert!(refused(bot.call(&both).await).contains("cannot_provide_both"));
    let both = ChatStopStream::new(ch.clone(), ts.clone())
        .markdown("a")
        .chunks([Chunk::markdown("b")]);
    assert!(refused(bot.call(&both).await).contains("cannot_provide_both"));

    let many = vec![Block::divider(); 51];
    let stop = ChatStopStream::new(ch, ts).with_blocks(Blocks::from(many));
    assert!(refused(bot.call(&stop).await).contains("at most 50"));

    // Only the one call that fits went out.
    assert_eq!(emu.requests_for(ChatStartStream::NAME).len(), 0);
    assert_eq!(emu.requests_for(ChatAppendStream::NAME).len(), 1);
    assert_eq!(emu.requests_for(ChatStopStream::NAME).len(), 0);
}

#[test]
fn chunks_read_back_from_json_and_keep_a_status_slack_adds() {
    let chunks: Vec<Chunk> = serde_json::from_value(json!([
        {"type": "markdown_text", "text": "hi"},
        {"type": "task_update", "id": "a", "title": "A", "status": "paused"},
        {"type": "plan_update", "title": "P"},
    ]))
    .unwrap();
    assert_eq!(chunks[0], Chunk::markdown("hi"));
    assert_eq!(
        chunks[1],
        Chunk::task(TaskUpdate::new(
            "a",
            "A",
            TaskStatus::Other("paused".into())
        ))
    );
    assert_eq!(
        serde_json::to_value(&chunks[1]).unwrap()["status"],
        "paused"
    );
    assert_eq!(chunks[2], Chunk::plan("P"));
    let unknown_field =
        json!({"type": "task_update", "id": "a", "title": "A", "status": "error", "colour": 1});
    assert!(serde_json::from_value::<Chunk>(unknown_field).is_err());
}

#[tokio::test]
async fn the_helper_streams_a_reply_without_the_caller_keeping_its_ts() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let start = start(&emu).await.markdown("Checking");
    let root = start.thread_ts.clone();
    let mut stream = ChatStream::start(&bot, start).await.unwrap();
    assert_eq!(stream.channel().as_str(), demo::GENERAL);
    assert_eq!(&stream.started().ts, stream.ts());
    let appended = stream.append(" the deploys").await.unwrap();
    assert_eq!(&appended.ts, stream.ts());
    stream.append(": **two** failed.").await.unwrap();
    assert!(!stream.is_stopped());
    let done = stream
        .stop_with(|stop| {
            stop.markdown(" Roll back?")
                .with_blocks(Blocks::from([Block::section(Text::mrkdwn("Yes / No"))]))
        })
        .await
        .unwrap();
    assert!(stream.is_stopped());
    assert_eq!(&done.ts, stream.ts());
    let text = "Checking the deploys: **two** failed. Roll back?";
    assert_eq!(done.message.as_ref().unwrap().text, text);
    assert_eq!(thread_texts(&bot, &root).await[1], text);
    let appends = emu.requests_for(ChatAppendStream::NAME);
    assert_eq!(appends.len(), 2);
    assert!(appends
        .iter()
        .all(|sent| sent.param("ts") == Some(stream.ts().as_str())));
}

#[tokio::test]
async fn the_helper_refuses_to_go_on_after_its_stop_and_sends_nothing() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut stream = ChatStream::start(&bot, start(&emu).await).await.unwrap();
    stream.append_chunks([Chunk::plan("Plan")]).await.unwrap();
    stream.stop().await.unwrap();
    let (appends, stops) = (
        emu.requests_for(ChatAppendStream::NAME).len(),
        emu.requests_for(ChatStopStream::NAME).len(),
    );

    match stream.append("more").await {
        Err(slack_methods::Error::InvalidRequest { method, reason }) => {
            assert_eq!(method, ChatAppendStream::NAME);
            assert!(reason.contains("stopped"), "{reason}");
            assert!(reason.contains(stream.ts().as_str()), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(refused(stream.append_chunks([Chunk::markdown("x")]).await).contains("stopped"));
    match stream.stop().await {
        Err(slack_methods::Error::InvalidRequest { method, .. }) => {
            assert_eq!(method, ChatStopStream::NAME)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(emu.requests_for(ChatAppendStream::NAME).len(), appends);
    assert_eq!(emu.requests_for(ChatStopStream::NAME).len(), stops);
}

#[tokio::test]
async fn a_stop_slack_refuses_leaves_the_helper_streaming() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut stream = ChatStream::start(&bot, start(&emu).await.markdown("a"))
        .await
        .unwrap();
    let bad = Blocks::from([Block::section(Text::mrkdwn("z".repeat(3001)))]);
    assert_eq!(
        code(stream.stop_with(|stop| stop.with_blocks(bad)).await),
        "invalid_blocks"
    );
    assert!(!stream.is_stopped());
    // A `finish` that names another message still stops this stream's.
    let elsewhere = ChatStopStream::new(channel(demo::RANDOM), Timestamp::new("1.000001"));
    stream.stop_with(|_| elsewhere).await.unwrap();
    let sent = emu.requests_for(ChatStopStream::NAME);
    let last = sent.last().unwrap();
    assert_eq!(last.param("channel"), Some(demo::GENERAL));
    assert_eq!(last.param("ts"), Some(stream.ts().as_str()));
    let state = emu.stream(demo::GENERAL, stream.ts().as_str()).unwrap();
    assert_eq!(state["state"], "stopped");
}

#[tokio::test]
async fn a_start_slack_refuses_is_the_helpers_error() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let bare = ChatStartStream::new(channel(demo::GENERAL), question(&emu).await);
    assert_eq!(
        code(ChatStream::start(&bot, bare).await),
        "missing_recipient_user_id"
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn a_chunk_given_as_json_is_refused_with_what_is_wrong_in_it() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = Registry::bundled();
    let refused = |chunk: Value| {
        let args = json!({"channel": demo::GENERAL, "ts": "1721609601.000200", "chunks": [chunk]});
        let (tools, bot) = (&tools, &bot);
        async move {
            let error = tools.call(bot, "chatAppendStream", args).await.unwrap_err();
            assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
            error.to_string()
        }
    };
    assert_eq!(
        refused(
            json!({"type": "task_update", "id": "fetch", "title": "Fetch", "status": "paused"})
        )
        .await,
        "chatAppendStream: argument `chunks[0].status`: expected one of \"pending\", \
         \"in_progress\", \"complete\", \"error\", found \"paused\"; nothing was sent"
    );
    assert_eq!(
        refused(json!({"type": "task_update", "id": "fetch", "status": "complete"})).await,
        "chatAppendStream: argument `chunks[0]`: `title` is missing; nothing was sent"
    );
    assert_eq!(
        refused(json!({"type": "markdown", "text": "Looking"})).await,
        "chatAppendStream: argument `chunks[0]`: unknown `type` \"markdown\": give one of \
         `markdown_text`, `task_update`, `plan_update`; nothing was sent"
    );
    assert_eq!(
        refused(json!({"text": "Looking"})).await,
        "chatAppendStream: argument `chunks[0]`: `type` is missing: give one of \
         `markdown_text`, `task_update`, `plan_update`; nothing was sent"
    );
    assert!(emu.requests().is_empty(), "nothing reached the server");
}
