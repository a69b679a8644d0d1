//! The one rule for answer texts, shared by tasting options and the curated answers collection:
//! trimmed, 1–100 characters, no control characters; uniqueness ignores case (accents are kept).
//!
//! "Ignoring case" is Unicode full case mapping: a text's key is its upper case, lower-cased
//! (`str::to_uppercase` maps `ß` to `SS`, so "Straße", "STRASSE" and "strasse" are one answer,
//! as Unicode case folding would have it). JavaScript's `toUpperCase().toLowerCase()` gives
//! the same key, so the frontend can apply the same rule.

/// Longest answer text, in characters (not bytes).
pub const MAX_ANSWER_CHARS: usize = 100;

/// Why a text is not a valid answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerTextError {
    Empty,
    TooLong { chars: usize },
    ControlCharacter,
}

impl std::fmt::Display for AnswerTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerTextError::Empty => f.write_str("must not be empty"),
            AnswerTextError::TooLong { chars } => {
                write!(
                    f,
                    "must be at most {MAX_ANSWER_CHARS} characters (got {chars})"
                )
            }
            AnswerTextError::ControlCharacter => f.write_str("must not contain control characters"),
        }
    }
}

impl AnswerTextError {
    /// The field code clients render in their reader's language.
    pub fn code(&self) -> crate::protocol::FieldCode {
        use crate::protocol::FieldCode;
        match self {
            AnswerTextError::Empty => FieldCode::Required,
            AnswerTextError::TooLong { .. } => FieldCode::TooLong {
                max: MAX_ANSWER_CHARS as u32,
            },
            AnswerTextError::ControlCharacter => FieldCode::ControlCharacter,
        }
    }
}

/// Trims and checks an answer text, returning the normalised form.
pub fn normalize_answer(raw: &str) -> Result<String, AnswerTextError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(AnswerTextError::Empty);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(AnswerTextError::ControlCharacter);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_ANSWER_CHARS {
        return Err(AnswerTextError::TooLong { chars });
    }
    Ok(trimmed.to_string())
}

/// The key under which two answers count as the same ("Merlot" = "merlot"; "Straße" =
/// "STRASSE"; "Rosé" ≠ "Rose").
pub fn answer_key(normalized: &str) -> String {
    normalized.to_uppercase().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_keeps_accents() {
        assert_eq!(normalize_answer("  Rosé \t").unwrap(), "Rosé");
        assert_ne!(answer_key("Rosé"), answer_key("Rose"));
        assert_eq!(answer_key("MERLOT"), answer_key("merlot"));
    }

    #[test]
    fn case_is_ignored_by_full_case_mapping() {
        assert_eq!(answer_key("Straße"), answer_key("STRASSE"));
        assert_eq!(answer_key("Straße"), "strasse");
        assert_eq!(answer_key("ΝΑΟΥΣΑ"), answer_key("ναουσα"));
        assert_eq!(
            answer_key("ΟΔΟΣ"),
            answer_key("οδοσ"),
            "final and medial sigma"
        );
        assert_eq!(
            answer_key("Grüner Veltliner"),
            answer_key("GRÜNER VELTLINER")
        );
        assert_ne!(answer_key("Grüner"), answer_key("Gruner"));
    }

    #[test]
    fn refuses_empty_long_and_control() {
        assert_eq!(normalize_answer("   "), Err(AnswerTextError::Empty));
        assert_eq!(
            normalize_answer("a\u{0007}b"),
            Err(AnswerTextError::ControlCharacter)
        );
        assert_eq!(
            normalize_answer("a\nb"),
            Err(AnswerTextError::ControlCharacter)
        );
        assert!(normalize_answer(&"é".repeat(100)).is_ok());
        assert_eq!(
            normalize_answer(&"é".repeat(101)),
            Err(AnswerTextError::TooLong { chars: 101 })
        );
    }
}
