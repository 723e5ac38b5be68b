use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
#[slack(rename = "users_info")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
