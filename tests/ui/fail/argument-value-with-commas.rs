// A value whose commas are inside it (between `<` and `>`, between a closure's `|`s) is one
// mistake, reported once: its rest is not read as further arguments.
use slack_methods::slack_method;

pub struct Info;

// One `>` too many: reported at it.
#[slack_method("users.info", response = std::collections::HashMap<String, Info>>)]
pub struct UsersInfo {
    pub user: String,
}

// A misspelt key with a generic value.
#[slack_method("users.info", respons = std::collections::HashMap<String, Info>, verb = "GET")]
pub struct UsersInfoMisspelt {
    pub user: String,
}

// A closure of two parameters.
#[slack_method("users.info", validate = |this, other| this == other)]
pub struct UsersInfoClosure {
    pub user: String,
}

// A comma left out after a type: reported at the next argument.
#[slack_method("users.info", response = Info scope = "users:read")]
pub struct UsersInfoNoComma {
    pub user: String,
}

fn main() {}
