use slack_methods::__private::{HttpVerb, RateLimitTier, SlackMethod};
use slack_methods::SlackTool;
use slack_methods::{slack_method, InvalidRequest};

fn check(request: &ConversationsHistory) -> Result<(), InvalidRequest> {
    if request.limit == Some(0) {
        return Err(InvalidRequest::new("`limit` must be at least 1"));
    }
    Ok(())
}

#[derive(serde::Deserialize)]
pub struct History {
    pub messages: Vec<serde_json::Value>,
}

#[slack_method(
    "conversations.history",
    scope = "channels:history",
    scope = "groups:history",
    tier = 3,
    response = History,
    verb = "GET",
    writes = false,
    paginated,
    validate = check,
)]
pub struct ConversationsHistory {
    pub channel: String,
    pub limit: Option<u32>,
}

#[slack_method("chat.postMessage", scope = "chat:write", tier = "special", deprecated)]
pub struct ChatPostMessage {
    pub channel: String,
    pub text: String,
}

#[slack_method("auth.test", no_scope, tier = 4, unchecked_tier, verb = "post", writes = false)]
pub struct AuthTest {}

// Deliberate differences from the catalog, each vouched for.
#[slack_method(
    "users.profile.set",
    scope = "users:write",
    unchecked_scope,
    verb = "GET",
    unchecked_verb,
    writes = true,
    destructive = false
)]
pub struct UsersProfileSet {
    pub name: Option<String>,
    pub value: Option<String>,
}

// A write the method name's words do not mark destructive.
#[slack_method("reminders.complete", destructive = true)]
pub struct RemindersComplete {
    pub reminder: String,
}

fn main() {
    assert_eq!(ConversationsHistory::NAME, "conversations.history");
    assert_eq!(ConversationsHistory::VERB, HttpVerb::Get);
    assert_eq!(ConversationsHistory::SCOPES, ["channels:history", "groups:history"]);
    assert_eq!(ConversationsHistory::TIER, RateLimitTier::Tier3);
    assert!(!ConversationsHistory::WRITES);
    assert!(ConversationsHistory::PAGINATED);
    assert!(!ConversationsHistory::DEPRECATED);
    let request = ConversationsHistory { channel: "C1".into(), limit: Some(0) };
    assert!(request.validate().is_err());
    let request = ConversationsHistory { channel: "C1".into(), limit: Some(5) };
    assert_eq!(slack_methods::encode_params(&request).unwrap(), "channel=C1&limit=5");

    assert_eq!(ChatPostMessage::VERB, HttpVerb::Post);
    assert!(ChatPostMessage::WRITES);
    assert!(ChatPostMessage::DEPRECATED);
    assert!(!ChatPostMessage::PAGINATED);
    assert_eq!(ChatPostMessage::TIER, RateLimitTier::Special("chat.postMessage"));

    assert_eq!(AuthTest::VERB, HttpVerb::Post);
    assert_eq!(AuthTest::TIER, RateLimitTier::Tier4);
    assert!(!AuthTest::WRITES);
    assert!(AuthTest::SCOPES.is_empty());
    assert_eq!(slack_methods::encode_params(&AuthTest {}).unwrap(), "");

    assert_eq!(UsersProfileSet::SCOPES, ["users:write"]);
    assert_eq!(UsersProfileSet::VERB, HttpVerb::Get);
    assert_eq!(UsersProfileSet::TIER, RateLimitTier::Tier3);
    assert!(UsersProfileSet::WRITES);
    assert!(!UsersProfileSet::DESTRUCTIVE);
    assert!(RemindersComplete::DESTRUCTIVE);
    assert!(!ChatPostMessage::DESTRUCTIVE);
    let set = UsersProfileSet { name: Some("a".into()), value: None };
    assert_eq!(slack_methods::encode_params(&set).unwrap(), "name=a");
}
