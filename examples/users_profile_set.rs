//! Sets a status (text, emoji, expiry) with `users.profile.set`, then reads it back with
//! `users.profile.get`.
//!
//! ```text
//! cargo run --example users_profile_set
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 and says so. With
//! `SLACK_TOKEN` (a user token with `users.profile:write` and `users.profile:read`) it calls
//! Slack, or `SLACK_API_URL` when that is set.

use slack_methods::methods::{UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{encode_params, Client, Token};
use slack_methods_emulator::{Emulator, UserSpec};
use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    let (client, token, _emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let mut builder = Client::builder().token(token.clone());
            if let Some(url) = std::env::var_os("SLACK_API_URL") {
                // Not ignored when unreadable: the token would go to Slack instead.
                let url = url.to_str().ok_or("SLACK_API_URL is not UTF-8")?;
                builder = builder.base_url(url);
            }
            let client = builder.build()?;
            println!("calling {} with the {token}", client.base_url());
            (client, token, None)
        }
        None => {
            let emulator = Emulator::builder()
                .serve(slack_methods::methods::ALL)
                .start()
                .await?;
            let token = Token::new("xoxp-emulated-example-token")?;
            emulator.add_user(UserSpec::new("U0EXAMPLE1", "jane"));
            emulator.add_token(
                token.expose_secret(),
                "U0EXAMPLE1",
                &["users.profile:read", "users.profile:write"],
            );
            println!(
                "SLACK_TOKEN is not set: using the built-in Slack emulator at {}",
                emulator.base_url()
            );
            let client = Client::builder()
                .token(token.clone())
                .base_url(&emulator.base_url())
                .build()?;
            (client, token, Some(emulator))
        }
    };

    let in_an_hour = SystemTime::now().duration_since(UNIX_EPOCH)? + Duration::from_secs(3600);
    let expiration = i64::try_from(in_an_hour.as_secs())?;
    let set = UsersProfileSet::profile(ProfileUpdate::new().status(
        "riding a train",
        ":mountain_railway:",
        expiration,
    ));

    println!("\nsending:");
    println!("  POST {}users.profile.set", client.base_url());
    println!("  Authorization: Bearer <{token}>");
    println!("  Content-Type: application/x-www-form-urlencoded");
    println!("  {}", encode_params(&set)?);

    let answer = client.call(&set).await?;
    println!("\nusers.profile.set answered ok for {}:", answer.username);
    println!("  status_text       = {:?}", answer.profile.status_text);
    println!("  status_emoji      = {:?}", answer.profile.status_emoji);
    println!("  status_expiration = {}", answer.profile.status_expiration);
    for warning in &answer.warnings {
        println!("  warning: {warning}");
    }

    let read = client.call(&UsersProfileGet::new()).await?;
    println!("\nread back with users.profile.get:");
    println!("  status_text       = {:?}", read.profile.status_text);
    println!("  status_emoji      = {:?}", read.profile.status_emoji);
    println!("  status_expiration = {}", read.profile.status_expiration);
    if let Some(scopes) = &read.scopes.token {
        println!("  token scopes      = {}", scopes.join(", "));
    }
    Ok(())
}
