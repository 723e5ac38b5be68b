//! Which list parameters Slack takes as a JSON array, where the spec does not say.
//!
//! A list parameter travels in one of two ways: comma-separated text (`users=U1,U2`), or JSON
//! text holding a JSON array (`blocks=[{"type":"section",..}]`). Sent the wrong way, Slack
//! answers `invalid_arguments` or `invalid_blocks_format`. The catalog tells them apart:
//! [`ParamType::List`] and [`ParamType::JsonList`].
//!
//! Where the spec's description of a parameter says it is a JSON array, the spec is the source
//! (`model.rs`: `chat.postMessage`'s `blocks` and `attachments`, `workflows.updateStep`'s
//! `outputs`). For the rest, [`FACTS`] below holds what Slack's Python SDK does with each list
//! (read from its `WebClient`, the same version as the SDK's method table). The SDK's method
//! table says `list` for both kinds; its rule, and so the default here, is comma-separated
//! text: for every method it sends as a form, the SDK joins a list with commas, except the
//! ones in the table. For a method it sends with a JSON body, the SDK puts lists in the body
//! as JSON arrays, which in a form (the client sends forms) is JSON text; so every list of such
//! a method must be settled, by the spec or by a row, and [`apply`] refuses one that is not.
//!
//! [`apply`] also refuses a row that does not name a list of the SDK's table, a row the spec
//! already settles, and a parameter given two rows: the table cannot go stale unnoticed.

use crate::model::{DataError, ParamType, SpecFacts};
use crate::sdk::{Body, SdkFacts};
use std::collections::BTreeMap;

/// How a list parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    /// JSON text holding a JSON array.
    JsonArray,
    /// Comma-separated text.
    CommaText,
}

/// One fact: a list parameter of a method, how it is sent, and the evidence.
pub struct Fact {
    pub method: &'static str,
    pub param: &'static str,
    pub sent: Sent,
    /// The evidence, for the people who keep the table (the generator does not need it).
    #[allow(dead_code)]
    pub why: &'static str,
}

const fn json(method: &'static str, param: &'static str, why: &'static str) -> Fact {
    Fact {
        method,
        param,
        sent: Sent::JsonArray,
        why,
    }
}

const fn comma(method: &'static str, param: &'static str, why: &'static str) -> Fact {
    Fact {
        method,
        param,
        sent: Sent::CommaText,
        why,
    }
}

/// The evidence of a JSON-body method's list: the SDK sends it inside its JSON body.
const IN_JSON_BODY: &str = "the SDK sends it as a JSON array in a JSON body";

/// The lists the spec does not settle, sorted by method and parameter.
pub const FACTS: &[Fact] = &[
    json(
        "assistant.threads.setStatus",
        "loading_messages",
        "texts that may hold commas; the SDK sends them as a JSON array in a JSON body",
    ),
    json(
        "assistant.threads.setSuggestedPrompts",
        "prompts",
        "prompt objects (`title`, `message`); the SDK sends them as a JSON array in a JSON body",
    ),
    json(
        "calls.add",
        "users",
        "user objects (`slack_id` or `external_id`); the SDK encodes a list of them as JSON text in its form",
    ),
    json(
        "calls.participants.add",
        "users",
        "user objects, as for `calls.add`; the SDK encodes them as JSON text in its form",
    ),
    json(
        "calls.participants.remove",
        "users",
        "user objects, as for `calls.add`; the SDK encodes them as JSON text in its form",
    ),
    json(
        "canvases.edit",
        "changes",
        "change objects (`operation`, `document_content`); the SDK sends them as a JSON array in a JSON body",
    ),
    json("chat.appendStream", "chunks", "chunk objects; the SDK sends them as a JSON array in a JSON body"),
    json("chat.startStream", "chunks", "chunk objects; the SDK sends them as a JSON array in a JSON body"),
    json(
        "chat.stopStream",
        "blocks",
        "block objects, as `chat.postMessage`'s; the SDK sends them as a JSON array in a JSON body",
    ),
    json("chat.stopStream", "chunks", "chunk objects; the SDK sends them as a JSON array in a JSON body"),
    json(
        "chat.unfurl",
        "user_auth_blocks",
        "block objects (the spec predates the parameter); the SDK sends them as a JSON array in a JSON body",
    ),
    comma(
        "chat.update",
        "file_ids",
        "file ids; the SDK joins them with commas, also inside its JSON body",
    ),
    json(
        "files.completeUploadExternal",
        "files",
        "file objects (`id`, `title`); the SDK encodes them as JSON text in its form",
    ),
    json("slackLists.access.delete", "channel_ids", IN_JSON_BODY),
    json("slackLists.access.delete", "user_ids", IN_JSON_BODY),
    json("slackLists.access.set", "channel_ids", IN_JSON_BODY),
    json("slackLists.access.set", "user_ids", IN_JSON_BODY),
    json(
        "slackLists.create",
        "description_blocks",
        "rich-text block objects; the SDK sends them as a JSON array in a JSON body",
    ),
    json(
        "slackLists.create",
        "schema",
        "column objects; the SDK sends them as a JSON array in a JSON body",
    ),
    json(
        "slackLists.items.create",
        "initial_fields",
        "field objects; the SDK sends them as a JSON array in a JSON body",
    ),
    json("slackLists.items.deleteMultiple", "ids", IN_JSON_BODY),
    json(
        "slackLists.items.update",
        "cells",
        "cell objects; the SDK sends them as a JSON array in a JSON body",
    ),
    json(
        "slackLists.update",
        "description_blocks",
        "rich-text block objects; the SDK sends them as a JSON array in a JSON body",
    ),
];

/// Marks the SDK's lists that are JSON arrays by `facts` ([`FACTS`] for the reference data), so
/// that the merge (rule 7 of `merge.rs`) carries them into the catalog; checks the table
/// against both sources.
pub fn apply(
    facts: &[Fact],
    spec: &BTreeMap<String, SpecFacts>,
    sdk: &mut BTreeMap<String, SdkFacts>,
) -> Result<(), DataError> {
    let fail = |message: String| Err(DataError(message));
    for (index, fact) in facts.iter().enumerate() {
        let (method, name) = (fact.method, fact.param);
        let row = format!("the row `{method}` `{name}` of `xtask/src/json_lists.rs`");
        if facts[..index]
            .iter()
            .any(|seen| seen.method == method && seen.param == name)
        {
            return fail(format!("{row} is there twice"));
        }
        let Some(param) = sdk
            .get_mut(method)
            .and_then(|facts| facts.params.iter_mut().find(|param| param.name == name))
        else {
            return fail(format!(
                "{row} names no parameter of the SDK's table; remove it or correct it"
            ));
        };
        if param.ty != ParamType::List {
            return fail(format!(
                "{row} names a parameter the SDK's table does not type as a list; remove it or correct it"
            ));
        }
        if spec_says_json_array(spec, method, name) {
            return fail(format!(
                "{row} is a fact the spec already gives (its description says a JSON array); remove the row"
            ));
        }
        if fact.sent == Sent::JsonArray {
            param.ty = ParamType::JsonList;
        }
    }
    for (method, facts_of) in sdk.iter() {
        if facts_of.body != Body::Json {
            continue;
        }
        for param in &facts_of.params {
            let settled = param.ty != ParamType::List
                || spec_says_json_array(spec, method, &param.name)
                || facts
                    .iter()
                    .any(|fact| fact.method == method && fact.param == param.name);
            if !settled {
                return fail(format!(
                    "the list `{}` of `{method}` is sent in a JSON body by Slack's Python SDK, and neither the spec nor `xtask/src/json_lists.rs` says whether Slack takes it as a JSON array or as comma-separated text; add a row",
                    param.name
                ));
            }
        }
    }
    Ok(())
}

fn spec_says_json_array(spec: &BTreeMap<String, SpecFacts>, method: &str, name: &str) -> bool {
    spec.get(method).is_some_and(|facts| {
        facts
            .params
            .iter()
            .any(|param| param.name == name && param.ty == ParamType::JsonList)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Param, Verb};

    fn p(name: &str, ty: ParamType) -> Param {
        Param {
            name: name.to_owned(),
            ty,
            required: false,
        }
    }

    fn sdk_method(body: Body, params: Vec<Param>) -> SdkFacts {
        SdkFacts {
            verb: Verb::Post,
            body,
            params,
        }
    }

    fn spec_method(params: Vec<Param>) -> SpecFacts {
        SpecFacts {
            verb: Verb::Post,
            verb_corrected: false,
            scopes: Vec::new(),
            other_scopes: Vec::new(),
            params,
            posted_text: Vec::new(),
            paginated: false,
            deprecated: false,
            writes: true,
        }
    }

    /// An SDK with a form method (`calls.add`) and a JSON-body one (`chat.postMessage`), and a
    /// spec that calls `chat.postMessage`'s `blocks` a JSON array.
    fn sources() -> (BTreeMap<String, SpecFacts>, BTreeMap<String, SdkFacts>) {
        let spec = BTreeMap::from([(
            "chat.postMessage".to_owned(),
            spec_method(vec![p("blocks", ParamType::JsonList)]),
        )]);
        let sdk = BTreeMap::from([
            (
                "calls.add".to_owned(),
                sdk_method(
                    Body::Form,
                    vec![p("users", ParamType::List), p("title", ParamType::String)],
                ),
            ),
            (
                "chat.postMessage".to_owned(),
                sdk_method(
                    Body::Json,
                    vec![p("blocks", ParamType::List), p("file_ids", ParamType::List)],
                ),
            ),
            (
                "conversations.open".to_owned(),
                sdk_method(Body::Form, vec![p("users", ParamType::List)]),
            ),
        ]);
        (spec, sdk)
    }

    fn ty(sdk: &BTreeMap<String, SdkFacts>, method: &str, name: &str) -> ParamType {
        sdk[method]
            .params
            .iter()
            .find(|param| param.name == name)
            .map(|param| param.ty)
            .unwrap()
    }

    #[test]
    fn rows_mark_json_arrays_and_lists_stay_comma_text_by_default() {
        let (spec, mut sdk) = sources();
        let facts = [
            json("calls.add", "users", "user objects"),
            comma("chat.postMessage", "file_ids", "joined with commas"),
        ];
        apply(&facts, &spec, &mut sdk).unwrap();
        assert_eq!(ty(&sdk, "calls.add", "users"), ParamType::JsonList);
        assert_eq!(ty(&sdk, "calls.add", "title"), ParamType::String);
        assert_eq!(ty(&sdk, "chat.postMessage", "file_ids"), ParamType::List);
        // The spec's JSON array is the merge's to carry; a form method's list without a row is
        // comma-separated text.
        assert_eq!(ty(&sdk, "chat.postMessage", "blocks"), ParamType::List);
        assert_eq!(ty(&sdk, "conversations.open", "users"), ParamType::List);
    }

    #[test]
    fn refuses_an_unsettled_list_of_a_json_body() {
        let (spec, mut sdk) = sources();
        let error = apply(&[], &spec, &mut sdk).unwrap_err();
        assert!(
            error
                .0
                .contains("the list `file_ids` of `chat.postMessage`"),
            "{}",
            error.0
        );
    }

    #[test]
    fn refuses_rows_that_are_stale_wrong_or_twice() {
        let settled = comma("chat.postMessage", "file_ids", "joined");
        let bad = [
            (json("calls.add", "userz", "typo"), "names no parameter"),
            (json("calls.ad", "users", "typo"), "names no parameter"),
            (
                json("calls.add", "title", "not a list"),
                "does not type as a list",
            ),
            (
                json("chat.postMessage", "blocks", "the spec says so"),
                "the spec already gives",
            ),
            (
                comma("chat.postMessage", "file_ids", "again"),
                "is there twice",
            ),
        ];
        for (fact, expected) in bad {
            let (spec, mut sdk) = sources();
            let facts = [comma(settled.method, settled.param, settled.why), fact];
            let error = apply(&facts, &spec, &mut sdk).unwrap_err();
            assert!(error.0.contains(expected), "{}", error.0);
        }
    }

    #[test]
    fn the_table_is_sorted_and_every_reason_is_written() {
        for pair in FACTS.windows(2) {
            assert!(
                (pair[0].method, pair[0].param) < (pair[1].method, pair[1].param),
                "{} {}",
                pair[1].method,
                pair[1].param
            );
        }
        assert!(FACTS.iter().all(|fact| !fact.why.is_empty()));
    }
}
