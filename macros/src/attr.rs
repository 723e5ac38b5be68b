//! Attributes: the [`Attr`] record every argument and field attribute is read into, and the
//! field attributes `#[slack(rename = "wire_name")]`, `#[slack(json)]`, `#[slack(file)]`,
//! `#[slack(skip)]`, `#[slack(unchecked)]`.
//!
//! All `#[slack(..)]` attributes of one field are read into one [`FieldAttrs`] record, each key
//! keeping the token it was written with. They are helper attributes of the derive; when the
//! attribute binds the struct itself they are removed from the tokens (`handoff.rs`), and when it
//! cannot hand the struct to the derive, from the parsed struct (`strip`).

use crate::ctxt::{extra_commas, missing_comma, skip_value, Ctxt};
use crate::grammar;
use crate::similar;
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitStr, Meta, Token};

/// One argument or key, written at most once: the key it was written with (for errors about
/// it) and its value, when the value was usable (`None` after a rejected value, already
/// reported). A second one is reported as a duplicate, at its key, in one place: here.
pub struct Attr<T> {
    key: Option<Ident>,
    value: Option<T>,
}

impl<T> Default for Attr<T> {
    fn default() -> Self {
        Attr {
            key: None,
            value: None,
        }
    }
}

impl<T> Attr<T> {
    /// Records `key` with `value`; a key written before is a duplicate.
    pub fn set(&mut self, cx: &Ctxt, key: &Ident, value: Option<T>) {
        if self.key.is_some() {
            cx.error_spanned_by(key, format!("duplicate `{key}`; write it once"));
            return;
        }
        self.key = Some(key.clone());
        self.value = value;
    }

    /// Whether it was written, with a usable value or not.
    pub fn written(&self) -> bool {
        self.key.is_some()
    }

    /// The key as written (a flag's only token).
    pub fn key(&self) -> Option<&Ident> {
        self.key.as_ref()
    }

    /// The value, when it was written and usable.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The value, when it was written and usable.
    pub fn into_value(self) -> Option<T> {
        self.value
    }
}

/// The name of the field attribute.
pub const ATTR: &str = "slack";

/// The keys of `#[slack(..)]`.
pub const KEYS: &[&str] = &["rename", "json", "file", "skip", "unchecked"];

/// What the `#[slack(..)]` attributes of one field say.
#[derive(Default)]
pub struct FieldAttrs {
    /// `rename = ".."`; its value once its text is a valid wire name.
    pub rename: Attr<LitStr>,
    /// `json`
    pub json: Attr<()>,
    /// `file`: a file part of a multipart form, for a parameter the catalog does not type as a
    /// file (those are file parts without it).
    pub file: Attr<()>,
    /// `skip`
    pub skip: Attr<()>,
    /// `unchecked`: a parameter the catalog does not list (newer than Slack's spec), or one
    /// whose type or optionality differs from the spec on purpose.
    pub unchecked: Attr<()>,
    /// Whether a `#[slack(..)]` of the field had a mistake (already reported): the field is not
    /// checked against the catalog, whose complaint would only repeat it.
    pub broken: bool,
}

impl FieldAttrs {
    /// Reads every `#[slack(..)]` of the field `own` in `attrs`, recording mistakes in `cx`.
    pub fn from_attrs(cx: &Ctxt, attrs: &[Attribute], own: &Ident) -> FieldAttrs {
        let mut out = FieldAttrs::default();
        let errors_before = cx.error_count();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident(ATTR)) {
            let Meta::List(list) = &attr.meta else {
                cx.error_spanned_by(
                    attr,
                    "expected `#[slack(rename = \"..\")]`, `#[slack(json)]`, `#[slack(file)]`, `#[slack(skip)]` or `#[slack(unchecked)]`",
                );
                continue;
            };
            if list.tokens.is_empty() {
                cx.error_spanned_by(
                    attr,
                    "empty `#[slack()]`; write `rename = \"..\"`, `json`, `file`, `skip` or `unchecked` inside, or remove it",
                );
                continue;
            }
            let keys = extra_commas(cx, list.tokens.clone(), "key");
            let result = syn::meta::parser(|meta| out.parse_keys(cx, &meta, own)).parse2(keys);
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        out.broken = cx.error_count() > errors_before;
        out
    }

    /// Parses one key and, when the keys after it lack their comma, those too (reported once,
    /// then read, so `json skip` still skips the field).
    fn parse_keys(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, own: &Ident) -> syn::Result<()> {
        self.parse_one(cx, meta, own);
        match missing_comma(cx, meta.input, "keys of `#[slack(..)]`") {
            Some(rest) => syn::meta::parser(|meta| self.parse_keys(cx, &meta, own)).parse2(rest),
            None => Ok(()),
        }
    }

    fn parse_one(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, own: &Ident) {
        let Some(key) = meta.path.get_ident().cloned() else {
            cx.error_spanned_by(&meta.path, unknown_key(None));
            skip_value(meta.input);
            return;
        };
        let name = key.to_string();
        if !KEYS.contains(&name.as_str()) {
            cx.error_spanned_by(&key, unknown_key(Some(&name)));
            skip_value(meta.input);
            return;
        }
        // `skip` excludes the others; whichever comes second is the error.
        let conflict = if name == "skip" {
            [
                ("rename", self.rename.written()),
                ("json", self.json.written()),
                ("file", self.file.written()),
                ("unchecked", self.unchecked.written()),
            ]
            .into_iter()
            .find_map(|(other, written)| written.then_some(other))
        } else {
            self.skip.written().then_some(name.as_str())
        };
        if let Some(other) = conflict {
            cx.error_spanned_by(
                &key,
                format!(
                    "`skip` cannot be combined with `{other}`: a skipped field is never sent; remove one of them"
                ),
            );
            skip_value(meta.input);
            return;
        }
        // A file part is sent as its bytes, never as JSON text.
        let json_and_file = match name.as_str() {
            "json" => self.file.written(),
            "file" => self.json.written(),
            _ => false,
        };
        if json_and_file {
            cx.error_spanned_by(
                &key,
                "`json` cannot be combined with `file`: a file part is sent as its bytes, not as JSON text; remove one of them",
            );
            skip_value(meta.input);
            return;
        }
        match name.as_str() {
            "rename" => {
                let value = if self.rename.written() {
                    skip_value(meta.input);
                    None
                } else {
                    rename_value(cx, meta, own)
                };
                self.rename.set(cx, &key, value);
            }
            "json" => {
                flag_value(cx, meta, "json");
                self.json.set(cx, &key, Some(()));
            }
            "file" => {
                flag_value(cx, meta, "file");
                self.file.set(cx, &key, Some(()));
            }
            "unchecked" => {
                flag_value(cx, meta, "unchecked");
                self.unchecked.set(cx, &key, Some(()));
            }
            _ => {
                flag_value(cx, meta, "skip");
                self.skip.set(cx, &key, Some(()));
            }
        }
    }
}

fn unknown_key(key: Option<&str>) -> String {
    similar::unknown_key("key", " in `#[slack(..)]`", key, KEYS)
}

/// `json`, `file`, `skip` and `unchecked` take no value. (A key after them, `json skip`, is a missing
/// comma, reported as one by the caller.)
fn flag_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) && !meta.input.peek(Ident) {
        let wrong = skip_value(meta.input);
        cx.error_spanned_by(
            wrong,
            format!("`{key}` takes no value; write `#[slack({key})]`"),
        );
    }
}

/// `= "wire_name"`, checked; `own` is the field's name, which a misspelt rename may come back to.
fn rename_value(cx: &Ctxt, meta: &ParseNestedMeta, own: &Ident) -> Option<LitStr> {
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
    if lit.value().trim().is_empty() {
        cx.error_spanned_by(
            &lit,
            format!("`rename` is empty; write the parameter name to send the field as, e.g. {EXAMPLE}, or remove `rename`"),
        );
        return None;
    }
    match grammar::check_wire_name(&lit.value()) {
        Ok(()) => Some(lit),
        Err(broken) => {
            let what = format!("invalid parameter name `{}`", lit.value());
            let own = own.unraw().to_string();
            let message = if broken.fix.as_deref() == Some(own.as_str()) {
                // The corrected spelling is the name the field is sent under anyway.
                format!(
                    "{what}: {}; the field is sent as `{own}` without it, so remove this `rename`",
                    broken.rule
                )
            } else {
                broken.message(&what)
            };
            cx.error_spanned_by(&lit, message);
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
