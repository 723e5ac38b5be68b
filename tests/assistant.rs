//! The `assistant.threads.*` bindings against the emulator, over real HTTP: what an AI app sets
//! on a thread arrives and reads back, limits are refused before sending, and Slack's errors
//! come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::json;
use slack_methods::methods::{
    AssistantThreadsSetStatus, AssistantThreadsSetSuggestedPrompts, AssistantThreadsSetTitle,
    ChatPostMessage, SuggestedPrompt,
};
use slack_methods::types::Timestamp;
use slack_methods::{ChannelId, Client, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

/// A bot token with `chat:write` alone: enough for the status, not for titles or prompts.
const CHAT_ONLY: &str = "xoxb-chat-write-only";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(CHAT_ONLY, demo::BOT, &["chat:write"]);
    emu
}

fn general() -> ChannelId {
    ChannelId::new(demo::GENERAL).unwrap()
}

/// A new top-level message in `#general`, to start a thread at: its `ts`.
async fn start_thread(bot: &Client, text: &str) -> Timestamp {
    bot.call(&ChatPostMessage::new(general(), text))
        .await
        .unwrap()
        .ts
        .clone()
}

#[tokio::test]
async fn a_status_shows_until_the_app_replies_in_the_thread() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let thread = start_thread(&bot, "How many tickets are open?").await;

    let thinking = AssistantThreadsSetStatus::new(general(), thread.clone(), "is thinking...")
        .loading_messages(["Reading the thread", "Counting tickets"]);
    bot.call(&thinking).await.unwrap();
    let request = emu.requests_for(AssistantThreadsSetStatus::NAME);
    let last = request.last().unwrap();
    let sent = |name: &str| last.param(name).map(str::to_owned);
    assert_eq!(
        sent("loading_messages").as_deref(),
        Some(r#"["Reading the thread","Counting tickets"]"#),
        "a JSON array, as Slack reads it"
    );
    assert_eq!(sent("thread_ts").as_deref(), Some(thread.as_str()));
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, thread.as_str()),
        Some(json!({
            "status": "is thinking...",
            "loading_messages": ["Reading the thread", "Counting tickets"],
        }))
    );

    bot.call(&ChatPostMessage::new(general(), "Twelve.").in_thread(thread.clone()))
        .await
        .unwrap();
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, thread.as_str()),
        Some(json!({})),
        "the app's reply ends the status"
    );
}

#[tokio::test]
async fn an_empty_status_clears_it_and_chat_write_is_enough_for_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let thread = start_thread(&bot, "Any news?").await;
    let narrow = client(&emu, CHAT_ONLY);
    narrow
        .call(&AssistantThreadsSetStatus::new(
            general(),
            thread.clone(),
            "is looking...",
        ))
        .await
        .unwrap();
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, thread.as_str()),
        Some(json!({ "status": "is looking...", "loading_messages": [] }))
    );
    narrow
        .call(&AssistantThreadsSetStatus::clear(general(), thread.clone()))
        .await
        .unwrap();
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, thread.as_str()),
        Some(json!({}))
    );
    // A title needs `assistant:write`, which this token lacks.
    let titled = narrow
        .call(&AssistantThreadsSetTitle::new(general(), thread, "News"))
        .await;
    assert_eq!(code(titled), "missing_scope");
}

#[tokio::test]
async fn a_title_and_prompts_are_kept_for_the_thread() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let thread = start_thread(&bot, "Hi! What can you do?").await;
    bot.call(&AssistantThreadsSetTitle::new(
        general(),
        thread.clone(),
        "What the app can do",
    ))
    .await
    .unwrap();
    let prompts = AssistantThreadsSetSuggestedPrompts::new(
        general(),
        [
            SuggestedPrompt::new("Summarize", "Summarize this channel"),
            SuggestedPrompt::new("Open tickets", "How many tickets are open?"),
        ],
    )
    .thread(thread.clone())
    .title("Try these");
    bot.call(&prompts).await.unwrap();
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, thread.as_str()),
        Some(json!({
            "title": "What the app can do",
            "prompts": [
                { "title": "Summarize", "message": "Summarize this channel" },
                { "title": "Open tickets", "message": "How many tickets are open?" },
            ],
            "prompts_title": "Try these",
        }))
    );
}

#[tokio::test]
async fn prompts_without_a_thread_go_to_the_latest_message() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    start_thread(&bot, "an older message").await;
    let latest = start_thread(&bot, "the latest message").await;
    let prompts = AssistantThreadsSetSuggestedPrompts::new(
        general(),
        [SuggestedPrompt::new("Help", "What can you do?")],
    );
    bot.call(&prompts).await.unwrap();
    assert_eq!(
        emu.assistant_thread(demo::GENERAL, latest.as_str()),
        Some(json!({ "prompts": [{ "title": "Help", "message": "What can you do?" }] }))
    );
}

#[tokio::test]
async fn too_many_loading_messages_or_prompts_are_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let thread = Timestamp::new("1712345678.000100");
    let eleven = (1..=11).map(|n| format!("step {n}"));
    let status = AssistantThreadsSetStatus::new(general(), thread.clone(), "is working...")
        .loading_messages(eleven);
    assert!(
        refused(bot.call(&status).await).contains("at most 10"),
        "eleven loading messages"
    );
    let five = (1..=5).map(|n| SuggestedPrompt::new(format!("p{n}"), "go"));
    let prompts = AssistantThreadsSetSuggestedPrompts::new(general(), five).thread(thread);
    assert!(
        refused(bot.call(&prompts).await).contains("at most 4"),
        "five prompts"
    );
    // None at all is refused too, as the tool path refuses `prompts: []`.
    let none = AssistantThreadsSetSuggestedPrompts::new(general(), []);
    assert!(
        refused(bot.call(&none).await).contains("`prompts` is empty"),
        "no prompts"
    );
    assert!(emu.requests().is_empty(), "{:?}", emu.requests());
}

#[tokio::test]
async fn an_unknown_thread_or_a_hidden_conversation_is_slacks_error() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let nowhere = Timestamp::new("1000000000.000001");
    let status = AssistantThreadsSetStatus::new(general(), nowhere.clone(), "is thinking...");
    assert_eq!(code(bot.call(&status).await), "invalid_thread_ts");
    let title = AssistantThreadsSetTitle::new(general(), nowhere, "Lost");
    assert_eq!(code(bot.call(&title).await), "invalid_thread_ts");
    // `#leads` is private, and Grace is not in it.
    emu.add_token("xoxp-grace-assistant", demo::GRACE, &["assistant:write"]);
    let outsider = client(&emu, "xoxp-grace-assistant");
    let hidden = AssistantThreadsSetTitle::new(
        ChannelId::new(demo::LEADS).unwrap(),
        Timestamp::new("1712345678.000100"),
        "Secret",
    );
    assert_eq!(code(outsider.call(&hidden).await), "channel_not_found");
}
