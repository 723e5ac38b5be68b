//! What serde reads each field as, when the binding also derives `Deserialize`.
//!
//! Every binding is a tool: the registry (and the MCP server on it) reads an agent's arguments
//! into the struct with the struct's own `Deserialize`, under the names the tool's schema gives,
//! which are the wire names. A field serde reads under another name, from the top level
//! (`flatten`), or never reads, would drop the agent's argument without a word; a skipped field
//! serde still requires would make every call fail. Each is a compile error at the serde or `slack` token that causes it. Structs that
//! do not derive `Deserialize` are not looked at.

use crate::ast::{Field, Input};
use crate::catalog;
use crate::ctxt::{skip_value, Ctxt};
use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Attribute, LitStr, Path, Token};

/// Checks that serde reads each sent field under its wire name, reads none it never sends, and
/// requires none the schema leaves out.
///
/// A field sent under a name the method does not have is left to the catalog's error (one
/// error per mistake): once it names a parameter, this check applies to it.
pub fn check(cx: &Ctxt, input: &Input, method: Option<&catalog::Method>) {
    if !derives_deserialize(&input.original.attrs) {
        return;
    }
    let unknown = |field: &Field| {
        method.is_some_and(|method| {
            method.params_known
                && !field.attrs.unchecked.written()
                && method.param(&field.wire_name()).is_none()
        })
    };
    let container = Serde::read(&input.original.attrs);
    let mut rename_all_reported = false;
    for field in input
        .fields
        .iter()
        .filter(|field| !field.attrs.broken)
        .filter(|field| !field.is_sent() || !unknown(field))
    {
        let serde = Serde::read(field.raw_attrs);
        if !field.is_sent() {
            skipped_field(cx, field, &serde, &container);
            continue;
        }
        // A file part is no tool parameter (JSON carries no file's bytes): serde need not, and
        // cannot, read it.
        if field.file {
            continue;
        }
        if let Some(flatten) = &serde.flatten {
            cx.error_spanned_by(
                flatten,
                format!(
                    "serde reads a flattened field from the arguments' top level, but a tool call gives it as one argument, `{}`; remove `flatten`",
                    field.wire_name()
                ),
            );
            continue;
        }
        if let Some(skip) = &serde.skip {
            cx.error_spanned_by(
                skip,
                format!(
                    "serde never reads this field, so a tool call would drop its `{}` argument; remove `{}`, or mark the field `#[slack(skip)]` too if it is not a parameter",
                    field.wire_name(),
                    skip.get_ident().map_or_else(String::new, ToString::to_string),
                ),
            );
            continue;
        }
        let wire = field.wire_name();
        if serde.aliases.iter().any(|alias| alias.value() == wire) {
            continue;
        }
        if let Some(rename) = &serde.rename {
            let read = rename.value();
            if read != wire {
                // Without a `#[slack(rename)]`, the serde name may be the one meant for Slack,
                // when it is one of the method's parameters.
                let a_param = method
                    .is_none_or(|method| !method.params_known || method.param(&read).is_some());
                let or_send = match field.attrs.rename.get() {
                    None if a_param => format!(
                        " (or, to send the field as `{read}`, add `#[slack(rename = \"{read}\")]`)"
                    ),
                    _ => String::new(),
                };
                cx.error_spanned_by(
                    rename,
                    format!(
                        "serde reads this field as `{read}`, but a tool call names it as Slack does, `{wire}`; write `rename = \"{wire}\"` here{or_send}"
                    ),
                );
            }
            continue;
        }
        let plain = field.ident.unraw().to_string();
        let read = match &container.rename_all {
            Some((rule, _)) => rule.apply(&plain),
            None => plain,
        };
        if read == wire {
            continue;
        }
        match (field.attrs.rename.get(), &container.rename_all) {
            (Some(slack_rename), _) => cx.error_spanned_by(
                slack_rename,
                format!(
                    "serde reads this field as `{read}`, so a tool call's `{wire}` argument would be lost; add `#[serde(rename = \"{wire}\")]` to the field"
                ),
            ),
            (None, Some((_, lit))) if !rename_all_reported => {
                rename_all_reported = true;
                cx.error_spanned_by(
                    lit,
                    format!(
                        "serde would read `{wire}` as `{read}`, but a tool call names each argument as Slack does; remove `rename_all`"
                    ),
                );
            }
            _ => {}
        }
    }
}

/// A `#[slack(skip)]` field is not in the tool's schema, so no call has it: serde must not
/// require it.
fn skipped_field(cx: &Ctxt, field: &Field, serde: &Serde, container: &Serde) {
    let optional = field.option_inner().is_some();
    if optional || serde.skip.is_some() || serde.default || container.default {
        return;
    }
    if let Some(skip) = field.attrs.skip.key() {
        cx.error_spanned_by(
            skip,
            "a tool call never has a skipped field, but serde requires this one, so every call would fail; add `#[serde(skip)]` or `#[serde(default)]` to the field",
        );
    }
}

/// Whether a `#[derive(..)]` names `Deserialize` (by any path). A derive whose top level has no
/// `Deserialize` at all (most have none) is not parsed.
fn derives_deserialize(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .filter(|attr| match &attr.meta {
            syn::Meta::List(list) => list.tokens.clone().into_iter().any(
                |token| matches!(token, proc_macro2::TokenTree::Ident(ident) if ident == "Deserialize"),
            ),
            _ => true,
        })
        .filter_map(|attr| {
            attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .any(|path| {
            path.segments
                .last()
                .is_some_and(|segment| segment.ident == "Deserialize")
        })
}

/// What the `#[serde(..)]` attributes of a field or of the struct say about reading it. Anything
/// serde itself would refuse is left for serde to report.
#[derive(Default)]
struct Serde {
    /// `rename = ".."` or `rename(deserialize = "..")`.
    rename: Option<LitStr>,
    /// `alias = ".."`.
    aliases: Vec<LitStr>,
    /// `skip` or `skip_deserializing`, as written.
    skip: Option<Path>,
    /// `default` or `default = ".."`.
    default: bool,
    /// `flatten`, as written: the field's names are its own type's.
    flatten: Option<Path>,
    /// On the struct: `rename_all = ".."` or `rename_all(deserialize = "..")`, when its rule is
    /// one serde knows.
    rename_all: Option<(RenameRule, LitStr)>,
}

impl Serde {
    fn read(attrs: &[Attribute]) -> Serde {
        let mut serde = Serde::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
            // A broken `#[serde(..)]` is serde's to report.
            let _ = attr.parse_nested_meta(|meta| {
                serde.read_one(&meta);
                Ok(())
            });
        }
        serde
    }

    fn read_one(&mut self, meta: &ParseNestedMeta) {
        let Some(key) = meta.path.get_ident() else {
            skip_value(meta.input);
            return;
        };
        match key.to_string().as_str() {
            "rename" => self.rename = deserialize_name(meta).or(self.rename.take()),
            "alias" => self.aliases.extend(deserialize_name(meta)),
            "rename_all" => {
                self.rename_all = deserialize_name(meta)
                    .and_then(|lit| Some((RenameRule::parse(&lit.value())?, lit)))
                    .or(self.rename_all.take());
            }
            "skip" | "skip_deserializing" => self.skip = Some(meta.path.clone()),
            "default" => self.default = true,
            "flatten" => self.flatten = Some(meta.path.clone()),
            _ => {}
        }
        skip_value(meta.input);
    }
}

/// The name in `key = ".."` or `key(deserialize = "..")`; `None` for `key(serialize = "..")`.
fn deserialize_name(meta: &ParseNestedMeta) -> Option<LitStr> {
    if meta.input.peek(Token![=]) {
        return meta.value().ok()?.parse::<LitStr>().ok();
    }
    let mut name = None;
    let _ = meta.parse_nested_meta(|inner| {
        if inner.path.is_ident("deserialize") {
            name = inner.value()?.parse::<LitStr>().ok();
        } else {
            skip_value(inner.input);
        }
        Ok(())
    });
    name
}

/// serde's `rename_all` rules, applied to a field name written in snake_case.
#[derive(Clone, Copy)]
enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    fn parse(rule: &str) -> Option<RenameRule> {
        Some(match rule {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    fn apply(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.replace('_', "-").to_ascii_uppercase(),
            RenameRule::Pascal | RenameRule::Camel => {
                let mut out = String::with_capacity(field.len());
                let mut capital = matches!(self, RenameRule::Pascal);
                for c in field.chars() {
                    if c == '_' {
                        capital = true;
                    } else if capital {
                        out.push(c.to_ascii_uppercase());
                        capital = false;
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn rename_rules_read_snake_case_as_serde_does() {
        let cases = [
            ("lowercase", "thread_ts"),
            ("UPPERCASE", "THREAD_TS"),
            ("PascalCase", "ThreadTs"),
            ("camelCase", "threadTs"),
            ("snake_case", "thread_ts"),
            ("SCREAMING_SNAKE_CASE", "THREAD_TS"),
            ("kebab-case", "thread-ts"),
            ("SCREAMING-KEBAB-CASE", "THREAD-TS"),
        ];
        for (rule, expected) in cases {
            let rule = RenameRule::parse(rule).unwrap();
            assert_eq!(rule.apply("thread_ts"), expected);
        }
        assert_eq!(
            RenameRule::parse("camelCase").unwrap().apply("channel"),
            "channel"
        );
        assert!(RenameRule::parse("Train-Case").is_none());
    }
}
