//! The directory bindings against Slack's recorded responses (`../shared/slack-fixtures/`):
//! every recorded answer of their methods reads through the runtime's response parser into the
//! binding's own response type, with the values in the bytes; the recorded requests of the
//! upload and of `conversations.*` are the bytes the bindings send; and the Java SDK's samples
//! and the spec's examples of the other methods read too.

mod common;

use common::{read_shared, recorded_exchanges, shared_dir};
use serde_json::Value;
use slack_methods::methods::{
    ConversationsCreateResponse, ConversationsInfo, ConversationsInfoResponse,
    ConversationsInviteResponse, ConversationsJoinResponse, ConversationsList,
    ConversationsListResponse, ConversationsMembers, ConversationsMembersResponse,
    ConversationsOpenResponse, FileToComplete, FilesCompleteUploadExternal,
    FilesGetUploadUrlExternal, FilesInfoResponse, FilesListResponse, TeamInfo, UsergroupResponse,
    UsergroupsListResponse, UsergroupsUsersListResponse, UsersConversations, UsersInfo, UsersList,
    UsersListResponse, UsersLookupByEmailResponse,
};
use slack_methods::types::ConversationKind;
use slack_methods::{
    encode_params, parse_response, ChannelId, ErrorCode, FileId, PageItems, SlackMethod, UserId,
};
use std::path::Path;

const RUBY: &str = "slack-fixtures/slack-ruby-client/spec/fixtures/slack/web";
const STRAVA: &str = "slack-fixtures/slack-strava/spec/fixtures/slack";
const JAVA: &str = "slack-fixtures/java-slack-sdk/json-logs/samples/api";
const PYTHON: &str = "slack-fixtures/python-slack-sdk/tests/slack_sdk_fixture";
const SPEC: &str = "slack-api/slack_web_openapi_v2.json";

fn exchanges(shared: &Path) -> Vec<common::Exchange> {
    let mut all = recorded_exchanges(shared, RUBY);
    all.extend(recorded_exchanges(shared, STRAVA));
    all
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

/// A recorded answer through the response parser, as the client reads it.
fn parse<M: SlackMethod>(rec: &common::Exchange) -> Result<M::Response, slack_methods::Error> {
    let status = http::StatusCode::from_u16(rec.status).unwrap();
    parse_response::<M>(status, &http::HeaderMap::new(), &rec.body).map(|r| r.into_data())
}

fn ok<M: SlackMethod>(rec: &common::Exchange) -> M::Response {
    parse::<M>(rec).unwrap_or_else(|err| panic!("{} {}: {err}", rec.file, rec.method))
}

fn ids(raw: &Value, key: &str) -> Vec<String> {
    raw[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn recorded_user_answers_read_into_the_bindings_types() {
    let Some(shared) = shared_dir() else { return };
    let (mut infos, mut pages, mut errors) = (0, 0, 0);
    let mut chain = Vec::new();
    for rec in exchanges(&shared) {
        let raw = json(&rec.body);
        match rec.method.as_str() {
            "users.info" if raw["ok"] == true => {
                let info = ok::<UsersInfo>(&rec);
                assert_eq!(info.user.id.as_str(), raw["user"]["id"], "{}", rec.file);
                assert_eq!(info.user.name, raw["user"]["name"], "{}", rec.file);
                assert_eq!(info.user.deleted, raw["user"]["deleted"] == true);
                infos += 1;
            }
            "users.info" => {
                let err = parse::<UsersInfo>(&rec).unwrap_err();
                assert_eq!(err.code(), Some(&ErrorCode::UserNotFound), "{}", rec.file);
                errors += 1;
            }
            "users.list" => {
                let page = ok::<UsersList>(&rec);
                let expected = ids(&raw, "members");
                let got: Vec<String> = page.members.iter().map(|u| u.id.to_string()).collect();
                assert_eq!(got, expected, "{}", rec.file);
                assert_eq!(page.cache_ts, raw["cache_ts"].as_i64());
                if rec.file == "paginated_users_list.yml" {
                    chain.push(
                        page.response_metadata
                            .as_ref()
                            .and_then(|m| m.next_cursor())
                            .map(str::to_owned),
                    );
                }
                // `items` hands out every member of the page, in order.
                assert_eq!(page.into_items().len(), expected.len());
                pages += 1;
            }
            _ => {}
        }
    }
    assert!(
        infos >= 4 && pages >= 9 && errors >= 1,
        "{infos} {pages} {errors}"
    );
    // Seven pages: a cursor on each but the last.
    assert_eq!(chain.len(), 7);
    assert!(chain[..6].iter().all(Option::is_some));
    assert_eq!(chain[6], None);
}

#[test]
fn recorded_conversation_answers_read_into_the_bindings_types() {
    let Some(shared) = shared_dir() else { return };
    let (mut lists, mut infos, mut members, mut mine) = (0, 0, 0, 0);
    for rec in exchanges(&shared) {
        if json(&rec.body)["ok"] != true {
            continue;
        }
        let raw = json(&rec.body);
        match rec.method.as_str() {
            "conversations.list" => {
                let page = ok::<ConversationsList>(&rec);
                assert!(page.channels.is_complete(), "{}", rec.file);
                let got: Vec<String> = page.channels.iter().map(|c| c.id.to_string()).collect();
                assert_eq!(got, ids(&raw, "channels"), "{}", rec.file);
                lists += 1;
            }
            "conversations.info" => {
                let one = ok::<ConversationsInfo>(&rec);
                assert_eq!(one.channel.id.as_str(), raw["channel"]["id"]);
                infos += 1;
            }
            "conversations.members" => {
                let page = ok::<ConversationsMembers>(&rec);
                let expected: Vec<&str> = raw["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m.as_str().unwrap())
                    .collect();
                let got: Vec<&str> = page.members.iter().map(UserId::as_str).collect();
                assert_eq!(got, expected, "{}", rec.file);
                members += 1;
            }
            "users.conversations" => {
                let page = ok::<UsersConversations>(&rec);
                assert!(page.channels.is_complete(), "{}", rec.file);
                let got: Vec<String> = page.channels.iter().map(|c| c.id.to_string()).collect();
                assert_eq!(got, ids(&raw, "channels"), "{}", rec.file);
                mine += 1;
            }
            _ => {}
        }
    }
    assert!(
        lists >= 4 && infos >= 1 && members >= 3 && mine >= 2,
        "{lists} {infos} {members} {mine}"
    );
}

#[test]
fn recorded_team_and_upload_answers_read_into_the_bindings_types() {
    let Some(shared) = shared_dir() else { return };
    let all = exchanges(&shared);
    let team = all.iter().find(|r| r.method == "team.info").unwrap();
    let raw = json(&team.body);
    let typed = ok::<TeamInfo>(team);
    assert_eq!(typed.team.id.as_str(), raw["team"]["id"]);
    assert_eq!(typed.team.domain, raw["team"]["domain"]);

    let url = all
        .iter()
        .find(|r| r.method == "files.getUploadURLExternal")
        .unwrap();
    let raw = json(&url.body);
    let typed = ok::<FilesGetUploadUrlExternal>(url);
    assert_eq!(typed.file_id.as_str(), raw["file_id"]);
    assert_eq!(typed.upload_url, raw["upload_url"]);
    assert!(typed
        .upload_url
        .starts_with("https://files.slack.com/upload/v1/"));

    let complete = all
        .iter()
        .find(|r| r.method == "files.completeUploadExternal")
        .unwrap();
    let raw = json(&complete.body);
    let typed = ok::<FilesCompleteUploadExternal>(complete);
    let file = typed.file().unwrap();
    assert_eq!(file.id.as_str(), raw["files"][0]["id"]);
    assert_eq!(file.size, 18);
    assert_eq!(file.title, "test.txt");
}

/// The requests of a cassette, as recorded: method and form body.
fn recorded_requests(shared: &Path, path: &str) -> Vec<(String, String)> {
    let text = String::from_utf8(read_shared(shared, path)).unwrap();
    let doc: Value = serde_norway::from_str(&text).unwrap();
    doc["http_interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|exchange| {
            let request = &exchange["request"];
            (
                request["uri"].as_str().unwrap().to_owned(),
                request["body"]["string"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The bindings send the bytes Slack's Ruby client sent in the recorded exchanges.
#[test]
fn recorded_requests_are_what_the_bindings_send() {
    let Some(shared) = shared_dir() else { return };
    let upload = recorded_requests(&shared, &format!("{RUBY}/files_upload_v2.yml"));
    assert_eq!(upload.len(), 3);
    assert!(upload[0].0.ends_with("/api/files.getUploadURLExternal"));
    assert_eq!(
        encode_params(&FilesGetUploadUrlExternal::new("test.txt", 18)).unwrap(),
        upload[0].1
    );
    // The bytes went to another host, with no token in the body.
    assert!(upload[1]
        .0
        .starts_with("https://files.slack.com/upload/v1/"));
    assert_eq!(upload[1].1, "Test File Contents");
    assert_eq!(upload[1].1.len(), 18);
    let complete = FilesCompleteUploadExternal::new([FileToComplete::new(
        FileId::new("F08BXKAFDR7").unwrap(),
        Some("test.txt".into()),
    )]);
    assert_eq!(encode_params(&complete).unwrap(), upload[2].1);

    let info = recorded_requests(&shared, &format!("{RUBY}/conversations_info.yml"));
    let (list, one) = (&info[0], &info[1]);
    assert!(list.0.ends_with("/api/conversations.list"));
    assert_eq!(
        encode_params(&ConversationsList::new().limit(100)).unwrap(),
        list.1
    );
    assert!(one.0.ends_with("/api/conversations.info"));
    let channel = ChannelId::new("G0K7EV5A7").unwrap();
    assert_eq!(
        encode_params(&ConversationsInfo::of(channel)).unwrap(),
        one.1
    );
}

/// The Python SDK's hand-written pagination bodies, through the bindings: the cursors lead from
/// page to page and end, and elements that are not objects (its `users.list` bodies list names)
/// are kept, not fatal.
#[test]
fn python_pagination_bodies_read_into_the_bindings() {
    let Some(shared) = shared_dir() else { return };
    let read = |name: &str| read_shared(&shared, &format!("{PYTHON}/{name}"));
    let cursor = |raw: &Value| match &raw["response_metadata"]["next_cursor"] {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    for name in [
        "web_response_conversations_list.json",
        "web_response_conversations_list_pagination.json",
        "web_response_conversations_list_pagination_has_page2.json",
        "web_response_conversations_list_pagination_has_page3.json",
    ] {
        let body = read(name);
        let raw = json(&body);
        let page = parse_response::<ConversationsList>(
            http::StatusCode::OK,
            &http::HeaderMap::new(),
            &body,
        )
        .unwrap();
        assert_eq!(page.next_cursor, cursor(&raw), "{name}");
        assert!(page.channels.is_complete(), "{name}");
        assert_eq!(
            page.channels.len(),
            raw["channels"].as_array().unwrap().len()
        );
    }
    for name in [
        "web_response_users_list_pagination.json",
        "web_response_users_list_pagination_1.json",
    ] {
        let body = read(name);
        let raw = json(&body);
        let page =
            parse_response::<UsersList>(http::StatusCode::OK, &http::HeaderMap::new(), &body)
                .unwrap();
        assert_eq!(page.next_cursor, cursor(&raw), "{name}");
        let raw_members = raw["members"].as_array().unwrap();
        assert_eq!(page.members.len(), raw_members.len(), "{name}");
        let items = page.into_data().into_items();
        assert_eq!(items.len(), raw_members.len());
    }
}

/// The Java SDK's samples of every field seen: each reads into the binding's response type.
/// Their `ok` is `false` (success and error keys are merged), so they are read directly.
#[test]
fn java_samples_read_into_the_bindings_types() {
    let Some(shared) = shared_dir() else { return };
    let read = |name: &str| read_shared(&shared, &format!("{JAVA}/{name}"));

    let info: slack_methods::methods::UsersInfoResponse =
        serde_json::from_slice(&read("users.info.json")).unwrap();
    assert_eq!(info.user.id, "U00000000");
    let found: UsersLookupByEmailResponse =
        serde_json::from_slice(&read("users.lookupByEmail.json")).unwrap();
    assert_eq!(found.user.id, "U00000000");
    let users: UsersListResponse = serde_json::from_slice(&read("users.list.json")).unwrap();
    assert!(users.members.is_complete());
    assert!(!users.members.is_empty());
    let channels: ConversationsListResponse =
        serde_json::from_slice(&read("conversations.list.json")).unwrap();
    assert!(channels.channels.is_complete());
    let first = channels.channels.first().unwrap();
    assert!(first.extra.contains_key("properties"));
    let members: ConversationsMembersResponse =
        serde_json::from_slice(&read("conversations.members.json")).unwrap();
    assert_eq!(members.members, [UserId::new("U00000000").unwrap()]);
}

/// The 200 example of one method in the spec.
fn spec_example(spec: &Value, method: &str) -> Value {
    let operations = spec["paths"][format!("/{method}")].as_object().unwrap();
    let operation = operations.values().next().unwrap();
    operation["responses"]["200"]["examples"]["application/json"].clone()
}

/// Methods with no recording: the spec's examples read into the bindings' response types.
#[test]
fn spec_examples_read_into_the_bindings_types() {
    let Some(shared) = shared_dir() else { return };
    let spec = json(&read_shared(&shared, SPEC));

    let open: ConversationsOpenResponse =
        serde_json::from_value(spec_example(&spec, "conversations.open")).unwrap();
    assert_eq!(open.channel.id, "D069C7QFK");
    assert!(!open.already_open);

    let join: ConversationsJoinResponse =
        serde_json::from_value(spec_example(&spec, "conversations.join")).unwrap();
    assert_eq!(join.channel.name, "general");
    assert!(join.channel.is_member);
    assert_eq!(join.extra["warning"], "already_in_channel");

    let create: ConversationsCreateResponse =
        serde_json::from_value(spec_example(&spec, "conversations.create")).unwrap();
    assert_eq!(create.channel.name, "endeavor");
    assert_eq!(create.channel.kind(), ConversationKind::PublicChannel);

    let invite: ConversationsInviteResponse =
        serde_json::from_value(spec_example(&spec, "conversations.invite")).unwrap();
    assert_eq!(invite.channel.num_members, Some(23));

    let info: ConversationsInfoResponse =
        serde_json::from_value(spec_example(&spec, "conversations.info")).unwrap();
    assert_eq!(
        info.channel.previous_names,
        ["specifics", "abstractions", "etc"]
    );

    let groups: UsergroupsListResponse =
        serde_json::from_value(spec_example(&spec, "usergroups.list")).unwrap();
    let handles: Vec<&str> = groups
        .usergroups
        .iter()
        .map(|g| g.handle.as_str())
        .collect();
    assert_eq!(handles, ["admins", "owners", "marketing-team"]);

    let users: UsergroupsUsersListResponse =
        serde_json::from_value(spec_example(&spec, "usergroups.users.list")).unwrap();
    assert_eq!(
        users.users,
        ["U060R4BJ4", "W123A4BC5"].map(|id| UserId::new(id).unwrap())
    );

    for method in ["usergroups.users.update", "usergroups.update"] {
        let updated: UsergroupResponse =
            serde_json::from_value(spec_example(&spec, method)).unwrap();
        let group = updated.usergroup.expect(method);
        assert_eq!(group.handle, "marketing-team");
        assert_eq!(
            group.users,
            ["U060R4BJ4", "U060RNRCZ"].map(|id| UserId::new(id).unwrap())
        );
    }
    // The spec's examples of these three are a bare `{"ok": true}`.
    for method in [
        "usergroups.create",
        "usergroups.disable",
        "usergroups.enable",
    ] {
        let answer: UsergroupResponse =
            serde_json::from_value(spec_example(&spec, method)).unwrap();
        assert_eq!(answer.usergroup, None, "{method}");
    }

    let file: FilesInfoResponse =
        serde_json::from_value(spec_example(&spec, "files.info")).unwrap();
    assert_eq!(file.file.id, "F0S43PZDF");

    let files: FilesListResponse =
        serde_json::from_value(spec_example(&spec, "files.list")).unwrap();
    assert!(files.files.is_complete());
    let names: Vec<&str> = files.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["billair.gif", "tedair.gif"]);
    let paging = files.paging.unwrap();
    assert_eq!((paging.page, paging.pages, paging.total), (1, 1, 2));

    let lookup: UsersLookupByEmailResponse =
        serde_json::from_value(spec_example(&spec, "users.lookupByEmail")).unwrap();
    assert_eq!(lookup.user.name, "spengler");
}

/// Slack's own facts for one method of the 2020 spec, from `methods.tsv`: verb and scopes.
struct Facts {
    verb: String,
    scopes: std::collections::BTreeSet<String>,
}

fn facts(shared: &Path, method: &str) -> Option<Facts> {
    let tsv = String::from_utf8(read_shared(shared, "slack-api/methods.tsv")).unwrap();
    let row: Vec<&str> = tsv
        .lines()
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .find(|cells| cells[0] == method)?;
    Some(Facts {
        verb: row[1].to_owned(),
        scopes: row[2].split(',').map(str::to_owned).collect(),
    })
}

fn tier_name(tier: slack_methods::RateLimitTier) -> &'static str {
    use slack_methods::RateLimitTier::*;
    match tier {
        Tier1 => "Tier1",
        Tier2 => "Tier2",
        Tier3 => "Tier3",
        Tier4 => "Tier4",
        _ => "other",
    }
}

/// Each binding's tier is Slack's; a method of the 2020 spec writes exactly when the spec sends
/// it with POST and names the spec's scopes (three also name the scope Slack gives bot tokens
/// today, `channels:join` or `channels:manage`); the upload methods, newer than the spec, need
/// `files:write` and write.
#[test]
fn the_bindings_facts_agree_with_slack() {
    use slack_methods::methods::*;
    let Some(shared) = shared_dir() else { return };
    fn check<M: SlackMethod>(shared: &Path, extra_scope: Option<&str>) {
        let name = M::NAME;
        let tiers: Value = json(&read_shared(
            shared,
            "slack-fixtures/java-slack-sdk/metadata/web-api/rate_limit_tiers.json",
        ));
        assert_eq!(tier_name(M::TIER), tiers[name], "tier of {name}");
        let mine: std::collections::BTreeSet<String> =
            M::SCOPES.iter().map(|s| (*s).to_owned()).collect();
        match facts(shared, name) {
            Some(facts) => {
                assert_eq!(M::WRITES, facts.verb == "POST", "writes of {name}");
                let mut expected = facts.scopes;
                expected.extend(extra_scope.map(str::to_owned));
                assert_eq!(mine, expected, "scopes of {name}");
            }
            None => {
                assert!(M::WRITES, "{name}");
                assert_eq!(mine, ["files:write".to_owned()].into(), "scopes of {name}");
            }
        }
    }
    check::<ConversationsList>(&shared, None);
    check::<ConversationsInfo>(&shared, None);
    check::<ConversationsMembers>(&shared, None);
    check::<ConversationsOpen>(&shared, None);
    check::<ConversationsJoin>(&shared, Some("channels:join"));
    check::<ConversationsCreate>(&shared, Some("channels:manage"));
    check::<ConversationsInvite>(&shared, Some("channels:manage"));
    check::<UsersInfo>(&shared, None);
    check::<UsersList>(&shared, None);
    check::<UsersLookupByEmail>(&shared, None);
    check::<UsersConversations>(&shared, None);
    check::<TeamInfo>(&shared, None);
    check::<UsergroupsList>(&shared, None);
    check::<UsergroupsUsersList>(&shared, None);
    check::<UsergroupsUsersUpdate>(&shared, None);
    check::<UsergroupsCreate>(&shared, None);
    check::<UsergroupsUpdate>(&shared, None);
    check::<UsergroupsDisable>(&shared, None);
    check::<UsergroupsEnable>(&shared, None);
    check::<FilesGetUploadUrlExternal>(&shared, None);
    check::<FilesCompleteUploadExternal>(&shared, None);
    check::<FilesInfo>(&shared, None);
    // Paginated exactly where the spec says so.
    for (paginated, name) in [
        (ConversationsList::PAGINATED, "conversations.list"),
        (ConversationsMembers::PAGINATED, "conversations.members"),
        (UsersList::PAGINATED, "users.list"),
        (UsersConversations::PAGINATED, "users.conversations"),
        (FilesInfo::PAGINATED, "files.info"),
        (UsergroupsList::PAGINATED, "usergroups.list"),
        (TeamInfo::PAGINATED, "team.info"),
    ] {
        let tsv = String::from_utf8(read_shared(&shared, "slack-api/methods.tsv")).unwrap();
        let row = tsv
            .lines()
            .find(|l| l.starts_with(&format!("{name}\t")))
            .unwrap();
        assert_eq!(paginated, row.split('\t').nth(5) == Some("yes"), "{name}");
    }
}
