// A comma with no key before it is one mistake, at the comma; the keys around it are still
// read.
use slack_methods::slack_method;

#[slack_method("users.profile.set")]
pub struct UsersProfileSet {
    #[slack(, json)]
    pub profile: Option<serde_json::Value>,
}

fn main() {}
