//! Socket caps (issue 17 item 2): one seat cannot lock a session. A session holds at most
//! `MAX_SOCKETS` sockets, split into pools that add up to that ceiling (`api::limits`), so
//! no pool can take another's room: hosts (dashboard, projector, a spare device) always
//! find a place, a seat keeps at most `MAX_SOCKETS_PER_SEAT` sockets (a new one retires its
//! oldest), and unidentified sockets (which the shell caps when it accepts them, evicting
//! the oldest) cannot crowd out identified ones.

use super::effects::{Out, Recipient};
use super::state::Role;
use super::{refuse, ConnId, Engine, Identity, Refusal};
use crate::api::limits::{MAX_HOST_SOCKETS, MAX_PARTICIPANT_SOCKETS, MAX_SOCKETS_PER_SEAT};
use crate::api::CloseCode;
use crate::protocol::ErrorCode;

impl Engine {
    /// Makes room for one more socket identified as `role`: retires the role's oldest socket
    /// when the role is at its cap, or refuses when the participants' pool is full.
    pub(crate) fn make_room(&mut self, role: Role, out: &mut Out) -> Result<(), Refusal> {
        match role {
            Role::Unidentified => Ok(()),
            Role::Host => {
                if self.host_conns >= MAX_HOST_SOCKETS {
                    self.retire_oldest(role, out);
                }
                Ok(())
            }
            Role::Participant(i) => {
                let own = self.participants.get(i).map_or(0, |p| p.conns);
                if own >= MAX_SOCKETS_PER_SEAT {
                    self.retire_oldest(role, out);
                    Ok(())
                } else if self.participant_sockets() >= MAX_PARTICIPANT_SOCKETS {
                    refuse(
                        ErrorCode::TooManyConnections,
                        "this session has too many participant connections; retry later",
                    )
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Live sockets identified as participants.
    pub(crate) fn participant_sockets(&self) -> u32 {
        self.participants.iter().map(|p| p.conns).sum()
    }

    /// Closes the oldest socket of `role` and forgets its identity at once (here and in its
    /// attachment), so that its later close event changes no presence. Connection ids grow with age (the shell
    /// hands them out in increasing order), so the oldest is the smallest.
    fn retire_oldest(&mut self, role: Role, out: &mut Out) {
        let oldest: Option<ConnId> = self
            .conns
            .iter()
            .filter(|(_, r)| **r == role)
            .map(|(c, _)| *c)
            .min();
        let Some(conn) = oldest else {
            return;
        };
        self.conns.insert(conn, Role::Unidentified);
        match role {
            Role::Host => self.host_conns = self.host_conns.saturating_sub(1),
            Role::Participant(i) => {
                if let Some(p) = self.participants.get_mut(i) {
                    p.conns = p.conns.saturating_sub(1);
                }
            }
            Role::Unidentified => {}
        }
        // The attachment forgets the identity too, so a restore before the close completes
        // does not count the socket again, and no message for the seat reaches it.
        out.set_identity(conn, Identity::Unidentified);
        out.close(
            Recipient::Conn(conn),
            CloseCode::Replaced,
            "replaced by a newer connection",
        );
    }
}
