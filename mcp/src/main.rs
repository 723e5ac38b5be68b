//! `slack-methods-mcp`: an MCP server, over stdio, whose tools are Slack Web API methods: every
//! binding `slack-methods` bundles, each under its tool name (`usersProfileSet` for
//! `users.profile.set`) with its JSON Schema and annotations.
//!
//! ```text
//! SLACK_TOKEN=xoxp-... slack-methods-mcp [--read-only] [--tools a,b,c]
//! slack-methods-mcp --emulator[=user|bot] [--read-only] [--tools a,b,c]
//! ```
//!
//! The token comes from the `SLACK_TOKEN` environment variable and from nowhere else: it is no
//! tool argument, and no result or message shows it. With `--emulator` the server starts a
//! loopback Slack emulator of its own (the demo workspace) and calls it with the demo user's
//! token (`--emulator=bot`: the demo bot's, which lacks `users.profile:write`); `SLACK_TOKEN`
//! is then not read. The server writes one line about itself to stderr, then its log: warnings
//! and errors (`RUST_LOG` changes what is logged, e.g. `RUST_LOG=debug`), among them a line it
//! could not read; stdout is the protocol's. The server ends when stdin closes, or when an
//! answer cannot be written because the host closed its end of stdout. A call ends within 45 s,
//! inside the 60 s MCP hosts commonly give a request: one that would wait longer for Slack's
//! rate limit is answered `ratelimited`, with the wait.

mod log;
mod options;
mod server;
mod stdout;

use options::{EmulatorToken, Options, Parsed};
use rmcp::ServiceExt;
use slack_methods::tools::Registry;
use slack_methods::{Client, RetryPolicy, Token, TokenKind};
use slack_methods_emulator::{demo, Emulator};
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

/// How long a call may wait, for the rate limit, a pause Slack ordered or between retries: MCP
/// hosts commonly give a request 60 s, and a call that needs longer is better answered
/// `ratelimited` with the wait (which the agent can act on) than cut off by the host.
const CALL_BUDGET: Duration = Duration::from_secs(20);
/// The limits on opening a connection and on each attempt once its request goes out. A call's
/// last attempt starts within [`CALL_BUDGET`], so a call ends within the three together: 45 s.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(20);

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("slack-methods-mcp: {message}");
            ExitCode::from(2)
        }
    }
}

async fn run() -> Result<(), String> {
    let options = match options::parse(std::env::args().skip(1))? {
        Parsed::Run(options) => options,
        Parsed::Help => return print(options::USAGE),
        Parsed::Version => {
            return print(concat!("slack-methods-mcp ", env!("CARGO_PKG_VERSION")));
        }
    };
    log::init()?;
    let mut registry = Registry::bundled();
    let left_out = options.select(&mut registry)?;
    if !left_out.is_empty() {
        eprintln!(
            "slack-methods-mcp: `--read-only` leaves out {}, named in `--tools`: {} write",
            left_out.join(", "),
            if left_out.len() == 1 {
                "it can"
            } else {
                "they can"
            }
        );
    }
    // The emulator, when there is one, lives as long as the server.
    let (client, _emulator, target) = connect(&options).await?;
    let hidden = Registry::bundled()
        .tools()
        .filter_map(|tool| Some((tool.operation_id, options.hides(tool)?)))
        .collect();
    let server = server::Server::new(registry, client).hiding(hidden);
    let offered = match server.len() {
        1 => "1 tool".to_owned(),
        many => format!("{many} tools"),
    };
    eprintln!("slack-methods-mcp: {offered} over stdio, calling {target}");
    let (stdout, closed) = stdout::Watched::stdout();
    let running = server
        .serve((tokio::io::stdin(), stdout))
        .await
        .map_err(|error| format!("the MCP session did not start: {error}"))?;
    // The session ends when stdin closes, or when stdout fails: no answer can reach the host.
    let stop = running.cancellation_token();
    let watcher = tokio::spawn(async move {
        closed.wait().await;
        eprintln!("slack-methods-mcp: stdout is closed (the host has gone); stopping");
        stop.cancel();
    });
    let ended = running.waiting().await;
    if watcher.is_finished() {
        // Returning would drop the runtime, which waits for its blocking read of stdin: until
        // the host's pipe closes, which may be never. Nothing is left to write or keep.
        std::process::exit(0);
    }
    watcher.abort();
    ended.map_err(|error| format!("the MCP session failed: {error}"))?;
    Ok(())
}

/// Writes `text` and a newline to stdout, for `--help` and `--version`: a stdout that cannot
/// take it (a pipe whose reader has gone, as `| head -0` leaves it, or a full disk) is an error
/// said on stderr, not a panic.
fn print(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")
        .and_then(|()| stdout.flush())
        .map_err(|error| format!("could not write to stdout: {error}"))
}

/// The client to call Slack with (and the emulator it calls, if any), and where it calls, to
/// say so.
async fn connect(options: &Options) -> Result<(Client, Option<Emulator>, String), String> {
    let builder = Client::builder()
        .user_agent_prefix(concat!("slack-methods-mcp/", env!("CARGO_PKG_VERSION")))
        .retry_policy(RetryPolicy::default().budget(CALL_BUDGET))
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(ATTEMPT_TIMEOUT);
    let Some(which) = options.emulator else {
        // The runtime's rule: the whitespace around the value (a pasted space, a file's
        // newline) is not part of the token.
        let token = Token::from_env("SLACK_TOKEN")
            .map_err(|error| format!("SLACK_TOKEN: {error}"))?
            .ok_or_else(|| match std::env::var_os("SLACK_TOKEN") {
                None => "no token: set SLACK_TOKEN (a bot `xoxb-` or user `xoxp-` token), or try the server with --emulator",
                Some(_) => "SLACK_TOKEN is empty: set it to a bot `xoxb-` or user `xoxp-` token, or try the server with --emulator",
            })?;
        // Tokens that can call none of the tools: said now, not at every call.
        let unusable = match token.kind() {
            TokenKind::Refresh => Some(
                "a refresh token (`xoxe-`), which only gets new access tokens: set it to the \
                 access token, a bot `xoxb-` or user `xoxp-` token",
            ),
            TokenKind::App => Some(
                "an app-level token (`xapp-`), which calls only the `apps.*` connection \
                 methods: set it to a bot `xoxb-` or user `xoxp-` token",
            ),
            _ => None,
        };
        if let Some(what) = unusable {
            return Err(format!("SLACK_TOKEN is {what}"));
        }
        let client = builder
            .token(token)
            .build()
            .map_err(|error| error.to_string())?;
        return Ok((client, None, "Slack".to_owned()));
    };
    let emulator = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .map_err(|error| format!("the emulator did not start: {error}"))?;
    let (token, whose) = match which {
        EmulatorToken::User => (demo::USER_TOKEN, "the demo user's token"),
        EmulatorToken::Bot => (demo::BOT_TOKEN, "the demo bot's token"),
    };
    let client = builder
        .base_url(&emulator.base_url())
        .token(Token::new(token).map_err(|error| error.to_string())?)
        .build()
        .map_err(|error| error.to_string())?;
    let target = format!(
        "the built-in emulator at {} (demo workspace, {whose})",
        emulator.base_url()
    );
    Ok((client, Some(emulator), target))
}
