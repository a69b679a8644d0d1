//! The in-isolate cache of the aggregated collection: one KV list serves every public read
//! for [`TTL_MS`]. Writes made through this isolate invalidate it at once; a generation
//! counter stops a read that overlapped a write from caching what it saw before the write.
//! Other isolates see a write after at most [`TTL_MS`] (KV itself may add up to 60 s).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;
use sommelier_core::Category;

/// How long an aggregated read is served from memory.
pub const TTL_MS: u64 = 30_000;

/// Every category's display values, sorted case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Collection(pub BTreeMap<&'static str, Vec<String>>);

impl Collection {
    /// An empty collection with all five categories present.
    pub fn empty() -> Collection {
        Collection(
            Category::ALL
                .iter()
                .map(|c| (c.as_str(), Vec::new()))
                .collect(),
        )
    }

    pub fn push(&mut self, category: Category, value: String) {
        self.0.entry(category.as_str()).or_default().push(value);
    }

    /// Sorts each category by lower-cased value (the order KV lists keys in).
    pub fn sort(&mut self) {
        for values in self.0.values_mut() {
            values.sort_by_cached_key(|v| v.to_lowercase());
        }
    }

    pub fn category(&self, category: Category) -> &[String] {
        self.0
            .get(category.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The cache state (a plain struct so its rules are unit-tested natively).
#[derive(Debug, Default)]
pub struct AnswersCache {
    generation: u64,
    entry: Option<(u64, Rc<Collection>)>,
}

impl AnswersCache {
    /// The cached collection if it is younger than the TTL at `now_ms`.
    pub fn get(&self, now_ms: u64) -> Option<Rc<Collection>> {
        let (at, coll) = self.entry.as_ref()?;
        (now_ms.saturating_sub(*at) < TTL_MS).then(|| coll.clone())
    }

    /// The generation a read must remember before it starts listing.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Stores a read's result unless a write happened since `generation` was taken.
    pub fn store(&mut self, generation: u64, now_ms: u64, coll: Rc<Collection>) {
        if generation == self.generation {
            self.entry = Some((now_ms, coll));
        }
    }

    /// Forgets the cached collection; reads in flight will not store theirs.
    pub fn invalidate(&mut self) {
        self.generation += 1;
        self.entry = None;
    }
}

thread_local! {
    static CACHE: RefCell<AnswersCache> = RefCell::new(AnswersCache::default());
}

/// Runs `f` on this isolate's cache.
pub fn with<R>(f: impl FnOnce(&mut AnswersCache) -> R) -> R {
    CACHE.with(|c| f(&mut c.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coll(v: &str) -> Rc<Collection> {
        let mut c = Collection::empty();
        c.push(Category::Color, v.into());
        Rc::new(c)
    }

    #[test]
    fn serves_until_the_ttl() {
        let mut cache = AnswersCache::default();
        assert!(cache.get(0).is_none());
        let g = cache.generation();
        cache.store(g, 1_000, coll("Red"));
        assert_eq!(
            cache
                .get(1_000 + TTL_MS - 1)
                .unwrap()
                .category(Category::Color),
            ["Red"]
        );
        assert!(cache.get(1_000 + TTL_MS).is_none());
    }

    #[test]
    fn a_write_during_a_read_keeps_the_stale_result_out() {
        let mut cache = AnswersCache::default();
        let g = cache.generation(); // a read starts listing
        cache.invalidate(); // a write lands meanwhile
        cache.store(g, 5, coll("Red")); // the read finishes with what it saw
        assert!(cache.get(5).is_none());
        let g = cache.generation();
        cache.store(g, 6, coll("White"));
        assert!(cache.get(6).is_some());
        cache.invalidate();
        assert!(cache.get(6).is_none());
    }

    #[test]
    fn sorts_case_insensitively_with_all_categories() {
        let mut c = Collection::empty();
        c.push(Category::Region, "bordeaux, France".into());
        c.push(Category::Region, "Alsace, France".into());
        c.sort();
        assert_eq!(
            c.category(Category::Region),
            ["Alsace, France", "bordeaux, France"]
        );
        assert_eq!(c.0.len(), 5);
    }
}
