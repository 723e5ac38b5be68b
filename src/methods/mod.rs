//! The bindings this crate ships, one module per Slack method family.
//!
//! Each is an ordinary `#[slack_method]` struct, the same as one a user would write, and each is
//! a tool an agent can call by name ([`crate::tools`]): its doc comments are the tool's and its
//! parameters' descriptions, and it derives `serde::Deserialize` (field names being the wire
//! names, unknown fields refused) so that JSON arguments read into it.

pub mod acknowledged;
pub mod auth;
pub mod bookmarks;
pub mod channels;
pub mod chat;
pub mod files;
pub mod history;
pub mod pins;
pub mod reactions;
pub mod team;
pub mod usergroups;
pub mod users;
pub mod views;

use crate::MethodFacts;

pub use acknowledged::Acknowledged;
pub use auth::{AuthTest, AuthTestResponse};
pub use bookmarks::{BookmarksAdd, BookmarksAddResponse};
pub use channels::{
    ConversationType, ConversationsCreate, ConversationsCreateResponse, ConversationsInfo,
    ConversationsInfoResponse, ConversationsInvite, ConversationsInviteResponse, ConversationsJoin,
    ConversationsJoinResponse, ConversationsList, ConversationsListResponse, ConversationsMembers,
    ConversationsMembersResponse, ConversationsOpen, ConversationsOpenResponse,
};
pub use chat::{
    ChatDelete, ChatDeleteResponse, ChatGetPermalink, ChatGetPermalinkResponse, ChatPostEphemeral,
    ChatPostEphemeralResponse, ChatPostMessage, ChatPostMessageResponse, ChatScheduleMessage,
    ChatScheduleMessageResponse, ChatUpdate, ChatUpdateResponse,
};
pub use files::{
    FileToComplete, FilesCompleteUploadExternal, FilesCompleteUploadExternalResponse,
    FilesGetUploadUrlExternal, FilesGetUploadUrlExternalResponse, FilesInfo, FilesInfoResponse,
};
pub use history::{
    ConversationsHistory, ConversationsHistoryResponse, ConversationsReplies,
    ConversationsRepliesResponse,
};
pub use pins::PinsAdd;
pub use reactions::{ReactionsAdd, ReactionsRemove};
pub use team::{TeamInfo, TeamInfoResponse};
pub use usergroups::{
    UsergroupsList, UsergroupsListResponse, UsergroupsUsersList, UsergroupsUsersListResponse,
};
pub use users::profile::{
    UsersProfileGet, UsersProfileGetResponse, UsersProfileSet, UsersProfileSetResponse,
};
pub use users::{
    UsersConversations, UsersConversationsResponse, UsersInfo, UsersInfoResponse, UsersList,
    UsersListResponse, UsersLookupByEmail, UsersLookupByEmailResponse,
};
pub use views::{ViewResponse, ViewsOpen, ViewsPublish, ViewsPush, ViewsUpdate};

/// Lists the bundled bindings, once: [`ALL`] (their facts) and the tool registry
/// ([`Registry::bundled`](crate::tools::Registry::bundled)) both come from this one list, so a
/// new binding is one line in the call below. (Each binding derives `serde::Deserialize`, which
/// the registry reads its arguments with.)
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

        /// Registers every bundled binding as a tool.
        #[cfg(feature = "tools")]
        pub(crate) fn register_all(registry: &mut crate::tools::Registry) {
            $(registry.register::<$binding>();)*
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
    ConversationsHistory,
    ConversationsReplies,
    ReactionsAdd,
    ReactionsRemove,
    PinsAdd,
    BookmarksAdd,
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
    UsersInfo,
    UsersList,
    UsersLookupByEmail,
    UsersConversations,
    TeamInfo,
    UsergroupsList,
    UsergroupsUsersList,
    FilesGetUploadUrlExternal,
    FilesCompleteUploadExternal,
    FilesInfo,
];
