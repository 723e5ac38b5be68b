//! Block Kit: [`Block`], [`Blocks`], [`Text`] objects, and legacy [`Attachment`]s.
//!
//! Blocks are kept as JSON, since Slack adds block types and fields often: a block of a type this
//! crate has never seen reads, round-trips and stays readable through [`Block::get`]. What is
//! stable has typed accessors ([`Block::block_type`], [`Block::block_id`], [`Block::text`]), and
//! the blocks a bot posts every day have constructors.

use super::de::Field;
use serde::de::Deserializer;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::ops::Deref;

crate::slack_enum! {
    /// The kind of a [`Text`] object.
    pub enum TextType {
        /// Plain text (`plain_text`): shown as written, emoji codes optionally rendered.
        PlainText = "plain_text",
        /// Slack's markdown (`mrkdwn`): `*bold*`, `<@U0123ABCD>` mentions, links.
        Mrkdwn = "mrkdwn",
    }
}

crate::slack_object! {
    /// A text object: the `{"type": "plain_text", "text": "..."}` that blocks and views use for
    /// every piece of text.
    ///
    /// ```
    /// use slack_methods_runtime::types::Text;
    /// let text = Text::mrkdwn("*Deploy* finished");
    /// assert_eq!(serde_json::to_string(&text)?, r#"{"type":"mrkdwn","text":"*Deploy* finished"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Text {
        required {
            /// `plain_text` or `mrkdwn`.
            pub kind: TextType = "type",
            /// The text.
            pub text: String,
        }
        /// For plain text: whether emoji codes (`:tada:`) are shown as emoji.
        pub emoji: Option<bool>,
        /// For markdown: whether links and mentions are left as written.
        pub verbatim: Option<bool>,
    }
}

impl Text {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Text::new(TextType::PlainText, text.into())
    }

    /// Markdown (`mrkdwn`) text.
    pub fn mrkdwn(text: impl Into<String>) -> Self {
        Text::new(TextType::Mrkdwn, text.into())
    }

    /// The object as JSON, written by hand: it cannot fail.
    fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("type".into(), self.kind.as_str().into());
        map.insert("text".into(), self.text.clone().into());
        if let Some(emoji) = self.emoji {
            map.insert("emoji".into(), emoji.into());
        }
        if let Some(verbatim) = self.verbatim {
            map.insert("verbatim".into(), verbatim.into());
        }
        for (key, value) in &self.extra {
            map.insert(key.clone(), value.clone());
        }
        Value::Object(map)
    }
}

impl From<&str> for Text {
    /// Plain text.
    fn from(text: &str) -> Self {
        Text::plain(text)
    }
}

impl From<String> for Text {
    /// Plain text.
    fn from(text: String) -> Self {
        Text::plain(text)
    }
}

/// JSON that does not have the shape of blocks or attachments.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BlockError {
    /// A list of blocks was not a JSON array.
    #[error("blocks must be a JSON array")]
    NotAnArray,
    /// A block or attachment was not a JSON object.
    #[error("block {index} is not a JSON object")]
    NotAnObject {
        /// Its position in the list (0 for a single value).
        index: usize,
    },
    /// A block had no string `type`.
    #[error("block {index} has no string `type`")]
    NoType {
        /// Its position in the list (0 for a single block).
        index: usize,
    },
}

/// One Block Kit block, kept as the JSON Slack sent or the constructors built.
///
/// Read any block with [`Block::block_type`], [`Block::block_id`], [`Block::text`] (sections,
/// headers, markdown blocks) or [`Block::get`]; build the common ones with [`Block::section`],
/// [`Block::header`], [`Block::divider`], [`Block::context`], [`Block::actions`],
/// [`Block::image`], and any other from JSON with [`Block::from_json`].
///
/// ```
/// use slack_methods_runtime::types::{Block, Button, Text};
/// let block = Block::section(Text::mrkdwn("*3 alerts* need a look")).with_block_id("alerts");
/// assert_eq!(block.block_type(), "section");
/// assert_eq!(block.text(), Some("*3 alerts* need a look"));
///
/// let actions = Block::actions([Button::new("Acknowledge", "ack").value("incident-42").primary()]);
/// assert_eq!(
///     serde_json::to_string(&actions)?,
///     r#"{"elements":[{"action_id":"ack","style":"primary","text":{"text":"Acknowledge","type":"plain_text"},"type":"button","value":"incident-42"}],"type":"actions"}"#,
/// );
///
/// // A block type this crate has no constructor for, from JSON.
/// let video = Block::from_json(serde_json::json!({"type": "video", "title": {"type": "plain_text", "text": "Demo"}}))?;
/// assert_eq!(video.get("title").unwrap()["text"], "Demo");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Block(Value);

fn object(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

impl Block {
    /// A block from its JSON: an object with a string `type`.
    pub fn from_json(json: Value) -> Result<Self, BlockError> {
        match &json {
            Value::Object(map) if map.get("type").is_some_and(Value::is_string) => Ok(Block(json)),
            Value::Object(_) => Err(BlockError::NoType { index: 0 }),
            _ => Err(BlockError::NotAnObject { index: 0 }),
        }
    }

    /// A `section` block showing `text`.
    pub fn section(text: impl Into<Text>) -> Self {
        Block(object([
            ("type", "section".into()),
            ("text", text.into().to_json()),
        ]))
    }

    /// A `header` block: large plain text (up to 150 characters).
    pub fn header(text: impl Into<String>) -> Self {
        Block(object([
            ("type", "header".into()),
            ("text", Text::plain(text).to_json()),
        ]))
    }

    /// A `divider` block: a line.
    pub fn divider() -> Self {
        Block(object([("type", "divider".into())]))
    }

    /// A `context` block: small text elements side by side (images can be added with
    /// [`Block::from_json`]).
    pub fn context(elements: impl IntoIterator<Item = Text>) -> Self {
        let elements = elements.into_iter().map(|text| text.to_json()).collect();
        Block(object([
            ("type", "context".into()),
            ("elements", Value::Array(elements)),
        ]))
    }

    /// An `actions` block holding buttons.
    pub fn actions(buttons: impl IntoIterator<Item = Button>) -> Self {
        let elements = buttons.into_iter().map(|button| button.0).collect();
        Block(object([
            ("type", "actions".into()),
            ("elements", Value::Array(elements)),
        ]))
    }

    /// An `image` block.
    pub fn image(image_url: impl Into<String>, alt_text: impl Into<String>) -> Self {
        Block(object([
            ("type", "image".into()),
            ("image_url", image_url.into().into()),
            ("alt_text", alt_text.into().into()),
        ]))
    }

    /// Sets the block's `block_id`, which interaction payloads name.
    pub fn with_block_id(self, block_id: impl Into<String>) -> Self {
        self.with("block_id", block_id.into())
    }

    /// Sets any field of the block.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        if let Value::Object(map) = &mut self.0 {
            map.insert(key.into(), value.into());
        }
        self
    }

    /// The block's `type` (`section`, `rich_text`, ...); empty when it has none.
    pub fn block_type(&self) -> &str {
        self.0.get("type").and_then(Value::as_str).unwrap_or("")
    }

    /// The block's `block_id`.
    pub fn block_id(&self) -> Option<&str> {
        self.0.get("block_id").and_then(Value::as_str)
    }

    /// The text of a `section` or `header` block (its text object's `text`), or of a `markdown`
    /// block; `None` for other blocks.
    pub fn text(&self) -> Option<&str> {
        let text = self.0.get("text")?;
        match self.block_type() {
            "section" | "header" => text.get("text")?.as_str(),
            "markdown" => text.as_str(),
            _ => None,
        }
    }

    /// A field of the block.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The block as JSON.
    pub fn as_json(&self) -> &Value {
        &self.0
    }

    /// The block as JSON, owned.
    pub fn into_json(self) -> Value {
        self.0
    }
}

/// A button, for [`Block::actions`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Button(Value);

impl Button {
    /// A button showing `text`, reported to the app as `action_id`.
    pub fn new(text: impl Into<String>, action_id: impl Into<String>) -> Self {
        Button(object([
            ("type", "button".into()),
            ("text", Text::plain(text).to_json()),
            ("action_id", action_id.into().into()),
        ]))
    }

    /// The value sent to the app when the button is clicked.
    pub fn value(self, value: impl Into<String>) -> Self {
        self.with("value", value.into())
    }

    /// A link the button opens.
    pub fn url(self, url: impl Into<String>) -> Self {
        self.with("url", url.into())
    }

    /// Shows the button green (the main action).
    pub fn primary(self) -> Self {
        self.with("style", "primary")
    }

    /// Shows the button red (a destructive action).
    pub fn danger(self) -> Self {
        self.with("style", "danger")
    }

    /// Sets any field of the button.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        if let Value::Object(map) = &mut self.0 {
            map.insert(key.into(), value.into());
        }
        self
    }
}

/// A list of blocks: a message's or a view's `blocks`.
///
/// ```
/// use slack_methods_runtime::types::{Block, Blocks, Text};
/// let blocks = Blocks::from([
///     Block::header("Deploy finished"),
///     Block::divider(),
///     Block::section(Text::mrkdwn("*api* 1.4.2 is live")),
///     Block::context([Text::mrkdwn("by <@U0123ABCD>")]),
/// ]);
/// assert_eq!(blocks.len(), 4);
/// // Block Kit Builder's JSON works as it is.
/// let same = Blocks::from_json(serde_json::to_value(&blocks)?)?;
/// assert_eq!(same, blocks);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Blocks(Vec<Block>);

impl Blocks {
    /// No blocks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Blocks from their JSON: an array of objects, each with a string `type`.
    pub fn from_json(json: Value) -> Result<Self, BlockError> {
        let Value::Array(items) = json else {
            return Err(BlockError::NotAnArray);
        };
        items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                Block::from_json(item).map_err(|err| match err {
                    BlockError::NoType { .. } => BlockError::NoType { index },
                    _ => BlockError::NotAnObject { index },
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Blocks)
    }

    /// Adds a block at the end.
    pub fn push(&mut self, block: Block) {
        self.0.push(block);
    }

    /// Adds a block at the end, builder style.
    pub fn with(mut self, block: Block) -> Self {
        self.0.push(block);
        self
    }

    /// The blocks, owned.
    pub fn into_vec(self) -> Vec<Block> {
        self.0
    }
}

impl Deref for Blocks {
    type Target = [Block];
    fn deref(&self) -> &[Block] {
        &self.0
    }
}

impl From<Vec<Block>> for Blocks {
    fn from(blocks: Vec<Block>) -> Self {
        Blocks(blocks)
    }
}

impl<const N: usize> From<[Block; N]> for Blocks {
    fn from(blocks: [Block; N]) -> Self {
        Blocks(blocks.into())
    }
}

impl FromIterator<Block> for Blocks {
    fn from_iter<I: IntoIterator<Item = Block>>(iter: I) -> Self {
        Blocks(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Blocks {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Field for Blocks {
    /// As every list field: `{}`, `false` or `""` is no blocks.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Block>::read(deserializer).map(Blocks)
    }

    fn omit(&self) -> bool {
        self.0.is_empty()
    }
}

/// A legacy message attachment, kept as JSON: a colored bar beside secondary content.
///
/// ```
/// use slack_methods_runtime::types::{Attachment, Block, Blocks, Text};
/// let attachment = Attachment::new()
///     .with_color("#36a64f")
///     .with_fallback("Build 812 passed")
///     .with_blocks(Blocks::from([Block::section(Text::mrkdwn("*Build 812* passed"))]));
/// assert_eq!(attachment.color(), Some("#36a64f"));
/// assert_eq!(
///     serde_json::to_string(&attachment)?,
///     r##"{"blocks":[{"text":{"text":"*Build 812* passed","type":"mrkdwn"},"type":"section"}],"color":"#36a64f","fallback":"Build 812 passed"}"##,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Attachment(Value);

impl Default for Attachment {
    fn default() -> Self {
        Attachment(Value::Object(Map::new()))
    }
}

impl Attachment {
    /// An empty attachment.
    pub fn new() -> Self {
        Self::default()
    }

    /// An attachment from its JSON, which must be an object.
    pub fn from_json(json: Value) -> Result<Self, BlockError> {
        if json.is_object() {
            Ok(Attachment(json))
        } else {
            Err(BlockError::NotAnObject { index: 0 })
        }
    }

    /// Sets the bar's color: `good`, `warning`, `danger` or a hex code such as `#36a64f`.
    pub fn with_color(self, color: impl Into<String>) -> Self {
        self.with("color", color.into())
    }

    /// Sets the plain-text summary shown where the attachment cannot be.
    pub fn with_fallback(self, text: impl Into<String>) -> Self {
        self.with("fallback", text.into())
    }

    /// Sets the (legacy) text.
    pub fn with_text(self, text: impl Into<String>) -> Self {
        self.with("text", text.into())
    }

    /// Sets the (legacy) title.
    pub fn with_title(self, title: impl Into<String>) -> Self {
        self.with("title", title.into())
    }

    /// Sets the attachment's blocks.
    pub fn with_blocks(self, blocks: Blocks) -> Self {
        let json = Value::Array(blocks.0.into_iter().map(Block::into_json).collect());
        self.with("blocks", json)
    }

    /// Sets any field.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        if let Value::Object(map) = &mut self.0 {
            map.insert(key.into(), value.into());
        }
        self
    }

    /// The `id` Slack numbers attachments with.
    pub fn id(&self) -> Option<i64> {
        self.0.get("id").and_then(Value::as_i64)
    }

    /// The color of the bar.
    pub fn color(&self) -> Option<&str> {
        self.str("color")
    }

    /// The plain-text summary.
    pub fn fallback(&self) -> Option<&str> {
        self.str("fallback")
    }

    /// The (legacy) text.
    pub fn text(&self) -> Option<&str> {
        self.str("text")
    }

    /// The (legacy) title.
    pub fn title(&self) -> Option<&str> {
        self.str("title")
    }

    /// A field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The attachment as JSON.
    pub fn as_json(&self) -> &Value {
        &self.0
    }

    /// The attachment as JSON, owned.
    pub fn into_json(self) -> Value {
        self.0
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }
}
