//! Compressed answers (feature `gzip`) over real HTTP against the emulator, which compresses
//! its answers when asked as Slack does: the client asks, decompresses, holds the response size
//! limit to the decompressed bytes, and reports a damaged or cut-short gzip body as a
//! [`Error::Decode`], retried as an unreadable plain body is (reads, not writes).

use futures_util::TryStreamExt;
use slack_methods::methods::{UsersList, UsersProfileGet, UsersProfileSet};
use slack_methods::types::{Item, ProfileUpdate};
use slack_methods::{CallOptions, Client, Error, RateLimits, RetryPolicy, Token};
use slack_methods_emulator::{demo, Emulator, Fault, UserSpec};
use std::time::{Duration, Instant};

const USER: &str = "U0GZIP0001";
const TOKEN: &str = "xoxp-gzip-suite";
const SET: &str = "users.profile.set";
const GET: &str = "users.profile.get";
/// The client's response size limit in these tests.
const LIMIT: usize = 1024 * 1024;

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .gzip_answers()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new(USER, "zipped"));
    emu.add_token(TOKEN, USER, &["users.profile:read", "users.profile:write"]);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(TOKEN).unwrap())
        .rate_limits(RateLimits::off())
        .max_response_bytes(LIMIT)
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(50)),
        )
        .build()
        .unwrap();
    (emu, client)
}

fn write() -> UsersProfileSet {
    UsersProfileSet::profile(ProfileUpdate::new().status("zipped", ":package:", 0))
}

fn never() -> CallOptions {
    CallOptions::new().retry_policy(RetryPolicy::never())
}

/// The reason of a [`Error::Decode`], or a panic naming what came instead.
fn decode_reason<T: std::fmt::Debug>(result: Result<T, Error>) -> (String, String) {
    match result {
        Err(Error::Decode {
            status: 200,
            reason,
            excerpt,
            ..
        }) => (reason, excerpt),
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn calls_ask_for_gzip_and_read_the_compressed_answers() {
    let (emu, client) = setup().await;
    let set = client.call(&write()).await.unwrap();
    assert_eq!(set.profile.status_text, "zipped");
    let got = client.call(&UsersProfileGet::new()).await.unwrap();
    assert_eq!(got.profile.status_emoji, ":package:");
    // A list across pages, each page a compressed answer.
    let bot = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(demo::BOT_TOKEN).unwrap())
        .rate_limits(RateLimits::off())
        .build()
        .unwrap();
    let users: Vec<Item<_>> = bot
        .items(&UsersList::new().limit(2))
        .try_collect()
        .await
        .unwrap();
    assert!(users.len() >= 4, "{users:?}");
    assert!(users.iter().all(|user| matches!(user, Item::Parsed(_))));
    let requests = emu.requests();
    assert!(requests.len() >= 4);
    for request in requests {
        assert_eq!(
            request.header("accept-encoding"),
            Some("gzip"),
            "{request:?}"
        );
    }
}

/// A gzip bomb: 64 MiB of JSON in about 64 KiB on the wire. The limit counts decompressed
/// bytes, so the call stops at 1 MiB with the size error, without holding more than that.
#[tokio::test]
async fn a_gzip_bomb_stops_at_the_limit_of_decompressed_bytes() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::gzip_bomb(64 * LIMIT), 1);
    allocations::largest_allocation();
    let started = Instant::now();
    let result = client.call_with(&UsersProfileGet::new(), &never()).await;
    let largest = allocations::largest_allocation();
    let (reason, excerpt) = decode_reason(result);
    assert!(reason.contains("limit"), "{reason}");
    // The excerpt is the decompressed text, not compressed bytes.
    assert!(excerpt.starts_with(r#"{"ok":true"#), "{excerpt}");
    // The body buffer grows by doubling up to the limit; the emulator (on this thread too)
    // compresses its padding a MiB at a time.
    assert!(
        largest <= 4 * LIMIT,
        "a {largest}-byte allocation for a body limited to {LIMIT} bytes"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    // Under the limit, the same kind of answer reads whole.
    emu.inject(GET, Fault::gzip_bomb(LIMIT / 2), 1);
    let fine = client.call_with(&UsersProfileGet::new(), &never()).await;
    assert!(fine.is_ok(), "{fine:?}");
}

/// A damaged gzip body (its checksum wrong) and one cut short inside a complete HTTP answer
/// are decode errors naming gzip; like any unreadable body, a read is retried and a write is
/// not (it was applied).
#[tokio::test]
async fn damaged_and_cut_short_gzip_bodies_are_decode_errors_retried_for_reads_only() {
    for fault in [Fault::CorruptGzip, Fault::TruncatedGzip] {
        let (emu, client) = setup().await;
        emu.inject(SET, fault.clone(), 1);
        let (reason, excerpt) = decode_reason(client.call(&write()).await);
        assert!(reason.contains("gzip"), "{fault:?}: {reason}");
        assert_eq!(emu.requests_for(SET).len(), 1, "{fault:?} was retried");
        assert_eq!(emu.applied_writes(SET), 1);
        if fault == Fault::CorruptGzip {
            // Every byte decompressed before the checksum failed: the excerpt is the answer.
            assert!(excerpt.starts_with(r#"{"ok":true"#), "{excerpt}");
        }

        emu.inject(GET, fault.clone(), 1);
        let got = client.call(&UsersProfileGet::new()).await;
        assert!(got.is_ok(), "{fault:?}: {got:?}");
        assert_eq!(emu.requests_for(GET).len(), 2, "{fault:?}");
    }
}

/// A compressed answer whose connection closes before its `Content-Length` is reached fails as
/// a cut-short plain answer does: a transport error, retried for reads.
#[tokio::test]
async fn a_compressed_answer_cut_off_by_the_connection_is_a_transport_error() {
    let (emu, client) = setup().await;
    emu.inject(GET, Fault::truncated(), 1);
    let err = client
        .call_with(&UsersProfileGet::new(), &never())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { connect: false, .. }),
        "{err:?}"
    );
    emu.inject(GET, Fault::truncated(), 1);
    client.call(&UsersProfileGet::new()).await.unwrap();
}

/// The largest single allocation made on the current thread since [`largest_allocation`] was
/// last reset.
mod allocations {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Tracking;

    thread_local! {
        static LARGEST: Cell<usize> = const { Cell::new(0) };
    }

    fn note(size: usize) {
        let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
    }

    /// The largest allocation since the last call, which starts a new count.
    pub fn largest_allocation() -> usize {
        LARGEST.with(|largest| largest.replace(0))
    }

    // SAFETY: every call is passed on to the system allocator unchanged; the bookkeeping is a
    // const-initialised thread-local cell, which allocates nothing.
    unsafe impl GlobalAlloc for Tracking {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            note(layout.size());
            unsafe { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            note(layout.size());
            unsafe { System.alloc_zeroed(layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            note(new_size);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }
}

#[global_allocator]
static ALLOCATOR: allocations::Tracking = allocations::Tracking;
