use slack_methods::slack_method;

#[slack_method("users.profile.set")]
pub struct UsersProfileSet {
    pub name: Option<String>,
    #[slack(rename = "vaule")]
    pub field_value: Option<String>,
}

fn main() {}
