//! The emulator as a test author uses it: each public builder option, accessor and `Debug` does
//! what its documentation says, over real HTTP on 127.0.0.1.

use slack_methods_emulator::{Emulator, UserSpec};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TOKEN: &str = "xoxp-public-api-token";

async fn emulator() -> Emulator {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0JANE", "jane"));
    emu.add_token(
        TOKEN,
        "U0JANE",
        &["users.profile:read", "users.profile:write"],
    );
    emu
}

/// An emulator of the demo workspace serving the bundled bindings.
async fn demo_emulator() -> Emulator {
    Emulator::builder()
        .demo_workspace()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap()
}

/// An answer read off the wire: status, headers (names lowercase) and body.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|err| {
            panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body))
        })
    }
}

/// Sends `request` (which should say `Connection: close`) and reads the whole answer.
async fn send(addr: SocketAddr, request: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut bytes = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut bytes))
        .await
        .expect("the emulator answers within 5 s")
        .unwrap();
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head")
        + 4;
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter(|line| !line.is_empty())
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Answer {
        status,
        headers,
        body: bytes[end..].to_vec(),
    }
}

/// A request with `Connection: close`, the given extra header lines and body.
fn request(verb: &str, target: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut text = format!("{verb} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for line in headers {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

#[tokio::test]
async fn dropping_the_emulator_frees_both_ports() {
    let emu = emulator().await;
    let (api, uploads) = (emu.addr(), emu.upload_addr());
    assert!(TcpStream::connect(api).await.is_ok());
    // Idle keep-alive connections, one to each site, are closed too.
    let mut idle = [
        TcpStream::connect(api).await.unwrap(),
        TcpStream::connect(uploads).await.unwrap(),
    ];
    let alive = b"POST /api/auth.test HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
    idle[0].write_all(alive).await.unwrap();
    let mut first = [0u8; 12];
    idle[0].read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    drop(emu);
    for stream in &mut idle {
        let mut rest = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(2), stream.read_to_end(&mut rest));
        assert!(
            matches!(read.await, Ok(Ok(_)) | Ok(Err(_))),
            "closed by the drop"
        );
    }
    let mut closed = false;
    for _ in 0..100 {
        if TcpStream::connect(api).await.is_err() && TcpStream::connect(uploads).await.is_err() {
            closed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(closed, "both listeners closed after drop");
}

/// Whatever a careless client does with its token, a recorded request's `Debug` never shows it:
/// a form body sent without a `Content-Type` or with the wrong one, a JSON body cut short, a
/// token in an upload URL's query.
#[tokio::test]
async fn a_recorded_request_never_shows_a_token_it_received() {
    let emu = emulator().await;
    let body = format!("token={TOKEN}&user=U0JANE");
    let encoded = format!("user=U0JANE&token={}", TOKEN.replace('-', "%2D"));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "no content type",
            request("POST", "/api/auth.test", &[], body.as_bytes()),
        ),
        (
            "percent-encoded in the query and the body",
            request(
                "POST",
                &format!("/api/auth.test?{encoded}"),
                &[],
                encoded.as_bytes(),
            ),
        ),
        (
            "text/plain",
            request(
                "POST",
                "/api/auth.test",
                &["Content-Type: text/plain"],
                body.as_bytes(),
            ),
        ),
        (
            "broken json",
            request(
                "POST",
                "/api/auth.test",
                &["Content-Type: application/json"],
                format!(r#"{{"token":"{TOKEN}","#).as_bytes(),
            ),
        ),
    ];
    for (case, bytes) in &cases {
        emu.clear_requests();
        let answer = send(emu.addr(), bytes).await;
        assert_eq!(answer.status, 200, "{case}");
        let log = emu.requests();
        assert_eq!(log.len(), 1, "{case}");
        let debug = format!("{:?}", log[0]);
        assert!(!debug.contains(TOKEN), "{case}: {debug}");
        assert!(!debug.contains("xoxp%2D"), "{case}: {debug}");
        // The bytes themselves are kept exactly as sent.
        assert!(bytes.ends_with(&log[0].body), "{case}");
    }
    emu.clear_requests();
    let target = format!("/upload/v1/nothing?token={TOKEN}");
    let answer = send(emu.upload_addr(), &request("POST", &target, &[], b"abc")).await;
    assert_eq!(answer.status, 404);
    let log = emu.requests();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].target, target);
    let debug = format!("{:?}", log[0]);
    assert!(!debug.contains(TOKEN), "upload query: {debug}");
}

/// Two emulators in one process share nothing: tokens, stubs, faults and request logs are each
/// their own.
#[tokio::test]
async fn two_emulators_keep_their_own_state() {
    let (one, two) = (emulator().await, Emulator::start().await.unwrap());
    assert_ne!(one.addr(), two.addr());
    one.stub_method("custom.method", serde_json::json!({"here": 1}));
    one.inject(
        "custom.method",
        slack_methods_emulator::Fault::server_error(503),
        1,
    );
    let call = |verb| {
        request(
            verb,
            "/api/custom.method",
            &[&format!("Authorization: Bearer {TOKEN}")],
            b"",
        )
    };
    // The other emulator knows neither the token, the stub nor the fault.
    let answer = send(two.addr(), &call("POST")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["error"], "unknown_method");
    assert_eq!(answer.header("x-oauth-scopes"), None);
    assert_eq!(two.requests().len(), 1);
    assert_eq!(one.requests().len(), 0);
    assert_eq!(send(one.addr(), &call("POST")).await.status, 503);
    let answer = send(one.addr(), &call("POST")).await;
    assert_eq!(answer.json(), serde_json::json!({"ok": true, "here": 1}));
    assert_eq!(one.applied_writes("custom.method"), 1);
    assert_eq!(two.applied_writes("custom.method"), 0);
}

/// The demo workspace's user token has a scope of every bundled binding (`demo_workspace`'s
/// promise), so no call of it is answered `missing_scope`.
#[tokio::test]
async fn the_demo_user_token_has_every_bundled_bindings_scope() {
    use slack_methods_emulator::demo;
    let emu = demo_emulator().await;
    let header = format!("Authorization: Bearer {}", demo::USER_TOKEN);
    for facts in slack_methods::methods::ALL {
        let target = format!("/api/{}", facts.name);
        let answer = send(emu.addr(), &request("POST", &target, &[&header], b"")).await;
        assert_ne!(
            answer.json()["error"],
            "missing_scope",
            "{}: {:?}",
            facts.name,
            answer.json()
        );
        assert_ne!(answer.json()["error"], "unknown_method", "{}", facts.name);
    }
}

/// Polls `start` once outside any tokio runtime: it must end at once with an error that says
/// why, not panic nor wait.
fn refused_outside_a_runtime<T>(start: impl std::future::Future<Output = std::io::Result<T>>) {
    use std::task::{Context, Poll, Waker};
    let mut start = std::pin::pin!(start);
    let mut context = Context::from_waker(Waker::noop());
    match start.as_mut().poll(&mut context) {
        Poll::Ready(Err(err)) => assert!(err.to_string().contains("tokio runtime"), "{err}"),
        Poll::Ready(Ok(_)) => panic!("started without a runtime"),
        Poll::Pending => panic!("waits for a runtime that is not there"),
    }
}

/// Started outside a tokio runtime, the emulator says why instead of panicking.
#[test]
fn starting_outside_a_runtime_is_an_error() {
    refused_outside_a_runtime(Emulator::start());
}

/// So does a blackhole, as its documentation says.
#[test]
fn a_blackhole_outside_a_runtime_is_an_error() {
    refused_outside_a_runtime(slack_methods_emulator::Blackhole::start());
}

/// `uploads()` lists the uploads in the order announced, also once the process has handed out
/// more ids than five digits hold (ids are counted across every emulator of the process).
#[tokio::test]
async fn uploads_keep_the_order_announced_past_five_digit_ids() {
    use slack_methods_emulator::demo;
    let emu = demo_emulator().await;
    let header = format!("Authorization: Bearer {}", demo::BOT_TOKEN);
    let announce = |name: &str| {
        request(
            "POST",
            "/api/files.getUploadURLExternal",
            &[&header, "Content-Type: application/x-www-form-urlencoded"],
            format!("filename={name}&length=3").as_bytes(),
        )
    };
    // Each trigger id takes a number from the process's one counter.
    let burn = |count: usize| {
        for _ in 0..count {
            emu.trigger_id(demo::ADA);
        }
    };
    burn(60_000);
    let first = send(emu.addr(), &announce("first.txt")).await.json();
    burn(60_000);
    let second = send(emu.addr(), &announce("second.txt")).await.json();
    assert_eq!((&first["ok"], &second["ok"]), (&true.into(), &true.into()));
    let names: Vec<String> = emu.uploads().into_iter().map(|u| u.filename).collect();
    assert_eq!(names, ["first.txt", "second.txt"], "{first} {second}");
}

/// A request to the upload site keeps its query's pairs as parameters, as every recorded
/// request does; its body is the file, not arguments.
#[tokio::test]
async fn an_upload_requests_query_is_its_parameters() {
    let emu = emulator().await;
    let target = "/upload/v1/unknown?part=1&name=a%20b";
    let answer = send(emu.upload_addr(), &request("POST", target, &[], b"x=1")).await;
    assert_eq!(answer.status, 404);
    let log = emu.requests();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].path, "/upload/v1/unknown");
    assert_eq!(log[0].param("part"), Some("1"));
    assert_eq!(log[0].param("name"), Some("a b"));
    assert_eq!(log[0].param("x"), None);
    assert_eq!(log[0].body, b"x=1");
}

/// A request refused before it was read whole (here a body over the limit) is not in the log,
/// as `requests()` says; the next one is.
#[tokio::test]
async fn a_body_over_the_limit_is_refused_and_not_logged() {
    let emu = Emulator::builder()
        .max_request_bytes(4)
        .start()
        .await
        .unwrap();
    let answer = send(
        emu.addr(),
        &request("POST", "/api/auth.test", &[], b"a=12345"),
    )
    .await;
    assert_eq!(answer.status, 413);
    assert!(emu.requests().is_empty());
    let answer = send(emu.addr(), &request("POST", "/api/auth.test", &[], b"")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(emu.requests().len(), 1);
}
