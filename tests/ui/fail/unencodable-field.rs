use slack_methods::slack_method;

pub struct Profile {
    pub status_text: String,
}

#[slack_method("users.profile.set", scope = "users.profile:write")]
pub struct UsersProfileSet {
    pub profile: Profile,
}

fn main() {}
