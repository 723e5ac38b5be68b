use slack_methods::slack_method;

#[slack_method("users.profile.get")]
pub enum UsersProfileGet {
    Me,
    Someone(String),
}

fn main() {}
