//! Sans-IO request building: a [`SlackMethod`] value becomes an `http::Request` with its exact
//! body bytes, with no network involved.

use crate::error::{ConfigError, Error};
use crate::form::{multipart_body, FormEncoder};
use crate::method::{HttpVerb, SlackMethod};
use crate::token::{looks_like_token, Token, SECRET_NAMES};
use http::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use std::fmt;

/// The content type of every form body this crate sends.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Where the Web API lives: `https://slack.com/api/` unless told otherwise.
///
/// It is parsed once, when it is made; every call's URL is built from the parsed form.
///
/// ```
/// use slack_methods_runtime::BaseUrl;
/// let base = BaseUrl::parse("http://127.0.0.1:8080/api")?;
/// assert_eq!(base.method_url("auth.test"), "http://127.0.0.1:8080/api/auth.test");
/// # Ok::<(), slack_methods_runtime::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// The URL as text, ending in `/`.
    text: String,
    /// The same URL, parsed.
    uri: http::Uri,
}

impl BaseUrl {
    /// Slack's own base URL.
    pub const SLACK: &'static str = "https://slack.com/api/";

    /// Slack's own base URL.
    pub fn slack() -> BaseUrl {
        BaseUrl {
            text: Self::SLACK.to_owned(),
            uri: http::Uri::from_static(Self::SLACK),
        }
    }

    /// Checks that `url` is an absolute `http`/`https` URL with no query, fragment or
    /// credentials, and adds the trailing `/` method names are joined onto.
    ///
    /// The error shows the URL without its query, fragment and credentials, so a token pasted
    /// into the URL does not reach a log:
    ///
    /// ```
    /// use slack_methods_runtime::BaseUrl;
    /// let err = BaseUrl::parse("https://slack.com/api?token=xoxb-1234").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "base URL `https://slack.com/api` must not have a query or fragment"
    /// );
    /// ```
    pub fn parse(url: &str) -> Result<BaseUrl, Error> {
        BaseUrl::check(url).map_err(|bad| Error::Config(bad.into()))
    }

    /// [`BaseUrl::parse`], with the reason for a refusal.
    pub(crate) fn check(url: &str) -> Result<BaseUrl, BadBaseUrl> {
        let bad = |problem: &'static str| BadBaseUrl {
            url: Redacted(url).to_string(),
            problem,
        };
        let uri: http::Uri = url.parse().map_err(|_| bad("is not a valid URL"))?;
        match uri.scheme_str() {
            Some("http" | "https") => {}
            _ => return Err(bad("must start with `http://` or `https://`")),
        }
        if uri.host().is_none() {
            return Err(bad("has no host"));
        }
        if uri.query().is_some() || url.contains('#') {
            return Err(bad("must not have a query or fragment"));
        }
        // Anywhere, not only in what `http::Uri` takes for the authority: in
        // `https://bot:xoxb-1/2@slack.com` it sees the host `bot`.
        if url.contains('@') {
            return Err(bad("must not hold credentials"));
        }
        // `http::Uri` takes anything after the host's `:` (and then reports no port at all, so
        // calls would go to the scheme's own port): only a number a connection can use passes.
        let authority = uri.authority().map_or("", http::uri::Authority::as_str);
        let after_host = match authority.rfind(']') {
            Some(end) => &authority[end + 1..],
            None => authority,
        };
        if let Some((_, port)) = after_host.split_once(':') {
            if !port.is_empty()
                && (!port.bytes().all(|b| b.is_ascii_digit()) || port.parse::<u16>().is_err())
            {
                return Err(bad("has a port that is not a number up to 65535"));
            }
        }
        let mut text = url.to_owned();
        if !text.ends_with('/') {
            text.push('/');
        }
        let uri = text.parse().map_err(|_| bad("is not a valid URL"))?;
        Ok(BaseUrl { text, uri })
    }

    /// The URL of one method: the base followed by the method name.
    pub fn method_url(&self, method: &str) -> String {
        let base = self.text.as_str();
        let mut url = String::with_capacity(base.len() + method.len());
        url.push_str(base);
        url.push_str(method);
        url
    }

    /// The base URL as text, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The URL of one method's call: [`method_url`](Self::method_url), with `query` when
    /// there is one, parsed.
    pub(crate) fn method_uri(&self, method: &'static str, query: &str) -> Result<http::Uri, Error> {
        let mut url = self.method_url(method);
        if !query.is_empty() {
            url.push('?');
            url.push_str(query);
        }
        http::Uri::try_from(url).map_err(|source| {
            Error::Config(ConfigError::Request {
                method,
                source: source.into(),
            })
        })
    }

    /// The parsed base URL.
    pub(crate) fn parsed(&self) -> &http::Uri {
        &self.uri
    }

    /// Whether calls go over `https`.
    pub(crate) fn is_https(&self) -> bool {
        self.uri.scheme() == Some(&http::uri::Scheme::HTTPS)
    }

    /// The host calls go to.
    pub(crate) fn host(&self) -> &str {
        self.uri.host().unwrap_or_default()
    }

    /// The port calls go to (the scheme's own when the URL names none).
    pub(crate) fn port(&self) -> u16 {
        self.uri
            .port_u16()
            .unwrap_or(if self.is_https() { 443 } else { 80 })
    }
}

/// A base URL refused by [`BaseUrl::check`]: its text as errors show it, and the problem. (A
/// `ClientBuilder` keeps it until `build`, which reports it.)
#[derive(Clone, Debug)]
pub(crate) struct BadBaseUrl {
    url: String,
    problem: &'static str,
}

impl From<BadBaseUrl> for ConfigError {
    fn from(bad: BadBaseUrl) -> Self {
        ConfigError::BaseUrl {
            url: bad.url,
            problem: bad.problem,
        }
    }
}

/// A URL as error messages show it: without query, fragment and credentials (`user:pass@`),
/// which is where a pasted token would be. Everything up to the last `@` counts as credentials,
/// whatever it holds (a password may contain `/`, `?` or `#`).
struct Redacted<'a>(&'a str);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self.0;
        let (scheme, rest) = match url.find("://") {
            Some(at) => url.split_at(at + 3),
            None => ("", url),
        };
        let (credentials, rest) = match rest.rfind('@') {
            Some(at) => ("***@", &rest[at + 1..]),
            None => ("", rest),
        };
        let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
        write!(f, "{scheme}{credentials}{rest}")
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl::slack()
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BaseUrl({:?})", self.text)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Validates `method` and encodes its parameters as a form string (`a=1&b=2`). A file part
/// ([`FormEncoder::append_file`]) is not in it: [`build_request`] sends a form holding one as a
/// `multipart/form-data` body.
///
/// ```
/// use slack_methods_runtime::{encode_params, FormEncoder, HttpVerb, RateLimitTier, SlackMethod};
/// struct Ping;
/// impl SlackMethod for Ping {
///     const NAME: &'static str = "api.test";
///     const VERB: HttpVerb = HttpVerb::Post;
///     const SCOPES: &'static [&'static str] = &[];
///     const TIER: RateLimitTier = RateLimitTier::Tier4;
///     const WRITES: bool = false;
///     type Response = serde_json::Value;
///     fn encode_form(&self, form: &mut FormEncoder) -> Result<(), slack_methods_runtime::EncodeError> {
///         form.append("foo", "bar");
///         Ok(())
///     }
/// }
/// assert_eq!(encode_params(&Ping)?, "foo=bar");
/// # Ok::<(), slack_methods_runtime::Error>(())
/// ```
pub fn encode_params<M: SlackMethod>(method: &M) -> Result<String, Error> {
    encoded_form(method).map(FormEncoder::finish)
}

/// Validates `method` and encodes its parameters, plain pairs and file parts.
fn encoded_form<M: SlackMethod>(method: &M) -> Result<FormEncoder, Error> {
    method.validate().map_err(|invalid| Error::InvalidRequest {
        method: M::NAME,
        reason: invalid.reason().to_owned(),
    })?;
    let mut form = FormEncoder::with_capacity(256);
    method
        .encode_form(&mut form)
        .map_err(|source| Error::Encode {
            method: M::NAME,
            source,
        })?;
    Ok(form)
}

/// The `Authorization: Bearer` value of `token`, marked sensitive (it never shows in `Debug`).
pub(crate) fn authorization(token: &Token) -> Result<HeaderValue, Error> {
    // A `Token` holds visible ASCII only, which a header value always takes.
    let mut authorization = HeaderValue::try_from(format!("Bearer {}", token.expose_secret()))
        .map_err(|_| {
            let secret = token.expose_secret();
            let position = secret.bytes().position(|b| !b.is_ascii_graphic());
            Error::Config(ConfigError::Token(
                crate::token::TokenError::InvalidCharacter {
                    position: position.unwrap_or(secret.len()),
                },
            ))
        })?;
    authorization.set_sensitive(true);
    Ok(authorization)
}

/// Whether the form `params` carries a credential: a parameter named as one
/// ([`SECRET_NAMES`]), or a value that begins like a Slack token. Such a call is never sent with
/// its parameters in the URL, where servers and proxies log them.
fn carries_credentials(params: &str) -> bool {
    form_urlencoded::parse(params.as_bytes())
        .any(|(name, value)| SECRET_NAMES.contains(&name.as_ref()) || looks_like_token(&value))
}

/// The body of a request [`build_request`] builds: the form, or the multipart form, as bytes.
///
/// Its `Debug` shows only its length. A body holds the call's arguments, among them an OAuth
/// method's `client_secret` or `code` and a file's bytes, so a request printed with `{:?}` (as a
/// log line might) shows the method, the URL and the headers (the `Authorization` value marked
/// sensitive) but no argument. The bytes are the body's `Deref` target and
/// [`into_bytes`](RequestBody::into_bytes) gives them back.
///
/// ```
/// use slack_methods_runtime::RequestBody;
///
/// let body = RequestBody::from(b"code=c0de&client_secret=s3cr3t".to_vec());
/// assert_eq!(format!("{body:?}"), "RequestBody { len: 30 }");
/// assert_eq!(&*body, b"code=c0de&client_secret=s3cr3t");
/// assert_eq!(body.into_bytes().len(), 30);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RequestBody(Vec<u8>);

impl RequestBody {
    /// The body's bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

impl std::ops::Deref for RequestBody {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for RequestBody {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for RequestBody {
    fn from(bytes: Vec<u8>) -> RequestBody {
        RequestBody(bytes)
    }
}

impl From<RequestBody> for Vec<u8> {
    fn from(body: RequestBody) -> Vec<u8> {
        body.0
    }
}

impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBody")
            .field("len", &self.0.len())
            .finish()
    }
}

/// The longest query string a `GET` call puts in its URL: servers and proxies commonly refuse a
/// request line over 8 KiB (HTTP 414), and `http` builds no URI past 64 KiB. A longer one is sent
/// as a `POST` form.
const MAX_QUERY_BYTES: usize = 8 * 1024;

/// Builds the complete HTTP request for one call, with no I/O.
///
/// `POST {base}{NAME}` with the form body and its `Content-Length` (also `0` for a method
/// without parameters, as proxies that refuse a bodiless POST with 411 want), or
/// `GET {base}{NAME}?{form}` for `GET` methods. A `GET` method's call that carries a credential
/// as an argument (`client_secret`, `code`, `refresh_token`, as the OAuth methods name them,
/// or a value that begins like a token) is sent as a `POST` form instead, which Slack takes
/// for every method: the credential stays out of the URL. So is one whose arguments are longer
/// than a URL safely holds (8 KiB). The token goes in `Authorization: Bearer`, marked sensitive,
/// and nowhere else.
///
/// A call whose form holds a file part ([`FormEncoder::append_file`]) is sent as a `POST`
/// whatever the method's verb, with a `multipart/form-data` body: each plain parameter a text
/// part, then each file part with its file name and content type. The boundary is one that
/// occurs in no part.
///
/// The body is a [`RequestBody`], whose `Debug` shows its length only: printing the request
/// shows no argument.
pub fn build_request<M: SlackMethod>(
    method: &M,
    base: &BaseUrl,
    token: &Token,
) -> Result<http::Request<RequestBody>, Error> {
    call_request(method, base, Some(authorization(token)?))
}

/// [`build_request`] with the `Authorization` value already built (`None` for a call sent
/// without a token): the client builds its own once, then adds its `User-Agent` (and a proxy's
/// credentials) to what this returns.
pub(crate) fn call_request<M: SlackMethod>(
    method: &M,
    base: &BaseUrl,
    authorization: Option<HeaderValue>,
) -> Result<http::Request<RequestBody>, Error> {
    let form = encoded_form(method)?;
    if form.has_files() {
        return multipart_request::<M>(form, base, authorization);
    }
    let params = form.finish();
    let verb = match M::VERB {
        HttpVerb::Get if params.len() > MAX_QUERY_BYTES || carries_credentials(&params) => {
            HttpVerb::Post
        }
        verb => verb,
    };
    let (verb, uri, body) = match verb {
        HttpVerb::Post => (
            http::Method::POST,
            base.method_uri(M::NAME, "")?,
            params.into_bytes(),
        ),
        HttpVerb::Get => (
            http::Method::GET,
            base.method_uri(M::NAME, &params)?,
            Vec::new(),
        ),
    };
    // Room for these and the client's own two.
    let mut headers = http::HeaderMap::with_capacity(8);
    if let Some(authorization) = authorization {
        headers.insert(AUTHORIZATION, authorization);
    }
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    if verb == http::Method::POST {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(FORM_CONTENT_TYPE));
        headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    }
    let mut request = http::Request::new(RequestBody(body));
    *request.method_mut() = verb;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(request)
}

/// The request of a call whose form holds a file part: a `POST` with a `multipart/form-data`
/// body, whatever the method's verb.
fn multipart_request<M: SlackMethod>(
    form: FormEncoder,
    base: &BaseUrl,
    authorization: Option<HeaderValue>,
) -> Result<http::Request<RequestBody>, Error> {
    let (pairs, files) = form.into_parts();
    let multipart = multipart_body(&pairs, &files).map_err(|reason| Error::InvalidRequest {
        method: M::NAME,
        reason,
    })?;
    let content_type = HeaderValue::try_from(format!(
        "multipart/form-data; boundary={}",
        multipart.boundary
    ))
    .map_err(|_| Error::InvalidRequest {
        method: M::NAME,
        reason: "the multipart boundary is not a valid header value".to_owned(),
    })?;
    let mut headers = http::HeaderMap::with_capacity(8);
    if let Some(authorization) = authorization {
        headers.insert(AUTHORIZATION, authorization);
    }
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(CONTENT_TYPE, content_type);
    headers.insert(CONTENT_LENGTH, HeaderValue::from(multipart.body.len()));
    let mut request = http::Request::new(RequestBody(multipart.body));
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = base.method_uri(M::NAME, "")?;
    *request.headers_mut() = headers;
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(BaseUrl::slack().as_str(), BaseUrl::SLACK);
        assert_eq!(
            BaseUrl::default().method_url("a.b"),
            "https://slack.com/api/a.b"
        );
        assert!(BaseUrl::parse("ftp://x/").is_err());
        assert!(BaseUrl::parse("slack.com/api").is_err());
        assert!(BaseUrl::parse("https://x/api?token=1").is_err());
        assert!(BaseUrl::parse("https://u:p@x/api").is_err());
        assert!(BaseUrl::parse("https://x/api#frag").is_err());
        assert_eq!(
            BaseUrl::parse("http://127.0.0.1:99999/api/")
                .unwrap_err()
                .to_string(),
            "base URL `http://127.0.0.1:99999/api/` has a port that is not a number up to 65535"
        );
        // Anything else after the host's `:` would send calls to the scheme's own port.
        for url in [
            "http://127.0.0.1:abc/api/",
            "https://slack.com:443x/api",
            "http://[::1]:x/api",
        ] {
            let err = BaseUrl::parse(url).unwrap_err().to_string();
            assert!(
                err.ends_with("has a port that is not a number up to 65535"),
                "{err}"
            );
        }
        assert_eq!(
            BaseUrl::parse("http://[::1]:8080/api").unwrap().port(),
            8080
        );
        assert_eq!(BaseUrl::parse("http://[::1]/api").unwrap().port(), 80);
        assert!(BaseUrl::parse("http://127.0.0.1:65535/api/").is_ok());
        assert_eq!(
            BaseUrl::parse("http://127.0.0.1:1/api/").unwrap().as_str(),
            "http://127.0.0.1:1/api/"
        );
    }

    #[test]
    fn refused_base_urls_hide_query_fragment_and_credentials() {
        for (url, shown) in [
            ("https://x/api?token=xoxb-1", "https://x/api"),
            ("https://x/api#xoxb-1", "https://x/api"),
            ("https://bot:xoxb-1@x/api", "https://***@x/api"),
            ("https://bot:xoxb-1@x?t=xoxb-1", "https://***@x"),
            ("x/api?token=xoxb-1", "x/api"),
            ("ftp://x/a@b", "ftp://***@b"),
            // A password holding `/`, `?` or `#`: `http::Uri` would see the host `bot`.
            (
                "https://bot:xoxb-se/cret@slack.com/api",
                "https://***@slack.com/api",
            ),
            (
                "https://bot:xo?xb@slack.com/api?t=1",
                "https://***@slack.com/api",
            ),
            (
                "https://bot:xo#xb@slack.com/api",
                "https://***@slack.com/api",
            ),
        ] {
            assert_eq!(Redacted(url).to_string(), shown, "{url}");
            let err = BaseUrl::parse(url).unwrap_err().to_string();
            assert!(!err.contains("xoxb"), "{err}");
        }
    }

    #[test]
    fn credentials_never_go_in_the_query() {
        for (params, credential) in [
            ("channel=C1&limit=10", false),
            ("q=a+code+review&tokens=3", false),
            ("client_id=1.2&client_secret=s", true),
            ("code=4724469134.46", true),
            ("grant_type=refresh_token&refresh_token=xoxe-1-abc", true),
            // A token under any name, written as it is or encoded.
            ("key=xoxp-1-2", true),
            ("key=xoxe.xoxb-1-2", true),
            ("key=%78oxb-1", true),
            ("client%5Fsecret=s", true),
        ] {
            assert_eq!(carries_credentials(params), credential, "{params}");
        }
    }

    #[test]
    fn posts_carry_their_content_length() {
        use crate::form::{EncodeError, FormEncoder};
        use crate::method::RateLimitTier;
        struct Empty;
        impl SlackMethod for Empty {
            const NAME: &'static str = "a.b";
            const VERB: HttpVerb = HttpVerb::Post;
            const SCOPES: &'static [&'static str] = &[];
            const TIER: RateLimitTier = RateLimitTier::Tier4;
            const WRITES: bool = false;
            type Response = serde_json::Value;
            fn encode_form(&self, _: &mut FormEncoder) -> Result<(), EncodeError> {
                Ok(())
            }
        }
        let token = Token::new("xoxb-1").unwrap();
        let request = build_request(&Empty, &BaseUrl::default(), &token).unwrap();
        assert_eq!(request.headers()[CONTENT_LENGTH], "0");
    }

    #[test]
    fn a_form_with_a_file_goes_as_a_multipart_post_whatever_the_verb() {
        use crate::form::{EncodeError, FormEncoder, FormFile};
        use crate::method::RateLimitTier;
        struct Read(Option<FormFile>);
        impl SlackMethod for Read {
            const NAME: &'static str = "a.read";
            const VERB: HttpVerb = HttpVerb::Get;
            const SCOPES: &'static [&'static str] = &[];
            const TIER: RateLimitTier = RateLimitTier::Tier4;
            const WRITES: bool = false;
            type Response = serde_json::Value;
            fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
                form.append("limit", &2u8);
                form.append_file("file", &self.0);
                Ok(())
            }
        }
        let token = Token::new("xoxb-1").unwrap();
        let base = BaseUrl::default();
        let plain = build_request(&Read(None), &base, &token).unwrap();
        assert_eq!(plain.method(), http::Method::GET);
        assert_eq!(plain.uri(), "https://slack.com/api/a.read?limit=2");
        let file = FormFile::new("a.txt", &b"hi"[..]).with_content_type("text/plain");
        let request = build_request(&Read(Some(file)), &base, &token).unwrap();
        assert_eq!(request.method(), http::Method::POST);
        assert_eq!(request.uri(), "https://slack.com/api/a.read");
        assert_eq!(
            request.headers()[CONTENT_TYPE],
            "multipart/form-data; boundary=slack-methods-form-boundary"
        );
        let body = String::from_utf8(request.body().to_vec()).unwrap();
        assert_eq!(
            body,
            "--slack-methods-form-boundary\r\nContent-Disposition: form-data; name=\"limit\"\r\n\r\n2\r\n\
             --slack-methods-form-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\
             Content-Type: text/plain\r\n\r\nhi\r\n--slack-methods-form-boundary--\r\n"
        );
        assert_eq!(
            request.headers()[CONTENT_LENGTH],
            body.len().to_string().as_str()
        );
        assert!(!body.contains("xoxb"));
        assert_eq!(request.headers()[AUTHORIZATION], "Bearer xoxb-1");
    }
}
