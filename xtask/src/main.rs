//! Project tools of slack-methods.
//!
//! ```text
//! cargo xtask catalog [--check] [--shared <dir>]
//! cargo xtask catalog-test [--check] [--shared <dir>] [--explicit-metadata | --no-explicit-metadata]
//! cargo xtask check [--shared <dir>]
//! cargo xtask compile-cost <dir> [--count <n>] [--shared <dir>]
//! ```
//!
//! `catalog` writes `macros/src/catalog/data.rs` from Slack's OpenAPI spec, the method table of
//! Slack's Python SDK and the rate-limit tier table, merged by the rules of `merge.rs`;
//! `catalog-test` writes `tests/catalog_methods.rs`, a binding of every catalog method;
//! `--check` regenerates in memory and fails if the committed file differs; `check` runs both
//! checks and compares the catalog's counts with the facts tables (`counts.rs`);
//! `compile-cost` writes the two crates `scripts/compile_cost.sh` times (`compile_cost.rs`)
//! under `<dir>`. `cargo xtask`
//! is an alias of `cargo run -p xtask --` (`.cargo/config.toml`). The reference data lives
//! outside the repository, by default in `../shared` next to the workspace root. When it is
//! missing, a check says so and passes, unless `CI` is `true` (or `1`): then it fails, so CI
//! cannot pass without checking. A folder that holds some of the files and not others is
//! damaged: every command fails and names the missing ones.

mod compile_cost;
mod counts;
mod json_lists;
mod merge;
mod model;
mod render_catalog;
mod render_test;
mod retired;
mod sdk;

#[cfg(test)]
#[path = "../../macros/src/catalog/mod.rs"]
#[allow(dead_code)]
mod catalog;
#[cfg(test)]
#[path = "../../macros/src/similar.rs"]
#[allow(dead_code)]
mod similar;

use model::{Catalog, SOURCE_PATHS};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The catalog file, relative to the workspace root.
const CATALOG_FILE: &str = "macros/src/catalog/data.rs";
/// The whole-catalog test, relative to the workspace root.
const TEST_FILE: &str = "tests/catalog_methods.rs";
/// Whether `catalog-test` writes scopes, tier and verb into each attribute by default. Off: the
/// attribute fills them in from its catalog, and the generated test proves it for every method.
const EXPLICIT_METADATA_DEFAULT: bool = false;

const USAGE: &str = "usage:
  cargo xtask catalog [--check] [--shared <dir>]
  cargo xtask catalog-test [--check] [--shared <dir>] [--explicit-metadata | --no-explicit-metadata]
  cargo xtask check [--shared <dir>]
  cargo xtask compile-cost <dir> [--count <n>] [--shared <dir>]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Catalog,
    CatalogTest,
    CheckAll,
    CompileCost,
}

struct Options {
    command: Command,
    check: bool,
    shared: PathBuf,
    explicit_metadata: bool,
    /// Where `compile-cost` writes its crates.
    out: Option<PathBuf>,
    /// How many bindings `compile-cost` writes.
    count: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match parse_args(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("xtask: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut args = args.iter();
    let command = match args.next().map(String::as_str) {
        Some("catalog") => Command::Catalog,
        Some("catalog-test") => Command::CatalogTest,
        Some("check") => Command::CheckAll,
        Some("compile-cost") => Command::CompileCost,
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".to_owned()),
    };
    let mut options = Options {
        command,
        check: command == Command::CheckAll,
        shared: workspace_root().join("..").join("shared"),
        explicit_metadata: EXPLICIT_METADATA_DEFAULT,
        out: None,
        count: 200,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" if matches!(command, Command::Catalog | Command::CatalogTest) => {
                options.check = true;
            }
            "--shared" => match args.next() {
                Some(dir) => options.shared = PathBuf::from(dir),
                None => return Err("`--shared` needs a directory".to_owned()),
            },
            "--explicit-metadata" if command == Command::CatalogTest => {
                options.explicit_metadata = true;
            }
            "--no-explicit-metadata" if command == Command::CatalogTest => {
                options.explicit_metadata = false;
            }
            "--count" if command == Command::CompileCost => {
                options.count = match args.next().map(|n| n.parse()) {
                    Some(Ok(count)) => count,
                    _ => return Err("`--count` needs a number".to_owned()),
                };
            }
            dir if command == Command::CompileCost
                && options.out.is_none()
                && !dir.starts_with('-') =>
            {
                options.out = Some(PathBuf::from(dir));
            }
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    if command == Command::CompileCost && options.out.is_none() {
        return Err("`compile-cost` needs the directory to write to".to_owned());
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    if let Some(skip) = missing_data(options, in_ci())? {
        println!("xtask: {skip}");
        return Ok(());
    }

    let catalog = Catalog::load(&options.shared).map_err(|e| e.to_string())?;
    if let (Command::CompileCost, Some(out)) = (options.command, &options.out) {
        let crates = compile_cost::render(&catalog, options.count)?;
        for (name, file, text) in [
            ("cc-macro", "lib.rs", crates.with_macro),
            ("cc-hand", "lib.rs", crates.by_hand),
            ("cc-floor", "lib.rs", crates.floor),
            ("cc-floor-macro", "lib.rs", crates.floor_macro),
            ("cc-floor-macro", "impls.rs", crates.floor_impls),
        ] {
            let dir = out.join(name).join("src");
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            write(&dir.join(file), &text)?;
        }
        println!(
            "xtask: wrote {} bindings of catalog methods to cc-macro, cc-hand and cc-floor under {}",
            options.count,
            out.display()
        );
        return Ok(());
    }
    let root = workspace_root();
    let commands: &[Command] = match options.command {
        Command::CheckAll => &[Command::Catalog, Command::CatalogTest],
        ref one => std::slice::from_ref(one),
    };
    // Generated files that differ from what the sources give, and checks that failed.
    let mut failed = Vec::new();
    let mut disagree = None;
    for command in commands {
        let (file, text, regenerate) = match command {
            Command::Catalog => (
                CATALOG_FILE,
                render_catalog::render(&catalog),
                "cargo xtask catalog".to_owned(),
            ),
            _ => {
                let flag = if options.explicit_metadata {
                    "--explicit-metadata"
                } else {
                    "--no-explicit-metadata"
                };
                (
                    TEST_FILE,
                    render_test::render(&catalog, options.explicit_metadata)?,
                    format!("cargo xtask catalog-test {flag}"),
                )
            }
        };
        let path = root.join(file);
        if options.check {
            match check(&path, &text) {
                Ok(()) => println!("xtask: {file} is up to date"),
                Err(problem) => {
                    eprintln!("xtask: {file} {problem}; run `{regenerate}` and commit the result");
                    failed.push(file);
                }
            }
        } else {
            write(&path, &text)?;
            let total = catalog.methods.len();
            let content = match command {
                Command::Catalog => format!(
                    "{total} methods, {} of them in the spec",
                    catalog.specced().count()
                ),
                _ => format!("{total} bindings"),
            };
            println!("xtask: wrote {file}: {} bytes, {content}", text.len());
        }
    }
    if options.command == Command::CheckAll {
        match counts::check(&catalog, &options.shared) {
            Ok(summary) => {
                println!("xtask: the catalog's counts agree with the facts tables: {summary}")
            }
            Err(problem) => {
                eprintln!("xtask: {problem}");
                disagree = Some("the catalog's counts disagree with the facts tables");
            }
        }
    }
    outcome(&failed, disagree)
}

/// The last line of a run: which generated files are out of date, and whether the counts check
/// failed (bad data in the sources, which no regeneration mends).
fn outcome(stale: &[&str], disagree: Option<&str>) -> Result<(), String> {
    let stale = (!stale.is_empty()).then(|| format!("out of date: {}", stale.join(", ")));
    match (stale, disagree) {
        (None, None) => Ok(()),
        (Some(stale), None) => Err(stale),
        (None, Some(disagree)) => Err(disagree.to_owned()),
        (Some(stale), Some(disagree)) => Err(format!("{stale}; {disagree}")),
    }
}

/// The reference files a command reads: the three sources, and for `check` the spec's facts
/// table too.
fn needed_files(command: Command) -> Vec<&'static str> {
    let mut files = SOURCE_PATHS.to_vec();
    if command == Command::CheckAll {
        files.push(counts::METHODS_TSV);
    }
    files
}

/// `Ok(None)` when every file the command reads is there; `Ok(Some(why))` when a check may be
/// skipped: the reference-data folder is not there at all (none of its files is) and we do not
/// run under CI; else an error naming the missing files. A folder with some files and not
/// others is damaged, never a reason to skip.
fn missing_data(options: &Options, ci: bool) -> Result<Option<String>, String> {
    let needed = needed_files(options.command);
    let missing: Vec<String> = needed
        .iter()
        .map(|path| options.shared.join(path))
        .filter(|path| !path.is_file())
        .map(|path| path.display().to_string())
        .collect();
    if missing.is_empty() {
        return Ok(None);
    }
    let list = missing.join(", ");
    if missing.len() < needed.len() {
        return Err(format!(
            "reference data incomplete: {list} missing from {}",
            options.shared.display()
        ));
    }
    let message = format!(
        "reference data not found ({list} missing); pass `--shared <dir>` with the folder that \
         holds slack-api/ and slack-fixtures/"
    );
    match (options.check, ci) {
        (true, false) => Ok(Some(format!(
            "{message}; skipping the check (it fails when CI=true)"
        ))),
        (true, true) => Err(format!(
            "{message}; CI=true, so the check cannot be skipped"
        )),
        (false, _) => Err(message),
    }
}

/// Whether we run under CI (`CI=true` or `CI=1`, as CI services set it).
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value.eq_ignore_ascii_case("true") || value == "1")
}

/// Compares the committed file with the regenerated text, byte for byte.
fn check(path: &Path, expected: &str) -> Result<(), String> {
    let committed = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Err(format!("cannot be read ({e})")),
    };
    if committed == expected.as_bytes() {
        return Ok(());
    }
    let committed = String::from_utf8_lossy(&committed);
    let line = committed
        .lines()
        .zip(expected.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(expected.lines().count()))
        + 1;
    Err(format!(
        "differs from what the reference data gives (first difference at line {line})"
    ))
}

/// Writes the file unless it already holds `text`, so an unchanged catalog does not make cargo
/// rebuild the macro crate.
fn write(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_counts_check_is_not_called_out_of_date() {
        assert_eq!(outcome(&[], None), Ok(()));
        let counts = "the catalog's counts disagree with the facts tables";
        assert_eq!(outcome(&[], Some(counts)), Err(counts.to_owned()));
        assert_eq!(
            outcome(&["tests/catalog_methods.rs"], Some(counts)),
            Err(format!("out of date: tests/catalog_methods.rs; {counts}"))
        );
        assert_eq!(
            outcome(&["a", "b"], None),
            Err("out of date: a, b".to_owned())
        );
    }

    fn shared() -> Option<PathBuf> {
        let shared = workspace_root().join("..").join("shared");
        SOURCE_PATHS
            .iter()
            .all(|path| shared.join(path).is_file())
            .then_some(shared)
    }

    /// The catalog module reads the generated data back as the generator meant it, every
    /// fact and its source.
    #[test]
    fn generated_catalog_matches_the_model() {
        let Some(shared) = shared() else {
            eprintln!("reference data not found; the catalog is not compared with it");
            return;
        };
        let model = Catalog::load(&shared).unwrap();
        assert_eq!(catalog::METHODS.len(), model.methods.len());
        let ty = |ty: model::ParamType| match ty {
            model::ParamType::String => catalog::ParamType::String,
            model::ParamType::Boolean => catalog::ParamType::Boolean,
            model::ParamType::Integer => catalog::ParamType::Integer,
            model::ParamType::Number => catalog::ParamType::Number,
            model::ParamType::List => catalog::ParamType::List,
            model::ParamType::JsonList => catalog::ParamType::JsonList,
            model::ParamType::Object => catalog::ParamType::Object,
            model::ParamType::File => catalog::ParamType::File,
        };
        for method in &model.methods {
            let name = &method.name;
            let found = catalog::lookup(name).unwrap();
            let tier = method.tier.as_ref().map(|tier| match tier {
                model::Tier::Tier1 => catalog::Tier::Tier1,
                model::Tier::Tier2 => catalog::Tier::Tier2,
                model::Tier::Tier3 => catalog::Tier::Tier3,
                model::Tier::Tier4 => catalog::Tier::Tier4,
                model::Tier::Special => catalog::Tier::Special,
            });
            assert_eq!(found.tier, tier, "tier of {name}");
            let sources = match method.sources {
                model::Sources::Spec => catalog::Sources::Spec,
                model::Sources::SpecAndSdk => catalog::Sources::SpecAndSdk,
                model::Sources::Sdk => catalog::Sources::Sdk,
                model::Sources::TierTable => catalog::Sources::TierTable,
            };
            assert_eq!(found.sources, sources, "{name}");
            assert_eq!(found.scopes_known(), method.sources.spec(), "{name}");
            assert_eq!(found.params_known, method.params_known, "{name}");
            let verb = method.verb.map(|verb| match verb {
                model::Verb::Get => catalog::Verb::Get,
                model::Verb::Post => catalog::Verb::Post,
            });
            assert_eq!(found.verb, verb, "{name}");
            assert_eq!(found.verb_corrected, method.verb_corrected, "{name}");
            assert_eq!(found.scopes, method.scopes, "{name}");
            assert_eq!(found.also_accepts, method.other_scopes, "{name}");
            assert_eq!(found.paginated, method.paginated, "{name}");
            assert_eq!(found.deprecated, method.deprecated, "{name}");
            assert_eq!(found.replacement, method.replacement.as_deref(), "{name}");
            assert_eq!(found.writes, method.writes, "{name}");
            assert_eq!(found.params.len(), method.params.len(), "{name}");
            for (got, want) in found.params.iter().zip(&method.params) {
                // In a method of one source, the catalog says `Both`: that source named it.
                let from = match (method.sources, want.from) {
                    (model::Sources::SpecAndSdk, model::ParamFrom::Both)
                    | (model::Sources::Spec | model::Sources::Sdk | model::Sources::TierTable, _) => {
                        catalog::ParamFrom::Both
                    }
                    (_, model::ParamFrom::BothSdkRequiredness) => {
                        catalog::ParamFrom::BothSdkRequiredness
                    }
                    (_, model::ParamFrom::Spec) => catalog::ParamFrom::Spec,
                    (_, model::ParamFrom::Sdk) => catalog::ParamFrom::Sdk,
                };
                assert_eq!(
                    (got.name, got.ty, got.spec_ty, got.required, got.from),
                    (
                        want.name.as_str(),
                        ty(want.ty),
                        want.spec_ty.map(ty),
                        want.required,
                        from
                    ),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn a_missing_reference_file_fails_and_only_a_missing_folder_skips() {
        let dir = std::env::temp_dir().join(format!("xtask-missing-{}", std::process::id()));
        let options = |command, check| Options {
            command,
            check,
            shared: dir.clone(),
            explicit_metadata: false,
            out: None,
            count: 1,
        };
        // No folder at all: a check says so and passes, unless under CI.
        let _ = std::fs::remove_dir_all(&dir);
        let skip = missing_data(&options(Command::CheckAll, true), false).unwrap();
        assert!(skip.is_some_and(|why| why.contains("skipping the check")));
        assert!(missing_data(&options(Command::CheckAll, true), true).is_err());
        assert!(missing_data(&options(Command::Catalog, false), false).is_err());
        // Every file but one: damaged data, an error that names the missing file.
        let all = needed_files(Command::CheckAll);
        for left_out in &all {
            for path in &all {
                let path = dir.join(path);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                if path.ends_with(left_out) {
                    let _ = std::fs::remove_file(&path);
                } else {
                    std::fs::write(&path, "").unwrap();
                }
            }
            for (command, check) in [(Command::CheckAll, true), (Command::Catalog, true)] {
                if command != Command::CheckAll && !SOURCE_PATHS.contains(left_out) {
                    continue;
                }
                let error = missing_data(&options(command, check), false).unwrap_err();
                assert!(
                    error.contains("incomplete") && error.contains(left_out),
                    "{error}"
                );
            }
        }
        for path in &all {
            std::fs::write(dir.join(path), "").unwrap();
        }
        assert_eq!(
            missing_data(&options(Command::CheckAll, true), false).unwrap(),
            None
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn parses_arguments() {
        let args =
            |list: &[&str]| parse_args(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let options = args(&["catalog", "--check", "--shared", "/x"])
            .ok()
            .unwrap();
        assert!(options.command == Command::Catalog && options.check);
        assert_eq!(options.shared, PathBuf::from("/x"));
        let options = args(&["catalog-test", "--no-explicit-metadata"])
            .ok()
            .unwrap();
        assert!(!options.explicit_metadata && !options.check);
        assert!(args(&["check"]).ok().unwrap().check);
        assert!(args(&["catalog", "--no-explicit-metadata"]).is_err());
        assert!(args(&["catalog", "--shared"]).is_err());
        assert!(args(&["catalgo"]).is_err());
        let options = args(&["compile-cost", "/tmp/cc", "--count", "20"])
            .ok()
            .unwrap();
        assert!(options.command == Command::CompileCost && !options.check);
        assert_eq!(
            (options.out, options.count),
            (Some(PathBuf::from("/tmp/cc")), 20)
        );
        assert!(args(&["compile-cost"]).is_err());
        assert!(args(&["compile-cost", "/a", "/b"]).is_err());
        assert!(args(&["compile-cost", "/a", "--count", "x"]).is_err());
        assert!(args(&["compile-cost", "/a", "--check"]).is_err());
        assert!(args(&[]).is_err());
    }

    #[test]
    fn check_reports_the_first_differing_line() {
        let dir = std::env::temp_dir().join(format!("xtask-check-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("file.rs");
        std::fs::write(&path, "a\nb\nc\n").unwrap();
        assert!(check(&path, "a\nb\nc\n").is_ok());
        let problem = check(&path, "a\nB\nc\n").unwrap_err();
        assert!(problem.contains("line 2"), "{problem}");
        let problem = check(&path, "a\nb\nc\nd\n").unwrap_err();
        assert!(problem.contains("line 4"), "{problem}");
        assert!(check(&dir.join("missing.rs"), "").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
