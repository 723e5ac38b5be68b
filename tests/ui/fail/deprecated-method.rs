#![deny(deprecated)]

use slack_methods::slack_method;

// Slack has deprecated `users.setActive`; the binding warns (here denied) until the attribute
// says `deprecated`.
#[slack_method("users.setActive")]
pub struct UsersSetActive {}

fn main() {}
