// A user who renames the dependency points the macro at it with `crate = ".."`.
extern crate slack_methods as slack;

mod facade {
    // Any path whose `__private` is the runtime's works, e.g. a re-export in the user's crate.
    pub use slack::__private;
}

use slack::__private::SlackMethod;

#[slack::slack_method("users.info", scope = "users:read", verb = "GET", crate = "::slack")]
pub struct UsersInfo {
    pub user: String,
}

#[slack::slack_method("users.list", scope = "users:read", verb = "GET", crate = "crate::facade")]
pub struct UsersList {
    pub limit: Option<u32>,
}

fn main() {
    assert_eq!(UsersInfo::NAME, "users.info");
    assert_eq!(UsersList::NAME, "users.list");
    let list = UsersList { limit: Some(10) };
    assert_eq!(slack::encode_params(&list).unwrap(), "limit=10");
}
