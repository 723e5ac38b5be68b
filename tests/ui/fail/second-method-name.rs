// A struct binds one method; a literal alone is not an argument.
use slack_methods::slack_method;

#[slack_method("users.info", "users.list")]
pub struct UsersInfo {
    pub user: String,
}

#[slack_method("users.list", scope = "users:read", "users:read.email")]
pub struct UsersList {}

fn main() {}
