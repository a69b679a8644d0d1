//! Pure value handling: request bodies (`{value}` / `{values: [...]}`), the answer-text rule
//! from `sommelier_core`, strict percent-decoding of path segments, and the KV key names.
//!
//! A key's identity part is the answer key (case ignored by full case mapping); one that
//! would not fit KV's 512-byte key limit (full case mapping can triple a character, e.g.
//! `ΐ`) is replaced by `#` and its SHA-256 in hex. The display text lives in the metadata.

use sha2::{Digest, Sha256};
use sommelier_core::answer_text::{answer_key, normalize_answer};
use sommelier_core::api::answers::{SuggestValueInput, ValuesInput};
use sommelier_core::Category;

/// Most values one category may hold.
pub const MAX_VALUES_PER_CATEGORY: usize = 2_000;
/// Most values one `POST /answers/{category}` may carry (keeps one request well under the
/// Workers limit of 1,000 KV operations per invocation).
pub const MAX_BATCH: usize = 500;

/// Prefix of every answer key: `answer:{category}:{key}`.
pub const ANSWER_PREFIX: &str = "answer:";
/// Prefix of every pending suggestion key: `suggestion:{category}:{key}`.
pub const SUGGESTION_PREFIX: &str = "suggestion:";

/// Longest identity part kept as is in a KV key (the longest prefix is under 30 bytes).
const MAX_PLAIN_ID_BYTES: usize = 400;

/// The identity part of a KV key for an answer key.
pub fn kv_id(key: &str) -> String {
    if key.len() <= MAX_PLAIN_ID_BYTES {
        return key.to_string();
    }
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("#{hex}")
}

/// A valid value: its display form (trimmed, as typed) and its identity (the answer key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub display: String,
    pub key: String,
}

impl Answer {
    /// Checks one raw text against the shared answer rule.
    pub fn parse(raw: &str) -> Result<Answer, String> {
        let display = normalize_answer(raw).map_err(|e| e.to_string())?;
        let key = answer_key(&display);
        Ok(Answer { display, key })
    }
}

/// The KV key of an answer value.
pub fn answer_kv_key(category: Category, key: &str) -> String {
    format!("{ANSWER_PREFIX}{}:{}", category.as_str(), kv_id(key))
}

/// The KV key of a pending suggestion.
pub fn suggestion_kv_key(category: Category, key: &str) -> String {
    format!("{SUGGESTION_PREFIX}{}:{}", category.as_str(), kv_id(key))
}

/// The list prefix of one category's answers or suggestions (`base` is one of the prefixes).
pub fn category_prefix(base: &str, category: Category) -> String {
    format!("{base}{}:", category.as_str())
}

/// Splits a listed KV key name (`{base}{category}:{key}`) back into its parts.
pub fn split_kv_key<'a>(base: &str, name: &'a str) -> Option<(Category, &'a str)> {
    let rest = name.strip_prefix(base)?;
    let (category, key) = rest.split_once(':')?;
    Some((Category::parse(category)?, key))
}

/// Parses a `POST /answers/{category}` body ([`ValuesInput`]) into checked values, in order.
/// Any invalid value refuses the whole body; the message names the offending field.
pub fn parse_values(bytes: &[u8]) -> Result<Vec<Answer>, String> {
    let input: ValuesInput = serde_json::from_slice(bytes).map_err(|e| {
        wrong_type(bytes).unwrap_or_else(|| {
            format!("the body must be {{\"value\": string}} or {{\"values\": [string]}}: {e}")
        })
    })?;
    match (input.value, input.values) {
        (Some(_), Some(_)) => Err("send either `value` or `values`, not both".into()),
        (None, None) => Err("the body must have `value` or `values`".into()),
        (Some(raw), None) => Answer::parse(&raw)
            .map(|a| vec![a])
            .map_err(|e| format!("value {e}")),
        (None, Some(items)) => {
            if items.len() > MAX_BATCH {
                return Err(format!(
                    "at most {MAX_BATCH} values per request (got {})",
                    items.len()
                ));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, raw)| Answer::parse(raw).map_err(|e| format!("values[{i}] {e}")))
                .collect()
        }
    }
}

/// Names the first field of the wrong type, so a refused batch says which entry it was.
fn wrong_type(bytes: &[u8]) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if let Some(items) = body.get("values").and_then(|v| v.as_array()) {
        if let Some(i) = items.iter().position(|item| !item.is_string()) {
            return Some(format!("values[{i}] must be a string"));
        }
    }
    None
}

/// Parses a `POST /suggestions/{category}` body ([`SuggestValueInput`]).
pub fn parse_suggestion(bytes: &[u8]) -> Result<Answer, String> {
    let input: SuggestValueInput = serde_json::from_slice(bytes)
        .map_err(|e| format!("the body must be {{\"value\": string}}: {e}"))?;
    Answer::parse(&input.value).map_err(|e| format!("value {e}"))
}

/// Splits a batch into first occurrences and later case-insensitive repeats.
pub fn dedupe(values: Vec<Answer>) -> (Vec<Answer>, Vec<Answer>) {
    let mut seen = std::collections::HashSet::new();
    values.into_iter().partition(|a| seen.insert(a.key.clone()))
}

/// Decodes one percent-encoded path segment strictly: every `%` must start a two-digit hex
/// escape and the result must be UTF-8.
pub fn decode_segment(segment: &str) -> Result<String, String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            match (hex_digit(bytes.get(i + 1)), hex_digit(bytes.get(i + 2))) {
                (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
                _ => return Err("the value in the URL has malformed percent-encoding".into()),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the value in the URL is not valid UTF-8".into())
}

fn hex_digit(byte: Option<&u8>) -> Option<u8> {
    (*byte? as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_and_batch() {
        let one = parse_values(br#"{"value":"  Merlot "}"#).unwrap();
        assert_eq!(
            one,
            vec![Answer {
                display: "Merlot".into(),
                key: "merlot".into()
            }]
        );
        let many = parse_values(r#"{"values":["Rosé","rosé","Rose"]}"#.as_bytes()).unwrap();
        assert_eq!(many.len(), 3);
        let (first, repeats) = dedupe(many);
        assert_eq!(first.len(), 2);
        assert_eq!(repeats[0].display, "rosé");
        let (first, repeats) =
            dedupe(parse_values(r#"{"values":["Straße","STRASSE"]}"#.as_bytes()).unwrap());
        assert_eq!((first.len(), repeats.len()), (1, 1), "full case mapping");
        assert_eq!(
            parse_suggestion(br#"{"value":" Red "}"#).unwrap().display,
            "Red"
        );
    }

    #[test]
    fn refuses_bad_bodies() {
        for body in [
            &b"not json"[..],
            b"[]",
            b"{}",
            b"{\"value\":3}",
            b"{\"value\":null}",
            b"{\"values\":\"Merlot\"}",
            b"{\"values\":[\"ok\",4]}",
            b"{\"value\":\"a\",\"values\":[]}",
            b"{\"values\":[\"ok\",\"  \"]}",
            b"{\"value\":\"a\\u0007b\"}",
            b"{\"value\":\"a\",\"extra\":1}",
        ] {
            assert!(
                parse_values(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        assert!(parse_suggestion(br#"{"values":["a"]}"#).is_err());
        assert!(parse_suggestion(br#"{"value":"a","x":1}"#).is_err());
        let long = format!(r#"{{"value":"{}"}}"#, "x".repeat(101));
        assert!(parse_values(long.as_bytes())
            .unwrap_err()
            .contains("at most 100"));
        let err = parse_values(br#"{"values":["ok","bad\nline"]}"#).unwrap_err();
        assert!(err.starts_with("values[1]"), "{err}");
        let err = parse_values(br#"{"values":["ok",42]}"#).unwrap_err();
        assert_eq!(err, "values[1] must be a string");
        let big: Vec<String> = (0..=MAX_BATCH).map(|i| format!("\"v{i}\"")).collect();
        let body = format!(r#"{{"values":[{}]}}"#, big.join(","));
        assert!(parse_values(body.as_bytes()).is_err());
    }

    #[test]
    fn decodes_segments_strictly() {
        assert_eq!(
            decode_segment("Ch%C3%A2teau%20Margaux").unwrap(),
            "Château Margaux"
        );
        assert_eq!(decode_segment("a%2Fb+c").unwrap(), "a/b+c");
        assert_eq!(decode_segment("Rosé").unwrap(), "Rosé");
        for bad in ["%", "%Z1", "%1", "abc%G0", "%E9", "%C3", "%+1"] {
            assert!(decode_segment(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kv_keys_round_trip_and_fit_the_kv_limit() {
        let a = Answer::parse("Bordeaux, France").unwrap();
        let name = answer_kv_key(Category::Region, &a.key);
        assert_eq!(name, "answer:region:bordeaux, france");
        assert_eq!(
            split_kv_key(ANSWER_PREFIX, &name),
            Some((Category::Region, "bordeaux, france"))
        );
        assert_eq!(split_kv_key(ANSWER_PREFIX, "answer:nope:x"), None);
        assert_eq!(split_kv_key(SUGGESTION_PREFIX, &name), None);
        // KV keys are limited to 512 bytes: every character's case mapping at its longest
        // still fits, the ones that grow the most through a hash.
        let widest = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_control())
            .max_by_key(|c| answer_key(&c.to_string()).len())
            .unwrap();
        for worst in [widest, 'İ', 'ΐ', '𐐀', '\u{10FFFF}', 'a'] {
            let a = Answer::parse(&worst.to_string().repeat(100)).unwrap();
            assert!(
                suggestion_kv_key(Category::GrapeVariety, &a.key).len() <= 512,
                "{worst}"
            );
            assert!(
                answer_kv_key(Category::GrapeVariety, &a.key).len() <= 512,
                "{worst}"
            );
        }
        assert!(kv_id(&answer_key(&widest.to_string().repeat(100))).starts_with('#'));
        assert_eq!(kv_id(&"x".repeat(401)).len(), 65);
        assert_eq!(kv_id("merlot"), "merlot");
    }
}
