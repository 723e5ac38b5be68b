//! File upload v2 (`client.upload_file`) against the emulator over HTTP: the three steps, the
//! token kept away from the upload URL, a multi-megabyte file streamed from a reader, and the
//! error of each step.

mod common;

use common::unpaced_client as client;
use slack_methods::methods::{
    FileToComplete, FilesCompleteUploadExternal, FilesGetUploadUrlExternal, FilesInfo,
};
use slack_methods::types::Timestamp;
use slack_methods::upload::{FileUpload, UploadError, UploadFile};
use slack_methods::{
    ChannelId, Client, Error, ErrorCode, FileId, SendError, Token, UploadBody, UPLOAD_CHUNK,
};
use slack_methods_emulator::{demo, Emulator, Fault, RecordedRequest};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, ReadBuf};

async fn emulator() -> Emulator {
    Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap()
}

fn general() -> ChannelId {
    ChannelId::new(demo::GENERAL).unwrap()
}

/// The requests to the upload site (the only ones without a method).
fn upload_requests(emu: &Emulator) -> Vec<RecordedRequest> {
    emu.requests()
        .into_iter()
        .filter(|r| r.method.is_none())
        .collect()
}

#[tokio::test]
async fn three_steps_over_http_and_the_file_is_shared() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let done = bot
        .upload_file(
            FileUpload::bytes("notes.txt", "remember the milk\n")
                .title("Shopping")
                .share_in(general())
                .initial_comment("For the weekend"),
        )
        .await
        .unwrap();
    let file = done.file().unwrap();
    assert_eq!(file.name, "notes.txt");
    assert_eq!(file.title, "Shopping");
    assert_eq!(file.size, 18);
    assert_eq!(file.user.as_ref().unwrap(), demo::BOT);
    assert_eq!(file.channels, [general()]);

    // The three requests, in order: two Web API calls around the upload, on another port.
    let log = emu.requests();
    let methods: Vec<Option<&str>> = log.iter().map(|r| r.method.as_deref()).collect();
    assert_eq!(
        methods,
        [
            Some("files.getUploadURLExternal"),
            None,
            Some("files.completeUploadExternal")
        ]
    );
    assert_eq!(log[0].param("filename"), Some("notes.txt"));
    assert_eq!(log[0].param("length"), Some("18"));
    let upload = &log[1];
    assert_eq!(upload.verb, "POST");
    assert!(upload.path.starts_with("/upload/v1/"), "{}", upload.path);
    assert_eq!(
        upload.header("host"),
        Some(emu.upload_addr().to_string().as_str())
    );
    assert_ne!(emu.upload_addr(), emu.addr());
    assert_eq!(upload.header("content-length"), Some("18"));
    assert_eq!(upload.body, b"remember the milk\n");
    let completed: serde_json::Value =
        serde_json::from_str(log[2].param("files").unwrap()).unwrap();
    assert_eq!(
        completed,
        serde_json::json!([{"id": file.id.as_str(), "title": "Shopping"}])
    );
    assert_eq!(log[2].param("channel_id"), Some(demo::GENERAL));
    assert_eq!(log[2].param("initial_comment"), Some("For the weekend"));

    // What arrived, the file Slack keeps, and the message in the channel.
    assert_eq!(
        emu.uploaded_bytes(file.id.as_str()).unwrap(),
        b"remember the milk\n"
    );
    let info = bot.call(&FilesInfo::of(file.id.clone())).await.unwrap();
    assert_eq!(info.file.id, file.id);
    assert_eq!(info.file.size, 18);
    assert_eq!(info.file.mimetype, "text/plain");
    assert_eq!(info.file.preview.as_deref(), Some("remember the milk\n"));
    let messages = emu.messages(demo::GENERAL).unwrap();
    let posted = messages.last().unwrap();
    assert_eq!(posted["text"], "For the weekend");
    assert_eq!(posted["files"][0]["id"], file.id.as_str());
    assert_eq!(posted["user"], demo::BOT);
    assert_eq!(emu.applied_writes("files.completeUploadExternal"), 1);
}

#[tokio::test]
async fn the_token_never_reaches_the_upload_url() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    bot.upload_file(FileUpload::bytes("a.bin", vec![7u8; 1000]))
        .await
        .unwrap();
    let uploads = upload_requests(&emu);
    assert_eq!(uploads.len(), 1);
    let upload = &uploads[0];
    assert_eq!(upload.bearer_token(), None);
    assert!(upload.header("authorization").is_none());
    let token = demo::BOT_TOKEN.as_bytes();
    let leaks = |bytes: &[u8]| bytes.windows(token.len()).any(|w| w == token);
    assert!(!leaks(upload.target.as_bytes()));
    assert!(!leaks(&upload.body));
    for (name, value) in &upload.headers {
        assert!(!leaks(value), "{name}");
    }
    // The Web API calls around it carry the token, in the header only.
    for call in emu.requests().iter().filter(|r| r.method.is_some()) {
        assert_eq!(call.bearer_token(), Some(demo::BOT_TOKEN));
        assert!(!leaks(&call.body));
    }
}

/// A reader of `length` pseudo-random bytes made as they are read (never held whole), which
/// notes the largest read it was asked for.
struct Generated {
    state: u64,
    left: u64,
    largest_read: Arc<AtomicUsize>,
    reads: Arc<AtomicU64>,
}

impl Generated {
    fn new(seed: u64, length: u64) -> Generated {
        Generated {
            state: seed,
            left: length,
            largest_read: Arc::new(AtomicUsize::new(0)),
            reads: Arc::new(AtomicU64::new(0)),
        }
    }

    fn next_byte(&mut self) -> u8 {
        // xorshift64
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state >> 24) as u8
    }
}

impl AsyncRead for Generated {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        self.largest_read
            .fetch_max(buf.remaining(), Ordering::Relaxed);
        self.reads.fetch_add(1, Ordering::Relaxed);
        let n = (buf.remaining() as u64).min(self.left) as usize;
        for _ in 0..n {
            let byte = self.next_byte();
            buf.put_slice(&[byte]);
        }
        self.left -= n as u64;
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn a_multi_megabyte_file_streams_from_a_reader() {
    const LENGTH: u64 = 8 * 1024 * 1024 + 12_345;
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let reader = Generated::new(0x5eed, LENGTH);
    let largest_read = Arc::clone(&reader.largest_read);
    let reads = Arc::clone(&reader.reads);
    let done = bot
        .upload_file(FileUpload::reader("big.bin", reader, LENGTH).share_in(general()))
        .await
        .unwrap();
    let file = done.file().unwrap();
    assert_eq!(file.size, LENGTH);

    // Byte for byte what the reader made.
    let mut expected = Generated::new(0x5eed, LENGTH);
    let arrived = emu.uploaded_bytes(file.id.as_str()).unwrap();
    assert_eq!(arrived.len() as u64, LENGTH);
    assert!(arrived.iter().all(|byte| *byte == expected.next_byte()));
    // It went to the upload site, whole, in one body.
    let upload = upload_requests(&emu).pop().unwrap();
    assert_eq!(upload.body.len() as u64, LENGTH);
    assert_eq!(
        upload.header("content-length"),
        Some(LENGTH.to_string().as_str())
    );
    // The reader was read a chunk at a time, never asked for more than one chunk.
    assert!(largest_read.load(Ordering::Relaxed) <= UPLOAD_CHUNK);
    assert!(reads.load(Ordering::Relaxed) > LENGTH / UPLOAD_CHUNK as u64);
}

#[tokio::test]
async fn step_one_failing_uploads_nothing() {
    let emu = emulator().await;
    // A token without `files:write`.
    emu.add_token(
        "xoxb-read-only",
        demo::BOT,
        &["files:read", "channels:read"],
    );
    let reader_only = client(&emu, "xoxb-read-only");
    let err = reader_only
        .upload_file(FileUpload::bytes("a.txt", "a").share_in(general()))
        .await
        .unwrap_err();
    let UploadError::UploadUrl(Error::Api(api)) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(api.code, ErrorCode::MissingScope);
    assert_eq!(api.method, "files.getUploadURLExternal");
    assert_eq!(err.file_id(), None);
    assert_eq!(
        err.to_string(),
        "file upload: asking Slack for an upload URL failed"
    );
    assert!(upload_requests(&emu).is_empty());
    assert!(emu.requests_for("files.completeUploadExternal").is_empty());

    // A reply in a thread with no channel is refused before anything is sent.
    let bot = client(&emu, demo::BOT_TOKEN);
    let before = emu.requests().len();
    let err = bot
        .upload_file(FileUpload::bytes("a.txt", "a").in_thread(Timestamp::new("1.000100")))
        .await
        .unwrap_err();
    assert!(
        matches!(err, UploadError::UploadUrl(Error::InvalidRequest { .. })),
        "{err:?}"
    );
    assert_eq!(emu.requests().len(), before);
}

#[tokio::test]
async fn a_zero_idle_timeout_is_refused_before_anything_is_sent() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // The whole upload: refused before `files.getUploadURLExternal`, so no upload URL is
    // handed out for an upload that could never be sent.
    let err = bot
        .upload_file(
            FileUpload::bytes("a.txt", "abc")
                .share_in(general())
                .idle_timeout(Duration::ZERO),
        )
        .await
        .unwrap_err();
    let UploadError::UploadUrl(Error::Config(refused)) = &err else {
        panic!("{err:?}");
    };
    assert!(
        refused.to_string().starts_with("`idle_timeout` is zero"),
        "{refused}"
    );
    assert!(emu.requests().is_empty());
    // The bytes alone, to a URL Slack handed out: refused, and the URL stays unused.
    let url = bot
        .call(&FilesGetUploadUrlExternal::new("b.txt", 3))
        .await
        .unwrap();
    let err = bot
        .send_upload(&url.upload_url, UploadBody::bytes("abc"), Duration::ZERO)
        .await
        .unwrap_err();
    assert!(matches!(err, SendError::Config(_)), "{err:?}");
    assert!(upload_requests(&emu).is_empty());
    // The same URL, with a wait above zero, takes the bytes.
    bot.send_upload(
        &url.upload_url,
        UploadBody::bytes("abc"),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    assert_eq!(upload_requests(&emu).len(), 1);
}

/// `files.getUploadURLExternal` with no checks of its own, to see what the emulator answers.
#[slack_methods::slack_method("files.getUploadURLExternal", scope = "files:write")]
struct RawGetUploadUrl {
    filename: String,
    length: u64,
    alt_txt: Option<String>,
}

#[tokio::test]
async fn an_empty_file_or_a_long_alt_text_is_refused_as_slack_refuses_them() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // The binding refuses before sending: no file id is handed out, nothing is uploaded.
    let empty = bot
        .upload_file(FileUpload::bytes("empty.txt", Vec::<u8>::new()).share_in(general()))
        .await
        .unwrap_err();
    let UploadError::UploadUrl(Error::InvalidRequest { reason, .. }) = &empty else {
        panic!("{empty:?}");
    };
    assert!(reason.contains("empty files"), "{reason}");
    assert_eq!(empty.file_id(), None);
    let long_alt = bot
        .upload_file(FileUpload::bytes("a.png", "x").alt_text("é".repeat(1001)))
        .await
        .unwrap_err();
    assert!(
        matches!(
            long_alt,
            UploadError::UploadUrl(Error::InvalidRequest { .. })
        ),
        "{long_alt:?}"
    );
    assert!(emu.requests().is_empty());
    // 1000 characters (2000 bytes in UTF-8) is within the limit.
    let done = bot
        .upload_file(FileUpload::bytes("a.png", "x").alt_text("é".repeat(1000)))
        .await
        .unwrap();
    assert_eq!(done.file().unwrap().size, 1);

    // The emulator answers what Slack answers.
    let raw = |length, alt_txt: Option<String>| RawGetUploadUrl {
        filename: "a.txt".into(),
        length,
        alt_txt,
    };
    let code = |result: Result<_, Error>| match result {
        Err(Error::Api(api)) => api.code,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        code(bot.call(&raw(0, None)).await),
        ErrorCode::from("missing_argument")
    );
    assert_eq!(
        code(bot.call(&raw(1, Some("x".repeat(1001)))).await),
        ErrorCode::from("alt_txt_too_large")
    );
    assert!(bot.call(&raw(1, Some("x".repeat(1000)))).await.is_ok());
}

/// `files.completeUploadExternal` with no checks of its own, to see what the emulator answers.
#[slack_methods::slack_method("files.completeUploadExternal", scope = "files:write")]
struct RawComplete {
    files: String,
    channels: String,
}

/// Announces `name` and sends `content` to its URL, as the token's user: the file id.
async fn uploaded(client: &Client, name: &str, content: &'static str) -> FileId {
    let url = client
        .call(&FilesGetUploadUrlExternal::new(name, content.len() as u64))
        .await
        .unwrap();
    client
        .send_upload(
            &url.upload_url,
            UploadBody::bytes(content),
            Duration::from_secs(5),
        )
        .await
        .unwrap();
    url.file_id.clone()
}

#[tokio::test]
async fn completing_checks_the_owner_and_the_number_of_channels() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let ada = client(&emu, demo::USER_TOKEN);
    let id = uploaded(&bot, "mine.txt", "mine").await;

    // Someone else's upload: Slack's "User is not the owner of the file".
    let theirs = ada
        .call(&FilesCompleteUploadExternal::new([FileToComplete::new(
            id.clone(),
            None,
        )]))
        .await
        .unwrap_err();
    assert_eq!(theirs.code(), Some(&ErrorCode::from("access_denied")));

    // More than 100 channels: refused before sending, and by the emulator as by Slack.
    let many: Vec<ChannelId> = (0..101)
        .map(|n| ChannelId::new(format!("C0MANY{n:04}")).unwrap())
        .collect();
    let mut complete = FilesCompleteUploadExternal::new([FileToComplete::new(id.clone(), None)]);
    complete.channels = Some(many.clone());
    let before = emu.requests().len();
    assert!(matches!(
        bot.call(&complete).await,
        Err(Error::InvalidRequest { .. })
    ));
    assert_eq!(emu.requests().len(), before);
    let files = format!(r#"[{{"id":"{id}"}}]"#);
    let raw = RawComplete {
        files: files.clone(),
        channels: many
            .iter()
            .map(ChannelId::as_str)
            .collect::<Vec<_>>()
            .join(","),
    };
    assert_eq!(
        bot.call(&raw).await.unwrap_err().code(),
        Some(&ErrorCode::from("channels_limit_exceeded"))
    );

    // A channel named twice is shared in once: one share, one message.
    let messages_before = emu.messages(demo::GENERAL).unwrap().len();
    let twice = RawComplete {
        files,
        channels: format!("{0},{0}", demo::GENERAL),
    };
    let done = bot.call(&twice).await.unwrap();
    assert_eq!(
        done.data["files"][0]["channels"],
        serde_json::json!([demo::GENERAL])
    );
    assert_eq!(
        emu.messages(demo::GENERAL).unwrap().len(),
        messages_before + 1
    );
}

#[tokio::test]
async fn step_two_failing_creates_no_file() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);

    // The upload server answers 503.
    emu.inject_upload(Fault::server_error(503), 1);
    let err = bot
        .upload_file(FileUpload::bytes("a.txt", "abc").share_in(general()))
        .await
        .unwrap_err();
    let UploadError::Send { file_id, source } = &err else {
        panic!("{err:?}");
    };
    let SendError::Status { status, url, .. } = source else {
        panic!("{source:?}");
    };
    assert_eq!(*status, 503);
    assert_eq!(url, &format!("http://{}", emu.upload_addr()));
    assert!(err.to_string().contains(file_id.as_str()), "{err}");
    // The message names the upload server, never the secret part of its URL.
    let message = format!("{err}: {source}");
    assert!(!message.contains("/upload/v1/"), "{message}");
    assert!(emu.requests_for("files.completeUploadExternal").is_empty());
    assert_eq!(emu.uploaded_bytes(file_id.as_str()), None);
    assert!(emu.file(file_id.as_str()).is_none());

    // The reader fails, ends early or runs long: the upload is abandoned.
    struct Broken;
    impl AsyncRead for Broken {
        fn poll_read(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            _: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            Poll::Ready(Err(std::io::Error::other("disk on fire")))
        }
    }
    let err = bot
        .upload_file(FileUpload::reader("b.txt", Broken, 10))
        .await
        .unwrap_err();
    let UploadError::Send {
        source:
            SendError::Read {
                sent: 0,
                length: 10,
                source,
            },
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(source.to_string(), "disk on fire");
    let short = bot
        .upload_file(FileUpload::reader("c.txt", &b"12345"[..], 10))
        .await
        .unwrap_err();
    assert!(
        matches!(
            short,
            UploadError::Send {
                source: SendError::ShortRead {
                    sent: 5,
                    length: 10
                },
                ..
            }
        ),
        "{short:?}"
    );
    let long = bot
        .upload_file(FileUpload::reader("d.txt", &b"123456789012"[..], 10))
        .await
        .unwrap_err();
    assert!(
        matches!(
            long,
            UploadError::Send {
                source: SendError::LongRead { length: 10 },
                ..
            }
        ),
        "{long:?}"
    );
    // None of those reached `files.completeUploadExternal`, and no file was made.
    assert!(emu.requests_for("files.completeUploadExternal").is_empty());
    assert!(emu.uploads().iter().all(|upload| !upload.completed));
}

#[tokio::test]
async fn an_upload_larger_than_the_upload_limit_is_refused() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .max_upload_bytes(1024)
        .start()
        .await
        .unwrap();
    let bot = client(&emu, demo::BOT_TOKEN);
    let err = bot
        .upload_file(FileUpload::bytes("big.bin", vec![1u8; 2048]))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            UploadError::Send {
                source: SendError::Status { status: 413, .. },
                ..
            }
        ),
        "{err:?}"
    );
    // Within the limit, the same emulator takes it.
    bot.upload_file(FileUpload::bytes("small.bin", vec![1u8; 1024]))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_upload_that_makes_no_progress_times_out() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    emu.inject_upload(Fault::delay(Duration::from_secs(5)), 1);
    let err = bot
        .upload_file(FileUpload::bytes("slow.txt", "zzz").idle_timeout(Duration::from_millis(300)))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            UploadError::Send {
                source: SendError::Timeout { .. },
                ..
            }
        ),
        "{err:?}"
    );
}

/// An upload server that takes the bytes, answers 200 and then never ends its body cannot hold
/// the upload open: the status decides, and the answer is read for at most the idle timeout.
#[tokio::test]
async fn an_answer_that_never_ends_does_not_hold_the_upload() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    emu.inject_upload(Fault::endless(Duration::from_millis(20)), 1);
    let upload = bot.upload_file(
        FileUpload::bytes("endless.txt", "abc")
            .share_in(general())
            .idle_timeout(Duration::from_millis(300)),
    );
    let done = tokio::time::timeout(Duration::from_secs(20), upload)
        .await
        .expect("the upload was held open by its answer")
        .unwrap();
    let file = done.file().unwrap();
    assert_eq!(
        emu.uploaded_bytes(file.id.as_str()).as_deref(),
        Some(&b"abc"[..])
    );
}

/// An answer of `files.getUploadURLExternal` that does not fit its type is an error whose text
/// hides the upload URL it holds.
#[tokio::test]
async fn a_broken_upload_url_answer_keeps_the_url_secret() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    emu.stub_method(
        "files.getUploadURLExternal",
        serde_json::json!({"upload_url": "https://files.slack.com/upload/v1/SECRETKEY", "file_id": null}),
    );
    let err = bot
        .upload_file(FileUpload::bytes("a.txt", "abc"))
        .await
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(matches!(err, UploadError::UploadUrl(_)), "{shown}");
    assert!(!shown.contains("SECRETKEY"), "{shown}");
}

#[tokio::test]
async fn step_three_failing_leaves_the_bytes_uploaded() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    // The bot is not in #random.
    let err = bot
        .upload_file(
            FileUpload::bytes("a.txt", "abc").share_in(ChannelId::new(demo::RANDOM).unwrap()),
        )
        .await
        .unwrap_err();
    let UploadError::Complete { file_id, source } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(source.code(), Some(&ErrorCode::NotInChannel));
    assert_eq!(err.file_id(), Some(file_id));
    assert_eq!(emu.uploaded_bytes(file_id.as_str()).unwrap(), b"abc");
    assert!(emu.file(file_id.as_str()).is_none());
    let unknown = bot
        .upload_file(
            FileUpload::bytes("a.txt", "abc").share_in(ChannelId::new("C0NOWHERE1").unwrap()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&unknown, UploadError::Complete { source, .. } if source.code() == Some(&ErrorCode::ChannelNotFound)),
        "{unknown:?}"
    );
}

#[tokio::test]
async fn a_file_shared_in_a_thread_is_a_reply() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let first = bot
        .upload_file(FileUpload::bytes("first.txt", "1").share_in(general()))
        .await
        .unwrap();
    let parent = first.file().unwrap().shares.as_ref().unwrap()["public"][demo::GENERAL][0]["ts"]
        .as_str()
        .unwrap()
        .to_owned();
    bot.upload_file(
        FileUpload::bytes("second.txt", "2")
            .share_in(general())
            .in_thread(Timestamp::new(parent.clone())),
    )
    .await
    .unwrap();
    let messages = emu.messages(demo::GENERAL).unwrap();
    let parent_message = messages
        .iter()
        .find(|m| m["ts"] == parent.as_str())
        .unwrap();
    assert_eq!(parent_message["reply_count"], 1);
    let reply = messages.last().unwrap();
    assert_eq!(reply["thread_ts"], parent.as_str());
    assert_eq!(reply["files"][0]["name"], "second.txt");
    let missing = bot
        .upload_file(
            FileUpload::bytes("third.txt", "3")
                .share_in(general())
                .in_thread(Timestamp::new("1.000001")),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&missing, UploadError::Complete { source, .. } if source.code() == Some(&ErrorCode::MessageNotFound)),
        "{missing:?}"
    );
}

#[tokio::test]
async fn a_private_file_is_seen_only_by_its_uploader() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let done = bot
        .upload_file(FileUpload::bytes("secret.txt", "s"))
        .await
        .unwrap();
    let id = done.file().unwrap().id.clone();
    assert!(done.file().unwrap().channels.is_empty());
    bot.call(&FilesInfo::of(id.clone())).await.unwrap();
    let ada = client(&emu, demo::USER_TOKEN);
    let hidden = ada.call(&FilesInfo::of(id)).await.unwrap_err();
    assert_eq!(hidden.code(), Some(&ErrorCode::FileNotFound));
    let unknown = ada
        .call(&FilesInfo::of(FileId::new("F0NOTHING1").unwrap()))
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), Some(&ErrorCode::FileNotFound));
}

#[tokio::test]
async fn upload_urls_are_used_once_and_checked() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let done = bot
        .upload_file(FileUpload::bytes("a.txt", "abc"))
        .await
        .unwrap();
    let url = format!(
        "http://{}{}",
        emu.upload_addr(),
        upload_requests(&emu)[0].path
    );
    // Once the upload is completed, its URL is gone.
    let again = bot
        .send_upload(&url, UploadBody::bytes("xyz"), Duration::from_secs(5))
        .await
        .unwrap_err();
    assert!(
        matches!(again, SendError::Status { status: 404, .. }),
        "{again:?}"
    );
    assert_eq!(
        emu.uploaded_bytes(done.file().unwrap().id.as_str())
            .unwrap(),
        b"abc"
    );

    // A client of an https API does not send a file over plain http, nor to a URL with
    // credentials; nothing is sent.
    let https = Client::builder()
        .base_url("https://slack.com/api/")
        .token(Token::new(demo::BOT_TOKEN).unwrap())
        .build()
        .unwrap();
    let plain = https
        .send_upload(&url, UploadBody::bytes("x"), Duration::from_secs(5))
        .await
        .unwrap_err();
    assert!(matches!(plain, SendError::BadUrl { .. }), "{plain:?}");
    assert!(!plain.to_string().contains("/upload/v1/"), "{plain}");
    let with_credentials = bot
        .send_upload(
            &format!("http://user:pass@{}/upload/v1/x", emu.upload_addr()),
            UploadBody::bytes("x"),
            Duration::from_secs(5),
        )
        .await
        .unwrap_err();
    assert!(matches!(with_credentials, SendError::BadUrl { .. }));
    let nonsense = bot
        .send_upload("not a url", UploadBody::bytes("x"), Duration::from_secs(5))
        .await
        .unwrap_err();
    assert!(matches!(nonsense, SendError::BadUrl { .. }));
    assert_eq!(upload_requests(&emu).len(), 2);
}

#[tokio::test]
async fn the_steps_can_be_called_one_by_one() {
    let emu = emulator().await;
    let bot = client(&emu, demo::BOT_TOKEN);
    let url = bot
        .call(&FilesGetUploadUrlExternal::new("manual.csv", 4))
        .await
        .unwrap();
    assert!(url
        .upload_url
        .starts_with(&format!("http://{}/upload/v1/", emu.upload_addr())));
    // The URL is a secret: `Debug` shows its origin only.
    let shown = format!("{url:?}");
    assert!(!shown.contains("/upload/v1/"), "{shown}");
    assert!(
        shown.contains(&format!("http://{}/…", emu.upload_addr())),
        "{shown}"
    );
    bot.send_upload(
        &url.upload_url,
        UploadBody::bytes("a,b\n"),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    let uploads = emu.uploads();
    assert_eq!(uploads.len(), 1);
    assert_eq!(uploads[0].file_id, url.file_id.as_str());
    assert_eq!(uploads[0].bytes.as_deref(), Some(&b"a,b\n"[..]));
    assert!(!uploads[0].completed);
}
