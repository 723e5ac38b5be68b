// The generated code needs no lint exception of its own: a crate that forbids `deprecated` (or
// denies every warning) binds methods Slack has not deprecated without a word.
#![forbid(deprecated)]
#![deny(warnings)]

use slack_methods::{encode_params, slack_method};

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {
    let info = UsersInfo { user: "U0123ABCD".into() };
    assert_eq!(encode_params(&info).unwrap(), "user=U0123ABCD");
}
