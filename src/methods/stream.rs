//! Streaming a reply into a thread, as Slack's AI apps do: `chat.startStream` posts a message in
//! the streaming state, `chat.appendStream` adds to it, `chat.stopStream` finalizes it. The
//! message is named by its conversation and `ts`, which [`ChatStream`] keeps after the start.
//!
//! Content comes as `markdown_text` (standard markdown, at most
//! [`MAX_MARKDOWN_TEXT_CHARS`] characters a call) or as `chunks` ([`Chunk`]: markdown text, task
//! updates, plan updates), sent as JSON text in the form. Slack takes one or the other in a call
//! (`cannot_provide_both_markdown_text_and_chunks`), and a stream keeps to the kind it started
//! with (`streaming_mode_mismatch`).

use crate::types::{Blocks, Message, MessageMetadata, Timestamp};
use crate::types::{MAX_MARKDOWN_TEXT_CHARS, MAX_MESSAGE_BLOCKS};
use crate::{
    check_value, slack_method, ChannelId, Client, Error, InvalidRequest, ParamSchema, SlackMethod,
    SlackResponse, TeamId, UserId, ValueError,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// `markdown(..)` and `chunks(..)`, the content builders of the start and the stop (an append
/// takes its content in its constructors), `$when` saying where the content goes. Written
/// inside the binding's `impl`.
macro_rules! content_builders {
    ($when:literal) => {
        #[doc = concat!($when, " `markdown`.")]
        pub fn markdown(mut self, markdown: impl Into<String>) -> Self {
            self.markdown_text = Some(markdown.into());
            self
        }

        #[doc = concat!($when, " `chunks`.")]
        pub fn chunks(mut self, chunks: impl IntoIterator<Item = Chunk>) -> Self {
            self.chunks = Some(chunks.into_iter().collect());
            self
        }
    };
}

crate::slack_enum! {
    /// The state of a task a [`Chunk::TaskUpdate`] reports: `pending`, `in_progress`, `complete`
    /// or `error`, or a value Slack adds later ([`TaskStatus::Other`]).
    ///
    /// ```
    /// use slack_methods::methods::TaskStatus;
    /// assert_eq!(TaskStatus::InProgress.as_str(), "in_progress");
    /// assert_eq!(TaskStatus::from("complete"), TaskStatus::Complete);
    /// assert_eq!(TaskStatus::from("paused"), TaskStatus::Other("paused".into()));
    /// ```
    pub enum TaskStatus {
        /// Not started (`pending`).
        Pending = "pending",
        /// Under way (`in_progress`).
        InProgress = "in_progress",
        /// Done (`complete`).
        Complete = "complete",
        /// Failed (`error`).
        Error = "error",
    }
}

/// Where a task's result came from, shown with a [`TaskUpdate`]: a link
/// (`{"type": "url", "text": .., "url": ..}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TaskSource {
    /// A web page.
    Url {
        /// The link's text.
        text: String,
        /// The page's address.
        url: String,
    },
}

impl TaskSource {
    /// A link to `url`, shown as `text`.
    pub fn url(text: impl Into<String>, url: impl Into<String>) -> Self {
        TaskSource::Url {
            text: text.into(),
            url: url.into(),
        }
    }
}

/// A task's progress, shown as a task card (`timeline`) or in the plan (`plan`): a
/// [`Chunk::TaskUpdate`]. A later update with the same `id` updates the same task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TaskUpdate {
    /// The task's id, of the app's choosing.
    pub id: String,
    /// The task's title.
    pub title: String,
    /// Where the task stands.
    pub status: TaskStatus,
    /// More about the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// What the task produced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Where its result came from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<TaskSource>,
}

impl TaskUpdate {
    /// Task `id`, titled `title`, in `status`.
    pub fn new(id: impl Into<String>, title: impl Into<String>, status: TaskStatus) -> Self {
        TaskUpdate {
            id: id.into(),
            title: title.into(),
            status,
            details: None,
            output: None,
            sources: Vec::new(),
        }
    }

    /// Adds details.
    pub fn details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into());
        self
    }

    /// Adds the task's output.
    pub fn output(mut self, output: impl Into<String>) -> Self {
        self.output = Some(output.into());
        self
    }

    /// Adds a source.
    pub fn source(mut self, source: TaskSource) -> Self {
        self.sources.push(source);
        self
    }
}

/// One piece of a streamed message, by its `type`: markdown text, a task's progress, or the
/// plan's title. Sent in `chunks` as JSON.
///
/// ```
/// use slack_methods::methods::{Chunk, TaskSource, TaskStatus, TaskUpdate};
/// let text = Chunk::markdown("Looking at **three** sources");
/// assert_eq!(
///     serde_json::to_string(&text)?,
///     r#"{"type":"markdown_text","text":"Looking at **three** sources"}"#,
/// );
/// let task = Chunk::task(
///     TaskUpdate::new("fetch", "Fetch the logs", TaskStatus::Complete)
///         .source(TaskSource::url("Grafana", "https://grafana.example.com")),
/// );
/// assert_eq!(
///     serde_json::to_string(&task)?,
///     r#"{"type":"task_update","id":"fetch","title":"Fetch the logs","status":"complete","sources":[{"type":"url","text":"Grafana","url":"https://grafana.example.com"}]}"#,
/// );
/// assert_eq!(
///     serde_json::to_string(&Chunk::plan("Find the outage"))?,
///     r#"{"type":"plan_update","title":"Find the outage"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Chunk {
    /// Markdown appended to the message's text.
    MarkdownText {
        /// The markdown.
        text: String,
    },
    /// A task's progress.
    TaskUpdate(TaskUpdate),
    /// A new title for the plan.
    PlanUpdate {
        /// The plan's title.
        title: String,
    },
}

impl Chunk {
    /// Markdown text.
    pub fn markdown(text: impl Into<String>) -> Self {
        Chunk::MarkdownText { text: text.into() }
    }

    /// A task's progress.
    pub fn task(update: TaskUpdate) -> Self {
        Chunk::TaskUpdate(update)
    }

    /// The plan's title.
    pub fn plan(title: impl Into<String>) -> Self {
        Chunk::PlanUpdate {
            title: title.into(),
        }
    }
}

/// The kinds of [`Chunk`], as its `type` names them.
const CHUNK_KINDS: [&str; 3] = ["markdown_text", "task_update", "plan_update"];

/// The schema of a [`Chunk`] of the `type` `kind`.
fn chunk_shape(kind: &str) -> Value {
    let text = json!({ "type": "string" });
    let optional_text = json!({ "anyOf": [{ "type": "string" }, { "type": "null" }] });
    match kind {
        "markdown_text" => json!({
            "type": "object",
            "properties": { "type": { "const": "markdown_text" }, "text": text },
            "required": ["type", "text"],
            "additionalProperties": false,
        }),
        "task_update" => json!({
            "type": "object",
            "properties": {
                "type": { "const": "task_update" },
                "id": text,
                "title": text,
                "status": { "enum": ["pending", "in_progress", "complete", "error"] },
                "details": optional_text,
                "output": optional_text,
                "sources": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "type": { "const": "url" },
                            "text": text,
                            "url": text,
                        },
                        "required": ["type", "text", "url"],
                        "additionalProperties": false,
                    },
                },
            },
            "required": ["type", "id", "title", "status"],
            "additionalProperties": false,
        }),
        _ => json!({
            "type": "object",
            "properties": { "type": { "const": "plan_update" }, "title": text },
            "required": ["type", "title"],
            "additionalProperties": false,
        }),
    }
}

impl ParamSchema for Chunk {
    fn json_schema() -> Value {
        json!({
            "anyOf": CHUNK_KINDS.map(chunk_shape),
            "description": "A chunk: {\"type\": \"markdown_text\", \"text\": ...}, {\"type\": \"task_update\", \"id\": ..., \"title\": ..., \"status\": ...} or {\"type\": \"plan_update\", \"title\": ...}.",
        })
    }

    /// Checks the chunk against the shape of its `type`, so a mistake is named (a missing or
    /// unknown `type`, a missing field, a status Slack does not take) rather than the chunk
    /// fitting none of the shapes.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        let names = CHUNK_KINDS.map(|kind| format!("`{kind}`")).join(", ");
        let Value::Object(chunk) = value else {
            return Err(ValueError::new(format!(
                "expected a chunk (an object with a `type`), found {value}"
            )));
        };
        match chunk.get("type") {
            None => Err(ValueError::new(format!(
                "`type` is missing: give one of {names}"
            ))),
            Some(kind) => match kind.as_str().filter(|kind| CHUNK_KINDS.contains(kind)) {
                Some(kind) => check_value(&chunk_shape(kind), value),
                None => Err(ValueError::new(format!(
                    "unknown `type` {kind}: give one of {names}"
                ))),
            },
        }
    }
}

/// How a streamed message shows its task updates: `timeline` (each task a card among the text,
/// Slack's default) or `plan` (all tasks together in a plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TaskDisplayMode {
    /// Each task as a card, in order among the text (`timeline`).
    Timeline,
    /// All tasks together in one plan (`plan`).
    Plan,
}

wire_enum!(
    TaskDisplayMode,
    "mode",
    "timeline (each task a card among the text) or plan (all tasks together).",
    {
        Timeline => "timeline",
        Plan => "plan",
    }
);

/// Refuses `markdown_text` longer than Slack takes.
fn check_markdown(markdown_text: Option<&str>) -> Result<(), InvalidRequest> {
    if let Some(text) = markdown_text {
        let chars = text.chars().count();
        if chars > MAX_MARKDOWN_TEXT_CHARS {
            return Err(InvalidRequest::new(format!(
                "`markdown_text` is {chars} characters long; Slack accepts at most {MAX_MARKDOWN_TEXT_CHARS} a call"
            )));
        }
    }
    Ok(())
}

/// Refuses `markdown_text` beside `chunks`, which Slack takes one at a time.
fn check_one_kind(
    markdown_text: Option<&str>,
    chunks: Option<&[Chunk]>,
) -> Result<(), InvalidRequest> {
    if markdown_text.is_some() && chunks.is_some() {
        return Err(InvalidRequest::new(
            "`markdown_text` and `chunks` cannot be sent together (Slack answers `cannot_provide_both_markdown_text_and_chunks`): send one of them",
        ));
    }
    Ok(())
}

crate::slack_object! {
    /// What `chat.startStream` and `chat.appendStream` answer: the streamed message's
    /// conversation and `ts`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ChatStreamResponse {
        required {
            /// The conversation the message is in.
            pub channel: ChannelId,
            /// The streamed message's timestamp, which the next calls name it by.
            pub ts: Timestamp,
        }
    }
}

/// `chat.startStream`: posts a message in the streaming state as a reply in a thread (the user's
/// request), to be added to with `chat.appendStream` and finalized with `chat.stopStream`. The
/// answer is the message's `ts`. Outside a direct message, Slack needs the user who asked
/// (`recipient_user_id`) and their team (`recipient_team_id`): `missing_recipient_user_id`,
/// `missing_recipient_team_id` without them.
///
/// ```
/// use slack_methods::methods::ChatStartStream;
/// use slack_methods::types::Timestamp;
/// use slack_methods::{ChannelId, TeamId, UserId};
/// let start = ChatStartStream::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1721609600.123456"))
///     .recipient(UserId::new("U0123ABCD")?, TeamId::new("T0123ABCD")?)
///     .markdown("Let me look");
/// assert_eq!(
///     slack_methods::encode_params(&start)?,
///     "channel=C0123ABCD&thread_ts=1721609600.123456&markdown_text=Let+me+look\
///      &recipient_user_id=U0123ABCD&recipient_team_id=T0123ABCD",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.startStream",
    scope = "chat:write",
    response = ChatStreamResponse,
    validate = ChatStartStream::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatStartStream {
    /// The conversation: a channel, private channel or direct message id.
    pub channel: ChannelId,
    /// The `ts` of the message the stream replies to (the user's request).
    pub thread_ts: Timestamp,
    /// The message's first text, in standard markdown (at most 12,000 characters).
    pub markdown_text: Option<String>,
    /// The message's first chunks (markdown text, task updates, plan updates), sent as JSON
    /// text.
    #[slack(json)]
    pub chunks: Option<Vec<Chunk>>,
    /// The user the stream answers; needed outside a direct message.
    pub recipient_user_id: Option<UserId>,
    /// The team of that user; needed outside a direct message.
    pub recipient_team_id: Option<TeamId>,
    /// How task updates show: `timeline` (Slack's default) or `plan`.
    pub task_display_mode: Option<TaskDisplayMode>,
    /// An emoji (`:robot_face:`) shown as the message's icon, instead of `icon_url`.
    pub icon_emoji: Option<String>,
    /// The URL of an image shown as the message's icon.
    pub icon_url: Option<String>,
    /// The name shown for the bot.
    pub username: Option<String>,
}

impl ChatStartStream {
    /// A stream in `channel`, replying in the thread of `thread_ts`, starting empty.
    pub fn new(channel: ChannelId, thread_ts: Timestamp) -> Self {
        ChatStartStream {
            channel,
            thread_ts,
            markdown_text: None,
            chunks: None,
            recipient_user_id: None,
            recipient_team_id: None,
            task_display_mode: None,
            icon_emoji: None,
            icon_url: None,
            username: None,
        }
    }

    content_builders!("Starts with");

    /// Names the user the stream answers and their team (needed outside a direct message).
    pub fn recipient(mut self, user: UserId, team: TeamId) -> Self {
        self.recipient_user_id = Some(user);
        self.recipient_team_id = Some(team);
        self
    }

    /// Shows task updates as `mode` says.
    pub fn task_display_mode(mut self, mode: TaskDisplayMode) -> Self {
        self.task_display_mode = Some(mode);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_markdown(self.markdown_text.as_deref())
    }
}

/// `chat.appendStream`: adds to a message `chat.startStream` started, either `markdown_text`
/// (appended to its text; at most 12,000 characters) or `chunks`, not both and not neither. A
/// message no longer streaming (stopped, by the app or the user) answers
/// `message_not_in_streaming_state`, another app's `message_not_owned_by_app`.
///
/// ```
/// use slack_methods::methods::ChatAppendStream;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let more = ChatAppendStream::markdown(
///     ChannelId::new("C0123ABCD")?,
///     Timestamp::new("1721609601.000200"),
///     " and found **two** causes.",
/// );
/// assert_eq!(
///     slack_methods::encode_params(&more)?,
///     "channel=C0123ABCD&ts=1721609601.000200&markdown_text=+and+found+**two**+causes.",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.appendStream",
    scope = "chat:write",
    response = ChatStreamResponse,
    validate = ChatAppendStream::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatAppendStream {
    /// The conversation the streamed message is in.
    pub channel: ChannelId,
    /// The streamed message's `ts`, as `chat.startStream` answered it.
    pub ts: Timestamp,
    /// Markdown appended to the message's text (at most 12,000 characters); instead of
    /// `chunks`.
    pub markdown_text: Option<String>,
    /// Chunks added to the message (markdown text, task updates, plan updates), sent as JSON
    /// text; instead of `markdown_text`.
    #[slack(json)]
    pub chunks: Option<Vec<Chunk>>,
}

impl ChatAppendStream {
    /// Appends `markdown` to the message `ts` of `channel`.
    pub fn markdown(channel: ChannelId, ts: Timestamp, markdown: impl Into<String>) -> Self {
        ChatAppendStream {
            channel,
            ts,
            markdown_text: Some(markdown.into()),
            chunks: None,
        }
    }

    /// Adds `chunks` to the message `ts` of `channel`.
    pub fn chunks(
        channel: ChannelId,
        ts: Timestamp,
        chunks: impl IntoIterator<Item = Chunk>,
    ) -> Self {
        ChatAppendStream {
            channel,
            ts,
            markdown_text: None,
            chunks: Some(chunks.into_iter().collect()),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        let markdown = self
            .markdown_text
            .as_deref()
            .filter(|text| !text.is_empty());
        if markdown.is_none() && self.chunks.is_none() {
            return Err(InvalidRequest::new(
                "nothing to append: give `markdown_text` or `chunks` (Slack answers `markdown_text_or_chunks_required`)",
            ));
        }
        check_one_kind(self.markdown_text.as_deref(), self.chunks.as_deref())?;
        check_markdown(self.markdown_text.as_deref())
    }
}

/// What `chat.stopStream` answers: the finalized message's conversation and `ts`, and the
/// message as Slack kept it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "wire::Stopped")]
#[non_exhaustive]
pub struct ChatStopStreamResponse {
    /// The conversation the message is in.
    pub channel: ChannelId,
    /// The message's timestamp.
    pub ts: Timestamp,
    /// The finalized message (`None` if Slack sent none, or one that does not fit [`Message`],
    /// which is then in `extra`).
    pub message: Option<Message>,
    /// Every other field Slack sent.
    pub extra: Map<String, Value>,
}

mod wire {
    use crate::types::Timestamp;
    use crate::ChannelId;
    use serde_json::Value;

    crate::slack_object! {
        /// `chat.stopStream`'s answer, as sent.
        #[derive(Clone, Debug)]
        pub struct Stopped {
            pub channel: Option<ChannelId>,
            pub ts: Option<Timestamp>,
            pub message: Value,
        }
    }
}

impl TryFrom<wire::Stopped> for ChatStopStreamResponse {
    type Error = String;
    fn try_from(raw: wire::Stopped) -> Result<Self, String> {
        let channel = raw.channel.ok_or("missing field `channel`")?;
        let ts = raw.ts.ok_or("missing field `ts`")?;
        let mut extra = raw.extra;
        let message = super::chat::read_message(raw.message, &ts, &mut extra);
        Ok(ChatStopStreamResponse {
            channel,
            ts,
            message,
            extra,
        })
    }
}

/// `chat.stopStream`: finalizes a message `chat.startStream` started, optionally with last
/// content: `markdown_text` (at most 12,000 characters) or `chunks`, not both; `blocks` shown at
/// the bottom of the message (at most 50); `metadata`. After it the message takes no more
/// appends (`message_not_in_streaming_state`).
///
/// ```
/// use slack_methods::methods::ChatStopStream;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let done = ChatStopStream::new(ChannelId::new("C0123ABCD")?, Timestamp::new("1721609601.000200"))
///     .markdown("\n\nThat is all.");
/// assert_eq!(
///     slack_methods::encode_params(&done)?,
///     "channel=C0123ABCD&ts=1721609601.000200&markdown_text=%0A%0AThat+is+all.",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "chat.stopStream",
    scope = "chat:write",
    response = ChatStopStreamResponse,
    validate = ChatStopStream::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatStopStream {
    /// The conversation the streamed message is in.
    pub channel: ChannelId,
    /// The streamed message's `ts`, as `chat.startStream` answered it.
    pub ts: Timestamp,
    /// Last markdown appended to the message's text (at most 12,000 characters); instead of
    /// `chunks`.
    pub markdown_text: Option<String>,
    /// Last chunks added to the message, sent as JSON text; instead of `markdown_text`.
    #[slack(json)]
    pub chunks: Option<Vec<Chunk>>,
    /// Block Kit blocks shown at the bottom of the finalized message (at most 50), sent as JSON
    /// text.
    #[slack(json)]
    pub blocks: Option<Blocks>,
    /// An app event attached to the message (`event_type` and `event_payload`), sent as JSON
    /// text.
    #[slack(json)]
    pub metadata: Option<MessageMetadata>,
}

impl ChatStopStream {
    /// Finalizes the message `ts` of `channel` as it stands.
    pub fn new(channel: ChannelId, ts: Timestamp) -> Self {
        ChatStopStream {
            channel,
            ts,
            markdown_text: None,
            chunks: None,
            blocks: None,
            metadata: None,
        }
    }

    content_builders!("Ends with");

    /// Shows `blocks` at the bottom of the message.
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = Some(blocks.into());
        self
    }

    /// Attaches an app event to the message.
    pub fn with_metadata(mut self, metadata: MessageMetadata) -> Self {
        self.metadata = Some(metadata);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_one_kind(self.markdown_text.as_deref(), self.chunks.as_deref())?;
        check_markdown(self.markdown_text.as_deref())?;
        if let Some(blocks) = &self.blocks {
            if blocks.len() > MAX_MESSAGE_BLOCKS {
                return Err(InvalidRequest::new(format!(
                    "`blocks` has {} blocks; Slack shows at most {MAX_MESSAGE_BLOCKS} at the bottom of a streamed message",
                    blocks.len()
                )));
            }
        }
        Ok(())
    }
}

/// A reply being streamed: [`ChatStream::start`] calls `chat.startStream` and keeps the
/// message's conversation and `ts`, so each [`append`](ChatStream::append) and the
/// [`stop`](ChatStream::stop) name it without the caller's help. Each call is sent at once
/// (nothing is buffered). After a successful stop, appending or stopping again is refused
/// before sending, with [`Error::InvalidRequest`].
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::{ChatStartStream, ChatStream, Chunk, TaskStatus, TaskUpdate};
/// use slack_methods::types::Timestamp;
/// use slack_methods::{ChannelId, TeamId, UserId};
///
/// let asked = Timestamp::new("1721609600.123456");
/// let start = ChatStartStream::new(ChannelId::new("C0123ABCD")?, asked)
///     .recipient(UserId::new("U0123ABCD")?, TeamId::new("T0123ABCD")?);
/// let mut stream = ChatStream::start(&client, start).await?;
/// stream.append("Checking the deploys").await?;
/// stream.append(" of today: **two** failed.").await?;
/// let done = stream.stop_with(|stop| stop.markdown("\n\nRoll back?")).await?;
/// println!("streamed {} in {}", done.ts, done.channel);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct ChatStream {
    client: Client,
    started: SlackResponse<ChatStreamResponse>,
    stopped: bool,
}

impl ChatStream {
    /// Starts the stream (`chat.startStream`) and keeps the message's conversation and `ts`.
    pub async fn start(client: &Client, start: ChatStartStream) -> Result<ChatStream, Error> {
        let started = client.call(&start).await?;
        Ok(ChatStream {
            client: client.clone(),
            started,
            stopped: false,
        })
    }

    /// What `chat.startStream` answered, with its warnings.
    pub fn started(&self) -> &SlackResponse<ChatStreamResponse> {
        &self.started
    }

    /// The conversation the message is in.
    pub fn channel(&self) -> &ChannelId {
        &self.started.channel
    }

    /// The streamed message's `ts`.
    pub fn ts(&self) -> &Timestamp {
        &self.started.ts
    }

    /// Whether [`stop`](Self::stop) (or [`stop_with`](Self::stop_with)) succeeded.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    /// Appends `markdown` to the message's text (`chat.appendStream` with `markdown_text`).
    pub async fn append(
        &mut self,
        markdown: impl Into<String>,
    ) -> Result<SlackResponse<ChatStreamResponse>, Error> {
        let call = ChatAppendStream::markdown(self.channel().clone(), self.ts().clone(), markdown);
        self.send_append(call).await
    }

    /// Adds `chunks` to the message (`chat.appendStream` with `chunks`).
    pub async fn append_chunks(
        &mut self,
        chunks: impl IntoIterator<Item = Chunk>,
    ) -> Result<SlackResponse<ChatStreamResponse>, Error> {
        let call = ChatAppendStream::chunks(self.channel().clone(), self.ts().clone(), chunks);
        self.send_append(call).await
    }

    async fn send_append(
        &mut self,
        call: ChatAppendStream,
    ) -> Result<SlackResponse<ChatStreamResponse>, Error> {
        self.refuse_if_stopped(ChatAppendStream::NAME)?;
        self.client.call(&call).await
    }

    /// Finalizes the message as it stands (`chat.stopStream`).
    pub async fn stop(&mut self) -> Result<SlackResponse<ChatStopStreamResponse>, Error> {
        self.stop_with(|stop| stop).await
    }

    /// Finalizes the message with what `finish` adds to the stop: last markdown or chunks,
    /// blocks at the bottom, metadata.
    pub async fn stop_with(
        &mut self,
        finish: impl FnOnce(ChatStopStream) -> ChatStopStream,
    ) -> Result<SlackResponse<ChatStopStreamResponse>, Error> {
        self.refuse_if_stopped(ChatStopStream::NAME)?;
        let mut call = finish(ChatStopStream::new(
            self.channel().clone(),
            self.ts().clone(),
        ));
        // The message stopped is this stream's, whatever `finish` did.
        call.channel = self.channel().clone();
        call.ts = self.ts().clone();
        let stopped = self.client.call(&call).await?;
        self.stopped = true;
        Ok(stopped)
    }

    fn refuse_if_stopped(&self, method: &'static str) -> Result<(), Error> {
        if self.stopped {
            return Err(Error::InvalidRequest {
                method,
                reason: format!(
                    "the stream of message {} in {} is stopped: start a new one to say more",
                    self.ts(),
                    self.channel()
                ),
            });
        }
        Ok(())
    }
}
