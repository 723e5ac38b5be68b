//! Code generation: the `SlackMethod` impl of a validated binding, and the user's item as the
//! fallback gives it back. Infallible: everything was checked in `valid.rs`.

use crate::ast::{self, Field};
use crate::attr;
use crate::catalog::{Tier, Verb};
use crate::valid::Method;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput};

/// What the derive adds next to the struct: the impl, and the deprecation warning when one is
/// due.
pub fn expand(method: &Method) -> TokenStream {
    let imp = impl_slack_method(method);
    let warning = method
        .deprecation_warning
        .as_ref()
        .map(|note| deprecation_warning(method, note));
    quote!(#imp #warning)
}

/// The user's item with every `#[slack(..)]` attribute removed (also inside `cfg_attr`), and
/// any second `#[slack_method]`: what the attribute gives back when it cannot hand the item to
/// the derive, whose helper attributes these are.
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
        Verb::Get => quote!(#private::HttpVerb::Get),
        Verb::Post => quote!(#private::HttpVerb::Post),
    };
    let scopes = &method.scopes;
    let tier = match method.tier {
        Some((Tier::Special, span)) => {
            quote_spanned!(span=> #private::RateLimitTier::Special(#name))
        }
        Some((numbered, span)) => {
            let variant = syn::Ident::new(&format!("Tier{}", numbered.as_argument()), span);
            quote!(#private::RateLimitTier::#variant)
        }
        None => quote!(#private::RateLimitTier::Unknown),
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
    // Generated locals have names no one writes, so no item of the user's (a unit struct
    // `form`, say) can capture them.
    let form = syn::Ident::new("__slack_form", Span::call_site());
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
    // A struct or field the user deprecated must not make the impl warn. (Only then: an `allow`
    // under a crate's `forbid(deprecated)` would be an error of its own.)
    let allow_deprecated =
        user_deprecated(method.input.original).then(|| quote!(#[allow(deprecated)]));
    // What paging needs: the mark `Client::pages` and `Client::items` take.
    let paging = paginated.then(|| {
        quote! {
            #[automatically_derived]
            #allow_deprecated
            impl #impl_generics #private::CursorPaginated for #ident #ty_generics #where_clause {}
        }
    });
    let tool = impl_slack_tool(method, &private, allow_deprecated.as_ref());
    quote! {
        #[automatically_derived]
        #allow_deprecated
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
        #tool
        #paging
    }
}

/// The `SlackTool` impl: the tool name, the description, and one `ToolParam` per sent field,
/// whose type's schema is picked where the type is known: `ParamSchema`'s when the type has
/// one, else the permissive `{}` (by method lookup on `&ParamOf<T>`, see the runtime's
/// `ParamOf`), so a field type without a schema never fails the build.
fn impl_slack_tool(
    method: &Method,
    private: &TokenStream,
    allow_deprecated: Option<&TokenStream>,
) -> TokenStream {
    let ident = method.input.ident;
    let (impl_generics, ty_generics, where_clause) = method.input.generics.split_for_impl();
    let name = method.name.value();
    let operation_id = operation_id(&name);
    let description = match tool_text(&ast::doc_lines(&method.input.original.attrs)) {
        text if text.is_empty() => format!("Calls the Slack Web API method `{name}`."),
        text => text,
    };
    let params = method
        .input
        .fields
        .iter()
        .filter(|field| field.is_sent())
        .map(|field| {
            let wire = field.wire_name();
            let doc = tool_text(&field.doc);
            let required = field.option_inner().is_none();
            let ty = field.ty;
            quote! {
                #private::ToolParam::new(#wire, #doc, #required, || {
                    use #private::KindOf as _;
                    (&#private::ParamOf::<#ty>::NEW).kind()
                })
            }
        });
    quote! {
        #[automatically_derived]
        #allow_deprecated
        impl #impl_generics #private::SlackTool for #ident #ty_generics #where_clause {
            const OPERATION_ID: &'static str = #operation_id;
            const DESCRIPTION: &'static str = #description;
            const PARAMS: &'static [#private::ToolParam] = &[#(#params),*];
        }
    }
}

/// The tool name of a method: its name in camelCase, dots dropped (`users.profile.set` is
/// `usersProfileSet`); the runtime's `operation_id` says the same.
pub fn operation_id(method: &str) -> String {
    let mut id = String::with_capacity(method.len());
    for (i, segment) in method.split('.').enumerate() {
        let mut chars = segment.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                id.push(first);
            } else {
                id.extend(first.to_uppercase());
            }
            id.extend(chars);
        }
    }
    id
}

/// What a tool shows of a doc comment: its text up to the first code block or heading (the
/// examples and sections after it are for Rust readers), each paragraph on one line (a list
/// item on a line of its own), with the brackets of intra-doc links removed.
pub fn tool_text(lines: &[String]) -> String {
    let mut text = String::new();
    let mut blank = false;
    for line in lines {
        let line = line.trim();
        if line.starts_with("```") || line.starts_with('#') {
            break;
        }
        if line.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        let item = line.starts_with("- ") || line.starts_with("* ");
        if blank {
            text.push_str("\n\n");
        } else if item && !text.is_empty() {
            text.push('\n');
        } else if !text.is_empty() {
            text.push(' ');
        }
        blank = false;
        text.push_str(line);
    }
    unlink(&text)
}

/// `text` with the brackets of intra-doc links (`` [`Type::method`] ``) removed; a Markdown
/// link with a target (`[text](url)`, `[text][ref]`) is kept as written.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after
            .find(']')
            .filter(|close| !after[..*close].contains('['))
        else {
            out.push('[');
            rest = after;
            continue;
        };
        let target = &after[close + 1..];
        let end = match target.chars().next() {
            Some('(') => target.find(')'),
            Some('[') => target.find(']'),
            _ => None,
        };
        match (end, target.starts_with(':')) {
            // A link with its target: as written.
            (Some(end), _) => {
                out.push('[');
                out.push_str(&after[..=close + 1 + end]);
                rest = &target[end + 1..];
            }
            // A link definition (`[name]: url`): as written.
            (None, true) => {
                out.push('[');
                rest = after;
            }
            (None, false) => {
                out.push_str(&after[..close]);
                rest = target;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A use of a `#[deprecated]` item, spanned at the method name: the compiler's own deprecation
/// warning lands there, once per binding. It carries the struct's own lint levels, so
/// `#[allow(deprecated)]` or `#[deny(deprecated)]` on the struct act on it as on the struct.
fn deprecation_warning(method: &Method, note: &str) -> TokenStream {
    let item = syn::Ident::new("deprecated_slack_method", Span::call_site());
    let mut used = item.clone();
    used.set_span(method.name.span());
    let levels = method
        .input
        .original
        .attrs
        .iter()
        .filter(|attr| is_lint_level(attr));
    quote! {
        #(#levels)*
        const _: () = {
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            const #item: () = ();
            #used
        };
    }
}

/// Whether the user marked the struct or one of its fields `#[deprecated]`.
fn user_deprecated(input: &DeriveInput) -> bool {
    let deprecated =
        |attrs: &[Attribute]| attrs.iter().any(|attr| attr.path().is_ident("deprecated"));
    deprecated(&input.attrs)
        || match &input.data {
            Data::Struct(data) => data.fields.iter().any(|field| deprecated(&field.attrs)),
            _ => false,
        }
}

/// `#[allow(..)]`, `#[warn(..)]`, `#[deny(..)]` or `#[forbid(..)]`. (Not `#[expect(..)]`: an
/// expectation copied onto the warning would go unfulfilled wherever the lint is not deprecation.)
fn is_lint_level(attr: &Attribute) -> bool {
    ["allow", "warn", "deny", "forbid"]
        .iter()
        .any(|level| attr.path().is_ident(level))
}

/// The statements that write one field. Every token carries the span of the field's type, so a
/// type that cannot be encoded (no `FormValue`, or no `Serialize` for `json`) is reported there,
/// once, with the runtime's explanation.
fn encode_field(private: &TokenStream, form: &syn::Ident, field: &Field) -> TokenStream {
    // For `Option<T>` sent as JSON, `T` is what must be `Serialize`: point there.
    let span = match field.option_inner() {
        Some(inner) if field.attrs.json.written() => inner.span(),
        _ => field.ty_span(),
    };
    let mut member = field.ident.clone();
    member.set_span(span);
    // A type substituted from a `macro_rules!` fragment (it arrives in an invisible group)
    // carries the hygiene of the macro's caller, in which the method's `self` and encoder are
    // not in scope: they then keep the impl's own hygiene, located at the type.
    let local = match field.ty {
        syn::Type::Group(_) => Span::call_site().located_at(span),
        _ => span,
    };
    let this = syn::Ident::new("self", local);
    let form = syn::Ident::new(&form.to_string(), local);
    let wire = syn::LitStr::new(&field.wire_name(), span);
    if !field.attrs.json.written() {
        return quote_spanned! {span=>
            #form.append(#wire, &#this.#member);
        };
    }
    if field.option_inner().is_some() {
        let value = syn::Ident::new("__slack_value", span);
        quote_spanned! {span=>
            if let #private::Option::Some(#value) = &#this.#member {
                #form.append_json(#wire, #value)?;
            }
        }
    } else {
        quote_spanned! {span=>
            #form.append_json(#wire, &#this.#member)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_owned).collect()
    }

    #[test]
    fn tool_names_are_camel_case() {
        assert_eq!(operation_id("users.profile.set"), "usersProfileSet");
        assert_eq!(operation_id("oauth.v2.access"), "oauthV2Access");
        assert_eq!(operation_id("users.lookupByEmail"), "usersLookupByEmail");
    }

    #[test]
    fn tool_text_is_the_prose_before_examples() {
        let doc = lines(
            "`users.info`: reads a user,\nwith [`UserId`] as the key.\n\nSee [the docs](https://x).\n- one\n- two\n\n# Examples\nmore",
        );
        assert_eq!(
            tool_text(&doc),
            "`users.info`: reads a user, with `UserId` as the key.\n\nSee [the docs](https://x).\n- one\n- two"
        );
        assert_eq!(tool_text(&lines("text\n```\ncode\n```")), "text");
        assert_eq!(tool_text(&[]), "");
        assert_eq!(
            unlink("[a] [b][c] [d](e) [f]: g [h"),
            "a [b][c] [d](e) [f]: g [h"
        );
    }
}
