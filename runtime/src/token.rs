//! Slack access tokens, which never print their secret.

use std::fmt;
use std::sync::Arc;

/// What kind of token a [`Token`] is, read from its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// `xoxb-`: a bot token (`xoxe.xoxb-` when it expires, with token rotation).
    Bot,
    /// `xoxp-`: a user token (`xoxe.xoxp-` when it expires, with token rotation; an app
    /// configuration token too).
    User,
    /// `xapp-`: an app-level token.
    App,
    /// `xoxe-`: a refresh token, which gets new access tokens and cannot call other methods.
    Refresh,
    /// `xoxa-`: a workspace-app token.
    Workspace,
    /// `xoxc-`, `xoxs-`, `xoxd-` and other legacy or session tokens.
    Legacy,
    /// A prefix not known to this crate.
    Unknown,
}

impl TokenKind {
    pub(crate) fn of(secret: &str) -> TokenKind {
        // An expiring access token of token rotation is its kind's token behind `xoxe.`.
        let rotated = secret.strip_prefix("xoxe.");
        let prefix = rotated.unwrap_or(secret).get(..5).unwrap_or("");
        match prefix {
            "xoxb-" => TokenKind::Bot,
            "xoxp-" => TokenKind::User,
            _ if rotated.is_some() => TokenKind::Unknown,
            "xapp-" => TokenKind::App,
            "xoxe-" => TokenKind::Refresh,
            "xoxa-" => TokenKind::Workspace,
            "xoxc-" | "xoxs-" | "xoxd-" | "xoxo-" | "xoxr-" => TokenKind::Legacy,
            _ => TokenKind::Unknown,
        }
    }

    /// A short lowercase name (`"bot"`, `"user"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Bot => "bot",
            TokenKind::User => "user",
            TokenKind::App => "app",
            TokenKind::Refresh => "refresh",
            TokenKind::Workspace => "workspace",
            TokenKind::Legacy => "legacy",
            TokenKind::Unknown => "unknown",
        }
    }
}

/// The names under which Slack's requests and answers carry secrets: tokens, OAuth's client
/// secret and code, an app's signing secret, and an upload URL (which lets anyone upload the
/// file). A request never puts them in a URL; an error's excerpt of an answer hides them, and
/// the emulator's record of a request does too.
pub const SECRET_NAMES: &[&str] = &[
    "token",
    "access_token",
    "refresh_token",
    "bot_access_token",
    "client_secret",
    "code",
    "signing_secret",
    "verification_token",
    "upload_url",
];

/// Whether `text` begins like a Slack token: a kind [`TokenKind`] knows, or any token of token
/// rotation (`xoxe.`).
pub(crate) fn looks_like_token(text: &str) -> bool {
    text.starts_with("xoxe.") || TokenKind::of(text) != TokenKind::Unknown
}

/// A text could not be used as a token.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The text was empty.
    #[error("the token is empty")]
    Empty,
    /// The text holds whitespace or a character that cannot travel in an HTTP header.
    #[error("the token holds a character that cannot be sent in a header (at byte {position})")]
    InvalidCharacter {
        /// Byte offset of the first bad character (the character itself is not shown).
        position: usize,
    },
    /// The text is a whole `Authorization` value (`Bearer xoxb-...`), not the token alone.
    #[error("the token starts with `Bearer `: give the token alone, the client adds the `Bearer` scheme")]
    BearerPrefix,
    /// The text is the token in quotes (`"xoxb-..."`), as some env files and shells keep it.
    #[error("the token is in quotes: give the token without the quotes around it")]
    Quoted,
}

/// A Slack access token.
///
/// It travels only in the `Authorization: Bearer` header. `Debug` and `Display` show its kind
/// and length, never its text:
///
/// ```
/// use slack_methods_runtime::{Token, TokenKind};
/// let token = Token::new("xoxb-1234-5678-abcdefgh")?;
/// assert_eq!(token.kind(), TokenKind::Bot);
/// assert_eq!(token.to_string(), "bot token (23 chars)");
/// assert_eq!(format!("{token:?}"), "Token { kind: Bot, len: 23 }");
/// # Ok::<(), slack_methods_runtime::TokenError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    secret: Arc<str>,
    kind: TokenKind,
}

impl Token {
    /// Checks that `secret` can be sent in a header (non-empty, visible ASCII only).
    pub fn new(secret: impl Into<String>) -> Result<Token, TokenError> {
        let secret = secret.into();
        let secret = secret.trim_end_matches(['\n', '\r']);
        if secret.is_empty() {
            return Err(TokenError::Empty);
        }
        if let Some(position) = secret.bytes().position(|b| !b.is_ascii_graphic()) {
            let scheme = secret.get(..position).unwrap_or_default();
            let space = secret.as_bytes().get(position) == Some(&b' ');
            if space && scheme.eq_ignore_ascii_case("bearer") {
                return Err(TokenError::BearerPrefix);
            }
            return Err(TokenError::InvalidCharacter { position });
        }
        // No Slack token holds a quote; one at each end is the quoting of a config file.
        let quoted =
            |quote: char| secret.len() > 1 && secret.starts_with(quote) && secret.ends_with(quote);
        if quoted('"') || quoted('\'') {
            return Err(TokenError::Quoted);
        }
        Ok(Token {
            kind: TokenKind::of(secret),
            secret: Arc::from(secret),
        })
    }

    /// Reads the token from an environment variable, without the whitespace around it;
    /// `Ok(None)` when it is unset or blank. A value that is not UTF-8 is an error, not a missing
    /// token.
    pub fn from_env(var: &str) -> Result<Option<Token>, TokenError> {
        let Some(value) = std::env::var_os(var) else {
            return Ok(None);
        };
        match value.into_string() {
            Ok(text) if text.trim().is_empty() => Ok(None),
            Ok(text) => Token::new(text.trim()).map(Some),
            Err(raw) => {
                let bytes = raw.as_encoded_bytes();
                let position = bytes.iter().position(|b| !b.is_ascii_graphic());
                Err(TokenError::InvalidCharacter {
                    position: position.unwrap_or(bytes.len()),
                })
            }
        }
    }

    /// The kind of token, from its prefix.
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The token's length in bytes.
    pub fn len(&self) -> usize {
        self.secret.len()
    }

    /// Always `false`: an empty token cannot be made.
    pub fn is_empty(&self) -> bool {
        self.secret.is_empty()
    }

    /// The secret text. Use it only to send or store the token.
    pub fn expose_secret(&self) -> &str {
        &self.secret
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("kind", &self.kind)
            .field("len", &self.secret.len())
            .finish()
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} token ({} chars)",
            self.kind.as_str(),
            self.secret.len()
        )
    }
}

impl std::str::FromStr for Token {
    type Err = TokenError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Token::new(s)
    }
}

/// A token read from JSON text, as an OAuth answer gives one (`oauth.v2.access`'s
/// `access_token`), by the rules of [`Token::new`]; an error names the rule, never the text.
///
/// ```
/// use slack_methods_runtime::Token;
/// let token: Token = serde_json::from_str(r#""xoxb-1-2-abc""#)?;
/// assert_eq!(format!("{token}"), "bot token (12 chars)");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de> serde::Deserialize<'de> for Token {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Token::new(text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_env_reads_trims_and_refuses() {
        // Variables no other test reads; each case sets its own.
        let var = "SLACK_METHODS_TOKEN_FROM_ENV_TEST";
        std::env::remove_var(var);
        assert_eq!(Token::from_env(var), Ok(None));
        std::env::set_var(var, "  \t");
        assert_eq!(Token::from_env(var), Ok(None));
        std::env::set_var(var, " xoxb-1-2\r\n");
        let token = Token::from_env(var).unwrap().unwrap();
        assert_eq!(token.expose_secret(), "xoxb-1-2");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            // Not UTF-8: refused, not taken for an unset variable.
            std::env::set_var(var, std::ffi::OsStr::from_bytes(b"xoxb-\xff1"));
            assert_eq!(
                Token::from_env(var),
                Err(TokenError::InvalidCharacter { position: 5 })
            );
        }
        std::env::remove_var(var);
    }

    #[test]
    fn kinds() {
        for (text, kind) in [
            ("xoxb-1", TokenKind::Bot),
            ("xoxp-1", TokenKind::User),
            ("xapp-1", TokenKind::App),
            ("xoxe.xoxp-1-abc", TokenKind::User),
            ("xoxe.xoxb-1-abc", TokenKind::Bot),
            ("xoxe-1-abc", TokenKind::Refresh),
            ("xoxe.xoxe-1", TokenKind::Unknown),
            ("xoxe.", TokenKind::Unknown),
            ("xoxa-2", TokenKind::Workspace),
            ("xoxc-1", TokenKind::Legacy),
            ("abc", TokenKind::Unknown),
            ("ü", TokenKind::Unknown),
        ] {
            let kind_of = TokenKind::of(text);
            assert_eq!(kind_of, kind, "{text}");
        }
        // What a log shows of an expiring bot token.
        let rotated = Token::new("xoxe.xoxb-1-abc").unwrap();
        assert_eq!(rotated.to_string(), "bot token (15 chars)");
    }

    #[test]
    fn rejects_bad_text_without_echoing_it() {
        assert_eq!(Token::new(""), Err(TokenError::Empty));
        for quoted in ["\"xoxb-1-2-abc\"", "'xoxp-1-2-abc'"] {
            assert_eq!(Token::new(quoted), Err(TokenError::Quoted), "{quoted}");
        }
        // A quote that is not around the whole text is no quoting: a character like another.
        assert!(Token::new("\"").is_ok());
        assert!(Token::new("xoxb-\"1").is_ok());
        let err = Token::new("xoxb-secret value").unwrap_err();
        assert_eq!(err, TokenError::InvalidCharacter { position: 11 });
        assert!(!err.to_string().contains("secret"));
        assert!(Token::new("xoxb-é").is_err());
        assert_eq!(Token::new("xoxb-abc\n").unwrap().len(), 8);
    }

    #[test]
    fn a_whole_authorization_value_is_named_as_such() {
        for text in [
            "Bearer xoxb-secret",
            "bearer xoxb-secret",
            "BEARER  xoxb-secret",
        ] {
            let err = Token::new(text).unwrap_err();
            assert_eq!(err, TokenError::BearerPrefix, "{text}");
            assert!(!err.to_string().contains("secret"));
        }
        // Other text with a space is still a bad character, where it is.
        assert_eq!(
            Token::new("Bearerxoxb 1"),
            Err(TokenError::InvalidCharacter { position: 10 })
        );
    }

    #[test]
    fn never_prints_the_secret() {
        let token = Token::new("xoxp-MARKER-0000").unwrap();
        assert!(!format!("{token:?} {token} {token:#?}").contains("MARKER"));
    }
}
