//! The `team.*` family: `team.info` and `team.profile.get`, the admin's `team.billableInfo`,
//! `team.accessLogs` and `team.integrationLogs`, and the workspace's settings and plan,
//! `team.preferences.list` and `team.billing.info`.

use crate::types::{Item, List, Paging, ResponseMetadata, Team};
use crate::{slack_method, AppId, InvalidRequest, NumberPaginated, PageItems, TeamId, UserId};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

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

/// The most logins one page of `team.accessLogs` holds (`count`), as Slack's page gives it.
pub const MAX_ACCESS_LOGS_COUNT: u32 = 1000;

/// The last page `team.accessLogs` answers (`page`), as Slack's page gives it.
pub const MAX_ACCESS_LOGS_PAGE: u32 = 100;

/// `team.billableInfo`: whether each user of the workspace is billed, by Slack's Fair Billing
/// policy (`billing_active`), or only `user`. Slack takes it from a workspace admin's user
/// token with the `admin` scope.
///
/// ```
/// use slack_methods::methods::TeamBillableInfo;
/// use slack_methods::UserId;
/// assert_eq!(slack_methods::encode_params(&TeamBillableInfo::new())?, "");
/// let one = TeamBillableInfo::new().user(UserId::new("U0123ABCD")?);
/// assert_eq!(slack_methods::encode_params(&one)?, "user=U0123ABCD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[slack_method("team.billableInfo", response = TeamBillableInfoResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamBillableInfo {
    /// With an org-level token: the workspace to read (ignored with a workspace's token).
    pub team_id: Option<TeamId>,
    /// Only this user (every user when absent).
    pub user: Option<UserId>,
}

impl TeamBillableInfo {
    /// Every user of the token's workspace.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only `user`.
    pub fn user(mut self, user: UserId) -> Self {
        self.user = Some(user);
        self
    }
}

crate::slack_object! {
    /// What `team.billableInfo` answers: each user's billing status, by user id.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamBillableInfoResponse {
        /// The users asked for, each with whether they are billed.
        pub billable_info: BTreeMap<String, BillableInfo>,
    }
}

impl TeamBillableInfoResponse {
    /// Whether `user` is billed, if the answer names them.
    pub fn billing_active(&self, user: &UserId) -> Option<bool> {
        self.billable_info
            .get(user.as_str())
            .map(|info| info.billing_active)
    }
}

crate::slack_object! {
    /// One user's billing status, as `team.billableInfo` answers it. Slack computes it from
    /// time to time: it is its latest reckoning, not a live view.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct BillableInfo {
        /// Whether the user is billed, by Slack's Fair Billing policy.
        pub billing_active: bool,
    }
}

/// `team.accessLogs`: who reached Slack from where: one entry per user, IP address and user
/// agent, with the first and last time and how often, newest first, one numbered page at a
/// time (Slack answers `paid_only` on a free plan). Slack takes it from an admin's user token
/// with the `admin` scope.
///
/// Slack pages it by number (`count`, `page`, `paging` in the answer) and, when `limit` is
/// given, by cursor. The binding follows numbered pages: `client.numbered_pages(&logs)` and
/// `client.numbered_items(&logs)`; `cursor` and `limit` are sent as given for a caller who
/// pages by cursor with `client.call`. A `count` above 1000 or a `page` above 100 is refused
/// before sending (Slack's page gives both limits), as are a `count` or `page` of 0.
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::TeamAccessLogs;
/// let logs = TeamAccessLogs::new().count(500);
/// let mut logins = std::pin::pin!(client.numbered_items(&logs));
/// while let Some(login) = logins.try_next().await? {
///     if let Some(login) = login.parsed() {
///         println!("{} from {:?}", login.username, login.ip);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "team.accessLogs",
    response = TeamAccessLogsResponse,
    validate = TeamAccessLogs::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamAccessLogs {
    /// The end of the time range, inclusive, as a Unix time in seconds (now when absent).
    pub before: Option<i64>,
    /// Logins on one numbered page (Slack's default is 100), at most 1000.
    pub count: Option<u32>,
    /// Which numbered page, from 1, at most 100.
    pub page: Option<u32>,
    /// Cursor paging: the `next_cursor` of the page before.
    pub cursor: Option<String>,
    /// Cursor paging: logins on one page; Slack pages by cursor when it is given.
    pub limit: Option<u32>,
    /// With an org-level token: the workspace to read (ignored with a workspace's token).
    pub team_id: Option<TeamId>,
}

impl TeamAccessLogs {
    /// The first page of the newest logins.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only logins at or before `before` (a Unix time in seconds).
    pub fn before(mut self, before: i64) -> Self {
        self.before = Some(before);
        self
    }

    /// Asks for `count` logins a page (1 to 1000).
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Asks for page `page` (1 to 100).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_numbered(self.count, self.page, "entry")?;
        if self
            .count
            .is_some_and(|count| count > MAX_ACCESS_LOGS_COUNT)
        {
            return Err(InvalidRequest::new(format!(
                "`count` is above {MAX_ACCESS_LOGS_COUNT}, the most logins Slack puts on a page"
            )));
        }
        if self.page.is_some_and(|page| page > MAX_ACCESS_LOGS_PAGE) {
            return Err(InvalidRequest::new(format!(
                "`page` is above {MAX_ACCESS_LOGS_PAGE}, the last page Slack answers; give an \
                 earlier `before` to reach older logins"
            )));
        }
        Ok(())
    }
}

crate::slack_object! {
    /// What `team.accessLogs` answers: one page of logins and where it stands among the pages.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamAccessLogsResponse {
        /// The page's logins; one that does not fit [`AccessLog`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub logins: List<AccessLog>,
        /// The page's number, the pages in all, and the logins in all.
        pub paging: Option<Paging>,
        /// With cursor paging: the next page's cursor.
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl NumberPaginated for TeamAccessLogs {
    fn paging(response: &TeamAccessLogsResponse) -> Option<&Paging> {
        response.paging.as_ref()
    }
}

impl PageItems for TeamAccessLogsResponse {
    type Item = Item<AccessLog>;
    fn into_items(self) -> Vec<Item<AccessLog>> {
        self.logins.into_items()
    }
}

crate::slack_object! {
    /// One entry of `team.accessLogs`: a user's logins from one IP address and user agent.
    /// The address and agent are personal data, kept as ordinary fields.
    ///
    /// ```
    /// use slack_methods::methods::AccessLog;
    /// let login: AccessLog = serde_json::from_str(
    ///     r#"{"user_id":"U45678","username":"alice","date_first":1422922864,
    ///         "date_last":1422922864,"count":1,"ip":"127.0.0.1","user_agent":"SlackWeb",
    ///         "isp":"BigCo ISP","country":"US","region":"CA"}"#,
    /// )?;
    /// assert_eq!(login.username, "alice");
    /// assert_eq!(login.ip.as_deref(), Some("127.0.0.1"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct AccessLog {
        required {
            /// The user who logged in.
            pub user_id: UserId,
        }
        /// Their username.
        pub username: String,
        /// The first login from this address and agent, a Unix time in seconds.
        pub date_first: i64,
        /// The latest login from this address and agent, a Unix time in seconds.
        pub date_last: i64,
        /// How many logins from this address and agent.
        pub count: u64,
        /// The IP address (Slack may send none).
        pub ip: Option<String>,
        /// The user agent the client reported.
        pub user_agent: String,
        /// Slack's guess at the internet service provider of the address.
        pub isp: Option<String>,
        /// Slack's guess at the country, from the address.
        pub country: Option<String>,
        /// Slack's guess at the region, from the address.
        pub region: Option<String>,
    }
}

/// What changed about an app or service, in `team.integrationLogs` (`change_type`).
///
/// ```
/// use slack_methods::methods::{IntegrationChange, TeamIntegrationLogs};
/// let removed = TeamIntegrationLogs::new().change_type(IntegrationChange::Removed);
/// assert_eq!(slack_methods::encode_params(&removed)?, "change_type=removed");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IntegrationChange {
    /// Installed (`added`).
    Added,
    /// Uninstalled (`removed`).
    Removed,
    /// Turned on (`enabled`).
    Enabled,
    /// Turned off (`disabled`), with a `reason`.
    Disabled,
    /// Granted more scopes (`expanded`).
    Expanded,
    /// Changed otherwise (`updated`).
    Updated,
}

wire_enum!(
    IntegrationChange,
    "change type",
    "added, removed, enabled, disabled, expanded (more scopes) or updated.",
    {
        Added => "added",
        Removed => "removed",
        Enabled => "enabled",
        Disabled => "disabled",
        Expanded => "expanded",
        Updated => "updated",
    }
);

/// `team.integrationLogs`: the workspace's log of apps and services added, removed, turned on
/// or off and given more scopes, newest first, one numbered page at a time, kept to an app, a
/// service, a user or a kind of change when asked. Slack takes it from an admin's user token
/// with the `admin` scope.
///
/// Stream every entry across pages with `client.numbered_items(&logs)`:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::{IntegrationChange, TeamIntegrationLogs};
/// let removals = TeamIntegrationLogs::new().change_type(IntegrationChange::Removed);
/// let mut logs = std::pin::pin!(client.numbered_items(&removals));
/// while let Some(entry) = logs.try_next().await? {
///     if let Some(entry) = entry.parsed() {
///         println!("{} by {}", entry.change_type, entry.user_name);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "team.integrationLogs",
    response = TeamIntegrationLogsResponse,
    validate = TeamIntegrationLogs::check
)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TeamIntegrationLogs {
    /// Only the entries of this app.
    pub app_id: Option<AppId>,
    /// Only this kind of change.
    pub change_type: Option<IntegrationChange>,
    /// Entries on one page (Slack's default is 100).
    pub count: Option<u32>,
    /// Which page, from 1 (the first when absent).
    pub page: Option<u32>,
    /// Only the entries of this service (a legacy integration), by its id.
    pub service_id: Option<String>,
    /// With an org-level token: the workspace to read (ignored with a workspace's token).
    pub team_id: Option<TeamId>,
    /// Only the entries of this user's actions.
    pub user: Option<UserId>,
}

impl TeamIntegrationLogs {
    /// The first page of every entry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps to the entries of app `app_id`.
    pub fn app(mut self, app_id: AppId) -> Self {
        self.app_id = Some(app_id);
        self
    }

    /// Keeps to changes of kind `change_type`.
    pub fn change_type(mut self, change_type: IntegrationChange) -> Self {
        self.change_type = Some(change_type);
        self
    }

    /// Keeps to the entries of `user`'s actions.
    pub fn user(mut self, user: UserId) -> Self {
        self.user = Some(user);
        self
    }

    /// Asks for `count` entries a page (at least 1).
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Asks for page `page` (from 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        super::check_numbered(self.count, self.page, "entry")
    }
}

crate::slack_object! {
    /// What `team.integrationLogs` answers: one page of entries and where it stands.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamIntegrationLogsResponse {
        /// The page's entries; one that does not fit [`IntegrationLog`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub logs: List<IntegrationLog>,
        /// The page's number, the pages in all, and the entries in all.
        pub paging: Option<Paging>,
    }
}

impl NumberPaginated for TeamIntegrationLogs {
    fn paging(response: &TeamIntegrationLogsResponse) -> Option<&Paging> {
        response.paging.as_ref()
    }
}

impl PageItems for TeamIntegrationLogsResponse {
    type Item = Item<IntegrationLog>;
    fn into_items(self) -> Vec<Item<IntegrationLog>> {
        self.logs.into_items()
    }
}

/// Text Slack writes as a string or a number (`date`, `service_id`: its page shows both).
fn text_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(text) => text,
        serde_json::Value::Number(number) => number.to_string(),
        _ => String::new(),
    })
}

crate::slack_object! {
    /// One entry of `team.integrationLogs`: an app (`app_id`, `app_type`) or a service
    /// (`service_id`, `service_type`) changed by a user.
    ///
    /// ```
    /// use slack_methods::methods::IntegrationLog;
    /// let entry: IntegrationLog = serde_json::from_str(
    ///     r#"{"service_id":1234567890,"service_type":"Google Calendar","user_id":"U1234ABCD",
    ///         "user_name":"Johnny","channel":"C1234567890","date":"1392163200",
    ///         "change_type":"disabled","reason":"user","scope":"incoming-webhook"}"#,
    /// )?;
    /// assert_eq!(entry.service_id, "1234567890");
    /// assert_eq!(entry.change_type, "disabled");
    /// assert_eq!(entry.reason.as_deref(), Some("user"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct IntegrationLog {
        /// Who made the change.
        pub user_id: Option<UserId>,
        /// Their name.
        pub user_name: String,
        /// When, a Unix time in seconds (Slack writes it as text).
        pub date: String => text_or_number,
        /// `added`, `removed`, `enabled`, `disabled`, `expanded` or `updated` (kept as text, so
        /// that a kind Slack adds later still reads).
        pub change_type: String,
        /// The app, for an app's entry.
        pub app_id: Option<String>,
        /// The app's kind, for an app's entry.
        pub app_type: Option<String>,
        /// The service, for a service's entry (Slack writes it as text or a number).
        pub service_id: String => text_or_number,
        /// The service's kind, for a service's entry.
        pub service_type: Option<String>,
        /// The scopes, comma-separated.
        pub scope: String,
        /// The conversation, for an entry tied to one (an incoming webhook's).
        pub channel: Option<String>,
        /// Why, for a `disabled` entry: `user`, `rate_limits`, `slack`, `errors`, `system`, ...
        pub reason: Option<String>,
    }
}

/// `team.preferences.list`: some of the workspace's settings: how long messages stay editable,
/// whether real names are shown, who may upload files and who may post in `#general`. Slack
/// takes it from a bot or a user token with `team.preferences:read`.
///
/// ```
/// use slack_methods::methods::TeamPreferencesList;
/// assert_eq!(slack_methods::encode_params(&TeamPreferencesList)?, "");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "team.preferences.list",
    scope = "team.preferences:read",
    writes = false,
    response = TeamPreferencesListResponse
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct TeamPreferencesList;

crate::slack_object! {
    /// What `team.preferences.list` answers: the preferences Slack's pages name, each
    /// optional; others Slack sends are in `extra`.
    ///
    /// ```
    /// use slack_methods::methods::TeamPreferencesListResponse;
    /// let prefs: TeamPreferencesListResponse = serde_json::from_str(
    ///     r#"{"display_real_names":false,"disable_file_uploads":"disable_all",
    ///         "msg_edit_window_mins":25,"who_can_post_general":"everyone","new_pref":1}"#,
    /// )?;
    /// assert_eq!(prefs.msg_edit_window_mins, Some(25));
    /// assert_eq!(prefs.allow_message_deletion, None);
    /// assert_eq!(prefs.extra["new_pref"], 1);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamPreferencesListResponse {
        /// How many minutes after posting a message may still be edited.
        pub msg_edit_window_mins: Option<i64>,
        /// Whether members may delete their messages (Slack stopped sending it in August
        /// 2025: no longer a preference).
        pub allow_message_deletion: Option<bool>,
        /// Whether real names are shown instead of display names.
        pub display_real_names: Option<bool>,
        /// Who may upload files, such as `disable_all`, as Slack writes it.
        pub disable_file_uploads: Option<String>,
        /// Who may post in `#general`, such as `everyone`, as Slack writes it.
        pub who_can_post_general: Option<String>,
    }
}

/// `team.billing.info`: the workspace's billing plan: `free`, `std` (Pro), `plus` (Business+),
/// `enterprise` (Enterprise Grid) or `compliance` (Enterprise Compliance Select), as Slack's
/// page lists them. Slack takes it from a bot or a user token with `team.billing:read`.
///
/// ```
/// use slack_methods::methods::TeamBillingInfo;
/// assert_eq!(slack_methods::encode_params(&TeamBillingInfo)?, "");
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[slack_method(
    "team.billing.info",
    scope = "team.billing:read",
    writes = false,
    response = TeamBillingInfoResponse
)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
pub struct TeamBillingInfo;

crate::slack_object! {
    /// What `team.billing.info` answers.
    ///
    /// ```
    /// use slack_methods::methods::{BillingPlan, TeamBillingInfoResponse};
    /// let info: TeamBillingInfoResponse = serde_json::from_str(r#"{"plan":"std"}"#)?;
    /// assert_eq!(info.plan, Some(BillingPlan::Pro));
    /// let later: TeamBillingInfoResponse = serde_json::from_str(r#"{"plan":"enterprise_plus"}"#)?;
    /// assert_eq!(later.plan, Some(BillingPlan::Other("enterprise_plus".into())));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct TeamBillingInfoResponse {
        /// The workspace's plan.
        pub plan: Option<BillingPlan>,
    }
}

crate::slack_enum! {
    /// A workspace's billing plan, as `team.billing.info` names it (`plan`), or a value Slack adds
    /// later ([`BillingPlan::Other`]; Slack's event about plan changes also names the empty
    /// string).
    ///
    /// ```
    /// use slack_methods::methods::BillingPlan;
    /// assert_eq!(BillingPlan::from("plus"), BillingPlan::BusinessPlus);
    /// assert_eq!(BillingPlan::Pro.as_str(), "std");
    /// ```
    pub enum BillingPlan {
        /// The free plan (`free`).
        Free = "free",
        /// Pro (`std`).
        Pro = "std",
        /// Business+ (`plus`).
        BusinessPlus = "plus",
        /// Enterprise Grid (`enterprise`).
        Enterprise = "enterprise",
        /// Enterprise Compliance Select (`compliance`).
        Compliance = "compliance",
    }
}
