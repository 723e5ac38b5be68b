//! What an app reads about the workspace, against the emulator over real HTTP:
//! `team.profile.get`'s custom profile fields (whose ids `users.profile.set` writes) and
//! `bots.info`, who the bot behind a message's `bot_id` is; and `auth.teams.list`, the
//! workspaces an org-wide app is approved for.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{
    AuthTeamsList, BotsInfo, ChatPostMessage, ProfileVisibility, TeamProfileGet, UsersProfileGet,
    UsersProfileSet,
};
use slack_methods::types::ProfileUpdate;
use slack_methods::{BotId, ChannelId, SlackMethod};
use slack_methods_emulator::{demo, Emulator, UserSpec};

/// A user token without `users.profile:read`.
const NO_PROFILE_SCOPE: &str = "xoxp-no-profile-scope";
/// A user token without `users:read`.
const NO_USERS_SCOPE: &str = "xoxp-no-users-scope";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(NO_PROFILE_SCOPE, demo::GRACE, &["users:read"]);
    emu.add_token(NO_USERS_SCOPE, demo::GRACE, &["users.profile:read"]);
    emu
}

/// The ids of the fields `visibility` asks for, in their order.
async fn field_ids(emu: &Emulator, request: &TeamProfileGet) -> Vec<String> {
    let answer = client(emu, demo::BOT_TOKEN).call(request).await.unwrap();
    answer.profile.fields.iter().map(|f| f.id.clone()).collect()
}

#[tokio::test]
async fn the_workspace_fields_read_in_their_order_with_their_kinds() {
    let emu = emulator().await;
    let answer = client(&emu, demo::USER_TOKEN)
        .call(&TeamProfileGet::new())
        .await
        .unwrap();
    let fields: Vec<_> = answer.profile.fields.iter().collect();
    assert!(answer.profile.fields.is_complete());
    let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    let mut expected: Vec<&str> = demo::PROFILE_FIELDS.iter().map(|(id, ..)| *id).collect();
    expected.extend([demo::OFFICE_FIELD, demo::BADGE_FIELD]);
    assert_eq!(ids, expected);
    for (n, field) in fields.iter().enumerate() {
        assert_eq!(field.ordering, n as i64, "{}", field.id);
    }
    let team = fields[0];
    assert_eq!((team.label.as_str(), team.kind.as_str()), ("Team", "text"));
    assert_eq!(team.hint, "The team you are in");
    assert!(team.possible_values.is_empty());
    assert!(!team.is_hidden);
    assert!(!team.options.as_ref().unwrap().is_scim);
    let office = answer.profile.field_labelled("Office").unwrap();
    assert_eq!(office.kind, "options_list");
    assert_eq!(office.possible_values, demo::OFFICES);
    let badge = answer.profile.field_labelled("Badge number").unwrap();
    assert!(badge.is_hidden);
    assert!(answer.profile.sections.is_empty());
}

#[tokio::test]
async fn visibility_keeps_the_visible_or_the_hidden_fields() {
    let emu = emulator().await;
    let all = field_ids(&emu, &TeamProfileGet::new()).await;
    let visible = field_ids(
        &emu,
        &TeamProfileGet::new().visibility(ProfileVisibility::Visible),
    )
    .await;
    let hidden = field_ids(
        &emu,
        &TeamProfileGet::new().visibility(ProfileVisibility::Hidden),
    )
    .await;
    assert_eq!(hidden, [demo::BADGE_FIELD]);
    assert!(!visible.contains(&demo::BADGE_FIELD.to_owned()));
    assert_eq!(visible.len() + 1, all.len());
    let named_all = field_ids(
        &emu,
        &TeamProfileGet::new().visibility(ProfileVisibility::All),
    )
    .await;
    assert_eq!(named_all, all);
    let sent: Vec<_> = emu
        .requests()
        .into_iter()
        .filter_map(|r| r.param("visibility").map(str::to_owned))
        .collect();
    assert_eq!(sent, ["visible", "hidden", "all"]);
    assert!(emu.requests().iter().all(|r| r.verb == "GET"));
}

#[tokio::test]
async fn a_field_id_read_from_the_team_is_written_into_a_profile() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let team = ada.call(&TeamProfileGet::new()).await.unwrap();
    let office = team.profile.field_labelled("Office").unwrap();
    let choice = office.possible_values[1].clone();
    let update = ProfileUpdate::new().custom_field(office.id.clone(), choice.clone());
    ada.call(&UsersProfileSet::profile(update)).await.unwrap();
    let profile = ada
        .call(&UsersProfileGet::new().with_labels())
        .await
        .unwrap()
        .profile
        .clone();
    let written = &profile.fields[&office.id];
    assert_eq!(written.value, choice);
    assert_eq!(written.label.as_deref(), Some("Office"));
}

#[tokio::test]
async fn a_field_the_emulator_is_given_is_answered_after_the_others() {
    let emu = emulator().await;
    emu.define_profile_field("Xf0PRONOUNS", "Pronouns");
    emu.define_profile_field(demo::OFFICE_FIELD, "Office city");
    let answer = client(&emu, demo::USER_TOKEN)
        .call(&TeamProfileGet::new())
        .await
        .unwrap();
    let last = answer.profile.fields.iter().next_back().unwrap();
    assert_eq!(
        (last.id.as_str(), last.label.as_str()),
        ("Xf0PRONOUNS", "Pronouns")
    );
    assert_eq!(last.kind, "text");
    let office = answer.profile.field_labelled("Office city").unwrap();
    assert_eq!(office.id, demo::OFFICE_FIELD);
}

#[tokio::test]
async fn slack_errors_come_back_typed() {
    let emu = emulator().await;
    let refused = client(&emu, NO_PROFILE_SCOPE)
        .call(&TeamProfileGet::new())
        .await;
    assert_eq!(code(refused), "missing_scope");
    assert_eq!(TeamProfileGet::SCOPES, ["users.profile:read"]);

    /// `team.profile.get` with a `visibility` the typed binding would not send.
    #[slack_methods::slack_method("team.profile.get")]
    struct RawProfileGet {
        visibility: String,
    }
    let odd = client(&emu, demo::USER_TOKEN)
        .call(&RawProfileGet {
            visibility: "secret".into(),
        })
        .await;
    assert_eq!(code(odd), "invalid_arguments");
}

#[tokio::test]
async fn the_bot_behind_a_message_is_read_by_its_bot_id() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let posted = bot
        .call(&ChatPostMessage::new(
            ChannelId::new(demo::GENERAL).unwrap(),
            "Deploy finished",
        ))
        .await
        .unwrap();
    let message = posted.message.clone().unwrap();
    let bot_id = message.bot_id.clone().unwrap();
    assert_eq!(bot_id.as_str(), demo::BOT_ID);
    let info = client(&emu, demo::USER_TOKEN)
        .call(&BotsInfo::of(bot_id.clone()))
        .await
        .unwrap()
        .bot
        .clone();
    assert_eq!(info.id, bot_id);
    assert!(!info.deleted);
    assert_eq!(info.name, "demo-bot");
    assert_eq!(info.user_id.as_ref().map(|u| u.as_str()), Some(demo::BOT));
    assert!(info.updated > 1_600_000_000);
    let profile = message.bot_profile.unwrap();
    assert_eq!(info.app_id, profile.app_id);
    assert_eq!(Some(&info.icons), profile.icons.as_ref());
    assert!(info.icons.image_72.is_some());
    let sent = emu.requests().pop().unwrap();
    assert_eq!(
        (sent.verb.as_str(), sent.param("bot")),
        ("GET", Some(demo::BOT_ID))
    );
}

#[tokio::test]
async fn a_bot_user_added_to_the_workspace_is_found_by_its_bot_id() {
    let emu = emulator().await;
    emu.add_user(UserSpec::new("U0DEPLOYER", "deployer").bot("B0DEPLOYER"));
    let info = client(&emu, demo::BOT_TOKEN)
        .call(&BotsInfo::of(BotId::new("B0DEPLOYER").unwrap()))
        .await
        .unwrap();
    assert_eq!(info.bot.name, "deployer");
    assert_eq!(info.bot.user_id.as_ref().unwrap().as_str(), "U0DEPLOYER");
}

#[tokio::test]
async fn an_unknown_bot_is_bot_not_found() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let unknown = ada
        .call(&BotsInfo::of(BotId::new("B0NOSUCHBT").unwrap()))
        .await;
    assert_eq!(code(unknown), "bot_not_found");
    // A user's id is no bot id, and neither is nothing.
    let person = ada
        .call(&BotsInfo::of(BotId::new("B0DEMOADA1").unwrap()))
        .await;
    assert_eq!(code(person), "bot_not_found");
    assert_eq!(code(ada.call(&BotsInfo::default()).await), "bot_not_found");
    let scope = client(&emu, NO_USERS_SCOPE)
        .call(&BotsInfo::of(BotId::new(demo::BOT_ID).unwrap()))
        .await;
    assert_eq!(code(scope), "missing_scope");
    assert_eq!(BotsInfo::SCOPES, ["users:read"]);
}

#[tokio::test]
async fn a_workspace_s_own_token_lists_its_one_workspace() {
    let emu = emulator().await;
    let answer = client(&emu, demo::BOT_TOKEN)
        .call(&AuthTeamsList::new())
        .await
        .unwrap();
    let teams: Vec<_> = answer.teams.iter().collect();
    assert_eq!(teams.len(), 1);
    assert_eq!(teams[0].id.as_str(), emu.team_id());
    assert_eq!(teams[0].name, "Emulated Workspace");
    assert!(teams[0].icon.is_none());
    assert_eq!(answer.next_cursor, None);
    let sent = emu.requests_for(AuthTeamsList::NAME);
    assert_eq!(sent[0].verb, "POST");
    assert!(sent[0].params.is_empty(), "{:?}", sent[0].params);
}

#[tokio::test]
async fn an_org_wide_app_s_workspaces_page_with_the_client_s_cursors() {
    let emu = emulator().await;
    emu.approve_in_workspace("T0SALES001", "Sales");
    emu.approve_in_workspace("T0ENGINEER", "Engineering");
    let user = client(&emu, demo::USER_TOKEN);
    let list = AuthTeamsList::new().limit(1).with_icons();
    let pages: Vec<_> = user.pages(&list).try_collect().await.unwrap();
    assert_eq!(pages.len(), 3);
    let ids: Vec<String> = pages
        .iter()
        .flat_map(|page| page.teams.iter().map(|team| team.id.as_str().to_owned()))
        .collect();
    let mut expected = vec![emu.team_id(), "T0SALES001".into(), "T0ENGINEER".into()];
    expected.sort();
    assert_eq!(ids, expected);
    let sent = emu.requests_for(AuthTeamsList::NAME);
    assert_eq!(sent[0].param("cursor"), None);
    assert_eq!(sent[1].param("cursor"), pages[0].next_cursor.as_deref());
    assert_eq!(sent[2].param("cursor"), pages[1].next_cursor.as_deref());
    assert!(sent
        .iter()
        .all(|request| request.param("limit") == Some("1")
            && request.param("include_icon") == Some("true")));
    let sales = pages
        .iter()
        .flat_map(|page| page.teams.iter())
        .find(|team| team.id.as_str() == "T0SALES001")
        .unwrap();
    assert_eq!(sales.name, "Sales");
    let icon = sales.icon.as_ref().unwrap();
    assert!(icon.image_34.as_deref().unwrap().contains("T0SALES001"));

    // `items` crosses the same pages, one workspace at a time.
    emu.clear_requests();
    let all: Vec<_> = user
        .items(&AuthTeamsList::new().limit(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(emu.requests_for(AuthTeamsList::NAME).len(), 2);
}

#[tokio::test]
async fn a_limit_slack_refuses_is_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for limit in [0, 1001] {
        let why = refused(bot.call(&AuthTeamsList::new().limit(limit)).await);
        assert!(why.contains("`limit`"), "{why}");
    }
    assert!(emu.requests_for(AuthTeamsList::NAME).is_empty());
    bot.call(&AuthTeamsList::new().limit(1000)).await.unwrap();

    /// `auth.teams.list` with `limit` and `cursor` as they are, unchecked: for what the
    /// emulator answers to values the typed binding would not send.
    #[slack_methods::slack_method("auth.teams.list", no_scope, writes = false)]
    struct RawTeamsList {
        #[slack(unchecked)]
        limit: Option<String>,
        #[slack(unchecked)]
        cursor: Option<String>,
    }
    emu.serve(&[slack_methods::MethodFacts::of::<RawTeamsList>()]);
    for limit in ["0", "1001", "-1", "ten"] {
        let raw = RawTeamsList {
            limit: Some(limit.into()),
            cursor: None,
        };
        assert_eq!(code(bot.call(&raw).await), "invalid_limit", "{limit}");
    }
    let stale = RawTeamsList {
        limit: None,
        cursor: Some("not-a-cursor".into()),
    };
    assert_eq!(code(bot.call(&stale).await), "invalid_cursor");
}

#[test]
fn listing_workspaces_is_a_read_with_no_scope() {
    assert_eq!(
        common::tool_facts::<AuthTeamsList>(),
        ("auth.teams.list", false, false, &[][..])
    );
}
