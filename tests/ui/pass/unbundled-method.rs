// A method the crate does not bundle is bound by its name alone: the macro takes its scopes,
// tier, verb and paging from its catalog. A method newer than the catalog is bound by writing
// its metadata in full. Both build the same requests as the bundled bindings.
use slack_methods::__private::{HttpVerb, RateLimitTier, SlackMethod};
use slack_methods::{build_request, encode_params, slack_method, BaseUrl, ChannelId, Token};

#[derive(serde::Deserialize)]
pub struct ConversationsInfoResponse {
    pub channel: serde_json::Value,
}

/// `conversations.info`: facts about one conversation.
#[slack_method("conversations.info", response = ConversationsInfoResponse)]
pub struct ConversationsInfo {
    pub channel: ChannelId,
    pub include_locale: Option<bool>,
    pub include_num_members: Option<bool>,
}

/// A method the catalog does not know: scope, tier and verb are written out.
#[slack_method("assistant.search.context", scope = "search:read", tier = 2, verb = "POST")]
pub struct AssistantSearchContext {
    pub query: String,
}

/// A method the catalog knows by name and tier only: scope and verb are written out.
#[slack_method("admin.users.getExpiration", scope = "admin.users:read", verb = "POST")]
pub struct AdminUsersGetExpiration {}

fn main() {
    assert_eq!(
        ConversationsInfo::SCOPES,
        ["channels:read", "groups:read", "im:read", "mpim:read"]
    );
    assert_eq!(ConversationsInfo::TIER, RateLimitTier::Tier3);
    assert_eq!(ConversationsInfo::VERB, HttpVerb::Get);
    assert!(!ConversationsInfo::WRITES);
    assert!(!ConversationsInfo::PAGINATED);
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

    assert_eq!(AssistantSearchContext::SCOPES, ["search:read"]);
    assert_eq!(AssistantSearchContext::TIER, RateLimitTier::Tier2);
    assert_eq!(AssistantSearchContext::VERB, HttpVerb::Post);
    assert!(AssistantSearchContext::WRITES);
    let search = AssistantSearchContext { query: "roadmap".into() };
    assert_eq!(encode_params(&search).unwrap(), "query=roadmap");

    assert_eq!(AdminUsersGetExpiration::SCOPES, ["admin.users:read"]);
    assert_eq!(AdminUsersGetExpiration::TIER, RateLimitTier::Tier4);
    assert!(AdminUsersGetExpiration::WRITES);
}
