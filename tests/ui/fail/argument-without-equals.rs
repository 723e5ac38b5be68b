// A key that takes a value, written without `=` (bare, with parentheses, with a colon): one
// error each, at what follows the key or at the key, with the form it takes; the arguments
// after it are still read.
use slack_methods::slack_method;

#[slack_method("users.info", writes)]
pub struct A {
    pub user: String,
}

#[slack_method("users.info", tier, scope = "users:write")]
pub struct B {
    pub user: String,
}

#[slack_method("chat.postMessage", scope = "chat:write", destructive(true))]
pub struct C {
    pub channel: String,
}

#[slack_method("users.info", response)]
pub struct D {
    pub user: String,
}

#[slack_method("users.info", validate: Self::check)]
pub struct E {
    pub user: String,
}

fn main() {}
