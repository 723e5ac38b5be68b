//! How the shared types read and write JSON.
//!
//! Every object type is declared through [`slack_object!`](crate::slack_object), which writes the
//! struct, its `Deserialize` and its `Serialize` from one field list. The `Deserialize` it writes
//! matches each key against the known fields directly and stores only the unknown ones in the
//! `extra` map, so keeping Slack's new fields costs nothing for the fields the type knows (a
//! `#[serde(flatten)]` map would make serde buffer every field first, about doubling the parse
//! cost).
//!
//! Each field is read through the [`Field`] trait, which decides how lenient a type is:
//!
//! - a missing key or `null` gives the field's `Default` (an empty string, `false`, `0`, `None`,
//!   an empty list), except for the fields declared in the object's `required { ... }` group,
//!   whose absence fails the object (a list of objects then keeps it as
//!   [`Unparsed`](super::Unparsed));
//! - an optional id or timestamp sent as `""` is `None` (Slack writes `"creator": ""` for a topic
//!   nobody set);
//! - integers accept a number or a string of digits (Slack writes `"user_count": "2"` in places),
//!   and integral floats;
//! - an object field (a Slack object, or a JSON object kept as a map) that Slack sends as
//!   `false`, `[]` or `""` (how its PHP side writes "none") is absent or empty, and a list sent
//!   as `{}`, `false` or `""` is empty;
//! - everything else reads as its own `Deserialize` says.

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// The `visit_*` methods of a lenient visitor for the scalars it ignores: a bool, a number and
/// `null` (and with `str`, a string too) each give `$value`.
macro_rules! ignore_scalars {
    ($value:expr) => {
        fn visit_bool<E: ::serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_i64<E: ::serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_u64<E: ::serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_f64<E: ::serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_unit<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_none<E: ::serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
    ($value:expr, str) => {
        crate::types::de::ignore_scalars!($value);

        fn visit_str<E: ::serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

pub(crate) use ignore_scalars;

/// A field Slack sends as text, read leniently: a string as it is, a number as its digits, a
/// list's text items joined by commas (how Slack writes lists in text); anything else (`null`,
/// `true`, an object) is no text. It never fails on a well-formed JSON value.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Text(pub(crate) Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor).map(Text)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Some(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Ok(Some(text))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Some(n.to_string()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        inner.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut joined: Option<String> = None;
        while let Some(Text(item)) = seq.next_element()? {
            let Some(item) = item else { continue };
            match &mut joined {
                Some(joined) => {
                    joined.push(',');
                    joined.push_str(&item);
                }
                None => joined = Some(item),
            }
        }
        Ok(joined)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(None)
    }
}

/// A list of texts read leniently, as [`text_list`] reads it.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct TextList(pub(crate) Vec<String>);

impl<'de> Deserialize<'de> for TextList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TextList, D::Error> {
        text_list(deserializer).map(TextList)
    }
}

/// A list of texts (`warnings`, `messages`), read leniently: a list keeps its text items (see
/// [`Text`]), a lone string is a list of one, anything else is empty.
fn text_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct ListVisitor;

    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(Text(item)) = seq.next_element()? {
                items.extend(item);
            }
            Ok(items)
        }

        fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
            inner.deserialize_any(self)
        }

        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            TextVisitor.visit_map(map).map(|_| Vec::new())
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(vec![text.to_owned()])
        }

        crate::types::de::ignore_scalars!(Vec::new());
    }

    deserializer.deserialize_any(ListVisitor)
}

/// A type that can be a field of a [`slack_object!`](crate::slack_object) struct.
///
/// Not a public API: implemented for the field types the shared types use.
#[doc(hidden)]
pub trait Field: Sized {
    /// Reads a value that is present and not `null`.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Whether serializing leaves the field out (`None`, an empty list).
    fn omit(&self) -> bool {
        false
    }

    /// Whether the type is a Slack object, which Slack may send as `false`, `[]` or `""` when
    /// there is none (its PHP heritage): such a value then reads as an absent field.
    const OBJECT: bool = false;

    /// Whether an empty string is Slack's "none" for the type (ids and timestamps: a topic
    /// nobody set has `"creator": ""`): an `Option` of it then reads `""` as `None`.
    const EMPTY_IS_NONE: bool = false;
}

/// Reads one field's value: `null` gives `None`, anything else goes through [`Field::read`].
#[doc(hidden)]
pub struct FieldSeed<T>(PhantomData<T>);

impl<T> FieldSeed<T> {
    /// The seed.
    pub const NEW: Self = FieldSeed(PhantomData);
}

impl<'de, T: Field> DeserializeSeed<'de> for FieldSeed<T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(NullOr(PhantomData))
    }
}

struct NullOr<T>(PhantomData<T>);

impl<'de, T: Field> Visitor<'de> for NullOr<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        if T::OBJECT {
            deserializer.deserialize_any(ObjectOrNone(PhantomData))
        } else {
            T::read(deserializer).map(Some)
        }
    }
}

/// A Slack object, or one of the values Slack sends for none (`false`, `[]`, `""`).
struct ObjectOrNone<T>(PhantomData<T>);

impl<'de, T: Field> Visitor<'de> for ObjectOrNone<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object (or false, [] or \"\" for none)")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::read(de::value::MapAccessDeserializer::new(map)).map(Some)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Option<T>, E> {
        if value {
            return Err(E::invalid_type(de::Unexpected::Bool(true), &self));
        }
        Ok(None)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        match seq.next_element::<de::IgnoredAny>()? {
            None => Ok(None),
            Some(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &self)),
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Option<T>, E> {
        if !value.is_empty() {
            return Err(E::invalid_type(de::Unexpected::Str(value), &self));
        }
        Ok(None)
    }
}

/// An object key, borrowed from the body when it has no escapes.
#[doc(hidden)]
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Unescaped into a new string.
    Owned(String),
}

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }

    /// The key's text, owned.
    pub fn into_string(self) -> String {
        match self {
            Key::Borrowed(key) => key.to_owned(),
            Key::Owned(key) => key,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(key))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(key.to_owned()))
            }
            fn visit_string<E>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(key))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

macro_rules! plain_field {
    ($($ty:ty),* $(,)?) => {
        $(
            impl Field for $ty {
                fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <$ty as Deserialize>::deserialize(deserializer)
                }
            }
        )*
    };
}

plain_field!(String, bool);

/// The id types: read as their text, and `""` is no id.
macro_rules! id_field {
    ($($ty:ty),* $(,)?) => {
        $(
            impl Field for $ty {
                fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <$ty as Deserialize>::deserialize(deserializer)
                }

                const EMPTY_IS_NONE: bool = true;
            }
        )*
    };
}

id_field!(
    crate::UserId,
    crate::TeamId,
    crate::EnterpriseId,
    crate::ChannelId,
    crate::BotId,
    crate::AppId,
    crate::FileId,
    crate::UsergroupId,
    crate::ViewId,
    crate::CallId,
);

impl Field for Value {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer)
    }

    fn omit(&self) -> bool {
        self.is_null()
    }
}

impl<T: Field> Field for Option<T> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if T::EMPTY_IS_NONE {
            deserializer.deserialize_any(EmptyIsNone(PhantomData))
        } else {
            deserializer.deserialize_option(NullOr(PhantomData))
        }
    }

    fn omit(&self) -> bool {
        self.is_none()
    }
}

impl<T: Field> Field for Box<T> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::read(deserializer).map(Box::new)
    }

    fn omit(&self) -> bool {
        (**self).omit()
    }

    const OBJECT: bool = T::OBJECT;

    const EMPTY_IS_NONE: bool = T::EMPTY_IS_NONE;
}

/// A value of a type whose `""` is none ([`Field::EMPTY_IS_NONE`]): `""` and `null` are `None`,
/// anything else reads as the type reads it.
struct EmptyIsNone<T>(PhantomData<T>);

impl<'de, T: Field> Visitor<'de> for EmptyIsNone<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value, \"\" or null")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        if v.is_empty() {
            return Ok(None);
        }
        T::read(de::value::StrDeserializer::<E>::new(v)).map(Some)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Option<T>, E> {
        if v.is_empty() {
            return Ok(None);
        }
        T::read(de::value::BorrowedStrDeserializer::<E>::new(v)).map(Some)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Option<T>, E> {
        if v.is_empty() {
            return Ok(None);
        }
        T::read(de::value::StringDeserializer::<E>::new(v)).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<T>, E> {
        T::read(de::value::U64Deserializer::<E>::new(v)).map(Some)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<T>, E> {
        T::read(de::value::I64Deserializer::<E>::new(v)).map(Some)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<T>, E> {
        T::read(de::value::F64Deserializer::<E>::new(v)).map(Some)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Option<T>, E> {
        T::read(de::value::BoolDeserializer::<E>::new(v)).map(Some)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
        T::read(de::value::SeqAccessDeserializer::new(seq)).map(Some)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::read(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// A list, or one of the values Slack sends for an empty one (`{}`, `false`, `""`): a list is
/// read by `V`, the others are `V`'s empty value. Every list field reads through it (`Vec`,
/// [`List`](super::List), [`Blocks`](super::Blocks)).
pub(crate) struct ListOrEmpty<V>(pub(crate) V);

impl<'de, V> Visitor<'de> for ListOrEmpty<V>
where
    V: Visitor<'de>,
    V::Value: Default,
{
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list (or {}, false or \"\" for an empty one)")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(seq)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<V::Value, A::Error> {
        match map.next_key::<de::IgnoredAny>()? {
            None => Ok(V::Value::default()),
            Some(_) => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<V::Value, E> {
        if value {
            return Err(E::invalid_type(de::Unexpected::Bool(true), &self));
        }
        Ok(V::Value::default())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        if !value.is_empty() {
            return Err(E::invalid_type(de::Unexpected::Str(value), &self));
        }
        Ok(V::Value::default())
    }
}

/// Reads a `Vec` from a list.
struct VecOf<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for VecOf<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
        Vec::<T>::deserialize(de::value::SeqAccessDeserializer::new(seq))
    }
}

impl<T: DeserializeOwned> Field for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListOrEmpty(VecOf(PhantomData)))
    }

    fn omit(&self) -> bool {
        self.is_empty()
    }
}

/// A JSON object kept as it is (an event's payload): Slack writes an empty one as `[]` (or
/// `false`, `""`), which reads as an empty map.
impl Field for Map<String, Value> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Map::<String, Value>::deserialize(deserializer)
    }

    const OBJECT: bool = true;
}

/// A map keyed by id; like [`Map`], empty when Slack writes `[]`, `false` or `""`.
impl<T: DeserializeOwned> Field for BTreeMap<String, T> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::<String, T>::deserialize(deserializer)
    }

    const OBJECT: bool = true;
}

/// Integers read from a number, a string of digits, or an integral float.
struct Int<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for Int<T>
where
    T: TryFrom<i64> + TryFrom<u64> + std::str::FromStr,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer (or a string of one)")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // `as` saturates; the round trip checks the value was an integer in range.
        let whole = v as i64;
        if whole as f64 == v {
            self.visit_i64(whole)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.trim()
            .parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

macro_rules! int_field {
    ($($ty:ty),*) => {
        $(
            impl Field for $ty {
                fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.deserialize_any(Int::<$ty>(PhantomData))
                }
            }
        )*
    };
}

int_field!(i64, u64, i32, u32);

impl Field for f64 {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Float;
        impl Visitor<'_> for Float {
            type Value = f64;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number (or a string of one)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
                Ok(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
                Ok(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
                Ok(v)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
                v.trim()
                    .parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(Float)
    }
}

/// Slack's profile `fields` is an object keyed by field id, an empty array, or `null`: an object
/// reads as a map, anything else as an empty map. A key whose value is `null` has no value and is
/// left out.
#[doc(hidden)]
pub fn map_or_empty<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct MapOrEmpty<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for MapOrEmpty<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object, an array or null")
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<String, Option<V>>()? {
                if let Some(value) = value {
                    out.insert(key, value);
                }
            }
            Ok(out)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(BTreeMap::new())
        }
        crate::types::de::ignore_scalars!(BTreeMap::new(), str);
    }
    deserializer.deserialize_any(MapOrEmpty(PhantomData))
}

/// Declares a Slack object type: the struct with public fields and an `extra` map, a
/// `Deserialize` that reads known keys straight into their fields and keeps only the unknown ones,
/// a `Serialize` that writes the fields (leaving out `None` and empty lists) and then `extra`, and,
/// when the object has required fields, a `new` taking them.
///
/// Not a public API: the grammar may change. Fields are written
/// `pub name: Type [= "wire_key"] [=> reader_fn] [| always],`; fields in a leading
/// `required { ... }` group fail the object when missing or `null`, every other field falls back
/// to its `Default`; `| always` writes a field even when it is empty (a list Slack requires, if
/// only as `[]`). Field types implement [`Field`](crate::types::__private::Field).
#[doc(hidden)]
#[macro_export]
macro_rules! slack_object {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $(required {
                $(
                    $(#[$rattr:meta])*
                    pub $rfield:ident : $rty:ty $(= $rkey:literal)? $(=> $rwith:path)?
                ),* $(,)?
            })?
            $(
                $(#[$fattr:meta])*
                pub $field:ident : $ty:ty $(= $key:literal)? $(=> $with:path)? $(| $always:ident)?
            ),* $(,)?
        }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($(
                $(#[$rattr])*
                pub $rfield: $rty,
            )*)?
            $(
                $(#[$fattr])*
                pub $field: $ty,
            )*
            /// Every field Slack sent that this type does not name, as Slack sent it.
            pub extra: $crate::types::__private::Map<::std::string::String, $crate::types::__private::Value>,
        }

        $crate::slack_object!(@new $name [$($($rfield : $rty),*)?] [$($field),*]);

        impl<'de> $crate::types::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::types::__private::serde::Deserializer<'de>,
            {
                struct ObjectVisitor;

                impl<'de> $crate::types::__private::serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(concat!("a Slack ", stringify!($name), " object"))
                    }

                    fn visit_map<A>(self, mut map: A) -> ::core::result::Result<$name, A::Error>
                    where
                        A: $crate::types::__private::serde::de::MapAccess<'de>,
                    {
                        $($(
                            let mut $rfield: ::core::option::Option<$rty> = None;
                        )*)?
                        $(
                            let mut $field: ::core::option::Option<$ty> = None;
                        )*
                        let mut extra = $crate::types::__private::Map::new();
                        while let Some(key) = $crate::types::__private::serde::de::MapAccess::next_key::<
                            $crate::types::__private::Key<'de>,
                        >(&mut map)? {
                            match key.as_str() {
                                $($(
                                    $crate::slack_object!(@key $rfield $($rkey)?) => {
                                        $rfield = $crate::slack_object!(@read map, $rty $(, $rwith)?);
                                    }
                                )*)?
                                $(
                                    $crate::slack_object!(@key $field $($key)?) => {
                                        $field = $crate::slack_object!(@read map, $ty $(, $with)?);
                                    }
                                )*
                                _ => {
                                    let value = $crate::types::__private::serde::de::MapAccess::next_value::<
                                        $crate::types::__private::Value,
                                    >(&mut map)?;
                                    extra.insert(key.into_string(), value);
                                }
                            }
                        }
                        Ok($name {
                            $($(
                                $rfield: match $rfield {
                                    Some(value) => value,
                                    None => {
                                        return Err(<A::Error as $crate::types::__private::serde::de::Error>::missing_field(
                                            $crate::slack_object!(@key $rfield $($rkey)?),
                                        ))
                                    }
                                },
                            )*)?
                            $(
                                $field: $field.unwrap_or_default(),
                            )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }

        impl $crate::types::__private::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::types::__private::serde::Serializer,
            {
                use $crate::types::__private::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $($(
                    if !$crate::types::__private::Field::omit(&self.$rfield) {
                        map.serialize_entry($crate::slack_object!(@key $rfield $($rkey)?), &self.$rfield)?;
                    }
                )*)?
                $(
                    if $crate::slack_object!(@written &self.$field $(, $always)?) {
                        map.serialize_entry($crate::slack_object!(@key $field $($key)?), &self.$field)?;
                    }
                )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl $crate::types::__private::Field for $name {
            fn read<'de, D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::types::__private::serde::Deserializer<'de>,
            {
                <$name as $crate::types::__private::serde::Deserialize>::deserialize(deserializer)
            }

            const OBJECT: bool = true;
        }
    };

    (@written $value:expr) => { !$crate::types::__private::Field::omit($value) };
    (@written $value:expr, always) => { true };

    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };

    (@read $map:ident, $ty:ty) => {
        $crate::types::__private::serde::de::MapAccess::next_value_seed(
            &mut $map,
            $crate::types::__private::FieldSeed::<$ty>::NEW,
        )?
    };
    (@read $map:ident, $ty:ty, $with:path) => {{
        struct WithSeed;
        impl<'de> $crate::types::__private::serde::de::DeserializeSeed<'de> for WithSeed {
            type Value = ::core::option::Option<$ty>;
            fn deserialize<D>(self, deserializer: D) -> ::core::result::Result<Self::Value, D::Error>
            where
                D: $crate::types::__private::serde::Deserializer<'de>,
            {
                $with(deserializer).map(Some)
            }
        }
        $crate::types::__private::serde::de::MapAccess::next_value_seed(&mut $map, WithSeed)?
    }};

    (@new $name:ident [] [$($field:ident),*]) => {};
    (@new $name:ident [$($rfield:ident : $rty:ty),+] [$($field:ident),*]) => {
        impl $name {
            #[doc = concat!(
                "A `", stringify!($name), "` with its required fields; every other field is empty ",
                "(`None`, `\"\"`, `false`, `0`, an empty list)."
            )]
            pub fn new($($rfield: $rty),+) -> Self {
                $name {
                    $($rfield,)+
                    $($field: ::core::default::Default::default(),)*
                    extra: $crate::types::__private::Map::new(),
                }
            }
        }
    };
}

/// Declares a string enum Slack may extend: known values as variants, anything else kept in
/// `Other`, read and written as the string. Exported (hidden) for the bindings' own value
/// sets in the root crate.
#[macro_export]
#[doc(hidden)]
macro_rules! slack_enum {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $(
                $(#[$vattr:meta])*
                $variant:ident = $text:literal,
            )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$vattr])*
                $variant,
            )*
            /// A value this crate does not know yet, as Slack sent it. Build values with
            #[doc = concat!("`", stringify!($name), "::from(text)`, which picks a known variant when there is one.")]
            Other(::std::string::String),
        }

        impl $name {
            /// The value as Slack writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Other(text) => text,
                }
            }
        }

        impl ::core::convert::From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $($text => $name::$variant,)*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl ::core::convert::From<::std::string::String> for $name {
            fn from(text: ::std::string::String) -> Self {
                match $name::from(text.as_str()) {
                    $name::Other(_) => $name::Other(text),
                    known => known,
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::types::__private::serde::Serialize for $name {
            fn serialize<S: $crate::types::__private::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::types::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::types::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct EnumVisitor;
                impl $crate::types::__private::serde::de::Visitor<'_> for EnumVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: $crate::types::__private::serde::de::Error>(self, text: &str) -> ::core::result::Result<$name, E> {
                        Ok($name::from(text))
                    }
                    fn visit_string<E: $crate::types::__private::serde::de::Error>(self, text: String) -> ::core::result::Result<$name, E> {
                        Ok($name::from(text))
                    }
                }
                deserializer.deserialize_str(EnumVisitor)
            }
        }

        impl $crate::types::__private::Field for $name {
            fn read<'de, D: $crate::types::__private::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                <$name as $crate::types::__private::serde::Deserialize>::deserialize(deserializer)
            }
        }
    };
}

#[cfg(test)]
mod php_tests {
    use crate::types::{Conversation, Message, Team, User, View};
    use serde_json::json;

    /// Every list field reads `{}`, `false` and `""` as empty, the lists that keep odd elements
    /// ([`List`](crate::types::List)) and blocks included; a list with items still reads, and
    /// what is not a "none" still fails.
    #[test]
    fn php_shaped_empty_lists_read_as_empty() {
        for none in [json!({}), json!(false), json!("")] {
            let message: Message = serde_json::from_value(json!({
                "ts": "1512085950.000216", "text": "hi", "files": none.clone(),
                "reactions": none.clone(), "blocks": none.clone(), "attachments": none.clone()
            }))
            .unwrap_or_else(|err| panic!("{none}: {err}"));
            assert_eq!(message.text, "hi");
            assert!(message.files.is_empty() && message.reactions.is_empty());
            assert!(message.blocks.is_empty() && message.attachments.is_empty());
            let view: View = serde_json::from_value(json!({"id": "V0123ABCD", "blocks": none}))
                .unwrap_or_else(|err| panic!("{err}"));
            assert!(view.blocks.is_empty());
        }
        let message: Message = serde_json::from_value(json!({
            "ts": "1512085950.000216",
            "reactions": [{"name": "wave", "count": 1, "users": ["U0123ABCD"]}, 7],
            "blocks": [{"type": "divider"}]
        }))
        .unwrap();
        assert_eq!(message.reactions.first().unwrap().name, "wave");
        assert_eq!(message.reactions.unparsed().count(), 1);
        assert_eq!(message.blocks[0].block_type(), "divider");
        for odd in [
            json!({"ts": "1.000001", "reactions": {"wave": 1}}),
            json!({"ts": "1.000001", "files": true}),
            json!({"ts": "1.000001", "blocks": "divider"}),
        ] {
            assert!(
                serde_json::from_value::<Message>(odd.clone()).is_err(),
                "{odd}"
            );
        }
    }

    /// Slack writes `""` for an id or timestamp that is not there (a topic nobody set, a bot's
    /// message in search results): an optional one reads as `None`, and one that is there still
    /// reads, from a string or (a timestamp) a number.
    #[test]
    fn empty_ids_and_timestamps_are_none() {
        let channel: Conversation = serde_json::from_value(json!({
            "id": "C0123ABCD",
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "Ops", "creator": "U0123ABCD", "last_set": 1},
            "creator": "", "last_read": "", "context_team_id": null
        }))
        .unwrap();
        assert_eq!(channel.topic.as_ref().unwrap().creator, None);
        assert_eq!(
            channel.purpose.as_ref().unwrap().creator.as_ref().unwrap(),
            "U0123ABCD"
        );
        assert_eq!(channel.creator, None);
        assert_eq!(channel.last_read, None);
        assert_eq!(channel.context_team_id, None);
        let message: Message = serde_json::from_value(json!({
            "ts": "1512085950.000216", "user": "", "bot_id": "", "thread_ts": "",
            "latest_reply": 1512085951, "team": "T0123ABCD"
        }))
        .unwrap();
        assert_eq!(message.user, None);
        assert_eq!(message.bot_id, None);
        assert_eq!(message.thread_ts, None);
        assert!(!message.is_reply() && !message.is_thread_parent());
        assert_eq!(message.latest_reply.as_ref().unwrap(), "1512085951");
        assert_eq!(message.team.as_ref().unwrap(), "T0123ABCD");
        // What is not text fails as it did.
        assert!(serde_json::from_value::<Message>(json!({"ts": "1.000001", "user": 7})).is_err());
        // An id an object cannot be without is still required to be there.
        let odd = serde_json::from_value::<User>(json!({"name": "jane"}));
        assert!(odd.is_err());
    }

    /// Slack writes "none" the PHP way in places: `false`, `[]` or `""` for an absent object, and
    /// `{}` for an empty list. Each reads as absent or empty, and costs nothing else.
    #[test]
    fn php_shaped_nones_read_as_absent() {
        for none in [json!(false), json!([]), json!("")] {
            let user: User = serde_json::from_value(json!({
                "id": "U0123ABCD", "name": "jane", "profile": none.clone(),
                "enterprise_user": none.clone(), "teams": {}
            }))
            .unwrap_or_else(|err| panic!("{none}: {err}"));
            assert_eq!(user.name, "jane");
            assert!(user.enterprise_user.is_none());
            assert!(user.teams.is_empty());
            let channel: Conversation = serde_json::from_value(json!({
                "id": "C0123ABCD", "name": "general", "topic": none.clone(), "members": {}
            }))
            .unwrap_or_else(|err| panic!("{none}: {err}"));
            assert_eq!(channel.name, "general");
            assert!(channel.topic.is_none() && channel.members.is_empty());
            let team: Team = serde_json::from_value(json!({"id": "T0123ABCD", "icon": none}))
                .unwrap_or_else(|err| panic!("{err}"));
            assert_eq!(team.id.as_str(), "T0123ABCD");
        }
        // An object kept as JSON (an event's payload) written the PHP way is empty.
        for none in [json!([]), json!(false), json!("")] {
            let message: Message = serde_json::from_value(json!({
                "ts": "1512085950.000216", "text": "hi",
                "metadata": {"event_type": "task_created", "event_payload": none}
            }))
            .unwrap_or_else(|err| panic!("{err}"));
            let metadata = message.metadata.unwrap();
            assert_eq!(metadata.event_type, "task_created");
            assert!(metadata.event_payload.is_empty());
        }
        for odd in [
            json!({"ts": "1.2", "metadata": {"event_payload": [1]}}),
            json!({"ts": "1.2", "metadata": {"event_payload": true}}),
        ] {
            assert!(
                serde_json::from_value::<Message>(odd.clone()).is_err(),
                "{odd}"
            );
        }
        // What is not a "none" still fails: a `true`, a list with items, a map with keys where a
        // list belongs.
        for odd in [
            json!({"id": "C0123ABCD", "topic": true}),
            json!({"id": "C0123ABCD", "topic": [1]}),
            json!({"id": "C0123ABCD", "members": {"a": 1}}),
            json!({"id": "C0123ABCD", "topic": "x"}),
        ] {
            assert!(
                serde_json::from_value::<Conversation>(odd.clone()).is_err(),
                "{odd}"
            );
        }
    }
}
