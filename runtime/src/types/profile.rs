//! A user's profile, as Slack returns it, and the update `users.profile.set` sends.

use super::de::map_or_empty;
use crate::{BotId, TeamId, UserId};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

crate::slack_object! {
    /// A user's profile, as `users.profile.get` and `users.profile.set` return it.
    ///
    /// Fields Slack documents as required are plain values (missing or `null` read as empty); the
    /// others are `Option`s. Fields this crate does not know yet are kept in [`Profile::extra`].
    ///
    /// ```
    /// use slack_methods_runtime::types::Profile;
    /// let profile: Profile = serde_json::from_str(
    ///     r#"{"real_name":"Jane Doe","status_text":"riding a train","huddle_state":"default_unset"}"#,
    /// )?;
    /// assert_eq!(profile.real_name, "Jane Doe");
    /// assert_eq!(profile.extra["huddle_state"], "default_unset");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct Profile {
        /// The full name.
        pub real_name: String,
        /// `real_name` without diacritics or non-Latin characters.
        pub real_name_normalized: String,
        /// The name shown in Slack.
        pub display_name: String,
        /// `display_name`, normalized like `real_name_normalized`.
        pub display_name_normalized: String,
        /// Hash of the current avatar.
        pub avatar_hash: String,
        /// Job title.
        pub title: String,
        /// Phone number, as the user wrote it.
        pub phone: String,
        /// Skype handle.
        pub skype: String,
        /// The status text.
        pub status_text: String,
        /// The status emoji, e.g. `:train:`.
        pub status_emoji: String,
        /// When the status expires (Unix seconds); 0 when it does not.
        pub status_expiration: i64,
        /// Custom profile fields, keyed by field id (`Xf0...`).
        pub fields: BTreeMap<String, CustomField> => map_or_empty,
        /// Given name.
        pub first_name: Option<String>,
        /// Family name.
        pub last_name: Option<String>,
        /// Email address (needs the `users:read.email` scope to be present).
        pub email: Option<String>,
        /// Pronouns.
        pub pronouns: Option<String>,
        /// The status text, canonicalized.
        pub status_text_canonical: Option<String>,
        /// The default status emoji.
        pub status_default_emoji: Option<String>,
        /// The default status text.
        pub status_default_text: Option<String>,
        /// The default status text, canonicalized.
        pub status_default_text_canonical: Option<String>,
        /// 24×24 avatar URL.
        pub image_24: Option<String>,
        /// 32×32 avatar URL.
        pub image_32: Option<String>,
        /// 48×48 avatar URL.
        pub image_48: Option<String>,
        /// 72×72 avatar URL.
        pub image_72: Option<String>,
        /// 192×192 avatar URL.
        pub image_192: Option<String>,
        /// 512×512 avatar URL.
        pub image_512: Option<String>,
        /// 1024×1024 avatar URL.
        pub image_1024: Option<String>,
        /// The original avatar URL.
        pub image_original: Option<String>,
        /// Whether the avatar was uploaded rather than generated.
        pub is_custom_image: Option<bool>,
        /// Hash of the previous avatar.
        pub last_avatar_image_hash: Option<String>,
        /// The user id (on some responses).
        pub user_id: Option<UserId>,
        /// The username (on some responses).
        pub username: Option<String>,
        /// The legacy `name` field.
        pub name: Option<String>,
        /// The workspace the profile belongs to.
        pub team: Option<TeamId>,
        /// For bot users: the bot id.
        pub bot_id: Option<BotId>,
        /// For app users: the app id (empty for people).
        pub api_app_id: Option<String>,
        /// Whether the user is an app user.
        pub is_app_user: Option<bool>,
        /// Whether a bot is always shown as active.
        pub always_active: Option<bool>,
        /// Whether the user is a multi-channel guest.
        pub is_restricted: Option<bool>,
        /// Whether the user is a single-channel guest.
        pub is_ultra_restricted: Option<bool>,
        /// When a guest account expires (Unix seconds).
        pub guest_expiration_ts: Option<i64>,
        /// Who invited a guest.
        pub guest_invited_by: Option<String>,
        /// How many channels the user is in (on some responses).
        pub memberships_count: Option<i64>,
        /// When the profile last changed (Unix seconds).
        pub updated: Option<i64>,
    }
}

crate::slack_object! {
    /// One custom profile field's value.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct CustomField {
        /// The value.
        pub value: String,
        /// The alternative text (e.g. a link's label).
        pub alt: String,
        /// The field's label, when asked for with `include_labels`.
        pub label: Option<String>,
    }
}

/// The new value of one custom profile field, in a [`ProfileUpdate`].
///
/// It reads from the JSON it writes (`{"value": "..", "alt": ".."}`), refusing other keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomFieldUpdate {
    /// The value.
    pub value: String,
    /// The alternative text; left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
}

/// The most fields one `users.profile.set` call may set: Slack refuses more with
/// `invalid_profile`.
pub const MAX_UPDATE_FIELDS: usize = 50;

/// The longest profile field name Slack accepts, in characters.
pub const MAX_FIELD_NAME_CHARS: usize = 255;

/// The profile fields `users.profile.set` changes: only the fields that are set are sent.
///
/// It reads from the JSON it writes: the named fields by their Slack names (`null` or absent is
/// not set), `fields` by custom field id, and any other key into [`other`](Self::other).
///
/// ```
/// use slack_methods_runtime::types::ProfileUpdate;
/// let update = ProfileUpdate::new().status("riding a train", ":mountain_railway:", 0);
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"status_text":"riding a train","status_emoji":":mountain_railway:","status_expiration":0}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProfileUpdate {
    /// The status text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// The status emoji, e.g. `:train:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_emoji: Option<String>,
    /// When the status expires (Unix seconds); 0 for never.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_expiration: Option<i64>,
    /// The display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub real_name: Option<String>,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Pronouns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// Email address (admins only, and not for the primary owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Custom fields, keyed by field id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, CustomFieldUpdate>,
    /// Any other profile field, by its Slack name.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl ProfileUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the status text, emoji and expiry (Unix seconds; 0 for never).
    pub fn status(
        mut self,
        text: impl Into<String>,
        emoji: impl Into<String>,
        expiration: i64,
    ) -> Self {
        self.status_text = Some(text.into());
        self.status_emoji = Some(emoji.into());
        self.status_expiration = Some(expiration);
        self
    }

    /// Sets the display name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// Sets the full name.
    pub fn real_name(mut self, name: impl Into<String>) -> Self {
        self.real_name = Some(name.into());
        self
    }

    /// Sets the job title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets a custom field by its id (`Xf0...`).
    pub fn custom_field(mut self, id: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.insert(
            id.into(),
            CustomFieldUpdate {
                value: value.into(),
                alt: None,
            },
        );
        self
    }

    /// Sets any profile field by its Slack name. A field this type names (`status_text`,
    /// `fields`, ...) is set in its place, so the update never holds a key twice; a value that
    /// does not fit that field's type replaces it as it is.
    ///
    /// ```
    /// use slack_methods_runtime::types::ProfileUpdate;
    /// let update = ProfileUpdate::new().status("riding a train", ":train:", 0).set("status_text", "home");
    /// assert_eq!(update.status_text.as_deref(), Some("home"));
    /// assert_eq!(update.field_names(), ["status_text", "status_emoji", "status_expiration"]);
    /// ```
    pub fn set(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        let name = name.into();
        let value = value.into();
        let text = |value: &Value| value.as_str().map(str::to_owned);
        let slot = match name.as_str() {
            "status_text" => Some(&mut self.status_text),
            "status_emoji" => Some(&mut self.status_emoji),
            "display_name" => Some(&mut self.display_name),
            "real_name" => Some(&mut self.real_name),
            "first_name" => Some(&mut self.first_name),
            "last_name" => Some(&mut self.last_name),
            "title" => Some(&mut self.title),
            "phone" => Some(&mut self.phone),
            "pronouns" => Some(&mut self.pronouns),
            "email" => Some(&mut self.email),
            _ => None,
        };
        if let Some(slot) = slot {
            *slot = text(&value);
            if slot.is_some() {
                self.other.remove(&name);
                return self;
            }
        } else if name == "status_expiration" {
            self.status_expiration = value.as_i64();
            if self.status_expiration.is_some() {
                self.other.remove(&name);
                return self;
            }
        } else if name == "fields" {
            match serde_json::from_value(value.clone()) {
                Ok(fields) => {
                    self.fields = fields;
                    self.other.remove(&name);
                    return self;
                }
                Err(_) => self.fields.clear(),
            }
        }
        self.other.insert(name, value);
        self
    }

    /// The names of the fields this update sets, custom field ids included.
    pub fn field_names(&self) -> Vec<&str> {
        self.names().collect()
    }

    /// The names of the fields this update sets, custom field ids included, without collecting
    /// them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let named = [
            ("status_text", self.status_text.is_some()),
            ("status_emoji", self.status_emoji.is_some()),
            ("status_expiration", self.status_expiration.is_some()),
            ("display_name", self.display_name.is_some()),
            ("real_name", self.real_name.is_some()),
            ("first_name", self.first_name.is_some()),
            ("last_name", self.last_name.is_some()),
            ("title", self.title.is_some()),
            ("phone", self.phone.is_some()),
            ("pronouns", self.pronouns.is_some()),
            ("email", self.email.is_some()),
        ];
        named
            .into_iter()
            .filter(|(_, set)| *set)
            .map(|(name, _)| name)
            .chain(self.fields.keys().map(String::as_str))
            .chain(self.other.keys().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A custom field given as `null` is a field without a value: it is left out of `fields`
    /// rather than failing the whole profile (and with it the call).
    #[test]
    fn a_null_custom_field_is_left_out() {
        let profile: Profile = serde_json::from_str(
            r#"{"real_name":"Jane","fields":{"Xf1":null,"Xf2":{"value":"b","alt":""}}}"#,
        )
        .unwrap();
        assert_eq!(profile.real_name, "Jane");
        assert_eq!(profile.fields.keys().collect::<Vec<_>>(), ["Xf2"]);
        assert_eq!(profile.fields["Xf2"].value, "b");
    }

    /// `set` on a field the type names sets that field: every key is written once, and the
    /// update reads back from its own JSON.
    #[test]
    fn set_never_writes_a_key_twice() {
        let update = ProfileUpdate::new()
            .status("riding a train", ":train:", 0)
            .custom_field("Xf1", "a")
            .set("status_text", "other")
            .set("status_expiration", 60)
            .set("fields", serde_json::json!({"Xf2": {"value": "b"}}))
            .set("start_date", "2020-01-01");
        let json = serde_json::to_string(&update).unwrap();
        assert_eq!(json.matches("\"status_text\"").count(), 1, "{json}");
        assert_eq!(json.matches("\"fields\"").count(), 1, "{json}");
        assert_eq!(update.status_text.as_deref(), Some("other"));
        assert_eq!(update.status_expiration, Some(60));
        assert_eq!(update.fields.keys().collect::<Vec<_>>(), ["Xf2"]);
        let names = update.field_names();
        assert_eq!(names.iter().filter(|n| **n == "status_text").count(), 1);
        let back: ProfileUpdate = serde_json::from_str(&json).unwrap();
        assert_eq!(back, update);
        // A value that does not fit the named field replaces it, still once.
        let odd = ProfileUpdate::new().title("Boss").set("title", 7);
        assert_eq!(odd.title, None);
        assert_eq!(serde_json::to_string(&odd).unwrap(), r#"{"title":7}"#);
    }
}
