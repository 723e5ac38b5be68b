//! `chat.unfurl` against the emulator over real HTTP: an app's previews of the links in a
//! message, read back from `conversations.history`; Slack's errors; the pairs of arguments that
//! name what to unfurl, checked before sending.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use serde_json::{json, Value};
use slack_methods::methods::{
    ChatPostMessage, ChatUnfurl, ConversationsHistory, Unfurl, UnfurlSource, Unfurls,
};
use slack_methods::types::{Attachment, Block, Text, Timestamp};
use slack_methods::{ChannelId, Client, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

const TICKET: &str = "https://tracker.example.com/BUG-7";
const OTHER: &str = "https://tracker.example.com/BUG-8";

/// A token with `chat:write` but not `links:write`.
const NO_LINKS_SCOPE: &str = "xoxb-no-links-scope";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_LINKS_SCOPE, demo::BOT, &["chat:write"]);
    emu
}

fn general() -> ChannelId {
    ChannelId::new(demo::GENERAL).unwrap()
}

/// Ada posts `text` in `channel`: its `ts`.
async fn post(emu: &Emulator, channel: &str, text: &str) -> Timestamp {
    let ada = client(emu, demo::USER_TOKEN);
    let channel = ChannelId::new(channel).unwrap();
    ada.call(&ChatPostMessage::new(channel, text))
        .await
        .unwrap()
        .ts
        .clone()
}

/// The attachments of message `ts` in `#general`, as `conversations.history` shows them.
async fn attachments(bot: &Client, ts: &Timestamp) -> Vec<Value> {
    let history = bot
        .call(&ConversationsHistory::new(general()))
        .await
        .unwrap();
    let message = history.messages.iter().find(|m| m.ts == *ts).unwrap();
    message
        .attachments
        .iter()
        .map(|a| a.as_json().clone())
        .collect()
}

fn ticket_preview(status: &str) -> Attachment {
    Attachment::new()
        .with_title("BUG-7: login fails")
        .with_text(status)
}

#[tokio::test]
async fn previews_are_attached_to_the_message_and_read_back_from_history() {
    let emu = emulator().await;
    let ts = post(
        &emu,
        demo::GENERAL,
        &format!("Looking at <{TICKET}|BUG-7> and {OTHER} today"),
    )
    .await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let unfurls = Unfurls::new().with(TICKET, ticket_preview("Open")).with(
        OTHER,
        Unfurl::blocks([Block::section(Text::mrkdwn("*BUG-8*: fixed"))]),
    );
    bot.call(&ChatUnfurl::message(general(), ts.clone(), unfurls))
        .await
        .unwrap();
    let shown = attachments(&bot, &ts).await;
    assert_eq!(shown.len(), 2);
    let ticket = shown
        .iter()
        .find(|a| a["app_unfurl_url"] == TICKET)
        .unwrap();
    assert_eq!(ticket["title"], "BUG-7: login fails");
    assert_eq!(ticket["text"], "Open");
    assert_eq!(ticket["is_app_unfurl"], true);
    let other = shown.iter().find(|a| a["app_unfurl_url"] == OTHER).unwrap();
    assert_eq!(other["blocks"][0]["text"]["text"], "*BUG-8*: fixed");
    assert!(other["blocks"][0]["block_id"].is_string());
    // Sent as a form, `unfurls` as JSON text keyed by the links.
    let sent = emu
        .requests()
        .into_iter()
        .rfind(|r| r.method.as_deref() == Some("chat.unfurl"));
    let sent = sent.unwrap();
    assert_eq!(sent.verb, "POST");
    let unfurls: Value = serde_json::from_str(sent.param("unfurls").unwrap()).unwrap();
    assert_eq!(
        unfurls[TICKET],
        json!({"title": "BUG-7: login fails", "text": "Open"})
    );
    assert_eq!(unfurls[OTHER]["blocks"][0]["type"], "section");
}

#[tokio::test]
async fn a_later_call_replaces_the_preview_of_the_same_link() {
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See {TICKET}")).await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for status in ["Open", "Closed"] {
        let unfurls = Unfurls::new().with(TICKET, ticket_preview(status));
        bot.call(&ChatUnfurl::message(general(), ts.clone(), unfurls))
            .await
            .unwrap();
    }
    let shown = attachments(&bot, &ts).await;
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0]["text"], "Closed");
    assert_eq!(emu.applied_writes("chat.unfurl"), 2);
}

#[tokio::test]
async fn asking_the_user_to_sign_in_is_sent_with_the_previews() {
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See <{TICKET}>")).await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let unfurl = ChatUnfurl::message(
        general(),
        ts.clone(),
        Unfurls::new().with(TICKET, ticket_preview("Sign in to see more")),
    )
    .require_auth()
    .auth_message("Sign in to Tracker to preview tickets")
    .auth_url("https://tracker.example.com/slack/auth")
    .auth_blocks([Block::section(Text::plain("Sign in to Tracker"))]);
    bot.call(&unfurl).await.unwrap();
    let sent = emu.requests().pop().unwrap();
    assert_eq!(sent.param("user_auth_required"), Some("true"));
    assert_eq!(
        sent.param("user_auth_url"),
        Some("https://tracker.example.com/slack/auth")
    );
    let blocks: Value = serde_json::from_str(sent.param("user_auth_blocks").unwrap()).unwrap();
    assert_eq!(blocks[0]["type"], "section");
    assert_eq!(attachments(&bot, &ts).await.len(), 1);
}

#[tokio::test]
async fn a_user_who_dismissed_the_sign_in_prompt_is_not_prompted_again() {
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See {TICKET}")).await;
    emu.dismiss_unfurl_prompts(demo::ADA);
    let bot = client(&emu, demo::BOT_TOKEN);
    let previews = || Unfurls::new().with(TICKET, ticket_preview("Open"));
    let prompt = ChatUnfurl::message(general(), ts.clone(), previews()).require_auth();
    assert_eq!(code(bot.call(&prompt).await), "cannot_prompt");
    let message =
        ChatUnfurl::message(general(), ts.clone(), previews()).auth_message("Sign in to Tracker");
    assert_eq!(code(bot.call(&message).await), "cannot_prompt");
    // Previews without a prompt are still attached.
    bot.call(&ChatUnfurl::message(general(), ts.clone(), previews()))
        .await
        .unwrap();
    assert_eq!(attachments(&bot, &ts).await.len(), 1);
}

#[tokio::test]
async fn the_message_must_be_there_and_hold_each_link() {
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See <{TICKET}|BUG-7>")).await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let previews = || Unfurls::new().with(TICKET, ticket_preview("Open"));
    // A link the message does not hold, or holds otherwise written.
    for link in [OTHER, "https://tracker.example.com/bug-7", "BUG-7"] {
        let unfurls = Unfurls::new().with(link, ticket_preview("Open"));
        let answer = bot
            .call(&ChatUnfurl::message(general(), ts.clone(), unfurls))
            .await;
        let expected = if link.starts_with("https://") {
            "cannot_unfurl_message"
        } else {
            "cannot_unfurl_url"
        };
        assert_eq!(code(answer), expected, "{link}");
    }
    // No such message, no such conversation, a private one the caller is not in.
    let nowhere = Timestamp::new("1500000000.000100");
    let missing = bot
        .call(&ChatUnfurl::message(general(), nowhere, previews()))
        .await;
    assert_eq!(code(missing), "cannot_find_message");
    let elsewhere = ChannelId::new("C0NOSUCHCH").unwrap();
    let unknown = bot
        .call(&ChatUnfurl::message(elsewhere, ts.clone(), previews()))
        .await;
    assert_eq!(code(unknown), "cannot_find_channel");
    let grace = "xoxp-grace-links";
    emu.add_token(grace, demo::GRACE, &["links:write"]);
    let leads = ChannelId::new(demo::LEADS).unwrap();
    let hidden = client(&emu, grace)
        .call(&ChatUnfurl::message(leads, ts.clone(), previews()))
        .await;
    assert_eq!(code(hidden), "cannot_find_channel");
    // The emulator sends no link_shared event, so it knows no unfurl id.
    let composer = bot
        .call(&ChatUnfurl::link(
            UnfurlSource::Composer,
            "U0DEMOADA1-909b5454",
            previews(),
        ))
        .await;
    assert_eq!(code(composer), "cannot_find_message");
    let scope = client(&emu, NO_LINKS_SCOPE)
        .call(&ChatUnfurl::message(general(), ts.clone(), previews()))
        .await;
    assert_eq!(code(scope), "missing_scope");
    assert_eq!(ChatUnfurl::SCOPES, ["links:write"]);
    assert!(attachments(&bot, &ts).await.is_empty());
}

/// `chat.unfurl` with its arguments as they are, unchecked: for what the emulator answers to
/// arguments the typed binding would not send.
#[slack_methods::slack_method("chat.unfurl")]
struct RawUnfurl {
    channel: Option<String>,
    ts: Option<String>,
    unfurls: Option<String>,
}

#[tokio::test]
async fn unfurls_missing_or_not_a_map_of_previews_are_slack_s_errors() {
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See {TICKET}")).await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let raw = |channel: Option<&str>, ts: Option<&str>, unfurls: Option<&str>| RawUnfurl {
        channel: channel.map(str::to_owned),
        ts: ts.map(str::to_owned),
        unfurls: unfurls.map(str::to_owned),
    };
    let ts = ts.as_str();
    let preview = format!(r#"{{"{TICKET}":{{"text":"Open"}}}}"#);
    let cases = [
        (raw(Some(demo::GENERAL), Some(ts), None), "missing_unfurls"),
        (
            raw(Some(demo::GENERAL), Some(ts), Some("[1]")),
            "invalid_unfurls_format",
        ),
        (
            raw(
                Some(demo::GENERAL),
                Some(ts),
                Some(&format!(r#"{{"{TICKET}":"Open"}}"#)),
            ),
            "invalid_unfurls_format",
        ),
        (
            raw(
                Some(demo::GENERAL),
                Some(ts),
                Some(&format!(r#"{{"{TICKET}":{{"blocks":"Open"}}}}"#)),
            ),
            "cannot_parse_attachment",
        ),
        (raw(Some(demo::GENERAL), None, Some(&preview)), "missing_ts"),
        (raw(None, Some(ts), Some(&preview)), "missing_channel"),
    ];
    for (call, expected) in cases {
        assert_eq!(code(bot.call(&call).await), expected);
    }
    assert_eq!(emu.applied_writes("chat.unfurl"), 0);
}

#[tokio::test]
async fn what_to_unfurl_is_named_by_a_whole_pair_or_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let previews = || Unfurls::new().with(TICKET, ticket_preview("Open"));
    let ts = Timestamp::new("1700000000.000100");
    let mut half = ChatUnfurl::message(general(), ts.clone(), previews());
    half.ts = None;
    assert!(refused(bot.call(&half).await).contains("`channel` and `ts` together"));
    let mut half = ChatUnfurl::message(general(), ts.clone(), previews());
    half.channel = None;
    assert!(refused(bot.call(&half).await).contains("`channel` and `ts` together"));
    let mut half = ChatUnfurl::link(UnfurlSource::Composer, "U1-abc", previews());
    half.source = None;
    assert!(refused(bot.call(&half).await).contains("`unfurl_id` and `source` together"));
    let mut neither = ChatUnfurl::link(UnfurlSource::Composer, "U1-abc", previews());
    neither.source = None;
    neither.unfurl_id = None;
    assert!(refused(bot.call(&neither).await).contains("say what to unfurl"));
    // A blank id names no link, whether or not the message is named too.
    for blank in ["", "  "] {
        let link = ChatUnfurl::link(UnfurlSource::Composer, blank, previews());
        assert!(refused(bot.call(&link).await).contains("`unfurl_id` is blank"));
        let mut both = ChatUnfurl::message(general(), ts.clone(), previews());
        both.unfurl_id = Some(blank.to_owned());
        both.source = Some(UnfurlSource::Composer);
        assert!(refused(bot.call(&both).await).contains("`unfurl_id` is blank"));
    }
    assert!(emu.requests().is_empty());
}

#[cfg(feature = "tools")]
#[tokio::test]
async fn an_agent_unfurls_by_name_with_json_previews() {
    use slack_methods::tools::Registry;
    let emu = emulator().await;
    let ts = post(&emu, demo::GENERAL, &format!("See {TICKET}")).await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let tools = Registry::bundled();
    let args = json!({
        "channel": demo::GENERAL,
        "ts": ts.as_str(),
        "unfurls": {
            TICKET: {"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*BUG-7*"}}]}
        },
    });
    tools.call(&bot, "chatUnfurl", args).await.unwrap();
    let shown = attachments(&bot, &ts).await;
    assert_eq!(shown[0]["blocks"][0]["text"]["text"], "*BUG-7*");
    // A preview's blocks are checked as blocks, before sending.
    let bad = json!({
        "channel": demo::GENERAL,
        "ts": ts.as_str(),
        "unfurls": { TICKET: {"blocks": [{"text": "no type"}]} },
    });
    assert!(tools.call(&bot, "chatUnfurl", bad).await.is_err());
    // A later call replaces a link's preview: destructive, though the name does not say so.
    const { assert!(<ChatUnfurl as slack_methods::SlackTool>::DESTRUCTIVE) };
    assert!(tools.get("chatUnfurl").unwrap().destructive);
}
