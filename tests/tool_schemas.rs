//! Every bundled binding's JSON Schema accepts exactly the arguments the binding accepts: on a
//! set of generated cases, a real JSON Schema (2020-12) validator and the registry's own path
//! (the argument check, then reading the arguments into the binding's struct) agree, both ways.
//!
//! The cases come from the schemas themselves: a pool of JSON values of every kind (numbers at
//! and past the integer types' bounds, ids of every shape, nested objects and arrays), values
//! built from each property's schema (its properties, items and additional properties, one
//! level at a time), every parameter set to every value next to a valid base, each required
//! parameter left out, an unknown one added, and pseudo-random mixes of several parameters.

use serde_json::{json, Map, Value};
use slack_methods::tools::{Registry, ToolError};
use slack_methods::{Error, ToolFacts};

/// Values of every kind, including those at the edges of what the field types accept.
fn pool() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!(-1),
        json!(1.0),
        json!(1.5),
        json!(-0.5),
        json!(127),
        json!(128),
        json!(255),
        json!(256),
        json!(-128),
        json!(-129),
        json!(65535),
        json!(65536),
        json!(2_147_483_647),
        json!(2_147_483_648u64),
        json!(4_294_967_295u64),
        json!(4_294_967_296u64),
        json!(-2_147_483_649i64),
        json!(9_007_199_254_740_993u64),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e20),
        json!(-1e20),
        json!(1e300),
        json!(""),
        json!("x"),
        json!("true"),
        json!("5"),
        json!("1512085950.000216"),
        json!("U0123ABCD"),
        json!("W0123"),
        json!("u0123"),
        json!("U"),
        json!("U01 23"),
        json!("U0123\n"),
        json!("C0123ABCD"),
        json!("#general"),
        json!("general"),
        json!("#"),
        json!("##"),
        json!("# general"),
        json!("#\u{feff}x"),
        json!("#gén\u{85}"),
        json!("G01"),
        json!("D01"),
        json!("T0123"),
        json!("E0123"),
        json!("B01"),
        json!("A01"),
        json!("F01"),
        json!("S01"),
        json!("V01"),
        json!("R01"),
        json!("X01"),
        json!([]),
        json!([1]),
        json!(["x"]),
        json!(["U0123ABCD", "C0123ABCD"]),
        json!([null]),
        json!([{"type": "divider"}]),
        json!([{"text": "no type"}]),
        json!({}),
        json!({"type": "divider"}),
        json!({"type": 5}),
        json!({"a": 1}),
        json!({"status_text": "x"}),
        json!({"type": "plain_text", "text": "x"}),
        json!({"event_type": "e", "event_payload": {}}),
    ]
}

/// A few values of each kind, to fill nested places without multiplying the cases.
fn small_pool() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(3),
        json!(2.5),
        json!(i64::MIN),
        json!(u64::MAX),
        json!("x"),
        json!("U0123ABCD"),
        json!("F0123ABCD"),
        json!("C0123ABCD"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"type": "section"}),
    ]
}

/// Values built from `schema`: the values it names (`enum`, `const`), objects with each of its
/// properties set to each small-pool value (and to values built from the property's own schema,
/// `depth` levels down), with an unknown key, with each required key left out; arrays of one
/// value built from the items.
fn derived(schema: &Value, depth: usize) -> Vec<Value> {
    let mut out = Vec::new();
    if depth == 0 {
        return out;
    }
    let Some(schema) = schema.as_object() else {
        return out;
    };
    for option in schema
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        out.extend(derived(option, depth));
    }
    // The values a schema names (`enum`, `const`), and a string near each that it does not.
    let named = schema
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    for value in named.chain(schema.get("const")) {
        out.push(value.clone());
        if let Some(text) = value.as_str() {
            out.push(json!(text.to_uppercase()));
        }
    }
    let properties = schema.get("properties").and_then(Value::as_object);
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if properties.is_some() || schema.contains_key("additionalProperties") {
        // A base object with every required key at a value its schema accepts, if any.
        let mut base = Map::new();
        for name in &required {
            let property = properties
                .and_then(|p| p.get(*name))
                .unwrap_or(&Value::Bool(true));
            if let Some(value) = small_pool()
                .into_iter()
                .chain(derived(property, depth - 1))
                .find(|value| valid(property, value))
            {
                base.insert((*name).to_owned(), value);
            }
        }
        out.push(Value::Object(base.clone()));
        for (name, property) in properties.into_iter().flatten() {
            for value in small_pool().into_iter().chain(derived(property, depth - 1)) {
                let mut object = base.clone();
                object.insert(name.clone(), value);
                out.push(Value::Object(object));
            }
        }
        for name in &required {
            let mut object = base.clone();
            object.remove(*name);
            out.push(Value::Object(object));
        }
        let extra = schema
            .get("additionalProperties")
            .unwrap_or(&Value::Bool(true));
        for value in small_pool().into_iter().chain(derived(extra, depth - 1)) {
            let mut object = base.clone();
            object.insert("Xf0NOTNAMED".to_owned(), value);
            out.push(Value::Object(object));
        }
    }
    if let Some(items) = schema.get("items") {
        for value in small_pool().into_iter().chain(derived(items, depth - 1)) {
            out.push(json!([value.clone()]));
            out.push(json!([value.clone(), value]));
        }
    }
    out
}

/// Whether `value` fits `schema`, by the real validator.
fn valid(schema: &Value, value: &Value) -> bool {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let mut schema = schema.clone();
    if let Value::Object(map) = &mut schema {
        map.insert(
            "$schema".into(),
            "https://json-schema.org/draft/2020-12/schema".into(),
        );
    }
    compiler.add_resource("urn:part", schema).unwrap();
    let index = compiler.compile("urn:part", &mut schemas).unwrap();
    schemas.validate(value, index).is_ok()
}

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The candidate values of each parameter: the pool and the values built from its schema.
fn candidates(schema: &Value) -> Vec<Value> {
    let mut values = pool();
    values.extend(derived(schema, 3));
    values
}

/// The cases of one tool.
fn cases(tool: &ToolFacts) -> Vec<Value> {
    let schema = Value::Object(tool.input_schema());
    let properties = schema["properties"].as_object().unwrap().clone();
    let mut base = Map::new();
    for param in tool.params.iter().filter(|param| param.required) {
        let property = &properties[param.name];
        let value = candidates(property)
            .into_iter()
            .find(|value| valid(property, value))
            .unwrap_or_else(|| panic!("{}: no value fits `{}`", tool.operation_id, param.name));
        base.insert(param.name.to_owned(), value);
    }
    let mut out = vec![Value::Object(base.clone())];
    let all: Vec<(String, Vec<Value>)> = properties
        .iter()
        .map(|(name, property)| (name.clone(), candidates(property)))
        .collect();
    for (name, values) in &all {
        for value in values {
            let mut args = base.clone();
            args.insert(name.clone(), value.clone());
            out.push(Value::Object(args));
        }
    }
    for param in tool.params.iter().filter(|param| param.required) {
        let mut args = base.clone();
        args.remove(param.name);
        out.push(Value::Object(args));
    }
    let mut unknown = base.clone();
    unknown.insert("not_a_parameter".into(), json!(true));
    out.push(Value::Object(unknown));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ tool.operation_id.len() as u64);
    for _ in 0..300 {
        let mut args = Map::new();
        for (name, values) in &all {
            if rng.below(2) == 0 {
                args.insert(name.clone(), values[rng.below(values.len())].clone());
            }
        }
        out.push(Value::Object(args));
    }
    out
}

#[test]
fn every_bundled_schema_accepts_exactly_what_its_binding_accepts() {
    let registry = Registry::bundled();
    assert_eq!(registry.len(), slack_methods::methods::ALL.len());
    for tool in registry.tools() {
        let schema = Value::Object(tool.input_schema());
        // The schema is valid 2020-12 (the validator checks it against the meta-schema).
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource("urn:tool", schema.clone()).unwrap();
        let index = compiler
            .compile("urn:tool", &mut schemas)
            .unwrap_or_else(|err| {
                panic!(
                    "{}: the schema does not compile: {err:#}",
                    tool.operation_id
                )
            });
        let cases = cases(tool);
        let mut accepted = 0;
        let mut mismatches = Vec::new();
        for args in &cases {
            let by_schema = schemas.validate(args, index).is_ok();
            // What the binding reads: its own validation runs after that (in `check` too),
            // with rules a schema does not state, so its refusal counts as read.
            let by_binding = match registry.check(tool.operation_id, args.clone()) {
                Err(ToolError::Call(Error::InvalidRequest { .. })) => Ok(()),
                other => other,
            };
            if by_schema != by_binding.is_ok() {
                mismatches.push(format!(
                    "{args}: the schema {}, the binding {}",
                    if by_schema { "accepts" } else { "rejects" },
                    match &by_binding {
                        Ok(()) => "accepts".to_owned(),
                        Err(error) => format!("rejects ({error})"),
                    }
                ));
            }
            accepted += usize::from(by_schema);
        }
        assert!(
            mismatches.is_empty(),
            "{}: {} of {} cases disagree, such as:\n{}",
            tool.operation_id,
            mismatches.len(),
            cases.len(),
            mismatches
                .iter()
                .take(10)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        // Cases on both sides, so that the agreement means something.
        assert!(accepted > 0, "{}: no case is accepted", tool.operation_id);
        if !tool.params.is_empty() {
            assert!(
                accepted < cases.len(),
                "{}: no case is rejected",
                tool.operation_id
            );
            assert!(
                cases.len() >= 100,
                "{}: only {} cases",
                tool.operation_id,
                cases.len()
            );
        }
    }
}

#[test]
fn every_bundled_schema_names_the_parameters() {
    for tool in Registry::bundled().tools() {
        let schema = Value::Object(tool.input_schema());
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["additionalProperties"], false);
        let names: Vec<&str> = tool.params.iter().map(|param| param.name).collect();
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        properties.sort_unstable();
        assert_eq!(properties, sorted, "{}", tool.operation_id);
        let required: Vec<&str> = tool
            .params
            .iter()
            .filter(|param| param.required)
            .map(|param| param.name)
            .collect();
        assert_eq!(schema["required"], json!(required), "{}", tool.operation_id);
        assert_eq!(
            tool.operation_id,
            slack_methods::operation_id(tool.method.name),
            "the macro and the runtime name the tool alike"
        );
    }
}
