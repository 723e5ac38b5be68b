use slack_methods::slack_method;

#[slack_method("auth.test")]
pub struct AuthTest;

fn main() {}
