//! The bindings this crate ships, one module per Slack method family.
//!
//! Each is an ordinary `#[slack_method]` struct, the same as one a user would write, and each is
//! a tool an agent can call by name (the `tools` module, cargo feature `tools`): its doc comments
//! are the tool's and its parameters' descriptions, and it derives `serde::Deserialize` (field
//! names being the wire names, unknown fields refused) so that JSON arguments read into it.

/// `limit(..)` and `cursor(..)`, the builders every paged binding has, for one whose pages
/// hold `$items` (`"members"`). Written inside the binding's `impl`.
macro_rules! page_builders {
    ($items:literal) => {
        #[doc = concat!("Asks for at most `limit` ", $items, " a page.")]
        pub fn limit(mut self, limit: u32) -> Self {
            self.limit = Some(limit);
            self
        }

        /// Starts at `cursor` (a page's `next_cursor`), to resume an earlier listing.
        pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
            self.cursor = Some(cursor.into());
            self
        }
    };
}

/// What a parameter's value set needs beside its enum: `ALL` (every value, in the order Slack's
/// docs list them), `as_str` (the value as Slack writes it), and the `FormValue` and
/// `ParamSchema` impls that send it and describe it to agents (`$description`). Written after
/// the enum, which derives serde's traits with the same names.
macro_rules! wire_enum {
    ($ty:ident, $what:literal, $description:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            #[doc = concat!("Every ", $what, ", in the order Slack's docs list them.")]
            pub const ALL: [$ty; [$($text),+].len()] = [$($ty::$variant),+];

            #[doc = concat!("The ", $what, " as Slack writes it.")]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text,)+
                }
            }
        }

        impl $crate::ParamSchema for $ty {
            fn json_schema() -> ::serde_json::Value {
                ::serde_json::json!({
                    "enum": [$($text),+],
                    "description": $description,
                })
            }
        }

        impl $crate::FormValue for $ty {
            fn form_value(&self) -> ::std::option::Option<::std::borrow::Cow<'_, str>> {
                ::std::option::Option::Some(::std::borrow::Cow::Borrowed(self.as_str()))
            }
        }
    };
}

/// `oldest(..)`, `latest(..)` and `inclusive()`, the range of messages a history reader takes.
/// Written inside the binding's `impl`.
macro_rules! range_builders {
    () => {
        /// Only messages after `oldest`.
        pub fn oldest(mut self, oldest: Timestamp) -> Self {
            self.oldest = Some(oldest);
            self
        }

        /// Only messages before `latest`.
        pub fn latest(mut self, latest: Timestamp) -> Self {
            self.latest = Some(latest);
            self
        }

        /// Includes the messages at `oldest` and `latest`.
        pub fn inclusive(mut self) -> Self {
            self.inclusive = Some(true);
            self
        }
    };
}

pub mod acknowledged;
pub mod api;
pub mod apps;
pub mod assistant;
pub mod auth;
pub mod bookmarks;
pub mod bots;
pub mod calls;
pub mod canvases;
pub mod channels;
pub mod chat;
pub mod connect;
pub mod dialog;
pub mod dnd;
pub mod emoji;
pub mod entity;
pub mod files;
pub mod files_remote;
pub mod functions;
pub mod history;
pub mod lifecycle;
pub mod lists;
pub mod oauth;
pub mod openid;
pub mod pins;
pub mod reactions;
pub mod reminders;
pub mod search;
pub mod stream;
pub mod team;
pub mod unfurl;
pub mod usergroups;
pub mod users;
pub mod views;
pub mod workflows;

use crate::{InvalidRequest, MethodFacts, SlackTool};
use serde::de::DeserializeOwned;

pub use acknowledged::Acknowledged;
pub use api::{ApiTest, ApiTestResponse};
pub use apps::{AppConnectionStatus, AppsUserConnectionUpdate};
pub use apps::{
    AppCredentials, AppManifest, AppsConnectionsOpen, AppsConnectionsOpenResponse,
    AppsEventAuthorizationsList, AppsEventAuthorizationsListResponse, AppsManifestCreate,
    AppsManifestCreateResponse, AppsManifestDelete, AppsManifestExport, AppsManifestExportResponse,
    AppsManifestUpdate, AppsManifestUpdateResponse, AppsManifestValidate,
    AppsManifestValidateResponse, AppsUninstall, EventAuthorization, ManifestProblem,
    SocketModeUrl, ToolingTokensRotate, ToolingTokensRotateResponse,
};
pub use assistant::{
    AssistantThreadsSetStatus, AssistantThreadsSetSuggestedPrompts, AssistantThreadsSetTitle,
    SuggestedPrompt,
};
pub use auth::{
    AuthRevoke, AuthRevokeResponse, AuthTeam, AuthTeamsList, AuthTeamsListResponse, AuthTest,
    AuthTestResponse,
};
pub use bookmarks::{
    BookmarksAdd, BookmarksAddResponse, BookmarksEdit, BookmarksEditResponse, BookmarksList,
    BookmarksListResponse, BookmarksRemove,
};
pub use bots::{Bot, BotsInfo, BotsInfoResponse};
pub use calls::{
    Call, CallResponse, CallUser, CallsAdd, CallsEnd, CallsInfo, CallsParticipantsAdd,
    CallsParticipantsRemove, CallsUpdate,
};
pub use canvases::{
    CanvasAccessLevel, CanvasChange, CanvasCreated, CanvasSection, CanvasesAccessDelete,
    CanvasesAccessSet, CanvasesCreate, CanvasesDelete, CanvasesEdit, CanvasesSectionsLookup,
    CanvasesSectionsLookupResponse, ConversationsCanvasesCreate, DocumentContent, SectionCriteria,
    SectionType,
};
pub use channels::{
    ConversationType, ConversationsCreate, ConversationsCreateResponse, ConversationsInfo,
    ConversationsInfoResponse, ConversationsInvite, ConversationsInviteResponse, ConversationsJoin,
    ConversationsJoinResponse, ConversationsList, ConversationsListResponse, ConversationsMembers,
    ConversationsMembersResponse, ConversationsOpen, ConversationsOpenResponse,
};
pub use chat::{
    ChatDelete, ChatDeleteResponse, ChatDeleteScheduledMessage, ChatGetPermalink,
    ChatGetPermalinkResponse, ChatMeMessage, ChatMeMessageResponse, ChatPostEphemeral,
    ChatPostEphemeralResponse, ChatPostMessage, ChatPostMessageResponse, ChatScheduleMessage,
    ChatScheduleMessageResponse, ChatScheduledMessagesList, ChatScheduledMessagesListResponse,
    ChatUpdate, ChatUpdateResponse, ScheduledMessage,
};
pub use connect::{
    AcceptSharedInviteResponse, ConnectChannel, ConnectInvite, ConnectInviteDetails,
    ConversationsAcceptSharedInvite, ConversationsApproveSharedInvite,
    ConversationsDeclineSharedInvite, ConversationsInviteShared, ConversationsListConnectInvites,
    InviteSharedResponse, ListConnectInvitesResponse,
};
pub use connect::{
    ApprovalMessage, ConversationsRequestSharedInviteApprove, ConversationsRequestSharedInviteDeny,
    ConversationsRequestSharedInviteList, InviteRequest, InviteRequestDecision,
    RequestSharedInviteListResponse,
};
pub use connect::{
    ConnectionStatus, ConversationsExternalInvitePermissionsSet, ExternalInviteAction,
    ExternalTeam, ExternalTeamsListResponse, ExternalTeamsSort, SlackConnectPref,
    TeamExternalTeamsDisconnect, TeamExternalTeamsList,
};
pub use dialog::{Dialog, DialogElement, DialogOpen, FormElement};
pub use dnd::{
    DndEndDnd, DndEndSnooze, DndInfo, DndSetSnooze, DndSnooze, DndStatus, DndTeamInfo,
    DndTeamInfoResponse,
};
pub use emoji::{EmojiList, EmojiListResponse};
pub use entity::{EntityError, EntityErrorStatus, EntityPresentDetails};
pub use files::{
    FileToComplete, FileTypeFilter, FilesCommentsDelete, FilesCompleteUploadExternal,
    FilesCompleteUploadExternalResponse, FilesDelete, FilesGetUploadUrlExternal,
    FilesGetUploadUrlExternalResponse, FilesInfo, FilesInfoResponse, FilesList, FilesListResponse,
    FilesRevokePublicUrl, FilesSharedPublicUrl, PublicUrlResponse,
};
pub use files_remote::{
    FilesRemoteAdd, FilesRemoteInfo, FilesRemoteList, FilesRemoteListResponse, FilesRemoteRemove,
    FilesRemoteShare, FilesRemoteUpdate, RemoteFileRef, RemoteFileResponse,
};
pub use functions::{FunctionsCompleteError, FunctionsCompleteSuccess};
pub use history::{
    ConversationsHistory, ConversationsHistoryResponse, ConversationsReplies,
    ConversationsRepliesResponse,
};
pub use lifecycle::{
    ConversationsArchive, ConversationsClose, ConversationsCloseResponse, ConversationsKick,
    ConversationsLeave, ConversationsLeaveResponse, ConversationsMark, ConversationsRename,
    ConversationsRenameResponse, ConversationsSetPurpose, ConversationsSetPurposeResponse,
    ConversationsSetTopic, ConversationsSetTopicResponse, ConversationsUnarchive,
};
pub use lists::{
    CellValue, ColumnOptions, ColumnType, ItemField, ListCell, ListColumn, ListCreated, ListItem,
    ListItemCreated, ListItemInfo, ListItemsPage, ListMetadata, SelectChoice, SlackListsCreate,
    SlackListsItemsCreate, SlackListsItemsDelete, SlackListsItemsDeleteMultiple,
    SlackListsItemsInfo, SlackListsItemsList, SlackListsItemsUpdate, SlackListsUpdate,
};
pub use lists::{
    ListAccessLevel, ListDownload, ListDownloadStarted, ListExportStatus, SlackListsAccessDelete,
    SlackListsAccessSet, SlackListsDownloadGet, SlackListsDownloadStart,
};
pub use oauth::{AuthedUser, OauthTeam, OauthV2Access, OauthV2AccessResponse};
pub use openid::{
    IdToken, OpenidConnectToken, OpenidConnectTokenResponse, OpenidConnectUserInfo,
    OpenidConnectUserInfoResponse,
};
pub use pins::{PinnedItem, PinsAdd, PinsList, PinsListResponse, PinsRemove};
pub use reactions::{
    ReactedItem, ReactionsAdd, ReactionsGet, ReactionsGetResponse, ReactionsList,
    ReactionsListResponse, ReactionsRemove,
};
pub use reminders::{
    Recurrence, Reminder, ReminderResponse, ReminderTime, RemindersAdd, RemindersComplete,
    RemindersDelete, RemindersInfo, RemindersList, RemindersListResponse, Weekday,
};
pub use search::{
    SearchAll, SearchAllResponse, SearchChannel, SearchFiles, SearchFilesPage, SearchFilesResponse,
    SearchMatch, SearchMessages, SearchMessagesPage, SearchMessagesResponse, SearchPagination,
    SearchSort, SortDirection,
};
pub use stream::{
    ChatAppendStream, ChatStartStream, ChatStopStream, ChatStopStreamResponse, ChatStream,
    ChatStreamResponse, Chunk, TaskDisplayMode, TaskSource, TaskStatus, TaskUpdate,
};
pub use team::{
    AccessLog, BillableInfo, IntegrationChange, IntegrationLog, ProfileField, ProfileFieldOptions,
    ProfileSection, ProfileVisibility, TeamAccessLogs, TeamAccessLogsResponse, TeamBillableInfo,
    TeamBillableInfoResponse, TeamInfo, TeamInfoResponse, TeamIntegrationLogs,
    TeamIntegrationLogsResponse, TeamProfile, TeamProfileGet, TeamProfileGetResponse,
};
pub use team::{
    BillingPlan, TeamBillingInfo, TeamBillingInfoResponse, TeamPreferencesList,
    TeamPreferencesListResponse,
};
pub use unfurl::{ChatUnfurl, Unfurl, UnfurlSource, Unfurls};
pub use usergroups::{
    UsergroupResponse, UsergroupsCreate, UsergroupsDisable, UsergroupsEnable, UsergroupsList,
    UsergroupsListResponse, UsergroupsUpdate, UsergroupsUsersList, UsergroupsUsersListResponse,
    UsergroupsUsersUpdate,
};
pub use users::contacts::{DiscoverableContactResponse, UsersDiscoverableContactsLookup};
pub use users::identity::{IdentityTeam, IdentityUser, UsersIdentity, UsersIdentityResponse};
pub use users::presence::{
    PresenceSetting, UsersGetPresence, UsersGetPresenceResponse, UsersSetPresence,
};
pub use users::profile::{
    PhotoImages, UsersDeletePhoto, UsersProfileGet, UsersProfileGetResponse, UsersProfileSet,
    UsersProfileSetResponse, UsersSetPhoto, UsersSetPhotoResponse,
};
pub use users::{
    UsersConversations, UsersConversationsResponse, UsersInfo, UsersInfoResponse, UsersList,
    UsersListResponse, UsersLookupByEmail, UsersLookupByEmailResponse,
};
pub use views::{ViewResponse, ViewsOpen, ViewsPublish, ViewsPush, ViewsUpdate};
pub use workflows::{
    FeaturedTrigger, FeaturedWorkflows, SetTriggerIds, WorkflowsFeaturedAdd, WorkflowsFeaturedList,
    WorkflowsFeaturedListResponse, WorkflowsFeaturedRemove, WorkflowsFeaturedSet,
};

/// A visitor of the bundled bindings' types, for code that needs more of each than [`ALL`]'s
/// facts (its tool description, its response type): [`visit_all`] calls [`Visit::visit`] once
/// per binding.
///
/// ```
/// use slack_methods::methods::{visit_all, Visit};
/// use slack_methods::SlackTool;
///
/// /// Counts the parameters of every bundled binding.
/// struct Params(usize);
/// impl Visit for Params {
///     fn visit<M>(&mut self)
///     where
///         M: SlackTool + serde::de::DeserializeOwned + Send + Sync + 'static,
///     {
///         self.0 += M::PARAMS.len();
///     }
/// }
/// let mut params = Params(0);
/// visit_all(&mut params);
/// assert!(params.0 > 100);
/// ```
pub trait Visit {
    /// Called with one bundled binding.
    fn visit<M>(&mut self)
    where
        M: SlackTool + DeserializeOwned + Send + Sync + 'static;
}

/// Lists the bundled bindings, once: [`ALL`] (their facts), [`visit_all`] and through it the
/// tool registry (`tools::Registry::bundled`) all come from this one list, so a new binding is
/// one line in the call below. (Each binding derives `serde::Deserialize`, which the registry
/// reads its arguments with.)
macro_rules! bundled {
    ($($binding:ident),* $(,)?) => {
        /// The facts of every bundled binding (name, verb, scopes, tier, whether it writes), for
        /// code that handles methods by name: the emulator serves them, a registry lists them.
        ///
        /// ```
        /// use slack_methods::methods::{UsersProfileSet, ALL};
        /// use slack_methods::SlackMethod;
        /// assert!(ALL.iter().any(|facts| facts.name == UsersProfileSet::NAME));
        /// ```
        pub const ALL: &[MethodFacts] = &[$(MethodFacts::of::<$binding>()),*];

        /// Calls `visitor` with every bundled binding, in the order of [`ALL`].
        pub fn visit_all<V: Visit>(visitor: &mut V) {
            $(visitor.visit::<$binding>();)*
        }
    };
}

bundled![
    AuthTest,
    UsersProfileGet,
    UsersProfileSet,
    ChatPostMessage,
    ChatUpdate,
    ChatDelete,
    ChatPostEphemeral,
    ChatGetPermalink,
    ChatScheduleMessage,
    ChatScheduledMessagesList,
    ChatDeleteScheduledMessage,
    ChatMeMessage,
    ConversationsHistory,
    ConversationsReplies,
    ReactionsAdd,
    ReactionsRemove,
    ReactionsGet,
    ReactionsList,
    EmojiList,
    PinsAdd,
    PinsRemove,
    PinsList,
    BookmarksAdd,
    BookmarksList,
    BookmarksRemove,
    BookmarksEdit,
    ViewsOpen,
    ViewsPublish,
    ViewsUpdate,
    ViewsPush,
    ConversationsList,
    ConversationsInfo,
    ConversationsMembers,
    ConversationsOpen,
    ConversationsJoin,
    ConversationsCreate,
    ConversationsInvite,
    ConversationsSetTopic,
    ConversationsSetPurpose,
    ConversationsRename,
    ConversationsArchive,
    ConversationsUnarchive,
    ConversationsLeave,
    ConversationsKick,
    ConversationsMark,
    ConversationsClose,
    UsersInfo,
    UsersList,
    UsersLookupByEmail,
    UsersConversations,
    UsersGetPresence,
    UsersSetPresence,
    UsersIdentity,
    TeamInfo,
    TeamPreferencesList,
    TeamBillingInfo,
    UsergroupsList,
    UsergroupsUsersList,
    UsergroupsUsersUpdate,
    UsergroupsCreate,
    UsergroupsUpdate,
    UsergroupsDisable,
    UsergroupsEnable,
    FilesGetUploadUrlExternal,
    FilesCompleteUploadExternal,
    FilesInfo,
    FilesList,
    FilesDelete,
    FilesSharedPublicUrl,
    FilesRevokePublicUrl,
    FilesCommentsDelete,
    AssistantThreadsSetStatus,
    AssistantThreadsSetSuggestedPrompts,
    AssistantThreadsSetTitle,
    CanvasesCreate,
    ConversationsCanvasesCreate,
    CanvasesEdit,
    CanvasesDelete,
    CanvasesSectionsLookup,
    ChatStartStream,
    ChatAppendStream,
    ChatStopStream,
    CanvasesAccessSet,
    CanvasesAccessDelete,
    RemindersAdd,
    RemindersList,
    RemindersInfo,
    RemindersComplete,
    RemindersDelete,
    SearchMessages,
    DndInfo,
    DndTeamInfo,
    DndSetSnooze,
    DndEndSnooze,
    DndEndDnd,
    SearchFiles,
    SearchAll,
    TeamProfileGet,
    TeamBillableInfo,
    TeamAccessLogs,
    TeamIntegrationLogs,
    AppsEventAuthorizationsList,
    BotsInfo,
    ChatUnfurl,
    OpenidConnectUserInfo,
    FilesRemoteAdd,
    FilesRemoteInfo,
    FilesRemoteList,
    FilesRemoteUpdate,
    FilesRemoteRemove,
    FilesRemoteShare,
    FunctionsCompleteSuccess,
    FunctionsCompleteError,
    AuthTeamsList,
    CallsAdd,
    CallsInfo,
    CallsUpdate,
    CallsEnd,
    CallsParticipantsAdd,
    CallsParticipantsRemove,
    ConversationsInviteShared,
    ConversationsListConnectInvites,
    ConversationsAcceptSharedInvite,
    ConversationsApproveSharedInvite,
    ConversationsDeclineSharedInvite,
    ConversationsRequestSharedInviteList,
    ConversationsRequestSharedInviteApprove,
    ConversationsRequestSharedInviteDeny,
    ConversationsExternalInvitePermissionsSet,
    TeamExternalTeamsList,
    TeamExternalTeamsDisconnect,
    AppsManifestValidate,
    AppsManifestUpdate,
    AppsManifestExport,
    AppsManifestDelete,
    SlackListsCreate,
    SlackListsUpdate,
    SlackListsItemsCreate,
    SlackListsItemsInfo,
    SlackListsItemsList,
    SlackListsItemsUpdate,
    SlackListsItemsDelete,
    SlackListsItemsDeleteMultiple,
    SlackListsAccessSet,
    SlackListsAccessDelete,
    SlackListsDownloadStart,
    SlackListsDownloadGet,
    ApiTest,
    UsersDeletePhoto,
    DialogOpen,
    WorkflowsFeaturedAdd,
    WorkflowsFeaturedRemove,
    WorkflowsFeaturedSet,
    WorkflowsFeaturedList,
    UsersDiscoverableContactsLookup,
    AppsUserConnectionUpdate,
    EntityPresentDetails,
];

/// Refuses a filter given as an empty list: it would go out as no filter at all, and answer
/// everything it was meant to narrow. Shared by the Slack Connect lists and `files.list`.
pub(crate) fn check_filter<T>(
    name: &str,
    filter: Option<&[T]>,
    item: &str,
) -> Result<(), InvalidRequest> {
    match filter {
        Some([]) => Err(InvalidRequest::new(format!(
            "`{name}` is empty, which Slack reads as no filter; give at least one {item}, or leave the filter out to list them all"
        ))),
        _ => Ok(()),
    }
}

/// Refuses what no method paged by number takes: a `page` of 0 (pages are numbered from 1) or a
/// `count` of 0 (`item`s a page), shared by `files.list`, the searches and the team logs.
pub(crate) fn check_numbered(
    count: Option<u32>,
    page: Option<u32>,
    item: &str,
) -> Result<(), InvalidRequest> {
    if page == Some(0) {
        return Err(InvalidRequest::new(
            "`page` is 0: pages are numbered from 1",
        ));
    }
    if count == Some(0) {
        return Err(InvalidRequest::new(format!(
            "`count` is 0: ask for at least one {item} a page"
        )));
    }
    Ok(())
}
