// `validate` names a function; a closure or other syntax is refused with the form it takes.
use slack_methods::slack_method;

#[slack_method("users.info", validate = |_| Ok(()))]
pub struct UsersInfo {
    pub user: String,
}

#[slack_method("users.list", validate = 3 + 4)]
pub struct UsersList {}

fn main() {}
