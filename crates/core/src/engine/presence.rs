//! Live connections: how many sockets the host and each participant have, online/offline
//! deltas to hosts, and host away / back. Presence is rebuilt from live sockets, not storage.

use super::effects::{Out, Recipient};
use super::records::SeatStatus;
use super::state::Role;
use super::{ConnId, Engine, Identity};
use crate::protocol::ServerMessage;

impl Engine {
    /// The engine's role for `conn`, registering it from the shell's identity if unknown.
    pub(crate) fn ensure_conn(&mut self, conn: ConnId, identity: &Identity, out: &mut Out) -> Role {
        if let Some(role) = self.conns.get(&conn) {
            return *role;
        }
        let role = self.role_for(identity);
        self.attach(conn, role, out);
        role
    }

    /// What an attachment's identity means now (a removed participant is nobody).
    pub(crate) fn role_for(&self, identity: &Identity) -> Role {
        match identity {
            Identity::Unidentified => Role::Unidentified,
            Identity::Host => Role::Host,
            Identity::Participant { pseudonym } => match self.by_name.get(pseudonym) {
                Some(&i) if self.participants[i].status == SeatStatus::Active => {
                    Role::Participant(i)
                }
                _ => Role::Unidentified,
            },
        }
    }

    /// Records `conn` as `role` (replacing an unidentified entry) and reports what changed.
    pub(crate) fn attach(&mut self, conn: ConnId, role: Role, out: &mut Out) {
        if let Some(old) = self.conns.insert(conn, role) {
            if old != Role::Unidentified {
                // Re-identifying an identified socket is refused before we get here; keep the
                // counts right anyway by undoing the old role silently.
                self.forget(old);
            }
        }
        match role {
            Role::Unidentified => {}
            Role::Host => {
                self.host_conns += 1;
                if self.state.host_grace_deadline_ms.is_some() {
                    self.state.host_grace_deadline_ms = None;
                    self.persist_state(out);
                    out.send(Recipient::Participants, ServerMessage::HostBack {});
                }
            }
            Role::Participant(i) => {
                let Some(p) = self.participants.get_mut(i) else {
                    return;
                };
                p.conns += 1;
                // Presence is not stored: after a restart it comes from the live sockets.
                if p.conns == 1 {
                    self.rewind_unanswered(i);
                    self.send_lobby_delta(i, out);
                }
            }
        }
    }

    /// Removes `conn`; the last host socket of a running game starts the grace period.
    pub(crate) fn detach(&mut self, conn: ConnId, now: u64, out: &mut Out) {
        let Some(role) = self.conns.remove(&conn) else {
            return;
        };
        match role {
            Role::Unidentified => {}
            Role::Host => {
                self.host_conns = self.host_conns.saturating_sub(1);
                if self.host_conns == 0
                    && self.running()
                    && self.state.host_grace_deadline_ms.is_none()
                {
                    self.host_went_away(now, out);
                }
            }
            Role::Participant(i) => {
                let Some(p) = self.participants.get_mut(i) else {
                    return;
                };
                p.conns = p.conns.saturating_sub(1);
                if p.conns == 0 && p.status == SeatStatus::Active {
                    self.send_lobby_delta(i, out);
                    // The last one still thinking may just have dropped out.
                    self.reveal_if_all_answered(now, out);
                }
            }
        }
    }

    fn forget(&mut self, role: Role) {
        match role {
            Role::Unidentified => {}
            Role::Host => self.host_conns = self.host_conns.saturating_sub(1),
            Role::Participant(i) => {
                if let Some(p) = self.participants.get_mut(i) {
                    p.conns = p.conns.saturating_sub(1);
                }
            }
        }
    }

    /// Turns every socket of participant `i` into an unidentified one (kick, leave).
    pub(crate) fn disown_sockets(&mut self, i: usize) {
        for role in self.conns.values_mut() {
            if *role == Role::Participant(i) {
                *role = Role::Unidentified;
            }
        }
        if let Some(p) = self.participants.get_mut(i) {
            p.conns = 0;
        }
    }

    /// Hosts learn that one participant changed (joined, online, offline, left).
    pub(crate) fn send_lobby_delta(&self, i: usize, out: &mut Out) {
        out.send(
            Recipient::Hosts,
            ServerMessage::LobbyUpdated {
                participant: self.presence(i),
                count: self.seated,
                max_participants: self.tasting.max_participants,
                options: None,
            },
        );
    }
}
