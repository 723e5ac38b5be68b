//! `dialog.open`: a legacy dialog, a form opened for the user whose interaction gave a
//! `trigger_id` (a slash command, a button), as modals (`views.open`) have replaced.
//!
//! The dialog is a [`Dialog`] (its `title`, `callback_id` and form `elements`), sent as JSON
//! text. Slack's page on dialogs states the limits checked before sending: a title of at most
//! [`MAX_DIALOG_TITLE_CHARS`] characters, at most [`MAX_DIALOG_ELEMENTS`] elements, labels of at
//! most [`MAX_DIALOG_LABEL_CHARS`] characters (a `text` or `textarea` element's, and the
//! `submit_label`), a `callback_id` of at most [`MAX_DIALOG_CALLBACK_ID_CHARS`] and an element
//! `name` of at most [`MAX_DIALOG_ELEMENT_NAME_CHARS`].

use crate::methods::Acknowledged;
use crate::{slack_method, InvalidRequest, ParamSchema};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Map, Value};

/// The most characters of a dialog's `title` (Slack's page: "24 characters to work with").
pub const MAX_DIALOG_TITLE_CHARS: usize = 24;
/// The most elements a dialog holds (Slack's page: "Up to 10 form elements").
pub const MAX_DIALOG_ELEMENTS: usize = 10;
/// The most characters of a `text` or `textarea` element's `label`, and of the dialog's
/// `submit_label` (Slack's page: 48 each).
pub const MAX_DIALOG_LABEL_CHARS: usize = 48;
/// The most characters of a dialog's `callback_id` (Slack's page: 255).
pub const MAX_DIALOG_CALLBACK_ID_CHARS: usize = 255;
/// The most characters of a `text` or `textarea` element's `name` (Slack's page: 300).
pub const MAX_DIALOG_ELEMENT_NAME_CHARS: usize = 300;

/// A legacy dialog: a `title`, the app's `callback_id` for its submissions, and its form
/// `elements`.
///
/// ```
/// use slack_methods::methods::{Dialog, DialogElement};
/// let dialog = Dialog::new("ryde-46e2b0", "Request a Ride")
///     .with_element(DialogElement::text("Pickup Location", "loc_origin"))
///     .with_submit_label("Request");
/// assert_eq!(
///     serde_json::to_string(&dialog)?,
///     r#"{"callback_id":"ryde-46e2b0","title":"Request a Ride","elements":[{"label":"Pickup Location","name":"loc_origin","type":"text"}],"submit_label":"Request"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Read from JSON (as the `dialogOpen` tool reads it), a field it does not name is refused
/// rather than dropped: a misspelt `submit_label` would otherwise be lost without a word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Dialog {
    /// The app's id of this dialog, sent back with its submission (at most 255 characters).
    pub callback_id: String,
    /// The title the user sees (at most 24 characters).
    pub title: String,
    /// The form elements (at most 10).
    pub elements: Vec<DialogElement>,
    /// The submit button's label, one word (Slack's default is `Submit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_label: Option<String>,
    /// Text Slack sends back with the submission, for the app's own use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Whether Slack tells the app when the user cancels the dialog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_on_cancel: Option<bool>,
}

impl Dialog {
    /// A dialog `title` with no elements yet, whose submissions carry `callback_id`.
    pub fn new(callback_id: impl Into<String>, title: impl Into<String>) -> Self {
        Dialog {
            callback_id: callback_id.into(),
            title: title.into(),
            elements: Vec::new(),
            submit_label: None,
            state: None,
            notify_on_cancel: None,
        }
    }

    /// Adds `element` after the others.
    pub fn with_element(mut self, element: DialogElement) -> Self {
        self.elements.push(element);
        self
    }

    /// Labels the submit button `label`.
    pub fn with_submit_label(mut self, label: impl Into<String>) -> Self {
        self.submit_label = Some(label.into());
        self
    }

    /// Sends `state` back with the submission.
    pub fn with_state(mut self, state: impl Into<String>) -> Self {
        self.state = Some(state.into());
        self
    }

    /// Asks Slack to tell the app when the user cancels.
    pub fn notify_on_cancel(mut self) -> Self {
        self.notify_on_cancel = Some(true);
        self
    }

    /// Slack's stated limits, checked before sending.
    fn check(&self) -> Result<(), InvalidRequest> {
        let chars = |text: &str| text.chars().count();
        let title = chars(&self.title);
        if title == 0 || title > MAX_DIALOG_TITLE_CHARS {
            return Err(InvalidRequest::new(format!(
                "a dialog's `title` has 1 to {MAX_DIALOG_TITLE_CHARS} characters; this one has {title}"
            )));
        }
        let callback_id = chars(&self.callback_id);
        if callback_id == 0 || callback_id > MAX_DIALOG_CALLBACK_ID_CHARS {
            return Err(InvalidRequest::new(format!(
                "a dialog's `callback_id` has 1 to {MAX_DIALOG_CALLBACK_ID_CHARS} characters; this one has {callback_id}"
            )));
        }
        if let Some(label) = &self.submit_label {
            if chars(label) > MAX_DIALOG_LABEL_CHARS {
                return Err(InvalidRequest::new(format!(
                    "a dialog's `submit_label` has at most {MAX_DIALOG_LABEL_CHARS} characters; this one has {}",
                    chars(label)
                )));
            }
        }
        if self.elements.is_empty() {
            return Err(InvalidRequest::new(
                "a dialog needs `elements`: add at least one",
            ));
        }
        if self.elements.len() > MAX_DIALOG_ELEMENTS {
            return Err(InvalidRequest::new(format!(
                "the dialog has {} elements; Slack takes at most {MAX_DIALOG_ELEMENTS}",
                self.elements.len()
            )));
        }
        for (index, element) in self.elements.iter().enumerate() {
            let (DialogElement::Text(form) | DialogElement::Textarea(form)) = element else {
                continue;
            };
            if chars(&form.label) > MAX_DIALOG_LABEL_CHARS {
                return Err(InvalidRequest::new(format!(
                    "element {index}'s `label` has at most {MAX_DIALOG_LABEL_CHARS} characters; `{}` has {}",
                    form.label,
                    chars(&form.label)
                )));
            }
            if chars(&form.name) > MAX_DIALOG_ELEMENT_NAME_CHARS {
                return Err(InvalidRequest::new(format!(
                    "element {index}'s `name` has at most {MAX_DIALOG_ELEMENT_NAME_CHARS} characters; this one has {}",
                    chars(&form.name)
                )));
            }
        }
        Ok(())
    }
}

impl ParamSchema for Dialog {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "callback_id": { "type": "string", "description": "The app's id of the dialog, sent back with its submission." },
                "title": { "type": "string", "description": "The title the user sees (at most 24 characters)." },
                "elements": { "type": "array", "items": DialogElement::json_schema(), "description": "The form elements (at most 10)." },
                "submit_label": { "type": "string", "description": "The submit button's label, one word." },
                "state": { "type": "string", "description": "Text sent back with the submission." },
                "notify_on_cancel": { "type": "boolean", "description": "Whether Slack tells the app when the user cancels." },
            },
            "required": ["callback_id", "title", "elements"],
            "additionalProperties": false,
            "description": "A legacy dialog: its title, callback_id and form elements.",
        })
    }
}

/// One element of a dialog's form: a one-line `text` input, a `textarea`, a `select` menu, or
/// a kind this crate does not name, kept as the JSON it is.
///
/// ```
/// use slack_methods::methods::DialogElement;
/// let email = DialogElement::text("Email Address", "email").with("subtype", "email");
/// assert_eq!(
///     serde_json::to_string(&email)?,
///     r#"{"label":"Email Address","name":"email","subtype":"email","type":"text"}"#,
/// );
/// let unknown: DialogElement = serde_json::from_str(r#"{"type":"date","name":"when"}"#)?;
/// assert!(matches!(unknown, DialogElement::Other(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DialogElement {
    /// A one-line text input (`text`).
    Text(FormElement),
    /// A multi-line text input (`textarea`).
    Textarea(FormElement),
    /// A menu to pick one option from (`select`), its `options` (or `option_groups`, or
    /// `data_source`) among the element's other attributes.
    Select(FormElement),
    /// An element of a kind this crate does not name, as JSON.
    Other(Value),
}

impl DialogElement {
    /// A one-line text input labelled `label`, submitted as `name`.
    pub fn text(label: impl Into<String>, name: impl Into<String>) -> Self {
        DialogElement::Text(FormElement::new(label, name))
    }

    /// A multi-line text input labelled `label`, submitted as `name`.
    pub fn textarea(label: impl Into<String>, name: impl Into<String>) -> Self {
        DialogElement::Textarea(FormElement::new(label, name))
    }

    /// A menu labelled `label`, submitted as `name`, whose options are given with
    /// [`with`](Self::with) (`options`, `option_groups` or `data_source`).
    pub fn select(label: impl Into<String>, name: impl Into<String>) -> Self {
        DialogElement::Select(FormElement::new(label, name))
    }

    /// Sets the attribute `key` (`optional`, `placeholder`, `hint`, `value`, `subtype`,
    /// `max_length`, `options`, ...) to `value`. A text `label` or `name` replaces the
    /// element's own, and is checked as it is; `type` is the element's kind, which this does
    /// not change.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        let (key, value) = (key.into(), value.into());
        match &mut self {
            DialogElement::Text(form)
            | DialogElement::Textarea(form)
            | DialogElement::Select(form) => match (key.as_str(), value) {
                ("label", Value::String(label)) => form.label = label,
                ("name", Value::String(name)) => form.name = name,
                ("type", _) => {}
                (_, value) => {
                    form.attributes.insert(key, value);
                }
            },
            DialogElement::Other(Value::Object(object)) => {
                object.insert(key, value);
            }
            DialogElement::Other(_) => {}
        }
        self
    }

    /// The element's `type`, as Slack writes it.
    pub fn kind(&self) -> Option<&str> {
        match self {
            DialogElement::Text(_) => Some("text"),
            DialogElement::Textarea(_) => Some("textarea"),
            DialogElement::Select(_) => Some("select"),
            DialogElement::Other(value) => value.get("type").and_then(Value::as_str),
        }
    }
}

impl Serialize for DialogElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let form = match self {
            DialogElement::Text(form)
            | DialogElement::Textarea(form)
            | DialogElement::Select(form) => form,
            DialogElement::Other(value) => return value.serialize(serializer),
        };
        // The label and name checked before sending are the ones sent, whatever the
        // attributes hold.
        let mut object = form.attributes.clone();
        object.insert("label".into(), Value::String(form.label.clone()));
        object.insert("name".into(), Value::String(form.name.clone()));
        object.insert("type".into(), json!(self.kind()));
        object.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for DialogElement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let wrap: fn(FormElement) -> DialogElement = match kind.as_str() {
            "text" => DialogElement::Text,
            "textarea" => DialogElement::Textarea,
            "select" => DialogElement::Select,
            _ => return Ok(DialogElement::Other(value)),
        };
        let Value::Object(mut object) = value else {
            return Err(D::Error::custom("a dialog element is a JSON object"));
        };
        object.remove("type");
        let mut text = |key: &str| match object.remove(key) {
            Some(Value::String(text)) => Ok(text),
            _ => Err(D::Error::custom(format!(
                "a `{kind}` dialog element needs a text `{key}`"
            ))),
        };
        let label = text("label")?;
        let name = text("name")?;
        Ok(wrap(FormElement {
            label,
            name,
            attributes: object,
        }))
    }
}

impl ParamSchema for DialogElement {
    fn json_schema() -> Value {
        json!({
            "type": "object",
            "properties": {
                "type": { "type": "string", "description": "text, textarea or select." },
                "label": { "type": "string", "description": "The label the user sees (at most 48 characters for text and textarea)." },
                "name": { "type": "string", "description": "The name the value is submitted as." },
            },
            "required": ["type", "label", "name"],
            "description": "A dialog element: its type, label and name, and attributes such as optional, placeholder, hint, value, subtype, max_length, options or data_source.",
        })
    }
}

/// What a `text`, `textarea` or `select` element has: its `label` and `name`, and its other
/// attributes (`optional`, `placeholder`, `hint`, `value`, `options`, ...) as JSON.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FormElement {
    /// The label the user sees.
    pub label: String,
    /// The name the element's value is submitted as.
    pub name: String,
    /// The element's other attributes, by their Slack names.
    pub attributes: Map<String, Value>,
}

impl FormElement {
    /// An element labelled `label`, submitted as `name`.
    pub fn new(label: impl Into<String>, name: impl Into<String>) -> Self {
        FormElement {
            label: label.into(),
            name: name.into(),
            attributes: Map::new(),
        }
    }
}

/// `dialog.open`: opens a legacy dialog for the user whose interaction gave `trigger_id`
/// (valid for 3 seconds, once). Slack answers only `ok`; the user's submission goes to the
/// app's request URL.
///
/// ```
/// use slack_methods::methods::{Dialog, DialogElement, DialogOpen};
/// let dialog = Dialog::new("ryde-46e2b0", "Request a Ride")
///     .with_element(DialogElement::text("Pickup Location", "loc_origin"));
/// let open = DialogOpen::new("12345.98765.abcd2358fdea", dialog);
/// assert!(slack_methods::encode_params(&open)?
///     .starts_with("dialog=%7B%22callback_id%22%3A%22ryde-46e2b0%22"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("dialog.open", response = Acknowledged, validate = DialogOpen::check)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DialogOpen {
    /// The dialog (a title of at most 24 characters, at most 10 elements, labels of at most 48
    /// characters), sent as JSON text.
    #[slack(json)]
    pub dialog: Dialog,
    /// The `trigger_id` of the interaction the dialog answers (valid for 3 seconds, once).
    pub trigger_id: String,
}

impl DialogOpen {
    /// Opens `dialog` with the interaction's `trigger_id`.
    pub fn new(trigger_id: impl Into<String>, dialog: Dialog) -> Self {
        DialogOpen {
            dialog,
            trigger_id: trigger_id.into(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.trigger_id.is_empty() {
            return Err(InvalidRequest::new("the `trigger_id` is empty"));
        }
        self.dialog.check()
    }
}
