//! The merge rules: how Slack's OpenAPI spec (2020), the method table of Slack's Python SDK
//! (2026-08) and the rate-limit tier table become one catalog. No source is complete: the spec
//! stops in 2020 but is the only one with scopes; the SDK names 152 methods the spec does not
//! and knows newer parameters, but no scopes; the tier table has tiers and nothing else.
//! Every fact keeps its source ([`Sources`], [`ParamFrom`], `verb_corrected`, `spec_ty`), and
//! `data.rs` writes it down next to the fact.
//!
//! 1. **Methods.** Every method any source names, sorted by name.
//! 2. **Tier.** The tier table's. A method the table does not list has no tier (unknown; a
//!    binding may write one). No tier is made up.
//! 3. **Scopes.** The spec's, with its errors corrected (`model.rs`: `none` is no scope, a
//!    list means any one of them), and the other scopes its `token` description names. The
//!    SDK names no scopes, so a method outside the spec has unknown scopes, and a binding of it
//!    writes `scope = ".."` or `no_scope`.
//! 4. **Verb.** For a method of the spec, the spec's, corrected (`model.rs`: 13 writes listed
//!    with GET, and `auth.test`, are POST). The SDK's verb is not used there: it differs on 37
//!    of the 166 methods both describe, and sends writes such as `admin.emoji.add` and
//!    `dnd.setSnooze` with GET. For a method only the SDK describes: POST, because the method
//!    counts as a write (rule 5) and the catalog sends writes with POST (Slack accepts POST for
//!    every method); where the SDK sends GET, the catalog marks the verb as corrected. For a
//!    method only the tier table knows: unknown (a binding writes `verb`).
//! 5. **Writes.** For a method of the spec, the spec's verb tells (`model.rs`: GET is a read,
//!    unless it is one of the corrected writes). Any other method counts as a write, the safe
//!    side: a write is never retried after it may have reached Slack, and a binding that knows
//!    better writes `writes = false`. The SDK's GET is no evidence of a read: of the 56
//!    methods both describe that the SDK sends with GET, 12 change state by the spec (10 are
//!    POST there, and `auth.revoke` and `files.remote.share` are among its corrected writes).
//! 6. **Parameters.** The union of both sources' names, never `token` (it travels in the
//!    `Authorization` header). In the SDK's order (required ones first), then the spec's
//!    others in the spec's order.
//!    - Named by both: whether it is required is the SDK's answer, the newer one
//!      (`chat.delete` now requires `channel` and `ts`; `views.open` no longer requires
//!      `trigger_id`, which `interactivity_pointer` can replace). Where the two disagree, the
//!      parameter is marked ([`ParamFrom::BothSdkRequiredness`]).
//!    - Named by the SDK only: as the SDK gives it.
//!    - Named by the spec only: kept, and optional. The SDK passes such parameters through
//!      `**kwargs` (`admin.inviteRequests.list`'s `cursor`, `limit` and `team_id`), so Slack
//!      still takes them, and the SDK calls the method without them, so they are not required.
//!    - A method only the SDK describes, whose SDK signature names no parameters (after the
//!      token arguments are left out, `sdk.rs`), has *unknown* parameters, not none: every SDK
//!      method takes `**kwargs`, and such signatures leave out parameters the methods take
//!      (`openid.connect.token`'s `code`; `apps.connections.open` names only its token). Its
//!      fields are not checked, as for a method only the tier table knows. A method of the
//!      spec keeps the spec's list, which is explicit.
//! 7. **Parameter types.** One source: its type. Both, and the SDK says `list`, `object` or
//!    `file`: the SDK's, a refinement of the spec's `string` (the spec has no other way to say
//!    them), except a `file` whose spec description says it is posted as text ("via a POST
//!    variable": `files.upload`'s `content`), which is text. Both, the same scalar type: that
//!    one. Both, two different scalar types: the
//!    SDK's, with the spec's kept beside it (`spec_ty`); the macro then reports a field's type
//!    only when it is wrong for both (the SDK types `admin.usergroups.listChannels`' `team_id`
//!    as a boolean, the spec as a string), except a float for the SDK's string: the spec types
//!    timestamps (`ts`, `thread_ts`, `oldest`) as numbers, and a float does not keep their
//!    digits. A list is comma-separated text unless a source says it is a JSON array: the
//!    spec's description (`model.rs`; the spec's JSON array wins over the SDK's `list` or
//!    `string`), or the facts table of `json_lists.rs` (applied to the SDK's facts before the
//!    merge).
//! 8. **Paging.** A method pages with `cursor` when it has a `cursor` parameter after the
//!    merge (the SDK adds one to `search.messages` and `team.accessLogs`).
//! 9. **Deprecation.** The spec's (its descriptions say it of `users.setActive` only), and the
//!    methods Slack's Python SDK warns are deprecated (`retired.rs`: its `deprecation.py`, of the
//!    commit of its method table; `stars.*` and `admin.conversations.whitelist.*` besides the
//!    retirements below). Its method table does not say it.
//! 10. **Retirement.** A method Slack has retired since (`retired.rs`: the `channels.*`,
//!     `groups.*`, `im.*` and `mpim.*` families, `files.upload`, the Steps from Apps methods)
//!     is deprecated too, with what replaces it.

use crate::model::{
    Catalog, CatalogParam, Method, Param, ParamFrom, ParamType, Sources, SpecFacts, Tier, Verb,
};
use crate::retired;
use crate::sdk::SdkFacts;
use std::collections::{BTreeMap, BTreeSet};

/// Merges the three sources by the rules above.
pub fn merge(
    mut spec: BTreeMap<String, SpecFacts>,
    mut sdk: BTreeMap<String, SdkFacts>,
    tiers: BTreeMap<String, Tier>,
) -> Catalog {
    // Rule 1: every name, in byte order (a BTreeSet of Strings iterates so).
    let names: BTreeSet<String> = spec
        .keys()
        .chain(sdk.keys())
        .chain(tiers.keys())
        .cloned()
        .collect();
    let methods = names
        .iter()
        .map(|name| {
            let tier = tiers.get(name).cloned();
            let spec = spec.remove(name);
            let sdk = sdk.remove(name);
            let mut method = method(name.clone(), tier, spec, sdk);
            // Rule 10.
            method.replacement = retired::replacement(name, |other| names.contains(other));
            method.deprecated |=
                method.replacement.is_some() || retired::deprecated_by_the_sdk(name);
            method
        })
        .collect();
    Catalog { methods }
}

fn method(
    name: String,
    tier: Option<Tier>,
    spec: Option<SpecFacts>,
    sdk: Option<SdkFacts>,
) -> Method {
    let sources = match (&spec, &sdk) {
        (Some(_), Some(_)) => Sources::SpecAndSdk,
        (Some(_), None) => Sources::Spec,
        (None, Some(_)) => Sources::Sdk,
        (None, None) => Sources::TierTable,
    };
    let mut params = params(
        spec.as_ref().map(|s| &s.params[..]),
        sdk.as_ref().map(|s| &s.params[..]),
    );
    // Rule 7: what the spec says is posted as text is no file.
    if let Some(spec) = &spec {
        for param in &mut params {
            if param.ty == ParamType::File && spec.posted_text.contains(&param.name) {
                param.ty = ParamType::String;
                param.spec_ty = None;
            }
        }
    }
    let params_known = match sources {
        Sources::Spec | Sources::SpecAndSdk => true,
        Sources::Sdk => !params.is_empty(),
        Sources::TierTable => false,
    };
    let paginated = params.iter().any(|param| param.name == "cursor");
    match (spec, sdk) {
        (Some(spec), _) => Method {
            name,
            sources,
            tier,
            verb: Some(spec.verb),
            verb_corrected: spec.verb_corrected,
            scopes: spec.scopes,
            other_scopes: spec.other_scopes,
            params_known,
            params,
            paginated,
            deprecated: spec.deprecated,
            replacement: None,
            writes: spec.writes,
        },
        (None, Some(sdk)) => Method {
            name,
            sources,
            tier,
            verb: Some(Verb::Post),
            verb_corrected: sdk.verb != Verb::Post,
            scopes: Vec::new(),
            other_scopes: Vec::new(),
            params_known,
            params,
            paginated,
            deprecated: false,
            replacement: None,
            writes: true,
        },
        (None, None) => Method {
            name,
            sources,
            tier,
            verb: None,
            verb_corrected: false,
            scopes: Vec::new(),
            other_scopes: Vec::new(),
            params_known,
            params,
            paginated,
            deprecated: false,
            replacement: None,
            writes: true,
        },
    }
}

/// Rules 6 and 7.
fn params(spec: Option<&[Param]>, sdk: Option<&[Param]>) -> Vec<CatalogParam> {
    let (spec, sdk) = match (spec, sdk) {
        (Some(spec), Some(sdk)) => (spec, sdk),
        (Some(only), None) => return one_source(only, ParamFrom::Spec),
        (None, Some(only)) => return one_source(only, ParamFrom::Sdk),
        (None, None) => return Vec::new(),
    };
    let mut out: Vec<CatalogParam> = sdk
        .iter()
        .map(|newer| {
            let Some(older) = spec.iter().find(|older| older.name == newer.name) else {
                return catalog_param(newer, ParamFrom::Sdk);
            };
            let (ty, spec_ty) = if older.ty == ParamType::JsonList
                && matches!(newer.ty, ParamType::List | ParamType::String)
            {
                (ParamType::JsonList, None)
            } else if newer.ty == older.ty || newer.ty.is_structured() {
                (newer.ty, None)
            } else {
                (newer.ty, Some(older.ty))
            };
            CatalogParam {
                name: newer.name.clone(),
                ty,
                spec_ty,
                required: newer.required,
                from: if newer.required == older.required {
                    ParamFrom::Both
                } else {
                    ParamFrom::BothSdkRequiredness
                },
            }
        })
        .collect();
    for older in spec {
        if !sdk.iter().any(|newer| newer.name == older.name) {
            out.push(CatalogParam {
                required: false,
                ..catalog_param(older, ParamFrom::Spec)
            });
        }
    }
    out
}

fn one_source(params: &[Param], from: ParamFrom) -> Vec<CatalogParam> {
    params
        .iter()
        .map(|param| catalog_param(param, from))
        .collect()
}

fn catalog_param(param: &Param, from: ParamFrom) -> CatalogParam {
    CatalogParam {
        name: param.name.clone(),
        ty: param.ty,
        spec_ty: None,
        required: param.required,
        from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sdk::Body;

    fn p(name: &str, ty: ParamType, required: bool) -> Param {
        Param {
            name: name.to_owned(),
            ty,
            required,
        }
    }

    fn spec_facts(verb: Verb, writes: bool, params: Vec<Param>) -> SpecFacts {
        SpecFacts {
            verb,
            verb_corrected: false,
            scopes: vec!["chat:write:bot".to_owned()],
            other_scopes: vec!["chat:write".to_owned()],
            paginated: params.iter().any(|param| param.name == "cursor"),
            params,
            posted_text: Vec::new(),
            deprecated: false,
            writes,
        }
    }

    fn sdk_facts(verb: Verb, params: Vec<Param>) -> SdkFacts {
        SdkFacts {
            verb,
            body: Body::Form,
            params,
        }
    }

    /// One method from the given sources.
    fn one(spec: Option<SpecFacts>, sdk: Option<SdkFacts>, tier: Option<Tier>) -> Method {
        let name = "a.b".to_owned();
        let spec: BTreeMap<_, _> = spec
            .map(|facts| (name.clone(), facts))
            .into_iter()
            .collect();
        let sdk: BTreeMap<_, _> = sdk.map(|facts| (name.clone(), facts)).into_iter().collect();
        let tiers: BTreeMap<_, _> = tier.map(|tier| (name.clone(), tier)).into_iter().collect();
        let mut catalog = merge(spec, sdk, tiers);
        assert_eq!(catalog.methods.len(), 1);
        catalog.methods.remove(0)
    }

    fn names(method: &Method) -> Vec<&str> {
        method
            .params
            .iter()
            .map(|param| param.name.as_str())
            .collect()
    }

    #[test]
    fn rule_1_every_method_of_any_source_sorted() {
        let spec = BTreeMap::from([("c.spec".to_owned(), spec_facts(Verb::Post, true, vec![]))]);
        let sdk = BTreeMap::from([
            ("b.sdk".to_owned(), sdk_facts(Verb::Post, vec![])),
            ("c.spec".to_owned(), sdk_facts(Verb::Post, vec![])),
        ]);
        let tiers = BTreeMap::from([
            ("a.tier".to_owned(), Tier::Tier1),
            ("aB.tier".to_owned(), Tier::Tier2),
            ("c.spec".to_owned(), Tier::Tier3),
        ]);
        let catalog = merge(spec, sdk, tiers);
        let found: Vec<(&str, Sources)> = catalog
            .methods
            .iter()
            .map(|method| (method.name.as_str(), method.sources))
            .collect();
        // Byte order, as `binary_search` sees it: `.` (0x2e) sorts before `B` (0x42).
        assert_eq!(
            found,
            [
                ("a.tier", Sources::TierTable),
                ("aB.tier", Sources::TierTable),
                ("b.sdk", Sources::Sdk),
                ("c.spec", Sources::SpecAndSdk),
            ]
        );
    }

    #[test]
    fn rule_2_tier_from_the_table_or_unknown() {
        let tiered = one(None, Some(sdk_facts(Verb::Post, vec![])), Some(Tier::Tier4));
        assert_eq!(tiered.tier, Some(Tier::Tier4));
        let untiered = one(None, Some(sdk_facts(Verb::Post, vec![])), None);
        assert_eq!(untiered.tier, None);
        let spec_untiered = one(Some(spec_facts(Verb::Post, true, vec![])), None, None);
        assert_eq!(spec_untiered.tier, None);
    }

    #[test]
    fn rule_3_scopes_from_the_spec_only() {
        let both = one(
            Some(spec_facts(Verb::Post, true, vec![])),
            Some(sdk_facts(Verb::Post, vec![])),
            Some(Tier::Tier2),
        );
        assert_eq!(both.scopes, ["chat:write:bot"]);
        assert_eq!(both.other_scopes, ["chat:write"]);
        assert!(both.sources.spec());
        let newer = one(None, Some(sdk_facts(Verb::Post, vec![])), Some(Tier::Tier2));
        assert!(newer.scopes.is_empty() && newer.other_scopes.is_empty());
        assert!(!newer.sources.spec(), "unknown, not none");
    }

    #[test]
    fn rule_4_verb() {
        // The spec's verb wins over the SDK's.
        let read = one(
            Some(spec_facts(Verb::Get, false, vec![])),
            Some(sdk_facts(Verb::Post, vec![])),
            None,
        );
        assert_eq!((read.verb, read.verb_corrected), (Some(Verb::Get), false));
        let write = one(
            Some(spec_facts(Verb::Post, true, vec![])),
            Some(sdk_facts(Verb::Get, vec![])),
            None,
        );
        assert_eq!(
            (write.verb, write.verb_corrected),
            (Some(Verb::Post), false)
        );
        // The spec's own corrections stay marked.
        let mut corrected = spec_facts(Verb::Post, true, vec![]);
        corrected.verb_corrected = true;
        let corrected = one(Some(corrected), Some(sdk_facts(Verb::Post, vec![])), None);
        assert!(corrected.verb_corrected);
        // Outside the spec: POST, and a GET of the SDK is marked as corrected.
        let post = one(None, Some(sdk_facts(Verb::Post, vec![])), None);
        assert_eq!((post.verb, post.verb_corrected), (Some(Verb::Post), false));
        let get = one(None, Some(sdk_facts(Verb::Get, vec![])), None);
        assert_eq!((get.verb, get.verb_corrected), (Some(Verb::Post), true));
        // Only the tier table: unknown.
        let unknown = one(None, None, Some(Tier::Tier1));
        assert_eq!(unknown.verb, None);
        assert_eq!(unknown.sources, Sources::TierTable);
        assert!(!unknown.params_known);
    }

    #[test]
    fn rule_5_writes() {
        let read = one(
            Some(spec_facts(Verb::Get, false, vec![])),
            Some(sdk_facts(Verb::Post, vec![])),
            None,
        );
        assert!(!read.writes, "the spec's read stays a read");
        let write = one(
            Some(spec_facts(Verb::Post, true, vec![])),
            Some(sdk_facts(Verb::Get, vec![])),
            None,
        );
        assert!(
            write.writes,
            "the SDK's GET does not make the spec's write a read"
        );
        let newer = one(None, Some(sdk_facts(Verb::Get, vec![])), None);
        assert!(
            newer.writes,
            "outside the spec, even the SDK's GET counts as a write"
        );
        assert!(one(None, None, Some(Tier::Tier1)).writes);
    }

    #[test]
    fn rule_6_parameters_union_in_the_sdks_order_without_token() {
        let method = one(
            Some(spec_facts(
                Verb::Post,
                true,
                vec![
                    p("channel", ParamType::String, false),
                    p("ts", ParamType::String, false),
                    p("as_user", ParamType::Boolean, false),
                    p("foo", ParamType::String, false),
                ],
            )),
            Some(sdk_facts(
                Verb::Post,
                vec![
                    p("channel", ParamType::String, true),
                    p("ts", ParamType::String, true),
                    p("as_user", ParamType::Boolean, false),
                    p("markdown_text", ParamType::String, false),
                ],
            )),
            None,
        );
        assert_eq!(
            names(&method),
            ["channel", "ts", "as_user", "markdown_text", "foo"]
        );
        let from: Vec<(ParamFrom, bool)> = method
            .params
            .iter()
            .map(|param| (param.from, param.required))
            .collect();
        assert_eq!(
            from,
            [
                (ParamFrom::BothSdkRequiredness, true),
                (ParamFrom::BothSdkRequiredness, true),
                (ParamFrom::Both, false),
                (ParamFrom::Sdk, false),
                (ParamFrom::Spec, false),
            ]
        );
    }

    #[test]
    fn rule_6_the_sdk_may_also_relax_a_requirement() {
        let method = one(
            Some(spec_facts(
                Verb::Post,
                true,
                vec![p("trigger_id", ParamType::String, true)],
            )),
            Some(sdk_facts(
                Verb::Post,
                vec![
                    p("trigger_id", ParamType::String, false),
                    p("interactivity_pointer", ParamType::String, false),
                ],
            )),
            None,
        );
        assert!(!method.params[0].required);
        assert_eq!(method.params[0].from, ParamFrom::BothSdkRequiredness);
    }

    #[test]
    fn rule_6_spec_only_parameters_are_kept_optional() {
        // The SDK passes `cursor`, `limit` and `team_id` through **kwargs; the spec even
        // requires one here, which the SDK's calls without it disprove.
        let method = one(
            Some(spec_facts(
                Verb::Get,
                false,
                vec![
                    p("team_id", ParamType::String, true),
                    p("cursor", ParamType::String, false),
                    p("limit", ParamType::Integer, false),
                ],
            )),
            Some(sdk_facts(Verb::Post, vec![])),
            None,
        );
        assert_eq!(names(&method), ["team_id", "cursor", "limit"]);
        assert!(method
            .params
            .iter()
            .all(|param| !param.required && param.from == ParamFrom::Spec));
        assert!(method.paginated);
    }

    #[test]
    fn rule_6_one_source_keeps_its_parameters() {
        let newer = one(
            None,
            Some(sdk_facts(
                Verb::Post,
                vec![
                    p("filename", ParamType::String, true),
                    p("length", ParamType::Integer, true),
                ],
            )),
            None,
        );
        assert_eq!(names(&newer), ["filename", "length"]);
        assert!(newer
            .params
            .iter()
            .all(|param| param.required && param.from == ParamFrom::Sdk));
        assert!(newer.params_known);
        let older = one(
            Some(spec_facts(
                Verb::Post,
                true,
                vec![p("users", ParamType::String, true)],
            )),
            None,
            None,
        );
        assert_eq!(older.params[0].from, ParamFrom::Spec);
        assert!(
            older.params[0].required,
            "a spec-only method keeps the spec's requiredness"
        );
        assert!(one(None, None, Some(Tier::Tier1)).params.is_empty());
    }

    #[test]
    fn rule_6_an_sdk_signature_without_parameters_says_nothing_about_them() {
        let newer = one(None, Some(sdk_facts(Verb::Post, vec![])), Some(Tier::Tier2));
        assert!(newer.params.is_empty() && !newer.params_known);
        assert_eq!(newer.verb, Some(Verb::Post), "the verb is still the rule's");
        // The spec's list is explicit, also when it is empty.
        let both = one(
            Some(spec_facts(Verb::Post, true, vec![])),
            Some(sdk_facts(Verb::Post, vec![])),
            None,
        );
        assert!(both.params.is_empty() && both.params_known);
    }

    #[test]
    fn rule_7_parameter_types() {
        let method = one(
            Some(spec_facts(
                Verb::Post,
                true,
                vec![
                    p("channels", ParamType::String, false),
                    p("view", ParamType::String, true),
                    p("file", ParamType::String, false),
                    p("ts", ParamType::Number, false),
                    p("team_id", ParamType::String, false),
                    p("count", ParamType::String, false),
                    p("limit", ParamType::Integer, false),
                ],
            )),
            Some(sdk_facts(
                Verb::Post,
                vec![
                    p("channels", ParamType::List, false),
                    p("view", ParamType::Object, true),
                    p("file", ParamType::File, false),
                    p("ts", ParamType::String, false),
                    p("team_id", ParamType::Boolean, false),
                    p("count", ParamType::Integer, false),
                    p("limit", ParamType::Integer, false),
                ],
            )),
            None,
        );
        let types: Vec<(&str, ParamType, Option<ParamType>)> = method
            .params
            .iter()
            .map(|param| (param.name.as_str(), param.ty, param.spec_ty))
            .collect();
        assert_eq!(
            types,
            [
                ("channels", ParamType::List, None),
                ("view", ParamType::Object, None),
                ("file", ParamType::File, None),
                ("ts", ParamType::String, Some(ParamType::Number)),
                ("team_id", ParamType::Boolean, Some(ParamType::String)),
                ("count", ParamType::Integer, Some(ParamType::String)),
                ("limit", ParamType::Integer, None),
            ]
        );
    }

    #[test]
    fn rule_7_a_file_the_spec_says_is_posted_as_text_is_text() {
        let mut spec = spec_facts(
            Verb::Post,
            true,
            vec![
                p("file", ParamType::String, false),
                p("content", ParamType::String, false),
            ],
        );
        spec.posted_text = vec!["content".to_owned()];
        let sdk = sdk_facts(
            Verb::Post,
            vec![
                p("file", ParamType::File, false),
                p("content", ParamType::File, false),
            ],
        );
        let method = one(Some(spec), Some(sdk), None);
        let types: Vec<(&str, ParamType)> = method
            .params
            .iter()
            .map(|param| (param.name.as_str(), param.ty))
            .collect();
        assert_eq!(
            types,
            [("file", ParamType::File), ("content", ParamType::String)]
        );
    }

    #[test]
    fn rule_7_a_json_array_of_the_spec_refines_the_sdks_list() {
        let method = one(
            Some(spec_facts(
                Verb::Post,
                true,
                vec![
                    p("blocks", ParamType::JsonList, false),
                    p("attachments", ParamType::JsonList, false),
                    p("channels", ParamType::String, false),
                ],
            )),
            Some(sdk_facts(
                Verb::Post,
                vec![
                    p("blocks", ParamType::List, false),
                    p("attachments", ParamType::String, false),
                    p("channels", ParamType::List, false),
                    p("chunks", ParamType::JsonList, false),
                ],
            )),
            None,
        );
        let types: Vec<(&str, ParamType, Option<ParamType>)> = method
            .params
            .iter()
            .map(|param| (param.name.as_str(), param.ty, param.spec_ty))
            .collect();
        assert_eq!(
            types,
            [
                ("blocks", ParamType::JsonList, None),
                ("attachments", ParamType::JsonList, None),
                ("channels", ParamType::List, None),
                ("chunks", ParamType::JsonList, None),
            ]
        );
    }

    #[test]
    fn rule_8_paging_follows_the_merged_cursor() {
        let facts = spec_facts(Verb::Get, false, vec![p("query", ParamType::String, true)]);
        assert!(!facts.paginated);
        let method = one(
            Some(facts),
            Some(sdk_facts(
                Verb::Get,
                vec![
                    p("query", ParamType::String, true),
                    p("cursor", ParamType::String, false),
                ],
            )),
            None,
        );
        assert!(method.paginated);
        let newer = one(
            None,
            Some(sdk_facts(
                Verb::Post,
                vec![p("limit", ParamType::Integer, false)],
            )),
            None,
        );
        assert!(!newer.paginated);
    }

    #[test]
    fn rule_9_deprecation_from_the_spec() {
        let mut facts = spec_facts(Verb::Post, true, vec![]);
        facts.deprecated = true;
        assert!(one(Some(facts), Some(sdk_facts(Verb::Post, vec![])), None).deprecated);
        assert!(!one(None, Some(sdk_facts(Verb::Post, vec![])), None).deprecated);
    }

    #[test]
    fn rule_9_deprecation_also_from_the_sdks_warnings() {
        // `stars.*` is in the spec and the SDK's table, which do not say it; the SDK warns.
        let stars =
            BTreeMap::from([("stars.add".to_owned(), spec_facts(Verb::Post, true, vec![]))]);
        let sdk = BTreeMap::from([("stars.add".to_owned(), sdk_facts(Verb::Post, vec![]))]);
        // A method only the tier table knows, of a family the SDK warns about.
        let tiers = BTreeMap::from([
            ("admin.conversations.whitelist.add".to_owned(), Tier::Tier2),
            ("reminders.add".to_owned(), Tier::Tier2),
        ]);
        let catalog = merge(stars, sdk, tiers);
        let by_name = |name: &str| catalog.methods.iter().find(|m| m.name == name).unwrap();
        for name in ["stars.add", "admin.conversations.whitelist.add"] {
            let method = by_name(name);
            assert!(method.deprecated, "{name}");
            assert_eq!(method.replacement, None, "{name}: the SDK names none");
        }
        assert!(!by_name("reminders.add").deprecated);
    }

    #[test]
    fn rule_10_retired_methods_are_deprecated_with_their_replacement() {
        let sdk: BTreeMap<String, SdkFacts> =
            ["channels.history", "conversations.history", "im.foo"]
                .into_iter()
                .map(|name| (name.to_owned(), sdk_facts(Verb::Post, vec![])))
                .collect();
        let catalog = merge(BTreeMap::new(), sdk, BTreeMap::new());
        let by_name = |name: &str| catalog.methods.iter().find(|m| m.name == name).unwrap();
        let old = by_name("channels.history");
        assert!(old.deprecated);
        assert_eq!(old.replacement.as_deref(), Some("`conversations.history`"));
        assert_eq!(
            by_name("im.foo").replacement.as_deref(),
            Some("a `conversations.*` method")
        );
        let current = by_name("conversations.history");
        assert!(!current.deprecated && current.replacement.is_none());
    }
}
