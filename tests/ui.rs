//! Compile-time behaviour of `#[slack_method]`: each `ui/fail` case is one mistake with its
//! reviewed diagnostic (`.stderr`); each `ui/pass` case compiles and runs.
//!
//! The snapshots hold rustc's own wording around the macro's messages, which changes between
//! releases, so they are checked with the compiler they were made with (CI's) and skipped with
//! any other; the rest of the test suite runs on every compiler from the crates' `rust-version`.

#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the ui snapshots hold rustc 1.95's wording; run them with rustc 1.95"
)]
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
