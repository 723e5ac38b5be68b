//! `chat.unfurl`: an app's previews of the links in a message.
//!
//! The message is named by `channel` and `ts` (`missing_channel`, `missing_ts` for one
//! without the other): a conversation the caller can see (public, or one it is in; else
//! `cannot_find_channel`) and a message there (`cannot_find_message`). `unfurls` is a JSON
//! object from each link to its preview, an object: Block Kit `blocks` or a legacy attachment
//! (`missing_unfurls` without it, `invalid_unfurls_format` when it is not such an object,
//! `cannot_parse_attachment` for `blocks` that are not a list of blocks). Each link must be a
//! URL of the message (`cannot_unfurl_message`). Asking to prompt the message's author to sign
//! in to the app (`user_auth_required`, `user_auth_message`, `user_auth_blocks` or
//! `user_auth_url`) when they dismissed such a prompt (`Emulator::dismiss_unfurl_prompts`) is
//! `cannot_prompt`, as Slack's page describes it: "the current user has already interacted
//! with and dismissed a prompt for this application" (that this user is the author of the
//! message is the emulator's reading).
//!
//! As Slack's page says, the previews are attached to the message, one attachment per link, and
//! a later call for the same link replaces its preview rather than adding another;
//! `conversations.history` and `.replies` show them in the message's `attachments`.
//!
//! The emulator's choices where Slack is silent:
//! - a link is a URL of the message when it is, exactly (case and a trailing `/` count), the
//!   target of one of the text's links as Slack writes them (`<https://..>` or
//!   `<https://..|label>`), or a word of the text, between spaces, as typed;
//! - a link that is not an absolute `http` or `https` URL is `cannot_unfurl_url` (Slack's page:
//!   the message must contain a fully-qualified URL); every domain counts as the app's own;
//! - each preview attachment carries `app_unfurl_url` (the link) and `is_app_unfurl: true`,
//!   which is how the emulator finds it again; a preview of `blocks` is an attachment holding
//!   them, with a `block_id` given to each block that has none; attachments are numbered again
//!   (`id`) after a change;
//! - it sends no `link_shared` event, so it knows no `unfurl_id`: a call naming a link by
//!   `unfurl_id` and `source` is `cannot_find_message`;
//! - otherwise the prompt to sign in is accepted and shown to no one; `unfurls` is still
//!   needed.

use super::channels::visible;
use super::messages::fill_block_ids;
use super::{fail, param, Outcome};
use crate::state::{State, User};
use serde_json::{json, Map, Value};

pub(crate) fn unfurl(state: &mut State, caller: &User, params: &[(String, String)]) -> Outcome {
    let given = |name: &str| param(params, name).map(str::trim).filter(|v| !v.is_empty());
    let (channel_id, ts) = match (given("channel"), given("ts")) {
        (Some(channel), Some(ts)) => (channel.to_owned(), ts.to_owned()),
        (Some(_), None) => return Err(fail("missing_ts")),
        (None, Some(_)) => return Err(fail("missing_channel")),
        (None, None) if given("unfurl_id").is_some() => return Err(fail("cannot_find_message")),
        (None, None) => return Err(fail("missing_channel")),
    };
    let channel = state
        .workspace
        .channels
        .get(&channel_id)
        .filter(|channel| visible(channel, &caller.spec.id))
        .ok_or_else(|| fail("cannot_find_channel"))?;
    let message = channel
        .message(&ts)
        .ok_or_else(|| fail("cannot_find_message"))?;
    let prompts = given("user_auth_message").is_some()
        || given("user_auth_url").is_some()
        || given("user_auth_blocks").is_some()
        || super::truthy(given("user_auth_required"));
    let author = message.get("user").and_then(Value::as_str).unwrap_or("");
    if prompts && state.unfurl_prompts_dismissed.contains(author) {
        return Err(fail("cannot_prompt"));
    }
    let raw = given("unfurls").ok_or_else(|| fail("missing_unfurls"))?;
    let Ok(Value::Object(unfurls)) = serde_json::from_str::<Value>(raw) else {
        return Err(fail("invalid_unfurls_format"));
    };
    let text = message.get("text").and_then(Value::as_str).unwrap_or("");
    let links: Vec<String> = links_of(text).into_iter().map(str::to_owned).collect();
    let mut previews = Vec::with_capacity(unfurls.len());
    for (url, preview) in unfurls {
        let Value::Object(mut preview) = preview else {
            return Err(fail("invalid_unfurls_format"));
        };
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(fail("cannot_unfurl_url"));
        }
        if !links.contains(&url) {
            return Err(fail("cannot_unfurl_message"));
        }
        if let Some(blocks) = preview.get_mut("blocks") {
            let Value::Array(blocks) = blocks else {
                return Err(fail("cannot_parse_attachment"));
            };
            if !blocks
                .iter()
                .all(|b| b.get("type").is_some_and(Value::is_string))
            {
                return Err(fail("cannot_parse_attachment"));
            }
            fill_block_ids(state, blocks);
        }
        preview.insert("app_unfurl_url".into(), json!(url));
        preview.insert("is_app_unfurl".into(), json!(true));
        previews.push((url, preview));
    }
    let Some(message) = state
        .workspace
        .channels
        .get_mut(&channel_id)
        .and_then(|channel| channel.message_mut(&ts))
    else {
        return Err(fail("cannot_find_message"));
    };
    attach(message, previews);
    Ok(Map::new())
}

/// Attaches each `(link, preview)` to `message`, in place of the link's earlier preview, and
/// numbers the attachments again.
fn attach(message: &mut Map<String, Value>, previews: Vec<(String, Map<String, Value>)>) {
    let attachments = message
        .entry("attachments")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !attachments.is_array() {
        *attachments = Value::Array(Vec::new());
    }
    let Value::Array(attachments) = attachments else {
        return;
    };
    for (url, preview) in previews {
        let earlier = attachments
            .iter()
            .position(|a| a.get("app_unfurl_url").and_then(Value::as_str) == Some(&url));
        match earlier {
            Some(at) => attachments[at] = Value::Object(preview),
            None => attachments.push(Value::Object(preview)),
        }
    }
    for (n, attachment) in attachments.iter_mut().enumerate() {
        if let Value::Object(attachment) = attachment {
            attachment.insert("id".into(), json!(n + 1));
        }
    }
}

/// The URLs of a message's text: the targets of its links as Slack writes them (`<url>`,
/// `<url|label>`), and the words between spaces that begin with `http://` or `https://`.
fn links_of(text: &str) -> Vec<&str> {
    let mut links = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else { break };
        let inside = &after[..close];
        links.push(inside.split('|').next().unwrap_or(inside));
        rest = &after[close + 1..];
    }
    links.extend(
        text.split_whitespace()
            .filter(|word| word.starts_with("https://") || word.starts_with("http://")),
    );
    links
}

#[cfg(test)]
mod tests {
    use super::links_of;

    #[test]
    fn links_are_slack_s_link_targets_and_typed_urls() {
        let text = "see <https://t.example/BUG-7|BUG-7> and https://t.example/BUG-8 or <@U1>";
        let links = links_of(text);
        assert!(links.contains(&"https://t.example/BUG-7"));
        assert!(links.contains(&"https://t.example/BUG-8"));
        assert!(!links.contains(&"BUG-7"));
    }
}
