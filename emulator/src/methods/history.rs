//! `conversations.history` and `conversations.replies`: a conversation's messages and one
//! thread, a page at a time.

use super::messages::{conversation, deliver_scheduled, parse_ts, present, ts_of, Access};
use super::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::{page_size, Channel, CURSOR_PREFIX};
use serde_json::{json, Map, Value};

/// The `oldest`/`latest` range of a call (`invalid_ts_oldest`, `invalid_ts_latest` when one is
/// not a timestamp), exclusive unless `inclusive`.
struct Range {
    oldest: Option<(u64, u32)>,
    latest: Option<(u64, u32)>,
    inclusive: bool,
}

impl Range {
    fn read(params: &[(String, String)]) -> Result<Range, Reply> {
        let bound = |name: &str, code: &str| match param(params, name).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(text) => parse_ts(text.trim()).map(Some).ok_or_else(|| fail(code)),
        };
        Ok(Range {
            oldest: bound("oldest", "invalid_ts_oldest")?,
            latest: bound("latest", "invalid_ts_latest")?,
            inclusive: truthy(param(params, "inclusive")),
        })
    }

    fn contains(&self, message: &Map<String, Value>) -> bool {
        let Some(ts) = parse_ts(ts_of(message)) else {
            return false;
        };
        let after = self
            .oldest
            .is_none_or(|oldest| ts > oldest || (self.inclusive && ts == oldest));
        let before = self
            .latest
            .is_none_or(|latest| ts < latest || (self.inclusive && ts == latest));
        after && before
    }
}

/// Which way a list of messages runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    NewestFirst,
    OldestFirst,
}

/// One page of `messages` (sorted by `ts` as `order` says) as the call's `cursor` and `limit`
/// ask (`invalid_cursor` for a cursor the emulator did not give), with `has_more` and the next
/// cursor. As Slack's, a cursor names the `ts` the next page starts at, not an offset: a message
/// posted or deleted between two pages neither repeats nor skips one.
fn paged(
    state: &State,
    channel: &Channel,
    messages: &[&Map<String, Value>],
    order: Order,
    params: &[(String, String)],
) -> Outcome {
    let start = match param(params, "cursor").filter(|cursor| !cursor.is_empty()) {
        None => 0,
        Some(cursor) => {
            let from = cursor
                .strip_prefix(CURSOR_PREFIX)
                .and_then(|rest| rest.strip_prefix("ts"))
                .and_then(parse_ts)
                .ok_or_else(|| fail("invalid_cursor"))?;
            messages.partition_point(|message| {
                parse_ts(ts_of(message)).is_some_and(|ts| match order {
                    Order::NewestFirst => ts > from,
                    Order::OldestFirst => ts < from,
                })
            })
        }
    };
    let size = page_size(param(params, "limit"), state.workspace.max_page);
    let end = start.saturating_add(size).min(messages.len());
    let range = start..end;
    let next = match messages.get(end) {
        Some(message) => format!("{CURSOR_PREFIX}ts{}", ts_of(message)),
        None => String::new(),
    };
    let metadata = truthy(param(params, "include_all_metadata"));
    let shown: Vec<Value> = messages[range]
        .iter()
        .map(|message| present(channel, message, metadata))
        .collect();
    let mut data = Map::new();
    data.insert("messages".into(), Value::Array(shown));
    data.insert("has_more".into(), json!(!next.is_empty()));
    if !next.is_empty() {
        data.insert("response_metadata".into(), json!({ "next_cursor": next }));
    }
    Ok(data)
}

/// `conversations.history`: the conversation's messages newest first, thread replies left out
/// unless also sent to the channel.
pub(crate) fn history(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Read)?;
    let range = Range::read(params)?;
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let listed: Vec<&Map<String, Value>> = channel
        .messages
        .iter()
        .rev()
        .filter(|message| {
            let root = message.get("thread_ts").and_then(Value::as_str);
            let top_level = root.is_none_or(|root| root == ts_of(message));
            let broadcast = message.get("subtype") == Some(&json!("thread_broadcast"));
            (top_level || broadcast) && range.contains(message)
        })
        .collect();
    let pins = channel
        .messages
        .iter()
        .filter(|m| {
            m.get("pinned_to")
                .and_then(Value::as_array)
                .is_some_and(|to| to.contains(&json!(channel_id)))
        })
        .count();
    let mut data = paged(state, channel, &listed, Order::NewestFirst, params)?;
    data.insert("pin_count".into(), json!(pins));
    data.insert("channel_actions_ts".into(), Value::Null);
    data.insert("channel_actions_count".into(), json!(0));
    Ok(data)
}

/// `conversations.replies`: a thread, its parent first and then the replies oldest first.
pub(crate) fn replies(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    deliver_scheduled(state);
    let channel_id = conversation(state, caller, param(params, "channel"), Access::Read)?;
    let range = Range::read(params)?;
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .ok_or_else(|| fail("channel_not_found"))?;
    let ts = param(params, "ts").filter(|ts| !ts.is_empty());
    let root = ts
        .and_then(|ts| super::messages::thread_root(channel, ts))
        .ok_or_else(|| fail("thread_not_found"))?;
    let thread: Vec<&Map<String, Value>> = channel
        .messages
        .iter()
        .filter(|message| {
            let in_thread = ts_of(message) == root
                || message.get("thread_ts").and_then(Value::as_str) == Some(root.as_str());
            in_thread && range.contains(message)
        })
        .collect();
    paged(state, channel, &thread, Order::OldestFirst, params)
}
