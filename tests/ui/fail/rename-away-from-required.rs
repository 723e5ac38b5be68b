// A field named after a required parameter, renamed to another parameter: the `rename` is the
// one mistake, reported at it, not a missing `user` asking for the field the struct has.
use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    #[slack(rename = "include_locale")]
    pub user: String,
}

fn main() {}
