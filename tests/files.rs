//! `files.list` and `files.delete` against the emulator over HTTP: what each user sees, the
//! filters, numbered pages, who may delete, and the errors Slack documents.

mod common;

use common::{api_code, demo_emulator as emulator, unpaced_client as client};
use futures_util::TryStreamExt;
use slack_methods::methods::{FileTypeFilter, FilesDelete, FilesInfo, FilesList};
use slack_methods::types::Timestamp;
use slack_methods::upload::{FileUpload, UploadFile};
use slack_methods::{slack_method, ChannelId, Client, Error, FileId, UserId};
use slack_methods_emulator::{demo, Fault};

/// `files.list` with `types` as plain text, to send a kind the typed binding cannot.
#[slack_method("files.list", response = slack_methods::methods::FilesListResponse)]
struct OwnFilesList {
    types: Option<Vec<String>>,
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// Uploads `name` as the client's user, shared in `share_in` when given: the file id.
async fn upload(client: &Client, name: &str, share_in: Option<&str>) -> FileId {
    let mut file = FileUpload::bytes(name, format!("the bytes of {name}"));
    if let Some(id) = share_in {
        file = file.share_in(channel(id));
    }
    let done = client.upload_file(file).await.unwrap();
    done.file().unwrap().id.clone()
}

/// The ids of one page, in order.
async fn listed(client: &Client, list: &FilesList) -> Vec<FileId> {
    let page = client.call(list).await.unwrap();
    page.files.iter().map(|file| file.id.clone()).collect()
}

#[tokio::test]
async fn each_user_lists_the_files_they_can_see_newest_first() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let shared = upload(&bot, "shared.txt", Some(demo::GENERAL)).await;
    let private = upload(&bot, "private.txt", None).await;
    let leads = upload(&bot, "leads.png", Some(demo::LEADS)).await;
    let own = upload(&ada, "ada.pdf", None).await;

    // The bot sees its three; newest first (ids break ties within one second).
    assert_eq!(
        listed(&bot, &FilesList::new()).await,
        [leads.clone(), private.clone(), shared.clone()]
    );
    // Ada sees her own, and the bot's shared in channels she is in; not the bot's private one.
    assert_eq!(
        listed(&ada, &FilesList::new()).await,
        [own.clone(), leads.clone(), shared.clone()]
    );
    // Grace is not in #leads: a user without access sees only #general's file.
    emu.add_token("xoxp-grace", demo::GRACE, &["files:read"]);
    let grace = client(&emu, "xoxp-grace");
    assert_eq!(
        listed(&grace, &FilesList::new()).await,
        std::slice::from_ref(&shared)
    );

    let page = bot.call(&FilesList::new()).await.unwrap();
    let paging = page.paging.as_ref().unwrap();
    assert_eq!(
        (paging.count, paging.total, paging.page, paging.pages),
        (100, 3, 1, 1)
    );
    assert_eq!(page.files.iter().next().unwrap().name, "leads.png");
}

#[tokio::test]
async fn filters_keep_to_a_user_a_channel_a_kind_and_a_time() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let text = upload(&bot, "notes.txt", Some(demo::GENERAL)).await;
    let image = upload(&bot, "chart.png", Some(demo::LEADS)).await;
    let pdf = upload(&ada, "report.pdf", Some(demo::GENERAL)).await;

    let by_bot = FilesList::new().user(UserId::new(demo::BOT).unwrap());
    assert_eq!(listed(&ada, &by_bot).await, [image.clone(), text.clone()]);
    let in_general = FilesList::new().channel(channel(demo::GENERAL));
    assert_eq!(listed(&ada, &in_general).await, [pdf.clone(), text.clone()]);
    let images = FilesList::new().types([FileTypeFilter::Images]);
    assert_eq!(listed(&ada, &images).await, std::slice::from_ref(&image));
    let images_or_pdfs = FilesList::new().types([FileTypeFilter::Images, FileTypeFilter::Pdfs]);
    assert_eq!(
        listed(&ada, &images_or_pdfs).await,
        [pdf.clone(), image.clone()]
    );
    let all = FilesList::new().types([FileTypeFilter::All]);
    assert_eq!(listed(&ada, &all).await.len(), 3);

    // Times are inclusive at both ends; a range before the uploads keeps none of them.
    let created = bot
        .call(&FilesInfo::of(text.clone()))
        .await
        .unwrap()
        .into_data()
        .file
        .created;
    let at = Timestamp::new(created.to_string());
    let from_then = FilesList::new().created_between(Some(at.clone()), None);
    assert_eq!(listed(&ada, &from_then).await.len(), 3);
    let until_then = FilesList::new().created_between(None, Some(at));
    assert!(listed(&ada, &until_then).await.contains(&text));
    let long_ago = FilesList::new().created_between(None, Some(Timestamp::new("1000")));
    assert!(listed(&ada, &long_ago).await.is_empty());
}

#[tokio::test]
async fn numbered_pages_cover_every_file_once_and_stop_at_the_last() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut uploaded = Vec::new();
    for n in 0..5 {
        uploaded.push(upload(&bot, &format!("f{n}.txt"), None).await);
    }
    uploaded.reverse();
    emu.clear_requests();

    let list = FilesList::new().count(2);
    let pages: Vec<_> = bot.numbered_pages(&list).try_collect().await.unwrap();
    let numbers: Vec<(u64, u64)> = pages
        .iter()
        .map(|page| {
            let paging = page.paging.as_ref().unwrap();
            (paging.page, paging.pages)
        })
        .collect();
    assert_eq!(numbers, [(1, 3), (2, 3), (3, 3)]);
    // One call a page, each with its own number, and nothing after the last.
    let sent: Vec<Option<String>> = emu
        .requests_for("files.list")
        .iter()
        .map(|r| r.param("page").map(str::to_owned))
        .collect();
    assert_eq!(sent, [Some("1".into()), Some("2".into()), Some("3".into())]);

    let items: Vec<FileId> = bot
        .numbered_items(&list)
        .map_ok(|file| file.parsed().unwrap().id.clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items, uploaded);

    // A request that names a page starts there.
    let from_two: Vec<FileId> = bot
        .numbered_items(&list.clone().page(2))
        .map_ok(|file| file.parsed().unwrap().id.clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(from_two, uploaded[2..]);
    // A page past the last is empty, not an error, and the run ends there.
    emu.clear_requests();
    let past: Vec<_> = bot
        .numbered_pages(&list.clone().page(4))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(past.len(), 1);
    assert!(past[0].files.is_empty());
    assert_eq!(emu.requests_for("files.list").len(), 1);
}

/// The `page` of each `files.list` request sent, in order.
fn pages_sent(emu: &slack_methods_emulator::Emulator) -> Vec<String> {
    emu.requests_for("files.list")
        .iter()
        .map(|r| r.param("page").unwrap_or("").to_owned())
        .collect()
}

/// What `run` gives, failing the test if it does not end within a few seconds.
async fn ended<T>(run: impl std::future::Future<Output = Result<T, Error>>) -> T {
    tokio::time::timeout(std::time::Duration::from_secs(5), run)
        .await
        .expect("the paging run ends")
        .unwrap()
}

#[tokio::test]
async fn numbered_paging_ends_when_the_answers_do_not_follow_the_pages_asked_for() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let files = serde_json::json!([{ "id": "F0000000001" }]);
    // A server that answers page 1 of 5 whatever page is asked for: the second answer repeats
    // the first page, and the run ends there instead of asking on and on.
    emu.stub_method(
        "files.list",
        serde_json::json!({ "ok": true, "files": files, "paging": { "page": 1, "pages": 5 } }),
    );
    let pages = ended(
        bot.numbered_pages(&FilesList::new())
            .try_collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages_sent(&emu), ["1", "2"]);

    // A `paging` without `page`: the run still ends at the count of pages it gives.
    emu.clear_requests();
    emu.stub_method(
        "files.list",
        serde_json::json!({ "ok": true, "files": files, "paging": { "pages": 3 } }),
    );
    let pages = ended(
        bot.numbered_pages(&FilesList::new())
            .try_collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(pages.len(), 3);
    assert_eq!(pages_sent(&emu), ["1", "2", "3"]);
}

#[tokio::test]
async fn an_error_mid_way_ends_numbered_paging_after_the_items_before_it() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for n in 0..3 {
        upload(&bot, &format!("f{n}.txt"), None).await;
    }
    let list = FilesList::new().count(1);
    let mut items = std::pin::pin!(bot.numbered_items(&list));
    assert!(items.try_next().await.unwrap().is_some());
    emu.inject("files.list", Fault::slack_error("invalid_arguments"), 1);
    let failed = items.try_next().await.unwrap_err();
    assert_eq!(
        failed.code().map(|code| code.as_str()),
        Some("invalid_arguments")
    );
    assert!(items.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn listing_refuses_page_zero_and_answers_slack_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    for list in [FilesList::new().page(0), FilesList::new().count(0)] {
        let refused = bot.call(&list).await.unwrap_err();
        assert!(
            matches!(refused, Error::InvalidRequest { .. }),
            "{refused:?}"
        );
    }
    // No kinds at all would go out as no `types`, which lists every kind.
    let no_kinds = FilesList::new().types([]);
    match bot.call(&no_kinds).await {
        Err(Error::InvalidRequest { reason, .. }) => assert_eq!(
            reason,
            "`types` is empty, which Slack reads as no filter; give at least one kind of file, or leave the filter out to list them all",
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(emu.requests_for("files.list").is_empty());

    let nobody = FilesList::new().user(UserId::new("U0NOBODY01").unwrap());
    assert_eq!(api_code(bot.call(&nobody).await), "user_not_found");
    // A kind Slack does not name, which only a binding of one's own can send.
    let unknown_kind = OwnFilesList {
        types: Some(vec!["images".into(), "holograms".into()]),
    };
    assert_eq!(api_code(bot.call(&unknown_kind).await), "unknown_type");
}

#[tokio::test]
async fn the_uploader_or_an_admin_deletes_a_file_and_it_is_gone() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    emu.add_token("xoxp-grace", demo::GRACE, &["files:read", "files:write"]);
    let grace = client(&emu, "xoxp-grace");
    let bots = upload(&bot, "bot.txt", Some(demo::GENERAL)).await;
    let adas = upload(&ada, "ada.txt", Some(demo::GENERAL)).await;
    let graces = upload(&grace, "grace.txt", Some(demo::GENERAL)).await;

    // Grace, a member, may not delete the bot's file; nor may the bot delete Ada's.
    assert_eq!(
        api_code(grace.call(&FilesDelete::of(bots.clone())).await),
        "cant_delete_file"
    );
    assert_eq!(
        api_code(bot.call(&FilesDelete::of(adas.clone())).await),
        "cant_delete_file"
    );
    // The uploader may; Ada, an admin with a user token, may delete Grace's.
    bot.call(&FilesDelete::of(bots.clone())).await.unwrap();
    ada.call(&FilesDelete::of(graces.clone())).await.unwrap();
    assert_eq!(emu.applied_writes("files.delete"), 2);

    assert_eq!(
        listed(&ada, &FilesList::new()).await,
        std::slice::from_ref(&adas)
    );
    assert_eq!(
        api_code(bot.call(&FilesInfo::of(bots.clone())).await),
        "file_deleted"
    );
    assert_eq!(
        api_code(bot.call(&FilesDelete::of(bots)).await),
        "file_deleted"
    );
    assert_eq!(
        api_code(
            bot.call(&FilesDelete::of(FileId::new("F0NOTHING1").unwrap()))
                .await
        ),
        "file_not_found"
    );
    // A file Grace cannot see is not found for her, whoever could delete it.
    let private = upload(&ada, "private.txt", None).await;
    assert_eq!(
        api_code(grace.call(&FilesDelete::of(private)).await),
        "file_not_found"
    );
}

#[tokio::test]
async fn listing_needs_files_read_and_deleting_files_write() {
    let emu = emulator().await;
    emu.add_token("xoxb-chat-only", demo::BOT, &["chat:write"]);
    let narrow = client(&emu, "xoxb-chat-only");
    assert_eq!(
        api_code(narrow.call(&FilesList::new()).await),
        "missing_scope"
    );
    let delete = FilesDelete::of(FileId::new("F0NOTHING1").unwrap());
    assert_eq!(api_code(narrow.call(&delete).await), "missing_scope");
}
