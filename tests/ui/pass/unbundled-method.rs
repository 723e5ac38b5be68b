// A method the crate does not bundle is bound by writing its metadata in the attribute, and
// builds the same requests as the bundled ones.
use slack_methods::__private::{HttpVerb, RateLimitTier, SlackMethod};
use slack_methods::{build_request, slack_method, BaseUrl, ChannelId, Token};

#[derive(serde::Deserialize)]
pub struct ConversationsInfoResponse {
    pub channel: serde_json::Value,
}

/// `conversations.info`: facts about one conversation.
#[slack_method(
    "conversations.info",
    scope = "channels:read",
    scope = "groups:read",
    scope = "im:read",
    scope = "mpim:read",
    tier = 3,
    verb = "GET",
    response = ConversationsInfoResponse
)]
pub struct ConversationsInfo {
    pub channel: ChannelId,
    pub include_locale: Option<bool>,
    pub include_num_members: Option<bool>,
}

fn main() {
    assert_eq!(ConversationsInfo::SCOPES.len(), 4);
    assert_eq!(ConversationsInfo::TIER, RateLimitTier::Tier3);
    assert_eq!(ConversationsInfo::VERB, HttpVerb::Get);
    assert!(!ConversationsInfo::WRITES);
    let request = ConversationsInfo {
        channel: ChannelId::new("C0123ABCD").unwrap(),
        include_locale: Some(true),
        include_num_members: None,
    };
    let token = Token::new("xoxb-1-2-abc").unwrap();
    let http = build_request(&request, &BaseUrl::slack(), &token).unwrap();
    assert_eq!(http.method(), "GET");
    assert_eq!(
        http.uri().to_string(),
        "https://slack.com/api/conversations.info?channel=C0123ABCD&include_locale=true"
    );
}
