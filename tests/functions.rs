//! A workflow app's custom step ending its run, against the emulator over real HTTP:
//! `functions.completeSuccess` with the step's outputs and `functions.completeError` with a
//! message for the user, each run ended once, and Slack's errors typed. The emulator's
//! `start_function` stands in for the `function_executed` event that starts a run.

mod common;

use common::{api_code as code, unpaced_client as client};

use serde_json::{json, Map};
use slack_methods::methods::{FunctionsCompleteError, FunctionsCompleteSuccess};
use slack_methods::SlackMethod;
use slack_methods_emulator::demo;

/// `functions.completeSuccess` with `outputs` as it is, unchecked: for what the emulator
/// answers to text the typed binding would not send.
#[slack_methods::slack_method("functions.completeSuccess", no_scope)]
struct RawSuccess {
    function_execution_id: String,
    outputs: String,
}

#[tokio::test]
async fn a_run_ends_with_its_outputs_sent_as_a_json_object() {
    let emu = common::demo_emulator().await;
    let run = emu.start_function("approve_expense", &["approved"]);
    assert_eq!(emu.function_execution(&run).unwrap()["state"], "running");

    let done = FunctionsCompleteSuccess::new(&run)
        .output("approved", true)
        .output("approver", demo::ADA);
    client(&emu, demo::BOT_TOKEN).call(&done).await.unwrap();

    let sent = emu.requests_for(FunctionsCompleteSuccess::NAME);
    assert_eq!(sent[0].verb, "POST");
    assert_eq!(sent[0].param("function_execution_id"), Some(run.as_str()));
    assert_eq!(
        sent[0].param("outputs"),
        Some(format!(r#"{{"approved":true,"approver":"{}"}}"#, demo::ADA).as_str())
    );
    let ended = emu.function_execution(&run).unwrap();
    assert_eq!(ended["state"], "completed");
    assert_eq!(ended["callback_id"], "approve_expense");
    assert_eq!(
        ended["outputs"],
        json!({"approved": true, "approver": demo::ADA})
    );
    assert_eq!(emu.applied_writes(FunctionsCompleteSuccess::NAME), 1);
}

#[tokio::test]
async fn a_run_ends_as_failed_with_a_message_for_the_user() {
    let emu = common::demo_emulator().await;
    let run = emu.start_function("approve_expense", &["approved"]);
    client(&emu, demo::BOT_TOKEN)
        .call(&FunctionsCompleteError::new(&run, "The sheet is locked"))
        .await
        .unwrap();
    let sent = emu.requests_for(FunctionsCompleteError::NAME);
    assert_eq!(sent[0].param("error"), Some("The sheet is locked"));
    let ended = emu.function_execution(&run).unwrap();
    assert_eq!(ended["state"], "failed");
    assert_eq!(ended["error"], "The sheet is locked");
    assert!(ended.get("outputs").is_none());
}

#[tokio::test]
async fn a_run_ends_once_and_an_unknown_one_is_not_found() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let run = emu.start_function("notify", &[]);
    bot.call(&FunctionsCompleteSuccess::new(&run))
        .await
        .unwrap();
    // Slack's page: a run completed "cannot be found" any more.
    assert_eq!(
        code(bot.call(&FunctionsCompleteSuccess::new(&run)).await),
        "function_execution_not_found"
    );
    assert_eq!(
        code(bot.call(&FunctionsCompleteError::new(&run, "late")).await),
        "function_execution_not_found"
    );
    assert_eq!(emu.function_execution(&run).unwrap()["state"], "completed");

    let failed = emu.start_function("notify", &[]);
    bot.call(&FunctionsCompleteError::new(&failed, "no"))
        .await
        .unwrap();
    assert_eq!(
        code(bot.call(&FunctionsCompleteSuccess::new(&failed)).await),
        "function_execution_not_found"
    );

    for unknown in ["Fx0NEVERSTARTED", ""] {
        assert_eq!(
            code(bot.call(&FunctionsCompleteSuccess::new(unknown)).await),
            "function_execution_not_found"
        );
        assert_eq!(
            code(bot.call(&FunctionsCompleteError::new(unknown, "x")).await),
            "function_execution_not_found"
        );
    }
    assert!(emu.function_execution("Fx0NEVERSTARTED").is_none());
    assert_eq!(emu.applied_writes(FunctionsCompleteSuccess::NAME), 1);
    assert_eq!(emu.applied_writes(FunctionsCompleteError::NAME), 1);
}

#[tokio::test]
async fn outputs_without_a_required_one_fail_validation_and_the_run_goes_on() {
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let run = emu.start_function("approve_expense", &["approved", "approver"]);
    let partial = FunctionsCompleteSuccess::new(&run).output("approved", false);
    assert_eq!(
        code(bot.call(&partial).await),
        "parameter_validation_failed"
    );
    assert_eq!(emu.function_execution(&run).unwrap()["state"], "running");

    // An output the manifest does not require may be added to those it does.
    let mut outputs = Map::new();
    outputs.insert("approved".into(), json!(false));
    outputs.insert("approver".into(), json!(demo::GRACE));
    outputs.insert("note".into(), json!("over budget"));
    bot.call(&FunctionsCompleteSuccess::new(&run).outputs(outputs.clone()))
        .await
        .unwrap();
    assert_eq!(
        emu.function_execution(&run).unwrap()["outputs"],
        serde_json::Value::Object(outputs)
    );
}

#[tokio::test]
async fn what_the_emulator_cannot_read_is_invalid_arguments() {
    let emu = common::demo_emulator().await;
    emu.serve(&[slack_methods::MethodFacts::of::<RawSuccess>()]);
    let bot = client(&emu, demo::BOT_TOKEN);
    let run = emu.start_function("notify", &[]);
    for outputs in ["[1, 2]", "not json", "\"text\""] {
        let raw = RawSuccess {
            function_execution_id: run.clone(),
            outputs: outputs.to_owned(),
        };
        assert_eq!(code(bot.call(&raw).await), "invalid_arguments", "{outputs}");
    }
    assert_eq!(
        code(bot.call(&FunctionsCompleteError::new(&run, " ")).await),
        "invalid_arguments"
    );
    assert_eq!(emu.function_execution(&run).unwrap()["state"], "running");
}

#[tokio::test]
async fn any_token_of_the_workspace_may_end_a_run_and_none_is_not_authed() {
    let emu = common::demo_emulator().await;
    let run = emu.start_function("notify", &[]);
    // Slack's pages name no scope: a token with none at all ends the run.
    emu.add_token("xoxb-no-scopes", demo::BOT, &[]);
    client(&emu, "xoxb-no-scopes")
        .call(&FunctionsCompleteSuccess::new(&run))
        .await
        .unwrap();
    let other = emu.start_function("notify", &[]);
    client(&emu, demo::USER_TOKEN)
        .call(&FunctionsCompleteError::new(&other, "no"))
        .await
        .unwrap();

    let without = common::tokenless(&emu);
    let third = emu.start_function("notify", &[]);
    assert_eq!(
        code(common::without_token(&without, &FunctionsCompleteSuccess::new(&third)).await),
        "not_authed"
    );
}

#[test]
fn ending_a_run_is_a_destructive_write_with_no_scope() {
    // (method, writes, destructive, scopes)
    assert_eq!(
        [
            common::tool_facts::<FunctionsCompleteSuccess>(),
            common::tool_facts::<FunctionsCompleteError>(),
        ],
        [
            ("functions.completeSuccess", true, true, &[][..]),
            ("functions.completeError", true, true, &[][..]),
        ]
    );
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_ends_a_run_by_name_with_json_outputs() {
    use slack_methods::tools::{Registry, ToolError};
    let emu = common::demo_emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = Registry::bundled();
    let run = emu.start_function("approve_expense", &["approved"]);
    let answer = tools
        .call(
            &bot,
            "functionsCompleteSuccess",
            json!({"function_execution_id": run, "outputs": {"approved": true}}),
        )
        .await
        .unwrap();
    assert_eq!(answer, json!({}));
    assert_eq!(
        emu.function_execution(&run).unwrap()["outputs"],
        json!({"approved": true})
    );

    // Outputs that are not an object are refused before sending.
    let other = emu.start_function("approve_expense", &["approved"]);
    let error = tools
        .call(
            &bot,
            "functionsCompleteSuccess",
            json!({"function_execution_id": other, "outputs": [true]}),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, ToolError::Arguments { .. }), "{error:?}");
    assert_eq!(emu.requests_for(FunctionsCompleteSuccess::NAME).len(), 1);

    tools
        .call(
            &bot,
            "functionsCompleteError",
            json!({"function_execution_id": other, "error": "The sheet is locked"}),
        )
        .await
        .unwrap();
    assert_eq!(emu.function_execution(&other).unwrap()["state"], "failed");
    assert!(tools.get("functionsCompleteSuccess").unwrap().destructive);
    assert!(tools.get("functionsCompleteError").unwrap().destructive);
}
