//! Sign in with Slack: `openid.connect.token`, with which a web app exchanges the `code` Slack
//! sent to its redirect URL for a user token and an ID token, called without a token, and the
//! claims that token and `openid.connect.userInfo` give. The apps and codes are OAuth's
//! ([`Emulator::add_oauth_app`]); a person's consent to sign in is [`Emulator::openid_code`].
//!
//! The exchange answers the errors [`crate::oauth`] checks for `oauth.v2.access`
//! (`invalid_client_id`, `bad_client_secret`, `invalid_code`, `bad_redirect_uri`,
//! `invalid_grant_type` for token rotation, which the emulator does not do), and
//! `oauth_authorization_url_mismatch` for a code of the OAuth install flow
//! ([`Emulator::oauth_code`]): Slack's `openid.connect.token` page documents each of them.
//!
//! What Slack's pages leave open is the emulator's choice:
//!
//! - the user token (`xoxp-`) has exactly the scopes of the consent; the answer's `token_type`
//!   is `Bearer` (Slack's example) and it has no `refresh_token` or `expires_in`;
//! - the `id_token` is an unsecured JWT (RFC 7519, section 6: header `{"alg":"none","typ":"JWT"}`
//!   and an empty signature), since the emulator has no key Slack's `jwks_uri` would publish: a
//!   client that verifies signatures refuses it, as it should. Its claims are `iss`
//!   (`https://slack.com`, the issuer of Slack's OpenID configuration), `sub`, `aud` (the
//!   client id), `iat`, `auth_time` and `exp` (an hour later), then the claims
//!   `openid.connect.userInfo` answers;
//! - the claims: the scope `openid` gives `sub` and `https://slack.com/user_id` (the user's
//!   id), `https://slack.com/team_id`, `https://slack.com/team_name` and
//!   `https://slack.com/team_domain`; `email` adds `email` (when the user has one) and
//!   `email_verified` (`true`; the emulator has no unverified address, and sends no
//!   `date_email_verified`); `profile` adds `name` (the profile's real name), `given_name`
//!   and `family_name` (the profile's first and last name, else the real name's first word and
//!   the rest), `picture` and `https://slack.com/user_image_<size>` (the profile's images),
//!   and `locale` (`en-US`). That `email` and `profile` give those standard claims is OpenID
//!   Connect Core 1.0, section 5.4; where Slack's own claims go is the emulator's choice.

use crate::methods::{ok_body, Reply};
use crate::oauth::redeem;
use crate::state::{fresh_number, State, TokenEntry, User};
use crate::Emulator;
use serde_json::{json, Map, Value};

/// The exchange's name.
pub(crate) const TOKEN: &str = "openid.connect.token";

/// How long the ID token is valid, in seconds (the emulator's choice).
const ID_TOKEN_SECONDS: i64 = 3600;

/// `openid.connect.token`: a user token with the consent's scopes, and an ID token.
pub(crate) fn token(state: &mut State, params: &[(String, String)]) -> Reply {
    let (_, grant) = match redeem(state, params, true) {
        Ok(redeemed) => redeemed,
        Err(refused) => return refused,
    };
    let token = format!("xoxp-emulated-openid-{}", fresh_number());
    state.tokens.insert(
        token.clone(),
        TokenEntry {
            user: grant.user.clone(),
            scopes: grant.user_scopes.clone(),
            revoked: false,
        },
    );
    let now = state.workspace.clock.seconds();
    let mut payload = Map::new();
    payload.insert("iss".into(), json!("https://slack.com"));
    payload.insert("sub".into(), json!(grant.user));
    payload.insert("aud".into(), json!(grant.client_id));
    payload.insert("iat".into(), json!(now));
    payload.insert("auth_time".into(), json!(now));
    payload.insert("exp".into(), json!(now.saturating_add(ID_TOKEN_SECONDS)));
    if let Some(user) = state.users.get(&grant.user) {
        payload.extend(claims(state, user, &grant.user_scopes));
    }
    let mut answer = Map::new();
    answer.insert("access_token".into(), json!(token));
    answer.insert("token_type".into(), json!("Bearer"));
    answer.insert("id_token".into(), json!(unsecured_jwt(&payload)));
    Reply::json(200, ok_body(&answer))
}

/// The claims about `user` that a token with `scopes` gives (see the module's documentation).
pub(crate) fn claims(state: &State, user: &User, scopes: &[String]) -> Map<String, Value> {
    let has = |scope: &str| scopes.iter().any(|s| s == scope);
    let profile = |key: &str| user.profile.get(key).and_then(Value::as_str).unwrap_or("");
    let mut claims = Map::new();
    claims.insert("sub".into(), json!(user.spec.id));
    claims.insert("https://slack.com/user_id".into(), json!(user.spec.id));
    claims.insert("https://slack.com/team_id".into(), json!(state.team.id));
    claims.insert("https://slack.com/team_name".into(), json!(state.team.name));
    claims.insert(
        "https://slack.com/team_domain".into(),
        json!(state.team.domain),
    );
    if has("email") {
        if let Some(email) = user.profile.get("email").and_then(Value::as_str) {
            claims.insert("email".into(), json!(email));
            claims.insert("email_verified".into(), json!(true));
        }
    }
    if has("profile") {
        let real_name = profile("real_name");
        let (first, last) = match (profile("first_name"), profile("last_name")) {
            ("", "") => real_name.split_once(' ').unwrap_or((real_name, "")),
            named => named,
        };
        claims.insert("name".into(), json!(real_name));
        claims.insert("given_name".into(), json!(first));
        claims.insert("family_name".into(), json!(last));
        claims.insert("picture".into(), json!(profile("image_512")));
        for size in ["24", "32", "48", "72", "192", "512"] {
            if let Some(image) = user.profile.get(&format!("image_{size}")) {
                claims.insert(
                    format!("https://slack.com/user_image_{size}"),
                    image.clone(),
                );
            }
        }
        claims.insert("locale".into(), json!("en-US"));
    }
    claims
}

/// A JWT of `payload` with no signature (`alg` `none`).
fn unsecured_jwt(payload: &Map<String, Value>) -> String {
    let header = br#"{"alg":"none","typ":"JWT"}"#;
    let payload = serde_json::to_vec(payload).unwrap_or_default();
    format!("{}.{}.", base64url(header), base64url(&payload))
}

/// Unpadded base64url (RFC 4648, section 5).
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let bits = chunk.iter().enumerate().fold(0u32, |bits, (i, byte)| {
            bits | u32::from(*byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(bits >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

impl Emulator {
    /// The `code` Slack sends to the app's redirect URL once `user` has signed in to the app
    /// `client_id` with Sign in with Slack, allowing it `scopes` (`openid`, and `email` and
    /// `profile` for those claims): `openid.connect.token` exchanges it, once, for a user token
    /// with those scopes, which `openid.connect.userInfo` takes. The app is one added with
    /// [`add_oauth_app`](Self::add_oauth_app); serve `openid.connect.token` (with its
    /// binding's facts) for the exchange to be answered.
    ///
    /// ```no_run
    /// # async fn run(emu: &slack_methods_emulator::Emulator) {
    /// emu.add_oauth_app("1234.5678", "the secret", slack_methods_emulator::demo::BOT);
    /// let code = emu.openid_code(
    ///     "1234.5678",
    ///     slack_methods_emulator::demo::ADA,
    ///     &["openid", "email", "profile"],
    /// );
    /// # }
    /// ```
    pub fn openid_code(&self, client_id: &str, user: &str, scopes: &[&str]) -> String {
        self.grant(client_id, None, true, user, &[], scopes)
    }

    /// [`openid_code`](Self::openid_code) for a sign-in asked with `redirect_uri`: the exchange
    /// must send the same `redirect_uri`, else it is `bad_redirect_uri` and the code stays good.
    pub fn openid_code_with_redirect(
        &self,
        client_id: &str,
        redirect_uri: &str,
        user: &str,
        scopes: &[&str],
    ) -> String {
        self.grant(client_id, Some(redirect_uri), true, user, &[], scopes)
    }
}

#[cfg(test)]
mod tests {
    use super::base64url;

    #[test]
    fn base64url_is_unpadded_and_url_safe() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"a"), "YQ");
        assert_eq!(base64url(b"ab"), "YWI");
        assert_eq!(base64url(b"abc"), "YWJj");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(
            base64url(br#"{"alg":"none","typ":"JWT"}"#),
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"
        );
    }
}
