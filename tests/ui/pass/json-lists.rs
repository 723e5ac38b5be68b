// A list is sent one of two ways, by parameter: comma-separated text (`conversations.open`'s
// `users`) or JSON text holding a JSON array (`calls.add`'s `users`, `chat.postMessage`'s
// `blocks`). A JSON array's field is marked `#[slack(json)]`, with any `Serialize` type, or
// holds the JSON text itself.
use slack_methods::{encode_params, slack_method};

#[derive(serde::Serialize)]
pub struct CallUser {
    pub slack_id: &'static str,
}

#[slack_method("calls.add")]
pub struct CallsAdd {
    pub external_unique_id: String,
    pub join_url: String,
    #[slack(json)]
    pub users: Option<Vec<CallUser>>,
}

#[slack_method("conversations.open")]
pub struct ConversationsOpen {
    pub users: Vec<String>,
}

#[slack_method("chat.postMessage")]
pub struct ChatPostMessage {
    pub channel: String,
    pub blocks: Option<String>,
    #[slack(json)]
    pub attachments: Option<serde_json::Value>,
}

fn main() {
    let add = CallsAdd {
        external_unique_id: "c1".into(),
        join_url: "https://example.com/c1".into(),
        users: Some(vec![CallUser { slack_id: "U1" }, CallUser { slack_id: "U2" }]),
    };
    assert_eq!(
        encode_params(&add).unwrap(),
        "external_unique_id=c1&join_url=https%3A%2F%2Fexample.com%2Fc1\
         &users=%5B%7B%22slack_id%22%3A%22U1%22%7D%2C%7B%22slack_id%22%3A%22U2%22%7D%5D"
    );
    let open = ConversationsOpen {
        users: vec!["U1".into(), "U2".into()],
    };
    assert_eq!(encode_params(&open).unwrap(), "users=U1%2CU2");
    let post = ChatPostMessage {
        channel: "C1".into(),
        blocks: Some(r#"[{"type":"divider"}]"#.into()),
        attachments: Some(serde_json::json!([])),
    };
    assert_eq!(
        encode_params(&post).unwrap(),
        "channel=C1&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&attachments=%5B%5D"
    );
}
