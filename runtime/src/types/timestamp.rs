//! [`Timestamp`]: Slack's `ts`, the id of a message within its conversation.

use super::de::Field;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A Slack timestamp such as `1512085950.000216`: seconds since the Unix epoch, a dot, and a
/// 6-digit sequence. It names a message within its conversation (`ts`, `thread_ts`), so it is kept
/// as the exact text Slack sent, and compared by its numeric value. As a parameter it is sent
/// the way Slack writes it, with six digits after the dot, however it was written here
/// (`1512085950.0002` goes out as `1512085950.000200`): Slack names a message by that text.
///
/// ```
/// use slack_methods_runtime::types::Timestamp;
/// let first = Timestamp::new("1512085950.000216");
/// let later = Timestamp::from_parts(1512104434, 490);
/// assert_eq!(later.as_str(), "1512104434.000490");
/// assert!(first < later);
/// assert_eq!(first.seconds(), Some(1512085950));
/// assert_eq!(first.micros(), Some(216));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// Wraps a timestamp's text as it is (any text: Slack's shape is not checked, so a timestamp
    /// of a shape Slack introduces later still round-trips).
    pub fn new(text: impl Into<String>) -> Self {
        Timestamp(text.into())
    }

    /// The timestamp of `seconds` and the 6-digit sequence `micros` (taken modulo 1,000,000).
    pub fn from_parts(seconds: u64, micros: u32) -> Self {
        Timestamp(format!("{seconds}.{:06}", micros % 1_000_000))
    }

    /// The timestamp of a point in time, to the microsecond (`None` before 1970).
    pub fn from_system_time(time: SystemTime) -> Option<Self> {
        let since = time.duration_since(UNIX_EPOCH).ok()?;
        Some(Self::from_parts(since.as_secs(), since.subsec_micros()))
    }

    /// The text, as Slack wrote it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The whole seconds, when the text has Slack's shape.
    pub fn seconds(&self) -> Option<u64> {
        self.parts().map(|(seconds, _)| seconds)
    }

    /// The part after the dot as a number of microseconds, when the text has Slack's shape.
    pub fn micros(&self) -> Option<u32> {
        self.parts().map(|(_, micros)| micros)
    }

    /// The point in time, when the text has Slack's shape.
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let (seconds, micros) = self.parts()?;
        UNIX_EPOCH.checked_add(Duration::from_secs(seconds) + Duration::from_micros(micros.into()))
    }

    /// Whether the text is written as Slack writes it: seconds without a leading zero (but `0`
    /// itself), a dot and exactly six digits. (Its digits are checked by [`parts`](Self::parts).)
    fn is_slack_form(&self) -> bool {
        match self.0.split_once('.') {
            Some((seconds, fraction)) => {
                fraction.len() == 6 && (seconds.len() == 1 || !seconds.starts_with('0'))
            }
            None => false,
        }
    }

    /// Seconds and microseconds: digits, optionally a dot and up to 6 more digits.
    fn parts(&self) -> Option<(u64, u32)> {
        let (seconds, fraction) = match self.0.split_once('.') {
            Some((seconds, fraction)) => (seconds, fraction),
            None => (self.0.as_str(), ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if seconds.is_empty() || !digits(seconds) || !digits(fraction) || fraction.len() > 6 {
            return None;
        }
        let seconds = seconds.parse().ok()?;
        let mut micros = 0u32;
        for i in 0..6 {
            let digit = fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| u32::from(b - b'0'));
            micros = micros * 10 + digit;
        }
        Some((seconds, micros))
    }
}

impl Ord for Timestamp {
    /// By numeric value; texts that do not have Slack's shape sort after the others, by text.
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |ts: &Timestamp| match ts.parts() {
            Some((seconds, micros)) => (false, seconds, micros),
            None => (true, 0, 0),
        };
        key(self)
            .cmp(&key(other))
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::str::FromStr for Timestamp {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Timestamp::new(s))
    }
}

impl From<&str> for Timestamp {
    fn from(text: &str) -> Self {
        Timestamp::new(text)
    }
}

impl From<String> for Timestamp {
    fn from(text: String) -> Self {
        Timestamp(text)
    }
}

crate::ids::text_impls!(Timestamp, without_form_value);

impl crate::form::FormValue for Timestamp {
    /// Slack's own writing of the value: seconds, a dot and six digits. Slack finds a message by
    /// that text, so another writing of the same value (`1512085950.0002`, which is how a float
    /// prints `1512085950.000200`) is sent as `1512085950.000200`: as written, it would name no
    /// message. A text without Slack's shape is sent as it is.
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(match self.parts() {
            Some((seconds, micros)) if !self.is_slack_form() => {
                Cow::Owned(Timestamp::from_parts(seconds, micros).0)
            }
            _ => Cow::Borrowed(&self.0),
        })
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Reads a string as it is; a number (some payloads write one) as its decimal text.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TsVisitor;
        impl Visitor<'_> for TsVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Slack timestamp")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Ok(Timestamp::new(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Timestamp, E> {
                Ok(Timestamp(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
                Ok(Timestamp(format!("{v:.6}")))
            }
        }
        deserializer.deserialize_any(TsVisitor)
    }
}

impl Field for Timestamp {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Timestamp::deserialize(deserializer)
    }

    const EMPTY_IS_NONE: bool = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_value_and_keeps_the_text() {
        let mut stamps: Vec<Timestamp> = [
            "1483125339.020269",
            "999999999.5",
            "x",
            "1482960137.003543",
            "1483125339.02",
        ]
        .into_iter()
        .map(Timestamp::from)
        .collect();
        stamps.sort();
        let texts: Vec<&str> = stamps.iter().map(Timestamp::as_str).collect();
        assert_eq!(
            texts,
            [
                "999999999.5",
                "1482960137.003543",
                "1483125339.02",
                "1483125339.020269",
                "x"
            ]
        );
        assert_eq!(Timestamp::new("1483125339.02").micros(), Some(20_000));
        assert_eq!(Timestamp::new("1.1234567").seconds(), None);
        assert_eq!(Timestamp::new("").seconds(), None);
        // Equal values written differently are different timestamps, ordered by text.
        let (a, b) = (Timestamp::new("1.5"), Timestamp::new("1.500000"));
        assert_ne!(a, b);
        assert_eq!(a.cmp(&b), Ordering::Less);
    }

    #[test]
    fn sent_as_slack_writes_it() {
        use crate::form::FormValue;
        for (text, sent) in [
            ("1512085950.000216", "1512085950.000216"),
            ("1512085950.0002", "1512085950.000200"),
            ("1512085950.", "1512085950.000000"),
            ("1512085950", "1512085950.000000"),
            ("01512085950.000216", "1512085950.000216"),
            ("0.000001", "0.000001"),
            ("0", "0.000000"),
            ("1.1234567", "1.1234567"),
            ("x", "x"),
            ("", ""),
        ] {
            let ts = Timestamp::new(text);
            let form = ts.form_value().unwrap();
            assert_eq!(form, sent, "{text}");
            // Slack's own writing goes out as it is, without a copy.
            assert_eq!(matches!(form, Cow::Borrowed(_)), text == sent, "{text}");
        }
    }

    #[test]
    fn system_time_round_trip() {
        let ts = Timestamp::new("1512085950.000216");
        let time = ts.to_system_time().unwrap();
        assert_eq!(Timestamp::from_system_time(time).unwrap(), ts);
    }

    #[test]
    fn reads_strings_and_numbers() {
        let ts: Timestamp = serde_json::from_str("\"1512085950.000216\"").unwrap();
        assert_eq!(ts, "1512085950.000216");
        let ts: Timestamp = serde_json::from_str("1512085950").unwrap();
        assert_eq!(ts, "1512085950");
        let ts: Timestamp = serde_json::from_str("1512085950.5").unwrap();
        assert_eq!(ts, "1512085950.500000");
        assert!(serde_json::from_str::<Timestamp>("true").is_err());
        assert_eq!(serde_json::to_string(&ts).unwrap(), "\"1512085950.500000\"");
    }
}
