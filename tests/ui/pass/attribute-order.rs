// `#[slack_method]` sits anywhere among the struct's other attributes: before or after derives,
// doc comments and `cfg_attr`s.
#![deny(warnings)]

use slack_methods::{encode_params, slack_method};

/// Derives first.
#[derive(Clone, Debug, Default)]
#[slack_method("users.info")]
pub struct DerivesFirst {
    #[cfg_attr(all(), slack(rename = "user"))]
    pub who: String,
}

/// The attribute first.
#[slack_method("users.info")]
#[derive(Clone, Debug, Default)]
#[cfg_attr(all(), derive(PartialEq))]
pub struct AttributeFirst {
    pub user: String,
    pub include_locale: Option<bool>,
}

fn main() {
    let first = DerivesFirst { who: "U1".into() };
    assert_eq!(encode_params(&first.clone()).unwrap(), "user=U1");
    let second = AttributeFirst {
        user: "U2".into(),
        include_locale: Some(true),
    };
    assert_eq!(second.clone(), second);
    assert_eq!(
        encode_params(&second).unwrap(),
        "user=U2&include_locale=true"
    );
}
