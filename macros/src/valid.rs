//! Rules that look across the whole binding, and the metadata defaults.
//!
//! Takes the parsed arguments and struct and gives the validated [`Method`] that `expand.rs`
//! turns into code without further checks.

use crate::args::{Args, HttpVerb, Tier};
use crate::ast::{Field, Input};
use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use quote::ToTokens;
use std::collections::HashMap;
use syn::{Ident, LitInt, LitStr, Path, Type};

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
    /// `None`: the untyped response (every field Slack sent).
    pub response: Option<Type>,
    pub validate: Option<Path>,
}

/// The rate-limit tier to emit.
pub enum TierValue {
    Numbered(u8, LitInt),
    /// A limit of its own, named after the method.
    Special,
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

/// Checks the rules that span several fields and fills in the metadata the attribute left out.
/// `None` when the name is missing (already reported).
pub fn check<'a>(cx: &Ctxt, args: Args, input: Input<'a>) -> Option<Method<'a>> {
    check_token_fields(cx, &input.fields);
    check_wire_names(cx, &input.fields);
    fill_defaults(args, input)
}

/// The metadata defaults. This is the seam for the method catalog: a method it knows will get
/// its verb, scopes and tier from it when the attribute leaves them out (and the attribute's
/// values can be checked against it). Without it the defaults are POST, no scope and an unknown
/// tier; a method writes state when it is called with POST.
fn fill_defaults(args: Args, input: Input<'_>) -> Option<Method<'_>> {
    let krate = crate_path(&args);
    let verb = args.verb.unwrap_or(HttpVerb::Post);
    let tier = match args.tier {
        Some(Tier::Numbered(n, lit)) => TierValue::Numbered(n, lit),
        Some(Tier::Special) => TierValue::Special,
        None => TierValue::Unknown,
    };
    Some(Method {
        input,
        krate,
        name: args.name?,
        verb,
        scopes: args.scopes,
        tier,
        writes: args.writes.map_or(verb == HttpVerb::Post, |lit| lit.value),
        paginated: args.paginated.is_some(),
        deprecated: args.deprecated.is_some(),
        response: args.response,
        validate: args.validate,
    })
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
