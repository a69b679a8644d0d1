//! The live sockets of one session: each socket's identity lives in its attachment (so it
//! survives hibernation) and is mirrored in an index rebuilt on wake-up, which resolves the
//! engine's recipients to sockets without scanning.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sommelier_core::engine::{ConnId, Identity, Recipient};
use worker::{State, WebSocket};

/// What each socket carries across hibernation (kept far below the 2 KB limit).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attachment {
    #[serde(rename = "c")]
    pub conn: ConnId,
    /// When the socket was accepted: unidentified sockets must identify within 10 s.
    #[serde(rename = "t")]
    pub opened_ms: u64,
    #[serde(rename = "i", default)]
    pub identity: Identity,
    /// The client address of the upgrade (`CF-Connecting-IP`), for the per-address join
    /// limit; never logged, gone with the socket.
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
}

struct Entry {
    ws: WebSocket,
    identity: Identity,
    opened_ms: u64,
    client: Option<String>,
}

/// Indexes kept in step with each socket's identity, so that resolving the host or finding
/// the oldest unidentified socket never scans every socket (1,000 players answer at once).
#[derive(Default)]
pub struct Sockets {
    by_conn: HashMap<ConnId, Entry>,
    by_pseudonym: HashMap<String, Vec<ConnId>>,
    hosts: HashSet<ConnId>,
    /// Unidentified sockets by (opened_ms, conn): the first is the next to time out.
    unidentified: BTreeSet<(u64, ConnId)>,
    next_conn: ConnId,
    /// Socket object → connection id, so a frame's sender is found without its attachment.
    conns: super::frame_io::ConnCache,
}

impl Sockets {
    /// Rebuilds the index from the sockets the runtime still holds (after hibernation or
    /// eviction). A socket without a readable attachment is closed: it cannot be trusted.
    pub fn rebuild(state: &State) -> Sockets {
        let mut sockets = Sockets::default();
        for ws in state.get_websockets() {
            match ws.deserialize_attachment::<Attachment>() {
                Ok(Some(a)) => {
                    sockets.next_conn = sockets.next_conn.max(a.conn + 1);
                    sockets.insert(a.conn, ws, a);
                }
                _ => {
                    let _ = ws.close(Some(1011), Some("lost connection state, reconnect"));
                }
            }
        }
        sockets
    }

    fn insert(&mut self, conn: ConnId, ws: WebSocket, a: Attachment) {
        self.conns.remember(&ws, conn);
        let Attachment {
            identity,
            opened_ms,
            client,
            ..
        } = a;
        match &identity {
            Identity::Participant { pseudonym } => self
                .by_pseudonym
                .entry(pseudonym.clone())
                .or_default()
                .push(conn),
            Identity::Host => {
                self.hosts.insert(conn);
            }
            Identity::Unidentified => {
                self.unidentified.insert((opened_ms, conn));
            }
        }
        self.by_conn.insert(
            conn,
            Entry {
                ws,
                identity,
                opened_ms,
                client,
            },
        );
    }

    /// Registers a freshly accepted socket and writes its attachment. Connection ids only
    /// grow (the engine retires a seat's oldest socket by the smallest id).
    pub fn add(
        &mut self,
        ws: WebSocket,
        now_ms: u64,
        client: Option<String>,
    ) -> worker::Result<ConnId> {
        let conn = self.next_conn;
        self.next_conn += 1;
        let attachment = Attachment {
            conn,
            opened_ms: now_ms,
            identity: Identity::Unidentified,
            client,
        };
        ws.serialize_attachment(&attachment)?;
        self.insert(conn, ws, attachment);
        Ok(conn)
    }

    /// The connection id and identity of a socket, from its attachment.
    pub fn identify(ws: &WebSocket) -> Option<Attachment> {
        ws.deserialize_attachment::<Attachment>().ok().flatten()
    }

    pub fn set_identity(&mut self, conn: ConnId, identity: Identity) -> worker::Result<()> {
        let Some(entry) = self.by_conn.remove(&conn) else {
            return Ok(());
        };
        self.unlink(conn, &entry);
        let attachment = Attachment {
            conn,
            opened_ms: entry.opened_ms,
            identity,
            client: entry.client,
        };
        entry.ws.serialize_attachment(&attachment)?;
        self.insert(conn, entry.ws, attachment);
        Ok(())
    }

    pub fn remove(&mut self, conn: ConnId) {
        if let Some(entry) = self.by_conn.remove(&conn) {
            self.unlink(conn, &entry);
        }
    }

    /// Drops `conn` from the identity indexes (not from `by_conn`).
    fn unlink(&mut self, conn: ConnId, entry: &Entry) {
        match &entry.identity {
            Identity::Participant { pseudonym } => {
                if let Some(conns) = self.by_pseudonym.get_mut(pseudonym) {
                    conns.retain(|c| *c != conn);
                    if conns.is_empty() {
                        self.by_pseudonym.remove(pseudonym);
                    }
                }
            }
            Identity::Host => {
                self.hosts.remove(&conn);
            }
            Identity::Unidentified => {
                self.unidentified.remove(&(entry.opened_ms, conn));
            }
        }
    }

    pub fn len(&self) -> usize {
        self.by_conn.len()
    }

    /// Sockets that have not identified yet.
    pub fn unidentified_len(&self) -> usize {
        self.unidentified.len()
    }

    /// The unidentified socket that has waited longest (the first to give way).
    pub fn oldest_unidentified(&self) -> Option<ConnId> {
        self.unidentified.first().map(|(_, c)| *c)
    }

    /// Every live socket's connection id and identity (for `Engine::restore`).
    pub fn live(&self) -> Vec<(ConnId, Identity)> {
        self.by_conn
            .iter()
            .map(|(c, e)| (*c, e.identity.clone()))
            .collect()
    }

    /// The sockets a message for `to` goes to.
    pub fn resolve(&self, to: &Recipient) -> Vec<&WebSocket> {
        let pick = |f: &dyn Fn(&Identity) -> bool| {
            self.by_conn
                .values()
                .filter(|e| f(&e.identity))
                .map(|e| &e.ws)
                .collect::<Vec<_>>()
        };
        match to {
            Recipient::Conn(c) => self.by_conn.get(c).map(|e| &e.ws).into_iter().collect(),
            Recipient::Participant(p) => self
                .by_pseudonym
                .get(p)
                .into_iter()
                .flatten()
                .filter_map(|c| self.by_conn.get(c).map(|e| &e.ws))
                .collect(),
            Recipient::Hosts => self
                .hosts
                .iter()
                .filter_map(|c| self.by_conn.get(c).map(|e| &e.ws))
                .collect(),
            Recipient::Participants => pick(&|i| matches!(i, Identity::Participant { .. })),
            Recipient::Everyone => pick(&|i| !matches!(i, Identity::Unidentified)),
            Recipient::AllSockets => pick(&|_| true),
        }
    }

    /// When the oldest unidentified socket runs out of time to identify.
    pub fn identify_deadline(&self, limit_ms: u64) -> Option<u64> {
        self.unidentified
            .first()
            .map(|(opened, _)| opened + limit_ms)
    }

    /// Unidentified sockets older than the limit.
    pub fn overdue(&self, now_ms: u64, limit_ms: u64) -> Vec<ConnId> {
        self.unidentified
            .iter()
            .take_while(|(opened, _)| opened + limit_ms <= now_ms)
            .map(|(_, c)| *c)
            .collect()
    }

    /// The attachment of the socket an event came from: its id from the cache of socket
    /// objects (else read in one call, `frame_io::conn_of`), the rest from the index; the full attachment (a crossing per
    /// field) only for a socket the index does not know.
    pub fn attachment_of_socket(&self, ws: &WebSocket) -> Option<Attachment> {
        self.conns
            .conn_of(ws)
            .and_then(|conn| self.attachment_of(conn))
            .or_else(|| Sockets::identify(ws))
    }

    /// A live socket's attachment as the index mirrors it (no call into the runtime).
    fn attachment_of(&self, conn: ConnId) -> Option<Attachment> {
        self.by_conn.get(&conn).map(|e| Attachment {
            conn,
            opened_ms: e.opened_ms,
            identity: e.identity.clone(),
            client: e.client.clone(),
        })
    }

    pub fn socket(&self, conn: ConnId) -> Option<&WebSocket> {
        self.by_conn.get(&conn).map(|e| &e.ws)
    }
}
