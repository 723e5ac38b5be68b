//! An AI app streaming its answer into a thread as it is written: `chat.startStream`, then
//! `chat.appendStream` for each piece (markdown and a task's progress), then `chat.stopStream`,
//! through `ChatStream`, which keeps the message's `ts` between the calls.
//!
//! ```text
//! cargo run --example stream_reply
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its demo
//! workspace, where the demo user asks a question in `#general` and the demo bot streams its
//! answer into the thread; then it reads the thread back. With `SLACK_TOKEN` (a bot token with
//! `chat:write`) it answers in `SLACK_CHANNEL` in the thread that starts at `SLACK_THREAD_TS`,
//! to the user `SLACK_RECIPIENT_USER` of the workspace `SLACK_RECIPIENT_TEAM` (Slack needs both
//! outside a direct message), on Slack, or on `SLACK_API_URL` when that is set.

use slack_methods::methods::{
    ChatPostMessage, ChatStartStream, ChatStream, Chunk, ConversationsReplies, TaskStatus,
    TaskUpdate,
};
use slack_methods::types::Timestamp;
use slack_methods::{ChannelId, Client, TeamId, Token, UserId};
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

/// The value of the environment variable `name`, which a run against Slack needs.
fn required(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("SLACK_TOKEN is set: set {name} too"))
}

async fn run() -> Result<(), Box<dyn Error>> {
    // Keep the emulator alive for the whole run when it is used.
    let (client, start, _emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let mut builder = Client::builder().token(token.clone());
            if let Some(url) = std::env::var_os("SLACK_API_URL") {
                // Not ignored when unreadable: the token would go to Slack instead.
                let url = url.to_str().ok_or("SLACK_API_URL is not UTF-8")?;
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("calling {} with the {token}", client.base_url());
            let channel = ChannelId::new(required("SLACK_CHANNEL")?)?;
            let thread = Timestamp::new(required("SLACK_THREAD_TS")?);
            let start = ChatStartStream::new(channel, thread).recipient(
                UserId::new(required("SLACK_RECIPIENT_USER")?)?,
                TeamId::new(required("SLACK_RECIPIENT_TEAM")?)?,
            );
            (client, start, None)
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
            let question =
                ChatPostMessage::new(channel.clone(), "Why did last night's deploy fail?");
            let asked = client(demo::USER_TOKEN)?.call(&question).await?;
            println!("the demo user asked in #general ({})", asked.ts);
            let start = ChatStartStream::new(channel, asked.ts.clone())
                .recipient(UserId::new(demo::ADA)?, TeamId::new(emulator.team_id())?);
            (client(demo::BOT_TOKEN)?, start, Some(emulator))
        }
    };
    let thread = start.thread_ts.clone();

    // 1. The message, in the thread, with its first words. A stream keeps to one kind of
    // content, chunks here, since a task's progress comes as a chunk.
    let first = start.chunks([Chunk::markdown("Looking at the deploy log")]);
    let mut stream = ChatStream::start(&client, first).await?;
    println!("\nstarted message {} in {}", stream.ts(), stream.channel());

    // 2. A task's progress, then more of the answer, as they come.
    let task = |status| TaskUpdate::new("log", "Read the deploy log", status);
    stream
        .append_chunks([Chunk::task(task(TaskStatus::InProgress))])
        .await?;
    stream
        .append_chunks([
            Chunk::task(task(TaskStatus::Complete).output("2 of 14 steps failed")),
            Chunk::markdown(": the **database migration** timed out."),
        ])
        .await?;
    println!("appended a task's progress and the finding");

    // 3. The end: the last words, and the message is final.
    let done = stream
        .stop_with(|stop| stop.chunks([Chunk::markdown(" Re-run it with a longer timeout.")]))
        .await?;
    println!("stopped: the message is final ({})", done.ts);

    // What the thread now shows.
    let replies = ConversationsReplies::new(stream.channel().clone(), thread);
    for message in client.call(&replies).await?.messages.iter() {
        println!("  {}: {}", message.ts, message.text);
    }
    Ok(())
}
