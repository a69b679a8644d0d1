//! Secrets: host keys and participant tokens are stored only as SHA-256 hashes and checked
//! in constant time; tokens are drawn from the caller's random source (no OS randomness here).

use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Bytes of randomness in a participant token (256 bits, well above the 128-bit floor).
pub const TOKEN_BYTES: usize = 32;

/// Shortest accepted host key, in characters (22 base64 characters carry 128 bits).
pub const MIN_HOST_KEY_CHARS: usize = 22;
/// Longest accepted host key, in characters (keeps hashing cheap and frames small).
pub const MAX_HOST_KEY_CHARS: usize = 256;

/// The lowercase hex SHA-256 of a secret: what storage keeps instead of the secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Whether `candidate` hashes to `stored_hash`, compared in constant time.
pub fn verify_secret(candidate: &str, stored_hash: &str) -> bool {
    let computed = hash_secret(candidate);
    // Lengths are public (always 64 for a valid hash); contents are compared without early exit.
    computed.as_bytes().ct_eq(stored_hash.as_bytes()).into()
}

/// A new participant token: random hex, sent once to its owner.
pub fn new_token(rng: &mut dyn RngCore) -> String {
    let mut bytes = [0u8; TOKEN_BYTES];
    rng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Whether a host key is acceptable as a credential (length and printable ASCII only).
pub fn host_key_problem(key: &str) -> Option<String> {
    let chars = key.chars().count();
    if chars < MIN_HOST_KEY_CHARS {
        return Some(format!("must be at least {MIN_HOST_KEY_CHARS} characters"));
    }
    if chars > MAX_HOST_KEY_CHARS {
        return Some(format!("must be at most {MAX_HOST_KEY_CHARS} characters"));
    }
    if !key.chars().all(|c| c.is_ascii_graphic()) {
        return Some("must be printable ASCII".to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn hashes_and_verifies() {
        let h = hash_secret("correct horse battery staple");
        assert_eq!(h.len(), 64);
        assert!(verify_secret("correct horse battery staple", &h));
        assert!(!verify_secret("correct horse battery stapl", &h));
        assert!(!verify_secret("x", "short"));
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let a = new_token(&mut rng);
        let b = new_token(&mut rng);
        assert_eq!(a.len(), TOKEN_BYTES * 2);
        assert_ne!(a, b);
    }

    #[test]
    fn host_key_rules() {
        assert!(host_key_problem("short").is_some());
        assert!(host_key_problem(&"k".repeat(22)).is_none());
        assert!(host_key_problem(&"k".repeat(257)).is_some());
        assert!(host_key_problem(&format!("{} ", "k".repeat(30))).is_some());
    }
}
