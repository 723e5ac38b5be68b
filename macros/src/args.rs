//! The arguments of `#[slack_method("family.method", key = value, ...)]`.
//!
//! The method name is positional and parsed by hand ([`Positional`]); the `key = value` pairs
//! and bare flags that follow go through `syn::meta::parser`. Every argument keeps the tokens
//! the user wrote so later steps can point at them. Domain strings (the method name, scopes)
//! are checked here, at their literal.

use crate::attr::Attr;
use crate::catalog::{self, Tier, Verb};
use crate::ctxt::{extra_commas, missing_comma, skip_value, Ctxt};
use crate::grammar;
use crate::similar;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::parse::discouraged::Speculative;
use syn::parse::{Parse, ParseStream, Parser};
use syn::{Ident, LitBool, LitInt, LitStr, Path, Token, Type};

/// The argument keys, in the order the docs list them.
pub const KEYS: &[&str] = &[
    "scope",
    "no_scope",
    "tier",
    "response",
    "verb",
    "writes",
    "destructive",
    "paginated",
    "deprecated",
    "validate",
    "crate",
    "unchecked_scope",
    "unchecked_tier",
    "unchecked_verb",
];

/// The bare flags among [`KEYS`].
const FLAGS: &[&str] = &[
    "no_scope",
    "paginated",
    "deprecated",
    "unchecked_scope",
    "unchecked_tier",
    "unchecked_verb",
];

/// What the attribute's arguments are called in messages.
const ARGUMENTS: &str = "arguments of `#[slack_method(..)]`";

const EXAMPLE: &str = "#[slack_method(\"users.profile.set\", scope = \"users.profile:write\")]";

/// Everything written in the attribute. Absent arguments are unwritten [`Attr`]s; defaults are
/// filled in by `valid.rs`, not here.
#[derive(Default)]
pub struct Args {
    /// The method name literal, once it is known to be well formed.
    pub name: Option<LitStr>,
    /// The text of `name` (empty without one), read from the literal once.
    pub name_text: String,
    /// `scope = ".."`, repeatable: any one of them allows the call.
    pub scopes: Vec<LitStr>,
    /// The text of each of `scopes`, read from the literal once.
    pub scope_texts: Vec<String>,
    /// Whether `scope = ..` was written at all, with a usable value or not.
    pub scope_written: bool,
    /// `no_scope`: the method needs no scope.
    pub no_scope: Attr<()>,
    /// The tier and where it was written.
    pub tier: Attr<(Tier, Span)>,
    pub response: Attr<Type>,
    /// The verb and the literal it was written as.
    pub verb: Attr<(Verb, LitStr)>,
    pub writes: Attr<LitBool>,
    /// `destructive = true` / `false`: the tool's destructive hint, where the method name's
    /// words say otherwise.
    pub destructive: Attr<LitBool>,
    pub paginated: Attr<()>,
    pub deprecated: Attr<()>,
    pub validate: Attr<Path>,
    /// `crate = "::path"`, parsed as a path spanned at the literal.
    pub krate: Attr<Path>,
    /// `unchecked_scope`, `unchecked_tier`, `unchecked_verb`: the written value differs from the
    /// catalog on purpose.
    pub unchecked_scope: Attr<()>,
    pub unchecked_tier: Attr<()>,
    pub unchecked_verb: Attr<()>,
}

impl Args {
    /// Whether `crate = ..` was written but cannot be used; the fallback then emits no stub impl,
    /// which would only fail again on the wrong path.
    pub fn krate_broken(&self) -> bool {
        self.krate.written() && self.krate.get().is_none()
    }
}

/// The leading, positional part of the arguments: the method name, and whatever follows it.
struct Positional {
    name: NameArg,
    /// The name followed by an argument with no comma between (`"x.y" paginated`).
    missing_comma: Option<syn::Error>,
    rest: TokenStream,
}

enum NameArg {
    Lit(LitStr),
    /// Already reported.
    Bad(syn::Error),
    /// Nothing positional: the arguments are empty or start with `key = ..`.
    Missing,
}

impl Parse for Positional {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = if input.is_empty() {
            NameArg::Missing
        } else if let Some(lit) = string_literal(input) {
            match suffix_error(lit.suffix(), lit.span(), "the method name") {
                Some(error) => NameArg::Bad(error),
                None => NameArg::Lit(lit),
            }
        } else if input.peek(Ident) && (input.peek2(Token![=]) || starts_flag(input)) {
            NameArg::Missing
        } else {
            NameArg::Bad(not_a_name(input))
        };
        let mut missing_comma = None;
        if !matches!(name, NameArg::Missing) && !input.is_empty() {
            match input.fork().parse::<Ident>() {
                Ok(next) if !input.peek(Token![,]) => {
                    missing_comma = Some(syn::Error::new(
                        next.span(),
                        format!(
                            "expected `,` before `{next}`: separate the {ARGUMENTS} with commas"
                        ),
                    ));
                }
                _ => {
                    input.parse::<Token![,]>()?;
                }
            }
        }
        Ok(Positional {
            name,
            missing_comma,
            rest: input.parse()?,
        })
    }
}

/// The string literal `input` starts with, taken from it; else `None`, and `input` is left as it
/// was. What `input.peek(LitStr)` and then `input.parse::<LitStr>()` give, with the literal read
/// once rather than twice (syn's `peek` of a literal type parses it).
fn string_literal(input: ParseStream) -> Option<LitStr> {
    let fork = input.fork();
    match fork.parse::<syn::Lit>() {
        Ok(syn::Lit::Str(lit)) => {
            input.advance_to(&fork);
            Some(lit)
        }
        _ => None,
    }
}

/// The error for a method name that is not a string literal, at what was written instead.
fn not_a_name(input: ParseStream) -> syn::Error {
    let fork = input.fork();
    let literal = fork.parse::<syn::Lit>().ok().filter(|_| at_end(&fork));
    let wrong = skip_value(input);
    let text = wrong.to_string().replace(' ', "");
    let message = match literal {
        Some(syn::Lit::ByteStr(lit)) => format!(
            "the method name must be a string literal, not a byte string; write `\"{}\"`",
            String::from_utf8_lossy(&lit.value())
        ),
        Some(syn::Lit::CStr(lit)) => format!(
            "the method name must be a string literal, not a C string; write `\"{}\"`",
            lit.value().to_string_lossy()
        ),
        _ if text.contains('!') => String::from(
            "a macro is not expanded in the method name; write the name itself as a string literal, e.g. `\"users.profile.set\"`",
        ),
        _ if text.contains('.') => {
            format!("the method name must be a string literal; write it in quotes: `\"{text}\"`")
        }
        _ => String::from(
            "the method name must be a string literal, e.g. `\"users.profile.set\"`",
        ),
    };
    syn::Error::new_spanned(wrong, message)
}

/// The error for a literal with a suffix (`"users.info"x`, `4u8`), whose suffix would be
/// ignored: at the literal (`span`), naming `what` it is. (syn keeps the suffix it parsed, so
/// asking costs nothing.)
fn suffix_error(suffix: &str, span: Span, what: &str) -> Option<syn::Error> {
    (!suffix.is_empty()).then(|| {
        syn::Error::new(
            span,
            format!("{what} has the suffix `{suffix}`, which means nothing here; remove it"),
        )
    })
}

/// Sets apart the arguments that are a literal alone (`"users.info", "users.list"`), which the
/// `key = value` parser cannot start on, and reports each at its literal: a second method name
/// when it is the one literal right after the name (`named`), any other as not an argument.
/// The other arguments are returned, and whether any literal was found.
fn literals_alone(cx: &Ctxt, rest: TokenStream, named: bool) -> (TokenStream, bool) {
    use proc_macro2::TokenTree;
    let mut kept = TokenStream::new();
    let mut found = false;
    let mut segment: Vec<TokenTree> = Vec::new();
    let mut first = true;
    let mut flush = |segment: &mut Vec<TokenTree>, comma: Option<TokenTree>, first: &mut bool| {
        match segment.first() {
            Some(TokenTree::Literal(lit)) => {
                let message = if *first && named && segment.len() == 1 {
                    "the method name comes once; remove this second one (a struct binds one method)"
                        .to_owned()
                } else {
                    format!(
                        "`{lit}` alone is not an argument; arguments are `key = value` or a flag, e.g. `scope = \"users:read\"`"
                    )
                };
                cx.error_spanned_by(lit, message);
                found = true;
            }
            _ => {
                kept.extend(segment.drain(..));
                kept.extend(comma);
            }
        }
        segment.clear();
        *first = false;
    };
    for token in rest {
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ',' => {
                flush(&mut segment, Some(token), &mut first);
            }
            _ => segment.push(token),
        }
    }
    if !segment.is_empty() {
        flush(&mut segment, None, &mut first);
    }
    (kept, found)
}

/// The method name written after other arguments: the first string literal that is an argument
/// by itself, between commas, and is a well-formed method name (no suffix; a scope written
/// alone is not one). Returns it and the other arguments, with one
/// comma next to it removed; or `None` and the arguments as they were.
fn late_name(rest: TokenStream) -> (Option<LitStr>, TokenStream) {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = rest.into_iter().collect();
    let comma = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
    };
    let found = tokens.iter().enumerate().find_map(|(i, token)| {
        let TokenTree::Literal(literal) = token else {
            return None;
        };
        if !(i == 0 || comma(i - 1)) || !(i + 1 == tokens.len() || comma(i + 1)) {
            return None;
        }
        let lit = syn::parse2::<LitStr>(TokenTree::Literal(literal.clone()).into()).ok()?;
        let well_formed = grammar::check_method_name(&lit.value()).is_ok();
        (lit.suffix().is_empty() && well_formed).then_some((i, lit))
    });
    let Some((at, lit)) = found else {
        return (None, tokens.into_iter().collect());
    };
    // The comma after it, or before it when it is last.
    let drop_comma = if comma(at + 1) {
        Some(at + 1)
    } else {
        at.checked_sub(1)
    };
    let kept = tokens
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != at && Some(*i) != drop_comma)
        .map(|(_, token)| token)
        .collect();
    (Some(lit), kept)
}

/// Whether the input starts with a bare flag (`paginated`, `no_scope`, ...) followed by a comma
/// or nothing: then the method name is missing rather than unquoted.
fn starts_flag(input: ParseStream) -> bool {
    let fork = input.fork();
    match fork.parse::<Ident>() {
        Ok(ident) => {
            FLAGS.iter().any(|flag| ident == flag) && (fork.is_empty() || fork.peek(Token![,]))
        }
        Err(_) => false,
    }
}

impl Args {
    /// Parses the attribute's arguments, recording every mistake in `cx`. A missing method name
    /// is reported at `span` (the attribute's).
    pub fn parse(cx: &Ctxt, tokens: TokenStream, span: Span) -> Args {
        let mut args = Args::default();
        let positional = match syn::parse2::<Positional>(tokens) {
            Ok(positional) => positional,
            Err(error) => {
                cx.syn_error(error);
                return args;
            }
        };
        if let Some(error) = positional.missing_comma {
            cx.syn_error(error);
        }
        // The name written after other arguments (`tier = 4, "users.info"`): one mistake, its
        // place, reported at the name, which is then read as the name.
        let (name, rest) = match positional.name {
            NameArg::Missing => match late_name(positional.rest) {
                (Some(lit), rest) => {
                    cx.error_spanned_by(
                        &lit,
                        format!(
                            "the method name comes first; move `{}` to the start: `#[slack_method({}, ..)]`",
                            lit.token(),
                            lit.token()
                        ),
                    );
                    (NameArg::Lit(lit), rest)
                }
                (None, rest) => (NameArg::Missing, rest),
            },
            name => (name, positional.rest),
        };
        // After the name's own comma, a comma that follows nothing is an extra one.
        let rest = match name {
            NameArg::Missing => rest,
            _ => extra_commas(cx, rest, "argument"),
        };
        let named = !matches!(name, NameArg::Missing);
        match name {
            NameArg::Lit(lit) => {
                let text = lit.value();
                match grammar::check_method_name(&text) {
                    Ok(()) => {
                        args.name = Some(lit);
                        args.name_text = text;
                    }
                    Err(broken) => {
                        let what = format!("malformed method name `{text}`");
                        cx.error_spanned_by(&lit, broken.message(&what));
                    }
                }
            }
            NameArg::Bad(error) => cx.syn_error(error),
            NameArg::Missing => cx.syn_error(syn::Error::new(
                span,
                format!("missing method name; write it first, as a string literal: `{EXAMPLE}`"),
            )),
        }
        // Parsed once as it is; only when that fails is it looked at for literals alone (set
        // apart, reported) and parsed again, from the start, without them.
        let attempt = Ctxt::new();
        let Err(error) = args.parse_named(&attempt, rest.clone()) else {
            attempt.move_into(cx);
            return args;
        };
        let (kept, found) = literals_alone(cx, rest, named);
        if !found {
            attempt.move_into(cx);
            cx.syn_error(error);
            return args;
        }
        // The name is kept: reading the other arguments never changes it.
        let mut args = Args {
            name: args.name,
            name_text: args.name_text,
            ..Args::default()
        };
        if let Err(error) = args.parse_named(cx, kept) {
            cx.syn_error(error);
        }
        args
    }

    /// Parses the `key = value` arguments and flags in `tokens`. Arguments written without a
    /// comma between them are reported once and then read as well (see [`missing_comma`]).
    fn parse_named(&mut self, cx: &Ctxt, tokens: TokenStream) -> syn::Result<()> {
        let parser = syn::meta::parser(|meta| {
            self.parse_one(cx, &meta)?;
            match missing_comma(cx, meta.input, ARGUMENTS) {
                Some(rest) => self.parse_named(cx, rest),
                None => Ok(()),
            }
        });
        parser.parse2(tokens)
    }

    /// Parses one `key = value` or flag. Mistakes in the value are recorded and the value is
    /// skipped, so the next argument is still checked; only broken syntax stops the parse.
    fn parse_one(&mut self, cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<()> {
        let Some(key) = meta.path.get_ident().cloned() else {
            cx.error_spanned_by(&meta.path, unknown_key(None));
            skip_value(meta.input);
            return Ok(());
        };
        match key.to_string().as_str() {
            "scope" => {
                self.scope_written = true;
                if let Some(lit) = string_value(cx, meta, "scope", "\"users:read\"")? {
                    self.add_scope(cx, lit);
                }
            }
            "tier" => {
                let tier = tier_value(cx, meta)?;
                self.tier.set(cx, &key, tier);
            }
            "response" => {
                let ty =
                    unquoted_value::<Type>(cx, meta, "response", "a type", "UsersInfoResponse")?;
                self.response.set(cx, &key, ty);
            }
            "verb" => {
                let verb = match string_value(cx, meta, "verb", "\"GET\"")? {
                    Some(lit) => verb_value(cx, &lit).map(|verb| (verb, lit)),
                    None => None,
                };
                self.verb.set(cx, &key, verb);
            }
            "writes" => {
                let writes = bool_value(cx, meta, "writes")?;
                self.writes.set(cx, &key, writes);
            }
            "destructive" => {
                let destructive = bool_value(cx, meta, "destructive")?;
                self.destructive.set(cx, &key, destructive);
            }
            "validate" => {
                let path = unquoted_value::<Path>(
                    cx,
                    meta,
                    "validate",
                    "a path to a function",
                    "Self::check",
                )?;
                self.validate.set(cx, &key, path);
            }
            "crate" => {
                let path = string_value(cx, meta, "crate", "\"::slack_methods\"")?
                    .and_then(|lit| crate_path(cx, &lit));
                self.krate.set(cx, &key, path);
            }
            flag if FLAGS.contains(&flag) => {
                if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
                    let wrong = skip_value(meta.input);
                    cx.error_spanned_by(
                        wrong,
                        format!("`{flag}` is a flag and takes no value; write just `{flag}`, or leave it out"),
                    );
                }
                let slot = match flag {
                    "no_scope" => &mut self.no_scope,
                    "paginated" => &mut self.paginated,
                    "deprecated" => &mut self.deprecated,
                    "unchecked_scope" => &mut self.unchecked_scope,
                    "unchecked_tier" => &mut self.unchecked_tier,
                    _ => &mut self.unchecked_verb,
                };
                slot.set(cx, &key, Some(()));
            }
            other => {
                cx.error_spanned_by(&key, unknown_key(Some(other)));
                skip_value(meta.input);
            }
        }
        Ok(())
    }

    fn add_scope(&mut self, cx: &Ctxt, lit: LitStr) {
        let scope = lit.value();
        if scope == "none" || scope.trim().is_empty() {
            let what = if scope == "none" {
                "`none` is not a scope"
            } else {
                "the scope is empty"
            };
            cx.error_spanned_by(&lit, format!("{what}; {}", self.no_scope_hint()));
        } else if let Err(broken) = grammar::check_scope(&scope) {
            cx.error_spanned_by(&lit, broken.message(&format!("invalid scope `{scope}`")));
        } else if self.scope_texts.contains(&scope) {
            cx.error_spanned_by(
                &lit,
                format!("duplicate scope `{scope}`; list each scope once"),
            );
        } else {
            self.scopes.push(lit);
            self.scope_texts.push(scope);
        }
    }
}

impl Args {
    /// How to say that a method needs no scope, which depends on what the catalog knows of it:
    /// for a method it describes, its scopes are the default; for any other, `no_scope` says it.
    fn no_scope_hint(&self) -> String {
        let known = self
            .name
            .as_ref()
            .and_then(|_| catalog::lookup(&self.name_text))
            .filter(|method| method.scopes_known());
        match known {
            Some(method) if method.scopes.is_empty() => {
                format!("`{}` needs none: leave `scope` out", method.name)
            }
            Some(method) => format!(
                "leave `scope` out to take `{}`'s scopes from the catalog",
                method.name
            ),
            None => "write `no_scope` for a method that needs none".to_owned(),
        }
    }
}

fn unknown_key(key: Option<&str>) -> String {
    similar::unknown_key("argument", "", key, KEYS)
}

/// The path of `crate = ".."`, spanned at the literal.
fn crate_path(cx: &Ctxt, lit: &LitStr) -> Option<Path> {
    match lit.parse::<Path>() {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "`crate` takes the path of the slack-methods crate, e.g. `crate = \"::slack_methods\"`; `{}` is not a path",
                    lit.value()
                ),
            );
            None
        }
    }
}

/// Parses `= "text"`. A value that is not a string literal is reported at the value (naming
/// `example`) and skipped: `Ok(None)`.
fn string_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    example: &str,
) -> syn::Result<Option<LitStr>> {
    if !has_equals(cx, meta, key, example) {
        return Ok(None);
    }
    let value = meta.value()?;
    if let Some(lit) = string_literal(value) {
        if !lit.suffix().is_empty() {
            let what = format!("the value of `{key}`");
            if let Some(error) = suffix_error(lit.suffix(), lit.span(), &what) {
                cx.syn_error(error);
            }
            return Ok(None);
        }
        return Ok(Some(lit));
    }
    let wrong = skip_value(value);
    if wrong.is_empty() {
        no_value(cx, meta, key, example);
        return Ok(None);
    }
    cx.error_spanned_by(
        wrong,
        format!("`{key}` takes a string literal, e.g. `{key} = {example}`"),
    );
    Ok(None)
}

/// Whether the argument being parsed goes on with `=`. Else (`writes`, `tier(2)`) the key is
/// written without its value: that is reported, at what follows the key or at the key itself,
/// with the form it takes (`key = example`), and skipped, so the next argument is still read.
fn has_equals(cx: &Ctxt, meta: &ParseNestedMeta, key: &str, example: &str) -> bool {
    if meta.input.peek(Token![=]) {
        return true;
    }
    let wrong = skip_value(meta.input);
    let span_tokens = if wrong.is_empty() {
        quote::ToTokens::to_token_stream(&meta.path)
    } else {
        wrong
    };
    cx.error_spanned_by(
        span_tokens,
        format!("`{key}` takes a value: `{key} = {example}`"),
    );
    false
}

/// Parses `= value` for an argument that takes Rust syntax (a type, a path), `what` in the
/// messages. No value, or a string literal where the syntax belongs, is reported and skipped:
/// `Ok(None)`.
fn unquoted_value<T: Parse>(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    what: &str,
    example: &str,
) -> syn::Result<Option<T>> {
    if !has_equals(cx, meta, key, example) {
        return Ok(None);
    }
    let value = meta.value()?;
    if at_end(value) {
        no_value(cx, meta, key, example);
        return Ok(None);
    }
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        cx.error_spanned_by(
            &lit,
            format!(
                "`{key}` takes {what}, not a string; write `{key} = {}`",
                lit.value()
            ),
        );
        return Ok(None);
    }
    if value.peek(Token![|]) || value.peek(Token![||]) || value.peek(Token![move]) {
        let wrong = skip_value(value);
        cx.error_spanned_by(
            wrong,
            format!("`{key}` takes {what}, not a closure; write the closure as a `fn` and name it: `{key} = {example}`"),
        );
        return Ok(None);
    }
    let fork = value.fork();
    if let Ok(parsed) = fork.parse::<T>() {
        if at_end(&fork) {
            return value.parse().map(Some);
        }
        // A whole value with something after it: that is the mistake.
        value.advance_to(&fork);
        // A word: the next argument, without the comma before it. The value stands, and the
        // word is left for the caller, which reports the missing comma and reads the argument.
        if value.fork().call(Ident::parse_any).is_ok() {
            return Ok(Some(parsed));
        }
        let wrong = skip_value(value);
        cx.error_spanned_by(
            &wrong,
            format!(
                "unexpected `{}` after the value of `{key}`; remove it",
                wrong.to_string().replace(' ', "")
            ),
        );
        return Ok(None);
    }
    let wrong = skip_value(value);
    cx.error_spanned_by(
        wrong,
        format!("`{key}` takes {what}, e.g. `{key} = {example}`"),
    );
    Ok(None)
}

/// Whether nothing follows the `=` of the argument being parsed.
fn at_end(value: ParseStream) -> bool {
    value.is_empty() || value.peek(Token![,])
}

/// Reports `key =` with nothing after it, at the key (the only token of the mistake there is).
fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str, example: &str) {
    cx.error_spanned_by(
        &meta.path,
        format!("`{key} =` has no value; write `{key} = {example}`"),
    );
}

/// Parses `= true` or `= false`. A missing or other value is reported (at the key, or at the
/// value) and skipped: `Ok(None)`.
fn bool_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<LitBool>> {
    if !has_equals(cx, meta, key, "true") {
        return Ok(None);
    }
    let value = meta.value()?;
    if value.peek(LitBool) {
        Ok(Some(value.parse::<LitBool>()?))
    } else if at_end(value) {
        no_value(cx, meta, key, "true");
        Ok(None)
    } else {
        let wrong = skip_value(value);
        cx.error_spanned_by(wrong, format!("`{key}` takes `true` or `false`"));
        Ok(None)
    }
}

fn tier_value(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<(Tier, Span)>> {
    const RULE: &str = "Slack's rate-limit tiers are `tier = 1` to `tier = 4`, or `tier = \"special\"` for a method with a limit of its own";
    if !has_equals(cx, meta, "tier", "2") {
        return Ok(None);
    }
    let value = meta.value()?;
    if value.peek(LitInt) {
        let lit: LitInt = value.parse()?;
        if let Some(error) = suffix_error(lit.suffix(), lit.span(), "the tier") {
            cx.syn_error(error);
            return Ok(None);
        }
        let tier = lit.base10_parse::<u8>().ok().and_then(Tier::numbered);
        if tier.is_none() {
            cx.error_spanned_by(&lit, format!("no tier {}: {RULE}", lit.base10_digits()));
        }
        return Ok(tier.map(|tier| (tier, lit.span())));
    }
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        let text = lit.value();
        if text == "special" {
            return Ok(Some((Tier::Special, lit.span())));
        }
        let digits = text.trim_start_matches(|c: char| !c.is_ascii_digit());
        let message = match digits {
            "1" | "2" | "3" | "4" => format!("write the tier as a number: `tier = {digits}`"),
            _ => format!("unknown tier `{text}`: {RULE}"),
        };
        cx.error_spanned_by(&lit, message);
        return Ok(None);
    }
    let wrong = skip_value(value);
    if wrong.is_empty() {
        no_value(cx, meta, "tier", "2");
        return Ok(None);
    }
    cx.error_spanned_by(wrong, RULE);
    Ok(None)
}

/// `"GET"` or `"POST"`, in any case.
fn verb_value(cx: &Ctxt, lit: &LitStr) -> Option<Verb> {
    let verb = match lit.value().to_ascii_uppercase().as_str() {
        "GET" => Verb::Get,
        "POST" => Verb::Post,
        _ => {
            cx.error_spanned_by(
                lit,
                format!(
                    "unknown HTTP verb `{}`; Slack methods are called with `verb = \"GET\"` or `verb = \"POST\"`",
                    lit.value()
                ),
            );
            return None;
        }
    };
    Some(verb)
}
