use slack_methods::slack_method;

// In the tier table but not in Slack's spec: the tier is known, the scopes and verb are not.
#[slack_method("apps.connections.open")]
pub struct AppsConnectionsOpen {}

fn main() {}
