//! The checks against the method catalog, and the metadata defaults.
//!
//! Takes the parsed arguments and struct, runs the shape rules of `check.rs` and the catalog's,
//! and gives the validated [`Method`] that `expand.rs` turns into code without further checks.

use crate::args::Args;
use crate::ast::{self, Input};
use crate::catalog::{self, ParamFrom, ParamType, Sources, Tier, Verb};
use crate::check;
use crate::ctxt::Ctxt;
use crate::manifest;
use crate::serde_names;
use crate::similar::{either, join, quoted};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::{Ident, LitBool, LitStr, Path, Type};

/// A binding ready to expand: every default filled in, every rule checked.
pub struct Method<'a> {
    pub input: Input<'a>,
    /// The path of the slack-methods crate as text (`::slack_methods` unless `crate = ..`), for
    /// the generated code written as text.
    pub krate: String,
    pub name: LitStr,
    /// The text of `name`.
    pub name_text: String,
    pub verb: Verb,
    pub scopes: Vec<String>,
    /// The tier, spanned where it was written (or at the call site); `None` when neither the
    /// attribute nor the catalog knows it.
    pub tier: Option<(Tier, Span)>,
    pub writes: bool,
    /// `destructive = ..` as written; else the tool's hint follows the method name's words.
    pub destructive: Option<bool>,
    pub paginated: bool,
    pub deprecated: bool,
    /// The note of the deprecation warning, when the catalog says Slack has deprecated the
    /// method and the attribute does not acknowledge it with `deprecated`.
    pub deprecation_warning: Option<String>,
    /// `None`: the untyped response (every field Slack sent).
    pub response: Option<Type>,
    pub validate: Option<Path>,
}

/// The path generated code names the runtime through, unless the user says `crate = ".."`:
/// `::slack_methods`, or the name the package's manifest gives the dependency
/// ([`manifest`](crate::manifest)). Written here and nowhere else.
pub fn default_crate_path() -> TokenStream {
    let name = Ident::new(&manifest::runtime_crate_name(), Span::call_site());
    quote::quote!(::#name)
}

/// [`default_crate_path`] as text (the tokens it lexes to are the same).
pub fn default_crate_path_text() -> String {
    format!("::{}", manifest::runtime_crate_name())
}

/// [`crate_path`] as text (the tokens it lexes to are the same).
fn crate_path_text(args: &Args) -> String {
    match args.krate.get() {
        Some(path) => path.to_token_stream().to_string(),
        None => default_crate_path_text(),
    }
}

/// The crate path to use for `args`, whether or not they are otherwise valid.
pub fn crate_path(args: &Args) -> TokenStream {
    crate_path_of(args.krate.get())
}

/// The crate path for a written `crate = ..` path, or for none.
pub fn crate_path_of(written: Option<&Path>) -> TokenStream {
    match written {
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
    let entry = catalog::lookup(&args.name_text);
    let mut input = input;
    mark_files(&mut input, entry);
    serde_names::check(cx, &input, entry);
    check::field_names(cx, &input.fields, entry.is_some_and(|m| m.params_known));
    match entry {
        None => check_unknown_method(cx, &args, name),
        Some(method) => {
            check_metadata(cx, &args, method);
            if method.params_known {
                check_fields(cx, &input, method);
                check_paginated(cx, &args, &input, method);
            }
        }
    }
    let destructive = args.destructive.get().cloned();
    let method = fill_defaults(args, input, entry);
    if let Some(lit) = destructive.filter(|lit| lit.value && !method.writes) {
        cx.error_spanned_by(
            &lit,
            "`destructive = true` on a method that does not write: a read destroys nothing; \
             drop `destructive`, or add `writes = true` if the method does change something",
        );
    }
    Some(method)
}

/// Marks the fields sent as file parts: besides those marked `#[slack(file)]`, a field bound to
/// a parameter the catalog types as a file, unless it is `json` or `unchecked` (a deliberate
/// text field: the type check is off there too).
fn mark_files(input: &mut Input, entry: Option<&'static catalog::Method>) {
    let Some(method) = entry.filter(|method| method.params_known) else {
        return;
    };
    // Few methods take a file: the others cost one look at their parameters.
    if !method
        .params
        .iter()
        .any(|param| param.ty == ParamType::File)
    {
        return;
    }
    for field in &mut input.fields {
        let file_param = method
            .param(&field.wire_name())
            .is_some_and(|param| param.ty == ParamType::File);
        if file_param && !field.attrs.json.written() && !field.attrs.unchecked.written() {
            field.file = true;
        }
    }
}

/// The metadata: what the attribute says, else what the catalog says, else the defaults of a
/// method the catalog does not know (POST, no scope, unknown tier, a write).
fn fill_defaults<'a>(
    args: Args,
    input: Input<'a>,
    entry: Option<&'static catalog::Method>,
) -> Method<'a> {
    let krate = crate_path_text(&args);
    let Args {
        name,
        name_text,
        scope_texts,
        no_scope,
        tier,
        response,
        verb,
        writes,
        destructive,
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
        _ if !scope_texts.is_empty() || no_scope.written() => scope_texts,
        Some(method) => method
            .scopes
            .iter()
            .map(|&scope| scope.to_owned())
            .collect(),
        None => Vec::new(),
    };
    let tier = match (tier.into_value(), entry) {
        (Some(written), _) => Some(written),
        (None, Some(method)) => method.tier.map(|tier| (tier, Span::call_site())),
        (None, None) => None,
    };
    let deprecated_by_slack = entry.is_some_and(|method| method.deprecated);
    let deprecation_warning = (deprecated_by_slack && !deprecated.written()).then(|| {
        const ACKNOWLEDGE: &str = "or acknowledge it with `deprecated` in `#[slack_method(..)]` \
                                   or `#[allow(deprecated)]` on the struct";
        match entry.and_then(|method| method.replacement) {
            Some(replacement) => format!(
                "Slack has retired `{name_text}`: bind {replacement} instead, {ACKNOWLEDGE}"
            ),
            // `users.setActive`, `stars.*`: the catalog knows nothing to bind instead.
            None => format!(
                "Slack has deprecated `{name_text}`, and the catalog knows no replacement for it; \
                 stop binding it, {ACKNOWLEDGE}"
            ),
        }
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
        destructive: destructive.get().map(LitBool::value),
        paginated: paginated.written() || entry.is_some_and(|method| method.paginated),
        deprecated: deprecated.written() || deprecated_by_slack,
        deprecation_warning,
        response: response.into_value(),
        validate: validate.into_value(),
        name,
        name_text,
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

/// The written scopes, tier and verb against the catalog's, and what the catalog lacks: a
/// method outside Slack's spec has no known scopes (its `scope` or `no_scope` must be written),
/// and one only the tier table knows has no verb either.
fn check_metadata(cx: &Ctxt, args: &Args, method: &catalog::Method) {
    let name = method.name;
    if let Some(lit) = &args.name {
        match method.sources {
            Sources::TierTable => {
                let missing = missing_metadata(args, false);
                if !missing.is_empty() {
                    cx.error_spanned_by(
                        lit,
                        format!(
                            "the catalog knows `{name}` by name and tier only (neither Slack's spec nor its Python SDK describes it); write its {}",
                            join(&missing, "and")
                        ),
                    );
                }
            }
            Sources::Sdk if !args.scope_written && !args.no_scope.written() => {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "the catalog does not know the scopes of `{name}`: it knows the method from Slack's Python SDK, which names none; write the scope it needs, `scope = \"..\"`, or `no_scope` if it needs none"
                    ),
                );
            }
            _ => {}
        }
    }
    if method.scopes_known() && !args.unchecked_scope.written() {
        check_scopes(cx, args, method);
    }
    if let (Some(&(tier, span)), Some(expected), false) =
        (args.tier.get(), method.tier, args.unchecked_tier.written())
    {
        check_tier(cx, tier, span, name, expected);
    }
    if let (Some((verb, lit)), Some(expected), false) =
        (args.verb.get(), method.verb, args.unchecked_verb.written())
    {
        if *verb != expected {
            let text = expected.as_str();
            // A GET the catalog corrected to POST: a binding copied from the source that says
            // GET learns why the catalog says otherwise.
            let why = match (method.verb_corrected, method.sources) {
                (false, _) => "",
                (true, Sources::Sdk) => {
                    " (Slack's Python SDK sends it with GET, but the catalog sends every method outside Slack's 2020 spec with POST, which Slack accepts for every method)"
                }
                (true, _) => " (Slack's 2020 spec lists it with GET, which the catalog corrects)",
            };
            cx.error_spanned_by(
                lit,
                format!(
                    "`{name}` is called with {text}{why}; write `verb = \"{text}\"` or leave `verb` out, or add `unchecked_verb` if this is deliberate"
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
    for (lit, scope) in args.scopes.iter().zip(&args.scope_texts) {
        if method.accepts_scope(scope) {
            continue;
        }
        let suggestions = catalog::suggest_scope(method, scope);
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

fn check_tier(cx: &Ctxt, tier: Tier, span: Span, name: &str, expected: Tier) {
    if tier == expected {
        return;
    }
    let fix = match expected {
        Tier::Special => "has a limit of its own; write `tier = \"special\"`".to_owned(),
        numbered => {
            let n = numbered.as_argument();
            format!("is tier {n}; write `tier = {n}`")
        }
    };
    cx.syn_error(syn::Error::new(
        span,
        format!("`{name}` {fix} or leave it out, or add `unchecked_tier` if Slack has changed it"),
    ));
}

/// `paginated` on a method the catalog knows without a `cursor` parameter: `client.pages` would
/// send a `cursor` that Slack does not take. A `cursor` field of the binding's own (marked
/// `#[slack(unchecked)]` where Slack has added one since the catalog) lets it through.
fn check_paginated(cx: &Ctxt, args: &Args, input: &Input, method: &catalog::Method) {
    let Some(flag) = args.paginated.key() else {
        return;
    };
    let has_cursor_field = || {
        input
            .fields
            .iter()
            .any(|field| field.is_sent() && field.wire_name() == "cursor")
    };
    if method.paginated || method.param("cursor").is_some() || has_cursor_field() {
        return;
    }
    cx.error_spanned_by(
        flag,
        format!(
            "`{}` takes no `cursor`, so it does not page with one; remove `paginated`, or, if Slack has added cursor paging since the catalog, add a field `cursor: Option<String>` marked `#[slack(unchecked)]`",
            method.name
        ),
    );
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
    // A field named after a required parameter that a `rename` sends as another, where no other
    // field sends it: the `rename` is the one mistake, reported at it (a missing-parameter error
    // asking for a field the struct has would mislead), and the field is not checked as the
    // parameter it was renamed to. Counted as present.
    let renamed_away: Vec<&ast::Field> = input
        .fields
        .iter()
        .filter(|field| renamed_from_required(field, &input.fields, &present, method))
        .collect();
    for field in &renamed_away {
        let own = field.ident.unraw().to_string();
        if let Some(lit) = field.attrs.rename.get() {
            cx.error_spanned_by(
                lit,
                format!(
                    "this `rename` sends the field `{own}` as `{}`, and `{own}` is a required parameter of `{name}` that no other field sends; remove the `rename`",
                    lit.value()
                ),
            );
        }
        present.push(own);
    }
    // The wire names of the sent fields so far: a second field sent under one (already
    // reported in `check.rs`) is not checked against the parameter as well.
    let mut sent: Vec<String> = Vec::new();
    for field in input.fields.iter().filter(|field| field.is_sent()) {
        let wire = field.wire_name();
        present.push(wire.clone());
        if sent.contains(&wire) || renamed_away.iter().any(|away| std::ptr::eq(*away, field)) {
            continue;
        }
        sent.push(wire.clone());
        if wire == "token" || field.attrs.unchecked.written() || field.attrs.broken {
            continue;
        }
        let Some(param) = method.param(&wire) else {
            let suggestions = catalog::suggest_param(method, &wire);
            cx.syn_error(syn::Error::new(
                field.wire_name_span(),
                unknown_param_message(method, &wire, &suggestions),
            ));
            // A misspelt required parameter is this one mistake, not a missing one as well.
            present.extend(suggestions.into_iter().map(str::to_owned));
            continue;
        };
        let inner = field.option_inner();
        if let (true, Some(_)) = (param.required, inner) {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "`{wire}` is a required parameter of `{name}`{}; remove the `Option`, or add `#[slack(unchecked)]` if this is deliberate",
                    newly_required(&[param])
                ),
            );
        }
        if param.ty == ParamType::File {
            check_file_field(cx, field, param, name);
            continue;
        }
        if let Some(key) = field.attrs.file.key() {
            if let Some(what) = not_from_a_file(param) {
                cx.error_spanned_by(
                    key,
                    format!(
                        "`{wire}` of `{name}` is {what}, sent as a form field, not as a file part; remove `file`, or add `#[slack(unchecked)]` if this is deliberate"
                    ),
                );
                continue;
            }
        }
        match field.attrs.json.key() {
            None => check_field_type(cx, inner.unwrap_or(field.ty), param, name),
            // A comma-separated list sent as a JSON array names no item Slack can find. (Text
            // under `json` is reported on its own, whatever the parameter.)
            Some(key) if param.ty == ParamType::List && !is_text(inner.unwrap_or(field.ty)) => {
                cx.error_spanned_by(
                    key,
                    format!(
                        "`{wire}` of `{name}` is comma-separated text, not a JSON array; remove `json` to send the items joined with commas"
                    ),
                );
            }
            Some(_) => check_json_field_type(cx, inner.unwrap_or(field.ty), param, name),
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
    let fields: Vec<String> = missing.iter().map(|param| field(param)).collect();
    let (noun, field_noun) = if names.len() == 1 {
        ("parameter", "a field")
    } else {
        ("parameters", "fields")
    };
    cx.error_spanned_by(
        input.ident,
        format!(
            "`{name}` requires the {noun} {}{}; add {field_noun} {}",
            join(&quoted(&names), "and"),
            newly_required(&missing),
            join(&quoted(&fields), "and")
        ),
    );
}

/// Whether `field` is named after a required parameter of `method` but renamed to another name
/// (not `token`, which has its own error), while no other field sends that parameter and none
/// was skipped (`skipped`: the wire names of the skipped required parameters, reported apart).
fn renamed_from_required(
    field: &ast::Field,
    fields: &[ast::Field],
    skipped: &[String],
    method: &catalog::Method,
) -> bool {
    let (Some(lit), true, false) = (
        field.attrs.rename.get(),
        field.is_sent(),
        field.attrs.broken,
    ) else {
        return false;
    };
    let own = field.ident.unraw().to_string();
    let wire = lit.value();
    wire != own
        && wire != "token"
        && method.param(&own).is_some_and(|param| param.required)
        && !skipped.contains(&own)
        && !fields
            .iter()
            .any(|other| other.is_sent() && other.wire_name() == own)
}

/// ` (Slack's Python SDK requires it, Slack's 2020 spec did not)` when the requirement of
/// some of `params` is the SDK's against the spec's, else nothing: a binding written from the
/// spec's documentation learns why.
fn newly_required(params: &[&catalog::Param]) -> String {
    let newer: Vec<&str> = params
        .iter()
        .filter(|param| param.from == ParamFrom::BothSdkRequiredness)
        .map(|param| param.name)
        .collect();
    let which = match newer.len() {
        0 => return String::new(),
        1 if params.len() == 1 => "it".to_owned(),
        n if n == params.len() => "them".to_owned(),
        _ => join(&quoted(&newer), "and"),
    };
    format!(" (Slack's Python SDK requires {which}, Slack's 2020 spec did not)")
}

fn unknown_param_message(method: &catalog::Method, wire: &str, suggestions: &[&str]) -> String {
    let name = method.name;
    if !suggestions.is_empty() {
        return format!(
            "`{name}` has no parameter `{wire}`; did you mean {}?",
            either(suggestions)
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

/// The struct a binding of the method in `args` could be, for an error that shows the shape:
/// the required parameters of a method the catalog describes (a unit struct when it takes
/// none), else one field as an example.
pub fn example_struct(args: &Args, ident: &Ident) -> String {
    let method = args
        .name
        .as_ref()
        .and_then(|_| catalog::lookup(&args.name_text))
        .filter(|method| method.params_known);
    let Some(method) = method else {
        return format!("struct {ident} {{ pub channel: ChannelId }}");
    };
    let required: Vec<String> = method.required_params().map(field).collect();
    match (required.is_empty(), method.params.first()) {
        (false, _) => format!("struct {ident} {{ {} }}", required.join(", ")),
        (true, Some(param)) => format!("struct {ident} {{ {} }}", field(param)),
        (true, None) => format!("struct {ident};"),
    }
}

/// A field for a parameter, as a missing-parameter error suggests it: `pub name: Type`, with
/// `r#name` for a Rust keyword and `#[slack(json)]` for a JSON object or a JSON array.
fn field(param: &catalog::Param) -> String {
    let name = if syn::parse_str::<Ident>(param.name).is_ok() {
        param.name.to_owned()
    } else {
        format!("r#{}", param.name)
    };
    let ty = match param.ty {
        ParamType::String => "String",
        ParamType::File => "slack_methods::FormFile",
        ParamType::Boolean => "bool",
        ParamType::Integer => "i64",
        ParamType::Number => "f64",
        ParamType::List => "Vec<String>",
        ParamType::JsonList => return format!("#[slack(json)] pub {name}: Vec<serde_json::Value>"),
        ParamType::Object => return format!("#[slack(json)] pub {name}: serde_json::Value"),
    };
    format!("pub {name}: {ty}")
}

/// What a field's type certainly is, where that can be told from its spelling.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Bool,
    Text,
    Integer,
    Float,
    /// A sequence the runtime sends as a list: a `Vec`, a slice, an array or a set (joined by
    /// commas, or a JSON array under `json`).
    List,
    Other,
}

fn shape(ty: &Type) -> Shape {
    match ast::ungroup(ty) {
        Type::Reference(reference) => shape(&reference.elem),
        Type::Slice(_) | Type::Array(_) => Shape::List,
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return Shape::Other;
            };
            if let Some(inner) = pointee(last) {
                return shape(inner);
            }
            if !last.arguments.is_none() {
                let list = ["Vec", "BTreeSet", "HashSet"]
                    .iter()
                    .any(|name| last.ident == name);
                return if list { Shape::List } else { Shape::Other };
            }
            match last.ident.to_string().as_str() {
                "bool" => Shape::Bool,
                "String" | "str" => Shape::Text,
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64"
                | "u128" | "usize" => Shape::Integer,
                "f32" | "f64" => Shape::Float,
                _ => Shape::Other,
            }
        }
        _ => Shape::Other,
    }
}

/// `T` in a pointer to one that sends and serializes as `T` does: `Box<T>`, `Rc<T>`, `Arc<T>`,
/// `Cow<'_, T>` (text held as `Cow<'a, str>` or `Box<str>` is text).
fn pointee(segment: &syn::PathSegment) -> Option<&Type> {
    if !["Box", "Rc", "Arc", "Cow"]
        .iter()
        .any(|name| segment.ident == name)
    {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        syn::GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    match (types.next(), types.next()) {
        (Some(ty), None) => Some(ty),
        _ => None,
    }
}

/// Whether `ty` is spelled as text (`String`, `str`, a reference to one, or one in a `Box`,
/// `Rc`, `Arc` or `Cow`).
pub fn is_text(ty: &Type) -> bool {
    shape(ty) == Shape::Text
}

/// What is certainly wrong with a field of `shape` for a parameter of type `expected`, as the
/// fix to write; `None` when it may be right. (Slack's strings also carry integers, and
/// timestamps, which a string or an integer keeps but a float does not; a list may be
/// comma-separated text; an object may be JSON text; and a `bool`
/// for a string parameter is accepted when a method types the same name as a boolean, as the
/// sources do `as_user`.) A JSON array is the exception: only JSON text fits it without
/// `#[slack(json)]`, so any other field for one is wrong, whatever its shape (a `Vec` would go
/// out comma-joined, which Slack refuses).
fn mismatch(shape: Shape, expected: ParamType, wire: &str) -> Option<&'static str> {
    let fix = match (shape, expected) {
        (Shape::Bool, ParamType::String) if catalog::boolean_somewhere(wire) => return None,
        (Shape::Bool, ParamType::String) => "a string; write `String` or `&str`",
        // Slack's string parameters that carry numbers are timestamps, whose text a float does
        // not keep: `1512085950.000100` is written `1512085950.0001`.
        (Shape::Float, ParamType::String) => {
            "a string, which a float would not keep digit for digit; write `String`, `&str` or `Timestamp`"
        }
        (Shape::Bool | Shape::Float, ParamType::Integer) => {
            "an integer; write an integer type such as `u32`"
        }
        (Shape::Bool, ParamType::Number) => "a number; write a number type such as `f64`",
        (Shape::Text, ParamType::Boolean) => "a boolean; write `bool`",
        (Shape::Bool, ParamType::List) => {
            "a list; write a `Vec` of its items, or its items as comma-separated text"
        }
        (Shape::Bool | Shape::Integer | Shape::Float, ParamType::Object) => {
            "a JSON object; mark the field `#[slack(json)]` with a `Serialize` type such as `serde_json::Value`, or write JSON text as a `String`"
        }
        // A list goes out as comma-separated text, which is no number, boolean or object.
        (Shape::List, ParamType::Integer) => "an integer; write an integer type such as `u32`",
        (Shape::List, ParamType::Number) => "a number; write a number type such as `f64`",
        (Shape::List, ParamType::Boolean) => "a boolean; write `bool`",
        (Shape::List, ParamType::Object) => {
            "a JSON object; mark the field `#[slack(json)]` with a `Serialize` type that is an object, such as a struct, a map or `serde_json::Value`, or write JSON text as a `String`"
        }
        (Shape::Text, ParamType::JsonList) => return None,
        (_, ParamType::JsonList) => {
            "a JSON array, sent as JSON text; mark the field `#[slack(json)]` to send it so, or write the JSON text as a `String`"
        }
        _ => return None,
    };
    Some(fix)
}

/// Only mismatches that are certain (see [`mismatch`]); where the spec and Slack's SDK give
/// different types, only a field that fits neither. One exception: a float for a parameter the
/// SDK types as a string is reported even where the 2020 spec says number. Those are all
/// timestamps (`ts`, `thread_ts`, `oldest`, ...), which the spec mistyped; a float does not
/// keep their digits (`1512085950.000100` goes out as `1512085950.0001`, which names no
/// message), whatever the spec says.
fn check_field_type(cx: &Ctxt, ty: &Type, param: &catalog::Param, name: &str) {
    let shape = shape(ty);
    // A type of no known shape may be anything, but not a JSON array's: only text is.
    if shape == Shape::Other && param.ty != ParamType::JsonList {
        return;
    }
    let Some(fix) = mismatch(shape, param.ty, param.name) else {
        return;
    };
    let float_for_text = shape == Shape::Float && param.ty == ParamType::String;
    if !float_for_text
        && param
            .spec_ty
            .is_some_and(|other| mismatch(shape, other, param.name).is_none())
    {
        return;
    }
    cx.error_spanned_by(
        ty,
        format!(
            "`{}` of `{name}` is {fix}, or add `#[slack(unchecked)]` if this is deliberate",
            param.name
        ),
    );
}

/// What a parameter the catalog types as neither text nor a file is: a form field, which
/// `#[slack(file)]` would send as a file part's bytes instead (the attribute is for a parameter
/// the catalog does not know or types as text); `None` when it may be text, by either source's
/// type.
fn not_from_a_file(param: &catalog::Param) -> Option<&'static str> {
    let what = |ty: ParamType| match ty {
        ParamType::String | ParamType::File => None,
        other => Some(other.noun()),
    };
    match param.spec_ty {
        Some(other) if what(other).is_none() => None,
        _ => what(param.ty),
    }
}

/// A file's bytes go as a part of a multipart form, which only a `FormFile` (or an `Option` of
/// one, or a reference) is sent as: any other type is the error, at the type, and `json` at its
/// key. (The spec types every file `string`; that is no fit: Slack reads no file from a form
/// field.)
fn check_file_field(cx: &Ctxt, field: &ast::Field, param: &catalog::Param, name: &str) {
    const WHAT: &str = "is a file's content, sent as a part of a multipart form";
    if let Some(key) = field.attrs.json.key() {
        cx.error_spanned_by(
            key,
            format!(
                "`{}` of `{name}` {WHAT}, not as JSON text; remove `json` and write the field as `slack_methods::FormFile`, or add `#[slack(unchecked)]` if this is deliberate",
                param.name
            ),
        );
        return;
    }
    let ty = field.option_inner().unwrap_or(field.ty);
    if is_form_file(ty) {
        return;
    }
    cx.error_spanned_by(
        ty,
        format!(
            "`{}` of `{name}` {WHAT}; write it as `slack_methods::FormFile`, or add `#[slack(unchecked)]` if this is deliberate",
            param.name
        ),
    );
}

/// Whether `ty` is spelled `FormFile` (by any path), or a reference to one.
fn is_form_file(ty: &Type) -> bool {
    match ast::ungroup(ty) {
        Type::Reference(reference) => is_form_file(&reference.elem),
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "FormFile" && last.arguments.is_none()),
        _ => false,
    }
}

/// A field marked `json` goes out as the JSON its type serializes to: a list (a `Vec`, a slice,
/// an array, a set) as a JSON array, which is no JSON object, number, boolean or file. Only that
/// is certain (any other type may serialize as anything), and, as in [`check_field_type`], only
/// where it fits neither the SDK's type nor the spec's.
fn check_json_field_type(cx: &Ctxt, ty: &Type, param: &catalog::Param, name: &str) {
    /// What a parameter of this type is, and the fix for a list sent as JSON there; `None`
    /// where a JSON array may be right (text, lists).
    fn wrong_for_array(expected: ParamType) -> Option<(&'static str, &'static str)> {
        let fix = match expected {
            ParamType::Object => {
                "write a `Serialize` type that is an object, such as a struct, a map or `serde_json::Value`"
            }
            ParamType::Integer => "write an integer type such as `u32`, without `json`",
            ParamType::Number => "write a number type such as `f64`, without `json`",
            ParamType::Boolean => "write `bool`, without `json`",
            ParamType::String | ParamType::List | ParamType::JsonList | ParamType::File => {
                return None
            }
        };
        Some((expected.noun(), fix))
    }
    if shape(ty) != Shape::List
        || param
            .spec_ty
            .is_some_and(|other| wrong_for_array(other).is_none())
    {
        return;
    }
    let Some((what, fix)) = wrong_for_array(param.ty) else {
        return;
    };
    cx.error_spanned_by(
        ty,
        format!(
            "`{}` of `{name}` is {what}, and a list marked `json` goes out as a JSON array; {fix}, or add `#[slack(unchecked)]` if this is deliberate",
            param.name
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &'static str, from: ParamFrom) -> catalog::Param {
        catalog::Param {
            name,
            ty: ParamType::String,
            spec_ty: None,
            required: true,
            from,
        }
    }

    #[test]
    fn suggests_json_for_a_json_array() {
        let mut files = param("files", ParamFrom::Both);
        files.ty = ParamType::JsonList;
        assert_eq!(
            field(&files),
            "#[slack(json)] pub files: Vec<serde_json::Value>"
        );
        files.ty = ParamType::List;
        assert_eq!(field(&files), "pub files: Vec<String>");
    }

    #[test]
    fn says_which_requirements_are_the_sdks() {
        let channel = param("channel", ParamFrom::BothSdkRequiredness);
        let ts = param("ts", ParamFrom::BothSdkRequiredness);
        let text = param("text", ParamFrom::Both);
        assert_eq!(newly_required(&[&text]), "");
        assert_eq!(
            newly_required(&[&channel]),
            " (Slack's Python SDK requires it, Slack's 2020 spec did not)"
        );
        assert_eq!(
            newly_required(&[&channel, &ts]),
            " (Slack's Python SDK requires them, Slack's 2020 spec did not)"
        );
        // No method of today's catalog mixes the two, but the sources may.
        assert_eq!(
            newly_required(&[&channel, &text, &ts]),
            " (Slack's Python SDK requires `channel` and `ts`, Slack's 2020 spec did not)"
        );
    }

    #[test]
    fn text_in_a_pointer_is_text() {
        for ty in [
            syn::parse_quote!(Cow<'a, str>),
            syn::parse_quote!(std::borrow::Cow<'static, String>),
            syn::parse_quote!(Box<str>),
            syn::parse_quote!(std::sync::Arc<str>),
            syn::parse_quote!(&'a Rc<String>),
        ] {
            assert!(is_text(&ty), "{}", ty.to_token_stream());
        }
        for ty in [
            syn::parse_quote!(Cow<'a, [u8]>),
            syn::parse_quote!(Box<str, Global>),
            syn::parse_quote!(Vec<str>),
            syn::parse_quote!(MyBox<str>),
        ] {
            assert!(!is_text(&ty), "{}", ty.to_token_stream());
        }
        let ty: Type = syn::parse_quote!(Box<f64>);
        assert!(shape(&ty) == Shape::Float);
    }

    /// Whether `check_field_type` reports a field of type `ty` for `param`.
    fn reported(ty: Type, param: &catalog::Param) -> bool {
        let cx = Ctxt::new();
        check_field_type(&cx, &ty, param, "a.b");
        cx.check().is_err()
    }

    #[test]
    fn a_field_is_wrong_only_when_it_fits_neither_source() {
        // The SDK says boolean, the spec string: text fits the spec, a float neither.
        let mut team = param("team_id", ParamFrom::Both);
        team.ty = ParamType::Boolean;
        assert!(reported(syn::parse_quote!(String), &team));
        team.spec_ty = Some(ParamType::String);
        assert!(!reported(syn::parse_quote!(String), &team));
        assert!(!reported(syn::parse_quote!(bool), &team));
        // Both say string: a float is not one. Nor where the spec says number (its type for
        // timestamps): a float does not keep a timestamp's digits.
        let mut thread = param("thread_ts", ParamFrom::Both);
        assert!(reported(syn::parse_quote!(f64), &thread));
        assert!(!reported(syn::parse_quote!(u64), &thread));
        thread.spec_ty = Some(ParamType::Number);
        assert!(reported(syn::parse_quote!(f64), &thread));
        assert!(reported(syn::parse_quote!(f32), &thread));
        assert!(!reported(syn::parse_quote!(u64), &thread));
        assert!(!reported(syn::parse_quote!(String), &thread));
        // The other way round (the SDK says number, the spec string), a float fits the SDK.
        let mut number = param("x", ParamFrom::Both);
        number.ty = ParamType::Number;
        number.spec_ty = Some(ParamType::String);
        assert!(!reported(syn::parse_quote!(f64), &number));
        // The SDK says integer, the spec string: a `bool` fits neither.
        let mut count = param("count", ParamFrom::Both);
        count.ty = ParamType::Integer;
        count.spec_ty = Some(ParamType::String);
        assert!(reported(syn::parse_quote!(bool), &count));
        assert!(!reported(syn::parse_quote!(u32), &count));
        // A JSON array takes JSON text (`json` is checked apart); nothing else fits it.
        let mut blocks = param("blocks", ParamFrom::Both);
        blocks.ty = ParamType::JsonList;
        assert!(!reported(syn::parse_quote!(String), &blocks));
        assert!(!reported(syn::parse_quote!(Cow<'a, str>), &blocks));
        for ty in [
            syn::parse_quote!(Vec<String>),
            syn::parse_quote!(&'a [&'a str]),
            syn::parse_quote!(Vec<serde_json::Value>),
            syn::parse_quote!(serde_json::Value),
            syn::parse_quote!(Blocks),
            syn::parse_quote!(bool),
            syn::parse_quote!(u64),
        ] {
            assert!(reported(ty, &blocks));
        }
        // Structured kinds take text; a `bool` is never a list or an object, a number never an
        // object, and a list (comma-separated text) only a list. (A file is checked apart:
        // `check_file_field`.)
        for ty in [ParamType::List, ParamType::Object] {
            let mut structured = param("x", ParamFrom::Both);
            structured.ty = ty;
            assert!(!reported(syn::parse_quote!(String), &structured));
            assert_eq!(
                reported(syn::parse_quote!(Vec<String>), &structured),
                ty != ParamType::List
            );
            assert!(reported(syn::parse_quote!(bool), &structured));
            assert_eq!(
                reported(syn::parse_quote!(u64), &structured),
                ty == ParamType::Object
            );
        }
    }

    #[test]
    fn only_a_form_file_is_a_file() {
        for ty in [
            syn::parse_quote!(FormFile),
            syn::parse_quote!(slack_methods::FormFile),
            syn::parse_quote!(&'a FormFile),
        ] {
            assert!(is_form_file(&ty));
        }
        for ty in [
            syn::parse_quote!(String),
            syn::parse_quote!(Vec<u8>),
            syn::parse_quote!(FormFile<u8>),
            syn::parse_quote!(bytes::Bytes),
        ] {
            assert!(!is_form_file(&ty));
        }
    }

    #[test]
    fn a_list_is_no_scalar_or_object() {
        let lists: [Type; 6] = [
            syn::parse_quote!(Vec<u32>),
            syn::parse_quote!(&'a [UserId]),
            syn::parse_quote!([bool; 2]),
            syn::parse_quote!(std::collections::BTreeSet<String>),
            syn::parse_quote!(HashSet<String, S>),
            syn::parse_quote!(Box<[u8]>),
        ];
        for expected in [
            ParamType::Integer,
            ParamType::Number,
            ParamType::Boolean,
            ParamType::Object,
        ] {
            let mut scalar = param("x", ParamFrom::Both);
            scalar.ty = expected;
            for ty in &lists {
                assert!(reported(ty.clone(), &scalar), "{}", ty.to_token_stream());
            }
            // Where the spec says string, comma-separated text fits it.
            scalar.spec_ty = Some(ParamType::String);
            assert!(!reported(lists[0].clone(), &scalar));
        }
        // A list is text for a string parameter (`types=public_channel,im`).
        let text = param("types", ParamFrom::Both);
        assert!(!reported(syn::parse_quote!(Vec<String>), &text));
        // Not every generic type is a list.
        let mut object = param("view", ParamFrom::Both);
        object.ty = ParamType::Object;
        assert!(!reported(syn::parse_quote!(MyVec<String>), &object));
        assert!(!reported(syn::parse_quote!(Option<View>), &object));
    }
}
