//! Abuse limits (issue 17 items 2, 4 and 10, issue 11 item 6c): sockets per seat and per
//! host, the participants' socket pool, pseudonym reuse, the lobby lock, unchanged answers.

use super::*;
use crate::api::limits::{
    MAX_HOST_SOCKETS, MAX_PARTICIPANT_SOCKETS, MAX_SOCKETS, MAX_SOCKETS_PER_SEAT,
    MAX_UNIDENTIFIED_SOCKETS,
};
use crate::api::CloseCode;

fn rejoin(h: &mut H, seat: &Seat) -> (ConnId, Vec<Effect>) {
    let c = h.open();
    let fx = h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seat.pseudonym.clone(),
            token: seat.token.clone(),
        },
    );
    (c, fx)
}

fn closes(fx: &[Effect]) -> Vec<(Recipient, CloseCode)> {
    fx.iter()
        .filter_map(|f| match f {
            Effect::Close { to, code, .. } => Some((to.clone(), *code)),
            _ => None,
        })
        .collect()
}

fn joined(fx: &[Effect]) -> Option<(String, String)> {
    fx.iter().find_map(|f| match f {
        Effect::Send {
            msg: S::ParticipantJoined { pseudonym, token },
            ..
        } => Some((pseudonym.clone(), token.clone())),
        _ => None,
    })
}

#[test]
fn a_fourth_socket_of_a_seat_retires_its_oldest() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let (second, fx) = rejoin(&mut h, &seats[0]);
    assert!(closes(&fx).is_empty());
    let (third, _) = rejoin(&mut h, &seats[0]);
    let (fourth, fx) = rejoin(&mut h, &seats[0]);
    // The oldest (the joining socket) is told to go and forgotten at once.
    assert_eq!(
        closes(&fx),
        vec![(Recipient::Conn(seats[0].conn), CloseCode::Replaced)]
    );
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::SetIdentity { conn, identity: Identity::Unidentified } if *conn == seats[0].conn
    )));
    assert!(matches!(
        sent(&fx, &Recipient::Conn(fourth))[..],
        [S::ParticipantStateSnapshot(_)]
    ));
    // Its later close event changes nothing: the seat stays online on three sockets.
    assert!(h.close(seats[0].conn).is_empty());
    assert_eq!(h.e.participants[0].conns, MAX_SOCKETS_PER_SEAT);
    // A fifth retires the next oldest.
    let (_, fx) = rejoin(&mut h, &seats[0]);
    assert_eq!(
        closes(&fx),
        vec![(Recipient::Conn(second), CloseCode::Replaced)]
    );
    // The retired socket no longer speaks for the seat.
    assert_eq!(
        refusal(&h.send(second, ClientMessage::Leave {})),
        Some(ErrorCode::NotParticipant)
    );
    h.close(second);
    h.close(third);
    assert_eq!(h.e.participants[0].conns, 2);
}

#[test]
fn an_eleventh_host_socket_retires_the_oldest_host_socket() {
    let (mut h, _) = H::at(Phase::Waiting);
    // HOST (conn 1) is the first; nine more fill the host's sockets.
    for c in 2..=MAX_HOST_SOCKETS as ConnId {
        assert!(closes(&h.host(c)).is_empty());
    }
    let fx = h.host(50);
    assert_eq!(
        closes(&fx),
        vec![(Recipient::Conn(HOST), CloseCode::Replaced)]
    );
    assert_eq!(h.e.host_conns, MAX_HOST_SOCKETS);
    assert!(matches!(
        sent(&fx, &Recipient::Conn(50))[..],
        [S::HostStateSnapshot(_)]
    ));
}

#[test]
fn the_participants_pool_leaves_room_for_hosts() {
    let mut h = H::new(1, 1000);
    h.host(HOST);
    // Seats with 3 sockets each, then one more, until the pool (2,740) is full.
    let mut seats = Vec::new();
    while h.e.participant_sockets() + MAX_SOCKETS_PER_SEAT <= MAX_PARTICIPANT_SOCKETS {
        let seat = h.join();
        rejoin(&mut h, &seat);
        rejoin(&mut h, &seat);
        seats.push(seat);
    }
    let last = h.join();
    while h.e.participant_sockets() < MAX_PARTICIPANT_SOCKETS {
        rejoin(&mut h, &last);
    }
    assert_eq!(h.e.participant_sockets(), MAX_PARTICIPANT_SOCKETS);
    // A further socket for a seat below its own cap, or a new seat, is refused...
    assert_eq!(
        refusal(&rejoin(&mut h, &last).1),
        Some(ErrorCode::TooManyConnections)
    );
    let c = h.open();
    assert_eq!(
        refusal(&h.send(c, ClientMessage::JoinSession {})),
        Some(ErrorCode::TooManyConnections)
    );
    // ...a seat at its cap still swaps its oldest socket, and the host always gets in.
    let (_, fx) = rejoin(&mut h, &seats[0]);
    assert_eq!(closes(&fx).len(), 1);
    assert!(matches!(
        sent(&h.host(9_999), &Recipient::Conn(9_999))[..],
        [S::HostStateSnapshot(_)]
    ));
    const _: () = assert!(
        MAX_PARTICIPANT_SOCKETS as usize + MAX_HOST_SOCKETS as usize + MAX_UNIDENTIFIED_SOCKETS
            == MAX_SOCKETS
    );
}

#[test]
fn pseudonyms_of_seats_given_up_in_the_lobby_are_reused() {
    let mut h = H::new(1, 2);
    h.host(HOST);
    let mut first_holder = None;
    // More join-and-leave cycles than there are pseudonyms: every join still succeeds.
    for cycle in 0..=crate::pseudonym::COMBINATIONS {
        let seat = h.join();
        if cycle == 0 {
            first_holder = Some(seat.clone());
        }
        if cycle % 2 == 0 {
            h.send(seat.conn, ClientMessage::Leave {});
        } else {
            h.cmd(ClientMessage::HostKick {
                pseudonym: seat.pseudonym.clone(),
            });
        }
    }
    assert_eq!(h.e.participants.len(), crate::pseudonym::COMBINATIONS);
    let info = h.e.public_info();
    assert_eq!(info.participant_count, 0);
    assert!(info.joinable);
    // Fill the pseudonym of the first seat again: its old token must not open the new seat.
    let old = first_holder.expect("first seat");
    let new = loop {
        let seat = h.join();
        if seat.pseudonym == old.pseudonym {
            break seat;
        }
        h.send(seat.conn, ClientMessage::Leave {});
    };
    let c = h.open();
    assert_eq!(
        refusal(&h.send(
            c,
            ClientMessage::RejoinSession {
                pseudonym: old.pseudonym.clone(),
                token: old.token.clone(),
            }
        )),
        Some(ErrorCode::InvalidRejoin)
    );
    let (_, fx) = rejoin(&mut h, &new);
    assert!(matches!(
        sent(&fx, &Recipient::Conn(h.next_conn))[..],
        [S::ParticipantStateSnapshot(_)]
    ));
    // Storage holds one row per pseudonym, the reused one active with the new token.
    let row = h
        .store
        .participants
        .iter()
        .find(|p| p.pseudonym == new.pseudonym)
        .expect("row");
    assert_eq!(row.status, SeatStatus::Active);
    assert_eq!(row.token_hash, crate::secrets::hash_secret(&new.token));
    assert_eq!(
        h.store.participants.len(),
        crate::pseudonym::COMBINATIONS,
        "no second row"
    );
}

#[test]
fn fresh_pseudonyms_come_before_reused_ones() {
    let mut h = H::new(1, 10);
    let gone = h.join();
    h.send(gone.conn, ClientMessage::Leave {});
    for _ in 0..20 {
        assert_ne!(h.join().pseudonym, gone.pseudonym);
        h.send(h.next_conn, ClientMessage::Leave {});
    }
}

#[test]
fn a_locked_lobby_refuses_joins_but_not_rejoins() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let fx = h.cmd(ClientMessage::HostLock {});
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::LobbyLocked { locked: true }]
    ));
    assert!(h.store.state.as_ref().expect("state").locked);
    assert!(h.e.host_snapshot(h.now).locked);
    let info = h.e.public_info();
    assert!(info.locked);
    assert!(!info.joinable);
    let c = h.open();
    assert_eq!(
        refusal(&h.send(c, ClientMessage::JoinSession {})),
        Some(ErrorCode::SessionLocked)
    );
    let (_, fx) = rejoin(&mut h, &seats[0]);
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Send {
            msg: S::ParticipantStateSnapshot(_),
            ..
        }
    )));
    // The lock survives a restore.
    let back = Engine::restore(h.store.records().expect("records"), &[]).expect("restore");
    assert!(back.public_info().locked);
    // Unlocked, joins work again.
    let fx = h.cmd(ClientMessage::HostUnlock {});
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::LobbyLocked { locked: false }]
    ));
    assert!(h.e.public_info().joinable);
    assert!(joined(&h.send(c, ClientMessage::JoinSession {})).is_some());
}

#[test]
fn only_the_host_locks_and_only_in_the_lobby() {
    let (mut h, seats) = H::at(Phase::Waiting);
    assert_eq!(
        refusal(&h.send(seats[0].conn, ClientMessage::HostLock {})),
        Some(ErrorCode::NotHost)
    );
    assert!(!h.e.is_locked());
    let (mut h, _) = H::at(Phase::QuestionOpen);
    assert_eq!(
        refusal(&h.cmd(ClientMessage::HostLock {})),
        Some(ErrorCode::InvalidPhase)
    );
    assert_eq!(
        refusal(&h.cmd(ClientMessage::HostUnlock {})),
        Some(ErrorCode::InvalidPhase)
    );
}

#[test]
fn the_same_answer_again_is_acknowledged_without_a_write() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let fx = h.answer(&seats[0], true);
    assert!(fx
        .iter()
        .any(|f| matches!(f, Effect::Persist(Write::Answer(_)))));
    for _ in 0..3 {
        let fx = h.answer(&seats[0], true);
        assert!(
            !fx.iter().any(|f| matches!(f, Effect::Persist(_))),
            "{fx:?}"
        );
        assert!(matches!(
            sent(&fx, &Recipient::Conn(seats[0].conn))[..],
            [S::AnswerAccepted { .. }]
        ));
        assert!(sent(&fx, &Recipient::Hosts).is_empty());
    }
    // A change is written.
    let fx = h.answer(&seats[0], false);
    assert!(fx
        .iter()
        .any(|f| matches!(f, Effect::Persist(Write::Answer(_)))));
}
