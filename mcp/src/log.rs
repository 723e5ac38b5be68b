//! The log, on stderr (stdout carries the protocol): `tracing` events at `warn` and above, rmcp's
//! among them (a line over its length limit, a failed write), unless `RUST_LOG` asks for others.
//!
//! rmcp drops an incoming line that is not JSON without an answer, and says so only at `debug`,
//! in a record that also holds the whole line. So that such a line is not lost without a word, a
//! layer of this module turns that record into a warning that names the fault and not the line.
//! Nothing here logs a tool's arguments or the environment, and the token is in no record: the
//! runtime never logs it, and it never travels in the protocol.

use std::fmt::{self, Write as _};
use std::io::Write as _;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::{EnvFilter, LevelFilter, Targets};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// The module of rmcp that reads the stdio transport's lines.
const TRANSPORT: &str = "rmcp::transport::async_rw";

/// How rmcp 3.11 begins its `debug` record of a line it drops because it is not JSON; the
/// parser's error follows (e.g. `key must be a string at line 1 column 2`).
const UNPARSABLE: &str = "Ignoring unparsable incoming message: ";

/// Installs the log. `RUST_LOG` (e.g. `debug`, `rmcp=debug,warn`) replaces the default, `warn`;
/// an invalid `RUST_LOG` is an error.
pub fn init() -> Result<(), String> {
    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::WARN.into())
        .from_env()
        .map_err(|error| {
            format!(
                "RUST_LOG: {error}; give directives such as `warn` (the default), `debug` or \
                 `rmcp=debug,warn`, or unset it"
            )
        })?;
    // The warning about dropped lines is a warning: off when the log leaves warnings out.
    let warnings = filter
        .max_level_hint()
        .is_none_or(|level| level >= LevelFilter::WARN);
    let dropped = warnings
        .then(|| DroppedLines.with_filter(Targets::new().with_target(TRANSPORT, Level::DEBUG)));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(filter),
        )
        .with(dropped)
        .try_init()
        .map_err(|error| format!("the log could not be set up: {error}"))
}

/// Says on stderr that rmcp dropped a line that is not JSON, and why, without the line.
struct DroppedLines;

impl<S: Subscriber> Layer<S> for DroppedLines {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let mut message = Message::default();
        event.record(&mut message);
        if let Some(fault) = message.text.strip_prefix(UNPARSABLE) {
            let _ = writeln!(
                std::io::stderr().lock(),
                "slack-methods-mcp: a line that is not JSON was dropped unanswered ({fault}); \
                 send each JSON-RPC message as one line of JSON"
            );
        }
    }
}

/// The beginning of an event's message: enough to tell the record and hold the parser's error,
/// never a whole line of input.
#[derive(Default)]
struct Message {
    text: String,
}

impl Message {
    const LIMIT: usize = 512;
}

impl fmt::Write for Message {
    /// Keeps what fits under the limit, then stops the formatting (an error ends it early).
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let room = Self::LIMIT.saturating_sub(self.text.len());
        if text.len() <= room {
            self.text.push_str(text);
            return Ok(());
        }
        let mut end = room;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.text.push_str(text.get(..end).unwrap_or_default());
        Err(fmt::Error)
    }
}

impl Visit for Message {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            let _ = self.write_str(value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self, "{value:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_cut_at_the_limit_on_a_character() {
        let mut message = Message::default();
        let long = "é".repeat(Message::LIMIT);
        assert!(write!(message, "{UNPARSABLE}{long}").is_err());
        assert!(message.text.len() <= Message::LIMIT);
        assert!(message.text.starts_with(UNPARSABLE));
        let mut short = Message::default();
        write!(short, "{UNPARSABLE}key must be a string").unwrap();
        assert_eq!(
            short.text.strip_prefix(UNPARSABLE),
            Some("key must be a string")
        );
    }
}
