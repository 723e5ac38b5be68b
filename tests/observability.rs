//! Tracing: each call is one `slack.call` span whose fields say what happened (OpenTelemetry's
//! HTTP client names where they apply), with the attempts, retries and pauses as events inside
//! it, and the token nowhere. A small `Layer` records every span's fields and events.

use slack_methods::methods::{UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{CallOptions, Client, RetryPolicy, Token};
use slack_methods_emulator::{Emulator, Fault, UserSpec};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

const MARKER: &str = "MARKERc0ffee";

/// Field values as text, and how many times each was given a value (a log line shows a field
/// once for each).
#[derive(Clone, Debug, Default)]
struct Fields(BTreeMap<String, String>, BTreeMap<String, usize>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.record_str(field, &format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
        *self.1.entry(field.name().to_owned()).or_default() += 1;
    }
}

/// One closed span: its name, fields and the events inside it.
#[derive(Clone, Debug)]
struct Recorded {
    name: &'static str,
    fields: Fields,
    events: Vec<Fields>,
}

impl Recorded {
    fn field(&self, name: &str) -> Option<&str> {
        self.fields.0.get(name).map(String::as_str)
    }

    fn number(&self, name: &str) -> u64 {
        self.field(name)
            .unwrap_or_else(|| panic!("no `{name}` in {self:#?}"))
            .parse()
            .unwrap()
    }

    fn events_saying(&self, message: &str) -> usize {
        self.events
            .iter()
            .filter(|e| e.0.get("message").is_some_and(|m| m == message))
            .count()
    }
}

#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Recorded>>>);

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Recorder {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        let span = ctx.span(id).unwrap();
        span.extensions_mut().insert(Recorded {
            name: attrs.metadata().name(),
            fields,
            events: Vec::new(),
        });
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let span = ctx.span(id).unwrap();
        let mut extensions = span.extensions_mut();
        if let Some(recorded) = extensions.get_mut::<Recorded>() {
            values.record(&mut recorded.fields);
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        if let Some(span) = ctx.event_span(event) {
            let mut fields = Fields::default();
            event.record(&mut fields);
            let mut extensions = span.extensions_mut();
            if let Some(recorded) = extensions.get_mut::<Recorded>() {
                recorded.events.push(fields);
            }
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let span = ctx.span(&id).unwrap();
        let recorded = span.extensions_mut().remove::<Recorded>();
        if let Some(recorded) = recorded {
            self.0.lock().unwrap().push(recorded);
        }
    }
}

#[tokio::test]
async fn each_call_is_one_span_with_what_happened() {
    let recorder = Recorder::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(recorder.clone()));

    let secret = format!("xoxp-{MARKER}-1");
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0SPANS001", "traced"));
    emu.add_token(&secret, "U0SPANS001", &["users.profile:read"]);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(secret.clone()).unwrap())
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    let get = UsersProfileGet::new();
    let set = UsersProfileSet::profile(ProfileUpdate::new().status("traced", ":eyes:", 0));

    // 1. A 429 with `Retry-After: 1`, then a success.
    emu.inject("users.profile.get", Fault::rate_limited(1), 1);
    client.call(&get).await.unwrap();
    // 2. Slack's error: the token lacks the write scope.
    client.call(&set).await.unwrap_err();
    // 3. A 503 for a write: not retried.
    emu.inject("users.profile.set", Fault::server_error(503), 1);
    client.call(&set).await.unwrap_err();
    // 4. A pause longer than the budget: not sent at all.
    emu.inject("users.profile.get", Fault::rate_limited(30), 1);
    let once = CallOptions::new().retry_policy(RetryPolicy::never());
    client.call_with(&get, &once).await.unwrap_err();
    let short = CallOptions::new().retry_policy(RetryPolicy::default().budget(Duration::ZERO));
    client.call_with(&get, &short).await.unwrap_err();
    // 5. An invalid request, refused before sending.
    client.call(&UsersProfileSet::default()).await.unwrap_err();

    let spans = recorder.0.lock().unwrap().clone();
    let calls: Vec<&Recorded> = spans.iter().filter(|s| s.name == "slack.call").collect();
    assert_eq!(calls.len(), 6, "one span per call: {spans:#?}");
    let port = emu.addr().port().to_string();
    for call in &calls {
        assert_eq!(call.field("server.address"), Some("127.0.0.1"));
        assert_eq!(call.field("server.port"), Some(port.as_str()));
        assert!(call.field("slack.elapsed_ms").is_some(), "{call:#?}");
        assert!(call.field("slack.waited_ms").is_some(), "{call:#?}");
        for (name, times) in &call.fields.1 {
            assert_eq!(*times, 1, "`{name}` given a value {times} times: {call:#?}");
        }
    }

    let retried = calls[0];
    assert_eq!(retried.field("slack.method"), Some("users.profile.get"));
    assert_eq!(retried.field("http.request.method"), Some("GET"));
    assert_eq!(retried.number("slack.attempts"), 2);
    assert_eq!(retried.number("http.request.resend_count"), 1);
    assert_eq!(retried.number("http.response.status_code"), 200);
    assert_eq!(retried.number("slack.retry_after_ms"), 1000);
    // The pause runs from the 429's arrival, so the wait counted once the call is held is the
    // pause less the moment spent reading the 429: most of a second, never more than the whole.
    let waited = retried.number("slack.waited_ms");
    assert!(waited >= 500, "{retried:#?}");
    assert!(retried.number("slack.elapsed_ms") >= 1000, "{retried:#?}");
    assert!(waited <= retried.number("slack.elapsed_ms"), "{retried:#?}");
    assert_eq!(retried.field("slack.outcome"), Some("ok"));
    assert_eq!(retried.field("error.type"), None);
    // The attempts and the decisions are events inside the span.
    assert_eq!(
        retried.events_saying("slack call answered"),
        2,
        "{retried:#?}"
    );
    assert_eq!(retried.events_saying("Slack ordered a pause"), 1);
    assert_eq!(retried.events_saying("retrying"), 1);

    let refused = calls[1];
    assert_eq!(refused.field("slack.method"), Some("users.profile.set"));
    assert_eq!(refused.field("http.request.method"), Some("POST"));
    assert_eq!(refused.number("slack.attempts"), 1);
    assert_eq!(refused.field("http.request.resend_count"), None);
    assert_eq!(refused.number("http.response.status_code"), 200);
    assert_eq!(refused.field("slack.error_code"), Some("missing_scope"));
    assert_eq!(refused.field("error.type"), Some("missing_scope"));
    assert_eq!(refused.field("slack.outcome"), Some("not_retried"));

    let unavailable = calls[2];
    assert_eq!(unavailable.number("http.response.status_code"), 503);
    assert_eq!(unavailable.field("error.type"), Some("503"));
    assert_eq!(unavailable.field("slack.error_code"), None);
    assert_eq!(unavailable.field("slack.outcome"), Some("not_retried"));

    let limited = calls[3];
    assert_eq!(limited.number("http.response.status_code"), 429);
    assert_eq!(limited.field("error.type"), Some("rate_limited"));
    assert_eq!(limited.number("slack.retry_after_ms"), 30_000);

    let unsent = calls[4];
    assert_eq!(unsent.number("slack.attempts"), 0);
    assert_eq!(unsent.field("http.response.status_code"), None);
    assert_eq!(unsent.field("error.type"), Some("not_sent"));
    assert_eq!(unsent.field("slack.outcome"), Some("not_sent"));

    let invalid = calls[5];
    assert_eq!(invalid.number("slack.attempts"), 0);
    assert_eq!(invalid.field("error.type"), Some("invalid_request"));
    assert_eq!(invalid.field("slack.outcome"), Some("not_sent"));

    let everything = format!("{spans:?}");
    assert!(!everything.contains(MARKER), "the token was traced");
}
