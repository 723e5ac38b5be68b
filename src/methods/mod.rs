//! The bindings this crate ships, one module per Slack method family.
//!
//! Each is an ordinary `#[slack_method]` struct, the same as one a user would write.

pub mod auth;
pub mod users;

use crate::MethodFacts;

pub use auth::{AuthTest, AuthTestResponse};
pub use users::profile::{
    UsersProfileGet, UsersProfileGetResponse, UsersProfileSet, UsersProfileSetResponse,
};

/// The facts of every bundled binding (name, verb, scopes, tier, whether it writes), for code
/// that handles methods by name: the emulator serves them, a registry lists them.
///
/// ```
/// use slack_methods::methods::{UsersProfileSet, ALL};
/// use slack_methods::SlackMethod;
/// assert!(ALL.iter().any(|facts| facts.name == UsersProfileSet::NAME));
/// ```
pub const ALL: &[MethodFacts] = &[
    MethodFacts::of::<AuthTest>(),
    MethodFacts::of::<UsersProfileGet>(),
    MethodFacts::of::<UsersProfileSet>(),
];
