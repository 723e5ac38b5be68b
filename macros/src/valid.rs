//! The checks against the method catalog, and the metadata defaults.
//!
//! Takes the parsed arguments and struct, runs the shape rules of `check.rs` and the catalog's,
//! and gives the validated [`Method`] that `expand.rs` turns into code without further checks.

use crate::args::Args;
use crate::ast::{self, Input};
use crate::catalog::{self, ParamType, Tier, Verb};
use crate::check;
use crate::ctxt::Ctxt;
use crate::similar::{either, join, quoted};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::{Ident, LitStr, Path, Type};

/// A binding ready to expand: every default filled in, every rule checked.
pub struct Method<'a> {
    pub input: Input<'a>,
    /// The path of the slack-methods crate (`::slack_methods` unless `crate = ..`).
    pub krate: TokenStream,
    pub name: LitStr,
    pub verb: Verb,
    pub scopes: Vec<LitStr>,
    /// The tier, spanned where it was written (or at the call site); `None` when neither the
    /// attribute nor the catalog knows it.
    pub tier: Option<(Tier, Span)>,
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

/// The path generated code names the runtime through, unless the user says `crate = ".."`.
/// Written here and nowhere else.
pub fn default_crate_path() -> TokenStream {
    quote::quote!(::slack_methods)
}

/// The crate path to use for `args`, whether or not they are otherwise valid.
pub fn crate_path(args: &Args) -> TokenStream {
    match args.krate.get() {
        Some(path) => path.to_token_stream(),
        None => default_crate_path(),
    }
}

/// Checks the binding's shape, checks it against the catalog, and fills in the metadata the
/// attribute left out. `None` when the name is missing (already reported).
pub fn check<'a>(cx: &Ctxt, args: Args, input: Input<'a>) -> Option<Method<'a>> {
    check::fields(cx, &input.fields);
    check::arguments(cx, &args);
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
    let Args {
        name,
        scopes,
        no_scope,
        tier,
        response,
        verb,
        writes,
        paginated,
        deprecated,
        validate,
        ..
    } = args;
    // `check` only calls this with a name.
    let name = name.unwrap_or_else(|| LitStr::new("", Span::call_site()));
    let verb = match (verb.get(), entry.and_then(|method| method.verb)) {
        (Some((verb, _)), _) => *verb,
        (None, Some(verb)) => verb,
        (None, None) => Verb::Post,
    };
    let scopes = match entry {
        _ if !scopes.is_empty() || no_scope.written() => scopes,
        Some(method) => method
            .scopes
            .iter()
            .map(|scope| LitStr::new(scope, Span::call_site()))
            .collect(),
        None => Vec::new(),
    };
    let tier = match (tier.into_value(), entry) {
        (Some(written), _) => Some(written),
        (None, Some(method)) => Some((method.tier, Span::call_site())),
        (None, None) => None,
    };
    let deprecated_by_slack = entry.is_some_and(|method| method.deprecated);
    let deprecation_warning = (deprecated_by_slack && !deprecated.written()).then(|| {
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
        writes: match (writes.get(), entry) {
            (Some(lit), _) => lit.value,
            (None, Some(method)) => method.writes,
            (None, None) => true,
        },
        paginated: paginated.written() || entry.is_some_and(|method| method.paginated),
        deprecated: deprecated.written() || deprecated_by_slack,
        deprecation_warning,
        response: response.into_value(),
        validate: validate.into_value(),
        name,
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
        format!("write its {}", join(&missing, "and"))
    } else {
        format!("also write its {}", join(&missing, "and"))
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
fn missing_metadata(args: &Args, tier_unknown: bool) -> Vec<String> {
    let mut missing = Vec::new();
    if !args.scope_written && !args.no_scope.written() {
        missing.push("`scope`/`no_scope`".to_owned());
    }
    if tier_unknown && !args.tier.written() {
        missing.push("`tier`".to_owned());
    }
    if !args.verb.written() {
        missing.push("`verb`".to_owned());
    }
    missing
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
                    join(&missing, "and")
                ),
            );
        }
    }
    if method.in_spec && !args.unchecked_scope.written() {
        check_scopes(cx, args, method);
    }
    if let (Some(&(tier, span)), false) = (args.tier.get(), args.unchecked_tier.written()) {
        check_tier(cx, tier, span, method);
    }
    if let (Some((verb, lit)), Some(expected), false) =
        (args.verb.get(), method.verb, args.unchecked_verb.written())
    {
        if *verb != expected {
            let text = expected.as_str();
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
    if let (Some(flag), false) = (args.no_scope.key(), method.scopes.is_empty()) {
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

fn check_tier(cx: &Ctxt, tier: Tier, span: Span, method: &catalog::Method) {
    if tier == method.tier {
        return;
    }
    let fix = match method.tier {
        Tier::Special => "has a limit of its own; write `tier = \"special\"`".to_owned(),
        numbered => {
            let n = numbered.as_argument();
            format!("is tier {n}; write `tier = {n}`")
        }
    };
    cx.syn_error(syn::Error::new(
        span,
        format!(
            "`{}` {fix} or leave it out, or add `unchecked_tier` if Slack has changed it",
            method.name
        ),
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
        let (Some(skip), false) = (field.attrs.skip.key(), field.attrs.broken) else {
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
        if wire == "token" || field.attrs.unchecked.written() || field.attrs.broken {
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
        if !field.attrs.json.written() {
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
    let (noun, field_noun) = if names.len() == 1 {
        ("parameter", "a field")
    } else {
        ("parameters", "fields")
    };
    cx.error_spanned_by(
        input.ident,
        format!(
            "`{name}` requires the {noun} {}; add {field_noun} {}",
            join(&quoted(&names), "and"),
            join(&quoted(&fields), "and")
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
        join(&quoted(&names), "and")
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
