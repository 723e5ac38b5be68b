use slack_methods::slack_method;

#[slack_method("users.lookupByEmail")]
pub struct UsersLookupByEmail {
    pub email: Option<String>,
}

fn main() {}
