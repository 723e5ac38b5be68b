//! Cursor pagination through the emulator over HTTP: several pages, the end at an empty cursor,
//! a repeated cursor refused, a 429 in the middle, a stream dropped mid-way, and resuming from
//! a cursor. The demo workspace has 26 public channels and the emulator answers 10 a page.

use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;
use slack_methods::methods::{
    ChatDelete, ChatPostMessage, ConversationsHistory, ConversationsList,
    ConversationsListResponse, ConversationsReplies, UsersList,
};
use slack_methods::types::{Conversation, Item, Message, User};
use slack_methods::{
    CallOptions, ChannelId, Client, Error, PageItems, RateLimits, SlackResponse, Token,
};
use slack_methods_emulator::{demo, ChannelSpec, Emulator, Fault, UserSpec};
use std::pin::pin;
use std::time::Duration;

const LIST: &str = "conversations.list";
/// The demo's public channels: #general, #random and the projects.
const PUBLIC: usize = 2 + demo::PROJECTS;

async fn emulator() -> Emulator {
    Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap()
}

fn client(emu: &Emulator) -> Client {
    Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new(demo::BOT_TOKEN).unwrap())
        .rate_limits(RateLimits::off())
        .build()
        .unwrap()
}

/// The `cursor` each `conversations.list` request sent.
fn cursors_sent(emu: &Emulator) -> Vec<Option<String>> {
    emu.requests_for(LIST)
        .iter()
        .map(|r| r.param("cursor").map(str::to_owned))
        .collect()
}

fn ids(pages: &[SlackResponse<ConversationsListResponse>]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|page| page.channels.iter().map(|c| c.id.as_str().to_owned()))
        .collect()
}

#[tokio::test]
async fn several_pages_end_at_the_empty_cursor() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    let pages: Vec<_> = client.pages(&list).try_collect().await.unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.channels.len()).collect();
    assert_eq!(sizes, [10, 10, PUBLIC - 20]);
    let next: Vec<Option<&str>> = pages.iter().map(|p| p.next_cursor.as_deref()).collect();
    assert!(next[0].is_some() && next[1].is_some() && next[0] != next[1]);
    assert_eq!(next[2], None);
    // Each page asked for the cursor the one before gave, and nothing followed the last.
    assert_eq!(
        cursors_sent(&emu),
        [None, next[0].map(str::to_owned), next[1].map(str::to_owned)]
    );
    // Every channel once, in order.
    let all = ids(&pages);
    let mut sorted = all.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(all, sorted);
    assert_eq!(all.len(), PUBLIC);

    // `items` crosses the same pages.
    emu.clear_requests();
    let items: Vec<Item<Conversation>> = client.items(&list).try_collect().await.unwrap();
    assert_eq!(items.len(), PUBLIC);
    assert_eq!(emu.requests_for(LIST).len(), 3);
}

#[tokio::test]
async fn an_empty_or_missing_cursor_is_the_last_page() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    for answer in [
        json!({"channels": [], "response_metadata": {"next_cursor": ""}}),
        json!({"channels": [{"id": "C0ONLY0001", "name": "only"}]}),
    ] {
        emu.clear_requests();
        emu.stub_method(LIST, answer);
        let pages: Vec<_> = client.pages(&list).try_collect().await.unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].next_cursor, None);
        assert_eq!(emu.requests_for(LIST).len(), 1);
    }
}

/// A `next_cursor` of whitespace alone names no page: paging ends there, as at an empty one,
/// instead of sending it back (Slack would answer `invalid_cursor`, or the first page again).
#[tokio::test]
async fn a_blank_cursor_is_the_last_page() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    for blank in [" ", "\n", " \t "] {
        emu.clear_requests();
        emu.stub_method(
            LIST,
            json!({"channels": [{"id": "C0ONLY0001", "name": "only"}], "response_metadata": {"next_cursor": blank}}),
        );
        let results: Vec<Result<_, Error>> = client.pages(&list).collect().await;
        assert_eq!(results.len(), 1, "{blank:?}: {results:?}");
        let page = results[0].as_ref().unwrap();
        assert_eq!(page.next_cursor, None, "{blank:?}");
        assert_eq!(ids(std::slice::from_ref(page)), ["C0ONLY0001"]);
        assert_eq!(cursors_sent(&emu), [None], "{blank:?}");
    }
}

/// `admin.conversations.search`, bound in user code: Slack answers its cursor as a top-level
/// `next_cursor`, not inside `response_metadata`.
#[slack_methods::slack_method("admin.conversations.search", response = serde_json::Value)]
struct AdminConversationsSearch {
    query: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// A cursor Slack puts beside `response_metadata` is followed too, so paging does not stop
/// silently after the first page of `admin.conversations.search`.
#[tokio::test]
async fn a_top_level_next_cursor_is_followed() {
    const SEARCH: &str = "admin.conversations.search";
    let emu = emulator().await;
    let client = client(&emu);
    let search = AdminConversationsSearch {
        query: Some("project".into()),
        cursor: None,
        limit: Some(1),
    };
    let mut pages = pin!(client.pages(&search));
    emu.stub_method(
        SEARCH,
        json!({"conversations": [{"id": "C0FIRST001"}], "next_cursor": "dGVhbTpDMEZJUlNUMDAx"}),
    );
    let first = pages.try_next().await.unwrap().unwrap();
    assert_eq!(first.next_cursor.as_deref(), Some("dGVhbTpDMEZJUlNUMDAx"));
    // The last page: an empty cursor at the top level, and an empty one in the metadata.
    emu.stub_method(
        SEARCH,
        json!({"conversations": [{"id": "C0SECOND01"}], "next_cursor": "", "response_metadata": {"next_cursor": ""}}),
    );
    let second = pages.try_next().await.unwrap().unwrap();
    assert_eq!(second.data["conversations"][0]["id"], "C0SECOND01");
    assert_eq!(second.next_cursor, None);
    assert!(pages.try_next().await.unwrap().is_none());
    let sent: Vec<Option<String>> = emu
        .requests_for(SEARCH)
        .iter()
        .map(|r| r.param("cursor").map(str::to_owned))
        .collect();
    assert_eq!(sent, [None, Some("dGVhbTpDMEZJUlNUMDAx".to_owned())]);

    // Where both say, `response_metadata` is the one followed.
    emu.clear_requests();
    emu.stub_method(
        LIST,
        json!({"channels": [], "next_cursor": "dG9w", "response_metadata": {"next_cursor": "bWV0YQ=="}}),
    );
    let page = client.call(&ConversationsList::new()).await.unwrap();
    assert_eq!(page.next_cursor.as_deref(), Some("bWV0YQ=="));
}

#[tokio::test]
async fn a_repeated_cursor_is_refused() {
    let emu = emulator().await;
    let client = client(&emu);
    // A server that answers the same next cursor every time would be paged forever.
    emu.stub_method(
        LIST,
        json!({"channels": [{"id": "C0LOOP0001", "name": "loop"}], "response_metadata": {"next_cursor": "c2FtZQ=="}}),
    );
    let list = ConversationsList::new();
    let results: Vec<Result<_, Error>> = client.pages(&list).collect().await;
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    match &results[2] {
        Err(err @ Error::RepeatedCursor { method, cursor }) => {
            assert_eq!(*method, LIST);
            assert_eq!(cursor, "c2FtZQ==");
            assert_eq!(
                err.to_string(),
                "conversations.list: Slack gave the cursor `c2FtZQ==` a second time; paging stopped there"
            );
        }
        other => panic!("{other:?}"),
    }
    // The first page and the one its cursor led to; the repeat was not followed.
    assert_eq!(cursors_sent(&emu), [None, Some("c2FtZQ==".to_owned())]);
}

#[tokio::test]
async fn a_429_in_the_middle_of_paging_is_waited_out() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    let mut pages = pin!(client.pages(&list));
    let first = pages.try_next().await.unwrap().unwrap();
    // The second page's first attempt is refused with `Retry-After: 1`.
    emu.inject(LIST, Fault::rate_limited(1), 1);
    let rest: Vec<_> = pages.try_collect().await.unwrap();
    assert_eq!(rest.len(), 2);
    let mut all = vec![first];
    all.extend(rest);
    assert_eq!(ids(&all).len(), PUBLIC);

    let log = emu.requests_for(LIST);
    assert_eq!(log.len(), 4);
    assert_eq!(log[1].fault, Some(Fault::rate_limited(1)));
    assert_eq!(log[2].fault, None);
    // The retry asked for the same page, after the wait Slack ordered.
    assert_eq!(log[1].param("cursor"), log[2].param("cursor"));
    assert_eq!(log[1].param("cursor"), all[0].next_cursor.as_deref());
    assert!(log[2].received - log[1].received >= Duration::from_secs(1));
    assert_eq!(emu.rate_limited_responses(), 1);
}

#[tokio::test]
async fn a_dropped_stream_sends_nothing_more() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    {
        let mut pages = pin!(client.pages(&list));
        let first = pages.try_next().await.unwrap().unwrap();
        assert!(first.next_cursor.is_some());
    }
    assert_eq!(emu.requests_for(LIST).len(), 1);

    // Items: twelve of them cross into the second page; then the stream is dropped.
    emu.clear_requests();
    let twelve: Vec<_> = client.items(&list).take(12).collect().await;
    assert_eq!(twelve.len(), 12);
    assert_eq!(emu.requests_for(LIST).len(), 2);

    // Dropped while the second page is on its way: that request was sent, no other is.
    emu.clear_requests();
    {
        let mut pages = pin!(client.pages(&list));
        pages.try_next().await.unwrap().unwrap();
        emu.inject(LIST, Fault::delay(Duration::from_secs(30)), 1);
        let waited = tokio::time::timeout(Duration::from_millis(300), pages.try_next()).await;
        assert!(waited.is_err(), "the second page was held back");
    }
    // Time for anything still running to have sent more; nothing does.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let log = emu.requests_for(LIST);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(matches!(log[1].fault, Some(Fault::Delay { .. })));
}

/// A run resumed from the cursor written in the method counts that cursor as given: a page that
/// gives it again is refused, not asked for (and its items yielded) a second time.
#[tokio::test]
async fn a_resumed_run_refuses_its_own_cursor_again() {
    let emu = emulator().await;
    let client = client(&emu);
    emu.stub_method(
        LIST,
        json!({"channels": [{"id": "C0LOOP0001", "name": "loop"}], "response_metadata": {"next_cursor": "YWJj"}}),
    );
    let resumed = ConversationsList::new().cursor("YWJj");
    let results: Vec<Result<_, Error>> = client.pages(&resumed).collect().await;
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0].is_ok());
    assert!(matches!(&results[1], Err(Error::RepeatedCursor { cursor, .. }) if cursor == "YWJj"));
    assert_eq!(cursors_sent(&emu), [Some("YWJj".to_owned())]);
}

/// A page whose `response_metadata` has an odd shape keeps its items.
#[tokio::test]
async fn an_odd_response_metadata_costs_no_page() {
    let emu = emulator().await;
    let client = client(&emu);
    for metadata in [
        json!([]),
        json!("none"),
        json!({"next_cursor": {}}),
        json!({"warnings": "w1"}),
        json!({"messages": {"x": 1}}),
        json!({"warnings": ["w1", null]}),
    ] {
        emu.stub_method(
            LIST,
            json!({"channels": [{"id": "C0ODD00001", "name": "odd"}], "response_metadata": metadata}),
        );
        let pages: Vec<_> = client
            .pages(&ConversationsList::new())
            .try_collect()
            .await
            .unwrap_or_else(|err| panic!("{metadata}: {err}"));
        assert_eq!(ids(&pages), ["C0ODD00001"], "{metadata}");
    }
}

#[tokio::test]
async fn paging_resumes_from_a_cursor() {
    let emu = emulator().await;
    let client = client(&emu);
    let list = ConversationsList::new();
    let first = client.call(&list).await.unwrap();
    let cursor = first.next_cursor.clone().unwrap();

    // From a cursor kept from an earlier run...
    emu.clear_requests();
    let options = CallOptions::new();
    let rest: Vec<_> = client
        .pages_with(&list, &options, Some(cursor.clone()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rest.len(), 2);
    assert_eq!(cursors_sent(&emu)[0].as_deref(), Some(cursor.as_str()));
    let mut all = vec![first];
    all.extend(rest);
    assert_eq!(ids(&all).len(), PUBLIC);

    // ... or from the cursor written in the request.
    let resumed = ConversationsList::new().cursor(cursor);
    let items: Vec<Item<Conversation>> = client.items(&resumed).try_collect().await.unwrap();
    assert_eq!(items.len(), PUBLIC - 10);

    // A cursor the server never gave is its error, which ends the stream.
    let bogus = ConversationsList::new().cursor("bm90IG1pbmU=");
    let results: Vec<_> = client.pages(&bogus).collect().await;
    assert_eq!(results.len(), 1);
    let err = results.into_iter().next().unwrap().unwrap_err();
    assert_eq!(err.code().map(|c| c.as_str()), Some("invalid_cursor"));
}

/// The texts of messages, in the order given.
fn texts(items: &[Item<Message>]) -> Vec<String> {
    items
        .iter()
        .map(|item| item.parsed().map_or_else(String::new, |m| m.text.clone()))
        .collect()
}

/// As Slack's, the emulator's message cursors name where the next page starts, not an offset: a
/// message posted or deleted between two pages neither repeats a message nor skips one.
#[tokio::test]
async fn messages_changed_between_pages_are_neither_repeated_nor_skipped() {
    let emu = emulator().await;
    let client = client(&emu);
    let general = ChannelId::new(demo::GENERAL).unwrap();
    let mut posted = Vec::new();
    for i in 0..12 {
        let sent = ChatPostMessage::new(general.clone(), format!("m{i}"));
        posted.push(client.call(&sent).await.unwrap().ts.clone());
    }
    let history = ConversationsHistory::new(general.clone()).limit(5);
    let mut items = pin!(client.items(&history));
    let mut seen = Vec::new();
    for _ in 0..5 {
        seen.push(items.try_next().await.unwrap().unwrap());
    }
    // Newest first: a message posted now belongs before the first page, not in the next one.
    client
        .call(&ChatPostMessage::new(general.clone(), "late"))
        .await
        .unwrap();
    seen.extend(items.try_collect::<Vec<_>>().await.unwrap());
    let expected: Vec<String> = (0..12).rev().map(|i| format!("m{i}")).collect();
    assert_eq!(texts(&seen), expected);

    // A thread read oldest first, with a message of the first page deleted before the second.
    let parent = posted[0].clone();
    for i in 0..8 {
        let reply =
            ChatPostMessage::new(general.clone(), format!("r{i}")).in_thread(parent.clone());
        client.call(&reply).await.unwrap();
    }
    let thread = ConversationsReplies::new(general.clone(), parent).limit(4);
    let mut pages = pin!(client.pages(&thread));
    let first = pages.try_next().await.unwrap().unwrap();
    let first_items = first.data.into_items();
    assert_eq!(texts(&first_items), ["m0", "r0", "r1", "r2"]);
    let reply_ts = first_items[1].parsed().unwrap().ts.clone();
    client
        .call(&ChatDelete::new(general.clone(), reply_ts))
        .await
        .unwrap();
    let rest: Vec<Item<Message>> = pages
        .map_ok(|page| page.data.into_items())
        .try_concat()
        .await
        .unwrap();
    assert_eq!(texts(&rest), ["r3", "r4", "r5", "r6", "r7"]);
}

/// The emulator's list cursors name the item the next page starts at too: a channel or user
/// added between two pages, in id order before the cursor, repeats nothing and skips nothing.
#[tokio::test]
async fn channels_and_users_added_between_pages_are_neither_repeated_nor_skipped() {
    let emu = emulator().await;
    let client = client(&emu);
    let before: Vec<String> = client
        .items(&ConversationsList::new())
        .map_ok(|item| item.parsed().map(|c| c.id.to_string()).unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    let list = ConversationsList::new();
    let mut channels = pin!(client.items(&list));
    let mut seen = Vec::new();
    for _ in 0..10 {
        let channel: Item<Conversation> = channels.try_next().await.unwrap().unwrap();
        seen.push(channel.parsed().unwrap().id.to_string());
    }
    emu.add_channel(ChannelSpec::new("C0000000A1", "aaa-first"));
    while let Some(channel) = channels.try_next().await.unwrap() {
        seen.push(channel.parsed().unwrap().id.to_string());
    }
    assert_eq!(seen, before);

    let users = UsersList::new().limit(2);
    let mut members = pin!(client.items(&users));
    let mut seen = Vec::new();
    for _ in 0..2 {
        let user: Item<User> = members.try_next().await.unwrap().unwrap();
        seen.push(user.parsed().unwrap().id.to_string());
    }
    emu.add_user(UserSpec::new("U0000000A1", "first-by-id"));
    while let Some(user) = members.try_next().await.unwrap() {
        seen.push(user.parsed().unwrap().id.to_string());
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen, sorted, "each user once, in id order");
    assert_eq!(
        seen.len(),
        4,
        "the demo's four users, the one added before the cursor not among them"
    );
}

/// Every paged binding takes a kept cursor in its builder, as `ConversationsList` does, and the
/// thread reader the same range as the history reader.
#[test]
fn every_paged_builder_resumes_from_a_cursor() {
    use slack_methods::methods::{
        ChatScheduledMessagesList, ConversationsMembers, FilesInfo, ReactionsList,
        UsersConversations,
    };
    use slack_methods::types::Timestamp;
    use slack_methods::{encode_params, FileId, SlackMethod};

    fn sent<M: SlackMethod>(method: &M) -> String {
        encode_params(method).unwrap()
    }
    let channel = ChannelId::new("C0123ABCD").unwrap();
    let ts = |text: &str| Timestamp::new(text);
    let cursor = "dXNlcjpVMEc5V0ZYTlo=";
    let expected = "cursor=dXNlcjpVMEc5V0ZYTlo%3D";
    for form in [
        sent(&ConversationsList::new().cursor(cursor)),
        sent(&ConversationsMembers::of(channel.clone()).cursor(cursor)),
        sent(&ConversationsHistory::new(channel.clone()).cursor(cursor)),
        sent(&ConversationsReplies::new(channel.clone(), ts("1.000100")).cursor(cursor)),
        sent(&UsersList::new().cursor(cursor)),
        sent(&UsersConversations::new().cursor(cursor)),
        sent(&ReactionsList::new().cursor(cursor)),
        sent(&ChatScheduledMessagesList::new().cursor(cursor)),
        sent(
            &FilesInfo::of(FileId::new("F0123ABCD").unwrap())
                .limit(5)
                .cursor(cursor),
        ),
    ] {
        assert!(form.contains(expected), "{form}");
    }
    let thread = ConversationsReplies::new(channel, ts("1.000100"))
        .oldest(ts("2.000000"))
        .latest(ts("3.000000"))
        .inclusive();
    assert_eq!(
        sent(&thread),
        "channel=C0123ABCD&ts=1.000100&oldest=2.000000&latest=3.000000&inclusive=true"
    );
}
