//! Lists every channel the token can see, across as many pages as it takes, with
//! `client.items(&ConversationsList)`.
//!
//! ```text
//! cargo run --example list_channels
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its demo
//! workspace (27 channels, answered 10 a page) and says so. With `SLACK_TOKEN` (a token with
//! `channels:read`, and `groups:read` for private channels) it calls Slack, or `SLACK_API_URL`
//! when that is set.

use futures_util::TryStreamExt;
use slack_methods::methods::{ConversationType, ConversationsList};
use slack_methods::types::Item;
use slack_methods::{Client, RateLimits, Token};
use slack_methods_emulator::{demo, Emulator};
use std::error::Error;
use std::io::{self, Write};
use std::pin::pin;
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        // Piped into `head`, which has read enough: stop quietly, as other listing tools do.
        Err(err)
            if err
                .downcast_ref::<io::Error>()
                .is_some_and(|err| err.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
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
    let (client, _emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let mut builder = Client::builder().token(token.clone());
            if let Some(url) = std::env::var_os("SLACK_API_URL") {
                // Not ignored when unreadable: the token would go to Slack instead.
                let url = url.to_str().ok_or("SLACK_API_URL is not UTF-8")?;
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("calling {} with the {token}", client.base_url());
            (client, None)
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
            // conversations.list is Tier 2 (about 20 calls a minute), which the client keeps to;
            // the emulator's pages are small on purpose, so this run turns pacing off.
            let client = Client::builder()
                .token(Token::new(demo::BOT_TOKEN)?)
                .base_url(&emulator.base_url())
                .rate_limits(RateLimits::off())
                .build()?;
            (client, Some(emulator))
        }
    };

    let list = ConversationsList::new()
        .types([
            ConversationType::PublicChannel,
            ConversationType::PrivateChannel,
        ])
        .exclude_archived()
        .limit(200);
    // The list goes out through `writeln!`, whose error (a closed pipe) ends the run, where
    // `println!` would panic.
    let mut out = io::stdout();
    writeln!(out, "\nevery channel, page after page:")?;
    let mut channels = pin!(client.items(&list));
    let (mut count, mut odd) = (0, 0);
    while let Some(item) = channels.try_next().await? {
        match item {
            Item::Parsed(channel) => {
                count += 1;
                // The lock takes two columns, `#` one.
                let (lock, width) = if channel.is_private {
                    ("🔒", 23)
                } else {
                    ("#", 24)
                };
                let members = channel
                    .num_members
                    .map_or(String::new(), |n| format!(", {n} members"));
                let me = if channel.is_member { ", joined" } else { "" };
                let (name, id) = (&channel.name, &channel.id);
                writeln!(out, "  {lock}{name:<width$} {id}{members}{me}")?;
            }
            // A channel object this crate cannot read is kept, not fatal.
            Item::Unparsed(raw) => {
                odd += 1;
                writeln!(out, "  (unreadable channel: {})", raw.error())?;
            }
        }
    }
    writeln!(out, "\n{count} channels")?;
    if odd > 0 {
        writeln!(out, "{odd} channel objects could not be read")?;
    }
    Ok(())
}
