//! Rules of the binding's own shape, which need no catalog: no field is sent as `token`, no two
//! fields share a wire name, no text is sent as JSON, and the attribute's flags agree with what
//! else it says.

use crate::args::Args;
use crate::ast::Field;
use crate::ctxt::Ctxt;
use crate::valid;
use syn::Ident;

const TOKEN_RULE: &str = "the token travels in the `Authorization` header; remove this field and give the token to the `Client`";

/// The fields: none is sent as `token`; no two share a wire name; no text is sent as JSON.
pub fn fields(cx: &Ctxt, fields: &[Field]) {
    token_fields(cx, fields);
    wire_names(cx, fields);
    json_text(cx, fields);
}

/// `#[slack(json)]` writes a value as JSON text; a `String` written so goes in quotes, which no
/// Slack parameter takes (JSON text in a `String` is sent as it is, without `json`).
fn json_text(cx: &Ctxt, fields: &[Field]) {
    // A field whose attributes are already reported is not reported again.
    for field in fields
        .iter()
        .filter(|field| field.is_sent() && !field.attrs.broken)
    {
        let Some(key) = field.attrs.json.key() else {
            continue;
        };
        if valid::is_text(field.option_inner().unwrap_or(field.ty)) {
            cx.error_spanned_by(
                key,
                "`json` would send this text in quotes, as a JSON string; remove it to send the text as it is (JSON text included)",
            );
        }
    }
}

/// No parameter is sent as `token`. (A field whose `#[slack(..)]` had a mistake is left out: with
/// `rename = "token", skip`, whether it is sent at all is what the first error asks.)
fn token_fields(cx: &Ctxt, fields: &[Field]) {
    for field in fields
        .iter()
        .filter(|field| field.is_sent() && !field.attrs.broken)
    {
        if field.wire_name() != "token" {
            continue;
        }
        match field.attrs.rename.get() {
            Some(lit) => {
                cx.error_spanned_by(lit, format!("a field renamed to `token`: {TOKEN_RULE}"));
            }
            None => {
                cx.error_spanned_by(field.ident, format!("a field named `token`: {TOKEN_RULE}"));
            }
        }
    }
}

/// No two sent fields share a wire name; the second is reported. A `rename` to the field's own
/// name is reported too, as it does nothing.
fn wire_names(cx: &Ctxt, fields: &[Field]) {
    // The first field sent under each name; a handful of fields, so a list.
    let mut seen: Vec<(String, &Ident)> = Vec::new();
    for field in fields.iter().filter(|field| field.is_sent()) {
        let wire = field.wire_name();
        if let Some(lit) = field.attrs.rename.get().filter(|_| !field.attrs.broken) {
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
        match seen.iter().find(|(name, _)| *name == wire) {
            Some((_, first)) => cx.syn_error(syn::Error::new(
                field.wire_name_span(),
                format!(
                    "two fields are sent as `{wire}`: `{first}` and `{}`; rename or remove one",
                    field.ident
                ),
            )),
            None => {
                seen.push((wire, field.ident));
            }
        }
    }
}

/// A field sent under its own name has a name Slack could have: lowercase ASCII letters, digits
/// and `_` (as a `rename` must). `catalog_checks`: the catalog knows the method's parameters,
/// and reports any name it does not know at the field itself, except `unchecked` fields.
pub fn field_names(cx: &Ctxt, fields: &[Field], catalog_checks: bool) {
    for field in fields.iter().filter(|field| field.is_sent()) {
        let renamed = field.attrs.rename.written();
        if renamed || field.attrs.broken || (catalog_checks && !field.attrs.unchecked.written()) {
            continue;
        }
        let wire = field.wire_name();
        if let Err(broken) = crate::grammar::check_wire_name(&wire) {
            let what = format!("the field is sent as `{wire}`, which is not a parameter name");
            cx.error_spanned_by(field.ident, broken.message(&what));
        }
    }
}

/// Flags that contradict or need another argument: `no_scope` next to `scope = ..`, and an
/// `unchecked_*` flag without the argument it vouches for.
pub fn arguments(cx: &Ctxt, args: &Args) {
    if let (Some(flag), true) = (args.no_scope.key(), args.scope_written) {
        cx.error_spanned_by(
            flag,
            "`no_scope` contradicts the `scope = ..` written here; remove one of them",
        );
    }
    let pairs = [
        (
            args.unchecked_scope.key(),
            args.scope_written || args.no_scope.written(),
            "`scope = ..` or `no_scope`",
        ),
        (
            args.unchecked_tier.key(),
            args.tier.written(),
            "`tier = ..`",
        ),
        (
            args.unchecked_verb.key(),
            args.verb.written(),
            "`verb = ..`",
        ),
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
