//! The Slack Lists item bindings against the emulator, over real HTTP: items created with
//! typed cells, as copies and as subtasks, read one by one and page by page, written, and
//! deleted; what Slack's pages call invalid is refused before sending; Slack's errors come back
//! typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use serde_json::{json, Value};
use slack_methods::methods::{
    CellValue, ColumnType, ListCell, ListColumn, SelectChoice, SlackListsCreate,
    SlackListsItemsCreate, SlackListsItemsDelete, SlackListsItemsDeleteMultiple,
    SlackListsItemsInfo, SlackListsItemsList, SlackListsItemsUpdate,
};
use slack_methods::{Client, FileId, SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};

/// A bot token without the list scopes.
const NO_LISTS_SCOPE: &str = "xoxb-no-lists-scope";
/// A user token of Grace, with the list scopes.
const GRACE_TOKEN: &str = "xoxp-grace-lists";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_LISTS_SCOPE, demo::BOT, &["chat:write"]);
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["lists:write", "lists:read"]);
    emu
}

/// A list of the caller's and its columns' ids, by key: `task` (text, primary), `status`
/// (select: `todo`, `done`), `due` (date), `owner` (user), `done` (checkbox), `points`
/// (number), `stars` (rating).
struct Board {
    id: FileId,
    columns: Vec<(String, String)>,
}

impl Board {
    fn col(&self, key: &str) -> String {
        self.columns
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, id)| id.clone())
            .unwrap()
    }
}

async fn new_board(client: &Client) -> Board {
    let created = client
        .call(&SlackListsCreate::new("Board").schema([
            ListColumn::primary("task", "Task"),
            ListColumn::select(
                "status",
                "Status",
                [
                    SelectChoice::new("todo", "To do"),
                    SelectChoice::new("done", "Done"),
                ],
            ),
            ListColumn::new("due", "Due", ColumnType::Date),
            ListColumn::new("owner", "Owner", ColumnType::User),
            ListColumn::new("done", "Done", ColumnType::Checkbox),
            ListColumn::new("points", "Points", ColumnType::Number),
            ListColumn::new("stars", "Stars", ColumnType::Rating),
        ]))
        .await
        .unwrap();
    let columns = created
        .list_metadata
        .as_ref()
        .unwrap()
        .schema
        .iter()
        .map(|c| (c.key.clone(), c.id.clone().unwrap()))
        .collect();
    Board {
        id: created.list_id.clone(),
        columns,
    }
}

/// A new item of `board` titled `title`: its id.
async fn new_item(client: &Client, board: &Board, title: &str) -> String {
    let created = client
        .call(
            &SlackListsItemsCreate::new(board.id.clone())
                .fields([ListCell::text(board.col("task"), title)]),
        )
        .await
        .unwrap();
    created.data.item.unwrap().id
}

fn ids(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn an_item_created_with_typed_cells_answers_and_reads_them_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let create = SlackListsItemsCreate::new(board.id.clone()).fields([
        ListCell::text(board.col("task"), "Write the launch post"),
        ListCell::new(board.col("status"), CellValue::Select(vec!["todo".into()])),
        ListCell::new(board.col("due"), CellValue::Date(vec!["2026-12-01".into()])),
        ListCell::new(
            board.col("owner"),
            CellValue::User(vec![UserId::new(demo::ADA).unwrap()]),
        ),
        ListCell::new(board.col("done"), CellValue::Checkbox(false)),
        ListCell::new(board.col("points"), CellValue::Number(vec![3.5])),
        ListCell::new(
            board.col("stars"),
            CellValue::Other {
                kind: "rating".into(),
                value: json!([4]),
            },
        ),
    ]);
    let item = bot.call(&create).await.unwrap().data.item.unwrap();
    assert!(item.id.starts_with("Rec"), "{}", item.id);
    assert_eq!(item.list_id.as_ref(), Some(&board.id));
    assert_eq!(
        item.created_by.as_ref().map(UserId::as_str),
        Some(demo::BOT)
    );
    let cell = |key: &str| item.field(&board.col(key)).unwrap().cell();
    let title = item.field(&board.col("task")).unwrap();
    assert_eq!(title.text.as_deref(), Some("Write the launch post"));
    assert_eq!(cell("task"), Some(CellValue::text("Write the launch post")));
    assert_eq!(cell("status"), Some(CellValue::Select(vec!["todo".into()])));
    assert_eq!(
        cell("due"),
        Some(CellValue::Date(vec!["2026-12-01".into()]))
    );
    assert_eq!(
        cell("owner"),
        Some(CellValue::User(vec![UserId::new(demo::ADA).unwrap()]))
    );
    assert_eq!(cell("done"), Some(CellValue::Checkbox(false)));
    assert_eq!(cell("points"), Some(CellValue::Number(vec![3.5])));
    // A kind the binding does not type stays as JSON, beside what else Slack adds.
    let stars = item.field(&board.col("stars")).unwrap();
    assert_eq!(stars.cell(), None);
    assert_eq!(stars.extra["rating"], json!([4]));

    // The form carries the cells as JSON text, as Slack's pages write them.
    let sent = emu.requests_for(SlackListsItemsCreate::NAME);
    let fields: Value =
        serde_json::from_str(sent.last().unwrap().param("initial_fields").unwrap()).unwrap();
    assert_eq!(
        fields[1],
        json!({"column_id": board.col("status"), "select": ["todo"]})
    );

    let info = bot
        .call(&SlackListsItemsInfo::new(board.id.clone(), item.id.clone()).with_subscription())
        .await
        .unwrap();
    assert_eq!(info.record.id, item.id);
    assert_eq!(info.record.is_subscribed, Some(false));
    assert_eq!(info.record.fields.len(), 7);
    assert_eq!(info.list.as_ref().unwrap()["name"], "Board");
    assert!(info.subtasks.is_empty());
    let kept = emu.slack_list_items(board.id.as_str()).unwrap();
    assert_eq!(ids(&kept), [item.id.as_str()]);
}

#[tokio::test]
async fn subtasks_and_copies_belong_to_their_item() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let parent = new_item(&bot, &board, "Launch").await;
    let status = ListCell::new(board.col("status"), CellValue::Select(vec!["done".into()]));
    let subtask = bot
        .call(
            &SlackListsItemsCreate::new(board.id.clone())
                .subtask_of(parent.clone())
                .fields([ListCell::text(board.col("task"), "Post"), status]),
        )
        .await
        .unwrap()
        .data
        .item
        .unwrap();
    assert_eq!(subtask.parent_record_id.as_deref(), Some(parent.as_str()));

    // A copy takes the copied item's cells and parent; the cells given come on top.
    let copy = bot
        .call(
            &SlackListsItemsCreate::new(board.id.clone())
                .copy_of(subtask.id.clone())
                .fields([ListCell::text(board.col("task"), "Post again")]),
        )
        .await
        .unwrap()
        .data
        .item
        .unwrap();
    assert_ne!(copy.id, subtask.id);
    assert_eq!(copy.parent_record_id.as_deref(), Some(parent.as_str()));
    assert_eq!(
        copy.field(&board.col("status")).unwrap().cell(),
        Some(CellValue::Select(vec!["done".into()]))
    );
    assert_eq!(
        copy.field(&board.col("task")).unwrap().text.as_deref(),
        Some("Post again")
    );

    let info = bot
        .call(&SlackListsItemsInfo::new(board.id.clone(), parent.clone()))
        .await
        .unwrap();
    let subtasks: Vec<&str> = info.subtasks.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(subtasks, [subtask.id.as_str(), copy.id.as_str()]);
    assert_eq!(info.record.is_subscribed, None);

    let create = |build: fn(SlackListsItemsCreate) -> SlackListsItemsCreate| {
        build(SlackListsItemsCreate::new(board.id.clone()))
    };
    let result = bot.call(&create(|c| c.copy_of("Rec0NOSUCH"))).await;
    assert_eq!(code(result), "duplicated_item_not_found");
    let result = bot.call(&create(|c| c.subtask_of("Rec0NOSUCH"))).await;
    assert_eq!(code(result), "invalid_args");
    // A subtask has no subtasks of its own.
    let nested = SlackListsItemsCreate::new(board.id.clone()).subtask_of(subtask.id.clone());
    assert_eq!(code(bot.call(&nested).await), "invalid_args");
    assert_eq!(emu.slack_list_items(board.id.as_str()).unwrap().len(), 3);
}

#[tokio::test]
async fn the_items_of_a_list_come_page_by_page() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let mut made = Vec::new();
    for n in 0..13 {
        made.push(new_item(&bot, &board, &format!("Task {n}")).await);
    }
    let list = SlackListsItemsList::new(board.id.clone()).limit(5);
    let first = bot.call(&list).await.unwrap();
    assert_eq!(first.items.len(), 5);
    assert!(first.next_cursor.is_some());
    let items: Vec<String> = bot
        .items(&list)
        .map_ok(|item| item.into_parsed().unwrap().id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, made);
    assert_eq!(emu.requests_for(SlackListsItemsList::NAME).len(), 1 + 3);

    let archived = bot
        .call(&SlackListsItemsList::new(board.id.clone()).archived())
        .await
        .unwrap();
    assert!(archived.items.is_empty());
    let mut bad = SlackListsItemsList::new(board.id.clone());
    bad.cursor = Some("not-a-cursor".into());
    assert_eq!(code(bot.call(&bad).await), "invalid_cursor");
}

#[tokio::test]
async fn an_update_writes_cells_or_none_of_them() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let item = new_item(&bot, &board, "Launch").await;
    let cell = |key: &str, value: CellValue| ListCell::new(board.col(key), value).row(item.clone());
    bot.call(&SlackListsItemsUpdate::new(
        board.id.clone(),
        [
            cell("done", CellValue::Checkbox(true)),
            ListCell::text(board.col("task"), "Launch v2").row(item.clone()),
        ],
    ))
    .await
    .unwrap();
    let info = bot
        .call(&SlackListsItemsInfo::new(board.id.clone(), item.clone()))
        .await
        .unwrap();
    let field = |key: &str| info.record.field(&board.col(key)).unwrap().cell();
    assert_eq!(field("done"), Some(CellValue::Checkbox(true)));
    assert_eq!(field("task"), Some(CellValue::text("Launch v2")));

    let before = emu.slack_list_items(board.id.as_str()).unwrap();
    let update = |bad: ListCell| {
        SlackListsItemsUpdate::new(
            board.id.clone(),
            [cell("points", CellValue::Number(vec![8.0])), bad],
        )
    };
    let wrong_row = ListCell::new(board.col("done"), CellValue::Checkbox(false)).row("Rec0NOSUCH");
    for (bad, expected) in [
        (wrong_row, "invalid_row_id"),
        (
            ListCell::new("Col0NOSUCH", CellValue::Checkbox(false)).row(item.clone()),
            "invalid_column_id",
        ),
        (
            cell("due", CellValue::Number(vec![1.0])),
            "invalid_input_type",
        ),
        (
            cell("due", CellValue::Date(vec!["next week".into()])),
            "invalid_input_type",
        ),
        (
            cell("status", CellValue::Select(vec!["maybe".into()])),
            "invalid_option_id",
        ),
        (
            cell(
                "owner",
                CellValue::User(vec![UserId::new("U0NOBODY1").unwrap()]),
            ),
            "user_not_found",
        ),
    ] {
        assert_eq!(code(bot.call(&update(bad)).await), expected);
    }
    // The good cell before each bad one was not written either.
    assert_eq!(emu.slack_list_items(board.id.as_str()).unwrap(), before);
}

#[tokio::test]
async fn deleting_removes_items_with_their_subtasks() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let first = new_item(&bot, &board, "One").await;
    let second = new_item(&bot, &board, "Two").await;
    let third = new_item(&bot, &board, "Three").await;
    let child = bot
        .call(&SlackListsItemsCreate::new(board.id.clone()).subtask_of(first.clone()))
        .await
        .unwrap()
        .data
        .item
        .unwrap()
        .id;
    bot.call(&SlackListsItemsDelete::new(board.id.clone(), first.clone()))
        .await
        .unwrap();
    let kept = emu.slack_list_items(board.id.as_str()).unwrap();
    assert_eq!(ids(&kept), [second.as_str(), third.as_str()]);
    let gone = SlackListsItemsInfo::new(board.id.clone(), child.clone());
    assert_eq!(code(bot.call(&gone).await), "record_not_found");
    let again = SlackListsItemsDelete::new(board.id.clone(), first.clone());
    assert_eq!(code(bot.call(&again).await), "record_not_found");

    // One unknown id deletes none.
    let some_unknown =
        SlackListsItemsDeleteMultiple::new(board.id.clone(), [second.as_str(), "Rec0NOSUCH"]);
    assert_eq!(code(bot.call(&some_unknown).await), "record_not_found");
    assert_eq!(emu.slack_list_items(board.id.as_str()).unwrap().len(), 2);
    bot.call(&SlackListsItemsDeleteMultiple::new(
        board.id.clone(),
        [second.as_str(), third.as_str()],
    ))
    .await
    .unwrap();
    assert!(emu.slack_list_items(board.id.as_str()).unwrap().is_empty());
    let sent = emu.requests_for(SlackListsItemsDeleteMultiple::NAME);
    assert_eq!(
        sent.last().unwrap().param("ids"),
        Some(format!(r#"["{second}","{third}"]"#).as_str())
    );
}

#[tokio::test]
async fn another_users_list_or_an_unknown_one_is_not_found() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let item = new_item(&bot, &board, "Mine").await;
    let grace = client(&emu, GRACE_TOKEN);
    let unknown = FileId::new("F0NOSUCHLIST").unwrap();
    for (caller, list) in [(&grace, board.id.clone()), (&bot, unknown)] {
        let calls = [
            code(caller.call(&SlackListsItemsCreate::new(list.clone())).await),
            code(
                caller
                    .call(&SlackListsItemsInfo::new(list.clone(), item.clone()))
                    .await,
            ),
            code(caller.call(&SlackListsItemsList::new(list.clone())).await),
            code(
                caller
                    .call(&SlackListsItemsUpdate::new(
                        list.clone(),
                        [ListCell::text(board.col("task"), "x").row(item.clone())],
                    ))
                    .await,
            ),
            code(
                caller
                    .call(&SlackListsItemsDelete::new(list.clone(), item.clone()))
                    .await,
            ),
            code(
                caller
                    .call(&SlackListsItemsDeleteMultiple::new(
                        list.clone(),
                        [item.clone()],
                    ))
                    .await,
            ),
        ];
        assert_eq!(calls, ["list_not_found"; 6]);
    }
    assert_eq!(emu.slack_list_items(board.id.as_str()).unwrap().len(), 1);
}

#[tokio::test]
async fn a_token_without_the_scopes_is_refused() {
    let emu = emulator().await;
    let bot = client(&emu, NO_LISTS_SCOPE);
    let list = FileId::new("F0123ABCD").unwrap();
    let result = bot.call(&SlackListsItemsCreate::new(list.clone())).await;
    assert_eq!(code(result), "missing_scope");
    let result = bot.call(&SlackListsItemsList::new(list)).await;
    assert_eq!(code(result), "missing_scope");
}

#[tokio::test]
async fn what_slack_calls_invalid_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let list = FileId::new("F0123ABCD").unwrap();
    let nothing = SlackListsItemsUpdate::new(list.clone(), []);
    assert!(refused(bot.call(&nothing).await).contains("`cells` is empty"));
    let no_row = SlackListsItemsUpdate::new(list.clone(), [ListCell::text("Col01", "x")]);
    assert!(refused(bot.call(&no_row).await).contains("give its `row_id`"));
    let blank_row =
        SlackListsItemsUpdate::new(list.clone(), [ListCell::text("Col01", "x").row(" ")]);
    assert!(refused(bot.call(&blank_row).await).contains("`row_id` is empty"));
    let no_column = SlackListsItemsCreate::new(list.clone()).fields([ListCell::text("", "x")]);
    assert!(refused(bot.call(&no_column).await).contains("`column_id` is empty"));
    let blank_parent = SlackListsItemsCreate::new(list.clone()).subtask_of("");
    assert!(refused(bot.call(&blank_parent).await).contains("`parent_item_id` is empty"));
    let blank_copy = SlackListsItemsCreate::new(list.clone()).copy_of(" ");
    assert!(refused(bot.call(&blank_copy).await).contains("`duplicated_item_id` is empty"));
    let blank_info = SlackListsItemsInfo::new(list.clone(), "");
    assert!(refused(bot.call(&blank_info).await).contains("`id` is empty"));
    let blank_delete = SlackListsItemsDelete::new(list.clone(), " ");
    assert!(refused(bot.call(&blank_delete).await).contains("`id` is empty"));
    let no_ids = SlackListsItemsDeleteMultiple::new(list.clone(), Vec::<String>::new());
    assert!(refused(bot.call(&no_ids).await).contains("`ids` is empty"));
    let blank_id = SlackListsItemsDeleteMultiple::new(list.clone(), ["Rec01", ""]);
    assert!(refused(bot.call(&blank_id).await).contains("`ids` 1 is empty"));
    // JSON has no NaN nor infinity: serde_json would write `null`.
    let not_a_number = SlackListsItemsCreate::new(list.clone()).fields([ListCell::new(
        "Col02",
        CellValue::Number(vec![1.0, f64::NAN]),
    )]);
    assert_eq!(
        refused(bot.call(&not_a_number).await),
        "the cell of column `Col02` holds the number NaN, which JSON cannot carry; give finite numbers",
    );
    let infinite = SlackListsItemsUpdate::new(
        list.clone(),
        [ListCell::new("Col02", CellValue::Number(vec![f64::INFINITY])).row("Rec01")],
    );
    assert!(refused(bot.call(&infinite).await).contains("the number inf,"));
    // A kind of value that is no field of its own would go out as a second `row_id`, or as a
    // blank field.
    for kind in ["row_id", "column_id", " "] {
        let clash = SlackListsItemsUpdate::new(
            list.clone(),
            [ListCell::new(
                "Col02",
                CellValue::Other {
                    kind: kind.into(),
                    value: json!("Rec02"),
                },
            )
            .row("Rec01")],
        );
        assert_eq!(
            refused(bot.call(&clash).await),
            format!("the cell of column `Col02` holds a value of kind `{kind}`, which is no value's field; name the kind of its column (rating, timestamp, ...)"),
        );
    }
    assert!(emu.requests().is_empty(), "nothing was sent");
}

/// `slackLists.items.update` and `.deleteMultiple` with their JSON written by hand, to check
/// what Slack answers to what the typed bindings would not send.
#[slack_methods::slack_method("slackLists.items.update", scope = "lists:write")]
struct RawUpdate {
    list_id: String,
    cells: String,
}

#[slack_methods::slack_method("slackLists.items.deleteMultiple", scope = "lists:write")]
struct RawDeleteMultiple {
    list_id: String,
    ids: String,
}

#[tokio::test]
async fn arguments_not_of_slacks_shapes_are_invalid_args() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let item = new_item(&bot, &board, "Launch").await;
    let task = board.col("task");
    for cells in [
        "not json".to_owned(),
        "[]".to_owned(),
        r#"["Rec01"]"#.to_owned(),
        format!(r#"[{{"row_id":"{item}","checkbox":true}}]"#),
        format!(r#"[{{"row_id":"{item}","column_id":"{task}"}}]"#),
        format!(r#"[{{"row_id":"{item}","column_id":"{task}","rich_text":[],"number":[1]}}]"#),
    ] {
        let raw = RawUpdate {
            list_id: board.id.as_str().to_owned(),
            cells: cells.clone(),
        };
        assert_eq!(code(bot.call(&raw).await), "invalid_args", "{cells}");
    }
    for ids in [r#"{"id":"Rec01"}"#, "[1]", "[]"] {
        let raw = RawDeleteMultiple {
            list_id: board.id.as_str().to_owned(),
            ids: ids.to_owned(),
        };
        assert_eq!(code(bot.call(&raw).await), "invalid_args", "{ids}");
    }
    // Comma-separated ids are taken too.
    let raw = RawDeleteMultiple {
        list_id: board.id.as_str().to_owned(),
        ids: item.clone(),
    };
    bot.call(&raw).await.unwrap();
    assert!(emu.slack_list_items(board.id.as_str()).unwrap().is_empty());
}

#[test]
fn deleting_and_updating_are_destructive_reading_is_not_a_write() {
    // (method, writes, destructive, scopes)
    assert_eq!(
        [
            common::tool_facts::<SlackListsItemsCreate>(),
            common::tool_facts::<SlackListsItemsInfo>(),
            common::tool_facts::<SlackListsItemsList>(),
            common::tool_facts::<SlackListsItemsUpdate>(),
            common::tool_facts::<SlackListsItemsDelete>(),
            common::tool_facts::<SlackListsItemsDeleteMultiple>(),
        ],
        [
            ("slackLists.items.create", true, false, &["lists:write"][..]),
            ("slackLists.items.info", false, false, &["lists:read"][..]),
            ("slackLists.items.list", false, false, &["lists:read"][..]),
            ("slackLists.items.update", true, true, &["lists:write"][..]),
            ("slackLists.items.delete", true, true, &["lists:write"][..]),
            (
                "slackLists.items.deleteMultiple",
                true,
                true,
                &["lists:write"][..]
            ),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_adds_and_updates_items_with_cells_as_json() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let board = new_board(&bot).await;
    let tools = Registry::bundled();
    let created = tools
        .call(
            &bot,
            "slackListsItemsCreate",
            json!({
                "list_id": board.id.as_str(),
                "initial_fields": [
                    {"column_id": board.col("task"), "rich_text": [{"type": "rich_text", "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": "From an agent"}]}
                    ]}]},
                    {"column_id": board.col("status"), "select": ["todo"]},
                ],
            }),
        )
        .await
        .unwrap();
    let id = created["item"]["id"].as_str().unwrap().to_owned();
    tools
        .call(
            &bot,
            "slackListsItemsUpdate",
            json!({
                "list_id": board.id.as_str(),
                "cells": [{"row_id": id, "column_id": board.col("done"), "checkbox": true}],
            }),
        )
        .await
        .unwrap();
    let page = tools
        .call(
            &bot,
            "slackListsItemsList",
            json!({"list_id": board.id.as_str()}),
        )
        .await
        .unwrap();
    let fields = page["items"][0]["fields"].as_array().unwrap();
    assert_eq!(fields[0]["text"], "From an agent");
    assert_eq!(fields[2]["checkbox"], json!([true]));

    // A cell with two values does not fit a cell: refused before sending.
    let sent = emu.requests().len();
    let error = tools
        .call(
            &bot,
            "slackListsItemsUpdate",
            json!({
                "list_id": board.id.as_str(),
                "cells": [{"row_id": id, "column_id": board.col("done"), "checkbox": true, "number": [1]}],
            }),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
    assert!(error.to_string().contains("one value"), "{error}");
    assert_eq!(emu.requests().len(), sent);
    assert!(
        tools
            .get("slackListsItemsDeleteMultiple")
            .unwrap()
            .destructive
    );
    assert!(!tools.get("slackListsItemsCreate").unwrap().destructive);
}
