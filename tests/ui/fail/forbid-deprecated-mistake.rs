// A mistake in a crate that forbids `deprecated` is one error: the stub impls that stand in for
// the binding need no lint exception either.
#![forbid(deprecated)]

use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub usr: String,
}

fn main() {}
