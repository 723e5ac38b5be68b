use slack_methods::slack_method;

// `functions.completeError` takes no `cursor`: `paginated` would make `client.pages` send one.
#[slack_method("functions.completeError", scope = "chat:write", paginated)]
pub struct FunctionsCompleteError {
    pub function_execution_id: String,
    pub error: String,
}

// Slack having added cursor paging since the catalog: a `cursor` field of the binding's own,
// marked unchecked, lets `paginated` through.
#[slack_method("functions.completeError", scope = "chat:write", paginated)]
pub struct FunctionsCompleteErrorPaged {
    pub function_execution_id: String,
    pub error: String,
    #[slack(unchecked)]
    pub cursor: Option<String>,
}

fn main() {}
