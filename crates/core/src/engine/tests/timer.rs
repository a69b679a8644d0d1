//! Deadlines: pause/resume keep the remaining time to the millisecond, inputs and alarms
//! reveal at expiry (even with no host), the wake-up queue, lobby expiry and retention.

use super::*;

#[test]
fn pause_and_resume_keep_remaining_time_exactly() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    assert_eq!(h.e.next_wakeup(), Some(T0 + 60_000));
    h.now += 12_345;
    let fx = h.cmd(ClientMessage::HostPause {});
    assert!(
        matches!(sent(&fx, &Recipient::Everyone)[..], [S::TimerPaused { remaining_ms: 47_655, server_time }] if *server_time == T0 + 12_345)
    );
    assert_eq!(h.e.host_snapshot(h.now).remaining_ms, Some(47_655));
    h.now += 600_000; // a long pause: nothing expires
    assert!(h.alarm().is_empty());
    let snap =
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap();
    assert!(snap.paused);
    assert_eq!(snap.remaining_ms, Some(47_655));
    let fx = h.cmd(ClientMessage::HostResume {});
    assert!(matches!(
        sent(&fx, &Recipient::Everyone)[..],
        [S::TimerResumed {
            remaining_ms: 47_655,
            ..
        }]
    ));
    assert_eq!(h.e.next_wakeup(), Some(h.now + 47_655));
    h.now += 47_654;
    assert!(h.alarm().is_empty());
    assert_eq!(refusal(&h.answer(&seats[0], true)), None);
    h.now += 1;
    let fx = h.alarm();
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::AnswerRevealed(_)]
    ));
}

#[test]
fn late_alarm_is_covered_by_the_next_input_and_late_answers_are_refused() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let (qid, right, _) = h.current();
    h.now += 60_000;
    let fx = h.send(
        seats[0].conn,
        ClientMessage::SubmitAnswer {
            question_id: qid,
            option_id: right,
        },
    );
    // The reveal happened first, then the answer was refused.
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Send {
            msg: S::AnswerRevealed(_),
            ..
        }
    )));
    assert!(matches!(
        fx.last(),
        Some(Effect::Send {
            msg: S::Error {
                code: ErrorCode::AnswersClosed,
                ..
            },
            ..
        })
    ));
    // Persists come first.
    let first_send = fx
        .iter()
        .position(|f| !matches!(f, Effect::Persist(_)))
        .unwrap();
    assert!(fx[first_send..]
        .iter()
        .all(|f| !matches!(f, Effect::Persist(_))));
}

#[test]
fn reveal_at_expiry_with_no_host_connected() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    h.answer(&seats[0], true);
    h.close(HOST);
    h.now += 60_000;
    h.alarm();
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    assert_eq!(
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap()
            .score,
        100
    );
}

#[test]
fn wakeup_queue_holds_every_kind() {
    let (mut h, _) = H::at(Phase::Waiting);
    let q = h.e.wakeups();
    assert_eq!(
        q,
        vec![Wakeup {
            kind: WakeupKind::LobbyExpiry,
            at_ms: T0 + 24 * HOUR_MS
        }]
    );
    h.cmd(ClientMessage::HostStart {});
    h.close(HOST);
    let kinds: Vec<_> = h.e.wakeups().iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        vec![WakeupKind::QuestionDeadline, WakeupKind::HostGrace]
    );
    h.host(HOST);
    h.cmd(ClientMessage::HostEnd {});
    assert_eq!(
        h.e.wakeups(),
        vec![Wakeup {
            kind: WakeupKind::Retention,
            at_ms: T0 + 7 * 24 * HOUR_MS
        }]
    );
    // Not stored, derived: a restore from storage has the same queue.
    let restored = Engine::restore(h.store.records().unwrap(), &[]).unwrap();
    assert_eq!(restored.wakeups(), h.e.wakeups());
}

#[test]
fn lobby_expires_after_a_day_and_frees_its_code() {
    let (mut h, _) = H::at(Phase::Waiting);
    h.now = T0 + 24 * HOUR_MS - 1;
    h.alarm(); // the coalesced lobby count push
    assert!(h.alarm().is_empty());
    h.now += 1;
    let fx = h.alarm();
    assert_eq!(h.e.phase(), Phase::Ended);
    assert!(matches!(
        sent(&fx, &Recipient::Everyone)[..],
        [S::SessionEnded {
            reason: crate::protocol::EndReason::Expired
        }]
    ));
    assert!(
        sent(&fx, &Recipient::Hosts).is_empty(),
        "no leaderboard for a game never played"
    );
    // Nothing was played: the storage goes at once (not after the retention), the code is
    // free again, and the sockets are closed after the end message.
    assert!(h.e.is_deleted());
    assert!(h.store.records().is_none());
    assert!(fx
        .iter()
        .any(|f| matches!(f, Effect::Persist(Write::DeleteAll))));
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Close {
            to: Recipient::AllSockets,
            code: CloseCode::Deleted,
            ..
        }
    )));
    assert_eq!(h.e.next_wakeup(), None);
}

#[test]
fn retention_deletes_seven_days_after_the_end() {
    let (mut h, _) = H::at(Phase::Ended);
    let end = h.now;
    assert_eq!(h.e.next_wakeup(), Some(end + 7 * 24 * HOUR_MS));
    h.now = end + 7 * 24 * HOUR_MS;
    let fx = h.alarm();
    assert!(matches!(fx[0], Effect::Persist(Write::DeleteAll)));
    assert!(fx.iter().any(|f| matches!(
        f,
        Effect::Close {
            to: Recipient::AllSockets,
            code: CloseCode::Deleted,
            ..
        }
    )));
    assert!(h.e.is_deleted());
    assert!(h.store.records().is_none());
}

#[test]
fn end_during_a_question_does_not_score_it() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    h.answer(&seats[0], true);
    let fx = h.cmd(ClientMessage::HostEnd {});
    assert_eq!(h.e.records().state.revealed_count, 0);
    assert_eq!(
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap()
            .score,
        0
    );
    assert!(matches!(
        sent(&fx, &Recipient::Everyone)[..],
        [S::SessionEnded {
            reason: crate::protocol::EndReason::HostEnded
        }]
    ));
    let p = sent(&fx, &Recipient::Participant(seats[0].pseudonym.clone()));
    assert!(matches!(p[..], [S::FinalLeaderboard { me: Some(_), .. }]));
}
