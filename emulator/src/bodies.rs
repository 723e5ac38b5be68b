//! Request bodies, read as Slack reads them: a method's arguments from a form, a JSON object or
//! multipart form data, and a file's bytes from what arrives at an upload URL.

use serde_json::Value;

/// A call's arguments by name, as text, in the order they came.
pub(crate) type Arguments = Vec<(String, String)>;

/// The arguments a request's body carries: a form (`application/x-www-form-urlencoded`), a JSON
/// object (`application/json`, each string value as it is, numbers and booleans as their text,
/// lists and objects as compact JSON text, `null` left out) or multipart form data; and, from
/// multipart form data, its file parts with their bytes ([`FilePart`]), read in the same pass.
/// A body Slack could not read is the error code Slack answers it with.
pub(crate) fn body_arguments(
    verb: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<(Arguments, Vec<FilePart>), &'static str> {
    if body.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let Some(content_type) = content_type else {
        // A GET's body is no part of the call.
        return if verb == "POST" {
            Err("missing_post_type")
        } else {
            Ok((Vec::new(), Vec::new()))
        };
    };
    match mime(content_type).as_str() {
        "application/x-www-form-urlencoded" => Ok((
            form_urlencoded::parse(body).into_owned().collect(),
            Vec::new(),
        )),
        "application/json" => Ok((json_arguments(body)?, Vec::new())),
        "multipart/form-data" => {
            let parts = multipart(content_type, body).ok_or("invalid_form_data")?;
            let mut arguments = Vec::with_capacity(parts.len());
            let mut files = Vec::new();
            for part in parts {
                let text = String::from_utf8_lossy(part.content).into_owned();
                // An empty file name is a browser's "no file chosen": no file, as PHP reads it.
                if let Some(filename) = part.filename.filter(|name| !name.is_empty()) {
                    files.push(FilePart {
                        name: part.name.clone(),
                        filename,
                        content_type: part.content_type,
                        bytes: part.content.to_vec(),
                    });
                }
                arguments.push((part.name, text));
            }
            Ok((arguments, files))
        }
        _ => Err("invalid_post_type"),
    }
}

/// The token a request's body carries as its `token` argument, which Slack takes in place of the
/// `Authorization` header from a form (`application/x-www-form-urlencoded`) or multipart form
/// data, but not from a JSON body (whose calls must send the header).
pub(crate) fn form_token<'a>(
    content_type: Option<&str>,
    arguments: &'a [(String, String)],
) -> Option<&'a str> {
    let kind = mime(content_type?);
    if kind != "application/x-www-form-urlencoded" && kind != "multipart/form-data" {
        return None;
    }
    arguments
        .iter()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value.as_str())
        .filter(|token| !token.is_empty())
}

/// A file part of a multipart body (one whose `Content-Disposition` gives a `filename`, but not
/// an empty one, which is a browser's "no file chosen"), with its bytes as they arrived: what a
/// method that takes a file (`users.setPhoto`'s `image`) reads. The method's arguments hold the
/// same part as (lossy) text, as every other method sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FilePart {
    /// The part's name: the parameter.
    pub(crate) name: String,
    /// The `filename` the part gives.
    pub(crate) filename: String,
    /// The part's `Content-Type`, if it gives one.
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: Vec<u8>,
}

/// The bytes of the file a POST to an upload URL carries: the body as it is, or, for multipart
/// form data (which Slack's upload URLs also take), the content of its file part (the part with a
/// `filename`, else the only part). `None` for multipart data without a file part.
pub(crate) fn uploaded_file(content_type: Option<&str>, body: Vec<u8>) -> Option<Vec<u8>> {
    let Some(content_type) = content_type.filter(|ct| mime(ct) == "multipart/form-data") else {
        return Some(body);
    };
    let parts = multipart(content_type, &body)?;
    let file = match parts.iter().position(|part| part.filename.is_some()) {
        Some(at) => &parts[at],
        None if parts.len() == 1 => &parts[0],
        None => return None,
    };
    Some(file.content.to_vec())
}

/// The media type of a `Content-Type` value, lowercase, without its parameters.
fn mime(content_type: &str) -> String {
    let mime = content_type.split(';').next().unwrap_or_default();
    mime.trim().to_ascii_lowercase()
}

fn json_arguments(body: &[u8]) -> Result<Vec<(String, String)>, &'static str> {
    let value: Value = serde_json::from_slice(body).map_err(|_| "invalid_json")?;
    let Value::Object(object) = value else {
        return Err("json_not_object");
    };
    Ok(object
        .into_iter()
        .filter_map(|(name, value)| match value {
            Value::Null => None,
            Value::String(text) => Some((name, text)),
            other => Some((name, other.to_string())),
        })
        .collect())
}

/// One part of a multipart body.
struct Part<'a> {
    name: String,
    /// The `filename` its `Content-Disposition` gives, if any: then it is a file's content.
    filename: Option<String>,
    /// Its `Content-Type` header, if it has one.
    content_type: Option<String>,
    content: &'a [u8],
}

/// The named parts of a multipart body (RFC 7578) whose `Content-Type` is `content_type`; `None`
/// without a boundary, or when the body is not made of parts between `--boundary` lines.
fn multipart<'a>(content_type: &str, body: &'a [u8]) -> Option<Vec<Part<'a>>> {
    let boundary = content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"'))
    })?;
    if boundary.is_empty() {
        return None;
    }
    let delimiter = format!("--{boundary}").into_bytes();
    let mut rest = body.get(find(body, &delimiter)? + delimiter.len()..)?;
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(parts); // the closing delimiter
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let end = find(rest, &[b"\r\n".as_slice(), &delimiter].concat())?;
        let (part, after) = rest.split_at(end);
        rest = after.get(2 + delimiter.len()..)?;
        let head_end = find(part, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&part[..head_end]).ok()?;
        let disposition = head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case("content-disposition")
                .then_some(value)
        })?;
        let param = |wanted: &str| {
            disposition_params(disposition).find_map(|param| {
                let (key, value) = param.split_once('=')?;
                key.trim()
                    .eq_ignore_ascii_case(wanted)
                    .then(|| value.trim().trim_matches('"'))
            })
        };
        let content_type = head.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        });
        parts.push(Part {
            name: param("name")?.to_owned(),
            filename: param("filename").map(str::to_owned),
            content_type,
            content: part.get(head_end + 4..)?,
        });
    }
}

/// The `;`-separated pieces of a `Content-Disposition` value (`form-data`, `name="a"`,
/// `filename="b; c.png"`): a `;` inside a quoted value is part of it. (Browsers and Slack's
/// SDKs write a `"` in a value as `%22`, never as `\"`.)
fn disposition_params(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let text = rest?;
        let mut quoted = false;
        let end = text.char_indices().find_map(|(at, c)| {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => return Some(at),
                _ => {}
            }
            None
        });
        match end {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// Where `needle` first occurs in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "multipart/form-data; boundary=\"b-1\"";

    #[test]
    fn an_upload_is_its_file_part() {
        let body = b"preamble\r\n--b-1\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b-1\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\xff\r\n--\r\n--b-1--\r\n";
        assert_eq!(
            uploaded_file(Some(FORM), body.to_vec()),
            Some(b"\x00\xff\r\n--".to_vec())
        );
        // Raw bytes are the file as they are, whatever they look like.
        assert_eq!(uploaded_file(None, body.to_vec()), Some(body.to_vec()));
        let raw = Some("application/octet-stream");
        assert_eq!(uploaded_file(raw, b"x".to_vec()), Some(b"x".to_vec()));
        // Two parts and no file among them, or no parts at all: no file.
        let two = b"--b-1\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b-1\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n--b-1--";
        assert_eq!(uploaded_file(Some(FORM), two.to_vec()), None);
        assert_eq!(uploaded_file(Some(FORM), b"not multipart".to_vec()), None);
        assert_eq!(
            uploaded_file(Some("multipart/form-data"), two.to_vec()),
            None
        );
    }

    #[test]
    fn disposition_parameters_are_read_whole_and_by_any_case() {
        // A `;` inside a quoted file name is part of it, and parameter names have no case.
        let body = b"--b-1\r\nContent-Disposition: form-data; NAME=\"image\"; Filename=\"me; 2024.png\"\r\n\r\nGIF89a\r\n--b-1\r\nContent-Disposition: form-data; name=\"note\"; filename=\"x%22; name=%22crop_x\"\r\n\r\n1\r\n--b-1--\r\n";
        let (arguments, files) = body_arguments("POST", Some(FORM), body).unwrap();
        assert_eq!(files[0].name, "image");
        assert_eq!(files[0].filename, "me; 2024.png");
        assert_eq!(files[1].name, "note");
        assert_eq!(files[1].filename, "x%22; name=%22crop_x");
        assert_eq!(arguments[1], ("note".to_owned(), "1".to_owned()));
    }

    #[test]
    fn a_part_with_an_empty_file_name_is_no_file() {
        // How a browser sends "no file chosen"; PHP's reader (Slack's API runs on its
        // descendant, Hack) takes it as no upload.
        let body = b"--b-1\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\"\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n--b-1--\r\n";
        let (_, files) = body_arguments("POST", Some(FORM), body).unwrap();
        assert!(files.is_empty(), "{files:?}");
    }

    #[test]
    fn file_parts_keep_their_bytes_and_the_arguments_their_text() {
        let body = b"--b-1\r\nContent-Disposition: form-data; name=\"crop_w\"\r\n\r\n512\r\n--b-1\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\x89P\xff\r\n--b-1--\r\n";
        let (arguments, files) = body_arguments("POST", Some(FORM), body).unwrap();
        assert_eq!(
            files,
            [FilePart {
                name: "image".to_owned(),
                filename: "a.png".to_owned(),
                content_type: Some("image/png".to_owned()),
                bytes: b"\x89P\xff".to_vec(),
            }]
        );
        // The arguments are as before: every part, as text.
        assert_eq!(arguments[0], ("crop_w".to_owned(), "512".to_owned()));
        assert_eq!(arguments[1].0, "image");
        assert_ne!(arguments[1].1.as_bytes(), b"\x89P\xff");
        // No file part in a form, or in what is no multipart body (which is no call at all).
        let form = body_arguments(
            "POST",
            Some("application/x-www-form-urlencoded"),
            b"image=x",
        );
        assert!(form.unwrap().1.is_empty());
        assert_eq!(
            body_arguments("POST", Some(FORM), b"not multipart"),
            Err("invalid_form_data")
        );
        assert_eq!(body_arguments("POST", None, body), Err("missing_post_type"));
    }
}
