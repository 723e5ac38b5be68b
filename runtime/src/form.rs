//! Form encoding of method parameters: `name=value&...`, percent-encoded.
//!
//! Plain values go through [`FormValue`]: strings as they are, bools as `true`/`false`, numbers in
//! decimal, lists joined by commas, `None` left out. Values Slack wants as JSON text inside a form
//! field (`users.profile.set`'s `profile`) go through [`FormEncoder::append_json`].

use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::fmt;

/// A parameter value could not be encoded. Why is the `source()` (serde_json's error).
#[derive(Debug, thiserror::Error)]
#[error("parameter `{field}` could not be written as JSON")]
pub struct EncodeError {
    field: &'static str,
    #[source]
    source: serde_json::Error,
}

impl EncodeError {
    /// The wire name of the parameter that failed.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

/// Builds a form-urlencoded parameter string.
///
/// ```
/// use slack_methods_runtime::FormEncoder;
/// let mut form = FormEncoder::new();
/// form.append("name", &"first_name");
/// form.append("value", &Some("Zoë & co"));
/// form.append("user", &None::<String>);
/// assert_eq!(form.finish(), "name=first_name&value=Zo%C3%AB+%26+co");
/// ```
pub struct FormEncoder {
    buf: String,
}

impl Default for FormEncoder {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for FormEncoder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormEncoder")
            .field("len", &self.buf.len())
            .finish_non_exhaustive()
    }
}

/// Appends `bytes` to `out` encoded as `application/x-www-form-urlencoded` does it (the same
/// output as `form_urlencoded::byte_serialize`): `A`–`Z`, `a`–`z`, `0`–`9`, `*`, `-`, `.` and `_`
/// as they are, space as `+`, every other byte as `%XX` (upper-case hex). One pass, no iterator
/// of pieces: this runs on every parameter of every call.
fn encode_into(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(bytes.len());
    for &byte in bytes {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
}

/// Percent-encodes (form style) whatever is written to it onto a string. Encoding works on bytes,
/// so writes may split a character anywhere.
struct PercentWriter<'a>(&'a mut String);

impl std::io::Write for PercentWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        encode_into(self.0, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl FormEncoder {
    /// An empty form.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// An empty form whose buffer holds `capacity` bytes before it grows.
    pub fn with_capacity(capacity: usize) -> Self {
        FormEncoder {
            buf: String::with_capacity(capacity),
        }
    }

    fn start_pair(&mut self, name: &str) {
        if !self.buf.is_empty() {
            self.buf.push('&');
        }
        encode_into(&mut self.buf, name.as_bytes());
        self.buf.push('=');
    }

    /// Appends one pair, percent-encoding both sides.
    pub fn append_pair(&mut self, name: &str, value: &str) {
        self.start_pair(name);
        encode_into(&mut self.buf, value.as_bytes());
    }

    /// Appends `value` under `name`, or nothing when the value is absent (`None`, an empty list).
    pub fn append<V: FormValue + ?Sized>(&mut self, name: &str, value: &V) {
        if let Some(text) = value.form_value() {
            self.append_pair(name, &text);
        }
    }

    /// Appends `value` written as compact JSON text, as Slack wants for fields such as
    /// `users.profile.set`'s `profile`. The JSON is percent-encoded as it is written, with no
    /// intermediate copy; on failure the form is left as it was.
    ///
    /// A value written as JSON `null` is left out, as an absent value is by
    /// [`append`](Self::append): `None` reaches here as `null` when the field's `Option` is behind
    /// a type alias the macro cannot see through, and Slack reads `null` as text, not as absence.
    ///
    /// ```
    /// use slack_methods_runtime::FormEncoder;
    /// type MaybeIds = Option<Vec<String>>;
    /// let mut form = FormEncoder::new();
    /// let absent: MaybeIds = None;
    /// form.append_json("ids", &absent)?;
    /// form.append_json("flags", &Some([true]))?;
    /// assert_eq!(form.finish(), "flags=%5Btrue%5D");
    /// # Ok::<(), slack_methods_runtime::EncodeError>(())
    /// ```
    pub fn append_json<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        let mark = self.buf.len();
        self.start_pair(name);
        let start = self.buf.len();
        serde_json::to_writer(PercentWriter(&mut self.buf), value).map_err(|source| {
            self.buf.truncate(mark);
            EncodeError {
                field: name,
                source,
            }
        })?;
        // `null` has no character that percent-encoding changes.
        if &self.buf[start..] == "null" {
            self.buf.truncate(mark);
        }
        Ok(())
    }

    /// Whether nothing has been appended.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The encoded form, e.g. `a=1&b=two`.
    pub fn finish(self) -> String {
        self.buf
    }
}

/// A value that can be sent as one form field.
///
/// Implemented for strings, `bool`, the integer and float types (`NonZeroU32` and `NonZeroU64`
/// too), the typed ids, `Option<T>` (`None` is left out) and lists (`Vec<T>`, slices, arrays,
/// `BTreeSet<T>`, `HashSet<T>`: joined by commas, left out when empty). For anything else,
/// mark the field `#[slack(json)]` to send it as JSON text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a Slack form field",
    label = "this type has no form encoding",
    note = "use a string, bool, number, typed id, or a list or `Option` of those; or add `#[slack(json)]` to send the field as JSON text"
)]
pub trait FormValue {
    /// The field's text, or `None` to leave the field out.
    fn form_value(&self) -> Option<Cow<'_, str>>;
}

impl FormValue for str {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl FormValue for String {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl FormValue for Cow<'_, str> {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl FormValue for bool {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(if *self { "true" } else { "false" }))
    }
}

macro_rules! display_form_value {
    ($($ty:ty),*) => {$(
        impl FormValue for $ty {
            fn form_value(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Owned(self.to_string()))
            }
        }
    )*};
}

display_form_value!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);
display_form_value!(std::num::NonZeroU32, std::num::NonZeroU64);

impl<T: FormValue + ?Sized> FormValue for &T {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        (**self).form_value()
    }
}

/// A value behind a `Box`, `Rc` or `Arc` (`Arc<str>`, `Box<str>`) is sent as the value itself.
macro_rules! pointer_form_value {
    ($($pointer:ident)::+) => {
        impl<T: FormValue + ?Sized> FormValue for $($pointer)::+<T> {
            fn form_value(&self) -> Option<Cow<'_, str>> {
                (**self).form_value()
            }
        }
    };
}

pointer_form_value!(Box);
pointer_form_value!(std::rc::Rc);
pointer_form_value!(std::sync::Arc);

impl<T: FormValue> FormValue for Option<T> {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        self.as_ref().and_then(FormValue::form_value)
    }
}

/// The items' texts joined by commas (items with no text left out); `None` when none has text.
fn join_items<'a, T: FormValue + 'a>(
    items: impl IntoIterator<Item = &'a T>,
) -> Option<Cow<'a, str>> {
    let mut joined = String::new();
    let mut any = false;
    for item in items {
        if let Some(text) = item.form_value() {
            if any {
                joined.push(',');
            }
            joined.push_str(&text);
            any = true;
        }
    }
    any.then_some(Cow::Owned(joined))
}

impl<T: FormValue> FormValue for [T] {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        join_items(self)
    }
}

impl<T: FormValue> FormValue for Vec<T> {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        self.as_slice().form_value()
    }
}

impl<T: FormValue, const N: usize> FormValue for [T; N] {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        self.as_slice().form_value()
    }
}

/// A sorted set goes out in its order, so the same set always makes the same request.
impl<T: FormValue> FormValue for BTreeSet<T> {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        join_items(self)
    }
}

/// A hash set goes out in its iteration order, which differs between runs: Slack's lists
/// (users to invite, channels to share) do not depend on order, but a test that compares request
/// bodies does; use a `BTreeSet` (sorted) or a `Vec` there.
impl<T: FormValue, S> FormValue for HashSet<T, S> {
    fn form_value(&self) -> Option<Cow<'_, str>> {
        join_items(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_matches_form_urlencoded_byte_for_byte() {
        let every_byte: Vec<u8> = (0..=255).collect();
        let samples: [&[u8]; 5] = [
            &every_byte,
            b"",
            "riding a train \u{1f682} \u{e9}t\u{e9} *-._~!'()".as_bytes(),
            br#"{"status_text":"a+b=c&d","status_emoji":":train:"}"#,
            b"%41%%zz +",
        ];
        for bytes in samples {
            let mut ours = String::from("x=");
            encode_into(&mut ours, bytes);
            let reference: String = form_urlencoded::byte_serialize(bytes).collect();
            assert_eq!(ours, format!("x={reference}"));
        }
    }

    #[test]
    fn plain_values() {
        let mut form = FormEncoder::new();
        form.append("s", "a b");
        form.append("t", &true);
        form.append("f", &false);
        form.append("n", &-42i64);
        form.append("x", &1.5f64);
        form.append("l", &vec!["C1", "C2"]);
        form.append("e", &Vec::<String>::new());
        form.append("b", &std::collections::BTreeSet::from(["U2", "U1"]));
        form.append("h", &std::collections::HashSet::from(["U3"]));
        form.append("g", &std::collections::HashSet::<u8>::new());
        form.append("o", &None::<u32>);
        form.append("p", &Some(7u8));
        assert_eq!(
            form.finish(),
            "s=a+b&t=true&f=false&n=-42&x=1.5&l=C1%2CC2&b=U1%2CU2&h=U3&p=7"
        );
    }

    #[test]
    fn json_is_compact_and_escaped() {
        let mut form = FormEncoder::new();
        let value = serde_json::json!({"status_text": "50% & \"more\""});
        form.append_json("profile", &value).unwrap();
        assert_eq!(
            form.finish(),
            "profile=%7B%22status_text%22%3A%2250%25+%26+%5C%22more%5C%22%22%7D"
        );
    }

    #[test]
    fn json_null_is_left_out() {
        let mut form = FormEncoder::new();
        form.append_json("a", &None::<u8>).unwrap();
        assert!(form.is_empty());
        form.append("b", "1");
        form.append_json("c", &()).unwrap();
        form.append_json("d", &Some(serde_json::Value::Null))
            .unwrap();
        form.append_json("e", "null").unwrap();
        assert_eq!(form.finish(), "b=1&e=%22null%22");
    }

    #[test]
    fn json_failure_names_the_field() {
        use std::collections::BTreeMap;
        let mut bad = BTreeMap::new();
        bad.insert(vec![1u8], 1);
        let mut form = FormEncoder::new();
        let err = form.append_json("profile", &bad).unwrap_err();
        assert_eq!(err.field(), "profile");
        assert!(form.is_empty());
        form.append("a", "1");
        let _ = form.append_json("profile", &bad).unwrap_err();
        assert_eq!(form.finish(), "a=1");
    }
}
