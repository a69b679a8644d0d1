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
        if self.seated >= self.tasting.max_participants {
            return refuse(ErrorCode::SessionFull, "this session is full");
        }
        let by_name = &self.by_name;
        let Some(pseudonym) = crate::pseudonym::draw_pseudonym(rng, |c| by_name.contains_key(c))
        else {
            return refuse(
                ErrorCode::SessionFull,
                "no pseudonym is left in this session",
            );
        };
        let token = new_token(rng);
        let i = self.participants.len();
        self.participants.push(Participant {
            pseudonym: pseudonym.clone(),
            token_hash: hash_secret(&token),
            seq: u32::try_from(i).unwrap_or(u32::MAX),
            joined_ms: now,
            status: SeatStatus::Active,
            score: 0,
            answers: vec![NO_ANSWER; self.index.total_questions],
            conns: 0,
        });
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

    fn send_participant_snapshot(&self, conn: ConnId, i: usize, now: u64, out: &mut Out) {
        if let Some(s) = self.participant_snapshot_at(i, now) {
            out.send(
                Recipient::Conn(conn),
                ServerMessage::ParticipantStateSnapshot(Box::new(s)),
            );
        }
    }
}
