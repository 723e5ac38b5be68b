//! Sans-IO response parsing: status, headers and body bytes become the method's typed response
//! or a typed [`Error`]. Success is decided by the `ok` field of Slack's envelope.

use crate::envelope;
use crate::error::{ApiError, Error, ErrorCode};
use crate::method::SlackMethod;
use crate::token::{looks_like_token, SECRET_NAMES};
use crate::types::common::names_a_page;
use crate::types::de::Text;
use crate::types::ResponseMetadata;
use serde::Deserialize;
use std::ops::Deref;
use std::time::Duration;

/// How many bytes of an unexpected body an error keeps.
pub(crate) const EXCERPT_LEN: usize = 200;

/// A successful response: the method's typed data plus what Slack said around it.
///
/// It dereferences to the data, so `response.profile` reads the data's field directly.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SlackResponse<T> {
    /// The method's response body.
    pub data: T,
    /// Warnings Slack sent along (`warning` and `response_metadata.warnings`).
    pub warnings: Vec<String>,
    /// The cursor of the next page, when there is one: `response_metadata.next_cursor`, else a
    /// top-level `next_cursor` (`admin.conversations.search`); an empty or blank one is none.
    pub next_cursor: Option<String>,
    /// The scopes Slack named in the response's headers.
    pub scopes: ScopeHeaders,
}

/// The scopes Slack names in a response's headers, on successes and errors alike.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScopeHeaders {
    /// The scopes the token has (`X-OAuth-Scopes`), when Slack said.
    pub token: Option<Vec<String>>,
    /// The scopes that allow the method (`X-Accepted-OAuth-Scopes`), when Slack said.
    pub accepted: Option<Vec<String>>,
}

impl ScopeHeaders {
    /// Reads both headers (comma-separated lists).
    pub fn from_headers(headers: &http::HeaderMap) -> ScopeHeaders {
        ScopeHeaders {
            token: scope_list(headers, "x-oauth-scopes"),
            accepted: scope_list(headers, "x-accepted-oauth-scopes"),
        }
    }
}

impl<T> SlackResponse<T> {
    /// The method's response body, without the rest.
    pub fn into_data(self) -> T {
        self.data
    }
}

impl<T> Deref for SlackResponse<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

/// The envelope's fields, read on the slow path that explains a body that is not a success.
/// Only `ok` must have its type; the others are read leniently ([`Text`]), so that an
/// `"ok": false` answer always keeps its error code, whatever shape its other fields have.
#[derive(Deserialize)]
struct Envelope {
    ok: Option<bool>,
    #[serde(default)]
    error: Text,
    #[serde(default)]
    needed: Text,
    #[serde(default)]
    provided: Text,
    #[serde(default)]
    detail: Text,
    #[serde(default)]
    warning: Text,
    #[serde(default)]
    response_metadata: Option<ResponseMetadata>,
    #[serde(default)]
    next_cursor: Text,
}

/// The first bytes of a body as text, for error messages, with its secrets hidden (see
/// [`redact`]).
pub(crate) fn excerpt(body: &[u8]) -> String {
    let cut = body.len().min(EXCERPT_LEN);
    let mut text = redact(&String::from_utf8_lossy(&body[..cut]));
    if body.len() > cut {
        text.push('…');
    }
    text
}

/// The beginnings of string values that are secrets under any key besides tokens: webhook URLs
/// and Socket Mode's one-time `wss://` URLs (as written, and with JSON's escaped slashes).
const SECRET_PREFIXES: &[&str] = &[
    "https://hooks.slack.com/",
    "https:\\/\\/hooks.slack.com\\/",
    "wss://",
    "wss:\\/\\/",
];

/// `text` (JSON, perhaps cut short) with the string values that are secrets written as `***`:
/// those under one of the names of secrets ([`SECRET_NAMES`]), and those that begin like a token
/// or a webhook URL.
pub(crate) fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // The key whose value comes next, if the last string was one.
    let mut key: Option<&str> = None;
    while let Some(open) = rest.find('"') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // The string runs to the first quote no backslash escapes (or to the end of a cut text).
        let mut end = after.len();
        let mut escaped = false;
        for (at, c) in after.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = at;
                    break;
                }
                _ => {}
            }
        }
        let content = &after[..end];
        let closed = end < after.len();
        rest = if closed { &after[end + 1..] } else { "" };
        let is_key = rest.trim_start().starts_with(':');
        let secret = !is_key
            && (key.is_some_and(|key| SECRET_NAMES.contains(&key))
                || looks_like_token(content)
                || SECRET_PREFIXES.iter().any(|p| content.starts_with(p)));
        out.push('"');
        out.push_str(if secret { "***" } else { content });
        if closed {
            out.push('"');
        }
        key = is_key.then_some(content);
    }
    out.push_str(rest);
    out
}

/// `Retry-After` in whole seconds (decimal digits, surrounding spaces allowed). A number too
/// large for a `u64` counts as `u64::MAX` seconds: longer than any budget, never an overflow.
/// The HTTP-date form, signs, fractions and anything else give `None`.
pub(crate) fn retry_after(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .as_bytes()
        .trim_ascii();
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let seconds = value.iter().try_fold(0u64, |n, digit| {
        n.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
    });
    Some(Duration::from_secs(seconds.unwrap_or(u64::MAX)))
}

fn scope_list(headers: &http::HeaderMap, name: &str) -> Option<Vec<String>> {
    let value = headers.get(name)?.to_str().ok()?;
    Some(
        value
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// Slack's warnings: the comma-separated `warning` and `response_metadata.warnings`, once each.
fn warnings_of(warning: Option<String>, metadata: Option<&mut ResponseMetadata>) -> Vec<String> {
    let mut warnings: Vec<String> = warning
        .map(|w| w.split(',').map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default();
    if let Some(meta) = metadata {
        for warning in meta.warnings.drain(..) {
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
    }
    warnings.retain(|w| !w.is_empty());
    warnings
}

/// The cursor of the next page (`None` on the last page, as [`ResponseMetadata::next_cursor`]
/// reads it): `response_metadata.next_cursor`, else a `next_cursor` beside it, where
/// `admin.conversations.search` puts it.
fn next_cursor(metadata: Option<ResponseMetadata>, top_level: Option<String>) -> Option<String> {
    let in_metadata = metadata.map(|metadata| metadata.next_cursor);
    [in_metadata, top_level]
        .into_iter()
        .flatten()
        .find(|cursor| names_a_page(cursor))
}

fn log_warnings(method: &'static str, warnings: &[String]) {
    for warning in warnings {
        tracing::warn!(method, warning = %warning, "slack warning");
    }
}

/// Turns one HTTP response into the method's typed response or a typed error.
///
/// - HTTP 429 gives [`Error::RateLimited`] with `Retry-After` (whole seconds; a number too large for the clock counts as longer than any wait, a date as none).
/// - A body whose `ok` is `false` with the error `ratelimited` (or `rate_limited`) and a
///   `Retry-After` header gives [`Error::RateLimited`] too: the same order as a 429.
/// - Any other body whose `ok` is `false` gives [`Error::Api`], whatever the status.
/// - Any other status outside 2xx gives [`Error::Http`].
/// - A body that is not Slack's JSON envelope gives [`Error::Decode`] with the first bytes of
///   the body; an `"ok": true` body whose data does not fit the response type gives
///   [`Error::ResponseMismatch`].
///
/// The `Content-Type` is not consulted: the bytes decide. A success is read in one pass over the
/// body (the data and the envelope's `ok`, warnings and cursor together); any other body is read
/// again to build the error.
pub fn parse_response<M: SlackMethod>(
    status: http::StatusCode,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<SlackResponse<M::Response>, Error> {
    let method = M::NAME;
    let status = status.as_u16();
    if status == 429 {
        return Err(Error::RateLimited {
            method,
            retry_after: retry_after(headers),
            status: Some(status),
        });
    }
    let success = (200..300).contains(&status);
    if success {
        if let Ok((data, side)) = envelope::read::<M::Response>(body) {
            if side.ok == Some(true) {
                let mut metadata = side.metadata;
                let warnings = warnings_of(side.warning, metadata.as_mut());
                log_warnings(method, &warnings);
                return Ok(SlackResponse {
                    data,
                    warnings,
                    next_cursor: next_cursor(metadata, side.next_cursor),
                    scopes: ScopeHeaders::from_headers(headers),
                });
            }
        }
    }
    let decode = |reason: String, source: Option<serde_json::Error>| Error::Decode {
        method,
        status,
        reason,
        excerpt: excerpt(body),
        source,
    };
    let mut envelope: Envelope = match serde_json::from_slice(body) {
        Ok(envelope) => envelope,
        Err(_) if !success => {
            return Err(Error::Http {
                method,
                status,
                excerpt: excerpt(body),
            })
        }
        Err(err) if body.is_empty() => return Err(decode("the body is empty".into(), Some(err))),
        Err(err) => {
            return Err(decode(
                "the body is not a Slack JSON object".into(),
                Some(err),
            ))
        }
    };
    let warnings = warnings_of(
        envelope.warning.0.take(),
        envelope.response_metadata.as_mut(),
    );
    log_warnings(method, &warnings);
    match envelope.ok {
        Some(true) if success => {}
        Some(true) | None if !success => {
            return Err(Error::Http {
                method,
                status,
                excerpt: excerpt(body),
            })
        }
        None => return Err(decode("the body has no `ok` field".into(), None)),
        Some(true) => {}
        Some(false) => {
            let meta = envelope.response_metadata.unwrap_or_default();
            let code = envelope.error.0.as_deref().unwrap_or("unknown_error");
            if matches!(code, "ratelimited" | "rate_limited") {
                if let Some(wait) = retry_after(headers) {
                    return Err(Error::RateLimited {
                        method,
                        retry_after: Some(wait),
                        status: Some(status),
                    });
                }
            }
            return Err(Error::Api(Box::new(ApiError {
                method,
                code: ErrorCode::from(code),
                needed: envelope.needed.0,
                provided: envelope.provided.0,
                declared_scopes: M::SCOPES,
                warnings,
                messages: meta.messages,
                detail: envelope.detail.0,
                status,
                scopes: ScopeHeaders::from_headers(headers),
                raw: String::from_utf8_lossy(body).into_owned(),
            })));
        }
    }
    // `ok` is true, yet the one-pass read above failed: the data does not fit the type.
    let (data, _) =
        envelope::read::<M::Response>(body).map_err(|source| Error::ResponseMismatch {
            method,
            status,
            type_name: short_type_name::<M::Response>(),
            excerpt: excerpt(body),
            source,
        })?;
    Ok(SlackResponse {
        data,
        warnings,
        next_cursor: next_cursor(envelope.response_metadata, envelope.next_cursor.0),
        scopes: ScopeHeaders::from_headers(headers),
    })
}

fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{EncodeError, FormEncoder};
    use crate::method::{HttpVerb, RateLimitTier};

    struct Probe;
    #[derive(Deserialize, Debug)]
    struct ProbeResponse {
        user: String,
    }
    impl SlackMethod for Probe {
        const NAME: &'static str = "probe.run";
        const VERB: HttpVerb = HttpVerb::Post;
        const SCOPES: &'static [&'static str] = &["a:read", "b:read"];
        const TIER: RateLimitTier = RateLimitTier::Tier3;
        const WRITES: bool = false;
        type Response = ProbeResponse;
        fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
            Ok(())
        }
    }

    fn parse(status: u16, body: &str) -> Result<SlackResponse<ProbeResponse>, Error> {
        let status = http::StatusCode::from_u16(status).unwrap();
        parse_response::<Probe>(status, &http::HeaderMap::new(), body.as_bytes())
    }

    #[test]
    fn ok_true_gives_data_and_warnings() {
        let r = parse(
            200,
            r#"{"ok":true,"user":"jane","extra":1,"warning":"superfluous_charset","response_metadata":{"warnings":["superfluous_charset"],"next_cursor":"dXNlcjpVMEc5V0ZYTlo="}}"#,
        )
        .unwrap();
        assert_eq!(r.user, "jane");
        assert_eq!(r.warnings, ["superfluous_charset"]);
        assert_eq!(r.next_cursor.as_deref(), Some("dXNlcjpVMEc5V0ZYTlo="));
    }

    /// Excerpts in errors hide secrets: an upload URL, tokens (under their keys or by their
    /// look, also in a body cut short), webhook URLs and Socket Mode URLs; the rest stays as
    /// Slack wrote it.
    #[test]
    fn excerpts_hide_secrets() {
        assert_eq!(
            redact(
                r#"{"ok":true,"upload_url":"https://files.slack.com/upload/v1/SECRET","file_id":"F1"}"#
            ),
            r#"{"ok":true,"upload_url":"***","file_id":"F1"}"#
        );
        assert_eq!(
            redact(
                r#"{"access_token" : "xoxb-1-SECRET", "team":{"id":"T1"},"x":["xoxp-SECRET"],"u":"https:\/\/hooks.slack.com\/services\/SECRET"}"#
            ),
            r#"{"access_token" : "***", "team":{"id":"T1"},"x":["***"],"u":"***"}"#
        );
        // Socket Mode's connection URL, a one-time credential.
        assert_eq!(
            redact(r#"{"ok":true,"url":"wss:\/\/wss-primary.slack.com\/link\/?ticket=SECRET"}"#),
            r#"{"ok":true,"url":"***"}"#
        );
        assert_eq!(
            redact(r#"{"url":"wss://x.example/link/?ticket=SECRET"}"#),
            r#"{"url":"***"}"#
        );
        // Cut inside the secret, or with escaped quotes before it.
        assert_eq!(
            redact(r#"{"q":"a\"b","upload_url":"https://files.slack.com/upl"#),
            r#"{"q":"a\"b","upload_url":"***"#
        );
        assert_eq!(
            redact(r#"{"text":"token","token":"#),
            r#"{"text":"token","token":"#
        );
        assert_eq!(redact("not json \"at\" all"), "not json \"at\" all");
        let body = format!(
            r#"{{"ok":true,"upload_url":"https://files.slack.com/upload/v1/{}","file_id":7}}"#,
            "S".repeat(300)
        );
        let err = parse(200, &body).unwrap_err();
        assert!(!format!("{err} {err:?}").contains("SSSS"), "{err}");
    }

    /// Envelope fields of an unexpected shape cost nothing else: the data, the cursor and the
    /// other warnings are kept on a success, and a refusal keeps its error code.
    #[test]
    fn odd_envelope_fields_lose_nothing_else() {
        for metadata in [
            r#"{"next_cursor":"c2","messages":null}"#,
            r#"{"next_cursor":"c2","warnings":null}"#,
            r#"{"next_cursor":"c2","warnings":"w1"}"#,
            r#"{"next_cursor":"c2","warnings":["w1",null,{"a":[1]}],"messages":{"x":1}}"#,
        ] {
            let body = format!(r#"{{"ok":true,"user":"jane","response_metadata":{metadata}}}"#);
            let r = parse(200, &body).unwrap();
            assert_eq!(r.next_cursor.as_deref(), Some("c2"), "{metadata}");
            assert!(r.warnings.iter().all(|w| w == "w1"), "{metadata}");
        }
        let r = parse(
            200,
            r#"{"ok":true,"user":"jane","warning":["a","b"],"response_metadata":{"next_cursor":{}}}"#,
        )
        .unwrap();
        assert_eq!(r.warnings, ["a", "b"]);
        assert_eq!(r.next_cursor, None);
        for extra in [
            r#""response_metadata":{"messages":["[ERROR] bad"],"warnings":null}"#,
            r#""needed":["a:read","b:read"]"#,
            r#""warning":7"#,
            r#""response_metadata":{"next_cursor":{}}"#,
            r#""response_metadata":"none""#,
            r#""response_metadata":[1,[2]]"#,
        ] {
            let body = format!(r#"{{"ok":false,"error":"invalid_arguments",{extra}}}"#);
            let err = parse(200, &body).unwrap_err();
            let api = err.as_api().unwrap_or_else(|| panic!("{extra}: {err:?}"));
            assert_eq!(api.code.as_str(), "invalid_arguments", "{extra}");
        }
        let err = parse(
            200,
            r#"{"ok":false,"error":"invalid_arguments","needed":["a:read","b:read"],"response_metadata":{"messages":["[ERROR] bad",null],"warnings":null}}"#,
        )
        .unwrap_err();
        let api = err.as_api().unwrap();
        assert_eq!(api.messages, ["[ERROR] bad"]);
        assert_eq!(api.needed.as_deref(), Some("a:read,b:read"));
    }

    #[test]
    fn ok_false_is_typed() {
        let err = parse(
            200,
            r#"{"ok":false,"error":"missing_scope","needed":"b:read","provided":"identify"}"#,
        )
        .unwrap_err();
        let api = err.as_api().unwrap();
        assert_eq!(api.code, ErrorCode::MissingScope);
        assert_eq!(api.needed.as_deref(), Some("b:read"));
        assert_eq!(api.declared_scopes, ["a:read", "b:read"]);
        assert_eq!(
            err.to_string(),
            "probe.run: Slack answered `missing_scope`; needed: b:read; the token has: identify; the binding accepts any of: a:read, b:read"
        );
    }

    /// Slack's `detail` (the canvas methods send one) is kept and said in the error's text.
    #[test]
    fn a_detail_is_kept_and_said() {
        let err = parse(
            200,
            r#"{"ok":false,"error":"canvas_creation_failed","detail":"'content' error: line 28: Unsupported block type (List) within block quote"}"#,
        )
        .unwrap_err();
        let api = err.as_api().unwrap();
        assert_eq!(
            api.detail.as_deref(),
            Some("'content' error: line 28: Unsupported block type (List) within block quote")
        );
        assert_eq!(
            err.to_string(),
            "probe.run: Slack answered `canvas_creation_failed`; 'content' error: line 28: \
             Unsupported block type (List) within block quote"
        );
        let plain = parse(200, r#"{"ok":false,"error":"canvas_not_found"}"#).unwrap_err();
        assert_eq!(plain.as_api().unwrap().detail, None);
    }

    #[test]
    fn undecidable_bodies() {
        assert!(matches!(parse(200, ""), Err(Error::Decode { .. })));
        assert!(matches!(parse(200, "<html>"), Err(Error::Decode { .. })));
        assert!(matches!(
            parse(200, r#"{"user":"x"}"#),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            parse(200, r#"{"ok":true}"#),
            Err(Error::ResponseMismatch {
                type_name: "ProbeResponse",
                ..
            })
        ));
        assert!(matches!(
            parse(200, r#"{"ok":true,"user":7}"#),
            Err(Error::ResponseMismatch { .. })
        ));
        assert!(matches!(
            parse(200, r#"{"ok":true,"user":"#),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            parse(503, "<html>down</html>"),
            Err(Error::Http { status: 503, .. })
        ));
        assert!(matches!(
            parse(500, r#"{"ok":false,"error":"fatal_error"}"#),
            Err(Error::Api(_))
        ));
    }

    #[test]
    fn rate_limited_reads_retry_after() {
        let mut headers = http::HeaderMap::new();
        headers.insert("retry-after", http::HeaderValue::from_static("7"));
        let err = parse_response::<Probe>(http::StatusCode::TOO_MANY_REQUESTS, &headers, b"")
            .unwrap_err();
        assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
        headers.insert("retry-after", http::HeaderValue::from_static("soon"));
        let err = parse_response::<Probe>(http::StatusCode::TOO_MANY_REQUESTS, &headers, b"")
            .unwrap_err();
        assert!(matches!(
            err,
            Error::RateLimited {
                retry_after: None,
                status: Some(429),
                ..
            }
        ));
    }

    #[test]
    fn retry_after_is_parsed_with_bounds() {
        let parsed = |value: &[u8]| {
            let mut headers = http::HeaderMap::new();
            headers.insert("retry-after", http::HeaderValue::from_bytes(value).unwrap());
            retry_after(&headers)
        };
        let max = Some(Duration::from_secs(u64::MAX));
        assert_eq!(parsed(b"0"), Some(Duration::ZERO));
        assert_eq!(parsed(b" 12 "), Some(Duration::from_secs(12)));
        assert_eq!(parsed(b"18446744073709551615"), max);
        assert_eq!(parsed(b"18446744073709551616"), max);
        assert_eq!(parsed(&[b'9'; 60]), max);
        for junk in [
            &b"+5"[..],
            b"-1",
            b"1.5",
            b"1e3",
            b"",
            b" ",
            b"Wed, 21 Oct 2015 07:28:00 GMT",
            b"\xff",
        ] {
            assert_eq!(parsed(junk), None, "{:?}", String::from_utf8_lossy(junk));
        }
        assert_eq!(retry_after(&http::HeaderMap::new()), None);
    }

    #[test]
    fn ok_false_ratelimited_with_retry_after_is_a_rate_limit() {
        let mut headers = http::HeaderMap::new();
        let body = br#"{"ok":false,"error":"ratelimited"}"#;
        // Without the header it is Slack's error code, retried with backoff.
        let err = parse_response::<Probe>(http::StatusCode::OK, &headers, body).unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::Ratelimited));
        headers.insert("retry-after", http::HeaderValue::from_static("4"));
        let err = parse_response::<Probe>(http::StatusCode::OK, &headers, body).unwrap_err();
        assert!(
            matches!(
                err,
                Error::RateLimited {
                    status: Some(200),
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.retry_after(), Some(Duration::from_secs(4)));
        // Another code keeps its header to itself.
        let other = br#"{"ok":false,"error":"fatal_error"}"#;
        let err = parse_response::<Probe>(http::StatusCode::OK, &headers, other).unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::FatalError));
    }

    #[test]
    fn retry_after_is_read_with_bounds() {
        let mut headers = http::HeaderMap::new();
        headers.insert("retry-after", http::HeaderValue::from_static(" 30 "));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(30)));
        headers.insert(
            "retry-after",
            http::HeaderValue::from_static("99999999999999999999999"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(u64::MAX)));
        headers.insert("retry-after", http::HeaderValue::from_static("-1"));
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn excerpt_is_bounded_and_lossy() {
        let long = "é".repeat(300);
        let text = excerpt(long.as_bytes());
        assert!(text.len() <= EXCERPT_LEN + 4);
        assert!(text.ends_with('…'));
    }
}
