use slack_methods::slack_method;

#[slack_method]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
