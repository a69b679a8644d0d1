//! The body size cap, applied as chunks arrive (pure, so its rule is tested natively).

/// Accumulates a body up to `limit` bytes; refuses the chunk that would pass it.
#[derive(Debug)]
pub struct BodyLimit {
    limit: usize,
    bytes: Vec<u8>,
}

/// The body went past its cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

impl BodyLimit {
    pub fn new(limit: usize) -> BodyLimit {
        BodyLimit {
            limit,
            bytes: Vec::new(),
        }
    }

    /// Refuses a declared `Content-Length` above the cap before anything is read. An
    /// unparsable header is ignored here: the stream is capped all the same.
    pub fn check_declared(&self, content_length: Option<&str>) -> Result<(), TooLarge> {
        match content_length.and_then(|v| v.trim().parse::<u64>().ok()) {
            Some(n) if n > self.limit as u64 => Err(TooLarge),
            _ => Ok(()),
        }
    }

    /// Appends one chunk, or refuses it (keeping nothing more) if the total would pass the cap.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), TooLarge> {
        if self.bytes.len() + chunk.len() > self.limit {
            return Err(TooLarge);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_the_sum_of_chunks_not_each_chunk() {
        let mut body = BodyLimit::new(10);
        assert_eq!(body.push(b"12345"), Ok(()));
        assert_eq!(body.push(b"67890"), Ok(()));
        assert_eq!(body.push(b"x"), Err(TooLarge));
        assert_eq!(body.into_bytes(), b"1234567890");
    }

    #[test]
    fn refuses_a_declared_length_above_the_cap() {
        let body = BodyLimit::new(10);
        assert_eq!(body.check_declared(Some("10")), Ok(()));
        assert_eq!(body.check_declared(Some(" 11 ")), Err(TooLarge));
        assert_eq!(
            body.check_declared(Some("99999999999999999999999")),
            Ok(()),
            "unparsable: left to the streaming cap"
        );
        assert_eq!(body.check_declared(None), Ok(()));
    }
}
