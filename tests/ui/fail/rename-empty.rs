use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
    #[slack(rename = "")]
    pub locale: Option<bool>,
}

fn main() {}
