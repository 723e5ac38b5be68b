// Methods newer than Slack's OpenAPI spec, bound with a written scope alone: verb, tier,
// parameters and their types come from the catalog (Slack's SDK and tier table), and the
// fields are checked against them.
use slack_methods::__private::{HttpVerb, RateLimitTier, SlackMethod};
use slack_methods::{encode_params, slack_method, ChannelId};

#[slack_method("files.getUploadURLExternal", scope = "files:write")]
pub struct FilesGetUploadUrlExternal {
    pub filename: String,
    pub length: u64,
    pub alt_txt: Option<String>,
}

#[slack_method("files.completeUploadExternal", scope = "files:write")]
pub struct FilesCompleteUploadExternal {
    // A list of JSON objects: sent as a JSON array.
    #[slack(json)]
    pub files: Vec<serde_json::Value>,
    pub channel_id: Option<ChannelId>,
    pub initial_comment: Option<String>,
}

#[slack_method("canvases.create", scope = "canvases:write")]
pub struct CanvasesCreate {
    pub title: Option<String>,
    #[slack(json)]
    pub document_content: serde_json::Value,
}

#[slack_method("bookmarks.add", scope = "bookmarks:write")]
pub struct BookmarksAdd {
    pub channel_id: ChannelId,
    pub title: String,
    #[slack(rename = "type")]
    pub kind: String,
    pub link: Option<String>,
}

#[slack_method("assistant.threads.setStatus", scope = "assistant:write")]
pub struct AssistantThreadsSetStatus {
    pub channel_id: ChannelId,
    pub thread_ts: String,
    pub status: String,
    // A list of texts, which may hold commas: Slack takes it as a JSON array.
    #[slack(json)]
    pub loading_messages: Vec<String>,
}

// A JSON array may also be given as JSON text, and an object too.
#[slack_method("chat.postMessage", scope = "chat:write")]
pub struct ChatPostMessage {
    pub channel: ChannelId,
    pub blocks: Option<String>,
    pub metadata: Option<String>,
    pub markdown_text: Option<String>,
}

// Where the spec and the SDK type a parameter differently, a field that fits either is
// accepted: `as_user` is a string in the spec and a boolean in the SDK.
#[slack_method("chat.update", scope = "chat:write")]
pub struct ChatUpdate {
    pub channel: ChannelId,
    pub ts: String,
    pub as_user: Option<String>,
}

// No tier in the tier table: the binding may write one.
#[slack_method(
    "admin.conversations.createForObjects",
    scope = "admin.conversations:write",
    tier = 2
)]
pub struct AdminConversationsCreateForObjects {
    pub object_id: String,
    pub salesforce_org_id: String,
}

// Without one, the tier is unknown (the client does not pace it).
#[slack_method("admin.conversations.unlinkObjects", scope = "admin.conversations:write")]
pub struct AdminConversationsUnlinkObjects {
    pub channel: ChannelId,
    pub new_name: String,
}

// The SDK names no parameters (only its token): the fields are not checked.
#[slack_method("openid.connect.token", no_scope)]
pub struct OpenidConnectToken {
    pub client_id: String,
    pub client_secret: String,
    pub code: Option<String>,
}

fn main() {
    assert_eq!(FilesGetUploadUrlExternal::VERB, HttpVerb::Post);
    assert_eq!(FilesGetUploadUrlExternal::SCOPES, ["files:write"]);
    assert_eq!(FilesGetUploadUrlExternal::TIER, RateLimitTier::Tier4);
    assert!(FilesGetUploadUrlExternal::WRITES);
    let upload = FilesGetUploadUrlExternal {
        filename: "notes.txt".into(),
        length: 52,
        alt_txt: None,
    };
    assert_eq!(
        encode_params(&upload).unwrap(),
        "filename=notes.txt&length=52"
    );

    let complete = FilesCompleteUploadExternal {
        files: vec![serde_json::json!({"id": "F0123ABCD", "title": "notes"})],
        channel_id: Some(ChannelId::new("C0123ABCD").unwrap()),
        initial_comment: None,
    };
    assert_eq!(
        encode_params(&complete).unwrap(),
        "files=%5B%7B%22id%22%3A%22F0123ABCD%22%2C%22title%22%3A%22notes%22%7D%5D&channel_id=C0123ABCD"
    );
    assert_eq!(FilesCompleteUploadExternal::TIER, RateLimitTier::Tier4);

    assert_eq!(CanvasesCreate::VERB, HttpVerb::Post);
    assert_eq!(CanvasesCreate::SCOPES, ["canvases:write"]);
    assert_eq!(BookmarksAdd::TIER, RateLimitTier::Tier2);
    let status = AssistantThreadsSetStatus {
        channel_id: ChannelId::new("D0123ABCD").unwrap(),
        thread_ts: "1700000000.000100".into(),
        status: "is typing...".into(),
        loading_messages: vec!["Thinking".into(), "Reading, slowly".into()],
    };
    assert_eq!(
        encode_params(&status).unwrap(),
        "channel_id=D0123ABCD&thread_ts=1700000000.000100&status=is+typing...&loading_messages=%5B%22Thinking%22%2C%22Reading%2C+slowly%22%5D"
    );
    assert_eq!(
        AssistantThreadsSetStatus::TIER,
        RateLimitTier::Special("assistant.threads.setStatus")
    );

    assert_eq!(ChatPostMessage::TIER, RateLimitTier::Special("chat.postMessage"));
    assert!(ChatUpdate::WRITES);
    assert_eq!(AdminConversationsCreateForObjects::TIER, RateLimitTier::Tier2);
    assert_eq!(AdminConversationsUnlinkObjects::TIER, RateLimitTier::Unknown);
    assert_eq!(OpenidConnectToken::VERB, HttpVerb::Post);
    assert_eq!(OpenidConnectToken::TIER, RateLimitTier::Tier4);
}
