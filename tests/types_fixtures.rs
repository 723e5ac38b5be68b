//! The shared types against real and sample Slack responses (`../shared`): every recorded
//! response that carries users, conversations, files or a team, the Java SDK's samples of every
//! field seen, the Python SDK's pagination bodies, and the spec's examples (messages, views,
//! files, user groups).
//!
//! Each object is read through the runtime's response parser where the body is a success, and
//! checked two ways: typed fields equal the values in the bytes, and the object written back as
//! JSON holds every value Slack sent (known fields and `extra` together) and nothing invented.

mod common;

use common::{read_shared, recorded_exchanges, shared_dir};
use serde_json::Value;
use slack_methods::types::{
    Conversation, ConversationKind, File, FileMode, List, Message, MessageSubtype, Profile,
    ResponseMetadata, Team, Timestamp, User, Usergroup, View, ViewType,
};
use slack_methods::{
    parse_response, ChannelId, EncodeError, FileId, FormEncoder, HttpVerb, RateLimitTier,
    SlackMethod, UserId,
};
use std::path::Path;

const RUBY: &str = "slack-fixtures/slack-ruby-client/spec/fixtures/slack/web";
const STRAVA: &str = "slack-fixtures/slack-strava/spec/fixtures/slack";
const JAVA: &str = "slack-fixtures/java-slack-sdk/json-logs/samples/api";
const PYTHON: &str = "slack-fixtures/python-slack-sdk/tests/slack_sdk_fixture";
const SPEC: &str = "slack-api/slack_web_openapi_v2.json";

// The response shapes of the methods whose recordings are read here.

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct UsersPage {
        pub members: List<User>,
        pub cache_ts: Option<i64>,
        pub offset: Option<String>,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct OneUser {
        required {
            pub user: User,
        }
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct ChannelsPage {
        pub channels: List<Conversation>,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct OneChannel {
        required {
            pub channel: Conversation,
        }
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct MembersPage {
        pub members: Vec<UserId>,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct OneTeam {
        required {
            pub team: Team,
        }
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct FilesPage {
        pub files: List<File>,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct UploadUrl {
        required {
            pub file_id: FileId,
        }
        pub upload_url: String,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct OneProfile {
        pub profile: Profile,
    }
}

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct MessagesPage {
        pub messages: List<Message>,
        pub has_more: bool,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

/// A binding of `$method` that reads its response as `$response`.
macro_rules! read_as {
    ($binding:ident, $method:literal, $response:ty) => {
        struct $binding;
        impl SlackMethod for $binding {
            const NAME: &'static str = $method;
            const VERB: HttpVerb = HttpVerb::Post;
            const SCOPES: &'static [&'static str] = &[];
            const TIER: RateLimitTier = RateLimitTier::Unknown;
            const WRITES: bool = false;
            type Response = $response;
            fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
                Ok(())
            }
        }
    };
}

read_as!(UsersList, "users.list", UsersPage);
read_as!(UsersInfo, "users.info", OneUser);
read_as!(ConversationsList, "conversations.list", ChannelsPage);
read_as!(ConversationsInfo, "conversations.info", OneChannel);
read_as!(ConversationsMembers, "conversations.members", MembersPage);
read_as!(TeamInfo, "team.info", OneTeam);
read_as!(CompleteUpload, "files.completeUploadExternal", FilesPage);
read_as!(GetUploadUrl, "files.getUploadURLExternal", UploadUrl);

/// Reads a recorded success through the runtime's parser.
fn parse<M: SlackMethod>(body: &[u8], label: &str) -> M::Response {
    parse_response::<M>(http::StatusCode::OK, &http::HeaderMap::new(), body)
        .unwrap_or_else(|err| panic!("{label}: {err}"))
        .into_data()
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

/// Whether a value is what a missing field reads as.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

/// `typed` (a typed object written back as JSON) holds every value of `raw`, and adds nothing
/// but empty defaults for fields Slack left out. Counts Slack wrote as strings may come back as
/// numbers.
fn assert_same_data(raw: &Value, typed: &Value, path: &str) {
    if is_empty(raw) && is_empty(typed) {
        return;
    }
    match (raw, typed) {
        (Value::Object(raw), Value::Object(typed)) => {
            for (key, value) in raw {
                let at = format!("{path}.{key}");
                match typed.get(key) {
                    Some(back) => assert_same_data(value, back, &at),
                    None => assert!(is_empty(value), "{at}: {value} was dropped"),
                }
            }
            for (key, value) in typed {
                if !raw.contains_key(key) {
                    assert!(is_empty(value), "{path}.{key}: {value} was invented");
                }
            }
        }
        (Value::Array(raw), Value::Array(typed)) => {
            assert_eq!(raw.len(), typed.len(), "{path}: length");
            for (i, (value, back)) in raw.iter().zip(typed).enumerate() {
                assert_same_data(value, back, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(raw), Value::Number(typed)) => {
            assert_eq!(raw.as_f64(), typed.as_f64(), "{path}");
        }
        (Value::String(raw), Value::Number(typed)) => {
            assert_eq!(raw.parse::<f64>().ok(), typed.as_f64(), "{path}");
        }
        (raw, typed) => assert_eq!(raw, typed, "{path}"),
    }
}

fn assert_object_kept<T: serde::Serialize>(raw: &Value, typed: &T, label: &str) {
    assert_same_data(raw, &serde_json::to_value(typed).unwrap(), label);
}

fn str_of<'a>(raw: &'a Value, key: &str) -> &'a str {
    raw[key].as_str().unwrap_or("")
}

/// A user's typed fields against the raw object.
fn check_user(raw: &Value, user: &User, label: &str) {
    assert_eq!(user.id.as_str(), raw["id"], "{label}");
    assert_eq!(user.name, str_of(raw, "name"), "{label}");
    assert_eq!(user.deleted, raw["deleted"] == true, "{label}");
    assert_eq!(user.is_bot, raw["is_bot"] == true, "{label}");
    assert_eq!(user.is_admin, raw["is_admin"] == true, "{label}");
    assert_eq!(
        user.team_id.as_ref().map(|t| t.as_str()),
        raw["team_id"].as_str(),
        "{label}"
    );
    assert_eq!(user.tz_offset, raw["tz_offset"].as_i64(), "{label}");
    assert_eq!(
        user.updated,
        raw["updated"].as_i64().unwrap_or(0),
        "{label}"
    );
    let profile = &raw["profile"];
    assert_eq!(
        user.profile.real_name,
        str_of(profile, "real_name"),
        "{label}"
    );
    assert_eq!(
        user.profile.display_name,
        str_of(profile, "display_name"),
        "{label}"
    );
    assert_eq!(
        user.profile.email.as_deref(),
        profile["email"].as_str(),
        "{label}"
    );
    assert_eq!(
        user.profile.bot_id.as_ref().map(|b| b.as_str()),
        profile["bot_id"].as_str(),
        "{label}"
    );
    assert_object_kept(raw, user, label);
}

/// A conversation's typed fields against the raw object.
fn check_conversation(raw: &Value, channel: &Conversation, label: &str) {
    assert_eq!(channel.id.as_str(), raw["id"], "{label}");
    assert_eq!(channel.name, str_of(raw, "name"), "{label}");
    for (flag, typed) in [
        ("is_channel", channel.is_channel),
        ("is_group", channel.is_group),
        ("is_im", channel.is_im),
        ("is_mpim", channel.is_mpim),
        ("is_private", channel.is_private),
        ("is_archived", channel.is_archived),
        ("is_general", channel.is_general),
        ("is_member", channel.is_member),
    ] {
        assert_eq!(typed, raw[flag] == true, "{label} {flag}");
    }
    let kind = if raw["is_im"] == true {
        ConversationKind::Im
    } else if raw["is_mpim"] == true {
        ConversationKind::Mpim
    } else if raw["is_private"] == true || raw["is_group"] == true {
        ConversationKind::PrivateChannel
    } else {
        ConversationKind::PublicChannel
    };
    assert_eq!(channel.kind(), kind, "{label}");
    assert_eq!(
        channel.created,
        raw["created"].as_i64().unwrap_or(0),
        "{label}"
    );
    assert_eq!(channel.num_members, raw["num_members"].as_u64(), "{label}");
    for (part, typed) in [("topic", &channel.topic), ("purpose", &channel.purpose)] {
        assert_eq!(
            typed.as_ref().map(|t| t.value.as_str()),
            raw[part]["value"].as_str(),
            "{label} {part}"
        );
        // Slack writes `"creator": ""` when nobody set it: no creator.
        assert_eq!(
            typed
                .as_ref()
                .and_then(|t| t.creator.as_ref())
                .map(UserId::as_str),
            raw[part]["creator"].as_str().filter(|c| !c.is_empty()),
            "{label} {part} creator"
        );
    }
    assert_eq!(
        channel.creator.as_ref().map(UserId::as_str),
        raw["creator"].as_str().filter(|c| !c.is_empty()),
        "{label} creator"
    );
    let members: Vec<&str> = channel.members.iter().map(UserId::as_str).collect();
    let raw_members: Vec<&str> = raw["members"]
        .as_array()
        .map(|m| m.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(members, raw_members, "{label}");
    assert_object_kept(raw, channel, label);
}

fn exchanges(shared: &Path) -> Vec<common::Exchange> {
    let mut all = recorded_exchanges(shared, RUBY);
    all.extend(recorded_exchanges(shared, STRAVA));
    all
}

/// Whether the recorded body is a success.
fn ok(body: &[u8]) -> bool {
    json(body)["ok"] == true
}

#[test]
fn recorded_users_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let (mut pages, mut users, mut infos) = (0, 0, 0);
    let mut cursors = Vec::new();
    for rec in exchanges(&shared) {
        let label = format!("{} {}", rec.file, rec.method);
        if !ok(&rec.body) {
            continue;
        }
        let raw = json(&rec.body);
        match rec.method.as_str() {
            "users.list" => {
                let page = parse::<UsersList>(&rec.body, &label);
                let raw_members = raw["members"].as_array().unwrap();
                assert!(
                    page.members.is_complete(),
                    "{label}: {:?}",
                    page.members.unparsed().next()
                );
                assert_eq!(page.members.len(), raw_members.len(), "{label}");
                for (raw, user) in raw_members.iter().zip(&page.members) {
                    check_user(raw, user, &format!("{label} {}", raw["id"]));
                }
                assert_eq!(page.cache_ts, raw["cache_ts"].as_i64(), "{label}");
                if rec.file == "paginated_users_list.yml" {
                    cursors.push(
                        page.response_metadata
                            .unwrap()
                            .next_cursor()
                            .map(str::to_owned),
                    );
                }
                pages += 1;
                users += raw_members.len();
            }
            "users.info" => {
                let one = parse::<UsersInfo>(&rec.body, &label);
                check_user(&raw["user"], &one.user, &label);
                infos += 1;
            }
            _ => {}
        }
    }
    assert!(
        pages >= 9 && users >= 100 && infos >= 4,
        "{pages} pages, {users} users, {infos} infos"
    );
    // The 7-page chain: a cursor on every page but the last.
    assert_eq!(cursors.len(), 7);
    assert!(cursors[..6].iter().all(Option::is_some));
    assert_eq!(cursors[6], None);

    // Known facts of two recordings, as a check on the checks.
    let info = exchanges(&shared)
        .into_iter()
        .find(|r| r.file == "users_info.yml" && r.method == "users.info")
        .unwrap();
    let aws = parse::<UsersInfo>(&info.body, "users_info.yml").user;
    assert!(aws.deleted && aws.is_bot);
    assert_eq!(aws.profile.real_name, "AWS Cloud");
    assert!(aws.profile.fields.is_empty()); // `"fields": null`
    assert_eq!(
        aws.profile.extra["status_emoji_display_info"],
        Value::Array(vec![])
    );
    let deleted = exchanges(&shared)
        .into_iter()
        .find(|r| r.file == "users_info_deleted.yml")
        .unwrap();
    let user = parse::<UsersInfo>(&deleted.body, "users_info_deleted.yml").user;
    assert!(user.deleted && user.is_primary_owner);
    assert_eq!(user.tz.as_deref(), Some("America/Indiana/Indianapolis"));
    assert_eq!(user.extra["status"], Value::Null);
    assert_eq!(user.extra["has_files"], false);
}

#[test]
fn recorded_conversations_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let (mut listed, mut single, mut member_pages) = (0, 0, 0);
    for rec in exchanges(&shared) {
        let label = format!("{} {}", rec.file, rec.method);
        if !ok(&rec.body) {
            continue;
        }
        let raw = json(&rec.body);
        match rec.method.as_str() {
            "conversations.list" | "users.conversations" => {
                let page = parse::<ConversationsList>(&rec.body, &label);
                let raw_channels = raw["channels"].as_array().unwrap();
                assert!(page.channels.is_complete(), "{label}");
                assert_eq!(page.channels.len(), raw_channels.len(), "{label}");
                for (raw, channel) in raw_channels.iter().zip(&page.channels) {
                    check_conversation(raw, channel, &format!("{label} {}", raw["id"]));
                }
                listed += raw_channels.len();
            }
            "conversations.info" | "conversations.setTopic" => {
                let one = parse::<ConversationsInfo>(&rec.body, &label);
                check_conversation(&raw["channel"], &one.channel, &label);
                single += 1;
            }
            "conversations.members" => {
                let page = parse::<ConversationsMembers>(&rec.body, &label);
                let ids: Vec<&str> = page.members.iter().map(UserId::as_str).collect();
                let raw_ids: Vec<&str> = raw["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap())
                    .collect();
                assert_eq!(ids, raw_ids, "{label}");
                assert_eq!(
                    page.response_metadata
                        .as_ref()
                        .and_then(|m| m.next_cursor()),
                    raw["response_metadata"]["next_cursor"]
                        .as_str()
                        .filter(|c| !c.is_empty()),
                    "{label}"
                );
                member_pages += 1;
            }
            _ => {}
        }
    }
    assert!(
        listed >= 280 && single >= 4 && member_pages >= 3,
        "{listed} {single} {member_pages}"
    );

    // A group DM recorded by conversations.info.
    let info = exchanges(&shared)
        .into_iter()
        .find(|r| r.file == "conversations_info.yml" && r.method == "conversations.info")
        .unwrap();
    let mpim = parse::<ConversationsInfo>(&info.body, "conversations_info.yml").channel;
    assert_eq!(mpim.kind(), ConversationKind::Mpim);
    assert_eq!(mpim.last_read, Some(Timestamp::new("0000000000.000000")));
    assert_eq!(mpim.members.len(), 3);
    assert_eq!(mpim.latest, None);
}

#[test]
fn recorded_team_and_uploaded_files_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let all = exchanges(&shared);
    let team = all.iter().find(|r| r.method == "team.info").unwrap();
    let raw = json(&team.body);
    let typed = parse::<TeamInfo>(&team.body, "team.info").team;
    assert_eq!(typed.id.as_str(), raw["team"]["id"]);
    assert_eq!(typed.domain, raw["team"]["domain"]);
    assert_eq!(typed.email_domain, raw["team"]["email_domain"]);
    assert_eq!(
        typed.icon.image_132.as_deref(),
        raw["team"]["icon"]["image_132"].as_str()
    );
    assert_eq!(
        typed.icon.image_original.as_deref(),
        raw["team"]["icon"]["image_original"].as_str()
    );
    assert_object_kept(&raw["team"], &typed, "team.info");

    let url = all
        .iter()
        .find(|r| r.method == "files.getUploadURLExternal")
        .unwrap();
    let raw = json(&url.body);
    let typed = parse::<GetUploadUrl>(&url.body, "files.getUploadURLExternal");
    assert_eq!(typed.file_id.as_str(), raw["file_id"]);
    assert_eq!(typed.upload_url, raw["upload_url"]);

    let complete = all
        .iter()
        .find(|r| r.method == "files.completeUploadExternal")
        .unwrap();
    let raw = json(&complete.body);
    let page = parse::<CompleteUpload>(&complete.body, "files.completeUploadExternal");
    assert_eq!(page.files.len(), 1);
    let file = page.files.first().unwrap();
    let raw_file = &raw["files"][0];
    assert_eq!(file.id.as_str(), raw_file["id"]);
    assert_eq!(file.name, raw_file["name"]);
    assert_eq!(file.size, raw_file["size"].as_u64().unwrap());
    assert_eq!(file.mode, Some(FileMode::Hosted));
    assert_eq!(file.user.as_ref().unwrap().as_str(), raw_file["user"]);
    assert_eq!(
        file.url_private.as_deref(),
        raw_file["url_private"].as_str()
    );
    assert_eq!(file.file_access.as_deref(), Some("visible"));
    assert_object_kept(raw_file, file, "files.completeUploadExternal");
}

/// The Java SDK's samples hold every field the SDK team saw (anonymised): all of them must be
/// read, the unknown ones kept. Their `ok` is `false`, so they are read directly.
#[test]
fn java_samples_objects_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let read = |name: &str| read_shared(&shared, &format!("{JAVA}/{name}"));

    for name in ["users.info.json", "users.lookupByEmail.json"] {
        let body = read(name);
        let raw = json(&body);
        let typed: OneUser = serde_json::from_slice(&body).unwrap();
        check_user(&raw["user"], &typed.user, name);
        assert_eq!(
            typed
                .user
                .enterprise_user
                .as_ref()
                .and_then(|e| e.enterprise_id.as_ref())
                .map(|id| id.as_str()),
            raw["user"]["enterprise_user"]["enterprise_id"].as_str(),
            "{name}"
        );
    }
    let body = read("users.list.json");
    let raw = json(&body);
    let typed: UsersPage = serde_json::from_slice(&body).unwrap();
    check_user(
        &raw["members"][0],
        typed.members.first().unwrap(),
        "users.list.json",
    );
    assert_eq!(typed.offset.as_deref(), raw["offset"].as_str());

    let body = read("conversations.list.json");
    let raw = json(&body);
    let typed: ChannelsPage = serde_json::from_slice(&body).unwrap();
    let channel = typed.channels.first().unwrap();
    check_conversation(&raw["channels"][0], channel, "conversations.list.json");
    // Fields the type does not name are kept whole.
    assert_eq!(
        channel.extra["properties"],
        raw["channels"][0]["properties"]
    );
    assert_eq!(channel.priority, Some(12345.0));
    assert_eq!(
        channel.context_team_id.as_ref().unwrap().as_str(),
        "T00000000"
    );

    let body = read("conversations.members.json");
    let typed: MembersPage = serde_json::from_slice(&body).unwrap();
    assert_eq!(typed.members, [UserId::new("U00000000").unwrap()]);

    let body = read("users.profile.get.json");
    let raw = json(&body);
    let typed: OneProfile = serde_json::from_slice(&body).unwrap();
    assert_object_kept(&raw["profile"], &typed.profile, "users.profile.get.json");
}

/// The Python SDK's hand-written pagination bodies, through the response parser.
#[test]
fn python_pagination_bodies_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(shared.join(PYTHON)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let body = std::fs::read(&path).unwrap();
        let raw = json(&body);
        if name.contains("users_list") {
            // These mock bodies list names where Slack lists user objects: every element is odd,
            // and the page still reads, each element kept as it came.
            let page = parse::<UsersList>(&body, &name);
            let raw_members = raw["members"].as_array().unwrap();
            assert_eq!(page.members.len(), raw_members.len(), "{name}");
            assert_eq!(page.members.iter().count(), 0, "{name}");
            let kept: Vec<Value> = page.members.unparsed().map(|odd| odd.to_value()).collect();
            assert_eq!(&kept, raw_members, "{name}");
            let cursor = match &raw["response_metadata"]["next_cursor"] {
                Value::Number(n) => Some(n.to_string()),
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                _ => None,
            };
            assert_eq!(
                page.response_metadata
                    .as_ref()
                    .and_then(|m| m.next_cursor()),
                cursor.as_deref(),
                "{name}"
            );
        } else {
            let page = parse::<ConversationsList>(&body, &name);
            for (raw, channel) in raw["channels"]
                .as_array()
                .unwrap()
                .iter()
                .zip(&page.channels)
            {
                check_conversation(raw, channel, &name);
            }
            assert!(page.channels.is_complete(), "{name}");
        }
        seen += 1;
    }
    assert!(seen >= 6);
}

/// The 200 example of one method in the spec.
fn spec_example(spec: &Value, method: &str) -> Value {
    let operations = spec["paths"][format!("/{method}")].as_object().unwrap();
    let operation = operations.values().next().unwrap();
    operation["responses"]["200"]["examples"]["application/json"].clone()
}

/// The spec's examples: the only message objects, views, file shares and user groups in the
/// reference data.
#[test]
fn spec_examples_parse_typed() {
    let Some(shared) = shared_dir() else { return };
    let spec = json(&read_shared(&shared, SPEC));

    for method in ["conversations.history", "conversations.replies"] {
        let example = spec_example(&spec, method);
        let body = serde_json::to_vec(&example).unwrap();
        read_as!(History, "conversations.history", MessagesPage);
        let page = parse::<History>(&body, method);
        let raw = example["messages"].as_array().unwrap();
        assert!(page.messages.is_complete());
        assert_eq!(page.messages.len(), raw.len());
        for (raw, message) in raw.iter().zip(&page.messages) {
            assert_eq!(message.ts.as_str(), raw["ts"], "{method}");
            assert_eq!(message.text, raw["text"], "{method}");
            assert_eq!(
                message.user.as_ref().unwrap().as_str(),
                raw["user"],
                "{method}"
            );
            assert_eq!(
                message.thread_ts.as_ref().map(Timestamp::as_str),
                raw["thread_ts"].as_str()
            );
            assert_eq!(message.reply_count, raw["reply_count"].as_u64());
            assert_object_kept(raw, message, method);
        }
        assert_eq!(
            page.response_metadata.unwrap().next_cursor(),
            example["response_metadata"]["next_cursor"].as_str()
        );
    }
    // The thread: a parent and its replies, in order.
    let replies: MessagesPage =
        serde_json::from_value(spec_example(&spec, "conversations.replies")).unwrap();
    let parent = replies.messages.first().unwrap();
    assert!(parent.is_thread_parent() && parent.reply_count == Some(3));
    assert!(replies.messages.iter().skip(1).all(Message::is_reply));
    let stamps: Vec<&Timestamp> = replies.messages.iter().map(|m| &m.ts).collect();
    assert!(stamps.windows(2).all(|w| w[0] < w[1]));

    let posted = spec_example(&spec, "chat.postMessage");
    let message: Message = serde_json::from_value(posted["message"].clone()).unwrap();
    assert_eq!(message.subtype, Some(MessageSubtype::BotMessage));
    assert_eq!(
        message.bot_id.as_ref().unwrap().as_str(),
        posted["message"]["bot_id"]
    );
    assert_eq!(
        message.username.as_deref(),
        posted["message"]["username"].as_str()
    );
    assert_eq!(
        message.attachments[0].id(),
        posted["message"]["attachments"][0]["id"].as_i64()
    );
    assert_eq!(message.attachments[0].text(), Some("This is an attachment"));
    assert_object_kept(&posted["message"], &message, "chat.postMessage");

    // Search results carry a channel object where history has none: kept in `extra`.
    let search = spec_example(&spec, "search.messages");
    let matches: List<Message> =
        serde_json::from_value(search["messages"]["matches"].clone()).unwrap();
    assert!(matches.is_complete());
    let first = matches.first().unwrap();
    assert_eq!(first.extra["channel"]["name"], "general");
    assert_eq!(
        first.permalink.as_deref(),
        search["messages"]["matches"][0]["permalink"].as_str()
    );

    let pins = spec_example(&spec, "pins.list");
    for item in pins["items"].as_array().unwrap() {
        let message: Message = serde_json::from_value(item["message"].clone()).unwrap();
        assert_eq!(message.pinned_to[0].as_str(), item["channel"]);
        assert_object_kept(&item["message"], &message, "pins.list");
    }

    let opened = spec_example(&spec, "views.open");
    let view: View = serde_json::from_value(opened["view"].clone()).unwrap();
    assert_eq!(view.id.as_str(), opened["view"]["id"]);
    assert_eq!(view.kind, Some(ViewType::Modal));
    assert_eq!(view.title.as_ref().unwrap().text, "Quite a plain modal");
    assert_eq!(view.submit.as_ref().unwrap().text, "Create");
    assert_eq!(view.blocks[0].block_type(), "input");
    assert_eq!(view.blocks[0].block_id(), Some("a_block_id"));
    assert_eq!(view.private_metadata, "Shh it is a secret");
    assert_eq!(view.hash, "156772938.1827394");
    assert_object_kept(&opened["view"], &view, "views.open");

    let info = spec_example(&spec, "files.info");
    let file: File = serde_json::from_value(info["file"].clone()).unwrap();
    assert_eq!(file.id.as_str(), "F0S43PZDF");
    assert_eq!(file.original_w, Some(176));
    assert_eq!(file.channels, [ChannelId::new("C0T8SE4AU").unwrap()]);
    assert_eq!(
        file.shares.as_ref().unwrap()["public"]["C0T8SE4AU"][0]["reply_count"],
        1
    );
    assert_eq!(file.extra["pjpeg"], info["file"]["pjpeg"]);
    assert_object_kept(&info["file"], &file, "files.info");

    let reacted = spec_example(&spec, "reactions.get");
    let file: File = serde_json::from_value(reacted["file"].clone()).unwrap();
    let reaction = file.reactions.first().unwrap();
    assert_eq!(reaction.name, "stuck_out_tongue_winking_eye");
    assert_eq!(reaction.count, 1);
    assert_eq!(reaction.users[0].as_str(), "U2U85N1RV");

    // User groups: `user_count` is a string in Slack's own example.
    let groups = spec_example(&spec, "usergroups.list");
    let list: List<Usergroup> = serde_json::from_value(groups["usergroups"].clone()).unwrap();
    assert!(list.is_complete());
    let counts: Vec<u64> = list.iter().map(|g| g.user_count).collect();
    assert_eq!(counts, [2, 1, 0]);
    let handles: Vec<&str> = list.iter().map(|g| g.handle.as_str()).collect();
    assert_eq!(handles, ["admins", "owners", "marketing-team"]);
    assert_eq!(list.iter().nth(2).unwrap().auto_type, None);
    for (raw, group) in groups["usergroups"].as_array().unwrap().iter().zip(&list) {
        assert_object_kept(raw, group, "usergroups.list");
    }

    let team = spec_example(&spec, "team.info");
    let typed: Team = serde_json::from_value(team["team"].clone()).unwrap();
    assert_eq!(typed.enterprise_id.as_ref().unwrap().as_str(), "E1234A12AB");
    assert_eq!(typed.icon.image_default, Some(true));
    assert_object_kept(&team["team"], &typed, "team.info example");

    let channel = spec_example(&spec, "conversations.info");
    let typed: Conversation = serde_json::from_value(channel["channel"].clone()).unwrap();
    check_conversation(&channel["channel"], &typed, "conversations.info example");
    assert_eq!(typed.previous_names, ["specifics", "abstractions", "etc"]);

    let user = spec_example(&spec, "users.info");
    let typed: User = serde_json::from_value(user["user"].clone()).unwrap();
    check_user(&user["user"], &typed, "users.info example");
    assert_eq!(typed.display_name(), "spengler");
}
