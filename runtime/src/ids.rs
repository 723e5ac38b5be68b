//! Typed Slack ids (`UserId`, `TeamId`, ...).
//!
//! Each id is a string newtype. [`UserId::new`] and friends check the shape Slack uses (uppercase
//! letters and digits, starting with the id's letter); deserializing accepts any string, so an id
//! of a shape Slack introduces later is kept rather than rejected.

use crate::form::FormValue;
use std::borrow::Cow;
use std::fmt;

/// A text did not have the shape of the id it was meant to be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a {what}: expected {expected}")]
pub struct IdError {
    text: String,
    what: &'static str,
    expected: &'static str,
}

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

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({:?})"), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
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

        impl FormValue for $name {
            fn form_value(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Borrowed(&self.0))
            }
        }
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
    fn deserializing_is_lenient() {
        let id: UserId = serde_json::from_str("\"USLACKBOT\"").unwrap();
        assert_eq!(id, "USLACKBOT");
        let odd: UserId = serde_json::from_str("\"something-new\"").unwrap();
        assert_eq!(odd.as_str(), "something-new");
    }
}
