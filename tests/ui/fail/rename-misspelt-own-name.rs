use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    #[slack(rename = "User")]
    pub user: String,
}

fn main() {}
