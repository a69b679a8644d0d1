//! What the engine asks its shell to do: persist writes, send messages, set identities, close
//! sockets. `Out` collects them so that every `Persist` of a call precedes its other effects.

use serde::{Deserialize, Serialize};

use super::records::Write;
use super::ConnId;
use super::Identity;
use crate::api::CloseCode;
use crate::protocol::ServerMessage;

/// Who a message (or a close) is for. The shell resolves names through socket attachments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recipient {
    /// One connection (a reply to the sender, or a not yet identified socket).
    Conn(ConnId),
    /// Every connection identified as the host.
    Hosts,
    /// Every connection of one participant (per-participant messages: reveals, `me` lines).
    Participant(String),
    /// Every connection identified as a participant.
    Participants,
    /// Every identified connection (hosts and participants, never unidentified ones).
    Everyone,
    /// Every socket, identified or not (only used to close them all on deletion).
    AllSockets,
}

/// One instruction to the shell, applied in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this to storage before anything else of the same call is sent.
    Persist(Write),
    /// Store this identity in the socket's attachment (after a successful identify).
    SetIdentity { conn: ConnId, identity: Identity },
    /// Send one frame. A broadcast is encoded once and sent to each matching socket.
    Send { to: Recipient, msg: ServerMessage },
    /// Close the matching sockets with this WebSocket close code and reason.
    Close {
        to: Recipient,
        code: CloseCode,
        reason: String,
    },
}

/// Collects effects of one call: persists first, then the rest in the order produced.
#[derive(Debug, Default)]
pub(crate) struct Out {
    persist: Vec<Effect>,
    rest: Vec<Effect>,
}

impl Out {
    pub(crate) fn persist(&mut self, write: Write) {
        self.persist.push(Effect::Persist(write));
    }

    pub(crate) fn send(&mut self, to: Recipient, msg: ServerMessage) {
        self.rest.push(Effect::Send { to, msg });
    }

    pub(crate) fn set_identity(&mut self, conn: ConnId, identity: Identity) {
        self.rest.push(Effect::SetIdentity { conn, identity });
    }

    pub(crate) fn close(&mut self, to: Recipient, code: CloseCode, reason: &str) {
        self.rest.push(Effect::Close {
            to,
            code,
            reason: reason.to_string(),
        });
    }

    /// Room for `n` more messages (fan-outs to every participant).
    pub(crate) fn reserve(&mut self, n: usize) {
        self.rest.reserve(n);
    }

    pub(crate) fn finish(mut self) -> Vec<Effect> {
        if self.persist.is_empty() {
            return self.rest;
        }
        self.persist.append(&mut self.rest);
        self.persist
    }
}
