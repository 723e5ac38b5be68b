//! The HTTP client: sends what [`build_request`](crate::build_request) builds, over hyper's
//! pooled client and rustls (ring provider), and parses the answer with
//! [`parse_response`](crate::parse_response).
//!
//! Each call is one `tracing` span, `slack.call`, whose fields follow OpenTelemetry's HTTP
//! client conventions where they apply; see [`Client::call_with`].

use crate::error::{ConfigError, Error};
use crate::ids::TeamId;
use crate::limiter::{token_key, RateLimiter, RateLimits, Refused};
use crate::method::SlackMethod;
use crate::request::{authorization, call_request, BadBaseUrl, BaseUrl};
use crate::response::{parse_response, SlackResponse};
use crate::retry::{jitter, RetryPolicy};
use crate::store::SharedLimits;
use crate::token::Token;
use crate::transport::{Body, HttpClient};
use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::{pin, Pin};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::Instant;
use tracing::field::{display, Empty};
use tracing::{Instrument, Span};

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
/// The largest first buffer of a response body, whatever its `Content-Length` says: larger
/// bodies grow the buffer as their bytes actually arrive.
const MAX_FIRST_BUFFER: usize = 64 * 1024;
/// The first buffer of a body of unknown length.
const UNKNOWN_LENGTH_BUFFER: usize = 1024;
/// How many times one attempt is sent again when an HTTP/2 server refused it unprocessed.
const MAX_RESENDS: u32 = 2;
/// How long a token whose workspace could not be learned is counted by itself before the
/// client asks again.
const LEARN_AGAIN_AFTER: Duration = Duration::from_secs(60);
/// The most tokens whose learning the client keeps track of at once.
const MAX_LEARNING: usize = 10_000;

/// A Slack Web API client. Cheap to clone; clones share one connection pool.
///
/// ```no_run
/// use slack_methods_runtime::{Client, Token};
/// # fn demo() -> Result<(), slack_methods_runtime::Error> {
/// let token = Token::new("xoxb-...")?;
/// let client = Client::builder().token(token).build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: HttpClient,
    /// The `User-Agent` every request carries.
    user_agent: http::HeaderValue,
    /// The `Proxy-Authorization` every call carries, when the environment sends plain-`http`
    /// calls through a proxy that wants it.
    proxy_authorization: Option<http::HeaderValue>,
    base: BaseUrl,
    /// The host and port of `base`, for the call spans.
    server_address: String,
    server_port: u16,
    token: Option<Token>,
    /// The `Authorization` value of `token`, built once (marked sensitive).
    authorization: Option<http::HeaderValue>,
    timeout: Duration,
    connect_timeout: Duration,
    max_response_bytes: usize,
    limiter: Arc<RateLimiter>,
    retry: RetryPolicy,
    /// How the workspace of a token is learned, when the client does.
    learner: Option<Learner>,
    /// Learning in progress or done, by token hash: one `auth.test` (or whatever the learner
    /// calls) per token, however many calls wait for it.
    learning: Mutex<HashMap<u64, Learning>>,
}

/// One token's learning: its outcome (`None`: it failed) once known, and when it started.
struct Learning {
    cell: Arc<tokio::sync::OnceCell<Option<TeamId>>>,
    started: Instant,
}

/// A method that tells a token's workspace, and how to read it from the answer.
#[derive(Clone)]
struct Learner(Arc<dyn Learn>);

impl fmt::Debug for Learner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Learner({})", self.0.method())
    }
}

/// The future of one learning call.
type LearnFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<TeamId>, Error>> + Send + 'a>>;

trait Learn: Send + Sync {
    fn method(&self) -> &'static str;
    fn learn<'a>(&'a self, client: &'a Client, token: &'a Token) -> LearnFuture<'a>;
}

struct MethodLearner<M, F> {
    method: M,
    team_of: F,
}

impl<M, F> Learn for MethodLearner<M, F>
where
    M: SlackMethod + Send + Sync + 'static,
    M::Response: Send,
    F: Fn(&M::Response) -> Option<TeamId> + Send + Sync + 'static,
{
    fn method(&self) -> &'static str {
        M::NAME
    }

    fn learn<'a>(&'a self, client: &'a Client, token: &'a Token) -> LearnFuture<'a> {
        Box::pin(async move {
            let options = CallOptions::new()
                .token(token.clone())
                .retry_policy(RetryPolicy::never());
            let answer = client.call_traced(&self.method, &options, false).await?;
            Ok((self.team_of)(&answer.data))
        })
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("token", &self.inner.token)
            .field("timeout", &self.inner.timeout)
            .field("connect_timeout", &self.inner.connect_timeout)
            .field("rate_limits", self.inner.limiter.limits())
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`].
#[derive(Clone, Debug)]
pub struct ClientBuilder {
    /// The base URL, or why the one given cannot be used.
    base: Result<BaseUrl, BadBaseUrl>,
    token: Option<Token>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: Option<String>,
    max_response_bytes: usize,
    rate_limiter: Option<Arc<RateLimiter>>,
    rate_limits: RateLimits,
    shared_limits: Option<SharedLimits>,
    workspace: Option<TeamId>,
    learner: Option<Learner>,
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
            shared_limits: None,
            workspace: None,
            learner: None,
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
    /// A URL [`BaseUrl::parse`] refuses makes [`build`](Self::build) fail; the error shows it
    /// without query, fragment or credentials.
    pub fn base_url(mut self, url: &str) -> Self {
        self.base = BaseUrl::check(url);
        self
    }

    /// The limit on each attempt of a call (30 s by default), counted from the moment its
    /// request starts to go out on an open connection to the last byte of the answer's body.
    /// Opening the connection is not part of it: that is the
    /// [`connect_timeout`](Self::connect_timeout)'s. (If the request has not started to go out
    /// when the connect timeout has passed, for instance while it waits for a connection
    /// another call is opening, the attempt's clock starts then.) Running out is
    /// [`Error::Timeout`]. Waits between attempts are bounded by the retry budget instead
    /// ([`RetryPolicy::budget`]). `Duration::MAX` sets no limit; zero makes
    /// [`build`](Self::build) fail with [`ConfigError::Setting`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The limit on opening a connection: TCP and TLS handshakes (10 s by default). A
    /// connection not open in time is [`Error::Transport`] with `connect: true`: nothing was
    /// sent, so it is retried for every method. Connections are pooled and kept between calls,
    /// so most attempts need none. Zero makes [`build`](Self::build) fail.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Text put before this crate's own User-Agent, e.g. `my-app/1.2` (blank text is none).
    /// Text that cannot be sent in a header, such as a line break, makes
    /// [`build`](Self::build) fail with [`ConfigError::Setting`].
    pub fn user_agent_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.user_agent = Some(prefix.into());
        self
    }

    /// The largest response body accepted (16 MiB by default); a larger one is
    /// [`Error::Decode`]. A `Content-Length` above it is refused before a byte of the body is
    /// read, and a body's first buffer is at most 64 KiB whatever its `Content-Length` claims.
    /// The body of an answer whose status is not 2xx is cut at the limit instead: its status
    /// decides the error (a 429 is [`Error::RateLimited`] with its `Retry-After`).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// How calls are paced ([`RateLimits::slack_tiers`] by default; [`RateLimits::off`] to
    /// turn pacing off). Slack's `Retry-After` pauses apply whatever the pacing.
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = limits;
        self.rate_limiter = None;
        self
    }

    /// Shares `limiter` with other clients, so that together they keep to one allowance
    /// (replaces [`rate_limits`](Self::rate_limits) and [`shared_limits`](Self::shared_limits)).
    pub fn rate_limiter(mut self, limiter: Arc<RateLimiter>) -> Self {
        self.rate_limiter = Some(limiter);
        self
    }

    /// Keeps the rate limits in a shared store, so that every process using it (replicas, a
    /// worker pool) keeps to one allowance with this client; the limits themselves are still
    /// the [`rate_limits`](Self::rate_limits). See [`SharedLimits`] for what happens while the
    /// store cannot be reached.
    pub fn shared_limits(mut self, shared: SharedLimits) -> Self {
        self.shared_limits = Some(shared);
        self.rate_limiter = None;
        self
    }

    /// The workspace (its `team_id`) of the client's token: its calls are then counted against
    /// that workspace's allowance, with those of other tokens of the workspace (see
    /// [`RateLimiter::set_workspace`]). Without it, each token counts as a workspace of its own
    /// (unless [learned](Self::learn_workspace)).
    pub fn workspace(mut self, team: TeamId) -> Self {
        self.workspace = Some(team);
        self
    }

    /// Learns the workspace of each token the first time it is used, by calling `method` (with
    /// no retry) and reading the workspace from its answer with `team_of`; with the bundled
    /// bindings, `.learn_workspace(AuthTest, |me| Some(me.team_id.clone()))`. Calls with a token
    /// wait for its one learning call; when it fails, the token counts as a workspace of its
    /// own for a minute, then the client asks again. The learning call is an ordinary call: it
    /// is paced, traced and counts toward the first call's budget.
    ///
    /// ```no_run
    /// use slack_methods_runtime::{Client, TeamId};
    /// # fn demo<M>(who_am_i: M) -> Result<(), slack_methods_runtime::Error>
    /// # where M: slack_methods_runtime::SlackMethod<Response = serde_json::Value> + Send + Sync + 'static {
    /// // `who_am_i`: a binding of `auth.test` whose answer carries `team_id`.
    /// let client = Client::builder()
    ///     .learn_workspace(who_am_i, |me: &serde_json::Value| {
    ///         me["team_id"].as_str().and_then(|id| TeamId::new(id).ok())
    ///     })
    ///     .build()?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub fn learn_workspace<M, F>(mut self, method: M, team_of: F) -> Self
    where
        M: SlackMethod + Send + Sync + 'static,
        M::Response: Send,
        F: Fn(&M::Response) -> Option<TeamId> + Send + Sync + 'static,
    {
        self.learner = Some(Learner(Arc::new(MethodLearner { method, team_of })));
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
        let base = self.base.map_err(ConfigError::from)?;
        check_timeout("timeout", self.timeout)?;
        check_timeout("connect_timeout", self.connect_timeout)?;
        let user_agent = match self.user_agent.as_deref().map(str::trim) {
            Some(prefix) if !prefix.is_empty() => format!("{prefix} {USER_AGENT}"),
            _ => USER_AGENT.to_owned(),
        };
        let user_agent =
            http::HeaderValue::try_from(user_agent).map_err(|_| ConfigError::Setting {
                setting: "user_agent_prefix",
                problem: "holds a character that cannot be sent in a header (a line break or \
                          another control character): give one line of text",
            })?;
        let http = crate::transport::client(tls_config()?, self.connect_timeout);
        let proxy_authorization = crate::transport::proxy_authorization(base.parsed());
        let limiter = match (self.rate_limiter, self.shared_limits) {
            (Some(limiter), _) => limiter,
            (None, Some(shared)) => Arc::new(RateLimiter::shared(self.rate_limits, shared)),
            (None, None) => Arc::new(RateLimiter::new(self.rate_limits)),
        };
        if let (Some(token), Some(team)) = (&self.token, self.workspace) {
            limiter.set_workspace(token, team);
        }
        let authorization = self.token.as_ref().map(authorization).transpose()?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                user_agent,
                proxy_authorization,
                server_address: base.host().to_owned(),
                server_port: base.port(),
                base,
                token: self.token,
                authorization,
                timeout: self.timeout,
                connect_timeout: self.connect_timeout,
                max_response_bytes: self.max_response_bytes,
                limiter,
                retry: self.retry,
                learner: self.learner,
                learning: Mutex::new(HashMap::new()),
            }),
        })
    }
}

/// rustls with the ring provider (or the process default, if the application installed one) and
/// the platform's certificate verifier (feature `platform-verifier`), or Mozilla's roots (feature
/// `webpki-roots`).
fn tls_config() -> Result<rustls::ClientConfig, ConfigError> {
    let provider = rustls::crypto::CryptoProvider::get_default()
        .cloned()
        .unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()));
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|err| ConfigError::Tls(Box::new(err)))?;
    #[cfg(feature = "webpki-roots")]
    let config = {
        let _ = provider;
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        builder.with_root_certificates(roots).with_no_client_auth()
    };
    #[cfg(all(feature = "platform-verifier", not(feature = "webpki-roots")))]
    let config = {
        let verifier = rustls_platform_verifier::Verifier::new(provider)
            .map_err(|err| ConfigError::Tls(Box::new(err)))?;
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth()
    };
    // Neither feature (a build that only talks to a plain-http emulator): no root is trusted,
    // so every `https` server fails its certificate check.
    #[cfg(not(any(feature = "platform-verifier", feature = "webpki-roots")))]
    let config = {
        let _ = provider;
        builder
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth()
    };
    // The connector sets the ALPN protocols (`h2` only with the `http2` feature).
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
    /// Sent with no token at all ([`CallOptions::without_token`]).
    tokenless: bool,
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
        self.tokenless = false;
        self
    }

    /// Sends this call with no token at all, for the methods Slack calls without one:
    /// `oauth.v2.access`, with which an app exchanges the `code` of its OAuth redirect for its
    /// tokens, its `client_id` and `client_secret` being the credentials (as form arguments, so
    /// never in the URL). Such a call has no `Authorization` header, and the client's limiter
    /// neither paces it nor holds it for a pause (it counts calls by token); its retries follow
    /// the retry policy as any call's do.
    ///
    /// ```
    /// use slack_methods_runtime::CallOptions;
    /// let exchange = CallOptions::new().without_token();
    /// # let _ = exchange;
    /// ```
    pub fn without_token(mut self) -> Self {
        self.token = None;
        self.tokenless = true;
        self
    }

    /// The limit on each attempt of this call, as [`ClientBuilder::timeout`] counts it: from
    /// the moment the request starts to go out on an open connection to the last body byte.
    /// (The connect timeout is the client's: connections are pooled and shared between calls.)
    /// Zero fails the call with [`ConfigError::Setting`] before anything is sent.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy of this call.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Whether this call waits for its slot from the rate limiter (it does unless the client's
    /// limits are off). An unpaced call still waits out a pause Slack ordered with
    /// `Retry-After` for its (workspace, method), within its retry budget.
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

    /// The rate limiter the client's calls go through (shared with other clients when it was
    /// given with [`ClientBuilder::rate_limiter`]).
    pub fn rate_limiter(&self) -> &Arc<RateLimiter> {
        &self.inner.limiter
    }

    /// The HTTP client, for requests that are not method calls (a file's bytes to its upload
    /// URL): the same connection pool, TLS and User-Agent, and no token.
    pub(crate) fn http(&self) -> &HttpClient {
        &self.inner.http
    }

    /// The `User-Agent` every request carries.
    pub(crate) fn user_agent(&self) -> http::HeaderValue {
        self.inner.user_agent.clone()
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
    ///
    /// # Waits
    ///
    /// Before each attempt the call waits for any pause Slack ordered for its (workspace,
    /// method) with `Retry-After`, and, when it is paced, for its slot from the rate limiter
    /// (asked of the shared store, if the client has one: see [`SharedLimits`]). Those
    /// waits and the waits between retries all count toward the retry budget
    /// ([`RetryPolicy::budget`]): a wait that would end past the budget is not started. Then the
    /// call returns the last error, or, when it was not sent at all, [`Error::RateLimited`]
    /// with `status: None` and the wait it would have needed.
    ///
    /// # Tracing
    ///
    /// Each call is one span, `slack.call` (level INFO), entered around everything the call
    /// does; attempts, retries and pauses are DEBUG events inside it. Its fields:
    ///
    /// | field | value |
    /// |---|---|
    /// | `slack.method` | the method name, e.g. `users.profile.set` |
    /// | `http.request.method` | `POST` or `GET`, as sent |
    /// | `server.address`, `server.port` | the base URL's host and port |
    /// | `slack.attempts` | attempts sent |
    /// | `http.request.resend_count` | retries sent, when there were any |
    /// | `http.response.status_code` | the HTTP status of the last answer |
    /// | `slack.error_code` | Slack's `error`, when the last answer was `"ok": false` |
    /// | `slack.retry_after_ms` | the last `Retry-After` Slack sent |
    /// | `slack.waited_ms` | time spent waiting: rate limiter, pauses, backoff |
    /// | `slack.outcome` | `ok`; `not_retried` (a failure the policy does not retry); `retries_spent`; `budget_spent` (the next wait would pass the budget); `not_sent` (the first wait would pass the budget, or the request was refused before sending) |
    /// | `error.type` | when the call fails: Slack's error code, the HTTP status, or `rate_limited`, `not_sent`, `rate_limit_store`, `timeout`, `connect`, `transport`, `decode`, `response_mismatch`, `invalid_request`, `encode`, `missing_token`, `config` |
    /// | `slack.elapsed_ms` | the whole call |
    ///
    /// The token appears in none of them.
    pub async fn call_with<M: SlackMethod>(
        &self,
        method: &M,
        options: &CallOptions,
    ) -> Result<SlackResponse<M::Response>, Error> {
        self.call_traced(method, options, true).await
    }

    /// [`call_with`](Self::call_with); `learn`: whether the call may first learn its token's
    /// workspace (not for the learning call itself).
    async fn call_traced<M: SlackMethod>(
        &self,
        method: &M,
        options: &CallOptions,
        learn: bool,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let inner = &*self.inner;
        let span = tracing::info_span!(
            "slack.call",
            "slack.method" = M::NAME,
            "http.request.method" = Empty,
            "server.address" = inner.server_address.as_str(),
            "server.port" = inner.server_port,
            "slack.attempts" = Empty,
            "http.request.resend_count" = Empty,
            "http.response.status_code" = Empty,
            "slack.error_code" = Empty,
            "slack.retry_after_ms" = Empty,
            "slack.waited_ms" = Empty,
            "slack.outcome" = Empty,
            "error.type" = Empty,
            "slack.elapsed_ms" = Empty,
        );
        let started = Instant::now();
        let mut record = Record::default();
        let result = self
            .run(method, options, started, learn, &mut record, &span)
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            record.finish(&span, started, &result);
        }
        result
    }

    async fn run<M: SlackMethod>(
        &self,
        method: &M,
        options: &CallOptions,
        started: Instant,
        learn: bool,
        record: &mut Record,
        span: &Span,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let inner = &*self.inner;
        let (token, authorization) = match (&options.token, &inner.token, &inner.authorization) {
            _ if options.tokenless => (None, None),
            (Some(token), _, _) => (Some(token), Some(authorization(token)?)),
            (None, Some(token), Some(authorization)) => (Some(token), Some(authorization.clone())),
            _ => return Err(Error::MissingToken { method: M::NAME }),
        };
        // Validation and encoding happen once, before any wait or I/O. The verb is recorded
        // once (a log line shows each value given): the one sent, since a `GET` method's call
        // that carries a credential goes as a `POST`, or the method's, for a call refused here.
        let request = match self.prepare(method, authorization) {
            Ok(request) => request,
            Err(error) => {
                span.record("http.request.method", M::VERB.as_str());
                return Err(error);
            }
        };
        span.record("http.request.method", request.method.as_str());
        let policy = options.retry.as_ref().unwrap_or(&inner.retry);
        let timeout = options.timeout.unwrap_or(inner.timeout);
        check_timeout("timeout", timeout)?;
        let paced = options.paced.unwrap_or(true);
        // `None`: a budget too long for the clock, so no limit.
        let deadline = started.checked_add(policy.get_budget());
        // For a method Slack limits per channel (`chat.postMessage`), the channel called; a name
        // counts with or without its `#`, as Slack takes it either way.
        let partition = M::TIER.limited_per().and_then(|name| request.param(name));
        let partition = partition.as_deref().map(|channel| {
            channel
                .strip_prefix('#')
                .filter(|name| !name.is_empty())
                .unwrap_or(channel)
        });
        if let (true, Some(learner), Some(token)) = (learn, &inner.learner, token) {
            if inner.limiter.workspace_of(token).is_none() {
                self.learn_workspace(learner, token, deadline).await;
            }
        }
        let mut retry = 0;
        // The error of the attempt before this one: what a retry the limiter refuses reports.
        let mut previous: Option<Error> = None;
        loop {
            // A call without a token is not the limiter's to count.
            let admitted = match token {
                Some(token) => {
                    inner
                        .limiter
                        .admit_in(token, M::NAME, partition, M::TIER, paced, deadline)
                        .await
                }
                None => Ok(Duration::ZERO),
            };
            let refused = match admitted {
                Ok(waited) => {
                    record.waited += waited;
                    None
                }
                Err(Refused::Store(source)) => {
                    tracing::debug!("the shared rate-limit store cannot be reached: not sent");
                    Some(Error::RateLimitStore {
                        method: M::NAME,
                        source,
                    })
                }
                Err(Refused::Wait(wait)) => {
                    tracing::debug!(
                        wait_ms = millis(wait),
                        "the rate limit's wait would pass the retry budget: not sent"
                    );
                    Some(Error::RateLimited {
                        method: M::NAME,
                        retry_after: Some(wait),
                        status: None,
                    })
                }
            };
            if let Some(refusal) = refused {
                // A retry that cannot go reports why the call failed: the attempt's error, not
                // the limiter's refusal of the retry.
                return Err(match previous {
                    Some(error) => {
                        record.outcome = "budget_spent";
                        error
                    }
                    None => {
                        record.outcome = "not_sent";
                        refusal
                    }
                });
            }
            record.attempts += 1;
            let error = match self
                .attempt::<M>(&request, timeout, &mut record.status)
                .await
            {
                Ok(response) => {
                    record.outcome = "ok";
                    return Ok(response);
                }
                Err(error) => error,
            };
            // Slack's order holds every call of this (workspace, method), paced or not.
            let paused = match &error {
                Error::RateLimited {
                    retry_after: Some(wait),
                    status: Some(_),
                    ..
                } => {
                    record.retry_after = Some(*wait);
                    // Without a token, the wait below is the call's own.
                    match token {
                        Some(token) => {
                            inner
                                .limiter
                                .pause_in(token, M::NAME, partition, *wait)
                                .await;
                            tracing::debug!(
                                retry_after_ms = millis(*wait),
                                "Slack ordered a pause"
                            );
                            !wait.is_zero()
                        }
                        None => false,
                    }
                }
                _ => false,
            };
            let Some(wait) = policy.delay_for(&error, M::WRITES, retry, jitter()) else {
                let retryable = policy.delay_for(&error, M::WRITES, 0, 0.0).is_some();
                record.outcome = if retryable && retry > 0 {
                    "retries_spent"
                } else {
                    "not_retried"
                };
                return Err(error);
            };
            // A wait of zero (`Retry-After: 0`) counts too: once the budget has run out, no
            // retry starts, so a server that asks for no wait cannot keep the call going.
            let resume = Instant::now().checked_add(wait);
            let past_budget =
                deadline.is_some_and(|deadline| resume.is_none_or(|resume| resume > deadline));
            if past_budget {
                tracing::debug!(retry, wait_ms = millis(wait), "retry budget spent");
                record.outcome = "budget_spent";
                return Err(error);
            }
            tracing::debug!(
                retry,
                wait_ms = millis(wait),
                error = %error,
                "retrying"
            );
            // After a pause the limiter holds the call until it ends (spread a little for
            // calls it does not pace, in slot order for those it does).
            if !paused {
                tokio::time::sleep(wait).await;
                record.waited += wait;
            }
            previous = Some(error);
            retry += 1;
        }
    }

    /// Learns `token`'s workspace with `learner`, once per token however many calls ask at
    /// once, within `deadline`. A failure is logged (DEBUG) and remembered for a while: the
    /// token then counts by itself.
    async fn learn_workspace(&self, learner: &Learner, token: &Token, deadline: Option<Instant>) {
        let inner = &*self.inner;
        let cell = {
            let mut learning = inner
                .learning
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let key = token_key(token);
            let stale = learning.get(&key).is_none_or(|entry| {
                matches!(entry.cell.get(), Some(None))
                    && entry.started.elapsed() >= LEARN_AGAIN_AFTER
            });
            if stale {
                if learning.len() >= MAX_LEARNING {
                    learning.clear();
                }
                learning.insert(
                    key,
                    Learning {
                        cell: Arc::new(tokio::sync::OnceCell::new()),
                        started: Instant::now(),
                    },
                );
            }
            match learning.get(&key) {
                Some(entry) => Arc::clone(&entry.cell),
                None => return,
            }
        };
        let learn = cell.get_or_init(|| async {
            match learner.0.learn(self, token).await {
                Ok(Some(team)) => {
                    tracing::debug!(workspace = %team, "learned the workspace of a token");
                    inner.limiter.set_workspace(token, team.clone());
                    Some(team)
                }
                Ok(None) => {
                    tracing::debug!(method = learner.0.method(), "the answer named no workspace");
                    None
                }
                Err(error) => {
                    tracing::debug!(
                        method = learner.0.method(),
                        error = %error,
                        "could not learn the workspace of a token: its calls count by themselves"
                    );
                    None
                }
            }
        });
        let learned = match deadline {
            Some(deadline) => tokio::time::timeout_at(deadline, learn).await.ok(),
            None => Some(learn.await),
        };
        if let Some(Some(team)) = learned {
            // Another client sharing the limiter may have started over its table.
            if inner.limiter.workspace_of(token).is_none() {
                inner.limiter.set_workspace(token, team.clone());
            }
        }
    }

    /// Validates and encodes `method` into the request every attempt sends: what
    /// [`build_request`](crate::build_request) builds, plus the `User-Agent` (and a proxy's
    /// credentials). The `Authorization` value is the client's, built once, unless the call
    /// brings its own token; the body is shared, not copied, between attempts.
    fn prepare<M: SlackMethod>(
        &self,
        method: &M,
        authorization: Option<http::HeaderValue>,
    ) -> Result<Prepared, Error> {
        let (parts, body) = call_request(method, &self.inner.base, authorization)?.into_parts();
        let mut headers = parts.headers;
        headers.insert(http::header::USER_AGENT, self.user_agent());
        #[cfg(feature = "gzip")]
        headers.insert(
            http::header::ACCEPT_ENCODING,
            crate::gunzip::ACCEPT_ENCODING,
        );
        if let Some(auth) = &self.inner.proxy_authorization {
            headers.insert(http::header::PROXY_AUTHORIZATION, auth.clone());
        }
        Ok(Prepared {
            method: parts.method,
            uri: parts.uri,
            headers,
            body: bytes::Bytes::from(body.into_bytes()),
        })
    }

    /// One attempt: sends the request and reads the answer within `timeout`, counted from the
    /// moment the request starts to go out (see [`ClientBuilder::timeout`]). A request an
    /// HTTP/2 server refused unprocessed is sent again at once, as part of the attempt.
    async fn attempt<M: SlackMethod>(
        &self,
        request: &Prepared,
        timeout: Duration,
        answered: &mut Option<u16>,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let inner = &*self.inner;
        let mut resends = 0;
        let (status, headers, body) = loop {
            let sent = Arc::new(Notify::new());
            let exchange = async {
                let response = inner
                    .http
                    .request(request.to_http(&sent))
                    .await
                    .map_err(Failure::Send)?;
                let (parts, body) = response.into_parts();
                let body =
                    read_body::<M>(parts.status, &parts.headers, body, inner.max_response_bytes)
                        .await
                        .map_err(Failure::Read)?;
                let (status, headers) = (parts.status, parts.headers);
                Ok::<_, Failure>((status, headers, body))
            };
            let clock = async {
                // Until the request goes out, the connect timeout is in charge (the connector
                // ends a connect that takes longer with a connect error). One timer serves both
                // phases: it is moved, not replaced, when the request goes out.
                let mut timer = pin!(tokio::time::sleep(inner.connect_timeout));
                let _ = first(sent.notified(), timer.as_mut()).await;
                match Instant::now().checked_add(timeout) {
                    Some(deadline) => {
                        timer.as_mut().reset(deadline);
                        timer.await;
                    }
                    // Too far for the clock: no limit.
                    None => std::future::pending().await,
                }
            };
            match first(exchange, clock).await {
                Some(Ok(answer)) => break answer,
                Some(Err(Failure::Send(err)))
                    if resends < MAX_RESENDS && refused_unprocessed(&err) =>
                {
                    resends += 1;
                    tracing::debug!(resends, "HTTP/2 request refused unprocessed: sent again");
                }
                Some(Err(Failure::Send(err))) => return Err(transport::<M>(err)),
                Some(Err(Failure::Read(err))) => return Err(err),
                None => {
                    return Err(Error::Timeout {
                        method: M::NAME,
                        after: timeout,
                    })
                }
            }
        };
        *answered = Some(status.as_u16());
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "slack call answered"
        );
        parse_response::<M>(status, &headers, &body)
    }
}

/// A zero timeout would end every attempt before its answer could arrive (or not, by a race):
/// refused with the setting's name.
fn check_timeout(setting: &'static str, timeout: Duration) -> Result<(), ConfigError> {
    if timeout.is_zero() {
        return Err(ConfigError::Setting {
            setting,
            problem: "is zero, so no answer could arrive in time: give the longest wait, more \
                      than zero (`Duration::MAX` for no limit)",
        });
    }
    Ok(())
}

/// What a call's span records when it ends.
#[derive(Default)]
struct Record {
    attempts: u64,
    /// The last answer's status, recorded once when the call ends (each value given to a field
    /// is a log line's field).
    status: Option<u16>,
    waited: Duration,
    retry_after: Option<Duration>,
    outcome: &'static str,
}

impl Record {
    fn finish<T>(&self, span: &Span, started: Instant, result: &Result<T, Error>) {
        span.record("slack.attempts", self.attempts);
        if self.attempts > 1 {
            span.record("http.request.resend_count", self.attempts - 1);
        }
        span.record("slack.waited_ms", millis(self.waited));
        if let Some(status) = self.status {
            span.record("http.response.status_code", status);
        }
        if let Some(wait) = self.retry_after {
            span.record("slack.retry_after_ms", millis(wait));
        }
        if let Err(error) = result {
            match error {
                Error::Api(api) => {
                    span.record("slack.error_code", api.code.as_str());
                    span.record("error.type", api.code.as_str());
                }
                Error::RateLimited {
                    status: Some(status),
                    ..
                } => {
                    if *status != 429 {
                        span.record("slack.error_code", "ratelimited");
                    }
                    span.record("error.type", "rate_limited");
                }
                Error::Http { status, .. } => {
                    span.record("error.type", display(status));
                }
                other => {
                    span.record("error.type", error_type(other));
                }
            }
        }
        let outcome = match (self.outcome, result) {
            // Refused before any attempt: no token, an invalid request, encoding.
            ("", Err(_)) => "not_sent",
            (outcome, _) => outcome,
        };
        span.record("slack.outcome", outcome);
        span.record("slack.elapsed_ms", millis(started.elapsed()));
    }
}

/// A low-cardinality name for a failure that is neither Slack's code nor an HTTP status.
fn error_type(error: &Error) -> &'static str {
    match error {
        Error::InvalidRequest { .. } => "invalid_request",
        Error::Encode { .. } => "encode",
        Error::MissingToken { .. } => "missing_token",
        Error::RateLimited { status: None, .. } => "not_sent",
        Error::RateLimited { .. } => "rate_limited",
        Error::RateLimitStore { .. } => "rate_limit_store",
        Error::Decode { .. } => "decode",
        Error::ResponseMismatch { .. } => "response_mismatch",
        Error::Timeout { .. } => "timeout",
        Error::Transport { connect: true, .. } => "connect",
        Error::Transport { .. } => "transport",
        Error::Config(_) => "config",
        Error::RepeatedCursor { .. } => "repeated_cursor",
        Error::Api(_) | Error::Http { .. } => "_OTHER",
    }
}

fn millis(wait: Duration) -> u64 {
    u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)
}

/// How an exchange failed: sending (the pool's error, still to classify) or reading the answer.
enum Failure {
    Send(hyper_util::client::legacy::Error),
    Read(Error),
}

/// Runs `work` until it finishes (`Some`) or `clock` does first (`None`).
async fn first<T>(work: impl Future<Output = T>, clock: impl Future<Output = ()>) -> Option<T> {
    let mut work = pin!(work);
    let mut clock = pin!(clock);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(done) = work.as_mut().poll(cx) {
            return Poll::Ready(Some(done));
        }
        clock.as_mut().poll(cx).map(|()| None)
    })
    .await
}

/// Whether an HTTP/2 server refused the request before processing it: a graceful `GOAWAY` that
/// excluded its stream, or `REFUSED_STREAM`. Such a request is safe to send again, for writes
/// too (RFC 9113, section 8.7).
#[cfg(feature = "http2")]
fn refused_unprocessed(err: &hyper_util::client::legacy::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(current) = source {
        if let Some(h2) = current.downcast_ref::<h2::Error>() {
            let graceful = h2.is_go_away() && h2.reason() == Some(h2::Reason::NO_ERROR);
            let refused = h2.is_reset() && h2.reason() == Some(h2::Reason::REFUSED_STREAM);
            return h2.is_remote() && (graceful || refused);
        }
        source = current.source();
    }
    false
}

/// Without HTTP/2 no server refuses a request that way.
#[cfg(not(feature = "http2"))]
fn refused_unprocessed(_: &hyper_util::client::legacy::Error) -> bool {
    false
}

/// One call's request, as sent by each attempt.
struct Prepared {
    method: http::Method,
    uri: http::Uri,
    headers: http::HeaderMap,
    body: bytes::Bytes,
}

impl Prepared {
    /// The value of parameter `name`, from the form body or the query string.
    fn param(&self, name: &str) -> Option<String> {
        let body = form_urlencoded::parse(&self.body);
        let query = form_urlencoded::parse(self.uri.query().unwrap_or_default().as_bytes());
        body.chain(query)
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned())
    }

    /// The request of one attempt; `sent` is notified when it starts to go out.
    fn to_http(&self, sent: &Arc<Notify>) -> http::Request<Body> {
        let mut request = http::Request::new(Body::Call(SentBody {
            data: self.body.clone(),
            sent: Some(Arc::clone(sent)),
        }));
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = self.uri.clone();
        *request.headers_mut() = self.headers.clone();
        request
    }
}

/// A request body that tells when the HTTP connection takes it: hyper reads the body (or, for
/// an empty one, drops it) once the request head is being written on an open connection. That
/// moment starts the attempt's clock.
pub(crate) struct SentBody {
    data: bytes::Bytes,
    sent: Option<Arc<Notify>>,
}

impl SentBody {
    fn signal(&mut self) {
        if let Some(sent) = self.sent.take() {
            sent.notify_one();
        }
    }
}

impl Drop for SentBody {
    fn drop(&mut self) {
        self.signal();
    }
}

impl http_body::Body for SentBody {
    type Data = bytes::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<bytes::Bytes>, Self::Error>>> {
        self.signal();
        let data = std::mem::take(&mut self.data);
        Poll::Ready((!data.is_empty()).then(|| Ok(http_body::Frame::data(data))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_empty()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(u64::try_from(self.data.len()).unwrap_or(u64::MAX))
    }
}

fn transport<M: SlackMethod>(err: hyper_util::client::legacy::Error) -> Error {
    Error::Transport {
        method: M::NAME,
        connect: err.is_connect(),
        source: Box::new(err),
    }
}

/// A failure while the answer's body was read.
fn broken_body<M: SlackMethod>(err: hyper::Error) -> Error {
    Error::Transport {
        method: M::NAME,
        connect: false,
        source: Box::new(err),
    }
}

/// Reads the body, refusing one larger than `limit`: at once when its `Content-Length` says
/// so, otherwise as soon as the bytes read pass it. The body of a status outside 2xx is cut at
/// the limit instead: its status decides the outcome (a 429 is a rate limit whatever its page
/// holds), and its first bytes are all the error keeps. The first buffer is sized from the
/// `Content-Length`, but never above [`MAX_FIRST_BUFFER`]. With the `gzip` feature, a
/// gzip-compressed body is decompressed as it arrives, and the limit holds for its compressed
/// and its decompressed bytes alike.
async fn read_body<M: SlackMethod>(
    status: http::StatusCode,
    headers: &http::HeaderMap,
    mut response: hyper::body::Incoming,
    limit: usize,
) -> Result<Vec<u8>, Error> {
    use http_body_util::BodyExt as _;
    let success = status.is_success();
    let status = status.as_u16();
    let too_large = |body: &[u8]| Error::Decode {
        method: M::NAME,
        status,
        reason: format!("the body is larger than the {limit}-byte limit"),
        excerpt: crate::response::excerpt(body),
        source: None,
    };
    let announced = headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
    if success && announced.is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
    {
        return Err(too_large(&[]));
    }
    let first = announced.map_or(UNKNOWN_LENGTH_BUFFER, |length| {
        usize::try_from(length).map_or(MAX_FIRST_BUFFER, |n| n.min(MAX_FIRST_BUFFER))
    });
    let mut body = Vec::with_capacity(first);
    #[cfg(feature = "gzip")]
    let mut gunzip = crate::gunzip::gzipped(headers)
        .then(|| crate::gunzip::Gunzip::new(std::mem::take(&mut body), limit));
    #[cfg(feature = "gzip")]
    let unreadable = |stop: crate::gunzip::Stop, body: &[u8]| match stop {
        crate::gunzip::Stop::TooLarge => too_large(body),
        crate::gunzip::Stop::Corrupt(err) => Error::Decode {
            method: M::NAME,
            status,
            reason: format!("the gzip-compressed body is damaged or cut short ({err})"),
            excerpt: crate::response::excerpt(body),
            source: None,
        },
    };
    loop {
        let Some(frame) = response
            .frame()
            .await
            .transpose()
            .map_err(broken_body::<M>)?
        else {
            break;
        };
        let Ok(chunk) = frame.into_data() else {
            continue;
        };
        #[cfg(feature = "gzip")]
        if let Some(gunzip) = &mut gunzip {
            match gunzip.write(&chunk) {
                Ok(()) => continue,
                Err(crate::gunzip::Stop::TooLarge) if !success => {
                    return Ok(gunzip.output().to_vec())
                }
                Err(stop) => return Err(unreadable(stop, gunzip.output())),
            }
        }
        if body.len().saturating_add(chunk.len()) > limit {
            if success {
                return Err(too_large(&body));
            }
            let room = limit.saturating_sub(body.len());
            body.extend_from_slice(chunk.get(..room).unwrap_or(&chunk));
            return Ok(body);
        }
        body.extend_from_slice(&chunk);
    }
    #[cfg(feature = "gzip")]
    if let Some(gunzip) = gunzip {
        return gunzip
            .finish()
            .map_err(|(stop, body)| unreadable(stop, &body));
    }
    Ok(body)
}
