//! The `assistant.threads.*` family: what an AI app shows in a thread it answers in, while it
//! works and before a user asks (a status such as "is thinking...", suggested prompts, the
//! thread's title).
//!
//! The thread is named by its conversation (`channel_id`, usually the direct message between the
//! user and the app) and the `ts` of its first message (`thread_ts`), both of which Slack sends
//! the app with the `assistant_thread_started` event.

use super::Acknowledged;
use crate::types::Timestamp;
use crate::{slack_method, ChannelId, InvalidRequest, ParamSchema};
use serde::{Deserialize, Serialize};

/// At most this many `loading_messages` in one `assistant.threads.setStatus` call.
pub const MAX_LOADING_MESSAGES: usize = 10;

/// At most this many prompts in one `assistant.threads.setSuggestedPrompts` call.
pub const MAX_SUGGESTED_PROMPTS: usize = 4;

/// `assistant.threads.setStatus`: shows a status under the thread ("is thinking...") while the
/// app prepares its answer. Slack removes it when the app's next message arrives, or after two
/// minutes without one; an empty `status` clears it at once.
///
/// Slack takes `chat:write` for it, and for a time still `assistant:write`, which it means to
/// stop taking: the binding names both, `chat:write` first.
///
/// ```
/// use slack_methods::methods::AssistantThreadsSetStatus;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let thinking = AssistantThreadsSetStatus::new(
///     ChannelId::new("D0123ABCD")?,
///     Timestamp::new("1712345678.000100"),
///     "is thinking...",
/// )
/// .loading_messages(["Reading the thread", "Looking it up"]);
/// assert_eq!(
///     slack_methods::encode_params(&thinking)?,
///     "channel_id=D0123ABCD&thread_ts=1712345678.000100&status=is+thinking...\
///      &loading_messages=%5B%22Reading+the+thread%22%2C%22Looking+it+up%22%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "assistant.threads.setStatus",
    scope = "chat:write",
    scope = "assistant:write",
    response = Acknowledged,
    validate = AssistantThreadsSetStatus::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AssistantThreadsSetStatus {
    /// The conversation the thread is in.
    pub channel_id: ChannelId,
    /// The `ts` of the thread's first message.
    pub thread_ts: Timestamp,
    /// The status shown under the thread, such as `is thinking...`; empty to clear it.
    pub status: String,
    /// Messages shown in turn while the status lasts (at most 10), sent as a JSON array.
    #[slack(json)]
    pub loading_messages: Option<Vec<String>>,
    /// An emoji shown as the app's icon beside the status (`:robot_face:`), instead of
    /// `icon_url`.
    pub icon_emoji: Option<String>,
    /// The URL of an image shown as the app's icon beside the status.
    pub icon_url: Option<String>,
    /// The name shown for the app beside the status.
    pub username: Option<String>,
}

impl AssistantThreadsSetStatus {
    /// Shows `status` under the thread that starts at `thread_ts` in `channel`.
    pub fn new(channel: ChannelId, thread_ts: Timestamp, status: impl Into<String>) -> Self {
        AssistantThreadsSetStatus {
            channel_id: channel,
            thread_ts,
            status: status.into(),
            loading_messages: None,
            icon_emoji: None,
            icon_url: None,
            username: None,
        }
    }

    /// Clears the thread's status.
    pub fn clear(channel: ChannelId, thread_ts: Timestamp) -> Self {
        Self::new(channel, thread_ts, "")
    }

    /// Shows `messages` in turn while the status lasts (at most [`MAX_LOADING_MESSAGES`]).
    pub fn loading_messages<I>(mut self, messages: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.loading_messages = Some(messages.into_iter().map(Into::into).collect());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        let count = self.loading_messages.as_ref().map_or(0, Vec::len);
        if count > MAX_LOADING_MESSAGES {
            return Err(InvalidRequest::new(format!(
                "{count} `loading_messages`: Slack shows at most {MAX_LOADING_MESSAGES}"
            )));
        }
        Ok(())
    }
}

/// One prompt suggested to the user: the `title` shown on its button and the `message` sent for
/// the user when it is chosen.
///
/// ```
/// use slack_methods::methods::SuggestedPrompt;
/// let prompt = SuggestedPrompt::new("Summarize", "Summarize this channel's last week");
/// assert_eq!(
///     serde_json::to_string(&prompt)?,
///     r#"{"title":"Summarize","message":"Summarize this channel's last week"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SuggestedPrompt {
    /// The text on the prompt's button.
    pub title: String,
    /// The message sent, as if the user had written it, when the prompt is chosen.
    pub message: String,
}

impl SuggestedPrompt {
    /// A prompt shown as `title` that sends `message`.
    pub fn new(title: impl Into<String>, message: impl Into<String>) -> Self {
        SuggestedPrompt {
            title: title.into(),
            message: message.into(),
        }
    }
}

impl ParamSchema for SuggestedPrompt {
    fn json_schema() -> serde_json::Value {
        serde_json::json!({
            "type": "object",
            "properties": {
                "title": { "type": "string", "description": "The text on the prompt's button." },
                "message": { "type": "string", "description": "The message sent when the prompt is chosen." },
            },
            "required": ["title", "message"],
            "additionalProperties": false,
            "description": "A suggested prompt: a title and the message it sends.",
        })
    }
}

/// `assistant.threads.setSuggestedPrompts`: offers the user up to 4 prompts to start from (at
/// least one), shown as buttons in the thread.
///
/// ```
/// use slack_methods::methods::{AssistantThreadsSetSuggestedPrompts, SuggestedPrompt};
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let prompts = AssistantThreadsSetSuggestedPrompts::new(
///     ChannelId::new("D0123ABCD")?,
///     [SuggestedPrompt::new("Summarize", "Summarize the channel")],
/// )
/// .thread(Timestamp::new("1712345678.000100"))
/// .title("Try these");
/// assert_eq!(
///     slack_methods::encode_params(&prompts)?,
///     "channel_id=D0123ABCD\
///      &prompts=%5B%7B%22title%22%3A%22Summarize%22%2C%22message%22%3A%22Summarize+the+channel%22%7D%5D\
///      &thread_ts=1712345678.000100&title=Try+these",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "assistant.threads.setSuggestedPrompts",
    scope = "assistant:write",
    response = Acknowledged,
    validate = AssistantThreadsSetSuggestedPrompts::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AssistantThreadsSetSuggestedPrompts {
    /// The conversation the thread is in.
    pub channel_id: ChannelId,
    /// The prompts (at least one, at most 4), sent as a JSON array of `title` and `message`.
    #[slack(json)]
    pub prompts: Vec<SuggestedPrompt>,
    /// The `ts` of the thread's first message; without it, Slack takes the conversation's latest
    /// message. Slack's documentation says to send it only for its older assistant view: an app
    /// with the agent view that sends it has the call ignored.
    pub thread_ts: Option<Timestamp>,
    /// A heading over the prompts, such as `Suggested prompts`.
    pub title: Option<String>,
}

impl AssistantThreadsSetSuggestedPrompts {
    /// Offers `prompts` in the thread of `channel`.
    pub fn new(channel: ChannelId, prompts: impl IntoIterator<Item = SuggestedPrompt>) -> Self {
        AssistantThreadsSetSuggestedPrompts {
            channel_id: channel,
            prompts: prompts.into_iter().collect(),
            thread_ts: None,
            title: None,
        }
    }

    /// Names the thread by the `ts` of its first message.
    pub fn thread(mut self, thread_ts: Timestamp) -> Self {
        self.thread_ts = Some(thread_ts);
        self
    }

    /// Shows `title` over the prompts.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        let count = self.prompts.len();
        if count == 0 {
            // As the tool path refuses `prompts: []` (a required list needs an item there).
            return Err(InvalidRequest::new(
                "`prompts` is empty: give at least one prompt",
            ));
        }
        if count > MAX_SUGGESTED_PROMPTS {
            return Err(InvalidRequest::new(format!(
                "{count} `prompts`: Slack shows at most {MAX_SUGGESTED_PROMPTS}"
            )));
        }
        Ok(())
    }
}

/// `assistant.threads.setTitle`: names the thread, as the user sees it in the app's history.
///
/// ```
/// use slack_methods::methods::AssistantThreadsSetTitle;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let title = AssistantThreadsSetTitle::new(
///     ChannelId::new("D0123ABCD")?,
///     Timestamp::new("1712345678.000100"),
///     "Holidays this year",
/// );
/// assert_eq!(
///     slack_methods::encode_params(&title)?,
///     "channel_id=D0123ABCD&thread_ts=1712345678.000100&title=Holidays+this+year",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "assistant.threads.setTitle",
    scope = "assistant:write",
    response = Acknowledged
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AssistantThreadsSetTitle {
    /// The conversation the thread is in.
    pub channel_id: ChannelId,
    /// The `ts` of the thread's first message.
    pub thread_ts: Timestamp,
    /// The thread's title.
    pub title: String,
}

impl AssistantThreadsSetTitle {
    /// Names the thread that starts at `thread_ts` in `channel` `title`.
    pub fn new(channel: ChannelId, thread_ts: Timestamp, title: impl Into<String>) -> Self {
        AssistantThreadsSetTitle {
            channel_id: channel,
            thread_ts,
            title: title.into(),
        }
    }
}
