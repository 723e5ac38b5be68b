//! Compile-time behaviour of `#[slack_method]`: each `ui/fail` case is one mistake with its
//! reviewed diagnostic (`.stderr`); each `ui/pass` case compiles and runs.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
