//! Who may see or change a Slack list, and a list's export, against the emulator over real
//! HTTP: access given to users and channels changes who reads and who changes a list; an
//! export job is done at its first look and its CSV is served at its URL; what Slack's pages
//! call invalid is refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, tool_facts, unpaced_client as client};

use serde_json::Value;
use slack_methods::methods::{
    CellValue, ListAccessLevel, ListCell, ListExportStatus, SlackListsAccessDelete,
    SlackListsAccessSet, SlackListsCreate, SlackListsDownloadGet, SlackListsDownloadStart,
    SlackListsItemsCreate, SlackListsUpdate,
};
use slack_methods::{ChannelId, Client, FileId, SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A bot token without the list scopes.
const NO_LISTS_SCOPE: &str = "xoxb-no-lists-scope";
/// A user token of Grace, with the list scopes.
const GRACE_TOKEN: &str = "xoxp-grace-lists";
/// A user token of Linus, with the list scopes.
const LINUS_TOKEN: &str = "xoxp-linus-lists";
/// A user token of Linus that may change lists but not read them.
const LINUS_WRITE_ONLY: &str = "xoxp-linus-lists-write";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_LISTS_SCOPE, demo::BOT, &["chat:write"]);
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["lists:write", "lists:read"]);
    emu.add_token(LINUS_TOKEN, demo::LINUS, &["lists:write", "lists:read"]);
    emu.add_token(LINUS_WRITE_ONLY, demo::LINUS, &["lists:write"]);
    emu
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// A new list of the caller's, with one text column: its id.
async fn new_list(client: &Client) -> FileId {
    client
        .call(&SlackListsCreate::new("Launch"))
        .await
        .unwrap()
        .list_id
        .clone()
}

/// A rename of `list`, which needs write access.
fn rename(list: &FileId) -> SlackListsUpdate {
    SlackListsUpdate::new(list.clone()).name("Renamed")
}

/// A copy of `list`'s columns, which needs read access.
fn copy(list: &FileId) -> SlackListsCreate {
    SlackListsCreate::copy_of("Copy", list.clone(), false)
}

#[tokio::test]
async fn access_given_to_a_user_lets_them_read_then_change_the_list_until_taken_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let list = new_list(&bot).await;
    assert_eq!(code(grace.call(&copy(&list)).await), "list_not_found");

    let read =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::GRACE)]);
    bot.call(&read).await.unwrap();
    let sent = emu.requests_for(SlackListsAccessSet::NAME);
    let sent = sent.last().unwrap();
    assert_eq!(sent.param("list_id"), Some(list.as_str()));
    assert_eq!(sent.param("access_level"), Some("read"));
    assert_eq!(sent.param("user_ids"), Some(r#"["U0DEMOGRC1"]"#));
    assert_eq!(sent.param("channel_ids"), None);
    let access = emu.slack_list_access(list.as_str()).unwrap();
    assert_eq!(access["owner"], demo::BOT);
    assert_eq!(access["access"][demo::GRACE], "read");
    grace.call(&copy(&list)).await.unwrap();
    assert_eq!(code(grace.call(&rename(&list)).await), "restricted_action");
    // A reader cannot share the list either.
    let share =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::LINUS)]);
    assert_eq!(code(grace.call(&share).await), "restricted_action");

    let write =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Write, [user(demo::GRACE)]);
    bot.call(&write).await.unwrap();
    grace.call(&rename(&list)).await.unwrap();
    assert_eq!(emu.slack_list(list.as_str()).unwrap()["name"], "Renamed");

    bot.call(&SlackListsAccessDelete::for_users(
        list.clone(),
        [user(demo::GRACE)],
    ))
    .await
    .unwrap();
    let sent = emu.requests_for(SlackListsAccessDelete::NAME);
    assert_eq!(
        sent.last().unwrap().param("user_ids"),
        Some(r#"["U0DEMOGRC1"]"#)
    );
    assert!(emu.slack_list_access(list.as_str()).unwrap()["access"]
        .as_object()
        .unwrap()
        .is_empty());
    assert_eq!(code(grace.call(&rename(&list)).await), "list_not_found");
    // Taking back what was never given is no error.
    bot.call(&SlackListsAccessDelete::for_users(
        list.clone(),
        [user(demo::LINUS)],
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn access_given_to_a_channel_reaches_those_who_can_see_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let list = new_list(&bot).await;

    // `#leads` is private: Ada is in it, Grace is not.
    let leads = SlackListsAccessSet::for_channels(
        list.clone(),
        ListAccessLevel::Write,
        [channel(demo::LEADS)],
    );
    bot.call(&leads).await.unwrap();
    assert_eq!(
        emu.requests_for(SlackListsAccessSet::NAME)
            .last()
            .unwrap()
            .param("channel_ids"),
        Some(r#"["C0DEMOLDS1"]"#)
    );
    ada.call(&rename(&list)).await.unwrap();
    assert_eq!(code(grace.call(&copy(&list)).await), "list_not_found");

    // `#general` is public: everyone reads.
    let general = SlackListsAccessSet::for_channels(
        list.clone(),
        ListAccessLevel::Read,
        [channel(demo::GENERAL)],
    );
    bot.call(&general).await.unwrap();
    grace.call(&copy(&list)).await.unwrap();
    assert_eq!(code(grace.call(&rename(&list)).await), "restricted_action");
    let access = emu.slack_list_access(list.as_str()).unwrap();
    assert_eq!(access["access"][demo::LEADS], "write");
    assert_eq!(access["access"][demo::GENERAL], "read");

    bot.call(&SlackListsAccessDelete::for_channels(
        list.clone(),
        [channel(demo::GENERAL)],
    ))
    .await
    .unwrap();
    assert_eq!(code(grace.call(&copy(&list)).await), "list_not_found");
}

#[tokio::test]
async fn the_owner_hands_the_list_over_and_keeps_write() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let list = new_list(&bot).await;
    bot.call(&SlackListsAccessSet::owner(list.clone(), user(demo::GRACE)))
        .await
        .unwrap();
    let access = emu.slack_list_access(list.as_str()).unwrap();
    assert_eq!(access["owner"], demo::GRACE);
    assert_eq!(access["access"][demo::BOT], "write");
    assert_eq!(
        emu.slack_list(list.as_str()).unwrap()["created_by"],
        demo::BOT
    );

    // The former owner writes, but gives the list away no more.
    bot.call(&rename(&list)).await.unwrap();
    let again = SlackListsAccessSet::owner(list.clone(), user(demo::LINUS));
    assert_eq!(code(bot.call(&again).await), "restricted_action");
    // The new owner takes the former's access back.
    grace
        .call(&SlackListsAccessDelete::for_users(
            list.clone(),
            [user(demo::BOT)],
        ))
        .await
        .unwrap();
    assert_eq!(code(bot.call(&rename(&list)).await), "list_not_found");
}

/// `slackLists.access.set` with the arguments as they are, unchecked: for what the emulator
/// answers to what the typed binding would not send.
#[slack_methods::slack_method("slackLists.access.set", scope = "lists:write")]
struct RawSet {
    list_id: String,
    access_level: String,
    channel_ids: Option<String>,
    user_ids: Option<String>,
}

/// `slackLists.access.delete`, unchecked.
#[slack_methods::slack_method("slackLists.access.delete", scope = "lists:write")]
struct RawDelete {
    list_id: String,
    channel_ids: Option<String>,
    user_ids: Option<String>,
}

fn raw_set(list: &FileId, level: &str, channels: Option<&str>, users: Option<&str>) -> RawSet {
    RawSet {
        list_id: list.as_str().to_owned(),
        access_level: level.to_owned(),
        channel_ids: channels.map(str::to_owned),
        user_ids: users.map(str::to_owned),
    }
}

#[tokio::test]
async fn what_the_bindings_refuse_slack_answers_with_its_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let list = new_list(&bot).await;
    let grace = r#"["U0DEMOGRC1"]"#;
    let general = r#"["C0DEMOGEN1"]"#;

    assert_eq!(
        code(bot.call(&raw_set(&list, "read", None, None)).await),
        "invalid_parameters"
    );
    let both = raw_set(&list, "read", Some(general), Some(grace));
    assert_eq!(code(bot.call(&both).await), "invalid_parameters");
    let owned_by_channel = raw_set(&list, "owner", Some(general), None);
    assert_eq!(code(bot.call(&owned_by_channel).await), "invalid_arguments");
    let two_owners = raw_set(&list, "owner", None, Some(r#"["U0DEMOGRC1","U0DEMOLIN1"]"#));
    assert_eq!(code(bot.call(&two_owners).await), "invalid_arguments");
    assert_eq!(
        code(bot.call(&raw_set(&list, "admin", None, Some(grace))).await),
        "invalid_arguments"
    );
    assert_eq!(
        code(bot.call(&raw_set(&list, "read", None, Some("[]"))).await),
        "invalid_arguments"
    );
    assert_eq!(
        code(bot.call(&raw_set(&list, "read", None, Some("[1]"))).await),
        "invalid_arguments"
    );

    let nobody = raw_set(&list, "read", None, Some(r#"["U0NOBODY00"]"#));
    assert_eq!(code(bot.call(&nobody).await), "user_not_found");
    let nowhere = raw_set(&list, "read", Some(r#"["C0NOWHERE0"]"#), None);
    assert_eq!(code(bot.call(&nowhere).await), "channel_not_found");
    // Grace cannot see `#leads`, a private channel.
    let grace_client = client(&emu, GRACE_TOKEN);
    let hers = new_list(&grace_client).await;
    let hidden = raw_set(&hers, "read", Some(r#"["C0DEMOLDS1"]"#), None);
    assert_eq!(code(grace_client.call(&hidden).await), "channel_not_found");
    // Ids read as a comma list too.
    let comma = raw_set(&hers, "read", None, Some("U0DEMOLIN1,U0DEMOADA1"));
    grace_client.call(&comma).await.unwrap();
    let access = emu.slack_list_access(hers.as_str()).unwrap();
    assert_eq!(access["access"][demo::ADA], "read");

    let unknown = FileId::new("F0NOSUCHLIST").unwrap();
    assert_eq!(
        code(
            bot.call(&raw_set(&unknown, "read", None, Some(grace)))
                .await
        ),
        "list_not_found"
    );

    let delete = |channels: Option<&str>, users: Option<&str>| RawDelete {
        list_id: list.as_str().to_owned(),
        channel_ids: channels.map(str::to_owned),
        user_ids: users.map(str::to_owned),
    };
    assert_eq!(
        code(bot.call(&delete(None, None)).await),
        "invalid_parameters"
    );
    assert_eq!(
        code(bot.call(&delete(Some(general), Some(grace))).await),
        "invalid_parameters"
    );
    assert_eq!(
        code(bot.call(&delete(None, Some(r#"["U0NOBODY00"]"#))).await),
        "user_not_found"
    );

    let unscoped = client(&emu, NO_LISTS_SCOPE);
    let set =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::GRACE)]);
    assert_eq!(code(unscoped.call(&set).await), "missing_scope");
}

#[tokio::test]
async fn what_slack_calls_invalid_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let list = FileId::new("F0123ABCD").unwrap();

    let mut neither = SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, []);
    neither.user_ids = None;
    assert!(refused(bot.call(&neither).await).contains("give `channel_ids` or `user_ids`"));
    let mut both =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::GRACE)]);
    both.channel_ids = Some(vec![channel(demo::GENERAL)]);
    assert!(refused(bot.call(&both).await).contains("cannot be sent together"));
    let empty = SlackListsAccessSet::for_channels(list.clone(), ListAccessLevel::Read, []);
    assert!(refused(bot.call(&empty).await).contains("`channel_ids` is empty"));
    let owned_by_channel = SlackListsAccessSet::for_channels(
        list.clone(),
        ListAccessLevel::Owner,
        [channel(demo::GENERAL)],
    );
    assert!(refused(bot.call(&owned_by_channel).await).contains("only a user can own a list"));
    let two_owners = SlackListsAccessSet::for_users(
        list.clone(),
        ListAccessLevel::Owner,
        [user(demo::GRACE), user(demo::ADA)],
    );
    assert_eq!(
        refused(bot.call(&two_owners).await),
        "a list has one owner: `owner` takes one user in `user_ids`, not 2",
    );
    let blank = SlackListsAccessSet::for_users(
        list.clone(),
        ListAccessLevel::from(" "),
        [user(demo::GRACE)],
    );
    assert!(refused(bot.call(&blank).await).contains("`access_level` is blank"));

    let mut neither = SlackListsAccessDelete::for_users(list.clone(), []);
    neither.user_ids = None;
    assert!(refused(bot.call(&neither).await).contains("give `channel_ids` or `user_ids`"));
    let mut both = SlackListsAccessDelete::for_users(list.clone(), [user(demo::GRACE)]);
    both.channel_ids = Some(vec![channel(demo::GENERAL)]);
    assert!(refused(bot.call(&both).await).contains("cannot be sent together"));
    let empty = SlackListsAccessDelete::for_users(list.clone(), []);
    assert!(refused(bot.call(&empty).await).contains("`user_ids` is empty"));

    let blank_job = SlackListsDownloadGet::new(list, "  ");
    assert!(refused(bot.call(&blank_job).await).contains("`job_id` is blank"));
    assert!(emu.requests().is_empty(), "nothing was sent");
}

/// One HTTP request to the emulator's address: the status and the body.
async fn fetch(url: &str, verb: &str, token: Option<&str>) -> (u16, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let auth = token.map_or(String::new(), |token| {
        format!("Authorization: Bearer {token}\r\n")
    });
    let request = format!(
        "{verb} /{path} HTTP/1.1\r\nHost: {host}\r\n{auth}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8(answer).unwrap();
    let status = answer[9..12].parse().unwrap();
    let body = answer.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

#[tokio::test]
async fn an_export_is_done_at_its_first_look_and_served_at_its_url() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let created = bot
        .call(&SlackListsCreate::new("Launch").schema([
            slack_methods::methods::ListColumn::primary("task", "Task"),
            slack_methods::methods::ListColumn::new(
                "owner",
                "Owner, \"lead\"",
                slack_methods::methods::ColumnType::User,
            ),
        ]))
        .await
        .unwrap();
    let list = created.list_id.clone();
    let column = |key: &str| {
        let schema = &created.list_metadata.as_ref().unwrap().schema;
        let column = schema.iter().find(|column| column.key == key).unwrap();
        column.id.clone().unwrap()
    };
    // Two items: the export holds their cells as text, in the order they were made.
    let first = SlackListsItemsCreate::new(list.clone()).fields([
        ListCell::text(column("task"), "Ship, then \"tell\""),
        ListCell::new(
            column("owner"),
            CellValue::User(vec![user(demo::ADA), user(demo::GRACE)]),
        ),
    ]);
    bot.call(&first).await.unwrap();
    let second =
        SlackListsItemsCreate::new(list.clone()).fields([ListCell::text(column("task"), "Rest")]);
    bot.call(&second).await.unwrap();
    let started = bot
        .call(&SlackListsDownloadStart::new(list.clone()).include_archived(true))
        .await
        .unwrap();
    let job = started.job_id.clone();
    assert!(job.starts_with("Le"), "{job}");
    let sent = emu.requests_for(SlackListsDownloadStart::NAME);
    assert_eq!(sent.last().unwrap().param("include_archived"), Some("true"));
    let kept = emu.slack_list_download(&job).unwrap();
    assert_eq!(kept["done"], false);
    assert_eq!(kept["include_archived"], true);
    assert_eq!(kept["requested_by"], demo::BOT);

    let download = bot
        .call(&SlackListsDownloadGet::new(list.clone(), job.clone()))
        .await
        .unwrap();
    assert!(download.is_completed());
    assert_eq!(download.status, Some(ListExportStatus::Completed));
    let url = download.download_url.clone().unwrap();
    assert!(
        url.starts_with(&format!("http://{}/lists/download/", emu.addr())),
        "{url}"
    );
    assert_eq!(emu.slack_list_download(&job).unwrap()["done"], true);

    let (status, body) = fetch(&url, "GET", Some(demo::BOT_TOKEN)).await;
    assert_eq!(status, 200);
    let expected = format!(
        "Task,\"Owner, \"\"lead\"\"\"\r\n\"Ship, then \"\"tell\"\"\",\"{}, {}\"\r\nRest,\r\n",
        demo::ADA,
        demo::GRACE
    );
    assert_eq!(body, expected);
    assert_eq!(fetch(&url, "GET", None).await.0, 401);
    assert_eq!(fetch(&url, "GET", Some("xoxb-unknown")).await.0, 401);
    // Grace cannot read the list; once given read, she can fetch its export.
    assert_eq!(fetch(&url, "GET", Some(GRACE_TOKEN)).await.0, 404);
    let read =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::GRACE)]);
    bot.call(&read).await.unwrap();
    assert_eq!(fetch(&url, "GET", Some(GRACE_TOKEN)).await.0, 200);
    assert_eq!(fetch(&url, "POST", Some(demo::BOT_TOKEN)).await.0, 405);
    let unknown = url.replace(&job, "Le0");
    assert_eq!(fetch(&unknown, "GET", Some(demo::BOT_TOKEN)).await.0, 404);
    // A job not looked at yet has nothing to serve.
    let second = bot
        .call(&SlackListsDownloadStart::new(list.clone()))
        .await
        .unwrap()
        .job_id
        .clone();
    let unfinished = url.replace(&job, &second);
    assert_eq!(
        fetch(&unfinished, "GET", Some(demo::BOT_TOKEN)).await.0,
        404
    );
}

#[tokio::test]
async fn an_export_job_is_its_requesters_and_its_lists() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let list = new_list(&bot).await;
    let other = new_list(&bot).await;
    let job = bot
        .call(&SlackListsDownloadStart::new(list.clone()))
        .await
        .unwrap()
        .job_id
        .clone();

    let unknown_job = SlackListsDownloadGet::new(list.clone(), "Le0");
    assert_eq!(code(bot.call(&unknown_job).await), "job_not_found");
    let wrong_list = SlackListsDownloadGet::new(other.clone(), job.clone());
    assert_eq!(code(bot.call(&wrong_list).await), "job_not_found");
    let unknown = FileId::new("F0NOSUCHLIST").unwrap();
    assert_eq!(
        code(
            bot.call(&SlackListsDownloadStart::new(unknown.clone()))
                .await
        ),
        "list_not_found"
    );
    assert_eq!(
        code(
            bot.call(&SlackListsDownloadGet::new(unknown, job.clone()))
                .await
        ),
        "list_not_found"
    );

    // Grace cannot see the list; a reader can export it, but not look at the bot's job.
    assert_eq!(
        code(
            grace
                .call(&SlackListsDownloadStart::new(list.clone()))
                .await
        ),
        "list_not_found"
    );
    let read =
        SlackListsAccessSet::for_users(list.clone(), ListAccessLevel::Read, [user(demo::GRACE)]);
    bot.call(&read).await.unwrap();
    let hers = grace
        .call(&SlackListsDownloadStart::new(list.clone()))
        .await
        .unwrap()
        .job_id
        .clone();
    grace
        .call(&SlackListsDownloadGet::new(list.clone(), hers))
        .await
        .unwrap();
    let theirs = SlackListsDownloadGet::new(list.clone(), job);
    assert_eq!(code(grace.call(&theirs).await), "job_not_found");

    // Exporting reads: `lists:write` alone does not do.
    let write_only = client(&emu, LINUS_WRITE_ONLY);
    assert_eq!(
        code(write_only.call(&SlackListsDownloadStart::new(list)).await),
        "missing_scope"
    );
}

#[test]
fn the_facts_of_the_access_and_export_tools() {
    assert_eq!(
        [
            tool_facts::<SlackListsAccessSet>(),
            tool_facts::<SlackListsAccessDelete>(),
            tool_facts::<SlackListsDownloadStart>(),
            tool_facts::<SlackListsDownloadGet>(),
        ],
        [
            ("slackLists.access.set", true, true, &["lists:write"][..]),
            ("slackLists.access.delete", true, true, &["lists:write"][..]),
            (
                "slackLists.download.start",
                false,
                false,
                &["lists:read"][..]
            ),
            ("slackLists.download.get", false, false, &["lists:read"][..]),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_shares_a_list_and_exports_it_by_name() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let list = new_list(&bot).await;
    let tools = Registry::bundled();
    tools
        .call(
            &bot,
            "slackListsAccessSet",
            serde_json::json!({
                "list_id": list.as_str(),
                "access_level": "write",
                "user_ids": [demo::GRACE, demo::LINUS],
            }),
        )
        .await
        .unwrap();
    let access = emu.slack_list_access(list.as_str()).unwrap();
    assert_eq!(access["access"][demo::LINUS], "write");
    let linus = client(&emu, LINUS_TOKEN);
    linus.call(&rename(&list)).await.unwrap();

    let error = tools
        .call(
            &bot,
            "slackListsAccessSet",
            serde_json::json!({
                "list_id": list.as_str(),
                "access_level": "owner",
                "channel_ids": [demo::GENERAL],
            }),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            ToolError::Call(slack_methods::Error::InvalidRequest { .. })
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("only a user can own a list"),
        "{error}"
    );

    let started = tools
        .call(
            &bot,
            "slackListsDownloadStart",
            serde_json::json!({"list_id": list.as_str()}),
        )
        .await
        .unwrap();
    let job = started["job_id"].as_str().unwrap();
    let got: Value = tools
        .call(
            &bot,
            "slackListsDownloadGet",
            serde_json::json!({"list_id": list.as_str(), "job_id": job}),
        )
        .await
        .unwrap();
    assert_eq!(got["status"], "COMPLETED");
    assert!(got["download_url"]
        .as_str()
        .unwrap()
        .contains("/lists/download/"));
    assert!(tools.get("slackListsAccessDelete").unwrap().destructive);
    assert!(!tools.get("slackListsDownloadStart").unwrap().destructive);
}
