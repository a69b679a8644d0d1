//! Locking the lobby (issue 11 item 6c): the host closes the door once everyone is in, so a
//! guessed or leaked code lets nobody else take a seat. Seated participants still rejoin;
//! the lock shows in the host's snapshot, in `lobby:locked` to hosts and in public info.

use super::effects::{Out, Recipient};
use super::{refuse, Engine, Refusal};
use crate::phase::Phase;
use crate::protocol::{ErrorCode, ServerMessage};

impl Engine {
    /// `host:lock` / `host:unlock`: lobby only; setting the current value again is a no-op
    /// that still confirms it to the hosts.
    pub(crate) fn set_locked(&mut self, locked: bool, out: &mut Out) -> Result<(), Refusal> {
        if self.state.phase != Phase::Waiting {
            return refuse(
                ErrorCode::InvalidPhase,
                "the lobby can only be locked or unlocked before the start",
            );
        }
        if self.state.locked != locked {
            self.state.locked = locked;
            self.persist_state(out);
        }
        out.send(Recipient::Hosts, ServerMessage::LobbyLocked { locked });
        Ok(())
    }

    /// Whether the lobby is locked.
    pub fn is_locked(&self) -> bool {
        self.state.locked
    }
}
