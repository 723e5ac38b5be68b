//! `oauth.v2.access`: the last step of installing an app with OAuth, where it exchanges the
//! `code` of its redirect for its tokens.
//!
//! The call carries no token: the app's `client_id` and `client_secret` are its credentials,
//! so call it with [`CallOptions::without_token`](crate::CallOptions::without_token) (a client
//! built without a token will do). The client sends it as a `POST` form, so the secret and the
//! code stay out of URLs. It is not a tool: an agent has no business with an app's secret.

use crate::{slack_method, AppId, EnterpriseId, TeamId, Token, UserId};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// `oauth.v2.access`: exchanges the `code` Slack sent to the app's redirect URL for the app's
/// bot token and, when user scopes were asked for, a token of the user who installed it.
///
/// `Debug` hides the `client_secret`, the `code` and the `refresh_token`.
///
/// It is a write (the catalog corrects the 2020 spec's `GET`): an exchange uses its code (or
/// refresh token) up and makes tokens, so a failed one is not sent again blindly, where the
/// second attempt could only answer `invalid_code`; the error says whether it may have reached
/// Slack.
///
/// ```no_run
/// # async fn demo(code: String) -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::OauthV2Access;
/// use slack_methods::{CallOptions, Client};
///
/// let client = Client::builder().build()?; // no token of its own
/// let exchange = OauthV2Access::new("1234.5678", "the app's client secret", code);
/// let installed = client
///     .call_with(&exchange, &CallOptions::new().without_token())
///     .await?;
/// if let Some(bot) = &installed.access_token {
///     println!("installed in {:?}: {bot}", installed.team); // the token's kind, never its text
/// }
/// # Ok(()) }
/// ```
///
/// With token rotation, [`refresh`](Self::refresh) exchanges the refresh token an earlier
/// exchange answered for a new access token and a new refresh token; Slack revokes the one
/// sent:
///
/// ```
/// use slack_methods::methods::OauthV2Access;
/// use slack_methods::Token;
/// let kept = Token::new("xoxe-1-kept-from-the-last-exchange")?;
/// let refresh = OauthV2Access::refresh("1234.5678", "the app's client secret", &kept);
/// assert_eq!(
///     slack_methods::encode_params(&refresh)?,
///     "client_id=1234.5678&client_secret=the+app%27s+client+secret\
///      &grant_type=refresh_token&refresh_token=xoxe-1-kept-from-the-last-exchange",
/// );
/// assert!(!format!("{refresh:?}").contains("kept"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("oauth.v2.access", response = OauthV2AccessResponse)]
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OauthV2Access {
    /// The app's client id.
    pub client_id: String,
    /// The app's client secret.
    pub client_secret: String,
    /// The `code` Slack sent to the redirect URL.
    pub code: Option<String>,
    /// The redirect URL, when the authorization asked for one: it must be the same.
    pub redirect_uri: Option<String>,
    /// `authorization_code` (the default) or, with token rotation, `refresh_token`.
    pub grant_type: Option<String>,
    /// With `grant_type` `refresh_token`: the refresh token to exchange for a new access token.
    pub refresh_token: Option<String>,
}

/// The constructors and the `Debug` of a code exchange (`OauthV2Access`,
/// `OpenidConnectToken`): the same parameters, the same secrets to hide.
macro_rules! code_exchange {
    ($exchange:ident) => {
        impl $exchange {
            /// Exchanges `code`, which Slack sent to the redirect URL, for the tokens it stands
            /// for, as the app `client_id`.
            pub fn new(
                client_id: impl Into<String>,
                client_secret: impl Into<String>,
                code: impl Into<String>,
            ) -> Self {
                $exchange {
                    client_id: client_id.into(),
                    client_secret: client_secret.into(),
                    code: Some(code.into()),
                    redirect_uri: None,
                    grant_type: None,
                    refresh_token: None,
                }
            }

            /// With token rotation: exchanges `refresh_token` (the `xoxe-` token an earlier
            /// exchange answered) for a new access token.
            pub fn refresh(
                client_id: impl Into<String>,
                client_secret: impl Into<String>,
                refresh_token: &$crate::Token,
            ) -> Self {
                $exchange {
                    client_id: client_id.into(),
                    client_secret: client_secret.into(),
                    code: None,
                    redirect_uri: None,
                    grant_type: Some("refresh_token".to_owned()),
                    refresh_token: Some(refresh_token.expose_secret().to_owned()),
                }
            }

            /// Sends `redirect_uri`, which must be the one the authorization was asked with.
            pub fn redirect_uri(mut self, redirect_uri: impl Into<String>) -> Self {
                self.redirect_uri = Some(redirect_uri.into());
                self
            }
        }

        impl ::std::fmt::Debug for $exchange {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                /// `<hidden>` for a secret that is there.
                fn hidden(secret: Option<&str>) -> Option<&'static str> {
                    secret.map(|_| "<hidden>")
                }
                f.debug_struct(stringify!($exchange))
                    .field("client_id", &self.client_id)
                    .field("client_secret", &"<hidden>")
                    .field("code", &hidden(self.code.as_deref()))
                    .field("redirect_uri", &self.redirect_uri)
                    .field("grant_type", &self.grant_type)
                    .field("refresh_token", &hidden(self.refresh_token.as_deref()))
                    .finish()
            }
        }
    };
}
pub(super) use code_exchange;

code_exchange!(OauthV2Access);

/// The keys of fields Slack may add, without their values (which may be secrets, such as an
/// incoming webhook's URL).
pub(super) struct Keys<'a>(pub(super) &'a Map<String, Value>);

impl fmt::Debug for Keys<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

/// A workspace or an organization, as `oauth.v2.access` names it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OauthTeam<Id> {
    /// Its id.
    pub id: Id,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
}

/// What `oauth.v2.access` answers: the bot token and its scopes, the workspace (or
/// organization) the app is now in, and the user who installed it, with their token when user
/// scopes were asked for.
///
/// The tokens are [`Token`]s, whose `Debug` and `Display` hide them; `expose_secret()` gives the
/// text to store. Fields Slack adds later are kept in `extra`, whose `Debug` shows their names
/// only.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct OauthV2AccessResponse {
    /// The bot token (`xoxb-`), when bot scopes were asked for.
    #[serde(default)]
    pub access_token: Option<Token>,
    /// `bot` (or `user`, when only user scopes were asked for and the answer is the user's).
    #[serde(default)]
    pub token_type: Option<String>,
    /// The bot token's scopes, comma-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// The app's bot user.
    #[serde(default)]
    pub bot_user_id: Option<UserId>,
    /// The app.
    #[serde(default)]
    pub app_id: Option<AppId>,
    /// The workspace the app was installed in (none for an organization-wide install).
    #[serde(default)]
    pub team: Option<OauthTeam<TeamId>>,
    /// The Enterprise Grid organization, if any.
    #[serde(default)]
    pub enterprise: Option<OauthTeam<EnterpriseId>>,
    /// Whether the app was installed for a whole organization.
    #[serde(default)]
    pub is_enterprise_install: Option<bool>,
    /// The user who installed the app, with their token when user scopes were asked for.
    #[serde(default)]
    pub authed_user: Option<AuthedUser>,
    /// With token rotation: the refresh token (`xoxe-`) of the bot token.
    #[serde(default)]
    pub refresh_token: Option<Token>,
    /// With token rotation: the seconds until the bot token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for OauthV2AccessResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OauthV2AccessResponse")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("scope", &self.scope)
            .field("bot_user_id", &self.bot_user_id)
            .field("app_id", &self.app_id)
            .field("team", &self.team)
            .field("enterprise", &self.enterprise)
            .field("is_enterprise_install", &self.is_enterprise_install)
            .field("authed_user", &self.authed_user)
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("extra", &Keys(&self.extra))
            .finish()
    }
}

/// The user who installed the app, as `oauth.v2.access` names them.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AuthedUser {
    /// The user.
    pub id: UserId,
    /// Their token's scopes, comma-separated, when user scopes were asked for.
    #[serde(default)]
    pub scope: Option<String>,
    /// Their token (`xoxp-`), when user scopes were asked for.
    #[serde(default)]
    pub access_token: Option<Token>,
    /// `user`, with a token.
    #[serde(default)]
    pub token_type: Option<String>,
    /// With token rotation: the refresh token of the user's token.
    #[serde(default)]
    pub refresh_token: Option<Token>,
    /// With token rotation: the seconds until the user's token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for AuthedUser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthedUser")
            .field("id", &self.id)
            .field("scope", &self.scope)
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("extra", &Keys(&self.extra))
            .finish()
    }
}
