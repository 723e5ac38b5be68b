//! The Slack methods the emulator answers: authentication and scope checks, rate limits, the
//! methods it implements (one module per family, listed in [`IMPLEMENTED`]) and stubs.
//!
//! What the emulator knows about a method (its scopes, tier and whether it writes) comes from
//! the binding it serves it for ([`MethodFacts`], registered with `Emulator::serve`); what it
//! does is written here.

pub(crate) mod api;
pub(crate) mod apps;
mod assistant;
mod auth;
mod bookmarks;
mod bots;
pub(crate) mod calls;
mod canvases;
mod channels;
mod chat;
pub(crate) mod connect;
mod dialog;
mod dnd;
mod emoji;
pub(crate) mod entity;
mod files;
mod files_remote;
mod functions;
mod history;
mod identity;
mod lifecycle;
pub(crate) mod lists;
pub(crate) mod messages;
mod openid;
mod pins;
mod presence;
mod reactions;
mod reminders;
mod search;
pub(crate) mod stream;
pub(crate) mod team;
mod team_admin;
mod unfurl;
mod usergroups;
mod users;
mod views;
pub(crate) mod workflows;

use crate::state::{State, User};
use serde_json::{Map, Value};
use slack_methods_runtime::MethodFacts;
use std::time::Instant;

/// The content type of every JSON answer, as Slack sends it.
pub(crate) const JSON: &str = "application/json; charset=utf-8";

/// One HTTP answer, before it is written to the socket.
#[derive(Clone, Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type: JSON,
            headers: Vec::new(),
            body,
        }
    }

    /// `{"ok":false,"error":"<code>"}` plus `extra` string fields, HTTP 200.
    pub(crate) fn slack_error(code: &str, extra: &[(&str, &str)]) -> Reply {
        let mut body = br#"{"ok":false,"error":"#.to_vec();
        push_json_string(&mut body, code);
        for (key, value) in extra {
            body.push(b',');
            push_json_string(&mut body, key);
            body.push(b':');
            push_json_string(&mut body, value);
        }
        body.push(b'}');
        Reply::json(200, body)
    }

    /// HTTP 429 with `Retry-After` and Slack's `ratelimited` envelope.
    pub(crate) fn rate_limited(retry_after: u64) -> Reply {
        let mut reply = Reply::slack_error("ratelimited", &[]);
        reply.status = 429;
        reply.headers.push(("Retry-After", retry_after.to_string()));
        reply
    }

    /// A plain-text answer for requests that are not Slack calls at all.
    pub(crate) fn text(status: u16, text: &str) -> Reply {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            headers: Vec::new(),
            body: text.as_bytes().to_vec(),
        }
    }

    /// An HTML error page, as a proxy in front of Slack sends.
    pub(crate) fn html(status: u16) -> Reply {
        let reason = crate::http::reason(status);
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            headers: Vec::new(),
            body: format!(
                "<!DOCTYPE html>\n<html><head><title>{status} {reason}</title></head>\
                 <body><h1>{status} {reason}</h1></body></html>\n"
            )
            .into_bytes(),
        }
    }
}

fn push_json_string(out: &mut Vec<u8>, text: &str) {
    // Serializing a str into a Vec cannot fail; the fallback keeps the envelope valid anyway.
    if serde_json::to_writer(&mut *out, text).is_err() {
        out.extend_from_slice(b"\"\"");
    }
}

/// `{"ok":true,...}` with `ok` first and then the fields of `data`.
pub(crate) fn ok_body(data: &Map<String, Value>) -> Vec<u8> {
    let mut body = br#"{"ok":true"#.to_vec();
    for (key, value) in data {
        if key == "ok" {
            continue;
        }
        body.push(b',');
        push_json_string(&mut body, key);
        body.push(b':');
        if serde_json::to_writer(&mut body, value).is_err() {
            body.extend_from_slice(b"null");
        }
    }
    body.push(b'}');
    body
}

/// A Slack method's answer: data for `ok: true`, or an error code with extra fields.
type Outcome = Result<Map<String, Value>, Reply>;

/// The last value of `name` among the parameters.
pub(crate) fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

pub(crate) fn truthy(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true" | "TRUE" | "True"))
}

/// What one implemented method does, given the caller and the call's parameters.
pub(crate) type Handler = fn(&mut State, &User, &[(String, String)]) -> Outcome;

/// The methods the emulator implements. A method is answered once its binding's facts are
/// served (`Emulator::serve`), or when it is stubbed.
pub(crate) static IMPLEMENTED: &[(&str, Handler)] = &[
    ("auth.test", auth::test),
    ("auth.revoke", auth::revoke),
    ("users.profile.get", users::profile_get),
    ("users.profile.set", users::profile_set),
    ("chat.postMessage", chat::post_message),
    ("chat.update", chat::update),
    ("chat.delete", chat::delete),
    ("chat.postEphemeral", chat::post_ephemeral),
    ("chat.getPermalink", chat::get_permalink),
    ("chat.scheduleMessage", chat::schedule_message),
    ("chat.scheduledMessages.list", chat::scheduled_list),
    ("chat.deleteScheduledMessage", chat::delete_scheduled),
    ("chat.meMessage", chat::me_message),
    ("conversations.history", history::history),
    ("conversations.replies", history::replies),
    ("reactions.add", reactions::add),
    ("reactions.remove", reactions::remove),
    ("reactions.get", reactions::get),
    ("reactions.list", reactions::list),
    ("emoji.list", emoji::list),
    ("pins.add", pins::add),
    ("pins.remove", pins::remove),
    ("pins.list", pins::list),
    ("bookmarks.add", bookmarks::add),
    ("bookmarks.list", bookmarks::list),
    ("bookmarks.remove", bookmarks::remove),
    ("bookmarks.edit", bookmarks::edit),
    ("views.open", views::open),
    ("views.publish", views::publish),
    ("views.update", views::update),
    ("views.push", views::push),
    ("conversations.list", channels::list),
    ("conversations.info", channels::info),
    ("conversations.members", channels::members),
    ("conversations.open", channels::open),
    ("conversations.join", channels::join),
    ("conversations.create", channels::create),
    ("conversations.invite", channels::invite),
    ("conversations.setTopic", lifecycle::set_topic),
    ("conversations.setPurpose", lifecycle::set_purpose),
    ("conversations.rename", lifecycle::rename),
    ("conversations.archive", lifecycle::archive),
    ("conversations.unarchive", lifecycle::unarchive),
    ("conversations.leave", lifecycle::leave),
    ("conversations.kick", lifecycle::kick),
    ("conversations.mark", lifecycle::mark),
    ("conversations.close", lifecycle::close),
    ("users.info", users::info),
    ("users.list", users::list),
    ("users.lookupByEmail", users::lookup_by_email),
    (
        "users.discoverableContacts.lookup",
        users::discoverable_contacts_lookup,
    ),
    ("users.conversations", users::conversations),
    ("users.getPresence", presence::get),
    ("users.setPresence", presence::set),
    ("users.identity", identity::identity),
    ("team.info", team::info),
    ("team.preferences.list", team::preferences_list),
    ("team.billing.info", team::billing_info),
    ("usergroups.list", usergroups::list),
    ("usergroups.users.list", usergroups::users_list),
    ("usergroups.users.update", usergroups::users_update),
    ("usergroups.create", usergroups::create),
    ("usergroups.update", usergroups::update),
    ("usergroups.disable", usergroups::disable),
    ("usergroups.enable", usergroups::enable),
    ("files.getUploadURLExternal", files::get_upload_url),
    ("files.completeUploadExternal", files::complete_upload),
    ("files.info", files::info),
    ("files.list", files::list),
    ("files.delete", files::delete),
    ("files.sharedPublicURL", files::shared_public_url),
    ("files.revokePublicURL", files::revoke_public_url),
    ("files.comments.delete", files::comments_delete),
    ("assistant.threads.setStatus", assistant::set_status),
    (
        "assistant.threads.setSuggestedPrompts",
        assistant::set_suggested_prompts,
    ),
    ("assistant.threads.setTitle", assistant::set_title),
    ("canvases.create", canvases::create),
    (
        "conversations.canvases.create",
        canvases::conversations_create,
    ),
    ("canvases.edit", canvases::edit),
    ("canvases.delete", canvases::delete),
    ("canvases.sections.lookup", canvases::sections_lookup),
    ("chat.startStream", stream::start),
    ("chat.appendStream", stream::append_to),
    ("chat.stopStream", stream::stop),
    ("canvases.access.set", canvases::access_set),
    ("canvases.access.delete", canvases::access_delete),
    ("reminders.add", reminders::add),
    ("reminders.list", reminders::list),
    ("reminders.info", reminders::info),
    ("reminders.complete", reminders::complete),
    ("reminders.delete", reminders::delete),
    ("search.messages", search::messages),
    ("dnd.info", dnd::info),
    ("dnd.teamInfo", dnd::team_info),
    ("dnd.setSnooze", dnd::set_snooze),
    ("dnd.endSnooze", dnd::end_snooze),
    ("dnd.endDnd", dnd::end_dnd),
    ("search.files", search::files),
    ("search.all", search::all),
    ("team.profile.get", team::profile_get),
    ("apps.connections.open", apps::connections_open),
    (
        "apps.event.authorizations.list",
        apps::event_authorizations_list,
    ),
    ("team.billableInfo", team_admin::billable_info),
    ("team.accessLogs", team_admin::access_logs),
    ("team.integrationLogs", team_admin::integration_logs),
    ("bots.info", bots::info),
    ("chat.unfurl", unfurl::unfurl),
    ("openid.connect.userInfo", openid::user_info),
    ("files.remote.add", files_remote::add),
    ("files.remote.info", files_remote::info),
    ("files.remote.list", files_remote::list),
    ("files.remote.update", files_remote::update),
    ("files.remote.remove", files_remote::remove),
    ("files.remote.share", files_remote::share),
    ("functions.completeSuccess", functions::complete_success),
    ("functions.completeError", functions::complete_error),
    ("auth.teams.list", auth::teams_list),
    ("calls.add", calls::add),
    ("calls.info", calls::info),
    ("calls.update", calls::update),
    ("calls.end", calls::end),
    ("calls.participants.add", calls::participants_add),
    ("calls.participants.remove", calls::participants_remove),
    ("conversations.inviteShared", connect::invite_shared),
    ("conversations.listConnectInvites", connect::list),
    ("conversations.acceptSharedInvite", connect::accept),
    ("conversations.approveSharedInvite", connect::approve),
    ("conversations.declineSharedInvite", connect::decline),
    (
        "conversations.requestSharedInvite.list",
        connect::request_list,
    ),
    (
        "conversations.requestSharedInvite.approve",
        connect::request_approve,
    ),
    (
        "conversations.requestSharedInvite.deny",
        connect::request_deny,
    ),
    (
        "conversations.externalInvitePermissions.set",
        connect::invite_permissions_set,
    ),
    ("team.externalTeams.list", connect::external_teams_list),
    (
        "team.externalTeams.disconnect",
        connect::external_teams_disconnect,
    ),
    ("apps.manifest.create", apps::manifest_create),
    ("apps.manifest.validate", apps::manifest_validate),
    ("apps.manifest.update", apps::manifest_update),
    ("apps.manifest.export", apps::manifest_export),
    ("apps.manifest.delete", apps::manifest_delete),
    ("apps.uninstall", apps::uninstall),
    ("slackLists.create", lists::create),
    ("slackLists.update", lists::update),
    ("slackLists.items.create", lists::items::create),
    ("slackLists.items.info", lists::items::info),
    ("slackLists.items.list", lists::items::list),
    ("slackLists.items.update", lists::items::update),
    ("slackLists.items.delete", lists::items::delete),
    (
        "slackLists.items.deleteMultiple",
        lists::items::delete_multiple,
    ),
    ("slackLists.access.set", lists::access::set),
    ("slackLists.access.delete", lists::access::delete),
    ("slackLists.download.start", lists::download::start),
    ("slackLists.download.get", lists::download::get),
    ("users.deletePhoto", users::delete_photo),
    ("users.setPhoto", users::set_photo),
    ("dialog.open", dialog::open),
    ("workflows.featured.add", workflows::add),
    ("workflows.featured.remove", workflows::remove),
    ("workflows.featured.set", workflows::set),
    ("workflows.featured.list", workflows::list),
    ("apps.user.connection.update", apps::user_connection_update),
    ("entity.presentDetails", entity::present_details),
];

fn implementation(method: &str) -> Option<Handler> {
    IMPLEMENTED
        .iter()
        .find(|(name, _)| *name == method)
        .map(|(_, handler)| *handler)
}

/// Answers one call of `method`: checks the token and its scopes, counts the call against the
/// rate limit, then runs the method (or its stub).
pub(crate) fn handle(
    state: &mut State,
    method: &str,
    token: Option<&str>,
    params: &[(String, String)],
    now: Instant,
) -> Reply {
    let stub = state.stubs.get(method).cloned();
    let facts: Option<MethodFacts> = state.served.get(method).copied();
    if method == crate::oauth::ACCESS && stub.is_none() {
        // The methods called without a token: their credentials are their arguments.
        return match facts {
            Some(_) => crate::oauth::access(state, params),
            None => not_served(method),
        };
    }
    if method == api::TEST && stub.is_none() {
        return match facts {
            Some(_) => api::test(params),
            None => not_served(method),
        };
    }
    if method == crate::openid::TOKEN && stub.is_none() {
        return match facts {
            Some(_) => crate::openid::token(state, params),
            None => not_served(method),
        };
    }
    if method == apps::ROTATE && stub.is_none() {
        return match facts {
            Some(_) => apps::rotate(state, params),
            None => not_served(method),
        };
    }
    let handler = implementation(method);
    let (scopes, writes): (Vec<String>, bool) = match (&stub, facts, handler) {
        (Some(stub), _, _) => (stub.scopes.clone(), true),
        (None, Some(facts), Some(_)) => (
            facts.scopes.iter().map(|s| (*s).to_owned()).collect(),
            facts.writes,
        ),
        (None, None, Some(_)) => return not_served(method),
        (None, _, None) => return fail("unknown_method"),
    };
    let Some(token) = token else {
        return fail("not_authed");
    };
    let Some(entry) = state.tokens.get(token).cloned() else {
        return fail("invalid_auth");
    };
    if entry.revoked {
        return fail("token_revoked");
    }
    if state.apps.expired.contains(token) {
        return fail("token_expired");
    }
    // A configuration token calls only the App Manifest methods, and they take no other.
    if stub.is_none() && state.apps.config_tokens.contains(token) != apps::CONFIG.contains(&method)
    {
        return fail("not_allowed_token_type");
    }
    // An app-level token calls only the methods that take one, and they take no other.
    if stub.is_none() && token.starts_with("xapp-") != apps::APP_LEVEL.contains(&method) {
        return fail("not_allowed_token_type");
    }
    let Some(caller) = state.users.get(&entry.user).cloned() else {
        return fail("invalid_auth");
    };
    let provided = entry.scopes.join(",");
    let accepted = scopes.join(",");
    let scope_headers = |mut reply: Reply| {
        reply.headers.push(("X-OAuth-Scopes", provided.clone()));
        reply
            .headers
            .push(("X-Accepted-OAuth-Scopes", accepted.clone()));
        reply
    };
    if !scopes.is_empty() && !scopes.iter().any(|s| entry.scopes.contains(s)) {
        return scope_headers(Reply::slack_error(
            "missing_scope",
            &[("needed", &accepted), ("provided", &provided)],
        ));
    }
    let tier_limit = facts.and_then(|facts| facts.tier.calls_per_minute());
    let partition = facts
        .and_then(|facts| facts.tier.limited_per())
        .and_then(|name| param(params, name));
    if let Err(refused) = state
        .limits
        .check(token, method, partition, tier_limit, now)
    {
        state.responses_429 += 1;
        return Reply::rate_limited(refused.retry_after);
    }
    state.call_scopes = entry.scopes.clone();
    token.clone_into(&mut state.call_token);
    let outcome = match (&stub, handler) {
        (Some(stub), _) => Ok(stub_data(&stub.response)),
        (None, Some(handler)) => handler(state, &caller, params),
        (None, None) => Err(fail("unknown_method")),
    };
    let reply = match outcome {
        Ok(data) => {
            if let Some(stub) = &stub {
                if !stub.response.is_object() {
                    // A stub that is not an object is answered verbatim.
                    let body = serde_json::to_vec(&stub.response).unwrap_or_default();
                    return scope_headers(Reply::json(200, body));
                }
            }
            // A stub that says anything but `"ok": true` is answered as it is: `false` for an
            // error, any other value to try how a client takes a malformed envelope.
            let verbatim = data.get("ok").is_some_and(|ok| *ok != Value::Bool(true));
            if writes && !verbatim {
                state.count_write(method);
            }
            if verbatim {
                Reply::json(200, serde_json::to_vec(&data).unwrap_or_default())
            } else {
                Reply::json(200, ok_body(&data))
            }
        }
        Err(reply) => reply,
    };
    scope_headers(reply)
}

/// A method the emulator implements but was not told to serve: Slack's `unknown_method`, with a
/// message saying how to serve it.
fn not_served(method: &str) -> Reply {
    let mut body =
        br#"{"ok":false,"error":"unknown_method","response_metadata":{"messages":["#.to_vec();
    push_json_string(
        &mut body,
        &format!(
            "the emulator implements `{method}`: serve it with Emulator::serve(&[MethodFacts::of::<YourBinding>()]) (or the bundled bindings' facts) so it knows the method's scopes and tier"
        ),
    );
    body.extend_from_slice(b"]}}");
    Reply::json(200, body)
}

fn stub_data(response: &Value) -> Map<String, Value> {
    match response {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    }
}

pub(crate) fn fail(code: &str) -> Reply {
    Reply::slack_error(code, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_put_ok_first() {
        let reply = Reply::slack_error("missing_scope", &[("needed", "a:b"), ("provided", "")]);
        assert_eq!(
            reply.body,
            br#"{"ok":false,"error":"missing_scope","needed":"a:b","provided":""}"#
        );
        let mut data = Map::new();
        data.insert("user".into(), Value::String("jo\"".into()));
        assert_eq!(ok_body(&data), br#"{"ok":true,"user":"jo\""}"#);
        let body: Value = serde_json::from_slice(&not_served("a.b").body).unwrap();
        assert_eq!(body["error"], "unknown_method");
    }

    #[test]
    fn the_table_lists_each_method_once() {
        for (i, (name, _)) in IMPLEMENTED.iter().enumerate() {
            assert!(
                IMPLEMENTED[i + 1..].iter().all(|(other, _)| other != name),
                "{name}"
            );
        }
    }
}
