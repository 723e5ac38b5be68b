//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The reference data folder `../shared`, next to the repository.
///
/// Returns `None` (after saying so) when it is absent, so tests that read it skip; under
/// `CI=true` an absent folder fails the test instead, since CI must check against the real data.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !ci,
        "reference data missing: {} is absent, and CI=true requires it",
        dir.display()
    );
    eprintln!(
        "skipping: reference data {} is absent (set it up next to the repository to run this test)",
        dir.display()
    );
    None
}

/// Reads a file under `../shared`.
pub fn read_shared(dir: &std::path::Path, path: &str) -> Vec<u8> {
    let full = dir.join(path);
    std::fs::read(&full).unwrap_or_else(|err| panic!("cannot read {}: {err}", full.display()))
}

/// Decodes a form body into its pairs.
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}
