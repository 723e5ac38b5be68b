use slack_methods::slack_method;

#[slack_method(scope = "users:read", tier = 4)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
