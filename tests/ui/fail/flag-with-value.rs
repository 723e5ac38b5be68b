use slack_methods::slack_method;

#[slack_method("users.list", scope = "users:read", paginated = true)]
pub struct UsersList {
    pub cursor: Option<String>,
}

fn main() {}
