//! One SQLite transaction per event's writes, through the runtime's
//! `ctx.storage.transactionSync` (workers-rs 0.8.7 does not wrap it, so it is called through
//! `js_sys`). An event is stored entirely or not at all: a failure half-way (an exception,
//! a full disk) rolls back to the previous state, which restores, instead of leaving a
//! prefix of the event's statements that `restore` would refuse forever.

use std::cell::RefCell;
use std::rc::Rc;

use worker::js_sys::{Function, Reflect};
use worker::wasm_bindgen::closure::Closure;
use worker::wasm_bindgen::{JsCast, JsValue};
use worker::State;

use super::stats::Stats;
use super::storage::Repo;

/// Runs `work` on the object's repository inside one transaction; its row counts are added
/// to `stats` (rolled-back statements included: they were paid for).
pub fn in_transaction(
    state: &State,
    stats: &mut Stats,
    work: impl for<'a> FnOnce(&mut Repo<'a>) -> worker::Result<()> + 'static,
) -> worker::Result<()> {
    let sql = state.storage().sql();
    let counts = Rc::new(RefCell::new(Stats::default()));
    let inside = Rc::clone(&counts);
    let body = Closure::once(move || -> Result<JsValue, JsValue> {
        let mut counted = inside.borrow_mut();
        let mut repo = Repo::new(sql, &mut counted);
        // Throwing makes `transactionSync` roll back, then rethrow.
        work(&mut repo)
            .map(|()| JsValue::UNDEFINED)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    });
    let storage = Reflect::get(state.as_raw(), &JsValue::from_str("storage"))?;
    let run: Function = Reflect::get(&storage, &JsValue::from_str("transactionSync"))?
        .dyn_into()
        .map_err(|_| worker::Error::RustError("storage.transactionSync is missing".into()))?;
    let outcome = run.call1(&storage, body.as_ref().unchecked_ref());
    let counted = counts.borrow();
    stats.sql_rows_read += counted.sql_rows_read;
    stats.sql_rows_written += counted.sql_rows_written;
    outcome.map(|_| ()).map_err(worker::Error::from)
}
