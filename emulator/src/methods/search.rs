//! `search.messages`, `search.files` and `search.all`: the messages and the files matching a
//! query, among those the caller can see.
//!
//! What Slack's pages state: a user token (the method's one scope, `search:read`, is a user
//! token's; Slack's method reference lists `user_is_bot` for a bot user's token); `count` is
//! at most 100 (default 20) and `page` from 1 (default 1); `sort` is `score` (the default) or
//! `timestamp`, `sort_dir` `desc` (the default) or `asc`; `cursor=*` asks for the first page of
//! cursor paging and each later page is at the `next_cursor` of the one before; `highlight`
//! marks matches between U+E000 and U+E001; the answer is `query` and `messages` with
//! `matches`, `total`, `paging` and `pagination`. The spec's example of a failure is a call
//! with no query, answered `"error": "No query passed"`. `search.files` and `search.all` take
//! the same arguments but `cursor` (Slack's Python SDK table) and need `search:read` too
//! (Slack's pages); Slack's page of `search.files` lists `no_query` for a call with no query.
//! Their answers' `files` group is as `messages`, with `matches` (file objects), `total`,
//! `paging` and `pagination`; `search.all` answers `messages` and `files` both.
//!
//! Where Slack is silent, these are the emulator's choices:
//!
//! - The messages searched are those of every public channel (whether the caller is in it or
//!   not, archived ones too) and of the private channels, direct and group direct messages the
//!   caller is in, thread replies included.
//! - The query is split at white space. A word matches a message when the message's text holds
//!   it as a whole word, ignoring case (words are runs of letters, digits and `_`; the
//!   punctuation around a query word is dropped, so quotes make no phrase); every word must
//!   match. The modifiers read are `in:` (`#name`, `name` or a conversation id), `from:`
//!   (`@name`, `name`, a user id or `<@U..>`), `before:` and `after:` (a `YYYY-MM-DD` day, in
//!   UTC: before the day starts, after it ends; a year of four digits at most), `on:` (that
//!   day) and `has:link` (the text holds `http://` or `https://`); a modifier naming a
//!   conversation or user the caller cannot see, or a day that is not one, matches nothing.
//!   Any other word with a colon is a word. A query of modifiers alone matches every message
//!   they let through.
//! - `score` is how many times the query's words occur in the text; matches with the same
//!   score are newest first, then by conversation id. `sort_dir=asc` reverses the whole order.
//!   An unknown `sort` or `sort_dir` is read as the default.
//! - A `count` above 100 is read as 100; 0 or one that is not a number as 20. A `page` past the
//!   last answers no matches, and names the page asked for.
//! - With a `cursor`, `page` is not read. As the other emulated lists', a cursor names where
//!   the next page starts (the score, `ts` and conversation of its first match), not an
//!   offset; a cursor the emulator did not give is `invalid_cursor`. The last page has no
//!   `response_metadata`. An empty `cursor` is no cursor.
//! - `team_id` is not read (the emulator has one workspace).
//! - `search.files` searches the completed files the caller can see as `files.list` does
//!   (their own, and those shared in a conversation they can see). A file's words are those of
//!   its `title`, and of its `name` when that differs (an upload without a title is titled
//!   with its name, and is not counted twice), read as a message's text is. `in:` keeps the
//!   files shared in that conversation, `from:` the uploader's, and `before:`/`after:`/`on:`
//!   go by `created`; `has:link` matches no file (a file holds no text of its own here).
//!   Matches with the same score are newest first (by `created`, then the later upload
//!   first); `sort_dir=asc` reverses the whole order; `highlight` marks the words in each
//!   file's `title`. Pages are numbered only: `cursor` is not read, and nothing is answered
//!   in `response_metadata`. A bot user is `user_is_bot`, as for messages.
//! - `search.all` answers the `messages` and the `files` groups of the same query, with the
//!   same `count`, `page` and order for each, both numbered pages (no `cursor`); a blank query
//!   is `no_query`, as for `search.files`.

use super::channels::visible;
use super::files::{can_see, shared_in};
use super::messages::{is_bot, parse_ts, permalink, ts_of};
use super::{fail, param, truthy, Outcome, Reply};
use crate::state::{State, User};
use crate::workspace::{Channel, ChannelKind, CURSOR_PREFIX};
use serde_json::{json, Map, Value};
use std::cmp::Ordering;

/// Slack's default `count`.
const DEFAULT_COUNT: usize = 20;
/// Slack's largest `count`.
const MAX_COUNT: usize = 100;
/// Marks around a highlighted word, as Slack's page gives them.
const HIGHLIGHT_START: char = '\u{E000}';
const HIGHLIGHT_END: char = '\u{E001}';

/// The years a day of the query may be in: four digits, as `YYYY-MM-DD` writes them. A year
/// past these is no day (it matches nothing), so the seconds of any day fit an `i64`.
const YEARS: std::ops::RangeInclusive<i64> = 0..=9999;

/// The days between 1970-01-01 and `year-month-day` (proleptic Gregorian), if it is a day.
fn days_from_civil(text: &str) -> Option<i64> {
    let mut parts = text.splitn(3, '-');
    let year: i64 = parts
        .next()?
        .parse()
        .ok()
        .filter(|year| YEARS.contains(year))?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The query, read as the module's note says.
#[derive(Default)]
struct Query {
    words: Vec<String>,
    channels: Vec<String>,
    users: Vec<String>,
    /// Seconds: messages at or after this.
    from_second: Option<i64>,
    /// Seconds: messages before this.
    until_second: Option<i64>,
    has_link: bool,
    /// A modifier matched nothing it could name.
    impossible: bool,
}

/// The words of `text`, lowercased: runs of letters, digits and `_`.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

impl Query {
    fn read(state: &State, caller: &User, text: &str) -> Query {
        let mut query = Query::default();
        for token in text.split_whitespace() {
            let lower = token.to_lowercase();
            if let Some(place) = lower.strip_prefix("in:") {
                match find_channel(state, caller, place) {
                    Some(id) => query.channels.push(id),
                    None => query.impossible = true,
                }
            } else if let Some(who) = lower.strip_prefix("from:") {
                match find_user(state, who) {
                    Some(id) => query.users.push(id),
                    None => query.impossible = true,
                }
            } else if let Some(day) = lower.strip_prefix("before:") {
                match days_from_civil(day) {
                    Some(days) => {
                        let at = days * 86_400;
                        query.until_second = Some(query.until_second.map_or(at, |u| u.min(at)));
                    }
                    None => query.impossible = true,
                }
            } else if let Some(day) = lower.strip_prefix("after:") {
                match days_from_civil(day) {
                    Some(days) => {
                        let at = (days + 1) * 86_400;
                        query.from_second = Some(query.from_second.map_or(at, |f| f.max(at)));
                    }
                    None => query.impossible = true,
                }
            } else if let Some(day) = lower.strip_prefix("on:") {
                match days_from_civil(day) {
                    Some(days) => {
                        let (start, end) = (days * 86_400, (days + 1) * 86_400);
                        query.from_second = Some(query.from_second.map_or(start, |f| f.max(start)));
                        query.until_second = Some(query.until_second.map_or(end, |u| u.min(end)));
                    }
                    None => query.impossible = true,
                }
            } else if lower == "has:link" {
                query.has_link = true;
            } else {
                query.words.extend(words_of(&lower));
            }
        }
        query
    }

    /// The target's score, when it matches.
    fn score(&self, target: &Target) -> Option<u64> {
        if self.impossible {
            return None;
        }
        if !self.channels.is_empty()
            && !self
                .channels
                .iter()
                .any(|c| target.channels.contains(&c.as_str()))
        {
            return None;
        }
        if !self.users.is_empty() && !self.users.iter().any(|u| u == target.user) {
            return None;
        }
        if self.from_second.is_some_and(|from| target.second < from)
            || self
                .until_second
                .is_some_and(|until| target.second >= until)
        {
            return None;
        }
        if self.has_link && !target.has_link {
            return None;
        }
        let words: Vec<String> = words_of(&target.text).collect();
        let mut score = 0;
        for word in &self.words {
            let times = words.iter().filter(|w| *w == word).count() as u64;
            if times == 0 {
                return None;
            }
            score += times;
        }
        Some(score)
    }
}

/// What a query is matched against: a message, or a file.
struct Target<'a> {
    /// The conversations it is in: a message's one, the ones a file is shared in.
    channels: Vec<&'a str>,
    /// Who sent or uploaded it.
    user: &'a str,
    /// When (Unix seconds).
    second: i64,
    /// The text whose words are searched.
    text: String,
    /// Whether it holds a link (`has:link`).
    has_link: bool,
}

impl<'a> Target<'a> {
    /// A message of `channel`, if its `ts` is one.
    fn message(channel: &'a Channel, message: &'a Map<String, Value>) -> Option<Target<'a>> {
        let text = message.get("text").and_then(Value::as_str).unwrap_or("");
        Some(Target {
            channels: vec![channel.id.as_str()],
            user: message.get("user").and_then(Value::as_str).unwrap_or(""),
            second: parse_ts(ts_of(message)).map(|(s, _)| s as i64)?,
            text: text.to_owned(),
            has_link: text.contains("http://") || text.contains("https://"),
        })
    }

    /// A file: the words of its title, and of its name when that differs (a file uploaded
    /// without a title is titled with its name); it holds no link.
    fn file(file: &'a Map<String, Value>) -> Target<'a> {
        let text = |key: &str| file.get(key).and_then(Value::as_str).unwrap_or("");
        let (name, title) = (text("name"), text("title"));
        Target {
            channels: shared_in(file).collect(),
            user: text("user"),
            second: file.get("created").and_then(Value::as_i64).unwrap_or(0),
            text: if name == title {
                title.to_owned()
            } else {
                format!("{title} {name}")
            },
            has_link: false,
        }
    }
}

/// The conversation `in:` names, if the caller can see it.
fn find_channel(state: &State, caller: &User, place: &str) -> Option<String> {
    let place = place
        .trim_start_matches("<#")
        .trim_end_matches('>')
        .split('|')
        .next()
        .unwrap_or("");
    let name = place.strip_prefix('#').unwrap_or(place);
    state
        .workspace
        .channels
        .values()
        .find(|c| c.id.eq_ignore_ascii_case(place) || c.name.eq_ignore_ascii_case(name))
        .filter(|c| visible(c, &caller.spec.id))
        .map(|c| c.id.clone())
}

/// The user `from:` names.
fn find_user(state: &State, who: &str) -> Option<String> {
    let who = who.trim_start_matches("<@").trim_end_matches('>');
    let name = who.strip_prefix('@').unwrap_or(who);
    state
        .users
        .values()
        .find(|u| u.spec.id.eq_ignore_ascii_case(who) || u.spec.name.eq_ignore_ascii_case(name))
        .map(|u| u.spec.id.clone())
}

/// A match's place in the order: its score, `ts` and conversation.
type Key = (u64, (u64, u32), String);

/// Whether `a` comes before `b` in the order asked for.
fn precedes(a: &Key, b: &Key, by_score: bool, ascending: bool) -> bool {
    let ordering = if by_score {
        a.0.cmp(&b.0).then(a.1.cmp(&b.1))
    } else {
        a.1.cmp(&b.1)
    };
    // The conversation id breaks ties the same way in both directions' reverse.
    let ordering = ordering.then_with(|| b.2.cmp(&a.2));
    match ordering {
        Ordering::Less => ascending,
        Ordering::Greater => !ascending,
        Ordering::Equal => false,
    }
}

fn write_cursor(key: &Key) -> String {
    format!(
        "{CURSOR_PREFIX}search:{}:{}.{:06}:{}",
        key.0, key.1 .0, key.1 .1, key.2
    )
}

fn read_cursor(cursor: &str) -> Option<Key> {
    let rest = cursor
        .strip_prefix(CURSOR_PREFIX)?
        .strip_prefix("search:")?;
    let mut parts = rest.splitn(3, ':');
    let score = parts.next()?.parse().ok()?;
    let ts = parse_ts(parts.next()?)?;
    let channel = parts.next()?.to_owned();
    Some((score, ts, channel))
}

/// `text` with each word of `words` between the highlight marks.
fn highlighted(text: &str, words: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        if words.contains(&word.to_lowercase()) {
            out.push(HIGHLIGHT_START);
            out.push_str(word);
            out.push(HIGHLIGHT_END);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The arguments every search reads besides the query: the order, the page size, the numbered
/// page and highlighting.
struct Asked {
    by_score: bool,
    ascending: bool,
    count: usize,
    page: usize,
    highlight: bool,
}

impl Asked {
    /// The query and the other arguments of a user's search: `user_is_bot` for a bot user,
    /// `no_query` (as `blank` names it) for a blank query.
    fn read<'p>(
        caller: &User,
        params: &'p [(String, String)],
        blank: &str,
    ) -> Result<(&'p str, Asked), Reply> {
        if is_bot(caller) {
            return Err(fail("user_is_bot"));
        }
        let text = param(params, "query").unwrap_or("");
        if text.trim().is_empty() {
            return Err(fail(blank));
        }
        let count = match param(params, "count").and_then(|c| c.trim().parse::<usize>().ok()) {
            None | Some(0) => DEFAULT_COUNT,
            Some(count) => count.min(MAX_COUNT),
        };
        let page = param(params, "page")
            .and_then(|p| p.trim().parse::<usize>().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1);
        let asked = Asked {
            by_score: param(params, "sort") != Some("timestamp"),
            ascending: param(params, "sort_dir") == Some("asc"),
            count,
            page,
            highlight: truthy(param(params, "highlight")),
        };
        Ok((text, asked))
    }

    /// Sorts `found` in the order asked for.
    fn order<T>(&self, found: &mut [(Key, T)]) {
        found.sort_by(|a, b| {
            if precedes(&a.0, &b.0, self.by_score, self.ascending) {
                Ordering::Less
            } else if precedes(&b.0, &a.0, self.by_score, self.ascending) {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        });
    }

    /// Where the numbered page asked for starts among `total` matches.
    fn start(&self, total: usize) -> usize {
        (self.page - 1).saturating_mul(self.count).min(total)
    }

    /// A group of matches as search answers it: `matches` from `start` to `end` of `total`,
    /// with `total`, `paging` and `pagination`; a cursor page's number is where it starts, a
    /// numbered page's the one asked for (past the last too).
    fn group(&self, matches: Vec<Value>, total: usize, start: usize, end: usize) -> Value {
        self.group_at(matches, total, start, end, self.page)
    }

    fn group_at(
        &self,
        matches: Vec<Value>,
        total: usize,
        start: usize,
        end: usize,
        page: usize,
    ) -> Value {
        let count = self.count;
        let pages = total.div_ceil(count);
        json!({
            "matches": matches,
            "total": total,
            "paging": {"count": count, "total": total, "page": page, "pages": pages},
            "pagination": {
                "total_count": total,
                "page": page,
                "per_page": count,
                "page_count": pages,
                "first": (start + 1).min(total.max(1)),
                "last": end,
            },
        })
    }
}

/// A message, with the conversation it is in.
type Found<'s> = (&'s Channel, &'s Map<String, Value>);

/// The messages the caller can see that match, in the order asked for.
fn found_messages<'s>(
    state: &'s State,
    caller: &User,
    query: &Query,
    asked: &Asked,
) -> Vec<(Key, Found<'s>)> {
    let mut found = Vec::new();
    for channel in state.workspace.channels.values() {
        if !visible(channel, &caller.spec.id) {
            continue;
        }
        for message in &channel.messages {
            let Some(target) = Target::message(channel, message) else {
                continue;
            };
            let (Some(score), Some(ts)) = (query.score(&target), parse_ts(ts_of(message))) else {
                continue;
            };
            let score = if asked.by_score { score } else { 0 };
            found.push(((score, ts, channel.id.clone()), (channel, message)));
        }
    }
    asked.order(&mut found);
    found
}

/// A message as search answers it.
fn message_match(
    state: &State,
    query: &Query,
    asked: &Asked,
    (channel, message): Found<'_>,
) -> Value {
    let user = message.get("user").and_then(Value::as_str).unwrap_or("");
    let username = message
        .get("username")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| state.users.get(user).map(|u| u.spec.name.clone()))
        .unwrap_or_default();
    let text = message.get("text").and_then(Value::as_str).unwrap_or("");
    let text = if asked.highlight {
        highlighted(text, &query.words)
    } else {
        text.to_owned()
    };
    json!({
        "type": "message",
        "channel": {
            "id": channel.id,
            "name": channel.name,
            "is_private": channel.kind == ChannelKind::Private,
            "is_mpim": channel.kind == ChannelKind::Mpim,
            "is_im": channel.kind == ChannelKind::Im,
        },
        "user": user,
        "username": username,
        "ts": ts_of(message),
        "text": text,
        "permalink": permalink(&state.team.domain, &channel.id, message),
        "team": state.team.id,
    })
}

/// The files the caller can see that match, in the order asked for: by score, then `created`,
/// then file id (the emulator's ids grow with each upload, so a later id counts as newer).
fn found_files<'s>(
    state: &'s State,
    caller: &User,
    query: &Query,
    asked: &Asked,
) -> Vec<(Key, &'s Map<String, Value>)> {
    // The emulator's ids are a prefix and a number that grows with each upload: shorter ones
    // first, then in text order, is upload order. A file's place in it orders files created in
    // the same second.
    let mut stored: Vec<_> = state.files.stored.iter().collect();
    stored.sort_by_key(|(id, _)| (id.len(), id.as_str()));
    let mut found: Vec<(Key, &Map<String, Value>)> = (0u32..)
        .zip(stored.into_iter().map(|(_, stored)| stored))
        .filter(|(_, stored)| can_see(state, stored, &caller.spec.id))
        .filter_map(|(place, stored)| {
            let file = &stored.object;
            let target = Target::file(file);
            let score = query.score(&target)?;
            let score = if asked.by_score { score } else { 0 };
            let id = file.get("id").and_then(Value::as_str).unwrap_or("");
            let created = u64::try_from(target.second).unwrap_or(0);
            Some(((score, (created, place), id.to_owned()), file))
        })
        .collect();
    asked.order(&mut found);
    found
}

/// A file as search answers it: the file, its `title` highlighted when asked.
fn file_match(query: &Query, asked: &Asked, file: &Map<String, Value>) -> Value {
    let mut file = file.clone();
    if asked.highlight {
        if let Some(Value::String(title)) = file.get_mut("title") {
            *title = highlighted(title, &query.words);
        }
    }
    Value::Object(file)
}

/// One numbered page of `found`, each made a match by `to_match`, as a group.
fn numbered_group<T: Copy>(
    asked: &Asked,
    found: &[(Key, T)],
    to_match: impl Fn(T) -> Value,
) -> Value {
    let total = found.len();
    let start = asked.start(total);
    let end = start.saturating_add(asked.count).min(total);
    let matches = found[start..end]
        .iter()
        .map(|(_, item)| to_match(*item))
        .collect();
    asked.group(matches, total, start, end)
}

/// `search.messages`: see the module's note.
pub(crate) fn messages(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (text, asked) = Asked::read(caller, params, "No query passed")?;
    let query = Query::read(state, caller, text);
    let found = found_messages(state, caller, &query, &asked);
    let total = found.len();
    let cursor = param(params, "cursor").filter(|c| !c.is_empty());
    let start = match cursor {
        None => asked.start(total),
        Some("*") => 0,
        Some(cursor) => {
            let key = read_cursor(cursor).ok_or_else(|| fail("invalid_cursor"))?;
            found.partition_point(|(k, _)| precedes(k, &key, asked.by_score, asked.ascending))
        }
    };
    let end = start.saturating_add(asked.count).min(total);
    let matches = found[start..end]
        .iter()
        .map(|(_, item)| message_match(state, &query, &asked, *item))
        .collect();
    let mut data = Map::new();
    data.insert("query".into(), json!(text));
    let page = match cursor {
        None => asked.page,
        Some(_) => start / asked.count + 1,
    };
    data.insert(
        "messages".into(),
        asked.group_at(matches, total, start, end, page),
    );
    if cursor.is_some() {
        if let Some((key, _)) = found.get(end) {
            data.insert(
                "response_metadata".into(),
                json!({ "next_cursor": write_cursor(key) }),
            );
        }
    }
    Ok(data)
}

/// `search.files`: see the module's note.
pub(crate) fn files(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (text, asked) = Asked::read(caller, params, "no_query")?;
    let query = Query::read(state, caller, text);
    let found = found_files(state, caller, &query, &asked);
    let mut data = Map::new();
    data.insert("query".into(), json!(text));
    data.insert(
        "files".into(),
        numbered_group(&asked, &found, |file| file_match(&query, &asked, file)),
    );
    Ok(data)
}

/// `search.all`: see the module's note.
pub(crate) fn all(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let (text, asked) = Asked::read(caller, params, "no_query")?;
    let query = Query::read(state, caller, text);
    let messages = found_messages(state, caller, &query, &asked);
    let files = found_files(state, caller, &query, &asked);
    let mut data = Map::new();
    data.insert("query".into(), json!(text));
    data.insert(
        "messages".into(),
        numbered_group(&asked, &messages, |item| {
            message_match(state, &query, &asked, item)
        }),
    );
    data.insert(
        "files".into(),
        numbered_group(&asked, &files, |file| file_match(&query, &asked, file)),
    );
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_counted_from_1970() {
        assert_eq!(days_from_civil("1970-01-01"), Some(0));
        assert_eq!(days_from_civil("2000-03-01"), Some(11_017));
        assert_eq!(days_from_civil("2024-02-29"), Some(19_782));
        assert_eq!(days_from_civil("2023-02-29"), None);
        assert_eq!(days_from_civil("2024-13-01"), None);
        assert_eq!(days_from_civil("yesterday"), None);
    }

    #[test]
    fn highlights_whole_words_ignoring_case() {
        let words = vec!["deploy".to_owned()];
        assert_eq!(
            highlighted("Deploy done, redeploy later: deploy!", &words),
            "\u{E000}Deploy\u{E001} done, redeploy later: \u{E000}deploy\u{E001}!"
        );
    }

    #[test]
    fn cursors_read_back() {
        let key: Key = (3, (1_700_000_000, 42), "C1".into());
        assert_eq!(read_cursor(&write_cursor(&key)), Some(key));
        assert_eq!(read_cursor("*"), None);
    }
}
