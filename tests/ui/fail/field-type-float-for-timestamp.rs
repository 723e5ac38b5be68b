use slack_methods::slack_method;

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct Reply {
    pub channel: String,
    pub text: String,
    pub thread_ts: Option<f64>,
}

fn main() {}
