//! The attribute `#[slack_method(..)]` itself: it hands the struct to the hidden derive.
//!
//! An attribute macro sees a struct before `#[cfg]` and `#[cfg_attr]` on its fields are
//! evaluated; a derive sees it after. So the attribute gives the item back with
//! `#[derive(<crate>::__private::SlackMethod)]` and its own arguments in
//! `#[slack_method_args(..)]`, a helper attribute of that derive (as is `slack`), and the derive
//! does the work on the fields that are compiled in. Only what cannot be seen after `cfg`
//! evaluation is checked here: a required parameter whose field is behind a `#[cfg]`.

use crate::args::Args;
use crate::ast::{self, Field};
use crate::attr::FieldAttrs;
use crate::catalog;
use crate::ctxt::Ctxt;
use crate::{expand, fallback, valid};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Ident, Meta};

/// The derive's helper attribute that carries the attribute's arguments.
pub const ARGS_ATTR: &str = "slack_method_args";

/// `#[slack_method(args)] item`.
pub fn attribute(args: TokenStream, item: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => return fallback::not_a_struct(item, error),
    };
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
    // A second `#[slack_method]` would add a second impl: report it and leave it out.
    let (item, errors) = if input.attrs.iter().any(ast::is_slack_method) {
        let cx = Ctxt::new();
        let mut kept = input.clone();
        kept.attrs.retain(|attr| {
            let second = ast::is_slack_method(attr);
            if second {
                cx.error_spanned_by(
                    attr,
                    "a second `#[slack_method]`; a struct binds one method, remove one of them",
                );
            }
            !second
        });
        let errors = cx.check().err().map(syn::Error::into_compile_error);
        (kept.into_token_stream(), errors)
    } else {
        (item, None)
    };
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
    let method = ast::Input::from_syn(&cx, input).and_then(|ast| valid::check(&cx, args, ast));
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
    let Some(name) = &args.name else {
        return;
    };
    let Some(method) = catalog::lookup(&name.value()).filter(|method| method.params_known) else {
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
        let parsed = Field {
            ident,
            ty: &field.ty,
            attrs: FieldAttrs::from_attrs(&quiet, &field.attrs),
        };
        if parsed.is_sent() && !parsed.attrs.broken {
            fields.entry(parsed.wire_name()).or_default().push(field);
        }
    }
    for param in method.required_params() {
        let Some([only]) = fields.get(param.name).map(Vec::as_slice) else {
            continue;
        };
        if let Some(cfg) = only.attrs.iter().find(|attr| attr.path().is_ident("cfg")) {
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
