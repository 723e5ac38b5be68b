//! Views: modals and App Home tabs. [`View`] is what Slack returns, [`ViewPayload`] what
//! `views.open`, `views.publish`, `views.update` and `views.push` send.

use super::{Block, Blocks, Text};
use crate::{AppId, BotId, TeamId, ViewId};
use serde_json::Value;

crate::slack_enum! {
    /// The kind of a view.
    pub enum ViewType {
        /// A modal dialog (`views.open`, `views.push`).
        Modal = "modal",
        /// An App Home tab (`views.publish`).
        Home = "home",
    }
}

crate::slack_object! {
    /// A view as Slack returns it from the `views.*` methods: the payload that was sent plus its
    /// id, hash and state.
    ///
    /// ```
    /// use slack_methods_runtime::types::{View, ViewType};
    /// let view: View = serde_json::from_str(r#"{
    ///     "id": "VMHU10V25", "team_id": "T8N4K1JN", "type": "modal",
    ///     "title": {"type": "plain_text", "text": "Quite a plain modal"},
    ///     "blocks": [{"type": "input", "block_id": "a_block_id", "label": {"type": "plain_text", "text": "A simple label"},
    ///                 "element": {"type": "plain_text_input", "action_id": "an_action_id"}}],
    ///     "private_metadata": "Shh it is a secret", "callback_id": "identify_your_modals",
    ///     "state": {"values": {"a_block_id": {"an_action_id": {"type": "plain_text_input", "value": "hi"}}}},
    ///     "hash": "156772938.1827394"
    /// }"#)?;
    /// assert_eq!(view.kind, Some(ViewType::Modal));
    /// assert_eq!(view.blocks[0].block_id(), Some("a_block_id"));
    /// assert_eq!(view.state_value("a_block_id", "an_action_id").unwrap()["value"], "hi");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct View {
        required {
            /// The view id.
            pub id: ViewId,
        }
        /// `modal` or `home`.
        pub kind: Option<ViewType> = "type",
        /// The workspace.
        pub team_id: Option<TeamId>,
        /// The title (modals).
        pub title: Option<Text>,
        /// The submit button's label (modals).
        pub submit: Option<Text>,
        /// The close button's label (modals).
        pub close: Option<Text>,
        /// The blocks (kept as JSON).
        pub blocks: Blocks,
        /// Text the app keeps with the view, sent back with its interactions.
        pub private_metadata: String,
        /// The app's name for the view, sent back with its interactions.
        pub callback_id: String,
        /// The app's own unique id for the view.
        pub external_id: String,
        /// The values of its inputs: `{"values": {block_id: {action_id: {...}}}}` (kept as JSON;
        /// see [`View::state_value`]).
        pub state: Option<Value>,
        /// The version, for `views.update`'s `hash` (refuses to overwrite a newer view).
        pub hash: String,
        /// Whether closing the modal closes the whole stack.
        pub clear_on_close: bool,
        /// Whether the app hears `view_closed`.
        pub notify_on_close: bool,
        /// Whether the submit button is disabled until inputs are filled.
        pub submit_disabled: Option<bool>,
        /// The first view of the stack.
        pub root_view_id: Option<ViewId>,
        /// The view below this one in the stack.
        pub previous_view_id: Option<ViewId>,
        /// The app.
        pub app_id: Option<AppId>,
        /// The workspace the app is installed in.
        pub app_installed_team_id: Option<TeamId>,
        /// The app's bot.
        pub bot_id: Option<BotId>,
    }
}

impl View {
    /// The state of one input, by its block's `block_id` and its element's `action_id`.
    pub fn state_value(&self, block_id: &str, action_id: &str) -> Option<&Value> {
        self.state
            .as_ref()?
            .get("values")?
            .get(block_id)?
            .get(action_id)
    }

    /// The payload that describes this view, to send it again changed (`views.update`).
    pub fn to_payload(&self) -> ViewPayload {
        let mut payload = ViewPayload::new(self.kind.clone().unwrap_or(ViewType::Modal));
        payload.title = self.title.clone();
        payload.submit = self.submit.clone();
        payload.close = self.close.clone();
        payload.blocks = self.blocks.clone();
        let text = |value: &String| Some(value.clone()).filter(|v| !v.is_empty());
        payload.private_metadata = text(&self.private_metadata);
        payload.callback_id = text(&self.callback_id);
        payload.external_id = text(&self.external_id);
        payload.clear_on_close = Some(self.clear_on_close).filter(|on| *on);
        payload.notify_on_close = Some(self.notify_on_close).filter(|on| *on);
        payload.submit_disabled = self.submit_disabled;
        payload
    }
}

crate::slack_object! {
    /// A view to show: the `view` argument of `views.open`, `views.push`, `views.update` and
    /// `views.publish`, sent as JSON text.
    ///
    /// ```
    /// use slack_methods_runtime::types::{Block, Text, ViewPayload};
    /// let modal = ViewPayload::modal("Report an incident")
    ///     .with_block(Block::section(Text::mrkdwn("Tell us what broke")))
    ///     .with_submit("Send")
    ///     .with_callback_id("incident")
    ///     .with_private_metadata("C0123ABCD");
    /// assert_eq!(
    ///     serde_json::to_string(&modal)?,
    ///     concat!(
    ///         r#"{"type":"modal","title":{"type":"plain_text","text":"Report an incident"},"#,
    ///         r#""blocks":[{"text":{"text":"Tell us what broke","type":"mrkdwn"},"type":"section"}],"#,
    ///         r#""submit":{"type":"plain_text","text":"Send"},"private_metadata":"C0123ABCD","callback_id":"incident"}"#,
    ///     ),
    /// );
    /// // Any view from its JSON, unknown fields included.
    /// let home = ViewPayload::from_json(serde_json::json!({"type": "home", "blocks": [], "new_field": 1}))?;
    /// assert_eq!(home.extra["new_field"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ViewPayload {
        required {
            /// `modal` or `home`.
            pub kind: ViewType = "type",
        }
        /// The title (modals; plain text, up to 24 characters).
        pub title: Option<Text>,
        /// The blocks (at most 100). Slack requires the field, so it is written even when
        /// empty, as `[]`.
        pub blocks: Blocks | always,
        /// The close button's label (modals).
        pub close: Option<Text>,
        /// The submit button's label (modals with inputs).
        pub submit: Option<Text>,
        /// Text kept with the view and sent back with its interactions (up to 3,000 characters).
        pub private_metadata: Option<String>,
        /// The app's name for the view, sent back with its interactions.
        pub callback_id: Option<String>,
        /// The app's own unique id for the view (up to 255 characters).
        pub external_id: Option<String>,
        /// Whether closing the modal closes the whole stack.
        pub clear_on_close: Option<bool>,
        /// Whether the app hears `view_closed`.
        pub notify_on_close: Option<bool>,
        /// Whether the submit button is disabled until inputs are filled.
        pub submit_disabled: Option<bool>,
    }
}

impl ViewPayload {
    /// A modal with a title.
    pub fn modal(title: impl Into<String>) -> Self {
        let mut view = ViewPayload::new(ViewType::Modal);
        view.title = Some(Text::plain(title));
        view
    }

    /// An App Home tab.
    pub fn home() -> Self {
        ViewPayload::new(ViewType::Home)
    }

    /// A view from its JSON (as Block Kit Builder writes it).
    pub fn from_json(json: Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(json)
    }

    /// Adds a block at the end.
    pub fn with_block(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }

    /// Sets the blocks.
    pub fn with_blocks(mut self, blocks: impl Into<Blocks>) -> Self {
        self.blocks = blocks.into();
        self
    }

    /// Sets the submit button's label.
    pub fn with_submit(mut self, label: impl Into<String>) -> Self {
        self.submit = Some(Text::plain(label));
        self
    }

    /// Sets the close button's label.
    pub fn with_close(mut self, label: impl Into<String>) -> Self {
        self.close = Some(Text::plain(label));
        self
    }

    /// Sets the text kept with the view.
    pub fn with_private_metadata(mut self, text: impl Into<String>) -> Self {
        self.private_metadata = Some(text.into());
        self
    }

    /// Sets the app's name for the view.
    pub fn with_callback_id(mut self, id: impl Into<String>) -> Self {
        self.callback_id = Some(id.into());
        self
    }

    /// Sets the app's own unique id for the view.
    pub fn with_external_id(mut self, id: impl Into<String>) -> Self {
        self.external_id = Some(id.into());
        self
    }

    /// Sets any other field by its Slack name.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }
}
