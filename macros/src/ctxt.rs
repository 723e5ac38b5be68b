//! An error collector: independent mistakes are reported together, each at its own token.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::cell::RefCell;
use std::fmt::Display;

/// Collects the errors found while parsing and validating one `#[slack_method]` item.
///
/// Every step records what it finds and carries on with the next independent part, so the user
/// sees all their mistakes in one build. A step that cannot continue (its root cause already
/// reported) simply stops, so one mistake never produces a second error.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// Records an error covering `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.errors
            .borrow_mut()
            .push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// How many errors have been recorded so far, so that a step can tell whether a part it
    /// read had mistakes (and skip checks that would only repeat them).
    pub fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// Records an error that syn (or another step) has already built.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// Moves the errors recorded here into `cx`, after its own.
    pub fn move_into(self, cx: &Ctxt) {
        cx.errors.borrow_mut().extend(self.errors.into_inner());
    }

    /// Consumes the collector: `Ok` when no error was recorded, else all errors as one.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

/// Skips the rest of a malformed `key = value` pair, up to (not including) the next comma that
/// ends it, and returns the skipped tokens so that an error can cover them. A comma between
/// `<` and `>` (`Vec<u8, u8>>`) or between a closure's `|`s (`|a, b| a`) is inside the value,
/// whose rest would otherwise be read as a second, bogus argument.
pub fn skip_value(input: syn::parse::ParseStream) -> TokenStream {
    use proc_macro2::{Spacing, TokenTree};
    let mut skipped = TokenStream::new();
    let mut angles = 0usize;
    // Inside a closure's parameters: the value starts with a lone `|`, until the next one.
    let mut closure = input.peek(syn::Token![|]) && !input.peek(syn::Token![||]);
    let mut first = true;
    // After a joint `-` or `=`: the `>` is an arrow's (`->`, `=>`), not a closing angle.
    let mut arrow = false;
    while !input.is_empty() && (angles > 0 || closure || !input.peek(syn::Token![,])) {
        let Ok(tree) = input.parse::<TokenTree>() else {
            break;
        };
        if let TokenTree::Punct(punct) = &tree {
            match punct.as_char() {
                '<' => angles += 1,
                '>' if !arrow => angles = angles.saturating_sub(1),
                '|' if !first => closure = false,
                _ => {}
            }
            arrow = matches!(punct.as_char(), '-' | '=') && punct.spacing() == Spacing::Joint;
        } else {
            arrow = false;
        }
        first = false;
        skipped.extend([tree]);
    }
    skipped
}

/// The tokens of a comma-separated list without the commas that follow nothing (one at the
/// start, or a second in a row: `a, , b`), each reported at itself as one mistake, so the items
/// around it are still read. `item` names what a comma follows (`argument`, `key`).
pub fn extra_commas(cx: &Ctxt, tokens: TokenStream, item: &str) -> TokenStream {
    use proc_macro2::TokenTree;
    let is_comma =
        |token: &TokenTree| matches!(token, TokenTree::Punct(punct) if punct.as_char() == ',');
    // Nearly always there is none, and the tokens are passed on as they are, not rebuilt.
    let mut after_comma = true;
    let extra = tokens.clone().into_iter().any(|token| {
        let comma = is_comma(&token);
        let extra = comma && after_comma;
        after_comma = comma;
        extra
    });
    if !extra {
        return tokens;
    }
    let mut kept = TokenStream::new();
    let mut after_comma = true;
    for token in tokens {
        let comma = is_comma(&token);
        if comma && after_comma {
            cx.error_spanned_by(
                &token,
                format!("an extra `,` with no {item} before it; remove it"),
            );
            continue;
        }
        after_comma = comma;
        kept.extend([token]);
    }
    kept
}

/// After one argument of a comma-separated list: tokens before the next `,` are a second
/// argument written without its comma (`json skip`), or stray ones. They are reported at their
/// first token, the one the comma belongs before, and skipped, so the next argument is still
/// read. `list` names the list's items (`keys of `#[slack(..)]``).
///
/// When the skipped tokens start with a name, they are returned: the caller reads them as the
/// arguments they are, so a flag written without its comma (`tier = 2 unchecked_tier`) still
/// counts and the mistake is one error, not a second one about the flag's absence.
pub fn missing_comma(cx: &Ctxt, input: syn::parse::ParseStream, list: &str) -> Option<TokenStream> {
    if input.is_empty() || input.peek(syn::Token![,]) {
        return None;
    }
    let first = input.fork().parse::<proc_macro2::TokenTree>().ok()?;
    let skipped = skip_value(input);
    cx.error_spanned_by(
        &first,
        format!("expected `,` before `{first}`: separate the {list} with commas"),
    );
    matches!(first, proc_macro2::TokenTree::Ident(_)).then_some(skipped)
}
