use slack_methods::slack_method;

// In the tier table but neither in Slack's spec nor in its SDK: the tier is known, the scopes
// and verb are not.
#[slack_method("admin.users.getExpiration")]
pub struct AdminUsersGetExpiration {}

fn main() {}
