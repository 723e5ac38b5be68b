use slack_methods::slack_method;

// For a method the catalog does not describe, "no scope" is said with `no_scope`.
#[slack_method("assistant.search.info", scope = "none", tier = 2, verb = "POST")]
pub struct AssistantSearchInfo;

fn main() {}
