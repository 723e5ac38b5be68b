use slack_methods::slack_method;

fn check(request: &UsersInfo) -> bool {
    !request.user.is_empty()
}

#[slack_method("users.info", scope = "users:read", validate = check)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
