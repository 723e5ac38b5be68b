// The method name written after other arguments is one mistake, reported once, at the name.
use slack_methods::slack_method;

#[slack_method(scope = "users:read", tier = 4, "users.info")]
pub struct UsersInfo {
    pub user: String,
}

#[slack_method(paginated, "users.list")]
pub struct UsersList {
    pub limit: Option<u32>,
}

fn main() {}
