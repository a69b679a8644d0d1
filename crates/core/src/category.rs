//! The five question categories of a wine round, in their fixed order, with their prompts.

use serde::{Deserialize, Serialize};

/// One of the five things a taster guesses about a wine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Color,
    Region,
    GrapeVariety,
    VintageYear,
    WineName,
}

impl Category {
    /// Every category, in the order the questions of a round are asked.
    pub const ALL: [Category; 5] = [
        Category::Color,
        Category::Region,
        Category::GrapeVariety,
        Category::VintageYear,
        Category::WineName,
    ];

    /// The wire name (`grape_variety`…), also used in URLs and KV keys.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Color => "color",
            Category::Region => "region",
            Category::GrapeVariety => "grape_variety",
            Category::VintageYear => "vintage_year",
            Category::WineName => "wine_name",
        }
    }

    /// Parses a wire name; `None` for anything else (case-sensitive, like the API).
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The question every participant reads for this category.
    pub fn prompt(self) -> &'static str {
        match self {
            Category::Color => "What is the colour of this wine?",
            Category::Region => "Which region does this wine come from?",
            Category::GrapeVariety => "What is the grape variety of this wine?",
            Category::VintageYear => "What is the vintage of this wine?",
            Category::WineName => "Which wine is this?",
        }
    }

    /// Position of the category within a round (0–4).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip_and_order_is_fixed() {
        for (i, c) in Category::ALL.into_iter().enumerate() {
            assert_eq!(Category::parse(c.as_str()), Some(c));
            assert_eq!(c.index(), i);
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
        assert_eq!(Category::parse("Color"), None);
        assert_eq!(Category::parse("grape"), None);
    }
}
