//! Answers and scores: last answer counts, 100/0 points, reveal views, competition ranks,
//! leaderboards: hosts get every line, participants the podium plus their own line.

use super::*;
use crate::protocol::Reveal;

#[test]
fn last_answer_counts_and_hosts_get_deltas() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    let fx = h.answer(&seats[0], false);
    assert!(matches!(
        sent(&fx, &Recipient::Conn(seats[0].conn))[..],
        [S::AnswerAccepted { .. }]
    ));
    assert!(matches!(
        sent(&fx, &Recipient::Hosts)[..],
        [S::ParticipantAnswered {
            answered_count: 1,
            total_count: 2,
            ..
        }]
    ));
    let fx = h.answer(&seats[0], true);
    assert!(
        sent(&fx, &Recipient::Hosts).is_empty(),
        "a change is not a new answer"
    );
    assert_eq!(
        h.e.host_snapshot(h.now).answered,
        vec![seats[0].pseudonym.clone()]
    );
    let (_, right, _) = h.current();
    assert_eq!(
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap()
            .selected_option_id,
        Some(right.clone())
    );
    let fx = h.cmd(ClientMessage::HostReveal {});
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::AnswerRevealed(Reveal::Host(r))] => {
            assert_eq!(r.correct_option_id, right);
            assert_eq!(r.results.len(), 2);
            let counts: u32 = r.option_counts.iter().map(|c| c.count).sum();
            assert_eq!(counts, 1);
        }
        ref other => panic!("{other:?}"),
    }
    match sent(&fx, &Recipient::Participant(seats[0].pseudonym.clone()))[..] {
        [S::AnswerRevealed(Reveal::Participant(r))] => {
            assert_eq!((r.my_points, r.my_total_score), (100, 100));
            assert_eq!(r.my_option_id.as_deref(), Some(right.as_str()));
        }
        ref other => panic!("{other:?}"),
    }
    match sent(&fx, &Recipient::Participant(seats[1].pseudonym.clone()))[..] {
        [S::AnswerRevealed(Reveal::Participant(r))] => {
            assert_eq!(
                (r.my_points, r.my_total_score, r.my_option_id.clone()),
                (0, 0, None)
            );
        }
        ref other => panic!("{other:?}"),
    }
}

#[test]
fn rankings_share_ranks_and_participants_get_the_podium_plus_me() {
    let mut h = H::new(1, 20);
    h.host(HOST);
    let seats: Vec<Seat> = (0..12).map(|_| h.join()).collect();
    h.cmd(ClientMessage::HostStart {});
    // Seats 0..5 right, 5..12 wrong: five share rank 1, seven share rank 6.
    for (i, s) in seats.iter().enumerate() {
        h.answer(s, i < 5);
    }
    h.cmd(ClientMessage::HostReveal {});
    let fx = h.cmd(ClientMessage::HostNext {});
    let host = sent(&fx, &Recipient::Hosts);
    let S::QuestionLeaderboard {
        rankings,
        me: None,
        total_rounds: 1,
        total_questions: 5,
        ..
    } = host[0]
    else {
        panic!("{host:?}")
    };
    assert_eq!(rankings.len(), 12, "hosts get every line");
    let ranks: Vec<u32> = rankings.iter().map(|e| e.rank).collect();
    assert_eq!(ranks, vec![1, 1, 1, 1, 1, 6, 6, 6, 6, 6, 6, 6]);
    for pair in rankings.windows(2) {
        if pair[0].score == pair[1].score {
            assert!(pair[0].pseudonym < pair[1].pseudonym, "ties by pseudonym");
        }
    }
    let last = rankings.last().unwrap().pseudonym.clone();
    match sent(&fx, &Recipient::Participant(last.clone()))[..] {
        [S::QuestionLeaderboard {
            rankings: top,
            me: Some(me),
            ranked_count,
            total_rounds: 1,
            total_questions: 5,
            ..
        }] => {
            assert_eq!(top.len(), crate::ranking::PARTICIPANT_TOP);
            assert_eq!(top[..], rankings[..crate::ranking::PARTICIPANT_TOP]);
            // "6th of 12": the player learns how many are ranked, not just the top's size.
            assert_eq!(*ranked_count, 12);
            assert_eq!(me.pseudonym, last);
            assert_eq!(me.rank, 6);
            // Seven share 6th; none of the others is on the podium the phone receives.
            assert!(me.tied);
        }
        ref other => panic!("{other:?}"),
    }
    let snap = h.e.participant_snapshot(&last, h.now).unwrap();
    assert_eq!(
        snap.rankings.map(|r| r.len()),
        Some(crate::ranking::PARTICIPANT_TOP)
    );
    assert_eq!(snap.me.map(|m| (m.rank, m.tied)), Some((6, true)));
}

#[test]
fn round_leaderboard_reveals_the_wine() {
    let (h, seats) = H::at(Phase::RoundLeaderboard);
    let snap =
        h.e.participant_snapshot(&seats[0].pseudonym, h.now)
            .unwrap();
    let wine = snap.wine.unwrap();
    assert_eq!(wine.name, "Château Margaux 1");
    assert_eq!(wine.answers.len(), 5);
    assert_eq!(wine.answers[2].answer, "Merlot");
}

#[test]
fn round_boards_give_hosts_every_line_and_participants_the_podium() {
    let mut h = H::new(2, 20);
    h.host(HOST);
    let seats: Vec<Seat> = (0..5).map(|_| h.join()).collect();
    h.cmd(ClientMessage::HostStart {});
    let mut fx = Vec::new();
    for _ in 0..5 {
        for s in &seats {
            h.answer(s, true);
        }
        h.cmd(ClientMessage::HostReveal {});
        h.cmd(ClientMessage::HostNext {});
        fx = h.cmd(ClientMessage::HostNext {});
    }
    match sent(&fx, &Recipient::Hosts)[..] {
        [S::RoundLeaderboard {
            rankings,
            total_rounds: 2,
            ..
        }] => assert_eq!(rankings.len(), 5),
        ref other => panic!("{other:?}"),
    }
    match sent(&fx, &Recipient::Participant(seats[4].pseudonym.clone()))[..] {
        [S::RoundLeaderboard {
            rankings,
            me: Some(_),
            ranked_count: 5,
            total_rounds: 2,
            ..
        }] => assert_eq!(rankings.len(), crate::ranking::PARTICIPANT_TOP),
        ref other => panic!("{other:?}"),
    }
}
