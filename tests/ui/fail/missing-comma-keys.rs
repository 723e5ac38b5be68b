use slack_methods::slack_method;

#[slack_method("users.profile.set")]
pub struct UsersProfileSet {
    #[slack(json skip)]
    pub profile: Option<serde_json::Value>,
    #[slack(rename = "user" unchecked)]
    pub who: Option<String>,
}

fn main() {}
