// Imported under another name, a second attribute is still told apart: it is reported at
// itself and adds no second impl.
use slack_methods::slack_method as bind;

#[bind("users.info", scope = "users:read")]
#[bind("users.lookupByEmail", scope = "users:read.email")]
pub struct UsersInfo {
    pub user: String,
}

fn main() {}
