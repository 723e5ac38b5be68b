// A second field sent under a parameter's name is one mistake: it is not checked against the
// parameter as well (here, an `Option` for a required one).
use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
    #[slack(rename = "user")]
    pub fallback_user: Option<String>,
}

fn main() {}
