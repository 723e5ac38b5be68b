//! What the macro emits when the binding has mistakes: the errors and stub impls, so the user
//! sees their mistakes and not a cascade of "trait `SlackMethod` is not implemented" wherever
//! the struct is used; from the attribute, also the user's item (helper attributes removed).

use crate::expand;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, DeriveInput, Visibility};

/// From the attribute: the item, the errors and (when `krate` is known to be usable) a stub impl.
pub fn emit(input: &DeriveInput, krate: Option<TokenStream>, errors: syn::Error) -> TokenStream {
    let item = expand::user_item(input);
    let rest = stub(input, krate, errors);
    quote!(#item #rest)
}

/// From the derive: the errors and (when `krate` is known to be usable) a stub impl.
pub fn stub(input: &DeriveInput, krate: Option<TokenStream>, errors: syn::Error) -> TokenStream {
    let errors = errors.into_compile_error();
    let stub = krate.map(|krate| stub_impl(input, &krate));
    quote!(#errors #stub)
}

fn stub_impl(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    let private = quote!(#krate::__private);
    // As on the impls of a sound binding: only where the user deprecated something or allows it
    // (an `allow` under a crate's `forbid(deprecated)` would be a second error of its own).
    let allow_deprecated = expand::user_deprecated(input).then(|| quote!(#[allow(deprecated)]));
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #private::SlackMethod for #ident #ty_generics #where_clause {
            const NAME: &'static #private::str = "";
            const VERB: #private::HttpVerb = #private::HttpVerb::Post;
            const SCOPES: &'static [&'static #private::str] = &[];
            const TIER: #private::RateLimitTier = #private::RateLimitTier::Unknown;
            const WRITES: #private::bool = true;
            type Response = #private::UntypedResponse;
            fn encode_form(&self, _: &mut #private::FormEncoder) -> #private::Result<(), #private::EncodeError> {
                #private::Result::Ok(())
            }
        }
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #private::SlackTool for #ident #ty_generics #where_clause {
            const OPERATION_ID: &'static #private::str = "";
            const DESCRIPTION: &'static #private::str = "";
            const PARAMS: &'static [#private::ToolParam] = &[];
        }
    }
}

/// The item is not a struct, enum or union (a function, a module, ...): give it back unchanged
/// with an error at its keyword.
pub fn not_a_struct(item: TokenStream, parse_error: syn::Error) -> TokenStream {
    let keyword = |input: ParseStream| {
        input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        // The first word after them: `fn`, `mod`, `impl`, `unsafe`, `type`, ...
        let first = input.parse::<TokenTree>()?;
        input.parse::<TokenStream>()?;
        Ok(first)
    };
    let error = match keyword.parse2(item.clone()) {
        Ok(TokenTree::Ident(word)) if word != "struct" => syn::Error::new(
            word.span(),
            format!(
                "`#[slack_method]` goes on a struct with named fields, one per method parameter, not on `{word}`"
            ),
        ),
        _ => parse_error,
    };
    let error = error.into_compile_error();
    quote!(#item #error)
}
