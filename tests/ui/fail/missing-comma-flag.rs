use slack_methods::slack_method;

// Each missing comma is one error; the argument after it still counts, so the flag that
// vouches for the written tier is not lost, and neither is the field's `unchecked`.
#[slack_method("users.profile.set", tier = 2 unchecked_tier)]
pub struct UsersProfileSet {
    #[slack(json)]
    pub profile: Option<serde_json::Value>,
    #[slack(rename = "status_note" unchecked)]
    pub note: Option<String>,
}

pub struct Info;

// After a type or a path too: the flag that vouches for the written scope still counts.
#[slack_method("users.info", response = Info unchecked_scope, scope = "users:write")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
