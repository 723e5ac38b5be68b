//! The examples as a user runs them: against the emulator, with odd input and odd tokens, each
//! ends with a message and an exit status, never a panic or a hang, and never prints a token.
//!
//! The examples are the binaries `cargo test` builds next to the tests (`target/<profile>/
//! examples/`). When they were not built (`cargo test --test examples` alone builds none), the
//! tests skip with a message, and fail under `CI=true`; `cargo build --examples` first builds
//! them.

use slack_methods_emulator::{demo, Emulator};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long an example may run: each one's work against the emulator takes well under a second.
mod common;

const PATIENCE: Duration = Duration::from_secs(30);

/// The built example `name`, or `None` (after saying so) when it was not built.
fn example(name: &str) -> Option<PathBuf> {
    // The test binary is `target/<profile>/deps/examples-<hash>`; the examples are in
    // `target/<profile>/examples/`.
    let exe = std::env::current_exe().ok()?;
    let profile = exe.parent()?.parent()?;
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    if path.is_file() {
        return Some(path);
    }
    common::skip_outside_ci(
        &format!("example {name} is not built at {}", path.display()),
        "run `cargo build --examples` first",
    );
    None
}

/// What one run of an example gave.
struct Run {
    /// `None`: killed after [`PATIENCE`].
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Ended by itself with a failure status, an `error:` line and no panic.
    fn assert_failed_cleanly(&self, what: &str) {
        assert!(
            self.status.is_some(),
            "{what}: still running after {PATIENCE:?}"
        );
        assert_ne!(self.status, Some(0), "{what}: succeeded\n{}", self.all());
        assert!(
            self.stderr.contains("error: "),
            "{what}: no error message\n{}",
            self.all()
        );
        assert!(!self.all().contains("panicked"), "{what}: {}", self.all());
    }
}

/// Runs `example` with `args` and the environment `env` (and no `SLACK_*` variable of the
/// caller's), killing it after [`PATIENCE`].
fn run(example: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(example);
    command
        .args(args)
        .env_remove("SLACK_TOKEN")
        .env_remove("SLACK_API_URL")
        .env_remove("SLACK_CHANNEL")
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().expect("the example starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the example's status") {
            break status.code();
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = child.wait_with_output().expect("the example's output");
    Run {
        status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "slack-methods-examples-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn upload_file_refuses_what_is_not_a_regular_file_without_waiting_on_it() {
    let Some(upload_file) = example("upload_file") else {
        return;
    };
    let dir = scratch("upload");
    let missing = dir.join("no-such-file");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("an empty file");
    let mut cases = vec![
        (missing.clone(), "cannot read"),
        (dir.clone(), "is not a file"),
        (empty.clone(), "empty files"),
        (PathBuf::new(), "the file path is empty"),
    ];
    #[cfg(unix)]
    {
        // A named pipe no one writes to: opening it to read would wait for a writer forever.
        let fifo = dir.join("pipe");
        let path = std::ffi::CString::new(fifo.to_str().expect("a UTF-8 scratch path"))
            .expect("no NUL in the path");
        // SAFETY: `path` is a valid NUL-terminated string that outlives the call.
        let made = unsafe { libc::mkfifo(path.as_ptr(), 0o600) };
        assert_eq!(made, 0, "mkfifo {}", fifo.display());
        cases.push((fifo, "is not a file"));
    }
    for (path, says) in cases {
        let path = path.to_str().expect("a UTF-8 scratch path");
        let run = run(&upload_file, &[path], &[]);
        run.assert_failed_cleanly(path);
        assert!(run.stderr.contains(says), "{path}: {}", run.all());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file under `/proc` reports a length of 0 but has content: it is read whole and uploaded,
/// not refused as empty.
#[cfg(target_os = "linux")]
#[test]
fn upload_file_uploads_a_file_that_reports_no_length() {
    let Some(upload_file) = example("upload_file") else {
        return;
    };
    let path = "/proc/self/status";
    let reported = std::fs::metadata(path).expect("procfs is mounted").len();
    assert_eq!(reported, 0, "{path} reports a length");
    let run = run(&upload_file, &[path], &[]);
    assert_eq!(run.status, Some(0), "{path}: {}", run.all());
    assert!(run.stdout.contains("read into memory"), "{}", run.all());
    assert!(run.stdout.contains("uploaded F"), "{}", run.all());
}

/// `assistant_thread` against its own emulator: the thread's title, prompts and status arrive,
/// and the answer ends the status.
#[test]
fn assistant_thread_answers_in_the_thread_and_ends_the_status() {
    let Some(assistant_thread) = example("assistant_thread") else {
        return;
    };
    let run = run(&assistant_thread, &[], &[]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    let shown: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.trim().strip_prefix("the emulator shows: "))
        .collect();
    assert_eq!(shown.len(), 2, "{}", run.all());
    let thinking: serde_json::Value = serde_json::from_str(shown[0]).expect("JSON");
    let answered: serde_json::Value = serde_json::from_str(shown[1]).expect("JSON");
    assert_eq!(thinking["status"], "is counting...");
    assert_eq!(thinking["title"], "Open tickets");
    assert_eq!(thinking["prompts"].as_array().map(Vec::len), Some(2));
    assert_eq!(answered.get("status"), None, "the answer ends the status");
    assert_eq!(answered["title"], "Open tickets");
}

/// `stream_reply` against its own emulator: the answer streamed in pieces (markdown and a task's
/// progress) reads back whole from the thread, after the question.
#[test]
fn stream_reply_streams_its_answer_into_the_thread() {
    let Some(stream_reply) = example("stream_reply") else {
        return;
    };
    let run = run(&stream_reply, &[], &[]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    let thread: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.trim().split_once(": ").map(|(_, text)| text))
        .filter(|text| !text.is_empty())
        .collect();
    assert!(
        thread.ends_with(&[
            "Why did last night's deploy fail?",
            "Looking at the deploy log: the **database migration** timed out. Re-run it with a longer timeout.",
        ]),
        "{}",
        run.all()
    );
}

/// `oncall_handover` against its own emulator: `@leads` passes to the people named (by default,
/// Linus and Grace); an unknown handle ends with the handles there are.
#[test]
fn oncall_handover_replaces_the_groups_members() {
    let Some(handover) = example("oncall_handover") else {
        return;
    };
    let run_default = run(&handover, &[], &[]);
    assert_eq!(run_default.status, Some(0), "{}", run_default.all());
    assert!(
        run_default
            .stdout
            .contains("@leads (S0DEMOLDS1) was: U0DEMOADA1, U0DEMOGRC1")
            && run_default
                .stdout
                .contains("@leads is now: U0DEMOLIN1, U0DEMOGRC1"),
        "{}",
        run_default.all()
    );
    let named = run(&handover, &["@people", demo::ADA], &[]);
    assert!(
        named
            .stdout
            .contains(&format!("@people is now: {}", demo::ADA)),
        "{}",
        named.all()
    );
    let unknown = run(&handover, &["oncall", demo::ADA], &[]);
    unknown.assert_failed_cleanly("an unknown handle");
    assert!(
        unknown.stderr.contains("these do: @leads, @people"),
        "{}",
        unknown.all()
    );
    let bad_id = run(&handover, &["leads", "not an id"], &[]);
    bad_id.assert_failed_cleanly("a malformed user id");
    // A token pasted where a member's id belongs is refused and never printed.
    let pasted = run(&handover, &["leads", "xoxp-PASTED-MARKER"], &[]);
    pasted.assert_failed_cleanly("a token given as a user id");
    assert!(
        !pasted.all().contains("MARKER"),
        "the token was printed: {}",
        pasted.all()
    );
}

/// `task_list` against its own emulator: the tasks given (or its own three) are added, the
/// first one marked done, and all of them read back across pages of two; a blank task is
/// refused before anything is made.
#[test]
fn task_list_adds_tasks_and_reads_them_back_across_pages() {
    let Some(tasks) = example("task_list") else {
        return;
    };
    let run_default = run(&tasks, &[], &[]);
    assert_eq!(run_default.status, Some(0), "{}", run_default.all());
    let out = &run_default.stdout;
    let lines = [
        "  [x] Write the launch post\n",
        "  [ ] Record the demo\n",
        "  [ ] Tell the team\n",
        "\n1 done, 2 to do\n",
    ];
    let at: Vec<usize> = lines
        .iter()
        .map(|line| {
            out.find(line)
                .unwrap_or_else(|| panic!("{line:?} missing: {out}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "out of order: {out}");

    let named = run(&tasks, &["Écrire", "Ship 🚀", "Wait", "Rest", "Go"], &[]);
    assert_eq!(named.status, Some(0), "{}", named.all());
    assert!(named.stdout.contains("  [x] Écrire\n"), "{}", named.all());
    assert!(named.stdout.contains("  [ ] Ship 🚀\n"), "{}", named.all());
    assert!(named.stdout.contains("1 done, 4 to do"), "{}", named.all());

    let blank = run(&tasks, &["Fine", "  "], &[]);
    blank.assert_failed_cleanly("a blank task");
    assert!(blank.stderr.contains("task 2 is blank"), "{}", blank.all());
    assert!(!blank.stdout.contains("created"), "{}", blank.all());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn odd_tokens_end_with_a_message_and_are_never_printed() {
    let examples: Vec<(&str, PathBuf)> = [
        "users_profile_set",
        "post_message",
        "list_channels",
        "assistant_thread",
        "oncall_handover",
        "stream_reply",
        "task_list",
    ]
    .into_iter()
    .filter_map(|name| Some((name, example(name)?)))
    .collect();
    if examples.is_empty() {
        return;
    }
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .expect("the emulator starts");
    let url = emu.base_url();
    let env = |token: &'static str| {
        [
            ("SLACK_TOKEN", token),
            ("SLACK_API_URL", url.as_str()),
            ("SLACK_CHANNEL", demo::GENERAL),
            ("SLACK_THREAD_TS", "1712345678.000100"),
            ("SLACK_RECIPIENT_USER", demo::ADA),
            ("SLACK_RECIPIENT_TEAM", "T0123ABCD"),
        ]
    };
    for (name, example) in &examples {
        for (token, secret) in [
            // A token cut by a line break: refused before anything is sent.
            ("xoxb-SECRET\nMARKER", "SECRET"),
            // A token the workspace does not know: Slack's `invalid_auth`.
            ("xoxb-UNKNOWN-MARKER-TOKEN", "MARKER"),
        ] {
            let env = env(token);
            let ran = tokio::task::block_in_place(|| run(example, &[], &env));
            ran.assert_failed_cleanly(name);
            assert!(!ran.all().contains(secret), "{name} printed the token");
        }
    }
    emu.shutdown().await;
}
