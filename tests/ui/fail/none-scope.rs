use slack_methods::slack_method;

#[slack_method("api.test", scope = "none")]
pub struct ApiTest {}

fn main() {}
