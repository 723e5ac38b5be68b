//! Typed, checked bindings of Slack Web API methods, generated from plain structs.
//!
//! Annotate a struct whose fields are a method's parameters, and [`slack_method`] makes it a
//! complete binding: a [`SlackMethod`] impl with the method's name, HTTP verb, OAuth scopes,
//! rate-limit tier and response type as consts, and the form encoding of every field. Mistakes
//! it can see are compile errors at the token that is wrong.
//!
//! ```
//! use slack_methods::{encode_params, slack_method, SlackMethod, UserId};
//!
//! /// `users.profile.set`, bound by hand (the crate also ships it: [`methods::UsersProfileSet`]).
//! #[slack_method("users.profile.set", scope = "users.profile:write", tier = 3)]
//! pub struct SetOneField {
//!     pub name: String,
//!     pub value: String,
//!     pub user: Option<UserId>,
//! }
//!
//! let call = SetOneField { name: "title".into(), value: "Conductor".into(), user: None };
//! assert_eq!(encode_params(&call)?, "name=title&value=Conductor");
//! assert_eq!(SetOneField::SCOPES, ["users.profile:write"]);
//! # Ok::<(), slack_methods::Error>(())
//! ```
//!
//! Send it with a [`Client`], which puts the token in the `Authorization: Bearer` header, paces
//! calls by the method's tier, retries what is safe to retry, and returns the typed response or
//! an [`Error`]:
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use slack_methods::methods::UsersProfileSet;
//! use slack_methods::types::ProfileUpdate;
//! use slack_methods::{Client, Token};
//!
//! let client = Client::new(Token::new(std::env::var("SLACK_TOKEN")?)?)?;
//! let update = ProfileUpdate::new().status("riding a train", ":mountain_railway:", 0);
//! let answer = client.call(&UsersProfileSet::profile(update)).await?;
//! println!("{} now shows {:?}", answer.username, answer.profile.status_text);
//! # Ok(()) }
//! ```
//!
//! - [`methods`]: the bindings this crate ships.
//! - [`types`]: response and request types shared by several methods.
//! - `tools` (cargo feature `tools`): every binding as a tool an agent calls by name with JSON
//!   arguments ([`SlackTool`]: a name such as `usersProfileSet`, a description, a JSON Schema).
//! - [`upload`]: a file upload in one call, `client.upload_file(..)` ([`UploadFile`]).
//! - A Slack server on 127.0.0.1 for offline tests is the `slack-methods-emulator` crate, a
//!   dev-dependency; it serves the bundled bindings given [`methods::ALL`].
//! - Everything else is the runtime, re-exported: [`Client`], [`Error`], [`Token`], the typed
//!   ids, [`build_request`] and [`parse_response`] for sans-IO use.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate self as slack_methods;

pub use slack_methods_macros::slack_method;
pub use slack_methods_runtime::*;

/// The runtime crate, for paths such as `slack_methods::runtime::Client`.
pub use slack_methods_runtime as runtime;

pub mod methods;
#[cfg(feature = "tools")]
pub mod tools;
pub mod upload;

pub use upload::UploadFile;

/// The shared Slack object types (messages, users, conversations, files, views, ...), which live
/// in the runtime crate.
pub use slack_methods_runtime::types;

/// Items used by code that `#[slack_method]` generates: the runtime's, and the derive the
/// attribute hands the struct to. Not a public API: names here change without notice.
#[doc(hidden)]
pub mod __private {
    pub use slack_methods_macros::SlackMethod;
    pub use slack_methods_runtime::__private::*;
}

/// The README's Rust examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
