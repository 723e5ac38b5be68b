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
/// See the `slack-methods` crate for the arguments and field attributes.
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
