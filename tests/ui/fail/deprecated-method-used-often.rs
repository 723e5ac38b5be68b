#![deny(deprecated)]

use slack_methods::{encode_params, slack_method};

// Binding a deprecated method is one lint at the method name, however often the binding is used.
#[slack_method("users.setActive")]
pub struct UsersSetActive;

fn main() {
    let _ = encode_params(&UsersSetActive);
    let _ = encode_params(&UsersSetActive);
}
