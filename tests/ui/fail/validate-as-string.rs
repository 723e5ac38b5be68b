use slack_methods::{slack_method, InvalidRequest};

fn check(_: &UsersInfo) -> Result<(), InvalidRequest> {
    Ok(())
}

#[slack_method("users.info", scope = "users:read", validate = "check")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
