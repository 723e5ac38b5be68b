use slack_methods::slack_method;

pub struct UsersInfoResponse {
    pub user: String,
}

#[slack_method("users.info", scope = "users:read", response = UsersInfoResponse)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
