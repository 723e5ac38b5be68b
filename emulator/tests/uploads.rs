//! The emulator's upload site at the byte level: a second listener, another origin, that takes
//! a file's bytes with no token, bigger than a Web API request may be, and answers as Slack's
//! upload server does.

use serde_json::Value;
use slack_methods_emulator::{demo, Emulator, Fault};
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one request with `Connection: close` and answers the status and body.
async fn exchange(addr: SocketAddr, head: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "{head}\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // The server may answer (and close) before reading a body it refuses.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let status = std::str::from_utf8(&raw[..end]).unwrap()[9..12]
        .parse()
        .unwrap();
    (status, raw[end..].to_vec())
}

/// Asks the API for an upload URL, as the demo bot.
async fn upload_url(emu: &Emulator, filename: &str, length: usize) -> (String, String) {
    let form = format!("filename={filename}&length={length}");
    let mut stream = TcpStream::connect(emu.addr()).await.unwrap();
    let request = format!(
        "POST /api/files.getUploadURLExternal HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        emu.addr(),
        demo::BOT_TOKEN,
        form.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let answer: Value = serde_json::from_slice(&raw[end..]).unwrap();
    assert_eq!(answer["ok"], true, "{answer}");
    let url = answer["upload_url"].as_str().unwrap().to_owned();
    let prefix = format!("http://{}", emu.upload_addr());
    let path = url.strip_prefix(&prefix).unwrap().to_owned();
    (path, answer["file_id"].as_str().unwrap().to_owned())
}

async fn emulator() -> Emulator {
    Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .start()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_upload_site_takes_bytes_larger_than_an_api_request() {
    let emu = emulator().await;
    assert_ne!(emu.upload_addr().port(), emu.addr().port());
    let bytes: Vec<u8> = (0..17 * 1024 * 1024u32).map(|i| (i % 253) as u8).collect();
    let (path, file_id) = upload_url(&emu, "big.bin", bytes.len()).await;
    assert!(
        path.starts_with("/upload/v1/") && !path.contains(&file_id),
        "{path}"
    );

    let (status, body) =
        exchange(emu.upload_addr(), &format!("POST {path} HTTP/1.1"), &bytes).await;
    assert_eq!(status, 200);
    assert_eq!(body, format!("OK - {}", bytes.len()).into_bytes());
    assert_eq!(emu.uploaded_bytes(&file_id).unwrap(), bytes);
    let uploads = emu.uploads();
    assert_eq!(uploads.len(), 1);
    assert!(!uploads[0].completed);

    // The same bytes as a Web API request are over its 16 MiB limit.
    let (status, _) = exchange(emu.addr(), "POST /api/auth.test HTTP/1.1", &bytes).await;
    assert_eq!(status, 413);
}

/// Slack's upload URLs take a file as raw bytes or as multipart form data (`curl -F
/// filename=@report.csv`): the file is the file part's content, not the form around it.
#[tokio::test]
async fn a_multipart_upload_keeps_the_file_part() {
    let emu = emulator().await;
    let file = b"name,count\r\nada,3\r\n";
    let (path, file_id) = upload_url(&emu, "report.csv", file.len()).await;
    let mut body = b"--XyZ\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"report.csv\"\r\nContent-Type: text/csv\r\n\r\n".to_vec();
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--XyZ--\r\n");
    let head = format!("POST {path} HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ");
    let (status, answer) = exchange(emu.upload_addr(), &head, &body).await;
    assert_eq!(
        (status, answer),
        (200, format!("OK - {}", file.len()).into_bytes())
    );
    assert_eq!(emu.uploaded_bytes(&file_id).unwrap(), file);

    // A form without a file part is refused, and nothing is kept.
    let (path, file_id) = upload_url(&emu, "none.csv", 1).await;
    let head = format!("POST {path} HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XyZ");
    let (status, _) = exchange(emu.upload_addr(), &head, b"--XyZ--\r\n").await;
    assert_eq!(status, 400);
    assert_eq!(emu.uploaded_bytes(&file_id), None);
}

#[tokio::test]
async fn the_upload_site_refuses_what_it_does_not_know() {
    let emu = emulator().await;
    let (status, _) = exchange(
        emu.upload_addr(),
        "POST /upload/v1/EMU9xnothing HTTP/1.1",
        b"x",
    )
    .await;
    assert_eq!(status, 404);
    let (path, file_id) = upload_url(&emu, "a.txt", 1).await;
    let (status, _) = exchange(emu.upload_addr(), &format!("GET {path} HTTP/1.1"), b"").await;
    assert_eq!(status, 405);
    // API paths are not served there, nor upload paths on the API's port.
    let (status, _) = exchange(emu.upload_addr(), "POST /api/auth.test HTTP/1.1", b"").await;
    assert_eq!(status, 404);
    let (status, _) = exchange(emu.addr(), &format!("POST {path} HTTP/1.1"), b"x").await;
    assert_eq!(status, 404);
    assert_eq!(emu.uploaded_bytes(&file_id), None);

    // A fault for the upload site strikes there; the next request goes through.
    emu.inject_upload(Fault::server_error(502), 1);
    let (status, _) = exchange(emu.upload_addr(), &format!("PUT {path} HTTP/1.1"), b"x").await;
    assert_eq!(status, 502);
    assert_eq!(emu.uploaded_bytes(&file_id), None);
    let (status, _) = exchange(emu.upload_addr(), &format!("PUT {path} HTTP/1.1"), b"y").await;
    assert_eq!(status, 200);
    assert_eq!(emu.uploaded_bytes(&file_id).unwrap(), b"y");
    // Every one of them is in the request log, without a method.
    let log = emu.requests();
    assert!(log.iter().filter(|r| r.method.is_none()).count() >= 5);
}

#[tokio::test]
async fn the_upload_limit_is_the_builders() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .demo_workspace()
        .max_upload_bytes(100)
        .start()
        .await
        .unwrap();
    let (path, file_id) = upload_url(&emu, "a.bin", 101).await;
    let (status, _) = exchange(
        emu.upload_addr(),
        &format!("POST {path} HTTP/1.1"),
        &[0; 101],
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(emu.uploaded_bytes(&file_id), None);
    let (status, _) = exchange(
        emu.upload_addr(),
        &format!("POST {path} HTTP/1.1"),
        &[0; 100],
    )
    .await;
    assert_eq!(status, 200);
}
