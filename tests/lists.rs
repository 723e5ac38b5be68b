//! The Slack Lists bindings against the emulator, over real HTTP: a list created (with its
//! columns, copied, in todo mode) and changed reads back as Slack would keep it; what Slack's
//! pages call invalid is refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::{json, Value};
use slack_methods::methods::{
    ColumnType, ListColumn, SelectChoice, SlackListsCreate, SlackListsUpdate,
};
use slack_methods::{Client, FileId, SlackMethod};
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

fn tasks_schema() -> Vec<ListColumn> {
    vec![
        ListColumn::primary("task", "Task"),
        ListColumn::select(
            "status",
            "Status",
            [
                SelectChoice::new("todo", "To do").color("red"),
                SelectChoice::new("done", "Done").color("green"),
            ],
        ),
        ListColumn::new("due", "Due", ColumnType::Date),
    ]
}

/// A new list of the caller's with the tasks schema: its id.
async fn new_list(client: &Client) -> FileId {
    client
        .call(&SlackListsCreate::new("Launch").schema(tasks_schema()))
        .await
        .unwrap()
        .list_id
        .clone()
}

fn keys(list: &Value) -> Vec<String> {
    list["schema"]
        .as_array()
        .unwrap()
        .iter()
        .map(|column| column["key"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_list_with_columns_answers_them_with_their_ids_and_reads_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let created = bot
        .call(
            &SlackListsCreate::new("Launch")
                .description("What is left")
                .schema(tasks_schema()),
        )
        .await
        .unwrap();
    assert!(created.list_id.as_str().starts_with('F'));
    let metadata = created.list_metadata.as_ref().unwrap();
    let columns: Vec<&ListColumn> = metadata.schema.iter().collect();
    assert_eq!(columns.len(), 3);
    assert!(columns
        .iter()
        .all(|c| c.id.as_deref().unwrap().starts_with("Col")));
    assert_eq!(columns[0].key, "task");
    assert!(columns[0].is_primary());
    assert_eq!(columns[1].column_type, ColumnType::Select);
    let choices = columns[1]
        .options
        .as_ref()
        .unwrap()
        .choices
        .as_ref()
        .unwrap();
    assert_eq!(choices[1].value, "done");
    assert_eq!(choices[1].color.as_deref(), Some("green"));
    assert_eq!(columns[2].column_type, ColumnType::Date);

    let sent = emu.requests_for(SlackListsCreate::NAME);
    let last = sent.last().unwrap();
    let schema: Value = serde_json::from_str(last.param("schema").unwrap()).unwrap();
    assert_eq!(
        schema[0],
        json!({"key": "task", "name": "Task", "type": "text", "is_primary_column": true})
    );
    let description: Value =
        serde_json::from_str(last.param("description_blocks").unwrap()).unwrap();
    assert_eq!(
        description[0]["elements"][0]["elements"][0],
        json!({"type": "text", "text": "What is left"})
    );

    let list = emu.slack_list(created.list_id.as_str()).unwrap();
    assert_eq!(list["name"], "Launch");
    assert_eq!(list["created_by"], demo::BOT);
    assert_eq!(list["todo_mode"], false);
    assert_eq!(keys(&list), ["task", "status", "due"]);
    assert_eq!(list["description_blocks"], description);
}

#[tokio::test]
async fn without_a_schema_a_list_has_one_text_column_and_todo_mode_adds_the_task_columns() {
    let emu = emulator().await;
    let grace = client(&emu, GRACE_TOKEN);
    let plain = grace.call(&SlackListsCreate::new("Notes")).await.unwrap();
    let schema = &plain.list_metadata.as_ref().unwrap().schema;
    assert_eq!(schema.len(), 1);
    assert_eq!(schema.first().unwrap().column_type, ColumnType::Text);
    assert!(schema.first().unwrap().is_primary());
    assert_eq!(
        emu.requests_for(SlackListsCreate::NAME)
            .last()
            .unwrap()
            .param("schema"),
        None
    );

    let todo = grace
        .call(&SlackListsCreate::new("Chores").todo_mode(true))
        .await
        .unwrap();
    let types: Vec<ColumnType> = todo
        .list_metadata
        .as_ref()
        .unwrap()
        .schema
        .iter()
        .map(|column| column.column_type.clone())
        .collect();
    assert_eq!(
        types,
        [
            ColumnType::Text,
            ColumnType::TodoCompleted,
            ColumnType::TodoAssignee,
            ColumnType::TodoDueDate
        ]
    );
    let list = emu.slack_list(todo.list_id.as_str()).unwrap();
    assert_eq!(list["created_by"], demo::GRACE);
    assert_eq!(list["todo_mode"], true);
}

#[tokio::test]
async fn a_copy_takes_the_columns_of_the_callers_list() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let original = new_list(&bot).await;
    let copy = bot
        .call(&SlackListsCreate::copy_of(
            "Launch (copy)",
            original.clone(),
            true,
        ))
        .await
        .unwrap();
    assert_ne!(copy.list_id, original);
    let copied = emu.slack_list(copy.list_id.as_str()).unwrap();
    assert_eq!(keys(&copied), ["task", "status", "due"]);
    let first = emu.slack_list(original.as_str()).unwrap();
    assert_ne!(copied["schema"][0]["id"], first["schema"][0]["id"]);
    let last = emu.requests_for(SlackListsCreate::NAME);
    let last = last.last().unwrap();
    assert_eq!(last.param("copy_from_list_id"), Some(original.as_str()));
    assert_eq!(last.param("include_copied_list_records"), Some("true"));

    // Another user's list, or none, is not found.
    let grace = client(&emu, GRACE_TOKEN);
    let result = grace
        .call(&SlackListsCreate::copy_of("Mine", original, false))
        .await;
    assert_eq!(code(result), "list_not_found");
    let result = bot
        .call(&SlackListsCreate::copy_of(
            "Mine",
            FileId::new("F0NOSUCHLIST").unwrap(),
            false,
        ))
        .await;
    assert_eq!(code(result), "list_not_found");
}

/// `slackLists.create` with the arguments as they are, unchecked: for what the emulator
/// answers to what the typed binding would not send.
#[slack_methods::slack_method("slackLists.create", scope = "lists:write")]
struct RawCreate {
    name: String,
    schema: Option<String>,
    copy_from_list_id: Option<String>,
    description_blocks: Option<String>,
}

fn raw(name: &str, schema: Option<&str>) -> RawCreate {
    RawCreate {
        name: name.to_owned(),
        schema: schema.map(str::to_owned),
        copy_from_list_id: None,
        description_blocks: None,
    }
}

#[tokio::test]
async fn what_the_binding_refuses_slack_answers_with_its_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let original = new_list(&bot).await;
    let mut both = raw("Both", Some(r#"[{"key":"a","name":"A","type":"text"}]"#));
    both.copy_from_list_id = Some(original.as_str().to_owned());
    assert_eq!(code(bot.call(&both).await), "invalid_copy_and_schema_args");

    for schema in [
        "not json",
        r#"{"key":"a"}"#,
        r#"[{"key":"a","name":"A"}]"#,
        r#"[{"key":"a","name":"A","type":"number","is_primary_column":true}]"#,
        r#"[{"key":"a","name":"A","type":"text","is_primary_column":true},{"key":"b","name":"B","type":"text","is_primary_column":true}]"#,
    ] {
        let result = bot.call(&raw("Bad", Some(schema))).await;
        assert_eq!(code(result), "invalid_arguments", "{schema}");
    }
    assert_eq!(code(bot.call(&raw(" ", None)).await), "invalid_arguments");
    let mut described = raw("Described", None);
    described.description_blocks = Some(r#"[{"text":"no type"}]"#.to_owned());
    assert_eq!(code(bot.call(&described).await), "invalid_arguments");

    // A type the emulator does not know is kept as written, and read back as `Other`.
    let created = bot
        .call(&SlackListsCreate::new("Future").schema([ListColumn::new(
            "score",
            "Score",
            ColumnType::from("formula"),
        )]))
        .await
        .unwrap();
    let column = created
        .list_metadata
        .as_ref()
        .unwrap()
        .schema
        .first()
        .unwrap()
        .clone();
    assert_eq!(column.column_type, ColumnType::Other("formula".into()));
}

#[tokio::test]
async fn a_schema_slack_calls_invalid_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let two = SlackListsCreate::new("Two")
        .schema([ListColumn::primary("a", "A"), ListColumn::primary("b", "B")]);
    assert!(refused(bot.call(&two).await).contains("2 primary columns"));
    let mut number = ListColumn::new("n", "N", ColumnType::Number);
    number.is_primary_column = Some(true);
    let not_text = SlackListsCreate::new("Numbers").schema([number]);
    assert!(refused(bot.call(&not_text).await).contains("text column"));
    let both = SlackListsCreate::copy_of("Both", FileId::new("F0123ABCD").unwrap(), false)
        .schema(tasks_schema());
    assert!(refused(bot.call(&both).await).contains("copy_from_list_id"));
    let nothing = SlackListsUpdate::new(FileId::new("F0123ABCD").unwrap());
    assert!(refused(bot.call(&nothing).await).contains("nothing to change"));
    assert!(emu.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_update_renames_describes_and_turns_todo_mode_on_and_off() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_list(&bot).await;
    bot.call(&SlackListsUpdate::new(id.clone()).name("Launch v2"))
        .await
        .unwrap();
    let list = emu.slack_list(id.as_str()).unwrap();
    assert_eq!(list["name"], "Launch v2");
    assert_eq!(
        emu.requests_for(SlackListsUpdate::NAME)
            .last()
            .unwrap()
            .param("id"),
        Some(id.as_str())
    );

    bot.call(
        &SlackListsUpdate::new(id.clone())
            .description("Only the launch")
            .todo_mode(true),
    )
    .await
    .unwrap();
    let list = emu.slack_list(id.as_str()).unwrap();
    assert_eq!(list["todo_mode"], true);
    assert_eq!(
        list["description_blocks"][0]["elements"][0]["elements"][0]["text"],
        "Only the launch"
    );
    assert_eq!(
        keys(&list),
        [
            "task",
            "status",
            "due",
            "todo_completed",
            "todo_assignee",
            "todo_due_date"
        ]
    );
    // Off keeps the task columns; on again adds none.
    for on in [false, true] {
        bot.call(&SlackListsUpdate::new(id.clone()).todo_mode(on))
            .await
            .unwrap();
        let list = emu.slack_list(id.as_str()).unwrap();
        assert_eq!(list["todo_mode"], on);
        assert_eq!(keys(&list).len(), 6);
    }
}

/// `slackLists.update` with nothing to change, which the typed binding refuses.
#[slack_methods::slack_method("slackLists.update", scope = "lists:write")]
struct RawUpdate {
    id: String,
}

#[tokio::test]
async fn an_update_of_an_unknown_or_others_list_or_of_nothing_is_refused_by_slack() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_list(&bot).await;
    let result = bot
        .call(&RawUpdate {
            id: id.as_str().to_owned(),
        })
        .await;
    assert_eq!(code(result), "missing_arguments");
    let grace = client(&emu, GRACE_TOKEN);
    let result = grace
        .call(&SlackListsUpdate::new(id.clone()).name("Mine now"))
        .await;
    assert_eq!(code(result), "list_not_found");
    let result = bot
        .call(&SlackListsUpdate::new(FileId::new("F0NOSUCHLIST").unwrap()).name("X"))
        .await;
    assert_eq!(code(result), "list_not_found");
    assert_eq!(emu.slack_list(id.as_str()).unwrap()["name"], "Launch");
}

#[tokio::test]
async fn a_token_without_the_scope_is_refused() {
    let emu = emulator().await;
    let bot = client(&emu, NO_LISTS_SCOPE);
    let result = bot.call(&SlackListsCreate::new("Launch")).await;
    assert_eq!(code(result), "missing_scope");
    let result = bot
        .call(&SlackListsUpdate::new(FileId::new("F0123ABCD").unwrap()).name("X"))
        .await;
    assert_eq!(code(result), "missing_scope");
}

#[test]
fn updating_is_destructive_and_creating_is_not() {
    // (method, writes, destructive, scopes): `update` says it, so no binding overrides it.
    assert_eq!(
        [
            common::tool_facts::<SlackListsCreate>(),
            common::tool_facts::<SlackListsUpdate>(),
        ],
        [
            ("slackLists.create", true, false, &["lists:write"][..]),
            ("slackLists.update", true, true, &["lists:write"][..]),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_creates_a_list_with_columns_as_json() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = Registry::bundled();
    let created = tools
        .call(
            &bot,
            "slackListsCreate",
            json!({
                "name": "Agent's list",
                "schema": [
                    {"key": "task", "name": "Task", "type": "text", "is_primary_column": true},
                    {"key": "status", "name": "Status", "type": "select",
                     "options": {"choices": [{"value": "done", "label": "Done", "color": "green"}]}},
                ],
            }),
        )
        .await
        .unwrap();
    let id = created["list_id"].as_str().unwrap();
    assert_eq!(keys(&emu.slack_list(id).unwrap()), ["task", "status"]);
    let error = tools
        .call(
            &bot,
            "slackListsCreate",
            json!({"name": "No type", "schema": [{"key": "task", "name": "Task"}]}),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
    assert!(error.to_string().contains("schema"), "{error}");
    assert!(tools.get("slackListsUpdate").unwrap().destructive);
    assert!(!tools.get("slackListsCreate").unwrap().destructive);
}

#[tokio::test]
async fn a_primary_column_of_type_text_written_by_name_is_a_text_column() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // `ColumnType::Other("text")` is written `text` on the wire: the text column Slack takes.
    let mut task = ListColumn::new("task", "Task", ColumnType::Other("text".into()));
    task.is_primary_column = Some(true);
    let create = SlackListsCreate::new("Tasks").schema([task]);
    let created = bot.call(&create).await.unwrap();
    let schema = created.data.list_metadata.unwrap().schema;
    let column = schema.first().unwrap();
    assert_eq!(column.column_type, ColumnType::Text);
    assert!(column.is_primary());
}
