use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    #[slack(rename = "user", skip)]
    pub user: String,
}

fn main() {}
