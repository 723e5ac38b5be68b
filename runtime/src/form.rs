//! Form encoding of method parameters: `name=value&...`, percent-encoded.
//!
//! Plain values go through [`FormValue`]: strings as they are, bools as `true`/`false`, numbers in
//! decimal, lists joined by commas, `None` left out. Values Slack wants as JSON text inside a form
//! field (`users.profile.set`'s `profile`) go through [`FormEncoder::append_json`]. A file's bytes
//! (`users.setPhoto`'s `image`) go through [`FormEncoder::append_file`]: a form that holds one is
//! sent as a `multipart/form-data` body ([`multipart_body`]), the only way Slack reads a file.

use bytes::Bytes;
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

/// Builds a form-urlencoded parameter string, and collects the file parts a call sends beside
/// it ([`append_file`](Self::append_file)).
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
    /// The file parts, by wire name, in the order they were appended.
    files: Vec<(String, FormFile)>,
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
            .field("files", &self.files.len())
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
            files: Vec::new(),
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

    /// Appends `file` as a file part under `name`, or nothing when it is absent (`None`). The
    /// form is then sent as a `multipart/form-data` body; [`finish`](Self::finish) gives only
    /// the plain pairs.
    ///
    /// ```
    /// use slack_methods_runtime::{FormEncoder, FormFile};
    /// let mut form = FormEncoder::new();
    /// form.append("crop_w", &Some(512u32));
    /// form.append_file("image", &FormFile::new("me.png", &b"\x89PNG"[..]));
    /// form.append_file("preview", &None::<FormFile>);
    /// assert!(form.has_files());
    /// assert_eq!(form.finish(), "crop_w=512");
    /// ```
    pub fn append_file<F: FormFileValue + ?Sized>(&mut self, name: &str, file: &F) {
        if let Some(file) = file.form_file() {
            self.files.push((name.to_owned(), file.clone()));
        }
    }

    /// Whether a file part has been appended: the form then goes as `multipart/form-data`.
    pub fn has_files(&self) -> bool {
        !self.files.is_empty()
    }

    /// Whether nothing has been appended.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty() && self.files.is_empty()
    }

    /// The encoded plain pairs, e.g. `a=1&b=two` (file parts are not in it).
    pub fn finish(self) -> String {
        self.buf
    }

    /// The encoded plain pairs and the file parts.
    pub(crate) fn into_parts(self) -> (String, Vec<(String, FormFile)>) {
        (self.buf, self.files)
    }
}

/// A file sent as a part of a `multipart/form-data` form: its bytes, the file name the part
/// carries, and its content type (`application/octet-stream` when none is given). Cloning it
/// shares the bytes.
///
/// `Debug` shows the name, the content type and the length, never the bytes.
///
/// ```
/// use slack_methods_runtime::FormFile;
/// let photo = FormFile::new("me.png", vec![0x89, b'P', b'N', b'G']).with_content_type("image/png");
/// assert_eq!(photo.len(), 4);
/// assert_eq!(
///     format!("{photo:?}"),
///     r#"FormFile { name: "me.png", content_type: Some("image/png"), len: 4 }"#
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct FormFile {
    bytes: Bytes,
    name: String,
    content_type: Option<String>,
}

/// An empty file named `file`, with no content type.
impl Default for FormFile {
    fn default() -> Self {
        FormFile::new("file", Bytes::new())
    }
}

impl fmt::Debug for FormFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FormFile")
            .field("name", &self.name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl FormFile {
    /// The content type of a file part given none.
    pub const DEFAULT_CONTENT_TYPE: &'static str = "application/octet-stream";

    /// A file named `name` (the part's `filename`) holding `bytes`. The name must not be empty:
    /// servers read a part with an empty file name as no file, so such a call is refused when it
    /// is built.
    pub fn new(name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        FormFile {
            bytes: bytes.into(),
            name: name.into(),
            content_type: None,
        }
    }

    /// The part's `Content-Type`, such as `image/png`. Checked when the call is built: it must
    /// be visible ASCII text (spaces allowed), as a header value is.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The file name the part carries.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The content type given, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the file holds no byte.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// A value that can be sent as a file part: a [`FormFile`], a reference to one, or an `Option`
/// of one (`None` is left out).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a file part of a Slack form",
    label = "this is not a file",
    note = "write the field as `FormFile` or `Option<FormFile>`"
)]
pub trait FormFileValue {
    /// The file, or `None` to leave the part out.
    fn form_file(&self) -> Option<&FormFile>;
}

impl FormFileValue for FormFile {
    fn form_file(&self) -> Option<&FormFile> {
        Some(self)
    }
}

impl<T: FormFileValue + ?Sized> FormFileValue for &T {
    fn form_file(&self) -> Option<&FormFile> {
        (**self).form_file()
    }
}

impl<T: FormFileValue> FormFileValue for Option<T> {
    fn form_file(&self) -> Option<&FormFile> {
        self.as_ref().and_then(FormFileValue::form_file)
    }
}

/// A `multipart/form-data` body: the boundary it uses and its bytes.
#[derive(Debug)]
pub(crate) struct Multipart {
    pub(crate) boundary: String,
    pub(crate) body: Vec<u8>,
}

/// The boundary every multipart body starts from; `-1`, `-2`, ... follow it when a part holds it.
const BOUNDARY: &str = "slack-methods-form-boundary";

/// The first of `slack-methods-form-boundary`, `slack-methods-form-boundary-1`, `-2`, ... that
/// occurs in none of `pieces`, found in one pass over them, so that no content, however many
/// candidates it holds, makes the search slower than reading it once: each place a piece holds
/// the base rules out the bare base and, for the digits after a `-` there (`-123`), the
/// candidates those digits begin with (1, 12 and 123).
fn boundary(pieces: &[&[u8]]) -> String {
    let base = BOUNDARY.as_bytes();
    let mut bare_taken = false;
    let mut taken: Vec<u64> = Vec::new();
    for piece in pieces {
        let mut rest: &[u8] = piece;
        while let Some(at) = find(rest, base) {
            bare_taken = true;
            let after = &rest[at + base.len()..];
            if let Some(digits) = after.strip_prefix(b"-") {
                let mut n: u64 = 0;
                // Nineteen digits always fit a `u64`; no candidate comes near them.
                for &digit in digits.iter().take(19).take_while(|b| b.is_ascii_digit()) {
                    n = n * 10 + u64::from(digit - b'0');
                    taken.push(n);
                }
            }
            rest = &rest[at + 1..];
        }
    }
    if !bare_taken {
        return BOUNDARY.to_owned();
    }
    taken.sort_unstable();
    taken.dedup();
    // The smallest number from 1 on that is not taken; `taken` has no gap below it.
    let mut n = 1;
    for &t in &taken {
        match t.cmp(&n) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => n += 1,
            std::cmp::Ordering::Greater => break,
        }
    }
    format!("{BOUNDARY}-{n}")
}

/// Where `needle` (not empty) first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, tail) = needle.split_first()?;
    let mut from = 0;
    while let Some(offset) = haystack.get(from..)?.iter().position(|&b| b == first) {
        let at = from + offset;
        if haystack.get(at + 1..at + needle.len()) == Some(tail) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A name or file name inside a quoted `Content-Disposition` parameter, escaped as browsers do:
/// `"` as `%22`, CR as `%0D`, LF as `%0A`.
fn quoted(text: &str) -> Cow<'_, str> {
    if !text.contains(['"', '\r', '\n']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace('"', "%22")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// The `multipart/form-data` body of a form: each plain pair of `pairs` (form-encoded, as
/// [`FormEncoder::finish`] gives them) as a text part, in order, then each file part with its
/// `filename` and `Content-Type`. The boundary is the first candidate that occurs in no name,
/// value, file name, content type or file. `Err` holds why a file cannot be sent: its file name
/// is empty (servers read that as no file), or its content type is no header value (it must be
/// visible ASCII).
pub(crate) fn multipart_body(
    pairs: &str,
    files: &[(String, FormFile)],
) -> Result<Multipart, String> {
    for (name, file) in files {
        // A browser sends `filename=""` for "no file chosen", and servers drop such a part's
        // bytes as no file.
        if file.name.is_empty() {
            return Err(format!(
                "the file `{name}` has an empty file name, which servers read as no file; give it a name such as `photo.png`"
            ));
        }
        if let Some(content_type) = &file.content_type {
            if content_type.trim().is_empty()
                || !content_type
                    .bytes()
                    .all(|b| b == b' ' || b.is_ascii_graphic())
            {
                return Err(format!(
                    "the content type {content_type:?} of the file `{name}` is not a valid header value; give a MIME type such as `image/png`"
                ));
            }
        }
    }
    let plain: Vec<(Cow<'_, str>, Cow<'_, str>)> =
        form_urlencoded::parse(pairs.as_bytes()).collect();
    let mut pieces: Vec<&[u8]> = Vec::new();
    for (name, value) in &plain {
        pieces.push(name.as_bytes());
        pieces.push(value.as_bytes());
    }
    for (name, file) in files {
        pieces.push(name.as_bytes());
        pieces.push(file.name.as_bytes());
        pieces.push(file.content_type().unwrap_or_default().as_bytes());
        pieces.push(&file.bytes);
    }
    let boundary = boundary(&pieces);
    let mut body = Vec::with_capacity(
        pieces.iter().map(|piece| piece.len()).sum::<usize>()
            + (plain.len() + files.len() + 1) * (boundary.len() + 128),
    );
    // Each part opens with the boundary and its name; a file part adds its file name and type.
    let open_part = |body: &mut Vec<u8>, name: &str| {
        body.extend_from_slice(b"--");
        body.extend_from_slice(boundary.as_bytes());
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        body.extend_from_slice(quoted(name).as_bytes());
        body.push(b'"');
    };
    for (name, value) in &plain {
        open_part(&mut body, name);
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(value.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    for (name, file) in files {
        open_part(&mut body, name);
        body.extend_from_slice(b"; filename=\"");
        body.extend_from_slice(quoted(&file.name).as_bytes());
        body.extend_from_slice(b"\"\r\nContent-Type: ");
        body.extend_from_slice(
            file.content_type()
                .unwrap_or(FormFile::DEFAULT_CONTENT_TYPE)
                .as_bytes(),
        );
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(&file.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--");
    body.extend_from_slice(boundary.as_bytes());
    body.extend_from_slice(b"--\r\n");
    Ok(Multipart { boundary, body })
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
    fn multipart_parts_in_order_with_the_default_content_type() {
        let mut form = FormEncoder::new();
        form.append("crop_x", &Some(10u32));
        form.append("note", "a & b=\"c\"");
        form.append_file("image", &FormFile::new("a\"b.png", vec![0u8, 0xff]));
        form.append_file("none", &None::<FormFile>);
        let (pairs, files) = form.into_parts();
        let multipart = multipart_body(&pairs, &files).unwrap();
        assert_eq!(multipart.boundary, "slack-methods-form-boundary");
        let mut expected = b"--slack-methods-form-boundary\r\n\
Content-Disposition: form-data; name=\"crop_x\"\r\n\r\n10\r\n\
--slack-methods-form-boundary\r\n\
Content-Disposition: form-data; name=\"note\"\r\n\r\na & b=\"c\"\r\n\
--slack-methods-form-boundary\r\n\
Content-Disposition: form-data; name=\"image\"; filename=\"a%22b.png\"\r\n\
Content-Type: application/octet-stream\r\n\r\n"
            .to_vec();
        expected.extend_from_slice(&[0, 0xff]);
        expected.extend_from_slice(b"\r\n--slack-methods-form-boundary--\r\n");
        assert_eq!(multipart.body, expected);
    }

    #[test]
    fn the_boundary_is_found_in_one_pass_however_many_candidates_the_parts_hold() {
        // Every candidate up to 999, and 1000 as the start of a longer number: 1001 is next.
        let mut held = Vec::new();
        for n in 1..1000 {
            held.extend_from_slice(format!("{BOUNDARY}-{n}|").as_bytes());
        }
        held.extend_from_slice(format!("{BOUNDARY}-1000000").as_bytes());
        assert_eq!(boundary(&[&held]), format!("{BOUNDARY}-1001"));
        // Digits that no candidate is (`-0...`), or none after the base, rule out the base only.
        let zero = format!("{BOUNDARY}-07 {BOUNDARY}x");
        assert_eq!(boundary(&[zero.as_bytes()]), format!("{BOUNDARY}-1"));
        // The base split across two pieces is in neither.
        let (front, back) = BOUNDARY.split_at(9);
        assert_eq!(boundary(&[front.as_bytes(), back.as_bytes()]), BOUNDARY);
        // Occurrences side by side are all seen.
        let twice = format!("{BOUNDARY}-1{BOUNDARY}-2-{BOUNDARY}-3");
        assert_eq!(boundary(&[twice.as_bytes()]), format!("{BOUNDARY}-4"));
        // Every chosen boundary occurs in no piece.
        for pieces in [&[&held[..]][..], &[zero.as_bytes()], &[twice.as_bytes()]] {
            let chosen = boundary(pieces);
            assert!(pieces.iter().all(|p| find(p, chosen.as_bytes()).is_none()));
        }
    }

    #[test]
    fn the_boundary_occurs_in_no_part() {
        // The file holds the first candidate, a value the second: the third is used.
        let file = FormFile::new("x.bin", &b"..slack-methods-form-boundary.."[..]);
        let multipart =
            multipart_body("a=slack-methods-form-boundary-1", &[("f".to_owned(), file)]).unwrap();
        assert_eq!(multipart.boundary, "slack-methods-form-boundary-2");
        // Where no part holds it, the first.
        let multipart = multipart_body("a=1", &[]).unwrap();
        assert_eq!(multipart.boundary, "slack-methods-form-boundary");
    }

    #[test]
    fn a_content_type_that_is_no_header_value_is_refused() {
        for bad in ["image/png\r\nX-Evil: 1", "", "  ", "image/p\u{e9}ng"] {
            let file = FormFile::new("a.png", vec![1u8]).with_content_type(bad);
            let err = multipart_body("", &[("image".to_owned(), file)]).unwrap_err();
            assert!(err.contains("not a valid header value"), "{err}");
        }
        let file = FormFile::new("a.png", vec![1u8]).with_content_type("image/png; q=1");
        let multipart = multipart_body("", &[("image".to_owned(), file)]).unwrap();
        assert!(find(&multipart.body, b"Content-Type: image/png; q=1\r\n").is_some());
    }

    #[test]
    fn a_file_with_an_empty_name_is_refused() {
        let file = FormFile::new("", vec![1u8]);
        let err = multipart_body("", &[("image".to_owned(), file)]).unwrap_err();
        assert_eq!(
            err,
            "the file `image` has an empty file name, which servers read as no file; give it a name such as `photo.png`"
        );
        let file = FormFile::new(" ", vec![1u8]);
        assert!(multipart_body("", &[("image".to_owned(), file)]).is_ok());
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
