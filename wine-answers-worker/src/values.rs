//! Pure value handling: request bodies (`{value}` / `{values: [...]}`), the answer-text rule
//! from `sommelier_core`, strict percent-decoding of path segments, and the KV key names.

use serde_json::Value;
use sommelier_core::answer_text::{answer_key, normalize_answer};
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

/// A valid value: its display form (trimmed, as typed) and its identity (lower case).
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
    format!("{ANSWER_PREFIX}{}:{key}", category.as_str())
}

/// The KV key of a pending suggestion.
pub fn suggestion_kv_key(category: Category, key: &str) -> String {
    format!("{SUGGESTION_PREFIX}{}:{key}", category.as_str())
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

/// Parses `{value}` (and, when `allow_many`, `{values: [...]}`) into checked values, in order.
/// Any invalid value refuses the whole body; the message names the offending field.
pub fn parse_body(bytes: &[u8], allow_many: bool) -> Result<Vec<Answer>, String> {
    let body: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("the body is not valid JSON: {e}"))?;
    let Value::Object(map) = body else {
        return Err("the body must be a JSON object".into());
    };
    let single = map.get("value");
    let many = if allow_many { map.get("values") } else { None };
    let expected = if allow_many {
        "`value` (a string) or `values` (an array of strings)"
    } else {
        "`value` (a string)"
    };
    match (single, many) {
        (Some(_), Some(_)) => Err("send either `value` or `values`, not both".into()),
        (None, None) => Err(format!("the body must have {expected}")),
        (Some(Value::String(raw)), None) => Answer::parse(raw)
            .map(|a| vec![a])
            .map_err(|e| format!("value {e}")),
        (Some(_), None) => Err("`value` must be a string".into()),
        (None, Some(Value::Array(items))) => {
            if items.len() > MAX_BATCH {
                return Err(format!(
                    "at most {MAX_BATCH} values per request (got {})",
                    items.len()
                ));
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Value::String(raw) => {
                        Answer::parse(raw).map_err(|e| format!("values[{i}] {e}"))
                    }
                    _ => Err(format!("values[{i}] must be a string")),
                })
                .collect()
        }
        (None, Some(_)) => Err("`values` must be an array of strings".into()),
    }
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
        let one = parse_body(br#"{"value":"  Merlot "}"#, true).unwrap();
        assert_eq!(
            one,
            vec![Answer {
                display: "Merlot".into(),
                key: "merlot".into()
            }]
        );
        let many = parse_body(r#"{"values":["Rosé","rosé","Rose"]}"#.as_bytes(), true).unwrap();
        assert_eq!(many.len(), 3);
        let (first, repeats) = dedupe(many);
        assert_eq!(first.len(), 2);
        assert_eq!(repeats[0].display, "rosé");
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
        ] {
            assert!(
                parse_body(body, true).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        assert!(parse_body(br#"{"values":["a"]}"#, false).is_err());
        let long = format!(r#"{{"value":"{}"}}"#, "x".repeat(101));
        assert!(parse_body(long.as_bytes(), true)
            .unwrap_err()
            .contains("at most 100"));
        let err = parse_body(br#"{"values":["ok","bad\nline"]}"#, true).unwrap_err();
        assert!(err.starts_with("values[1]"), "{err}");
        let big: Vec<String> = (0..=MAX_BATCH).map(|i| format!("\"v{i}\"")).collect();
        let body = format!(r#"{{"values":[{}]}}"#, big.join(","));
        assert!(parse_body(body.as_bytes(), true).is_err());
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
        // KV keys are limited to 512 bytes; the longest value lower-cases within it.
        for worst in ["İ", "𐐀", "\u{10FFFF}"] {
            let a = Answer::parse(&worst.repeat(100)).unwrap();
            assert!(suggestion_kv_key(Category::GrapeVariety, &a.key).len() <= 512);
        }
    }
}
