//! `users.setPhoto` and `users.deletePhoto` over real HTTP against the emulator. Setting a photo
//! sends the image as a file part of a `multipart/form-data` body (checked byte for byte on the
//! wire, binary bytes arriving intact), the profile then shows it, and deleting it falls back to
//! the default avatar; refusals before sending, the emulated errors (`bad_image`, `too_large`,
//! `user_is_bot`, `missing_scope`), and `users.setPhoto` being no tool; `users.deletePhoto` is
//! destructive by its name.

mod common;

use common::{api_code, refused, unpaced_client};
use slack_methods::methods::{UsersDeletePhoto, UsersInfo, UsersProfileGet, UsersSetPhoto, ALL};
use slack_methods::tools::Registry;
use slack_methods::{slack_method, FormFile, MethodFacts, SlackMethod, SlackTool, UserId};
use slack_methods_emulator::{demo, Emulator};

const ADA_TOKEN: &str = "xoxp-ada-photo";
const BOT_TOKEN: &str = "xoxb-bot-photo";

#[tokio::test]
async fn deleting_the_photo_shows_the_default_avatar() {
    let emu = common::demo_emulator().await;
    emu.add_token(
        ADA_TOKEN,
        demo::ADA,
        &["users.profile:read", "users.profile:write"],
    );
    let client = unpaced_client(&emu, ADA_TOKEN);
    let before = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    client.call(&UsersDeletePhoto::new()).await.unwrap();
    let after = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    assert_eq!(after.is_custom_image, Some(false));
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert_eq!(emu.applied_writes("users.deletePhoto"), 1);
}

#[tokio::test]
async fn a_bot_has_no_photo_to_delete() {
    let emu = common::demo_emulator().await;
    emu.add_token(BOT_TOKEN, demo::BOT, &["users.profile:write"]);
    let client = unpaced_client(&emu, BOT_TOKEN);
    assert_eq!(
        api_code(client.call(&UsersDeletePhoto::new()).await),
        "user_is_bot"
    );
}

#[tokio::test]
async fn the_scope_is_checked() {
    let emu = common::demo_emulator().await;
    emu.add_token(ADA_TOKEN, demo::ADA, &["users.profile:read"]);
    let client = unpaced_client(&emu, ADA_TOKEN);
    let code = api_code(client.call(&UsersDeletePhoto::new()).await);
    assert_eq!(code, "missing_scope");
}

#[test]
fn it_is_a_destructive_write_with_the_catalogs_scope() {
    assert_eq!(
        (UsersDeletePhoto::WRITES, UsersDeletePhoto::DESTRUCTIVE),
        (true, true)
    );
    assert_eq!(UsersDeletePhoto::SCOPES, &["users.profile:write"]);
    assert!(UsersDeletePhoto::DESCRIPTION.starts_with("`users.deletePhoto`: "));
}

/// A PNG's signature and header, `width` by `height` pixels, then bytes that are no UTF-8 (and a
/// line that looks like a multipart delimiter), which a lossy reading would change.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef]);
    bytes.extend_from_slice(&[0xff, 0xfe, 0x80, 0x00, 0xc3, 0x28]);
    bytes.extend_from_slice(b"\r\n--not-a-boundary\r\n");
    bytes
}

/// A JPEG's start, an APP0 segment, then a start of frame `width` by `height` pixels.
fn jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46];
    bytes.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 0x08]);
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[0x03, 0x01, 0x22, 0x00]);
    bytes
}

/// The demo workspace serving `users.setPhoto` too (it is not bundled), and Ada's client.
async fn photo_emulator(scopes: &[&str]) -> (Emulator, slack_methods::Client) {
    let emu = common::demo_emulator().await;
    emu.serve(&[MethodFacts::of::<UsersSetPhoto>()]);
    emu.add_token(ADA_TOKEN, demo::ADA, scopes);
    let client = unpaced_client(&emu, ADA_TOKEN);
    (emu, client)
}

#[tokio::test]
async fn setting_a_photo_sends_a_multipart_form_and_the_profile_shows_it() {
    let (emu, client) =
        photo_emulator(&["users.profile:read", "users.profile:write", "users:read"]).await;
    let image = png(800, 600);
    let file = FormFile::new("ada.png", image.clone()).with_content_type("image/png");
    let answer = client
        .call(&UsersSetPhoto::new(file).crop(10, 20, 400))
        .await
        .unwrap();
    let original = answer.profile.image_original.clone().unwrap();
    assert!(original.ends_with("_original.png"), "{original}");
    assert!(answer.profile.image_1024.is_some() && answer.profile.image_24.is_some());
    let hash = answer.profile.avatar_hash.clone().unwrap();
    assert!(original.contains(&hash));

    // On the wire: one POST, the crop box as text parts, then the image part, byte for byte.
    let sent = emu.requests_for("users.setPhoto");
    assert_eq!(sent.len(), 1);
    let request = &sent[0];
    assert_eq!(request.verb, "POST");
    assert_eq!(request.target, "/api/users.setPhoto");
    assert_eq!(
        request.header("content-type"),
        Some("multipart/form-data; boundary=slack-methods-form-boundary")
    );
    assert_eq!(
        request.header("authorization"),
        Some("Bearer xoxp-ada-photo")
    );
    let mut expected = Vec::new();
    for (name, value) in [("crop_x", "10"), ("crop_y", "20"), ("crop_w", "400")] {
        expected.extend_from_slice(
            format!(
                "--slack-methods-form-boundary\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    expected.extend_from_slice(
        b"--slack-methods-form-boundary\r\nContent-Disposition: form-data; name=\"image\"; \
          filename=\"ada.png\"\r\nContent-Type: image/png\r\n\r\n",
    );
    expected.extend_from_slice(&image);
    expected.extend_from_slice(b"\r\n--slack-methods-form-boundary--\r\n");
    assert_eq!(request.body, expected);
    assert_eq!(
        request.header("content-length"),
        Some(expected.len().to_string().as_str())
    );
    // The token is in the header only.
    assert!(!String::from_utf8_lossy(&request.body).contains("xoxp"));

    // The emulator kept the bytes as sent, not a lossy text of them.
    let photo = emu.user_photo(demo::ADA).unwrap();
    assert_eq!(photo.bytes, image);
    assert_eq!(photo.filename, "ada.png");
    assert_eq!(photo.content_type.as_deref(), Some("image/png"));
    assert_eq!(photo.crop, Some((10, 20, 400)));
    assert_eq!(emu.applied_writes("users.setPhoto"), 1);

    let profile = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    assert_eq!(profile.image_original.as_deref(), Some(original.as_str()));
    assert_eq!(profile.image_512, answer.profile.image_512);
    assert_eq!(profile.is_custom_image, Some(true));
    let ada = UserId::new(demo::ADA).unwrap();
    let info = client.call(&UsersInfo::of(ada.clone())).await.unwrap();
    assert_eq!(
        info.user.profile.image_original.as_deref(),
        Some(original.as_str())
    );

    // Deleting the photo removes it: the default avatar again.
    client.call(&UsersDeletePhoto::new()).await.unwrap();
    assert_eq!(emu.user_photo(demo::ADA), None);
    let after = client
        .call(&UsersProfileGet::new())
        .await
        .unwrap()
        .profile
        .clone();
    assert_eq!(after.image_original, None);
    assert_eq!(after.is_custom_image, Some(false));
}

#[tokio::test]
async fn a_photo_without_a_crop_box_sends_the_image_alone() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    // No content type given: the part says `application/octet-stream`; GIF and JPEG are read.
    let gif = b"GIF89a\x00\x02\x00\x02\x80\x00\x00".to_vec();
    client
        .call(&UsersSetPhoto::new(FormFile::new("a.gif", gif.clone())))
        .await
        .unwrap();
    let request = emu.requests_for("users.setPhoto").pop().unwrap();
    let mut expected = b"--slack-methods-form-boundary\r\nContent-Disposition: form-data; \
        name=\"image\"; filename=\"a.gif\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        .to_vec();
    expected.extend_from_slice(&gif);
    expected.extend_from_slice(b"\r\n--slack-methods-form-boundary--\r\n");
    assert_eq!(request.body, expected);
    let photo = emu.user_photo(demo::ADA).unwrap();
    assert_eq!((photo.bytes, photo.crop), (gif, None));

    let answer = client
        .call(&UsersSetPhoto::new(FormFile::new("a.jpg", jpeg(1024, 512))))
        .await
        .unwrap();
    assert!(answer
        .profile
        .image_original
        .as_deref()
        .unwrap()
        .ends_with(".jpg"));
}

#[tokio::test]
async fn a_boundary_inside_the_image_makes_another_boundary() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let mut image = png(512, 512);
    image.extend_from_slice(b"--slack-methods-form-boundary--\r\n");
    client
        .call(&UsersSetPhoto::new(FormFile::new("b.png", image.clone())))
        .await
        .unwrap();
    let request = emu.requests_for("users.setPhoto").pop().unwrap();
    assert_eq!(
        request.header("content-type"),
        Some("multipart/form-data; boundary=slack-methods-form-boundary-1")
    );
    assert_eq!(emu.user_photo(demo::ADA).unwrap().bytes, image);
}

#[tokio::test]
async fn a_photo_of_a_few_mebibytes_arrives_whole() {
    // A 1024-pixel PNG of a real photo is often several MiB: the emulator's default body limit
    // takes it.
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let mut image = png(1024, 1024);
    image.extend((0..3 * 1024 * 1024).map(|i: u32| (i % 251) as u8));
    client
        .call(&UsersSetPhoto::new(FormFile::new("big.png", image.clone())))
        .await
        .unwrap();
    assert_eq!(emu.user_photo(demo::ADA).unwrap().bytes, image);
}

#[tokio::test]
async fn the_emulator_answers_slacks_errors() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let file = |bytes: Vec<u8>| FormFile::new("x.png", bytes);
    // Bytes that are no PNG, JPEG or GIF, or a header cut short.
    for bytes in [
        b"not an image".to_vec(),
        png(10, 10)[..20].to_vec(),
        vec![0xff, 0xd8, 0xff],
    ] {
        assert_eq!(
            api_code(client.call(&UsersSetPhoto::new(file(bytes))).await),
            "bad_image"
        );
    }
    // More than 1024 pixels a side.
    for bytes in [png(1025, 512), png(512, 4096), jpeg(2048, 100)] {
        assert_eq!(
            api_code(client.call(&UsersSetPhoto::new(file(bytes))).await),
            "too_large"
        );
    }
    assert_eq!(emu.user_photo(demo::ADA), None);
    assert_eq!(emu.applied_writes("users.setPhoto"), 0);

    // A bot has no photo to set.
    emu.add_token(BOT_TOKEN, demo::BOT, &["users.profile:write"]);
    let bot = unpaced_client(&emu, BOT_TOKEN);
    assert_eq!(
        api_code(bot.call(&UsersSetPhoto::new(file(png(512, 512)))).await),
        "user_is_bot"
    );
}

/// Slack's page shows `{"ok": true}` as the typical answer: the photo is set, and a call that
/// reads such an answer succeeds, with no URL to show.
#[tokio::test]
async fn an_answer_without_the_photos_urls_is_a_success() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    emu.stub_method("users.setPhoto", serde_json::json!({"ok": true}));
    let answer = client
        .call(&UsersSetPhoto::new(FormFile::new("a.png", png(512, 512))))
        .await
        .unwrap();
    assert_eq!(answer.profile.image_original, None);
    assert_eq!(answer.profile.avatar_hash, None);
    assert_eq!(emu.requests_for("users.setPhoto").len(), 1);
}

/// `users.setPhoto` with `image` as a plain form field, as a binding that sends text there would.
#[slack_method("users.setPhoto")]
struct TextImage {
    #[slack(unchecked)]
    image: String,
}

#[tokio::test]
async fn an_image_sent_as_a_form_field_is_no_image() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let sent = client
        .call(&TextImage {
            image: "\u{89}PNG".to_owned(),
        })
        .await;
    assert_eq!(api_code(sent), "bad_image");
    let request = emu.requests_for("users.setPhoto").pop().unwrap();
    assert_eq!(
        request.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
}

#[tokio::test]
async fn the_scope_is_checked_for_setting_too() {
    let (_emu, client) = photo_emulator(&["users.profile:read"]).await;
    let code = api_code(
        client
            .call(&UsersSetPhoto::new(FormFile::new("a.png", png(512, 512))))
            .await,
    );
    assert_eq!(code, "missing_scope");
}

#[tokio::test]
async fn refusals_send_nothing() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let image = || FormFile::new("a.png", png(512, 512));
    let empty = refused(
        client
            .call(&UsersSetPhoto::new(FormFile::new("a.png", Vec::new())))
            .await,
    );
    assert_eq!(
        empty,
        "`image` is empty; give the bytes of a PNG, JPEG or GIF image"
    );
    let mut partial = UsersSetPhoto::new(image());
    partial.crop_x = Some(1);
    partial.crop_w = Some(100);
    assert_eq!(
        refused(client.call(&partial).await),
        "`crop_x`, `crop_y` and `crop_w` make one crop box; give all three, or none for the whole image"
    );
    let mut only_width = UsersSetPhoto::new(image());
    only_width.crop_w = Some(100);
    assert!(refused(client.call(&only_width).await).contains("make one crop box"));
    let zero = UsersSetPhoto::new(image()).crop(0, 0, 0);
    assert!(refused(client.call(&zero).await).starts_with("`crop_w` is 0"));
    let bad_type = UsersSetPhoto::new(image().with_content_type("image/png\r\nX-Other: 1"));
    assert!(refused(client.call(&bad_type).await).contains("not a valid header value"));
    assert!(emu.requests_for("users.setPhoto").is_empty());
}

/// A file part with an empty `filename` is how a browser says no file was chosen, and servers
/// read it so (dropping its bytes): such an image is refused before sending, not sent to be lost.
#[tokio::test]
async fn an_image_without_a_file_name_is_refused_before_sending() {
    let (emu, client) = photo_emulator(&["users.profile:write"]).await;
    let nameless = UsersSetPhoto::new(FormFile::new("", png(512, 512)));
    assert_eq!(
        refused(client.call(&nameless).await),
        "the file `image` has an empty file name, which servers read as no file; give it a name such as `photo.png`"
    );
    assert!(emu.requests_for("users.setPhoto").is_empty());
}

#[test]
fn set_photo_is_a_write_and_no_tool() {
    assert_eq!(UsersSetPhoto::NAME, "users.setPhoto");
    assert_eq!(UsersSetPhoto::SCOPES, &["users.profile:write"]);
    assert_eq!(UsersSetPhoto::TIER, slack_methods::RateLimitTier::Tier2);
    // It replaces the photo there was: destructive by its name's `set`.
    assert_eq!(
        (UsersSetPhoto::WRITES, UsersSetPhoto::DESTRUCTIVE),
        (true, true)
    );
    assert!(ALL.iter().all(|facts| facts.name != "users.setPhoto"));
    assert!(Registry::bundled()
        .get(UsersSetPhoto::OPERATION_ID)
        .is_none());
    assert!(Registry::bundled()
        .get(UsersDeletePhoto::OPERATION_ID)
        .is_some());
    let image = FormFile::new("me.png", vec![1u8; 3]).with_content_type("image/png");
    assert_eq!(
        format!("{:?}", UsersSetPhoto::new(image)),
        "UsersSetPhoto { image: FormFile { name: \"me.png\", content_type: Some(\"image/png\"), len: 3 }, \
         crop_x: None, crop_y: None, crop_w: None }"
    );
}
