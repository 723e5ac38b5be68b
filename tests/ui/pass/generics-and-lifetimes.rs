// Bindings may borrow their parameters and be generic over them.
use slack_methods::__private::SlackMethod;
use slack_methods::{encode_params, slack_method, FormValue};

#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct ChatPostMessage<'a> {
    pub channel: &'a str,
    pub text: &'a str,
    pub thread_ts: Option<&'a str>,
}

#[slack_method("users.info", scope = "users:read", verb = "GET")]
pub struct UsersInfo<U>
where
    U: FormValue,
{
    pub user: U,
    pub include_locale: bool,
}

#[slack_method("users.conversations", scope = "channels:read", paginated)]
pub struct UsersConversations<'a, const N: usize> {
    pub user: &'a str,
    pub types: [&'a str; N],
}

fn main() {
    let text = String::from("hello & welcome");
    let post = ChatPostMessage { channel: "C1", text: &text, thread_ts: None };
    assert_eq!(encode_params(&post).unwrap(), "channel=C1&text=hello+%26+welcome");
    assert!(ChatPostMessage::WRITES);

    let info = UsersInfo { user: String::from("U1"), include_locale: true };
    assert_eq!(encode_params(&info).unwrap(), "user=U1&include_locale=true");
    assert!(!UsersInfo::<String>::WRITES);

    let conversations = UsersConversations { user: "U1", types: ["im", "mpim"] };
    assert_eq!(encode_params(&conversations).unwrap(), "user=U1&types=im%2Cmpim");
    assert!(UsersConversations::<'_, 2>::PAGINATED);
}
