//! Code generation: the `SlackMethod` impl of a validated binding, and the user's item as the
//! fallback gives it back. Infallible: everything was checked in `valid.rs`.

use crate::ast::{self, Field};
use crate::attr;
use crate::catalog::{Tier, Verb};
use crate::code::Code;
use crate::valid::Method;
use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Meta, Type};

/// What the derive (or the attribute, when it binds the struct itself) adds next to the struct:
/// the impl, and the deprecation warning when one is due.
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
    let private = format!("{}::__private", method.krate);
    let p = private.as_str();
    // A struct or field the user deprecated, or where the user allows deprecated items, must
    // not make the impl warn. (Only then: an `allow` under a crate's `forbid(deprecated)` would
    // be an error of its own.)
    let allow_deprecated = if user_deprecated(method.input.original) {
        "#[allow(deprecated)]"
    } else {
        ""
    };
    let sent: Vec<&Field> = method
        .input
        .fields
        .iter()
        .filter(|field| field.is_sent())
        .collect();
    let mut code = Code::new();
    impl_header(
        &mut code,
        method,
        allow_deprecated,
        &format!("{p}::SlackMethod"),
    );
    code.group(Delimiter::Brace, |body| {
        let name = &method.name_text;
        let verb = match method.verb {
            Verb::Get => "Get",
            Verb::Post => "Post",
        };
        let scopes = method
            .scopes
            .iter()
            .map(|scope| format!("{scope:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let tier = match method.tier {
            Some((Tier::Special, _)) => format!("Special({name:?})"),
            Some((numbered, _)) => format!("Tier{}", numbered.as_argument()),
            None => "Unknown".to_owned(),
        };
        let (writes, paginated, deprecated) = (method.writes, method.paginated, method.deprecated);
        write!(
            body,
            "const NAME: &'static {p}::str = {name:?}; \
             const VERB: {p}::HttpVerb = {p}::HttpVerb::{verb}; \
             const SCOPES: &'static [&'static {p}::str] = &[{scopes}]; \
             const TIER: {p}::RateLimitTier = {p}::RateLimitTier::{tier}; \
             const WRITES: {p}::bool = {writes}; \
             const PAGINATED: {p}::bool = {paginated}; \
             const DEPRECATED: {p}::bool = {deprecated}; \
             type Response = "
        );
        match &method.response {
            Some(ty) => body.tokens(ty),
            None => body.text(p).text("::UntypedResponse"),
        };
        body.text(";");
        // Spanned at the path as a whole, so a function with the wrong signature is reported
        // there.
        if let Some(path) = &method.validate {
            let private = Code::lexed(p);
            body.tokens(&respan(
                quote! {
                    fn validate(&self) -> #private::Result<(), #private::InvalidRequest> {
                        #path(self)
                    }
                },
                path.span(),
            ));
        }
        // Generated locals have names no one writes, so no item of the user's (a unit struct
        // `form`, say) can capture them.
        let form = if sent.is_empty() { "_" } else { FORM };
        write!(
            body,
            "fn encode_form(&self, {form}: &mut {p}::FormEncoder) \
             -> {p}::Result<(), {p}::EncodeError>"
        );
        body.group(Delimiter::Brace, |statements| {
            let mut encode = TokenStream::new();
            for field in &sent {
                encode_field(&mut encode, p, field);
            }
            statements.stream(encode).text(p).text("::Result::Ok(())");
        });
    });
    // A file's bytes are no JSON argument: a file part is no tool parameter.
    let params: Vec<&Field> = sent.iter().copied().filter(|field| !field.file).collect();
    impl_slack_tool(&mut code, method, p, allow_deprecated, &params);
    // What paging needs: the mark `Client::pages` and `Client::items` take.
    if method.paginated {
        impl_header(
            &mut code,
            method,
            allow_deprecated,
            &format!("{p}::CursorPaginated"),
        );
        code.text("{}");
    }
    code.finish()
}

/// The name of the encoder in `encode_form`.
const FORM: &str = "__slack_form";

/// `#[automatically_derived] impl<..> Trait for Struct<..> where ..`, with the struct's own
/// generics (as tokens, for their spans and hygiene) when it has any.
fn impl_header(code: &mut Code, method: &Method, allow_deprecated: &str, trait_path: &str) {
    let generics = method.input.generics;
    let ident = method.input.ident;
    write!(code, "#[automatically_derived] {allow_deprecated} impl");
    if generics.params.is_empty() && generics.where_clause.is_none() {
        write!(code, " {trait_path} for {ident}");
    } else {
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        code.tokens(&impl_generics);
        write!(code, " {trait_path} for ");
        code.tokens(ident)
            .tokens(&ty_generics)
            .tokens(&where_clause);
    }
}

/// The `SlackTool` impl: the tool name, the description, and one `ToolParam` per sent field
/// but a file part (an agent's JSON arguments carry no file's bytes), whose type's schema is
/// picked where the type is known: `ParamSchema`'s when the type has one, else the permissive
/// `{}` (by method lookup on `&ParamOf<T>`, see the runtime's `ParamOf`), so a field type
/// without a schema never fails the build.
fn impl_slack_tool(
    code: &mut Code,
    method: &Method,
    p: &str,
    allow_deprecated: &str,
    sent: &[&Field],
) {
    let name = &method.name_text;
    let operation_id = operation_id(name);
    let description = match tool_text(&ast::doc_lines(&method.input.original.attrs)) {
        text if text.is_empty() => format!("Calls the Slack Web API method `{name}`."),
        text => text,
    };
    // Each field's type goes in as text where that is the same as its tokens: in a struct
    // without generics, and for a type that did not come from a `macro_rules!` fragment.
    let plain = method.input.generics.params.is_empty();
    let types: Option<Vec<String>> = sent
        .iter()
        .map(|field| plain.then(|| plain_text(field.ty)).flatten())
        .collect();
    impl_header(code, method, allow_deprecated, &format!("{p}::SlackTool"));
    // Written only where the attribute says it: else the trait's default reads the name.
    let destructive = match method.destructive {
        Some(destructive) => format!("const DESTRUCTIVE: {p}::bool = {destructive}; "),
        None => String::new(),
    };
    let consts = format!(
        "const OPERATION_ID: &'static {p}::str = {operation_id:?}; \
         const DESCRIPTION: &'static {p}::str = {description:?}; \
         {destructive}const PARAMS: &'static [{p}::ToolParam] = &"
    );
    match &types {
        // No tokens to splice: the whole body is text.
        Some(types) => {
            write!(code, "{{ {consts}[");
            for (field, ty) in sent.iter().zip(types) {
                let (wire, doc, required) = param_facts(field);
                write!(
                    code,
                    "{p}::ToolParam::new({wire:?}, {doc:?}, {required}, || {{ \
                     use {p}::KindOf as _; (&{p}::ParamOf::<{ty}>::NEW).kind() }}),"
                );
            }
            code.text("]; }");
        }
        None => {
            code.group(Delimiter::Brace, |body| {
                body.text(&consts);
                let private = Code::lexed(p);
                body.group(Delimiter::Bracket, |params| {
                    for field in sent {
                        let (wire, doc, required) = param_facts(field);
                        let ty = field.ty;
                        params.tokens(&quote! {
                            #private::ToolParam::new(#wire, #doc, #required, || {
                                use #private::KindOf as _;
                                (&#private::ParamOf::<#ty>::NEW).kind()
                            }),
                        });
                    }
                });
                body.text(";");
            });
        }
    }
}

/// A tool parameter's name, description and whether it is required.
fn param_facts(field: &Field) -> (String, String, bool) {
    (
        field.wire_name(),
        tool_text(&field.doc),
        field.option_inner().is_none(),
    )
}

/// A type as text, when lexing that text gives back the same type: not when it holds a
/// `macro_rules!` fragment (an invisible group, whose hygiene text would lose) or `$crate`.
fn plain_text(ty: &Type) -> Option<String> {
    fn visible(tokens: TokenStream) -> bool {
        tokens.into_iter().all(|tree| match tree {
            TokenTree::Group(group) => {
                group.delimiter() != Delimiter::None && visible(group.stream())
            }
            _ => true,
        })
    }
    let mut text = String::new();
    if groupless_text(ty, &mut text) {
        return (!text.contains('$')).then_some(text);
    }
    let tokens = ty.to_token_stream();
    let text = tokens.to_string();
    (!text.contains('$') && visible(tokens)).then_some(text)
}

/// Writes to `out` the text `ty` prints as, token by token from its syntax tree (printing the
/// type to tokens first costs more than the rest of its tool parameter), when it prints without
/// any group, as its tree shows: a path (not `<T as Trait>::X`, not `Fn(..)`) whose generic
/// arguments are lifetimes and such types, or a reference to one; the types of nearly every
/// field. Says whether it could (else `out` holds a part of it, and the type is looked at token
/// by token).
fn groupless_text(ty: &Type, out: &mut String) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            if path.path.leading_colon.is_some() {
                out.push_str(":: ");
            }
            for (i, segment) in path.path.segments.iter().enumerate() {
                if i > 0 {
                    out.push_str(" :: ");
                }
                out.push_str(&segment.ident.to_string());
                let args = match &segment.arguments {
                    syn::PathArguments::None => continue,
                    syn::PathArguments::AngleBracketed(args) => args,
                    syn::PathArguments::Parenthesized(_) => return false,
                };
                if args.colon2_token.is_some() {
                    out.push_str(" ::");
                }
                out.push_str(" <");
                for (j, arg) in args.args.iter().enumerate() {
                    if j > 0 {
                        out.push_str(" ,");
                    }
                    out.push(' ');
                    match arg {
                        syn::GenericArgument::Lifetime(lifetime) => {
                            out.push_str(&lifetime.to_string());
                        }
                        syn::GenericArgument::Type(ty) => {
                            if !groupless_text(ty, out) {
                                return false;
                            }
                        }
                        _ => return false,
                    }
                }
                if args.args.trailing_punct() {
                    out.push_str(" ,");
                }
                out.push_str(" >");
            }
            true
        }
        Type::Reference(reference) => {
            out.push('&');
            if let Some(lifetime) = &reference.lifetime {
                out.push(' ');
                out.push_str(&lifetime.to_string());
            }
            if reference.mutability.is_some() {
                out.push_str(" mut");
            }
            out.push(' ');
            groupless_text(&reference.elem, out)
        }
        _ => false,
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
        if line.starts_with("```") || is_heading(line) {
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

/// Whether a doc line is a Markdown heading: one to six `#`, then a space or nothing.
fn is_heading(line: &str) -> bool {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&level) && line[level..].chars().next().is_none_or(|c| c == ' ')
}

/// `text` with the brackets of intra-doc links (`` [`Type::method`] ``, `[Type]`) removed. Kept as
/// written: code spans, a Markdown link with a target (`[text](url)`, `[text][ref]`), a link
/// definition (`[name]: url`), and brackets around anything that is not a path (`[a, b]`).
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['[', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            let span = code_span(rest);
            out.push_str(&rest[..span]);
            rest = &rest[span..];
            continue;
        }
        let after = &rest[1..];
        let Some(close) = after
            .find(']')
            .filter(|close| is_link_path(&after[..*close]))
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

/// The length of the code span that `text` starts with: its backticks, up to the same number of
/// backticks closing it; without a closing run, the opening backticks alone.
fn code_span(text: &str) -> usize {
    let ticks = text.bytes().take_while(|b| *b == b'`').count();
    let fence = &text[..ticks];
    text[ticks..]
        .find(fence)
        .map_or(ticks, |close| ticks + close + ticks)
}

/// Whether the text between a link's brackets names an item: a path, in backticks or not, with
/// no space, comma or semicolon (`` `UserId` ``, `Client::call`, `crate::Error`).
fn is_link_path(inner: &str) -> bool {
    let path = inner
        .strip_prefix('`')
        .and_then(|p| p.strip_suffix('`'))
        .unwrap_or(inner);
    !path.is_empty()
        && !path.contains(['`', '[', ' ', ',', ';'])
        && !path.chars().any(char::is_whitespace)
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

/// Whether the user marked the struct or one of its fields `#[deprecated]`, or allows (or
/// expects) deprecated items there: a field's type may then be a deprecated item, which the
/// impl names again.
pub fn user_deprecated(input: &DeriveInput) -> bool {
    let deprecated = |attrs: &[Attribute]| {
        attrs.iter().any(|attr| {
            attr.path().is_ident("deprecated")
                || (["allow", "expect"].iter().any(|l| attr.path().is_ident(l))
                    && names_deprecated(attr))
        })
    };
    deprecated(&input.attrs)
        || match &input.data {
            Data::Struct(data) => data.fields.iter().any(|field| deprecated(&field.attrs)),
            _ => false,
        }
}

/// Whether a lint attribute's list names `deprecated`.
fn names_deprecated(attr: &Attribute) -> bool {
    let Meta::List(list) = &attr.meta else {
        return false;
    };
    list.tokens
        .clone()
        .into_iter()
        .any(|token| matches!(token, proc_macro2::TokenTree::Ident(ident) if ident == "deprecated"))
}

/// `#[allow(..)]`, `#[warn(..)]`, `#[deny(..)]` or `#[forbid(..)]`. (Not `#[expect(..)]`: an
/// expectation copied onto the warning would go unfulfilled wherever the lint is not deprecation.)
fn is_lint_level(attr: &Attribute) -> bool {
    ["allow", "warn", "deny", "forbid"]
        .iter()
        .any(|level| attr.path().is_ident(level))
}

/// Appends to `out` the statements that write one field. Every token carries the span of the
/// field's type, so a type that cannot be encoded (no `FormValue`, or no `Serialize` for
/// `json`) is reported there, once, with the runtime's explanation.
fn encode_field(out: &mut TokenStream, private: &str, field: &Field) {
    let json = field.attrs.json.written();
    // For `Option<T>` sent as JSON, `T` is what must be `Serialize`: point there.
    let inner = if json { field.option_inner() } else { None };
    let span = match inner {
        Some(inner) => ast::type_span(inner),
        None => field.ty_span(),
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
    let form = syn::Ident::new(FORM, local);
    if !json {
        // `#form.append(#wire, &#this.#member);`, the tokens `quote_spanned!` would write,
        // appended to `out` one by one: the statements of all fields go to the compiler at once.
        let punct = |c: char| {
            let mut punct = Punct::new(c, Spacing::Alone);
            punct.set_span(span);
            TokenTree::Punct(punct)
        };
        let mut wire = Literal::string(&field.wire_name());
        wire.set_span(span);
        let arguments = TokenStream::from_iter([
            TokenTree::Literal(wire),
            punct(','),
            punct('&'),
            TokenTree::Ident(this),
            punct('.'),
            TokenTree::Ident(member),
        ]);
        let mut arguments = Group::new(Delimiter::Parenthesis, arguments);
        arguments.set_span(span);
        // A file part: `#form.append_file(..)`, the same tokens otherwise.
        let append = if field.file { "append_file" } else { "append" };
        out.extend([
            TokenTree::Ident(form),
            punct('.'),
            TokenTree::Ident(syn::Ident::new(append, span)),
            TokenTree::Group(arguments),
            punct(';'),
        ]);
        return;
    }
    let wire = syn::LitStr::new(&field.wire_name(), span);
    // The `?` is the impl's own, not the user's (located at the type, for the reader): a user's
    // lints on `?` (`clippy::question_mark_used`) do not apply to it.
    let mut question = Punct::new('?', Spacing::Alone);
    question.set_span(Span::call_site().located_at(span));
    out.extend(if inner.is_some() {
        let private = Code::lexed(private);
        let value = syn::Ident::new("__slack_value", span);
        quote_spanned! {span=>
            if let #private::Option::Some(#value) = &#this.#member {
                #form.append_json(#wire, #value)#question;
            }
        }
    } else {
        quote_spanned! {span=>
            #form.append_json(#wire, &#this.#member)#question;
        }
    });
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
    fn a_plain_type_is_written_as_its_tokens_print() {
        for ty in [
            quote!(String),
            quote!(Option<Vec<::std::string::String>>),
            quote!(&'static str),
            quote!(&'a mut Cow<'a, str>),
            quote!(std::collections::HashMap<String, Option<u8>,>),
            quote!(Vec::<u8>),
            quote!(r#type::Id),
        ] {
            let parsed: Type = syn::parse2(ty.clone()).unwrap();
            let mut text = String::new();
            assert!(groupless_text(&parsed, &mut text), "{ty}");
            // What printing the parsed type gives.
            let printed = parsed.to_token_stream().to_string();
            assert_eq!(text, printed);
            assert_eq!(plain_text(&parsed), Some(printed));
        }
        // Not written from the tree: a function type, a tuple.
        for ty in [quote!(Box<dyn Fn(u8)>), quote!((u8, u8))] {
            let parsed: Type = syn::parse2(ty).unwrap();
            assert!(!groupless_text(&parsed, &mut String::new()));
        }
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
        // Code spans are kept whole, and brackets around what is not a path stay.
        assert_eq!(
            unlink("at most `[u8; 4000]` bytes, one of [a, b], see [`crate::X`] or ``[`x`]``"),
            "at most `[u8; 4000]` bytes, one of [a, b], see `crate::X` or ``[`x`]``"
        );
        assert_eq!(unlink("an `unclosed [Link] span"), "an `unclosed Link span");
        // A line that starts with `#` but is not a heading is prose.
        assert_eq!(
            tool_text(&lines(
                "Posts to a channel, by default\n#general, the main one.\n## More\nrest"
            )),
            "Posts to a channel, by default #general, the main one."
        );
        assert_eq!(tool_text(&lines("Text.\n#\nrest")), "Text.");
        assert_eq!(
            tool_text(&lines("Text.\n####### seven\nrest")),
            "Text. ####### seven rest"
        );
    }
}
