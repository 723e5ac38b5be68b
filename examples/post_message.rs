//! Posts a message, replies to it in a thread, reacts to it and updates it, then reads the
//! thread back: `chat.postMessage`, `reactions.add`, `chat.update`, `conversations.replies`.
//!
//! ```text
//! cargo run --example post_message
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its demo
//! workspace and posts as the demo bot in `#general`, and says so. With `SLACK_TOKEN` (a bot
//! token with `chat:write` and `reactions:write`, plus `channels:history` to read the thread
//! back) it posts in `SLACK_CHANNEL` (a channel id the bot is in) on Slack, or on
//! `SLACK_API_URL` when that is set.

use slack_methods::methods::{ChatPostMessage, ChatUpdate, ConversationsReplies, ReactionsAdd};
use slack_methods::types::{Block, Blocks, Text};
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
    let (client, channel, _emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let channel = std::env::var("SLACK_CHANNEL").map_err(|_| {
                "SLACK_TOKEN is set: set SLACK_CHANNEL to the id of a channel the bot is in"
            })?;
            let mut builder = Client::builder().token(token.clone());
            if let Some(url) = std::env::var_os("SLACK_API_URL") {
                // Not ignored when unreadable: the token would go to Slack instead.
                let url = url.to_str().ok_or("SLACK_API_URL is not UTF-8")?;
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("calling {} with the {token}", client.base_url());
            (client, ChannelId::new(channel)?, None)
        }
        None => {
            let emulator = Emulator::builder()
                .serve(slack_methods::methods::ALL)
                .demo_workspace()
                .start()
                .await?;
            println!(
                "SLACK_TOKEN is not set: using the built-in Slack emulator at {} (demo workspace, as its bot)",
                emulator.base_url()
            );
            let client = Client::builder()
                .token(Token::new(demo::BOT_TOKEN)?)
                .base_url(&emulator.base_url())
                .build()?;
            (client, ChannelId::new(demo::GENERAL)?, Some(emulator))
        }
    };

    // 1. A message with blocks; `text` is what notifications show.
    let blocks = Blocks::from([
        Block::header("Deploy started"),
        Block::section(Text::mrkdwn("*api* 1.4.2 is rolling out")),
    ]);
    let post =
        ChatPostMessage::new(channel.clone(), "Deploy started: api 1.4.2").with_blocks(blocks);
    let posted = client.call(&post).await?;
    println!("\nposted {} in {}", posted.ts, posted.channel);

    // 2. A reply in its thread.
    let reply = ChatPostMessage::new(channel.clone(), "First hosts are healthy")
        .in_thread(posted.ts.clone());
    let replied = client.call(&reply).await?;
    println!("replied {} in the thread of {}", replied.ts, posted.ts);

    // 3. A reaction on the message.
    client
        .call(&ReactionsAdd::new(
            channel.clone(),
            posted.ts.clone(),
            "rocket",
        ))
        .await?;
    println!("reacted with :rocket:");

    // 4. The message updated: new text and blocks.
    let done = Blocks::from([
        Block::header("Deploy finished"),
        Block::section(Text::mrkdwn("*api* 1.4.2 is live everywhere")),
    ]);
    let update = ChatUpdate::new(
        channel.clone(),
        posted.ts.clone(),
        "Deploy finished: api 1.4.2",
    )
    .with_blocks(done);
    let updated = client.call(&update).await?;
    println!("updated it: {:?}", updated.text);

    // The thread as Slack now has it.
    match client
        .call(&ConversationsReplies::new(channel, posted.ts.clone()))
        .await
    {
        Ok(thread) => {
            println!("\nthe thread now:");
            for message in thread.messages.iter() {
                let reactions: Vec<String> = message
                    .reactions
                    .iter()
                    .map(|r| format!(":{}: ×{}", r.name, r.count))
                    .collect();
                println!(
                    "  {} {:?}{}{}{}",
                    message.ts,
                    message.text,
                    if message.edited.is_some() {
                        " (edited)"
                    } else {
                        ""
                    },
                    match message.reply_count {
                        Some(n) => format!(", replies: {n}"),
                        None => String::new(),
                    },
                    if reactions.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", reactions.join(" "))
                    },
                );
            }
        }
        Err(err) => println!("\ncould not read the thread back: {err}"),
    }
    Ok(())
}
