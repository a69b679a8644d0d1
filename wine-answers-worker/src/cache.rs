//! The in-isolate caches of the aggregated reads (the collection, the catalog, the review
//! queue): one KV list serves every read for [`TTL_MS`]. Writes made through this isolate
//! update or invalidate them at once; a generation counter stops a read that overlapped a
//! write from caching what it saw before the write. Other isolates see a write after at most
//! [`TTL_MS`] (KV itself may add up to 60 s).

use std::cell::RefCell;
use std::rc::Rc;

use sommelier_core::api::answers::{AnswerCollection, CatalogWine};

use crate::queue::QueueState;

/// How long an aggregated read is served from memory.
pub const TTL_MS: u64 = 30_000;

/// One cached aggregate (a plain struct so its rules are unit-tested natively).
#[derive(Debug)]
pub struct TtlCache<T> {
    generation: u64,
    entry: Option<(u64, Rc<T>)>,
}

impl<T> Default for TtlCache<T> {
    fn default() -> Self {
        TtlCache {
            generation: 0,
            entry: None,
        }
    }
}

impl<T: Clone> TtlCache<T> {
    /// The cached value if it is younger than the TTL at `now_ms`.
    pub fn get(&self, now_ms: u64) -> Option<Rc<T>> {
        let (at, value) = self.entry.as_ref()?;
        (now_ms.saturating_sub(*at) < TTL_MS).then(|| value.clone())
    }

    /// The generation a read must remember before it starts listing.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Stores a read's result unless a write happened since `generation` was taken.
    pub fn store(&mut self, generation: u64, now_ms: u64, value: Rc<T>) {
        if generation == self.generation {
            self.entry = Some((now_ms, value));
        }
    }

    /// Applies a write this isolate made to the cached value in place (keeping its age), so
    /// the next read stays free; reads in flight will not store what they listed before it.
    pub fn update(&mut self, f: impl FnOnce(&mut T)) {
        self.generation += 1;
        if let Some((_, value)) = self.entry.as_mut() {
            f(Rc::make_mut(value));
        }
    }

    /// Forgets the cached value; reads in flight will not store theirs.
    pub fn invalidate(&mut self) {
        self.generation += 1;
        self.entry = None;
    }
}

thread_local! {
    static ANSWERS: RefCell<TtlCache<AnswerCollection>> = RefCell::new(TtlCache::default());
    static CATALOG: RefCell<TtlCache<Vec<CatalogWine>>> = RefCell::new(TtlCache::default());
    static QUEUE: RefCell<TtlCache<QueueState>> = RefCell::new(TtlCache::default());
}

/// Runs `f` on this isolate's collection cache.
pub fn answers<R>(f: impl FnOnce(&mut TtlCache<AnswerCollection>) -> R) -> R {
    ANSWERS.with(|c| f(&mut c.borrow_mut()))
}

/// Runs `f` on this isolate's catalog cache.
pub fn catalog<R>(f: impl FnOnce(&mut TtlCache<Vec<CatalogWine>>) -> R) -> R {
    CATALOG.with(|c| f(&mut c.borrow_mut()))
}

/// Runs `f` on this isolate's review-queue cache.
pub fn queue<R>(f: impl FnOnce(&mut TtlCache<QueueState>) -> R) -> R {
    QUEUE.with(|c| f(&mut c.borrow_mut()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coll(v: &str) -> Rc<Vec<String>> {
        Rc::new(vec![v.to_string()])
    }

    #[test]
    fn serves_until_the_ttl() {
        let mut cache = TtlCache::default();
        assert!(cache.get(0).is_none());
        let g = cache.generation();
        cache.store(g, 1_000, coll("Red"));
        assert_eq!(*cache.get(1_000 + TTL_MS - 1).unwrap(), ["Red"]);
        assert!(cache.get(1_000 + TTL_MS).is_none());
    }

    #[test]
    fn a_write_during_a_read_keeps_the_stale_result_out() {
        let mut cache = TtlCache::default();
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
    fn an_update_applies_in_place_and_fences_reads_in_flight() {
        let mut cache = TtlCache::default();
        let g = cache.generation();
        cache.store(g, 10, coll("Red"));
        let in_flight = cache.generation();
        cache.update(|v| v.push("White".into()));
        assert_eq!(*cache.get(11).unwrap(), ["Red", "White"]);
        cache.store(in_flight, 12, coll("Red"));
        assert_eq!(
            cache.get(12).unwrap().len(),
            2,
            "the older read is not stored"
        );
        let mut empty: TtlCache<Vec<String>> = TtlCache::default();
        empty.update(|v| v.push("x".into()));
        assert!(empty.get(0).is_none(), "nothing cached: nothing to update");
    }
}
