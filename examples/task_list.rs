//! A team's task list in Slack Lists: creates a list with a task, a status and a done column,
//! adds one item a task, marks the first one done, then reads the list back page by page with
//! `client.items(..)`: `slackLists.create`, `slackLists.items.create`, `slackLists.items.update`
//! and `slackLists.items.list`.
//!
//! ```text
//! cargo run --example task_list                              # against the emulator
//! cargo run --example task_list -- "Write the post" "Ship it"
//! ```
//!
//! The arguments are the tasks (three of the example's own without any). Without `SLACK_TOKEN`
//! it starts the built-in Slack emulator on 127.0.0.1 with its demo workspace and works as the
//! demo bot. With `SLACK_TOKEN` (a token with `lists:write` and `lists:read`) it creates a new
//! list in that workspace, owned by the token's user or bot, and calls Slack, or `SLACK_API_URL`
//! when that is set.

use futures_util::TryStreamExt;
use slack_methods::methods::{
    CellValue, ColumnType, ListCell, ListColumn, SelectChoice, SlackListsCreate,
    SlackListsItemsCreate, SlackListsItemsList, SlackListsItemsUpdate,
};
use slack_methods::types::Item;
use slack_methods::{Client, Token};
use slack_methods_emulator::{demo, Emulator};
use std::error::Error;
use std::io::{self, Write};
use std::pin::pin;
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
    let mut tasks: Vec<String> = std::env::args().skip(1).collect();
    if tasks.is_empty() {
        tasks = ["Write the launch post", "Record the demo", "Tell the team"]
            .map(String::from)
            .to_vec();
    }
    if let Some(blank) = tasks.iter().position(|task| task.trim().is_empty()) {
        return Err(format!("task {} is blank: give each task a title", blank + 1).into());
    }
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
                "SLACK_TOKEN is not set: using the built-in Slack emulator at {} (demo workspace, as its bot)",
                emulator.base_url()
            );
            let client = Client::builder()
                .token(Token::new(demo::BOT_TOKEN)?)
                .base_url(&emulator.base_url())
                .build()?;
            (client, Some(emulator))
        }
    };

    // The columns are written with keys; Slack answers each one's id, which cells name.
    let created = client
        .call(
            &SlackListsCreate::new("Launch tasks")
                .description("Made by the slack-methods task_list example")
                .schema([
                    ListColumn::primary("task", "Task"),
                    ListColumn::select(
                        "status",
                        "Status",
                        [
                            SelectChoice::new("todo", "To do").color("red"),
                            SelectChoice::new("done", "Done").color("green"),
                        ],
                    ),
                    ListColumn::new("done", "Done", ColumnType::Checkbox),
                ]),
        )
        .await?;
    let list = created.list_id.clone();
    let column = |key: &str| {
        created
            .column_id(key)
            .map(str::to_owned)
            .ok_or_else(|| format!("Slack's answer has no id for the `{key}` column"))
    };
    let (task, status, done) = (column("task")?, column("status")?, column("done")?);
    println!("created the list {list}");

    let mut made = Vec::with_capacity(tasks.len());
    for title in &tasks {
        let item = client
            .call(&SlackListsItemsCreate::new(list.clone()).fields([
                ListCell::text(task.as_str(), title),
                ListCell::new(status.as_str(), CellValue::Select(vec!["todo".into()])),
            ]))
            .await?
            .into_data()
            .item
            .ok_or("Slack's answer holds no item")?;
        println!("  added {} ({title})", item.id);
        made.push(item.id);
    }

    // The first task is done: two cells of one item, written in one call.
    let first = made.first().ok_or("no task was given")?;
    client
        .call(&SlackListsItemsUpdate::new(
            list.clone(),
            [
                ListCell::new(done.as_str(), CellValue::Checkbox(true)).row(first.as_str()),
                ListCell::new(status.as_str(), CellValue::Select(vec!["done".into()]))
                    .row(first.as_str()),
            ],
        ))
        .await?;
    println!("  marked {first} done");

    // Two items a page, to show the pages being followed; a real list would take the default.
    // The list goes out through `writeln!`, whose error (a closed pipe) ends the run, where
    // `println!` would panic.
    let mut out = io::stdout();
    writeln!(out, "\nthe list, page after page:")?;
    let read = SlackListsItemsList::new(list.clone()).limit(2);
    let mut items = pin!(client.items(&read));
    let (mut open, mut closed) = (0, 0);
    while let Some(item) = items.try_next().await? {
        match item {
            Item::Parsed(item) => {
                let ticked = item
                    .field(&done)
                    .and_then(|field| field.cell())
                    .is_some_and(|cell| cell == CellValue::Checkbox(true));
                let title = item
                    .field(&task)
                    .and_then(|field| field.text.clone())
                    .unwrap_or_default();
                if ticked {
                    closed += 1;
                } else {
                    open += 1;
                }
                let mark = if ticked { "[x]" } else { "[ ]" };
                writeln!(out, "  {mark} {title}")?;
            }
            // An item this crate cannot read is kept, not fatal.
            Item::Unparsed(raw) => writeln!(out, "  (unreadable item: {})", raw.error())?,
        }
    }
    writeln!(out, "\n{closed} done, {open} to do")?;
    Ok(())
}
