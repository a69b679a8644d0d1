//! HTTP read helpers: public info, host-key check, results JSON and CSV, history summary.

use super::*;
use crate::protocol::SessionStatus;

#[test]
fn public_info_and_host_key() {
    let (h, _) = H::at(Phase::Waiting);
    let info = h.e.public_info();
    assert_eq!(
        (
            info.code.as_str(),
            info.participant_count,
            info.max_participants,
            info.joinable
        ),
        ("1234", 2, 3, true)
    );
    assert_eq!(info.title, "Blind tasting · 14 Nov 2023");
    assert!(h.e.check_host_key(HOST_KEY));
    assert!(!h.e.check_host_key("wrong"));
    assert_eq!(h.e.host_key_hash(), crate::secrets::hash_secret(HOST_KEY));
    let json = serde_json::to_value(&info).unwrap();
    assert!(json.get("participantCount").is_some());
}

#[test]
fn results_csv_and_summary() {
    let (mut h, seats) = H::at(Phase::QuestionOpen);
    h.answer(&seats[0], true);
    h.answer(&seats[1], false);
    h.cmd(ClientMessage::HostReveal {});
    h.cmd(ClientMessage::HostNext {});
    h.cmd(ClientMessage::HostNext {});
    h.answer(&seats[1], true); // question 2 is never revealed: not in the results
    assert_eq!(h.e.summary().status, SessionStatus::Running);
    h.cmd(ClientMessage::HostEnd {});
    let r = h.e.results();
    assert_eq!(r.questions.len(), 1);
    assert_eq!(r.answers.len(), 2);
    assert_eq!(r.rankings[0].pseudonym, seats[0].pseudonym);
    let mine = r
        .answers
        .iter()
        .find(|a| a.pseudonym == seats[0].pseudonym)
        .unwrap();
    assert!(mine.correct && mine.points == 100);
    let csv = h.e.results_csv();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines[0], "rank,pseudonym,score,wine 1 q1 color");
    assert_eq!(lines[1], format!("1,{},100,Red", seats[0].pseudonym));
    assert_eq!(lines.len(), 3);
    let s = h.e.summary();
    assert_eq!(s.status, SessionStatus::Ended);
    assert_eq!(s.podium.len(), 2);
    assert_eq!(s.created, T0);
    assert_eq!(s.participant_count, 2);
}

#[test]
fn csv_cells_are_quoted_and_defused() {
    use super::super::queries::{defuse_formula, write_csv_for_test};
    assert_eq!(defuse_formula("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(defuse_formula("Merlot"), "Merlot");
    let csv = write_csv_for_test(&[vec!["a,b".to_string(), "say \"hi\"".to_string()]]);
    assert_eq!(csv, "\"a,b\",\"say \"\"hi\"\"\"\r\n");
}

#[test]
fn the_tasting_reads_back_in_the_submitted_shape() {
    let (h, _) = H::at(Phase::Waiting);
    let input = h.e.tasting_input();
    let again = crate::tasting::validate_tasting(&input).expect("valid as submitted");
    let original = crate::tasting::validate_tasting(&crate::tasting::example_input(2)).unwrap();
    assert_eq!(again.wines.len(), original.wines.len());
    for (a, b) in again.wines.iter().zip(&original.wines) {
        for (qa, qb) in a.iter().zip(b) {
            assert_eq!(qa.category, qb.category);
            // The correct answer first; the distractors as a set (they were shuffled).
            assert_eq!(qa.texts[0], qb.texts[0]);
            let mut da = qa.texts[1..].to_vec();
            let mut db = qb.texts[1..].to_vec();
            da.sort();
            db.sort();
            assert_eq!(da, db);
        }
    }
    assert_eq!(input.timer_seconds, Some(h.e.tasting().timer_seconds));
}
