//! The [`SlackMethod`] trait: everything the runtime needs to know about one Web API method.

use crate::form::{EncodeError, FormEncoder};
use serde::de::DeserializeOwned;
use std::fmt;

/// The HTTP verb a method is called with.
///
/// `Post` sends the parameters as an `application/x-www-form-urlencoded` body; `Get` sends them
/// as the query string. The token always travels in the `Authorization` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HttpVerb {
    /// `GET {base}{method}?{params}`
    Get,
    /// `POST {base}{method}` with a form body.
    Post,
}

impl HttpVerb {
    /// The verb as it appears on the wire (`"GET"`, `"POST"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            HttpVerb::Get => "GET",
            HttpVerb::Post => "POST",
        }
    }
}

impl fmt::Display for HttpVerb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Slack's rate-limit tier of a method.
///
/// Slack counts calls per method per workspace. The documented allowances are about 1 call a
/// minute for Tier 1, 20 for Tier 2, 50 for Tier 3 and 100 for Tier 4; special tiers have limits
/// of their own (`chat.postMessage`: about one message a second per channel).
/// [`calls_per_minute`](RateLimitTier::calls_per_minute) is the one place these numbers are
/// written: the client's limiter paces by it, and the emulator enforces it.
///
/// ```
/// use slack_methods_runtime::RateLimitTier;
/// assert_eq!(RateLimitTier::Tier3.calls_per_minute(), Some(50));
/// assert_eq!(RateLimitTier::Special("chat.postMessage").calls_per_minute(), Some(60));
/// assert_eq!(RateLimitTier::Unknown.calls_per_minute(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RateLimitTier {
    /// About 1 call a minute.
    Tier1,
    /// About 20 calls a minute.
    Tier2,
    /// About 50 calls a minute.
    Tier3,
    /// About 100 calls a minute.
    Tier4,
    /// A limit of its own, named after the method that has it.
    Special(&'static str),
    /// Not known (a method newer than the catalog whose binding did not say).
    Unknown,
}

impl RateLimitTier {
    /// The calls a minute Slack allows: the documented allowance of tiers 1 to 4;
    /// `chat.postMessage`'s about one message a second (per channel); other special tiers, which
    /// Slack allows generously, as much as Tier 4. `None` when the tier is unknown.
    pub fn calls_per_minute(self) -> Option<u32> {
        match self {
            RateLimitTier::Tier1 => Some(1),
            RateLimitTier::Tier2 => Some(20),
            RateLimitTier::Tier3 => Some(50),
            RateLimitTier::Tier4 => Some(100),
            RateLimitTier::Special("chat.postMessage") => Some(60),
            RateLimitTier::Special(_) => RateLimitTier::Tier4.calls_per_minute(),
            RateLimitTier::Unknown => None,
        }
    }

    /// The parameter whose values Slack counts the limit for separately, if any:
    /// `chat.postMessage`'s limit is about one message a second *per channel*, so posting to
    /// twenty channels is twenty allowances.
    ///
    /// ```
    /// use slack_methods_runtime::RateLimitTier;
    /// assert_eq!(RateLimitTier::Special("chat.postMessage").limited_per(), Some("channel"));
    /// assert_eq!(RateLimitTier::Tier3.limited_per(), None);
    /// ```
    pub fn limited_per(self) -> Option<&'static str> {
        match self {
            RateLimitTier::Special("chat.postMessage") => Some("channel"),
            _ => None,
        }
    }
}

impl fmt::Display for RateLimitTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateLimitTier::Tier1 => f.write_str("Tier 1"),
            RateLimitTier::Tier2 => f.write_str("Tier 2"),
            RateLimitTier::Tier3 => f.write_str("Tier 3"),
            RateLimitTier::Tier4 => f.write_str("Tier 4"),
            RateLimitTier::Special(name) => write!(f, "special tier of {name}"),
            RateLimitTier::Unknown => f.write_str("unknown tier"),
        }
    }
}

/// The facts of one method as a value: what a [`SlackMethod`] impl says in its consts, for code
/// that handles methods by name (an emulator serving them, a registry listing them).
///
/// ```
/// use slack_methods_runtime::{EncodeError, FormEncoder, HttpVerb, MethodFacts, RateLimitTier, SlackMethod};
/// struct Ping;
/// impl SlackMethod for Ping {
///     const NAME: &'static str = "api.test";
///     const VERB: HttpVerb = HttpVerb::Post;
///     const SCOPES: &'static [&'static str] = &[];
///     const TIER: RateLimitTier = RateLimitTier::Tier4;
///     const WRITES: bool = false;
///     type Response = serde_json::Value;
///     fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
///         Ok(())
///     }
/// }
/// const PING: MethodFacts = MethodFacts::of::<Ping>();
/// assert_eq!((PING.name, PING.tier, PING.writes), ("api.test", RateLimitTier::Tier4, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct MethodFacts {
    /// [`SlackMethod::NAME`].
    pub name: &'static str,
    /// [`SlackMethod::VERB`].
    pub verb: HttpVerb,
    /// [`SlackMethod::SCOPES`]: any one of them allows the call.
    pub scopes: &'static [&'static str],
    /// [`SlackMethod::TIER`].
    pub tier: RateLimitTier,
    /// [`SlackMethod::WRITES`].
    pub writes: bool,
    /// [`SlackMethod::PAGINATED`].
    pub paginated: bool,
    /// [`SlackMethod::DEPRECATED`].
    pub deprecated: bool,
}

impl MethodFacts {
    /// The facts of `M`, read from its consts.
    pub const fn of<M: SlackMethod>() -> MethodFacts {
        MethodFacts {
            name: M::NAME,
            verb: M::VERB,
            scopes: M::SCOPES,
            tier: M::TIER,
            writes: M::WRITES,
            paginated: M::PAGINATED,
            deprecated: M::DEPRECATED,
        }
    }
}

/// A request rejected before it was sent, because it breaks a rule of its method.
///
/// Bindings return it from [`SlackMethod::validate`]; the client turns it into
/// [`Error::InvalidRequest`](crate::Error::InvalidRequest) and sends nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRequest {
    reason: String,
}

impl InvalidRequest {
    /// A rejection with a reason written for the caller, e.g. "`name` needs `value`".
    pub fn new(reason: impl Into<String>) -> Self {
        InvalidRequest {
            reason: reason.into(),
        }
    }

    /// Why the request was rejected.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for InvalidRequest {}

/// One Slack Web API method: its metadata, its response type and how its parameters are encoded.
///
/// Implement it with the `#[slack_method("family.method")]` attribute of the `slack-methods`
/// crate rather than by hand: the attribute checks the method name, the scopes and every field
/// at compile time.
pub trait SlackMethod {
    /// The method name, e.g. `"users.profile.set"`.
    const NAME: &'static str;
    /// The HTTP verb the method is called with.
    const VERB: HttpVerb;
    /// The OAuth scopes that allow the call; any one of them is enough. Empty when the method
    /// needs no scope.
    const SCOPES: &'static [&'static str];
    /// The method's rate-limit tier.
    const TIER: RateLimitTier;
    /// Whether the method changes state on Slack's side. A write is never retried after it may
    /// have reached Slack unless the caller opts in.
    const WRITES: bool;
    /// Whether the method pages its results with `cursor` / `response_metadata.next_cursor`.
    const PAGINATED: bool = false;
    /// Whether Slack has deprecated the method.
    const DEPRECATED: bool = false;

    /// The body of a successful (`"ok": true`) response.
    type Response: DeserializeOwned;

    /// Checks rules that span several parameters. Runs before any I/O.
    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }

    /// Writes the parameters as form pairs. `None` values are left out.
    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError>;
}
