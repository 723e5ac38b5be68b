//! The name the user's package gives the runtime crate, read from its `Cargo.toml`.
//!
//! Generated code names the runtime `::slack_methods`. A package that renames the dependency
//! (`slack = { package = "slack-methods", .. }`) has no crate by that name, and every binding
//! would fail with errors that do not say why. So, when `crate = ".."` is not written, the
//! package's manifest is read once per package: a dependency on `slack-methods` under another
//! name (in any dependency table, inline, dotted or as its own table, or inherited from the
//! workspace with `workspace = true`) becomes the path. Anything else, a manifest that cannot be
//! read included, leaves `::slack_methods`: the scan only ever turns a build that would fail into
//! one that works.
//!
//! The scan reads the TOML Cargo writes and people write by hand: one key per line, inline
//! tables perhaps over several lines, comments, quoted keys. It is not a TOML parser, and need
//! not be one: what it misses keeps today's behaviour.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The runtime's package name, as `package = ".."` names it.
const PACKAGE: &str = "slack-methods";

/// The crate name generated code uses for the runtime: `slack_methods`, or the name the
/// package's manifest renames it to (always an identifier). Cached per manifest directory (one
/// proc-macro process can serve several packages, as an IDE's does).
pub fn runtime_crate_name() -> String {
    name_for(std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from))
}

/// [`runtime_crate_name`] for the package at `dir`.
fn name_for(dir: Option<PathBuf>) -> String {
    static CACHE: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);
    let Some(dir) = dir else {
        return default_name();
    };
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((cached_dir, name)) = cache.as_ref() {
        if *cached_dir == dir {
            return name.clone();
        }
    }
    let name = renamed_in(&dir).unwrap_or_else(default_name);
    *cache = Some((dir, name.clone()));
    name
}

fn default_name() -> String {
    PACKAGE.replace('-', "_")
}

/// The crate name of a renamed dependency on the runtime in the package at `dir`, if there is
/// one. The library's own dependencies (`[dependencies]`, per target too) decide first; the
/// tests' and build script's (`[dev-dependencies]`, `[build-dependencies]`) only when those
/// name no runtime. Under either, the runtime under its own name keeps the default.
pub fn renamed_in(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    let manifest = scan(&text);
    if manifest.package.as_deref() == Some(PACKAGE) {
        return None;
    }
    let key = [Kind::Normal, Kind::Dev]
        .into_iter()
        .find_map(|kind| manifest.decide(kind, dir))??;
    let name = key.replace('-', "_");
    // A name that is no identifier (Cargo refuses them too) is left to Cargo to report.
    let mut chars = name.chars();
    let first = chars.next()?;
    let identifier = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    let path_keyword = matches!(name.as_str(), "_" | "self" | "super" | "crate" | "Self");
    (identifier && !path_keyword).then_some(name)
}

/// The nearest `Cargo.toml` above `dir` with a `[workspace]` table.
fn workspace_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().skip(1).find_map(|parent| {
        let path = parent.join("Cargo.toml");
        let text = std::fs::read_to_string(&path).ok()?;
        text.lines()
            .any(|line| strip_comment(line).trim() == "[workspace]")
            .then_some(path)
    })
}

/// Which dependency tables an entry is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `[dependencies]`, per target too: the library's.
    Normal,
    /// `[dev-dependencies]` or `[build-dependencies]`.
    Dev,
    /// `[workspace.dependencies]`: a workspace's, for its members to inherit.
    Workspace,
}

/// What a manifest says about the runtime, per [`Kind`] of table (`Normal`, `Dev`).
#[derive(Debug, Default, PartialEq)]
struct Manifest {
    /// `[package] name`.
    package: Option<String>,
    /// The manifest has a `[workspace]` table (it is a workspace's root).
    workspace: bool,
    /// The tables name the runtime under its own name.
    own_name: [bool; 2],
    /// The first key of the tables' entries with `package = "slack-methods"`.
    renamed: [Option<String>; 2],
    /// The tables' keys taken from the workspace (`key = { workspace = true }`).
    inherited: [Vec<String>; 2],
    /// `[workspace.dependencies]` keys with `package = "slack-methods"`.
    workspace_renames: Vec<String>,
}

impl Manifest {
    /// What the tables of `kind` decide: `None` when they name no runtime, `Some(None)` for the
    /// runtime under its own name, `Some(Some(key))` for a rename.
    fn decide(&self, kind: Kind, dir: &Path) -> Option<Option<String>> {
        let at = usize::from(kind != Kind::Normal);
        if self.own_name[at] {
            return Some(None);
        }
        if let Some(key) = &self.renamed[at] {
            return Some(Some(key.clone()));
        }
        let inherited = &self.inherited[at];
        if inherited.is_empty() {
            return None;
        }
        // A workspace's root package inherits from its own manifest.
        let renames = if self.workspace {
            self.workspace_renames.clone()
        } else {
            let root = workspace_root(dir)?;
            scan(&std::fs::read_to_string(root).ok()?).workspace_renames
        };
        let key = renames.into_iter().find(|key| inherited.contains(key))?;
        Some(Some(key))
    }
}

/// Which kind of table the lines being read belong to.
enum Table {
    Package,
    /// A table of dependencies.
    Dependencies {
        kind: Kind,
    },
    /// One dependency's own table, `[dependencies.key]`.
    Dependency {
        key: String,
        kind: Kind,
    },
    Other,
}

fn scan(text: &str) -> Manifest {
    let mut manifest = Manifest::default();
    let mut table = Table::Other;
    for line in logical_lines(text) {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_start_matches('[').trim_end_matches(']').trim();
            manifest.workspace |= header == "workspace";
            table = table_of(header);
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = unquote(key.trim());
        let value = value.trim();
        match &table {
            Table::Package => {
                if key == "name" {
                    manifest.package = Some(unquote(value).to_owned());
                }
            }
            Table::Dependencies { kind } => {
                // `key = ..`, or a dotted `key.package = ..` / `key.workspace = ..`.
                let (key, field) = match key.split_once('.') {
                    Some((key, field)) => (unquote(key.trim()), Some(unquote(field.trim()))),
                    None => (key, None),
                };
                let entry = match field {
                    Some(field) => Entry::of_field(field, value),
                    None => Entry::of_value(value),
                };
                entry.record(&mut manifest, key, *kind);
            }
            // Inside `[dependencies.dep]`, each line is one field of `dep`.
            Table::Dependency { key: dep, kind } => {
                Entry::of_field(key, value).record(&mut manifest, dep, *kind);
            }
            Table::Other => {}
        }
    }
    manifest
}

/// What one dependency entry says.
#[derive(Default)]
struct Entry {
    package: Option<String>,
    workspace: bool,
}

impl Entry {
    /// `"1.0"` or `{ version = "1", package = "..", workspace = true }`.
    fn of_value(value: &str) -> Entry {
        let Some(inner) = value.strip_prefix('{') else {
            return Entry::default();
        };
        let inner = inner.trim_end().trim_end_matches('}');
        let mut entry = Entry::default();
        for pair in inner.split(',') {
            if let Some((field, value)) = pair.split_once('=') {
                let field_entry = Entry::of_field(unquote(field.trim()), value.trim());
                entry.package = entry.package.or(field_entry.package);
                entry.workspace |= field_entry.workspace;
            }
        }
        entry
    }

    /// One `field = value` of an entry.
    fn of_field(field: &str, value: &str) -> Entry {
        match field {
            "package" => Entry {
                package: Some(unquote(value).to_owned()),
                workspace: false,
            },
            "workspace" => Entry {
                package: None,
                workspace: value == "true",
            },
            _ => Entry::default(),
        }
    }

    /// Notes what this entry under `key` says about the runtime.
    fn record(self, manifest: &mut Manifest, key: &str, kind: Kind) {
        let is_runtime = self.package.as_deref() == Some(PACKAGE);
        let own_key = key == PACKAGE || key == default_name();
        let at = match kind {
            Kind::Workspace => {
                if is_runtime && !own_key {
                    manifest.workspace_renames.push(key.to_owned());
                }
                return;
            }
            Kind::Normal => 0,
            Kind::Dev => 1,
        };
        if own_key && (self.package.is_none() || is_runtime) {
            manifest.own_name[at] = true;
        } else if is_runtime {
            manifest.renamed[at].get_or_insert_with(|| key.to_owned());
        } else if self.workspace {
            manifest.inherited[at].push(key.to_owned());
        }
    }
}

/// The kind of table a header (without its brackets) opens.
fn table_of(header: &str) -> Table {
    let parts: Vec<&str> = split_dotted(header).collect();
    let workspace = parts.first() == Some(&"workspace");
    // `[target.'cfg(..)'.dependencies]` is a dependency table like `[dependencies]`.
    let parts = match parts.as_slice() {
        ["target", _, rest @ ..] => rest.to_vec(),
        ["workspace", rest @ ..] => rest.to_vec(),
        _ => parts,
    };
    match parts.as_slice() {
        ["package"] if !workspace => Table::Package,
        [table] if is_dependency_table(table) => Table::Dependencies {
            kind: kind_of(table, workspace),
        },
        [table, key] if is_dependency_table(table) => Table::Dependency {
            key: (*key).to_owned(),
            kind: kind_of(table, workspace),
        },
        _ => Table::Other,
    }
}

fn kind_of(table: &str, workspace: bool) -> Kind {
    match table {
        _ if workspace => Kind::Workspace,
        "dependencies" => Kind::Normal,
        _ => Kind::Dev,
    }
}

fn is_dependency_table(name: &str) -> bool {
    matches!(
        name,
        "dependencies"
            | "dev-dependencies"
            | "build-dependencies"
            | "dev_dependencies"
            | "build_dependencies"
    )
}

/// The parts of a dotted key, unquoted (`target.'cfg(unix)'.dependencies`).
fn split_dotted(key: &str) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut quote = None;
    for (at, c) in key.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '.') => {
                parts.push(unquote(key[start..at].trim()));
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(unquote(key[start..].trim()));
    parts.into_iter()
}

/// `text` without surrounding quotes.
fn unquote(text: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote)) {
            return inner;
        }
    }
    text
}

/// `line` up to a `#` that is not inside a string.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (at, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '#') => return &line[..at],
            _ => {}
        }
    }
    line
}

/// The manifest's lines without comments, an inline table that spans lines joined into one.
fn logical_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut open: Option<String> = None;
    for line in text.lines() {
        let line = strip_comment(line);
        let joined = match open.take() {
            Some(mut start) => {
                start.push(' ');
                start.push_str(line);
                start
            }
            None => line.to_owned(),
        };
        if joined.matches('{').count() > joined.matches('}').count() {
            open = Some(joined);
        } else {
            lines.push(joined);
        }
    }
    lines.extend(open);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renamed(text: &str) -> Option<String> {
        let manifest = scan(text);
        [Kind::Normal, Kind::Dev]
            .into_iter()
            .find_map(|kind| manifest.decide(kind, Path::new("/nonexistent")))?
    }

    #[test]
    fn a_renamed_dependency_is_found_in_every_form() {
        for text in [
            "[dependencies]\nslack = { package = \"slack-methods\", version = \"0.1\" }",
            "[dependencies]\nslack = {\n  version = \"0.1\",\n  package = \"slack-methods\",\n}",
            "[dependencies]\nslack.version = \"0.1\"\nslack.package = \"slack-methods\"",
            "[dependencies.slack]\nversion = \"0.1\"\npackage = \"slack-methods\" # renamed",
            "[dev-dependencies]\n\"slack\" = { package = 'slack-methods', path = \"..\" }",
            "[target.'cfg(unix)'.dependencies]\nslack = { package = \"slack-methods\" }",
            "[target.\"cfg(any(unix, windows))\".dependencies.slack]\npackage = \"slack-methods\"",
        ] {
            assert_eq!(renamed(text).as_deref(), Some("slack"), "{text}");
        }
    }

    #[test]
    fn the_librarys_own_dependencies_decide_before_the_tests() {
        // The library's dependency under its own name, written out in full, and a rename for
        // the tests only: the library (which has no dev-dependencies) keeps `slack_methods`.
        let text =
            "[dependencies]\nslack-methods = { version = \"0.1\", package = \"slack-methods\" }\n\
                    [dev-dependencies]\ns = { package = \"slack-methods\" }";
        assert_eq!(renamed(text), None);
        // A rename for the library wins over the runtime under its own name for the tests.
        let text = "[dev-dependencies]\nslack-methods = \"0.1\"\n\
                    [dependencies]\nslack = { package = \"slack-methods\" }";
        assert_eq!(renamed(text).as_deref(), Some("slack"));
        // A rename only the tests have is used when the library names no runtime.
        let text = "[dependencies]\nserde = \"1\"\n[dev-dependencies]\ns = { package = \"slack-methods\" }";
        assert_eq!(renamed(text).as_deref(), Some("s"));
    }

    #[test]
    fn a_workspace_root_inherits_from_its_own_manifest() {
        let text = "[package]\nname = \"bot\"\n[workspace]\n\n[workspace.dependencies]\n\
                    slack = { package = \"slack-methods\" }\n[dependencies]\nslack = { workspace = true }";
        assert_eq!(renamed(text).as_deref(), Some("slack"));
    }

    #[test]
    fn the_runtime_under_its_own_name_needs_no_rename() {
        for text in [
            "[dependencies]\nslack-methods = \"0.1\"\nslack = { package = \"slack-methods\" }",
            "[dependencies.slack-methods]\nversion = \"0.1\"\n[dev-dependencies]\nslack = { package = \"slack-methods\" }",
            "[dependencies]\nslack-methods.workspace = true",
            "[dependencies]\nserde = \"1\"",
            // Not a dependency table, or only in a comment or a string.
            "[package]\nname = \"slack\"\n# slack = { package = \"slack-methods\" }\ndescription = \"slack = { package = 'slack-methods' }\"",
            "[features]\nslack = { package = \"slack-methods\" }",
        ] {
            assert_eq!(renamed(text), None, "{text}");
        }
    }

    #[test]
    fn a_rename_inherited_from_the_workspace_is_followed() {
        let dir =
            std::env::temp_dir().join(format!("slack-methods-manifest-{}", std::process::id()));
        let member = dir.join("member");
        std::fs::create_dir_all(&member).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[workspace]\nmembers = [\"member\"]\n\n[workspace.dependencies]\nslack = { package = \"slack-methods\", path = \"../slack-methods\" }\n",
        )
        .unwrap();
        std::fs::write(
            member.join("Cargo.toml"),
            "[package]\nname = \"member\"\n\n[dependencies]\nslack = { workspace = true }\n",
        )
        .unwrap();
        assert_eq!(renamed_in(&member).as_deref(), Some("slack"));
        // The package itself, and a package with no manifest, keep the default.
        std::fs::write(
            member.join("Cargo.toml"),
            "[package]\nname = \"slack-methods\"\n\n[dev-dependencies]\nslack = { workspace = true }\n",
        )
        .unwrap();
        assert_eq!(renamed_in(&member), None);
        assert_eq!(renamed_in(&dir.join("nowhere")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_hyphen_in_the_rename_becomes_an_underscore() {
        let dir = std::env::temp_dir().join(format!("slack-methods-hyphen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"bot\"\n[dependencies]\nslack-api = { package = \"slack-methods\" }\n",
        )
        .unwrap();
        assert_eq!(renamed_in(&dir).as_deref(), Some("slack_api"));
        std::fs::write(
            dir.join("Cargo.toml"),
            "[dependencies]\n\"9 lives\" = { package = \"slack-methods\" }\n",
        )
        .unwrap();
        assert_eq!(renamed_in(&dir), None);
        std::fs::write(
            dir.join("Cargo.toml"),
            "[dependencies]\nslack-api = { package = \"slack-methods\" }\n",
        )
        .unwrap();
        // The name is kept per package: another package's is not taken for this one's.
        let own = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        assert_eq!(name_for(Some(dir.clone())), "slack_api");
        assert_eq!(name_for(own.clone()), "slack_methods");
        assert_eq!(name_for(Some(dir.clone())), "slack_api");
        assert_eq!(name_for(None), "slack_methods");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
