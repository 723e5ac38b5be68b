// A field type that does not resolve (here a missing `use slack_methods::UserId`) is one error,
// at the type: the generated code does not name the type again, at the attribute or elsewhere.
use slack_methods::slack_method;

#[slack_method("users.info")]
pub struct UsersInfo {
    pub user: UserId,
}

#[slack_method("users.conversations")]
pub struct UsersConversations<'a> {
    pub user: Option<&'a UserId>,
    #[cfg(all())]
    pub types: Option<Vec<ConversationKind>>,
}

fn main() {}
