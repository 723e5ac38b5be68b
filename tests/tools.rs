//! Bindings as tools: what `#[slack_method]` generates for them (names, descriptions, schemas),
//! and calls by name through the registry, against the emulator over loopback HTTP.

use serde_json::{json, Value};
use slack_methods::tools::{Registry, ToolError};
use slack_methods::types::{Blocks, Timestamp};
use slack_methods::{slack_method, ChannelId, Error, ErrorCode, FormValue, SlackMethod, SlackTool};
use slack_methods_emulator::demo;
use std::borrow::Cow;

mod common;

/// A value of the user's own, which can be sent but has no schema.
#[derive(serde::Deserialize)]
struct Shade(String);

impl FormValue for Shade {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(&self.0))
    }
}

/// Posts a message to a channel.
///
/// # Examples
///
/// Not part of the tool's description.
#[slack_method("chat.postMessage", scope = "chat:write")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Post {
    /// The channel, by [`ChannelId`].
    channel: ChannelId,
    /// The text.
    text: Option<String>,
    /// The parent message, to reply in its thread.
    #[slack(rename = "thread_ts")]
    #[serde(rename = "thread_ts")]
    thread: Option<Timestamp>,
    #[slack(json)]
    blocks: Option<Blocks>,
    #[slack(skip)]
    #[serde(skip)]
    note: bool,
    /// A value of a type without a schema.
    #[slack(unchecked)]
    shade: Option<Shade>,
}

#[slack_method("pins.list")]
struct PinsList {
    channel: ChannelId,
}

#[slack_method("chat.delete")]
struct ChatDelete {
    channel: ChannelId,
    ts: Timestamp,
}

#[slack_method("api.test")]
struct Generic<T: FormValue> {
    #[slack(unchecked)]
    ids: Vec<T>,
}

#[test]
fn the_attribute_describes_each_binding_as_a_tool() {
    assert_eq!(Post::OPERATION_ID, "chatPostMessage");
    assert_eq!(Post::DESCRIPTION, "Posts a message to a channel.");
    let names: Vec<&str> = Post::PARAMS.iter().map(|param| param.name).collect();
    assert_eq!(names, ["channel", "text", "thread_ts", "blocks", "shade"]);
    let schema = Value::Object(Post::input_schema());
    assert_eq!(schema["required"], json!(["channel"]));
    assert_eq!(
        schema["properties"]["channel"],
        json!({"type": "string", "pattern": "^[CGD][A-Z0-9]+$", "description": "The channel, by `ChannelId`."})
    );
    assert_eq!(
        schema["properties"]["thread_ts"]["description"],
        "The parent message, to reply in its thread."
    );
    // Without a doc comment, the type's own description stays.
    assert_eq!(
        schema["properties"]["blocks"]["type"],
        json!(["array", "null"])
    );
    assert!(schema["properties"]["blocks"]["description"]
        .as_str()
        .unwrap()
        .starts_with("Block Kit blocks"));
    // A type without a schema is described as anything.
    assert_eq!(
        schema["properties"]["shade"],
        json!({"description": "A value of a type without a schema."})
    );
    assert!(!slack_methods::ToolFacts::of::<Post>().destructive);

    // No doc comment: a description built from the method name.
    assert_eq!(PinsList::OPERATION_ID, "pinsList");
    assert_eq!(
        PinsList::DESCRIPTION,
        "Calls the Slack Web API method `pins.list`."
    );
    assert!(slack_methods::ToolFacts::of::<ChatDelete>().destructive);
    // A field of a generic type is described as anything.
    let generic = Value::Object(Generic::<u8>::input_schema());
    assert_eq!(generic["properties"]["ids"], json!({}));
    assert_eq!(
        <slack_methods::methods::AuthTest as SlackTool>::PARAMS.len(),
        0
    );
}

/**
 * Reads a user's profile,
 * the fields a user fills in.
 *
 * - one item
 */
#[slack_method("users.profile.get")]
#[allow(dead_code)]
struct ProfileGet {
    /**
     * The user to read.
     */
    user: Option<String>,
    /** Whether to include labels. */
    include_labels: Option<bool>,
}

#[test]
fn a_block_doc_comment_describes_a_tool_without_its_stars() {
    assert_eq!(
        ProfileGet::DESCRIPTION,
        "Reads a user's profile, the fields a user fills in.\n\n- one item"
    );
    let schema = Value::Object(ProfileGet::input_schema());
    assert_eq!(
        schema["properties"]["user"]["description"],
        "The user to read."
    );
    assert_eq!(
        schema["properties"]["include_labels"]["description"],
        "Whether to include labels."
    );
}

#[test]
fn the_bundled_tools() {
    let tools = Registry::bundled();
    // One tool per bundled binding, named after its method.
    let names: Vec<&str> = tools.tools().map(|tool| tool.operation_id).collect();
    let mut expected: Vec<String> = slack_methods::methods::ALL
        .iter()
        .map(|facts| slack_methods::operation_id(facts.name))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    for name in ["authTest", "usersProfileGet", "usersProfileSet"] {
        assert!(names.contains(&name), "{name}");
    }
    let set = tools.get("usersProfileSet").unwrap();
    assert!(!set.read_only());
    // It overwrites the profile's fields: not only additive.
    assert!(set.destructive);
    let schema = Value::Object(set.input_schema());
    for name in ["name", "value", "user", "profile"] {
        assert!(schema["properties"][name].is_object(), "{name}");
    }
    assert!(tools.get("usersProfileGet").unwrap().read_only());
    assert!(tools.get("authTest").unwrap().read_only());
}

/// The Rust items a text names in code spans: a path (`View::hash`) or a type's name
/// (`ConversationsReplies`), which mean nothing to an agent that sees tools, methods and
/// parameters.
fn rust_items(text: &str) -> Vec<&str> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|span| {
            let pascal = span.starts_with(|c: char| c.is_ascii_uppercase())
                && span.chars().all(|c| c.is_ascii_alphanumeric())
                && span.chars().skip(1).any(|c| c.is_ascii_uppercase())
                && span.chars().any(|c| c.is_ascii_lowercase());
            let ident = |part: &str| {
                part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            };
            let path = span.contains("::") && span.split("::").all(ident);
            // Rust's values of an `Option`, which an agent sees as absent or `null`.
            let option = *span == "None" || span.starts_with("Some(");
            pascal || path || option
        })
        .collect()
}

#[test]
fn bundled_descriptions_name_tools_methods_and_parameters_not_rust_items() {
    assert_eq!(
        rust_items("`ConversationsReplies`, `View::hash`, `ts`, `chat.update`, `authTest`, `ID`, `wave::skin-tone-2`, `None`, `Some(true)`, `null`"),
        ["ConversationsReplies", "View::hash", "None", "Some(true)"]
    );
    for tool in Registry::bundled().tools() {
        let mut texts = vec![tool.description];
        texts.extend(tool.params.iter().map(|param| param.description));
        for text in texts {
            assert_eq!(
                rust_items(text),
                Vec::<&str>::new(),
                "{}: {text}",
                tool.operation_id
            );
        }
    }
}

/// Each bundled tool's description opens with the method it calls, then says what it does: the
/// first line of the binding's doc comment, which a doc comment of a helper above it must not
/// take.
#[test]
fn bundled_descriptions_open_with_their_method() {
    for tool in Registry::bundled().tools() {
        let head = format!("`{}`: ", tool.method.name);
        assert!(
            tool.description.starts_with(&head),
            "{}: {}",
            tool.operation_id,
            tool.description
        );
    }
}

/// The limits a description states for agents are the ones the bindings enforce: each is the
/// crate's constant, so a constant changed without its description (or the other way round)
/// fails here.
#[test]
fn limits_stated_in_descriptions_are_the_enforced_constants() {
    use slack_methods::types::{
        MAX_ATTACHMENTS, MAX_CHANNEL_NAME_CHARS, MAX_INVITE_USERS, MAX_MARKDOWN_TEXT_CHARS,
        MAX_MESSAGE_BLOCKS, MAX_PAGE_LIMIT, MAX_TOPIC_CHARS, MAX_VIEW_BLOCKS,
    };
    // (tool, parameter or the tool itself, the words before the number, the constant)
    use slack_methods::methods::assistant::{MAX_LOADING_MESSAGES, MAX_SUGGESTED_PROMPTS};
    use slack_methods::methods::canvases::MAX_CANVAS_ACCESS_IDS;
    use slack_methods::methods::connect::{MAX_INVITE_MESSAGE_CHARS, MAX_INVITE_REQUESTS_LIMIT};
    use slack_methods::methods::dialog::{
        MAX_DIALOG_ELEMENTS, MAX_DIALOG_LABEL_CHARS, MAX_DIALOG_TITLE_CHARS,
    };
    use slack_methods::methods::dnd::MAX_DND_TEAM_INFO_USERS;
    use slack_methods::methods::reminders::MAX_SECONDS_FROM_NOW;
    use slack_methods::methods::search::MAX_SEARCH_COUNT;
    use slack_methods::methods::team::{MAX_ACCESS_LOGS_COUNT, MAX_ACCESS_LOGS_PAGE};
    use slack_methods::methods::workflows::MAX_FEATURED_TRIGGER_IDS;
    let stated: [(&str, Option<&str>, &str, usize); 52] = [
        (
            "conversationsSetTopic",
            Some("topic"),
            "at most",
            MAX_TOPIC_CHARS,
        ),
        ("conversationsSetTopic", None, "at most", MAX_TOPIC_CHARS),
        (
            "conversationsSetPurpose",
            Some("purpose"),
            "at most",
            MAX_TOPIC_CHARS,
        ),
        ("conversationsSetPurpose", None, "most", MAX_TOPIC_CHARS),
        (
            "conversationsRename",
            Some("name"),
            "at most",
            MAX_CHANNEL_NAME_CHARS,
        ),
        (
            "conversationsRename",
            None,
            "at most",
            MAX_CHANNEL_NAME_CHARS,
        ),
        (
            "conversationsCreate",
            Some("name"),
            "at most",
            MAX_CHANNEL_NAME_CHARS,
        ),
        ("conversationsInvite", None, "up to", MAX_INVITE_USERS),
        (
            "conversationsList",
            Some("limit"),
            "at most",
            MAX_PAGE_LIMIT as usize,
        ),
        (
            "conversationsMembers",
            Some("limit"),
            "at most",
            MAX_PAGE_LIMIT as usize,
        ),
        (
            "reactionsList",
            Some("limit"),
            "at most",
            MAX_PAGE_LIMIT as usize,
        ),
        (
            "chatPostMessage",
            Some("blocks"),
            "at most",
            MAX_MESSAGE_BLOCKS,
        ),
        (
            "chatPostMessage",
            Some("attachments"),
            "at most",
            MAX_ATTACHMENTS,
        ),
        (
            "chatPostMessage",
            Some("markdown_text"),
            "at most",
            MAX_MARKDOWN_TEXT_CHARS,
        ),
        ("viewsPublish", Some("view"), "at most", MAX_VIEW_BLOCKS),
        (
            "chatStartStream",
            Some("markdown_text"),
            "at most",
            MAX_MARKDOWN_TEXT_CHARS,
        ),
        (
            "chatAppendStream",
            Some("markdown_text"),
            "at most",
            MAX_MARKDOWN_TEXT_CHARS,
        ),
        (
            "chatStopStream",
            Some("markdown_text"),
            "at most",
            MAX_MARKDOWN_TEXT_CHARS,
        ),
        (
            "chatStopStream",
            Some("blocks"),
            "at most",
            MAX_MESSAGE_BLOCKS,
        ),
        (
            "assistantThreadsSetStatus",
            Some("loading_messages"),
            "at most",
            MAX_LOADING_MESSAGES,
        ),
        (
            "assistantThreadsSetSuggestedPrompts",
            Some("prompts"),
            "at most",
            MAX_SUGGESTED_PROMPTS,
        ),
        (
            "assistantThreadsSetSuggestedPrompts",
            None,
            "up to",
            MAX_SUGGESTED_PROMPTS,
        ),
        (
            "canvasesAccessSet",
            Some("channel_ids"),
            "at most",
            MAX_CANVAS_ACCESS_IDS,
        ),
        (
            "canvasesAccessSet",
            Some("user_ids"),
            "at most",
            MAX_CANVAS_ACCESS_IDS,
        ),
        ("canvasesAccessSet", None, "at most", MAX_CANVAS_ACCESS_IDS),
        (
            "canvasesAccessDelete",
            Some("channel_ids"),
            "at most",
            MAX_CANVAS_ACCESS_IDS,
        ),
        (
            "canvasesAccessDelete",
            None,
            "at most",
            MAX_CANVAS_ACCESS_IDS,
        ),
        (
            "remindersAdd",
            Some("time"),
            "at most",
            MAX_SECONDS_FROM_NOW as usize,
        ),
        (
            "searchMessages",
            Some("count"),
            "at most",
            MAX_SEARCH_COUNT as usize,
        ),
        ("searchMessages", None, "at most", MAX_SEARCH_COUNT as usize),
        (
            "dndTeamInfo",
            Some("users"),
            "at most",
            MAX_DND_TEAM_INFO_USERS,
        ),
        ("dndTeamInfo", None, "at most", MAX_DND_TEAM_INFO_USERS),
        (
            "searchFiles",
            Some("count"),
            "at most",
            MAX_SEARCH_COUNT as usize,
        ),
        ("searchFiles", None, "at most", MAX_SEARCH_COUNT as usize),
        (
            "searchAll",
            Some("count"),
            "at most",
            MAX_SEARCH_COUNT as usize,
        ),
        ("searchAll", None, "at most", MAX_SEARCH_COUNT as usize),
        (
            "authTeamsList",
            Some("limit"),
            "at most",
            MAX_PAGE_LIMIT as usize,
        ),
        (
            "teamAccessLogs",
            Some("count"),
            "at most",
            MAX_ACCESS_LOGS_COUNT as usize,
        ),
        (
            "teamAccessLogs",
            Some("page"),
            "at most",
            MAX_ACCESS_LOGS_PAGE as usize,
        ),
        (
            "conversationsRequestSharedInviteList",
            Some("limit"),
            "at most",
            MAX_INVITE_REQUESTS_LIMIT as usize,
        ),
        (
            "conversationsRequestSharedInviteList",
            None,
            "at most",
            MAX_INVITE_REQUESTS_LIMIT as usize,
        ),
        (
            "conversationsRequestSharedInviteApprove",
            Some("message"),
            "at most",
            MAX_INVITE_MESSAGE_CHARS,
        ),
        (
            "conversationsRequestSharedInviteDeny",
            Some("message"),
            "at most",
            MAX_INVITE_MESSAGE_CHARS,
        ),
        (
            "dialogOpen",
            Some("dialog"),
            "at most",
            MAX_DIALOG_TITLE_CHARS,
        ),
        ("dialogOpen", Some("dialog"), "at most", MAX_DIALOG_ELEMENTS),
        (
            "dialogOpen",
            Some("dialog"),
            "at most",
            MAX_DIALOG_LABEL_CHARS,
        ),
        (
            "workflowsFeaturedAdd",
            Some("trigger_ids"),
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
        (
            "workflowsFeaturedAdd",
            None,
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
        (
            "workflowsFeaturedRemove",
            Some("trigger_ids"),
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
        (
            "workflowsFeaturedRemove",
            None,
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
        (
            "workflowsFeaturedSet",
            Some("trigger_ids"),
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
        (
            "workflowsFeaturedSet",
            None,
            "at most",
            MAX_FEATURED_TRIGGER_IDS,
        ),
    ];
    let tools = Registry::bundled();
    for (tool, param, words, limit) in stated {
        let tool_facts = tools
            .tools()
            .find(|facts| facts.operation_id == tool)
            .unwrap_or_else(|| panic!("no tool {tool}"));
        let text = match param {
            Some(param) => {
                tool_facts
                    .params
                    .iter()
                    .find(|p| p.name == param)
                    .unwrap_or_else(|| panic!("{tool} has no parameter {param}"))
                    .description
            }
            None => tool_facts.description,
        };
        // Some descriptions group digits (`12,000`), some do not (`1000`).
        let expected = format!("{words} {limit}");
        assert!(
            text.replace(',', "").contains(&expected),
            "{tool} {param:?}: expected {expected:?} in {text:?}"
        );
    }
}

#[tokio::test]
async fn a_profile_set_by_name_reads_back() {
    let (emu, client) = common::demo_workspace(demo::USER_TOKEN).await;
    let tools = Registry::bundled();
    let set = tools
        .call(
            &client,
            "usersProfileSet",
            json!({"profile": {"status_text": "riding a train", "status_emoji": ":train:", "status_expiration": 0.0}}),
        )
        .await
        .unwrap();
    assert_eq!(set["profile"]["status_text"], "riding a train");
    assert!(set.get("ok").is_none(), "the envelope's `ok` is not data");
    let got = tools
        .call(&client, "usersProfileGet", json!({"user": demo::ADA}))
        .await
        .unwrap();
    assert_eq!(got["profile"]["status_emoji"], ":train:");
    assert_eq!(
        emu.profile(demo::ADA).unwrap()["status_text"],
        "riding a train"
    );
    // No arguments at all, for a method without parameters.
    let me = tools.call(&client, "authTest", Value::Null).await.unwrap();
    assert_eq!(me["user_id"], demo::ADA);
    let me = tools.call(&client, "authTest", json!({})).await.unwrap();
    assert_eq!(me["user_id"], demo::ADA);
}

#[tokio::test]
async fn refused_arguments_send_nothing() {
    let (emu, client) = common::demo_workspace(demo::USER_TOKEN).await;
    let tools = Registry::bundled();
    let refused = |args: Value| {
        let tools = &tools;
        let client = &client;
        async move {
            tools
                .call(client, "usersProfileSet", args)
                .await
                .unwrap_err()
        }
    };
    let argument = |error: &ToolError| match error {
        ToolError::Arguments { tool, error } => {
            assert_eq!(*tool, "usersProfileSet");
            error.argument().to_owned()
        }
        other => panic!("not an argument error: {other}"),
    };

    let ill_typed = refused(json!({"name": "title", "value": 42})).await;
    assert_eq!(argument(&ill_typed), "value");
    assert_eq!(
        ill_typed.to_string(),
        "usersProfileSet: argument `value`: expected a string or null, found an integer; nothing was sent"
    );
    let unknown = refused(json!({"name": "title", "value": "x", "token": "xoxp-1"})).await;
    assert_eq!(argument(&unknown), "token");
    let not_an_id = refused(json!({"name": "title", "value": "x", "user": "jane"})).await;
    assert_eq!(argument(&not_an_id), "user");
    assert!(not_an_id.to_string().contains("is not a user id"));
    let nested = refused(json!({"profile": {"status_expiration": "soon"}})).await;
    assert_eq!(argument(&nested), "profile.status_expiration");
    let deep =
        refused(json!({"profile": {"fields": {"Xf01": {"value": "v", "label": "l"}}}})).await;
    assert_eq!(argument(&deep), "profile.fields.Xf01.label");
    let list = refused(json!(["title", "x"])).await;
    assert_eq!(argument(&list), "");
    // Arguments that are not an object are refused by their kind, not repeated: a token given
    // in their place stays out of the message (and a long value out of the agent's context).
    assert_eq!(
        list.to_string(),
        "usersProfileSet: the arguments: expected a JSON object of arguments, found an array; \
         nothing was sent"
    );
    let secret = refused(json!("xoxp-1111-2222-secretsecret")).await;
    assert_eq!(argument(&secret), "");
    assert!(
        secret
            .to_string()
            .ends_with("found a string; nothing was sent"),
        "{secret}"
    );
    assert!(
        !format!("{secret} {secret:?}").contains("secret"),
        "{secret:?}"
    );

    // Mixing the two forms passes the schema and is refused by the binding's validation.
    let mixed = refused(json!({"name": "title", "value": "x", "profile": {"title": "y"}})).await;
    assert!(
        matches!(
            mixed,
            ToolError::Call(Error::InvalidRequest {
                method: "users.profile.set",
                ..
            })
        ),
        "{mixed}"
    );
    let no_args = tools
        .call(&client, "authTest", json!({"verbose": true}))
        .await
        .unwrap_err();
    assert_eq!(
        no_args.to_string(),
        "authTest: argument `verbose`: unknown: the tool takes no arguments; nothing was sent"
    );
    assert!(emu.requests().is_empty(), "nothing reached the server");
    assert_eq!(emu.applied_writes("users.profile.set"), 0);
}

#[tokio::test]
async fn a_check_refuses_what_the_call_refuses_with_the_same_error() {
    let (emu, client) = common::demo_workspace(demo::USER_TOKEN).await;
    let tools = Registry::bundled();
    // Each passes the schema and is refused by its binding's own validation.
    let refused_by_the_binding = [
        (
            "usersProfileSet",
            json!({"name": "title", "value": "x", "profile": {"title": "y"}}),
        ),
        (
            "conversationsSetTopic",
            json!({"channel": demo::GENERAL, "topic": "x".repeat(251)}),
        ),
        (
            "workflowsFeaturedAdd",
            json!({"channel_id": demo::GENERAL, "trigger_ids": ["Ft012345", " "]}),
        ),
    ];
    for (tool, args) in refused_by_the_binding {
        let checked = tools.check(tool, args.clone()).unwrap_err();
        assert!(
            matches!(checked, ToolError::Call(Error::InvalidRequest { .. })),
            "{tool}: {checked}"
        );
        let called = tools.call(&client, tool, args).await.unwrap_err();
        assert_eq!(checked.to_string(), called.to_string(), "{tool}");
    }
    assert!(emu.requests().is_empty(), "nothing reached the server");
    tools
        .check(
            "conversationsSetTopic",
            json!({"channel": demo::GENERAL, "topic": "x".repeat(250)}),
        )
        .unwrap();
}

#[tokio::test]
async fn slack_errors_keep_their_code_and_scopes() {
    // The bot token has no `users.profile:write`.
    let (emu, client) = common::demo_workspace(demo::BOT_TOKEN).await;
    let error = Registry::bundled()
        .call(
            &client,
            "usersProfileSet",
            json!({"name": "title", "value": "Bot"}),
        )
        .await
        .unwrap_err();
    let api = error.as_call().and_then(Error::as_api).unwrap();
    assert_eq!(api.code, ErrorCode::MissingScope);
    assert_eq!(api.needed.as_deref(), Some("users.profile:write"));
    assert!(
        error.to_string().contains("needed: users.profile:write"),
        "{error}"
    );
    assert_eq!(emu.applied_writes("users.profile.set"), 0);

    let unknown = Registry::bundled()
        .call(&client, "users.profile.get", Value::Null)
        .await
        .unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "no tool is called `users.profile.get`; the tool of that method is `usersProfileGet`"
    );
}

/// `admin.emoji.add`, a write the crate does not bundle.
#[slack_method("admin.emoji.add")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AdminEmojiAdd {
    /// The emoji's name, without colons.
    name: String,
    /// Where its image is.
    url: String,
}

#[tokio::test]
async fn a_binding_of_ones_own_is_one_line_away() {
    let emu = common::demo_emulator().await;
    let client = common::unpaced_client(&emu, demo::BOT_TOKEN);
    emu.stub_method("admin.emoji.add", json!({"ok": true}));
    let mut tools = Registry::bundled();
    assert!(tools.get("adminEmojiAdd").is_none());
    tools.register::<AdminEmojiAdd>();
    assert_eq!(tools.len(), slack_methods::methods::ALL.len() + 1);
    let answer = tools
        .call(
            &client,
            "adminEmojiAdd",
            json!({"name": "shipit", "url": "https://example.com/shipit.png"}),
        )
        .await
        .unwrap();
    assert_eq!(answer, json!({}));
    let sent = emu.requests_for("admin.emoji.add");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].param("name"), Some("shipit"));
    assert_eq!(sent[0].param("url"), Some("https://example.com/shipit.png"));

    let ill_typed = tools
        .call(
            &client,
            "adminEmojiAdd",
            json!({"name": "shipit", "url": 30}),
        )
        .await
        .unwrap_err();
    assert!(
        ill_typed.to_string().contains("argument `url`"),
        "{ill_typed}"
    );
    assert_eq!(emu.requests_for("admin.emoji.add").len(), 1);

    // Keeping only the tools that read.
    tools.retain(slack_methods::ToolFacts::read_only);
    assert!(tools.get("adminEmojiAdd").is_none());
    assert!(tools.get("usersProfileGet").is_some());
    assert_eq!(Post::NAME, "chat.postMessage");
}

/// A binding whose derive is written before the attribute, which the attribute therefore does
/// not see, with a serde name that differs from the wire name.
#[derive(serde::Deserialize)]
#[slack_method("conversations.info", scope = "channels:read")]
#[allow(dead_code)]
struct InfoDerivedFirst {
    channel: ChannelId,
    #[serde(rename = "locale")]
    include_locale: Option<bool>,
}

#[test]
fn an_argument_serde_would_drop_is_refused() {
    let mut tools = Registry::new();
    tools.register::<InfoDerivedFirst>();
    assert!(tools
        .check("conversationsInfo", json!({"channel": "C0123ABCD"}))
        .is_ok());
    // `include_locale` is in the schema, but serde reads `locale`: sent, it would be lost.
    let error = tools
        .check(
            "conversationsInfo",
            json!({"channel": "C0123ABCD", "include_locale": true}),
        )
        .unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("argument `include_locale` is a parameter of the tool, but `InfoDerivedFirst`'s `Deserialize` does not read it (it reads `channel`, `locale`)"),
        "{message}"
    );
    assert!(message.ends_with("nothing was sent"), "{message}");
}

#[tokio::test]
async fn an_optional_argument_s_mistake_is_said_as_its_type_says_it() {
    let (emu, client) = common::demo_workspace(demo::BOT_TOKEN).await;
    let tools = Registry::bundled();
    let start = |mode: Value| {
        json!({"channel": demo::GENERAL, "thread_ts": "1721609600.123456",
            "recipient_user_id": demo::ADA, "recipient_team_id": emu.team_id(),
            "task_display_mode": mode})
    };
    // An optional enum names its values, as a required one does.
    let error = tools
        .call(&client, "chatStartStream", start(json!("PLAN")))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "chatStartStream: argument `task_display_mode`: expected one of \"timeline\", \"plan\", \
         found \"PLAN\"; nothing was sent"
    );
    // A value of the wrong type still says that `null` would do too.
    let mut chunks = start(json!("plan"));
    chunks["chunks"] = json!("Looking");
    let error = tools
        .call(&client, "chatStartStream", chunks)
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "chatStartStream: argument `chunks`: expected an array or null, found a string; nothing was sent"
    );
    assert!(emu.requests().is_empty(), "nothing reached the server");
}

#[tokio::test]
async fn a_canvas_change_given_as_json_is_refused_with_what_is_wrong_in_it() {
    let (emu, client) = common::demo_workspace(demo::BOT_TOKEN).await;
    let tools = Registry::bundled();
    let refused = |change: Value| {
        let args = json!({"canvas_id": "F0123ABCD", "changes": [change]});
        let (tools, client) = (&tools, &client);
        async move {
            let error = tools.call(client, "canvasesEdit", args).await.unwrap_err();
            assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
            error.to_string()
        }
    };
    assert_eq!(
        refused(json!({"operation": "append", "document_content": {"type": "markdown", "markdown": "x"}})).await,
        "canvasesEdit: argument `changes[0]`: unknown `operation` \"append\": give one of \
         `insert_after`, `insert_before`, `insert_at_start`, `insert_at_end`, `replace`, \
         `delete`, `rename`; nothing was sent"
    );
    assert_eq!(
        refused(json!({"operation": "insert_at_end", "document_content": {"type": "html", "markdown": "x"}})).await,
        "canvasesEdit: argument `changes[0].document_content.type`: expected \"markdown\", \
         found \"html\"; nothing was sent"
    );
    assert_eq!(
        refused(json!({"operation": "insert_after", "document_content": {"type": "markdown", "markdown": "x"}})).await,
        "canvasesEdit: argument `changes[0]`: `section_id` is missing; nothing was sent"
    );
    assert_eq!(
        refused(json!({"section_id": "temp:C:1"})).await,
        "canvasesEdit: argument `changes[0]`: `operation` is missing: give one of \
         `insert_after`, `insert_before`, `insert_at_start`, `insert_at_end`, `replace`, \
         `delete`, `rename`; nothing was sent"
    );
    assert!(emu.requests().is_empty(), "nothing reached the server");

    // A whole-canvas `replace` with `section_id: null` is the typed `replace_all`: it is sent.
    let made = tools
        .call(
            &client,
            "canvasesCreate",
            json!({"document_content": {"type": "markdown", "markdown": "# Old"}}),
        )
        .await
        .unwrap();
    let id = made["canvas_id"].as_str().unwrap();
    tools
        .call(
            &client,
            "canvasesEdit",
            json!({"canvas_id": id, "changes": [{"operation": "replace", "section_id": null,
                "document_content": {"type": "markdown", "markdown": "# New"}}]}),
        )
        .await
        .unwrap();
    assert_eq!(emu.canvas(id).unwrap()["markdown"], "# New");
}
