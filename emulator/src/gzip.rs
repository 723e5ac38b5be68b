//! Gzip-compressed answers (feature `gzip`): what a request's `Accept-Encoding` allows, the
//! compressed answer, and the broken ones the gzip faults send.

use crate::methods::Reply;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use std::io::Write as _;

/// Whether `accept_encoding` (the request's header) takes gzip: `gzip` (or `x-gzip`) with a
/// weight above zero, or, when gzip is not named, `*` with one.
pub(crate) fn accepts_gzip(accept_encoding: Option<&str>) -> bool {
    let Some(header) = accept_encoding else {
        return false;
    };
    let (mut gzip, mut any) = (None, None);
    for item in header.split(',') {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or_default().trim();
        let weight = parts
            .find_map(|param| {
                let (name, value) = param.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("q")
                    .then(|| value.trim().parse::<f32>().ok())?
            })
            .unwrap_or(1.0);
        if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            gzip = Some(weight);
        } else if coding == "*" {
            any = Some(weight);
        }
    }
    gzip.or(any).is_some_and(|weight| weight > 0.0)
}

/// `reply` gzip-compressed, as Slack answers a client that asks: a body that is not already
/// encoded and not empty (an empty body stays as it is).
pub(crate) fn compress(reply: &mut Reply) {
    let encoded = reply
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-encoding"));
    if encoded || reply.body.is_empty() {
        return;
    }
    reply.body = encode(&reply.body);
    label(reply);
}

fn label(reply: &mut Reply) {
    reply.headers.push(("Content-Encoding", "gzip".to_owned()));
    reply.headers.push(("Vary", "Accept-Encoding".to_owned()));
}

/// `data` as one gzip member.
pub(crate) fn encode(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
    // Writing to a `Vec` cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// `reply` compressed, with the stream's CRC-32 wrong: every byte decompresses, and the check
/// at its end fails.
pub(crate) fn corrupt(reply: &mut Reply) {
    let mut body = encode(&reply.body);
    // The trailer: CRC-32, then the length, 4 bytes each.
    if let Some(at) = body.len().checked_sub(8) {
        body[at] ^= 0xff;
    }
    reply.body = body;
    label(reply);
}

/// `reply` compressed and cut to half of its compressed bytes, framed as a whole body: the
/// HTTP answer is complete, the gzip stream in it is not.
pub(crate) fn cut_short(reply: &mut Reply) {
    let mut body = encode(&reply.body);
    body.truncate(body.len() / 2);
    reply.body = body;
    label(reply);
}

/// `reply`, a JSON object, padded with a `"padding"` string field of `x`s to at least `bytes`
/// decompressed bytes, and compressed: a few bytes on the wire per MiB once decompressed. The
/// padding is compressed once per MiB and its compressed bytes repeated, so a large `bytes`
/// costs the emulator little time and memory beyond the compressed answer. Any other body is
/// padded with spaces.
pub(crate) fn bomb(reply: &mut Reply, bytes: usize) {
    const BLOCK: usize = 1 << 20;
    let body = &reply.body;
    let object = body.first() == Some(&b'{') && body.last() == Some(&b'}') && body.len() > 2;
    let (prefix, fill, suffix): (Vec<u8>, u8, &[u8]) = if object {
        let mut prefix = body[..body.len() - 1].to_vec();
        prefix.extend_from_slice(br#","padding":""#);
        (prefix, b'x', b"\"}")
    } else {
        (body.clone(), b' ', b"")
    };
    let padding = bytes.saturating_sub(prefix.len() + suffix.len());
    let block = vec![fill; BLOCK.min(padding)];
    let (blocks, rest) = match block.len() {
        0 => (0, 0),
        len => (padding / len, padding % len),
    };

    let mut deflate = Compress::new(Compression::best(), false);
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff];
    let mut crc = Crc::new();
    // Each part ends with a full flush: the next part refers to nothing before it, so the
    // padding block's compressed bytes stand for it wherever they are repeated.
    let mut part = |data: &[u8], flush: FlushCompress, out: &mut Vec<u8>, crc: &mut Crc| {
        crc.update(data);
        deflate_into(&mut deflate, data, flush, out);
    };
    part(&prefix, FlushCompress::Full, &mut out, &mut crc);
    if blocks > 0 {
        let mut one = Vec::new();
        let mut block_crc = Crc::new();
        part(&block, FlushCompress::Full, &mut one, &mut block_crc);
        for _ in 0..blocks {
            out.extend_from_slice(&one);
            crc.combine(&block_crc);
        }
    }
    part(&block[..rest], FlushCompress::Full, &mut out, &mut crc);
    part(suffix, FlushCompress::Finish, &mut out, &mut crc);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&crc.amount().to_le_bytes());
    reply.body = out;
    label(reply);
}

/// Compresses all of `data` into `out` and carries out `flush`.
fn deflate_into(deflate: &mut Compress, mut data: &[u8], flush: FlushCompress, out: &mut Vec<u8>) {
    loop {
        out.reserve(64 * 1024);
        let before = deflate.total_in();
        let status = deflate.compress_vec(data, out, flush);
        let taken = usize::try_from(deflate.total_in() - before).unwrap_or(data.len());
        data = data.get(taken..).unwrap_or_default();
        match status {
            Ok(Status::StreamEnd) | Err(_) => return,
            // Room left over in the output: the input and the flush are done.
            Ok(_) if data.is_empty() && out.len() < out.capacity() => return,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    fn gunzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(body).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn accept_encoding_is_read_as_http_says() {
        for (header, gzip) in [
            (None, false),
            (Some("gzip"), true),
            (Some("gzip, deflate"), true),
            (Some("gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), true),
            (Some("identity"), false),
            (Some("deflate, br"), false),
            (Some("GZIP"), true),
            (Some("x-gzip"), true),
            (Some("gzip;q=0"), false),
            (Some("*"), true),
            (Some("*;q=0.5, gzip;q=0"), false),
            (Some("br, *;q=0"), false),
        ] {
            assert_eq!(accepts_gzip(header), gzip, "{header:?}");
        }
    }

    #[test]
    fn answers_and_broken_answers() {
        let mut reply = Reply::json(200, br#"{"ok":true,"members":[]}"#.to_vec());
        compress(&mut reply);
        assert_eq!(gunzip(&reply.body).unwrap(), br#"{"ok":true,"members":[]}"#);
        let once = reply.body.clone();
        compress(&mut reply);
        assert_eq!(reply.body, once, "an encoded answer is not encoded again");
        let mut empty = Reply::json(200, Vec::new());
        compress(&mut empty);
        assert!(empty.body.is_empty() && empty.headers.is_empty());

        let mut bad = Reply::json(200, br#"{"ok":true}"#.to_vec());
        corrupt(&mut bad);
        assert!(gunzip(&bad.body).is_err());
        let mut short = Reply::json(200, br#"{"ok":true}"#.to_vec());
        cut_short(&mut short);
        assert!(gunzip(&short.body).is_err());
    }

    #[test]
    fn a_bomb_is_small_and_whole() {
        for bytes in [0, 100, (1 << 20) + 7, 3 << 20] {
            let mut reply = Reply::json(200, br#"{"ok":true}"#.to_vec());
            bomb(&mut reply, bytes);
            let out = gunzip(&reply.body).unwrap();
            assert_eq!(out.len(), bytes.max(br#"{"ok":true,"padding":""}"#.len()));
            let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(value["ok"], true);
            assert!(
                reply.body.len() < 4096 + bytes / 500,
                "{}",
                reply.body.len()
            );
        }
        let mut text = Reply::json(200, b"[]".to_vec());
        bomb(&mut text, 10);
        assert_eq!(gunzip(&text.body).unwrap(), b"[]        ");
    }
}
