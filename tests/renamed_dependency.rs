//! A package that renames its dependency on this crate (`slack = { package = "slack-methods" }`)
//! binds methods without writing `crate = ".."`: the attribute finds the name in the package's
//! `Cargo.toml`. The package is written to a scratch directory and checked by cargo, with this
//! workspace's `Cargo.lock` so that it resolves to the versions already built and downloaded.

use std::path::Path;
use std::process::Command;

const LIB: &str = r#"
#[slack::slack_method("users.info")]
pub struct UsersInfo {
    pub user: slack::UserId,
}

mod nested {
    use slack::slack_method;

    #[slack_method("chat.postMessage")]
    pub struct Post {
        pub channel: slack::ChannelRef,
        pub text: Option<String>,
    }
}

pub fn encoded() -> Option<String> {
    let post = nested::Post {
        channel: slack::ChannelRef::name("general").ok()?,
        text: Some("hi".into()),
    };
    slack::encode_params(&post).ok()
}
"#;

#[test]
fn a_renamed_dependency_binds_without_a_crate_argument() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let package = Path::new(env!("CARGO_TARGET_TMPDIR")).join("renamed-dependency");
    std::fs::create_dir_all(package.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"renamed-dependency\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[workspace]\n\n[dependencies]\n\
         slack = {{ package = \"slack-methods\", path = {:?}, default-features = false }}\n",
        root.display().to_string()
    );
    std::fs::write(package.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(package.join("src/lib.rs"), LIB).unwrap();
    std::fs::copy(root.join("Cargo.lock"), package.join("Cargo.lock")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["check", "--quiet", "--message-format", "short"])
        .current_dir(&package)
        .env("CARGO_TARGET_DIR", package.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the renamed dependency did not bind:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
