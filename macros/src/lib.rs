//! The `#[slack_method]` attribute (work in progress).
