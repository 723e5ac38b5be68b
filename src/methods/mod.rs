//! The bindings this crate ships, one module per Slack method family.
//!
//! Each is an ordinary `#[slack_method]` struct, the same as one a user would write.

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

/// The facts of every bundled binding (name, verb, scopes, tier, whether it writes), for code
/// that handles methods by name: the emulator serves them, a registry lists them.
///
/// ```
/// use slack_methods::methods::{UsersProfileSet, ALL};
/// use slack_methods::SlackMethod;
/// assert!(ALL.iter().any(|facts| facts.name == UsersProfileSet::NAME));
/// ```
pub const ALL: &[MethodFacts] = &[
    MethodFacts::of::<AuthTest>(),
    MethodFacts::of::<UsersProfileGet>(),
    MethodFacts::of::<UsersProfileSet>(),
    MethodFacts::of::<ChatPostMessage>(),
    MethodFacts::of::<ChatUpdate>(),
    MethodFacts::of::<ChatDelete>(),
    MethodFacts::of::<ChatPostEphemeral>(),
    MethodFacts::of::<ChatGetPermalink>(),
    MethodFacts::of::<ChatScheduleMessage>(),
    MethodFacts::of::<ConversationsHistory>(),
    MethodFacts::of::<ConversationsReplies>(),
    MethodFacts::of::<ReactionsAdd>(),
    MethodFacts::of::<ReactionsRemove>(),
    MethodFacts::of::<PinsAdd>(),
    MethodFacts::of::<BookmarksAdd>(),
    MethodFacts::of::<ViewsOpen>(),
    MethodFacts::of::<ViewsPublish>(),
    MethodFacts::of::<ViewsUpdate>(),
    MethodFacts::of::<ViewsPush>(),
    MethodFacts::of::<ConversationsList>(),
    MethodFacts::of::<ConversationsInfo>(),
    MethodFacts::of::<ConversationsMembers>(),
    MethodFacts::of::<ConversationsOpen>(),
    MethodFacts::of::<ConversationsJoin>(),
    MethodFacts::of::<ConversationsCreate>(),
    MethodFacts::of::<ConversationsInvite>(),
    MethodFacts::of::<UsersInfo>(),
    MethodFacts::of::<UsersList>(),
    MethodFacts::of::<UsersLookupByEmail>(),
    MethodFacts::of::<UsersConversations>(),
    MethodFacts::of::<TeamInfo>(),
    MethodFacts::of::<UsergroupsList>(),
    MethodFacts::of::<UsergroupsUsersList>(),
    MethodFacts::of::<FilesGetUploadUrlExternal>(),
    MethodFacts::of::<FilesCompleteUploadExternal>(),
    MethodFacts::of::<FilesInfo>(),
];
