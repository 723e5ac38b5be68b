//! The client follows the proxies the environment names: a plain-`http` call goes to the proxy
//! as a request for the full URL, with the proxy's credentials in `Proxy-Authorization` (and the
//! token, as always, only in `Authorization`); a `https` call opens a `CONNECT` tunnel through
//! its proxy, with the credentials on the `CONNECT`, and speaks TLS inside it. The proxies here
//! are small loopback ones: the first checks the request, rewrites it to the origin form and
//! passes it on to the emulator; the second records the tunnel's request and the first bytes the
//! client sends through it.
//!
//! This file holds one test: it sets `HTTP_PROXY` and `HTTPS_PROXY` for its whole process.

use slack_methods::methods::AuthTest;
use slack_methods::{Client, RateLimits, RetryPolicy, Token};
use slack_methods_emulator::{Emulator, UserSpec};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy saw of each request: its request line and its `Proxy-Authorization`.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// Serves each connection: reads one request head, records it, rewrites its absolute URL to the
/// origin form (dropping `Proxy-Authorization`), then relays the connection to `upstream`.
async fn proxy(listener: TcpListener, upstream: String, seen: Seen) {
    loop {
        let Ok((mut client, _)) = listener.accept().await else {
            return;
        };
        let (upstream, seen) = (upstream.clone(), Arc::clone(&seen));
        tokio::spawn(async move {
            let Some(head) = read_head(&mut client).await else {
                return;
            };
            let mut lines = head.split("\r\n");
            let request_line = lines.next().unwrap().to_owned();
            let mut auth = None;
            let mut rewritten = Vec::new();
            for line in lines {
                match line.split_once(':') {
                    Some((name, value)) if name.eq_ignore_ascii_case("proxy-authorization") => {
                        auth = Some(value.trim().to_owned());
                    }
                    _ => rewritten.push(line),
                }
            }
            seen.lock().unwrap().push((request_line.clone(), auth));
            let origin_form = request_line.replacen(&format!("http://{upstream}"), "", 1);
            let mut server = TcpStream::connect(&upstream).await.unwrap();
            let head = format!("{origin_form}\r\n{}", rewritten.join("\r\n"));
            server.write_all(head.as_bytes()).await.unwrap();
            // One request per connection: the rest of the stream (the body) goes as it is.
            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
        });
    }
}

/// What the tunnelling proxy saw: the `CONNECT` head and the bytes the client sent through the
/// tunnel once it was open.
type Tunnelled = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

/// Reads one request head (up to the blank line), or `None` if the connection closes first.
async fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    String::from_utf8(head).ok()
}

/// Answers each `CONNECT` with `200`, then records what the client sends through the tunnel (its
/// TLS handshake) and closes it: there is no Slack behind this proxy, only a witness.
async fn tunnel_witness(listener: TcpListener, seen: Tunnelled) {
    loop {
        let Ok((mut client, _)) = listener.accept().await else {
            return;
        };
        let seen = Arc::clone(&seen);
        tokio::spawn(async move {
            let Some(head) = read_head(&mut client).await else {
                return;
            };
            let _ = client
                .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                .await;
            // The first TLS record whole: its 5-byte header says how long it is.
            let mut inside = Vec::new();
            let mut chunk = [0u8; 4096];
            loop {
                let record = match inside.get(3..5) {
                    Some(&[high, low]) => 5 + usize::from(u16::from_be_bytes([high, low])),
                    _ => usize::MAX,
                };
                if inside.len() >= record {
                    break;
                }
                match client.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => inside.extend_from_slice(&chunk[..n]),
                }
            }
            seen.lock().unwrap().push((head, inside));
        });
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_go_through_the_environments_proxies_with_their_credentials() {
    let emu = Emulator::builder()
        .serve(slack_methods::methods::ALL)
        .start()
        .await
        .unwrap();
    emu.add_user(UserSpec::new("U0PROXY001", "proxied"));
    emu.add_token("xoxb-proxied-1", "U0PROXY001", &[]);
    let upstream = emu
        .base_url()
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();

    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy_port = listener.local_addr().unwrap().port();
    let seen = Seen::default();
    tokio::spawn(proxy(listener, upstream.clone(), Arc::clone(&seen)));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let tunnel_port = listener.local_addr().unwrap().port();
    let tunnelled = Tunnelled::default();
    tokio::spawn(tunnel_witness(listener, Arc::clone(&tunnelled)));
    // The only test in this process: nothing else reads the environment meanwhile.
    std::env::set_var(
        "HTTP_PROXY",
        format!("http://agent:s3cret@127.0.0.1:{proxy_port}"),
    );
    std::env::set_var(
        "HTTPS_PROXY",
        format!("http://tunnel:0pen@127.0.0.1:{tunnel_port}"),
    );
    std::env::remove_var("NO_PROXY");
    std::env::remove_var("no_proxy");

    let client = Client::builder()
        .base_url(&emu.base_url())
        .token(Token::new("xoxb-proxied-1").unwrap())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let me = client.call(&AuthTest).await.unwrap();
    assert_eq!(me.user_id.as_str(), "U0PROXY001");

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    let (request_line, auth) = &seen[0];
    assert_eq!(
        request_line,
        &format!("POST http://{upstream}/api/auth.test HTTP/1.1")
    );
    // `agent:s3cret` in Basic form.
    assert_eq!(auth.as_deref(), Some("Basic YWdlbnQ6czNjcmV0"));

    // `https`: a tunnel to the host of the URL, port 443, with the tunnel proxy's credentials
    // on the `CONNECT`; inside it the client starts TLS for that host, so the token never
    // reaches the proxy in the clear. The witness ends the tunnel after the first bytes, so the
    // call fails as a connection that could not be opened: nothing was sent.
    let client = Client::builder()
        .base_url("https://slack.example.test/api/")
        .token(Token::new("xoxb-proxied-1").unwrap())
        .rate_limits(RateLimits::off())
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();
    let error = client.call(&AuthTest).await.unwrap_err();
    assert!(
        matches!(error, slack_methods::Error::Transport { connect: true, .. }),
        "{error:?}"
    );
    let tunnelled = tunnelled.lock().unwrap().clone();
    assert_eq!(tunnelled.len(), 1, "{tunnelled:?}");
    let (head, inside) = &tunnelled[0];
    let mut lines = head.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("CONNECT slack.example.test:443 HTTP/1.1")
    );
    // `tunnel:0pen` in Basic form; the token is not on the `CONNECT`.
    assert!(
        lines.any(|line| line.eq_ignore_ascii_case("proxy-authorization: Basic dHVubmVsOjBwZW4=")),
        "{head}"
    );
    assert!(!head.contains("xoxb-"), "{head}");
    // A TLS handshake record (content type 22) naming the host (SNI), and no token.
    assert_eq!(inside.first(), Some(&0x16), "{inside:?}");
    let named = inside
        .windows(b"slack.example.test".len())
        .any(|window| window == b"slack.example.test");
    assert!(named, "the ClientHello does not name the host");
    assert!(!inside.windows(5).any(|window| window == b"xoxb-"));
}
