//! Stdout that says when it can no longer be written. rmcp logs an answer it failed to write
//! and goes on reading; with the host gone but stdin still open (a pipe another process holds),
//! the server would run on, answering no one. A failed write or flush here signals
//! [`Closed`], and the server stops.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::io::{AsyncWrite, Stdout};
use tokio::sync::Notify;

/// The signal that stdout failed; [`Closed::wait`] returns once it has.
#[derive(Clone, Default)]
pub struct Closed(Arc<Notify>);

impl Closed {
    /// Waits until a write to the [`Watched`] stdout has failed.
    pub async fn wait(&self) {
        self.0.notified().await;
    }
}

/// Stdout, signalling [`Closed`] on its first failed write, flush or shutdown.
pub struct Watched {
    inner: Stdout,
    closed: Closed,
}

impl Watched {
    /// The process's stdout, and the signal of its failure.
    pub fn stdout() -> (Watched, Closed) {
        let closed = Closed::default();
        let watched = Watched {
            inner: tokio::io::stdout(),
            closed: closed.clone(),
        };
        (watched, closed)
    }

    fn note<T>(&self, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if let Poll::Ready(Err(_)) = &poll {
            // `notify_one` keeps the signal for a waiter that comes later.
            self.closed.0.notify_one();
        }
        poll
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.note(poll)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_flush(cx);
        self.note(poll)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let poll = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.note(poll)
    }
}
