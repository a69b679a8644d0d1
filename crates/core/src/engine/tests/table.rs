//! Every cell of the command × phase table (SPEC sections 4 and 6): legal commands do what
//! they should, illegal ones get their error code and change nothing.

use super::*;

#[derive(Debug, Clone, Copy)]
enum Cmd {
    Start,
    Pause,
    Resume,
    Reveal,
    Next,
    End,
    Kick,
    Update,
    Join,
    Submit,
    Leave,
    RejoinHost,
    RejoinSession,
    Ping,
}

const ALL: [Cmd; 14] = [
    Cmd::Start,
    Cmd::Pause,
    Cmd::Resume,
    Cmd::Reveal,
    Cmd::Next,
    Cmd::End,
    Cmd::Kick,
    Cmd::Update,
    Cmd::Join,
    Cmd::Submit,
    Cmd::Leave,
    Cmd::RejoinHost,
    Cmd::RejoinSession,
    Cmd::Ping,
];

/// `Ok(phase after)` or the error code, per the spec's table.
fn expected(cmd: Cmd, phase: Phase) -> Result<Phase, ErrorCode> {
    use Phase::*;
    let invalid = Err(ErrorCode::InvalidPhase);
    match (cmd, phase) {
        (Cmd::Start, Waiting) => Ok(QuestionOpen),
        (Cmd::Pause, QuestionOpen) => Ok(QuestionPaused),
        (Cmd::Resume, QuestionPaused) => Ok(QuestionOpen),
        (Cmd::Reveal, QuestionOpen | QuestionPaused) => Ok(QuestionRevealed),
        (Cmd::Next, QuestionRevealed) => Ok(QuestionLeaderboard),
        (Cmd::Next, QuestionLeaderboard | RoundLeaderboard) => Ok(QuestionOpen),
        (Cmd::End | Cmd::Kick | Cmd::Leave, Ended) => invalid,
        (Cmd::End, _) => Ok(Ended),
        (Cmd::Kick | Cmd::Leave, p) => Ok(p),
        (Cmd::Update, Waiting) => Ok(Waiting),
        (Cmd::Join, Waiting) => Ok(Waiting),
        (Cmd::Join, Ended) => Err(ErrorCode::SessionEnded),
        (Cmd::Join, _) => Err(ErrorCode::GameStarted),
        (Cmd::Submit, QuestionOpen) => Ok(QuestionOpen),
        (Cmd::Submit, _) => Err(ErrorCode::AnswersClosed),
        (Cmd::RejoinHost | Cmd::RejoinSession | Cmd::Ping, p) => Ok(p),
        _ => invalid,
    }
}

fn run(h: &mut H, seats: &[Seat], cmd: Cmd) -> Vec<Effect> {
    let q0 = h.e.tasting().wines[0].questions[0].clone();
    match cmd {
        Cmd::Start => h.cmd(ClientMessage::HostStart {}),
        Cmd::Pause => h.cmd(ClientMessage::HostPause {}),
        Cmd::Resume => h.cmd(ClientMessage::HostResume {}),
        Cmd::Reveal => h.cmd(ClientMessage::HostReveal {}),
        Cmd::Next => h.cmd(ClientMessage::HostNext {}),
        Cmd::End => h.cmd(ClientMessage::HostEnd {}),
        Cmd::Kick => h.cmd(ClientMessage::HostKick {
            pseudonym: seats[0].pseudonym.clone(),
        }),
        Cmd::Update => h.cmd(ClientMessage::UpdateSession {
            tasting: crate::tasting::example_input(3),
        }),
        Cmd::Join => {
            let c = h.open();
            h.send(c, ClientMessage::JoinSession {})
        }
        Cmd::Submit => {
            // The current question when there is one, else the first.
            let (question_id, option_id) = match h.e.current_question() {
                Some(q) => (q.question_id.clone(), q.options[0].id.clone()),
                None => (q0.question_id.clone(), q0.options[0].id.clone()),
            };
            h.send(
                seats[0].conn,
                ClientMessage::SubmitAnswer {
                    question_id,
                    option_id,
                },
            )
        }
        Cmd::Leave => h.send(seats[0].conn, ClientMessage::Leave {}),
        Cmd::RejoinHost => {
            let c = h.open();
            h.send(
                c,
                ClientMessage::RejoinHost {
                    host_key: HOST_KEY.into(),
                },
            )
        }
        Cmd::RejoinSession => {
            let c = h.open();
            let s = seats[1].clone();
            h.send(
                c,
                ClientMessage::RejoinSession {
                    pseudonym: s.pseudonym,
                    token: s.token,
                },
            )
        }
        Cmd::Ping => h.send(seats[1].conn, ClientMessage::Ping { t: 1.5 }),
    }
}

#[test]
fn every_command_in_every_phase() {
    for phase in ALL_PHASES {
        for cmd in ALL {
            let (mut h, seats) = H::at(phase);
            let before = h.e.records();
            let fx = run(&mut h, &seats, cmd);
            match expected(cmd, phase) {
                Ok(after) => {
                    assert_eq!(refusal(&fx), None, "{cmd:?} in {phase} was refused: {fx:?}");
                    assert_eq!(h.e.phase(), after, "{cmd:?} in {phase}");
                }
                Err(code) => {
                    assert_eq!(refusal(&fx), Some(code), "{cmd:?} in {phase}: {fx:?}");
                    assert_eq!(h.e.records(), before, "{cmd:?} in {phase} changed state");
                }
            }
            // Whatever happened, storage agrees with the engine.
            assert_eq!(
                h.store.records().map(Records::normalized),
                Some(h.e.records())
            );
        }
    }
}

#[test]
fn host_commands_need_the_host_and_answers_need_a_participant() {
    let host_cmds = [
        ClientMessage::HostStart {},
        ClientMessage::HostPause {},
        ClientMessage::HostResume {},
        ClientMessage::HostReveal {},
        ClientMessage::HostNext {},
        ClientMessage::HostEnd {},
        ClientMessage::HostKick {
            pseudonym: "X-Y".into(),
        },
        ClientMessage::UpdateSession {
            tasting: crate::tasting::example_input(1),
        },
    ];
    for phase in ALL_PHASES {
        let (mut h, seats) = H::at(phase);
        let stranger = h.open();
        let before = h.e.records();
        for msg in &host_cmds {
            for conn in [seats[0].conn, stranger] {
                let fx = h.send(conn, msg.clone());
                assert_eq!(refusal(&fx), Some(ErrorCode::NotHost), "{msg:?} in {phase}");
            }
        }
        let (question_id, option_id) = {
            let q = &h.e.tasting().wines[0].questions[0];
            (q.question_id.clone(), q.options[0].id.clone())
        };
        for msg in [
            ClientMessage::SubmitAnswer {
                question_id,
                option_id,
            },
            ClientMessage::Leave {},
        ] {
            for conn in [HOST, stranger] {
                let fx = h.send(conn, msg.clone());
                assert_eq!(
                    refusal(&fx),
                    Some(ErrorCode::NotParticipant),
                    "{msg:?} in {phase}"
                );
            }
        }
        assert_eq!(h.e.records(), before);
    }
}

#[test]
fn next_walks_the_whole_phase_list_and_completes() {
    let (mut h, _) = H::at(Phase::QuestionOpen);
    let mut seen = vec![h.e.phase()];
    for _ in 0..2 {
        for q in 0..5 {
            h.cmd(ClientMessage::HostReveal {});
            seen.push(h.e.phase());
            let fx = h.cmd(ClientMessage::HostNext {});
            seen.push(h.e.phase());
            // Every question, the fifth included, has its own leaderboard.
            assert!(matches!(
                sent(&fx, &Recipient::Hosts)[..],
                [S::QuestionLeaderboard { .. }]
            ));
            let fx = h.cmd(ClientMessage::HostNext {});
            seen.push(h.e.phase());
            if q == 4 {
                assert!(matches!(
                    sent(&fx, &Recipient::Hosts)[..],
                    [S::RoundLeaderboard { .. }]
                ));
            }
        }
        if h.e.phase() == Phase::RoundLeaderboard && h.e.state.round_index == 0 {
            h.cmd(ClientMessage::HostNext {});
            seen.push(h.e.phase());
        }
    }
    assert_eq!(h.e.phase(), Phase::RoundLeaderboard);
    let fx = h.cmd(ClientMessage::HostNext {});
    assert_eq!(h.e.phase(), Phase::Ended);
    let everyone = sent(&fx, &Recipient::Everyone);
    assert!(matches!(
        everyone[..],
        [S::SessionEnded {
            reason: crate::protocol::EndReason::Completed
        }]
    ));
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::FinalLeaderboard { .. }]
    ));
    for w in seen.windows(2) {
        assert!(w[0].can_move_to(w[1]), "{} -> {}", w[0], w[1]);
    }
}
