//! `openid.connect.*`: Sign in with Slack, Slack's OpenID Connect flow. A web app sends a person
//! to `https://slack.com/openid/connect/authorize` with the user scopes `openid` (and `email`,
//! `profile` for those claims); Slack sends a `code` to the app's redirect URL, which
//! `openid.connect.token` exchanges for a user token and an ID token; `openid.connect.userInfo`
//! then reads who signed in with that token.
//!
//! The exchange carries no token: the app's `client_id` and `client_secret` are its
//! credentials, so call it with [`CallOptions::without_token`](crate::CallOptions::without_token).
//! It is sent as a `POST` form, so the secret and the code stay out of URLs, and it is not a
//! tool (an agent has no business with an app's secret), as `oauth.v2.access` is not.

use super::oauth::Keys;
use crate::{slack_method, EnterpriseId, TeamId, Token, UserId};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;

/// `openid.connect.token`: exchanges the `code` Slack sent to the app's redirect URL after a
/// person signed in with Slack for a user token (for `openid.connect.userInfo`) and an ID token.
///
/// `Debug` hides the `client_secret`, the `code` and the `refresh_token`. It is a write: an
/// exchange uses its code up, so a failed one is not sent again blindly, where a second attempt
/// could only answer `invalid_code`.
///
/// ```no_run
/// # async fn demo(code: String) -> Result<(), Box<dyn std::error::Error>> {
/// use slack_methods::methods::{OpenidConnectToken, OpenidConnectUserInfo};
/// use slack_methods::{CallOptions, Client};
///
/// let client = Client::builder().build()?; // no token of its own
/// let exchange = OpenidConnectToken::new("1234.5678", "the app's client secret", code)
///     .redirect_uri("https://app.example/slack/signed-in");
/// let signed_in = client
///     .call_with(&exchange, &CallOptions::new().without_token())
///     .await?;
/// let who = client
///     .call_with_token(&OpenidConnectUserInfo, &signed_in.access_token)
///     .await?;
/// println!("{} of {:?}: {:?}", who.user_id, who.team_id, who.email);
/// # Ok(()) }
/// ```
///
/// What goes on the wire, and what `Debug` shows:
///
/// ```
/// use slack_methods::methods::OpenidConnectToken;
/// let exchange = OpenidConnectToken::new("1234.5678", "s3cret", "4724.4644.232b");
/// assert_eq!(
///     slack_methods::encode_params(&exchange)?,
///     "client_id=1234.5678&client_secret=s3cret&code=4724.4644.232b",
/// );
/// let shown = format!("{exchange:?}");
/// assert!(!shown.contains("s3cret") && !shown.contains("4724"), "{shown}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("openid.connect.token", no_scope, response = OpenidConnectTokenResponse)]
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OpenidConnectToken {
    /// The app's client id.
    #[slack(unchecked)]
    pub client_id: String,
    /// The app's client secret.
    #[slack(unchecked)]
    pub client_secret: String,
    /// The `code` Slack sent to the redirect URL.
    #[slack(unchecked)]
    pub code: Option<String>,
    /// The redirect URL, when the authorization asked for one: it must be the same.
    #[slack(unchecked)]
    pub redirect_uri: Option<String>,
    /// `authorization_code` (the default) or, with token rotation, `refresh_token`.
    #[slack(unchecked)]
    pub grant_type: Option<String>,
    /// With `grant_type` `refresh_token`: the refresh token to exchange for a new access token.
    #[slack(unchecked)]
    pub refresh_token: Option<String>,
}

super::oauth::code_exchange!(OpenidConnectToken);

/// What `openid.connect.token` answers: the user token of the person who signed in, and an ID
/// token that says who they are.
///
/// The tokens are [`Token`]s and the ID token an [`IdToken`], whose `Debug` hides them. Fields
/// Slack adds later are kept in `extra`, whose `Debug` shows their names only.
#[derive(Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct OpenidConnectTokenResponse {
    /// The user token (`xoxp-`), with the scopes the person allowed (`openid`, `email`,
    /// `profile`): it calls `openid.connect.userInfo`.
    pub access_token: Token,
    /// `Bearer`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// The ID token: a JSON Web Token signed by Slack, with the person's claims.
    #[serde(default)]
    pub id_token: Option<IdToken>,
    /// With token rotation: the refresh token (`xoxe-`).
    #[serde(default)]
    pub refresh_token: Option<Token>,
    /// With token rotation: the seconds until the access token expires.
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// Fields this type does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl fmt::Debug for OpenidConnectTokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenidConnectTokenResponse")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("id_token", &self.id_token)
            .field("refresh_token", &self.refresh_token)
            .field("expires_in", &self.expires_in)
            .field("extra", &Keys(&self.extra))
            .finish()
    }
}

/// An OpenID Connect ID token, as `openid.connect.token` answers it: a JSON Web Token (JWT)
/// that Slack signs (RS256, with the keys at `https://slack.com/openid/connect/keys`).
///
/// This crate does not verify JWT signatures. [`IdToken::claims_unverified`] reads the claims
/// without checking the signature, the issuer, the audience or the expiry: that is safe only for
/// a token the app has just received from Slack itself over TLS, as the answer of its own
/// `openid.connect.token` call (OpenID Connect Core 1.0, 3.1.3.7, allows the TLS server
/// validation in place of the signature's there). A token that comes from anywhere else must be
/// verified with a JWT library before its claims are trusted. `openid.connect.userInfo` answers
/// the same claims, fresh, for the access token.
///
/// `Debug` hides the token, which names the person and may be presented to other services as
/// proof of who they are; [`expose_secret`](IdToken::expose_secret) gives its text.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct IdToken(String);

impl IdToken {
    /// The token as Slack sent it (`header.payload.signature`, each part base64url).
    pub fn new(text: impl Into<String>) -> IdToken {
        IdToken(text.into())
    }

    /// The token's text, to hand to a JWT library.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The claims of the token's payload (`sub`, `aud`, `iss`, `exp`, `email`, ...), read
    /// **without verifying** the signature or any claim; see the type's documentation for when
    /// that is safe.
    ///
    /// ```
    /// use slack_methods::methods::IdToken;
    /// // {"alg":"none"} . {"sub":"U0R7JM","email":"krane@slack-corp.com"} . (no signature)
    /// let token = IdToken::new(
    ///     "eyJhbGciOiJub25lIn0.eyJzdWIiOiJVMFI3Sk0iLCJlbWFpbCI6ImtyYW5lQHNsYWNrLWNvcnAuY29tIn0.",
    /// );
    /// let claims = token.claims_unverified()?;
    /// assert_eq!(claims["sub"], "U0R7JM");
    /// assert_eq!(claims["email"], "krane@slack-corp.com");
    /// assert!(IdToken::new("not a JWT").claims_unverified().is_err());
    /// # Ok::<(), slack_methods::methods::openid::MalformedIdToken>(())
    /// ```
    pub fn claims_unverified(&self) -> Result<Map<String, Value>, MalformedIdToken> {
        let mut parts = self.0.split('.');
        let (Some(_header), Some(payload), Some(_signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(MalformedIdToken);
        };
        let bytes = base64url_decode(payload).ok_or(MalformedIdToken)?;
        serde_json::from_slice(&bytes).map_err(|_| MalformedIdToken)
    }
}

impl fmt::Debug for IdToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdToken(<hidden, {} bytes>)", self.0.len())
    }
}

/// An ID token whose payload is not a JWT's: three `.`-separated base64url parts, the second a
/// JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the ID token is not a JWT whose payload is a base64url-encoded JSON object")]
pub struct MalformedIdToken;

/// Decodes unpadded (or padded) base64url (RFC 4648, section 5); `None` for any other text.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // A lone sixth of a byte left over is no base64.
    (bits < 6).then_some(out)
}

/// `openid.connect.userInfo`: who signed in with Slack: the user and workspace of the token
/// (a user token from `openid.connect.token`, scope `openid`), with their email when the token
/// also has the `email` scope, and their name, picture and locale with `profile`.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client, token: slack_methods::Token) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::OpenidConnectUserInfo;
/// let who = client.call_with_token(&OpenidConnectUserInfo, &token).await?;
/// if who.email_verified == Some(true) {
///     println!("{} is {:?}", who.sub, who.email);
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "openid.connect.userInfo",
    scope = "openid",
    writes = false,
    response = OpenidConnectUserInfoResponse
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct OpenidConnectUserInfo;

crate::slack_object! {
    /// What `openid.connect.userInfo` answers: OpenID Connect's standard claims and Slack's
    /// own (named by URLs such as `https://slack.com/user_id`). Claims this type does not name,
    /// such as the images `https://slack.com/user_image_512` and `https://slack.com/team_image_88`,
    /// are in `extra`.
    ///
    /// ```
    /// use slack_methods::methods::OpenidConnectUserInfoResponse;
    /// let who: OpenidConnectUserInfoResponse = serde_json::from_str(
    ///     r#"{"sub":"U0R7JM","https://slack.com/user_id":"U0R7JM",
    ///         "https://slack.com/team_id":"T0R7GR","email":"krane@slack-corp.com",
    ///         "email_verified":true,"name":"krane","https://slack.com/team_name":"kraneflannel",
    ///         "https://slack.com/user_image_24":"https://a/24.png"}"#,
    /// )?;
    /// assert_eq!(who.user_id.as_str(), "U0R7JM");
    /// assert_eq!(who.team_id.as_ref().map(|t| t.as_str()), Some("T0R7GR"));
    /// assert_eq!(who.team_name.as_deref(), Some("kraneflannel"));
    /// assert_eq!(who.extra["https://slack.com/user_image_24"], "https://a/24.png");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct OpenidConnectUserInfoResponse {
        required {
            /// The subject: the user's id, as OpenID Connect names it.
            pub sub: String,
            /// The user's id.
            pub user_id: UserId = "https://slack.com/user_id",
        }
        /// The user's workspace.
        pub team_id: Option<TeamId> = "https://slack.com/team_id",
        /// The workspace's name.
        pub team_name: Option<String> = "https://slack.com/team_name",
        /// The workspace's domain.
        pub team_domain: Option<String> = "https://slack.com/team_domain",
        /// The Enterprise Grid organization, if any.
        pub enterprise_id: Option<EnterpriseId> = "https://slack.com/enterprise_id",
        /// The organization's name.
        pub enterprise_name: Option<String> = "https://slack.com/enterprise_name",
        /// The organization's domain.
        pub enterprise_domain: Option<String> = "https://slack.com/enterprise_domain",
        /// The user's email address (scope `email`).
        pub email: Option<String>,
        /// Whether Slack verified the email address (scope `email`).
        pub email_verified: Option<bool>,
        /// When Slack verified it (Unix seconds).
        pub date_email_verified: Option<i64>,
        /// The user's name (scope `profile`).
        pub name: Option<String>,
        /// Their given name (scope `profile`).
        pub given_name: Option<String>,
        /// Their family name (scope `profile`).
        pub family_name: Option<String>,
        /// The URL of their picture (scope `profile`).
        pub picture: Option<String>,
        /// Their locale, such as `en-US` (scope `profile`).
        pub locale: Option<String>,
    }
}

#[cfg(test)]
mod tests {
    use super::base64url_decode;

    #[test]
    fn base64url_decodes_every_length_and_refuses_other_text() {
        assert_eq!(base64url_decode("").unwrap(), b"");
        assert_eq!(base64url_decode("YQ").unwrap(), b"a");
        assert_eq!(base64url_decode("YWI").unwrap(), b"ab");
        assert_eq!(base64url_decode("YWJj").unwrap(), b"abc");
        assert_eq!(base64url_decode("YQ==").unwrap(), b"a");
        assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
        assert_eq!(base64url_decode("Y"), None);
        assert_eq!(base64url_decode("+/8"), None);
        assert_eq!(base64url_decode("a b"), None);
    }
}
