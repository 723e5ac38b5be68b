//! Gzip-compressed answers (feature `gzip`): the client asks for them with
//! `Accept-Encoding: gzip` and decompresses their bytes as they arrive, never holding more
//! decompressed bytes than the response size limit.

use std::io::{self, Write as _};

/// The `Accept-Encoding` every call carries.
pub(crate) const ACCEPT_ENCODING: http::HeaderValue = http::HeaderValue::from_static("gzip");

/// Whether the answer's body is gzip-compressed: `Content-Encoding: gzip`, or `x-gzip`, the
/// name HTTP asks recipients to take as the same.
pub(crate) fn gzipped(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_ENCODING)
        .and_then(|coding| coding.to_str().ok())
        .map(str::trim)
        .is_some_and(|coding| {
            coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip")
        })
}

/// Why decompressing stopped.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The decompressed bytes would pass the limit.
    TooLarge,
    /// The bytes are not a whole gzip stream: not gzip, damaged, or cut short.
    Corrupt(io::Error),
}

/// A body being decompressed: gzip members one after the other (a gzip body may hold several),
/// the decompressed bytes kept up to `limit`.
pub(crate) struct Gunzip {
    decoder: flate2::write::MultiGzDecoder<Bounded>,
    /// Compressed bytes taken so far.
    taken: usize,
}

impl Gunzip {
    /// A decoder that keeps its output in `out` (its capacity reserved by the caller), at most
    /// `limit` bytes of it.
    pub(crate) fn new(out: Vec<u8>, limit: usize) -> Gunzip {
        Gunzip {
            decoder: flate2::write::MultiGzDecoder::new(Bounded {
                out,
                limit,
                over: false,
            }),
            taken: 0,
        }
    }

    /// Decompresses the next compressed bytes; the compressed bytes taken are held to the
    /// limit too.
    pub(crate) fn write(&mut self, compressed: &[u8]) -> Result<(), Stop> {
        self.taken = self.taken.saturating_add(compressed.len());
        if self.taken > self.decoder.get_ref().limit {
            return Err(Stop::TooLarge);
        }
        match self.decoder.write_all(compressed) {
            Ok(()) => Ok(()),
            Err(_) if self.decoder.get_ref().over => Err(Stop::TooLarge),
            Err(err) => Err(Stop::Corrupt(err)),
        }
    }

    /// The decompressed bytes so far.
    pub(crate) fn output(&self) -> &[u8] {
        &self.decoder.get_ref().out
    }

    /// The whole decompressed body, once every compressed byte was written: the stream must
    /// end where the bytes do, its checksum and length right. An empty body stays empty.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, (Stop, Vec<u8>)> {
        if self.taken > 0 {
            if let Err(err) = self.decoder.try_finish() {
                let stop = if self.decoder.get_ref().over {
                    Stop::TooLarge
                } else {
                    Stop::Corrupt(err)
                };
                return Err((stop, self.take_output()));
            }
        }
        Ok(self.take_output())
    }

    fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.decoder.get_mut().out)
    }
}

/// The decompressed bytes, refused past `limit` (which `over` then records).
struct Bounded {
    out: Vec<u8>,
    limit: usize,
    over: bool,
}

impl io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.over || self.out.len().saturating_add(buf.len()) > self.limit {
            self.over = true;
            return Err(io::Error::other(
                "the decompressed body is larger than the limit",
            ));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    /// Decompresses `compressed` fed in pieces of `piece` bytes.
    fn gunzip(compressed: &[u8], piece: usize, limit: usize) -> Result<Vec<u8>, String> {
        let mut gunzip = Gunzip::new(Vec::new(), limit);
        for chunk in compressed.chunks(piece.max(1)) {
            match gunzip.write(chunk) {
                Ok(()) => {}
                Err(Stop::TooLarge) => return Err("too large".to_owned()),
                Err(Stop::Corrupt(err)) => return Err(format!("corrupt: {err}")),
            }
        }
        gunzip.finish().map_err(|(stop, _)| match stop {
            Stop::TooLarge => "too large".to_owned(),
            Stop::Corrupt(err) => format!("corrupt: {err}"),
        })
    }

    #[test]
    fn whole_streams_decompress_in_any_pieces() {
        let data = br#"{"ok":true,"members":[]}"#.repeat(500);
        let compressed = gzip(&data);
        for piece in [1, 7, 512, compressed.len()] {
            assert_eq!(gunzip(&compressed, piece, data.len()), Ok(data.clone()));
        }
        // Two members, one after the other, are one body.
        let two = [gzip(b"{\"ok\":"), gzip(b"true}")].concat();
        assert_eq!(gunzip(&two, 3, 100), Ok(b"{\"ok\":true}".to_vec()));
        assert_eq!(gunzip(&[], 1, 100), Ok(Vec::new()));
    }

    #[test]
    fn the_limit_counts_decompressed_bytes() {
        let data = vec![b' '; 1 << 20];
        let compressed = gzip(&data);
        assert!(compressed.len() < 4096);
        assert_eq!(gunzip(&compressed, 1024, data.len()), Ok(data.clone()));
        assert_eq!(
            gunzip(&compressed, 1024, data.len() - 1),
            Err("too large".to_owned())
        );
        // The decoder holds at most the limit, however the bytes arrive.
        let mut gunzip = Gunzip::new(Vec::new(), 1000);
        assert!(matches!(gunzip.write(&compressed), Err(Stop::TooLarge)));
        assert!(gunzip.output().len() <= 1000);
    }

    #[test]
    fn damaged_streams_are_refused_without_panic() {
        let data = br#"{"ok":true,"text":"hello"}"#.repeat(40);
        let compressed = gzip(&data);
        // Cut short anywhere, including inside the header and the trailer.
        for cut in 1..compressed.len() {
            let result = gunzip(&compressed[..cut], 5, 1 << 20);
            assert!(
                result.as_ref().is_err_and(|e| e.starts_with("corrupt")),
                "{cut}: {result:?}"
            );
        }
        // Any one byte changed: refused, or (a changed header field that does not matter, such
        // as the time) the same data; never other data.
        for at in 0..compressed.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut bad = compressed.clone();
                bad[at] ^= flip;
                if let Ok(out) = gunzip(&bad, 11, 1 << 20) {
                    assert_eq!(out, data, "byte {at} ^ {flip:#x}");
                }
            }
        }
        // Not gzip at all, and bytes after the stream.
        assert!(gunzip(br#"{"ok":true}"#, 4, 100).is_err());
        assert!(gunzip(&[compressed.as_slice(), b"xyz"].concat(), 8, 1 << 20).is_err());
    }
}
