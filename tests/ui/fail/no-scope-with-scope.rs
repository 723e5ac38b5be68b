use slack_methods::slack_method;

#[slack_method("auth.test", scope = "users:read", unchecked_scope, no_scope)]
pub struct AuthTest {}

fn main() {}
