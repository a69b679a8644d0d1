//! The platform floor, Rust side: the same object as `bench/floor/js/worker.mjs` written
//! with workers-rs (same pins as the game worker), so the figures show what the Rust↔JS
//! boundary alone costs per frame. Frames: "e…" echo, "w…" one SQLite upsert then echo,
//! "b…" broadcast to every socket, "p…" one SQLite upsert then broadcast; "hi" on accept.

use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, SqlStorageValue, State,
    WebSocket, WebSocketIncomingMessage, WebSocketPair,
};

#[durable_object]
pub struct FloorRust {
    state: State,
}

impl DurableObject for FloorRust {
    fn new(state: State, _env: Env) -> Self {
        let _ = state.storage().sql().exec(
            "CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID",
            None,
        );
        FloorRust { state }
    }

    async fn fetch(&self, _req: Request) -> Result<Response> {
        let pair = WebSocketPair::new()?;
        self.state.accept_web_socket(&pair.server);
        pair.server.send_with_str("hi")?;
        Response::from_websocket(pair.client)
    }

    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        let WebSocketIncomingMessage::String(text) = message else {
            return Ok(());
        };
        match text.as_bytes().first() {
            Some(b'e') => ws.send_with_str(&text)?,
            Some(b'w') => {
                self.upsert(&text)?;
                ws.send_with_str(&text)?;
            }
            Some(b'b') => self.broadcast(&text),
            Some(b'p') => {
                self.upsert(&text)?;
                self.broadcast(&text);
            }
            _ => {}
        }
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        _code: usize,
        _reason: String,
        _clean: bool,
    ) -> Result<()> {
        let _ = ws.close(Some(1000), Some("closed"));
        Ok(())
    }
}

impl FloorRust {
    fn upsert(&self, value: &str) -> Result<()> {
        let cursor = self.state.storage().sql().exec(
            "INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
            vec![SqlStorageValue::from("key"), SqlStorageValue::from(value)],
        )?;
        for row in cursor.raw() {
            row?;
        }
        Ok(())
    }

    fn broadcast(&self, text: &str) {
        for other in self.state.get_websockets() {
            let _ = other.send_with_str(text);
        }
    }
}
