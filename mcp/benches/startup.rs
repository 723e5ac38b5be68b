//! How long the server takes to be useful: from spawning the built binary to the answer to
//! `tools/list` (after `initialize`), against the built-in emulator and with a `SLACK_TOKEN`
//! (no network at start), as a ratio to the same binary's `--version` (spawn, print, exit)
//! measured in the same run, interleaved.
//!
//! `cargo bench -p slack-methods-mcp --bench startup` (about 10 s once built; `RUNS=n` sets the
//! number of runs of each, 30 by default). Under `cargo test --benches` it makes one run of each.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_slack-methods-mcp");

/// Spawn to exit of `--version`.
fn version() -> Duration {
    let start = Instant::now();
    let status = Command::new(EXE)
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .expect("the server binary runs");
    assert!(status.success());
    start.elapsed()
}

/// Spawn to the `tools/list` answer; the number of tools listed.
fn first_list(args: &[&str], token: Option<&str>) -> (Duration, usize) {
    let start = Instant::now();
    let mut command = Command::new(EXE);
    command
        .args(args)
        .env_remove("SLACK_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(token) = token {
        command.env("SLACK_TOKEN", token);
    }
    let mut child = command.spawn().expect("the server binary runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    let messages = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"0"}}}"#,
        r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
    ];
    writeln!(stdin, "{}", messages[0]).expect("the server reads stdin");
    stdout.read_line(&mut line).expect("an initialize answer");
    line.clear();
    writeln!(stdin, "{}\n{}", messages[1], messages[2]).expect("the server reads stdin");
    stdout.read_line(&mut line).expect("a tools/list answer");
    let elapsed = start.elapsed();
    let answer: serde_json::Value = serde_json::from_str(&line).expect("a JSON-RPC answer");
    let tools = answer["result"]["tools"].as_array().map_or(0, Vec::len);
    drop(stdin);
    let _ = child.kill();
    let _ = child.wait();
    (elapsed, tools)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn main() {
    let benching = std::env::args().any(|arg| arg == "--bench");
    let runs = if benching {
        std::env::var("RUNS")
            .ok()
            .and_then(|runs| runs.parse().ok())
            .unwrap_or(30)
    } else {
        1
    };
    let (mut base, mut emulated, mut real) = (Vec::new(), Vec::new(), Vec::new());
    let mut listed = (0, 0);
    for _ in 0..runs {
        base.push(version());
        let (took, tools) = first_list(&["--emulator"], None);
        emulated.push(took);
        listed.0 = tools;
        let (took, tools) = first_list(&[], Some("xoxb-0000-bench"));
        real.push(took);
        listed.1 = tools;
    }
    let base = median(base);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{runs} runs of each, medians");
    println!(
        "--version (spawn to exit, the baseline): {:.1} ms",
        ms(base)
    );
    for (what, samples, tools) in [
        ("--emulator", emulated, listed.0),
        ("SLACK_TOKEN", real, listed.1),
    ] {
        let took = median(samples);
        println!(
            "{what}: tools/list answered ({tools} tools) after {:.1} ms, {:.2}x the baseline",
            ms(took),
            took.as_secs_f64() / base.as_secs_f64()
        );
    }
}
