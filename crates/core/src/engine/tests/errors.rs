//! One test per error code the engine produces, each checking nothing changed.

use super::*;

fn refused(h: &mut H, conn: ConnId, msg: ClientMessage) -> ErrorCode {
    let before = h.e.records();
    let fx = h.send(conn, msg);
    assert_eq!(h.e.records(), before, "a refusal changed state");
    refusal(&fx).unwrap_or_else(|| panic!("not refused: {fx:?}"))
}

#[test]
fn invalid_host_key() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let c = h.open();
    assert_eq!(
        refused(
            &mut h,
            c,
            ClientMessage::RejoinHost {
                host_key: "nope".into()
            }
        ),
        ErrorCode::InvalidHostKey
    );
    // The failed attempt left the socket unidentified.
    assert_eq!(
        refused(&mut h, c, ClientMessage::HostStart {}),
        ErrorCode::NotHost
    );
    let _ = seats;
}

#[test]
fn invalid_rejoin_wrong_token_unknown_name_left_or_kicked() {
    let (mut h, seats) = H::at(Phase::Waiting);
    let c = h.open();
    let bad_token = ClientMessage::RejoinSession {
        pseudonym: seats[0].pseudonym.clone(),
        token: "0".repeat(64),
    };
    assert_eq!(refused(&mut h, c, bad_token), ErrorCode::InvalidRejoin);
    let unknown = ClientMessage::RejoinSession {
        pseudonym: "NOBODY-HERE".into(),
        token: seats[0].token.clone(),
    };
    assert_eq!(refused(&mut h, c, unknown), ErrorCode::InvalidRejoin);
    h.send(seats[0].conn, ClientMessage::Leave {});
    let again = ClientMessage::RejoinSession {
        pseudonym: seats[0].pseudonym.clone(),
        token: seats[0].token.clone(),
    };
    assert_eq!(refused(&mut h, c, again), ErrorCode::InvalidRejoin);
    h.cmd(ClientMessage::HostKick {
        pseudonym: seats[1].pseudonym.clone(),
    });
    let kicked = ClientMessage::RejoinSession {
        pseudonym: seats[1].pseudonym.clone(),
        token: seats[1].token.clone(),
    };
    assert_eq!(refused(&mut h, c, kicked), ErrorCode::InvalidRejoin);
}

#[test]
fn session_full_counts_only_seated_participants() {
    let (mut h, _seats) = H::at(Phase::Waiting);
    let third = h.join();
    let c = h.open();
    assert_eq!(
        refused(&mut h, c, ClientMessage::JoinSession {}),
        ErrorCode::SessionFull
    );
    h.send(third.conn, ClientMessage::Leave {});
    let fx = h.send(c, ClientMessage::JoinSession {});
    assert_eq!(refusal(&fx), None);
    assert!(!h.e.public_info().joinable);
}

#[test]
fn no_participants() {
    let mut h = H::new(1, 5);
    h.host(HOST);
    assert_eq!(
        refused(&mut h, HOST, ClientMessage::HostStart {}),
        ErrorCode::NoParticipants
    );
    let s = h.join();
    h.send(s.conn, ClientMessage::Leave {});
    assert_eq!(
        refused(&mut h, HOST, ClientMessage::HostStart {}),
        ErrorCode::NoParticipants
    );
}

#[test]
fn invalid_tasting_names_fields_and_cap_below_seated() {
    let (mut h, _) = H::at(Phase::Waiting);
    let mut t = crate::tasting::example_input(1);
    t.wines[0].questions[2].distractors[1] = "MERLOT".into();
    let fx = h.cmd(ClientMessage::UpdateSession { tasting: t });
    match &fx[..] {
        [Effect::Send {
            to: Recipient::Conn(HOST),
            msg:
                S::Error {
                    code: ErrorCode::InvalidTasting,
                    fields: Some(f),
                    ..
                },
        }] => {
            assert_eq!(f[0].path, "wines[0].questions[2].distractors[1]");
        }
        other => panic!("{other:?}"),
    }
    // A cap equal to the seated count is fine; participants stay joined.
    let before = h.e.records();
    let mut t = crate::tasting::example_input(1);
    t.max_participants = Some(2);
    assert_eq!(
        refusal(&h.cmd(ClientMessage::UpdateSession { tasting: t })),
        None
    );
    assert_eq!(h.e.records().participants, before.participants);
}

#[test]
fn cap_below_seated_is_refused() {
    let mut h = H::new(1, 10);
    h.host(HOST);
    for _ in 0..3 {
        h.join();
    }
    let mut t = crate::tasting::example_input(1);
    t.max_participants = Some(2);
    let before = h.e.records();
    let fx = h.cmd(ClientMessage::UpdateSession { tasting: t });
    match &fx[..] {
        [Effect::Send {
            msg:
                S::Error {
                    code: ErrorCode::InvalidTasting,
                    fields: Some(f),
                    ..
                },
            ..
        }] => {
            assert_eq!(f[0].path, "maxParticipants");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(h.e.records(), before);
}

#[test]
fn answer_errors() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let (qid, right, _) = h.current();
    let unknown_q = ClientMessage::SubmitAnswer {
        question_id: "q-nope".into(),
        option_id: right.clone(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, unknown_q),
        ErrorCode::UnknownQuestion
    );
    let unknown_o = ClientMessage::SubmitAnswer {
        question_id: qid.clone(),
        option_id: "o-nope".into(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, unknown_o),
        ErrorCode::UnknownOption
    );
    // An option of another question is unknown for this one.
    let other = h.e.tasting().wines[0].questions[1].clone();
    let foreign = ClientMessage::SubmitAnswer {
        question_id: qid.clone(),
        option_id: other.options[0].id.clone(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, foreign),
        ErrorCode::UnknownOption
    );
    // Another (future) question is closed.
    let future = ClientMessage::SubmitAnswer {
        question_id: other.question_id.clone(),
        option_id: other.options[0].id.clone(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, future),
        ErrorCode::AnswersClosed
    );
    h.cmd(ClientMessage::HostPause {});
    let paused = ClientMessage::SubmitAnswer {
        question_id: qid.clone(),
        option_id: right.clone(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, paused.clone()),
        ErrorCode::AnswersClosed
    );
    h.cmd(ClientMessage::HostResume {});
    h.cmd(ClientMessage::HostReveal {});
    assert_eq!(
        refused(&mut h, seats[0].conn, paused),
        ErrorCode::AnswersClosed
    );
}

#[test]
fn unknown_participant_for_kick() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    assert_eq!(
        refused(
            &mut h,
            HOST,
            ClientMessage::HostKick {
                pseudonym: "NOBODY-HERE".into()
            }
        ),
        ErrorCode::UnknownParticipant
    );
    h.cmd(ClientMessage::HostKick {
        pseudonym: seats[0].pseudonym.clone(),
    });
    assert_eq!(
        refused(
            &mut h,
            HOST,
            ClientMessage::HostKick {
                pseudonym: seats[0].pseudonym.clone()
            }
        ),
        ErrorCode::UnknownParticipant
    );
}

#[test]
fn already_identified() {
    let (mut h, seats) = H::at(Phase::Waiting);
    assert_eq!(
        refused(&mut h, seats[0].conn, ClientMessage::JoinSession {}),
        ErrorCode::AlreadyIdentified
    );
    assert_eq!(
        refused(&mut h, HOST, ClientMessage::JoinSession {}),
        ErrorCode::AlreadyIdentified
    );
    assert_eq!(
        refused(
            &mut h,
            seats[0].conn,
            ClientMessage::RejoinHost {
                host_key: HOST_KEY.into()
            }
        ),
        ErrorCode::AlreadyIdentified
    );
    let other = ClientMessage::RejoinSession {
        pseudonym: seats[1].pseudonym.clone(),
        token: seats[1].token.clone(),
    };
    assert_eq!(
        refused(&mut h, seats[0].conn, other.clone()),
        ErrorCode::AlreadyIdentified
    );
    assert_eq!(refused(&mut h, HOST, other), ErrorCode::AlreadyIdentified);
    // The same seat asking again just gets its snapshot.
    let same = ClientMessage::RejoinSession {
        pseudonym: seats[0].pseudonym.clone(),
        token: seats[0].token.clone(),
    };
    let fx = h.send(seats[0].conn, same);
    assert!(matches!(
        sent(&fx, &Recipient::Conn(seats[0].conn))[..],
        [S::ParticipantStateSnapshot(_)]
    ));
}

#[test]
fn game_started_and_session_ended_for_join() {
    let (mut h, _) = H::at(Phase::QuestionRevealed);
    let c = h.open();
    assert_eq!(
        refused(&mut h, c, ClientMessage::JoinSession {}),
        ErrorCode::GameStarted
    );
    h.cmd(ClientMessage::HostEnd {});
    assert_eq!(
        refused(&mut h, c, ClientMessage::JoinSession {}),
        ErrorCode::SessionEnded
    );
}

#[test]
fn deleted_session_is_not_found() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let fx = h.e.delete(h.now);
    let fx = h.apply(fx);
    assert!(fx
        .iter()
        .any(|f| matches!(f, Effect::Persist(Write::DeleteAll))));
    assert!(h.store.records().is_none());
    assert!(h.e.is_deleted());
    assert_eq!(h.e.next_wakeup(), None);
    let fx = h.send(seats[0].conn, ClientMessage::Ping { t: 0.0 });
    assert_eq!(refusal(&fx), Some(ErrorCode::SessionNotFound));
}

#[test]
fn create_refuses_bad_code_key_handle_and_tasting() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut t = crate::tasting::example_input(1);
    t.timer_seconds = Some(5);
    let errs = Engine::create(
        "12a4",
        "short",
        Some("lower-case"),
        &t,
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap_err();
    let fields = errs.fields();
    let paths: Vec<_> = fields.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, vec!["code", "hostKey", "hostHandle", "timerSeconds"]);
    assert_eq!(errs.code(), ErrorCode::BadRequest);
    // Only the tasting wrong: INVALID_TASTING, decided by the engine, not by path names.
    let only_tasting = Engine::create(
        "0042",
        HOST_KEY,
        None,
        &t,
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap_err();
    assert!(only_tasting.request.is_empty());
    assert_eq!(only_tasting.code(), ErrorCode::InvalidTasting);
    let (e, _) = Engine::create(
        "0042",
        HOST_KEY,
        Some("TANNIC-FALCON"),
        &crate::tasting::example_input(1),
        EngineConfig::default(),
        T0,
        &mut rng,
    )
    .unwrap();
    assert_eq!(e.host_snapshot(T0).host_handle, "TANNIC-FALCON");
}

#[test]
fn frames_too_large_or_invalid() {
    let big = format!(r#"{{"type":"ping","t":1,"pad":"{}"}}"#, "x".repeat(17_000));
    assert!(matches!(
        decode_frame(&big),
        Err(S::Error {
            code: ErrorCode::MessageTooLarge,
            ..
        })
    ));
    for bad in [
        "",
        "{",
        r#"{"type":"nope"}"#,
        r#"{"type":"ping","t":"x"}"#,
        r#"{"type":"leave","x":1}"#,
    ] {
        assert!(
            matches!(
                decode_frame(bad),
                Err(S::Error {
                    code: ErrorCode::InvalidMessage,
                    ..
                })
            ),
            "{bad}"
        );
    }
    assert_eq!(
        decode_frame(r#"{"type":"leave"}"#),
        Ok(ClientMessage::Leave {})
    );
}
