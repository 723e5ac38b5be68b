//! Typed Slack ids (`UserId`, `TeamId`, ...).
//!
//! Each id is a string newtype. [`UserId::new`] and friends check the shape Slack uses (uppercase
//! letters and digits, starting with the id's letter); deserializing accepts any string, so an id
//! of a shape Slack introduces later is kept rather than rejected.

/// A text did not have the shape of the id it was meant to be.
///
/// The message quotes the text, unless it looks like a token (a token pasted where an id
/// belongs): that is written `***`, in `Display` and `Debug` alike.
///
/// ```
/// use slack_methods_runtime::UserId;
/// let err = UserId::new("u0123").unwrap_err();
/// assert_eq!(err.to_string(), "`u0123` is not a user id: expected `U` or `W` then uppercase letters and digits");
/// let err = UserId::new("xoxb-1-secret").unwrap_err();
/// assert!(!format!("{err} {err:?}").contains("secret"));
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{}` is not a {what}: expected {expected}", self.shown())]
pub struct IdError {
    text: String,
    what: &'static str,
    expected: &'static str,
}

impl IdError {
    /// The refused text as messages show it.
    fn shown(&self) -> &str {
        // Anywhere in the text: a token pasted in quotes, after `Bearer ` or a space.
        let mut words = self
            .text
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '.');
        if words.any(crate::token::looks_like_token) {
            "***"
        } else {
            &self.text
        }
    }
}

impl std::fmt::Debug for IdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdError")
            .field("text", &self.shown())
            .field("what", &self.what)
            .field("expected", &self.expected)
            .finish()
    }
}

/// The impls every text newtype of the crate shares (the ids, [`ChannelRef`],
/// [`Timestamp`](crate::types::Timestamp)): `Debug` as `Name("text")`, `Display` as the text,
/// `AsRef<str>`, comparison with `str`, and the text as its form value (but for
/// `without_form_value`: a `Timestamp` writes its own).
macro_rules! text_impls {
    ($name:ident) => {
        $crate::ids::text_impls!($name, without_form_value);

        impl $crate::form::FormValue for $name {
            fn form_value(&self) -> Option<::std::borrow::Cow<'_, str>> {
                Some(::std::borrow::Cow::Borrowed(&self.0))
            }
        }
    };
    ($name:ident, without_form_value) => {
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, concat!(stringify!($name), "({:?})"), self.0)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}
pub(crate) use text_impls;

macro_rules! slack_id {
    ($(#[$doc:meta])* $name:ident, $what:literal, $prefixes:expr, $expected:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// ```
        #[doc = concat!("use slack_methods_runtime::", stringify!($name), ";")]
        #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\")?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(", stringify!($name), "::new(\"nope\").is_err());")]
        /// # Ok::<(), slack_methods_runtime::IdError>(())
        /// ```
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks the id's shape and wraps it.
            pub fn new(text: impl Into<String>) -> Result<Self, IdError> {
                let text = text.into();
                if well_formed(&text, $prefixes) {
                    Ok($name(text))
                } else {
                    Err(IdError { text, what: $what, expected: $expected })
                }
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id's text, owned.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        text_impls!($name);
    };
}

fn well_formed(text: &str, prefixes: &[u8]) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 2
        && prefixes.contains(&bytes[0])
        && bytes[1..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

slack_id!(
    /// A user id, such as `U0123ABCD` (or `W...` on Enterprise Grid).
    UserId, "user id", b"UW", "`U` or `W` then uppercase letters and digits", "U0123ABCD"
);
slack_id!(
    /// A workspace id, such as `T0123ABCD` (or `E...` for an Enterprise Grid org).
    TeamId, "team id", b"TE", "`T` or `E` then uppercase letters and digits", "T0123ABCD"
);
slack_id!(
    /// An Enterprise Grid id, such as `E0123ABCD`.
    EnterpriseId, "enterprise id", b"E", "`E` then uppercase letters and digits", "E0123ABCD"
);
slack_id!(
    /// A conversation id: a channel `C...`, a private channel `G...` or a direct message `D...`.
    ChannelId, "channel id", b"CGD", "`C`, `G` or `D` then uppercase letters and digits", "C0123ABCD"
);
slack_id!(
    /// A bot id, such as `B0123ABCD`.
    BotId, "bot id", b"B", "`B` then uppercase letters and digits", "B0123ABCD"
);
slack_id!(
    /// An app id, such as `A0123ABCD`.
    AppId, "app id", b"A", "`A` then uppercase letters and digits", "A0123ABCD"
);
slack_id!(
    /// A file id, such as `F0123ABCD`.
    FileId, "file id", b"F", "`F` then uppercase letters and digits", "F0123ABCD"
);
slack_id!(
    /// A user group id, such as `S0123ABCD`.
    UsergroupId, "user group id", b"S", "`S` then uppercase letters and digits", "S0123ABCD"
);
slack_id!(
    /// A view id (a modal or an App Home), such as `V0123ABCD`.
    ViewId, "view id", b"V", "`V` then uppercase letters and digits", "V0123ABCD"
);
slack_id!(
    /// A call's id (the Calls API: `calls.add` answers it), such as `R0E69JAIF`.
    CallId, "call id", b"R", "`R` then uppercase letters and digits", "R0E69JAIF"
);

/// A channel as the posting methods take it (`chat.postMessage`, `chat.postEphemeral`,
/// `chat.scheduleMessage`): its id, or its name, which Slack resolves ("an encoded ID, or a
/// name", as Slack's spec says of them). The other methods take only a [`ChannelId`].
///
/// A name is written with or without its `#`; it has no whitespace or control characters.
/// Whether a channel of that name exists is Slack's to say (`channel_not_found`).
///
/// ```
/// use slack_methods_runtime::{ChannelId, ChannelRef};
/// let by_id = ChannelRef::from(ChannelId::new("C0123ABCD")?);
/// assert_eq!(by_id.as_str(), "C0123ABCD");
/// let by_name = ChannelRef::name("#general")?;
/// assert_eq!(by_name.as_str(), "#general");
/// assert!(ChannelRef::name("release notes").is_err());
/// // Parsed: an id when it has an id's shape, else a name.
/// let parsed: ChannelRef = "deploys".parse()?;
/// assert_eq!(parsed.id(), None);
/// # Ok::<(), slack_methods_runtime::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct ChannelRef(String);

impl ChannelRef {
    /// A channel by its name, with or without the leading `#`.
    pub fn name(name: impl Into<String>) -> Result<ChannelRef, IdError> {
        let name = name.into();
        if channel_name(&name) {
            Ok(ChannelRef(name))
        } else {
            Err(IdError {
                text: name,
                what: "channel name",
                expected:
                    "a name with or without its `#`, without whitespace or control characters",
            })
        }
    }

    /// The channel's id, when this names the channel by its id.
    pub fn id(&self) -> Option<ChannelId> {
        ChannelId::new(self.0.as_str()).ok()
    }

    /// The text sent: the id or the name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `text` is a channel name as [`ChannelRef::name`] takes it: an optional `#`, then at
/// least one character that is neither whitespace nor a control character (nor U+FEFF, which
/// JSON Schema patterns count as whitespace).
pub(crate) fn channel_name(text: &str) -> bool {
    let name = text.strip_prefix('#').unwrap_or(text);
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\u{feff}')
}

impl From<ChannelId> for ChannelRef {
    fn from(id: ChannelId) -> Self {
        ChannelRef(id.into_string())
    }
}

impl From<&ChannelId> for ChannelRef {
    fn from(id: &ChannelId) -> Self {
        ChannelRef(id.as_str().to_owned())
    }
}

impl std::str::FromStr for ChannelRef {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        match ChannelId::new(s) {
            Ok(id) => Ok(id.into()),
            Err(_) => ChannelRef::name(s).map_err(|_| IdError {
                text: s.to_owned(),
                what: "channel id or name",
                expected: "a channel id (`C`, `G` or `D` then uppercase letters and digits) or a \
                           name with or without its `#`, without whitespace",
            }),
        }
    }
}

text_impls!(ChannelRef);

impl PartialEq<ChannelId> for ChannelRef {
    fn eq(&self, other: &ChannelId) -> bool {
        self.0 == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(UserId::new("W012").is_ok());
        assert!(UserId::new("U").is_err());
        assert!(UserId::new("u0123").is_err());
        assert!(UserId::new("U01 23").is_err());
        let err = TeamId::new("X1").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`X1` is not a team id: expected `T` or `E` then uppercase letters and digits"
        );
    }

    #[test]
    fn a_token_given_as_an_id_stays_out_of_the_error() {
        for token in [
            "xoxb-1-2-secret",
            "xoxp-1-secret",
            "xoxe.xoxb-1-secret",
            "xapp-1-secret",
            " xoxb-1-secret",
            "\"xoxb-1-secret\"",
            "Bearer xoxb-1-secret",
        ] {
            let err = ChannelId::new(token).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.starts_with("`***` is not a channel id"), "{shown}");
            // Also when it is a channel name with whitespace, which cannot be a name.
            let err = ChannelRef::name(format!("{token} ")).unwrap_err();
            assert!(!format!("{err} {err:?}").contains("secret"));
        }
        // Other text is quoted, so the user sees what was refused.
        let err = UserId::new("@ada").unwrap_err();
        assert!(format!("{err:?}").contains("\"@ada\""), "{err:?}");
    }

    #[test]
    fn channel_refs() {
        assert_eq!(ChannelRef::name("general").unwrap(), "general");
        assert_eq!(ChannelRef::name("#général").unwrap(), "#général");
        for bad in [
            "",
            "#",
            "two words",
            "tab\there",
            "line\n",
            "\u{feff}x",
            "#\u{7}",
        ] {
            assert!(ChannelRef::name(bad).is_err(), "{bad:?}");
        }
        let id: ChannelRef = "C0123ABCD".parse().unwrap();
        assert_eq!(id.id(), Some(ChannelId::new("C0123ABCD").unwrap()));
        let name: ChannelRef = "#deploys".parse().unwrap();
        assert_eq!(name.id(), None);
        let err = "my channel".parse::<ChannelRef>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`my channel` is not a channel id or name: expected a channel id (`C`, `G` or `D` then \
             uppercase letters and digits) or a name with or without its `#`, without whitespace"
        );
        assert_eq!(
            ChannelRef::from(ChannelId::new("D01").unwrap()),
            ChannelId::new("D01").unwrap()
        );
    }

    #[test]
    fn deserializing_is_lenient() {
        let id: UserId = serde_json::from_str("\"USLACKBOT\"").unwrap();
        assert_eq!(id, "USLACKBOT");
        let odd: UserId = serde_json::from_str("\"something-new\"").unwrap();
        assert_eq!(odd.as_str(), "something-new");
    }
}
