//! The HTTP transport: hyper's pooled client over TCP, rustls for `https`, the environment's
//! proxy settings, and the connect timeout.
//!
//! Connections are kept alive and pooled per origin; a call takes an idle one or opens a new
//! one. Opening one (TCP, a proxy's `CONNECT`, the TLS handshake) is bounded by the connect
//! timeout as a whole: running out is a connect error, so nothing was sent.

use hyper::rt::{Read, ReadBufCursor, Write};
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector};
use hyper_util::client::proxy::matcher::Matcher;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpStream;
use tower_service::Service;

/// A request body: the bytes of a call, or a file's bytes streamed to its upload URL.
pub(crate) enum Body {
    Call(crate::client::SentBody),
    Upload(crate::upload::StreamedBody),
}

impl http_body::Body for Body {
    type Data = bytes::Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<bytes::Bytes>, BoxError>>> {
        match self.get_mut() {
            Body::Call(body) => Pin::new(body)
                .poll_frame(cx)
                .map(|frame| frame.map(|frame| frame.map_err(Into::into))),
            Body::Upload(body) => Pin::new(body)
                .poll_frame(cx)
                .map(|frame| frame.map(|frame| frame.map_err(Into::into))),
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Body::Call(body) => body.is_end_stream(),
            Body::Upload(body) => body.is_end_stream(),
        }
    }

    fn size_hint(&self) -> http_body::SizeHint {
        match self {
            Body::Call(body) => body.size_hint(),
            Body::Upload(body) => body.size_hint(),
        }
    }
}

/// The pooled client every call and upload of a [`Client`](crate::Client) goes through.
pub(crate) type HttpClient =
    hyper_util::client::legacy::Client<Timed<hyper_rustls::HttpsConnector<Route>>, Body>;

/// Builds the pooled client: TLS with `tls`, the proxies the environment names, and
/// `connect_timeout` on opening each connection.
pub(crate) fn client(tls: rustls::ClientConfig, connect_timeout: Duration) -> HttpClient {
    let mut tcp = HttpConnector::new();
    // `https` URLs go through the TLS layer above, which hands the TCP layer the same URL.
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    tcp.set_keepalive(Some(Duration::from_secs(60)));
    let proxies = Matcher::from_env();
    let route = Route {
        tcp,
        proxies: Arc::new(proxies),
    };
    let builder = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1();
    #[cfg(feature = "http2")]
    let builder = builder.enable_http2();
    let connector = Timed {
        inner: builder.wrap_connector(route),
        timeout: connect_timeout,
    };
    hyper_util::client::legacy::Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .timer(TokioTimer::new())
        .pool_idle_timeout(Duration::from_secs(90))
        .build(connector)
}

/// The `Proxy-Authorization` a plain-`http` request to `uri` must carry, when the environment
/// sends it through a proxy that wants credentials (a `https` request carries them in the
/// tunnel's `CONNECT` instead).
pub(crate) fn proxy_authorization(uri: &http::Uri) -> Option<http::HeaderValue> {
    if uri.scheme() != Some(&http::uri::Scheme::HTTP) {
        return None;
    }
    let intercept = Matcher::from_env().intercept(uri)?;
    intercept.basic_auth().cloned()
}

/// Opens a TCP connection to the destination, or through the proxy the environment names for
/// it: a `CONNECT` tunnel for `https`, the proxy itself for plain `http` (hyper then writes the
/// request's full URL, as proxies want).
#[derive(Clone)]
pub(crate) struct Route {
    tcp: HttpConnector,
    proxies: Arc<Matcher>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, BoxError>> + Send>>;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl Service<http::Uri> for Route {
    type Response = Stream;
    type Error = BoxError;
    type Future = BoxFuture<Stream>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Service::<http::Uri>::poll_ready(&mut self.tcp, cx).map_err(Into::into)
    }

    fn call(&mut self, dst: http::Uri) -> Self::Future {
        let mut tcp = self.tcp.clone();
        let intercept = self.proxies.intercept(&dst);
        Box::pin(async move {
            let Some(proxy) = intercept else {
                let io = tcp.call(dst).await?;
                return Ok(Stream { io, proxied: false });
            };
            if dst.scheme() == Some(&http::uri::Scheme::HTTPS) {
                let mut tunnel = Tunnel::new(proxy.uri().clone(), tcp);
                if let Some(auth) = proxy.basic_auth() {
                    tunnel = tunnel.with_auth(auth.clone());
                }
                let io = tunnel.call(dst).await?;
                Ok(Stream { io, proxied: false })
            } else {
                let io = tcp.call(proxy.uri().clone()).await?;
                Ok(Stream { io, proxied: true })
            }
        })
    }
}

/// A TCP connection, and whether it goes to a proxy that takes full URLs.
pub(crate) struct Stream {
    io: TokioIo<TcpStream>,
    proxied: bool,
}

impl Connection for Stream {
    fn connected(&self) -> Connected {
        self.io.connected().proxy(self.proxied)
    }
}

impl Read for Stream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl Write for Stream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
}

/// A connector whose connections must be open within `timeout` (TCP, tunnel and TLS
/// together); running out is an `io::ErrorKind::TimedOut` error.
#[derive(Clone)]
pub(crate) struct Timed<C> {
    inner: C,
    timeout: Duration,
}

impl<C> tower_service::Service<http::Uri> for Timed<C>
where
    C: Service<http::Uri>,
    C::Future: Send + 'static,
    C::Response: 'static,
    C::Error: Into<BoxError>,
{
    type Response = C::Response;
    type Error = BoxError;
    type Future = BoxFuture<C::Response>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, dst: http::Uri) -> Self::Future {
        let connect = self.inner.call(dst);
        let timeout = self.timeout;
        Box::pin(async move {
            match tokio::time::timeout(timeout, connect).await {
                Ok(done) => done.map_err(Into::into),
                Err(_) => Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("the connection was not open within {timeout:?}"),
                )
                .into()),
            }
        })
    }
}
