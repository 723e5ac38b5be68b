use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
pub fn users_info(user: String) -> String {
    user
}

fn main() {}
