// A comma with no argument before it is one mistake, at the comma; the arguments around it are
// still read.
use slack_methods::slack_method;

#[slack_method("users.info", , tier = 4)]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
