use slack_methods::slack_method;

#[slack_method("users.profile.get", scopes = "users.profile:read")]
pub struct UsersProfileGet {
    pub user: Option<String>,
}

fn main() {}
