use slack_methods::slack_method;

#[slack_method("Users.info", scope = "users:read")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
