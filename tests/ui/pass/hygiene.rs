// The generated code's own names cannot be captured by the user's items: unit structs named
// like the locals an encoder would use are in scope here.
#![deny(warnings)]
#![allow(non_camel_case_types, dead_code)]

use slack_methods::{encode_params, slack_method};

struct form;
struct value;

#[derive(serde::Serialize)]
pub struct Update {
    pub status_text: &'static str,
}

#[slack_method("users.profile.set")]
pub struct Set {
    pub name: Option<&'static str>,
    pub value: Option<&'static str>,
    #[slack(json)]
    pub profile: Option<Update>,
}

fn main() {
    let set = Set {
        name: None,
        value: None,
        profile: Some(Update { status_text: "away" }),
    };
    assert_eq!(
        encode_params(&set).unwrap(),
        "profile=%7B%22status_text%22%3A%22away%22%7D"
    );
}
