// A macro in the method name is not expanded: the attribute sees its tokens.
use slack_methods::slack_method;

#[slack_method(concat!("users", ".info"))]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
