//! An AI app answering in a thread: names the thread, offers prompts, shows a status while it
//! "thinks", then replies, which ends the status: `assistant.threads.setTitle`,
//! `.setSuggestedPrompts`, `.setStatus` and `chat.postMessage`.
//!
//! ```text
//! cargo run --example assistant_thread
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its demo
//! workspace, where the demo user asks a question in `#general` and the demo bot answers in its
//! thread; then it shows what the emulator keeps for the thread. With `SLACK_TOKEN` (a bot
//! token with `chat:write` and `assistant:write`) it answers in `SLACK_CHANNEL` (the
//! conversation's id, such as the app's direct message with a user) in the thread that starts at
//! `SLACK_THREAD_TS` (the `ts` from the `assistant_thread_started` event), on Slack, or on
//! `SLACK_API_URL` when that is set.

use slack_methods::methods::{
    AssistantThreadsSetStatus, AssistantThreadsSetSuggestedPrompts, AssistantThreadsSetTitle,
    ChatPostMessage, SuggestedPrompt,
};
use slack_methods::types::Timestamp;
use slack_methods::{ChannelId, Client, Token};
use slack_methods_emulator::{demo, Emulator};
use std::error::Error;
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            let mut source = err.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    // Keep the emulator alive for the whole run when it is used.
    let (client, channel, thread, emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let channel = std::env::var("SLACK_CHANNEL").map_err(|_| {
                "SLACK_TOKEN is set: set SLACK_CHANNEL to the id of the conversation to answer in"
            })?;
            let thread = std::env::var("SLACK_THREAD_TS").map_err(|_| {
                "SLACK_TOKEN is set: set SLACK_THREAD_TS to the `ts` of the thread's first message"
            })?;
            let mut builder = Client::builder().token(token.clone());
            if let Some(url) = std::env::var_os("SLACK_API_URL") {
                // Not ignored when unreadable: the token would go to Slack instead.
                let url = url.to_str().ok_or("SLACK_API_URL is not UTF-8")?;
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("calling {} with the {token}", client.base_url());
            (
                client,
                ChannelId::new(channel)?,
                Timestamp::new(thread),
                None,
            )
        }
        None => {
            let emulator = Emulator::builder()
                .serve(slack_methods::methods::ALL)
                .demo_workspace()
                .start()
                .await?;
            println!(
                "SLACK_TOKEN is not set: using the built-in Slack emulator at {} (demo workspace)",
                emulator.base_url()
            );
            let client = |token: &str| {
                Client::builder()
                    .token(Token::new(token)?)
                    .base_url(&emulator.base_url())
                    .build()
            };
            // The user's question, which starts the thread.
            let channel = ChannelId::new(demo::GENERAL)?;
            let question = ChatPostMessage::new(channel.clone(), "How many tickets are open?");
            let asked = client(demo::USER_TOKEN)?.call(&question).await?;
            println!(
                "the demo user asked {:?} ({})",
                question.text.as_deref().unwrap_or_default(),
                asked.ts
            );
            let thread = asked.ts.clone();
            (client(demo::BOT_TOKEN)?, channel, thread, Some(emulator))
        }
    };

    // What the emulator keeps for the thread, when it is the emulator that answers.
    let show = |emulator: &Option<Emulator>| {
        if let Some(emulator) = emulator {
            let kept = emulator.assistant_thread(channel.as_str(), thread.as_str());
            println!("  the emulator shows: {}", kept.unwrap_or_default());
        }
    };

    // 1. A title for the thread, as the user's history of the app shows it.
    let title = AssistantThreadsSetTitle::new(channel.clone(), thread.clone(), "Open tickets");
    client.call(&title).await?;
    println!("\ntitled the thread {:?}", title.title);

    // 2. Prompts the user can pick next.
    let prompts = AssistantThreadsSetSuggestedPrompts::new(
        channel.clone(),
        [
            SuggestedPrompt::new("By team", "How many open tickets does each team have?"),
            SuggestedPrompt::new("Oldest", "Which open ticket is the oldest?"),
        ],
    )
    .thread(thread.clone())
    .title("Ask next");
    client.call(&prompts).await?;
    println!("offered {} prompts", prompts.prompts.len());

    // 3. A status while the answer is prepared.
    let status = AssistantThreadsSetStatus::new(channel.clone(), thread.clone(), "is counting...")
        .loading_messages(["Reading the queue", "Counting open tickets"]);
    client.call(&status).await?;
    println!("status: {:?}", status.status);
    show(&emulator);

    // 4. The answer, in the thread: Slack ends the status with it.
    let answer =
        ChatPostMessage::new(channel.clone(), "12 tickets are open.").in_thread(thread.clone());
    let answered = client.call(&answer).await?;
    println!("answered {} in the thread", answered.ts);
    show(&emulator);
    Ok(())
}
