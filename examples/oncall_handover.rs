//! An on-call hand-over: makes the given people the whole membership of a user group, so that
//! `@handle` reaches them from now on: `usergroups.list` and `usergroups.users.update`.
//!
//! ```text
//! cargo run --example oncall_handover                        # against the emulator
//! cargo run --example oncall_handover -- leads U0DEMOLIN1 U0DEMOGRC1
//! ```
//!
//! The first argument is the group's handle (without `@`), the others are the user ids of its
//! new members. Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its
//! demo workspace, where, without arguments, `@leads` passes from Ada and Grace to Linus and
//! Grace. With `SLACK_TOKEN` (a token with `usergroups:read` and `usergroups:write`, of a user or
//! bot the workspace lets change user groups) the arguments are required, and it calls Slack, or
//! `SLACK_API_URL` when that is set.

use slack_methods::methods::{UsergroupsList, UsergroupsUsersUpdate};
use slack_methods::{Client, Token, UserId};
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
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // Keep the emulator alive for the whole run when it is used.
    let (client, _emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            if args.len() < 2 {
                return Err(
                    "SLACK_TOKEN is set: name the group's handle and its new members \
                            (`oncall_handover <handle> <user id>...`)"
                        .into(),
                );
            }
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
            if args.is_empty() {
                args = ["leads", demo::LINUS, demo::GRACE]
                    .map(String::from)
                    .to_vec();
            }
            let client = Client::builder()
                .token(Token::new(demo::USER_TOKEN)?)
                .base_url(&emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };
    let (handle, users) = args
        .split_first()
        .ok_or("name the group's handle and its new members")?;
    let handle = handle.trim_start_matches('@');
    let users = users
        .iter()
        // The error quotes the text, unless it looks like a token pasted by mistake.
        .map(|id| UserId::new(id.as_str()).map_err(|err| format!("a new member: {err}")))
        .collect::<Result<Vec<_>, _>>()?;
    if users.is_empty() {
        return Err(format!("name the new members of @{handle}").into());
    }

    // The group, found by its handle, with its members now.
    let groups = client.call(&UsergroupsList::new().with_users()).await?;
    let Some(group) = groups.usergroups.iter().find(|g| g.handle == handle) else {
        let handles: Vec<String> = groups
            .usergroups
            .iter()
            .map(|g| format!("@{}", g.handle))
            .collect();
        return Err(format!(
            "no enabled user group has the handle @{handle}; these do: {}",
            handles.join(", ")
        )
        .into());
    };
    println!("@{handle} ({}) was: {}", group.id, list(&group.users));

    // The hand-over: these people, and only they, are the group from now on.
    let update = UsergroupsUsersUpdate::set(group.id.clone(), users);
    let updated = client.call(&update).await?.into_data();
    let now = updated.usergroup.map(|g| g.users).unwrap_or(update.users);
    println!("@{handle} is now: {}", list(&now));
    Ok(())
}

fn list(users: &[UserId]) -> String {
    if users.is_empty() {
        return "nobody".to_owned();
    }
    users
        .iter()
        .map(UserId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}
