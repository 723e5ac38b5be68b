// A binding struct or field the user deprecates does not make the generated impl warn, as
// rustc's own derives stay quiet there.
#![deny(warnings)]
#![allow(dead_code)]

use slack_methods::slack_method;

#[deprecated(note = "use UsersInfo2")]
#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
}

#[slack_method("users.info")]
pub struct UsersInfo2 {
    pub user: String,
    #[deprecated(note = "Slack ignores it")]
    pub include_locale: Option<bool>,
}

fn main() {}
