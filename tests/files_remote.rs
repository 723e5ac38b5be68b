//! The `files.remote.*` bindings against the emulator, over real HTTP: a file an app keeps in
//! its own storage added, read by either id, shared in channels, listed across cursor pages,
//! updated and removed; both ids or neither refused before sending; Slack's errors typed.

mod common;

use common::{api_code as code, refused, unpaced_client as client};
use futures_util::TryStreamExt;
use slack_methods::methods::{
    FilesInfo, FilesRemoteAdd, FilesRemoteInfo, FilesRemoteList, FilesRemoteRemove,
    FilesRemoteShare, FilesRemoteUpdate, RemoteFileRef,
};
use slack_methods::types::{File, FileMode};
use slack_methods::{ChannelId, Client, FileId, FormFile, SlackMethod};
use slack_methods_emulator::{demo, Emulator};

/// A user token of Grace's with the remote files' scopes.
const GRACE_TOKEN: &str = "xoxp-grace-remote";
/// A bot token that may read remote files but not add them.
const READ_ONLY_BOT: &str = "xoxb-remote-read-only";

async fn emulator() -> Emulator {
    let emu = common::demo_emulator().await;
    emu.add_token(
        GRACE_TOKEN,
        demo::GRACE,
        &[
            "remote_files:read",
            "remote_files:write",
            "remote_files:share",
        ],
    );
    emu.add_token(READ_ONLY_BOT, demo::BOT, &["remote_files:read"]);
    emu
}

fn channel(id: &str) -> ChannelId {
    ChannelId::new(id).unwrap()
}

/// Adds `external_id` with the bot: the file Slack answered.
async fn add(bot: &Client, external_id: &str, title: &str) -> File {
    let url = format!("https://designs.example/{external_id}");
    bot.call(&FilesRemoteAdd::new(external_id, url, title))
        .await
        .unwrap()
        .file
        .clone()
}

/// `files.remote.info` with the ids as they are, unchecked: for what the emulator answers to
/// both or neither, which the typed binding refuses to send.
#[slack_methods::slack_method("files.remote.info")]
struct RawInfo {
    file: Option<String>,
    external_id: Option<String>,
}

/// `files.remote.update` and `.remove` likewise.
#[slack_methods::slack_method("files.remote.update")]
struct RawUpdate {
    file: Option<String>,
    external_id: Option<String>,
    title: Option<String>,
}

#[slack_methods::slack_method("files.remote.remove")]
struct RawRemove {
    file: Option<String>,
    external_id: Option<String>,
}

/// `files.remote.share` likewise.
#[slack_methods::slack_method("files.remote.share")]
struct RawShare {
    channels: String,
    file: Option<String>,
    external_id: Option<String>,
}

#[tokio::test]
async fn an_added_file_reads_back_by_either_id() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let add = FilesRemoteAdd::new("design-42", "https://designs.example/42", "Onboarding flow")
        .filetype("pdf")
        .indexable_contents("signup welcome screens");
    let file = bot.call(&add).await.unwrap().file.clone();
    assert!(file.id.as_str().starts_with('F'), "{}", file.id);
    assert_eq!(file.title, "Onboarding flow");
    assert_eq!(file.mode, Some(FileMode::External));
    assert!(file.is_external);
    assert_eq!(file.size, 0);
    assert_eq!(file.filetype, "pdf");
    assert_eq!(file.external_id.as_deref(), Some("design-42"));
    assert_eq!(
        file.external_url.as_deref(),
        Some("https://designs.example/42")
    );
    assert_eq!(
        file.url_private.as_deref(),
        Some("https://designs.example/42")
    );
    assert_eq!(file.user.as_ref().map(|u| u.as_str()), Some(demo::BOT));
    assert!(file.channels.is_empty(), "adding does not share");

    // A POST form, without a preview image.
    let sent = emu.requests_for(FilesRemoteAdd::NAME);
    let last = sent.last().unwrap();
    assert_eq!(last.verb, "POST");
    assert_eq!(
        last.param("indexable_file_contents"),
        Some("signup welcome screens")
    );
    assert_eq!(last.param("preview_image"), None);

    let by_id = bot
        .call(&FilesRemoteInfo::of(file.id.clone()))
        .await
        .unwrap();
    assert_eq!(by_id.file, file);
    let by_external = bot
        .call(&FilesRemoteInfo::of(RemoteFileRef::external("design-42")))
        .await
        .unwrap();
    assert_eq!(by_external.file, file);
    // A user of the workspace reads it too: remote files are the workspace's.
    let ada = client(&emu, demo::USER_TOKEN);
    let read = ada
        .call(&FilesRemoteInfo::of(file.id.clone()))
        .await
        .unwrap();
    assert_eq!(read.file.id, file.id);
    // It lives beside the uploads: files.info shows it to the bot that added it.
    let info = bot.call(&FilesInfo::of(file.id.clone())).await.unwrap();
    assert_eq!(info.file, file);
}

#[tokio::test]
async fn a_preview_image_goes_as_a_file_part_and_gives_the_file_thumbnails() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // Bytes a lossy text conversion would change.
    let image = vec![0x89, b'P', b'N', b'G', 0xff, 0x00, 0xfe];
    let preview = FormFile::new("cover.png", image.clone()).with_content_type("image/png");
    let added = bot
        .call(
            &FilesRemoteAdd::new("design-7", "https://designs.example/7", "Cover")
                .preview_image(preview.clone()),
        )
        .await
        .unwrap()
        .file
        .clone();
    let request = emu.requests_for(FilesRemoteAdd::NAME).pop().unwrap();
    assert!(
        request
            .header("content-type")
            .is_some_and(|value| value.starts_with("multipart/form-data; boundary=")),
        "{:?}",
        request.header("content-type")
    );
    let mut part =
        b"name=\"preview_image\"; filename=\"cover.png\"\r\nContent-Type: image/png\r\n\r\n"
            .to_vec();
    part.extend_from_slice(&image);
    assert!(
        request
            .body
            .windows(part.len())
            .any(|window| window == part),
        "{}",
        String::from_utf8_lossy(&request.body)
    );
    let first = added.thumb_64.clone().expect("a preview gives thumbnails");
    assert!(added.thumb_480.is_some());

    // Without one, the call is a plain form and the file keeps no thumbnail.
    let plain = add(&bot, "design-8", "No cover").await;
    assert_eq!(plain.thumb_64, None);
    let request = emu.requests_for(FilesRemoteAdd::NAME).pop().unwrap();
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );

    // A new image on update changes the thumbnails.
    let other = FormFile::new("cover2.png", vec![1u8, 2, 3]);
    let updated = bot
        .call(&FilesRemoteUpdate::of(RemoteFileRef::external("design-7")).preview_image(other))
        .await
        .unwrap()
        .file
        .clone();
    assert!(updated.thumb_64.is_some_and(|url| url != first));

    // It is no tool parameter: an agent's JSON carries no file's bytes.
    use slack_methods::SlackTool;
    for params in [FilesRemoteAdd::PARAMS, FilesRemoteUpdate::PARAMS] {
        assert!(params.iter().all(|param| param.name != "preview_image"));
        assert!(params.iter().any(|param| param.name == "title"));
    }
}

#[tokio::test]
async fn adding_an_external_id_again_updates_that_file() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let first = add(&bot, "doc-7", "Draft").await;
    let again = bot
        .call(&FilesRemoteAdd::new(
            "doc-7",
            "https://docs.example/7/v2",
            "Final",
        ))
        .await
        .unwrap()
        .file
        .clone();
    assert_eq!(again.id, first.id);
    assert_eq!(again.title, "Final");
    assert_eq!(
        again.external_url.as_deref(),
        Some("https://docs.example/7/v2")
    );
    let listed = bot.call(&FilesRemoteList::new()).await.unwrap();
    assert_eq!(listed.files.len(), 1);
}

#[tokio::test]
async fn sharing_posts_the_file_in_each_channel() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let file = add(&bot, "design-1", "Logo").await;
    // Not shared yet: Ada does not see it through files.info.
    assert_eq!(
        code(ada.call(&FilesInfo::of(file.id.clone())).await),
        "file_not_found"
    );

    let shared = bot
        .call(&FilesRemoteShare::new(
            RemoteFileRef::external("design-1"),
            [channel(demo::GENERAL), channel(demo::LEADS)],
        ))
        .await
        .unwrap()
        .file
        .clone();
    assert_eq!(shared.id, file.id);
    assert_eq!(shared.channels, [channel(demo::GENERAL)]);
    assert_eq!(shared.groups, [channel(demo::LEADS)]);
    assert!(shared.is_public);
    let shares = shared.shares.as_ref().unwrap();
    assert!(shares["public"][demo::GENERAL][0]["ts"].is_string());
    assert!(shares["private"][demo::LEADS][0]["ts"].is_string());
    for id in [demo::GENERAL, demo::LEADS] {
        let messages = emu.messages(id).unwrap();
        let last = messages.last().unwrap();
        assert_eq!(last["files"][0]["id"], file.id.as_str(), "{id}");
        assert_eq!(last["user"], demo::BOT);
    }
    // Shared in #general, the file is Ada's to see through files.info.
    let info = ada.call(&FilesInfo::of(file.id.clone())).await.unwrap();
    assert_eq!(info.file.id, file.id);

    // A user token with remote_files:share shares in a channel its user is in (#random).
    let by_ada = ada
        .call(&FilesRemoteShare::new(
            file.id.clone(),
            [channel(demo::RANDOM)],
        ))
        .await
        .unwrap();
    assert!(by_ada.file.channels.contains(&channel(demo::RANDOM)));
    assert_eq!(
        emu.messages(demo::RANDOM).unwrap().last().unwrap()["user"],
        demo::ADA
    );
    // Both ids at once, as Slack's page allows, when they name the same file.
    let both = RawShare {
        channels: demo::GENERAL.to_owned(),
        file: Some(file.id.to_string()),
        external_id: Some("design-1".to_owned()),
    };
    bot.call(&both).await.unwrap();
}

#[tokio::test]
async fn sharing_where_the_caller_cannot_is_refused_by_slack() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let file = add(&bot, "design-2", "Icons").await;
    let share = |to: &str| FilesRemoteShare::new(file.id.clone(), [channel(to)]);
    // The bot is not in #random.
    assert_eq!(code(bot.call(&share(demo::RANDOM)).await), "not_in_channel");
    // Grace cannot see the private #leads, and no one a channel that does not exist.
    assert_eq!(
        code(grace.call(&share(demo::LEADS)).await),
        "channel_not_found"
    );
    assert_eq!(
        code(ada.call(&share("C0NOSUCH01")).await),
        "channel_not_found"
    );
    // One bad channel among good ones: nothing is shared.
    let mixed = FilesRemoteShare::new(
        file.id.clone(),
        [channel(demo::GENERAL), channel(demo::RANDOM)],
    );
    assert_eq!(code(bot.call(&mixed).await), "not_in_channel");
    let info = bot
        .call(&FilesRemoteInfo::of(file.id.clone()))
        .await
        .unwrap();
    assert!(info.file.channels.is_empty());
    // An unknown file, and two ids naming two files.
    let unknown = FilesRemoteShare::new(RemoteFileRef::external("nope"), [channel(demo::GENERAL)]);
    assert_eq!(code(bot.call(&unknown).await), "file_not_found");
    let other = add(&bot, "design-3", "Colours").await;
    let two = RawShare {
        channels: demo::GENERAL.to_owned(),
        file: Some(other.id.to_string()),
        external_id: Some("design-2".to_owned()),
    };
    assert_eq!(code(bot.call(&two).await), "file_not_found");
    let neither = RawShare {
        channels: demo::GENERAL.to_owned(),
        file: None,
        external_id: None,
    };
    assert_eq!(code(bot.call(&neither).await), "invalid_args");
}

#[tokio::test]
async fn every_remote_file_across_cursor_pages_and_the_filters() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .max_page_size(2)
        .start()
        .await
        .unwrap();
    let bot = client(&emu, demo::BOT_TOKEN);
    let mut added = Vec::new();
    for n in 0..5 {
        added.push(add(&bot, &format!("doc-{n}"), &format!("Doc {n}")).await.id);
    }
    bot.call(&FilesRemoteShare::new(
        added[3].clone(),
        [channel(demo::GENERAL)],
    ))
    .await
    .unwrap();

    // Pages of two, followed by the client's cursor paging.
    let first = bot.call(&FilesRemoteList::new()).await.unwrap();
    assert_eq!(first.files.len(), 2);
    let all: Vec<FileId> = std::pin::pin!(bot.items(&FilesRemoteList::new().limit(2)))
        .map_ok(|file| file.parsed().unwrap().id.clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, added);
    let pages: Vec<usize> = std::pin::pin!(bot.pages(&FilesRemoteList::new()))
        .map_ok(|page| page.files.len())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages, [2, 2, 1]);

    // Kept to a channel, and to a time range.
    let in_general = bot
        .call(&FilesRemoteList::new().channel(channel(demo::GENERAL)))
        .await
        .unwrap();
    let ids: Vec<&FileId> = in_general.files.iter().map(|file| &file.id).collect();
    assert_eq!(ids, [&added[3]]);
    let created = first.files.first().unwrap().created;
    let future = slack_methods::types::Timestamp::new(format!("{}.000000", created + 3600));
    let later = bot
        .call(&FilesRemoteList::new().created_between(Some(future), None))
        .await
        .unwrap();
    assert!(later.files.is_empty());
    // A resumed cursor of another list is Slack's invalid_cursor.
    assert_eq!(
        code(bot.call(&FilesRemoteList::new().cursor("bm9wZQ==")).await),
        "invalid_cursor"
    );
}

#[tokio::test]
async fn an_update_changes_the_file_and_is_the_bots() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let file = add(&bot, "design-9", "Wireframes").await;
    let updated = bot
        .call(
            &FilesRemoteUpdate::of(RemoteFileRef::external("design-9"))
                .title("Wireframes v2")
                .external_url("https://designs.example/9/v2")
                .filetype("doc"),
        )
        .await
        .unwrap()
        .file
        .clone();
    assert_eq!(updated.id, file.id);
    assert_eq!(updated.title, "Wireframes v2");
    assert_eq!(updated.filetype, "doc");
    assert_eq!(
        updated.url_private.as_deref(),
        Some("https://designs.example/9/v2")
    );
    let by_id = bot
        .call(&FilesRemoteUpdate::of(file.id.clone()).title("Wireframes v3"))
        .await
        .unwrap();
    assert_eq!(by_id.file.title, "Wireframes v3");
    assert_eq!(by_id.file.external_id.as_deref(), Some("design-9"));

    // Slack takes remote files from bots only, even from a user token with the scope.
    let grace = client(&emu, GRACE_TOKEN);
    assert_eq!(
        code(
            grace
                .call(&FilesRemoteUpdate::of(file.id.clone()).title("x"))
                .await
        ),
        "bot_user_required"
    );
    assert_eq!(
        code(
            grace
                .call(&FilesRemoteAdd::new("g-1", "https://g.example", "G"))
                .await
        ),
        "bot_user_required"
    );
    assert_eq!(
        code(grace.call(&FilesRemoteRemove::of(file.id.clone())).await),
        "bot_user_required"
    );
    // The demo user token has the scope, and is no bot either.
    let ada = client(&emu, demo::USER_TOKEN);
    assert_eq!(
        code(
            ada.call(&FilesRemoteAdd::new("a-1", "https://a.example", "A"))
                .await
        ),
        "bot_user_required"
    );
    // A token without remote_files:write.
    let read_only = client(&emu, READ_ONLY_BOT);
    assert_eq!(
        code(
            read_only
                .call(&FilesRemoteAdd::new("a-1", "https://a.example", "A"))
                .await
        ),
        "missing_scope"
    );
    assert!(read_only
        .call(&FilesRemoteInfo::of(file.id.clone()))
        .await
        .is_ok());
    // An unknown file.
    assert_eq!(
        code(
            bot.call(&FilesRemoteUpdate::of(RemoteFileRef::external("nope")).title("x"))
                .await
        ),
        "file_not_found"
    );
}

#[tokio::test]
async fn a_removed_file_is_gone_and_removing_it_again_is_file_not_found() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let file = add(&bot, "design-5", "Mockups").await;
    bot.call(&FilesRemoteRemove::of(RemoteFileRef::external("design-5")))
        .await
        .unwrap();
    assert_eq!(
        code(bot.call(&FilesRemoteInfo::of(file.id.clone())).await),
        "file_not_found"
    );
    assert_eq!(
        code(bot.call(&FilesRemoteRemove::of(file.id.clone())).await),
        "file_not_found"
    );
    assert_eq!(
        code(bot.call(&FilesInfo::of(file.id.clone())).await),
        "file_deleted"
    );
    assert!(bot
        .call(&FilesRemoteList::new())
        .await
        .unwrap()
        .files
        .is_empty());
    // The external id is free again: adding it makes a new file.
    let again = add(&bot, "design-5", "Mockups").await;
    assert_ne!(again.id, file.id);
}

#[tokio::test]
async fn unknown_ids_both_ids_and_neither_are_slack_s_errors() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let file = add(&bot, "design-6", "Flows").await;
    let unknown = FileId::new("F0NOSUCH01").unwrap();
    assert_eq!(
        code(bot.call(&FilesRemoteInfo::of(unknown.clone())).await),
        "file_not_found"
    );
    assert_eq!(
        code(
            bot.call(&FilesRemoteInfo::of(RemoteFileRef::external("nope")))
                .await
        ),
        "file_not_found"
    );
    assert_eq!(
        code(bot.call(&FilesRemoteRemove::of(unknown)).await),
        "file_not_found"
    );
    let both = RawInfo {
        file: Some(file.id.to_string()),
        external_id: Some("design-6".to_owned()),
    };
    assert_eq!(code(bot.call(&both).await), "too_many_ids");
    let neither = RawInfo {
        file: None,
        external_id: None,
    };
    assert_eq!(code(bot.call(&neither).await), "invalid_args");
    let both = RawUpdate {
        file: Some(file.id.to_string()),
        external_id: Some("design-6".to_owned()),
        title: Some("x".to_owned()),
    };
    assert_eq!(code(bot.call(&both).await), "too_many_ids");
    let both = RawRemove {
        file: Some(file.id.to_string()),
        external_id: Some("design-6".to_owned()),
    };
    assert_eq!(code(bot.call(&both).await), "too_many_ids");
    // An uploaded file is no remote file.
    let upload = bot
        .call(&slack_methods::methods::FilesGetUploadUrlExternal::new(
            "a.txt", 1,
        ))
        .await
        .unwrap();
    assert_eq!(
        code(bot.call(&FilesRemoteInfo::of(upload.file_id.clone())).await),
        "file_not_found"
    );
}

#[tokio::test]
async fn both_ids_or_neither_are_refused_before_sending() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let file = add(&bot, "design-8", "Specs").await;
    emu.clear_requests();

    let mut info = FilesRemoteInfo::of(file.id.clone());
    info.external_id = Some("design-8".to_owned());
    assert!(refused(bot.call(&info).await).contains("too_many_ids"));
    info.file = None;
    info.external_id = None;
    assert!(refused(bot.call(&info).await).contains("`file`"));

    let mut update = FilesRemoteUpdate::of(file.id.clone()).title("x");
    update.external_id = Some("design-8".to_owned());
    assert!(refused(bot.call(&update).await).contains("not both"));
    update.file = None;
    update.external_id = None;
    assert!(refused(bot.call(&update).await).contains("name the remote file"));

    let mut remove = FilesRemoteRemove::of(file.id.clone());
    remove.external_id = Some("design-8".to_owned());
    assert!(refused(bot.call(&remove).await).contains("not both"));
    remove.file = None;
    remove.external_id = None;
    assert!(refused(bot.call(&remove).await).contains("name the remote file"));

    // Sharing takes both (Slack's page), not neither, and not no channel.
    let mut share = FilesRemoteShare::new(file.id.clone(), [channel(demo::GENERAL)]);
    share.file = None;
    assert!(refused(bot.call(&share).await).contains("name the remote file"));
    let empty = FilesRemoteShare::new(file.id.clone(), []);
    assert!(refused(bot.call(&empty).await).contains("`channels` is empty"));

    // An empty `external_id` names no file: not a second way to name it beside `file`, nor
    // the one way.
    let blank = RemoteFileRef::external;
    let why = refused(bot.call(&FilesRemoteInfo::of(blank(""))).await);
    assert!(why.contains("`external_id` is empty"), "{why}");
    let why = refused(bot.call(&FilesRemoteRemove::of(blank(" "))).await);
    assert!(why.contains("`external_id` is empty"), "{why}");
    let mut update = FilesRemoteUpdate::of(file.id.clone()).title("x");
    update.external_id = Some(String::new());
    let why = refused(bot.call(&update).await);
    assert!(why.contains("`external_id` is empty"), "{why}");
    let why = refused(
        bot.call(&FilesRemoteShare::new(blank(""), [channel(demo::GENERAL)]))
            .await,
    );
    assert!(why.contains("`external_id` is empty"), "{why}");

    assert!(emu.requests().is_empty(), "nothing was sent");
}

#[test]
fn the_writes_that_overwrite_or_remove_are_destructive_tools() {
    assert_eq!(
        [
            common::tool_facts::<FilesRemoteAdd>(),
            common::tool_facts::<FilesRemoteInfo>(),
            common::tool_facts::<FilesRemoteList>(),
            common::tool_facts::<FilesRemoteUpdate>(),
            common::tool_facts::<FilesRemoteRemove>(),
            common::tool_facts::<FilesRemoteShare>(),
        ],
        [
            ("files.remote.add", true, true, &["remote_files:write"][..]),
            (
                "files.remote.info",
                false,
                false,
                &["remote_files:read"][..]
            ),
            (
                "files.remote.list",
                false,
                false,
                &["remote_files:read"][..]
            ),
            (
                "files.remote.update",
                true,
                true,
                &["remote_files:write"][..]
            ),
            (
                "files.remote.remove",
                true,
                true,
                &["remote_files:write"][..]
            ),
            (
                "files.remote.share",
                true,
                false,
                &["remote_files:share"][..]
            ),
        ]
    );
}

/// `files.remote.add` with its required arguments as they are, for what the emulator answers to
/// an empty one.
#[slack_methods::slack_method("files.remote.add")]
struct RawAdd {
    external_id: String,
    external_url: String,
    title: String,
}

#[tokio::test]
async fn a_missing_argument_or_an_archived_channel_is_refused_by_the_emulator() {
    let emu = emulator().await;
    emu.add_channel(
        slack_methods_emulator::ChannelSpec::new("C0ARCHIVE1", "old-designs")
            .members(&[demo::BOT])
            .archived(),
    );
    let bot = client(&emu, demo::BOT_TOKEN);
    let untitled = RawAdd {
        external_id: "design-0".to_owned(),
        external_url: "https://designs.example/0".to_owned(),
        title: String::new(),
    };
    assert_eq!(code(bot.call(&untitled).await), "invalid_arguments");
    let file = add(&bot, "design-0", "Archive").await;
    let nowhere = RawShare {
        channels: String::new(),
        file: Some(file.id.to_string()),
        external_id: None,
    };
    assert_eq!(code(bot.call(&nowhere).await), "invalid_arguments");
    assert_eq!(
        code(
            bot.call(&FilesRemoteShare::new(
                file.id.clone(),
                [channel("C0ARCHIVE1")]
            ))
            .await
        ),
        "is_archived"
    );
}
