//! The two calls into the runtime that every frame makes, written against the raw JavaScript
//! objects so each costs one JS↔wasm crossing. The profile (docs/benchmarks.md) showed
//! workers-rs's generic paths taking a large share of the object's time: reading a socket's
//! attachment through serde-wasm-bindgen (one crossing per field, ~11 % of the isolate's
//! busy samples) to learn who sent a frame, and converting the same frame from wasm memory
//! to a JavaScript string again for every recipient of a broadcast.

use sommelier_core::engine::ConnId;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use worker::js_sys::{JsString, Object, Reflect, WeakMap};
use worker::WebSocket;

#[wasm_bindgen]
extern "C" {
    /// The runtime's WebSocket, seen through only the two methods used here.
    type RawSocket;

    #[wasm_bindgen(method, catch, js_name = send)]
    fn send_text(this: &RawSocket, text: &JsString) -> Result<(), JsValue>;

    #[wasm_bindgen(method, catch, js_name = deserializeAttachment)]
    fn attachment(this: &RawSocket) -> Result<JsValue, JsValue>;
}

fn raw(ws: &WebSocket) -> &RawSocket {
    AsRef::<worker::web_sys::WebSocket>::as_ref(ws).unchecked_ref()
}

/// The connection id stored in the socket's attachment (`sockets::Attachment::conn`, field
/// `c`), read without deserialising the rest; the identity comes from the in-memory index.
pub fn conn_of(ws: &WebSocket) -> Option<ConnId> {
    thread_local! {
        static KEY: JsValue = JsValue::from_str("c");
    }
    let att = raw(ws).attachment().ok()?;
    if !att.is_object() {
        return None;
    }
    let value = KEY.with(|key| Reflect::get(&att, key)).ok()?.as_f64()?;
    // Connection ids are small counters; anything else is not one of ours.
    (value >= 0.0 && value.fract() == 0.0 && value <= ConnId::MAX as f64).then_some(value as ConnId)
}

/// The connection id of each socket object the index holds, keyed by the JavaScript object
/// itself: while the object stays in memory the runtime hands the same socket object to
/// every event, so one `WeakMap.get` replaces `deserializeAttachment` (a structured-clone
/// read) and its property reads on each frame. A miss (a socket object not seen yet) falls
/// back to the attachment; an entry never goes stale, a socket's id being fixed for life.
pub struct ConnCache(WeakMap);

impl Default for ConnCache {
    fn default() -> ConnCache {
        ConnCache(WeakMap::new())
    }
}

impl ConnCache {
    pub fn remember(&self, ws: &WebSocket, conn: ConnId) {
        self.0.set(object(ws), &JsValue::from_f64(conn as f64));
    }

    /// The socket's connection id: from the cache, else from its attachment.
    pub fn conn_of(&self, ws: &WebSocket) -> Option<ConnId> {
        match self.0.get(object(ws)).as_f64() {
            Some(value) => Some(value as ConnId),
            None => conn_of(ws),
        }
    }
}

fn object(ws: &WebSocket) -> &Object {
    AsRef::<worker::web_sys::WebSocket>::as_ref(ws).unchecked_ref()
}

/// One encoded frame, converted to a JavaScript string once for all its recipients.
pub struct SharedFrame {
    text: JsString,
    /// Its length in bytes (UTF-8), for the cost counters.
    pub bytes: usize,
}

impl SharedFrame {
    pub fn new(frame: &str) -> SharedFrame {
        SharedFrame {
            text: JsString::from(frame),
            bytes: frame.len(),
        }
    }

    /// Sends the frame; false when the runtime refused (socket closing or gone).
    pub fn send(&self, ws: &WebSocket) -> bool {
        raw(ws).send_text(&self.text).is_ok()
    }
}
