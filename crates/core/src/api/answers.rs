//! Request and reply bodies of the wine answers worker (SPEC section 8; docs/answers-api.md).
//! Generated into `frontend/src/answers-api.gen.ts` by `npm run gen:types`.
//!
//! Category-keyed shapes (`{color, region, grape_variety, vintage_year, wine_name}`) are one
//! generic [`ByCategory`]; the catalog's wine uses the same snake_case attribute names.

use serde::{Deserialize, Serialize};

use crate::answer_text::answer_key;
use crate::category::Category;

/// One value per category, keyed by the category's wire name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ByCategory<T> {
    pub color: T,
    pub region: T,
    pub grape_variety: T,
    pub vintage_year: T,
    pub wine_name: T,
}

impl<T> ByCategory<T> {
    pub fn get(&self, category: Category) -> &T {
        match category {
            Category::Color => &self.color,
            Category::Region => &self.region,
            Category::GrapeVariety => &self.grape_variety,
            Category::VintageYear => &self.vintage_year,
            Category::WineName => &self.wine_name,
        }
    }

    pub fn get_mut(&mut self, category: Category) -> &mut T {
        match category {
            Category::Color => &mut self.color,
            Category::Region => &mut self.region,
            Category::GrapeVariety => &mut self.grape_variety,
            Category::VintageYear => &mut self.vintage_year,
            Category::WineName => &mut self.wine_name,
        }
    }
}

/// `GET /answers`: every category's values.
pub type AnswerCollection = ByCategory<Vec<String>>;

impl AnswerCollection {
    /// Sorts each category by its answer key (case-insensitively, the order KV lists keys in).
    pub fn sort(&mut self) {
        for c in Category::ALL {
            self.get_mut(c).sort_by_cached_key(|v| answer_key(v));
        }
    }

    /// Whether `category` holds `value` (ignoring case as [`answer_key`] does).
    pub fn contains(&self, category: Category, value: &str) -> bool {
        let key = answer_key(value);
        self.get(category).iter().any(|v| answer_key(v) == key)
    }
}

/// `GET /answers/{category}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CategoryValues {
    pub category: Category,
    pub values: Vec<String>,
}

/// `POST /answers/{category}` body: one `value` or a batch of `values` (exactly one of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ValuesInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub values: Option<Vec<String>>,
}

/// `POST /answers/{category}` and approving a value suggestion: what was new, what was there
/// (in its stored spelling).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AddedValues {
    pub category: Category,
    pub added: Vec<String>,
    pub existing: Vec<String>,
}

/// `DELETE /answers/{category}/{value}` and rejecting a value suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RemovedValue {
    pub category: Category,
    pub removed: String,
}

/// `POST /suggestions/{category}` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SuggestValueInput {
    pub value: String,
}

/// Where a proposal stands: queued for review, or already in the collection (or catalog).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionStatus {
    Pending,
    Known,
}

/// `POST /suggestions/{category}` reply (`201` when newly queued, `200` otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestedValue {
    pub category: Category,
    pub value: String,
    pub status: SuggestionStatus,
}

/// One pending value proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PendingValue {
    pub category: Category,
    pub value: String,
    /// When it was proposed (ms since epoch).
    pub suggested_at: Option<u64>,
}

/// One pending wine proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PendingWine {
    pub wine: CatalogWine,
    pub suggested_at: Option<u64>,
}

/// `GET /suggestions`: the review queue, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestionQueue {
    pub suggestions: Vec<PendingValue>,
    pub wines: Vec<PendingWine>,
}

/// A catalog entry: a well-known wine and its colour, region ("Region, Country") and main
/// grape. Also the body of `POST /suggestions/wines`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CatalogWine {
    pub name: String,
    pub color: String,
    pub region: String,
    pub grape_variety: String,
}

/// `GET /wines` reply and `PUT /wines` body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct WineList {
    pub wines: Vec<CatalogWine>,
}

/// `PUT /wines` and approving a wine proposal: names added, replaced and already identical,
/// and the attribute values the worker added to their categories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WinesWritten {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    pub values_added: AnswerCollection,
}

/// `DELETE /wines/{name}` and rejecting a wine proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RemovedWine {
    pub removed: CatalogWine,
}

/// `POST /suggestions/wines` reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestedWine {
    pub wine: CatalogWine,
    pub status: SuggestionStatus,
}

/// `GET /admin/export`: the whole collection and catalog, in the shape the seed script and the
/// admin page's import read back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CollectionExport {
    pub answers: AnswerCollection,
    pub wines: Vec<CatalogWine>,
}

/// `POST /plausible` body: a wine's correct answers (any may be blank or absent) and a seed
/// (the same seed and data give the same distractors; another seed reshuffles).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PlausibleInput {
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub color: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub region: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub grape_variety: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub vintage_year: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub wine_name: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub seed: Option<u32>,
}

impl PlausibleInput {
    /// The correct answer of `category`, trimmed; `None` when blank or absent.
    pub fn answer(&self, category: Category) -> Option<&str> {
        let v = match category {
            Category::Color => &self.color,
            Category::Region => &self.region,
            Category::GrapeVariety => &self.grape_variety,
            Category::VintageYear => &self.vintage_year,
            Category::WineName => &self.wine_name,
        };
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A proposed distractor and the partial points suggested for it (0–90).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SuggestedOption {
    pub text: String,
    pub points: u8,
}

/// `POST /plausible` reply: up to three distractors per category, and the seed used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlausibleOptions {
    pub options: ByCategory<Vec<SuggestedOption>>,
    pub seed: u32,
}
