//! Deserializers that keep Slack's loosely typed fields usable.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// A string Slack documents as required: missing or `null` reads as empty.
pub(crate) fn string_or_null<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

/// Slack's `fields` is an object keyed by field id, an empty array, or `null`: an object reads as
/// a map, anything else as an empty map.
pub(crate) fn map_or_empty<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw<V> {
        Map(BTreeMap<String, V>),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Raw::<V>::deserialize(deserializer)? {
        Raw::Map(map) => map,
        Raw::Other(_) => BTreeMap::new(),
    })
}
