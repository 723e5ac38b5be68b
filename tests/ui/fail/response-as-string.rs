use slack_methods::slack_method;

#[slack_method("users.info", response = "UsersInfoResponse")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
