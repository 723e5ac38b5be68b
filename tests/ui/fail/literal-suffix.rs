// A suffix on a literal would be ignored: the method name's, a scope's, the tier's.
use slack_methods::slack_method;

#[slack_method("users.info"x)]
pub struct UsersInfo {
    pub user: String,
}

#[slack_method("users.list", scope = "users:read"s)]
pub struct UsersList {}

#[slack_method("conversations.info", tier = 3u8)]
pub struct ConversationsInfo {
    pub channel: String,
}

fn main() {}
