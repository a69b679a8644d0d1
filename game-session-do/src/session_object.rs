//! The `GameSession` Durable Object: one per session code. Accepts hibernating WebSockets and
//! greets each with `server:state_snapshot`.

use sommelier_core::protocol::ServerMessage;
use sommelier_core::Phase;
use worker::{
    durable_object, DurableObject, Env, Request, Response, Result, State, WebSocket,
    WebSocketIncomingMessage, WebSocketPair,
};

#[durable_object]
pub struct GameSession {
    state: State,
    #[allow(dead_code)]
    env: Env,
}

impl DurableObject for GameSession {
    fn new(state: State, env: Env) -> Self {
        GameSession { state, env }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        // The worker forwards `/api/sessions/{code}/...` unchanged; the code is its third segment.
        let code = req
            .path()
            .split('/')
            .nth(3)
            .unwrap_or_default()
            .to_string();
        let is_upgrade = req
            .headers()
            .get("upgrade")?
            .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
        if !is_upgrade {
            return Response::error("expected a WebSocket upgrade", 426);
        }
        let pair = WebSocketPair::new()?;
        self.state.accept_web_socket(&pair.server);
        let hello = ServerMessage::StateSnapshot {
            code,
            phase: Phase::Waiting,
        };
        pair.server.send_with_str(hello.encode())?;
        Response::from_websocket(pair.client)
    }

    async fn websocket_message(
        &self,
        _ws: WebSocket,
        _message: WebSocketIncomingMessage,
    ) -> Result<()> {
        Ok(())
    }

    async fn websocket_close(
        &self,
        _ws: WebSocket,
        _code: usize,
        _reason: String,
        _was_clean: bool,
    ) -> Result<()> {
        Ok(())
    }
}
