use slack_methods::slack_method;

// Marked `json`, a `Vec` goes out as a JSON array, where Slack wants a JSON object.
#[slack_method("functions.completeSuccess", no_scope)]
pub struct FunctionsCompleteSuccess {
    pub function_execution_id: String,
    #[slack(json)]
    pub outputs: Vec<serde_json::Value>,
}

fn main() {}
