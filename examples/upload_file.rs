//! Uploads a file into a channel with `client.upload_file(..)`: Slack's three-step upload
//! (`files.getUploadURLExternal`, the bytes to the upload URL, `files.completeUploadExternal`),
//! then reads the file back with `files.info`.
//!
//! ```text
//! cargo run --example upload_file                   # a small generated report
//! cargo run --example upload_file -- path/to/file   # a file from disk, streamed
//! ```
//!
//! Without `SLACK_TOKEN` it starts the built-in Slack emulator on 127.0.0.1 with its demo
//! workspace and shares the file in `#general`. With `SLACK_TOKEN` (a token with `files:write`
//! and `files:read`) and `SLACK_CHANNEL` (the id of a channel the token's user is in) it calls
//! Slack, or `SLACK_API_URL` when that is set.

use slack_methods::methods::FilesInfo;
use slack_methods::upload::{FileUpload, UploadFile};
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
    let (client, channel, emulator) = match Token::from_env("SLACK_TOKEN")? {
        Some(token) => {
            let channel = std::env::var("SLACK_CHANNEL")
                .map_err(|_| "set SLACK_CHANNEL to the id of the channel to share the file in")?;
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
                "SLACK_TOKEN is not set: using the built-in Slack emulator at {} (uploads at {})",
                emulator.base_url(),
                emulator.upload_addr()
            );
            let client = Client::builder()
                .token(Token::new(demo::BOT_TOKEN)?)
                .base_url(&emulator.base_url())
                .build()?;
            (client, ChannelId::new(demo::GENERAL)?, Some(emulator))
        }
    };

    // A path need not be UTF-8: it is taken as the OS gives it.
    let upload = match std::env::args_os().nth(1).map(std::path::PathBuf::from) {
        Some(file_path) if file_path.as_os_str().is_empty() => {
            return Err("the file path is empty: give the path of a file to upload".into());
        }
        Some(file_path) => {
            let path = file_path.display().to_string();
            let unreadable = |err: std::io::Error| format!("cannot read {path}: {err}");
            // Looked at before it is opened: opening a named pipe waits for a writer, so a pipe
            // (or a device) would hold the run where it should be refused.
            let metadata = tokio::fs::metadata(&file_path).await.map_err(unreadable)?;
            if !metadata.is_file() {
                return Err(format!("{path} is not a file").into());
            }
            let file = tokio::fs::File::open(&file_path)
                .await
                .map_err(unreadable)?;
            let length = file.metadata().await.map_err(unreadable)?.len();
            let name = file_path
                .file_name()
                .map_or_else(|| path.clone(), |name| name.to_string_lossy().into_owned());
            let upload = if length == 0 {
                // A file the system fills as it is read (under /proc or /sys) reports no length,
                // which a streamed upload must announce: read it whole first. A file that is
                // really empty stays empty, and the upload refuses it.
                let content = tokio::fs::read(&file_path).await.map_err(unreadable)?;
                println!(
                    "\nuploading {path} ({} bytes), read into memory",
                    content.len()
                );
                FileUpload::bytes(name.clone(), content)
            } else {
                println!("\nuploading {path} ({length} bytes), streamed from disk");
                FileUpload::reader(name.clone(), file, length)
            };
            upload
                .title(name)
                .initial_comment("Uploaded with slack-methods")
        }
        None => {
            let report: String = (1..=5)
                .map(|day| format!("day {day},{},{}\n", day * 17 % 23, day * 31 % 7))
                .collect();
            let report = format!("day,tickets,incidents\n{report}");
            println!(
                "\nuploading a generated report.csv ({} bytes)",
                report.len()
            );
            FileUpload::bytes("report.csv", report)
                .title("Weekly report")
                .initial_comment("This week's numbers")
        }
    };
    let upload = upload.share_in(channel.clone());

    let done = client.upload_file(upload).await?;
    let file = done.file().ok_or("Slack answered no file")?;
    println!(
        "uploaded {} ({} bytes) and shared it in {channel}",
        file.id, file.size
    );

    let info = client.call(&FilesInfo::of(file.id.clone())).await?;
    println!("\nread back with files.info:");
    println!("  name      = {}", info.file.name);
    println!("  title     = {}", info.file.title);
    println!("  mimetype  = {}", info.file.mimetype);
    let shared_in: Vec<&str> = info.file.channels.iter().map(ChannelId::as_str).collect();
    println!("  channels  = {}", shared_in.join(", "));
    if let Some(link) = &info.file.permalink {
        println!("  permalink = {link}");
    }

    if let Some(emulator) = &emulator {
        if let Some(message) = emulator
            .messages(channel.as_str())
            .and_then(|m| m.last().cloned())
        {
            println!(
                "\nthe message the emulator shows in {channel}: {:?} with the file {}",
                message["text"].as_str().unwrap_or_default(),
                message["files"][0]["name"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(())
}
