use slack_methods::slack_method;

#[slack_method("users.info", scope = "users:read")]
#[slack_method("users.lookupByEmail", scope = "users:read.email")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
