//! Parses the 200-message `conversations.history` page of `benches/history_parse.rs` (built
//! from the reference data in `../shared`) with this project's types and with slack-morphism's
//! `SlackApiConversationsHistoryResponse`, interleaved in one run, timed on the thread's CPU
//! clock. It reports the messages slack-morphism cannot read, then compares both on the page of
//! the messages both read.

#[path = "../../support/history_page.rs"]
mod history_page;

use serde_json::Value;
use slack_methods::types::{List, Message, ResponseMetadata};
use slack_methods::{parse_response, slack_method, ChannelId};
use slack_morphism::api::SlackApiConversationsHistoryResponse;
use slack_morphism::SlackHistoryMessage;
use std::hint::black_box;
use std::path::PathBuf;

slack_methods::slack_object! {
    #[derive(Debug)]
    pub struct HistoryPage {
        pub messages: List<Message>,
        pub has_more: bool,
        pub pin_count: u64,
        pub response_metadata: Option<ResponseMetadata>,
    }
}

/// `conversations.history`, read into [`HistoryPage`].
#[slack_method("conversations.history", response = HistoryPage)]
pub struct History {
    pub channel: ChannelId,
}

fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let body = match history_page::history_page(&shared) {
        Ok(body) => body,
        Err(why) => {
            println!("skipped: the reference data is not usable ({why})");
            return;
        }
    };
    let page: Value = serde_json::from_slice(&body).expect("the page is JSON");
    let messages = page["messages"].as_array().expect("messages");

    // Which messages slack-morphism reads, one by one, and what the whole page gives.
    let mut common = Vec::new();
    let mut refused = 0;
    let mut reasons = std::collections::BTreeMap::<String, usize>::new();
    for message in messages {
        match serde_json::from_value::<SlackHistoryMessage>(message.clone()) {
            Ok(_) => common.push(message.clone()),
            Err(err) => {
                // Which example the message was built from: its text without the number.
                let text = message["text"].as_str().unwrap_or("");
                let base = text.rsplit_once(" (").map_or(text, |(base, _)| base);
                *reasons
                    .entry(format!("{err} (message \"{base}\")"))
                    .or_default() += 1;
                refused += 1;
            }
        }
    }
    for (reason, count) in &reasons {
        println!("slack-morphism refuses {count} messages: {reason}");
    }
    match serde_json::from_slice::<SlackApiConversationsHistoryResponse>(&body) {
        Ok(parsed) => println!(
            "slack-morphism reads the whole page: {} messages",
            parsed.messages.len()
        ),
        Err(err) => println!(
            "slack-morphism fails the whole page ({refused} of {} messages refused): {err}",
            messages.len()
        ),
    }
    let ours = parse_response::<History>(http::StatusCode::OK, &http::HeaderMap::new(), &body)
        .expect("ours reads the page");
    println!(
        "slack-methods reads the page: {} messages parsed, {} kept unparsed",
        ours.messages.iter().count(),
        ours.messages.unparsed().count()
    );

    // Pages with one odd message: a block of a type neither crate knows (Slack adds some every
    // year), a count written as a string (as Slack's own usergroups.list example does), a
    // number where a string was.
    let odd_cases: [(&str, &str, Value); 3] = [
        (
            "an unknown block type",
            "/messages/0/blocks/0/type",
            "rich_text_v2".into(),
        ),
        (
            "a count written as a string",
            "/messages/0/reply_count",
            "3".into(),
        ),
        ("a number where a string was", "/messages/0/text", 42.into()),
    ];
    for (what, pointer, value) in odd_cases {
        let mut odd_page = page.clone();
        match odd_page.pointer_mut(pointer) {
            Some(slot) => *slot = value,
            None => {
                // The newest message has no such field: add it.
                let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
                odd_page.pointer_mut(parent).expect("the parent exists")[key] = value;
            }
        }
        let odd_body = serde_json::to_vec(&odd_page).expect("JSON");
        let theirs = match serde_json::from_slice::<SlackApiConversationsHistoryResponse>(&odd_body)
        {
            Ok(parsed) => format!("reads {} messages", parsed.messages.len()),
            Err(err) => format!("fails the whole page ({err})"),
        };
        let ours = parse_response::<History>(http::StatusCode::OK, &http::HeaderMap::new(), &odd_body)
            .expect("ours reads the odd page");
        println!(
            "with {what}: slack-morphism {theirs}; slack-methods reads {} messages and keeps {} unparsed",
            ours.messages.iter().count(),
            ours.messages.unparsed().count()
        );
    }
    println!();

    let mut common_page = page.clone();
    common_page["messages"] = Value::Array(common);
    let common_body = serde_json::to_vec(&common_page).expect("JSON");
    let n = common_page["messages"].as_array().map_or(0, Vec::len);
    let theirs: SlackApiConversationsHistoryResponse =
        serde_json::from_slice(&common_body).expect("slack-morphism reads the common page");
    assert_eq!(theirs.messages.len(), n);
    println!("common page: {n} messages, {} bytes\n", common_body.len());

    const ROUNDS: usize = 21;
    const BATCH: usize = 40;
    let headers = http::HeaderMap::new();
    let body = &common_body[..];
    type Way<'a> = (&'static str, Box<dyn Fn() -> bool + 'a>);
    let ways: Vec<Way<'_>> = vec![
        (
            "slack-methods parse_response",
            Box::new(|| parse_response::<History>(http::StatusCode::OK, &headers, black_box(body)).is_ok()),
        ),
        (
            "slack-methods from_slice",
            Box::new(|| serde_json::from_slice::<HistoryPage>(black_box(body)).is_ok()),
        ),
        (
            "slack-morphism from_slice",
            Box::new(|| {
                serde_json::from_slice::<SlackApiConversationsHistoryResponse>(black_box(body))
                    .is_ok()
            }),
        ),
        (
            "serde_json::Value",
            Box::new(|| serde_json::from_slice::<Value>(black_box(body)).is_ok()),
        ),
    ];
    let mut times = vec![Vec::with_capacity(ROUNDS); ways.len()];
    for round in 0..=ROUNDS {
        for k in 0..ways.len() {
            let i = (k + round) % ways.len();
            let start = thread_cpu_ns();
            for _ in 0..BATCH {
                assert!((ways[i].1)(), "{} failed", ways[i].0);
            }
            let per_parse = (thread_cpu_ns() - start) as f64 / BATCH as f64 / 1000.0;
            if round > 0 {
                times[i].push(per_parse);
            }
        }
    }
    println!("thread CPU time per page ({ROUNDS} interleaved rounds of {BATCH}), ratio to slack-methods from_slice:");
    for (i, (name, _)) in ways.iter().enumerate() {
        let mut ratios: Vec<f64> = times[i].iter().zip(&times[1]).map(|(t, b)| t / b).collect();
        let ratio = median(&mut ratios);
        let mut own = times[i].clone();
        println!("  {name:<30} {:>8.0} µs   {ratio:.2}", median(&mut own));
    }
}
