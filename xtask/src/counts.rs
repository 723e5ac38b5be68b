//! The catalog checked against the facts tables in `../shared` rather than against numbers
//! written into tests: `methods.tsv` (the spec's table, made by another tool than the one that
//! reads the spec here), the SDK's `python-sdk-methods.tsv` and the tier table. Each method
//! named by any of them is in the catalog and nothing else is; the spec's methods are the ones
//! with scopes, the spec's and those the SDK names parameters for are the ones with known
//! parameters; each method's parameter
//! names are the union of the tables' and its required ones are the SDK's (else the spec's);
//! the paginated methods are those either table gives a `cursor`, and the deprecated ones those
//! `methods.tsv` marks so, those Slack has retired since and those Slack's Python SDK warns are
//! deprecated (`retired.rs`).

use crate::model::{parse_json, Catalog, Sources, SDK_PATH, TIERS_PATH};
use crate::sdk::is_token_argument;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The spec's facts table, one row per method.
pub const METHODS_TSV: &str = "slack-api/methods.tsv";

/// One table's parameters of one method: all names, and the required ones (never `token`).
#[derive(Default)]
struct Params {
    all: BTreeSet<String>,
    required: BTreeSet<String>,
}

/// A tab-separated table with a header row, by column name.
struct Table {
    file: &'static str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(shared: &Path, file: &'static str) -> Result<Table, String> {
        let text = read(&shared.join(file))?;
        let mut lines = text.lines().filter(|line| !line.trim().is_empty());
        let header = lines
            .next()
            .unwrap_or_default()
            .split('\t')
            .map(str::to_owned)
            .collect();
        let header: Vec<String> = header;
        let mut rows: Vec<Vec<String>> = Vec::new();
        for line in lines {
            let row: Vec<String> = line.split('\t').map(str::to_owned).collect();
            if row.len() != header.len() {
                return Err(format!(
                    "{file}: a row has {} cells, not {}: {line}",
                    row.len(),
                    header.len()
                ));
            }
            // Every table here has one row per method, named in its first column.
            if rows.iter().any(|seen| seen.first() == row.first()) {
                return Err(format!(
                    "{file}: `{}` has two rows",
                    row.first().map_or("", String::as_str)
                ));
            }
            rows.push(row);
        }
        Ok(Table { file, header, rows })
    }

    /// The cells of `column`, row by row.
    fn column(&self, name: &str) -> Result<Vec<&str>, String> {
        let Some(index) = self.header.iter().position(|column| column == name) else {
            return Err(format!("{} has no `{name}` column", self.file));
        };
        self.rows
            .iter()
            .map(|row| {
                row.get(index)
                    .map(String::as_str)
                    .ok_or_else(|| format!("{}: a row is short: {}", self.file, row.join("\t")))
            })
            .collect()
    }

    /// Method name -> parameters, from the `required_params` and `optional_params` columns
    /// (`a,b` or, in the SDK's table, `a:string,b:list`; `-` for none).
    fn params(&self) -> Result<BTreeMap<String, Params>, String> {
        let names = self.column("method")?;
        let required = self.column("required_params")?;
        let optional = self.column("optional_params")?;
        let mut out = BTreeMap::new();
        for ((name, required), optional) in names.into_iter().zip(required).zip(optional) {
            let mut params = Params::default();
            for (list, is_required) in [(required, true), (optional, false)] {
                for item in list
                    .split(',')
                    .filter(|item| *item != "-" && !item.is_empty())
                {
                    let param = item.split(':').next().unwrap_or(item).to_owned();
                    if is_token_argument(name, &param) {
                        continue;
                    }
                    if is_required {
                        params.required.insert(param.clone());
                    }
                    params.all.insert(param);
                }
            }
            out.insert(name.to_owned(), params);
        }
        Ok(out)
    }
}

/// Checks the catalog against the tables; on success, a one-line summary of its counts.
pub fn check(catalog: &Catalog, shared: &Path) -> Result<String, String> {
    let spec_table = Table::read(shared, METHODS_TSV)?;
    let sdk_table = Table::read(shared, SDK_PATH)?;
    let spec_params = spec_table.params()?;
    let sdk_params = sdk_table.params()?;
    let spec: BTreeSet<String> = spec_params.keys().cloned().collect();
    let sdk: BTreeSet<String> = sdk_params.keys().cloned().collect();
    let marked = |column: &str| -> Result<BTreeSet<String>, String> {
        let names = spec_table.column("method")?;
        let cells = spec_table.column(column)?;
        Ok(names
            .into_iter()
            .zip(cells)
            .filter(|(_, cell)| *cell == "yes")
            .map(|(name, _)| name.to_owned())
            .collect())
    };
    let tiers =
        parse_json(&read(&shared.join(TIERS_PATH))?).map_err(|e| format!("{TIERS_PATH}: {e}"))?;
    let tiered: BTreeSet<String> = tiers
        .as_object()
        .map(|table| table.keys().cloned().collect())
        .unwrap_or_default();

    let named = |keep: &dyn Fn(&crate::model::Method) -> bool| -> BTreeSet<String> {
        catalog
            .methods
            .iter()
            .filter(|method| keep(method))
            .map(|method| method.name.clone())
            .collect()
    };
    let all = named(&|_| true);
    let with_scopes = named(&|m| m.sources.spec());
    let from_sdk = named(&|m| matches!(m.sources, Sources::Sdk | Sources::SpecAndSdk));
    let with_params = named(&|m| m.params_known);
    let untiered = named(&|m| m.tier.is_none());
    let paged = named(&|m| m.paginated);
    let old = named(&|m| m.deprecated);

    let described: BTreeSet<String> = spec.union(&sdk).cloned().collect();
    let expected_all: BTreeSet<String> = tiered.union(&described).cloned().collect();
    let expected_untiered: BTreeSet<String> = described.difference(&tiered).cloned().collect();
    let mut expected_paged = marked("paginated_cursor")?;
    expected_paged.extend(
        sdk_params
            .iter()
            .filter(|(_, params)| params.all.contains("cursor"))
            .map(|(name, _)| name.clone()),
    );
    same("methods", &all, &expected_all)?;
    same("methods with scopes (the spec's)", &with_scopes, &spec)?;
    same("methods from the SDK", &from_sdk, &sdk)?;
    let mut expected_with_params = spec.clone();
    expected_with_params.extend(
        sdk_params
            .iter()
            .filter(|(_, params)| !params.all.is_empty())
            .map(|(name, _)| name.clone()),
    );
    same(
        "methods with known parameters",
        &with_params,
        &expected_with_params,
    )?;
    same("methods without a tier", &untiered, &expected_untiered)?;
    same("paginated methods", &paged, &expected_paged)?;
    let mut expected_old = marked("deprecated")?;
    expected_old.extend(
        all.iter()
            .filter(|name| {
                crate::retired::replacement(name, |other| all.contains(other)).is_some()
                    || crate::retired::deprecated_by_the_sdk(name)
            })
            .cloned(),
    );
    same("deprecated methods", &old, &expected_old)?;

    let mut param_count = 0;
    for method in catalog.methods.iter().filter(|m| m.params_known) {
        let name = &method.name;
        let (newer, older) = (sdk_params.get(name), spec_params.get(name));
        let mut expected = BTreeSet::new();
        for params in [newer, older].into_iter().flatten() {
            expected.extend(params.all.iter().cloned());
        }
        let expected_required = match (newer, older) {
            (Some(params), _) | (None, Some(params)) => params.required.clone(),
            (None, None) => BTreeSet::new(),
        };
        let got: BTreeSet<String> = method.params.iter().map(|p| p.name.clone()).collect();
        let got_required: BTreeSet<String> = method
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| p.name.clone())
            .collect();
        same(&format!("parameters of `{name}`"), &got, &expected)?;
        same(
            &format!("required parameters of `{name}`"),
            &got_required,
            &expected_required,
        )?;
        param_count += got.len();
    }

    let by = |sources: Sources| {
        catalog
            .methods
            .iter()
            .filter(|m| m.sources == sources)
            .count()
    };
    Ok(format!(
        "{} methods: {} from the spec and the SDK, {} from the spec only, {} from the SDK only, \
         {} from the tier table only; {} without a tier, {} paginated, {} deprecated; \
         {param_count} parameters of the {} methods whose parameters are known",
        all.len(),
        by(Sources::SpecAndSdk),
        by(Sources::Spec),
        by(Sources::Sdk),
        by(Sources::TierTable),
        untiered.len(),
        paged.len(),
        old.len(),
        with_params.len(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A small set of sources: the spec as JSON and as its facts table, the SDK's table, the
    /// tier table; written to a folder laid out like `../shared`, one of its own for each test.
    fn sources(test: &str) -> (std::path::PathBuf, Catalog) {
        let spec = json!({"paths": {
            "/chat.delete": {"post": {
                "security": [{"slackAuth": ["chat:write"]}],
                "parameters": [
                    {"in": "header", "name": "token", "type": "string", "required": true},
                    {"in": "formData", "name": "channel", "type": "string"},
                    {"in": "formData", "name": "cursor", "type": "string"},
                ],
            }},
        }});
        let methods_tsv =
            "method\trequired_params\toptional_params\tpaginated_cursor\tdeprecated\n\
                           chat.delete\t-\tchannel,cursor\tyes\t-\n";
        let sdk_tsv = "method\thttp_verb\tbody\trequired_params\toptional_params\n\
                       chat.delete\tPOST\tform\tchannel:string\tts:string\n\
                       canvases.create\tPOST\tjson\tdocument_content:object\t-\n\
                       apps.connections.open\tPOST\tform\tapp_token:string\t-\n";
        let tiers =
            json!({"chat.delete": "Tier3", "apps.connections.open": "Tier1", "a.tier": "Tier2"});
        let dir = std::env::temp_dir().join(format!("xtask-counts-{test}-{}", std::process::id()));
        let write = |path: &str, text: &str| {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(METHODS_TSV, methods_tsv);
        write(SDK_PATH, sdk_tsv);
        write(TIERS_PATH, &tiers.to_string());
        let catalog = Catalog::from_sources(&spec, &tiers, sdk_tsv, &[]).unwrap();
        (dir, catalog)
    }

    #[test]
    fn agrees_with_the_tables_and_notices_a_difference() {
        let (dir, mut catalog) = sources("agrees");
        let summary = check(&catalog, &dir).unwrap();
        assert!(summary.starts_with("4 methods: 1 from the spec and the SDK, 0 from the spec only, 2 from the SDK only, 1 from the tier table only; 1 without a tier, 1 paginated"), "{summary}");

        // A parameter the SDK requires, made optional.
        let delete = catalog
            .methods
            .iter_mut()
            .find(|m| m.name == "chat.delete")
            .unwrap();
        delete.params[0].required = false;
        let problem = check(&catalog, &dir).unwrap_err();
        assert!(
            problem.contains("required parameters of `chat.delete`"),
            "{problem}"
        );
        catalog
            .methods
            .iter_mut()
            .find(|m| m.name == "chat.delete")
            .unwrap()
            .params[0]
            .required = true;

        // A method with parameters whose SDK signature names none.
        let open = catalog
            .methods
            .iter_mut()
            .find(|m| m.name == "apps.connections.open")
            .unwrap();
        open.params_known = true;
        let problem = check(&catalog, &dir).unwrap_err();
        assert!(
            problem.contains("methods with known parameters"),
            "{problem}"
        );
        catalog
            .methods
            .iter_mut()
            .find(|m| m.name == "apps.connections.open")
            .unwrap()
            .params_known = false;

        // A method missing.
        catalog.methods.retain(|m| m.name != "a.tier");
        let problem = check(&catalog, &dir).unwrap_err();
        assert!(problem.contains("\"a.tier\""), "{problem}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_a_malformed_or_repeated_row_of_a_facts_table() {
        let (dir, catalog) = sources("rows");
        let header = "method\trequired_params\toptional_params\tpaginated_cursor\tdeprecated\n";
        let row = "chat.delete\t-\tchannel,cursor\tyes\t-\n";
        for (rows, problem) in [
            (format!("{row}{row}"), "`chat.delete` has two rows"),
            (
                row.replace("\t-\n", "\t-\textra\n"),
                "a row has 6 cells, not 5",
            ),
            (row.replace("\tyes", ""), "a row has 4 cells, not 5"),
        ] {
            std::fs::write(dir.join(METHODS_TSV), format!("{header}{rows}")).unwrap();
            let error = check(&catalog, &dir).unwrap_err();
            assert!(
                error.contains(METHODS_TSV) && error.contains(problem),
                "{error}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
