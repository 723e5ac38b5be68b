//! OAuth v2's last step, `oauth.v2.access`: an app exchanges the `code` Slack sent to its
//! redirect URL, with its `client_id` and `client_secret`, for its tokens. The call takes no
//! token. The apps are added with [`Emulator::add_oauth_app`], and a user's consent, which gives
//! the code, is [`Emulator::oauth_code`].
//!
//! The errors are those Slack documents for the method: `invalid_client_id`,
//! `bad_client_secret`, `invalid_code` (also for a code given to another app, or used
//! already), `bad_redirect_uri` (a code asked for with a `redirect_uri` exchanged without
//! that same URI; see [`Emulator::oauth_code_with_redirect`]) and
//! `oauth_authorization_url_mismatch` (a code of Sign in with Slack, [`Emulator::openid_code`],
//! which `openid.connect.token` exchanges). Token rotation (`grant_type=refresh_token`) is not emulated: it is
//! `invalid_grant_type`.
//!
//! Sign in with Slack (`crate::openid`) shares the apps and the codes: its codes are given
//! by the same consent, asked at `/openid/connect/authorize` instead of `/oauth/v2/authorize`,
//! and checked the same way by [`redeem`].

use crate::methods::{fail, ok_body, param, Reply};
use crate::state::{fresh_number, State, TokenEntry};
use crate::Emulator;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// The method's name.
pub(crate) const ACCESS: &str = "oauth.v2.access";

/// An app that installs with OAuth: its secret, and its bot user.
#[derive(Clone, Debug)]
pub(crate) struct App {
    secret: String,
    pub(crate) bot_user: String,
}

/// What a user allowed an app when Slack gave it a code.
#[derive(Clone, Debug)]
pub(crate) struct Grant {
    pub(crate) client_id: String,
    pub(crate) user: String,
    pub(crate) bot_scopes: Vec<String>,
    pub(crate) user_scopes: Vec<String>,
    /// The `redirect_uri` the authorization was asked with, if any.
    redirect_uri: Option<String>,
    /// Whether the code came from Sign in with Slack (`/openid/connect/authorize`), which
    /// `openid.connect.token` exchanges, rather than from `/oauth/v2/authorize`.
    pub(crate) openid: bool,
    used: bool,
}

/// The OAuth apps and the codes given to them.
#[derive(Debug, Default)]
pub(crate) struct Oauth {
    apps: HashMap<String, App>,
    grants: HashMap<String, Grant>,
}

fn owned(scopes: &[&str]) -> Vec<String> {
    scopes.iter().map(|scope| (*scope).to_owned()).collect()
}

/// Checks an app's `client_id` (`invalid_client_id`) and `client_secret`
/// (`bad_client_secret`), for `apps.uninstall`: the app's bot user.
pub(crate) fn check_client(state: &State, params: &[(String, String)]) -> Result<String, Reply> {
    let client_id = param(params, "client_id").unwrap_or_default();
    let Some(app) = state.oauth.apps.get(client_id) else {
        return Err(fail("invalid_client_id"));
    };
    if param(params, "client_secret") != Some(app.secret.as_str()) {
        return Err(fail("bad_client_secret"));
    }
    Ok(app.bot_user.clone())
}

/// Checks an exchange's credentials and code, for `oauth.v2.access` (`openid` false) or
/// `openid.connect.token` (`openid` true), and uses the code up: the app's `client_id`
/// (`invalid_client_id`) and `client_secret` (`bad_client_secret`), a `grant_type` other than
/// `authorization_code` (`invalid_grant_type`), a `code` given to this app and not used yet
/// (`invalid_code`) by the same flow (`oauth_authorization_url_mismatch`), and the
/// `redirect_uri` it was asked with (`bad_redirect_uri`). A refused exchange leaves the code
/// as it was.
pub(crate) fn redeem(
    state: &mut State,
    params: &[(String, String)],
    openid: bool,
) -> Result<(App, Grant), Reply> {
    let client_id = param(params, "client_id").unwrap_or_default();
    let Some(app) = state.oauth.apps.get(client_id).cloned() else {
        return Err(fail("invalid_client_id"));
    };
    if param(params, "client_secret") != Some(app.secret.as_str()) {
        return Err(fail("bad_client_secret"));
    }
    if param(params, "grant_type").is_some_and(|grant| grant != "authorization_code") {
        return Err(fail("invalid_grant_type"));
    }
    let code = param(params, "code").unwrap_or_default();
    let grant = match state.oauth.grants.get_mut(code) {
        Some(grant) if grant.client_id == client_id && !grant.used => grant,
        _ => return Err(fail("invalid_code")),
    };
    // Slack documents `oauth_authorization_url_mismatch` for both exchanges: "The flow must be
    // initiated via /oauth/v2/authorize" (or "/openid/connect/authorize").
    if grant.openid != openid {
        return Err(fail("oauth_authorization_url_mismatch"));
    }
    // "This must match the originally submitted URI (if one was sent)": a code asked for with a
    // redirect URI is exchanged with that same URI, and a mismatch leaves the code unused.
    if let Some(asked) = &grant.redirect_uri {
        if param(params, "redirect_uri") != Some(asked.as_str()) {
            return Err(fail("bad_redirect_uri"));
        }
    }
    grant.used = true;
    Ok((app, grant.clone()))
}

/// `oauth.v2.access`: a bot token (when the grant has bot scopes) and a user token for the user
/// who allowed it (when it has user scopes), each added to the workspace's tokens, in Slack's
/// answer (`access_token`, `token_type`, `scope`, `bot_user_id`, `app_id`, `team`,
/// `enterprise`, `is_enterprise_install`, `authed_user`).
pub(crate) fn access(state: &mut State, params: &[(String, String)]) -> Reply {
    let (app, grant) = match redeem(state, params, false) {
        Ok(redeemed) => redeemed,
        Err(refused) => return refused,
    };
    let mut answer = Map::new();
    if !grant.bot_scopes.is_empty() {
        let token = format!("xoxb-emulated-oauth-{}", fresh_number());
        state.tokens.insert(
            token.clone(),
            TokenEntry {
                user: app.bot_user.clone(),
                scopes: grant.bot_scopes.clone(),
                revoked: false,
            },
        );
        answer.insert("access_token".into(), json!(token));
        answer.insert("token_type".into(), json!("bot"));
        answer.insert("scope".into(), json!(grant.bot_scopes.join(",")));
        answer.insert("bot_user_id".into(), json!(app.bot_user));
    }
    answer.insert("app_id".into(), json!(crate::messaging::APP_ID));
    answer.insert(
        "team".into(),
        json!({ "id": state.team.id, "name": state.team.name }),
    );
    answer.insert("enterprise".into(), Value::Null);
    answer.insert("is_enterprise_install".into(), json!(false));
    let mut authed_user = json!({ "id": grant.user });
    if !grant.user_scopes.is_empty() {
        let token = format!("xoxp-emulated-oauth-{}", fresh_number());
        state.tokens.insert(
            token.clone(),
            TokenEntry {
                user: grant.user.clone(),
                scopes: grant.user_scopes.clone(),
                revoked: false,
            },
        );
        authed_user["scope"] = json!(grant.user_scopes.join(","));
        authed_user["access_token"] = json!(token);
        authed_user["token_type"] = json!("user");
    }
    answer.insert("authed_user".into(), authed_user);
    Reply::json(200, ok_body(&answer))
}

impl Emulator {
    /// Adds an app that installs with OAuth (or replaces the one with `client_id`): its
    /// `client_secret`, and the bot user its bot tokens belong to (which must be a user of the
    /// workspace for them to work). Serve `oauth.v2.access` (with its binding's facts) for the
    /// exchange to be answered.
    pub fn add_oauth_app(&self, client_id: &str, client_secret: &str, bot_user: &str) {
        self.shared.lock().oauth.apps.insert(
            client_id.to_owned(),
            App {
                secret: client_secret.to_owned(),
                bot_user: bot_user.to_owned(),
            },
        );
    }

    /// The `code` Slack sends to the app's redirect URL once `user` has allowed the app
    /// `client_id` the `bot_scopes` and `user_scopes`: `oauth.v2.access` exchanges it, once,
    /// for a bot token with the bot scopes (if any) and a token of `user` with the user scopes
    /// (if any).
    pub fn oauth_code(
        &self,
        client_id: &str,
        user: &str,
        bot_scopes: &[&str],
        user_scopes: &[&str],
    ) -> String {
        self.grant(client_id, None, false, user, bot_scopes, user_scopes)
    }

    /// [`oauth_code`](Self::oauth_code) for an authorization asked with `redirect_uri`
    /// (`https://slack.com/oauth/v2/authorize?..&redirect_uri=..`): the exchange must then send
    /// the same `redirect_uri`, else it is `bad_redirect_uri` and the code stays good.
    ///
    /// ```no_run
    /// # async fn run(emu: &slack_methods_emulator::Emulator) {
    /// let code = emu.oauth_code_with_redirect(
    ///     "1234.5678",
    ///     "https://app.example/slack/oauth",
    ///     slack_methods_emulator::demo::ADA,
    ///     &["chat:write"],
    ///     &[],
    /// );
    /// # }
    /// ```
    pub fn oauth_code_with_redirect(
        &self,
        client_id: &str,
        redirect_uri: &str,
        user: &str,
        bot_scopes: &[&str],
        user_scopes: &[&str],
    ) -> String {
        self.grant(
            client_id,
            Some(redirect_uri),
            false,
            user,
            bot_scopes,
            user_scopes,
        )
    }

    pub(crate) fn grant(
        &self,
        client_id: &str,
        redirect_uri: Option<&str>,
        openid: bool,
        user: &str,
        bot_scopes: &[&str],
        user_scopes: &[&str],
    ) -> String {
        let code = format!("{}.{}", fresh_number(), fresh_number());
        self.shared.lock().oauth.grants.insert(
            code.clone(),
            Grant {
                client_id: client_id.to_owned(),
                user: user.to_owned(),
                bot_scopes: owned(bot_scopes),
                user_scopes: owned(user_scopes),
                redirect_uri: redirect_uri.map(str::to_owned),
                openid,
                used: false,
            },
        );
        code
    }
}
