use slack_methods::slack_method;

#[slack_method("users.profile.set", scope = "users.profile:write")]
pub struct UsersProfileSet {
    #[slack(json = true)]
    pub profile: Option<String>,
}

fn main() {}
