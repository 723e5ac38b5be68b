//! Every crate the workspace publishes says `MIT OR Apache-2.0` and carries both license texts,
//! so that each published package has them (cargo packages only what sits in the crate's own
//! directory).

use std::path::Path;

mod common;

#[test]
fn every_published_crate_carries_both_license_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let metadata = common::cargo_metadata(&["--no-deps", "--offline"]);
    let packages = metadata["packages"].as_array().expect("packages");
    let texts: Vec<(&str, String)> = ["LICENSE-MIT", "LICENSE-APACHE"]
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(root.join(name))
                .unwrap_or_else(|error| panic!("the workspace's {name}: {error}"));
            (name, text)
        })
        .collect();
    let mut published = 0;
    for package in packages {
        // `publish = false` reads as an empty list; absent, as null.
        if package["publish"].as_array().is_some_and(Vec::is_empty) {
            continue;
        }
        published += 1;
        let name = package["name"].as_str().unwrap_or("?");
        assert_eq!(
            package["license"].as_str(),
            Some("MIT OR Apache-2.0"),
            "{name}'s license"
        );
        let manifest = Path::new(package["manifest_path"].as_str().expect("manifest path"));
        let dir = manifest.parent().expect("the crate's directory");
        for (file, text) in &texts {
            let own = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|error| {
                panic!("{name} has no {file} beside its Cargo.toml: {error}")
            });
            assert_eq!(&own, text, "{name}'s {file} differs from the workspace's");
        }
    }
    assert!(
        published >= 5,
        "the workspace publishes its five crates, found {published}"
    );
}
