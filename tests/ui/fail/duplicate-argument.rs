use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read", tier = 4, tier = 3)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
