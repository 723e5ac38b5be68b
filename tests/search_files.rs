//! `search.files` and `search.all` against the emulator, over real HTTP: the files a user can see
//! whose name or title holds the query's words, with its modifiers, in the order asked for,
//! across numbered pages; messages and files together; what Slack would refuse is refused before
//! sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{ChatPostMessage, SearchAll, SearchFiles, SearchSort, SortDirection};
use slack_methods::types::File;
use slack_methods::upload::{FileUpload, UploadFile};
use slack_methods::{ChannelId, Client, NumberPaginated, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

/// A user token of Linus's, who is not in the private channel `leads`.
const LINUS_TOKEN: &str = "xoxp-linus-search";
/// A bot token that was given `search:read` (Slack grants it to user tokens only).
const BOT_WITH_SCOPE: &str = "xoxb-bot-search";
/// A user token without `search:read`.
const NO_SCOPE: &str = "xoxp-ada-no-search";

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// Uploads `name` (titled `title` when given) as the client's user, shared in `share_in` when
/// given.
async fn upload(client: &Client, name: &str, title: Option<&str>, share_in: Option<&str>) {
    let mut file = FileUpload::bytes(name, format!("the bytes of {name}"));
    if let Some(title) = title {
        file = file.title(title);
    }
    if let Some(id) = share_in {
        file = file.share_in(channel(id));
    }
    client.upload_file(file).await.unwrap();
}

/// The demo workspace with these files, oldest first: the bot's `roadmap.pdf` in #general, its
/// own unshared `roadmap-draft.txt`, its `leads.png` titled "Roadmap roadmap review" in the
/// private #leads (Ada and the bot), and Ada's own unshared `budget.txt` titled "Budget for the
/// roadmap"; and one message in #general, "The roadmap is out".
async fn workspace() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(LINUS_TOKEN, demo::LINUS, &["search:read"]);
    emu.add_token(BOT_WITH_SCOPE, demo::BOT, &["search:read"]);
    emu.add_token(NO_SCOPE, demo::ADA, &["files:read"]);
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    upload(&bot, "roadmap.pdf", None, Some(demo::GENERAL)).await;
    upload(&bot, "roadmap-draft.txt", None, None).await;
    upload(
        &bot,
        "leads.png",
        Some("Roadmap roadmap review"),
        Some(demo::LEADS),
    )
    .await;
    upload(&ada, "budget.txt", Some("Budget for the roadmap"), None).await;
    ada.call(&ChatPostMessage::new(
        channel(demo::GENERAL),
        "The roadmap is out",
    ))
    .await
    .unwrap();
    emu
}

async fn search(client: &Client, search: SearchFiles) -> Vec<File> {
    let answer = client.call(&search).await.unwrap();
    answer.files.matches.iter().cloned().collect()
}

fn names(files: &[File]) -> Vec<&str> {
    files.iter().map(|file| file.name.as_str()).collect()
}

#[tokio::test]
async fn words_of_names_and_titles_match_among_the_files_the_user_can_see() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let answer = ada.call(&SearchFiles::new("ROADMAP")).await.unwrap();
    assert_eq!(answer.query, "ROADMAP");
    assert_eq!(answer.files.total, 3);
    let found: Vec<File> = answer.files.matches.iter().cloned().collect();
    // By score: the title with the word twice first, then the newest. Not the bot's own
    // unshared draft.
    assert_eq!(names(&found), ["leads.png", "budget.txt", "roadmap.pdf"]);
    assert_eq!(found[0].title, "Roadmap roadmap review");
    let paging = answer.files.paging.clone().unwrap();
    assert_eq!(
        (paging.count, paging.total, paging.page, paging.pages),
        (20, 3, 1, 1)
    );
    let pagination = answer.files.pagination.clone().unwrap();
    assert_eq!((pagination.first, pagination.last), (1, 3));

    // Linus is not in #leads and does not own Ada's file: only #general's is his to find.
    let linus = client(&emu, LINUS_TOKEN);
    assert_eq!(
        names(&search(&linus, SearchFiles::new("roadmap")).await),
        ["roadmap.pdf"]
    );
    // The bot's own unshared draft is not Ada's to find.
    assert!(search(&ada, SearchFiles::new("draft")).await.is_empty());

    // Every word must match, as a whole word, in the name or the title.
    assert_eq!(
        names(&search(&ada, SearchFiles::new("roadmap budget")).await),
        ["budget.txt"]
    );
    assert_eq!(
        names(&search(&ada, SearchFiles::new("pdf")).await),
        ["roadmap.pdf"]
    );
    assert!(search(&ada, SearchFiles::new("road")).await.is_empty());
}

#[tokio::test]
async fn modifiers_keep_to_a_conversation_an_uploader_and_a_time() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let find = |query: String| {
        let ada = ada.clone();
        async move { names(&search(&ada, SearchFiles::new(query)).await).join(" ") }
    };
    assert_eq!(find("roadmap in:#leads".to_owned()).await, "leads.png");
    assert_eq!(
        find(format!("roadmap in:{}", demo::GENERAL)).await,
        "roadmap.pdf"
    );
    assert_eq!(find("from:@ada".to_owned()).await, "budget.txt");
    assert_eq!(
        find(format!("roadmap from:<@{}>", demo::BOT)).await,
        "leads.png roadmap.pdf"
    );
    assert_eq!(
        find("roadmap after:2000-01-01".to_owned()).await,
        "leads.png budget.txt roadmap.pdf"
    );
    assert_eq!(find("roadmap before:2000-01-01".to_owned()).await, "");
    assert_eq!(find("roadmap on:2000-01-01".to_owned()).await, "");
    // A day whose year is past four digits is no day: it matches nothing, and is answered.
    for day in [
        "99999999999999999-01-01",
        "9223372036854775807-12-31",
        "10000-01-01",
    ] {
        for modifier in ["before", "after", "on"] {
            assert_eq!(find(format!("roadmap {modifier}:{day}")).await, "", "{day}");
        }
    }
    // A file holds no link; a conversation or user the query cannot name matches nothing.
    assert_eq!(find("roadmap has:link".to_owned()).await, "");
    assert_eq!(find("roadmap in:#nowhere".to_owned()).await, "");
    assert_eq!(find("roadmap from:@nobody".to_owned()).await, "");
}

#[tokio::test]
async fn files_sort_by_time_either_way_and_highlight_titles_when_asked() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let newest = search(
        &ada,
        SearchFiles::new("roadmap").sorted_by(SearchSort::Timestamp, SortDirection::Desc),
    )
    .await;
    assert_eq!(names(&newest), ["budget.txt", "leads.png", "roadmap.pdf"]);
    let oldest = search(
        &ada,
        SearchFiles::new("roadmap").sorted_by(SearchSort::Timestamp, SortDirection::Asc),
    )
    .await;
    assert_eq!(names(&oldest), ["roadmap.pdf", "leads.png", "budget.txt"]);
    let marked = search(&ada, SearchFiles::new("budget").highlight()).await;
    assert_eq!(marked[0].title, "\u{E000}Budget\u{E001} for the roadmap");
    assert_eq!(marked[0].name, "budget.txt");
}

#[tokio::test]
async fn numbered_items_follow_the_pages_to_the_last() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    for n in 1..=5 {
        upload(&ada, &format!("standup-{n}.txt"), None, None).await;
    }
    let search = SearchFiles::new("standup")
        .count(2)
        .sorted_by(SearchSort::Timestamp, SortDirection::Desc);
    assert_eq!(
        slack_methods::encode_params(&search).unwrap(),
        "query=standup&count=2&sort=timestamp&sort_dir=desc"
    );
    let pages: Vec<_> = ada.numbered_pages(&search).try_collect().await.unwrap();
    assert_eq!(pages.len(), 3);
    let last = SearchFiles::paging(&pages[2].data).unwrap();
    assert_eq!((last.page, last.pages, last.total), (3, 3, 5));
    let all: Vec<_> = ada.numbered_items(&search).try_collect().await.unwrap();
    let all: Vec<&str> = all
        .iter()
        .map(|file| file.parsed().unwrap().name.as_str())
        .collect();
    assert_eq!(
        all,
        [
            "standup-5.txt",
            "standup-4.txt",
            "standup-3.txt",
            "standup-2.txt",
            "standup-1.txt",
        ]
    );
    let asked: Vec<String> = emu
        .requests_for("search.files")
        .iter()
        .map(|request| request.param("page").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(asked[..3], ["1", "2", "3"]);

    // A numbered page on its own; one past the last is empty.
    let second = ada.call(&search.clone().page(2)).await.unwrap();
    assert_eq!(
        names(&second.files.matches.iter().cloned().collect::<Vec<_>>()),
        ["standup-3.txt", "standup-2.txt"]
    );
    let past = ada.call(&search.clone().page(4)).await.unwrap();
    assert_eq!(past.files.matches.iter().count(), 0);
    assert_eq!(past.files.total, 5);
}

#[tokio::test]
async fn search_all_answers_messages_and_files_together() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let answer = ada.call(&SearchAll::new("roadmap")).await.unwrap();
    assert_eq!(answer.query, "roadmap");
    assert_eq!(answer.messages.total, 1);
    let message = answer.messages.matches.iter().next().unwrap();
    assert_eq!(message.text, "The roadmap is out");
    assert_eq!(message.channel.id.as_str(), demo::GENERAL);
    assert_eq!(answer.files.total, 3);
    assert_eq!(
        names(&answer.files.matches.iter().cloned().collect::<Vec<_>>()),
        ["leads.png", "budget.txt", "roadmap.pdf"]
    );

    // `count` and `page` apply to each kind; each has its own paging.
    let second = ada
        .call(&SearchAll::new("roadmap").count(2).page(2))
        .await
        .unwrap();
    assert_eq!(second.messages.matches.iter().count(), 0);
    let messages = second.messages.paging.clone().unwrap();
    assert_eq!((messages.page, messages.pages), (2, 1));
    assert_eq!(
        names(&second.files.matches.iter().cloned().collect::<Vec<_>>()),
        ["roadmap.pdf"]
    );
    let files = second.files.paging.clone().unwrap();
    assert_eq!((files.page, files.pages, files.total), (2, 2, 3));

    // Highlighting marks both kinds.
    let marked = ada
        .call(&SearchAll::new("roadmap in:#general").highlight())
        .await
        .unwrap();
    assert_eq!(
        marked.messages.matches.iter().next().unwrap().text,
        "The \u{E000}roadmap\u{E001} is out"
    );
    assert_eq!(
        marked.files.matches.iter().next().unwrap().name,
        "roadmap.pdf"
    );
    // Nothing is sent by POST: both are reads.
    assert!(emu
        .requests_for("search.all")
        .iter()
        .all(|request| request.verb == "GET"));
}

/// `search.files` with the query as it is, unchecked: for what the emulator answers to a query
/// the typed binding would not send.
#[slack_methods::slack_method("search.files", scope = "search:read")]
struct RawSearchFiles {
    query: String,
}

/// The same for `search.all`.
#[slack_methods::slack_method("search.all", scope = "search:read")]
struct RawSearchAll {
    query: String,
}

#[tokio::test]
async fn slack_errors_come_back_typed() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let bot = client(&emu, BOT_WITH_SCOPE);
    assert_eq!(
        code(bot.call(&SearchFiles::new("roadmap")).await),
        "user_is_bot"
    );
    assert_eq!(
        code(bot.call(&SearchAll::new("roadmap")).await),
        "user_is_bot"
    );
    let no_scope = client(&emu, NO_SCOPE);
    assert_eq!(
        code(no_scope.call(&SearchFiles::new("roadmap")).await),
        "missing_scope"
    );
    assert_eq!(
        code(no_scope.call(&SearchAll::new("roadmap")).await),
        "missing_scope"
    );
    // The demo bot token is not given `search:read`.
    assert_eq!(
        code(
            client(&emu, demo::BOT_TOKEN)
                .call(&SearchFiles::new("roadmap"))
                .await
        ),
        "missing_scope"
    );
    let blank = RawSearchFiles { query: " ".into() };
    assert_eq!(code(ada.call(&blank).await), "no_query");
    let blank = RawSearchAll { query: "".into() };
    assert_eq!(code(ada.call(&blank).await), "no_query");
}

#[tokio::test]
async fn what_slack_would_refuse_is_refused_before_sending() {
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    assert!(refused(ada.call(&SearchFiles::new(" ")).await).contains("`query` is blank"));
    assert!(refused(ada.call(&SearchFiles::new("x").count(0)).await).contains("`count` is 0"));
    assert!(refused(ada.call(&SearchFiles::new("x").count(101)).await).contains("at most 100"));
    assert!(refused(ada.call(&SearchFiles::new("x").page(0)).await).contains("`page` is 0"));
    assert!(refused(ada.call(&SearchAll::new("")).await).contains("`query` is blank"));
    assert!(refused(ada.call(&SearchAll::new("x").count(0)).await).contains("`count` is 0"));
    assert!(refused(ada.call(&SearchAll::new("x").count(101)).await).contains("at most 100"));
    assert!(refused(ada.call(&SearchAll::new("x").page(0)).await).contains("`page` is 0"));
    assert!(SearchFiles::new("x").count(100).validate().is_ok());
    assert!(SearchAll::new("x").count(100).page(1).validate().is_ok());
    assert!(emu.requests_for("search.files").is_empty());
    assert!(emu.requests_for("search.all").is_empty());
}

/// The tool registry (feature `tools`): an agent's arguments, read into the bindings.
#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_searches_files_and_everything_by_name() {
    use serde_json::json;
    use slack_methods::tools::Registry;
    let emu = workspace().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let tools = Registry::bundled();
    let files = tools
        .call(
            &ada,
            "searchFiles",
            json!({"query": "roadmap", "count": 1, "page": 2}),
        )
        .await
        .unwrap();
    assert_eq!(files["files"]["matches"][0]["name"], "budget.txt");
    assert_eq!(files["files"]["paging"]["pages"], 3);
    let all = tools
        .call(
            &ada,
            "searchAll",
            json!({"query": "roadmap", "sort": "timestamp"}),
        )
        .await
        .unwrap();
    assert_eq!(all["messages"]["total"], 1);
    assert_eq!(all["files"]["matches"][0]["name"], "budget.txt");
    for name in ["searchFiles", "searchAll"] {
        let facts = tools.get(name).unwrap();
        assert!(facts.read_only(), "{name}");
        assert!(!facts.destructive, "{name}");
    }
    assert_eq!(SearchFiles::SCOPES, ["search:read"]);
    assert_eq!(SearchAll::SCOPES, ["search:read"]);
}
