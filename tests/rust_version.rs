//! The README says the crates build with Rust from their `rust-version` on: no package the
//! workspace builds or tests with (as `Cargo.lock` pins them) may need a newer Rust.

mod common;

/// A `rust-version` as numbers: `1.88` is `[1, 88, 0]`.
fn version(text: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = text
        .split('.')
        .map(|part| part.parse().unwrap_or(u64::MAX))
        .collect();
    parts.resize(3, 0);
    parts
}

#[test]
fn every_locked_package_builds_with_the_workspace_rust_version() {
    let metadata = common::cargo_metadata(&["--locked"]);
    let packages = metadata["packages"].as_array().expect("packages");
    let ours = env!("CARGO_PKG_RUST_VERSION");
    assert!(!ours.is_empty(), "the workspace states a rust-version");
    let too_new: Vec<String> = packages
        .iter()
        .filter_map(|package| {
            let needs = package["rust_version"].as_str()?;
            (version(needs) > version(ours)).then(|| {
                format!(
                    "{} {} needs Rust {needs}",
                    package["name"].as_str().unwrap_or("?"),
                    package["version"].as_str().unwrap_or("?"),
                )
            })
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "Cargo.lock pins packages that need a newer Rust than the crates' rust-version {ours} \
         (`CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo update -p <name>` picks one \
         that fits): {too_new:?}"
    );
}
