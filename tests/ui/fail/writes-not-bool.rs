use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read", writes = "no")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
