use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    #[slack(renmae = "user")]
    pub user_id: String,
}

fn main() {}
