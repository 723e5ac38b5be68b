//! The bundled bindings agree with Slack's own facts, read here straight from the reference data
//! (`../shared/slack-api/methods.tsv` and the rate-limit tier table), independently of the
//! macro's catalog: method name, scopes, tier, whether the method writes, and the parameter names
//! each binding puts on the wire.

mod common;

use common::{form_pairs, read_shared, shared_dir};
use slack_methods::methods::{AuthTest, UsersProfileGet, UsersProfileSet};
use slack_methods::types::ProfileUpdate;
use slack_methods::{encode_params, RateLimitTier, SlackMethod, UserId};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

const METHODS_TSV: &str = "slack-api/methods.tsv";
const TIERS_JSON: &str = "slack-fixtures/java-slack-sdk/metadata/web-api/rate_limit_tiers.json";

/// One row of `methods.tsv`, by column name.
struct Row(HashMap<String, String>);

impl Row {
    fn get(&self, column: &str) -> &str {
        self.0
            .get(column)
            .unwrap_or_else(|| panic!("methods.tsv has no column `{column}`"))
    }

    /// A comma-separated list column; `-` and `none` mean an empty list.
    fn list(&self, column: &str) -> BTreeSet<String> {
        match self.get(column) {
            "-" | "none" | "" => BTreeSet::new(),
            text => text.split(',').map(|item| item.trim().to_owned()).collect(),
        }
    }
}

/// Slack's facts for every method of the spec, by method name.
struct Facts {
    rows: HashMap<String, Row>,
    tiers: serde_json::Map<String, serde_json::Value>,
}

impl Facts {
    fn load(shared: &Path) -> Facts {
        let tsv = String::from_utf8(read_shared(shared, METHODS_TSV)).unwrap();
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let rows = lines
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let cells = line.split('\t').map(str::to_owned);
                let row: HashMap<String, String> =
                    header.iter().map(|h| (*h).to_owned()).zip(cells).collect();
                (row["method"].clone(), Row(row))
            })
            .collect();
        let tiers: serde_json::Value =
            serde_json::from_slice(&read_shared(shared, TIERS_JSON)).unwrap();
        Facts {
            rows,
            tiers: tiers.as_object().unwrap().clone(),
        }
    }

    /// Checks `M` against the facts; `wire_names` are the parameter names its values put on the
    /// wire, together covering every field.
    fn check<M: SlackMethod>(&self, wire_names: BTreeSet<String>) {
        let name = M::NAME;
        let row = self
            .rows
            .get(name)
            .unwrap_or_else(|| panic!("`{name}` is not in methods.tsv"));
        assert_eq!(row.get("method"), name);

        let scopes: BTreeSet<String> = M::SCOPES.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(scopes, row.list("scopes"), "scopes of {name}");

        let tier = self.tiers[name].as_str().unwrap();
        let expected = match tier {
            "Tier1" => RateLimitTier::Tier1,
            "Tier2" => RateLimitTier::Tier2,
            "Tier3" => RateLimitTier::Tier3,
            "Tier4" => RateLimitTier::Tier4,
            special => {
                let owner = special.strip_prefix("SpecialTier_").unwrap();
                match M::TIER {
                    RateLimitTier::Special(got) => {
                        assert_eq!(got.replace('.', "_"), owner, "tier of {name}");
                    }
                    other => panic!("tier of {name}: {other:?}, the table says {special}"),
                }
                M::TIER
            }
        };
        assert_eq!(M::TIER, expected, "tier of {name}");

        // For these methods the spec's verb tells reads from writes (`auth.test` is GET there).
        assert_eq!(
            M::WRITES,
            row.get("http_verb") == "POST",
            "writes of {name}"
        );

        let mut params = row.list("required_params");
        params.extend(row.list("optional_params"));
        params.remove("token");
        assert_eq!(wire_names, params, "parameters of {name}");
    }
}

/// The parameter names of the encoded values.
fn wire_names<M: SlackMethod>(values: &[M]) -> BTreeSet<String> {
    values
        .iter()
        .flat_map(|value| form_pairs(encode_params(value).unwrap().as_bytes()))
        .map(|(name, _)| name)
        .collect()
}

fn user() -> UserId {
    UserId::new("U0123ABCD").unwrap()
}

#[test]
fn bundled_bindings_agree_with_slack() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let facts = Facts::load(&shared);

    // `profile` and `name`/`value` cannot be sent together (the binding's `validate` refuses
    // it), so two values between them fill every field.
    facts.check::<UsersProfileSet>(wire_names(&[
        UsersProfileSet::field("first_name", "Jane").for_user(user()),
        UsersProfileSet::profile(ProfileUpdate::new().title("Engineer")).for_user(user()),
    ]));
    facts.check::<UsersProfileGet>(wire_names(&[UsersProfileGet::of(user()).with_labels()]));
    facts.check::<AuthTest>(wire_names(&[AuthTest::new()]));
}

#[test]
fn the_check_sees_a_wrong_parameter_set() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let facts = Facts::load(&shared);
    // Only half of users.profile.set's parameters: the comparison must notice.
    let partial = wire_names(&[UsersProfileSet::field("first_name", "Jane")]);
    let result = std::panic::catch_unwind(|| facts.check::<UsersProfileSet>(partial));
    assert!(result.is_err());
}
