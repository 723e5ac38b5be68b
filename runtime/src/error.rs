//! The one error type of every call, and Slack's typed error codes.

use crate::response::ScopeHeaders;
use crate::token::TokenError;
use std::fmt;
use std::time::Duration;

/// Everything that can go wrong with a call.
///
/// Every variant names the method; none holds the token. Match on [`Error::Api`] for Slack's own
/// answers (`"ok": false`), and on the others for what happened before or around them.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request breaks a rule of its method and was not sent.
    #[error("{method}: invalid request, not sent: {reason}")]
    InvalidRequest {
        /// The method that was called.
        method: &'static str,
        /// What is wrong and how to fix it.
        reason: String,
    },
    /// A parameter could not be encoded; nothing was sent. Which parameter, and why, is the
    /// error's `source()`.
    #[error("{method}: could not encode the parameters; nothing was sent")]
    Encode {
        /// The method that was called.
        method: &'static str,
        /// What failed to encode.
        #[source]
        source: crate::form::EncodeError,
    },
    /// No token was given to the client or the call.
    #[error("{method}: no token: give the client one with `Client::builder().token(..)` or pass one to `call_with_token`")]
    MissingToken {
        /// The method that was called.
        method: &'static str,
    },
    /// Slack answered `"ok": false`.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The method's rate limit is spent. Either Slack said so (HTTP 429, or `"ok": false` with
    /// `ratelimited` and a `Retry-After` header), or the call was not sent because waiting for
    /// the rate limiter, or for a pause Slack ordered earlier, would pass its retry budget
    /// ([`RetryPolicy::budget`](crate::RetryPolicy::budget)); `status` tells which.
    #[error("{method}: {}{}", RateLimitedBy(*.status), RetryAfter(*.retry_after))]
    RateLimited {
        /// The method that was called.
        method: &'static str,
        /// How long to wait before the method can be called again: Slack's `Retry-After` as it
        /// was sent (a number too large to count is `u64::MAX` seconds), or the wait the client
        /// would have needed.
        retry_after: Option<Duration>,
        /// The HTTP status of Slack's answer (429, or the status of the `ok: false` answer);
        /// `None` when the client did not send the call.
        status: Option<u16>,
    },
    /// The call was not sent: its rate limit is kept in a shared store
    /// ([`SharedLimits`](crate::SharedLimits)) that failed (it cannot be reached, or refuses the
    /// client, as with a wrong password), and the client is set to
    /// fail calls meanwhile ([`StoreFailure::Fail`](crate::StoreFailure::Fail)) rather than pace
    /// them in this process alone. What failed is the `source()`.
    #[error("{method}: not sent: the shared rate-limit store failed")]
    RateLimitStore {
        /// The method that was called.
        method: &'static str,
        /// What failed.
        #[source]
        source: crate::store::StoreError,
    },
    /// Slack answered with an HTTP status that is not a success and no Slack error in the body.
    #[error("{method}: HTTP {status}; body starts {excerpt:?}")]
    Http {
        /// The method that was called.
        method: &'static str,
        /// The HTTP status code.
        status: u16,
        /// The first bytes of the body, as text.
        excerpt: String,
    },
    /// The response body was not the JSON Slack sends: empty, cut short, not JSON, not Slack's
    /// envelope, or larger than the client's limit.
    #[error("{method}: could not decode the response (HTTP {status}): {reason}; body starts {excerpt:?}")]
    Decode {
        /// The method that was called.
        method: &'static str,
        /// The HTTP status code.
        status: u16,
        /// What was wrong with the body, in a few words (the JSON error is the `source()`).
        reason: String,
        /// The first bytes of the body, as text.
        excerpt: String,
        /// The JSON error, where there is one.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// Slack answered `"ok": true`, but its data does not fit the method's response type.
    /// Unlike [`Error::Decode`], this is never retried: the same answer would not fit again.
    /// The JSON error (which field, where) is the `source()`.
    #[error("{method}: the answer (HTTP {status}, `\"ok\": true`) does not fit `{type_name}`; body starts {excerpt:?}")]
    ResponseMismatch {
        /// The method that was called.
        method: &'static str,
        /// The HTTP status code.
        status: u16,
        /// The name of the response type (without its path).
        type_name: &'static str,
        /// The first bytes of the body, as text.
        excerpt: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// An attempt's request or response took longer than the attempt timeout, counted from
    /// the moment the request started to go out on an open connection (see
    /// [`ClientBuilder::timeout`](crate::ClientBuilder::timeout)). A connection that cannot be
    /// opened in time is [`Error::Transport`] with `connect: true` instead. When a read was
    /// retried after a timeout, the whole call took longer than `after`: the message names the
    /// attempt timeout, not the call's duration.
    #[error("{method}: no answer within the attempt timeout ({after:?})")]
    Timeout {
        /// The method that was called.
        method: &'static str,
        /// The timeout that ran out.
        after: Duration,
    },
    /// The connection failed (refused, not opened within the connect timeout, reset, TLS). The
    /// message says which side of sending it failed on; the underlying failure is the error's
    /// `source()`, not repeated in the message.
    #[error(
        "{method}: {}",
        if *connect { "could not connect to Slack" } else { "the connection to Slack failed" }
    )]
    Transport {
        /// The method that was called.
        method: &'static str,
        /// Whether the connection could not even be opened (refused, DNS, TLS handshake, or
        /// not open within the connect timeout), so nothing was sent.
        connect: bool,
        /// The underlying failure.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Slack gave, as the next page's cursor, a cursor it had given before: following it would
    /// page forever, so paging stopped (after the page that gave it).
    #[error("{method}: Slack gave the cursor `{cursor}` a second time; paging stopped there")]
    RepeatedCursor {
        /// The method that was paged.
        method: &'static str,
        /// The cursor given again.
        cursor: String,
    },
    /// The client, or a request, could not be set up as configured.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// What is wrong with a client's configuration, or with what a request would be built from.
///
/// ```
/// use slack_methods_runtime::{Error, Token};
/// fn token() -> Result<Token, Error> {
///     Ok(Token::new("")?) // a `TokenError` is a configuration error
/// }
/// assert_eq!(token().unwrap_err().to_string(), "the token is empty");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The base URL cannot be used. It is shown without query, fragment and credentials, so a
    /// token pasted there does not reach a log.
    #[error("base URL `{url}` {problem}")]
    BaseUrl {
        /// The URL, without query, fragment and credentials.
        url: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A token's text cannot be used.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// TLS could not be set up.
    #[error("cannot set up TLS")]
    Tls(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A setting of the client or of a call cannot be used, such as a zero
    /// [`timeout`](crate::ClientBuilder::timeout) or a
    /// [`user_agent_prefix`](crate::ClientBuilder::user_agent_prefix) with a line break.
    #[error("`{setting}` {problem}")]
    Setting {
        /// The setting, by the name of the method that sets it.
        setting: &'static str,
        /// What is wrong with it, and what to give instead.
        problem: &'static str,
    },
    /// The request for a method could not be built (its name or parameters make no valid URL).
    #[error("cannot build the request for `{method}`")]
    Request {
        /// The method.
        method: &'static str,
        /// Why.
        #[source]
        source: http::Error,
    },
}

impl From<TokenError> for Error {
    fn from(error: TokenError) -> Self {
        Error::Config(ConfigError::Token(error))
    }
}

struct RateLimitedBy(Option<u16>);

impl fmt::Display for RateLimitedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(429) => f.write_str("rate limited by Slack (HTTP 429)"),
            Some(status) => write!(f, "rate limited by Slack (`ratelimited`, HTTP {status})"),
            None => f.write_str("not sent: waiting for the rate limit would pass the retry budget"),
        }
    }
}

struct RetryAfter(Option<Duration>);

/// `wait` in whole seconds, rounded up: a wait of 0.3 s is 1 s, not 0 (waiting 0 s would be
/// refused again).
fn seconds_up(wait: Duration) -> u64 {
    wait.as_secs()
        .saturating_add(u64::from(wait.subsec_nanos() > 0))
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(wait) => write!(f, "; retry after {}s", seconds_up(wait)),
            None => Ok(()),
        }
    }
}

impl Error {
    /// The method the failed call was for (`None` only for [`Error::Config`]).
    pub fn method(&self) -> Option<&'static str> {
        match self {
            Error::InvalidRequest { method, .. }
            | Error::Encode { method, .. }
            | Error::MissingToken { method }
            | Error::RateLimited { method, .. }
            | Error::RateLimitStore { method, .. }
            | Error::Http { method, .. }
            | Error::Decode { method, .. }
            | Error::ResponseMismatch { method, .. }
            | Error::Timeout { method, .. }
            | Error::Transport { method, .. }
            | Error::RepeatedCursor { method, .. } => Some(method),
            Error::Api(api) => Some(api.method),
            Error::Config(_) => None,
        }
    }

    /// Slack's error code, when Slack answered `"ok": false`.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Api(api) => Some(&api.code),
            _ => None,
        }
    }

    /// The wait before the method can be called again, for [`Error::RateLimited`]: the
    /// `Retry-After` Slack sent, or the wait the client would have needed.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// [`retry_after`](Self::retry_after) in whole seconds, rounded up, as the error's message
    /// gives it: a wait of 63.2 s is 64 (one who waits 63 s is refused again).
    ///
    /// ```
    /// use slack_methods_runtime::Error;
    /// use std::time::Duration;
    /// let refused = Error::RateLimited {
    ///     method: "users.list",
    ///     retry_after: Some(Duration::from_millis(63_200)),
    ///     status: Some(429),
    /// };
    /// assert_eq!(refused.retry_after_seconds(), Some(64));
    /// assert!(refused.to_string().ends_with("retry after 64s"));
    /// ```
    pub fn retry_after_seconds(&self) -> Option<u64> {
        self.retry_after().map(seconds_up)
    }

    /// Whether Slack may have applied the call although it failed: the request may have reached
    /// Slack and no answer says Slack refused it. That is a timeout, a connection that failed
    /// after sending, an HTTP 5xx, an unreadable answer, or Slack's `fatal_error`,
    /// `internal_error`, `request_timeout` or `service_unavailable`; and an `"ok": true` whose
    /// data did not fit ([`Error::ResponseMismatch`]), which Slack did apply. A write that failed
    /// so may apply twice if sent again: read what it would have changed first. The client
    /// retries these only for reads, or with [`RetryPolicy::retry_writes`](crate::RetryPolicy::retry_writes).
    ///
    /// ```
    /// use slack_methods_runtime::Error;
    /// use std::time::Duration;
    /// let timeout = Error::Timeout { method: "chat.postMessage", after: Duration::from_secs(30) };
    /// assert!(timeout.may_have_been_applied());
    /// let refused = Error::RateLimited { method: "chat.postMessage", retry_after: None, status: Some(429) };
    /// assert!(!refused.may_have_been_applied());
    /// ```
    pub fn may_have_been_applied(&self) -> bool {
        match self {
            Error::Timeout { .. } | Error::Decode { .. } | Error::ResponseMismatch { .. } => true,
            Error::Transport { connect, .. } => !connect,
            Error::Http { status, .. } => *status >= 500,
            Error::Api(api) => matches!(
                api.code,
                ErrorCode::FatalError
                    | ErrorCode::InternalError
                    | ErrorCode::RequestTimeout
                    | ErrorCode::ServiceUnavailable
            ),
            _ => false,
        }
    }

    /// The API error, when Slack answered `"ok": false`.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

/// Slack's answer `"ok": false`, with everything it said.
///
/// `Debug` shows the first bytes of [`raw`](ApiError::raw) and its length, not the whole body.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The method that was called.
    pub method: &'static str,
    /// Slack's `error` code.
    pub code: ErrorCode,
    /// For `missing_scope`: the scope(s) Slack says the call needs.
    pub needed: Option<String>,
    /// For `missing_scope`: the scopes the token has.
    pub provided: Option<String>,
    /// The scopes the binding declares for the method (any one of them allows the call).
    pub declared_scopes: &'static [&'static str],
    /// Warnings Slack sent along (`warning` and `response_metadata.warnings`).
    pub warnings: Vec<String>,
    /// Detail messages (`response_metadata.messages`), e.g. for `invalid_arguments`.
    pub messages: Vec<String>,
    /// Slack's `detail`, which some methods send beside the code to say what was wrong (the
    /// canvas methods: `canvas_creation_failed` with the line of the content it could not
    /// take).
    pub detail: Option<String>,
    /// The HTTP status code (Slack uses 200 for most errors).
    pub status: u16,
    /// The scopes Slack named in the response's headers.
    pub scopes: ScopeHeaders,
    /// The whole response body, as text.
    pub raw: String,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: Slack answered `{}`", self.method, self.code)?;
        if self.code == ErrorCode::MissingScope {
            if let Some(needed) = &self.needed {
                write!(f, "; needed: {needed}")?;
            }
            if let Some(provided) = &self.provided {
                write!(f, "; the token has: {provided}")?;
            }
            if !self.declared_scopes.is_empty() {
                write!(
                    f,
                    "; the binding accepts any of: {}",
                    self.declared_scopes.join(", ")
                )?;
            }
        }
        for message in &self.messages {
            write!(f, "; {message}")?;
        }
        if let Some(detail) = &self.detail {
            write!(f, "; {detail}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("method", &self.method)
            .field("code", &self.code)
            .field("needed", &self.needed)
            .field("provided", &self.provided)
            .field("declared_scopes", &self.declared_scopes)
            .field("warnings", &self.warnings)
            .field("messages", &self.messages)
            .field("detail", &self.detail)
            .field("status", &self.status)
            .field("scopes", &self.scopes)
            .field("raw", &Excerpt(&self.raw))
            .finish()
    }
}

/// A long text in `Debug`: its first bytes (cut at a character boundary) and its length.
struct Excerpt<'a>(&'a str);

impl fmt::Debug for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        if text.len() <= crate::response::EXCERPT_LEN {
            return fmt::Debug::fmt(text, f);
        }
        let mut cut = crate::response::EXCERPT_LEN;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        write!(f, "{:?}… ({} bytes)", &text[..cut], text.len())
    }
}

macro_rules! error_codes {
    ($($variant:ident => $code:literal, $doc:literal;)*) => {
        /// A Slack error code. Codes this crate knows are variants; any other is kept in
        /// [`ErrorCode::Other`].
        ///
        /// ```
        /// use slack_methods_runtime::ErrorCode;
        /// assert_eq!(ErrorCode::from("missing_scope"), ErrorCode::MissingScope);
        /// assert_eq!(ErrorCode::from("brand_new").as_str(), "brand_new");
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $(#[doc = $doc] $variant,)*
            /// A code this crate does not know yet.
            Other(String),
        }

        impl ErrorCode {
            /// The code as Slack writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                    ErrorCode::Other(code) => code,
                }
            }
        }

        /// Every code with a variant, in declaration order.
        #[cfg(test)]
        const KNOWN_CODES: &[&str] = &[$($code),*];

        impl From<&str> for ErrorCode {
            fn from(code: &str) -> Self {
                match code {
                    $($code => ErrorCode::$variant,)*
                    other => ErrorCode::Other(other.to_owned()),
                }
            }
        }
    };
}

error_codes! {
    NotAuthed => "not_authed", "No token was sent.";
    InvalidAuth => "invalid_auth", "The token is not valid.";
    AccountInactive => "account_inactive", "The token's user or workspace is deactivated.";
    TokenRevoked => "token_revoked", "The token was revoked.";
    TokenExpired => "token_expired", "The token expired.";
    NoPermission => "no_permission", "The token lacks a permission the call needs.";
    MissingScope => "missing_scope", "The token lacks the scope the method needs (see `needed`/`provided`).";
    NotAllowedTokenType => "not_allowed_token_type", "This kind of token cannot call the method.";
    OrgLoginRequired => "org_login_required", "The workspace is migrating to an Enterprise Grid org.";
    TeamAddedToOrg => "team_added_to_org", "The workspace was added to an org; reconnect.";
    EkmAccessDenied => "ekm_access_denied", "Administrators have suspended access.";
    AccessDenied => "access_denied", "Access to the resource was denied.";
    UserIsBot => "user_is_bot", "Bot users cannot call the method.";
    NotAdmin => "not_admin", "Only admins can do this.";
    NotAppAdmin => "not_app_admin", "Only app admins can do this.";
    CannotUpdateAdminUser => "cannot_update_admin_user", "Only a primary owner can change an admin's profile.";
    InvalidProfile => "invalid_profile", "The profile is not valid JSON or has invalid fields.";
    ReservedName => "reserved_name", "The display name is reserved.";
    ProfileSetFailed => "profile_set_failed", "Slack failed to set the profile.";
    UserNotFound => "user_not_found", "No such user.";
    InvalidArguments => "invalid_arguments", "Arguments are missing or invalid (see `messages`).";
    InvalidArgName => "invalid_arg_name", "An argument name is not valid.";
    InvalidArrayArg => "invalid_array_arg", "A form field was sent as an array.";
    InvalidCharset => "invalid_charset", "The charset is not valid.";
    InvalidFormData => "invalid_form_data", "The form data is not valid.";
    InvalidPostType => "invalid_post_type", "The content type is not one Slack accepts.";
    MissingPostType => "missing_post_type", "The request had no content type.";
    InvalidJson => "invalid_json", "The JSON body is not valid.";
    JsonNotObject => "json_not_object", "The JSON body is not an object.";
    UpgradeRequired => "upgrade_required", "The app must be upgraded.";
    MethodDeprecated => "method_deprecated", "The method is deprecated.";
    DeprecatedEndpoint => "deprecated_endpoint", "The endpoint is deprecated.";
    UnknownMethod => "unknown_method", "Slack does not know the method.";
    Ratelimited => "ratelimited", "The rate limit was exceeded.";
    RateLimited => "rate_limited", "The rate limit was exceeded (older spelling).";
    RequestTimeout => "request_timeout", "Slack timed out processing the request.";
    FatalError => "fatal_error", "Slack failed to process the request.";
    InternalError => "internal_error", "Slack hit an internal error.";
    ServiceUnavailable => "service_unavailable", "Slack is unavailable.";
    TwoFactorSetupRequired => "two_factor_setup_required", "Two-factor setup is required.";
    ChannelNotFound => "channel_not_found", "No such conversation, or the token cannot see it.";
    NotInChannel => "not_in_channel", "The token's user or bot is not a member of the conversation.";
    IsArchived => "is_archived", "The conversation is archived.";
    MethodNotSupportedForChannelType => "method_not_supported_for_channel_type", "The method does not apply to this kind of conversation.";
    UserIsRestricted => "user_is_restricted", "Guest accounts cannot do this.";
    RestrictedAction => "restricted_action", "A workspace preference forbids this.";
    MessageNotFound => "message_not_found", "No such message.";
    ThreadNotFound => "thread_not_found", "No such thread.";
    NoText => "no_text", "The message has nothing to show: no text, blocks or attachments.";
    MsgTooLong => "msg_too_long", "The message text is too long.";
    TooManyAttachments => "too_many_attachments", "The message has too many attachments.";
    CantUpdateMessage => "cant_update_message", "The message cannot be edited by this token.";
    CantDeleteMessage => "cant_delete_message", "The message cannot be deleted by this token.";
    EditWindowClosed => "edit_window_closed", "The message is too old to be edited.";
    InvalidTime => "invalid_time", "The time is not valid.";
    TimeInPast => "time_in_past", "The time is in the past.";
    TimeTooFar => "time_too_far", "The time is too far in the future.";
    UserNotInChannel => "user_not_in_channel", "The user is not a member of the conversation.";
    InvalidName => "invalid_name", "The name is not valid.";
    NameTaken => "name_taken", "A conversation already has that name.";
    AlreadyInChannel => "already_in_channel", "The user is already a member of the conversation.";
    CantInvite => "cant_invite", "The user cannot be invited.";
    CantInviteSelf => "cant_invite_self", "The token's own user cannot be invited.";
    TooManyUsers => "too_many_users", "Too many users were given.";
    UserNotVisible => "user_not_visible", "The token cannot see the user.";
    UsersNotFound => "users_not_found", "No user has that email address.";
    InvalidCursor => "invalid_cursor", "The cursor is not valid (it may have expired).";
    InvalidLimit => "invalid_limit", "The page limit is not valid.";
    NoItemSpecified => "no_item_specified", "No message, file or file comment was given.";
    BadTimestamp => "bad_timestamp", "The message timestamp is not valid.";
    AlreadyReacted => "already_reacted", "The reaction is already there.";
    NoReaction => "no_reaction", "There is no such reaction to remove.";
    AlreadyPinned => "already_pinned", "The item is already pinned.";
    NotPinnable => "not_pinnable", "The item cannot be pinned.";
    FileNotFound => "file_not_found", "No such file.";
    FileDeleted => "file_deleted", "The file was deleted.";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &code in KNOWN_CODES {
            assert!(seen.insert(code), "{code} has two variants");
            assert_eq!(ErrorCode::from(code).as_str(), code);
            assert!(!matches!(ErrorCode::from(code), ErrorCode::Other(_)));
        }
        assert_eq!(
            ErrorCode::from("channel_not_found"),
            ErrorCode::ChannelNotFound
        );
        assert_eq!(
            ErrorCode::from("new_code"),
            ErrorCode::Other("new_code".into())
        );
    }

    #[test]
    fn transport_display_leaves_the_cause_to_source() {
        use std::error::Error as _;
        let err = Error::Transport {
            method: "auth.test",
            connect: true,
            source: "connection refused".into(),
        };
        assert_eq!(err.to_string(), "auth.test: could not connect to Slack");
        assert_eq!(
            err.source().map(ToString::to_string).as_deref(),
            Some("connection refused")
        );
    }

    #[test]
    fn rate_limited_display() {
        let err = Error::RateLimited {
            method: "users.profile.set",
            retry_after: Some(Duration::from_secs(3)),
            status: Some(429),
        };
        assert_eq!(
            err.to_string(),
            "users.profile.set: rate limited by Slack (HTTP 429); retry after 3s"
        );
        let err = Error::RateLimited {
            method: "users.profile.set",
            retry_after: Some(Duration::from_secs(3)),
            status: Some(200),
        };
        assert_eq!(
            err.to_string(),
            "users.profile.set: rate limited by Slack (`ratelimited`, HTTP 200); retry after 3s"
        );
        let err = Error::RateLimited {
            method: "users.profile.set",
            retry_after: Some(Duration::from_millis(29_500)),
            status: None,
        };
        assert_eq!(
            err.to_string(),
            "users.profile.set: not sent: waiting for the rate limit would pass the retry budget; \
             retry after 30s"
        );
    }

    #[test]
    fn api_error_debug_shows_an_excerpt_of_the_body() {
        let api = ApiError {
            method: "m.x",
            code: ErrorCode::from("invalid_arguments"),
            needed: None,
            provided: None,
            declared_scopes: &[],
            warnings: vec![],
            messages: vec![],
            detail: None,
            status: 200,
            scopes: ScopeHeaders::default(),
            raw: format!("{{\"ok\":false,\"x\":\"{}\"}}", "é".repeat(100_000)),
        };
        let shown = format!("{api:?}");
        assert!(shown.len() < 1_000, "{} bytes", shown.len());
        assert!(shown.contains("(200019 bytes)"), "{shown}");
        assert!(shown.contains("InvalidArguments"), "{shown}");
        let short = ApiError {
            raw: "{}".into(),
            ..api
        };
        assert!(format!("{short:?}").contains(r#"raw: "{}""#));
    }
}
