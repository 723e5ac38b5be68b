use slack_methods::slack_method;

#[slack_method("users.profile.set", tier = 4)]
pub struct UsersProfileSet {
    pub name: Option<String>,
    pub value: Option<String>,
}

fn main() {}
