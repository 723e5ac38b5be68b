//! The `emoji.*` family: the workspace's custom emoji.

use crate::slack_method;
use crate::types::Timestamp;
use serde::Deserialize;
use std::collections::BTreeMap;

/// How many aliases [`EmojiListResponse::image`] follows before it gives up (Slack's aliases
/// name an emoji directly; a longer chain, or a loop, is not an image).
const MAX_ALIAS_HOPS: usize = 8;

/// `emoji.list`: the workspace's custom emoji, each an image URL or an alias of another emoji.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::EmojiList;
/// let emoji = client.call(&EmojiList).await?;
/// for name in emoji.emoji.keys() {
///     match emoji.alias_of(name) {
///         Some(target) => println!(":{name}: is :{target}:"),
///         None => println!(":{name}: at {}", emoji.emoji[name]),
///     }
/// }
/// # Ok(()) }
/// ```
///
/// ```
/// use slack_methods::methods::EmojiList;
/// assert_eq!(slack_methods::encode_params(&EmojiList::new())?, "");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("emoji.list", response = EmojiListResponse)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct EmojiList;

impl EmojiList {
    /// The call, which takes no parameters (the same as writing `EmojiList`).
    pub fn new() -> Self {
        EmojiList
    }
}

crate::slack_object! {
    /// What `emoji.list` answers: the custom emoji by name (without colons), each an image URL or
    /// `alias:<name>` for another name of an emoji, custom or standard.
    ///
    /// ```
    /// use slack_methods::methods::EmojiListResponse;
    /// let list: EmojiListResponse = serde_json::from_str(r#"{
    ///     "emoji": {
    ///         "party_parrot": "https://emoji.example/party_parrot.gif",
    ///         "parrot": "alias:party_parrot",
    ///         "shipit": "alias:squirrel"
    ///     },
    ///     "cache_ts": "1575283387.000000"
    /// }"#)?;
    /// assert_eq!(list.alias_of("parrot"), Some("party_parrot"));
    /// assert_eq!(list.image("parrot"), Some("https://emoji.example/party_parrot.gif"));
    /// // An alias of a standard emoji has no image here.
    /// assert_eq!(list.image("shipit"), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct EmojiListResponse {
        /// Each custom emoji's image URL, or `alias:<name>`, by its name.
        pub emoji: BTreeMap<String, String>,
        /// When the list was last changed.
        pub cache_ts: Option<Timestamp>,
    }
}

impl EmojiListResponse {
    /// The name the custom emoji `name` is an alias of, if it is an alias.
    pub fn alias_of(&self, name: &str) -> Option<&str> {
        self.emoji.get(name)?.strip_prefix("alias:")
    }

    /// The image URL of the custom emoji `name`, following its aliases; `None` for a name that
    /// is not a custom emoji, or an alias of a standard one.
    pub fn image(&self, name: &str) -> Option<&str> {
        let mut name = name;
        for _ in 0..=MAX_ALIAS_HOPS {
            let value = self.emoji.get(name)?;
            match value.strip_prefix("alias:") {
                Some(target) => name = target,
                None => return Some(value),
            }
        }
        None
    }
}
