#![deny(deprecated)]

use slack_methods::slack_method;

// Slack has deprecated `users.setActive`; the binding warns (here denied) at the method name
// until the attribute says `deprecated` or the struct allows `deprecated`.
#[slack_method("users.setActive")]
pub struct UsersSetActive {}

fn main() {}
