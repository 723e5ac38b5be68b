//! `dialog.open` over real HTTP against the emulator: a legacy dialog opened with the
//! emulator's triggers (once, in time, only its own), Slack's `validation_errors` for a dialog
//! that breaks the page's limits, and the same limits refused before sending.

mod common;

use common::{api_code, refused, unpaced_client};
use serde_json::json;
use slack_methods::methods::dialog::{
    MAX_DIALOG_CALLBACK_ID_CHARS, MAX_DIALOG_ELEMENTS, MAX_DIALOG_ELEMENT_NAME_CHARS,
    MAX_DIALOG_LABEL_CHARS, MAX_DIALOG_TITLE_CHARS,
};
use slack_methods::methods::{Dialog, DialogElement, DialogOpen};
use slack_methods::{slack_method, Error, SlackMethod, SlackTool};
use slack_methods_emulator::{demo, Emulator};
use std::time::Duration;

fn ride() -> Dialog {
    Dialog::new("ryde-46e2b0", "Request a Ride")
        .with_element(DialogElement::text("Pickup Location", "loc_origin"))
        .with_element(
            DialogElement::select("Car", "car")
                .with("options", json!([{"label": "Limo", "value": "limo"}])),
        )
        .with_submit_label("Request")
        .with_state("Limo")
        .notify_on_cancel()
}

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    // The emulator's triggers live 3 s, as Slack's; a loaded machine should not expire them here.
    emu.set_trigger_lifetime(Duration::from_secs(60));
    emu
}

#[tokio::test]
async fn a_trigger_opens_one_dialog_once() {
    let emu = emulator().await;
    let bot = unpaced_client(&emu, demo::BOT_TOKEN);
    let trigger = emu.trigger_id(demo::ADA);
    bot.call(&DialogOpen::new(&trigger, ride())).await.unwrap();
    let sent = emu.requests_for("dialog.open");
    assert_eq!(sent.len(), 1);
    let again = bot.call(&DialogOpen::new(&trigger, ride())).await;
    assert_eq!(api_code(again), "trigger_exchanged");
    let made_up = bot.call(&DialogOpen::new("12345.98765.abcd", ride())).await;
    assert_eq!(api_code(made_up), "invalid_trigger");
    emu.set_trigger_lifetime(Duration::ZERO);
    let late = emu.trigger_id(demo::ADA);
    std::thread::sleep(Duration::from_millis(5));
    assert_eq!(
        api_code(bot.call(&DialogOpen::new(&late, ride())).await),
        "trigger_expired"
    );
}

#[tokio::test]
async fn a_trigger_used_by_a_modal_is_exchanged() {
    use slack_methods::methods::ViewsOpen;
    use slack_methods::types::ViewPayload;
    let emu = emulator().await;
    let bot = unpaced_client(&emu, demo::BOT_TOKEN);
    let trigger = emu.trigger_id(demo::GRACE);
    bot.call(&ViewsOpen::new(&trigger, ViewPayload::modal("First")))
        .await
        .unwrap();
    let code = api_code(bot.call(&DialogOpen::new(&trigger, ride())).await);
    assert_eq!(code, "trigger_exchanged");
}

#[tokio::test]
async fn a_dialog_past_the_limits_is_validation_errors_and_keeps_its_trigger() {
    let emu = emulator().await;
    let bot = unpaced_client(&emu, demo::BOT_TOKEN);
    let trigger = emu.trigger_id(demo::ADA);
    // Sent as written, past the client's own checks, as another SDK would.
    let long = "t".repeat(MAX_DIALOG_TITLE_CHARS + 1);
    let dialog = json!({
        "callback_id": "c",
        "title": long,
        "elements": [{"type": "date", "label": "When", "name": "when"}],
    });
    let (code, messages) = raw_open(&emu, &trigger, &dialog.to_string()).await;
    assert_eq!(code, "validation_errors");
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("[ERROR] "), "{messages:?}");
    let (code, _) = raw_open(&emu, &trigger, "not json").await;
    assert_eq!(code, "validation_errors");
    // The trigger is still good for a valid dialog.
    bot.call(&DialogOpen::new(&trigger, ride())).await.unwrap();
}

#[tokio::test]
async fn missing_arguments_are_named() {
    let emu = emulator().await;
    let trigger = emu.trigger_id(demo::ADA);
    assert_eq!(raw_open(&emu, &trigger, "").await.0, "missing_dialog");
    let dialog = serde_json::to_string(&ride()).unwrap();
    assert_eq!(raw_open(&emu, "", &dialog).await.0, "missing_trigger");
}

/// `dialog.open` with its `dialog` as raw text, to put what the typed binding refuses (or
/// cannot write) on the wire.
#[slack_method("dialog.open", response = slack_methods::methods::Acknowledged)]
struct RawOpen {
    #[slack(unchecked)]
    dialog: Option<String>,
    #[slack(unchecked)]
    trigger_id: Option<String>,
}

/// `RawOpen` sent with the bot token: Slack's error code and its messages.
async fn raw_open(emu: &Emulator, trigger: &str, dialog: &str) -> (String, Vec<String>) {
    let bot = unpaced_client(emu, demo::BOT_TOKEN);
    let text = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    let call = RawOpen {
        dialog: text(dialog),
        trigger_id: text(trigger),
    };
    match bot.call(&call).await {
        Err(Error::Api(api)) => (api.code.as_str().to_owned(), api.messages.clone()),
        other => panic!("expected a Slack error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_pages_limits_are_refused_before_sending() {
    let emu = emulator().await;
    let bot = unpaced_client(&emu, demo::BOT_TOKEN);
    let trigger = emu.trigger_id(demo::ADA);
    let open = |dialog: Dialog| DialogOpen::new(&trigger, dialog);
    let title = "t".repeat(MAX_DIALOG_TITLE_CHARS + 1);
    let one = |dialog: Dialog| dialog.with_element(DialogElement::text("a", "b"));
    let why = refused(bot.call(&open(one(Dialog::new("c", title)))).await);
    assert!(why.contains("`title`"), "{why}");
    let callback = "c".repeat(MAX_DIALOG_CALLBACK_ID_CHARS + 1);
    let why = refused(bot.call(&open(one(Dialog::new(callback, "T")))).await);
    assert!(why.contains("`callback_id`"), "{why}");
    let why = refused(bot.call(&open(Dialog::new("c", "T"))).await);
    assert!(why.contains("at least one"), "{why}");
    let mut many = Dialog::new("c", "T");
    for i in 0..=MAX_DIALOG_ELEMENTS {
        many = many.with_element(DialogElement::text("a", format!("n{i}")));
    }
    let why = refused(bot.call(&open(many)).await);
    assert!(why.contains("at most 10"), "{why}");
    let label = "l".repeat(MAX_DIALOG_LABEL_CHARS + 1);
    let long_label = Dialog::new("c", "T").with_element(DialogElement::textarea(&label, "b"));
    let why = refused(bot.call(&open(long_label)).await);
    assert!(why.contains("`label`"), "{why}");
    let long_submit = one(Dialog::new("c", "T")).with_submit_label(&label);
    let why = refused(bot.call(&open(long_submit)).await);
    assert!(why.contains("`submit_label`"), "{why}");
    let name = "n".repeat(MAX_DIALOG_ELEMENT_NAME_CHARS + 1);
    let long_name = Dialog::new("c", "T").with_element(DialogElement::text("a", name));
    let why = refused(bot.call(&open(long_name)).await);
    assert!(why.contains("`name`"), "{why}");
    let why = refused(bot.call(&DialogOpen::new("", ride())).await);
    assert!(why.contains("`trigger_id`"), "{why}");
    assert!(emu.requests_for("dialog.open").is_empty());
    // A kind this crate does not name is sent as it is, unchecked by the client; the emulator
    // refuses it as Slack lists its kinds.
    let other: DialogElement = serde_json::from_value(json!({"type": "date"})).unwrap();
    let code = api_code(
        bot.call(&open(Dialog::new("c", "T").with_element(other)))
            .await,
    );
    assert_eq!(code, "validation_errors");
}

#[test]
fn unknown_element_kinds_are_kept_as_json() {
    let raw = json!({"type": "date", "name": "when", "label": "When", "future": true});
    let element: DialogElement = serde_json::from_value(raw.clone()).unwrap();
    assert_eq!(element.kind(), Some("date"));
    assert_eq!(serde_json::to_value(&element).unwrap(), raw);
    let select = json!({"type": "select", "label": "Who", "name": "who", "data_source": "users"});
    let read: DialogElement = serde_json::from_value(select.clone()).unwrap();
    assert!(matches!(read, DialogElement::Select(_)));
    assert_eq!(serde_json::to_value(&read).unwrap(), select);
}

#[test]
fn it_is_a_tool_that_writes_and_destroys_nothing() {
    assert!(DialogOpen::DESCRIPTION.starts_with("`dialog.open`: "));
    assert_eq!((DialogOpen::WRITES, DialogOpen::DESTRUCTIVE), (true, false));
}

#[tokio::test]
async fn a_label_or_name_set_as_an_attribute_is_checked_as_the_one_sent() {
    let emu = emulator().await;
    let bot = unpaced_client(&emu, demo::BOT_TOKEN);
    let trigger = emu.trigger_id(demo::ADA);
    let label = "l".repeat(MAX_DIALOG_LABEL_CHARS + 1);
    let long = DialogElement::text("a", "b").with("label", label.as_str());
    let why = refused(
        bot.call(&DialogOpen::new(
            &trigger,
            Dialog::new("c", "T").with_element(long),
        ))
        .await,
    );
    assert!(why.contains("`label`"), "{why}");
    assert!(emu.requests_for("dialog.open").is_empty());
    // A label and name given so are sent, and `type` stays the element's kind.
    let renamed = DialogElement::textarea("a", "b")
        .with("label", "Notes")
        .with("name", "notes")
        .with("type", "select");
    assert_eq!(
        serde_json::to_value(&renamed).unwrap(),
        json!({"label": "Notes", "name": "notes", "type": "textarea"})
    );
    let dialog = Dialog::new("c", "T").with_element(renamed);
    bot.call(&DialogOpen::new(&trigger, dialog)).await.unwrap();
}

#[cfg(feature = "tools")]
#[test]
fn an_agent_s_misspelt_dialog_field_is_refused_not_dropped() {
    let tools = slack_methods::tools::Registry::bundled();
    let dialog = json!({
        "callback_id": "c",
        "title": "T",
        "elements": [{"type": "text", "label": "a", "name": "b"}],
        "submitLabel": "Request",
    });
    let args = json!({"trigger_id": "12345.98765.abcd", "dialog": dialog});
    let wrong = tools.check("dialogOpen", args).unwrap_err().to_string();
    assert!(wrong.contains("submitLabel"), "{wrong}");
    let mut right = dialog.clone();
    let fields = right.as_object_mut().unwrap();
    fields.remove("submitLabel");
    fields.insert("submit_label".into(), json!("Request"));
    let args = json!({"trigger_id": "12345.98765.abcd", "dialog": right});
    tools.check("dialogOpen", args).unwrap();
}
