// A field sent under its own name must have a name Slack could have, as a `rename` must.
use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
    #[slack(unchecked)]
    #[allow(non_snake_case)]
    pub includeLocale: Option<bool>,
}

#[slack_method("acme.widgets.list", scope = "acme:read", tier = 3, verb = "GET")]
pub struct AcmeWidgetsList {
    pub café: Option<String>,
}

fn main() {}
