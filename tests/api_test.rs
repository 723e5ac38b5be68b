//! `api.test` over real HTTP against the emulator: called without a token (or with one), its
//! arguments echoed in `args`, and the error code given as `error` answered as Slack's error;
//! and the Java SDK's sample of its answer, read through the response parser.

mod common;

use common::{api_code, read_shared, shared_dir, tokenless, without_token};
use slack_methods::methods::ApiTest;
use slack_methods::{parse_response, Error, SlackMethod, SlackTool};
use slack_methods_emulator::demo;

#[tokio::test]
async fn answers_without_a_token_and_echoes_its_arguments() {
    let emu = common::demo_emulator().await;
    let client = tokenless(&emu);
    let plain = without_token(&client, &ApiTest::new()).await.unwrap();
    assert!(plain.args.is_empty(), "{:?}", plain.args);
    let echo = without_token(&client, &ApiTest::new().foo("bar"))
        .await
        .unwrap();
    assert_eq!(echo.args["foo"], "bar");
    assert_eq!(echo.args.len(), 1);
}

#[tokio::test]
async fn answers_with_a_token_too() {
    let (_emu, client) = common::demo_workspace(demo::BOT_TOKEN).await;
    let echo = client.call(&ApiTest::new().foo("bar")).await.unwrap();
    assert_eq!(echo.args["foo"], "bar");
}

#[tokio::test]
async fn fails_with_the_error_given() {
    let emu = common::demo_emulator().await;
    let client = tokenless(&emu);
    let failed = without_token(&client, &ApiTest::failing_with("my_error").foo("bar")).await;
    let Err(Error::Api(api)) = &failed else {
        panic!("expected my_error, got {failed:?}");
    };
    assert_eq!(api.code.as_str(), "my_error");
    let body: serde_json::Value = serde_json::from_str(&api.raw).unwrap();
    assert_eq!(body["args"]["error"], "my_error");
    assert_eq!(body["args"]["foo"], "bar");
    let code = api_code(without_token(&client, &ApiTest::failing_with("invalid_auth")).await);
    assert_eq!(code, "invalid_auth");
}

#[tokio::test]
async fn an_empty_error_is_no_error_in_the_emulator() {
    let emu = common::demo_emulator().await;
    let client = tokenless(&emu);
    let echo = without_token(&client, &ApiTest::failing_with(""))
        .await
        .unwrap();
    assert_eq!(echo.args["error"], "");
}

#[test]
fn it_is_a_tool_that_reads_nothing() {
    assert_eq!((ApiTest::WRITES, ApiTest::DESTRUCTIVE), (false, false));
    assert!(ApiTest::DESCRIPTION.starts_with("`api.test`: "));
}

#[test]
fn the_java_sample_reads_as_an_error() {
    let Some(shared) = shared_dir() else { return };
    let body = read_shared(
        &shared,
        "slack-fixtures/java-slack-sdk/json-logs/samples/api/api.test.json",
    );
    let parsed = parse_response::<ApiTest>(http::StatusCode::OK, &http::HeaderMap::new(), &body);
    // The sample merges the success and error keys with `ok` false: an error, with its `args`.
    let Err(Error::Api(api)) = parsed else {
        panic!("expected a Slack error, got {parsed:?}");
    };
    let raw: serde_json::Value = serde_json::from_str(&api.raw).unwrap();
    assert_eq!(raw["args"]["foo"], "");
}
