//! The runtime of [slack-methods](https://docs.rs/slack-methods): the [`SlackMethod`] trait, form
//! encoding, sans-IO request building and response parsing, errors, tokens, typed ids, the shared
//! Slack object types ([`types`]), the HTTP [`Client`] (hyper and rustls) with its rate
//! limiter, retry policy and pagination, rate limits shared by several processes through a store
//! ([`SharedLimits`]; with cargo feature `redis`, `RedisStore`), and the tool view of a binding
//! ([`SlackTool`]: a name, a description and a JSON Schema of the parameters, for agents that call
//! methods by name). The loopback Slack emulator the tests and examples use is its own crate,
//! `slack-methods-emulator`.
//!
//! Most users depend on `slack-methods`, which re-exports all of this and adds the
//! `#[slack_method]` attribute.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod client;
mod envelope;
mod error;
mod form;
#[cfg(feature = "gzip")]
mod gunzip;
mod ids;
mod limiter;
mod method;
mod paging;
#[cfg(feature = "redis")]
mod redis_store;
mod request;
mod response;
mod retry;
mod store;
mod token;
mod tool;
mod transport;
pub mod types;
mod upload;

pub use client::{CallOptions, Client, ClientBuilder, USER_AGENT};
pub use error::{ApiError, ConfigError, Error, ErrorCode};
pub use form::{EncodeError, FormEncoder, FormFile, FormFileValue, FormValue};
pub use ids::{
    AppId, BotId, CallId, ChannelId, ChannelRef, EnterpriseId, FileId, IdError, TeamId, UserId,
    UsergroupId, ViewId,
};
pub use limiter::{RateLimiter, RateLimits, Refused};
pub use method::{HttpVerb, InvalidRequest, MethodFacts, RateLimitTier, SlackMethod};
pub use paging::{CursorPaginated, NumberPaginated, PageItems};
#[cfg(feature = "redis")]
pub use redis_store::RedisStore;
pub use request::{build_request, encode_params, BaseUrl, RequestBody, FORM_CONTENT_TYPE};
pub use response::{parse_response, ScopeHeaders, SlackResponse};
pub use retry::RetryPolicy;
pub use store::{
    Admission, RateLimitStore, SharedLimits, StoreError, StoreFailure, StoreFuture, StoreKey,
    StoreRequest,
};
pub use token::{Token, TokenError, TokenKind, SECRET_NAMES};
pub use tool::{
    check_arguments, check_value, is_destructive, normalize_numbers, nullable, object_schema,
    operation_id, ArgumentError, ParamKind, ParamSchema, SlackTool, ToolFacts, ToolParam,
    ValueError, DESTRUCTIVE_WORDS, SCHEMA_DIALECT,
};
pub use upload::{SendError, UploadBody, DEFAULT_UPLOAD_IDLE_TIMEOUT, UPLOAD_CHUNK};

/// Items used by code that `#[slack_method]` generates, and by the `slack-methods` crate itself.
/// Not a public API: names here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::form::{EncodeError, FormEncoder, FormValue};
    pub use crate::method::{HttpVerb, InvalidRequest, RateLimitTier, SlackMethod};
    pub use crate::paging::CursorPaginated;
    pub use crate::tool::{KindOf, ParamKind, ParamOf, SlackTool, ToolParam};
    pub use crate::upload::check_idle_timeout;
    // The primitive types the generated code names, by a path a user's own `bool` or `str`
    // cannot shadow.
    pub use core::option::Option;
    pub use core::primitive::{bool, str};
    pub use core::result::Result;
    pub use serde::Serialize;

    /// The response of a binding that names no response type: every field Slack sent.
    pub type UntypedResponse = serde_json::Map<String, serde_json::Value>;
}
