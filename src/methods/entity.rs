//! The `entity.*` family: Work Objects, the entities of an app's own service (a file, a task, a
//! board) that Slack shows in messages and, when a user opens one, in a flexpane beside the
//! conversation.
//!
//! When a user opens a Work Object, Slack sends the app an `entity_details_requested` event with
//! a `trigger_id`; the app answers with `entity.presentDetails`: the entity's metadata for that
//! user, or that the user must first sign in to the app's service, or why it cannot show the
//! entity. Slack's page for the method names no scope (any token of the app), Tier 3.

use super::Acknowledged;
use crate::{slack_method, InvalidRequest, ParamSchema};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// `entity.presentDetails`: answers a user's request to see a Work Object in Slack's flexpane
/// (the `entity_details_requested` event), for the `trigger_id` of that event. The answer is
/// the entity's `metadata` for that user (its `entity_type`, `url`, `external_ref` and
/// `entity_payload`, whose `external_ref` must be the entity the user opened), or
/// `user_auth_required` with the `user_auth_url` where the user signs in to the app's service,
/// or an `error` saying why the entity cannot be shown. Refused before sending: an empty
/// `trigger_id`, and `user_auth_required` without `user_auth_url` (Slack answers
/// `user_auth_url_missing`). Slack's page names no scope; it answers `invalid_trigger_id` for a
/// trigger it did not give and `entity_metadata_does_not_match_trigger` for metadata of another
/// entity.
///
/// ```
/// use serde_json::json;
/// use slack_methods::methods::EntityPresentDetails;
/// let shown = EntityPresentDetails::new("1234.5678.abcd").metadata(
///     json!({"entity_type": "slack#/entities/task", "external_ref": {"id": "T-42"}})
///         .as_object()
///         .cloned()
///         .unwrap_or_default(),
/// );
/// assert_eq!(
///     slack_methods::encode_params(&shown)?,
///     "trigger_id=1234.5678.abcd&metadata=%7B%22entity_type%22%3A%22slack%23%2Fentities%2Ftask%22%2C%22external_ref%22%3A%7B%22id%22%3A%22T-42%22%7D%7D",
/// );
/// let sign_in = EntityPresentDetails::new("1234.5678.abcd")
///     .user_auth_required("https://tasks.example/login");
/// assert_eq!(
///     slack_methods::encode_params(&sign_in)?,
///     "trigger_id=1234.5678.abcd&user_auth_required=true&user_auth_url=https%3A%2F%2Ftasks.example%2Flogin",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "entity.presentDetails",
    no_scope,
    tier = 3,
    response = Acknowledged,
    validate = EntityPresentDetails::check
)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EntityPresentDetails {
    /// The trigger id of the `entity_details_requested` event the app answers.
    pub trigger_id: String,
    /// The entity's metadata for this user, sent as a JSON object: `entity_type` (such as
    /// `slack#/entities/task`), `url`, `external_ref` (the `id` of the entity the user opened)
    /// and `entity_payload` (its `attributes`, `fields` and `display_order`).
    #[slack(json)]
    pub metadata: Option<Map<String, Value>>,
    /// Whether the user must sign in to the app's service to see the entity (false when absent);
    /// `user_auth_url` is then required.
    pub user_auth_required: Option<bool>,
    /// Where the user signs in to the app's service, when `user_auth_required` is true.
    pub user_auth_url: Option<String>,
    /// Why the entity cannot be shown, sent as a JSON object: its `status` (`restricted`,
    /// `internal_error`, `not_found`, `custom`, `custom_partial_view`, `timeout` or
    /// `edit_error`), and for a custom status a `custom_title` and `custom_message`
    /// (`message_format` `markdown` for a message in markdown).
    #[slack(json)]
    pub error: Option<EntityError>,
}

impl EntityPresentDetails {
    /// Answers the `entity_details_requested` event of `trigger_id`; add what it shows with
    /// [`metadata`](Self::metadata), [`user_auth_required`](Self::user_auth_required) or
    /// [`error`](Self::error).
    pub fn new(trigger_id: impl Into<String>) -> Self {
        EntityPresentDetails {
            trigger_id: trigger_id.into(),
            metadata: None,
            user_auth_required: None,
            user_auth_url: None,
            error: None,
        }
    }

    /// Shows the entity described by `metadata` (its `entity_type`, `url`, `external_ref` and
    /// `entity_payload`).
    pub fn metadata(mut self, metadata: Map<String, Value>) -> Self {
        self.metadata = Some(metadata);
        self
    }

    /// Tells Slack that the user must sign in to the app's service first, at `url`.
    pub fn user_auth_required(mut self, url: impl Into<String>) -> Self {
        self.user_auth_required = Some(true);
        self.user_auth_url = Some(url.into());
        self
    }

    /// Tells Slack why the entity cannot be shown.
    pub fn error(mut self, error: EntityError) -> Self {
        self.error = Some(error);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.trigger_id.trim().is_empty() {
            return Err(InvalidRequest::new(
                "`trigger_id` is empty: pass the trigger id of the entity_details_requested event",
            ));
        }
        let url_missing = self
            .user_auth_url
            .as_deref()
            .is_none_or(|url| url.trim().is_empty());
        if self.user_auth_required == Some(true) && url_missing {
            return Err(InvalidRequest::new(
                "`user_auth_required` is true without `user_auth_url`: give the address where the user signs in",
            ));
        }
        Ok(())
    }
}

crate::slack_enum! {
    /// Why an entity cannot be shown in the flexpane, the statuses Slack's
    /// `entity.presentDetails` page lists, or one Slack adds later ([`EntityErrorStatus::Other`]).
    ///
    /// ```
    /// use slack_methods::methods::EntityErrorStatus;
    /// assert_eq!(EntityErrorStatus::NotFound.as_str(), "not_found");
    /// assert_eq!(EntityErrorStatus::from("gone"), EntityErrorStatus::Other("gone".into()));
    /// ```
    pub enum EntityErrorStatus {
        /// The user may not see the entity (`restricted`).
        Restricted = "restricted",
        /// The app's service failed (`internal_error`).
        InternalError = "internal_error",
        /// The entity does not exist (`not_found`).
        NotFound = "not_found",
        /// A reason of the app's own, in `custom_title` and `custom_message` (`custom`).
        Custom = "custom",
        /// Part of the entity can be shown (`custom_partial_view`).
        CustomPartialView = "custom_partial_view",
        /// The app's service took too long (`timeout`).
        Timeout = "timeout",
        /// An edit of the entity failed (`edit_error`).
        EditError = "edit_error",
    }
}

/// Why an entity cannot be shown: `entity.presentDetails`'s `error`, with its
/// [`EntityErrorStatus`] and, for [`EntityErrorStatus::Custom`], a title and message of the
/// app's own. Other fields (Slack's action buttons, `actions`) go in `extra`.
///
/// ```
/// use slack_methods::methods::{EntityError, EntityErrorStatus};
/// let error = EntityError::custom("Archived", "This *task* was archived.").markdown();
/// assert_eq!(
///     serde_json::to_string(&error)?,
///     r#"{"status":"custom","custom_title":"Archived","custom_message":"This *task* was archived.","message_format":"markdown"}"#,
/// );
/// assert_eq!(EntityError::new(EntityErrorStatus::NotFound).status.as_str(), "not_found");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntityError {
    /// Why the entity cannot be shown.
    pub status: EntityErrorStatus,
    /// The title shown for a custom status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_title: Option<String>,
    /// The message shown for a custom status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_message: Option<String>,
    /// The format of `custom_message`: `markdown` (Slack's page names no other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_format: Option<String>,
    /// Every other field, as written (Slack's `actions`, its buttons).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl EntityError {
    /// An error of `status`, without a title or message.
    pub fn new(status: EntityErrorStatus) -> Self {
        EntityError {
            status,
            custom_title: None,
            custom_message: None,
            message_format: None,
            extra: Map::new(),
        }
    }

    /// A [`EntityErrorStatus::Custom`] error with the app's own `title` and `message`.
    pub fn custom(title: impl Into<String>, message: impl Into<String>) -> Self {
        let mut error = EntityError::new(EntityErrorStatus::Custom);
        error.custom_title = Some(title.into());
        error.custom_message = Some(message.into());
        error
    }

    /// Marks the message as markdown.
    pub fn markdown(mut self) -> Self {
        self.message_format = Some("markdown".to_owned());
        self
    }
}

impl ParamSchema for EntityError {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "status": {
                    "type": "string",
                    "description": "Why the entity cannot be shown: restricted, internal_error, not_found, custom, custom_partial_view, timeout or edit_error.",
                },
                "custom_title": { "type": "string", "description": "The title shown for a custom status." },
                "custom_message": { "type": "string", "description": "The message shown for a custom status." },
                "message_format": { "type": "string", "description": "markdown for a message in markdown." },
                "actions": { "type": "array", "items": { "type": "object" }, "description": "Buttons shown with the error, each with action_id and text." },
            },
            "required": ["status"],
        })
    }
}
