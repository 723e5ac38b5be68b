//! The `#[slack_method("family.method", ..)]` attribute of
//! [slack-methods](https://docs.rs/slack-methods): turns a struct with one field per parameter
//! into a checked binding of one Slack Web API method (an implementation of `SlackMethod`).
//!
//! Use it through the `slack-methods` crate, which documents the attribute in full.
//!
//! The attribute itself (`handoff`) does the work at once for a struct that neither `cfg`
//! evaluation nor another macro can change (no `#[cfg]` or `#[cfg_attr]`, only the compiler's own
//! attributes and serde's) and has no mistake: it gives back the struct without its
//! `#[slack(..)]` attributes, followed by the impls. Every other struct, and every binding with
//! a mistake or a warning, it gives back with a hidden `#[derive(SlackMethod)]` and its own
//! arguments in a helper attribute, so that the work runs as a derive, which sees the fields after
//! `#[cfg]` and `#[cfg_attr]` are evaluated, has `#[slack(..)]` as its helper attribute, and
//! reports every diagnostic. The steps, one module each: `args` (the
//! attribute's arguments), `attr` (`#[slack(..)]` on fields), `ast` (the struct), `valid` (rules
//! across fields, metadata defaults), `expand` (the generated impl, its fixed parts written as text
//! through `code`); `grammar` and `similar` hold the spelling rules and "did you mean" suggestions,
//! `ctxt` collects errors, `fallback` is what is emitted when there are some, and `manifest`
//! reads the name the package's `Cargo.toml` gives the runtime. `catalog` (generated) holds what
//! Slack's spec, its Python SDK and its tier table say about each method; `valid` checks the
//! binding against it and takes from it the metadata an attribute leaves out.

#![warn(missing_docs)]

mod args;
mod ast;
mod attr;
mod catalog;
mod check;
mod code;
mod ctxt;
mod expand;
mod fallback;
mod grammar;
mod handoff;
mod manifest;
mod serde_names;
mod similar;
mod valid;

use proc_macro::TokenStream;

/// Implements `SlackMethod` for a struct whose fields are the method's parameters.
///
/// ```ignore
/// use slack_methods::{slack_method, UserId};
///
/// #[slack_method("users.info")]
/// pub struct UsersInfo {
///     pub user: UserId,
///     pub include_locale: Option<bool>,
/// }
/// ```
///
/// # The method catalog
///
/// The macro knows 330 Slack Web API methods, merged from three sources: Slack's OpenAPI spec
/// (2020: verbs, scopes, parameters, paging, deprecation), the method table of Slack's Python
/// SDK (2026-08: the parameters of 318 methods, 152 of them newer than the spec, such as
/// `files.getUploadURLExternal`, `canvases.create` or `assistant.threads.setStatus`) and
/// Slack's rate-limit tier table. For a method it knows, the name (and, for a method newer
/// than the spec, its scope) is enough: every argument below that is left out is taken from
/// the catalog, and the binding is checked against it at compile time:
///
/// - an unknown method name is an error with the nearest known names;
/// - a field that is not a parameter of the method is an error with the nearest parameter names
///   (or the list of them);
/// - a required parameter without a field, with an `Option` field, with a `#[slack(skip)]`
///   field, or with a field behind `#[cfg(..)]` (which may leave it out), is an error;
/// - a field whose type certainly does not fit the parameter (`bool` for a string, a number, a
///   list, an object or a file; text for a boolean; a float for an integer; a number for a JSON
///   object) is an error. Where the spec and the SDK type a parameter differently, only a field
///   that fits neither is;
/// - a written `scope`, `tier` or `verb` that contradicts the catalog is an error at the written
///   value. When the difference is deliberate (the app uses a scope Slack's spec does not list,
///   Slack has changed a method's tier), say so with the bare flag `unchecked_scope`,
///   `unchecked_tier` or `unchecked_verb`: the written value is then used as it is. Scopes are
///   compared as alternatives: each written scope must be one of the method's, or one the spec
///   names for its token (`chat:write` for `chat.postMessage`); writing fewer is fine;
/// - binding a method Slack has deprecated warns (one `deprecated` lint at the method name,
///   however often the binding is used) unless the attribute says `deprecated`;
///   `#[allow(deprecated)]` on the struct silences it, `#[deny(deprecated)]` makes it an error.
///
/// Only Slack's spec names scopes, so a method newer than it needs `scope = ".."` (or
/// `no_scope`), and the error says so; a written scope is then taken as it is. Its verb is
/// POST and it counts as a write unless `writes = false`. Four methods of the SDK have no tier
/// in the tier table: `tier` may be written, else the tier is unknown. Where the SDK names no
/// parameters for such a method, its fields are not checked.
///
/// A method newer than the catalog is accepted when its metadata is written in full: a scope
/// (`scope = ".."`, or `no_scope` for a method that needs none), `tier` and `verb`. A method the
/// catalog knows from the tier table only needs its scope (or `no_scope`) and `verb`. Their
/// fields are not checked, and they count as writes unless `writes = false`.
///
/// # Arguments
///
/// The method name comes first, as a string literal: two or more `.`-separated segments, each
/// a lowercase ASCII letter followed by ASCII letters and digits (`users.lookupByEmail`,
/// `oauth.v2.access`). Then, in any order:
///
/// | argument | meaning | when left out |
/// |---|---|---|
/// | `scope = "users:read"` | an OAuth scope that allows the call; repeat it for alternatives (any one is enough) | the catalog's scopes |
/// | `no_scope` | the method needs no scope | the catalog's scopes |
/// | `tier = 1`..`4`, `tier = "special"` | the rate-limit tier; `"special"` is a limit of the method's own | the catalog's tier, else `RateLimitTier::Unknown` |
/// | `response = Type` | the body of a successful response (`DeserializeOwned`) | every field, untyped |
/// | `verb = "GET"` / `"POST"` | the HTTP verb, in any letter case | the catalog's verb, else `POST` |
/// | `writes = true` / `false` | whether the method changes state (a write is not retried blindly) | the catalog's (a read for the spec's GET methods and `auth.test`), else `true` |
/// | `destructive = true` / `false` | whether the tool may destroy, remove or overwrite something (MCP's `destructiveHint`); only a write can be | read from the method name's words (`SlackTool::DESTRUCTIVE`) |
/// | `paginated` | the method pages with `cursor` | the catalog's |
/// | `deprecated` | Slack has deprecated the method (also acknowledges the catalog's deprecation warning) | the catalog's |
/// | `validate = path::to_fn` | a `fn(&Self) -> Result<(), InvalidRequest>` run before sending | no check |
/// | `crate = "::path"` | where the `slack-methods` crate is, when a crate re-exporting it is the way to it | `::slack_methods`, or the name `Cargo.toml` renames the dependency to |
/// | `unchecked_scope`, `unchecked_tier`, `unchecked_verb` | the written `scope`/`no_scope`, `tier` or `verb` differs from the catalog on purpose | checked |
///
/// `writes`, `paginated` and `deprecated` override the catalog: they only change how the client
/// treats the method. `destructive` says what the name's words miss (`reminders.complete`
/// changes a reminder for good; `files.completeUploadExternal`, with the same word, only adds);
/// `destructive = true` on a read is an error. Of the catalog's facts, only `paginated` is
/// checked: on a method the catalog knows without a
/// `cursor` parameter it is an error (`client.pages` would send a `cursor` Slack does not take),
/// unless the binding has a `cursor` field of its own.
///
/// # Fields
///
/// Each field is one parameter, sent under its own name (without `r#`). Its type must implement
/// `FormValue`: strings, bools, numbers, typed ids, and `Option`s and lists of those (`None`
/// and empty lists are left out, lists are joined by commas). Field attributes:
///
/// - `#[slack(rename = "wire_name")]`: send under another name (lowercase letters, digits, `_`).
/// - `#[slack(json)]`: send the value as compact JSON text (the type must be `Serialize`), the
///   natural form of a JSON object parameter (`view`, `document_content`); an
///   `Option` field is left out when `None`.
/// - `#[slack(file)]`: send the field as a file part of a `multipart/form-data` body (the type
///   must be `FormFile` or `Option<FormFile>`), for a parameter the catalog does not know. A
///   parameter the catalog types as a file (`users.setPhoto`'s `image`) is one without it, and
///   its field must be a `FormFile`. A call that holds a file is sent as such a `POST`.
/// - `#[slack(skip)]`: never send the field.
/// - `#[slack(unchecked)]`: do not check the field against the catalog: a parameter newer than
///   the catalog, or a type or optionality that differs from it on purpose.
///
/// `#[cfg(..)]` on a field and `#[cfg_attr(.., slack(..))]` work as they do with derives: the
/// binding is made from the fields that are compiled in. A unit struct (`struct AuthTest;`)
/// binds a method without parameters.
///
/// A field sent as `token` is refused: the token travels in the `Authorization` header.
/// Generic parameters used by fields need the matching bound (`T: FormValue`).
///
/// The struct itself is given back as written, but for its fields' `#[slack(..)]` attributes,
/// followed by the generated impls; when a field has `#[cfg]` or `#[cfg_attr]`, or the struct has
/// an attribute that may be another macro, it is given back with a `#[derive]` of the hidden
/// `SlackMethod` derive, which generates the impls once `cfg` is evaluated.
#[proc_macro_attribute]
pub fn slack_method(args: TokenStream, item: TokenStream) -> TokenStream {
    handoff::attribute(args.into(), item.into()).into()
}

/// The work of `#[slack_method]`, done on the struct after `cfg` evaluation. Not for direct use:
/// the attribute adds it, with its arguments in `#[slack_method_args(..)]`.
#[doc(hidden)]
#[proc_macro_derive(SlackMethod, attributes(slack, slack_method_args))]
pub fn derive_slack_method(item: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(item.into()) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error().into(),
    };
    let cx = ctxt::Ctxt::new();
    let (tokens, span) = handoff::args_of(&input);
    let args = args::Args::parse(&cx, tokens, span);
    // What the stub impl of a failed binding needs of the arguments, which the check consumes.
    let krate = (!args.krate_broken()).then(|| args.krate.get().cloned());
    let method =
        ast::Input::from_syn(&cx, &args, &input).and_then(|ast| valid::check(&cx, args, ast));
    match (cx.check(), method) {
        (Ok(()), Some(method)) => expand::expand(&method),
        (Err(errors), _) => {
            let krate = krate.map(|written| valid::crate_path_of(written.as_ref()));
            fallback::stub(&input, krate, errors)
        }
        // Unreachable: a missing piece is always reported.
        (Ok(()), None) => proc_macro2::TokenStream::new(),
    }
    .into()
}
