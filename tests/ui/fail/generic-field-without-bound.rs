use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub struct UsersInfo<U> {
    pub user: U,
}

fn main() {}
