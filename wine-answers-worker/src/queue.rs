//! The review queue as one cached state (pending values, pending wines, today's count of
//! accepted proposals), so a duplicate, a full queue or a spent day is answered from memory
//! at no KV cost, and the global daily cap ([`DEFAULT_DAILY_CAP`]) keeps anonymous proposals
//! well under the free plan's 1,000 KV writes a day. The rules are pure and unit-tested.

use serde::{Deserialize, Serialize};
use sommelier_core::api::answers::CatalogWine;
use sommelier_core::catalog::wine_key;
use sommelier_core::Category;

use crate::store::{Entry, Listed};

/// Proposals (values and wines together) accepted per UTC day across all isolates, unless the
/// `SUGGESTIONS_PER_DAY` variable says otherwise. Each costs 2 KV writes (the proposal and
/// the day's counter): 400 of the 1,000 daily writes, leaving the rest to admins and seeding.
pub const DEFAULT_DAILY_CAP: u32 = 200;
/// Most pending proposals per category, and of wines (keeps the queue bounded).
pub const MAX_PENDING_PER_CATEGORY: usize = 500;

/// Key prefix of pending wine proposals (inside the `suggestion:` prefix, so one list reads
/// the whole queue; `wines` is no category, so value listings skip these keys).
pub const WINE_SUGGESTION_PREFIX: &str = "suggestion:wines:";

const DAY_MS: u64 = 86_400_000;

/// The UTC day (days since the epoch) of a time.
pub fn day_of(now_ms: u64) -> u64 {
    now_ms / DAY_MS
}

/// Seconds until the next UTC day starts (at least 1).
pub fn seconds_to_next_day(now_ms: u64) -> u64 {
    ((DAY_MS - now_ms % DAY_MS) / 1000).max(1)
}

/// The KV key counting the proposals accepted on `day`.
pub fn quota_key(day: u64) -> String {
    format!("quota:suggestions:{day}")
}

/// The metadata of a pending wine proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WineMeta {
    pub wine: CatalogWine,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
}

/// One pending wine proposal.
#[derive(Debug, Clone)]
pub struct QueuedWine {
    pub key: String,
    pub wine: CatalogWine,
    pub at: Option<u64>,
}

impl QueuedWine {
    /// A listed `suggestion:wines:` key, or `None` for any other key.
    pub fn from_listed(listed: &Listed) -> Option<QueuedWine> {
        listed.name.strip_prefix(WINE_SUGGESTION_PREFIX)?;
        let meta: WineMeta = serde_json::from_value(listed.metadata.clone()?).ok()?;
        Some(QueuedWine {
            key: wine_key(&meta.wine.name),
            wine: meta.wine,
            at: meta.at,
        })
    }
}

/// Everything a proposal is checked against.
#[derive(Debug, Clone, Default)]
pub struct QueueState {
    pub values: Vec<Entry>,
    pub wines: Vec<QueuedWine>,
    /// The UTC day `accepted_today` counts.
    pub day: u64,
    pub accepted_today: u32,
}

/// Why a new proposal cannot be queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The category's (or the wines') queue holds [`MAX_PENDING_PER_CATEGORY`].
    Full,
    /// The day's cap is spent; retry after this many seconds.
    DailyCap { retry_after: u64 },
}

impl QueueState {
    pub fn pending_value(&self, category: Category, key: &str) -> Option<&Entry> {
        self.values
            .iter()
            .find(|e| e.category == category && e.key == key)
    }

    pub fn pending_wine(&self, key: &str) -> Option<&QueuedWine> {
        self.wines.iter().find(|w| w.key == key)
    }

    /// Whether one more proposal (of `category`, or a wine when `None`) may be queued now.
    pub fn admit(&self, category: Option<Category>, cap: u32, now_ms: u64) -> Result<(), Refusal> {
        let pending = match category {
            Some(c) => self.values.iter().filter(|e| e.category == c).count(),
            None => self.wines.len(),
        };
        if pending >= MAX_PENDING_PER_CATEGORY {
            return Err(Refusal::Full);
        }
        if self.day == day_of(now_ms) && self.accepted_today >= cap {
            return Err(Refusal::DailyCap {
                retry_after: seconds_to_next_day(now_ms),
            });
        }
        Ok(())
    }

    /// Today's count after one more accepted proposal (a new day starts again at 1).
    pub fn count_one(&mut self, now_ms: u64) -> u32 {
        let today = day_of(now_ms);
        if self.day != today {
            self.day = today;
            self.accepted_today = 0;
        }
        self.accepted_today += 1;
        self.accepted_today
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOON: u64 = 20_000 * DAY_MS + DAY_MS / 2;

    fn entry(category: Category, key: &str) -> Entry {
        Entry {
            category,
            key: key.into(),
            display: key.into(),
            at: Some(0),
        }
    }

    #[test]
    fn the_daily_cap_refuses_until_the_next_utc_day() {
        let mut q = QueueState::default();
        for i in 1..=3 {
            assert_eq!(q.admit(Some(Category::Color), 3, NOON), Ok(()));
            assert_eq!(q.count_one(NOON), i);
        }
        assert_eq!(
            q.admit(Some(Category::Color), 3, NOON),
            Err(Refusal::DailyCap {
                retry_after: DAY_MS / 2 / 1000
            })
        );
        assert_eq!(
            q.admit(None, 3, NOON),
            Err(Refusal::DailyCap {
                retry_after: 43_200
            })
        );
        let tomorrow = NOON + DAY_MS / 2;
        assert_eq!(q.admit(None, 3, tomorrow), Ok(()));
        assert_eq!(q.count_one(tomorrow), 1);
    }

    #[test]
    fn a_full_queue_refuses_its_category_only() {
        let q = QueueState {
            values: (0..MAX_PENDING_PER_CATEGORY)
                .map(|i| entry(Category::Region, &format!("r{i}")))
                .collect(),
            ..QueueState::default()
        };
        assert_eq!(
            q.admit(Some(Category::Region), 10_000, NOON),
            Err(Refusal::Full)
        );
        assert_eq!(q.admit(Some(Category::Color), 10_000, NOON), Ok(()));
        assert_eq!(q.admit(None, 10_000, NOON), Ok(()));
        assert!(q.pending_value(Category::Region, "r7").is_some());
        assert!(q.pending_value(Category::Color, "r7").is_none());
    }

    #[test]
    fn days_and_keys() {
        assert_eq!(day_of(NOON), 20_000);
        assert_eq!(quota_key(20_000), "quota:suggestions:20000");
        assert_eq!(seconds_to_next_day(20_001 * DAY_MS - 1), 1);
    }
}
