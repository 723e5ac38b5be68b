// A required parameter typed `Option` is caught through a `macro_rules!` type fragment too.
use slack_methods::slack_method;

macro_rules! binding {
    ($email:ty) => {
        #[slack_method("users.lookupByEmail")]
        pub struct UsersLookupByEmail {
            pub email: $email,
        }
    };
}

binding!(Option<String>);

fn main() {}
