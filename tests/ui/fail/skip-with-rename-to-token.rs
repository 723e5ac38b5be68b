use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    pub user: String,
    #[slack(rename = "token", skip)]
    pub secret: String,
}

fn main() {}
