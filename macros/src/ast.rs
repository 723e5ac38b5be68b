//! The model of the annotated struct: borrowed from syn, keeping the original tokens so that any
//! later error can point at what the user wrote.

use crate::args::Args;
use crate::attr::{self, FieldAttrs};
use crate::ctxt::Ctxt;
use crate::valid;
use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

/// A struct with named fields, one per method parameter, or a unit struct (no parameters).
pub struct Input<'a> {
    pub original: &'a DeriveInput,
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub fields: Vec<Field<'a>>,
}

/// One parameter.
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    /// The field's doc comment, one line per `#[doc]` (see [`doc_lines`]).
    pub doc: Vec<String>,
    /// All of the field's attributes, for the ones other derives read (`#[serde(..)]`).
    pub raw_attrs: &'a [syn::Attribute],
    /// Whether the field is sent as a file part of a multipart form: marked `#[slack(file)]`,
    /// or bound to a parameter the catalog types as a file (set in `valid.rs`).
    pub file: bool,
    /// [`Field::wire_name`] and [`Field::option_inner`], worked out once: every step asks.
    wire: String,
    inner: Option<&'a Type>,
}

impl<'a> Input<'a> {
    /// Reads the struct. Anything but a struct with named fields is reported (at the keyword or
    /// the fields) and gives `None`.
    pub fn from_syn(cx: &Ctxt, args: &Args, input: &'a DeriveInput) -> Option<Input<'a>> {
        for attr in input.attrs.iter().filter(|a| a.path().is_ident(attr::ATTR)) {
            cx.error_spanned_by(
                attr,
                "`#[slack(..)]` goes on fields; write method options in `#[slack_method(..)]`",
            );
        }
        for attr in input.attrs.iter().filter(|a| is_slack_method(a)) {
            cx.error_spanned_by(attr, SECOND_ATTRIBUTE);
        }
        const SHAPE: &str =
            "`#[slack_method]` goes on a struct with named fields, one per method parameter";
        let data = match &input.data {
            Data::Struct(data) => data,
            Data::Enum(data) => {
                cx.error_spanned_by(data.enum_token, format!("{SHAPE}, not on an enum"));
                return None;
            }
            Data::Union(data) => {
                cx.error_spanned_by(data.union_token, format!("{SHAPE}, not on a union"));
                return None;
            }
        };
        let fields = match &data.fields {
            Fields::Named(named) => named
                .named
                .iter()
                .filter_map(|field| {
                    let ident = field.ident.as_ref()?;
                    let attrs = FieldAttrs::from_attrs(cx, &field.attrs, ident);
                    Some(Field::new(
                        ident,
                        &field.ty,
                        attrs,
                        doc_lines(&field.attrs),
                        &field.attrs,
                    ))
                })
                .collect(),
            Fields::Unnamed(unnamed) => {
                cx.error_spanned_by(
                    unnamed,
                    format!(
                        "{SHAPE}; a tuple struct has no parameter names: write `{}`",
                        valid::example_struct(args, &input.ident)
                    ),
                );
                return None;
            }
            // A method without parameters.
            Fields::Unit => Vec::new(),
        };
        Some(Input {
            original: input,
            ident: &input.ident,
            generics: &input.generics,
            fields,
        })
    }
}

impl<'a> Field<'a> {
    /// A field of the struct, its `#[slack(..)]` attributes read into `attrs`.
    pub fn new(
        ident: &'a Ident,
        ty: &'a Type,
        attrs: FieldAttrs,
        doc: Vec<String>,
        raw_attrs: &'a [syn::Attribute],
    ) -> Field<'a> {
        let wire = match attrs.rename.get() {
            Some(lit) => lit.value(),
            None => ident.unraw().to_string(),
        };
        Field {
            ident,
            ty,
            file: attrs.file.written(),
            attrs,
            doc,
            raw_attrs,
            wire,
            inner: option_inner(ty),
        }
    }

    /// The name the parameter is sent under: `rename`, else the field name (without `r#`).
    pub fn wire_name(&self) -> String {
        self.wire.clone()
    }

    /// Where the wire name was written: the `rename` literal, else the field name.
    pub fn wire_name_span(&self) -> Span {
        match self.attrs.rename.get() {
            Some(lit) => lit.span(),
            None => self.ident.span(),
        }
    }

    /// Whether the field is sent at all.
    pub fn is_sent(&self) -> bool {
        !self.attrs.skip.written()
    }

    /// The span of the field's type, for obligations on it.
    pub fn ty_span(&self) -> Span {
        type_span(self.ty)
    }

    /// `T` when the type is written `Option<T>` (also `std::option::Option<T>`, and through the
    /// invisible group a `macro_rules!` type fragment arrives in).
    pub fn option_inner(&self) -> Option<&'a Type> {
        self.inner
    }
}

/// [`Field::option_inner`] of a field of type `ty`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(ungroup(inner)),
        _ => None,
    }
}

/// What syn's `Spanned` gives for `ty` (its first token's span, joined to its last token's where
/// the compiler can join spans), read from the syntax tree for paths and references; `Spanned`
/// prints the type to tokens anew to find them, which costs more than the rest of a field's
/// code generation.
pub fn type_span(ty: &Type) -> Span {
    match (first_span(ty), last_span(ty)) {
        (Some(first), Some(last)) => first.join(last).unwrap_or(first),
        _ => ty.span(),
    }
}

/// The span of the first token `ty` prints as, for a path or a reference to one.
fn first_span(ty: &Type) -> Option<Span> {
    match ty {
        Type::Path(path) if path.qself.is_none() => match &path.path.leading_colon {
            Some(colon) => Some(colon.spans[0]),
            None => Some(path.path.segments.first()?.ident.span()),
        },
        Type::Reference(reference) => Some(reference.and_token.span),
        _ => None,
    }
}

/// The span of the last token `ty` prints as, for a path (without `Fn(..)` arguments) or a
/// reference to one.
fn last_span(ty: &Type) -> Option<Span> {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            match &last.arguments {
                syn::PathArguments::None => Some(last.ident.span()),
                syn::PathArguments::AngleBracketed(args) => Some(args.gt_token.span),
                syn::PathArguments::Parenthesized(_) => None,
            }
        }
        Type::Reference(reference) => last_span(&reference.elem),
        _ => None,
    }
}

/// The type inside any invisible groups (a `$ty:ty` fragment of a `macro_rules!` arrives wrapped
/// in one) and parentheses: every check of a type's shape looks at this.
pub fn ungroup(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

/// The lines of a doc comment: the text of each `#[doc = ".."]` (a `///` line), without the one
/// space after `///`; a block comment (`/** .. */`) without its frame of stars (see
/// [`block_lines`]). Other `doc` attributes (`#[doc(hidden)]`, `include_str!`) are not text.
pub fn doc_lines(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) => Some(text.value()),
            _ => None,
        })
        .flat_map(|text| {
            let lines: Vec<&str> = text
                .split('\n')
                .map(|line| line.strip_suffix('\r').unwrap_or(line))
                .collect();
            block_lines(&lines).unwrap_or_else(|| {
                lines
                    .iter()
                    .map(|line| line.strip_prefix(' ').unwrap_or(line).to_owned())
                    .collect()
            })
        })
        .collect()
}

/// The lines of a block doc comment, which reaches the macro as one `#[doc]` text with its frame:
/// `/**` then a line break leave an empty first line (or one of stars), `*/` on its own line a
/// last line of blanks or stars, and each line between may begin with indentation and a `*`
/// (` * Reads a user.`). Without that frame, as rustdoc shows the comment; `None` for a text that
/// does not open like a block comment.
fn block_lines(lines: &[&str]) -> Option<Vec<String>> {
    let frame = |line: &str| line.trim().chars().all(|c| c == '*');
    let (first, rest) = lines.split_first()?;
    if rest.is_empty() || !frame(first) {
        return None;
    }
    let rest = match rest.split_last() {
        Some((last, inner)) if frame(last) => inner,
        _ => rest,
    };
    let starred = rest
        .iter()
        .filter(|line| !line.trim().is_empty())
        .all(|line| line.trim_start().starts_with('*'));
    Some(
        rest.iter()
            .map(|line| {
                let line = line.trim_start();
                let line = match line.strip_prefix('*') {
                    Some(after) if starred => after.strip_prefix(' ').unwrap_or(after),
                    _ => line,
                };
                line.to_owned()
            })
            .collect(),
    )
}

/// The error at a second `#[slack_method]` on one struct.
pub const SECOND_ATTRIBUTE: &str =
    "a second `#[slack_method]`; a struct binds one method, remove one of them";

/// Whether `attr` is `#[slack_method(..)]` (however its path is written).
pub fn is_slack_method(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == "slack_method")
}
