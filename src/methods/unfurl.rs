//! `chat.unfurl`: an app's previews of the links in a message ("when someone posts a link to
//! our tracker, show the ticket's title and status").
//!
//! Slack sends the app a `link_shared` event naming the message (`channel` and its `ts`, or a
//! link typed in the message composer: `unfurl_id` and `source`) and its links; the app answers
//! with [`ChatUnfurl`], an [`Unfurls`] map from each link to its preview, an [`Unfurl`]:
//! Block Kit blocks or a legacy attachment. Slack's page says the previews are attached to the
//! message, one per link, and that a later call for the same message changes them rather than
//! adding more.
//!
//! The app may also ask the user to sign in to it before it unfurls fully (`user_auth_required`,
//! with a message, blocks or a URL of its own).

use super::Acknowledged;
use crate::types::{Attachment, Blocks, Timestamp};
use crate::{check_value, slack_method, ChannelId, InvalidRequest, ParamSchema, ValueError};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Where a link to unfurl by `unfurl_id` was seen (`source`), as its `link_shared` event says.
///
/// ```
/// use slack_methods::methods::UnfurlSource;
/// assert_eq!(UnfurlSource::Composer.as_str(), "composer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnfurlSource {
    /// In the message composer, before the message is sent (`composer`).
    Composer,
    /// In a message posted to a conversation (`conversations_history`).
    ConversationsHistory,
}

wire_enum!(
    UnfurlSource,
    "source",
    "composer (a link being typed in the message composer) or conversations_history (a link in a posted message).",
    {
        Composer => "composer",
        ConversationsHistory => "conversations_history",
    }
);

/// The preview of one link: Block Kit blocks (sent as `{"blocks": [...]}`), or a legacy
/// attachment (`{"title": .., "text": .., "color": ..}`, which may hold blocks and, for a link
/// in the composer, the `preview` Slack's page describes).
///
/// ```
/// use slack_methods::methods::Unfurl;
/// use slack_methods::types::{Attachment, Block, Blocks, Text};
/// let blocks = Unfurl::blocks([Block::section(Text::mrkdwn("*BUG-7*: login fails"))]);
/// assert_eq!(
///     serde_json::to_string(&blocks)?,
///     r#"{"blocks":[{"text":{"text":"*BUG-7*: login fails","type":"mrkdwn"},"type":"section"}]}"#,
/// );
/// let attachment = Unfurl::from(Attachment::new().with_title("BUG-7").with_text("Open"));
/// assert_eq!(serde_json::to_string(&attachment)?, r#"{"text":"Open","title":"BUG-7"}"#);
/// // As an agent writes it: an object with only `blocks` is blocks, any other an attachment.
/// assert_eq!(serde_json::from_str::<Unfurl>(&serde_json::to_string(&blocks)?)?, blocks);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Unfurl {
    /// Block Kit blocks.
    Blocks(Blocks),
    /// A legacy message attachment.
    Attachment(Attachment),
}

impl Unfurl {
    /// A preview of `blocks`.
    pub fn blocks(blocks: impl Into<Blocks>) -> Self {
        Unfurl::Blocks(blocks.into())
    }

    /// A preview that is the legacy `attachment`.
    pub fn attachment(attachment: Attachment) -> Self {
        Unfurl::Attachment(attachment)
    }
}

impl From<Blocks> for Unfurl {
    fn from(blocks: Blocks) -> Self {
        Unfurl::Blocks(blocks)
    }
}

impl From<Attachment> for Unfurl {
    fn from(attachment: Attachment) -> Self {
        Unfurl::Attachment(attachment)
    }
}

impl Serialize for Unfurl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Unfurl::Blocks(blocks) => json!({ "blocks": blocks }).serialize(serializer),
            Unfurl::Attachment(attachment) => attachment.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Unfurl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let only_blocks = value
            .as_object()
            .is_some_and(|object| object.len() == 1 && object.contains_key("blocks"));
        if only_blocks {
            Blocks::from_json(value["blocks"].clone())
                .map(Unfurl::Blocks)
                .map_err(D::Error::custom)
        } else {
            Attachment::from_json(value)
                .map(Unfurl::Attachment)
                .map_err(|_| D::Error::custom("a link's preview must be a JSON object"))
        }
    }
}

impl ParamSchema for Unfurl {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "description": "A link's preview: {\"blocks\": [Block Kit blocks]} or a legacy attachment such as {\"title\": \"BUG-7\", \"text\": \"Open\", \"color\": \"#36a64f\"}.",
        })
    }

    /// An object whose only key is `blocks` holds Block Kit blocks, checked as such.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        check_value(&Self::json_schema(), value)?;
        match value.as_object() {
            Some(object) if object.len() == 1 && object.contains_key("blocks") => {
                Blocks::check_json(&object["blocks"])
            }
            _ => Ok(()),
        }
    }
}

/// The previews `chat.unfurl` attaches: each link of the message, as it appears there, with its
/// [`Unfurl`]; sent as a JSON object keyed by the links.
///
/// ```
/// use slack_methods::methods::{Unfurl, Unfurls};
/// use slack_methods::types::Attachment;
/// let unfurls = Unfurls::new().with(
///     "https://tracker.example.com/BUG-7",
///     Attachment::new().with_title("BUG-7: login fails").with_text("Open, high priority"),
/// );
/// assert_eq!(
///     serde_json::to_string(&unfurls)?,
///     r#"{"https://tracker.example.com/BUG-7":{"text":"Open, high priority","title":"BUG-7: login fails"}}"#,
/// );
/// assert_eq!(unfurls.urls().collect::<Vec<_>>(), ["https://tracker.example.com/BUG-7"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Unfurls(BTreeMap<String, Unfurl>);

impl Unfurls {
    /// No previews yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the preview of the link `url`, builder style.
    pub fn with(mut self, url: impl Into<String>, preview: impl Into<Unfurl>) -> Self {
        self.insert(url, preview);
        self
    }

    /// Adds (or replaces) the preview of the link `url`, returning the one it replaces.
    pub fn insert(&mut self, url: impl Into<String>, preview: impl Into<Unfurl>) -> Option<Unfurl> {
        self.0.insert(url.into(), preview.into())
    }

    /// The preview of the link `url`.
    pub fn get(&self, url: &str) -> Option<&Unfurl> {
        self.0.get(url)
    }

    /// The links, in order.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The links and their previews, in the order of the links.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Unfurl)> {
        self.0.iter().map(|(url, preview)| (url.as_str(), preview))
    }

    /// How many links have a preview.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no link has a preview.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<U: Into<String>, P: Into<Unfurl>> FromIterator<(U, P)> for Unfurls {
    fn from_iter<I: IntoIterator<Item = (U, P)>>(iter: I) -> Self {
        Unfurls(
            iter.into_iter()
                .map(|(url, preview)| (url.into(), preview.into()))
                .collect(),
        )
    }
}

impl ParamSchema for Unfurls {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "additionalProperties": Unfurl::json_schema(),
            "description": "Each link of the message, written as it appears there, with its preview.",
        })
    }

    /// Each preview checked as [`Unfurl`] checks itself.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        check_value(&json!({ "type": "object" }), value)?;
        for (url, preview) in value.as_object().into_iter().flatten() {
            Unfurl::check_json(preview).map_err(|error| {
                let at = format!("{url}{}", error.at());
                ValueError::new(format!("`{at}`: {}", error.message()))
            })?;
        }
        Ok(())
    }
}

/// `chat.unfurl`: attaches an app's previews to the links of a message (a link to the app's
/// site, such as a ticket in its tracker), named by `channel` and `ts`, or by `unfurl_id` and
/// `source` from a `link_shared` event for a link typed in the composer. A later call for the
/// same message changes its previews rather than adding more. It may instead (or as well) ask
/// the user to sign in to the app first, with `user_auth_required` and a message, blocks or a
/// URL.
///
/// Slack takes `channel` and `ts` together, or `unfurl_id` and `source` together: one of the
/// two pairs, whole, is checked before sending, and a blank `unfurl_id` is refused.
///
/// ```
/// use slack_methods::methods::{ChatUnfurl, Unfurls};
/// use slack_methods::types::Attachment;
/// use slack_methods::types::Timestamp;
/// use slack_methods::ChannelId;
/// let previews = Unfurls::new().with(
///     "https://tracker.example.com/BUG-7",
///     Attachment::new().with_title("BUG-7: login fails"),
/// );
/// let unfurl = ChatUnfurl::message(
///     ChannelId::new("C0123ABCD")?,
///     Timestamp::new("1700000000.000100"),
///     previews,
/// );
/// assert_eq!(
///     slack_methods::encode_params(&unfurl)?,
///     "channel=C0123ABCD&ts=1700000000.000100&unfurls=%7B%22https%3A%2F%2Ftracker.example.com%2FBUG-7%22%3A%7B%22title%22%3A%22BUG-7%3A+login+fails%22%7D%7D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// A later call replaces a link's earlier preview (Slack's page): it overwrites, as `set` and
// `update` do, which the name does not say.
#[slack_method(
    "chat.unfurl",
    destructive = true,
    response = Acknowledged,
    validate = ChatUnfurl::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChatUnfurl {
    /// The conversation of the message whose links to preview; with `ts`.
    pub channel: Option<ChannelId>,
    /// The `ts` of the message whose links to preview; with `channel`.
    pub ts: Option<Timestamp>,
    /// Where the link of `unfurl_id` was seen: composer or conversations_history; with
    /// `unfurl_id`.
    pub source: Option<UnfurlSource>,
    /// The id of the link to preview, from its `link_shared` event; with `source`.
    pub unfurl_id: Option<String>,
    /// Each link, as it appears in the message, with its preview (Block Kit blocks or a legacy
    /// attachment), sent as JSON text.
    #[slack(json)]
    pub unfurls: Unfurls,
    /// Whether the user must sign in to the app before its links unfurl.
    pub user_auth_required: Option<bool>,
    /// A short message inviting the user to sign in to the app, shown only to them.
    pub user_auth_message: Option<String>,
    /// Block Kit blocks inviting the user to sign in, shown only to them, sent as JSON text.
    #[slack(json)]
    pub user_auth_blocks: Option<Blocks>,
    /// Where the user signs in to the app, instead of Slack's default.
    pub user_auth_url: Option<String>,
}

impl ChatUnfurl {
    /// The previews `unfurls` of the links of message `ts` in `channel`.
    pub fn message(channel: ChannelId, ts: Timestamp, unfurls: Unfurls) -> Self {
        ChatUnfurl {
            channel: Some(channel),
            ts: Some(ts),
            ..Self::empty(unfurls)
        }
    }

    /// The previews `unfurls` of the link `unfurl_id` seen in `source`, as a `link_shared`
    /// event names them.
    pub fn link(source: UnfurlSource, unfurl_id: impl Into<String>, unfurls: Unfurls) -> Self {
        ChatUnfurl {
            source: Some(source),
            unfurl_id: Some(unfurl_id.into()),
            ..Self::empty(unfurls)
        }
    }

    fn empty(unfurls: Unfurls) -> Self {
        ChatUnfurl {
            channel: None,
            ts: None,
            source: None,
            unfurl_id: None,
            unfurls,
            user_auth_required: None,
            user_auth_message: None,
            user_auth_blocks: None,
            user_auth_url: None,
        }
    }

    /// Asks the user to sign in to the app before its links unfurl.
    pub fn require_auth(mut self) -> Self {
        self.user_auth_required = Some(true);
        self
    }

    /// Invites the user to sign in with `message`, shown only to them.
    pub fn auth_message(mut self, message: impl Into<String>) -> Self {
        self.user_auth_message = Some(message.into());
        self
    }

    /// Invites the user to sign in with `blocks`, shown only to them.
    pub fn auth_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.user_auth_blocks = Some(blocks.into());
        self
    }

    /// Sends the user to `url` to sign in to the app.
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.user_auth_url = Some(url.into());
        self
    }

    /// Slack's page: "Both `channel` and `ts` must be provided together, or `unfurl_id` and
    /// `source` must be provided together." A blank `unfurl_id` names no link.
    fn check(&self) -> Result<(), InvalidRequest> {
        if self
            .unfurl_id
            .as_deref()
            .is_some_and(|id| id.trim().is_empty())
        {
            return Err(InvalidRequest::new(
                "`unfurl_id` is blank: give the id the link's `link_shared` event names",
            ));
        }
        let message = (self.channel.is_some(), self.ts.is_some());
        let link = (self.unfurl_id.is_some(), self.source.is_some());
        match (message, link) {
            ((true, false), _) | ((false, true), _) => Err(InvalidRequest::new(
                "give `channel` and `ts` together: Slack names the message by both",
            )),
            (_, (true, false)) | (_, (false, true)) => Err(InvalidRequest::new(
                "give `unfurl_id` and `source` together: Slack names the link by both",
            )),
            ((false, false), (false, false)) => Err(InvalidRequest::new(
                "say what to unfurl: `channel` and `ts` of the message, or `unfurl_id` and `source` of the link",
            )),
            _ => Ok(()),
        }
    }
}
