//! Searching a workspace: `search.messages`, `search.files` and `search.all` (both at once),
//! with a user token (`search:read`).
//!
//! Slack's query is words, all of which a match must hold, and modifiers: `in:#channel`,
//! `from:@user`, `before:2026-01-31`, `after:2026-01-01`, `has:link` and more (see Slack's
//! search help). The answer is a page of matches: [`SearchMatch`]es, each a message with its
//! conversation, `permalink` and author, and [`File`]s.
//!
//! Slack pages message results two ways: by cursor (`cursor=*` for the first page, then each
//! page's `response_metadata.next_cursor`) and by number (`page`). [`SearchMessages::new`]
//! asks for cursor pages, so [`Client::pages`](crate::Client::pages) and
//! [`Client::items`](crate::Client::items) follow them; [`SearchMessages::page`] asks for one
//! numbered page instead. `search.files` takes no cursor: it pages by number only, which
//! [`Client::numbered_pages`](crate::Client::numbered_pages) and
//! [`Client::numbered_items`](crate::Client::numbered_items) follow. `search.all` answers one
//! page of each kind, each with its own `paging`; Slack's page sends the caller to the other two
//! methods for further pages, so it is called one page at a time.

use crate::types::{File, Item, List, Paging, ResponseMetadata, Timestamp};
use crate::{slack_method, ChannelId, InvalidRequest, NumberPaginated, PageItems, TeamId, UserId};
use serde::{Deserialize, Serialize};

/// The most matches Slack answers on one page (`count`).
pub const MAX_SEARCH_COUNT: u32 = 100;

/// The cursor that asks Slack for the first page of cursor paging, as its page of
/// `search.messages` says: `*`.
pub const FIRST_PAGE_CURSOR: &str = "*";

/// How a search orders its matches (`sort`).
///
/// ```
/// use slack_methods::methods::{SearchMessages, SearchSort, SortDirection};
/// let newest = SearchMessages::new("deploy").sorted_by(SearchSort::Timestamp, SortDirection::Desc);
/// assert_eq!(
///     slack_methods::encode_params(&newest)?,
///     "query=deploy&cursor=*&sort=timestamp&sort_dir=desc",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SearchSort {
    /// By how well each match fits the query (`score`, Slack's default).
    Score,
    /// By when each message was sent, or each file uploaded (`timestamp`).
    Timestamp,
}

wire_enum!(
    SearchSort,
    "order",
    "score (how well each matches, the default) or timestamp (when it was sent or uploaded).",
    {
        Score => "score",
        Timestamp => "timestamp",
    }
);

/// Which way an order runs (`sort_dir`).
///
/// ```
/// use slack_methods::methods::SortDirection;
/// assert_eq!(SortDirection::Asc.as_str(), "asc");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SortDirection {
    /// Ascending (`asc`): the oldest, or the weakest match, first.
    Asc,
    /// Descending (`desc`, Slack's default): the newest, or the best match, first.
    Desc,
}

wire_enum!(
    SortDirection,
    "direction",
    "asc (ascending) or desc (descending, the default).",
    {
        Asc => "asc",
        Desc => "desc",
    }
);

fn first_page_cursor() -> Option<String> {
    Some(FIRST_PAGE_CURSOR.to_owned())
}

/// `count(..)`, `sorted_by(..)`, `highlight()` and `in_team(..)`, which every search takes.
/// Written inside the binding's `impl`.
macro_rules! search_builders {
    () => {
        /// Asks for `count` matches a page (1 to [`MAX_SEARCH_COUNT`]).
        pub fn count(mut self, count: u32) -> Self {
            self.count = Some(count);
            self
        }

        /// Orders the matches by `sort`, running `direction`.
        pub fn sorted_by(mut self, sort: SearchSort, direction: SortDirection) -> Self {
            self.sort = Some(sort);
            self.sort_dir = Some(direction);
            self
        }

        /// Marks the matched words in each match (between U+E000 and U+E001).
        pub fn highlight(mut self) -> Self {
            self.highlight = Some(true);
            self
        }

        /// With an org-level token: searches the workspace `team`.
        pub fn in_team(mut self, team: TeamId) -> Self {
            self.team_id = Some(team);
            self
        }
    };
}

/// `search.messages`: the messages matching a query, among those the token's user can see
/// (a user token; Slack refuses bots), a page at a time.
///
/// The query is words, all of which a message must hold, and modifiers such as `in:#channel`,
/// `from:@user`, `before:2026-01-31`, `after:2026-01-01` or `has:link`; it must not be blank.
/// `count` is at most 100 matches a page. Without a `cursor` argument, `*` is sent: the first
/// page of cursor paging, whose answer names the next page's cursor; for Slack's numbered pages
/// instead, give `page` and a `null` cursor.
///
/// ```
/// use slack_methods::methods::SearchMessages;
/// let search = SearchMessages::new("release in:#general").count(50).highlight();
/// assert_eq!(
///     slack_methods::encode_params(&search)?,
///     "query=release+in%3A%23general&count=50&cursor=*&highlight=true",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
///
/// Every match, across pages:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::SearchMessages;
/// let search = SearchMessages::new("outage from:@grace");
/// let mut matches = std::pin::pin!(client.items(&search));
/// while let Some(found) = matches.try_next().await? {
///     if let Some(found) = found.parsed() {
///         println!("#{} {}: {}", found.channel.name, found.ts, found.text);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "search.messages",
    response = SearchMessagesResponse,
    validate = SearchMessages::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SearchMessages {
    /// What to search for: words (all must match) and modifiers such as `in:#channel`,
    /// `from:@user`, `before:2026-01-31`, `after:2026-01-01` and `has:link`. Not blank.
    pub query: String,
    /// Matches on one page: at most 100 (Slack's default is 20).
    pub count: Option<u32>,
    /// Where to continue: a page's `response_metadata.next_cursor`; `*` (what is sent when it
    /// is not given) for the first page; `null` sends none, for numbered pages (`page`).
    #[serde(default = "first_page_cursor")]
    pub cursor: Option<String>,
    /// Whether matched words are marked in each match's text (between U+E000 and U+E001).
    pub highlight: Option<bool>,
    /// Which numbered page, from 1, when paging by number rather than by cursor.
    pub page: Option<u32>,
    /// The order: `score` (how well each matches, the default) or `timestamp`.
    pub sort: Option<SearchSort>,
    /// Which way the order runs: `desc` (the default) or `asc`.
    pub sort_dir: Option<SortDirection>,
    /// With an org-level token: the workspace to search in.
    pub team_id: Option<TeamId>,
}

impl SearchMessages {
    /// Searches for `query`, from the first page of cursor paging (the cursor `*`).
    pub fn new(query: impl Into<String>) -> Self {
        SearchMessages {
            query: query.into(),
            count: None,
            cursor: first_page_cursor(),
            highlight: None,
            page: None,
            sort: None,
            sort_dir: None,
            team_id: None,
        }
    }

    search_builders!();

    /// Starts at `cursor` (a page's `next_cursor`), to resume an earlier search: no numbered
    /// `page` is sent.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self.page = None;
        self
    }

    /// Asks for numbered page `page` (from 1) instead of cursor pages: no cursor is sent.
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self.cursor = None;
        self
    }

    /// What every search refuses, and a `page` beside a `cursor`: Slack pages either by number
    /// or by cursor, and which one it would follow is not documented.
    fn check(&self) -> Result<(), InvalidRequest> {
        check_search(&self.query, self.count, self.page)?;
        match (&self.page, self.cursor.as_deref()) {
            (Some(page), Some(FIRST_PAGE_CURSOR)) => Err(InvalidRequest::new(format!(
                "`page` {page} is given with the cursor `*` (sent when no cursor is given, for \
                 the first cursor page): for a numbered page, give `page` with a null `cursor`"
            ))),
            (Some(_), Some(_)) => Err(InvalidRequest::new(
                "`page` and `cursor` are both given: Slack pages by number or by cursor, so \
                 give one of them",
            )),
            _ => Ok(()),
        }
    }
}

/// What Slack would refuse in any search: a blank query, a `count` of 0 or over
/// [`MAX_SEARCH_COUNT`], a `page` of 0.
fn check_search(query: &str, count: Option<u32>, page: Option<u32>) -> Result<(), InvalidRequest> {
    if query.trim().is_empty() {
        return Err(InvalidRequest::new(
            "`query` is blank: say what to search for",
        ));
    }
    super::check_numbered(count, page, "match")?;
    match count {
        Some(count) if count > MAX_SEARCH_COUNT => Err(InvalidRequest::new(format!(
            "`count` is {count}: Slack answers at most {MAX_SEARCH_COUNT} matches a page"
        ))),
        _ => Ok(()),
    }
}

crate::slack_object! {
    /// The conversation a [`SearchMatch`] is in: its id and name (and whether it is private),
    /// as search answers name it.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct SearchChannel {
        required {
            /// The conversation's id.
            pub id: ChannelId,
        }
        /// Its name (for a direct message, what Slack names it).
        pub name: String,
        /// Whether it is a private channel.
        pub is_private: bool,
        /// Whether it is a group direct message.
        pub is_mpim: bool,
    }
}

crate::slack_object! {
    /// One message `search.messages` found.
    ///
    /// ```
    /// use slack_methods::methods::SearchMatch;
    /// let found: SearchMatch = serde_json::from_str(
    ///     r#"{"type":"message","channel":{"id":"C12345678","name":"general"},
    ///         "user":"U2U85N1RV","username":"roach","ts":"1508284197.000015",
    ///         "text":"The meaning of life is 42.","iid":"cb64bdaa",
    ///         "permalink":"https://hitchhikers.slack.com/archives/C12345678/p1508284197000015"}"#,
    /// )?;
    /// assert_eq!(found.channel.name, "general");
    /// assert_eq!(found.user.as_ref().map(|u| u.as_str()), Some("U2U85N1RV"));
    /// assert_eq!(found.extra["iid"], "cb64bdaa");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct SearchMatch {
        required {
            /// The message's `ts`.
            pub ts: Timestamp,
            /// The conversation it is in.
            pub channel: SearchChannel,
        }
        /// Its text (with highlight markers when asked for).
        pub text: String,
        /// Who sent it (absent for a message of a bot or an integration, which Slack gives as
        /// `""`).
        pub user: Option<UserId>,
        /// The sender's name.
        pub username: String,
        /// The link to the message.
        pub permalink: String,
        /// The workspace of the message.
        pub team: Option<TeamId>,
    }
}

crate::slack_object! {
    /// `pagination`: where a numbered page stands, as `search.messages` also says it.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    #[non_exhaustive]
    pub struct SearchPagination {
        /// Matches in all.
        pub total_count: u64,
        /// This page's number, from 1.
        pub page: u64,
        /// Matches a page.
        pub per_page: u64,
        /// Pages in all.
        pub page_count: u64,
        /// The position (from 1) of this page's first match among all.
        pub first: u64,
        /// The position of this page's last match among all.
        pub last: u64,
    }
}

crate::slack_object! {
    /// `messages`: one page of matches, and how many there are in all.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct SearchMessagesPage {
        /// The page's matches, in the order asked for; one that does not fit [`SearchMatch`]
        /// is kept as [`Unparsed`](crate::types::Unparsed).
        pub matches: List<SearchMatch>,
        /// Matches in all.
        pub total: u64,
        /// The numbered page this is, and the pages in all.
        pub paging: Option<Paging>,
        /// The same, as Slack also says it.
        pub pagination: Option<SearchPagination>,
    }
}

crate::slack_object! {
    /// What `search.messages` answers: the query as Slack read it and a page of matches.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct SearchMessagesResponse {
        /// The query searched for.
        pub query: String,
        /// The page of matches.
        pub messages: SearchMessagesPage,
        /// The next page's cursor (cursor paging).
        pub response_metadata: Option<ResponseMetadata>,
    }
}

impl PageItems for SearchMessagesResponse {
    type Item = Item<SearchMatch>;

    /// The page's matches: each a [`SearchMatch`], or kept as Slack sent it when it does not
    /// fit one.
    fn into_items(self) -> Vec<Item<SearchMatch>> {
        self.messages.matches.into_items()
    }
}

/// `search.files`: the files matching a query, among those the token's user can see (a user
/// token; Slack refuses bots), one numbered page at a time.
///
/// The query is words, all of which a file must hold, and modifiers such as `in:#channel`,
/// `from:@user`, `before:2026-01-31` or `after:2026-01-01`; it must not be blank. `count` is at
/// most 100 files a page. This method takes no cursor: `page` (from 1) says which page, and each
/// answer's `paging` says how many there are, so the numbered pages can be followed to the last.
///
/// ```
/// use slack_methods::methods::{SearchFiles, SearchSort, SortDirection};
/// let search = SearchFiles::new("roadmap from:@ada")
///     .count(50)
///     .sorted_by(SearchSort::Timestamp, SortDirection::Desc);
/// assert_eq!(
///     slack_methods::encode_params(&search)?,
///     "query=roadmap+from%3A%40ada&count=50&sort=timestamp&sort_dir=desc",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
///
/// Every matching file, across pages:
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use futures_util::TryStreamExt;
/// use slack_methods::methods::SearchFiles;
/// let search = SearchFiles::new("diagram in:#design");
/// let mut files = std::pin::pin!(client.numbered_items(&search));
/// while let Some(file) = files.try_next().await? {
///     if let Some(file) = file.parsed() {
///         println!("{} ({})", file.title, file.id);
///     }
/// }
/// # Ok(()) }
/// ```
#[slack_method(
    "search.files",
    scope = "search:read",
    verb = "GET",
    unchecked_verb,
    writes = false,
    response = SearchFilesResponse,
    validate = SearchFiles::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SearchFiles {
    /// What to search for: words (all must match) and modifiers such as `in:#channel`,
    /// `from:@user`, `before:2026-01-31` and `after:2026-01-01`. Not blank.
    pub query: String,
    /// Files on one page: at most 100 (Slack's default is 20).
    pub count: Option<u32>,
    /// Whether matched words are marked (between U+E000 and U+E001).
    pub highlight: Option<bool>,
    /// Which numbered page, from 1 (the first when absent).
    pub page: Option<u32>,
    /// The order: `score` (how well each matches, the default) or `timestamp`.
    pub sort: Option<SearchSort>,
    /// Which way the order runs: `desc` (the default) or `asc`.
    pub sort_dir: Option<SortDirection>,
    /// With an org-level token: the workspace to search in.
    pub team_id: Option<TeamId>,
}

impl SearchFiles {
    /// Searches files for `query`, from the first page.
    pub fn new(query: impl Into<String>) -> Self {
        SearchFiles {
            query: query.into(),
            count: None,
            highlight: None,
            page: None,
            sort: None,
            sort_dir: None,
            team_id: None,
        }
    }

    search_builders!();

    /// Asks for numbered page `page` (from 1).
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_search(&self.query, self.count, self.page)
    }
}

crate::slack_object! {
    /// `files`: one page of the files a search found, and how many there are in all.
    #[derive(Clone, Debug, Default, PartialEq)]
    #[non_exhaustive]
    pub struct SearchFilesPage {
        /// The page's files, in the order asked for; one that does not fit [`File`] is kept as
        /// [`Unparsed`](crate::types::Unparsed).
        pub matches: List<File>,
        /// Files in all.
        pub total: u64,
        /// The numbered page this is, and the pages in all.
        pub paging: Option<Paging>,
        /// The same, as Slack also says it.
        pub pagination: Option<SearchPagination>,
    }
}

crate::slack_object! {
    /// What `search.files` answers: the query as Slack read it and a page of files.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct SearchFilesResponse {
        /// The query searched for.
        pub query: String,
        /// The page of files.
        pub files: SearchFilesPage,
    }
}

impl NumberPaginated for SearchFiles {
    fn paging(response: &SearchFilesResponse) -> Option<&Paging> {
        response.files.paging.as_ref()
    }
}

impl PageItems for SearchFilesResponse {
    type Item = Item<File>;

    /// The page's files: each a [`File`], or kept as Slack sent it when it does not fit one.
    fn into_items(self) -> Vec<Item<File>> {
        self.files.matches.into_items()
    }
}

/// `search.all`: the messages and the files matching a query, among those the token's user can
/// see (a user token; Slack refuses bots), one page of each in one call.
///
/// The query is words, all of which a match must hold, and modifiers such as `in:#channel`,
/// `from:@user`, `before:2026-01-31` or `after:2026-01-01`; it must not be blank. `count` is at
/// most 100 matches of each kind a page, and `page` (from 1) applies to both kinds. The answer
/// holds a page of messages and a page of files, each with its own total and `paging`; for more
/// of one kind, search messages or files on their own.
///
/// ```
/// use slack_methods::methods::SearchAll;
/// let search = SearchAll::new("launch").count(5).highlight();
/// assert_eq!(
///     slack_methods::encode_params(&search)?,
///     "query=launch&count=5&highlight=true",
/// );
/// # Ok::<(), slack_methods::Error>(())
/// ```
///
/// ```no_run
/// # async fn demo(client: slack_methods::Client) -> Result<(), slack_methods::Error> {
/// use slack_methods::methods::SearchAll;
/// let found = client.call(&SearchAll::new("launch")).await?;
/// println!(
///     "{} messages, {} files",
///     found.messages.total, found.files.total
/// );
/// # Ok(()) }
/// ```
#[slack_method(
    "search.all",
    scope = "search:read",
    verb = "GET",
    unchecked_verb,
    writes = false,
    response = SearchAllResponse,
    validate = SearchAll::check
)]
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SearchAll {
    /// What to search for: words (all must match) and modifiers such as `in:#channel`,
    /// `from:@user`, `before:2026-01-31` and `after:2026-01-01`. Not blank.
    pub query: String,
    /// Matches of each kind on one page: at most 100 (Slack's default is 20).
    pub count: Option<u32>,
    /// Whether matched words are marked (between U+E000 and U+E001).
    pub highlight: Option<bool>,
    /// Which numbered page of each kind, from 1 (the first when absent).
    pub page: Option<u32>,
    /// The order: `score` (how well each matches, the default) or `timestamp`.
    pub sort: Option<SearchSort>,
    /// Which way the order runs: `desc` (the default) or `asc`.
    pub sort_dir: Option<SortDirection>,
    /// With an org-level token: the workspace to search in.
    pub team_id: Option<TeamId>,
}

impl SearchAll {
    /// Searches messages and files for `query`, the first page of each.
    pub fn new(query: impl Into<String>) -> Self {
        SearchAll {
            query: query.into(),
            count: None,
            highlight: None,
            page: None,
            sort: None,
            sort_dir: None,
            team_id: None,
        }
    }

    search_builders!();

    /// Asks for numbered page `page` (from 1) of each kind.
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    fn check(&self) -> Result<(), InvalidRequest> {
        check_search(&self.query, self.count, self.page)
    }
}

crate::slack_object! {
    /// What `search.all` answers: the query as Slack read it, a page of messages and a page of
    /// files.
    ///
    /// ```
    /// use slack_methods::methods::SearchAllResponse;
    /// let found: SearchAllResponse = serde_json::from_str(
    ///     r#"{"query":"launch",
    ///         "messages":{"total":0,"matches":[],
    ///                     "paging":{"count":20,"total":0,"page":1,"pages":0}},
    ///         "files":{"total":1,"matches":[{"id":"F0123ABCD","name":"launch.pdf"}],
    ///                  "paging":{"count":20,"total":1,"page":1,"pages":1}},
    ///         "posts":{"total":0,"matches":[]}}"#,
    /// )?;
    /// assert_eq!(found.files.matches.iter().next().unwrap().name, "launch.pdf");
    /// assert_eq!(found.messages.total, 0);
    /// assert!(found.extra.contains_key("posts"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub struct SearchAllResponse {
        /// The query searched for.
        pub query: String,
        /// The page of messages.
        pub messages: SearchMessagesPage,
        /// The page of files.
        pub files: SearchFilesPage,
    }
}
