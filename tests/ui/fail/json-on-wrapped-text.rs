// Text in a `Cow`, a `Box`, an `Rc` or an `Arc` is text: `json` would quote it, and it is no
// boolean.
use slack_methods::slack_method;
use std::borrow::Cow;

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct Post<'a> {
    pub channel: String,
    #[slack(json)]
    pub text: Cow<'a, str>,
    #[slack(json)]
    pub blocks: Option<Box<str>>,
}

#[slack_method("users.info")]
pub struct UsersInfo<'a> {
    pub user: String,
    pub include_locale: Option<Cow<'a, str>>,
}

fn main() {}
