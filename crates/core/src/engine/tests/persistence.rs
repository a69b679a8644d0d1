//! Persistence: storage built from the engine's writes equals its records at every step, and
//! a restore from them plus the live sockets gives identical snapshots and behaviour.

use super::*;

fn live(h: &H) -> Vec<(ConnId, Identity)> {
    let mut v: Vec<_> = h.ids.iter().map(|(c, i)| (*c, i.clone())).collect();
    v.sort_by_key(|(c, _)| *c);
    v
}

fn assert_restores(h: &H) {
    let stored = h.store.records().expect("stored").normalized();
    assert_eq!(stored, h.e.records());
    let back = Engine::restore(stored, &live(h)).expect("restores");
    assert_eq!(back.records(), h.e.records());
    assert_eq!(back.host_snapshot(h.now), h.e.host_snapshot(h.now));
    for p in &h.e.participants {
        assert_eq!(
            back.participant_snapshot(&p.pseudonym, h.now),
            h.e.participant_snapshot(&p.pseudonym, h.now)
        );
    }
    let identified = |e: &Engine| {
        let mut v: Vec<_> = e
            .conns
            .iter()
            .filter(|(_, r)| **r != super::super::state::Role::Unidentified)
            .map(|(c, r)| (*c, *r))
            .collect();
        v.sort_by_key(|(c, _)| *c);
        v
    };
    assert_eq!(identified(&back), identified(&h.e));
    assert_eq!(back.host_conns, h.e.host_conns);
}

#[test]
fn a_whole_game_restores_at_every_step() {
    let (mut h, seats) = H::at(Phase::Waiting);
    assert_restores(&h);
    h.cmd(ClientMessage::HostStart {});
    for round in 0..2 {
        for q in 0..5 {
            h.answer(&seats[0], true);
            h.answer(&seats[1], q % 2 == 0);
            h.now += 1_000;
            assert_restores(&h);
            h.cmd(ClientMessage::HostPause {});
            assert_restores(&h);
            h.cmd(ClientMessage::HostResume {});
            h.cmd(ClientMessage::HostReveal {});
            assert_restores(&h);
            h.cmd(ClientMessage::HostNext {});
            assert_restores(&h);
            // From the question leaderboard: the next question, or after the fifth the
            // round leaderboard.
            h.cmd(ClientMessage::HostNext {});
            if q == 4 {
                assert_restores(&h);
            }
        }
        if round == 0 {
            h.close(seats[1].conn);
            assert_restores(&h);
            h.cmd(ClientMessage::HostNext {});
        }
    }
    h.cmd(ClientMessage::HostNext {});
    assert_eq!(h.e.phase(), Phase::Ended);
    assert_restores(&h);
    let snap =
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap();
    assert_eq!(snap.score, 1000);
}

#[test]
fn restore_after_losing_the_host_socket_starts_the_grace_on_the_next_tick() {
    let (mut h, _) = H::at(Phase::QuestionOpen);
    let records = h.store.records().unwrap();
    // The runtime restarted and the host socket is gone without a close event.
    let mut e = Engine::restore(records, &[]).unwrap();
    let fx = e.alarm(h.now);
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Send {
            to: Recipient::Participants,
            msg: S::HostAway {}
        }
    )));
    assert_eq!(
        e.records().state.host_grace_deadline_ms,
        Some(h.now + HOUR_MS)
    );
    // And a host socket found attached while storage says away brings the host back.
    let mut store = h.store.clone();
    store.apply_effects(&fx);
    let mut e = Engine::restore(store.records().unwrap(), &[(HOST, Identity::Host)]).unwrap();
    let fx = e.alarm(h.now + 1);
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Send {
            msg: S::HostBack {},
            ..
        }
    )));
    h.now += 0;
}

#[test]
fn restore_rejects_inconsistent_records() {
    let (h, _) = H::at(Phase::QuestionOpen);
    let mut r = h.e.records();
    r.state.round_index = 9;
    assert!(Engine::restore(r, &[]).is_err());
    let mut r = h.e.records();
    r.answers.push(AnswerRecord {
        pseudonym: "GHOST-X".into(),
        question_id: "q".into(),
        option_id: "o".into(),
        elapsed_ms: 0,
    });
    assert!(Engine::restore(r, &[]).is_err());
}

#[test]
fn records_and_identities_serialize() {
    let (h, _) = H::at(Phase::QuestionRevealed);
    let r = h.e.records();
    let json = serde_json::to_string(&r).unwrap();
    let back: Records = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let id = Identity::Participant {
        pseudonym: "OAKY-MERLOT".into(),
    };
    let json = serde_json::to_string(&id).unwrap();
    assert_eq!(json, r#"{"as":"participant","pseudonym":"OAKY-MERLOT"}"#);
    assert_eq!(serde_json::from_str::<Identity>(&json).unwrap(), id);
    assert_eq!(
        serde_json::to_string(&Identity::Host).unwrap(),
        r#"{"as":"host"}"#
    );
}

/// The writes among `fx`.
fn writes(fx: &[Effect]) -> Vec<&Write> {
    fx.iter()
        .filter_map(|f| match f {
            Effect::Persist(w) => Some(w),
            _ => None,
        })
        .collect()
}

#[test]
fn only_what_restore_reads_is_written() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    h.answer(&seats[0], true);
    h.answer(&seats[1], true);
    // A reveal scores two participants: one state row, no participant rows, no wake-ups.
    let fx = h.cmd(ClientMessage::HostReveal {});
    assert!(
        matches!(writes(&fx)[..], [Write::State(_)]),
        "{:?}",
        writes(&fx)
    );
    // A drop and a reconnect change presence only: nothing is written.
    let fx = h.close(seats[0].conn);
    assert!(writes(&fx).is_empty(), "{:?}", writes(&fx));
    let c = h.open();
    let fx = h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seats[0].pseudonym.clone(),
            token: seats[0].token.clone(),
        },
    );
    assert!(writes(&fx).is_empty(), "{:?}", writes(&fx));
    // What was not written is rebuilt: scores from the answers, the queue from the state.
    let restored = Engine::restore(h.store.records().unwrap(), &[]).unwrap();
    assert_eq!(
        restored
            .participant_snapshot(&seats[1].pseudonym, h.now)
            .unwrap()
            .score,
        100
    );
    assert_eq!(restored.wakeups(), h.e.wakeups());
}
