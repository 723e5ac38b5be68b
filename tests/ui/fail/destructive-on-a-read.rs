use slack_methods::slack_method;

#[slack_method("users.info", destructive = true)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
