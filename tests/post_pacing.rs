//! `chat.postMessage`'s own limit, about one message a second *per channel*, against the
//! emulator enforcing Slack's tiers with time sped up: posting to twenty channels is not
//! throttled as one, twenty posts to one channel are paced, and the emulator counts each
//! channel on its own. The tests assert counts, order and 429s; the only timing they check is a
//! lower bound (paced calls cannot have gone faster than their slots).

use slack_methods::methods::{ChatPostMessage, ConversationsHistory};
use slack_methods::{
    CallOptions, ChannelId, ChannelRef, Client, Error, RateLimits, RetryPolicy, Token,
};
use slack_methods_emulator::{demo, Emulator};
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

mod common;

/// The demo's project channels, the bot a member of each.
fn project(n: usize) -> ChannelId {
    ChannelId::new(format!("C0DEMOP{n:03}")).unwrap()
}

async fn emulator(time_scale: f64) -> Emulator {
    let emu = common::demo_emulator().await;
    emu.set_tier_limits(time_scale);
    emu
}

fn client(emu: &Emulator, limits: RateLimits, retry: RetryPolicy) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(demo::BOT_TOKEN).unwrap())
        .rate_limits(limits)
        .retry_policy(retry)
        .build()
        .unwrap()
}

/// Posts one message to each channel at once; the results in the channels' order.
async fn post_all(client: &Client, channels: Vec<ChannelId>) -> Vec<Result<(), Error>> {
    post_all_with(client, channels, CallOptions::new()).await
}

async fn post_all_with(
    client: &Client,
    channels: Vec<ChannelId>,
    options: CallOptions,
) -> Vec<Result<(), Error>> {
    let mut tasks = JoinSet::new();
    for (i, channel) in channels.into_iter().enumerate() {
        let client = client.clone();
        let options = options.clone();
        tasks.spawn(async move {
            let post = ChatPostMessage::new(channel, format!("post {i}"));
            (i, client.call_with(&post, &options).await.map(|_| ()))
        });
    }
    let mut results: Vec<(usize, Result<(), Error>)> = tasks.join_all().await;
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// With no time to wait at all (a retry budget of zero), a post goes only if the limiter has a
/// free slot for it now: each of twenty channels has one, while twenty posts to one channel find
/// one free slot and must wait for the others, so they are refused unsent. (Real time: a slot
/// per channel every second or so, far longer than the calls take.)
#[tokio::test]
async fn twenty_channels_are_twenty_allowances() {
    let emu = emulator(1.0).await;
    let limits = RateLimits::slack_tiers().burst(1);
    let client = client(&emu, limits, RetryPolicy::default().budget(Duration::ZERO));

    let spread = post_all(&client, (1..=20).map(project).collect()).await;
    assert!(
        spread.iter().all(Result::is_ok),
        "posts to 20 channels waited: {spread:?}"
    );

    let crowded = post_all(&client, vec![project(21); 20]).await;
    let sent = crowded.iter().filter(|r| r.is_ok()).count();
    assert_eq!(sent, 1, "{crowded:?}");
    for result in crowded.iter().filter(|r| r.is_err()) {
        match result {
            Err(Error::RateLimited {
                method: "chat.postMessage",
                retry_after: Some(wait),
                status: None,
            }) => assert!(!wait.is_zero()),
            other => panic!("expected a post held back unsent, got {other:?}"),
        }
    }
    // Only what went was sent, and the emulator had no reason to refuse any of it.
    assert_eq!(emu.requests_for("chat.postMessage").len(), 21);
    assert_eq!(emu.rate_limited_responses(), 0);
    assert_eq!(emu.messages(project(21).as_str()).unwrap().len(), 1);
}

/// A minute lasts 3 s: each channel's 60 posts a minute become 20 a second. Twenty posts to one
/// channel, sent at once beside one post to each of twenty others, all succeed without a 429,
/// the crowded channel's spread over its slots.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_to_one_channel_are_paced_and_never_refused() {
    const SCALE: f64 = 20.0;
    let emu = emulator(SCALE).await;
    let limits = RateLimits::slack_tiers().time_scale(SCALE).burst(1);
    let client = client(&emu, limits, RetryPolicy::default());

    let started = Instant::now();
    let mut channels: Vec<ChannelId> = vec![project(1); 20];
    channels.extend((2..=21).map(project));
    let results = post_all(&client, channels).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(
        emu.rate_limited_responses(),
        0,
        "the emulator refused a post"
    );

    let crowded: Vec<Instant> = emu
        .requests_for("chat.postMessage")
        .iter()
        .filter(|r| r.param("channel") == Some(project(1).as_str()))
        .map(|r| r.received)
        .collect();
    assert_eq!(crowded.len(), 20, "a post was sent twice");
    // 19 slots after the first, each at least the pacing interval: 60 s / 20 (scale) over 57
    // calls (60 less the 5% headroom, a burst of 1).
    let interval = Duration::from_secs_f64(60.0 / SCALE / 57.0);
    let last = crowded.iter().max().unwrap();
    assert!(
        last.duration_since(started) >= interval * 19,
        "20 posts to one channel went in {:?}, faster than its slots allow",
        last.duration_since(started)
    );
    let history = client
        .call(&ConversationsHistory::new(project(1)).limit(100))
        .await
        .unwrap();
    assert_eq!(
        history.messages.len(),
        10,
        "a page of the emulator holds 10"
    );
    assert!(history.has_more);
    for n in 2..=21 {
        assert_eq!(emu.messages(project(n).as_str()).unwrap().len(), 1);
    }
}

/// The emulator counts `chat.postMessage` per channel: an unpaced client gets a 429 in the
/// channel it flooded and nowhere else, and the client's pause after that 429 holds only that
/// channel.
#[tokio::test]
async fn the_emulator_limits_each_channel_on_its_own() {
    // Real time: the 60 posts of a minute stay in the window for the whole test.
    let emu = emulator(1.0).await;
    let client = client(&emu, RateLimits::off(), RetryPolicy::never());
    let flooded = project(1);
    for n in 0..60 {
        client
            .call(&ChatPostMessage::new(flooded.clone(), format!("flood {n}")))
            .await
            .unwrap();
    }
    let refused = client
        .call(&ChatPostMessage::new(flooded.clone(), "one too many"))
        .await;
    match refused {
        Err(Error::RateLimited {
            retry_after: Some(wait),
            status: Some(429),
            ..
        }) => assert!(wait >= Duration::from_secs(1)),
        other => panic!("expected a 429, got {other:?}"),
    }
    assert_eq!(emu.rate_limited_responses(), 1);
    assert_eq!(emu.messages(flooded.as_str()).unwrap().len(), 60);

    // The client's pause after that 429 holds the flooded channel only: with no time to wait
    // (a zero budget), a post there is held back unsent, posts elsewhere go.
    let no_wait = CallOptions::new().retry_policy(RetryPolicy::never().budget(Duration::ZERO));
    let held = client
        .call_with(
            &ChatPostMessage::new(flooded.clone(), "still paused"),
            &no_wait,
        )
        .await;
    assert!(
        matches!(held, Err(Error::RateLimited { status: None, .. })),
        "{held:?}"
    );
    let others = post_all_with(&client, (2..=20).map(project).collect(), no_wait).await;
    assert!(others.iter().all(Result::is_ok), "{others:?}");
    assert_eq!(emu.rate_limited_responses(), 1);
    assert_eq!(emu.requests_for("chat.postMessage").len(), 61 + 19);
}

/// A channel named with and without its `#` is one channel to Slack, so one allowance: with no
/// time to wait, the second post is held back unsent.
#[tokio::test]
async fn a_channel_name_with_or_without_its_hash_is_one_allowance() {
    let emu = emulator(1.0).await;
    let limits = RateLimits::slack_tiers().burst(1);
    let client = client(&emu, limits, RetryPolicy::default().budget(Duration::ZERO));

    let first = ChatPostMessage::new(ChannelRef::name("#project-07").unwrap(), "one");
    client.call(&first).await.unwrap();
    let second = ChatPostMessage::new(ChannelRef::name("project-07").unwrap(), "two");
    match client.call(&second).await {
        Err(Error::RateLimited { status: None, .. }) => {}
        other => panic!("expected the post held back unsent, got {other:?}"),
    }
    assert_eq!(emu.requests_for("chat.postMessage").len(), 1);
}
