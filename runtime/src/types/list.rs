//! [`List`]: a list of Slack objects in which one odd element never fails the whole list.

use super::de::{Field, Key, ListOrEmpty};
use serde::de::value::SeqAccessDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess,
    Visitor,
};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A list of objects from a response, read one element at a time: an element that does not fit
/// `T` (a field of a new type, a number where a string was, a missing id) is kept as
/// [`Unparsed`], with its raw JSON and the reason, and the others still parse.
///
/// Iterating a `List` gives the parsed elements; [`List::unparsed`] gives the odd ones, and
/// [`List::items`] both, in Slack's order.
///
/// ```
/// use slack_methods_runtime::types::{List, Reaction};
/// let reactions: List<Reaction> = serde_json::from_str(
///     r#"[{"name":"tada","count":2,"users":["U1","U2"]},
///         {"name":"eyes","count":"lots"},
///         {"name":"+1","count":1,"users":["U3"]}]"#,
/// )?;
/// let names: Vec<&str> = reactions.iter().map(|r| r.name.as_str()).collect();
/// assert_eq!(names, ["tada", "+1"]);
/// assert_eq!(reactions.len(), 3);
/// let odd = reactions.unparsed().next().unwrap();
/// assert_eq!(odd.to_value()["count"], "lots");
/// assert!(odd.error().contains("integer"), "{}", odd.error());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct List<T> {
    items: Vec<Item<T>>,
}

/// One element of a [`List`]: parsed into `T`, or kept as Slack sent it.
#[derive(Clone, Debug, PartialEq)]
pub enum Item<T> {
    /// The element, typed.
    Parsed(T),
    /// An element that did not fit the type.
    Unparsed(Unparsed),
}

/// An element that did not fit its type: its JSON as Slack sent it, and why it did not fit.
#[derive(Clone)]
pub struct Unparsed {
    raw: Box<RawValue>,
    error: String,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List { items: Vec::new() }
    }
}

impl<T> List<T> {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every element, in order, parsed or not.
    pub fn items(&self) -> &[Item<T>] {
        &self.items
    }

    /// The elements, in order, parsed or not.
    pub fn into_items(self) -> Vec<Item<T>> {
        self.items
    }

    /// The number of elements, parsed or not.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list has no element at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The parsed elements, in order.
    pub fn iter(&self) -> Parsed<'_, T> {
        Parsed {
            items: self.items.iter(),
        }
    }

    /// The parsed elements, mutably.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.items.iter_mut().filter_map(|item| match item {
            Item::Parsed(value) => Some(value),
            Item::Unparsed(_) => None,
        })
    }

    /// The elements that did not fit `T`.
    pub fn unparsed(&self) -> impl Iterator<Item = &Unparsed> {
        self.items.iter().filter_map(|item| match item {
            Item::Parsed(_) => None,
            Item::Unparsed(odd) => Some(odd),
        })
    }

    /// Whether every element parsed.
    pub fn is_complete(&self) -> bool {
        self.items
            .iter()
            .all(|item| matches!(item, Item::Parsed(_)))
    }

    /// The first parsed element.
    pub fn first(&self) -> Option<&T> {
        self.iter().next()
    }

    /// Appends a parsed element.
    pub fn push(&mut self, value: T) {
        self.items.push(Item::Parsed(value));
    }

    /// The parsed elements, leaving out the ones that did not fit (check [`List::unparsed`] or
    /// [`List::is_complete`] first if they matter).
    pub fn into_parsed(self) -> Vec<T> {
        self.items
            .into_iter()
            .filter_map(|item| match item {
                Item::Parsed(value) => Some(value),
                Item::Unparsed(_) => None,
            })
            .collect()
    }
}

impl<T> Item<T> {
    /// The parsed element, if it parsed.
    pub fn parsed(&self) -> Option<&T> {
        match self {
            Item::Parsed(value) => Some(value),
            Item::Unparsed(_) => None,
        }
    }

    /// The parsed element, by value, if it parsed.
    pub fn into_parsed(self) -> Option<T> {
        match self {
            Item::Parsed(value) => Some(value),
            Item::Unparsed(_) => None,
        }
    }

    /// The element that did not fit, if it did not.
    pub fn unparsed(&self) -> Option<&Unparsed> {
        match self {
            Item::Parsed(_) => None,
            Item::Unparsed(odd) => Some(odd),
        }
    }
}

impl Unparsed {
    /// The element's JSON text: exactly as Slack sent it when the list was read from bytes by
    /// serde_json (as responses are); written anew when it was read through another deserializer
    /// (a `serde_json::Value`, a `#[serde(flatten)]` part).
    pub fn json(&self) -> &str {
        self.raw.get()
    }

    /// The element as a JSON value. The text was read as JSON once already, so it reads again,
    /// with one exception: a string holding a lone surrogate escape (`"\ud83d"`), which the
    /// first, raw reading lets through and a value cannot hold. That element is `Value::Null`
    /// here; [`json`](Self::json) still has its text.
    pub fn to_value(&self) -> Value {
        serde_json::from_str(self.raw.get()).unwrap_or(Value::Null)
    }

    /// Reads the element into another type (a newer version of the type, or a map).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.raw.get())
    }

    /// Why the element did not fit its type.
    pub fn error(&self) -> &str {
        &self.error
    }
}

impl fmt::Debug for Unparsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unparsed")
            .field("json", &self.raw.get())
            .field("error", &self.error)
            .finish()
    }
}

impl PartialEq for Unparsed {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get() && self.error == other.error
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(values: Vec<T>) -> Self {
        List {
            items: values.into_iter().map(Item::Parsed).collect(),
        }
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List {
            items: iter.into_iter().map(Item::Parsed).collect(),
        }
    }
}

impl<T> Extend<T> for List<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        self.items.extend(iter.into_iter().map(Item::Parsed));
    }
}

/// The parsed elements of a [`List`], in order.
#[derive(Clone, Debug)]
pub struct Parsed<'a, T> {
    items: std::slice::Iter<'a, Item<T>>,
}

impl<'a, T> Iterator for Parsed<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.items.by_ref().find_map(Item::parsed)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, self.items.size_hint().1)
    }
}

impl<T> DoubleEndedIterator for Parsed<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        while let Some(item) = self.items.next_back() {
            if let Item::Parsed(value) = item {
                return Some(value);
            }
        }
        None
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = Parsed<'a, T>;

    fn into_iter(self) -> Parsed<'a, T> {
        self.iter()
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

/// Reads a [`List`] from a JSON array.
struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        // Each element is taken whole first, so an element that does not fit `T` stops
        // only its own parse.
        while let Some(element) = seq.next_element_seed(ElementSeed)? {
            items.push(match element {
                Element::Text(text) => match serde_json::from_str::<T>(&text) {
                    Ok(value) => Item::Parsed(value),
                    Err(err) => Item::Unparsed(Unparsed {
                        error: err.to_string(),
                        raw: RawValue::from_string(text.into_owned()).map_err(A::Error::custom)?,
                    }),
                },
                Element::Value(json) => match T::deserialize(&json) {
                    Ok(value) => Item::Parsed(value),
                    Err(err) => Item::Unparsed(Unparsed {
                        error: err.to_string(),
                        raw: serde_json::value::to_raw_value(&json).map_err(A::Error::custom)?,
                    }),
                },
            });
        }
        Ok(List { items })
    }
}

/// The name under which serde_json hands out an element's raw text (the protocol of its
/// `RawValue`). Should serde_json ever change it, elements are read as [`Value`]s instead: slower,
/// with the same results (a test checks that the fast path is the one taken).
const RAW_TEXT: &str = "$serde_json::private::RawValue";

/// One element of a list, taken whole: its JSON text when the deserializer is serde_json's
/// (borrowed from the input when it can be), otherwise its value.
enum Element<'de> {
    Text(Cow<'de, str>),
    Value(Value),
}

struct ElementSeed;

impl<'de> DeserializeSeed<'de> for ElementSeed {
    type Value = Element<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Element<'de>, D::Error> {
        deserializer.deserialize_newtype_struct(RAW_TEXT, ElementVisitor)
    }
}

struct ElementVisitor;

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    /// serde_json's raw text: a map of one entry, `RAW_TEXT` to the text. A deserializer that
    /// reads the element itself as a map lands here too, with other keys.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element<'de>, A::Error> {
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return Ok(Element::Value(Value::Object(Map::new())));
        };
        if first.as_str() == RAW_TEXT {
            return Ok(Element::Text(map.next_value::<Text<'de>>()?.0));
        }
        let mut object = Map::new();
        object.insert(first.into_string(), map.next_value()?);
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        Ok(Element::Value(Value::Object(object)))
    }

    /// Any other deserializer: the element itself.
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Element<'de>, D::Error> {
        Value::deserialize(deserializer).map(Element::Value)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element<'de>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Element::Value)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Element<'de>, E> {
        Ok(Element::Value(v.into()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Element<'de>, E> {
        Ok(Element::Value(Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Element<'de>, E> {
        Ok(Element::Value(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Element<'de>, D::Error> {
        Value::deserialize(deserializer).map(Element::Value)
    }
}

/// A string, borrowed from the input when it can be.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for item in &self.items {
            match item {
                Item::Parsed(value) => seq.serialize_element(value)?,
                Item::Unparsed(odd) => seq.serialize_element(&odd.raw)?,
            }
        }
        seq.end()
    }
}

impl<T: DeserializeOwned> Field for List<T> {
    /// As every list field: `{}`, `false` or `""` is an empty list.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListOrEmpty(ListVisitor(PhantomData)))
    }

    fn omit(&self) -> bool {
        self.is_empty()
    }
}
