//! The `team.*` family: `team.info` and `team.profile.get`.

use crate::types::{List, Team};
use crate::{slack_method, InvalidRequest, TeamId};
use serde::{Deserialize, Deserializer, Serialize};

/// `team.info`: reads the workspace (its name, domain, icon), the token's own unless `team` or
/// `domain` names another one it can see.
///
/// ```
/// use slack_methods::methods::TeamInfo;
/// assert_eq!(slack_methods::encode_params(&TeamInfo::new())?, "");
/// assert_eq!(slack_methods::encode_params(&TeamInfo::domain("acme"))?, "domain=acme");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("team.info", response = TeamInfoResponse, validate = TeamInfo::check)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamInfo {
    /// The workspace to read, by id (the token's own when absent).
    pub team: Option<TeamId>,
    /// The workspace to read, by domain (`acme` for `acme.slack.com`), instead of `team`.
    pub domain: Option<String>,
}

impl TeamInfo {
    /// The token's own workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// The workspace `team`.
    pub fn of(team: TeamId) -> Self {
        TeamInfo {
            team: Some(team),
            domain: None,
        }
    }

    /// The workspace whose domain is `domain`.
    pub fn domain(domain: impl Into<String>) -> Self {
        TeamInfo {
            team: None,
            domain: Some(domain.into()),
        }
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        if self.team.is_some() && self.domain.is_some() {
            return Err(InvalidRequest::new(
                "give `team` or `domain`, not both: Slack reads `domain` only when `team` is absent",
            ));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `team.info` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamInfoResponse {
        required {
            /// The workspace.
            pub team: Team,
        }
    }
}

/// Which custom profile fields `team.profile.get` answers (`visibility`).
///
/// ```
/// use slack_methods::methods::{ProfileVisibility, TeamProfileGet};
/// let hidden = TeamProfileGet::new().visibility(ProfileVisibility::Hidden);
/// assert_eq!(slack_methods::encode_params(&hidden)?, "visibility=hidden");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProfileVisibility {
    /// Every field (`all`, Slack's default).
    All,
    /// The fields that are not hidden (`visible`).
    Visible,
    /// Only the hidden fields (`hidden`).
    Hidden,
}

wire_enum!(
    ProfileVisibility,
    "visibility",
    "all (every field, the default), visible (the fields not hidden) or hidden (only the hidden fields).",
    {
        All => "all",
        Visible => "visible",
        Hidden => "hidden",
    }
);

/// `team.profile.get`: the workspace's custom profile fields (their ids, labels, hints and
/// kinds), which a user token writes into a profile by id with `users.profile.set`.
///
/// ```
/// use slack_methods::methods::TeamProfileGet;
/// assert_eq!(slack_methods::encode_params(&TeamProfileGet::new())?, "");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method("team.profile.get", response = TeamProfileGetResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamProfileGet {
    /// Which fields: all (the default), visible (the fields not hidden) or hidden.
    pub visibility: Option<ProfileVisibility>,
}

impl TeamProfileGet {
    /// Every field.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the fields `visibility` names.
    pub fn visibility(mut self, visibility: ProfileVisibility) -> Self {
        self.visibility = Some(visibility);
        self
    }
}

/// A yes or no Slack writes as `true`/`false` or as `1`/`0` (the spec's example of
/// `team.profile.get` writes `"is_hidden": 1`); `null` is no.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::Bool(flag) => flag,
        serde_json::Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
        serde_json::Value::String(text) => matches!(text.trim(), "1" | "true"),
        _ => false,
    })
}

crate::slack_object! {
    /// What `team.profile.get` answers.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamProfileGetResponse {
        required {
            /// The workspace's profile definitions.
            pub profile: TeamProfile,
        }
    }
}

crate::slack_object! {
    /// The workspace's profile definitions: its custom fields, and the sections Slack's page
    /// describes them in, when it sends any.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamProfile {
        /// The custom fields; one that does not fit [`ProfileField`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub fields: List<ProfileField>,
        /// The sections of the profile, when Slack sends them.
        pub sections: List<ProfileSection>,
    }
}

impl TeamProfile {
    /// The field labelled `label`, if there is one.
    pub fn field_labelled(&self, label: &str) -> Option<&ProfileField> {
        self.fields.iter().find(|field| field.label == label)
    }
}

crate::slack_object! {
    /// A custom profile field of the workspace, as `team.profile.get` answers it.
    ///
    /// ```
    /// use slack_methods::methods::ProfileField;
    /// let field: ProfileField = serde_json::from_str(
    ///     r#"{"id":"Xf06054DDD","ordering":3,"label":"House","hint":"Hogwarts, obviously",
    ///         "type":"options_list","possible_values":["Gryffindor","Slytherin"],
    ///         "options":null,"is_hidden":1}"#,
    /// )?;
    /// assert_eq!(field.kind, "options_list");
    /// assert_eq!(field.possible_values, ["Gryffindor", "Slytherin"]);
    /// assert!(field.is_hidden);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ProfileField {
        required {
            /// The field's id (`Xf...`), the key `users.profile.set` writes its value under.
            pub id: String,
        }
        /// Where it is placed on the profile, from 0.
        pub ordering: i64,
        /// Its name, shown beside its value.
        pub label: String,
        /// The help shown to the user filling it in.
        pub hint: String,
        /// What it holds: `text`, `long_text`, `date`, `link`, `mailto`, `options_list`,
        /// `tags` or `user`.
        pub kind: String = "type",
        /// For an `options_list`: the values to choose from.
        pub possible_values: Vec<String>,
        /// `is_protected` and `is_scim` (a field SCIM manages, which `users.profile.set` does
        /// not write).
        pub options: Option<ProfileFieldOptions>,
        /// Whether it is hidden (Slack writes `true` or `1`).
        pub is_hidden: bool => flag,
        /// The field's name, for a field Slack defines.
        pub field_name: Option<String>,
        /// The section it is in.
        pub section_id: Option<String>,
    }
}

crate::slack_object! {
    /// A field's `options`.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct ProfileFieldOptions {
        /// Whether users may not edit it.
        pub is_protected: bool => flag,
        /// Whether SCIM manages it: it is then written through SCIM, not `users.profile.set`.
        pub is_scim: bool => flag,
    }
}

crate::slack_object! {
    /// A section of the profile, as Slack's page of `team.profile.get` describes it.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct ProfileSection {
        required {
            /// The section's id, which its fields name as their `section_id`.
            pub id: String,
        }
        /// Its title.
        pub label: String,
        /// Where it is placed on the profile.
        pub ordering: i64,
        /// What it holds (`custom` for one a workspace made).
        pub section_type: String,
        /// Whether it is hidden.
        pub is_hidden: bool => flag,
    }
}
