use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
    pub include_locale: Option<String>,
}

fn main() {}
