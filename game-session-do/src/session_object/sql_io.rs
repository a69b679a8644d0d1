//! The SQL call every write makes, written against the runtime's raw `SqlStorage` so that it
//! costs few JS↔wasm crossings. workers-rs's `SqlStorage::exec` builds a JavaScript `Array`
//! of the bindings one `push` at a time (and checks every integer with `Number.isSafeInteger`,
//! another call), converts the query text from wasm memory on every call, and its cursor is
//! drained through `raw()`, `next()` and `done`: ~15 crossings for an answer's upsert, ~28
//! for the state row. Here the bindings go over in one call, each query's text becomes a
//! JavaScript string once per isolate, and the cursor is drained with one `toArray()`.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use worker::js_sys::JsString;
use worker::{SqlStorage, SqlStorageValue};

#[wasm_bindgen]
extern "C" {
    /// The runtime's `ctx.storage.sql`, seen through `exec` only.
    type RawSql;

    #[wasm_bindgen(method, catch, variadic, js_name = exec)]
    fn exec_with(
        this: &RawSql,
        query: &JsString,
        bindings: Vec<JsValue>,
    ) -> Result<RawCursor, JsValue>;

    /// The cursor `exec` returns.
    type RawCursor;

    #[wasm_bindgen(method, catch, js_name = toArray)]
    fn to_array(this: &RawCursor) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(method, getter, js_name = rowsRead)]
    fn rows_read(this: &RawCursor) -> f64;

    #[wasm_bindgen(method, getter, js_name = rowsWritten)]
    fn rows_written(this: &RawCursor) -> f64;
}

thread_local! {
    /// Query text → its JavaScript string. The texts are the repository's fixed statements
    /// and its multi-row inserts (one per row count up to the limit on bound values), so the
    /// map stays small.
    static QUERIES: RefCell<HashMap<String, JsString>> = RefCell::new(HashMap::new());
}

fn query_text(query: &str) -> JsString {
    QUERIES.with(|cache| {
        if let Some(text) = cache.borrow().get(query) {
            return text.clone();
        }
        let text = JsString::from(query);
        cache.borrow_mut().insert(query.to_string(), text.clone());
        text
    })
}

fn binding(value: SqlStorageValue) -> JsValue {
    match value {
        SqlStorageValue::Null => JsValue::NULL,
        SqlStorageValue::Boolean(b) => JsValue::from_bool(b),
        // Our integers (times, counts, indexes) stay far below 2^53.
        SqlStorageValue::Integer(i) => JsValue::from_f64(i as f64),
        SqlStorageValue::Float(f) => JsValue::from_f64(f),
        SqlStorageValue::String(s) => JsValue::from_str(&s),
        blob @ SqlStorageValue::Blob(_) => blob.into(),
    }
}

/// Runs one statement to completion; the rows it read and wrote.
pub fn exec(
    sql: &SqlStorage,
    query: &str,
    bindings: Vec<SqlStorageValue>,
) -> worker::Result<(u64, u64)> {
    let raw: &RawSql = sql.as_ref().unchecked_ref();
    let cursor = raw
        .exec_with(
            &query_text(query),
            bindings.into_iter().map(binding).collect(),
        )
        .map_err(worker::Error::from)?;
    // Draining the cursor runs the statement to completion.
    cursor.to_array().map_err(worker::Error::from)?;
    Ok((cursor.rows_read() as u64, cursor.rows_written() as u64))
}
