//! Typed, checked bindings of Slack Web API methods, generated from plain structs.
//!
//! ```ignore
//! use slack_methods::slack_method;
//!
//! #[slack_method("users.profile.set")]
//! pub struct UsersProfileSet { /* the method's parameters */ }
//! ```
//!
//! (Crate docs are being written.)

#![forbid(unsafe_code)]

extern crate self as slack_methods;

pub use slack_methods_macros::slack_method;
pub use slack_methods_runtime::*;

/// The runtime crate, for paths such as `slack_methods::runtime::emulator`.
pub use slack_methods_runtime as runtime;

pub mod methods;
pub mod types;

#[doc(hidden)]
pub use slack_methods_runtime::__private;
