//! Slack's own answers for the messaging methods through the typed responses: the recorded
//! `invalid_blocks` and `views.open` refusals (`../shared/slack-fixtures/`), the emulator
//! answering the same way, and the spec's example answers of every messaging method.

mod common;

use common::{read_shared, shared_dir};
use serde_json::Value;
use slack_methods::methods::{
    ChatDelete, ChatGetPermalink, ChatPostEphemeral, ChatPostMessage, ChatScheduleMessage,
    ChatUpdate, ConversationsHistory, ConversationsReplies, ConversationsSetPurpose,
    ConversationsSetTopic, PinsAdd, ReactionsAdd, ReactionsList, ReactionsRemove, UsersGetPresence,
    UsersSetPresence, ViewsOpen, ViewsPublish, ViewsPush, ViewsUpdate,
};
use slack_methods::types::{MessageSubtype, Presence, ViewType};
use slack_methods::{parse_response, slack_method, Client, Error, SlackMethod};
use slack_methods_emulator::{demo, Emulator};
use std::path::Path;

const STRAVA: &str = "slack-fixtures/slack-strava/spec/fixtures/slack";
const RUBY: &str = "slack-fixtures/slack-ruby-client/spec/fixtures/slack/web";
const SPEC: &str = "slack-api/slack_web_openapi_v2.json";

/// The one exchange of a cassette: the request body, and the response's headers and body.
struct Recorded {
    request_body: String,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

fn cassette(shared: &Path, path: &str) -> Recorded {
    let text = String::from_utf8(read_shared(shared, path)).unwrap();
    let doc: Value = serde_norway::from_str(&text).unwrap();
    let exchange = &doc["http_interactions"][0];
    let mut headers = http::HeaderMap::new();
    for (name, values) in exchange["response"]["headers"].as_object().unwrap() {
        for value in values.as_array().unwrap() {
            headers.append(
                http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                http::HeaderValue::from_str(value.as_str().unwrap()).unwrap(),
            );
        }
    }
    Recorded {
        request_body: exchange["request"]["body"]["string"]
            .as_str()
            .unwrap()
            .to_owned(),
        headers,
        body: exchange["response"]["body"]["string"]
            .as_str()
            .unwrap()
            .as_bytes()
            .to_vec(),
    }
}

async fn demo_emulator() -> (Emulator, Client) {
    common::demo_workspace(demo::BOT_TOKEN).await
}

/// `chat.postMessage` with `blocks` as raw text.
#[slack_method("chat.postMessage", scope = "chat:write")]
struct RawPost {
    channel: String,
    text: String,
    blocks: String,
}

#[tokio::test]
async fn recorded_invalid_blocks_and_the_emulators_have_one_shape() {
    let Some(shared) = shared_dir() else { return };
    let recorded = cassette(
        &shared,
        &format!("{STRAVA}/chat_post_message_invalid_blocks.yml"),
    );
    let said: Value = serde_json::from_slice(&recorded.body).unwrap();
    let err =
        parse_response::<ChatPostMessage>(http::StatusCode::OK, &recorded.headers, &recorded.body)
            .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.code.as_str(), "invalid_blocks");
    assert_eq!(
        api.messages,
        ["[ERROR] downloading image failed [json-pointer:/blocks/4/image_url]"]
    );
    assert_eq!(recorded.headers["x-slack-failure"], "invalid_blocks");

    // The emulator refuses broken blocks with the same fields, each problem once in `errors`
    // and once, marked `[ERROR]`, in `response_metadata.messages`, and the same header.
    let (emu, bot) = demo_emulator().await;
    let raw = RawPost {
        channel: demo::GENERAL.into(),
        text: "fallback".into(),
        blocks: r#"[{"type":"divider"},{"type":"image","image_url":"https://example.com/a.png"}]"#
            .into(),
    };
    let Err(Error::Api(ours)) = bot.call(&raw).await else {
        panic!("expected invalid_blocks");
    };
    let answered: Value = serde_json::from_str(&ours.raw).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&answered), keys(&said));
    assert_eq!(answered["error"], said["error"]);
    for body in [&said, &answered] {
        let errors = body["errors"].as_array().unwrap();
        let messages = body["response_metadata"]["messages"].as_array().unwrap();
        assert_eq!(errors.len(), messages.len());
        for (error, message) in errors.iter().zip(messages) {
            assert_eq!(
                message.as_str().unwrap(),
                format!("[ERROR] {}", error.as_str().unwrap())
            );
            assert!(error.as_str().unwrap().contains("[json-pointer:/blocks/"));
        }
    }
    let seen = emu.requests_for("chat.postMessage");
    assert_eq!(seen.len(), 1);
    assert_eq!(ours.messages.len(), 1);
    assert!(emu.messages(demo::GENERAL).unwrap().is_empty());
}

/// `views.open` with the arguments as raw text, to replay a recorded request.
#[slack_method("views.open")]
struct RawOpen {
    trigger_id: String,
    view: String,
}

#[tokio::test]
async fn the_recorded_views_open_refusal_is_what_the_emulator_answers() {
    let Some(shared) = shared_dir() else { return };
    let recorded = cassette(&shared, &format!("{RUBY}/views_open_error.yml"));
    let said: Value = serde_json::from_slice(&recorded.body).unwrap();
    let err = parse_response::<ViewsOpen>(http::StatusCode::OK, &recorded.headers, &recorded.body)
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.code.as_str(), "invalid_arguments");
    assert_eq!(api.messages.len(), 2);

    // The same request, replayed: the same answer, field for field.
    let pairs: Vec<(String, String)> = form_urlencoded::parse(recorded.request_body.as_bytes())
        .into_owned()
        .collect();
    let arg = |name: &str| pairs.iter().find(|(k, _)| k == name).unwrap().1.clone();
    let (emu, bot) = demo_emulator().await;
    let replay = RawOpen {
        trigger_id: arg("trigger_id"),
        view: arg("view"),
    };
    let Err(Error::Api(ours)) = bot.call(&replay).await else {
        panic!("expected invalid_arguments");
    };
    let answered: Value = serde_json::from_str(&ours.raw).unwrap();
    assert_eq!(answered, said);
    assert_eq!(emu.requests()[0].body, recorded.request_body.as_bytes());
}

/// The 200 example of `method` in the spec, as bytes, and its `default` (error) example.
fn examples(spec: &Value, method: &str) -> (Vec<u8>, Value) {
    let operations = spec["paths"][format!("/{method}")].as_object().unwrap();
    let operation = operations.values().next().unwrap();
    let ok = &operation["responses"]["200"]["examples"]["application/json"];
    let error = operation["responses"]["default"]["examples"]["application/json"].clone();
    (serde_json::to_vec(ok).unwrap(), error)
}

/// Parses the spec's 200 example of `M`'s method with the runtime's parser, and checks that its
/// error example reads as the API error it names.
fn parse_example<M>(spec: &Value) -> (M::Response, Value)
where
    M: SlackMethod,
    M::Response: std::fmt::Debug,
{
    let (body, error) = examples(spec, M::NAME);
    let ok = parse_response::<M>(http::StatusCode::OK, &http::HeaderMap::new(), &body)
        .unwrap_or_else(|err| panic!("{}: {err}", M::NAME));
    let error_body = serde_json::to_vec(&error).unwrap();
    let err = parse_response::<M>(http::StatusCode::OK, &http::HeaderMap::new(), &error_body)
        .unwrap_err();
    assert_eq!(
        err.as_api().unwrap().code.as_str(),
        error["error"].as_str().unwrap(),
        "{}",
        M::NAME
    );
    (ok.data, serde_json::from_slice(&body).unwrap())
}

#[test]
fn the_spec_examples_parse_into_the_typed_responses() {
    let Some(shared) = shared_dir() else { return };
    let spec: Value = serde_json::from_slice(&read_shared(&shared, SPEC)).unwrap();

    let (posted, raw) = parse_example::<ChatPostMessage>(&spec);
    assert_eq!(posted.channel, raw["channel"].as_str().unwrap());
    assert_eq!(posted.ts, raw["ts"].as_str().unwrap());
    let message = posted.message.unwrap();
    assert_eq!(message.subtype, Some(MessageSubtype::BotMessage));
    assert_eq!(message.attachments[0].text(), Some("This is an attachment"));
    assert_eq!(message.username.as_deref(), Some("ecto1"));

    // chat.update's message has no ts of its own: it is the answer's.
    let (updated, raw) = parse_example::<ChatUpdate>(&spec);
    assert_eq!(updated.text, raw["text"].as_str().unwrap());
    let message = updated.message.unwrap();
    assert_eq!(message.ts, raw["ts"].as_str().unwrap());
    assert_eq!(
        message.user.unwrap(),
        raw["message"]["user"].as_str().unwrap()
    );
    assert!(updated.extra.is_empty());

    let (deleted, raw) = parse_example::<ChatDelete>(&spec);
    assert_eq!(deleted.ts, raw["ts"].as_str().unwrap());
    let (ephemeral, raw) = parse_example::<ChatPostEphemeral>(&spec);
    assert_eq!(ephemeral.message_ts, raw["message_ts"].as_str().unwrap());
    let (link, raw) = parse_example::<ChatGetPermalink>(&spec);
    assert_eq!(link.permalink, raw["permalink"].as_str().unwrap());
    assert_eq!(link.channel.unwrap(), raw["channel"].as_str().unwrap());

    // `post_at` is a string in this example.
    let (scheduled, raw) = parse_example::<ChatScheduleMessage>(&spec);
    assert_eq!(
        scheduled.post_at.to_string(),
        raw["post_at"].as_str().unwrap()
    );
    assert_eq!(scheduled.scheduled_message_id, "Q1298393284");
    let message = scheduled.message.unwrap();
    assert_eq!(message.kind, "delayed_message");
    assert!(message.ts.is_empty());

    let (page, raw) = parse_example::<ConversationsHistory>(&spec);
    assert!(page.has_more);
    assert_eq!(page.pin_count, 0);
    assert!(page.messages.is_complete());
    assert_eq!(
        page.messages.len(),
        raw["messages"].as_array().unwrap().len()
    );
    assert_eq!(
        page.response_metadata.unwrap().next_cursor(),
        raw["response_metadata"]["next_cursor"].as_str()
    );
    let (thread, _) = parse_example::<ConversationsReplies>(&spec);
    let messages: Vec<_> = thread.messages.iter().collect();
    assert!(messages[0].is_thread_parent());
    assert_eq!(messages[0].reply_count, Some(3));
    assert!(messages[1..].iter().all(|m| m.is_reply()));

    for (done, raw) in [
        parse_example::<ReactionsAdd>(&spec),
        parse_example::<ReactionsRemove>(&spec),
        parse_example::<PinsAdd>(&spec),
    ] {
        assert!(done.extra.is_empty(), "{raw}");
    }

    // A message, a file comment and a file: each item kept, the comment's in `extra`.
    let (reacted, raw) = parse_example::<ReactionsList>(&spec);
    assert_eq!(reacted.items.len(), 3);
    let items: Vec<_> = reacted.items.items().iter().collect();
    let message = items[0].parsed().unwrap();
    assert_eq!(message.kind, "message");
    assert_eq!(message.channel.as_ref().unwrap(), "C3UKJTQAC");
    let text = &message.message.as_ref().unwrap().text;
    assert_eq!(text, raw["items"][0]["message"]["text"].as_str().unwrap());
    let file = items[2].parsed().unwrap().file.as_ref().unwrap();
    assert_eq!(file.id, raw["items"][2]["file"]["id"].as_str().unwrap());
    assert_eq!(
        file.reactions.first().unwrap().name,
        "stuck_out_tongue_winking_eye"
    );
    assert_eq!(
        reacted.response_metadata.unwrap().next_cursor(),
        raw["response_metadata"]["next_cursor"].as_str()
    );

    let (presence, _) = parse_example::<UsersGetPresence>(&spec);
    assert_eq!(presence.presence, Presence::Active);
    let (set, raw) = parse_example::<UsersSetPresence>(&spec);
    assert!(set.extra.is_empty(), "{raw}");

    let (opened, raw) = parse_example::<ViewsOpen>(&spec);
    assert_eq!(opened.view.id, raw["view"]["id"].as_str().unwrap());
    assert_eq!(opened.view.kind, Some(ViewType::Modal));
    let (home, _) = parse_example::<ViewsPublish>(&spec);
    assert_eq!(home.view.kind, Some(ViewType::Home));
    assert!(home.view.close.is_none() && home.view.previous_view_id.is_none());
    let (updated, raw) = parse_example::<ViewsUpdate>(&spec);
    assert_eq!(updated.view.hash, raw["view"]["hash"].as_str().unwrap());
    let (pushed, raw) = parse_example::<ViewsPush>(&spec);
    assert_eq!(
        pushed.view.submit.unwrap().text,
        raw["view"]["submit"]["text"].as_str().unwrap()
    );
    // The spec's example answers of setTopic and setPurpose are `{"ok": true}` alone.
    let (topic, raw) = parse_example::<ConversationsSetTopic>(&spec);
    assert_eq!(topic.channel.is_some(), raw.get("channel").is_some());
    let (purpose, raw) = parse_example::<ConversationsSetPurpose>(&spec);
    assert_eq!(purpose.channel.is_some(), raw.get("channel").is_some());
}
