// `#[allow(deprecated)]` on the struct, above or below `#[slack_method]`, acknowledges binding a
// method Slack has deprecated; so does the `deprecated` argument.
#![deny(warnings)]

use slack_methods::{encode_params, slack_method};

#[allow(deprecated)]
#[slack_method("users.setActive")]
pub struct Above;

#[slack_method("users.setActive")]
#[allow(deprecated)]
pub struct Below {}

#[slack_method("users.setActive", deprecated)]
pub struct Acknowledged;

fn main() {
    assert_eq!(encode_params(&Above).unwrap(), "");
    assert_eq!(encode_params(&Below {}).unwrap(), "");
    assert_eq!(encode_params(&Acknowledged).unwrap(), "");
}
