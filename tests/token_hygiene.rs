//! A marker token driven through every public path (success, each error, each retry), with all
//! `tracing` (and `log`) output captured at trace level: the marker never appears in any `Debug`,
//! `Display`, error or log line.

use slack_methods::methods::{AuthTest, UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{CallOptions, Client, RateLimits, RetryPolicy, Token};
use slack_methods_emulator::{Emulator, Fault, UserSpec};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const MARKER: &str = "MARKER7f3a9c";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_leaks() {
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(logs.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    tracing_log::LogTracer::init().unwrap();

    let secret = format!("xoxp-{MARKER}-0001");
    let unknown = format!("xoxb-{MARKER}-0002");
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0HYGIENE1", "clean"));
    emu.add_token(&secret, "U0HYGIENE1", &["users.profile:read"]);
    let token = Token::new(secret.clone()).unwrap();
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(token.clone())
        .timeout(Duration::from_millis(300))
        .rate_limits(RateLimits::slack_tiers().time_scale(600.0))
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20)),
        )
        .build()
        .unwrap();

    let mut seen: Vec<String> = vec![
        format!("{token:?} {token} {token:#?}"),
        format!("{client:?}"),
        format!("{:?}", CallOptions::new().token(token.clone())),
    ];
    let mut record = |label: &str, outcome: String| {
        seen.push(format!("{label}: {outcome}"));
    };

    let set = UsersProfileSet::profile(ProfileUpdate::new().status("clean", ":soap:", 0));
    let get = UsersProfileGet::new();

    // Success.
    let ok = client.call(&get).await;
    assert!(ok.is_ok());
    record("get", format!("{ok:?}"));
    let ok = client.call(&AuthTest).await;
    record("auth.test", format!("{ok:?}"));
    // missing_scope.
    let err = client.call(&set).await.unwrap_err();
    record("missing_scope", format!("{err:?} / {err}"));
    // invalid_auth, with a per-call token.
    let other = Token::new(unknown).unwrap();
    let err = client.call_with_token(&get, &other).await.unwrap_err();
    record("invalid_auth", format!("{err:?} / {err}"));
    // Invalid request, never sent.
    let err = client.call(&UsersProfileSet::default()).await.unwrap_err();
    record("invalid request", format!("{err:?} / {err}"));
    // Each retry path, then each final failure.
    for fault in [
        Fault::rate_limited(1),
        Fault::server_error(503),
        Fault::reset(),
        Fault::delay(Duration::from_millis(600)),
        Fault::truncated(),
        Fault::EmptyBody,
        Fault::NonJsonBody,
        Fault::slack_error("fatal_error"),
        Fault::slack_error("ratelimited"),
    ] {
        emu.inject("users.profile.get", fault.clone(), 1);
        let retried = client.call(&get).await;
        record(&format!("retried {fault:?}"), format!("{retried:?}"));
        emu.inject("users.profile.get", fault.clone(), 1);
        let once = CallOptions::new().retry_policy(RetryPolicy::never());
        let failed = client.call_with(&get, &once).await;
        let shown = match &failed {
            Ok(r) => format!("{r:?}"),
            Err(e) => format!("{e:?} / {e} / {:?}", std::error::Error::source(e)),
        };
        record(&format!("failed {fault:?}"), shown);
    }
    // A bad token text is rejected without echoing it.
    let bad = Token::new(format!("xoxp-{MARKER} with spaces")).unwrap_err();
    record("bad token", format!("{bad:?} / {bad}"));
    // A refused connection.
    let dead = Client::builder()
        .base_url("http://127.0.0.1:9/api/")
        .token(token.clone())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let err = dead.call(&get).await.unwrap_err();
    record("refused", format!("{err:?} / {err}"));

    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("retrying"),
        "the retries should have been logged:\n{logs}"
    );
    assert!(
        logs.lines().count() > 20,
        "too little was logged to prove anything:\n{logs}"
    );
    for line in seen.iter().chain(std::iter::once(&logs)) {
        assert!(!line.contains(MARKER), "the token leaked: {line}");
    }
    // The secret did reach the server, in the header only.
    let requests = emu.requests();
    assert!(requests
        .iter()
        .any(|r| r.header("authorization") == Some(format!("Bearer {secret}").as_str())));
    assert!(requests
        .iter()
        .all(|r| !r.target.contains(MARKER) && !String::from_utf8_lossy(&r.body).contains(MARKER)));
    assert!(
        !format!("{requests:?}").contains(MARKER),
        "the request log's Debug shows the token"
    );
}
