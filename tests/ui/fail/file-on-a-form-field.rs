// `#[slack(file)]` sends a field as a file part, for a parameter the catalog does not know or
// types as text: on one it types as a boolean, a number or a list, it is the one error, at
// `file`.
use slack_methods::{slack_method, FormFile};

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: String,
    #[slack(file)]
    pub include_locale: Option<FormFile>,
}

#[slack_method("conversations.history")]
pub struct History {
    pub channel: String,
    #[slack(file)]
    pub limit: Option<bool>,
}

#[slack_method("conversations.invite")]
pub struct Invite {
    pub channel: String,
    #[slack(file)]
    pub users: FormFile,
}

#[slack_method("users.profile.set")]
pub struct Profile {
    #[slack(file)]
    pub profile: Option<FormFile>,
}

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct Post {
    pub channel: String,
    #[slack(file)]
    pub blocks: Option<FormFile>,
}

fn main() {}
