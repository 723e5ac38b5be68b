//! Generated code as Rust source text. The fixed parts of an impl are written as text and handed
//! to the compiler's lexer a piece at a time; the user's own tokens (types, generics, paths),
//! whose spans point diagnostics at the user's code and carry its hygiene, are spliced in between
//! as tokens.
//!
//! Cargo builds a proc macro and its dependencies without optimisation, where each token
//! `quote!` makes costs a few thousand instructions, and the compiler then takes every one of
//! them over; text goes through the compiler's own, optimised lexer instead. For 200 bindings
//! this took the derive from 285 to 224 million instructions, and the whole check from 1.082 to
//! 1.069 times the cost of checking the same impls written by hand (BENCHMARKS.md §3). Tokens
//! lexed from text get the call-site span, as `quote!` gives the tokens it writes.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::ToTokens;
use std::fmt;

/// Code being generated: the tokens so far and the text not yet lexed.
#[derive(Default)]
pub struct Code {
    tokens: TokenStream,
    text: String,
}

impl Code {
    pub fn new() -> Code {
        Code::default()
    }

    /// `text` lexed on its own: a path the generated code names more than once in tokens.
    pub fn lexed(text: &str) -> TokenStream {
        lex(text)
    }

    /// Appends source text. It is lexed together with the text around it, so it need not be
    /// a whole token tree by itself, but every delimiter it opens must be closed before the
    /// next [`tokens`](Code::tokens) or [`group`](Code::group).
    pub fn text(&mut self, text: &str) -> &mut Code {
        self.text.push_str(text);
        self
    }

    /// Appends formatted source text: what `write!(code, ..)` calls. A user's string goes in
    /// as a literal written with `{:?}`, whose escapes are all ones a Rust string literal
    /// accepts.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        // Writing to a `String` cannot fail.
        let _ = fmt::Write::write_fmt(&mut self.text, args);
    }

    /// Appends tokens as they are, spans included.
    pub fn tokens(&mut self, tokens: &impl ToTokens) -> &mut Code {
        self.lex();
        tokens.to_tokens(&mut self.tokens);
        self
    }

    /// Appends a stream of tokens as it is, spans included, without copying it.
    pub fn stream(&mut self, tokens: TokenStream) -> &mut Code {
        self.lex();
        self.tokens.extend([tokens]);
        self
    }

    /// Appends a delimited group whose content `body` writes.
    pub fn group(&mut self, delimiter: Delimiter, body: impl FnOnce(&mut Code)) -> &mut Code {
        let mut inner = Code::new();
        body(&mut inner);
        self.lex();
        self.tokens
            .extend([TokenTree::Group(Group::new(delimiter, inner.finish()))]);
        self
    }

    /// The generated tokens.
    pub fn finish(mut self) -> TokenStream {
        self.lex();
        self.tokens
    }

    /// Lexes the pending text onto the tokens.
    fn lex(&mut self) {
        if self.text.is_empty() {
            return;
        }
        // Appended as a stream: extending by its token trees would bring each one back from the
        // compiler only to hand it over again.
        self.tokens.extend([lex(&self.text)]);
        self.text.clear();
    }
}

/// Text lexed by the compiler (by proc-macro2's own lexer outside a proc macro, as in unit
/// tests). The text is written here: fixed code, the user's strings as literals written with
/// `{:?}`, and the user's identifiers, paths and types as their tokens print, which lexed once
/// already. So it lexes; if it did not, that is a bug here, reported as a compile error rather
/// than a panic.
fn lex(text: &str) -> TokenStream {
    let lexed = if proc_macro::is_available() {
        // proc-macro2's `from_str` first checks the text with its own lexer, built without
        // optimisation like the rest of a proc macro; the compiler's is enough.
        text.parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(|error| error.to_string())
    } else {
        text.parse::<TokenStream>()
            .map_err(|error| error.to_string())
    };
    lexed.unwrap_or_else(|error| {
        let message = format!(
            "slack-methods generated code that does not lex ({error}); please report this: {text}"
        );
        quote::quote!(::core::compile_error! { #message })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tokens_and_groups_in_order() {
        let mut code = Code::new();
        let ty: syn::Type = syn::parse_quote!(Option<u8>);
        code.text("type A = ").tokens(&ty);
        write!(code, "; const B: &str = {:?};", "a \"quoted\"\nline");
        code.text("fn f()").group(Delimiter::Brace, |body| {
            body.text("let x: ").tokens(&ty).text(" = None; x");
        });
        assert_eq!(
            code.finish().to_string(),
            "type A = Option < u8 > ; const B : & str = \"a \\\"quoted\\\"\\nline\" ; \
             fn f () { let x : Option < u8 > = None ; x }"
        );
    }

    #[test]
    fn text_that_does_not_lex_is_a_compile_error() {
        let mut code = Code::new();
        code.text("fn f() { \"unterminated");
        assert!(code.finish().to_string().contains("compile_error"));
    }
}
