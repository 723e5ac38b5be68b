use slack_methods::slack_method;

#[slack_method("users.profile.get")]
pub union UsersProfileGet {
    include_labels: bool,
}

fn main() {}
