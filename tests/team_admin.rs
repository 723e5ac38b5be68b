//! The workspace admin's `team.*` methods against the emulator over real HTTP:
//! `team.billableInfo`, `team.accessLogs` and `team.integrationLogs`: an admin's user token
//! reads them; a bot, a member who is no admin and a token without `admin` are refused as
//! Slack refuses them; numbered pages cover each entry once; limits Slack states are refused
//! before sending. And the workspace's settings, `team.preferences.list` and
//! `team.billing.info`, read by a bot or a user token with their scopes.

mod common;

use common::{api_code as code, refused, unpaced_client as client};

use futures_util::TryStreamExt;
use slack_methods::methods::{
    BillingPlan, IntegrationChange, TeamAccessLogs, TeamBillableInfo, TeamBillingInfo,
    TeamIntegrationLogs, TeamPreferencesList,
};
use slack_methods::{AppId, UserId};
use slack_methods_emulator::{demo, Emulator};

/// Grace's token with `admin`: she is no admin of the workspace.
const MEMBER_ADMIN_SCOPE: &str = "xoxp-grace-admin-scope";
/// Ada's token without `admin`.
const NO_ADMIN_SCOPE: &str = "xoxp-ada-no-admin-scope";
/// The bot's token with `admin`.
const BOT_ADMIN_SCOPE: &str = "xoxb-bot-admin-scope";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(MEMBER_ADMIN_SCOPE, demo::GRACE, &["admin"]);
    emu.add_token(NO_ADMIN_SCOPE, demo::ADA, &["users:read"]);
    emu.add_token(BOT_ADMIN_SCOPE, demo::BOT, &["admin"]);
    emu
}

fn user(id: &str) -> UserId {
    UserId::new(id).unwrap()
}

#[tokio::test]
async fn an_admin_reads_who_is_billed() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let all = ada.call(&TeamBillableInfo::new()).await.unwrap();
    assert_eq!(all.billable_info.len(), 4);
    assert_eq!(all.billing_active(&user(demo::ADA)), Some(true));
    assert_eq!(all.billing_active(&user(demo::GRACE)), Some(true));
    assert_eq!(all.billing_active(&user(demo::BOT)), Some(false));
    let one = ada
        .call(&TeamBillableInfo::new().user(user(demo::LINUS)))
        .await
        .unwrap();
    assert_eq!(one.billable_info.len(), 1);
    assert_eq!(one.billing_active(&user(demo::LINUS)), Some(true));
    let nobody = ada
        .call(&TeamBillableInfo::new().user(user("U0NOBODY1")))
        .await;
    assert_eq!(code(nobody), "user_not_found");
}

#[tokio::test]
async fn only_an_admin_s_user_token_with_the_admin_scope_reads_the_admin_methods() {
    let emu = emulator().await;
    for (token, expected) in [
        (MEMBER_ADMIN_SCOPE, "no_permission"),
        (BOT_ADMIN_SCOPE, "user_is_bot"),
        (NO_ADMIN_SCOPE, "missing_scope"),
        (demo::BOT_TOKEN, "missing_scope"),
    ] {
        let caller = client(&emu, token);
        assert_eq!(
            code(caller.call(&TeamBillableInfo::new()).await),
            expected,
            "{token}"
        );
        assert_eq!(
            code(caller.call(&TeamAccessLogs::new()).await),
            expected,
            "{token}"
        );
        assert_eq!(
            code(caller.call(&TeamIntegrationLogs::new()).await),
            expected,
            "{token}"
        );
    }
}

#[tokio::test]
async fn access_logs_list_each_user_s_logins_newest_first_in_numbered_pages() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let first = ada.call(&TeamAccessLogs::new()).await.unwrap();
    let logins: Vec<_> = first.logins.iter().collect();
    assert_eq!(logins.len(), 3, "the three people, not the bot");
    assert!(logins.windows(2).all(|w| w[0].date_last >= w[1].date_last));
    let paging = first.paging.as_ref().unwrap();
    assert_eq!((paging.total, paging.page, paging.pages), (3, 1, 1));
    let ada_login = logins
        .iter()
        .find(|l| l.user_id.as_str() == demo::ADA)
        .unwrap();
    assert_eq!(ada_login.username, "ada");
    assert_eq!(ada_login.ip.as_deref(), Some("127.0.0.1"));
    assert!(ada_login.date_first <= ada_login.date_last);
    assert!(!ada_login.user_agent.is_empty());

    let pages: Vec<_> = ada
        .numbered_pages(&TeamAccessLogs::new().count(2))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
    let items: Vec<_> = ada
        .numbered_items(&TeamAccessLogs::new().count(1))
        .try_collect()
        .await
        .unwrap();
    let mut ids: Vec<String> = items
        .iter()
        .map(|l| l.parsed().unwrap().user_id.to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, [demo::ADA, demo::GRACE, demo::LINUS]);

    let oldest = logins.last().unwrap();
    let earlier = ada
        .call(&TeamAccessLogs::new().before(oldest.date_last))
        .await
        .unwrap();
    assert_eq!(earlier.logins.len(), 1);
}

#[tokio::test]
async fn access_log_pages_past_slack_s_limits_are_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    for (request, words) in [
        (TeamAccessLogs::new().count(1001), "`count` is above 1000"),
        (TeamAccessLogs::new().page(101), "`page` is above 100"),
        (TeamAccessLogs::new().page(0), "`page` is 0"),
        (TeamAccessLogs::new().count(0), "`count` is 0"),
    ] {
        let reason = refused(ada.call(&request).await);
        assert!(reason.contains(words), "{reason}");
    }
    assert!(emu.requests_for("team.accessLogs").is_empty());
    // Past the limits when sent anyway, the emulator answers as Slack's spec says.
    let past = RawAccessLogs {
        page: Some("101".to_owned()),
        count: None,
    };
    assert_eq!(code(ada.call(&past).await), "over_pagination_limit");
    let past = RawAccessLogs {
        page: None,
        count: Some("1001".to_owned()),
    };
    assert_eq!(code(ada.call(&past).await), "over_pagination_limit");
}

/// `team.accessLogs` with `count` and `page` as they are, unchecked.
#[slack_methods::slack_method("team.accessLogs")]
struct RawAccessLogs {
    count: Option<String>,
    page: Option<String>,
}

#[tokio::test]
async fn integration_logs_filter_by_app_user_and_change() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let all = ada.call(&TeamIntegrationLogs::new()).await.unwrap();
    assert_eq!(all.logs.len(), 6);
    assert_eq!(all.paging.as_ref().unwrap().total, 6);
    let dates: Vec<i64> = all.logs.iter().map(|l| l.date.parse().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let disabled = ada
        .call(&TeamIntegrationLogs::new().change_type(IntegrationChange::Disabled))
        .await
        .unwrap();
    let entry = disabled.logs.iter().next().unwrap();
    assert_eq!(disabled.logs.len(), 1);
    assert_eq!(entry.reason.as_deref(), Some("user"));
    assert_eq!(entry.service_id, "1234567890");
    assert_eq!(entry.channel.as_deref(), Some(demo::GENERAL));
    let app = ada
        .call(&TeamIntegrationLogs::new().app(AppId::new("A0DEMOAPP2").unwrap()))
        .await
        .unwrap();
    let kinds: Vec<&str> = app.logs.iter().map(|l| l.change_type.as_str()).collect();
    assert_eq!(kinds, ["removed", "added"]);
    let grace = ada
        .call(&TeamIntegrationLogs::new().user(user(demo::GRACE)))
        .await
        .unwrap();
    assert!(grace.logs.iter().all(|l| l.user_name == "grace"));
    assert_eq!(grace.logs.len(), 2);
    let items: Vec<_> = ada
        .numbered_items(&TeamIntegrationLogs::new().count(4))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 6);
    let refused_page = refused(ada.call(&TeamIntegrationLogs::new().page(0)).await);
    assert!(refused_page.contains("`page` is 0"), "{refused_page}");
}

/// The three are tools that only read, none destructive, each needing `admin`.
#[test]
fn the_admin_reads_are_read_only_tools_with_the_admin_scope() {
    let admin = &["admin"][..];
    assert_eq!(
        [
            common::tool_facts::<TeamBillableInfo>(),
            common::tool_facts::<TeamAccessLogs>(),
            common::tool_facts::<TeamIntegrationLogs>(),
        ],
        [
            ("team.billableInfo", false, false, admin),
            ("team.accessLogs", false, false, admin),
            ("team.integrationLogs", false, false, admin),
        ]
    );
}

#[tokio::test]
async fn the_workspace_s_preferences_read_back_as_set() {
    let emu = emulator().await;
    for token in [demo::BOT_TOKEN, demo::USER_TOKEN] {
        let prefs = client(&emu, token)
            .call(&TeamPreferencesList)
            .await
            .unwrap();
        assert_eq!(prefs.msg_edit_window_mins, Some(25));
        assert_eq!(prefs.display_real_names, Some(false));
        assert_eq!(prefs.who_can_post_general.as_deref(), Some("everyone"));
        assert_eq!(prefs.disable_file_uploads.as_deref(), Some("allow_all"));
        assert_eq!(prefs.allow_message_deletion, None);
    }
    emu.set_team_preference("msg_edit_window_mins", serde_json::json!(-1));
    emu.set_team_preference("display_real_names", serde_json::json!(true));
    emu.set_team_preference("allow_message_deletion", serde_json::json!(false));
    emu.set_team_preference("who_can_post_general", serde_json::Value::Null);
    emu.set_team_preference("new_pref", serde_json::json!("kept"));
    let prefs = client(&emu, demo::BOT_TOKEN)
        .call(&TeamPreferencesList)
        .await
        .unwrap();
    assert_eq!(prefs.msg_edit_window_mins, Some(-1));
    assert_eq!(prefs.display_real_names, Some(true));
    assert_eq!(prefs.allow_message_deletion, Some(false));
    assert_eq!(prefs.who_can_post_general, None);
    assert_eq!(prefs.extra["new_pref"], "kept");
    let sent = emu.requests_for("team.preferences.list");
    assert_eq!(
        sent.last().unwrap().method.as_deref(),
        Some("team.preferences.list")
    );

    let result = client(&emu, NO_ADMIN_SCOPE)
        .call(&TeamPreferencesList)
        .await;
    assert_eq!(code(result), "missing_scope");
}

#[tokio::test]
async fn the_billing_plan_reads_as_a_known_plan_or_as_slack_wrote_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let info = bot.call(&TeamBillingInfo).await.unwrap();
    assert_eq!(info.plan, Some(BillingPlan::Free));
    for (text, plan) in [
        ("std", BillingPlan::Pro),
        ("plus", BillingPlan::BusinessPlus),
        ("enterprise", BillingPlan::Enterprise),
        ("compliance", BillingPlan::Compliance),
        ("", BillingPlan::Other(String::new())),
        ("galactic", BillingPlan::Other("galactic".into())),
    ] {
        emu.set_billing_plan(text);
        let info = client(&emu, demo::USER_TOKEN)
            .call(&TeamBillingInfo)
            .await
            .unwrap();
        assert_eq!(info.plan.as_ref(), Some(&plan), "{text}");
        assert_eq!(plan.as_str(), text);
    }
    let result = client(&emu, NO_ADMIN_SCOPE).call(&TeamBillingInfo).await;
    assert_eq!(code(result), "missing_scope");
}

#[test]
fn the_settings_reads_are_read_only_tools_by_post() {
    use slack_methods::{HttpVerb, SlackMethod};
    let prefs: &[&str] = &["team.preferences:read"];
    let billing: &[&str] = &["team.billing:read"];
    assert_eq!(
        common::tool_facts::<TeamPreferencesList>(),
        ("team.preferences.list", false, false, prefs)
    );
    assert_eq!(
        common::tool_facts::<TeamBillingInfo>(),
        ("team.billing.info", false, false, billing)
    );
    assert_eq!(TeamPreferencesList::VERB, HttpVerb::Post);
    assert_eq!(TeamBillingInfo::VERB, HttpVerb::Post);
}
