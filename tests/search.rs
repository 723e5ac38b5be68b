//! `search.messages` against the emulator, over real HTTP: the messages a user can see that
//! match the query's words and modifiers, in the order asked for, across cursor pages and
//! numbered pages; what Slack would refuse is refused before sending; Slack's errors come back
//! typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{
    ChatPostMessage, SearchMatch, SearchMessages, SearchSort, SortDirection,
};
use slack_methods::{ChannelId, Client, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

/// A user token of Grace's, who may post and search.
const GRACE_TOKEN: &str = "xoxp-grace-search";
/// A user token of Linus's, who is not in the private channel `leads`.
const LINUS_TOKEN: &str = "xoxp-linus-search";
/// A bot token that was given `search:read` (Slack grants it to user tokens only).
const BOT_WITH_SCOPE: &str = "xoxb-bot-search";
/// A user token without `search:read`.
const NO_SCOPE: &str = "xoxp-grace-no-search";

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// The demo workspace with these messages, oldest first:
/// general: Ada "Deploy finished, deploy notes at https://example.invalid/notes";
/// leads (private, Ada and the bot): Ada "deploy rollback plan";
/// random: Grace "Lunch after the deploy?"; general: Grace "Coffee anyone".
async fn workspace() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["chat:write", "search:read"]);
    emu.add_token(LINUS_TOKEN, demo::LINUS, &["search:read"]);
    emu.add_token(BOT_WITH_SCOPE, demo::BOT, &["search:read"]);
    emu.add_token(NO_SCOPE, demo::GRACE, &["chat:write"]);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    for (who, at, text) in [
        (
            &ada,
            demo::GENERAL,
            "Deploy finished, deploy notes at https://example.invalid/notes",
        ),
        (&ada, demo::LEADS, "deploy rollback plan"),
        (&grace, demo::RANDOM, "Lunch after the deploy?"),
        (&grace, demo::GENERAL, "Coffee anyone"),
    ] {
        who.call(&ChatPostMessage::new(channel(at), text))
            .await
            .unwrap();
    }
    emu
}

async fn search(client: &Client, search: SearchMessages) -> Vec<SearchMatch> {
    let answer = client.call(&search).await.unwrap();
    answer.messages.matches.iter().cloned().collect()
}

fn texts(matches: &[SearchMatch]) -> Vec<&str> {
    matches.iter().map(|found| found.text.as_str()).collect()
}

#[tokio::test]
async fn words_match_in_any_case_among_the_conversations_the_user_can_see() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let answer = ada.call(&SearchMessages::new("DEPLOY")).await.unwrap();
    assert_eq!(answer.query, "DEPLOY");
    assert_eq!(answer.messages.total, 3);
    let found: Vec<SearchMatch> = answer.messages.matches.iter().cloned().collect();
    // By score: the message with the word twice first, then the newest.
    assert_eq!(
        texts(&found),
        [
            "Deploy finished, deploy notes at https://example.invalid/notes",
            "Lunch after the deploy?",
            "deploy rollback plan",
        ]
    );
    let first = &found[0];
    assert_eq!(first.channel.id.as_str(), demo::GENERAL);
    assert_eq!(first.channel.name, "general");
    assert_eq!(first.user.as_ref().unwrap().as_str(), demo::ADA);
    assert_eq!(first.username, "ada");
    assert!(
        first.permalink.contains(&format!(
            "/archives/{}/p{}",
            demo::GENERAL,
            first.ts.as_str().replace('.', "")
        )),
        "{}",
        first.permalink
    );
    assert!(found[2].channel.is_private);
    assert_eq!(found[1].user.as_ref().unwrap().as_str(), demo::GRACE);

    // Linus is not in the private channel: its message is not his to find.
    let linus = client(&emu, LINUS_TOKEN);
    let his = search(&linus, SearchMessages::new("deploy")).await;
    assert_eq!(his.len(), 2);
    assert!(his.iter().all(|m| m.channel.id.as_str() != demo::LEADS));

    // Every word must match, as a whole word.
    let both = search(&ada, SearchMessages::new("deploy plan")).await;
    assert_eq!(texts(&both), ["deploy rollback plan"]);
    assert!(search(&ada, SearchMessages::new("deplo")).await.is_empty());
}

#[tokio::test]
async fn modifiers_keep_to_a_conversation_a_sender_a_time_and_links() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let find = |query: String| {
        let ada = ada.clone();
        async move { search(&ada, SearchMessages::new(query)).await }
    };
    assert_eq!(
        texts(&find("deploy in:#leads".to_owned()).await),
        ["deploy rollback plan"]
    );
    assert_eq!(
        texts(&find(format!("deploy in:{}", demo::RANDOM)).await),
        ["Lunch after the deploy?"]
    );
    let from_grace = find("from:@grace".to_owned()).await;
    assert_eq!(
        texts(&from_grace),
        ["Coffee anyone", "Lunch after the deploy?"]
    );
    assert_eq!(
        texts(&find("deploy from:@grace".to_owned()).await),
        ["Lunch after the deploy?"]
    );
    assert_eq!(find("deploy after:2000-01-01".to_owned()).await.len(), 3);
    assert!(find("deploy before:2000-01-01".to_owned()).await.is_empty());
    assert!(find("deploy on:2000-01-01".to_owned()).await.is_empty());
    assert_eq!(
        texts(&find("has:link".to_owned()).await),
        ["Deploy finished, deploy notes at https://example.invalid/notes"]
    );
    // A conversation or a user the query cannot name matches nothing.
    assert!(find("deploy in:#nowhere".to_owned()).await.is_empty());
    assert!(find("deploy from:@nobody".to_owned()).await.is_empty());
}

#[tokio::test]
async fn matches_sort_by_time_either_way_and_highlight_when_asked() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let newest = search(
        &ada,
        SearchMessages::new("deploy").sorted_by(SearchSort::Timestamp, SortDirection::Desc),
    )
    .await;
    assert_eq!(
        texts(&newest),
        [
            "Lunch after the deploy?",
            "deploy rollback plan",
            "Deploy finished, deploy notes at https://example.invalid/notes",
        ]
    );
    let oldest = search(
        &ada,
        SearchMessages::new("deploy").sorted_by(SearchSort::Timestamp, SortDirection::Asc),
    )
    .await;
    let mut reversed = texts(&newest);
    reversed.reverse();
    assert_eq!(texts(&oldest), reversed);
    let marked = search(&ada, SearchMessages::new("rollback").highlight()).await;
    assert_eq!(texts(&marked), ["deploy \u{E000}rollback\u{E001} plan"]);
}

#[tokio::test]
async fn items_follow_the_cursor_pages_from_the_first() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    for n in 1..=5 {
        ada.call(&ChatPostMessage::new(
            channel(demo::RANDOM),
            format!("standup note {n}"),
        ))
        .await
        .unwrap();
    }
    let search = SearchMessages::new("standup")
        .count(2)
        .sorted_by(SearchSort::Timestamp, SortDirection::Desc);
    assert_eq!(
        slack_methods::encode_params(&search).unwrap(),
        "query=standup&count=2&cursor=*&sort=timestamp&sort_dir=desc"
    );
    let pages: Vec<_> = ada.pages(&search).try_collect().await.unwrap();
    assert_eq!(pages.len(), 3);
    assert!(pages[0].next_cursor.is_some());
    assert!(pages[2].next_cursor.is_none());
    let all: Vec<_> = ada.items(&search).try_collect().await.unwrap();
    let all: Vec<&str> = all
        .iter()
        .map(|m| m.parsed().unwrap().text.as_str())
        .collect();
    assert_eq!(
        all,
        [
            "standup note 5",
            "standup note 4",
            "standup note 3",
            "standup note 2",
            "standup note 1",
        ]
    );

    // A kept cursor resumes; a numbered page is one page, without a cursor.
    let next = pages[0].next_cursor.clone().unwrap();
    let resumed = ada.call(&search.clone().cursor(next)).await.unwrap();
    assert_eq!(
        resumed
            .messages
            .matches
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["standup note 3", "standup note 2"]
    );
    let second = ada.call(&search.clone().page(2)).await.unwrap();
    assert!(second.response_metadata.is_none());
    let paging = second.messages.paging.clone().unwrap();
    assert_eq!((paging.page, paging.pages, paging.total), (2, 3, 5));
    assert_eq!(
        second
            .messages
            .matches
            .iter()
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["standup note 3", "standup note 2"]
    );
}

/// `search.messages` with the arguments as they are, unchecked: for what the emulator answers
/// to a query or cursor the typed binding would not send.
#[slack_methods::slack_method("search.messages")]
struct RawSearch {
    query: String,
    cursor: Option<String>,
}

#[tokio::test]
async fn slack_errors_come_back_typed() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    assert_eq!(
        code(
            client(&emu, BOT_WITH_SCOPE)
                .call(&SearchMessages::new("deploy"))
                .await
        ),
        "user_is_bot"
    );
    assert_eq!(
        code(
            client(&emu, NO_SCOPE)
                .call(&SearchMessages::new("deploy"))
                .await
        ),
        "missing_scope"
    );
    // The demo bot token is not given `search:read`.
    assert_eq!(
        code(
            client(&emu, demo::BOT_TOKEN)
                .call(&SearchMessages::new("deploy"))
                .await
        ),
        "missing_scope"
    );
    assert_eq!(
        code(
            ada.call(&SearchMessages::new("deploy").cursor("not-a-cursor"))
                .await
        ),
        "invalid_cursor"
    );
    let blank = RawSearch {
        query: " ".into(),
        cursor: None,
    };
    assert_eq!(code(ada.call(&blank).await), "No query passed");
}

#[tokio::test]
async fn what_slack_would_refuse_is_refused_before_sending() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    assert!(refused(ada.call(&SearchMessages::new("  ")).await).contains("`query` is blank"));
    assert!(refused(ada.call(&SearchMessages::new("x").count(0)).await).contains("`count` is 0"));
    assert!(refused(ada.call(&SearchMessages::new("x").count(101)).await).contains("at most 100"));
    assert!(refused(ada.call(&SearchMessages::new("x").page(0)).await).contains("`page` is 0"));
    assert!(SearchMessages::new("x").count(100).validate().is_ok());
    // A numbered page and a cursor: Slack pages one way or the other.
    let mut both = SearchMessages::new("x").page(2);
    both.cursor = Some("bmV4dA==".to_owned());
    assert!(refused(ada.call(&both).await).contains("`page` and `cursor` are both given"));
    let resumed = SearchMessages::new("x").page(2).cursor("bmV4dA==");
    assert_eq!(resumed.page, None);
    assert!(resumed.validate().is_ok());
    assert!(emu.requests_for("search.messages").is_empty());
}

/// The tool registry (feature `tools`): an agent's arguments, read into the binding.
#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_searches_by_name_from_the_first_cursor_page() {
    use serde_json::json;
    use slack_methods::tools::Registry;
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tools = Registry::bundled();
    let answer = tools
        .call(
            &ada,
            "searchMessages",
            json!({"query": "deploy", "count": 1}),
        )
        .await
        .unwrap();
    assert_eq!(answer["messages"]["matches"].as_array().unwrap().len(), 1);
    assert!(answer["response_metadata"]["next_cursor"].is_string());
    // `page` alone would go with the cursor `*` sent by default, and Slack would answer one
    // of the two: refused, with what to give, and nothing sent.
    let sent = emu.requests_for("search.messages").len();
    let page_alone = tools
        .call(
            &ada,
            "searchMessages",
            json!({"query": "deploy", "page": 2}),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(
        page_alone.contains("for a numbered page, give `page` with a null `cursor`"),
        "{page_alone}"
    );
    assert_eq!(emu.requests_for("search.messages").len(), sent);
    // A null cursor asks for numbered pages: no cursor comes back.
    let numbered = tools
        .call(
            &ada,
            "searchMessages",
            json!({"query": "deploy", "count": 1, "page": 3, "cursor": null}),
        )
        .await
        .unwrap();
    assert_eq!(numbered["messages"]["paging"]["page"], 3);
    assert!(numbered.get("response_metadata").is_none());
    let facts = tools.get("searchMessages").unwrap();
    assert!(facts.read_only());
    assert_eq!(SearchMessages::SCOPES, ["search:read"]);
}
