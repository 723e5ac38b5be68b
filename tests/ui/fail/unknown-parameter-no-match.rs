use slack_methods::slack_method;

#[slack_method("users.profile.set")]
pub struct UsersProfileSet {
    pub profile: Option<String>,
    pub channel: Option<String>,
}

fn main() {}
