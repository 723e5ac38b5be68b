// The generated code's own names cannot be captured by the user's items: unit structs named
// like the locals an encoder would use, or like the primitive types it names, are in scope.
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

// A module whose own `bool` and `str` shadow the primitive types: the generated constants still
// have the primitive types the traits declare.
mod shadowed {
    pub struct bool;
    pub struct str;

    #[slack_methods::slack_method("users.info")]
    pub struct UsersInfo {
        pub user: String,
        pub include_locale: core::primitive::bool,
    }

    pub fn used() -> (bool, str) {
        (bool, str)
    }
}

fn main() {
    let _ = shadowed::used();
    assert_eq!(
        encode_params(&shadowed::UsersInfo {
            user: "U1".to_owned(),
            include_locale: true,
        })
        .unwrap(),
        "user=U1&include_locale=true"
    );
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
