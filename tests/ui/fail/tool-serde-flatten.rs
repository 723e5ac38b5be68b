use slack_methods::slack_method;
use slack_methods::types::ProfileUpdate;

// A flattened field: serde would look for the profile's fields beside `user`, but a tool call
// sends them inside one `profile` argument.
#[slack_method("users.profile.set")]
#[derive(serde::Deserialize)]
pub struct UsersProfileSet {
    #[slack(json)]
    #[serde(flatten)]
    pub profile: Option<ProfileUpdate>,
    pub user: Option<String>,
}

fn main() {}
