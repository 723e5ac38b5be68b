//! A method the crate does not bundle, bound in user code, round-tripped through the emulator's
//! request log (it records exactly what arrived) and a canned answer.

use serde::Deserialize;
use slack_methods::{slack_method, ChannelId, Client, SlackMethod, Token};
use slack_methods_emulator::{Emulator, UserSpec};

mod common;

/// `chat.scheduleMessage`, bound here with every kind of field.
#[slack_method("chat.scheduleMessage", response = Scheduled)]
struct ChatScheduleMessage {
    channel: ChannelId,
    post_at: i64,
    text: String,
    #[slack(json)]
    blocks: Option<Vec<serde_json::Value>>,
    unfurl_links: Option<bool>,
    #[slack(rename = "thread_ts")]
    thread: Option<String>,
    #[slack(skip)]
    local_note: &'static str,
}

#[derive(Debug, Deserialize)]
struct Scheduled {
    channel: ChannelId,
    scheduled_message_id: String,
    post_at: i64,
}

#[tokio::test]
async fn round_trip_through_the_emulator() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0JANE0001", "jane"));
    emu.add_token("xoxb-scheduler", "U0JANE0001", &["chat:write"]);
    emu.stub_method_with_scopes(
        "chat.scheduleMessage",
        &["chat:write"],
        serde_json::json!({"ok": true, "channel": "C0123ABCD", "scheduled_message_id": "Q1298393284", "post_at": 1900000000}),
    );
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxb-scheduler").unwrap())
        .build()
        .unwrap();
    let call = ChatScheduleMessage {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        post_at: 1_900_000_000,
        text: "Tea & cake at 4 — 100% real".into(),
        blocks: Some(vec![serde_json::json!({"type": "divider"})]),
        unfurl_links: Some(false),
        thread: None,
        local_note: "never sent",
    };
    let answer = client.call(&call).await.unwrap();
    assert_eq!(answer.scheduled_message_id, "Q1298393284");
    assert_eq!(answer.channel.as_str(), "C0123ABCD");
    assert_eq!(answer.post_at, 1_900_000_000);

    let seen = emu.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].target, "/api/chat.scheduleMessage");
    assert_eq!(
        String::from_utf8(seen[0].body.clone()).unwrap(),
        "channel=C0123ABCD&post_at=1900000000&text=Tea+%26+cake+at+4+%E2%80%94+100%25+real\
         &blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D&unfurl_links=false"
    );
    assert_eq!(seen[0].param("text"), Some("Tea & cake at 4 — 100% real"));
    assert_eq!(seen[0].param("thread_ts"), None);
    assert_eq!(call.local_note, "never sent");

    // The method name alone brought Slack's metadata from the catalog.
    assert_eq!(
        (
            ChatScheduleMessage::NAME,
            ChatScheduleMessage::SCOPES,
            ChatScheduleMessage::TIER,
            ChatScheduleMessage::WRITES,
        ),
        (
            "chat.scheduleMessage",
            &["chat:write:user", "chat:write:bot"][..],
            slack_methods::RateLimitTier::Tier3,
            true
        )
    );
}

/// Without a response type the binding keeps every field Slack sent.
#[slack_method("team.info")]
struct TeamInfo {
    team: Option<String>,
}

#[tokio::test]
async fn untyped_response_keeps_every_field() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0JANE0001", "jane"));
    emu.add_token("xoxp-t", "U0JANE0001", &["team:read"]);
    emu.stub_method(
        "team.info",
        serde_json::json!({"ok": true, "team": {"id": "T1", "name": "Rails"}}),
    );
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxp-t").unwrap())
        .build()
        .unwrap();
    let answer = client
        .call(&TeamInfo {
            team: Some("T1".into()),
        })
        .await
        .unwrap();
    assert_eq!(answer.data["team"]["name"], "Rails");
    let seen = emu.requests();
    assert_eq!(seen[0].verb, "GET");
    assert_eq!(seen[0].target, "/api/team.info?team=T1");
    assert_eq!(
        (TeamInfo::VERB, TeamInfo::SCOPES, TeamInfo::WRITES),
        (slack_methods::HttpVerb::Get, &["team:read"][..], false)
    );
}

/// `files.getUploadURLExternal`, newer than Slack's spec: bound with its scope alone, the
/// catalog (from Slack's SDK and tier table) gives its verb, tier and parameters.
#[slack_method(
    "files.getUploadURLExternal",
    scope = "files:write",
    response = UploadUrl
)]
struct FilesGetUploadUrlExternal {
    filename: String,
    length: u64,
    alt_txt: Option<String>,
}

#[derive(Debug, Deserialize)]
struct UploadUrl {
    upload_url: String,
    file_id: String,
}

#[tokio::test]
async fn a_method_newer_than_the_spec_round_trips() {
    let emu = Emulator::start().await.unwrap();
    emu.add_user(UserSpec::new("U0JANE0001", "jane"));
    emu.add_token("xoxb-uploader", "U0JANE0001", &["files:write"]);
    emu.stub_method_with_scopes(
        "files.getUploadURLExternal",
        &["files:write"],
        serde_json::json!({"ok": true, "upload_url": "https://files.slack.com/upload/v1/abc", "file_id": "F0123ABCD"}),
    );
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxb-uploader").unwrap())
        .build()
        .unwrap();
    let call = FilesGetUploadUrlExternal {
        filename: "notes.txt".into(),
        length: 52,
        alt_txt: Some("meeting notes".into()),
    };
    let answer = client.call(&call).await.unwrap();
    assert_eq!(answer.file_id, "F0123ABCD");
    assert_eq!(answer.upload_url, "https://files.slack.com/upload/v1/abc");

    let seen = emu.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].verb, "POST");
    assert_eq!(seen[0].target, "/api/files.getUploadURLExternal");
    assert_eq!(
        String::from_utf8(seen[0].body.clone()).unwrap(),
        "filename=notes.txt&length=52&alt_txt=meeting+notes"
    );
    assert_eq!(
        (
            FilesGetUploadUrlExternal::SCOPES,
            FilesGetUploadUrlExternal::TIER,
            FilesGetUploadUrlExternal::WRITES,
        ),
        (
            &["files:write"][..],
            slack_methods::RateLimitTier::Tier4,
            true
        )
    );
}

/// `oauth.v2.access` bound with the `GET` of Slack's 2020 spec (the catalog corrects it to
/// `POST`), so that a `GET` call whose arguments are credentials is what is sent.
#[slack_method("oauth.v2.access", verb = "GET", unchecked_verb)]
struct OauthV2Access {
    client_id: String,
    client_secret: String,
    code: Option<String>,
    grant_type: Option<String>,
    refresh_token: Option<String>,
}

#[tokio::test]
async fn credentials_sent_as_arguments_stay_out_of_the_url() {
    let emu = Emulator::start().await.unwrap();
    emu.add_user(UserSpec::new("U0JANE0001", "jane"));
    emu.add_token("xoxb-installer", "U0JANE0001", &[]);
    emu.stub_method(
        "oauth.v2.access",
        serde_json::json!({"ok": true, "access_token": "xoxe.xoxb-1-new", "expires_in": 43200}),
    );
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxb-installer").unwrap())
        .build()
        .unwrap();
    let refresh = OauthV2Access {
        client_id: "4123121235.9872358710".into(),
        client_secret: "e1b9e11dfcd19c19".into(),
        code: None,
        grant_type: Some("refresh_token".into()),
        refresh_token: Some("xoxe-1-REFRESH".into()),
    };
    let exchange = OauthV2Access {
        client_id: "4123121235.9872358710".into(),
        client_secret: "e1b9e11dfcd19c19".into(),
        code: Some("4724469134.4644010092847.232b46".into()),
        grant_type: None,
        refresh_token: None,
    };
    client.call(&refresh).await.unwrap();
    client.call(&exchange).await.unwrap();

    let seen = emu.requests();
    assert_eq!(seen.len(), 2);
    for request in &seen {
        // Sent as a form, as Slack's SDKs send every call: nothing in the URL.
        assert_eq!(request.verb, "POST");
        assert_eq!(request.target, "/api/oauth.v2.access");
        assert_eq!(
            request.header("content-type"),
            Some("application/x-www-form-urlencoded")
        );
        assert_eq!(request.param("client_secret"), Some("e1b9e11dfcd19c19"));
    }
    assert_eq!(seen[0].param("refresh_token"), Some("xoxe-1-REFRESH"));
    assert_eq!(
        seen[1].param("code"),
        Some("4724469134.4644010092847.232b46")
    );
    assert_eq!(OauthV2Access::VERB, slack_methods::HttpVerb::Get);
}

/// A `GET` call whose arguments are longer than a URL safely holds goes as a `POST` form: in the
/// query string, 8 KiB and more are refused by servers (and 64 KiB cannot be built at all).
#[tokio::test]
async fn arguments_too_long_for_a_url_go_in_a_form() {
    use slack_methods::methods::ConversationsHistory;
    let (emu, client) = common::demo_workspace(slack_methods_emulator::demo::BOT_TOKEN).await;
    let channel = slack_methods::ChannelId::new("C0DEMOGEN1").unwrap();
    for (cursor_len, verb) in [(100, "GET"), (8 * 1024, "POST"), (100 * 1024, "POST")] {
        emu.clear_requests();
        let mut history = ConversationsHistory::new(channel.clone());
        history.cursor = Some("c".repeat(cursor_len));
        let err = client.call(&history).await.unwrap_err();
        // The emulator never gave that cursor: Slack's answer, not a request that could not go.
        assert_eq!(
            err.code(),
            Some(&slack_methods::ErrorCode::InvalidCursor),
            "{cursor_len}: {err}"
        );
        let seen = emu.requests();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].verb, verb, "a cursor of {cursor_len} bytes");
        assert_eq!(seen[0].param("cursor").map(str::len), Some(cursor_len));
        if verb == "POST" {
            assert_eq!(seen[0].target, "/api/conversations.history");
        }
    }
}

/// `chat.getPermalink` with its text held as an application may share it: behind an `Arc` and
/// an `Rc`.
#[slack_method("chat.getPermalink")]
struct SharedText {
    channel: std::sync::Arc<str>,
    message_ts: std::rc::Rc<String>,
}

/// `users.lookupByEmail` with its text in a `Box`.
#[slack_method("users.lookupByEmail")]
struct BoxedText {
    email: Box<str>,
}

#[test]
fn text_behind_a_shared_pointer_is_sent_as_text() {
    let link = SharedText {
        channel: "C0123ABCD".into(),
        message_ts: std::rc::Rc::new("1712345678.000100".to_owned()),
    };
    assert_eq!(
        slack_methods::encode_params(&link).unwrap(),
        "channel=C0123ABCD&message_ts=1712345678.000100"
    );
    let lookup = BoxedText {
        email: "ada@example.com".into(),
    };
    assert_eq!(
        slack_methods::encode_params(&lookup).unwrap(),
        "email=ada%40example.com"
    );
    // The tool schema describes them as the text they hold.
    let schema = <SharedText as slack_methods::SlackTool>::input_schema();
    assert_eq!(schema["properties"]["channel"]["type"], "string");
    assert_eq!(schema["properties"]["message_ts"]["type"], "string");
}

/// Blocks an application keeps optional behind its own alias, which the macro reads as written.
type MaybeBlocks = Option<Vec<serde_json::Value>>;

/// `chat.postMessage` with its JSON field's `Option` behind an alias.
#[slack_method("chat.postMessage")]
struct AliasedOption {
    channel: ChannelId,
    text: Option<String>,
    #[slack(json)]
    blocks: MaybeBlocks,
}

#[test]
fn an_absent_json_field_behind_an_alias_is_left_out() {
    let mut post = AliasedOption {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        text: Some("hi".into()),
        blocks: None,
    };
    // Not `blocks=null`: Slack reads that as text and refuses it.
    assert_eq!(
        slack_methods::encode_params(&post).unwrap(),
        "channel=C0123ABCD&text=hi"
    );
    post.blocks = Some(vec![serde_json::json!({"type": "divider"})]);
    assert_eq!(
        slack_methods::encode_params(&post).unwrap(),
        "channel=C0123ABCD&text=hi&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D"
    );
}

/// `conversations.invite` with its users in a sorted set, as an application that collects them
/// from several places may keep them.
#[slack_method("conversations.invite", scope = "channels:write")]
struct InviteSet {
    channel: ChannelId,
    users: std::collections::BTreeSet<slack_methods::UserId>,
}

#[test]
fn a_set_of_ids_is_sent_as_a_sorted_comma_list() {
    let user = |id: &str| slack_methods::UserId::new(id).unwrap();
    let invite = InviteSet {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        users: [user("U0B"), user("U0A"), user("U0B")].into(),
    };
    assert_eq!(
        slack_methods::encode_params(&invite).unwrap(),
        "channel=C0123ABCD&users=U0A%2CU0B"
    );
    // The tool schema reads it as a list of user ids, of at least one (the parameter is
    // required, and an empty set is not sent).
    let schema = <InviteSet as slack_methods::SlackTool>::input_schema();
    assert_eq!(schema["properties"]["users"]["type"], "array");
    assert_eq!(schema["properties"]["users"]["minItems"], 1);
    assert_eq!(
        schema["properties"]["users"]["items"]["pattern"],
        "^[UW][A-Z0-9]+$"
    );
}
