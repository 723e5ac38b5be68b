//! The workspace admin's `team.*` methods: `team.billableInfo`, `team.accessLogs` and
//! `team.integrationLogs`.
//!
//! Slack takes all three from a workspace admin's user token with the `admin` scope (the
//! scope check is the dispatcher's). The errors are those of Slack's spec: `user_is_bot` for a
//! bot user's token, `no_permission` for a user who is neither an admin nor the owner (the
//! emulator's choice for `team.billableInfo`, whose spec names no errors), and
//! `over_pagination_limit` for a `team.accessLogs` page past Slack's limits (a `count` above
//! 1000 or a `page` above 100, which its page gives).
//!
//! The logs are demo data, built from the workspace's users when asked, not recorded as calls
//! happen (the emulator's choice): `team.accessLogs` answers one login entry per human user
//! (from `127.0.0.1`, at times fixed per user, [`ACCESS_LOG_BASE`] and after), and
//! `team.integrationLogs` the entries of [`INTEGRATION_LOG`] whose user is in the workspace
//! (the demo's Ada and Grace). The emulated workspace is on a paid plan: `paid_only` is never
//! answered. Both page by number (`count`, 100 when absent; `page`, from 1; `paging` with
//! `count`, `total`, `page` and `pages`); a `count` or `page` that is not a positive number
//! counts as absent, and a page past the last is empty. `team.accessLogs`' cursor paging
//! (`limit`, `cursor`) is not emulated: those parameters are ignored.

use super::messages::is_bot;
use super::{fail, param, Outcome};
use crate::state::{State, User};
use crate::workspace::demo;
use serde_json::{json, Map, Value};

/// The Unix time of the demo's first login; each user's come after it.
pub(crate) const ACCESS_LOG_BASE: i64 = 1_700_000_000;

/// The demo integration log, newest first: (user, app or service, change, scope, channel,
/// reason).
pub(crate) const INTEGRATION_LOG: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        demo::ADA,
        "A0DEMOAPP1",
        "expanded",
        "chat:write,channels:read,users:read",
        "",
        "",
    ),
    (
        demo::GRACE,
        "1234567890",
        "disabled",
        "incoming-webhook",
        demo::GENERAL,
        "user",
    ),
    (
        demo::GRACE,
        "1234567890",
        "enabled",
        "incoming-webhook",
        demo::GENERAL,
        "",
    ),
    (demo::ADA, "A0DEMOAPP2", "removed", "commands", "", ""),
    (demo::ADA, "A0DEMOAPP2", "added", "commands", "", ""),
    (
        demo::ADA,
        "A0DEMOAPP1",
        "added",
        "chat:write,channels:read",
        "",
        "",
    ),
];

/// The log entries Slack's page shows on one page when `count` is absent.
const DEFAULT_COUNT: u64 = 100;

/// Refuses a bot user (`user_is_bot`) and a member who is neither an admin nor the owner
/// (`no_permission`).
fn admin_only(caller: &User) -> Result<(), super::Reply> {
    if is_bot(caller) {
        return Err(fail("user_is_bot"));
    }
    if !caller.spec.admin && !caller.spec.owner {
        return Err(fail("no_permission"));
    }
    Ok(())
}

/// A positive whole number given as `name`, if any.
fn positive(params: &[(String, String)], name: &str) -> Option<u64> {
    param(params, name)
        .and_then(|value| value.trim().parse::<u64>().ok())
        .filter(|value| *value > 0)
}

/// One numbered page of `entries`: the page's entries and its `paging`.
fn numbered(entries: Vec<Value>, count: u64, page: u64) -> (Vec<Value>, Value) {
    let total = entries.len() as u64;
    let pages = total.div_ceil(count);
    let skip = usize::try_from(count.saturating_mul(page - 1)).unwrap_or(usize::MAX);
    let take = usize::try_from(count).unwrap_or(usize::MAX);
    let on_page = entries.into_iter().skip(skip).take(take).collect();
    (
        on_page,
        json!({ "count": count, "total": total, "page": page, "pages": pages }),
    )
}

/// `team.billableInfo`: `billing_active` for each user of the workspace (or only `user`): true
/// for a human user, false for a bot user (the emulator's choice). A `user` the workspace does
/// not have is `user_not_found` (the emulator's choice; Slack's spec names no errors).
pub(crate) fn billable_info(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    admin_only(caller)?;
    let mut users: Vec<&User> = match param(params, "user").filter(|user| !user.is_empty()) {
        Some(user) => vec![state
            .users
            .get(user)
            .ok_or_else(|| fail("user_not_found"))?],
        None => state.users.values().collect(),
    };
    users.sort_by(|a, b| a.spec.id.cmp(&b.spec.id));
    let mut billable = Map::new();
    for user in users {
        billable.insert(
            user.spec.id.clone(),
            json!({ "billing_active": !is_bot(user) }),
        );
    }
    let mut data = Map::new();
    data.insert("billable_info".into(), Value::Object(billable));
    Ok(data)
}

/// `team.accessLogs`: one login entry per human user of the workspace, newest first, kept to
/// those at or before `before` (a Unix time; one that is not a number keeps nothing out).
pub(crate) fn access_logs(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    admin_only(caller)?;
    if positive(params, "count").is_some_and(|count| count > 1000)
        || positive(params, "page").is_some_and(|page| page > 100)
    {
        return Err(fail("over_pagination_limit"));
    }
    let before = param(params, "before").and_then(|before| before.trim().parse::<i64>().ok());
    let mut humans: Vec<&User> = state.users.values().filter(|user| !is_bot(user)).collect();
    humans.sort_by(|a, b| a.spec.id.cmp(&b.spec.id));
    let mut logins: Vec<(i64, Value)> = humans
        .iter()
        .enumerate()
        .map(|(n, user)| {
            let n = i64::try_from(n).unwrap_or(0);
            let first = ACCESS_LOG_BASE + n * 3_600;
            let last = first + 86_400;
            let entry = json!({
                "user_id": user.spec.id,
                "username": user.spec.name,
                "date_first": first,
                "date_last": last,
                "count": 2 + n,
                "ip": "127.0.0.1",
                "user_agent": "SlackEmulator/1.0",
                "isp": "Loopback ISP",
                "country": "ZZ",
                "region": "Emulated",
            });
            (last, entry)
        })
        .filter(|(last, _)| before.is_none_or(|before| *last <= before))
        .collect();
    logins.sort_by_key(|(last, _)| std::cmp::Reverse(*last));
    let count = positive(params, "count").unwrap_or(DEFAULT_COUNT);
    let page = positive(params, "page").unwrap_or(1);
    let (on_page, paging) = numbered(logins.into_iter().map(|(_, e)| e).collect(), count, page);
    let mut data = Map::new();
    data.insert("logins".into(), Value::Array(on_page));
    data.insert("paging".into(), paging);
    Ok(data)
}

/// `team.integrationLogs`: the demo log ([`INTEGRATION_LOG`]), kept to `app_id`, `service_id`,
/// `user` and `change_type` when given (a `change_type` of no entry keeps none).
pub(crate) fn integration_logs(
    state: &mut State,
    caller: &User,
    params: &[(String, String)],
) -> Outcome {
    admin_only(caller)?;
    let given = |name| param(params, name).filter(|value: &&str| !value.is_empty());
    let (app, service, user, change) = (
        given("app_id"),
        given("service_id"),
        given("user"),
        given("change_type"),
    );
    let base = crate::methods::team_admin::ACCESS_LOG_BASE;
    let logs: Vec<Value> = INTEGRATION_LOG
        .iter()
        .enumerate()
        .filter_map(|(n, (who, id, kind, scope, channel, reason))| {
            let member = state.users.get(*who)?;
            let is_app = id.starts_with('A');
            let keep = app.is_none_or(|app| is_app && app == *id)
                && service.is_none_or(|service| !is_app && service == *id)
                && user.is_none_or(|user| user == *who)
                && change.is_none_or(|change| change == *kind);
            if !keep {
                return None;
            }
            let date = base + 86_400 * (10 - i64::try_from(n).unwrap_or(0));
            let mut entry = json!({
                "user_id": who,
                "user_name": member.spec.name,
                "date": date.to_string(),
                "change_type": kind,
                "scope": scope,
            });
            if is_app {
                entry["app_id"] = json!(id);
                entry["app_type"] = json!("Demo App");
            } else {
                entry["service_id"] = json!(id);
                entry["service_type"] = json!("Incoming WebHooks");
            }
            if !channel.is_empty() {
                entry["channel"] = json!(channel);
            }
            if !reason.is_empty() {
                entry["reason"] = json!(reason);
            }
            Some(entry)
        })
        .collect();
    let count = positive(params, "count").unwrap_or(DEFAULT_COUNT);
    let page = positive(params, "page").unwrap_or(1);
    let (on_page, paging) = numbered(logs, count, page);
    let mut data = Map::new();
    data.insert("logs".into(), Value::Array(on_page));
    data.insert("paging".into(), paging);
    Ok(data)
}
