// Independent mistakes are all reported in one build, each once, at its own token.
use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read", respones = UsersInfoResponse)]
pub struct UsersInfo {
    #[slack(rename = "User")]
    pub user: String,
    pub token: String,
}

fn main() {}
