//! The canvas bindings against the emulator, over real HTTP: a canvas made, edited by each
//! operation, shared and deleted reads back as Slack would keep it; what Slack's documentation
//! calls invalid is refused before sending; Slack's errors come back typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::Value;
use slack_methods::methods::{
    CanvasAccessLevel, CanvasChange, CanvasesAccessDelete, CanvasesAccessSet, CanvasesCreate,
    CanvasesDelete, CanvasesEdit, CanvasesSectionsLookup, ConversationsCanvasesCreate,
    ConversationsOpen, DocumentContent, SectionCriteria, SectionType,
};
use slack_methods::{ChannelId, Client, Error, FileId, SlackMethod, UserId};
use slack_methods_emulator::{demo, Emulator};

/// A bot token without the canvas scopes.
const NO_CANVAS_SCOPE: &str = "xoxb-no-canvas-scope";
/// A user token of Grace, with the canvas scopes.
const GRACE_TOKEN: &str = "xoxp-grace-canvases";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_CANVAS_SCOPE, demo::BOT, &["chat:write"]);
    emu.add_token(
        GRACE_TOKEN,
        demo::GRACE,
        &["canvases:write", "canvases:read"],
    );
    emu
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

fn md(text: &str) -> DocumentContent {
    DocumentContent::markdown(text)
}

/// A new standalone canvas of the caller's: its id.
async fn new_canvas(bot: &Client, markdown: &str) -> FileId {
    bot.call(&CanvasesCreate::new(md(markdown)).title("Runbook"))
        .await
        .unwrap()
        .canvas_id
        .clone()
}

fn markdown(emu: &Emulator, id: &FileId) -> String {
    let canvas = emu.canvas(id.as_str()).expect("the canvas exists");
    canvas["markdown"].as_str().unwrap().to_owned()
}

/// The id of the canvas's section whose markdown starts with `start`.
fn section(emu: &Emulator, id: &FileId, start: &str) -> String {
    let canvas = emu.canvas(id.as_str()).unwrap();
    canvas["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["markdown"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no section starting {start:?} in {canvas}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The code and the `detail` Slack sends with some canvas errors.
fn detail(result: Result<impl std::fmt::Debug, Error>) -> (String, String) {
    match result {
        Err(Error::Api(api)) => (
            api.code.as_str().to_owned(),
            api.detail.clone().unwrap_or_default(),
        ),
        other => panic!("expected a Slack error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_standalone_canvas_is_made_with_its_title_and_markdown() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let created = bot
        .call(
            &CanvasesCreate::new(md("# Steps\n1. Page the on-call"))
                .title("Runbook")
                .in_channel(channel(demo::GENERAL)),
        )
        .await
        .unwrap();
    assert!(created.canvas_id.as_str().starts_with('F'));

    let request = emu.requests_for(CanvasesCreate::NAME);
    let last = request.last().unwrap();
    let sent = |name: &str| last.param(name).map(str::to_owned);
    assert_eq!(
        sent("document_content").as_deref(),
        Some(r##"{"type":"markdown","markdown":"# Steps\n1. Page the on-call"}"##),
        "JSON text in a form field"
    );

    let canvas = emu.canvas(created.canvas_id.as_str()).unwrap();
    assert_eq!(canvas["title"], "Runbook");
    assert_eq!(canvas["markdown"], "# Steps\n1. Page the on-call");
    assert_eq!(canvas["owner"], demo::BOT);
    assert_eq!(canvas["tab_channel_id"], demo::GENERAL);
    assert_eq!(canvas["channel_id"], Value::Null);
}

#[tokio::test]
async fn content_slack_cannot_read_is_canvas_creation_failed_with_a_detail() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // A binding of one's own that sends another content type, as JSON text.
    #[slack_methods::slack_method("canvases.create", scope = "canvases:write")]
    struct RawCreate {
        document_content: String,
    }
    let (error, why) = detail(
        bot.call(&RawCreate {
            document_content: r#"{"type":"html","markdown":"<b>x</b>"}"#.to_owned(),
        })
        .await,
    );
    assert_eq!(error, "canvas_creation_failed");
    assert!(why.contains("html"), "{why}");
    let (error, _) = detail(
        bot.call(&RawCreate {
            document_content: "# not JSON".to_owned(),
        })
        .await,
    );
    assert_eq!(error, "canvas_creation_failed");
}

#[tokio::test]
async fn a_tab_in_a_channel_the_caller_cannot_see_is_channel_not_found() {
    let emu = emulator().await;
    let grace = client(&emu, GRACE_TOKEN);
    // `#leads` is private: Ada and the bot.
    let result = grace
        .call(&CanvasesCreate::new(md("x")).in_channel(channel(demo::LEADS)))
        .await;
    assert_eq!(code(result), "channel_not_found");
}

#[tokio::test]
async fn a_channel_has_one_canvas() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let hub = ConversationsCanvasesCreate::new(channel(demo::GENERAL), md("Ask here."))
        .title("About #general");
    let created = bot.call(&hub).await.unwrap();
    let canvas = emu.canvas(created.canvas_id.as_str()).unwrap();
    assert_eq!(canvas["channel_id"], demo::GENERAL);
    assert_eq!(canvas["title"], "About #general");
    assert_eq!(canvas["markdown"], "Ask here.");

    let again = bot.call(&hub).await;
    assert_eq!(code(again), "channel_canvas_already_exists");

    // Deleting it frees the channel for a new one.
    bot.call(&CanvasesDelete::of(created.canvas_id.clone()))
        .await
        .unwrap();
    bot.call(&hub).await.unwrap();
}

#[tokio::test]
async fn a_channel_canvas_needs_a_channel_the_caller_can_see() {
    let emu = emulator().await;
    let grace = client(&emu, GRACE_TOKEN);
    let private = grace
        .call(&ConversationsCanvasesCreate::new(
            channel(demo::LEADS),
            md("x"),
        ))
        .await;
    assert_eq!(code(private), "channel_not_found");
    let unknown = grace
        .call(&ConversationsCanvasesCreate::new(
            channel("C0NOSUCH01"),
            md("x"),
        ))
        .await;
    assert_eq!(code(unknown), "channel_not_found");
}

#[tokio::test]
async fn each_operation_edits_the_markdown_by_section() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "# Steps\nPage the on-call\n# Contacts\nAda").await;
    let edit = |change: CanvasChange| CanvasesEdit::new(id.clone(), change);

    bot.call(&edit(CanvasChange::insert_at_start(md("Read me first."))))
        .await
        .unwrap();
    bot.call(&edit(CanvasChange::insert_at_end(md("# Log\nNothing yet"))))
        .await
        .unwrap();
    assert_eq!(
        markdown(&emu, &id),
        "Read me first.\n# Steps\nPage the on-call\n# Contacts\nAda\n# Log\nNothing yet"
    );

    let contacts = section(&emu, &id, "# Contacts");
    bot.call(&edit(CanvasChange::insert_before(
        contacts.clone(),
        md("# Escalation\nCall Grace"),
    )))
    .await
    .unwrap();
    bot.call(&edit(CanvasChange::insert_after(
        contacts.clone(),
        md("# Vendors\nNone"),
    )))
    .await
    .unwrap();
    bot.call(&edit(CanvasChange::replace_section(
        contacts,
        md("# Contacts\nAda, Linus"),
    )))
    .await
    .unwrap();
    let log = section(&emu, &id, "# Log");
    bot.call(&edit(CanvasChange::delete(log))).await.unwrap();
    assert_eq!(
        markdown(&emu, &id),
        "Read me first.\n# Steps\nPage the on-call\n# Escalation\nCall Grace\n\
         # Contacts\nAda, Linus\n# Vendors\nNone"
    );

    bot.call(&edit(CanvasChange::rename("Incident runbook")))
        .await
        .unwrap();
    bot.call(&edit(CanvasChange::replace_all(md("Retired."))))
        .await
        .unwrap();
    let canvas = emu.canvas(id.as_str()).unwrap();
    assert_eq!(canvas["title"], "Incident runbook");
    assert_eq!(canvas["markdown"], "Retired.");

    let request = emu.requests_for(CanvasesEdit::NAME);
    let changes = &request.first().unwrap().params;
    let sent = changes.iter().find(|(key, _)| key == "changes").unwrap();
    assert_eq!(
        sent.1,
        r#"[{"operation":"insert_at_start","document_content":{"type":"markdown","markdown":"Read me first."}}]"#
    );
}

#[tokio::test]
async fn an_unknown_section_is_canvas_editing_failed_and_changes_nothing() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "# Steps\nOne").await;
    let result = bot
        .call(&CanvasesEdit::new(
            id.clone(),
            CanvasChange::delete("temp:C:NOSUCHSECTION"),
        ))
        .await;
    let (error, why) = detail(result);
    assert_eq!(error, "canvas_editing_failed");
    assert!(why.contains("temp:C:NOSUCHSECTION"), "{why}");
    assert_eq!(markdown(&emu, &id), "# Steps\nOne");
}

#[tokio::test]
async fn a_malformed_change_is_canvas_editing_failed() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "Text").await;
    // A binding of one's own that sends `changes` as written, past the typed checks.
    #[slack_methods::slack_method("canvases.edit", scope = "canvases:write")]
    struct RawEdit {
        canvas_id: String,
        changes: String,
    }
    let raw = |changes: &str| RawEdit {
        canvas_id: id.as_str().to_owned(),
        changes: changes.to_owned(),
    };
    for (changes, expected) in [
        (
            r#"[{"operation":"insert_after","document_content":{"type":"markdown","markdown":"x"}}]"#,
            "section_id",
        ),
        (r#"[{"operation":"insert_at_end"}]"#, "document_content"),
        (r#"[{"operation":"rename"}]"#, "title_content"),
        (r#"[{"operation":"shuffle"}]"#, "shuffle"),
        ("[]", "empty"),
        (
            r#"[{"operation":"delete","section_id":"a"},{"operation":"delete","section_id":"b"}]"#,
            "one change",
        ),
    ] {
        let (error, why) = detail(bot.call(&raw(changes)).await);
        assert_eq!(error, "canvas_editing_failed", "{changes}");
        assert!(why.contains(expected), "{changes}: {why}");
    }
    assert_eq!(markdown(&emu, &id), "Text");
}

#[tokio::test]
async fn another_user_s_canvas_is_not_found_unless_shared_through_a_channel() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let private = new_canvas(&bot, "Mine").await;
    let edit = grace
        .call(&CanvasesEdit::new(
            private.clone(),
            CanvasChange::insert_at_end(md("Hers")),
        ))
        .await;
    assert_eq!(code(edit), "canvas_not_found");
    let delete = grace.call(&CanvasesDelete::of(private.clone())).await;
    assert_eq!(code(delete), "canvas_not_found");
    assert_eq!(markdown(&emu, &private), "Mine");

    // The canvas of `#general`, which Grace is in, is hers to edit.
    let hub = bot
        .call(&ConversationsCanvasesCreate::new(
            channel(demo::GENERAL),
            md("Ask here."),
        ))
        .await
        .unwrap()
        .canvas_id
        .clone();
    grace
        .call(&CanvasesEdit::new(
            hub.clone(),
            CanvasChange::insert_at_end(md("Or ask Grace.")),
        ))
        .await
        .unwrap();
    assert_eq!(markdown(&emu, &hub), "Ask here.\nOr ask Grace.");
}

#[tokio::test]
async fn a_deleted_canvas_is_gone() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "Soon gone").await;
    bot.call(&CanvasesDelete::of(id.clone())).await.unwrap();
    assert_eq!(emu.canvas(id.as_str()), None);
    let again = bot.call(&CanvasesDelete::of(id.clone())).await;
    assert_eq!(code(again), "canvas_not_found");
    let edit = bot
        .call(&CanvasesEdit::new(
            id,
            CanvasChange::insert_at_end(md("Too late")),
        ))
        .await;
    assert_eq!(code(edit), "canvas_not_found");
}

#[tokio::test]
async fn every_canvas_method_needs_its_scope() {
    let emu = emulator().await;
    let narrow = client(&emu, NO_CANVAS_SCOPE);
    let some = FileId::new("F0EMU99999").unwrap();
    let results = [
        code(narrow.call(&CanvasesCreate::new(md("x"))).await),
        code(
            narrow
                .call(&ConversationsCanvasesCreate::new(
                    channel(demo::GENERAL),
                    md("x"),
                ))
                .await,
        ),
        code(
            narrow
                .call(&CanvasesEdit::new(some.clone(), CanvasChange::rename("x")))
                .await,
        ),
        code(narrow.call(&CanvasesDelete::of(some.clone())).await),
        code(
            narrow
                .call(&CanvasesSectionsLookup::new(
                    some.clone(),
                    SectionCriteria::text("x"),
                ))
                .await,
        ),
        code(
            narrow
                .call(&CanvasesAccessSet::for_users(
                    some.clone(),
                    CanvasAccessLevel::Read,
                    [user(demo::GRACE)],
                ))
                .await,
        ),
        code(
            narrow
                .call(&CanvasesAccessDelete::for_users(some, [user(demo::GRACE)]))
                .await,
        ),
    ];
    assert_eq!(results, ["missing_scope"; 7]);
}

#[tokio::test]
async fn edits_slack_calls_invalid_are_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = FileId::new("F0123ABCD").unwrap();

    let mut empty = CanvasesEdit::new(id.clone(), CanvasChange::rename("x"));
    empty.changes.clear();
    assert!(refused(bot.call(&empty).await).contains("empty"));

    let mut two = CanvasesEdit::new(id.clone(), CanvasChange::rename("x"));
    two.changes.push(CanvasChange::rename("y"));
    assert!(refused(bot.call(&two).await).contains("one change per call"));

    for blank in [
        CanvasChange::insert_after(" ", md("x")),
        CanvasChange::insert_before("", md("x")),
        CanvasChange::replace_section("", md("x")),
        CanvasChange::delete(""),
    ] {
        let reason = refused(bot.call(&CanvasesEdit::new(id.clone(), blank)).await);
        assert!(reason.contains("`section_id` is blank"), "{reason}");
    }
    assert!(emu.requests_for(CanvasesEdit::NAME).is_empty());
}

/// The ids `canvases.sections.lookup` answers for `criteria`.
async fn lookup(bot: &Client, id: &FileId, criteria: SectionCriteria) -> Vec<String> {
    let found = bot
        .call(&CanvasesSectionsLookup::new(id.clone(), criteria))
        .await
        .unwrap();
    found
        .sections
        .iter()
        .map(|section| section.id.clone())
        .collect()
}

#[tokio::test]
async fn sections_are_found_by_heading_level_and_text() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(
        &bot,
        "Shopping, see the list\n# Grocery List\nMilk\n## Grocery List for Friday\nBread\n### Hardware\nNails",
    )
    .await;
    let intro = section(&emu, &id, "Shopping");
    let h1 = section(&emu, &id, "# Grocery List");
    let h2 = section(&emu, &id, "## Grocery");
    let h3 = section(&emu, &id, "### Hardware");

    let headings = SectionCriteria::headings([SectionType::AnyHeader]);
    assert_eq!(
        lookup(&bot, &id, headings).await,
        [h1.clone(), h2.clone(), h3.clone()]
    );
    let by_level = SectionCriteria::headings([SectionType::H1, SectionType::H3]);
    assert_eq!(lookup(&bot, &id, by_level).await, [h1.clone(), h3.clone()]);
    let both =
        SectionCriteria::headings([SectionType::H1, SectionType::H2]).containing("Grocery List");
    assert_eq!(lookup(&bot, &id, both).await, [h1.clone(), h2]);
    // Without types, any section: the text before the first heading too.
    assert_eq!(
        lookup(&bot, &id, SectionCriteria::text("list")).await,
        [intro]
    );
    assert!(
        lookup(&bot, &id, SectionCriteria::text("Milk"))
            .await
            .is_empty(),
        "a heading's own line is searched"
    );

    // What it finds, an edit can name.
    bot.call(&CanvasesEdit::new(id.clone(), CanvasChange::delete(h3)))
        .await
        .unwrap();
    assert!(!markdown(&emu, &id).contains("Hardware"));
}

#[tokio::test]
async fn sections_of_a_canvas_the_caller_cannot_see_are_canvas_not_found() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_canvas(&bot, "# Mine").await;
    let result = grace
        .call(&CanvasesSectionsLookup::new(
            id,
            SectionCriteria::text("Mine"),
        ))
        .await;
    assert_eq!(code(result), "canvas_not_found");
    let unknown = bot
        .call(&CanvasesSectionsLookup::new(
            FileId::new("F0EMU99998").unwrap(),
            SectionCriteria::text("x"),
        ))
        .await;
    assert_eq!(code(unknown), "canvas_not_found");
}

#[tokio::test]
async fn an_empty_list_of_section_kinds_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "# Mine\n\nText").await;
    // Slack reads `"section_types": []` as any kind: every section would be answered.
    let none = SectionCriteria::headings([]).containing("Mine");
    let reason = refused(
        bot.call(&CanvasesSectionsLookup::new(id.clone(), none))
            .await,
    );
    assert!(
        reason.contains("`criteria.section_types` is empty"),
        "{reason}"
    );
    assert!(emu.requests_for(CanvasesSectionsLookup::NAME).is_empty());
    // Left out, it means any kind, and goes out.
    let any = SectionCriteria::text("Mine");
    assert_eq!(any.section_types, None);
    assert_eq!(lookup(&bot, &id, any).await.len(), 1);
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_giving_no_section_kinds_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "# Mine").await;
    let tools = slack_methods::tools::Registry::bundled();
    let arguments = serde_json::json!({
        "canvas_id": id.as_str(),
        "criteria": {"section_types": [], "contains_text": "Mine"},
    });
    assert!(tools
        .check("canvasesSectionsLookup", arguments.clone())
        .is_err());
    let error = tools
        .call(&bot, "canvasesSectionsLookup", arguments)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("section_types"), "{error}");
    assert!(emu.requests_for(CanvasesSectionsLookup::NAME).is_empty());
}

#[tokio::test]
async fn criteria_the_emulator_cannot_read_are_invalid_arguments() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "# Mine").await;
    #[slack_methods::slack_method("canvases.sections.lookup", scope = "canvases:read")]
    struct RawLookup {
        canvas_id: String,
        criteria: String,
    }
    for criteria in [r#"{"section_types":["h4"]}"#, "[]", "not JSON"] {
        let result = bot
            .call(&RawLookup {
                canvas_id: id.as_str().to_owned(),
                criteria: criteria.to_owned(),
            })
            .await;
        assert_eq!(code(result), "invalid_arguments", "{criteria}");
    }
}

/// What `client` may do with canvas `id`, as the emulator answers a read and an edit: `"write"`,
/// `"read"` (the edit is `restricted_action`) or the error of the read.
async fn may(client: &Client, id: &FileId) -> String {
    let read = client
        .call(&CanvasesSectionsLookup::new(
            id.clone(),
            SectionCriteria::default(),
        ))
        .await;
    if read.is_err() {
        return code(read);
    }
    let edit = client
        .call(&CanvasesEdit::new(
            id.clone(),
            CanvasChange::insert_at_end(md("Edited.")),
        ))
        .await;
    match edit {
        Ok(_) => "write".to_owned(),
        Err(error) => {
            let error = code::<()>(Err(error));
            assert_eq!(error, "restricted_action");
            "read".to_owned()
        }
    }
}

/// The `access` the emulator keeps for canvas `id`.
fn access(emu: &Emulator, id: &FileId) -> Value {
    emu.canvas(id.as_str()).unwrap()["access"].clone()
}

#[tokio::test]
async fn access_given_to_a_user_lets_them_read_or_edit_until_it_is_taken_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_canvas(&bot, "Plan").await;
    assert_eq!(may(&grace, &id).await, "canvas_not_found");

    let read =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, [user(demo::GRACE)]);
    bot.call(&read).await.unwrap();
    assert_eq!(
        access(&emu, &id),
        serde_json::json!({ demo::GRACE: "read" })
    );
    assert_eq!(may(&grace, &id).await, "read");
    assert_eq!(
        code(grace.call(&CanvasesDelete::of(id.clone())).await),
        "restricted_action"
    );
    // A reader cannot share it further.
    let further =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, [user(demo::LINUS)]);
    assert_eq!(code(grace.call(&further).await), "restricted_action");

    let write =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Write, [user(demo::GRACE)]);
    bot.call(&write).await.unwrap();
    assert_eq!(may(&grace, &id).await, "write");
    assert_eq!(markdown(&emu, &id), "Plan\nEdited.");

    bot.call(&CanvasesAccessDelete::for_users(
        id.clone(),
        [user(demo::GRACE)],
    ))
    .await
    .unwrap();
    assert_eq!(access(&emu, &id), serde_json::json!({}));
    assert_eq!(may(&grace, &id).await, "canvas_not_found");
    // Taking back what was never given is no error.
    bot.call(&CanvasesAccessDelete::for_users(
        id.clone(),
        [user(demo::LINUS)],
    ))
    .await
    .unwrap();
}

#[tokio::test]
async fn access_given_to_a_channel_reaches_those_who_can_see_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_canvas(&bot, "Plan").await;

    // `#leads` is private and Grace is not in it: it gives her nothing.
    let leads = CanvasesAccessSet::for_channels(
        id.clone(),
        CanvasAccessLevel::Write,
        [channel(demo::LEADS)],
    );
    bot.call(&leads).await.unwrap();
    assert_eq!(may(&grace, &id).await, "canvas_not_found");

    let general = CanvasesAccessSet::for_channels(
        id.clone(),
        CanvasAccessLevel::Read,
        [channel(demo::GENERAL)],
    );
    bot.call(&general).await.unwrap();
    assert_eq!(
        access(&emu, &id),
        serde_json::json!({ demo::LEADS: "write", demo::GENERAL: "read" })
    );
    assert_eq!(may(&grace, &id).await, "read");

    // Her own access and the channel's add up to the higher; taking hers back leaves the
    // channel's, which Slack changes only for the whole channel.
    let write =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Write, [user(demo::GRACE)]);
    bot.call(&write).await.unwrap();
    assert_eq!(may(&grace, &id).await, "write");
    bot.call(&CanvasesAccessDelete::for_users(
        id.clone(),
        [user(demo::GRACE)],
    ))
    .await
    .unwrap();
    assert_eq!(may(&grace, &id).await, "read");

    bot.call(&CanvasesAccessDelete::for_channels(
        id.clone(),
        [channel(demo::GENERAL)],
    ))
    .await
    .unwrap();
    assert_eq!(may(&grace, &id).await, "canvas_not_found");
}

#[tokio::test]
async fn a_tab_s_channel_starts_with_write_access_which_can_be_taken_back() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = bot
        .call(&CanvasesCreate::new(md("Tabbed")).in_channel(channel(demo::GENERAL)))
        .await
        .unwrap()
        .canvas_id
        .clone();
    assert_eq!(
        access(&emu, &id),
        serde_json::json!({ demo::GENERAL: "write" })
    );
    assert_eq!(may(&grace, &id).await, "write");
    bot.call(&CanvasesAccessDelete::for_channels(
        id.clone(),
        [channel(demo::GENERAL)],
    ))
    .await
    .unwrap();
    assert_eq!(may(&grace, &id).await, "canvas_not_found");
    assert_eq!(
        emu.canvas(id.as_str()).unwrap()["tab_channel_id"],
        demo::GENERAL
    );
}

#[tokio::test]
async fn the_owner_gives_the_canvas_away_and_keeps_write_access() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = new_canvas(&bot, "Handover").await;
    // A writer may share it, but only its owner may give it away.
    let write =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Write, [user(demo::GRACE)]);
    bot.call(&write).await.unwrap();
    let grab = CanvasesAccessSet::owner(id.clone(), user(demo::GRACE));
    assert_eq!(code(grace.call(&grab).await), "restricted_action");

    bot.call(&CanvasesAccessSet::owner(id.clone(), user(demo::GRACE)))
        .await
        .unwrap();
    let canvas = emu.canvas(id.as_str()).unwrap();
    assert_eq!(canvas["owner"], demo::GRACE);
    assert_eq!(canvas["access"], serde_json::json!({ demo::BOT: "write" }));
    assert_eq!(may(&bot, &id).await, "write");
    let back = CanvasesAccessSet::owner(id.clone(), user(demo::BOT));
    assert_eq!(code(bot.call(&back).await), "restricted_action");
    grace.call(&back).await.unwrap();
    assert_eq!(emu.canvas(id.as_str()).unwrap()["owner"], demo::BOT);
}

#[tokio::test]
async fn sharing_answers_slack_s_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = new_canvas(&bot, "Plan").await;
    let to_user = |id: &FileId, who: &str| {
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, [user(who)])
    };
    // A channel's own canvas follows its channel: Slack answers `canvas_not_found`.
    let hub = bot
        .call(&ConversationsCanvasesCreate::new(
            channel(demo::GENERAL),
            md("Hub"),
        ))
        .await
        .unwrap()
        .canvas_id
        .clone();
    assert_eq!(
        code(bot.call(&to_user(&hub, demo::GRACE)).await),
        "canvas_not_found"
    );
    let unknown = FileId::new("F0EMU99999").unwrap();
    assert_eq!(
        code(bot.call(&to_user(&unknown, demo::GRACE)).await),
        "canvas_not_found"
    );
    assert_eq!(
        code(
            bot.call(&CanvasesAccessDelete::for_users(
                unknown,
                [user(demo::GRACE)]
            ))
            .await
        ),
        "canvas_not_found"
    );
    assert_eq!(
        code(bot.call(&to_user(&id, "U0NOBODY1")).await),
        "user_not_found"
    );
    let nowhere = CanvasesAccessSet::for_channels(
        id.clone(),
        CanvasAccessLevel::Read,
        [channel("C0NOWHERE1")],
    );
    assert_eq!(code(bot.call(&nowhere).await), "channel_not_found");
    // A direct message is no channel to share with (Slack: use its users' ids).
    let dm = bot
        .call(&ConversationsOpen::with([user(demo::GRACE)]))
        .await
        .unwrap()
        .channel
        .id
        .clone();
    let to_dm = CanvasesAccessSet::for_channels(id.clone(), CanvasAccessLevel::Read, [dm]);
    assert_eq!(code(bot.call(&to_dm).await), "channel_not_found");
    assert_eq!(access(&emu, &id), serde_json::json!({}));

    // Past the typed checks: the emulator answers as Slack does.
    #[slack_methods::slack_method("canvases.access.set", scope = "canvases:write")]
    struct RawSet {
        canvas_id: String,
        access_level: String,
        channel_ids: Option<String>,
        user_ids: Option<String>,
    }
    let raw = |level: &str, channels: Option<&str>, users: Option<&str>| RawSet {
        canvas_id: id.as_str().to_owned(),
        access_level: level.to_owned(),
        channel_ids: channels.map(str::to_owned),
        user_ids: users.map(str::to_owned),
    };
    let both = raw("read", Some(demo::GENERAL), Some(demo::GRACE));
    assert_eq!(code(bot.call(&both).await), "invalid_parameters");
    assert_eq!(
        code(bot.call(&raw("read", None, None)).await),
        "invalid_parameters"
    );
    let owners = raw("owner", Some(demo::GENERAL), None);
    assert_eq!(code(bot.call(&owners).await), "invalid_arguments");
    // A JSON array of ids reads as the comma-separated list does.
    let json_ids = format!(r#"["{}"]"#, demo::GRACE);
    bot.call(&raw("write", None, Some(&json_ids)))
        .await
        .unwrap();
    assert_eq!(
        access(&emu, &id),
        serde_json::json!({ demo::GRACE: "write" })
    );

    #[slack_methods::slack_method("canvases.access.delete", scope = "canvases:write")]
    struct RawDelete {
        canvas_id: String,
    }
    let neither = RawDelete {
        canvas_id: id.as_str().to_owned(),
    };
    assert_eq!(code(bot.call(&neither).await), "invalid_parameters");
}

#[tokio::test]
async fn sharing_slack_calls_invalid_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let id = FileId::new("F0123ABCD").unwrap();
    let many: Vec<UserId> = (0..21).map(|n| user(&format!("U0MANY{n:04}"))).collect();

    let mut neither = CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, []);
    neither.user_ids = None;
    assert!(refused(bot.call(&neither).await).contains("give `channel_ids` or `user_ids`"));
    let mut both =
        CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, [user(demo::GRACE)]);
    both.channel_ids = Some(vec![channel(demo::GENERAL)]);
    assert!(refused(bot.call(&both).await).contains("cannot be sent together"));
    let empty = CanvasesAccessSet::for_channels(id.clone(), CanvasAccessLevel::Read, []);
    assert!(refused(bot.call(&empty).await).contains("`channel_ids` is empty"));
    let too_many = CanvasesAccessSet::for_users(id.clone(), CanvasAccessLevel::Read, many.clone());
    assert!(refused(bot.call(&too_many).await).contains("at most 20"));
    let channel_owner = CanvasesAccessSet::for_channels(
        id.clone(),
        CanvasAccessLevel::Owner,
        [channel(demo::GENERAL)],
    );
    assert!(refused(bot.call(&channel_owner).await).contains("only a user can own"));
    let two_owners = CanvasesAccessSet::for_users(
        id.clone(),
        CanvasAccessLevel::Owner,
        [user(demo::GRACE), user(demo::ADA)],
    );
    assert!(refused(bot.call(&two_owners).await).contains("a canvas has one owner"));
    assert!(emu.requests_for(CanvasesAccessSet::NAME).is_empty());

    let mut neither = CanvasesAccessDelete::for_users(id.clone(), []);
    neither.user_ids = None;
    assert!(refused(bot.call(&neither).await).contains("give `channel_ids` or `user_ids`"));
    let empty = CanvasesAccessDelete::for_users(id.clone(), []);
    assert!(refused(bot.call(&empty).await).contains("`user_ids` is empty"));
    let too_many = CanvasesAccessDelete::for_users(id, many);
    assert!(refused(bot.call(&too_many).await).contains("at most 20"));
    assert!(emu.requests_for(CanvasesAccessDelete::NAME).is_empty());
}
