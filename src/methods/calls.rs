//! Calls: `calls.add`, `calls.info`, `calls.update`, `calls.end`, `calls.participants.add` and
//! `calls.participants.remove`, how an app that brings its own video calls (a Zoom-like
//! integration) shows a call in Slack ("register the meeting that just started, then say who
//! joined and when it ended").
//!
//! The app registers a call with its own id for it (`external_unique_id`) and the URL to join
//! it; Slack answers a [`Call`] with Slack's id for it, a [`CallId`] (`R...`), which the other
//! methods take (and which a `call` block in a message names). Participants are
//! [`CallUser`]s: a Slack user by id, or someone outside Slack by the app's id for them and the
//! name to show. Reading takes `calls:read`, the others `calls:write`, from a bot or a user
//! token.

use super::Acknowledged;
use crate::types::List;
use crate::{check_value, slack_method, CallId, InvalidRequest, ParamSchema, UserId, ValueError};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Map, Value};

/// A participant of a call (`calls.add`'s and `calls.participants.*`'s `users`), as Slack's
/// Calls API names one: a Slack user by `slack_id`, or someone outside Slack by the app's own
/// `external_id` for them and the `display_name` to show (with an optional `avatar_url`).
/// Neither form can be built without its id.
///
/// ```
/// use slack_methods::methods::CallUser;
/// use slack_methods::UserId;
/// let users = [
///     CallUser::slack(UserId::new("U1H77")?),
///     CallUser::external("54321678", "External User")
///         .with_avatar("https://example.com/users/avatar1234.jpg"),
/// ];
/// assert_eq!(
///     serde_json::to_string(&users)?,
///     r#"[{"slack_id":"U1H77"},{"external_id":"54321678","display_name":"External User","avatar_url":"https://example.com/users/avatar1234.jpg"}]"#,
/// );
/// // Read back from an answer; fields it does not name are left aside.
/// let read: CallUser = serde_json::from_str(r#"{"slack_id":"U1H77","new_field":1}"#)?;
/// assert_eq!(read, users[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum CallUser {
    /// A user of the workspace.
    Slack {
        /// The user's id.
        slack_id: UserId,
    },
    /// Someone Slack does not know, as the app knows them.
    External {
        /// The app's own unique id for them.
        external_id: String,
        /// The name Slack shows for them in the call.
        display_name: String,
        /// A URL of their avatar image.
        #[serde(skip_serializing_if = "Option::is_none")]
        avatar_url: Option<String>,
    },
}

impl CallUser {
    /// The workspace's user `id`.
    pub fn slack(id: UserId) -> Self {
        CallUser::Slack { slack_id: id }
    }

    /// Someone outside Slack: the app's id for them and the name to show.
    pub fn external(external_id: impl Into<String>, display_name: impl Into<String>) -> Self {
        CallUser::External {
            external_id: external_id.into(),
            display_name: display_name.into(),
            avatar_url: None,
        }
    }

    /// Shows the avatar at `url` (someone outside Slack; a Slack user keeps their own).
    pub fn with_avatar(self, url: impl Into<String>) -> Self {
        match self {
            CallUser::External {
                external_id,
                display_name,
                ..
            } => CallUser::External {
                external_id,
                display_name,
                avatar_url: Some(url.into()),
            },
            slack => slack,
        }
    }

    /// The Slack user's id, for a user of the workspace.
    pub fn slack_id(&self) -> Option<&UserId> {
        match self {
            CallUser::Slack { slack_id } => Some(slack_id),
            CallUser::External { .. } => None,
        }
    }
}

impl<'de> Deserialize<'de> for CallUser {
    /// A `slack_id` makes a Slack user; else `external_id` and `display_name` make someone
    /// outside Slack. Other fields (an answer may carry more) are left aside; arguments from
    /// agents are checked against the schema first, which refuses them.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            slack_id: Option<UserId>,
            external_id: Option<String>,
            display_name: Option<String>,
            avatar_url: Option<String>,
        }
        let fields = Fields::deserialize(deserializer)?;
        match fields {
            Fields {
                slack_id: Some(slack_id),
                ..
            } => Ok(CallUser::Slack { slack_id }),
            Fields {
                external_id: Some(external_id),
                display_name: Some(display_name),
                avatar_url,
                ..
            } => Ok(CallUser::External {
                external_id,
                display_name,
                avatar_url,
            }),
            _ => Err(serde::de::Error::custom(
                "a call user has a `slack_id`, or an `external_id` and a `display_name`",
            )),
        }
    }
}

impl ParamSchema for CallUser {
    fn json_schema() -> Value {
        let text = |description: &str| json!({ "type": "string", "description": description });
        json!({
            "anyOf": [
                {
                    "type": "object",
                    "properties": { "slack_id": <UserId as ParamSchema>::json_schema() },
                    "required": ["slack_id"],
                    "additionalProperties": false,
                },
                {
                    "type": "object",
                    "properties": {
                        "external_id": text("The app's own unique id for someone outside Slack."),
                        "display_name": text("The name Slack shows for them."),
                        "avatar_url": {
                            "type": ["string", "null"],
                            "description": "A URL of their avatar image.",
                        },
                    },
                    "required": ["external_id", "display_name"],
                    "additionalProperties": false,
                },
            ],
            "description": "A participant: {\"slack_id\": <user id>}, or {\"external_id\": <the app's id>, \"display_name\": <name>} with an optional \"avatar_url\".",
        })
    }

    /// Which fields a participant has, said as a mistake of that participant (the shape check
    /// alone would say only that the object fits neither form); then the form those fields
    /// chose, so a value of the wrong type is named; then the user id's own check (a shape
    /// check leaves `pattern` to the id). A `null` field counts as left out, as the typed path
    /// reads it.
    fn check_json(value: &Value) -> Result<(), ValueError> {
        if let Value::Object(fields) = value {
            const FIELDS: [&str; 4] = ["slack_id", "external_id", "display_name", "avatar_url"];
            if let Some(unknown) = fields.keys().find(|key| !FIELDS.contains(&key.as_str())) {
                return Err(ValueError::new(format!(
                    "unknown field `{unknown}`: a participant takes `slack_id`, or \
                     `external_id`, `display_name` and an optional `avatar_url`"
                )));
            }
            let given = |key: &str| fields.get(key).is_some_and(|value| !value.is_null());
            if given("slack_id") {
                if let Some(other) = FIELDS[1..].iter().find(|key| given(key)) {
                    return Err(ValueError::new(format!(
                        "`{other}` beside `slack_id`: a user of the workspace is named by \
                         `slack_id` alone; someone outside Slack by `external_id` and \
                         `display_name`"
                    )));
                }
            } else {
                let missing: Vec<&str> = ["external_id", "display_name"]
                    .into_iter()
                    .filter(|key| !given(key))
                    .collect();
                if !missing.is_empty() {
                    return Err(ValueError::new(format!(
                        "`{}` missing: a participant has a `slack_id`, or an `external_id` and \
                         a `display_name`",
                        missing.join("` and `")
                    )));
                }
            }
            let present: Map<String, Value> = fields
                .iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            // The form its fields chose, so that a value of the wrong type is named.
            let schema = Self::json_schema();
            let form = &schema["anyOf"][if given("slack_id") { 0 } else { 1 }];
            check_value(form, &Value::Object(present))?;
        } else {
            check_value(&Self::json_schema(), value)?;
        }
        match value.get("slack_id") {
            Some(id) => <UserId as ParamSchema>::check_json(id)
                .map_err(|error| ValueError::new(format!("slack_id: {}", error.message()))),
            None => Ok(()),
        }
    }
}

crate::slack_object! {
    /// A call, as `calls.add`, `calls.info` and `calls.update` answer it.
    ///
    /// ```
    /// use slack_methods::methods::{Call, CallUser};
    /// let call: Call = serde_json::from_str(
    ///     r#"{"id":"R0E69JAIF","date_start":1562002086,
    ///         "external_unique_id":"025169F6-E37A-4E62-BB54-7F93A0FC4C1F",
    ///         "join_url":"https://example.com/calls/1234567890",
    ///         "title":"Kimpossible sync up","users":[{"slack_id":"U0MQG83FD"}],
    ///         "new_field":true}"#,
    /// )?;
    /// assert_eq!(call.id.as_str(), "R0E69JAIF");
    /// assert_eq!(call.date_start, Some(1562002086));
    /// assert!(!call.has_ended());
    /// assert_eq!(call.users.iter().filter_map(CallUser::slack_id).count(), 1);
    /// assert_eq!(call.extra["new_field"], true);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct Call {
        required {
            /// Slack's id of the call (`R...`).
            pub id: CallId,
        }
        /// When it started, as a Unix time.
        pub date_start: Option<u64>,
        /// When it ended, as a Unix time (once it has).
        pub date_end: Option<u64>,
        /// The app's own unique id of the call.
        pub external_unique_id: Option<String>,
        /// The app's human-readable id of the call, which Slack shows.
        pub external_display_id: Option<String>,
        /// The URL to join it.
        pub join_url: Option<String>,
        /// The URL with which Slack's desktop app opens the app's own client.
        pub desktop_app_join_url: Option<String>,
        /// Its name.
        pub title: Option<String>,
        /// Its participants.
        pub users: List<CallUser>,
        /// The conversations the call was shared in.
        pub channels: Vec<crate::ChannelId>,
    }
}

impl Call {
    /// Whether it has ended (a `date_end` other than 0).
    pub fn has_ended(&self) -> bool {
        self.date_end.is_some_and(|end| end != 0)
    }
}

crate::slack_object! {
    /// What `calls.add`, `calls.info` and `calls.update` answer: the call.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct CallResponse {
        required {
            /// The call.
            pub call: Call,
        }
    }
}

/// The blank value of a required text refused before sending.
fn not_blank(name: &str, value: &str, what: &str) -> Result<(), InvalidRequest> {
    if value.trim().is_empty() {
        return Err(InvalidRequest::new(format!(
            "`{name}` is empty: give {what}"
        )));
    }
    Ok(())
}

/// `calls.add`: registers a call of the app's, by the app's own unique id for it and the URL to
/// join it; answers the call with Slack's id for it (`R...`), which the other calls methods
/// take.
///
/// With a bot token, Slack requires `created_by` (with a user token it is the token's user).
/// `external_unique_id` and `join_url` must not be empty (checked before sending).
///
/// ```
/// use slack_methods::methods::{CallUser, CallsAdd};
/// use slack_methods::UserId;
/// let ada = UserId::new("U0123ABCD")?;
/// let call = CallsAdd::new("meet-4f2a", "https://meet.example.com/4f2a")
///     .title("Release review")
///     .created_by(ada.clone())
///     .users([CallUser::slack(ada)]);
/// assert_eq!(
///     slack_methods::encode_params(&call)?,
///     "external_unique_id=meet-4f2a&join_url=https%3A%2F%2Fmeet.example.com%2F4f2a\
///      &title=Release+review&created_by=U0123ABCD&users=%5B%7B%22slack_id%22%3A%22U0123ABCD%22%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("calls.add", response = CallResponse, validate = CallsAdd::check)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsAdd {
    /// The app's own id of the call, unique among its calls; not empty.
    pub external_unique_id: String,
    /// The URL to join the call; not empty.
    pub join_url: String,
    /// A human-readable id of the call, which Slack shows.
    pub external_display_id: Option<String>,
    /// A URL with which Slack's desktop app opens the app's own client directly.
    pub desktop_app_join_url: Option<String>,
    /// When the call started, as a Unix time in seconds.
    pub date_start: Option<u64>,
    /// The call's name.
    pub title: Option<String>,
    /// The user who started the call: required with a bot token; with a user token, the
    /// token's user when absent.
    pub created_by: Option<UserId>,
    /// The participants so far: each `{"slack_id": "U..."}`, or
    /// `{"external_id": "...", "display_name": "..."}` with an optional `avatar_url`.
    #[slack(json)]
    pub users: Option<Vec<CallUser>>,
}

impl CallsAdd {
    /// The call the app knows as `external_unique_id`, joined at `join_url`.
    pub fn new(external_unique_id: impl Into<String>, join_url: impl Into<String>) -> Self {
        CallsAdd {
            external_unique_id: external_unique_id.into(),
            join_url: join_url.into(),
            external_display_id: None,
            desktop_app_join_url: None,
            date_start: None,
            title: None,
            created_by: None,
            users: None,
        }
    }

    /// Shows `id` as the call's human-readable id.
    pub fn display_id(mut self, id: impl Into<String>) -> Self {
        self.external_display_id = Some(id.into());
        self
    }

    /// Opens the app's own client at `url` from Slack's desktop app.
    pub fn desktop_app_join_url(mut self, url: impl Into<String>) -> Self {
        self.desktop_app_join_url = Some(url.into());
        self
    }

    /// Started at the Unix time `seconds`.
    pub fn started_at(mut self, seconds: u64) -> Self {
        self.date_start = Some(seconds);
        self
    }

    /// Names the call `title`.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Started by `user` (required with a bot token).
    pub fn created_by(mut self, user: UserId) -> Self {
        self.created_by = Some(user);
        self
    }

    /// With `users` in the call from the start.
    pub fn users(mut self, users: impl IntoIterator<Item = CallUser>) -> Self {
        self.users = Some(users.into_iter().collect());
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        not_blank(
            "external_unique_id",
            &self.external_unique_id,
            "the app's own unique id of the call",
        )?;
        not_blank("join_url", &self.join_url, "the URL to join the call")
    }
}

/// `calls.info`: a call registered with `calls.add`, by Slack's id for it (`R...`).
///
/// ```
/// use slack_methods::methods::CallsInfo;
/// use slack_methods::CallId;
/// let info = CallsInfo::of(CallId::new("R0E69JAIF")?);
/// assert_eq!(slack_methods::encode_params(&info)?, "id=R0E69JAIF");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("calls.info", response = CallResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsInfo {
    /// The call's id (`R...`), as `calls.add` answered it.
    pub id: CallId,
}

impl CallsInfo {
    /// The call `id`.
    pub fn of(id: CallId) -> Self {
        CallsInfo { id }
    }
}

/// `calls.update`: changes a call's title or the URLs to join it (the fields Slack lets change);
/// answers the call.
///
/// ```
/// use slack_methods::methods::CallsUpdate;
/// use slack_methods::CallId;
/// let renamed = CallsUpdate::of(CallId::new("R0E69JAIF")?).title("Release review, part 2");
/// assert_eq!(
///     slack_methods::encode_params(&renamed)?,
///     "id=R0E69JAIF&title=Release+review%2C+part+2",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("calls.update", response = CallResponse)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsUpdate {
    /// The call's id (`R...`), as `calls.add` answered it.
    pub id: CallId,
    /// The new URL to join the call.
    pub join_url: Option<String>,
    /// The new URL with which Slack's desktop app opens the app's own client.
    pub desktop_app_join_url: Option<String>,
    /// The call's new name.
    pub title: Option<String>,
}

impl CallsUpdate {
    /// Changes the call `id` (as the builders below say).
    pub fn of(id: CallId) -> Self {
        CallsUpdate {
            id,
            join_url: None,
            desktop_app_join_url: None,
            title: None,
        }
    }

    /// Joined at `url` from now on.
    pub fn join_url(mut self, url: impl Into<String>) -> Self {
        self.join_url = Some(url.into());
        self
    }

    /// Opens the app's own client at `url` from Slack's desktop app.
    pub fn desktop_app_join_url(mut self, url: impl Into<String>) -> Self {
        self.desktop_app_join_url = Some(url.into());
        self
    }

    /// Names the call `title`.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// `calls.end`: ends a call, optionally saying how long it lasted. Slack answers
/// `inactive_call` for a call that has already ended.
///
/// ```
/// use slack_methods::methods::CallsEnd;
/// use slack_methods::CallId;
/// let end = CallsEnd::of(CallId::new("R0E69JAIF")?).lasted(1_800);
/// assert_eq!(slack_methods::encode_params(&end)?, "id=R0E69JAIF&duration=1800");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("calls.end", response = Acknowledged)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsEnd {
    /// The call's id (`R...`), as `calls.add` answered it.
    pub id: CallId,
    /// How long the call lasted, in seconds.
    pub duration: Option<u64>,
}

impl CallsEnd {
    /// Ends the call `id`.
    pub fn of(id: CallId) -> Self {
        CallsEnd { id, duration: None }
    }

    /// Says the call lasted `seconds`.
    pub fn lasted(mut self, seconds: u64) -> Self {
        self.duration = Some(seconds);
        self
    }
}

/// The empty `users` list refused before sending: the methods require at least one.
fn check_users(users: &[CallUser]) -> Result<(), InvalidRequest> {
    if users.is_empty() {
        return Err(InvalidRequest::new(
            "`users` is empty: name at least one participant",
        ));
    }
    Ok(())
}

/// `calls.participants.add`: says who joined a call. Slack answers `bad_users` when one of
/// them is already in it.
///
/// `users` must not be empty (checked before sending).
///
/// ```
/// use slack_methods::methods::{CallUser, CallsParticipantsAdd};
/// use slack_methods::CallId;
/// let joined = CallsParticipantsAdd::new(
///     CallId::new("R0E69JAIF")?,
///     [CallUser::external("guest-7", "Kim Possible")],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&joined)?,
///     "id=R0E69JAIF&users=%5B%7B%22external_id%22%3A%22guest-7%22%2C%22display_name%22%3A%22Kim+Possible%22%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "calls.participants.add",
    response = Acknowledged,
    validate = CallsParticipantsAdd::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsParticipantsAdd {
    /// The call's id (`R...`), as `calls.add` answered it.
    pub id: CallId,
    /// Who joined, one or more: each `{"slack_id": "U..."}`, or
    /// `{"external_id": "...", "display_name": "..."}` with an optional `avatar_url`.
    #[slack(json)]
    pub users: Vec<CallUser>,
}

impl CallsParticipantsAdd {
    /// `users` joined the call `id`.
    pub fn new(id: CallId, users: impl IntoIterator<Item = CallUser>) -> Self {
        CallsParticipantsAdd {
            id,
            users: users.into_iter().collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_users(&self.users)
    }
}

/// `calls.participants.remove`: says who left a call. Slack answers `bad_users` when one of
/// them is not in it.
///
/// `users` must not be empty (checked before sending).
///
/// ```
/// use slack_methods::methods::{CallUser, CallsParticipantsRemove};
/// use slack_methods::{CallId, UserId};
/// let left = CallsParticipantsRemove::new(
///     CallId::new("R0E69JAIF")?,
///     [CallUser::slack(UserId::new("U0123ABCD")?)],
/// );
/// assert_eq!(
///     slack_methods::encode_params(&left)?,
///     "id=R0E69JAIF&users=%5B%7B%22slack_id%22%3A%22U0123ABCD%22%7D%5D",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method(
    "calls.participants.remove",
    response = Acknowledged,
    validate = CallsParticipantsRemove::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CallsParticipantsRemove {
    /// The call's id (`R...`), as `calls.add` answered it.
    pub id: CallId,
    /// Who left, one or more: each `{"slack_id": "U..."}`, or
    /// `{"external_id": "...", "display_name": "..."}` as they were added.
    #[slack(json)]
    pub users: Vec<CallUser>,
}

impl CallsParticipantsRemove {
    /// `users` left the call `id`.
    pub fn new(id: CallId, users: impl IntoIterator<Item = CallUser>) -> Self {
        CallsParticipantsRemove {
            id,
            users: users.into_iter().collect(),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_users(&self.users)
    }
}
