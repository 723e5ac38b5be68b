//! Rules that look across the whole binding, the checks against the method catalog, and the
//! metadata defaults.
//!
//! Takes the parsed arguments and struct and gives the validated [`Method`] that `expand.rs`
//! turns into code without further checks.

use crate::args::{Args, HttpVerb, Tier};
use crate::ast::{self, Field, Input};
use crate::catalog::{self, ParamType};
use crate::ctxt::Ctxt;
use crate::similar;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use std::collections::HashMap;
use syn::{Ident, LitStr, Path, Type};

/// A binding ready to expand: every default filled in, every rule checked.
pub struct Method<'a> {
    pub input: Input<'a>,
    /// The path of the slack-methods crate (`::slack_methods` unless `crate = ..`).
    pub krate: TokenStream,
    pub name: LitStr,
    pub verb: HttpVerb,
    pub scopes: Vec<LitStr>,
    pub tier: TierValue,
    pub writes: bool,
    pub paginated: bool,
    pub deprecated: bool,
    /// The note of the deprecation warning, when the catalog says Slack has deprecated the
    /// method and the attribute does not acknowledge it with `deprecated`.
    pub deprecation_warning: Option<String>,
    /// `None`: the untyped response (every field Slack sent).
    pub response: Option<Type>,
    pub validate: Option<Path>,
}

/// The rate-limit tier to emit.
pub enum TierValue {
    /// `Tier1`..`Tier4`, spanned where it was written (or at the call site).
    Numbered(u8, Span),
    /// A limit of its own, named after the method that has it.
    Special(LitStr),
    /// Not written in the attribute and not known otherwise.
    Unknown,
}

/// The path generated code names the runtime through, unless the user says `crate = ".."`.
/// Written here and nowhere else.
pub fn default_crate_path() -> TokenStream {
    quote::quote!(::slack_methods)
}

/// The crate path to use for `args`, whether or not they are otherwise valid.
pub fn crate_path(args: &Args) -> TokenStream {
    match &args.krate {
        Some(path) => path.to_token_stream(),
        None => default_crate_path(),
    }
}

/// Checks the rules that span several fields, checks the binding against the catalog, and fills
/// in the metadata the attribute left out. `None` when the name is missing (already reported).
pub fn check<'a>(cx: &Ctxt, args: Args, input: Input<'a>) -> Option<Method<'a>> {
    check_token_fields(cx, &input.fields);
    check_wire_names(cx, &input.fields);
    check_flags(cx, &args);
    let name = args.name.as_ref()?;
    let entry = catalog::lookup(&name.value());
    match entry {
        None => check_unknown_method(cx, &args, name),
        Some(method) => {
            check_metadata(cx, &args, method);
            if method.in_spec {
                check_fields(cx, &input, method);
            }
        }
    }
    Some(fill_defaults(args, input, entry))
}

/// The metadata: what the attribute says, else what the catalog says, else the defaults of a
/// method the catalog does not know (POST, no scope, unknown tier, a write).
fn fill_defaults<'a>(
    args: Args,
    input: Input<'a>,
    entry: Option<&'static catalog::Method>,
) -> Method<'a> {
    let krate = crate_path(&args);
    // `check` only calls this with a name.
    let name = args
        .name
        .unwrap_or_else(|| LitStr::new("", Span::call_site()));
    let verb = match (&args.verb, entry.and_then(|method| method.verb)) {
        (Some((verb, _)), _) => *verb,
        (None, Some(catalog::Verb::Get)) => HttpVerb::Get,
        (None, _) => HttpVerb::Post,
    };
    let scopes = match entry {
        _ if !args.scopes.is_empty() || args.no_scope.is_some() => args.scopes,
        Some(method) => method
            .scopes
            .iter()
            .map(|scope| LitStr::new(scope, Span::call_site()))
            .collect(),
        None => Vec::new(),
    };
    let tier = match (args.tier, entry) {
        (Some(Tier::Numbered(n, lit)), _) => TierValue::Numbered(n, lit.span()),
        (Some(Tier::Special(lit)), _) => TierValue::Special(LitStr::new(&name.value(), lit.span())),
        (None, Some(method)) => catalog_tier(method.tier),
        (None, None) => TierValue::Unknown,
    };
    let deprecated_by_slack = entry.is_some_and(|method| method.deprecated);
    let deprecation_warning = (deprecated_by_slack && args.deprecated.is_none()).then(|| {
        format!(
            "Slack has deprecated `{}`; bind its replacement, or acknowledge it with `deprecated` \
             in `#[slack_method(..)]` or `#[allow(deprecated)]` on the struct",
            name.value()
        )
    });
    Method {
        input,
        krate,
        verb,
        scopes,
        tier,
        writes: match (&args.writes, entry) {
            (Some(lit), _) => lit.value,
            (None, Some(method)) => method.writes,
            (None, None) => true,
        },
        paginated: args.paginated.is_some() || entry.is_some_and(|method| method.paginated),
        deprecated: args.deprecated.is_some() || deprecated_by_slack,
        deprecation_warning,
        response: args.response,
        validate: args.validate,
        name,
    }
}

fn catalog_tier(tier: catalog::Tier) -> TierValue {
    let span = Span::call_site();
    match tier {
        catalog::Tier::Tier1 => TierValue::Numbered(1, span),
        catalog::Tier::Tier2 => TierValue::Numbered(2, span),
        catalog::Tier::Tier3 => TierValue::Numbered(3, span),
        catalog::Tier::Tier4 => TierValue::Numbered(4, span),
        catalog::Tier::Special(owner) => TierValue::Special(LitStr::new(owner, span)),
    }
}

/// Flags that contradict or need another argument: `no_scope` next to `scope = ..`, and an
/// `unchecked_*` flag without the argument it vouches for.
fn check_flags(cx: &Ctxt, args: &Args) {
    if let (Some(flag), true) = (&args.no_scope, args.wrote("scope")) {
        cx.error_spanned_by(
            flag,
            "`no_scope` contradicts the `scope = ..` written here; remove one of them",
        );
    }
    let pairs = [
        (
            &args.unchecked_scope,
            args.wrote("scope") || args.no_scope.is_some(),
            "`scope = ..` or `no_scope`",
        ),
        (&args.unchecked_tier, args.wrote("tier"), "`tier = ..`"),
        (&args.unchecked_verb, args.wrote("verb"), "`verb = ..`"),
    ];
    for (flag, has_value, value) in pairs {
        if let (Some(flag), false) = (flag, has_value) {
            cx.error_spanned_by(
                flag,
                format!("`{flag}` vouches for a written {value}, and there is none; remove it"),
            );
        }
    }
}

/// A method the catalog does not know: a misspelling, or a method newer than the catalog, which
/// is accepted when the attribute writes out what the catalog would give (scopes, tier, verb).
fn check_unknown_method(cx: &Ctxt, args: &Args, name: &LitStr) {
    let missing = missing_metadata(args, true);
    if missing.is_empty() {
        return;
    }
    let suggestions = catalog::suggest(&name.value());
    let full = if missing.len() == 3 {
        format!("write its {}", and_list(&missing))
    } else {
        format!("also write its {}", and_list(&missing))
    };
    let message = if suggestions.is_empty() {
        format!(
            "unknown Slack method `{}`; for a method newer than the catalog, {full}",
            name.value()
        )
    } else {
        format!(
            "unknown Slack method `{}`; did you mean {}? (for a method newer than the catalog, {full})",
            name.value(),
            either(&suggestions)
        )
    };
    cx.error_spanned_by(name, message);
}

/// The metadata arguments a binding must write for a method whose facts the catalog lacks.
fn missing_metadata(args: &Args, tier_unknown: bool) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !args.wrote("scope") && args.no_scope.is_none() {
        missing.push("`scope`/`no_scope`");
    }
    if tier_unknown && !args.wrote("tier") {
        missing.push("`tier`");
    }
    if !args.wrote("verb") {
        missing.push("`verb`");
    }
    missing
}

/// `a`, `a and b`, `a, b and c`, for items that are already quoted.
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
fn either(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// `` the scope `a` `` or `` one of the scopes `a`, `b` or `c` ``.
fn one_of(scopes: &[&str]) -> String {
    if scopes.len() == 1 {
        format!("the scope {}", either(scopes))
    } else {
        format!("one of the scopes {}", either(scopes))
    }
}

/// The written scopes, tier and verb against the catalog's. A method outside the spec has a
/// tier only: its scopes and verb must be written.
fn check_metadata(cx: &Ctxt, args: &Args, method: &catalog::Method) {
    let name = method.name;
    if !method.in_spec {
        let missing = missing_metadata(args, false);
        if let (false, Some(lit)) = (missing.is_empty(), &args.name) {
            cx.error_spanned_by(
                lit,
                format!(
                    "the catalog knows `{name}` by name and tier only (it is not in Slack's spec); write its {}",
                    and_list(&missing)
                ),
            );
        }
    }
    if method.in_spec && args.unchecked_scope.is_none() {
        check_scopes(cx, args, method);
    }
    if let (Some(tier), None) = (&args.tier, &args.unchecked_tier) {
        check_tier(cx, tier, method);
    }
    if let (Some((verb, lit)), Some(expected), None) =
        (&args.verb, method.verb, &args.unchecked_verb)
    {
        let expected = match expected {
            catalog::Verb::Get => HttpVerb::Get,
            catalog::Verb::Post => HttpVerb::Post,
        };
        if *verb != expected {
            let text = match expected {
                HttpVerb::Get => "GET",
                HttpVerb::Post => "POST",
            };
            cx.error_spanned_by(
                lit,
                format!(
                    "`{name}` is called with {text}; write `verb = \"{text}\"` or leave `verb` out, or add `unchecked_verb` if this is deliberate"
                ),
            );
        }
    }
}

fn check_scopes(cx: &Ctxt, args: &Args, method: &catalog::Method) {
    let name = method.name;
    const DELIBERATE: &str = "or add `unchecked_scope` if this is deliberate";
    if let (Some(flag), false) = (&args.no_scope, method.scopes.is_empty()) {
        cx.error_spanned_by(
            flag,
            format!(
                "`{name}` needs {}; remove `no_scope` to take it from the catalog, {DELIBERATE}",
                one_of(method.scopes)
            ),
        );
    }
    for lit in &args.scopes {
        let scope = lit.value();
        if method.accepts_scope(&scope) {
            continue;
        }
        let suggestions = catalog::suggest_scope(method, &scope);
        let message = if method.scopes.is_empty() {
            format!("`{name}` needs no scope; remove `scope = \"{scope}\"`, {DELIBERATE}")
        } else if suggestions.is_empty() {
            format!(
                "scope `{scope}` does not allow `{name}`, which needs {}; write that or leave `scope` out, {DELIBERATE}",
                one_of(method.scopes)
            )
        } else {
            format!(
                "scope `{scope}` does not allow `{name}`; did you mean {}? (or add `unchecked_scope` if this is deliberate)",
                either(&suggestions)
            )
        };
        cx.error_spanned_by(lit, message);
    }
}

fn check_tier(cx: &Ctxt, tier: &Tier, method: &catalog::Method) {
    let name = method.name;
    let agrees = match (tier, method.tier) {
        (Tier::Numbered(n, _), catalog::Tier::Tier1) => *n == 1,
        (Tier::Numbered(n, _), catalog::Tier::Tier2) => *n == 2,
        (Tier::Numbered(n, _), catalog::Tier::Tier3) => *n == 3,
        (Tier::Numbered(n, _), catalog::Tier::Tier4) => *n == 4,
        (Tier::Special(_), catalog::Tier::Special(owner)) => owner == name,
        _ => false,
    };
    if agrees {
        return;
    }
    let fix = match method.tier {
        catalog::Tier::Tier1 => "is tier 1; write `tier = 1` or leave it out".to_owned(),
        catalog::Tier::Tier2 => "is tier 2; write `tier = 2` or leave it out".to_owned(),
        catalog::Tier::Tier3 => "is tier 3; write `tier = 3` or leave it out".to_owned(),
        catalog::Tier::Tier4 => "is tier 4; write `tier = 4` or leave it out".to_owned(),
        catalog::Tier::Special(owner) if owner == name => {
            "has a limit of its own; write `tier = \"special\"` or leave it out".to_owned()
        }
        catalog::Tier::Special(owner) => {
            format!("shares the limit of `{owner}`, which `tier` cannot say; leave it out")
        }
    };
    cx.syn_error(syn::Error::new(
        tier.span(),
        format!("`{name}` {fix}, or add `unchecked_tier` if Slack has changed it"),
    ));
}

/// The fields against the method's parameters: each is a parameter, with a type that fits,
/// not optional when required; and every required parameter has a field.
fn check_fields(cx: &Ctxt, input: &Input, method: &catalog::Method) {
    let name = method.name;
    let mut present: Vec<String> = Vec::new();
    // A required parameter cannot be skipped; reported at the `skip`, and counted as present so
    // that it is not reported missing as well.
    for field in &input.fields {
        let (Some(skip), false) = (&field.attrs.skip, field.attrs.broken) else {
            continue;
        };
        let wire = field.wire_name();
        if method.param(&wire).is_some_and(|param| param.required) {
            cx.error_spanned_by(
                skip,
                format!(
                    "`{wire}` is a required parameter of `{name}` and cannot be skipped; remove `skip` and send it"
                ),
            );
            present.push(wire);
        }
    }
    for field in input.fields.iter().filter(|field| field.is_sent()) {
        let wire = field.wire_name();
        present.push(wire.clone());
        if wire == "token" || field.attrs.unchecked.is_some() || field.attrs.broken {
            continue;
        }
        let Some(param) = method.param(&wire) else {
            cx.syn_error(syn::Error::new(
                field.wire_name_span(),
                unknown_param_message(method, &wire),
            ));
            continue;
        };
        let inner = field.option_inner();
        if let (true, Some(_)) = (param.required, inner) {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "`{wire}` is a required parameter of `{name}`; remove the `Option`, or add `#[slack(unchecked)]` if this is deliberate"
                ),
            );
        }
        if field.attrs.json.is_none() {
            check_field_type(cx, inner.unwrap_or(field.ty), &wire, param.ty, name);
        }
    }
    // A field whose attributes are broken may be meant as any parameter.
    if input.fields.iter().any(|field| field.attrs.broken) {
        return;
    }
    let missing: Vec<&catalog::Param> = method
        .required_params()
        .filter(|param| !present.iter().any(|wire| wire == param.name))
        .collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|param| param.name).collect();
    let fields: Vec<String> = missing
        .iter()
        .map(|param| format!("pub {}: {}", field_name(param.name), rust_type(param.ty)))
        .collect();
    let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
    let (noun, field_noun) = if names.len() == 1 {
        ("parameter", "a field")
    } else {
        ("parameters", "fields")
    };
    cx.error_spanned_by(
        input.ident,
        format!(
            "`{name}` requires the {noun} {}; add {field_noun} {}",
            similar::list(&names),
            similar::list(&fields)
        ),
    );
}

fn unknown_param_message(method: &catalog::Method, wire: &str) -> String {
    let name = method.name;
    let suggestions = catalog::suggest_param(method, wire);
    if !suggestions.is_empty() {
        return format!(
            "`{name}` has no parameter `{wire}`; did you mean {}?",
            either(&suggestions)
        );
    }
    const NEWER: &str = "mark a parameter newer than the catalog with `#[slack(unchecked)]`";
    if method.params.is_empty() {
        return format!("`{name}` takes no parameters; remove `{wire}`, or {NEWER}");
    }
    let names: Vec<&str> = method.params.iter().map(|param| param.name).collect();
    format!(
        "`{name}` has no parameter `{wire}`; its parameters are {}, or {NEWER}",
        similar::list(&names)
    )
}

/// A field name for a parameter: the name itself, or `r#name` for a Rust keyword.
fn field_name(param: &str) -> String {
    if syn::parse_str::<Ident>(param).is_ok() {
        param.to_owned()
    } else {
        format!("r#{param}")
    }
}

fn rust_type(ty: ParamType) -> &'static str {
    match ty {
        ParamType::String => "String",
        ParamType::Boolean => "bool",
        ParamType::Integer => "i64",
        ParamType::Number => "f64",
    }
}

/// What a field's type certainly is, where that can be told from its spelling.
#[derive(PartialEq, Eq)]
enum Shape {
    Bool,
    Text,
    Float,
    Other,
}

fn shape(ty: &Type) -> Shape {
    match ast::ungroup(ty) {
        Type::Reference(reference) => shape(&reference.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return Shape::Other;
            };
            if !last.arguments.is_none() {
                return Shape::Other;
            }
            match last.ident.to_string().as_str() {
                "bool" => Shape::Bool,
                "String" | "str" => Shape::Text,
                "f32" | "f64" => Shape::Float,
                _ => Shape::Other,
            }
        }
        _ => Shape::Other,
    }
}

/// Only mismatches that are certain: a `bool` for a parameter that is not a boolean, text for a
/// boolean, a float for an integer. (Slack's strings also carry numbers, e.g. timestamps; and a
/// `bool` for a string parameter is accepted when the spec types the same name as a boolean
/// elsewhere, as it does `as_user`.)
fn check_field_type(cx: &Ctxt, ty: &Type, wire: &str, expected: ParamType, name: &str) {
    let fix = match (shape(ty), expected) {
        (Shape::Bool, ParamType::String) if catalog::boolean_somewhere(wire) => return,
        (Shape::Bool, ParamType::String) => "a string; write `String` or `&str`",
        (Shape::Bool, ParamType::Integer) => "an integer; write an integer type such as `u32`",
        (Shape::Bool, ParamType::Number) => "a number; write a number type such as `f64`",
        (Shape::Text, ParamType::Boolean) => "a boolean; write `bool`",
        (Shape::Float, ParamType::Integer) => "an integer; write an integer type such as `u32`",
        _ => return,
    };
    cx.error_spanned_by(
        ty,
        format!(
            "`{wire}` of `{name}` is {fix}, or add `#[slack(unchecked)]` if this is deliberate"
        ),
    );
}

const TOKEN_RULE: &str = "the token travels in the `Authorization` header; remove this field and give the token to the `Client`";

/// No parameter is sent as `token`.
fn check_token_fields(cx: &Ctxt, fields: &[Field]) {
    for field in fields.iter().filter(|field| field.is_sent()) {
        if field.wire_name() == "token" {
            match &field.attrs.rename {
                Some(lit) => {
                    cx.error_spanned_by(lit, format!("a field renamed to `token`: {TOKEN_RULE}"))
                }
                None => {
                    cx.error_spanned_by(field.ident, format!("a field named `token`: {TOKEN_RULE}"))
                }
            }
        }
    }
}

/// No two sent fields share a wire name; the second is reported. A `rename` to the field's own
/// name is reported too, as it does nothing.
fn check_wire_names(cx: &Ctxt, fields: &[Field]) {
    let mut seen: HashMap<String, &Ident> = HashMap::new();
    for field in fields.iter().filter(|field| field.is_sent()) {
        let wire = field.wire_name();
        if let Some(lit) = &field.attrs.rename {
            if syn::ext::IdentExt::unraw(field.ident) == wire {
                cx.error_spanned_by(
                    lit,
                    format!("the field is already sent as `{wire}`; remove this `rename`"),
                );
            }
        }
        if wire == "token" {
            continue;
        }
        match seen.get(&wire) {
            Some(first) => cx.syn_error(syn::Error::new(
                field.wire_name_span(),
                format!(
                    "two fields are sent as `{wire}`: `{first}` and `{}`; rename or remove one",
                    field.ident
                ),
            )),
            None => {
                seen.insert(wire, field.ident);
            }
        }
    }
}
