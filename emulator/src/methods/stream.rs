//! `chat.startStream`, `chat.appendStream` and `chat.stopStream`: a message streamed into a
//! thread, kept as an ordinary reply whose text grows with each call, and beside it the stream's
//! state ([`Emulator::stream`](crate::Emulator::stream)).
//!
//! The errors are the ones Slack's pages list for these methods: `channel_not_found`,
//! `not_in_channel` and `is_archived` as posting answers them; `invalid_thread_ts` for a
//! `thread_ts` naming no message (as `chat.postMessage` answers it); `missing_recipient_user_id`
//! and `missing_recipient_team_id` when starting outside a direct message without them
//! (`user_not_found` for a recipient the workspace does not have); `invalid_chunks`;
//! `cannot_provide_both_markdown_text_and_chunks`; `markdown_text_or_chunks_required` for an
//! append without content; `streaming_mode_mismatch` when a stream started with one kind of
//! content goes on with the other; `message_not_found`, `message_not_owned_by_app` (a message
//! another user or app posted) and `message_not_in_streaming_state` (a message that was never
//! streamed, or is stopped).
//!
//! Where Slack's pages are silent the emulator chooses: `chunks` that are not a JSON array of
//! the three documented kinds (`markdown_text` with `text`; `task_update` with `id`, `title` and
//! a `status` of `pending`, `in_progress`, `complete` or `error`; `plan_update` with `title`)
//! are `invalid_chunks`; an empty `chunks` list is content of the chunk kind that adds nothing;
//! a start with both `markdown_text` and `chunks` is refused as appends and stops are; the text
//! of `markdown_text` chunks is appended to the message's text as `markdown_text` is; a stream
//! does not expire.

use super::messages::{
    append, conversation, deliver_scheduled, new_message, present, read_content, thread_root,
    ts_of, Access, Content,
};
use super::{fail, param, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::ChannelKind;
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The kind of content a stream carries, fixed by its first call that carries any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Markdown,
    Chunks,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::Markdown => "markdown_text",
            Mode::Chunks => "chunks",
        }
    }
}

/// One streamed message's state.
#[derive(Clone, Debug)]
pub(crate) struct Stream {
    /// The user (an app's bot) who started it.
    owner: String,
    /// Whether it still takes appends.
    streaming: bool,
    mode: Option<Mode>,
    /// Every chunk received, in order.
    chunks: Vec<Value>,
    task_display_mode: Option<String>,
    recipient_user_id: Option<String>,
    recipient_team_id: Option<String>,
}

impl Stream {
    fn to_json(&self) -> Value {
        json!({
            "state": if self.streaming { "streaming" } else { "stopped" },
            "owner": self.owner,
            "mode": self.mode.map(Mode::as_str),
            "chunks": self.chunks,
            "task_display_mode": self.task_display_mode,
            "recipient_user_id": self.recipient_user_id,
            "recipient_team_id": self.recipient_team_id,
        })
    }
}

/// The streamed messages, by conversation id and `ts`.
pub(crate) type Streams = BTreeMap<(String, String), Stream>;

/// The content one call carries: its kind, its markdown (from `markdown_text`, or from its
/// `markdown_text` chunks) and its chunks.
struct Said {
    mode: Mode,
    text: String,
    chunks: Vec<Value>,
}

/// Whether `chunk` is one of the kinds Slack's pages document, with the fields it needs.
fn valid_chunk(chunk: &Value) -> bool {
    let text = |key: &str| chunk.get(key).is_some_and(Value::is_string);
    match chunk.get("type").and_then(Value::as_str) {
        Some("markdown_text") => text("text"),
        Some("plan_update") => text("title"),
        Some("task_update") => {
            let status = chunk.get("status").and_then(Value::as_str);
            text("id")
                && text("title")
                && matches!(
                    status,
                    Some("pending" | "in_progress" | "complete" | "error")
                )
        }
        _ => false,
    }
}

/// Reads `markdown_text` and `chunks` (`None` when the call carries neither):
/// `cannot_provide_both_markdown_text_and_chunks`, `invalid_chunks`.
fn said(params: &[(String, String)]) -> Result<Option<Said>, Reply> {
    let markdown = param(params, "markdown_text").filter(|text| !text.is_empty());
    let chunks = param(params, "chunks");
    match (markdown, chunks) {
        (Some(_), Some(_)) => Err(fail("cannot_provide_both_markdown_text_and_chunks")),
        (Some(text), None) => Ok(Some(Said {
            mode: Mode::Markdown,
            text: text.to_owned(),
            chunks: Vec::new(),
        })),
        (None, Some(raw)) => {
            let Ok(Value::Array(chunks)) = serde_json::from_str::<Value>(raw) else {
                return Err(fail("invalid_chunks"));
            };
            if !chunks.iter().all(valid_chunk) {
                return Err(fail("invalid_chunks"));
            }
            let text = chunks
                .iter()
                .filter(|chunk| chunk["type"] == "markdown_text")
                .filter_map(|chunk| chunk["text"].as_str())
                .collect();
            Ok(Some(Said {
                mode: Mode::Chunks,
                text,
                chunks,
            }))
        }
        (None, None) => Ok(None),
    }
}

/// The parameter `name`, unless absent or empty.
fn given<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    param(params, name).filter(|value| !value.is_empty())
}

/// `chat.startStream`: a reply in the thread of `thread_ts`, streaming, owned by the caller.
pub(crate) fn start(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let thread_ts = given(params, "thread_ts").ok_or_else(|| fail("invalid_arguments"))?;
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let root = thread_root(channel, thread_ts).ok_or_else(|| fail("invalid_thread_ts"))?;
    let recipient_user = given(params, "recipient_user_id");
    let recipient_team = given(params, "recipient_team_id");
    if channel.kind != ChannelKind::Im {
        if recipient_user.is_none() {
            return Err(fail("missing_recipient_user_id"));
        }
        if recipient_team.is_none() {
            return Err(fail("missing_recipient_team_id"));
        }
    }
    if recipient_user.is_some_and(|user| !state.users.contains_key(user)) {
        return Err(fail("user_not_found"));
    }
    let said = said(params)?;
    let content = Content {
        text: said.as_ref().map(|said| said.text.clone()),
        ..Content::default()
    };
    let mut message = new_message(state, caller, content, params);
    let ts = state.workspace.clock.ts();
    message.insert("ts".into(), json!(ts));
    let Some(channel) = state.workspace.channels.get_mut(&channel_id) else {
        return Err(fail("channel_not_found"));
    };
    append(channel, message, Some((root.as_str(), false)));
    super::assistant::replied(state, &caller.spec.id, &channel_id, &root);
    let (mode, chunks) = match said {
        Some(said) => (Some(said.mode), said.chunks),
        None => (None, Vec::new()),
    };
    state.streams.insert(
        (channel_id.clone(), ts.clone()),
        Stream {
            owner: caller.spec.id.clone(),
            streaming: true,
            mode,
            chunks,
            task_display_mode: given(params, "task_display_mode").map(str::to_owned),
            recipient_user_id: recipient_user.map(str::to_owned),
            recipient_team_id: recipient_team.map(str::to_owned),
        },
    );
    let mut data = Map::new();
    data.insert("channel".into(), json!(channel_id));
    data.insert("ts".into(), json!(ts));
    Ok(data)
}

/// The conversation and `ts` of the streamed message a call names, once the caller may add to
/// it: `message_not_found`, `message_not_owned_by_app`, `message_not_in_streaming_state`.
fn streaming(
    state: &State,
    caller: &User,
    params: &[(String, String)],
) -> Result<(String, String), Reply> {
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Post)?;
    let ts = given(params, "ts").ok_or_else(|| fail("message_not_found"))?;
    let message = state
        .workspace
        .channels
        .get(&channel_id)
        .and_then(|channel| channel.message(ts))
        .ok_or_else(|| fail("message_not_found"))?;
    let author = message.get("user").and_then(Value::as_str);
    if author != Some(caller.spec.id.as_str()) {
        return Err(fail("message_not_owned_by_app"));
    }
    let key = (channel_id, ts_of(message).to_owned());
    match state.streams.get(&key) {
        Some(stream) if stream.streaming => Ok(key),
        _ => Err(fail("message_not_in_streaming_state")),
    }
}

/// Adds what a call said to the stream `key` and its message's text:
/// `streaming_mode_mismatch` when the stream carries the other kind of content.
fn add(state: &mut State, key: &(String, String), said: Option<Said>) -> Result<(), Reply> {
    let Some(said) = said else {
        return Ok(());
    };
    let Some(stream) = state.streams.get_mut(key) else {
        return Err(fail("message_not_in_streaming_state"));
    };
    if stream.mode.is_some_and(|mode| mode != said.mode) {
        return Err(fail("streaming_mode_mismatch"));
    }
    stream.mode = Some(said.mode);
    stream.chunks.extend(said.chunks);
    let message = state
        .workspace
        .channels
        .get_mut(&key.0)
        .and_then(|channel| channel.message_mut(&key.1))
        .ok_or_else(|| fail("message_not_found"))?;
    let mut text = message
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    text.push_str(&said.text);
    message.insert("text".into(), json!(text));
    Ok(())
}

/// `chat.appendStream`: `markdown_text` or `chunks` added to a streaming message.
pub(crate) fn append_to(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let said = said(params)?.ok_or_else(|| fail("markdown_text_or_chunks_required"))?;
    let key = streaming(state, caller, params)?;
    add(state, &key, Some(said))?;
    let mut data = Map::new();
    data.insert("channel".into(), json!(key.0));
    data.insert("ts".into(), json!(key.1));
    Ok(data)
}

/// `chat.stopStream`: the last content, `blocks` (shown after the text) and `metadata` added,
/// and the message finalized.
pub(crate) fn stop(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let said = said(params)?;
    // Blocks and metadata are read, and refused, as chat.postMessage's are.
    let rest: Vec<(String, String)> = params
        .iter()
        .filter(|(name, _)| name == "blocks" || name == "metadata")
        .cloned()
        .collect();
    let extras = read_content(state, &rest)?;
    let key = streaming(state, caller, params)?;
    add(state, &key, said)?;
    if let Some(stream) = state.streams.get_mut(&key) {
        stream.streaming = false;
    }
    let Some(channel) = state.workspace.channels.get_mut(&key.0) else {
        return Err(fail("channel_not_found"));
    };
    let message = channel
        .message_mut(&key.1)
        .ok_or_else(|| fail("message_not_found"))?;
    if let Some(blocks) = extras.blocks.filter(|blocks| !blocks.is_empty()) {
        message.insert("blocks".into(), Value::Array(blocks));
    }
    if let Some(metadata) = extras.metadata {
        message.insert("metadata".into(), metadata);
    }
    let shown = channel
        .message(&key.1)
        .map(|message| present(channel, message, true))
        .unwrap_or(Value::Null);
    let mut data = Map::new();
    data.insert("channel".into(), json!(key.0));
    data.insert("ts".into(), json!(key.1));
    data.insert("message".into(), shown);
    Ok(data)
}

impl Emulator {
    /// The stream of the message `ts` in `channel`, as the emulator keeps it beside the message
    /// (whose `text` holds what was streamed): `state` (`streaming` or `stopped`), `owner` (who
    /// started it), `mode` (`markdown_text` or `chunks`, once content came; `null` before),
    /// `chunks` (every chunk received, in order, as sent), `task_display_mode`,
    /// `recipient_user_id` and `recipient_team_id` (as given, else `null`). `None` for a
    /// message that was not streamed.
    pub fn stream(&self, channel: &str, ts: &str) -> Option<Value> {
        let state = self.shared.lock();
        state
            .streams
            .get(&(channel.to_owned(), ts.to_owned()))
            .map(Stream::to_json)
    }
}
