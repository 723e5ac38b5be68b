use slack_methods::slack_method;

#[slack_method("assistant.threads.setStatus", scope = "assistant:write")]
pub struct AssistantThreadsSetStatus {
    pub channel_id: String,
    pub thread_ts: String,
    pub status: String,
    pub loading_messages: Option<bool>,
}

fn main() {}
