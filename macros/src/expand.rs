//! Code generation: the user's struct (helper attributes removed) and its `SlackMethod` impl.
//! Infallible: everything was checked in `valid.rs`.

use crate::args::HttpVerb;
use crate::ast::{self, Field};
use crate::attr;
use crate::valid::{Method, TierValue};
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput};

/// The struct as the user wrote it, and the impl.
pub fn expand(method: &Method) -> TokenStream {
    let item = user_item(method.input.original);
    let imp = impl_slack_method(method);
    quote!(#item #imp)
}

/// The user's item with every `#[slack(..)]` attribute removed, and any second
/// `#[slack_method]` (reported, and removed so that it does not expand to a second impl).
pub fn user_item(input: &DeriveInput) -> TokenStream {
    let mut item = input.clone();
    attr::strip(&mut item.attrs);
    item.attrs.retain(|attr| !ast::is_slack_method(attr));
    match &mut item.data {
        Data::Struct(data) => data
            .fields
            .iter_mut()
            .for_each(|f| attr::strip(&mut f.attrs)),
        Data::Union(data) => data
            .fields
            .named
            .iter_mut()
            .for_each(|f| attr::strip(&mut f.attrs)),
        Data::Enum(data) => {
            for variant in &mut data.variants {
                variant
                    .fields
                    .iter_mut()
                    .for_each(|f| attr::strip(&mut f.attrs));
            }
        }
    }
    item.into_token_stream()
}

fn impl_slack_method(method: &Method) -> TokenStream {
    let krate = &method.krate;
    let private = quote!(#krate::__private);
    let ident = method.input.ident;
    let (impl_generics, ty_generics, where_clause) = method.input.generics.split_for_impl();
    let name = &method.name;
    let verb = match method.verb {
        HttpVerb::Get => quote!(#private::HttpVerb::Get),
        HttpVerb::Post => quote!(#private::HttpVerb::Post),
    };
    let scopes = &method.scopes;
    let tier = match &method.tier {
        TierValue::Numbered(n, span) => {
            let variant = syn::Ident::new(&format!("Tier{n}"), *span);
            quote!(#private::RateLimitTier::#variant)
        }
        TierValue::Special(owner) => quote!(#private::RateLimitTier::Special(#owner)),
        TierValue::Unknown => quote!(#private::RateLimitTier::Unknown),
    };
    let writes = method.writes;
    let paginated = method.paginated;
    let deprecated = method.deprecated;
    let response = match &method.response {
        Some(ty) => ty.to_token_stream(),
        None => quote!(#private::UntypedResponse),
    };
    // Spanned at the path as a whole, so a function with the wrong signature is reported there.
    let validate = method.validate.as_ref().map(|path| {
        respan(
            quote! {
                fn validate(&self) -> #private::Result<(), #private::InvalidRequest> {
                    #path(self)
                }
            },
            path.span(),
        )
    });
    let form = syn::Ident::new("form", Span::call_site());
    let sent: Vec<TokenStream> = method
        .input
        .fields
        .iter()
        .filter(|field| field.is_sent())
        .map(|field| encode_field(&private, &form, field))
        .collect();
    let form_param = if sent.is_empty() {
        quote!(_: &mut #private::FormEncoder)
    } else {
        quote!(#form: &mut #private::FormEncoder)
    };
    let warning = method
        .deprecation_warning
        .as_ref()
        .map(|note| deprecation_warning(note, ident));
    quote! {
        #warning
        #[automatically_derived]
        impl #impl_generics #private::SlackMethod for #ident #ty_generics #where_clause {
            const NAME: &'static str = #name;
            const VERB: #private::HttpVerb = #verb;
            const SCOPES: &'static [&'static str] = &[#(#scopes),*];
            const TIER: #private::RateLimitTier = #tier;
            const WRITES: bool = #writes;
            const PAGINATED: bool = #paginated;
            const DEPRECATED: bool = #deprecated;
            type Response = #response;
            #validate
            fn encode_form(&self, #form_param) -> #private::Result<(), #private::EncodeError> {
                #(#sent)*
                #private::Result::Ok(())
            }
        }
    }
}

/// A use of a `#[deprecated]` item, spanned at the struct's name: the compiler's own
/// deprecation warning (which `#[allow(deprecated)]` and `-D warnings` act on) lands there.
fn deprecation_warning(note: &str, ident: &syn::Ident) -> TokenStream {
    let item = syn::Ident::new("deprecated_slack_method", Span::call_site());
    let mut used = item.clone();
    used.set_span(ident.span());
    quote! {
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #item: () = ();
            #used
        };
    }
}

/// The statements that write one field. Every token carries the span of the field's type, so a
/// type that cannot be encoded (no `FormValue`, or no `Serialize` for `json`) is reported there,
/// once, with the runtime's explanation.
fn encode_field(private: &TokenStream, form: &syn::Ident, field: &Field) -> TokenStream {
    // For `Option<T>` sent as JSON, `T` is what must be `Serialize`: point there.
    let span = match field.option_inner() {
        Some(inner) if field.attrs.json.is_some() => inner.span(),
        _ => field.ty_span(),
    };
    let mut member = field.ident.clone();
    member.set_span(span);
    let mut form = form.clone();
    form.set_span(span);
    let wire = syn::LitStr::new(&field.wire_name(), span);
    if field.attrs.json.is_none() {
        return quote_spanned! {span=>
            #form.append(#wire, &self.#member);
        };
    }
    if field.option_inner().is_some() {
        quote_spanned! {span=>
            if let #private::Option::Some(value) = &self.#member {
                #form.append_json(#wire, value)?;
            }
        }
    } else {
        quote_spanned! {span=>
            #form.append_json(#wire, &self.#member)?;
        }
    }
}

/// `tokens` with every span set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
