//! The HTTP client: sends what [`build_request`](crate::build_request) builds, over reqwest and
//! rustls (ring provider), and parses the answer with [`parse_response`](crate::parse_response).

use crate::error::Error;
use crate::limiter::{RateLimiter, RateLimits};
use crate::method::SlackMethod;
use crate::request::{build_request, BaseUrl};
use crate::response::{parse_response, SlackResponse};
use crate::retry::{jitter, RetryPolicy};
use crate::token::Token;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// The User-Agent every client sends: the crate, its version, and the Rust it was built with.
pub const USER_AGENT: &str = concat!(
    "slack-methods/",
    env!("CARGO_PKG_VERSION"),
    " rust/",
    env!("SLACK_METHODS_RUSTC_VERSION"),
    " ",
    env!("SLACK_METHODS_TARGET_OS"),
);

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// A Slack Web API client. Cheap to clone; clones share one connection pool.
///
/// ```no_run
/// use slack_methods_runtime::{Client, Token};
/// # fn demo() -> Result<(), slack_methods_runtime::Error> {
/// let token = Token::new("xoxb-...").map_err(|e| slack_methods_runtime::Error::Config { reason: e.to_string() })?;
/// let client = Client::builder().token(token).build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base: BaseUrl,
    /// `base`, parsed once for reqwest; method names are pushed onto its path.
    base_url: reqwest::Url,
    token: Option<Token>,
    timeout: Duration,
    max_response_bytes: usize,
    limiter: Arc<RateLimiter>,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("token", &self.inner.token)
            .field("timeout", &self.inner.timeout)
            .field("rate_limits", self.inner.limiter.limits())
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`].
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    base: Result<BaseUrl, String>,
    token: Option<Token>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: Option<String>,
    max_response_bytes: usize,
    rate_limiter: Option<Arc<RateLimiter>>,
    rate_limits: RateLimits,
    retry: RetryPolicy,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base: Ok(BaseUrl::slack()),
            token: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            rate_limiter: None,
            rate_limits: RateLimits::slack_tiers(),
            retry: RetryPolicy::default(),
        }
    }
}

impl ClientBuilder {
    /// The token sent with every call that does not bring its own.
    pub fn token(mut self, token: Token) -> Self {
        self.token = Some(token);
        self
    }

    /// The base URL, `https://slack.com/api/` by default. Method names are joined onto it.
    pub fn base_url(mut self, url: &str) -> Self {
        self.base = BaseUrl::parse(url).map_err(|err| err.to_string());
        self
    }

    /// The limit on one whole call, from connecting to the last body byte (30 s by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The limit on opening a connection (10 s by default).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Text put before this crate's own User-Agent, e.g. `my-app/1.2`.
    pub fn user_agent_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.user_agent = Some(prefix.into());
        self
    }

    /// The largest response body accepted (16 MiB by default); a larger one is a decode error.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// How calls are paced ([`RateLimits::slack_tiers`] by default; [`RateLimits::off`] to
    /// turn pacing off).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = limits;
        self.rate_limiter = None;
        self
    }

    /// Shares `limiter` with other clients, so that together they keep to one allowance
    /// (replaces [`rate_limits`](Self::rate_limits)).
    pub fn rate_limiter(mut self, limiter: Arc<RateLimiter>) -> Self {
        self.rate_limiter = Some(limiter);
        self
    }

    /// How failed calls are retried ([`RetryPolicy::default`]; [`RetryPolicy::never`] to
    /// turn retries off).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let base = self.base.map_err(|reason| Error::Config { reason })?;
        let user_agent = match self.user_agent {
            Some(prefix) => format!("{prefix} {USER_AGENT}"),
            None => USER_AGENT.to_owned(),
        };
        let http = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(self.connect_timeout)
            .tls_backend_preconfigured(tls_config()?)
            .build()
            .map_err(|err| Error::Config {
                reason: format!("cannot set up HTTP: {err}"),
            })?;
        let base_url = reqwest::Url::parse(base.as_str()).map_err(|err| Error::Config {
            reason: format!("base URL `{base}`: {err}"),
        })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                base,
                token: self.token,
                timeout: self.timeout,
                max_response_bytes: self.max_response_bytes,
                limiter: self
                    .rate_limiter
                    .unwrap_or_else(|| Arc::new(RateLimiter::new(self.rate_limits))),
                retry: self.retry,
            }),
        })
    }
}

/// rustls with the ring provider (or the process default, if the application installed one) and
/// the platform's certificate verifier.
fn tls_config() -> Result<rustls::ClientConfig, Error> {
    let provider = rustls::crypto::CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let tls_error = |err: &dyn fmt::Display| Error::Config {
        reason: format!("cannot set up TLS: {err}"),
    };
    let verifier =
        rustls_platform_verifier::Verifier::new(provider.clone()).map_err(|err| tls_error(&err))?;
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| tls_error(&err))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// Settings for one call that differ from the client's.
///
/// ```
/// use slack_methods_runtime::{CallOptions, RetryPolicy};
/// use std::time::Duration;
/// let options = CallOptions::new()
///     .timeout(Duration::from_secs(5))
///     .retry_policy(RetryPolicy::never());
/// # let _ = options;
/// ```
#[derive(Clone, Debug, Default)]
pub struct CallOptions {
    token: Option<Token>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    paced: Option<bool>,
}

impl CallOptions {
    /// The client's settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends this call with `token` instead of the client's.
    pub fn token(mut self, token: Token) -> Self {
        self.token = Some(token);
        self
    }

    /// The limit on each attempt of this call, from sending to the last body byte. (The
    /// connect timeout is the client's: connections are pooled and shared between calls.)
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy of this call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Whether this call waits for the rate limiter (it does unless the client's limits are off).
    pub fn paced(mut self, paced: bool) -> Self {
        self.paced = Some(paced);
        self
    }
}

impl Client {
    /// A client for Slack's API with `token` and the default settings.
    pub fn new(token: Token) -> Result<Client, Error> {
        Client::builder().token(token).build()
    }

    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL calls go to.
    pub fn base_url(&self) -> &BaseUrl {
        &self.inner.base
    }

    /// Calls `method` with the client's token and settings.
    ///
    /// The call waits for the rate limiter, sends, and retries as the [`RetryPolicy`] allows.
    /// Dropping the returned future cancels the call, also while it waits.
    pub async fn call<M: SlackMethod>(
        &self,
        method: &M,
    ) -> Result<SlackResponse<M::Response>, Error> {
        self.call_with(method, &CallOptions::default()).await
    }

    /// Calls `method` with `token` instead of the client's own.
    pub async fn call_with_token<M: SlackMethod>(
        &self,
        method: &M,
        token: &Token,
    ) -> Result<SlackResponse<M::Response>, Error> {
        self.call_with(method, &CallOptions::new().token(token.clone()))
            .await
    }

    /// Calls `method` with per-call settings.
    pub async fn call_with<M: SlackMethod>(
        &self,
        method: &M,
        options: &CallOptions,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let inner = &*self.inner;
        let token = options
            .token
            .as_ref()
            .or(inner.token.as_ref())
            .ok_or(Error::MissingToken { method: M::NAME })?;
        // Validation and encoding happen once, before any wait or I/O.
        let request = self.prepare::<M>(build_request(method, &inner.base, token)?);
        let policy = options.retry.as_ref().unwrap_or(&inner.retry);
        let timeout = options.timeout.unwrap_or(inner.timeout);
        let paced = options.paced.unwrap_or(true);
        let started = tokio::time::Instant::now();
        let mut retry = 0;
        loop {
            if paced {
                inner.limiter.acquire(token, M::NAME, M::TIER).await;
            }
            let error = match self.attempt::<M>(request.to_reqwest(), timeout).await {
                Ok(response) => return Ok(response),
                Err(error) => error,
            };
            if let Error::RateLimited {
                retry_after: Some(wait),
                ..
            } = &error
            {
                inner.limiter.pause(token, M::NAME, *wait);
            }
            let Some(wait) = policy.delay_for(&error, M::WRITES, retry, jitter()) else {
                return Err(error);
            };
            if started.elapsed() + wait > policy.get_budget() {
                tracing::debug!(method = M::NAME, retry, "retry budget spent");
                return Err(error);
            }
            tracing::debug!(
                method = M::NAME,
                retry,
                wait_ms = wait.as_millis() as u64,
                error = %error,
                "retrying"
            );
            tokio::time::sleep(wait).await;
            retry += 1;
        }
    }

    /// The built request in the form every attempt sends. The URL is the pre-parsed base with
    /// the method name pushed on (`reqwest::Request::try_from` would parse the whole URL again
    /// on every call); the body is shared, not copied, between attempts.
    fn prepare<M: SlackMethod>(&self, request: http::Request<Vec<u8>>) -> Prepared {
        let (parts, body) = request.into_parts();
        let mut url = self.inner.base_url.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.pop_if_empty().push(M::NAME);
        }
        url.set_query(parts.uri.query());
        Prepared {
            method: parts.method,
            url,
            headers: parts.headers,
            body: bytes::Bytes::from(body),
        }
    }

    async fn attempt<M: SlackMethod>(
        &self,
        request: reqwest::Request,
        timeout: Duration,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let exchange = async {
            let mut response = self
                .inner
                .http
                .execute(request)
                .await
                .map_err(transport::<M>)?;
            let status = response.status().as_u16();
            let headers = std::mem::take(response.headers_mut());
            let body = read_body::<M>(response, self.inner.max_response_bytes).await?;
            Ok::<_, Error>((status, headers, body))
        };
        let (status, headers, body) =
            tokio::time::timeout(timeout, exchange)
                .await
                .map_err(|_| Error::Timeout {
                    method: M::NAME,
                    after: timeout,
                })??;
        tracing::debug!(
            method = M::NAME,
            status,
            bytes = body.len(),
            "slack call answered"
        );
        parse_response::<M>(status, &headers, &body)
    }
}

/// One call's request, as sent by each attempt.
struct Prepared {
    method: http::Method,
    url: reqwest::Url,
    headers: http::HeaderMap,
    body: bytes::Bytes,
}

impl Prepared {
    fn to_reqwest(&self) -> reqwest::Request {
        let mut request = reqwest::Request::new(self.method.clone(), self.url.clone());
        *request.headers_mut() = self.headers.clone();
        *request.body_mut() = Some(self.body.clone().into());
        request
    }
}

fn transport<M: SlackMethod>(err: reqwest::Error) -> Error {
    if err.is_timeout() {
        tracing::debug!(method = M::NAME, "transport timeout");
    }
    Error::Transport {
        method: M::NAME,
        connect: err.is_connect(),
        source: Box::new(err.without_url()),
    }
}

async fn read_body<M: SlackMethod>(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Error> {
    let status = response.status().as_u16();
    let mut body = Vec::with_capacity(
        response
            .content_length()
            .map_or(1024, |n| usize::try_from(n).unwrap_or(limit).min(limit)),
    );
    while let Some(chunk) = response.chunk().await.map_err(transport::<M>)? {
        if body.len() + chunk.len() > limit {
            return Err(Error::Decode {
                method: M::NAME,
                status,
                reason: format!("the body is larger than the {limit}-byte limit"),
                excerpt: crate::response::excerpt(&body),
                source: None,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
