use slack_methods::slack_method;

// A lint level on the struct acts on the deprecation warning too.
#[deny(deprecated)]
#[slack_method("users.setActive")]
pub struct UsersSetActive;

fn main() {}
