//! Load: 1,000 concurrent `users.profile.set` calls through one `Client` against the emulator with
//! Slack's tiers enforced (time sped up). All succeed, no 429 reaches the caller or is even sent,
//! each write is applied exactly once, and the limiter's rate is within 10% of the allowed one.
//! Calls dropped while they wait for their slot do not push the others over the tier either.

use slack_methods::methods::UsersProfileSet;
use slack_methods::{Client, RateLimits, Token};
use slack_methods_emulator::{Emulator, UserSpec};
use std::sync::Arc;
use std::time::Instant;

const CALLS: usize = 1000;
/// A minute lasts a second: Tier 3's 50 calls a minute become 50 a second. (Shorter windows make
/// the test sensitive to scheduling hiccups of a loaded machine rather than to the limiter.)
const TIME_SCALE: f64 = 60.0;
const TIER3_PER_MINUTE: f64 = 50.0;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_writes_stay_within_the_tier() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0LOAD0001", "loaded"));
    emu.add_token("xoxp-load", "U0LOAD0001", &["users.profile:write"]);
    emu.set_tier_limits(TIME_SCALE);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxp-load").unwrap())
        .rate_limits(RateLimits::slack_tiers().time_scale(TIME_SCALE))
        .build()
        .unwrap();

    let started = Instant::now();
    let finished = Arc::new(std::sync::Mutex::new(Vec::with_capacity(CALLS)));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..CALLS {
        let client = client.clone();
        let finished = Arc::clone(&finished);
        tasks.spawn(async move {
            let set = UsersProfileSet::field("title", format!("call {i}"));
            let result = client.call(&set).await;
            finished.lock().unwrap().push(Instant::now());
            result
        });
    }
    let mut failures = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        if let Err(err) = joined.unwrap() {
            failures.push(err.to_string());
        }
    }
    let elapsed = started.elapsed().as_secs_f64();

    assert!(
        failures.is_empty(),
        "{} failed, e.g. {:?}",
        failures.len(),
        failures.first()
    );
    assert_eq!(
        emu.rate_limited_responses(),
        0,
        "the emulator had to send 429s"
    );
    assert_eq!(
        emu.requests_for("users.profile.set").len(),
        CALLS,
        "a call was sent twice"
    );
    assert_eq!(emu.applied_writes("users.profile.set"), CALLS);

    let allowed = TIER3_PER_MINUTE * TIME_SCALE / 60.0;
    let achieved = CALLS as f64 / elapsed;
    let ratio = achieved / allowed;
    println!(
        "load: {CALLS} calls in {elapsed:.2} s: {achieved:.1} calls/s against {allowed:.1} allowed \
         (ratio {ratio:.3})"
    );
    assert!(
        (0.90..=1.0).contains(&ratio),
        "the limiter ran at {ratio:.3} of the allowed rate"
    );
}

/// Calls that give up while they wait for their slot hand it back, and a slot handed back with
/// none reserved after it is undone: with a third of 400 calls dropped at random moments while
/// the others keep arriving, the emulator still never has to refuse one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_dropped_at_random_never_push_the_rest_over_the_tier() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0LOAD0002", "dropping"));
    emu.add_token("xoxp-drop", "U0LOAD0002", &["users.profile:write"]);
    emu.set_tier_limits(TIME_SCALE);
    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxp-drop").unwrap())
        .rate_limits(RateLimits::slack_tiers().time_scale(TIME_SCALE))
        .build()
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..400u64 {
        let client = client.clone();
        tasks.spawn(async move {
            // Arrivals spread over four (scaled) minutes; every third call gives up after up to
            // 0.9 s, some before their slot, some after.
            tokio::time::sleep(std::time::Duration::from_millis(i * 7919 % 4000)).await;
            let set = UsersProfileSet::field("title", format!("call {i}"));
            let call = client.call(&set);
            if i % 3 == 0 {
                let patience = std::time::Duration::from_millis(i * 104_729 % 900 + 1);
                let _ = tokio::time::timeout(patience, call).await;
                Ok(())
            } else {
                call.await.map(|_| ())
            }
        });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap().unwrap();
    }
    assert_eq!(
        emu.rate_limited_responses(),
        0,
        "the emulator had to send 429s"
    );
}
