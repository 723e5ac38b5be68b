//! Pieces of Slack's responses shared by many methods: [`ResponseMetadata`] and [`Paging`].

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

crate::slack_object! {
    /// `response_metadata`: the cursor of the next page, and Slack's warnings and messages.
    ///
    /// The runtime already reads it for every call
    /// ([`SlackResponse::next_cursor`](crate::SlackResponse::next_cursor) and
    /// [`warnings`](crate::SlackResponse::warnings)); a response type declares it when it wants
    /// the rest.
    ///
    /// ```
    /// use slack_methods_runtime::types::ResponseMetadata;
    /// let meta: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":"dXNlcjpVMEc5V0ZYTlo="}"#)?;
    /// assert_eq!(meta.next_cursor(), Some("dXNlcjpVMEc5V0ZYTlo="));
    /// let last: ResponseMetadata = serde_json::from_str(r#"{"next_cursor":""}"#)?;
    /// assert_eq!(last.next_cursor(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ResponseMetadata {
        /// The cursor of the next page as Slack wrote it (a number is kept as its text); empty on
        /// the last page. [`ResponseMetadata::next_cursor`] reads it as an `Option`.
        pub next_cursor: String => cursor,
        /// Warnings, such as `method_deprecated`.
        pub warnings: Vec<String>,
        /// Explanations, mostly of errors (`[ERROR] missing required field: title`).
        pub messages: Vec<String>,
    }
}

impl ResponseMetadata {
    /// The cursor of the next page; `None` on the last page.
    pub fn next_cursor(&self) -> Option<&str> {
        Some(self.next_cursor.as_str()).filter(|cursor| !cursor.is_empty())
    }
}

/// A cursor: a string, or a number (as some servers write it) kept as its text.
fn cursor<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct CursorVisitor;
    impl Visitor<'_> for CursorVisitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a cursor string or number")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_owned())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    deserializer.deserialize_any(CursorVisitor)
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
