use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo {
    #[slack = "user"]
    pub user_id: String,
}

fn main() {}
