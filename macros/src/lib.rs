//! The `#[slack_method("family.method", ..)]` attribute of
//! [slack-methods](https://docs.rs/slack-methods): turns a struct with one field per parameter
//! into a checked binding of one Slack Web API method (an implementation of `SlackMethod`).
//!
//! Use it through the `slack-methods` crate, which documents the attribute in full.
//!
//! The steps, one module each: `args` (the attribute's arguments), `attr` (`#[slack(..)]` on
//! fields), `ast` (the struct), `valid` (rules across fields, metadata defaults), `expand` (the
//! generated impl); `grammar` and `similar` hold the spelling rules and "did you mean"
//! suggestions, `ctxt` collects errors, and `fallback` is what is emitted when there are some.
//! `catalog` (generated) holds what Slack's spec says about each method; `valid::fill_defaults`
//! is where it will supply the metadata an attribute leaves out.

mod args;
mod ast;
mod attr;
mod catalog;
mod ctxt;
mod expand;
mod fallback;
mod grammar;
mod similar;
mod valid;

use proc_macro::TokenStream;

/// Implements `SlackMethod` for a struct whose fields are the method's parameters.
///
/// ```ignore
/// use slack_methods::{slack_method, UserId};
///
/// #[slack_method("users.info", scope = "users:read", tier = 4, verb = "GET")]
/// pub struct UsersInfo {
///     pub user: UserId,
///     pub include_locale: Option<bool>,
/// }
/// ```
///
/// # Arguments
///
/// The method name comes first, as a string literal: two or more `.`-separated segments, each
/// a lowercase ASCII letter followed by ASCII letters and digits (`users.lookupByEmail`,
/// `oauth.v2.access`). Then, in any order:
///
/// | argument | meaning | when left out |
/// |---|---|---|
/// | `scope = "users:read"` | an OAuth scope that allows the call; repeat it for alternatives (any one is enough) | no scope |
/// | `tier = 1`..`4`, `tier = "special"` | the rate-limit tier; `"special"` is a limit of the method's own | `RateLimitTier::Unknown` |
/// | `response = Type` | the body of a successful response (`DeserializeOwned`) | every field, untyped |
/// | `verb = "GET"` / `"POST"` | the HTTP verb, in any letter case | `POST` |
/// | `writes = true` / `false` | whether the method changes state (a write is not retried blindly) | `true` for `POST` |
/// | `paginated` | the method pages with `cursor` | not paginated |
/// | `deprecated` | Slack has deprecated the method | not deprecated |
/// | `validate = path::to_fn` | a `fn(&Self) -> Result<(), InvalidRequest>` run before sending | no check |
/// | `crate = "::path"` | where the `slack-methods` crate is, for a renamed dependency | `::slack_methods` |
///
/// # Fields
///
/// Each field is one parameter, sent under its own name (without `r#`). Its type must implement
/// `FormValue`: strings, bools, numbers, typed ids, and `Option`s and lists of those (`None`
/// and empty lists are left out, lists are joined by commas). Field attributes:
///
/// - `#[slack(rename = "wire_name")]`: send under another name (lowercase letters, digits, `_`).
/// - `#[slack(json)]`: send the value as compact JSON text (the type must be `Serialize`); an
///   `Option` field is left out when `None`.
/// - `#[slack(skip)]`: never send the field.
///
/// A field sent as `token` is refused: the token travels in the `Authorization` header.
/// Generic parameters used by fields need the matching bound (`T: FormValue`).
///
/// The struct itself is given back unchanged, minus the `#[slack(..)]` attributes.
#[proc_macro_attribute]
pub fn slack_method(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = proc_macro2::TokenStream::from(item);
    let input: syn::DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(error) => return fallback::not_a_struct(item, error).into(),
    };
    let cx = ctxt::Ctxt::new();
    let args = args::Args::parse(&cx, args.into());
    let krate = (!args.krate_broken).then(|| valid::crate_path(&args));
    let method = ast::Input::from_syn(&cx, &input).and_then(|ast| valid::check(&cx, args, ast));
    match (cx.check(), method) {
        (Ok(()), Some(method)) => expand::expand(&method),
        (Err(errors), _) => fallback::emit(&input, krate, errors),
        // Unreachable: a missing piece is always reported. Emit the item so nothing else breaks.
        (Ok(()), None) => expand::user_item(&input),
    }
    .into()
}
