//! An address whose TCP handshake never completes, for connect timeouts.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;
use tokio::net::{TcpListener, TcpSocket, TcpStream};

/// The most connections made to fill the accept queue before giving up.
const MAX_FILLERS: usize = 64;
/// How long a connect may take before the queue counts as full. A loopback handshake with room
/// in the queue completes in microseconds.
const PROBE: Duration = Duration::from_millis(100);

/// A TCP address on `127.0.0.1` where a client's connect hangs: nothing is sent, nothing is
/// answered, until the client's own connect timeout ends the attempt.
///
/// A listener is opened with the smallest accept queue and never accepts; the blackhole fills
/// the queue with connections of its own, after which the kernel drops every further SYN, so a
/// client's handshake never completes. This is how Linux treats a full accept queue; where a
/// kernel answers differently (a reset, or a queue that never fills), [`Blackhole::start`]
/// returns an error rather than an address that does not hang.
///
/// Dropping the blackhole closes the listener and its connections.
///
/// ```no_run
/// use slack_methods_emulator::Blackhole;
/// use slack_methods_runtime::{Client, Token};
/// use std::time::Duration;
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let hole = Blackhole::start().await?;
/// let client = Client::builder()
///     .base_url(&hole.base_url())
///     .token(Token::new("xoxb-test")?)
///     .connect_timeout(Duration::from_millis(200))
///     .build()?;
/// // Any call now fails with `Error::Transport { connect: true, .. }` after the connect
/// // timeout (and its retries): nothing was sent.
/// # let _ = client; Ok(()) }
/// ```
pub struct Blackhole {
    addr: SocketAddr,
    _listener: TcpListener,
    _fillers: Vec<TcpStream>,
}

impl fmt::Debug for Blackhole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Blackhole")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Blackhole {
    /// Opens the listener on a port the OS picks and fills its accept queue.
    ///
    /// Fails if binding fails, if it is not called within a tokio runtime, or if the kernel does
    /// not make a connect hang once the queue is full.
    ///
    /// # Panics
    ///
    /// As [`EmulatorBuilder::start`](crate::EmulatorBuilder::start), on a tokio runtime built
    /// without its IO driver.
    pub async fn start() -> io::Result<Blackhole> {
        // Tokio's listener would panic outside a runtime; say why instead.
        tokio::runtime::Handle::try_current().map_err(|err| {
            io::Error::other(format!("the blackhole needs a tokio runtime: {err}"))
        })?;
        let socket = TcpSocket::new_v4()?;
        socket.bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        let listener = socket.listen(0)?;
        let addr = listener.local_addr()?;
        let mut fillers = Vec::new();
        loop {
            if fillers.len() >= MAX_FILLERS {
                return Err(io::Error::new(
                    io::ErrorKind::Unsupported,
                    "the accept queue of a listener never filled up",
                ));
            }
            match tokio::time::timeout(PROBE, TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => fillers.push(stream),
                Ok(Err(err)) => return Err(err),
                // The handshake hangs: the queue is full.
                Err(_) => break,
            }
        }
        if fillers.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "a listener with room in its queue did not complete a handshake",
            ));
        }
        Ok(Blackhole {
            addr,
            _listener: listener,
            _fillers: fillers,
        })
    }

    /// The address (`127.0.0.1:<port>`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A base URL on it for a client: `http://127.0.0.1:<port>/api/`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/", self.addr)
    }
}
