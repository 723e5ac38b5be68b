use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read", crate = "slack methods")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
