//! One pass over a response body that reads the data into the method's response type and, along
//! the way, the envelope's own fields: `ok`, `warning`, `response_metadata` (warnings, next
//! cursor) and a top-level `next_cursor` (where `admin.conversations.search` puts its cursor).
//!
//! The response type's deserializer is handed a map that hides `ok` and tees `warning`,
//! `response_metadata` and `next_cursor`: their raw JSON is read once, decoded for the envelope,
//! and decoded again for the response type, so a type that declares them still gets them. An
//! `"ok": false` stops the pass at once; the caller then reads the body again on the slower path
//! that builds the typed error.

use crate::types::de::{Key, Text};
use crate::types::ResponseMetadata;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, Error as _, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// The envelope's fields read during the pass.
#[derive(Debug, Default)]
pub(crate) struct Side {
    pub(crate) ok: Option<bool>,
    pub(crate) warning: Option<String>,
    pub(crate) metadata: Option<ResponseMetadata>,
    /// A `next_cursor` beside `response_metadata` rather than in it.
    pub(crate) next_cursor: Option<String>,
}

/// Reads `body` into `T` and the envelope's fields in one pass.
pub(crate) fn read<T: DeserializeOwned>(body: &[u8]) -> Result<(T, Side), serde_json::Error> {
    let mut side = Side::default();
    // Checked as UTF-8 once, whole, rather than string by string as `from_slice` would.
    let text = std::str::from_utf8(body)
        .map_err(|_| serde_json::Error::custom("the body is not UTF-8 text"))?;
    let mut json = serde_json::Deserializer::from_str(text);
    let data = T::deserialize(Data {
        json: &mut json,
        side: &mut side,
    })?;
    json.end()?;
    Ok((data, side))
}

/// The deserializer the response type sees: the body's top-level object, envelope fields
/// intercepted.
struct Data<'a, 'de> {
    json: &'a mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    side: &'a mut Side,
}

impl<'de> Deserializer<'de> for Data<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.json.deserialize_map(Intercept {
            visitor,
            side: self.side,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct Intercept<'a, V> {
    visitor: V,
    side: &'a mut Side,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Intercept<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(Fields {
            map,
            side: self.side,
            teed: None,
        })
    }
}

/// The object's entries as the response type sees them.
struct Fields<'a, 'de, A> {
    map: A,
    side: &'a mut Side,
    /// The raw value of a teed entry, for the response type's `next_value`.
    teed: Option<&'de RawValue>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Fields<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.map.next_key::<Key<'de>>()? else {
                return Ok(None);
            };
            let key = match key {
                Key::Borrowed(key) => key,
                // A key with escapes cannot be an envelope key: hand it over as it is.
                Key::Owned(key) => {
                    return seed
                        .deserialize(serde::de::value::StringDeserializer::new(key))
                        .map(Some)
                }
            };
            match key {
                "ok" => {
                    let ok: bool = self.map.next_value()?;
                    self.side.ok = Some(ok);
                    if !ok {
                        // Not a success: stop here; the slow path reads the error.
                        return Err(A::Error::custom("the body says `\"ok\": false`"));
                    }
                }
                "warning" | "response_metadata" | "next_cursor" => {
                    let raw: &'de RawValue = self.map.next_value()?;
                    // Read leniently: a field of an odd shape is no warning, no metadata or no
                    // cursor, never a failed read.
                    let text = || {
                        serde_json::from_str::<Text>(raw.get())
                            .ok()
                            .and_then(|Text(text)| text)
                    };
                    match key {
                        "warning" => self.side.warning = text(),
                        "next_cursor" => self.side.next_cursor = text(),
                        _ => self.side.metadata = serde_json::from_str(raw.get()).ok(),
                    }
                    self.teed = Some(raw);
                    return seed
                        .deserialize(BorrowedStrDeserializer::new(key))
                        .map(Some);
                }
                _ => {
                    return seed
                        .deserialize(BorrowedStrDeserializer::new(key))
                        .map(Some)
                }
            }
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        match self.teed.take() {
            Some(raw) => {
                let mut json = serde_json::Deserializer::from_str(raw.get());
                seed.deserialize(&mut json).map_err(A::Error::custom)
            }
            None => self.map.next_value_seed(seed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::{Map, Value};

    #[derive(Deserialize, Debug)]
    struct Typed {
        user: String,
        #[serde(default)]
        response_metadata: Option<Value>,
        #[serde(flatten)]
        extra: Map<String, Value>,
    }

    #[test]
    fn reads_data_and_envelope_in_one_pass() {
        let body = br#"{"ok":true,"user":"jane","warning":"a,b","response_metadata":{"next_cursor":"c1","warnings":["w"],"scopes":["x"]},"new":1,"next_cursor":"top"}"#;
        let (data, side): (Typed, Side) = read(body).unwrap();
        assert_eq!(side.next_cursor.as_deref(), Some("top"));
        assert_eq!(data.extra["next_cursor"], "top");
        assert_eq!(data.user, "jane");
        assert_eq!(side.ok, Some(true));
        assert_eq!(side.warning.as_deref(), Some("a,b"));
        let meta = side.metadata.unwrap();
        assert_eq!(meta.next_cursor(), Some("c1"));
        assert_eq!(meta.warnings, ["w"]);
        // The response type still sees the teed entries, and never `ok`.
        assert_eq!(data.response_metadata.unwrap()["scopes"][0], "x");
        assert_eq!(data.extra["warning"], "a,b");
        assert_eq!(data.extra["new"], 1);
        assert!(!data.extra.contains_key("ok"));
    }

    #[test]
    fn untyped_maps_and_escaped_keys() {
        let body = br#"{"user":"x","ok":true,"we\u0069rd":2}"#;
        let (data, side): (Map<String, Value>, Side) = read(body).unwrap();
        assert_eq!(side.ok, Some(true));
        assert_eq!(data["weird"], 2);
        assert!(!data.contains_key("ok"));
    }

    #[test]
    fn ok_false_stops_the_pass() {
        let body = br#"{"ok":false,"error":"missing_scope"}"#;
        let err = read::<Map<String, Value>>(body).unwrap_err();
        assert!(err.to_string().contains("ok"), "{err}");
    }

    #[test]
    fn non_objects_and_trailing_bytes_fail() {
        assert!(read::<Map<String, Value>>(b"[1]").is_err());
        assert!(read::<Map<String, Value>>(br#"{"ok":true} x"#).is_err());
        assert!(read::<Map<String, Value>>(br#"{"ok":"yes"}"#).is_err());
        assert!(read::<Map<String, Value>>(b"").is_err());
    }
}
