//! Building a `users.setPhoto` request, whose image goes as a file part of a multipart form,
//! against a baseline that only copies the image's bytes into a body of the same size: what
//! any multipart encoder must do at least.
//!
//! Two images of 1 MiB: ordinary bytes, and bytes made of the candidate boundaries
//! (`slack-methods-form-boundary`, `-1`, `-2`, ... one after another), so that the first
//! thousands of candidates all occur in the image. The boundary is chosen in one pass over the
//! parts, so both should cost about the same; a search that tried each candidate in turn would
//! read the second image once per candidate.
//!
//! ```text
//! cargo bench --bench multipart
//! ```

use criterion::{BenchmarkId, Criterion, Throughput};
use slack_methods::methods::UsersSetPhoto;
use slack_methods::{build_request, BaseUrl, FormFile, Token};
use std::hint::black_box;
use std::time::Duration;

const IMAGE_BYTES: usize = 1024 * 1024;

/// 1 MiB of bytes that hold no boundary candidate.
fn ordinary() -> Vec<u8> {
    (0..IMAGE_BYTES).map(|i| (i % 251) as u8).collect()
}

/// 1 MiB of candidate boundaries, one after another.
fn candidates() -> Vec<u8> {
    let mut bytes = Vec::with_capacity(IMAGE_BYTES + 64);
    let mut n = 1u64;
    while bytes.len() < IMAGE_BYTES {
        bytes.extend_from_slice(format!("slack-methods-form-boundary-{n}\r\n").as_bytes());
        n += 1;
    }
    bytes.truncate(IMAGE_BYTES);
    bytes
}

/// The baseline: a body of the request's size, the image copied into it after a part header.
fn baseline(image: &[u8]) -> Vec<u8> {
    let head = b"--boundary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"me.png\"\r\nContent-Type: image/png\r\n\r\n";
    let mut body = Vec::with_capacity(head.len() + image.len() + 16);
    body.extend_from_slice(head);
    body.extend_from_slice(image);
    body.extend_from_slice(b"\r\n--boundary--\r\n");
    body
}

fn main() {
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let token = Token::new("xoxp-bench").expect("a valid token");
    let base = BaseUrl::default();
    let mut group = c.benchmark_group("users.setPhoto, 1 MiB image");
    group.throughput(Throughput::Bytes(IMAGE_BYTES as u64));
    for (name, image) in [("ordinary", ordinary()), ("candidates", candidates())] {
        let set = UsersSetPhoto::new(
            FormFile::new("me.png", image.clone()).with_content_type("image/png"),
        );
        group.bench_function(BenchmarkId::new("build_request", name), |b| {
            b.iter(|| build_request(black_box(&set), &base, &token).expect("the request builds"))
        });
        group.bench_function(BenchmarkId::new("baseline", name), |b| {
            b.iter(|| baseline(black_box(&image)))
        });
    }
    group.finish();
    c.final_summary();
}
