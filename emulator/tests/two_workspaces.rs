//! Two emulators in one test process are two workspaces: an id one of them hands out (a trigger,
//! a file, a conversation, a view) means nothing to the other, as Slack's ids are its own across
//! workspaces. A test that sends one workspace's id to the other sees Slack's refusal.

use slack_methods::methods::{ConversationsCreate, FilesInfo, ViewsOpen, ViewsUpdate};
use slack_methods::types::{Block, Text, ViewPayload};
use slack_methods::upload::FileUpload;
use slack_methods::{Client, Error, Token, UploadFile};
use slack_methods_emulator::{demo, Emulator};
use std::time::Duration;

async fn workspace() -> (Emulator, Client, Client) {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap();
    emu.set_trigger_lifetime(Duration::from_secs(60));
    let client = |token: &str| {
        Client::builder()
            .base_url(&emu.base_url())
            .token(Token::new(token).unwrap())
            .build()
            .unwrap()
    };
    let (bot, user) = (client(demo::BOT_TOKEN), client(demo::USER_TOKEN));
    (emu, bot, user)
}

fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::Api(api)) => api.code.as_str().to_owned(),
        other => panic!("expected a Slack error, got {other:?}"),
    }
}

fn modal(title: &str) -> ViewPayload {
    ViewPayload::modal(title).with_block(Block::section(Text::mrkdwn("Hello")))
}

#[tokio::test]
async fn ids_of_one_emulator_are_unknown_to_another() {
    let (a, a_bot, a_user) = workspace().await;
    let (b, b_bot, b_user) = workspace().await;

    // The same interaction in both workspaces: each trigger opens a modal only where it was
    // issued.
    let a_trigger = a.trigger_id(demo::ADA);
    let b_trigger = b.trigger_id(demo::ADA);
    assert_ne!(a_trigger, b_trigger);
    let opened = a_bot
        .call(&ViewsOpen::new(&a_trigger, modal("In A")))
        .await
        .unwrap();
    assert_eq!(
        code(
            b_bot
                .call(&ViewsOpen::new(&a_trigger, modal("Wrong")))
                .await
        ),
        "invalid_trigger_id"
    );
    b_bot
        .call(&ViewsOpen::new(&b_trigger, modal("In B")))
        .await
        .unwrap();
    // A's view is not B's.
    assert_eq!(
        code(
            b_bot
                .call(&ViewsUpdate::by_id(opened.view.id.clone(), modal("Wrong")))
                .await
        ),
        "not_found"
    );

    // Files: A's file id is not a file of B's.
    let a_file = a_bot
        .upload_file(FileUpload::bytes("a.txt", "in a"))
        .await
        .unwrap();
    let a_file = a_file.file().unwrap().id.clone();
    let b_file = b_bot
        .upload_file(FileUpload::bytes("b.txt", "in b"))
        .await
        .unwrap();
    assert_ne!(Some(&a_file), b_file.file().map(|file| &file.id));
    assert_eq!(
        code(b_bot.call(&FilesInfo::of(a_file)).await),
        "file_not_found"
    );

    // New conversations get ids of their own.
    let a_channel = a_user
        .call(&ConversationsCreate::public("only-in-a"))
        .await
        .unwrap();
    let b_channel = b_user
        .call(&ConversationsCreate::public("only-in-b"))
        .await
        .unwrap();
    assert_ne!(a_channel.channel.id, b_channel.channel.id);
    assert!(b.messages(a_channel.channel.id.as_str()).is_none());
}
