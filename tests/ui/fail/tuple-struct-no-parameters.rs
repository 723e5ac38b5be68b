// A tuple struct on a method without parameters is shown the unit struct it needs.
use slack_methods::slack_method;

#[slack_method("auth.test")]
pub struct AuthTest();

fn main() {}
