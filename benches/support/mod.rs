//! What both benchmark programs share: a counting allocator, the users.profile.set requests
//! that are measured, and the bodies a responder answers with.
//!
//! The bodies are written for these benchmarks (made-up user, realistic shape and size: the
//! fields Slack returns for a profile, about 1.6 KB), not copied from any recording.

#![allow(dead_code)] // each bench binary uses a different part

use slack_methods::methods::UsersProfileSet;
use slack_methods::types::ProfileUpdate;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};

/// The system allocator, counting allocations, bytes, and the peak of live bytes, except on
/// threads that called [`stop_counting_this_thread`].
pub struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);
static LIVE: AtomicI64 = AtomicI64::new(0);
static PEAK: AtomicI64 = AtomicI64::new(0);

thread_local! {
    static UNCOUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Leaves this thread's allocations out of every counter (for the end-to-end responder).
pub fn stop_counting_this_thread() {
    UNCOUNTED.with(|flag| flag.set(true));
}

fn counted() -> bool {
    !UNCOUNTED.with(Cell::get)
}

// SAFETY: every call is forwarded unchanged to `System`; the counters do not touch memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counted() {
            LIVE.fetch_sub(layout.size() as i64, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A realloc counts as one allocation of the new size.
        if counted() {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(new_size as u64, Relaxed);
            let grow = new_size as i64 - layout.size() as i64;
            let live = LIVE.fetch_add(grow, Relaxed) + grow;
            PEAK.fetch_max(live, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

fn note_alloc(size: usize) {
    if counted() {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(size as u64, Relaxed);
        let live = LIVE.fetch_add(size as i64, Relaxed) + size as i64;
        PEAK.fetch_max(live, Relaxed);
    }
}

/// Allocation counters at one moment.
#[derive(Clone, Copy, Debug)]
pub struct AllocSnapshot {
    pub allocs: u64,
    pub bytes: u64,
}

/// The counters now.
pub fn alloc_snapshot() -> AllocSnapshot {
    AllocSnapshot {
        allocs: ALLOCS.load(Relaxed),
        bytes: BYTES.load(Relaxed),
    }
}

/// Starts a new peak-of-live-bytes measurement from the current live bytes.
pub fn reset_peak() {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
}

/// The most heap bytes live at once since [`reset_peak`].
pub fn peak_live_bytes() -> i64 {
    PEAK.load(Relaxed)
}

/// Heap bytes live now.
pub fn live_bytes() -> i64 {
    LIVE.load(Relaxed)
}

/// (allocations, bytes) per call of `f`, over `runs` calls.
pub fn allocs_per_op<R>(runs: u32, mut f: impl FnMut() -> R) -> (f64, f64) {
    // One call first, so one-time lazy initialisation is not counted.
    std::hint::black_box(f());
    let before = alloc_snapshot();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    let after = alloc_snapshot();
    (
        (after.allocs - before.allocs) as f64 / f64::from(runs),
        (after.bytes - before.bytes) as f64 / f64::from(runs),
    )
}

/// Status text, emoji and expiry: the common `profile` form.
pub fn profile_update() -> ProfileUpdate {
    ProfileUpdate::new()
        .status("riding a train", ":mountain_railway:", 1_798_761_600)
        .display_name("jane")
}

/// The same update with non-ASCII text: every such byte is percent-encoded twice over
/// (JSON leaves it as UTF-8, the form escapes each byte).
pub fn non_ascii_update() -> ProfileUpdate {
    ProfileUpdate::new()
        .status("Zoë fährt nach Zürich — 東京行き 🚆", ":train2:", 0)
        .display_name("Zoë Ångström")
        .title("Ingénieure système")
}

/// `users.profile.set` with the `profile` form.
pub fn profile_request() -> UsersProfileSet {
    UsersProfileSet::profile(profile_update())
}

/// `users.profile.set` with the `name`/`value` form.
pub fn field_request() -> UsersProfileSet {
    UsersProfileSet::field("first_name", "Jane")
}

/// `users.profile.set` with a non-ASCII profile.
pub fn non_ascii_request() -> UsersProfileSet {
    UsersProfileSet::profile(non_ascii_update())
}

/// A users.profile.set success body.
pub const SUCCESS_BODY: &str = r#"{"ok":true,"username":"jane","profile":{"title":"Staff Engineer","phone":"+1 555 0100","skype":"","real_name":"Jane Doe","real_name_normalized":"Jane Doe","display_name":"jane","display_name_normalized":"jane","fields":{"Xf0BENCH01":{"value":"Platform","alt":""},"Xf0BENCH02":{"value":"https://example.com/jane","alt":"homepage"}},"status_text":"riding a train","status_emoji":":mountain_railway:","status_emoji_display_info":[{"emoji_name":"mountain_railway","display_url":"https://example.com/emoji/1f69e.png","unicode":"1f69e"}],"status_expiration":1798761600,"avatar_hash":"g0a1b2c3d4e5","image_original":"https://example.com/avatars/original.png","is_custom_image":true,"email":"jane@example.com","pronouns":"she/her","huddle_state":"default_unset","huddle_state_expiration_ts":0,"first_name":"Jane","last_name":"Doe","image_24":"https://example.com/avatars/24.png","image_32":"https://example.com/avatars/32.png","image_48":"https://example.com/avatars/48.png","image_72":"https://example.com/avatars/72.png","image_192":"https://example.com/avatars/192.png","image_512":"https://example.com/avatars/512.png","image_1024":"https://example.com/avatars/1024.png","status_text_canonical":"","start_date":"","status_clear_on_focus_end":false}}"#;

/// A users.profile.set error body (`missing_scope`, with the scopes and a warning).
pub const ERROR_BODY: &str = r#"{"ok":false,"error":"missing_scope","needed":"users.profile:write","provided":"users.profile:read,users:read","warning":"superfluous_charset","response_metadata":{"warnings":["superfluous_charset"]}}"#;

/// The response headers Slack sends that the parser reads, plus the usual content type.
pub fn response_headers() -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(
        "x-oauth-scopes",
        http::HeaderValue::from_static("users.profile:read,users.profile:write,users:read"),
    );
    headers.insert(
        "x-accepted-oauth-scopes",
        http::HeaderValue::from_static("users.profile:write"),
    );
    headers
}

/// The token both clients send (a made-up user token).
pub const TOKEN: &str = "xoxp-0000000000-0000000000-0000000000000-benchmarktokenbenchmarktoken00";
