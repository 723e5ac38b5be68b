//! Who may see or change a Slack list, against the emulator over real HTTP: access given to
//! users and channels changes who reads and who changes a list; what Slack's pages call
//! invalid is refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, tool_facts, unpaced_client as client};

use slack_methods::methods::{
    ListAccessLevel, SlackListsAccessDelete, SlackListsAccessSet, SlackListsCreate,
    SlackListsUpdate,
};
use slack_methods::{ChannelId, Client, FileId, SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};

/// A bot token without the list scopes.
const NO_LISTS_SCOPE: &str = "xoxb-no-lists-scope";
/// A user token of Grace, with the list scopes.
const GRACE_TOKEN: &str = "xoxp-grace-lists";
/// A user token of Linus, with the list scopes.
const LINUS_TOKEN: &str = "xoxp-linus-lists";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_LISTS_SCOPE, demo::BOT, &["chat:write"]);
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["lists:write", "lists:read"]);
    emu.add_token(LINUS_TOKEN, demo::LINUS, &["lists:write", "lists:read"]);
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

    assert!(emu.requests().is_empty(), "nothing was sent");
}

#[test]
fn the_facts_of_the_access_tools() {
    assert_eq!(
        [
            tool_facts::<SlackListsAccessSet>(),
            tool_facts::<SlackListsAccessDelete>(),
        ],
        [
            ("slackLists.access.set", true, true, &["lists:write"][..]),
            ("slackLists.access.delete", true, true, &["lists:write"][..]),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_shares_a_list_by_name() {
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

    assert!(tools.get("slackListsAccessDelete").unwrap().destructive);
    assert!(tools.get("slackListsAccessSet").unwrap().destructive);
}
