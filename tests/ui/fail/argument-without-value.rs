// An argument written with `=` and nothing after it: one error each, at the argument's key,
// and the arguments after it are still read.
use slack_methods::slack_method;

#[slack_method("users.info", response = )]
pub struct NoResponse {
    pub user: String,
}

#[slack_method("users.info", scope = , tier = 4)]
pub struct NoScope {
    pub user: String,
}

#[slack_method("users.info", tier = , scope = "users:read")]
pub struct NoTier {
    pub user: String,
}

#[slack_method("users.info", validate = )]
pub struct NoValidate {
    pub user: String,
}

#[slack_method("benchgen.method", scope = "users:read", tier = 2, verb = "GET", writes = )]
pub struct NoWrites {
    pub user: String,
}

fn main() {}
