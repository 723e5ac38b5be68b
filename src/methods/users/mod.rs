//! The `users.*` family.

pub mod profile;
