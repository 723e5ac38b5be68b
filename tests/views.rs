//! Modals and App Home tabs through the `Client` against the emulator: trigger ids (once, in
//! time, only the emulator's), the stack of pushed modals, updates guarded by `hash`, and views
//! refused the way Slack refuses them.

use serde_json::Value;
use slack_methods::methods::{ViewsOpen, ViewsPublish, ViewsPush, ViewsUpdate};
use slack_methods::types::{Block, Blocks, Text, ViewPayload, ViewType};
use slack_methods::{slack_method, Client, Error, UserId, ViewId};
use slack_methods_emulator::{demo, Emulator};
use std::time::Duration;

mod common;

use common::api_code as code;

async fn emulator() -> (Emulator, Client) {
    let (emu, bot) = common::demo_workspace(demo::BOT_TOKEN).await;
    // The emulator's triggers live 3 s, as Slack's; a loaded machine should not expire them here.
    emu.set_trigger_lifetime(Duration::from_secs(60));
    (emu, bot)
}

fn modal(title: &str) -> ViewPayload {
    ViewPayload::modal(title)
        .with_block(Block::section(Text::mrkdwn("What broke?")))
        .with_submit("Send")
}

#[tokio::test]
async fn a_trigger_opens_one_modal_once() {
    let (emu, bot) = emulator().await;
    let trigger = emu.trigger_id(demo::ADA);
    let opened = bot
        .call(&ViewsOpen::new(
            &trigger,
            modal("Report an incident").with_callback_id("incident"),
        ))
        .await
        .unwrap();
    let view = &opened.view;
    assert!(view.id.as_str().starts_with('V'));
    assert_eq!(view.kind, Some(ViewType::Modal));
    assert_eq!(view.title.as_ref().unwrap().text, "Report an incident");
    assert_eq!(view.callback_id, "incident");
    assert_eq!(view.root_view_id.as_ref(), Some(&view.id));
    assert!(view.previous_view_id.is_none());
    assert!(!view.hash.is_empty());
    assert_eq!(view.team_id.as_ref().unwrap(), emu.team_id().as_str());
    assert_eq!(view.bot_id.as_ref().unwrap(), demo::BOT_ID);
    assert!(
        view.blocks[0].block_id().is_some(),
        "Slack fills in block ids"
    );
    assert_eq!(emu.modal_stack(demo::ADA), [view.id.to_string()]);
    assert_eq!(
        emu.view(view.id.as_str()).unwrap()["callback_id"],
        "incident"
    );

    // Used once; a made-up trigger is not one; an old one has expired.
    assert_eq!(
        code(bot.call(&ViewsOpen::new(&trigger, modal("Again"))).await),
        "exchanged_trigger_id"
    );
    assert_eq!(
        code(
            bot.call(&ViewsOpen::new(
                "12345.98765.abcd2358fdea",
                modal("Made up")
            ))
            .await
        ),
        "invalid_trigger_id"
    );
    // A trigger of a user the workspace does not have is no trigger either.
    let stranger = emu.trigger_id("U0NOBODY1");
    assert_eq!(
        code(bot.call(&ViewsOpen::new(&stranger, modal("Nobody"))).await),
        "invalid_trigger_id"
    );
    assert!(emu.modal_stack("U0NOBODY1").is_empty());
    emu.set_trigger_lifetime(Duration::ZERO);
    let late = emu.trigger_id(demo::ADA);
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(
        code(bot.call(&ViewsOpen::new(&late, modal("Too late"))).await),
        "expired_trigger_id"
    );
}

#[tokio::test]
async fn modals_stack_up_to_three() {
    let (emu, bot) = emulator().await;
    let root = bot
        .call(&ViewsOpen::new(
            emu.trigger_id(demo::GRACE),
            modal("Step 1"),
        ))
        .await
        .unwrap()
        .data
        .view;
    let second = bot
        .call(&ViewsPush::new(
            emu.trigger_id(demo::GRACE),
            modal("Step 2"),
        ))
        .await
        .unwrap()
        .data
        .view;
    assert_eq!(second.root_view_id.as_ref(), Some(&root.id));
    assert_eq!(second.previous_view_id.as_ref(), Some(&root.id));
    let third = bot
        .call(&ViewsPush::new(
            emu.trigger_id(demo::GRACE),
            modal("Step 3"),
        ))
        .await
        .unwrap()
        .data
        .view;
    assert_eq!(third.previous_view_id.as_ref(), Some(&second.id));
    assert_eq!(
        emu.modal_stack(demo::GRACE),
        [
            root.id.to_string(),
            second.id.to_string(),
            third.id.to_string()
        ]
    );
    assert_eq!(
        code(
            bot.call(&ViewsPush::new(
                emu.trigger_id(demo::GRACE),
                modal("Step 4")
            ))
            .await
        ),
        "push_limit_reached"
    );
    // A user with no modal open has nothing to push onto.
    assert_eq!(
        code(
            bot.call(&ViewsPush::new(emu.trigger_id(demo::LINUS), modal("Lost")))
                .await
        ),
        "invalid_trigger_id"
    );
    // Opening a new modal replaces the stack.
    let fresh = bot
        .call(&ViewsOpen::new(
            emu.trigger_id(demo::GRACE),
            modal("Fresh start"),
        ))
        .await
        .unwrap();
    assert_eq!(emu.modal_stack(demo::GRACE), [fresh.view.id.to_string()]);
    assert!(emu.view(third.id.as_str()).is_none());
}

#[tokio::test]
async fn updates_are_guarded_by_the_hash() {
    let (emu, bot) = emulator().await;
    let opened = bot
        .call(&ViewsOpen::new(
            emu.trigger_id(demo::ADA),
            modal("Sending").with_external_id("incident-42"),
        ))
        .await
        .unwrap()
        .data
        .view;
    let updated = bot
        .call(
            // The update replaces the whole view: what it leaves out (here the external id,
            // were it not sent again) is gone.
            &ViewsUpdate::by_id(
                opened.id.clone(),
                modal("Sent").with_external_id("incident-42"),
            )
            .if_hash(&opened.hash),
        )
        .await
        .unwrap()
        .data
        .view;
    assert_eq!(updated.id, opened.id);
    assert_eq!(updated.title.as_ref().unwrap().text, "Sent");
    assert_ne!(updated.hash, opened.hash);
    assert_eq!(updated.root_view_id.as_ref(), Some(&opened.id));

    // The old hash no longer matches.
    let stale = ViewsUpdate::by_id(opened.id.clone(), modal("Overwrite")).if_hash(&opened.hash);
    assert_eq!(code(bot.call(&stale).await), "hash_conflict");
    // By the app's own id.
    let by_external = bot
        .call(&ViewsUpdate::by_external_id(
            "incident-42",
            modal("Closed").with_external_id("incident-42"),
        ))
        .await
        .unwrap();
    assert_eq!(by_external.view.id, opened.id);
    assert_eq!(
        emu.view(opened.id.as_str()).unwrap()["title"]["text"],
        "Closed"
    );

    let unknown = ViewsUpdate::by_id(ViewId::new("V0NOTHERE1").unwrap(), modal("x"));
    assert_eq!(code(bot.call(&unknown).await), "not_found");
    let taken = ViewsOpen::new(
        emu.trigger_id(demo::GRACE),
        modal("Copy").with_external_id("incident-42"),
    );
    assert_eq!(code(bot.call(&taken).await), "duplicate_external_id");
}

#[tokio::test]
async fn a_home_tab_is_published_per_user() {
    let (emu, bot) = emulator().await;
    let ada = UserId::new(demo::ADA).unwrap();
    let home = |text: &str| ViewPayload::home().with_block(Block::section(Text::mrkdwn(text)));
    let first = bot
        .call(&ViewsPublish::new(ada.clone(), home("*3 tasks* due today")))
        .await
        .unwrap()
        .data
        .view;
    assert_eq!(first.kind, Some(ViewType::Home));
    let second = bot
        .call(&ViewsPublish::new(ada.clone(), home("*2 tasks* due today")).if_hash(&first.hash))
        .await
        .unwrap()
        .data
        .view;
    assert_eq!(second.id, first.id, "one Home tab per user");
    assert_eq!(second.blocks[0].text(), Some("*2 tasks* due today"));
    assert_eq!(
        emu.home_view(demo::ADA).unwrap()["blocks"][0]["text"]["text"],
        "*2 tasks* due today"
    );
    let stale = ViewsPublish::new(ada, home("stale")).if_hash(&first.hash);
    assert_eq!(code(bot.call(&stale).await), "hash_conflict");

    let nobody = ViewsPublish::new(UserId::new("U0NOBODY01").unwrap(), home("x"));
    let Err(Error::Api(api)) = bot.call(&nobody).await else {
        panic!("expected invalid_arguments");
    };
    assert_eq!(api.code.as_str(), "invalid_arguments");
    assert_eq!(api.messages, ["[ERROR] invalid `user_id`"]);
}

#[tokio::test]
async fn views_without_blocks_are_sent_with_an_empty_list() {
    // Slack requires a view's `blocks`, if only `[]`: a modal or Home tab built without any
    // still has the field on the wire, and opens.
    let (emu, bot) = emulator().await;
    let opened = bot
        .call(&ViewsOpen::new(
            emu.trigger_id(demo::ADA),
            ViewPayload::modal("Loading"),
        ))
        .await
        .unwrap()
        .data
        .view;
    assert!(opened.blocks.is_empty());
    bot.call(&ViewsPush::new(
        emu.trigger_id(demo::ADA),
        ViewPayload::modal("Details"),
    ))
    .await
    .unwrap();
    bot.call(&ViewsUpdate::by_id(opened.id, ViewPayload::modal("Loaded")))
        .await
        .unwrap();
    let ada = UserId::new(demo::ADA).unwrap();
    bot.call(&ViewsPublish::new(ada, ViewPayload::home()))
        .await
        .unwrap();
    let sent: Vec<Value> = emu
        .requests()
        .iter()
        .map(|request| {
            let view = request
                .params
                .iter()
                .find(|(key, _)| key == "view")
                .unwrap();
            serde_json::from_str(&view.1).unwrap()
        })
        .collect();
    assert_eq!(sent.len(), 4);
    for view in sent {
        assert_eq!(view["blocks"], serde_json::json!([]), "{view}");
    }
}

/// `views.open` with the view as raw text, to put malformed views on the wire.
#[slack_method("views.open")]
struct RawOpen {
    trigger_id: String,
    view: String,
}

#[tokio::test]
async fn malformed_views_are_invalid_arguments_with_slacks_messages() {
    let (emu, bot) = emulator().await;
    let cases: [(&str, &[&str]); 9] = [
        (
            "{}",
            &[
                "[ERROR] failed to match all allowed schemas [json-pointer:/view]",
                "[ERROR] missing required field: type [json-pointer:/view]",
            ],
        ),
        (
            r#"{"type":"home","blocks":[]}"#,
            &["[ERROR] must be one of: modal [json-pointer:/view/type]"],
        ),
        (
            r#"{"type":"modal","blocks":[]}"#,
            &["[ERROR] missing required field: title [json-pointer:/view]"],
        ),
        // Every view has blocks, if only `[]`.
        (
            r#"{"type":"modal","title":{"type":"plain_text","text":"Form"}}"#,
            &["[ERROR] missing required field: blocks [json-pointer:/view]"],
        ),
        (
            r#"{"type":"modal"}"#,
            &[
                "[ERROR] missing required field: title [json-pointer:/view]",
                "[ERROR] missing required field: blocks [json-pointer:/view]",
            ],
        ),
        (
            r#"{"type":"modal","title":{"type":"plain_text","text":"A title far longer than Slack allows"},"blocks":[]}"#,
            &["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
        ),
        (
            r#"{"type":"modal","title":{"type":"plain_text","text":"Form"},"submit":{"type":"plain_text","text":"Send"},"blocks":[{"type":"input","label":{"type":"plain_text","text":"Name"}}]}"#,
            &["[ERROR] missing required field: element [json-pointer:/view/blocks/0]"],
        ),
        (
            r#"{"type":"modal","title":{"type":"plain_text","text":"Form"},"submit":"Send","close":{"type":"mrkdwn","text":"x"},"blocks":[]}"#,
            &[
                "[ERROR] must be plain_text [json-pointer:/view/close/type]",
                "[ERROR] expected an object [json-pointer:/view/submit]",
            ],
        ),
        (
            r#"{"type":"modal","title":{"type":"plain_text","text":"Form"},"blocks":[{"type":"input","label":{"type":"plain_text","text":"Name"},"element":{"type":"plain_text_input"}}]}"#,
            &["[ERROR] missing required field: submit [json-pointer:/view]"],
        ),
    ];
    let trigger = emu.trigger_id(demo::ADA);
    for (view, messages) in cases {
        let raw = RawOpen {
            trigger_id: trigger.clone(),
            view: view.to_owned(),
        };
        let Err(Error::Api(api)) = bot.call(&raw).await else {
            panic!("expected invalid_arguments for {view}");
        };
        assert_eq!(api.code.as_str(), "invalid_arguments", "{view}");
        assert_eq!(api.messages, messages, "{view}");
        let body: Value = serde_json::from_str(&api.raw).unwrap();
        assert!(body.get("errors").is_none(), "{view}");
    }
    // The view's own ids and text have Slack's lengths.
    for (field, most) in [
        ("callback_id", 255),
        ("external_id", 255),
        ("private_metadata", 3_000),
    ] {
        let view = serde_json::json!({
            "type": "modal",
            "title": {"type": "plain_text", "text": "Form"},
            "blocks": [],
            field: "x".repeat(most + 1),
        });
        let raw = RawOpen {
            trigger_id: trigger.clone(),
            view: view.to_string(),
        };
        let Err(Error::Api(api)) = bot.call(&raw).await else {
            panic!("expected invalid_arguments for a long {field}");
        };
        assert_eq!(
            api.messages,
            [format!(
                "[ERROR] must be less than {} characters [json-pointer:/view/{field}]",
                most + 1
            )]
        );
    }
    // None of them used the trigger up: a valid view opens with it.
    assert!(emu.modal_stack(demo::ADA).is_empty());
    bot.call(&ViewsOpen::new(trigger, modal("Valid")))
        .await
        .unwrap();
    assert_eq!(emu.modal_stack(demo::ADA).len(), 1);
}

#[tokio::test]
async fn views_breaking_slacks_rules_are_never_sent() {
    let (emu, bot) = emulator().await;
    let refused = |result: Result<_, Error>| match result {
        Err(Error::InvalidRequest { reason, .. }) => reason,
        other => panic!("expected an invalid request, got {other:?}"),
    };
    let home_in_a_modal = ViewsOpen::new("t", ViewPayload::home());
    assert!(refused(bot.call(&home_in_a_modal).await).contains("`modal` view"));
    let long = ViewsOpen::new("t", ViewPayload::modal("A title far longer than 24"));
    assert!(refused(bot.call(&long).await).contains("24"));
    let mut untitled = ViewPayload::modal("x");
    untitled.title = None;
    assert!(refused(bot.call(&ViewsPush::new("t", untitled)).await).contains("title"));
    let mut no_trigger = ViewsOpen::new("t", modal("x"));
    no_trigger.trigger_id = None;
    assert!(refused(bot.call(&no_trigger).await).contains("trigger_id"));
    let mut empty_pointer = ViewsOpen::new("t", modal("x"));
    empty_pointer.trigger_id = None;
    empty_pointer.interactivity_pointer = Some(String::new());
    assert_eq!(
        refused(bot.call(&empty_pointer).await),
        "the `interactivity_pointer` is empty"
    );
    let crowded =
        ViewPayload::home().with_blocks((0..101).map(|_| Block::divider()).collect::<Vec<_>>());
    let user = UserId::new(demo::ADA).unwrap();
    assert!(refused(bot.call(&ViewsPublish::new(user, crowded)).await).contains("101 blocks"));
    let mut nameless = ViewsUpdate::by_id(ViewId::new("V0123ABCD").unwrap(), modal("x"));
    nameless.view_id = None;
    assert!(refused(bot.call(&nameless).await).contains("view_id"));
    // The labels, the lengths Slack allows, and a submit button for inputs.
    type Breaks = fn(&mut ViewPayload);
    let broken: [(&str, Breaks); 7] = [
        ("`title` is plain text", |v| {
            v.title = Some(Text::mrkdwn("*x*"))
        }),
        ("`close` has 1 to 24", |v| {
            v.close = Some(Text::plain("c".repeat(25)))
        }),
        ("`submit` has 1 to 24", |v| v.submit = Some(Text::plain(""))),
        ("`private_metadata` has at most 3000", |v| {
            v.private_metadata = Some("m".repeat(3_001))
        }),
        ("`callback_id` has at most 255", |v| {
            v.callback_id = Some("c".repeat(256))
        }),
        ("`external_id` has at most 255", |v| {
            v.external_id = Some("e".repeat(256))
        }),
        ("needs a `submit`", |v| {
            v.submit = None;
            v.blocks = Blocks::from_json(serde_json::json!([{
                "type": "input", "label": {"type": "plain_text", "text": "Name"},
                "element": {"type": "plain_text_input"}
            }]))
            .unwrap()
        }),
    ];
    for (expected, breaks) in broken {
        let mut view = modal("x");
        breaks(&mut view);
        match bot.call(&ViewsOpen::new("t", view)).await {
            Err(Error::InvalidRequest { reason, .. }) => {
                assert!(reason.contains(expected), "{expected}: {reason}");
            }
            other => panic!("{expected}: sent, {other:?}"),
        }
    }
    assert!(emu.requests().is_empty());
}
