use slack_methods::slack_method;

#[slack_method("users.profile.get", verb = "POST")]
pub struct UsersProfileGet {
    pub user: Option<String>,
}

fn main() {}
