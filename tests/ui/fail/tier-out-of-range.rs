use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read", tier = 5)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
