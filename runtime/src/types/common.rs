//! Pieces of Slack's responses shared by many methods: [`ResponseMetadata`] and [`Paging`].

use super::de::{Field, Key, Text, TextList};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The most items Slack returns on one page of a cursor-paginated list (a larger `limit` is
/// `invalid_limit`).
pub const MAX_PAGE_LIMIT: u32 = 1000;

/// `response_metadata`: the cursor of the next page, and Slack's warnings and messages.
///
/// The runtime already reads it for every call
/// ([`SlackResponse::next_cursor`](crate::SlackResponse::next_cursor) and
/// [`warnings`](crate::SlackResponse::warnings)); a response type declares it when it wants
/// the rest. Each field is read leniently on its own, so an odd one never costs the page: a
/// cursor that is neither text nor a number is none, a lone string is a list of one, items
/// that are not text are left out, and a `response_metadata` that is not an object is empty.
///
/// ```
/// use slack_methods_runtime::types::ResponseMetadata;
/// let meta: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":"dXNlcjpVMEc5V0ZYTlo="}"#)?;
/// assert_eq!(meta.next_cursor(), Some("dXNlcjpVMEc5V0ZYTlo="));
/// let last: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":""}"#)?;
/// assert_eq!(last.next_cursor(), None);
/// let blank: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":" "}"#)?;
/// assert_eq!(blank.next_cursor(), None);
/// let odd: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":"c2","messages":null}"#)?;
/// assert_eq!(odd.next_cursor(), Some("c2"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ResponseMetadata {
    /// The cursor of the next page as Slack wrote it (a number is kept as its text); empty (or
    /// blank) on the last page. [`ResponseMetadata::next_cursor`] reads it as an `Option`.
    pub next_cursor: String,
    /// Warnings, such as `method_deprecated`.
    pub warnings: Vec<String>,
    /// Explanations, mostly of errors (`[ERROR] missing required field: title`).
    pub messages: Vec<String>,
    /// Every field Slack sent that this type does not name, as Slack sent it.
    pub extra: Map<String, Value>,
}

impl ResponseMetadata {
    /// The cursor of the next page; `None` on the last page, whose cursor is empty. A cursor of
    /// whitespace alone is no cursor either: sent back, it would name no page (or the first one
    /// again).
    pub fn next_cursor(&self) -> Option<&str> {
        Some(self.next_cursor.as_str()).filter(|cursor| names_a_page(cursor))
    }
}

/// Whether a `next_cursor` names a page: an empty one, or one of whitespace alone, ends paging.
pub(crate) fn names_a_page(cursor: &str) -> bool {
    !cursor.trim().is_empty()
}

impl<'de> Deserialize<'de> for ResponseMetadata {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MetadataVisitor)
    }
}

/// Reads `response_metadata`: an object field by field, anything else as empty.
struct MetadataVisitor;

impl<'de> Visitor<'de> for MetadataVisitor {
    type Value = ResponseMetadata;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut meta = ResponseMetadata::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "next_cursor" => {
                    meta.next_cursor = map.next_value::<Text>()?.0.unwrap_or_default();
                }
                "warnings" => meta.warnings = map.next_value::<TextList>()?.0,
                "messages" => meta.messages = map.next_value::<TextList>()?.0,
                _ => {
                    let value = map.next_value::<Value>()?;
                    meta.extra.insert(key.into_string(), value);
                }
            }
        }
        Ok(meta)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(ResponseMetadata::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        inner.deserialize_any(self)
    }

    crate::types::de::ignore_scalars!(ResponseMetadata::default(), str);
}

impl Serialize for ResponseMetadata {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("next_cursor", &self.next_cursor)?;
        if !self.warnings.is_empty() {
            map.serialize_entry("warnings", &self.warnings)?;
        }
        if !self.messages.is_empty() {
            map.serialize_entry("messages", &self.messages)?;
        }
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Field for ResponseMetadata {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ResponseMetadata::deserialize(deserializer)
    }
}

crate::slack_object! {
    /// `paging`: the page/count paging of the older methods (`files.list`, `search.messages`).
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct Paging {
        /// Items per page asked for.
        pub count: u64,
        /// Items in all.
        pub total: u64,
        /// This page's number, from 1.
        pub page: u64,
        /// Pages in all.
        pub pages: u64,
        /// Items per page.
        pub per_page: u64,
        /// Items carried over from the previous page.
        pub spill: u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Odd shapes Slack's `response_metadata` takes never fail it, and cost no other field.
    #[test]
    fn odd_metadata_reads_leniently() {
        let read = |json: &str| serde_json::from_str::<ResponseMetadata>(json).unwrap();
        for odd in [
            "[]",
            "[1]",
            "\"none\"",
            "7",
            "true",
            "null",
            "{\"next_cursor\":{}}",
        ] {
            assert_eq!(read(odd), ResponseMetadata::default(), "{odd}");
        }
        let meta =
            read(r#"{"next_cursor":"c2","warnings":"w1","messages":{"x":1},"scopes":["a"]}"#);
        assert_eq!(meta.next_cursor(), Some("c2"));
        assert_eq!(meta.warnings, ["w1"]);
        assert!(meta.messages.is_empty());
        assert_eq!(meta.extra["scopes"], serde_json::json!(["a"]));
        let meta = read(r#"{"next_cursor":5,"warnings":["w1",null,{"a":1}],"messages":null}"#);
        assert_eq!(meta.next_cursor(), Some("5"));
        assert_eq!(meta.warnings, ["w1"]);
        // Written back as Slack writes it, unknown fields included.
        let json = serde_json::to_value(&meta).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"next_cursor": "5", "warnings": ["w1"]})
        );
    }
}
