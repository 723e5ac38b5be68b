use slack_methods::slack_method;

// `outputs` is a JSON object keyed by the function's output names: a `Vec` would go out as
// comma-separated text (`outputs=a,b`), which is no object.
#[slack_method("functions.completeSuccess", no_scope)]
pub struct FunctionsCompleteSuccess {
    pub function_execution_id: String,
    pub outputs: Vec<String>,
}

fn main() {}
