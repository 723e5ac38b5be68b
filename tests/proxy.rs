//! The client follows the proxy the environment names: a plain-`http` call goes to the proxy as
//! a request for the full URL, with the proxy's credentials in `Proxy-Authorization` (and the
//! token, as always, only in `Authorization`). The proxy here is a small loopback one that checks
//! the request, rewrites it to the origin form and passes it on to the emulator.
//!
//! This file holds one test: it sets `HTTP_PROXY` for its whole process.

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
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") {
                if client.read(&mut byte).await.unwrap_or(0) == 0 {
                    return;
                }
                head.push(byte[0]);
            }
            let head = String::from_utf8(head).unwrap();
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_calls_go_through_the_environments_proxy_with_its_credentials() {
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
    // The only test in this process: nothing else reads the environment meanwhile.
    std::env::set_var(
        "HTTP_PROXY",
        format!("http://agent:s3cret@127.0.0.1:{proxy_port}"),
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
}
