//! Field attributes: `#[slack(rename = "wire_name")]`, `#[slack(json)]`, `#[slack(skip)]`,
//! `#[slack(unchecked)]`.
//!
//! All `#[slack(..)]` attributes of one field are read into one [`FieldAttrs`] record, each key
//! keeping the token it was written with. Attribute macros have no helper attributes, so these
//! are removed from the struct the macro gives back (`strip`).

use crate::ctxt::{skip_value, Ctxt};
use crate::grammar;
use crate::similar;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitStr, Meta, Token};

/// The name of the field attribute.
pub const ATTR: &str = "slack";

/// The keys of `#[slack(..)]`.
pub const KEYS: &[&str] = &["rename", "json", "skip", "unchecked"];

/// What the `#[slack(..)]` attributes of one field say.
#[derive(Default)]
pub struct FieldAttrs {
    /// `rename = ".."`, once its text is a valid wire name.
    pub rename: Option<LitStr>,
    /// `json`
    pub json: Option<Ident>,
    /// `skip`
    pub skip: Option<Ident>,
    /// `unchecked`: a parameter the catalog does not list (newer than Slack's spec), or one
    /// whose type or optionality differs from the spec on purpose.
    pub unchecked: Option<Ident>,
    /// Whether a `#[slack(..)]` of the field had a mistake (already reported): the field is not
    /// checked against the catalog, whose complaint would only repeat it.
    pub broken: bool,
}

impl FieldAttrs {
    /// Reads every `#[slack(..)]` in `attrs`, recording mistakes in `cx`.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
        let mut out = FieldAttrs::default();
        let errors_before = cx.error_count();
        // Whether `rename` was written at all (even with a bad value), for the `skip` rule.
        let mut rename_written = false;
        for attr in attrs.iter().filter(|attr| attr.path().is_ident(ATTR)) {
            let Meta::List(list) = &attr.meta else {
                cx.error_spanned_by(
                    attr,
                    "expected `#[slack(rename = \"..\")]`, `#[slack(json)]`, `#[slack(skip)]` or `#[slack(unchecked)]`",
                );
                continue;
            };
            if list.tokens.is_empty() {
                cx.error_spanned_by(
                    attr,
                    "empty `#[slack()]`; write `rename = \"..\"`, `json`, `skip` or `unchecked` inside, or remove it",
                );
                continue;
            }
            let result = attr.parse_nested_meta(|meta| {
                out.parse_one(cx, &meta, &mut rename_written);
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        out.broken = cx.error_count() > errors_before;
        out
    }

    fn parse_one(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, rename_written: &mut bool) {
        let Some(key) = meta.path.get_ident().cloned() else {
            cx.error_spanned_by(
                &meta.path,
                format!(
                    "unknown key in `#[slack(..)]`; the keys are {}",
                    similar::list(KEYS)
                ),
            );
            skip_value(meta.input);
            return;
        };
        let name = key.to_string();
        let seen = match name.as_str() {
            "rename" => *rename_written,
            "json" => self.json.is_some(),
            "skip" => self.skip.is_some(),
            "unchecked" => self.unchecked.is_some(),
            _ => {
                cx.error_spanned_by(&key, unknown_key_message(&name));
                skip_value(meta.input);
                return;
            }
        };
        if seen {
            cx.error_spanned_by(&key, format!("duplicate `{name}`; write it once"));
            skip_value(meta.input);
            return;
        }
        // `skip` excludes the others, whichever comes second is the error.
        let conflict = match name.as_str() {
            "skip" if *rename_written => Some("rename"),
            "skip" if self.json.is_some() => Some("json"),
            "skip" if self.unchecked.is_some() => Some("unchecked"),
            "rename" | "json" | "unchecked" if self.skip.is_some() => Some("skip"),
            _ => None,
        };
        if let Some(other) = conflict {
            let (skip_word, other_word) = if name == "skip" {
                ("skip", other)
            } else {
                ("skip", name.as_str())
            };
            cx.error_spanned_by(
                &key,
                format!(
                    "`{skip_word}` cannot be combined with `{other_word}`: a skipped field is never sent; remove one of them"
                ),
            );
            skip_value(meta.input);
            if name == "rename" {
                *rename_written = true;
            }
            return;
        }
        match name.as_str() {
            "rename" => {
                *rename_written = true;
                self.rename = rename_value(cx, meta);
            }
            "json" => {
                flag_value(cx, meta, "json");
                self.json = Some(key);
            }
            "unchecked" => {
                flag_value(cx, meta, "unchecked");
                self.unchecked = Some(key);
            }
            _ => {
                flag_value(cx, meta, "skip");
                self.skip = Some(key);
            }
        }
    }
}

fn unknown_key_message(key: &str) -> String {
    let known = similar::list(KEYS);
    match similar::closest(key, KEYS) {
        Some(near) => format!(
            "unknown key `{key}` in `#[slack(..)]`; did you mean `{near}`? (the keys are {known})"
        ),
        None => format!("unknown key `{key}` in `#[slack(..)]`; the keys are {known}"),
    }
}

/// `json`, `skip` and `unchecked` take no value.
fn flag_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        let wrong = skip_value(meta.input);
        cx.error_spanned_by(
            wrong,
            format!("`{key}` takes no value; write `#[slack({key})]`"),
        );
    }
}

/// `= "wire_name"`, checked.
fn rename_value(cx: &Ctxt, meta: &ParseNestedMeta) -> Option<LitStr> {
    const EXAMPLE: &str = "`#[slack(rename = \"user_id\")]`";
    if !meta.input.peek(Token![=]) {
        let wrong = skip_value(meta.input);
        if wrong.is_empty() {
            cx.error_spanned_by(&meta.path, format!("`rename` takes a value: {EXAMPLE}"));
        } else {
            cx.error_spanned_by(wrong, format!("`rename` takes a value: {EXAMPLE}"));
        }
        return None;
    }
    let value = meta.input;
    let _ = value.parse::<Token![=]>();
    if !value.peek(LitStr) {
        let wrong = skip_value(value);
        if wrong.is_empty() {
            cx.error_spanned_by(
                &meta.path,
                format!("`rename` takes a string literal: {EXAMPLE}"),
            );
        } else {
            cx.error_spanned_by(wrong, format!("`rename` takes a string literal: {EXAMPLE}"));
        }
        return None;
    }
    let lit: LitStr = match value.parse() {
        Ok(lit) => lit,
        Err(error) => {
            cx.syn_error(error);
            return None;
        }
    };
    match grammar::check_wire_name(&lit.value()) {
        Ok(()) => Some(lit),
        Err(broken) => {
            let what = format!("invalid parameter name `{}`", lit.value());
            cx.error_spanned_by(&lit, broken.message(&what));
            None
        }
    }
}

/// Removes every `#[slack(..)]` attribute, also from inside `#[cfg_attr(pred, ..)]` (a
/// `cfg_attr` left with nothing but its predicate is removed whole).
pub fn strip(attrs: &mut Vec<Attribute>) {
    attrs.retain_mut(|attr| {
        if attr.path().is_ident(ATTR) {
            return false;
        }
        if attr.path().is_ident("cfg_attr") {
            return strip_cfg_attr(attr);
        }
        true
    });
}

/// Removes `slack(..)` from one `cfg_attr`; whether anything but the predicate is left.
fn strip_cfg_attr(attr: &mut Attribute) -> bool {
    let Meta::List(list) = &mut attr.meta else {
        return true;
    };
    let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
    let Ok(parts) = parser.parse2(list.tokens.clone()) else {
        return true;
    };
    let mut parts = parts.into_iter();
    let Some(predicate) = parts.next() else {
        return true;
    };
    let kept: Vec<Meta> = parts.filter(|meta| !meta.path().is_ident(ATTR)).collect();
    if kept.is_empty() {
        return false;
    }
    list.tokens = quote::quote!(#predicate, #(#kept),*);
    true
}
