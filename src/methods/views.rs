//! The `views.*` family: modals (`views.open`, `views.push`, `views.update`) and App Home tabs
//! (`views.publish`).
//!
//! A modal opens in answer to a user's action: Slack sends the app a `trigger_id` with the
//! interaction (a shortcut, a slash command, a button), which `views.open` and `views.push`
//! must use within 3 seconds, once. Views are [`ViewPayload`]s, sent as JSON text; Slack
//! answers with the [`View`] as shown, with its id and `hash`.

use crate::types::{
    Text, TextType, View, ViewPayload, ViewType, MAX_CALLBACK_ID_CHARS, MAX_EXTERNAL_ID_CHARS,
    MAX_PRIVATE_METADATA_CHARS, MAX_VIEW_BLOCKS, MAX_VIEW_TITLE_CHARS,
};
use crate::{slack_method, InvalidRequest, UserId, ViewId};
use serde::Deserialize;

/// Slack's rules on a view of `kind` (the method says which kind it shows).
fn check_view(view: &ViewPayload, method: &str, kind: ViewType) -> Result<(), InvalidRequest> {
    if view.kind != kind {
        return Err(InvalidRequest::new(format!(
            "`{method}` shows a `{kind}` view, not a `{}` one",
            view.kind
        )));
    }
    if kind == ViewType::Modal {
        let Some(title) = &view.title else {
            return Err(InvalidRequest::new(
                "a modal needs a `title` (Slack answers `invalid_arguments`)",
            ));
        };
        check_label("title", title)?;
        if let Some(close) = &view.close {
            check_label("close", close)?;
        }
        match &view.submit {
            Some(submit) => check_label("submit", submit)?,
            None if view
                .blocks
                .iter()
                .any(|block| block.block_type() == "input") =>
            {
                return Err(InvalidRequest::new(
                    "a modal with an `input` block needs a `submit` label (Slack answers `invalid_arguments`)",
                ));
            }
            None => {}
        }
    }
    let limits = [
        (
            "private_metadata",
            &view.private_metadata,
            MAX_PRIVATE_METADATA_CHARS,
        ),
        ("callback_id", &view.callback_id, MAX_CALLBACK_ID_CHARS),
        ("external_id", &view.external_id, MAX_EXTERNAL_ID_CHARS),
    ];
    for (name, text, most) in limits {
        let chars = text.as_deref().map_or(0, |text| text.chars().count());
        if chars > most {
            return Err(InvalidRequest::new(format!(
                "a view's `{name}` has at most {most} characters; this one has {chars}"
            )));
        }
    }
    if view.blocks.len() > MAX_VIEW_BLOCKS {
        return Err(InvalidRequest::new(format!(
            "the view has {} blocks; Slack shows at most {MAX_VIEW_BLOCKS}",
            view.blocks.len()
        )));
    }
    Ok(())
}

/// A modal's `title`, `close` or `submit` label: plain text of 1 to
/// [`MAX_VIEW_TITLE_CHARS`] characters.
fn check_label(name: &str, label: &Text) -> Result<(), InvalidRequest> {
    if label.kind != TextType::PlainText {
        return Err(InvalidRequest::new(format!(
            "a modal's `{name}` is plain text (`Text::plain`), not `{}`",
            label.kind
        )));
    }
    let chars = label.text.chars().count();
    if chars == 0 || chars > MAX_VIEW_TITLE_CHARS {
        return Err(InvalidRequest::new(format!(
            "a modal's `{name}` has 1 to {MAX_VIEW_TITLE_CHARS} characters; `{}` has {chars}",
            label.text
        )));
    }
    Ok(())
}

/// `trigger_id` or `interactivity_pointer`: exactly one.
fn check_trigger(
    trigger_id: Option<&String>,
    pointer: Option<&String>,
) -> Result<(), InvalidRequest> {
    match (trigger_id, pointer) {
        (Some(_), Some(_)) => Err(InvalidRequest::new(
            "give `trigger_id` or `interactivity_pointer`, not both",
        )),
        (None, None) => Err(InvalidRequest::new(
            "a modal opens in answer to an interaction: give its `trigger_id`",
        )),
        (Some(id), None) if id.is_empty() => Err(InvalidRequest::new("the `trigger_id` is empty")),
        (None, Some(pointer)) if pointer.is_empty() => {
            Err(InvalidRequest::new("the `interactivity_pointer` is empty"))
        }
        _ => Ok(()),
    }
}

/// `views.open`: opens a modal for the user whose interaction gave `trigger_id`.
///
/// ```
/// use slack_methods::methods::ViewsOpen;
/// use slack_methods::types::{Block, Text, ViewPayload};
/// let modal = ViewPayload::modal("Report an incident")
///     .with_block(Block::section(Text::mrkdwn("What broke?")))
///     .with_submit("Send");
/// let open = ViewsOpen::new("12345.98765.abcd2358fdea", modal);
/// assert!(slack_methods::encode_params(&open)?.starts_with("trigger_id=12345.98765.abcd2358fdea&view=%7B%22type%22%3A%22modal%22"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("views.open", response = ViewResponse, validate = ViewsOpen::check)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ViewsOpen {
    /// The `trigger_id` of the interaction the modal answers (valid for 3 seconds, once).
    pub trigger_id: Option<String>,
    /// Instead of `trigger_id`: the `interactivity_pointer` of a workflow step's interaction.
    pub interactivity_pointer: Option<String>,
    /// The modal to open (`type` `modal`, a title of at most 24 characters, at most 100
    /// blocks), sent as JSON text.
    #[slack(json)]
    pub view: ViewPayload,
}

impl ViewsOpen {
    /// Opens `view` with the interaction's `trigger_id`.
    pub fn new(trigger_id: impl Into<String>, view: ViewPayload) -> Self {
        ViewsOpen {
            trigger_id: Some(trigger_id.into()),
            interactivity_pointer: None,
            view,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_trigger(
            self.trigger_id.as_ref(),
            self.interactivity_pointer.as_ref(),
        )?;
        check_view(&self.view, "views.open", ViewType::Modal)
    }
}

/// `views.push`: puts a modal on top of the open one (a stack holds at most 3), in answer to an
/// interaction inside the open modal.
///
/// ```
/// use slack_methods::methods::ViewsPush;
/// use slack_methods::types::ViewPayload;
/// let push = ViewsPush::new("12345.98765.abcd2358fdea", ViewPayload::modal("Details"));
/// assert_eq!(push.trigger_id.as_deref(), Some("12345.98765.abcd2358fdea"));
/// ```
#[slack_method("views.push", response = ViewResponse, validate = ViewsPush::check)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ViewsPush {
    /// The `trigger_id` of the interaction inside the open modal (valid for 3 seconds, once).
    pub trigger_id: Option<String>,
    /// Instead of `trigger_id`: the `interactivity_pointer` of a workflow step's interaction.
    pub interactivity_pointer: Option<String>,
    /// The modal to push, sent as JSON text.
    #[slack(json)]
    pub view: ViewPayload,
}

impl ViewsPush {
    /// Pushes `view` with the interaction's `trigger_id`.
    pub fn new(trigger_id: impl Into<String>, view: ViewPayload) -> Self {
        ViewsPush {
            trigger_id: Some(trigger_id.into()),
            interactivity_pointer: None,
            view,
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_trigger(
            self.trigger_id.as_ref(),
            self.interactivity_pointer.as_ref(),
        )?;
        check_view(&self.view, "views.push", ViewType::Modal)
    }
}

/// `views.update`: replaces an open modal's content, found by its id or by the app's
/// `external_id`. With `hash` (the view's `hash` as last seen) Slack refuses to overwrite a
/// newer version (`hash_conflict`).
///
/// ```
/// use slack_methods::methods::ViewsUpdate;
/// use slack_methods::types::ViewPayload;
/// use slack_methods::ViewId;
/// let update = ViewsUpdate::by_id(ViewId::new("V0123ABCD")?, ViewPayload::modal("Sent"))
///     .if_hash("156772938.1827394");
/// let body = slack_methods::encode_params(&update)?;
/// assert!(body.ends_with("&view_id=V0123ABCD&hash=156772938.1827394"), "{body}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("views.update", response = ViewResponse, validate = ViewsUpdate::check)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ViewsUpdate {
    /// The new content of the view, sent as JSON text.
    #[slack(json)]
    pub view: ViewPayload,
    /// The id of the view to update (or give `external_id`).
    pub view_id: Option<ViewId>,
    /// The app's own id of the view to update (or give `view_id`).
    pub external_id: Option<String>,
    /// The view's `hash` as last seen: the update fails if the view changed since.
    pub hash: Option<String>,
}

impl ViewsUpdate {
    /// Replaces the view `view_id` with `view`.
    pub fn by_id(view_id: ViewId, view: ViewPayload) -> Self {
        ViewsUpdate {
            view,
            view_id: Some(view_id),
            external_id: None,
            hash: None,
        }
    }

    /// Replaces the view whose `external_id` is `external_id` with `view`.
    pub fn by_external_id(external_id: impl Into<String>, view: ViewPayload) -> Self {
        ViewsUpdate {
            view,
            view_id: None,
            external_id: Some(external_id.into()),
            hash: None,
        }
    }

    /// Updates only if the view's `hash` is still `hash`.
    pub fn if_hash(mut self, hash: impl Into<String>) -> Self {
        self.hash = Some(hash.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        match (&self.view_id, &self.external_id) {
            (Some(_), Some(_)) => {
                return Err(InvalidRequest::new(
                    "give `view_id` or `external_id`, not both",
                ))
            }
            (None, None) => {
                return Err(InvalidRequest::new(
                    "name the view to update: give `view_id` or `external_id`",
                ))
            }
            _ => {}
        }
        let kind = self.view.kind.clone();
        check_view(&self.view, "views.update", kind)
    }
}

/// `views.publish`: shows a view as a user's App Home tab (replacing the one shown).
///
/// ```
/// use slack_methods::methods::ViewsPublish;
/// use slack_methods::types::{Block, Text, ViewPayload};
/// use slack_methods::UserId;
/// let home = ViewPayload::home().with_block(Block::section(Text::mrkdwn("*3 tasks* due today")));
/// let publish = ViewsPublish::new(UserId::new("U0123ABCD")?, home);
/// assert!(slack_methods::encode_params(&publish)?.starts_with("user_id=U0123ABCD&view="));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("views.publish", response = ViewResponse, validate = ViewsPublish::check)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ViewsPublish {
    /// The user whose App Home shows the view.
    pub user_id: UserId,
    /// The Home tab (`type` `home`, at most 100 blocks), sent as JSON text.
    #[slack(json)]
    pub view: ViewPayload,
    /// The Home tab's `hash` as last seen: publishing fails if it changed since.
    pub hash: Option<String>,
}

impl ViewsPublish {
    /// Shows `view` as `user`'s App Home tab.
    pub fn new(user: UserId, view: ViewPayload) -> Self {
        ViewsPublish {
            user_id: user,
            view,
            hash: None,
        }
    }

    /// Publishes only if the Home tab's `hash` is still `hash`.
    pub fn if_hash(mut self, hash: impl Into<String>) -> Self {
        self.hash = Some(hash.into());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_view(&self.view, "views.publish", ViewType::Home)
    }
}

crate::slack_object! {
    /// What `views.open`, `views.push`, `views.update` and `views.publish` answer: the view as
    /// shown, with its `id` and `hash`.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ViewResponse {
        required {
            /// The view.
            pub view: View,
        }
    }
}
