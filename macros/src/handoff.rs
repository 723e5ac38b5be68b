//! The attribute `#[slack_method(..)]` itself: it hands the struct to the hidden derive.
//!
//! An attribute macro sees a struct before `#[cfg]` and `#[cfg_attr]` on its fields are
//! evaluated; a derive sees it after. So the attribute gives the item back with
//! `#[derive(<crate>::__private::SlackMethod)]` and its own arguments in
//! `#[slack_method_args(..)]`, a helper attribute of that derive (as is `slack`), and the derive
//! does the work on the fields that are compiled in. Only what cannot be seen after `cfg`
//! evaluation is checked here: a required parameter whose field is behind a `#[cfg]`.
//!
//! Most structs have nothing for this step to check (no field behind a `cfg`, no second
//! `#[slack_method]`, no `crate = ..`): [`nothing_to_check`] tells so from a scan of the tokens,
//! and such a struct is handed over without being parsed, which halves the parsing a binding
//! costs (the proc macro is built without optimisation).

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
    if nothing_to_check(&args, &item) {
        return hand_over_plain(args, item);
    }
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => return fallback::not_a_struct(item, error),
    };
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

/// Whether the attribute certainly has nothing to check or change, as a scan of the tokens shows:
/// the item is a struct; no outer attribute is another `#[slack_method]` or the helper an earlier
/// one handed the struct over with; no field has a `#[cfg(..)]`; the arguments do not name a
/// `crate`. Anything else (an enum, a function, a `cfg` on a field, ...) takes the full path, which
/// parses the item.
fn nothing_to_check(args: &TokenStream, item: &TokenStream) -> bool {
    let names_crate = args
        .clone()
        .into_iter()
        .any(|token| matches!(&token, TokenTree::Ident(ident) if ident == "crate"));
    if names_crate {
        return false;
    }
    let mut tokens = item.clone().into_iter().peekable();
    // Outer attributes: `#` and a bracketed group each.
    while let Some(TokenTree::Punct(pound)) = tokens.peek() {
        if pound.as_char() != '#' {
            return false;
        }
        tokens.next();
        match tokens.next() {
            Some(TokenTree::Group(attr)) if attr.delimiter() == Delimiter::Bracket => {
                let name = attribute_name(&attr.stream());
                if name.is_some_and(|name| {
                    name == "slack_method" || name == "expect" || name == ARGS_ATTR
                }) {
                    return false;
                }
            }
            _ => return false,
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
        return false;
    }
    // The fields are the top level of the braced group (a tuple struct is the derive's to
    // report; a unit struct has none).
    tokens.all(|token| match token {
        TokenTree::Group(fields) if fields.delimiter() == Delimiter::Brace => {
            !has_cfg_attribute(fields.stream())
        }
        _ => true,
    })
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

    fn plain(args: TokenStream, item: TokenStream) -> bool {
        nothing_to_check(&args, &item)
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
        assert!(!plain(
            quote!("users.info", crate = "::sm"),
            quote!(
                struct A {}
            )
        ));
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
