//! The catalog's counts, checked against the facts tables in `../shared` rather than written
//! into tests: every method of the tier table and the spec is in the catalog, the spec's methods
//! are the rows of `methods.tsv`, and the paginated and deprecated ones are the rows it marks so.

use crate::model::{Catalog, TIERS_PATH};
use std::collections::BTreeSet;
use std::path::Path;

/// The spec's facts table, one row per method.
pub const METHODS_TSV: &str = "slack-api/methods.tsv";

/// Checks the catalog's counts; on success, a one-line summary of them.
pub fn check(catalog: &Catalog, shared: &Path) -> Result<String, String> {
    let table = read(&shared.join(METHODS_TSV))?;
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|column| *column == name)
            .ok_or_else(|| format!("{METHODS_TSV} has no `{name}` column"))
    };
    let (name, paginated, deprecated) = (
        column("method")?,
        column("paginated_cursor")?,
        column("deprecated")?,
    );
    let mut spec = BTreeSet::new();
    let mut spec_paginated = BTreeSet::new();
    let mut spec_deprecated = BTreeSet::new();
    for line in lines.filter(|line| !line.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| {
            cells
                .get(i)
                .copied()
                .ok_or_else(|| format!("{METHODS_TSV}: a row is short: {line}"))
        };
        let method = cell(name)?.to_owned();
        if cell(paginated)? == "yes" {
            spec_paginated.insert(method.clone());
        }
        if cell(deprecated)? == "yes" {
            spec_deprecated.insert(method.clone());
        }
        spec.insert(method);
    }
    let tiers: serde_json::Value = serde_json::from_str(&read(&shared.join(TIERS_PATH))?)
        .map_err(|e| format!("{TIERS_PATH}: {e}"))?;
    let tiered: BTreeSet<String> = tiers
        .as_object()
        .map(|table| table.keys().cloned().collect())
        .unwrap_or_default();

    let all: BTreeSet<String> = catalog.methods.iter().map(|m| m.name.clone()).collect();
    let specced: BTreeSet<String> = catalog.specced().map(|(m, _)| m.name.clone()).collect();
    let paged: BTreeSet<String> = catalog
        .specced()
        .filter(|(_, facts)| facts.paginated)
        .map(|(m, _)| m.name.clone())
        .collect();
    let old: BTreeSet<String> = catalog
        .specced()
        .filter(|(_, facts)| facts.deprecated)
        .map(|(m, _)| m.name.clone())
        .collect();
    let expected_all: BTreeSet<String> = tiered.union(&spec).cloned().collect();
    same("methods", &all, &expected_all)?;
    same("methods of the spec", &specced, &spec)?;
    same("paginated methods", &paged, &spec_paginated)?;
    same("deprecated methods", &old, &spec_deprecated)?;
    Ok(format!(
        "{} methods: {} from the spec ({} paginated, {} deprecated), {} by name and tier only",
        all.len(),
        specced.len(),
        paged.len(),
        old.len(),
        all.len() - specced.len()
    ))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The catalog's set against the one the facts tables give; the difference when they disagree.
fn same(what: &str, got: &BTreeSet<String>, want: &BTreeSet<String>) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    let extra: Vec<&String> = got.difference(want).collect();
    let missing: Vec<&String> = want.difference(got).collect();
    Err(format!(
        "the catalog's {what} disagree with the facts tables: {} more ({extra:?}), {} missing ({missing:?})",
        extra.len(),
        missing.len()
    ))
}
