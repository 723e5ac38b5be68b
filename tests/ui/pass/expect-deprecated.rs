// `#[expect(deprecated)]` on the binding of a method Slack has deprecated is met by the binding
// (no warning, no unfulfilled expectation), with other expected lints kept; and a field whose
// type the user deprecated, where the user allows it, does not make the generated impls warn,
// in a generic binding as in a plain one.
#![deny(warnings)]
#![allow(dead_code)]

use slack_methods::slack_method;

#[slack_method("users.setActive")]
#[expect(deprecated)]
pub struct Expected {}

#[expect(deprecated, reason = "kept until the migration")]
#[slack_method("users.setActive")]
pub struct ExpectedAbove;

#[slack_method("users.setActive")]
#[expect(deprecated, non_camel_case_types)]
pub struct expected_too;

#[deprecated(note = "use UserId")]
#[derive(serde::Serialize)]
pub struct OldUser(String);

#[allow(deprecated)]
impl slack_methods::FormValue for OldUser {
    fn form_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(std::borrow::Cow::Borrowed(&self.0))
    }
}

#[slack_method("users.info")]
pub struct UsersInfo<'a> {
    #[allow(deprecated)]
    pub user: &'a OldUser,
}

#[slack_method("users.info")]
pub struct UsersInfoPlain {
    #[allow(deprecated)]
    pub user: OldUser,
}

fn main() {}
