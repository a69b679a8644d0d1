//! Presence: online deltas to hosts, counts to participants (coalesced), kick and leave,
//! dropped connections keep their seat, host away / back / timeout, unidentified sockets.

use super::*;
use crate::protocol::EndReason;

#[test]
fn unidentified_sockets_learn_only_code_and_phase() {
    let (mut h, _) = H::at(Phase::QuestionOpen);
    h.next_conn += 1;
    let c = h.next_conn;
    let fx = h.e.connection_opened(c, h.now);
    assert_eq!(
        fx,
        vec![Effect::Send {
            to: Recipient::Conn(c),
            msg: S::StateSnapshot {
                code: "1234".into(),
                phase: Phase::QuestionOpen
            }
        }]
    );
    // Broadcasts never target unidentified sockets (Everyone = identified only).
    let fx = h.cmd(ClientMessage::HostReveal {});
    assert!(fx
        .iter()
        .all(|f| !matches!(f, Effect::Send { to: Recipient::Conn(x), .. } if *x == c)));
}

#[test]
fn join_tells_hosts_the_participant_and_others_only_counts_coalesced() {
    let mut h = H::new(1, 50);
    h.host(HOST);
    let a = h.join();
    let c = h.open();
    let fx = h.send(c, ClientMessage::JoinSession {});
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::LobbyUpdated {
            participant: Some(p),
            count: 2,
            max_participants: 50,
            ..
        }] => assert!(p.online && !p.left),
        ref other => panic!("{other:?}"),
    }
    // The joiner gets its own counts at once; the others wait for the coalesced push.
    assert!(matches!(
        sent(&fx, &Recipient::Conn(c))[..],
        [
            S::ParticipantJoined { .. },
            S::LobbyUpdated {
                participant: None,
                count: 2,
                ..
            }
        ]
    ));
    assert!(sent(&fx, &Recipient::Participants).is_empty());
    assert_eq!(h.e.next_wakeup(), Some(T0 + 250));
    h.now += 250;
    let fx = h.alarm();
    assert!(matches!(
        sent(&fx, &Recipient::Participants)[..],
        [S::LobbyUpdated {
            participant: None,
            count: 2,
            ..
        }]
    ));
    let _ = a;
}

#[test]
fn dropped_connection_keeps_the_seat_and_rejoins() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let fx = h.close(seats[0].conn);
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::LobbyUpdated {
            participant: Some(p),
            count: 2,
            ..
        }] => assert!(!p.online && !p.left),
        ref other => panic!("{other:?}"),
    }
    let c = h.open();
    let fx = h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seats[0].pseudonym.clone(),
            token: seats[0].token.clone(),
        },
    );
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::SetIdentity {
            identity: Identity::Participant { .. },
            ..
        }
    )));
    assert!(matches!(
        sent(&fx, &Recipient::Conn(c))[..],
        [S::ParticipantStateSnapshot(_)]
    ));
    assert_eq!(
        refusal(&h.answer(
            &Seat {
                conn: c,
                ..seats[0].clone()
            },
            true
        )),
        None
    );
}

#[test]
fn two_tabs_one_participant_stay_online_until_both_close() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let c = h.open();
    h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seats[0].pseudonym.clone(),
            token: seats[0].token.clone(),
        },
    );
    let fx = h.close(seats[0].conn);
    assert!(fx.is_empty(), "still online in the other tab: {fx:?}");
    let fx = h.close(c);
    assert!(!fx.is_empty());
}

#[test]
fn kick_tells_and_closes_and_frees_the_seat() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let fx = h.cmd(ClientMessage::HostKick {
        pseudonym: seats[0].pseudonym.clone(),
    });
    let who = Recipient::Participant(seats[0].pseudonym.clone());
    assert!(matches!(sent(&fx, &who)[..], [S::ParticipantKicked {}]));
    assert!(fx
        .iter()
        .any(|f| matches!(f, Effect::Close { to, code: CloseCode::Kicked, .. } if *to == who)));
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::LobbyUpdated {
            participant: Some(p),
            count: 1,
            ..
        }] => assert!(p.left),
        ref other => panic!("{other:?}"),
    }
    assert_eq!(h.e.records().participants[0].status, SeatStatus::Kicked);
    // The kicked socket can no longer act as that participant.
    assert_eq!(
        refusal(&h.send(seats[0].conn, ClientMessage::Leave {})),
        Some(ErrorCode::NotParticipant)
    );
    assert_eq!(h.e.public_info().participant_count, 1);
}

#[test]
fn leave_in_a_running_game_removes_from_rankings() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let fx = h.send(seats[1].conn, ClientMessage::Leave {});
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Close {
            code: CloseCode::Left,
            ..
        }
    )));
    h.cmd(ClientMessage::HostReveal {});
    h.cmd(ClientMessage::HostNext {});
    let r = h.e.host_snapshot(h.now).rankings.unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].pseudonym, seats[0].pseudonym);
}

#[test]
fn host_away_back_and_timeout() {
    let (mut h, seats) = H::at(Phase::QuestionRevealed);
    let fx = h.close(HOST);
    assert!(matches!(
        sent(&fx, &Recipient::Participants)[..],
        [S::HostAway {}]
    ));
    assert!(
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap()
            .host_away
    );
    h.now += HOUR_MS - 1;
    let fx = h.host(2);
    assert!(matches!(
        sent(&fx, &Recipient::Participants)[..],
        [S::HostBack {}]
    ));
    assert!(
        matches!(sent(&fx, &Recipient::Conn(2))[..], [S::HostStateSnapshot(s)] if s.phase == Phase::QuestionRevealed)
    );
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    h.close(2);
    h.now += HOUR_MS;
    let fx = h.alarm();
    assert_eq!(h.e.phase(), Phase::Ended);
    assert!(matches!(
        sent(&fx, &Recipient::Everyone)[..],
        [S::SessionEnded {
            reason: EndReason::HostTimeout
        }]
    ));
}

#[test]
fn host_leaving_the_lobby_is_not_away() {
    let (mut h, _) = H::at(Phase::Waiting);
    assert!(h.close(HOST).is_empty());
    assert_eq!(h.e.records().state.host_grace_deadline_ms, None);
}

#[test]
fn grace_period_is_configurable() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let cfg = EngineConfig {
        host_grace_ms: 5_000,
        ..EngineConfig::default()
    };
    let (mut e, _) = Engine::create(
        "1111",
        HOST_KEY,
        None,
        &crate::tasting::example_input(1),
        cfg,
        T0,
        &mut rng,
    )
    .unwrap();
    e.handle(
        1,
        &Identity::Unidentified,
        ClientMessage::RejoinHost {
            host_key: HOST_KEY.into(),
        },
        T0,
        &mut rng,
    );
    e.handle(
        2,
        &Identity::Unidentified,
        ClientMessage::JoinSession {},
        T0,
        &mut rng,
    );
    e.handle(
        1,
        &Identity::Host,
        ClientMessage::HostStart {},
        T0,
        &mut rng,
    );
    e.handle(
        1,
        &Identity::Host,
        ClientMessage::HostPause {},
        T0,
        &mut rng,
    );
    e.connection_closed(1, &Identity::Host, T0);
    assert_eq!(e.next_wakeup(), Some(T0 + 5_000));
    e.alarm(T0 + 5_000);
    assert_eq!(e.phase(), Phase::Ended);
}
