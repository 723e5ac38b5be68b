// A byte string is not the method name's string literal.
use slack_methods::slack_method;

#[slack_method(b"users.info")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
