//! The built server, as an MCP host uses it: rmcp's client spawns the binary and talks to it over
//! its stdio. With `--emulator` the server calls its own loopback emulator (the demo workspace),
//! so these tests need no network.

use rmcp::model::{CallToolRequestParams, CallToolResult, Tool};
use rmcp::service::RunningService;
use rmcp::transport::TokioChildProcess;
use rmcp::{RoleClient, ServiceExt};
use serde_json::{json, Value};
use slack_methods::tools::Registry;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command};

type Client = RunningService<RoleClient, ()>;

/// A generous bound on each step, so that a broken server fails the test instead of hanging it.
const STEP: Duration = Duration::from_secs(60);

/// The server's command, with `args`, without `SLACK_TOKEN` unless `token` is given, and with
/// the default log (no `RUST_LOG`).
fn server(args: &[&str], token: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_slack-methods-mcp"));
    command
        .args(args)
        .env_remove("SLACK_TOKEN")
        .env_remove("RUST_LOG");
    if let Some(token) = token {
        command.env("SLACK_TOKEN", token);
    }
    command
}

/// A client session with the server started with `args` (and its stderr, to read at the end).
async fn connect(args: &[&str], token: Option<&str>) -> (Client, ChildStderr) {
    let (transport, stderr) = TokioChildProcess::builder(server(args, token))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let client = tokio::time::timeout(STEP, ().serve(transport))
        .await
        .expect("the server answers `initialize`")
        .unwrap();
    (client, stderr.unwrap())
}

async fn tools(client: &Client) -> Vec<Tool> {
    tokio::time::timeout(STEP, client.list_all_tools())
        .await
        .unwrap()
        .unwrap()
}

async fn call(client: &Client, name: &str, args: Value) -> CallToolResult {
    let params = CallToolRequestParams::new(name.to_owned())
        .with_arguments(args.as_object().cloned().unwrap());
    tokio::time::timeout(STEP, client.call_tool(params))
        .await
        .unwrap()
        .unwrap()
}

/// Closes the session and gives what the server wrote to stderr.
async fn close(client: Client, mut stderr: ChildStderr) -> String {
    client.cancel().await.unwrap();
    let mut text = String::new();
    tokio::time::timeout(STEP, stderr.read_to_string(&mut text))
        .await
        .unwrap()
        .unwrap();
    text
}

/// The status text the emulator's demo user has, read through the server.
async fn status(client: &Client) -> Value {
    let got = call(client, "usersProfileGet", json!({})).await;
    assert_eq!(got.is_error, Some(false), "{got:?}");
    got.structured_content.unwrap()["profile"]["status_text"].clone()
}

#[tokio::test]
async fn every_binding_is_a_tool_and_a_profile_round_trips() {
    let (client, stderr) = connect(&["--emulator"], None).await;

    // Every bundled binding, by its tool name.
    let listed = tools(&client).await;
    let mut names: Vec<&str> = listed.iter().map(|tool| tool.name.as_ref()).collect();
    names.sort_unstable();
    let bundled = Registry::bundled();
    let expected: Vec<&str> = bundled.tools().map(|tool| tool.operation_id).collect();
    assert_eq!(names, expected);
    assert_eq!(listed.len(), slack_methods::methods::ALL.len());
    assert!(listed.len() >= 30, "{} tools", listed.len());

    let set = listed
        .iter()
        .find(|tool| tool.name == "usersProfileSet")
        .unwrap();
    let properties = set.input_schema["properties"].as_object().unwrap();
    for name in ["name", "value", "user", "profile"] {
        assert!(properties.contains_key(name), "{name}");
    }
    assert!(!properties.contains_key("token"));
    let annotations = set.annotations.as_ref().unwrap();
    assert_eq!(annotations.read_only_hint, Some(false), "it writes");
    assert_eq!(annotations.destructive_hint, Some(true), "it overwrites");
    let get = listed
        .iter()
        .find(|tool| tool.name == "usersProfileGet")
        .unwrap();
    assert_eq!(get.annotations.as_ref().unwrap().read_only_hint, Some(true));
    // Ending a channel or someone's place in it, or overwriting what it had, is destructive
    // (MCP's `false` means "only additive"); creating, joining or unarchiving one is not.
    for (tool, destructive) in [
        ("conversationsArchive", true),
        ("conversationsKick", true),
        ("conversationsLeave", true),
        ("conversationsRename", true),
        ("conversationsSetTopic", true),
        ("chatUpdate", true),
        ("conversationsUnarchive", false),
        ("conversationsCreate", false),
        ("conversationsJoin", false),
        ("chatPostMessage", false),
    ] {
        let found = listed.iter().find(|t| t.name == tool).unwrap();
        let annotations = found.annotations.as_ref().unwrap();
        assert_eq!(annotations.read_only_hint, Some(false), "{tool}");
        assert_eq!(annotations.destructive_hint, Some(destructive), "{tool}");
    }

    // A status set by one tool reads back through another.
    let answer = call(
        &client,
        "usersProfileSet",
        json!({"profile": {"status_text": "in a meeting", "status_emoji": ":calendar:", "status_expiration": 0}}),
    )
    .await;
    assert_eq!(answer.is_error, Some(false), "{answer:?}");
    assert_eq!(
        answer.structured_content.as_ref().unwrap()["profile"]["status_emoji"],
        ":calendar:"
    );
    assert_eq!(status(&client).await, "in a meeting");

    // Mixing the two forms is refused by the binding, and nothing changes.
    let mixed = call(
        &client,
        "usersProfileSet",
        json!({"name": "status_text", "value": "out", "profile": {"status_text": "out"}}),
    )
    .await;
    assert_eq!(mixed.is_error, Some(true));
    let details = mixed.structured_content.unwrap();
    assert_eq!(details["error"], "invalid_request");
    assert!(details["message"]
        .as_str()
        .unwrap()
        .contains("cannot be sent together"));
    assert_eq!(status(&client).await, "in a meeting");

    // Ill-typed arguments are refused, naming the argument, and nothing changes.
    for (args, argument) in [
        (json!({"name": "status_text", "value": 7}), "value"),
        (
            json!({"profile": {"status_text": ["out"]}}),
            "profile.status_text",
        ),
        (
            json!({"name": "status_text", "value": "out", "user": "jane"}),
            "user",
        ),
        (
            json!({"name": "status_text", "value": "out", "token": "xoxp-1"}),
            "token",
        ),
    ] {
        let refused = call(&client, "usersProfileSet", args.clone()).await;
        assert_eq!(refused.is_error, Some(true), "{args}");
        let details = refused.structured_content.unwrap();
        assert_eq!(details["error"], "invalid_arguments", "{args}");
        assert_eq!(details["argument"], argument, "{args}");
    }
    assert_eq!(status(&client).await, "in a meeting");

    // A name that is no tool is a protocol error; a Slack method name points to its tool.
    let params = CallToolRequestParams::new("users.profile.set");
    let error = client.call_tool(params).await.unwrap_err().to_string();
    assert!(
        error.contains(
            "no tool is called `users.profile.set` here; did you mean `usersProfileSet`?"
        ),
        "{error}"
    );

    let log = close(client, stderr).await;
    assert!(log.contains("tools over stdio"), "{log}");
}

#[tokio::test]
async fn slack_errors_are_tool_errors_with_the_scopes_needed() {
    // The demo bot's token lacks `users.profile:write`.
    let (client, stderr) = connect(&["--emulator=bot"], None).await;
    let refused = call(
        &client,
        "usersProfileSet",
        json!({"name": "title", "value": "Bot"}),
    )
    .await;
    assert_eq!(refused.is_error, Some(true));
    let details = refused.structured_content.clone().unwrap();
    assert_eq!(details["error"], "missing_scope");
    assert_eq!(details["needed"], json!(["users.profile:write"]));
    assert!(details["provided"]
        .as_array()
        .unwrap()
        .contains(&json!("users.profile:read")));
    let text = format!("{refused:?}");
    assert!(!text.contains("xoxb-"), "no token in a result: {text}");
    let log = close(client, stderr).await;
    assert!(!log.contains("xoxb-"), "no token in the log: {log}");
}

#[tokio::test]
async fn a_call_the_rate_limit_refuses_says_how_long_to_wait_in_whole_seconds() {
    // `users.list` is Tier 2: more calls at once than the limiter lets through within the
    // retry budget, so that the last ones are refused unsent, with a wait in part seconds.
    let (client, stderr) = connect(&["--emulator"], None).await;
    let started = tokio::time::Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let peer = client.peer().clone();
        calls.spawn(async move {
            let params = CallToolRequestParams::new("usersList")
                .with_arguments(json!({"limit": 1}).as_object().cloned().unwrap());
            peer.call_tool(params).await
        });
    }
    let refused = loop {
        let done = tokio::time::timeout(STEP, calls.join_next())
            .await
            .expect("a call is refused at once")
            .expect("a call is left")
            .unwrap()
            .unwrap();
        if done.is_error == Some(true) {
            break done.structured_content.unwrap();
        }
    };
    // The others are answered too, within the server's wait budget (20 s) and well inside the
    // 60 s MCP hosts commonly give a request: none waits for its turn past it.
    let rest = tokio::time::timeout_at(started + Duration::from_secs(40), calls.join_all()).await;
    let rest = rest.expect("every call answered within the server's budget, not after 60 s");
    assert!(rest.iter().all(Result::is_ok));
    assert_eq!(refused["error"], "ratelimited", "{refused}");
    let message = refused["message"].as_str().unwrap();
    let said = message
        .rsplit_once("retry after ")
        .and_then(|(_, wait)| wait.strip_suffix('s'))
        .and_then(|wait| wait.parse::<u64>().ok())
        .unwrap_or_else(|| panic!("a wait in the message: {message}"));
    assert_eq!(refused["retry_after_seconds"], said, "{refused}");
    close(client, stderr).await;
}

#[tokio::test]
async fn the_options_narrow_the_tools() {
    let (client, stderr) = connect(
        &[
            "--emulator",
            "--read-only",
            "--tools",
            "usersProfileGet,usersProfileSet",
        ],
        None,
    )
    .await;
    let names: Vec<String> = tools(&client)
        .await
        .iter()
        .map(|tool| tool.name.to_string())
        .collect();
    assert_eq!(names, ["usersProfileGet"]);
    let params = CallToolRequestParams::new("usersProfileSet").with_arguments(
        json!({"name": "title", "value": "x"})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let error = client.call_tool(params).await.unwrap_err().to_string();
    assert!(
        error.contains(
            "`usersProfileSet` is not served: this server was started with `--read-only`"
        ),
        "not offered, not called: {error}"
    );
    // Left out by `--tools`, or meant by a method's name: the option is named.
    for (name, expected) in [
        (
            "authTest",
            "`authTest` is not served: this server was started with `--tools`",
        ),
        (
            "users.profile.set",
            "no tool is called `users.profile.set` here; `usersProfileSet` is not served: this server was started with `--read-only`",
        ),
        ("noSuchTool", "no tool is called `noSuchTool` here"),
    ] {
        let error = client
            .call_tool(CallToolRequestParams::new(name))
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{error}");
    }
    let log = close(client, stderr).await;
    assert!(
        log.starts_with(
            "slack-methods-mcp: `--read-only` leaves out usersProfileSet, named in `--tools`: it can write\n\
             slack-methods-mcp: 1 tool over stdio, calling the built-in emulator"
        ),
        "{log}"
    );
}

#[tokio::test]
async fn the_token_comes_from_the_environment_and_is_never_shown() {
    let secret = "xoxb-1111-2222-secretsecret";
    let (client, stderr) = connect(&["--read-only"], Some(secret)).await;
    let listed = tools(&client).await;
    assert!(listed
        .iter()
        .all(|tool| tool.annotations.as_ref().and_then(|a| a.read_only_hint) == Some(true)));
    let text = format!("{listed:?}");
    assert!(!text.contains(secret));
    let log = close(client, stderr).await;
    assert!(log.contains("calling Slack"), "{log}");
    assert!(!log.contains("secret"), "{log}");

    // Without a token (and without the emulator) the server does not start.
    let output = server(&[], None).output().await.unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("set SLACK_TOKEN"), "{message}");

    // The whitespace around the value is not the token's: a trailing space is accepted as a
    // trailing newline is; a blank value is empty; a space inside is refused.
    for padded in [
        format!("{secret} "),
        format!("{secret}\n"),
        format!(" {secret}\t"),
    ] {
        let (client, stderr) = connect(&["--read-only"], Some(&padded)).await;
        let log = close(client, stderr).await;
        assert!(log.contains("calling Slack"), "{padded:?}: {log}");
    }
    for (value, expected) in [
        (" \n", "slack-methods-mcp: SLACK_TOKEN is empty"),
        (
            "xoxb-1 2",
            "slack-methods-mcp: SLACK_TOKEN: the token holds a character that cannot be sent",
        ),
        // Tokens no tool can be called with.
        (
            "xoxe-1-REFRESH",
            "slack-methods-mcp: SLACK_TOKEN is a refresh token (`xoxe-`)",
        ),
        (
            "xapp-1-A0-1-abc",
            "slack-methods-mcp: SLACK_TOKEN is an app-level token (`xapp-`)",
        ),
    ] {
        let output = server(&[], Some(value)).output().await.unwrap();
        assert_eq!(output.status.code(), Some(2), "{value:?}");
        let message = String::from_utf8(output.stderr).unwrap();
        assert!(message.starts_with(expected), "{value:?}: {message}");
    }
}

/// The server driven over raw lines, for what rmcp's client never sends.
struct Raw {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
}

impl Raw {
    /// The server started with `--emulator`, initialized.
    async fn start() -> Raw {
        let mut child = server(&["--emulator"], None)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut raw = Raw {
            child,
            stdin,
            stdout,
        };
        raw.send(
            br#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"0"}}}"#,
        )
        .await;
        assert_eq!(raw.answer().await["id"], 0);
        raw.send(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
            .await;
        raw
    }

    /// Sends `line` and its newline.
    async fn send(&mut self, line: &[u8]) {
        self.stdin.write_all(line).await.unwrap();
        self.stdin.write_all(b"\n").await.unwrap();
        self.stdin.flush().await.unwrap();
    }

    /// The next line the server writes, as JSON.
    async fn answer(&mut self) -> Value {
        let line = tokio::time::timeout(STEP, self.stdout.next_line())
            .await
            .expect("the server answers")
            .unwrap()
            .expect("the server's stdout is open");
        serde_json::from_str(&line).unwrap()
    }

    /// Closes stdin, waits for the server to end, and gives what it wrote to stderr.
    async fn finish(mut self) -> String {
        drop(self.stdin);
        let mut text = String::new();
        let mut stderr = self.child.stderr.take().unwrap();
        tokio::time::timeout(STEP, stderr.read_to_string(&mut text))
            .await
            .unwrap()
            .unwrap();
        let status = tokio::time::timeout(STEP, self.child.wait())
            .await
            .unwrap()
            .unwrap();
        assert!(status.success(), "{status}: {text}");
        text
    }
}

#[tokio::test]
async fn a_line_that_cannot_be_read_is_logged_and_the_server_goes_on() {
    let mut raw = Raw::start().await;
    // Not JSON; a number out of range; a lone surrogate: rmcp drops each without an answer.
    raw.send(b"{not json").await;
    raw.send(br#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"authTest","arguments":{"n":1e400}}}"#).await;
    raw.send(br#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"authTest","arguments":{"s":"\ud800"}}}"#).await;
    // A line over rmcp's limit (16 MiB) is dropped too.
    let mut long = br#"{"jsonrpc":"2.0","id":3,"method":"ping","params":{"_meta":{"x":""#.to_vec();
    long.resize(17 << 20, b'a');
    long.extend_from_slice(br#""}}}"#);
    raw.send(&long).await;
    // The server still answers, and the next answer is this one's.
    raw.send(br#"{"jsonrpc":"2.0","id":4,"method":"ping"}"#)
        .await;
    let pong = raw.answer().await;
    assert_eq!(pong["id"], 4, "{pong}");
    assert!(pong.get("result").is_some(), "{pong}");

    let log = raw.finish().await;
    let dropped: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("a line that is not JSON was dropped unanswered"))
        .collect();
    assert_eq!(dropped.len(), 3, "{log}");
    assert!(dropped[0].contains("key must be a string"), "{log}");
    assert!(dropped[1].contains("number out of range"), "{log}");
    assert!(dropped[2].contains("hex escape"), "{log}");
    assert!(log.contains("exceeded the maximum line length"), "{log}");
    // The log names the fault, not the line.
    assert!(
        !log.contains("{not json") && !log.contains("1e400"),
        "{log}"
    );

    // `RUST_LOG` sets what is logged; a wrong one is refused, saying so.
    let output = server(&["--emulator"], None)
        .env("RUST_LOG", "rmcp=loud")
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.starts_with("slack-methods-mcp: RUST_LOG: "),
        "{message}"
    );
}

#[tokio::test]
async fn malformed_params_are_invalid_params() {
    let mut raw = Raw::start().await;
    for (line, fault) in [
        (
            r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"authTest","arguments":[]}}"#,
            "`tools/call`: `arguments` is not an object",
        ),
        (
            r#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"authTest","arguments":"x"}}"#,
            "`tools/call`: `arguments` is not an object",
        ),
        (
            r#"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"arguments":{}}}"#,
            "`tools/call`: no `name`;",
        ),
        (
            r#"{"jsonrpc":"2.0","id":4,"method":"tools/call"}"#,
            "`tools/call`: no params; its params are an object with the tool's `name` and its `arguments` (an object)",
        ),
        (
            r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":5}}"#,
            "`tools/call`: `name` is not a string;",
        ),
        // Every tool is on one page: a cursor is one the server never gave.
        (
            r#"{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{"cursor":"x"}}"#,
            "no such cursor: this server lists every tool on one page",
        ),
    ] {
        raw.send(line.as_bytes()).await;
        let answer = raw.answer().await;
        assert_eq!(answer["error"]["code"], -32602, "{line}: {answer}");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(fault), "{line}: {message}");
        assert!(!message.contains("\"x\""), "no value sent is repeated: {message}");
    }
    // A method the server does not have is still not found.
    raw.send(br#"{"jsonrpc":"2.0","id":6,"method":"no/such","params":{}}"#)
        .await;
    let answer = raw.answer().await;
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    // A well-formed call still works.
    raw.send(br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"authTest","arguments":{}}}"#)
        .await;
    let answer = raw.answer().await;
    assert_eq!(answer["result"]["isError"], false, "{answer}");
    raw.finish().await;
}

#[tokio::test]
async fn a_closed_stdout_ends_the_server() {
    let Raw {
        mut child,
        mut stdin,
        stdout,
    } = Raw::start().await;
    // The host goes away without closing its end of stdin (a host whose stdin pipe another
    // process still holds): the server learns it only when an answer cannot be written.
    drop(stdout);
    stdin
        .write_all(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n")
        .await
        .unwrap();
    stdin.flush().await.unwrap();
    let status = tokio::time::timeout(STEP, child.wait()).await;
    // Killed when it runs on, so that its log can be read.
    let _ = child.start_kill();
    let mut log = String::new();
    let mut stderr = child.stderr.take().unwrap();
    stderr.read_to_string(&mut log).await.unwrap();
    let Ok(status) = status else {
        panic!("the server runs on with its stdout closed: {log}");
    };
    let status = status.unwrap();
    assert!(status.success(), "{status}: {log}");
    assert!(log.contains("stdout is closed"), "{log}");
    drop(stdin);
}

#[test]
fn help_and_version_to_a_closed_stdout_are_an_error_not_a_panic() {
    for flag in ["--help", "--version"] {
        // A pipe whose reader has gone before the server writes: `--help | head -0`.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_slack-methods-mcp"))
            .arg(flag)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let log = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{flag}: {log}");
        assert!(!log.contains("panicked"), "{flag}: {log}");
        assert!(
            log.starts_with("slack-methods-mcp: could not write to stdout: "),
            "{flag}: {log}"
        );
    }
}
