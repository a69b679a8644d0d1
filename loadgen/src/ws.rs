//! One WebSocket to a session: typed sends, typed receives stamped with their arrival time
//! and size, and the failures worth counting (connect, close, decode, timeout).

use std::time::Instant;

use futures_util::{SinkExt, StreamExt};
use sommelier_core::protocol::{ClientMessage, ServerMessage};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// A frame from the server, decoded, with when it arrived and how big it was.
#[derive(Debug)]
pub struct Received {
    pub msg: ServerMessage,
    pub at: Instant,
    pub bytes: usize,
}

/// Why a connection stopped being useful; `code()` is what the error table counts.
#[derive(Debug, Clone, PartialEq)]
pub enum WsFailure {
    Connect(String),
    Closed(String),
    Decode(String),
    Timeout(&'static str),
    Send(String),
}

impl WsFailure {
    pub fn code(&self) -> &'static str {
        match self {
            WsFailure::Connect(_) => "WS_CONNECT_FAILED",
            WsFailure::Closed(_) => "WS_CLOSED",
            WsFailure::Decode(_) => "WS_DECODE",
            WsFailure::Timeout(_) => "TIMEOUT",
            WsFailure::Send(_) => "WS_SEND_FAILED",
        }
    }
}

impl std::fmt::Display for WsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WsFailure::Connect(e) => write!(f, "connect: {e}"),
            WsFailure::Closed(e) => write!(f, "closed: {e}"),
            WsFailure::Decode(e) => write!(f, "undecodable frame: {e}"),
            WsFailure::Timeout(what) => write!(f, "timed out waiting for {what}"),
            WsFailure::Send(e) => write!(f, "send: {e}"),
        }
    }
}

pub struct Socket {
    inner: WebSocketStream<MaybeTlsStream<TcpStream>>,
    /// Text frames sent so far (checked against the Durable Object's own count).
    pub sent: u64,
}

impl Socket {
    /// Opens `ws://…/api/sessions/{code}/ws`.
    pub async fn connect(ws_base: &str, code: &str) -> Result<Socket, WsFailure> {
        let url = format!("{ws_base}/api/sessions/{code}/ws");
        let (inner, _response) = tokio_tungstenite::connect_async(url.as_str())
            .await
            .map_err(|e| WsFailure::Connect(e.to_string()))?;
        if let MaybeTlsStream::Plain(tcp) = inner.get_ref() {
            tcp.set_nodelay(true).ok();
        }
        Ok(Socket { inner, sent: 0 })
    }

    pub async fn send(&mut self, msg: &ClientMessage) -> Result<(), WsFailure> {
        let text = serde_json::to_string(msg).map_err(|e| WsFailure::Send(e.to_string()))?;
        self.sent += 1;
        self.inner
            .send(Message::text(text))
            .await
            .map_err(|e| WsFailure::Send(e.to_string()))
    }

    /// The next text frame (control frames are handled by the library and skipped).
    pub async fn recv(&mut self) -> Result<Received, WsFailure> {
        loop {
            let frame = match self.inner.next().await {
                None => return Err(WsFailure::Closed("stream ended".into())),
                Some(Err(e)) => return Err(WsFailure::Closed(e.to_string())),
                Some(Ok(frame)) => frame,
            };
            let at = Instant::now();
            match frame {
                Message::Text(text) => {
                    let msg =
                        serde_json::from_str::<ServerMessage>(text.as_str()).map_err(|e| {
                            WsFailure::Decode(format!("{e}: {}", truncate(text.as_str(), 200)))
                        })?;
                    return Ok(Received {
                        msg,
                        at,
                        bytes: text.len(),
                    });
                }
                Message::Close(reason) => {
                    let why = reason
                        .map(|r| format!("{} {}", u16::from(r.code), r.reason))
                        .unwrap_or_else(|| "no reason".into());
                    return Err(WsFailure::Closed(why));
                }
                Message::Binary(_) => return Err(WsFailure::Decode("binary frame".into())),
                Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => continue,
            }
        }
    }

    /// `recv` bounded by a deadline.
    pub async fn recv_until(
        &mut self,
        deadline: tokio::time::Instant,
        what: &'static str,
    ) -> Result<Received, WsFailure> {
        tokio::time::timeout_at(deadline, self.recv())
            .await
            .map_err(|_| WsFailure::Timeout(what))?
    }

    /// A polite close; errors do not matter any more at this point.
    pub async fn close(mut self) {
        let _ =
            tokio::time::timeout(std::time::Duration::from_secs(2), self.inner.close(None)).await;
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
