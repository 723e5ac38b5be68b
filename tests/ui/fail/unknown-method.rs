use slack_methods::slack_method;

#[slack_method("users.profile.sett")]
pub struct UsersProfileSet {
    pub name: Option<String>,
    pub value: Option<String>,
}

fn main() {}
