//! The game options (SPEC section 5) in every phase: partial points and outcomes, the speed
//! bonus (pauses excluded, a change costs its speed), per-wine pacing, auto-advance on the
//! wake-up queue (with and without a host, early reveals, host-away grace), the palate report.

use super::*;
use crate::options::{GameOptions, Pacing};
use crate::protocol::{AnswerOutcome, Palate, Reveal, TastingInput};

fn input(wines: usize, options: GameOptions) -> TastingInput {
    let mut t = crate::tasting::example_input(wines);
    t.max_participants = Some(10);
    t.options = Some(options);
    // Colour: White 50, Rosé 0, Orange 25. Vintage: 2016 90.
    for w in &mut t.wines {
        w.questions[0].partial_points = Some(vec![50, 0, 25]);
        w.questions[3].partial_points = Some(vec![90, 0, 0]);
    }
    t
}

const SPEED: GameOptions = GameOptions {
    speed_bonus: true,
    pacing: Pacing::EveryQuestion,
    auto_advance: false,
};
const PER_WINE: GameOptions = GameOptions {
    speed_bonus: false,
    pacing: Pacing::PerWine,
    auto_advance: false,
};
const AUTO: GameOptions = GameOptions {
    speed_bonus: false,
    pacing: Pacing::EveryQuestion,
    auto_advance: true,
};

/// A started game of `wines` wines with `players` seated participants and a host.
fn game(wines: usize, options: GameOptions, players: usize) -> (H, Vec<Seat>) {
    let mut h = H::with_input(&input(wines, options));
    h.host(HOST);
    let seats = (0..players).map(|_| h.join()).collect();
    h.cmd(ClientMessage::HostStart {});
    assert_eq!(h.e.phase(), Phase::QuestionOpen);
    (h, seats)
}

impl H {
    fn pick(&mut self, seat: &Seat, text: &str) -> Vec<Effect> {
        let q = self.e.current_question().expect("question").clone();
        let option_id = q
            .options
            .iter()
            .find(|o| o.text == text)
            .expect("option")
            .id
            .clone();
        self.send(
            seat.conn,
            ClientMessage::SubmitAnswer {
                question_id: q.question_id,
                option_id,
            },
        )
    }
}

fn my_reveal(fx: &[Effect], seat: &Seat) -> crate::protocol::ParticipantReveal {
    match sent(fx, &Recipient::Participant(seat.pseudonym.clone()))[..] {
        [S::AnswerRevealed(Reveal::Participant(r))] => r.clone(),
        ref other => panic!("{other:?}"),
    }
}

#[test]
fn a_tasting_without_options_plays_as_before() {
    let h = H::new(1, 5);
    assert_eq!(h.e.tasting().options, GameOptions::default());
    assert!(h.e.tasting().wines[0]
        .questions
        .iter()
        .all(|q| q.partial_points.is_empty()));
    assert_eq!(h.e.public_info().options, None);
    let plain = serde_json::to_value(h.e.public_info()).unwrap();
    assert!(
        plain.get("options").is_none(),
        "the wire shape is unchanged"
    );
}

#[test]
fn options_are_edited_in_the_lobby_and_participants_learn_them() {
    let mut h = H::new(1, 5);
    h.host(HOST);
    let a = h.join();
    h.now += 1_000;
    let fx = h.cmd(ClientMessage::UpdateSession {
        tasting: input(1, SPEED),
    });
    assert_eq!(h.e.tasting().options, SPEED);
    assert!(matches!(
        sent(&fx, &Recipient::Participants)[..],
        [S::LobbyUpdated { options: Some(o), .. }] if *o == SPEED
    ));
    assert_eq!(h.e.public_info().options, Some(SPEED));
    let snap = h.e.participant_snapshot(&a.pseudonym, h.now).unwrap();
    assert_eq!(snap.options, SPEED);
    // The stored question keeps the near misses by option id (shuffled with the options).
    let q = &h.e.tasting().wines[0].questions[0];
    let text = |id: &str| q.options.iter().find(|o| o.id == id).unwrap().text.clone();
    let near: Vec<(String, u32)> = q
        .partial_points
        .iter()
        .map(|p| (text(&p.option_id), p.points))
        .collect();
    assert_eq!(near.len(), 2);
    assert!(near.contains(&("White".into(), 50)) && near.contains(&("Orange".into(), 25)));
}

#[test]
fn near_misses_earn_their_partial_points_and_say_so() {
    let (mut h, seats) = game(1, GameOptions::default(), 4);
    h.pick(&seats[0], "Red");
    h.pick(&seats[1], "White");
    h.pick(&seats[2], "Rosé");
    let fx = h.cmd(ClientMessage::HostReveal {});
    // Right, near miss (another option, points above 0), wrong, no answer.
    let outcome = |r: &crate::protocol::ParticipantReveal| match &r.my_option_id {
        None => AnswerOutcome::NoAnswer,
        Some(o) if *o == r.correct_option_id => AnswerOutcome::Correct,
        Some(_) if r.my_points > 0 => AnswerOutcome::NearMiss,
        Some(_) => AnswerOutcome::Wrong,
    };
    let outcomes: Vec<_> = seats
        .iter()
        .map(|s| {
            let r = my_reveal(&fx, s);
            (outcome(&r), r.my_points, r.my_total_score)
        })
        .collect();
    assert_eq!(
        outcomes,
        vec![
            (AnswerOutcome::Correct, 100, 100),
            (AnswerOutcome::NearMiss, 50, 50),
            (AnswerOutcome::Wrong, 0, 0),
            (AnswerOutcome::NoAnswer, 0, 0),
        ]
    );
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::AnswerRevealed(Reveal::Host(r))] => {
            let near = r
                .results
                .iter()
                .find(|x| x.pseudonym == seats[1].pseudonym)
                .unwrap();
            assert_ne!(near.option_id.as_ref(), Some(&r.correct_option_id));
            assert_eq!(near.points, 50);
        }
        ref other => panic!("{other:?}"),
    }
    let results = h.e.results();
    let near = results
        .answers
        .iter()
        .find(|a| a.pseudonym == seats[1].pseudonym)
        .unwrap();
    assert!(!near.correct);
    assert_eq!((near.outcome, near.points), (AnswerOutcome::NearMiss, 50));
}

#[test]
fn a_reveal_tells_each_participant_their_rank_and_the_gap_above() {
    let (mut h, seats) = game(1, GameOptions::default(), 5);
    h.pick(&seats[0], "Red"); // 100
    h.pick(&seats[1], "White"); // 50
    h.pick(&seats[2], "Orange"); // 25
    h.pick(&seats[3], "Rosé"); // 0; seats[4] does not answer: 0
    let fx = h.cmd(ClientMessage::HostReveal {});
    let got: Vec<_> = seats
        .iter()
        .map(|s| {
            let r = my_reveal(&fx, s);
            (
                r.my_rank,
                r.ranked_count,
                r.gap_to_next,
                r.next_rank,
                r.tied,
            )
        })
        .collect();
    // The last two share 4th: the server says so, though neither sees the other's line.
    assert_eq!(
        got,
        vec![
            (1, 5, None, None, false),
            (2, 5, Some(50), Some(1), false),
            (3, 5, Some(25), Some(2), false),
            (4, 5, Some(25), Some(3), true),
            (4, 5, Some(25), Some(3), true),
        ]
    );
    // A reconnect's snapshot (one pass, no sort) says the same as the broadcast.
    for s in &seats {
        let snap = h.e.participant_snapshot(&s.pseudonym, h.now).unwrap();
        assert_eq!(snap.reveal, Some(my_reveal(&fx, s)));
    }
}

/// The phone gets the podium and its own line: whether its rank is shared comes from the
/// server, for a tie with the 3rd line (below the podium's view) and never for a lone rank.
#[test]
fn own_lines_say_whether_the_rank_is_shared() {
    let (mut h, seats) = game(1, GameOptions::default(), 5);
    for (seat, text) in seats
        .iter()
        .zip(["Red", "White", "Orange", "Orange", "Rosé"])
    {
        h.pick(seat, text); // 100, 50, 25, 25, 0
    }
    h.cmd(ClientMessage::HostReveal {});
    let fx = h.cmd(ClientMessage::HostNext {});
    let mut tied = Vec::new();
    for s in &seats {
        match sent(&fx, &Recipient::Participant(s.pseudonym.clone()))[..] {
            [S::QuestionLeaderboard {
                rankings,
                me: Some(me),
                ..
            }] => {
                assert!(rankings.iter().all(|e| !e.tied), "only `me` carries it");
                tied.push((me.rank, me.tied));
            }
            ref other => panic!("{other:?}"),
        }
        // A reconnect's snapshot says the same.
        let snap = h.e.participant_snapshot(&s.pseudonym, h.now).unwrap();
        assert_eq!(snap.me.map(|m| (m.rank, m.tied)), tied.last().copied());
    }
    assert_eq!(
        tied,
        vec![(1, false), (2, false), (3, true), (3, true), (5, false)]
    );
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::QuestionLeaderboard {
            rankings, me: None, ..
        }] => {
            assert!(
                rankings.iter().all(|e| !e.tied),
                "host lines stay as they were"
            );
        }
        ref other => panic!("{other:?}"),
    }
    // The final board too.
    let fx = h.cmd(ClientMessage::HostEnd {});
    for (s, want) in seats.iter().zip([false, false, true, true, false]) {
        match sent(&fx, &Recipient::Participant(s.pseudonym.clone()))[..] {
            [S::FinalLeaderboard { me: Some(me), .. }, ..] => {
                assert_eq!(me.tied, want, "{}", s.pseudonym)
            }
            ref other => panic!("{other:?}"),
        }
    }
}

#[test]
fn speed_bonus_scales_by_time_open_with_pauses_excluded() {
    let (mut h, seats) = game(1, SPEED, 3);
    h.pick(&seats[0], "Red"); // t = 0 → 100
    h.now += 15_000;
    h.pick(&seats[1], "White"); // near miss 50 at t = 15 s → 50 × (1 − 15/120) = 43.75 → 44
    h.cmd(ClientMessage::HostPause {});
    h.now += 500_000; // a long pause costs nothing
    h.cmd(ClientMessage::HostResume {});
    h.now += 15_000;
    h.pick(&seats[2], "Red"); // t = 30 s → 75
    let fx = h.cmd(ClientMessage::HostReveal {});
    let points: Vec<u32> = seats.iter().map(|s| my_reveal(&fx, s).my_points).collect();
    assert_eq!(points, vec![100, 44, 75]);
    // Restored from storage, the same scores.
    let back = Engine::restore(h.store.records().unwrap(), &[]).unwrap();
    assert_eq!(back.rankings(), h.e.rankings());
}

#[test]
fn changing_an_answer_costs_its_speed() {
    let (mut h, seats) = game(1, SPEED, 1);
    h.pick(&seats[0], "Red");
    h.now += 60_000 - 1;
    h.pick(&seats[0], "White");
    h.pick(&seats[0], "Red"); // t = 59.999 s → round(100 × (1 − 59999/120000)) = 50
    h.now += 1;
    let fx = h.alarm();
    assert_eq!(my_reveal(&fx, &seats[0]).my_points, 50);
}

#[test]
fn per_wine_pacing_skips_question_leaderboards() {
    let (mut h, seats) = game(2, PER_WINE, 2);
    let mut boards = Vec::new();
    for _ in 0..10 {
        h.answer(&seats[0], true);
        h.cmd(ClientMessage::HostReveal {});
        let fx = h.cmd(ClientMessage::HostNext {});
        for m in sent(&fx, &Recipient::Hosts) {
            match m {
                S::QuestionLeaderboard { .. } => boards.push("question"),
                S::RoundLeaderboard { .. } => boards.push("round"),
                _ => {}
            }
        }
        if h.e.phase() == Phase::RoundLeaderboard {
            h.cmd(ClientMessage::HostNext {});
        }
    }
    assert_eq!(boards, vec!["round", "round"]);
    assert_eq!(h.e.phase(), Phase::Ended);
    assert_eq!(h.e.rankings()[0].score, 1000);
}

#[test]
fn auto_advance_runs_a_whole_game_without_a_host() {
    let (mut h, seats) = game(2, AUTO, 2);
    h.close(HOST);
    // No host: the grace does not queue an end for an auto-advancing game.
    assert!(!h
        .e
        .wakeups()
        .iter()
        .any(|w| w.kind == WakeupKind::HostGrace));
    let mut questions = Vec::new();
    let mut steps = 0;
    while h.e.phase() != Phase::Ended {
        if h.e.phase() == Phase::QuestionOpen {
            let (qid, _, _) = h.current();
            questions.push(qid);
            h.answer(&seats[0], true);
            h.answer(&seats[1], false);
            // Everyone connected answered: revealed at once.
            assert_eq!(h.e.phase(), Phase::QuestionRevealed);
        }
        let at = h.e.next_wakeup().expect("a wake-up");
        assert!(at > h.now);
        h.now = at;
        h.alarm();
        steps += 1;
        assert!(steps < 100);
    }
    assert_eq!(
        h.e.records().state.end_reason,
        Some(crate::protocol::EndReason::Completed)
    );
    let all: Vec<String> =
        h.e.tasting()
            .wines
            .iter()
            .flat_map(|w| w.questions.iter().map(|q| q.question_id.clone()))
            .collect();
    assert_eq!(questions, all, "every question once, in order");
    let ranks = h.e.rankings();
    assert_eq!(ranks[0].pseudonym, seats[0].pseudonym);
    assert_eq!((ranks[0].score, ranks[1].score), (1000, 0));
}

#[test]
fn auto_advance_delays_and_the_host_going_sooner() {
    let (mut h, seats) = game(1, AUTO, 2);
    // Timer end reveals, then the reveal stays REVEAL_DELAY_MS.
    h.now += 60_000;
    h.alarm();
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    assert_eq!(h.e.next_wakeup(), Some(h.now + REVEAL_DELAY_MS));
    // The host moves on sooner: the leaderboard arms its own delay.
    h.now += 1_000;
    h.cmd(ClientMessage::HostNext {});
    assert_eq!(h.e.phase(), Phase::QuestionLeaderboard);
    assert_eq!(h.e.next_wakeup(), Some(h.now + LEADERBOARD_DELAY_MS));
    h.now += LEADERBOARD_DELAY_MS;
    h.alarm();
    assert_eq!(h.e.phase(), Phase::QuestionOpen);
    // A paused question waits for the host (no auto-advance while paused).
    h.cmd(ClientMessage::HostPause {});
    assert_eq!(h.e.next_wakeup(), None);
    h.answer(&seats[0], true);
    h.cmd(ClientMessage::HostResume {});
    // One connected participant still thinking: no early reveal; they drop, it reveals.
    h.answer(&seats[0], true);
    assert_eq!(h.e.phase(), Phase::QuestionOpen);
    let fx = h.close(seats[1].conn);
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::LobbyUpdated { .. }, S::AnswerRevealed(_)]
    ));
}

#[test]
fn auto_advance_waits_for_the_timer_in_an_empty_room_and_after_a_rejoin() {
    let (mut h, seats) = game(1, AUTO, 2);
    h.close(seats[0].conn);
    h.close(seats[1].conn);
    assert_eq!(h.e.phase(), Phase::QuestionOpen, "nobody connected: wait");
    // A participant comes back: answering reveals (the other is offline).
    let c = h.open();
    h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seats[0].pseudonym.clone(),
            token: seats[0].token.clone(),
        },
    );
    let back = Seat {
        conn: c,
        ..seats[0].clone()
    };
    h.answer(&back, true);
    assert_eq!(h.e.phase(), Phase::QuestionRevealed);
}

#[test]
fn answers_are_awaited_until_every_connected_participant_has_answered() {
    // The shell's group commit stops waiting once nothing more can come (auto-advance or not).
    let (mut h, seats) = game(1, SPEED, 3);
    assert!(h.e.awaits_answers());
    h.answer(&seats[0], true);
    assert!(h.e.awaits_answers());
    // A participant who left is not waited for; one who comes back is, until they answer.
    h.close(seats[2].conn);
    h.answer(&seats[1], false);
    assert!(!h.e.awaits_answers(), "everyone connected has answered");
    let c = h.open();
    h.send(
        c,
        ClientMessage::RejoinSession {
            pseudonym: seats[2].pseudonym.clone(),
            token: seats[2].token.clone(),
        },
    );
    assert!(h.e.awaits_answers(), "back and not answered yet");
    let back = Seat {
        conn: c,
        ..seats[2].clone()
    };
    h.answer(&back, true);
    assert!(!h.e.awaits_answers());
    // A change after that: still nothing to wait for.
    h.answer(&seats[0], false);
    assert!(!h.e.awaits_answers());
    // Only an open question awaits answers: not a revealed one, not a paused one.
    h.cmd(ClientMessage::HostReveal {});
    assert!(!h.e.awaits_answers());
    h.cmd(ClientMessage::HostNext {});
    h.cmd(ClientMessage::HostNext {});
    assert_eq!(h.e.phase(), Phase::QuestionOpen);
    assert!(h.e.awaits_answers(), "a new question awaits everyone again");
    h.cmd(ClientMessage::HostPause {});
    assert!(!h.e.awaits_answers());
}

#[test]
fn auto_advance_grace_ends_only_a_game_paused_by_an_absent_host() {
    let (mut h, _seats) = game(1, AUTO, 1);
    h.cmd(ClientMessage::HostPause {});
    h.close(HOST);
    assert_eq!(h.e.next_wakeup(), Some(h.now + HOUR_MS));
    h.now += HOUR_MS;
    h.alarm();
    assert_eq!(
        h.e.records().state.end_reason,
        Some(crate::protocol::EndReason::HostTimeout)
    );
}

#[test]
fn restore_mid_auto_game_keeps_state_and_next_wakeup() {
    let (mut h, seats) = game(1, AUTO, 2);
    for _ in 0..6 {
        if h.e.phase() == Phase::QuestionOpen {
            h.answer(&seats[0], true);
            h.answer(&seats[1], true);
        }
        let live: Vec<_> = h.ids.iter().map(|(c, i)| (*c, i.clone())).collect();
        let back = Engine::restore(h.store.records().unwrap(), &live).unwrap();
        assert_eq!(back.records(), h.e.records());
        assert_eq!(back.next_wakeup(), h.e.next_wakeup());
        h.now = h.e.next_wakeup().unwrap();
        h.alarm();
    }
}

#[test]
fn every_option_combination_follows_the_phase_graph_in_every_phase() {
    for bits in 0..8u8 {
        let options = GameOptions {
            speed_bonus: bits & 1 != 0,
            pacing: if bits & 2 != 0 {
                Pacing::PerWine
            } else {
                Pacing::EveryQuestion
            },
            auto_advance: bits & 4 != 0,
        };
        let (mut h, seats) = game(2, options, 2);
        let mut seen = std::collections::HashSet::new();
        let mut guard = 0;
        while h.e.phase() != Phase::Ended {
            let phase = h.e.phase();
            seen.insert(phase);
            let fx = match phase {
                Phase::QuestionOpen => {
                    h.answer(&seats[0], true);
                    h.cmd(ClientMessage::HostPause {})
                }
                Phase::QuestionPaused => h.cmd(ClientMessage::HostReveal {}),
                _ => h.cmd(ClientMessage::HostNext {}),
            };
            assert_eq!(refusal(&fx), None, "{options:?} in {phase}");
            assert!(phase.can_move_to(h.e.phase()) || phase == h.e.phase());
            if phase == Phase::QuestionRevealed {
                let board = h.e.phase() == Phase::QuestionLeaderboard;
                assert_eq!(board, !options.per_wine(), "{options:?}");
            }
            let pending = h.e.records().state.advance_at_ms.is_some();
            assert_eq!(
                pending,
                options.auto_advance
                    && matches!(
                        h.e.phase(),
                        Phase::QuestionRevealed
                            | Phase::QuestionLeaderboard
                            | Phase::RoundLeaderboard
                    ),
                "{options:?} in {}",
                h.e.phase()
            );
            guard += 1;
            assert!(guard < 200);
        }
        assert_eq!(
            seen.contains(&Phase::QuestionLeaderboard),
            !options.per_wine()
        );
        let top = &h.e.rankings()[0];
        assert_eq!(top.pseudonym, seats[0].pseudonym);
        // Answered at t = 0: the speed bonus keeps the whole base.
        assert_eq!(top.score, 1000);
    }
}

#[test]
fn the_palate_report_goes_to_everyone_at_the_end() {
    let (mut h, seats) = game(1, GameOptions::default(), 2);
    for q in 0..5 {
        match q {
            0 => h.pick(&seats[0], "White"), // near miss 50
            3 => h.pick(&seats[0], "2016"),  // near miss 90
            _ => h.answer(&seats[0], true),
        };
        h.answer(&seats[1], q == 0);
        h.cmd(ClientMessage::HostReveal {});
        h.cmd(ClientMessage::HostNext {});
        h.cmd(ClientMessage::HostNext {});
    }
    let fx = h.cmd(ClientMessage::HostNext {});
    assert_eq!(h.e.phase(), Phase::Ended);
    let host = match sent(&fx, &Recipient::Hosts)[..] {
        [S::FinalLeaderboard {
            palate: Some(p), ..
        }] => match &**p {
            Palate::Host(all) => all.clone(),
            other => panic!("{other:?}"),
        },
        ref other => panic!("{other:?}"),
    };
    assert_eq!(host.reports.len(), 2);
    let first = &host.reports[0];
    assert_eq!(first.pseudonym, seats[0].pseudonym);
    assert_eq!(first.wine_points, vec![440]);
    assert_eq!(
        (first.categories[0].correct, first.categories[0].near_misses),
        (0, 1)
    );
    assert_eq!(first.categories[3].near_misses, 1);
    assert_eq!(first.strongest, Some(crate::Category::Region));
    assert_eq!(first.weakest, Some(crate::Category::Color));
    assert_eq!(host.room[0].correct, 0.5);
    assert_eq!(host.room[0].near_misses, 0.5);
    let mine = match sent(&fx, &Recipient::Participant(seats[1].pseudonym.clone()))[..] {
        [S::FinalLeaderboard {
            palate: Some(p), ..
        }] => match &**p {
            Palate::Participant(mine) => mine.clone(),
            other => panic!("{other:?}"),
        },
        ref other => panic!("{other:?}"),
    };
    assert_eq!(mine.report.pseudonym, seats[1].pseudonym);
    assert_eq!(mine.report.categories[0].correct, 1);
    assert_eq!(mine.room, host.room);
    // Snapshots and the results carry the same reports.
    let snap =
        h.e.participant_snapshot(&seats[1].pseudonym, h.now)
            .unwrap();
    assert_eq!(snap.palate, Some(mine));
    assert_eq!(h.e.host_snapshot(h.now).palate, Some(host.clone()));
    assert_eq!(h.e.results().palate, host);
    let csv = h.e.palate_csv();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("rank,pseudonym,score,color correct,color near misses,"));
    assert!(lines[0].ends_with(",wine 1 points,strongest,weakest"));
    assert!(lines[1].ends_with(",440,region,color"));
    assert!(lines[3].starts_with(",room average,,0.5,0.5,"));
}

#[test]
fn no_palate_report_before_a_reveal_or_for_a_deleted_session() {
    let (mut h, _) = game(1, GameOptions::default(), 1);
    let fx = h.cmd(ClientMessage::HostEnd {});
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::FinalLeaderboard { palate: None, .. }]
    ));
    assert_eq!(h.e.host_snapshot(h.now).palate, None);
}

#[test]
fn the_tasting_reads_back_with_its_options_and_near_misses() {
    let written = input(1, SPEED);
    let h = H::with_input(&written);
    let back = h.e.tasting_input();
    assert_eq!(back.options, Some(SPEED));
    // Distractors come back shuffled; each keeps its partial points.
    let colour = &back.wines[0].questions[0];
    let points: Vec<(String, u32)> = colour
        .distractors
        .iter()
        .cloned()
        .zip(colour.partial_points.clone().unwrap())
        .collect();
    for want in [("White", 50), ("Rosé", 0), ("Orange", 25)] {
        assert!(points.contains(&(want.0.to_string(), want.1)), "{points:?}");
    }
    assert_eq!(back.wines[0].questions[1].partial_points, None);
    // Written again, it makes the same game.
    let again = H::with_input(&back);
    assert_eq!(again.e.tasting().options, SPEED);
    // A tasting without options reads back without them.
    assert_eq!(H::new(1, 5).e.tasting_input().options, None);
}
