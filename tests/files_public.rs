//! A file's public link (`files.sharedPublicURL`, `files.revokePublicURL`) and
//! `files.comments.delete` against the emulator over HTTP: the link turned on and off, who may,
//! a comment deleted by its author or an admin, and the errors Slack names.

mod common;

use common::{api_code as code, demo_emulator as emulator, refused, unpaced_client as client};
use slack_methods::methods::{
    FilesCommentsDelete, FilesDelete, FilesInfo, FilesRevokePublicUrl, FilesSharedPublicUrl,
};
use slack_methods::upload::{FileUpload, UploadFile};
use slack_methods::{Client, FileId, SlackMethod};
use slack_methods_emulator::demo;

/// A user token of Grace's (not an admin), with the files scopes.
const GRACE_TOKEN: &str = "xoxp-grace-files";

/// Uploads `name` as the client's user, shared in #general: the file id.
async fn upload(client: &Client, name: &str) -> FileId {
    let file = FileUpload::bytes(name, format!("the bytes of {name}"))
        .share_in(slack_methods::ChannelId::new(demo::GENERAL).unwrap());
    let done = client.upload_file(file).await.unwrap();
    done.file().unwrap().id.clone()
}

fn file(id: &str) -> FileId {
    FileId::new(id).unwrap()
}

#[tokio::test]
async fn the_uploader_turns_the_public_link_on_and_off() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = upload(&ada, "notes.txt").await;
    let before = ada.call(&FilesInfo::of(id.clone())).await.unwrap();
    assert!(!before.file.public_url_shared);

    let shared = ada
        .call(&FilesSharedPublicUrl::of(id.clone()))
        .await
        .unwrap();
    assert_eq!(shared.file.as_ref().unwrap().id, id);
    assert!(shared.file.as_ref().unwrap().public_url_shared);
    let link = shared.public_link().expect("the link is on").to_owned();
    assert!(link.starts_with("https://"), "{link}");
    // The link is meant to be shared: Debug shows it whole.
    assert!(format!("{shared:?}").contains(&link));
    let sent = emu.requests_for(FilesSharedPublicUrl::NAME);
    assert_eq!(sent.last().unwrap().param("file"), Some(id.as_str()));
    assert_eq!(
        emu.file(id.as_str()).unwrap()["public_url_shared"],
        serde_json::json!(true)
    );

    // Again: the file as it is, with the same link.
    let again = ada
        .call(&FilesSharedPublicUrl::of(id.clone()))
        .await
        .unwrap();
    assert_eq!(again.public_link(), Some(link.as_str()));

    let revoked = ada
        .call(&FilesRevokePublicUrl::of(id.clone()))
        .await
        .unwrap();
    assert!(!revoked.file.as_ref().unwrap().public_url_shared);
    assert_eq!(revoked.public_link(), None);
    let after = ada.call(&FilesInfo::of(id.clone())).await.unwrap();
    assert!(!after.file.public_url_shared);
    // Revoking a link that is off answers the file unchanged.
    let twice = ada.call(&FilesRevokePublicUrl::of(id)).await.unwrap();
    assert!(!twice.file.as_ref().unwrap().public_url_shared);
}

/// Slack's pages give `{"ok": true}` alone as the typical success of both methods: the link
/// was turned on or off, so the call succeeds, with no file and no link to read.
#[tokio::test]
async fn a_bare_ok_answer_is_a_success_without_a_file() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    let id = upload(&ada, "bare.txt").await;
    emu.stub_method(
        FilesSharedPublicUrl::NAME,
        serde_json::json!({ "ok": true }),
    );
    emu.stub_method(
        FilesRevokePublicUrl::NAME,
        serde_json::json!({ "ok": true }),
    );

    let shared = ada
        .call(&FilesSharedPublicUrl::of(id.clone()))
        .await
        .unwrap();
    assert_eq!(shared.file, None);
    assert_eq!(shared.public_link(), None);
    let revoked = ada.call(&FilesRevokePublicUrl::of(id)).await.unwrap();
    assert_eq!(revoked.file, None);
}

#[tokio::test]
async fn others_bots_and_missing_files_are_slack_s_errors() {
    let emu = emulator().await;
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["files:write", "files:read"]);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let bot = client(&emu, demo::BOT_TOKEN);
    let adas = upload(&ada, "ada.txt").await;
    let bots = upload(&bot, "bot.txt").await;

    // Grace sees Ada's file in #general but is neither its uploader nor an admin.
    let result = grace.call(&FilesSharedPublicUrl::of(adas.clone())).await;
    assert_eq!(code(result), "not_allowed");
    let result = grace.call(&FilesRevokePublicUrl::of(adas.clone())).await;
    assert_eq!(code(result), "not_allowed");
    // Ada, an admin, may turn on the link of the bot's file.
    let shared = ada.call(&FilesSharedPublicUrl::of(bots.clone())).await;
    assert!(shared.unwrap().file.as_ref().unwrap().public_url_shared);
    // A bot token: Slack takes sharing from user tokens only.
    let result = bot.call(&FilesSharedPublicUrl::of(bots.clone())).await;
    assert_eq!(code(result), "user_is_bot");
    // ... but the bot may revoke its own file's link.
    let revoked = bot.call(&FilesRevokePublicUrl::of(bots.clone())).await;
    assert!(!revoked.unwrap().file.as_ref().unwrap().public_url_shared);

    let result = ada
        .call(&FilesSharedPublicUrl::of(file("F0NOSUCH01")))
        .await;
    assert_eq!(code(result), "file_not_found");
    let result = ada
        .call(&FilesRevokePublicUrl::of(file("F0NOSUCH01")))
        .await;
    assert_eq!(code(result), "file_not_found");
    ada.call(&FilesDelete::of(adas.clone())).await.unwrap();
    let result = ada.call(&FilesSharedPublicUrl::of(adas)).await;
    assert_eq!(code(result), "file_deleted");

    // Without a files scope.
    emu.add_token("xoxp-grace-read", demo::GRACE, &["files:read"]);
    let reader = client(&emu, "xoxp-grace-read");
    let result = reader.call(&FilesSharedPublicUrl::of(bots)).await;
    assert_eq!(code(result), "missing_scope");
}

#[tokio::test]
async fn a_comment_is_deleted_by_its_author_or_an_admin() {
    let emu = emulator().await;
    emu.add_token(GRACE_TOKEN, demo::GRACE, &["files:write", "files:read"]);
    let ada = client(&emu, demo::USER_TOKEN);
    let grace = client(&emu, GRACE_TOKEN);
    let id = upload(&ada, "plan.txt").await;
    let first = emu
        .add_file_comment(id.as_str(), demo::GRACE, "Looks good")
        .unwrap();
    let second = emu
        .add_file_comment(id.as_str(), demo::GRACE, "One more thing")
        .unwrap();
    let third = emu
        .add_file_comment(id.as_str(), demo::ADA, "Thanks")
        .unwrap();
    assert!(first.starts_with("Fc"), "{first}");
    assert_eq!(emu.add_file_comment("F0NOSUCH01", demo::ADA, "?"), None);
    let info = ada.call(&FilesInfo::of(id.clone())).await.unwrap();
    assert_eq!(info.comments.len(), 3);
    assert_eq!(info.comments[0]["comment"], "Looks good");
    assert_eq!(info.file.comments_count, 3);

    // Grace deletes her own comment.
    grace
        .call(&FilesCommentsDelete::new(id.clone(), first.clone()))
        .await
        .unwrap();
    let sent = emu.requests_for(FilesCommentsDelete::NAME);
    let last = sent.last().unwrap();
    assert_eq!(last.param("file"), Some(id.as_str()));
    assert_eq!(last.param("id"), Some(first.as_str()));
    // Not Ada's comment: cant_delete.
    let result = grace
        .call(&FilesCommentsDelete::new(id.clone(), third.clone()))
        .await;
    assert_eq!(code(result), "cant_delete");
    // Ada, an admin, deletes Grace's second one, and her own.
    ada.call(&FilesCommentsDelete::new(id.clone(), second))
        .await
        .unwrap();
    ada.call(&FilesCommentsDelete::new(id.clone(), third))
        .await
        .unwrap();
    let info = ada.call(&FilesInfo::of(id.clone())).await.unwrap();
    assert!(info.comments.is_empty());
    assert_eq!(info.file.comments_count, 0);

    // Gone, or never there.
    let result = grace
        .call(&FilesCommentsDelete::new(id.clone(), first))
        .await;
    assert_eq!(code(result), "comment_not_found");
    let result = ada
        .call(&FilesCommentsDelete::new(file("F0NOSUCH01"), "Fc0NOSUCH"))
        .await;
    assert_eq!(code(result), "file_not_found");
    ada.call(&FilesDelete::of(id.clone())).await.unwrap();
    let result = ada.call(&FilesCommentsDelete::new(id, "Fc0NOSUCH")).await;
    assert_eq!(code(result), "file_deleted");
}

#[tokio::test]
async fn an_empty_comment_id_is_refused_before_sending() {
    let emu = emulator().await;
    let ada = client(&emu, demo::USER_TOKEN);
    for blank in ["", "  "] {
        let reason = refused(
            ada.call(&FilesCommentsDelete::new(file("F0123ABCD"), blank))
                .await,
        );
        assert!(reason.contains("comment id is empty"), "{reason}");
    }
    assert!(emu.requests_for(FilesCommentsDelete::NAME).is_empty());
}

#[test]
fn revoking_and_deleting_are_destructive_and_sharing_is_not() {
    let scopes: &[&str] = &["files:write", "files:write:user"];
    assert_eq!(
        common::tool_facts::<FilesSharedPublicUrl>(),
        ("files.sharedPublicURL", true, false, scopes)
    );
    assert_eq!(
        common::tool_facts::<FilesRevokePublicUrl>(),
        ("files.revokePublicURL", true, true, scopes)
    );
    assert_eq!(
        common::tool_facts::<FilesCommentsDelete>(),
        ("files.comments.delete", true, true, scopes)
    );
}
