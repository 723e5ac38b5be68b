// A method without parameters binds as a unit struct, the idiomatic type for it.
#![deny(warnings)]

use slack_methods::__private::SlackMethod;
use slack_methods::{build_request, encode_params, slack_method, BaseUrl, Token};

/// `auth.test`, with nothing to send.
#[slack_method("auth.test")]
#[derive(Clone, Copy, Debug)]
pub struct AuthTest;

fn main() {
    assert_eq!(encode_params(&AuthTest).unwrap(), "");
    assert_eq!(AuthTest::NAME, "auth.test");
    assert!(!AuthTest::WRITES);
    let token = Token::new("xoxb-1-2-abc").unwrap();
    let request = build_request(&AuthTest, &BaseUrl::slack(), &token).unwrap();
    assert_eq!(request.uri().to_string(), "https://slack.com/api/auth.test");
    assert!(request.body().is_empty());
}
