use slack_methods::slack_method;

#[slack_method("users.profile.set")]
pub struct UsersProfileSet {
    pub nmae: Option<String>,
    pub value: Option<String>,
}

fn main() {}
