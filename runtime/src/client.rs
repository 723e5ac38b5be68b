//! The HTTP client: sends what [`build_request`](crate::build_request) builds, over reqwest and
//! rustls (ring provider), and parses the answer with [`parse_response`](crate::parse_response).

use crate::error::Error;
use crate::method::SlackMethod;
use crate::request::{build_request, BaseUrl};
use crate::response::{parse_response, SlackResponse};
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
    token: Option<Token>,
    timeout: Duration,
    max_response_bytes: usize,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("token", &self.inner.token)
            .field("timeout", &self.inner.timeout)
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
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base,
                token: self.token,
                timeout: self.timeout,
                max_response_bytes: self.max_response_bytes,
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

    /// Calls `method` with the client's token.
    pub async fn call<M: SlackMethod>(
        &self,
        method: &M,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let token = self
            .inner
            .token
            .as_ref()
            .ok_or(Error::MissingToken { method: M::NAME })?;
        self.send(method, token).await
    }

    /// Calls `method` with `token` instead of the client's own.
    pub async fn call_with_token<M: SlackMethod>(
        &self,
        method: &M,
        token: &Token,
    ) -> Result<SlackResponse<M::Response>, Error> {
        self.send(method, token).await
    }

    async fn send<M: SlackMethod>(
        &self,
        method: &M,
        token: &Token,
    ) -> Result<SlackResponse<M::Response>, Error> {
        let request = build_request(method, &self.inner.base, token)?;
        let request = reqwest::Request::try_from(request).map_err(|err| Error::Config {
            reason: format!("cannot build the request: {err}"),
        })?;
        let timeout = self.inner.timeout;
        let exchange = async {
            let response = self
                .inner
                .http
                .execute(request)
                .await
                .map_err(|err| transport::<M>(err))?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
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

fn transport<M: SlackMethod>(err: reqwest::Error) -> Error {
    Error::Transport {
        method: M::NAME,
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
