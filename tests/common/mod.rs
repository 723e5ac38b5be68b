//! Helpers shared by the integration tests.
#![allow(dead_code)]

use slack_methods::{Client, Error, RateLimits, Token};
use slack_methods_emulator::Emulator;
use std::path::PathBuf;

/// An emulator serving the bundled bindings, with its demo workspace.
pub async fn demo_emulator() -> Emulator {
    Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap()
}

/// [`demo_emulator`], and a client (with the default pacing) calling it with `token`, one of
/// the workspace's (`demo::BOT_TOKEN`, ...).
pub async fn demo_workspace(token: &str) -> (Emulator, Client) {
    let emu = demo_emulator().await;
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(token).unwrap())
        .build()
        .unwrap();
    (emu, client)
}

/// A client calling `emu` with `token`, without pacing: for tests of what the emulator answers,
/// not of the limiter.
pub fn unpaced_client(emu: &Emulator, token: &str) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(token).unwrap())
        .rate_limits(RateLimits::off())
        .build()
        .unwrap()
}

/// The Slack error code of a failed call.
pub fn api_code<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::Api(api)) => api.code.as_str().to_owned(),
        other => panic!("expected a Slack error, got {other:?}"),
    }
}

/// Why the request was refused before sending.
pub fn refused<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::InvalidRequest { reason, .. }) => reason,
        other => panic!("expected an invalid request, got {other:?}"),
    }
}

/// The reference data folder `../shared`, next to the repository.
///
/// Returns `None` (after saying so) when it is absent, so tests that read it skip; under
/// `CI=true` an absent folder fails the test instead, since CI must check against the real data.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    skip_outside_ci(
        &format!("reference data {} is absent", dir.display()),
        "set it up next to the repository",
    );
    None
}

/// Says that a test skips because `missing` (and how to `fix` it); under `CI=true`, where
/// nothing may be skipped, fails the test instead.
pub fn skip_outside_ci(missing: &str, fix: &str) {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(!ci, "{missing}, and CI=true requires it: {fix}");
    eprintln!("skipping: {missing} ({fix} to run this test)");
}

/// Reads a file under `../shared`.
pub fn read_shared(dir: &std::path::Path, path: &str) -> Vec<u8> {
    let full = dir.join(path);
    std::fs::read(&full).unwrap_or_else(|err| panic!("cannot read {}: {err}", full.display()))
}

/// Decodes a form body into its pairs.
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// One recorded Web API exchange of a VCR cassette: its file, the method it called, and the
/// response's status and body.
pub struct Exchange {
    pub file: String,
    pub method: String,
    pub status: u16,
    pub body: Vec<u8>,
}

/// Every Web API exchange in the VCR cassettes (`*.yml`) of one folder under `../shared`, in
/// file order (uploads to other hosts are left out).
pub fn recorded_exchanges(shared: &std::path::Path, folder: &str) -> Vec<Exchange> {
    let mut files: Vec<_> = std::fs::read_dir(shared.join(folder))
        .unwrap_or_else(|err| panic!("cannot list {folder}: {err}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yml"))
        .collect();
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: serde_json::Value = serde_norway::from_str(&text).unwrap();
        for exchange in doc["http_interactions"].as_array().unwrap() {
            let uri = exchange["request"]["uri"].as_str().unwrap();
            let Some(method) = uri.split("/api/").nth(1) else {
                continue;
            };
            let response = &exchange["response"];
            found.push(Exchange {
                file: path.file_name().unwrap().to_string_lossy().into_owned(),
                method: method.split('?').next().unwrap().to_owned(),
                status: response["status"]["code"].as_u64().unwrap() as u16,
                body: response["body"]["string"]
                    .as_str()
                    .unwrap_or("")
                    .as_bytes()
                    .to_vec(),
            });
        }
    }
    found
}

/// What `cargo metadata --format-version 1` and `args` print about the workspace, as JSON.
pub fn cargo_metadata(args: &[&str]) -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata's JSON")
}

/// A binding's facts as a tool lists them: (method, writes, destructive, scopes), for tests
/// that compare a family's facts at once.
pub fn tool_facts<M: slack_methods::SlackTool>(
) -> (&'static str, bool, bool, &'static [&'static str]) {
    (M::NAME, M::WRITES, M::DESTRUCTIVE, M::SCOPES)
}

/// The client id of the OAuth app [`oauth_emulator`] installs.
pub const OAUTH_CLIENT_ID: &str = "1234567890.987654321";
/// Its client secret.
pub const OAUTH_CLIENT_SECRET: &str = "c0ffee-client-secret-4af9";

/// An emulator serving the bundled bindings and `exchanges` (bindings no bundled list has, such
/// as the code exchanges), with its demo workspace and the OAuth app [`OAUTH_CLIENT_ID`],
/// whose bot is the demo bot.
pub async fn oauth_emulator(exchanges: &[slack_methods::MethodFacts]) -> Emulator {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .serve(exchanges)
        .demo_workspace()
        .start()
        .await
        .unwrap();
    emu.add_oauth_app(
        OAUTH_CLIENT_ID,
        OAUTH_CLIENT_SECRET,
        slack_methods_emulator::demo::BOT,
    );
    emu
}

/// A client with no token of its own, as an app has before it is installed or anyone signed
/// in.
pub fn tokenless(emu: &Emulator) -> Client {
    Client::builder().base_url(&emu.base_url()).build().unwrap()
}

/// `call` sent without a token, as a code exchange is.
pub async fn without_token<M: slack_methods::SlackMethod>(
    client: &Client,
    call: &M,
) -> Result<slack_methods::SlackResponse<M::Response>, Error> {
    client
        .call_with(call, &slack_methods::CallOptions::new().without_token())
        .await
}
