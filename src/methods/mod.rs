//! The bindings this crate ships, one module per Slack method family.
//!
//! Each is an ordinary `#[slack_method]` struct, the same as one a user would write.

pub mod auth;
pub mod users;

pub use auth::{AuthTest, AuthTestResponse};
pub use users::profile::{
    UsersProfileGet, UsersProfileGetResponse, UsersProfileSet, UsersProfileSetResponse,
};
