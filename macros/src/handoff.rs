//! The attribute `#[slack_method(..)]` itself: it hands the struct to the hidden derive, or does
//! the derive's work itself where that certainly comes to the same.
//!
//! An attribute macro sees a struct before `#[cfg]` and `#[cfg_attr]` on its fields are
//! evaluated; a derive sees it after. So the attribute gives the item back with
//! `#[derive(<crate>::__private::SlackMethod)]` and its own arguments in
//! `#[slack_method_args(..)]`, a helper attribute of that derive (as is `slack`), and the derive
//! does the work on the fields that are compiled in. Only what cannot be seen after `cfg`
//! evaluation is checked here: a required parameter whose field is behind a `#[cfg]`.
//!
//! Most structs have nothing for this step to check (no field behind a `cfg`, no second
//! `#[slack_method]`, no `crate = ..`), as [`route`] tells from a scan of the tokens, and such a
//! struct is not parsed here. Most of those also have nothing that `cfg` evaluation or another
//! macro could change (no `#[cfg]` or `#[cfg_attr]`, only the compiler's own attributes and
//! `serde`): for them the attribute does the derive's work itself ([`derive_here`]) and gives
//! back the struct without its `#[slack(..)]` attributes, followed by the impls the derive would
//! have added, which spares the compiler a second pass over the struct and a second macro. The
//! others, and any binding with a mistake, are handed over unparsed. This is what makes a binding
//! cheap to compile: the proc macro is built without optimisation.

use crate::args::Args;
use crate::ast::{self, Field};
use crate::attr::FieldAttrs;
use crate::catalog;
use crate::code::Code;
use crate::ctxt::Ctxt;
use crate::{expand, fallback, valid};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Ident, Meta};

/// The derive's helper attribute that carries the attribute's arguments.
pub const ARGS_ATTR: &str = "slack_method_args";

/// `#[slack_method(args)] item`.
pub fn attribute(args: TokenStream, item: TokenStream) -> TokenStream {
    match route(&args, &item) {
        Route::Parse => {
            let Ok(input) = syn::parse2::<DeriveInput>(item.clone()) else {
                // The derive reports what does not parse.
                return hand_over_plain(args, item);
            };
            match route_fields(&input) {
                Route::Here { slack } => derive_here(args, item, input, slack),
                Route::Check => check(args, item, input),
                _ if names_crate(&args) => check(args, item, input),
                _ => hand_over_plain(args, item),
            }
        }
        Route::HandOver | Route::Here { .. } => hand_over_plain(args, item),
        Route::Check => match syn::parse2(item.clone()) {
            Ok(input) => check(args, item, input),
            Err(error) => fallback::not_a_struct(item, error),
        },
    }
}

/// What the attribute checks on the item as written (`item`, parsed as `input`) before it
/// hands it over.
fn check(args: TokenStream, item: TokenStream, input: DeriveInput) -> TokenStream {
    // An attribute before this one has already handed the struct over: this is a second
    // `#[slack_method]` that the first could not tell by name (one imported under another
    // name, `use slack_methods::slack_method as bind`). It is reported here and adds nothing.
    if input.attrs.iter().any(is_handed_over) {
        let error = syn::Error::new(Span::call_site(), ast::SECOND_ATTRIBUTE).into_compile_error();
        return quote!(#item #error);
    }
    // Read here only for the crate path and the method; the derive reads the arguments again
    // and reports their mistakes, once.
    let read = Args::parse(&Ctxt::new(), args.clone(), Span::call_site());
    if read.krate_broken() {
        // Without a usable crate path the derive cannot be named: report everything here.
        return check_here(args, &input);
    }
    let krate = valid::crate_path(&read);
    let cx = Ctxt::new();
    check_cfg_on_required(&cx, &read, &input);
    if let Err(errors) = cx.check() {
        return fallback::emit(&input, Some(krate), errors);
    }
    let mut input = input;
    let item = if expect_deprecation(&read, &mut input) {
        input.to_token_stream()
    } else {
        item
    };
    // A second `#[slack_method]` would add a second impl: report it and leave it out.
    let (item, errors) = if input.attrs.iter().any(ast::is_slack_method) {
        let cx = Ctxt::new();
        let mut kept = input.clone();
        kept.attrs.retain(|attr| {
            let second = ast::is_slack_method(attr);
            if second {
                cx.error_spanned_by(attr, ast::SECOND_ATTRIBUTE);
            }
            !second
        });
        let errors = cx.check().err().map(syn::Error::into_compile_error);
        (kept.into_token_stream(), errors)
    } else {
        (item, None)
    };
    hand_over(&krate, &args, item, errors)
}

/// Whether `attr` is the helper attribute a `#[slack_method]` hands the struct over with.
fn is_handed_over(attr: &syn::Attribute) -> bool {
    attr.path().is_ident(ARGS_ATTR)
}

/// `#[expect(deprecated)]` on the binding of a method Slack has deprecated: the expectation is
/// met by the binding itself, whose warning the derive emits outside the struct, where the
/// struct's expectation cannot see it. So `deprecated` moves from the struct's `expect` to an
/// `allow`, which the derive copies onto its warning (other lints stay expected). Whether the
/// struct changed.
fn expect_deprecation(args: &Args, input: &mut DeriveInput) -> bool {
    let slack_deprecated = args
        .name
        .as_ref()
        .and_then(|_| catalog::lookup(&args.name_text))
        .is_some_and(|method| method.deprecated);
    if !slack_deprecated || args.deprecated.written() {
        return false;
    }
    let mut changed = false;
    let mut attrs = Vec::with_capacity(input.attrs.len() + 1);
    for attr in std::mem::take(&mut input.attrs) {
        let lints = match &attr.meta {
            Meta::List(list) if list.path.is_ident("expect") => list
                .parse_args_with(
                    syn::punctuated::Punctuated::<Meta, syn::Token![,]>::parse_terminated,
                )
                .ok(),
            _ => None,
        };
        let Some(lints) =
            lints.filter(|lints| lints.iter().any(|m| m.path().is_ident("deprecated")))
        else {
            attrs.push(attr);
            continue;
        };
        changed = true;
        let span = attr.span();
        let deprecated = lints.iter().find(|m| m.path().is_ident("deprecated"));
        attrs.push(syn::parse_quote_spanned!(span=> #[allow(#deprecated)]));
        let rest: Vec<&Meta> = lints
            .iter()
            .filter(|m| !m.path().is_ident("deprecated"))
            .collect();
        // Lints left to expect, besides a `reason = ".."`.
        if rest.iter().any(|m| !m.path().is_ident("reason")) {
            attrs.push(syn::parse_quote_spanned!(span=> #[expect(#(#rest),*)]));
        }
    }
    input.attrs = attrs;
    changed
}

/// The item with the hidden derive and its arguments added (and `errors`, if any).
fn hand_over(
    krate: &TokenStream,
    args: &TokenStream,
    item: TokenStream,
    errors: Option<TokenStream>,
) -> TokenStream {
    let call_site = Span::call_site();
    let helper = Ident::new(ARGS_ATTR, call_site);
    let derive = quote_spanned!(call_site=> #[derive(#krate::__private::SlackMethod)]);
    quote! {
        #derive
        #[#helper(#args)]
        #item
        #errors
    }
}

/// [`hand_over`] with the default crate path and no errors, the derive attribute written as text
/// (see `code.rs`): the same tokens, for what nearly every binding takes.
fn hand_over_plain(args: TokenStream, item: TokenStream) -> TokenStream {
    let derive = format!(
        "#[derive({}::__private::SlackMethod)] #",
        valid::default_crate_path_text()
    );
    let mut tokens = Code::lexed(&derive);
    let helper = TokenStream::from_iter([
        TokenTree::Ident(Ident::new(ARGS_ATTR, Span::call_site())),
        TokenTree::Group(Group::new(Delimiter::Parenthesis, args)),
    ]);
    tokens.extend([TokenTree::Group(Group::new(Delimiter::Bracket, helper))]);
    tokens.extend([item]);
    tokens
}

/// What the attribute does with an item, as a scan of its tokens tells.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    /// There may be something to check or change before the struct is handed over (a field
    /// behind a `#[cfg]`, another `#[slack_method]`, `#[expect(..)]`, `crate = ..`, an item that
    /// is not a struct): the item is parsed here.
    Check,
    /// Nothing to check, but the struct must reach the derive, which sees it after `cfg`
    /// evaluation and after the attribute macros written below this one: a `#[cfg]` or
    /// `#[cfg_attr]` on the struct, a `#[cfg_attr]` on a field, an attribute that may be a macro
    /// or may hold one, a tuple struct.
    HandOver,
    /// Nothing that `cfg` evaluation or another macro could change: the derive's work is done
    /// here ([`derive_here`]). `slack`: how many `#[slack(..)]` the fields have, to remove.
    /// (Told by [`route_fields`] once the struct is parsed.)
    Here { slack: usize },
    /// Nothing outside the fields that `cfg` evaluation or another macro could change: the
    /// struct is parsed, and its fields' attributes tell the rest ([`route_fields`]).
    Parse,
}

/// The attributes a struct may have beside `#[slack_method]` for the derive's work to be done
/// by the attribute: the compiler's own, which no macro defines and which read their input as
/// written, and `serde`, the helper of serde's derives.
const INERT: &[&str] = &[
    "doc",
    "derive",
    "allow",
    "warn",
    "deny",
    "forbid",
    "deprecated",
    "must_use",
    "non_exhaustive",
    "repr",
    "serde",
];

/// [`Route`] for `#[slack_method(args)] item`. The item is a struct unless it starts with
/// anything but outer attributes, a visibility and `struct`; its fields are the top level of its
/// braced group.
fn route(args: &TokenStream, item: &TokenStream) -> Route {
    let mut here = true;
    let mut tokens = item.clone().into_iter().peekable();
    // Outer attributes: `#` and a bracketed group each.
    while let Some(TokenTree::Punct(pound)) = tokens.peek() {
        if pound.as_char() != '#' {
            return Route::Check;
        }
        tokens.next();
        match tokens.next() {
            Some(TokenTree::Group(attr)) if attr.delimiter() == Delimiter::Bracket => {
                let attr = attr.stream();
                let name = attribute_name(&attr);
                if name.as_ref().is_some_and(|name| {
                    name == "slack_method" || name == "expect" || name == ARGS_ATTR
                }) {
                    return Route::Check;
                }
                here = here
                    && plain_attribute(&attr)
                    && name.is_some_and(|name| INERT.iter().any(|inert| name == inert));
            }
            _ => return Route::Check,
        }
    }
    // Visibility: `pub`, `pub(crate)`, `pub(in path)`.
    if matches!(tokens.peek(), Some(TokenTree::Ident(ident)) if ident == "pub") {
        tokens.next();
        if matches!(tokens.peek(), Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis)
        {
            tokens.next();
        }
    }
    if !matches!(tokens.next(), Some(TokenTree::Ident(keyword)) if keyword == "struct") {
        return Route::Check;
    }
    if here {
        // The parse reads the fields' attributes more cheaply than a scan of their tokens, and
        // the arguments' parse tells whether they name a `crate`.
        return Route::Parse;
    }
    if names_crate(args) {
        return Route::Check;
    }
    // Handed over unparsed, unless a field has a `cfg` (a tuple struct is the derive's to
    // report).
    let cfg = tokens.any(|token| match token {
        TokenTree::Group(fields) if fields.delimiter() == Delimiter::Brace => {
            has_cfg_attribute(fields.stream())
        }
        _ => false,
    });
    if cfg {
        Route::Check
    } else {
        Route::HandOver
    }
}

/// Whether the arguments may name a `crate` path (`crate = ".."`), which the derive's path is
/// written with, so the attribute must read it.
fn names_crate(args: &TokenStream) -> bool {
    args.clone()
        .into_iter()
        .any(|token| matches!(&token, TokenTree::Ident(ident) if ident == "crate"))
}

/// [`Route`] for a struct [`route`] left to its fields (`Route::Parse`), from their
/// attributes as parsed: what [`scan_fields`] tells from their tokens. A tuple struct and an
/// attribute on a generic parameter go to the derive.
fn route_fields(input: &DeriveInput) -> Route {
    let Data::Struct(data) = &input.data else {
        return Route::Check;
    };
    let generic_attrs = input.generics.params.iter().any(|param| match param {
        syn::GenericParam::Type(param) => !param.attrs.is_empty(),
        syn::GenericParam::Lifetime(param) => !param.attrs.is_empty(),
        syn::GenericParam::Const(param) => !param.attrs.is_empty(),
    });
    let fields = match &data.fields {
        syn::Fields::Named(fields) if !generic_attrs => &fields.named,
        syn::Fields::Unit if !generic_attrs => return Route::Here { slack: 0 },
        _ => return Route::HandOver,
    };
    let mut slack = 0;
    let mut plain = true;
    for attr in fields.iter().flat_map(|field| &field.attrs) {
        let path = attr.path();
        if path.is_ident("cfg") {
            return Route::Check;
        }
        if path.is_ident("cfg_attr") {
            if may_be_cfg(&attr.meta.to_token_stream()) {
                return Route::Check;
            }
            plain = false;
        }
        if path.is_ident(crate::attr::ATTR) {
            slack += 1;
        }
        plain = plain
            && path.get_ident().is_some()
            && match &attr.meta {
                Meta::Path(_) => true,
                Meta::List(list) => matches!(list.delimiter, syn::MacroDelimiter::Paren(_)),
                Meta::NameValue(value) => matches!(value.value, syn::Expr::Lit(_)),
            };
    }
    if plain {
        Route::Here { slack }
    } else {
        Route::HandOver
    }
}

/// Whether some field in `fields` (the top level of a struct's braces) has a `#[cfg(..)]`, or a
/// `#[cfg_attr(..)]` that may add one.
fn has_cfg_attribute(fields: TokenStream) -> bool {
    let mut after_pound = false;
    for token in fields {
        if let TokenTree::Group(attr) = &token {
            if after_pound && attr.delimiter() == Delimiter::Bracket && may_be_cfg(&attr.stream()) {
                return true;
            }
        }
        after_pound = matches!(&token, TokenTree::Punct(punct) if punct.as_char() == '#');
    }
    false
}

/// Whether an attribute (the tokens inside its brackets) is one identifier, then a parenthesized
/// list (`allow(..)`), a literal (`doc = ".."`) or nothing: written as the derive would see it.
/// (A value such as `doc = include_str!(..)` is expanded before a derive sees it, and a path
/// such as `a::b` is another crate's.)
fn plain_attribute(attr: &TokenStream) -> bool {
    let mut tokens = attr.clone().into_iter();
    if !matches!(tokens.next(), Some(TokenTree::Ident(_))) {
        return false;
    }
    let plain = match tokens.next() {
        None => return true,
        Some(TokenTree::Group(list)) => list.delimiter() == Delimiter::Parenthesis,
        Some(TokenTree::Punct(punct)) if punct.as_char() == '=' => {
            matches!(tokens.next(), Some(TokenTree::Literal(_)))
        }
        _ => false,
    };
    plain && tokens.next().is_none()
}

/// The derive's work, done by the attribute for a struct in which [`route`] found nothing that
/// `cfg` evaluation or another macro could change: the struct as written, without the `slack`
/// `#[slack(..)]` attributes of its fields (the derive that reads them is not added), then what
/// the derive would have added after it. A binding with mistakes, or one that warns, is handed
/// over all the same, and the derive reports them as it always has; so is one with a
/// `#[slack(..)]` the tokens do not show as one (`#[$attr]` in a `macro_rules!`, whose `$attr`
/// fragment arrives in an invisible group), which could not be removed.
fn derive_here(
    args: TokenStream,
    item: TokenStream,
    input: DeriveInput,
    slack: usize,
) -> TokenStream {
    let mut tokens = item.clone();
    if slack > 0 {
        let removed;
        (tokens, removed) = without_slack_attributes(item.clone());
        if removed != slack {
            return hand_over_plain(args, item);
        }
    }
    let cx = Ctxt::new();
    let read = Args::parse(&cx, args.clone(), Span::call_site());
    if read.krate.written() {
        // The derive is named through the written path: the attribute reads it (and reports
        // it when it is broken).
        return check(args, item, input);
    }
    let method =
        ast::Input::from_syn(&cx, &read, &input).and_then(|ast| valid::check(&cx, read, ast));
    let added = match (cx.check(), method) {
        (Ok(()), Some(method)) if method.deprecation_warning.is_none() => expand::expand(&method),
        _ => return hand_over_plain(args, item),
    };
    tokens.extend([added]);
    tokens
}

/// `item` with every `#[slack(..)]` of its fields removed, every other token as it was (the
/// braces of the fields keep their span), and how many were removed.
fn without_slack_attributes(item: TokenStream) -> (TokenStream, usize) {
    let mut removed = 0;
    let item = item
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(fields) if fields.delimiter() == Delimiter::Brace => {
                let mut kept = Vec::new();
                let mut tokens = fields.stream().into_iter().peekable();
                while let Some(token) = tokens.next() {
                    if matches!(&token, TokenTree::Punct(pound) if pound.as_char() == '#') {
                        if let Some(TokenTree::Group(attr)) = tokens.peek() {
                            if attr.delimiter() == Delimiter::Bracket
                                && is_slack_attribute(&attr.stream())
                            {
                                tokens.next();
                                removed += 1;
                                continue;
                            }
                        }
                    }
                    kept.push(token);
                }
                let mut stripped = Group::new(Delimiter::Brace, TokenStream::from_iter(kept));
                stripped.set_span(fields.span());
                TokenTree::Group(stripped)
            }
            token => token,
        })
        .collect();
    (item, removed)
}

/// Whether an attribute (the tokens inside its brackets) is `slack(..)`.
fn is_slack_attribute(attr: &TokenStream) -> bool {
    let mut tokens = attr.clone().into_iter();
    matches!(tokens.next(), Some(TokenTree::Ident(name)) if name == crate::attr::ATTR)
        && !matches!(tokens.next(), Some(TokenTree::Punct(punct)) if punct.as_char() == ':')
}

/// The last segment of an attribute's path (`cfg` in `#[cfg(..)]`, `Debug` in
/// `#[core::fmt::Debug]`), from the tokens inside its brackets.
fn attribute_name(attr: &TokenStream) -> Option<Ident> {
    let mut last = None;
    for token in attr.clone() {
        match token {
            TokenTree::Ident(ident) => last = Some(ident),
            TokenTree::Punct(punct) if punct.as_char() == ':' => {}
            _ => break,
        }
    }
    last
}

/// Whether an attribute's tokens (inside its brackets) are a `cfg`, or a `cfg_attr` that may
/// add one (`#[cfg_attr(unix, cfg(feature = "x"))]`).
fn may_be_cfg(attr: &TokenStream) -> bool {
    fn names_cfg(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => ident == "cfg",
            TokenTree::Group(group) => names_cfg(group.stream()),
            _ => false,
        })
    }
    match attribute_name(attr) {
        Some(name) if name == "cfg" => true,
        Some(name) if name == "cfg_attr" => names_cfg(attr.clone()),
        _ => false,
    }
}

/// The arguments the attribute handed over, and the span to report a missing method name at
/// (the attribute's).
pub fn args_of(input: &DeriveInput) -> (TokenStream, Span) {
    for attr in &input.attrs {
        if let Meta::List(list) = &attr.meta {
            if list.path.is_ident(ARGS_ATTR) {
                return (list.tokens.clone(), list.path.span());
            }
        }
    }
    (TokenStream::new(), Span::call_site())
}

/// The whole check on the item as written, for when the derive cannot be named: the item with
/// its `#[slack(..)]` attributes removed, and every error.
fn check_here(args: TokenStream, input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let args = Args::parse(&cx, args, Span::call_site());
    let method =
        ast::Input::from_syn(&cx, &args, input).and_then(|ast| valid::check(&cx, args, ast));
    drop(method);
    match cx.check() {
        Err(errors) => fallback::emit(input, None, errors),
        // Unreachable: a broken crate path is always reported.
        Ok(()) => expand::user_item(input),
    }
}

/// A required parameter of a catalog method whose only field is behind a `#[cfg]`: when the
/// `cfg` is off, the call would go out without it. (Several fields sent under the parameter's
/// name, under alternative `cfg`s, are fine: the derive checks the one compiled in.)
fn check_cfg_on_required(cx: &Ctxt, args: &Args, input: &DeriveInput) {
    if args.name.is_none() {
        return;
    }
    let Some(method) = catalog::lookup(&args.name_text).filter(|method| method.params_known) else {
        return;
    };
    let Data::Struct(data) = &input.data else {
        return;
    };
    // The wire name of every sent field, as far as it can be told before `cfg_attr` is
    // evaluated; mistakes in `#[slack(..)]` are the derive's to report.
    let quiet = Ctxt::new();
    let mut fields: HashMap<String, Vec<&syn::Field>> = HashMap::new();
    for field in &data.fields {
        let Some(ident) = &field.ident else {
            continue;
        };
        let parsed = Field::new(
            ident,
            &field.ty,
            FieldAttrs::from_attrs(&quiet, &field.attrs, ident),
            Vec::new(),
            &field.attrs,
        );
        if parsed.is_sent() && !parsed.attrs.broken {
            fields.entry(parsed.wire_name()).or_default().push(field);
        }
    }
    for param in method.required_params() {
        let Some([only]) = fields.get(param.name).map(Vec::as_slice) else {
            continue;
        };
        let cfg = only.attrs.iter().find(|attr| {
            attr.path().is_ident("cfg")
                || (attr.path().is_ident("cfg_attr") && may_be_cfg(&attr.meta.to_token_stream()))
        });
        if let Some(cfg) = cfg {
            cx.error_spanned_by(
                cfg,
                format!(
                    "`{}` is a required parameter of `{}`, and this `cfg` may leave its field out; remove the `cfg`, or give the parameter a field under every alternative",
                    param.name, method.name
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the attribute takes `item`, with the fields' attributes read as it reads them.
    fn routed(args: TokenStream, item: TokenStream) -> Route {
        match route(&args, &item) {
            Route::Parse => route_fields(&syn::parse2(item).unwrap()),
            route => route,
        }
    }

    fn plain(args: TokenStream, item: TokenStream) -> bool {
        routed(args, item) != Route::Check
    }

    fn here(item: TokenStream) -> Route {
        routed(quote!("users.info"), item)
    }

    #[test]
    fn a_plain_struct_needs_no_parse() {
        let args = quote!("users.info", scope = "users:read");
        assert!(plain(
            args.clone(),
            quote!(
                #[derive(Debug)]
                pub(crate) struct A {
                    #[slack(json)]
                    pub a: String,
                    b: Option<u8>,
                }
            )
        ));
        assert!(plain(
            args.clone(),
            quote!(
                struct A;
            )
        ));
        assert!(plain(
            args.clone(),
            quote!(
                struct A<T>
                where
                    T: Clone,
                {
                    #[cfg_attr(test, slack(skip))]
                    a: T,
                }
            )
        ));
        assert!(plain(
            args,
            quote!(
                #[doc = "x"]
                pub(in crate::m) struct A {}
            )
        ));
    }

    #[test]
    fn anything_to_check_takes_the_full_path() {
        let args = quote!("users.info");
        // A field behind a `cfg`, a second attribute, a crate path, not a struct.
        assert!(!plain(
            args.clone(),
            quote!(
                struct A {
                    #[cfg(test)]
                    user: String,
                }
            )
        ));
        assert!(!plain(
            args.clone(),
            quote!(
                #[slack_methods::slack_method("users.info")]
                struct A {}
            )
        ));
        assert!(!plain(
            args.clone(),
            quote!(
                #[slack_method("a.b")]
                struct A {}
            )
        ));
        // The struct an earlier `#[slack_method]` handed over: this one is a second.
        assert!(!plain(
            args.clone(),
            quote!(
                #[derive(::slack_methods::__private::SlackMethod)]
                #[slack_method_args("users.info")]
                struct A {}
            )
        ));
        // A crate path: told by the scan for a struct handed over unparsed, by the arguments'
        // parse for one that may be bound here (`derive_here`).
        assert!(!plain(
            quote!("users.info", crate = "::sm"),
            quote!(
                #[other]
                struct A {}
            )
        ));
        assert!(names_crate(&quote!("users.info", crate = "::sm")));
        assert!(!plain(
            args.clone(),
            quote!(
                enum A {
                    B,
                }
            )
        ));
        assert!(!plain(
            args.clone(),
            quote!(
                fn a() {}
            )
        ));
        assert!(!plain(
            args,
            quote!(
                pub union A {
                    a: u8,
                }
            )
        ));
    }

    #[test]
    fn only_a_struct_nothing_can_change_is_bound_here() {
        assert_eq!(
            here(quote!(
                /// Docs.
                #[derive(Debug, serde::Deserialize)]
                #[serde(rename_all = "snake_case")]
                #[allow(dead_code)]
                #[non_exhaustive]
                pub struct A<'a, T: Clone>
                where
                    T: Copy,
                {
                    /// A field.
                    #[slack(json)]
                    #[serde(default)]
                    pub a: &'a T,
                    b: Option<u8>,
                }
            )),
            Route::Here { slack: 1 }
        );
        assert_eq!(
            here(quote!(
                struct A;
            )),
            Route::Here { slack: 0 }
        );
        assert_eq!(
            here(quote!(
                struct A {
                    a: [u8; 2],
                }
            )),
            Route::Here { slack: 0 }
        );
        // What `cfg` evaluation or another macro may change goes to the derive.
        for item in [
            quote!(
                #[cfg_attr(test, derive(Debug))]
                struct A {}
            ),
            quote!(
                #[cfg(test)]
                struct A {}
            ),
            quote!(
                #[other_macro]
                struct A {}
            ),
            quote!(
                #[serde::other]
                struct A {}
            ),
            quote!(
                #[doc = include_str!("a.md")]
                struct A {}
            ),
            quote!(
                struct A {
                    #[cfg_attr(test, slack(skip))]
                    a: u8,
                }
            ),
            quote!(
                struct A {
                    #[doc = concat!("a", "b")]
                    a: u8,
                }
            ),
            quote!(
                struct A {
                    #[rustfmt::skip] a: u8,
                }
            ),
            quote!(
                struct A<#[cfg(test)] T> {
                    a: T,
                }
            ),
            quote!(
                struct A(u8);
            ),
        ] {
            assert_eq!(here(item.clone()), Route::HandOver, "{item}");
        }
    }

    #[test]
    fn a_slack_attribute_in_an_invisible_group_is_not_removed() {
        // `#[$attr]` of a `macro_rules!`, `$attr` a `meta` fragment: syn reads it as
        // `#[slack(skip)]`, the token scan cannot remove it, and the struct is handed over.
        let attr = Group::new(Delimiter::None, quote!(slack(skip)));
        let item = quote!(struct A { #[#attr] a: u8 });
        assert_eq!(here(item.clone()), Route::Here { slack: 1 });
        assert_eq!(without_slack_attributes(item).1, 0);
    }

    #[test]
    fn only_slack_attributes_are_stripped() {
        let item = quote!(
            #[derive(Debug)]
            #[doc = "x"]
            struct A<T> {
                #[slack(rename = "a")]
                #[serde(rename = "b")]
                #[slack::other]
                pub a: T,
                #[slack(skip)]
                b: [u8; 1],
            }
        );
        let (stripped, removed) = without_slack_attributes(item);
        assert_eq!(removed, 2);
        assert_eq!(
            stripped.to_string(),
            quote!(
                #[derive(Debug)]
                #[doc = "x"]
                struct A<T> {
                    #[serde(rename = "b")]
                    #[slack::other]
                    pub a: T,
                    b: [u8; 1],
                }
            )
            .to_string()
        );
    }

    #[test]
    fn attribute_paths_are_read_to_their_last_segment() {
        let name = |attr: TokenStream| attribute_name(&attr).map(|ident| ident.to_string());
        assert_eq!(name(quote!(cfg(test))).as_deref(), Some("cfg"));
        assert_eq!(
            name(quote!(cfg_attr(test, cfg(x)))).as_deref(),
            Some("cfg_attr")
        );
        assert_eq!(
            name(quote!(::a::slack_method("x"))).as_deref(),
            Some("slack_method")
        );
        assert_eq!(name(quote!(doc = "slack_method")).as_deref(), Some("doc"));
        assert!(may_be_cfg(&quote!(cfg_attr(test, cfg(x)))));
        assert!(!may_be_cfg(&quote!(cfg_attr(test, slack(rename = "cfg")))));
    }
}
