//! Identification: the host with its key, participants joining (pseudonym + token) and
//! rejoining. Each success sets the socket's identity and replies with what its screen needs.

use rand::RngCore;

use super::effects::{Out, Recipient};
use super::records::SeatStatus;
use super::state::{Participant, Role, NO_ANSWER};
use super::{refuse, ConnId, Engine, Identity, Refusal};
use crate::phase::Phase;
use crate::protocol::{ErrorCode, ServerMessage};
use crate::secrets::{hash_secret, new_token, verify_secret};

impl Engine {
    pub(crate) fn rejoin_host(
        &mut self,
        conn: ConnId,
        role: Role,
        host_key: &str,
        now: u64,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        if let Role::Participant(_) = role {
            return refuse(
                ErrorCode::AlreadyIdentified,
                "this connection is a participant",
            );
        }
        if !verify_secret(host_key, &self.session.host_key_hash) {
            return refuse(
                ErrorCode::InvalidHostKey,
                "this host key does not open this session",
            );
        }
        if role == Role::Unidentified {
            self.make_room(Role::Host, out)?;
            self.attach(conn, Role::Host, out);
        }
        out.set_identity(conn, Identity::Host);
        out.send(
            Recipient::Conn(conn),
            ServerMessage::HostStateSnapshot(Box::new(self.host_snapshot(now))),
        );
        Ok(())
    }

    pub(crate) fn join(
        &mut self,
        conn: ConnId,
        role: Role,
        now: u64,
        rng: &mut dyn RngCore,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        if role != Role::Unidentified {
            return refuse(
                ErrorCode::AlreadyIdentified,
                "this connection is already identified",
            );
        }
        match self.state.phase {
            Phase::Waiting => {}
            Phase::Ended => return refuse(ErrorCode::SessionEnded, "this session has ended"),
            _ => return refuse(ErrorCode::GameStarted, "the game has already started"),
        }
        if self.state.locked {
            return refuse(
                ErrorCode::SessionLocked,
                "the host has locked this lobby: no more joins",
            );
        }
        if self.seated >= self.tasting.max_participants {
            return refuse(ErrorCode::SessionFull, "this session is full");
        }
        let Some((pseudonym, i)) = self.free_pseudonym(rng) else {
            return refuse(
                ErrorCode::SessionFull,
                "no pseudonym is left in this session",
            );
        };
        self.make_room(Role::Participant(i), out)?;
        let token = new_token(rng);
        let seat = Participant {
            pseudonym: pseudonym.clone(),
            token_hash: hash_secret(&token),
            // A reused seat keeps its place in the join order (and its row key).
            seq: self
                .participants
                .get(i)
                .map_or(u32::try_from(i).unwrap_or(u32::MAX), |p| p.seq),
            joined_ms: now,
            status: SeatStatus::Active,
            score: 0,
            answers: vec![NO_ANSWER; self.index.total_questions],
            elapsed_ms: self.elapsed_slots(),
            conns: 0,
        };
        match self.participants.get_mut(i) {
            Some(old) => *old = seat,
            None => self.participants.push(seat),
        }
        self.by_name.insert(pseudonym.clone(), i);
        self.seated += 1;
        self.persist_participant(i, out);
        // Attaching tells the hosts.
        self.attach(conn, Role::Participant(i), out);
        out.set_identity(
            conn,
            Identity::Participant {
                pseudonym: pseudonym.clone(),
            },
        );
        out.send(
            Recipient::Conn(conn),
            ServerMessage::ParticipantJoined { pseudonym, token },
        );
        out.send(Recipient::Conn(conn), self.counts_message());
        self.push_counts(now, out);
        Ok(())
    }

    pub(crate) fn rejoin_participant(
        &mut self,
        conn: ConnId,
        role: Role,
        pseudonym: &str,
        token: &str,
        now: u64,
        out: &mut Out,
    ) -> Result<(), Refusal> {
        let found = self
            .by_name
            .get(pseudonym)
            .copied()
            .filter(|&i| self.participants[i].status == SeatStatus::Active)
            .filter(|&i| verify_secret(token, &self.participants[i].token_hash));
        match (role, found) {
            (Role::Host, _) => refuse(ErrorCode::AlreadyIdentified, "this connection is the host"),
            (Role::Participant(current), Some(i)) if current == i => {
                // Same seat asking again (e.g. after a missed frame): just the snapshot.
                self.send_participant_snapshot(conn, i, now, out);
                Ok(())
            }
            (Role::Participant(_), _) => refuse(
                ErrorCode::AlreadyIdentified,
                "this connection is another participant",
            ),
            (Role::Unidentified, None) => refuse(
                ErrorCode::InvalidRejoin,
                "unknown pseudonym, wrong token or seat given up",
            ),
            (Role::Unidentified, Some(i)) => {
                self.make_room(Role::Participant(i), out)?;
                self.attach(conn, Role::Participant(i), out);
                out.set_identity(
                    conn,
                    Identity::Participant {
                        pseudonym: pseudonym.to_string(),
                    },
                );
                self.send_participant_snapshot(conn, i, now, out);
                Ok(())
            }
        }
    }

    /// A pseudonym for a new seat and the seat's index: a never used one if any is left,
    /// else the name of a seat given up in the lobby (issue 17 item 4). Reuse only happens
    /// before the start (joins are refused afterwards), so the old seat holds no answers;
    /// its row is overwritten with a new token, so the old token cannot take the seat back.
    fn free_pseudonym(&self, rng: &mut dyn RngCore) -> Option<(String, usize)> {
        let by_name = &self.by_name;
        if let Some(fresh) = crate::pseudonym::draw_pseudonym(rng, |c| by_name.contains_key(c)) {
            return Some((fresh, self.participants.len()));
        }
        let participants = &self.participants;
        let given_up = |c: &str| {
            by_name
                .get(c)
                .is_none_or(|&i| participants[i].status == SeatStatus::Active)
        };
        let reused = crate::pseudonym::draw_pseudonym(rng, given_up)?;
        let i = *by_name.get(&reused)?;
        Some((reused, i))
    }

    fn send_participant_snapshot(&self, conn: ConnId, i: usize, now: u64, out: &mut Out) {
        if let Some(s) = self.participant_snapshot_at(i, now) {
            out.send(
                Recipient::Conn(conn),
                ServerMessage::ParticipantStateSnapshot(Box::new(s)),
            );
        }
    }
}
