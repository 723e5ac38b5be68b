//! Cursor pagination: the pages of a method's results as a stream, and the items across them.
//!
//! Slack pages with a cursor: a call sends `cursor` (none for the first page), and a page that
//! has a next one says so in `response_metadata.next_cursor` (or, for
//! `admin.conversations.search`, in a `next_cursor` beside it). [`Client::pages`] follows the
//! cursors, each page an ordinary call (limiter, retries, typed errors); it stops after the page
//! whose cursor is empty or blank, and refuses a cursor Slack has given before, which would loop
//! forever.
//! Nothing is sent unless the stream is polled: dropping it stops the paging.
//!
//! Some older methods page by number instead (`page` from 1, `count` a page, answering a
//! `paging` object: `files.list`, ...). A binding of one implements [`NumberPaginated`], and
//! [`Client::numbered_pages`] and [`Client::numbered_items`] follow its page numbers: each page
//! an ordinary call, ending after the page the answer calls the last. `search.messages`, which
//! takes a `cursor` too, is followed by [`Client::pages`] only by the cursor its answer gives.

use crate::client::{CallOptions, Client};
use crate::error::Error;
use crate::form::{EncodeError, FormEncoder};
use crate::method::{HttpVerb, InvalidRequest, RateLimitTier, SlackMethod};
use crate::response::SlackResponse;
use crate::types::Paging;
use futures_core::Stream;
use std::collections::HashSet;

/// A method that pages its results with Slack's cursor: it takes `cursor` and answers
/// `response_metadata.next_cursor`. `#[slack_method]` implements it for every method the
/// catalog marks as paginated, and for bindings that say `paginated`; [`Client::pages`] and
/// [`Client::items`] take only these.
pub trait CursorPaginated: SlackMethod {}

/// A response holding one list of items, which [`Client::items`] streams across pages.
///
/// ```
/// use slack_methods_runtime::PageItems;
/// #[derive(serde::Deserialize)]
/// struct Names {
///     names: Vec<String>,
/// }
/// impl PageItems for Names {
///     type Item = String;
///     fn into_items(self) -> Vec<String> {
///         self.names
///     }
/// }
/// ```
pub trait PageItems {
    /// One item of the list.
    type Item;
    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// `M` with one parameter (`cursor` or `page`) replaced by the page's value; with no value it
/// is `M` as it is (the first cursor page, with the cursor it may carry). Everything else,
/// validation included, is `M`'s.
struct AtPage<'a, M> {
    method: &'a M,
    param: &'static str,
    value: Option<&'a str>,
}

impl<M: SlackMethod> SlackMethod for AtPage<'_, M> {
    const NAME: &'static str = M::NAME;
    const VERB: HttpVerb = M::VERB;
    const SCOPES: &'static [&'static str] = M::SCOPES;
    const TIER: RateLimitTier = M::TIER;
    const WRITES: bool = M::WRITES;
    const PAGINATED: bool = M::PAGINATED;
    const DEPRECATED: bool = M::DEPRECATED;
    type Response = M::Response;

    fn validate(&self) -> Result<(), InvalidRequest> {
        self.method.validate()
    }

    fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
        let Some(value) = self.value else {
            return self.method.encode_form(form);
        };
        let mut own = FormEncoder::new();
        self.method.encode_form(&mut own)?;
        let own = own.finish();
        for (name, own_value) in form_urlencoded::parse(own.as_bytes()) {
            if name != self.param {
                form.append_pair(&name, &own_value);
            }
        }
        form.append_pair(self.param, value);
        Ok(())
    }
}

/// The value `method` itself gives `param` (a resumed run's cursor, a page number), if any.
fn own_param<M: SlackMethod>(method: &M, param: &str) -> Option<String> {
    let mut form = FormEncoder::new();
    method.encode_form(&mut form).ok()?;
    let form = form.finish();
    form_urlencoded::parse(form.as_bytes())
        .find(|(name, value)| name == param && !value.is_empty())
        .map(|(_, value)| value.into_owned())
}

/// A method that pages its results by number: it takes `page` (from 1) and answers `paging`
/// (this page's number and how many there are). [`Client::numbered_pages`] and
/// [`Client::numbered_items`] take only these.
///
/// ```
/// use slack_methods_runtime::types::Paging;
/// use slack_methods_runtime::{
///     EncodeError, FormEncoder, HttpVerb, NumberPaginated, RateLimitTier, SlackMethod,
/// };
/// #[derive(serde::Deserialize)]
/// struct Page {
///     paging: Option<Paging>,
/// }
/// struct Old {
///     page: Option<u32>,
/// }
/// impl SlackMethod for Old {
///     const NAME: &'static str = "old.list";
///     const VERB: HttpVerb = HttpVerb::Get;
///     const SCOPES: &'static [&'static str] = &["old:read"];
///     const TIER: RateLimitTier = RateLimitTier::Tier3;
///     const WRITES: bool = false;
///     type Response = Page;
///     fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
///         form.append("page", &self.page);
///         Ok(())
///     }
/// }
/// impl NumberPaginated for Old {
///     fn paging(page: &Page) -> Option<&Paging> {
///         page.paging.as_ref()
///     }
/// }
/// ```
pub trait NumberPaginated: SlackMethod {
    /// The answer's `paging`, when it has one (paging ends without it).
    fn paging(response: &Self::Response) -> Option<&Paging>;
}

/// What a paging run does when it is polled next.
enum Next {
    /// Ask for the page at this cursor (`None`: the first page).
    Page(Option<String>),
    /// End with this error (a repeated cursor, found after the page that gave it).
    Fail(Error),
    /// Nothing more.
    Done,
}

/// Where a paging run stands between pages.
struct CursorRun<'a, M> {
    client: &'a Client,
    method: &'a M,
    options: &'a CallOptions,
    next: Next,
    /// Every cursor asked for so far.
    seen: HashSet<String>,
}

impl Client {
    /// The pages of `method`'s results, from the first: each page is one call with the client's
    /// settings (limiter, retries, typed errors), answered as a [`SlackResponse`] whose
    /// `next_cursor` leads to the next page. The stream ends after the page whose cursor is
    /// empty, or after the first error; a cursor Slack has given before ends it with
    /// [`Error::RepeatedCursor`]. A `cursor` written in `method` is where the first page starts
    /// (to resume an earlier run); each later page's replaces it.
    ///
    /// ```no_run
    /// # use slack_methods_runtime::{Client, CursorPaginated, Error};
    /// # async fn demo<M: CursorPaginated>(client: Client, list: M) -> Result<(), Error> {
    /// use futures_util::TryStreamExt;
    /// let mut pages = std::pin::pin!(client.pages(&list));
    /// while let Some(page) = pages.try_next().await? {
    ///     println!("next cursor: {:?}", page.next_cursor);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<'a, M: CursorPaginated>(
        &'a self,
        method: &'a M,
    ) -> impl Stream<Item = Result<SlackResponse<M::Response>, Error>> + 'a {
        static DEFAULT: std::sync::OnceLock<CallOptions> = std::sync::OnceLock::new();
        self.pages_with(method, DEFAULT.get_or_init(CallOptions::new), None)
    }

    /// Like [`pages`](Self::pages), with per-call settings for every page, starting at
    /// `cursor` (a page's `next_cursor` kept from an earlier run, to resume it) when it is
    /// `Some`, else where `method` says (its own `cursor`, or the first page).
    pub fn pages_with<'a, M: CursorPaginated>(
        &'a self,
        method: &'a M,
        options: &'a CallOptions,
        cursor: Option<String>,
    ) -> impl Stream<Item = Result<SlackResponse<M::Response>, Error>> + 'a {
        // The cursor the run starts at counts as given, whether passed here or carried by
        // the method: a page that gives it again would be the first page again.
        let first = cursor.clone().or_else(|| own_param(method, "cursor"));
        let start = CursorRun {
            client: self,
            method,
            options,
            seen: first.into_iter().collect(),
            next: Next::Page(cursor),
        };
        futures_util::stream::unfold(start, |mut paging| async move {
            let cursor = match std::mem::replace(&mut paging.next, Next::Done) {
                Next::Done => return None,
                Next::Fail(error) => return Some((Err(error), paging)),
                Next::Page(cursor) => cursor,
            };
            let call = AtPage {
                method: paging.method,
                param: "cursor",
                value: cursor.as_deref(),
            };
            let page = match paging.client.call_with(&call, paging.options).await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), paging)),
            };
            paging.next = match &page.next_cursor {
                None => Next::Done,
                Some(next) if !paging.seen.insert(next.clone()) => {
                    tracing::warn!(method = M::NAME, "Slack repeated a cursor: paging stops");
                    Next::Fail(Error::RepeatedCursor {
                        method: M::NAME,
                        cursor: next.clone(),
                    })
                }
                Some(next) => Next::Page(Some(next.clone())),
            };
            Some((Ok(page), paging))
        })
    }

    /// The items of every page of `method`'s results, in order: [`pages`](Self::pages) with
    /// each page's list ([`PageItems`]) taken apart. An error ends the stream after the items
    /// of the pages before it.
    ///
    /// ```no_run
    /// # use slack_methods_runtime::{Client, CursorPaginated, Error, PageItems};
    /// # async fn demo<M>(client: Client, list: M) -> Result<(), Error>
    /// # where M: CursorPaginated, M::Response: PageItems, <M::Response as PageItems>::Item: std::fmt::Debug {
    /// use futures_util::TryStreamExt;
    /// let everything: Vec<_> = client.items(&list).try_collect().await?;
    /// println!("{} items", everything.len());
    /// # Ok(()) }
    /// ```
    pub fn items<'a, M>(
        &'a self,
        method: &'a M,
    ) -> impl Stream<Item = Result<<M::Response as PageItems>::Item, Error>> + 'a
    where
        M: CursorPaginated,
        M::Response: PageItems,
    {
        use futures_util::StreamExt;
        self.pages(method).flat_map(|page| {
            let items: Vec<Result<_, Error>> = match page {
                Ok(page) => page.data.into_items().into_iter().map(Ok).collect(),
                Err(error) => vec![Err(error)],
            };
            futures_util::stream::iter(items)
        })
    }
}

impl Client {
    /// The pages of a method that pages by number, from the page it asks for (the first when
    /// it names none): each page is one call with the client's settings (limiter, retries,
    /// typed errors), sent with its own `page`. The stream ends after the page whose `paging`
    /// says it is the last (its `page` at least its `pages`), after the page numbered as many
    /// as the `pages` its answer gives, after a page whose `paging` names another `page` than
    /// the one asked for (a page answered again), after a page without `paging`, or after the
    /// first error.
    ///
    /// ```no_run
    /// # use slack_methods_runtime::{Client, Error, NumberPaginated};
    /// # async fn demo<M: NumberPaginated>(client: Client, list: M) -> Result<(), Error> {
    /// use futures_util::TryStreamExt;
    /// let mut pages = std::pin::pin!(client.numbered_pages(&list));
    /// while let Some(page) = pages.try_next().await? {
    ///     if let Some(paging) = M::paging(&page) {
    ///         println!("page {} of {}", paging.page, paging.pages);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn numbered_pages<'a, M: NumberPaginated>(
        &'a self,
        method: &'a M,
    ) -> impl Stream<Item = Result<SlackResponse<M::Response>, Error>> + 'a {
        static DEFAULT: std::sync::OnceLock<CallOptions> = std::sync::OnceLock::new();
        self.numbered_pages_with(method, DEFAULT.get_or_init(CallOptions::new))
    }

    /// Like [`numbered_pages`](Self::numbered_pages), with per-call settings for every page.
    pub fn numbered_pages_with<'a, M: NumberPaginated>(
        &'a self,
        method: &'a M,
        options: &'a CallOptions,
    ) -> impl Stream<Item = Result<SlackResponse<M::Response>, Error>> + 'a {
        // The page the request asks for itself (1 when it names none, or not a number).
        let first: Option<u32> = Some(
            own_param(method, "page")
                .and_then(|page| page.parse().ok())
                .unwrap_or(1),
        );
        futures_util::stream::unfold(first, move |next| async move {
            let page = next?;
            let number = page.to_string();
            let call = AtPage {
                method,
                param: "page",
                value: Some(&number),
            };
            let answer = match self.call_with(&call, options).await {
                Ok(answer) => answer,
                // Nothing follows an error.
                Err(error) => return Some((Err(error), None)),
            };
            // The next page's number comes from the one asked for, not from the answer's, so
            // the numbers only grow; they stop at the answer's count of pages, and at an answer
            // that names another page than the one asked for (a page given again), so a run
            // ends whatever the answers say.
            let next = M::paging(&answer.data)
                .filter(|paging| {
                    let asked = u64::from(page);
                    let named = paging.page == 0 || paging.page == asked;
                    named && paging.page < paging.pages && asked < paging.pages
                })
                .and_then(|_| page.checked_add(1));
            Some((Ok(answer), next))
        })
    }

    /// The items of every page of a method that pages by number, in order:
    /// [`numbered_pages`](Self::numbered_pages) with each page's list ([`PageItems`]) taken
    /// apart. An error ends the stream after the items of the pages before it.
    pub fn numbered_items<'a, M>(
        &'a self,
        method: &'a M,
    ) -> impl Stream<Item = Result<<M::Response as PageItems>::Item, Error>> + 'a
    where
        M: NumberPaginated,
        M::Response: PageItems,
    {
        use futures_util::StreamExt;
        self.numbered_pages(method).flat_map(|page| {
            let items: Vec<Result<_, Error>> = match page {
                Ok(page) => page.data.into_items().into_iter().map(Ok).collect(),
                Err(error) => vec![Err(error)],
            };
            futures_util::stream::iter(items)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct List {
        cursor: Option<&'static str>,
        limit: u32,
    }

    impl SlackMethod for List {
        const NAME: &'static str = "things.list";
        const VERB: HttpVerb = HttpVerb::Get;
        const SCOPES: &'static [&'static str] = &["things:read"];
        const TIER: RateLimitTier = RateLimitTier::Tier2;
        const WRITES: bool = false;
        type Response = serde_json::Value;
        fn validate(&self) -> Result<(), InvalidRequest> {
            if self.limit == 0 {
                return Err(InvalidRequest::new("`limit` is at least 1"));
            }
            Ok(())
        }
        fn encode_form(&self, form: &mut FormEncoder) -> Result<(), EncodeError> {
            form.append("cursor", &self.cursor);
            form.append("limit", &self.limit);
            Ok(())
        }
    }

    fn encoded(method: &List, cursor: Option<&str>) -> Result<String, Error> {
        crate::request::encode_params(&AtPage {
            method,
            param: "cursor",
            value: cursor,
        })
    }

    #[test]
    fn each_page_sends_its_own_cursor_and_nothing_else_changes() {
        let first = List {
            cursor: None,
            limit: 2,
        };
        assert_eq!(encoded(&first, None).unwrap(), "limit=2");
        assert_eq!(
            encoded(&first, Some("dXNlcjpV MEc=")).unwrap(),
            "limit=2&cursor=dXNlcjpV+MEc%3D"
        );
        // A cursor written in the request is where the first page starts; later pages replace it.
        let resumed = List {
            cursor: Some("old"),
            limit: 2,
        };
        assert_eq!(
            encoded(&resumed, Some("new")).unwrap(),
            "limit=2&cursor=new"
        );
        assert_eq!(encoded(&resumed, None).unwrap(), "cursor=old&limit=2");
    }

    #[test]
    fn each_numbered_page_sends_its_own_number() {
        let list = List {
            cursor: None,
            limit: 2,
        };
        let at = |page| {
            crate::request::encode_params(&AtPage {
                method: &list,
                param: "page",
                value: Some(page),
            })
        };
        assert_eq!(at("3").unwrap(), "limit=2&page=3");
        assert_eq!(own_param(&list, "page"), None);
    }

    #[test]
    fn pages_keep_the_method_rules() {
        let invalid = List {
            cursor: None,
            limit: 0,
        };
        assert!(matches!(
            encoded(&invalid, Some("c")),
            Err(Error::InvalidRequest { .. })
        ));
        assert_eq!(<AtPage<'_, List> as SlackMethod>::NAME, "things.list");
        assert_eq!(
            <AtPage<'_, List> as SlackMethod>::TIER,
            RateLimitTier::Tier2
        );
    }
}
