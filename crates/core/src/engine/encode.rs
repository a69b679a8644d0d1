//! Turning `Send` effects into text frames cheaply: per-participant leaderboards differ only
//! by their `me` line (and, on the final board, their own palate report), so their shared
//! part is serialised once and the personal fields are spliced in front (JSON objects are
//! unordered). A shell should encode through `FrameEncoder`.

use crate::protocol::{Palate, RankingEntry, ServerMessage, WineReveal};

/// The parts of a leaderboard frame that every participant shares.
#[derive(PartialEq)]
enum Shared<'a> {
    Question(&'a [RankingEntry], [u32; 5]),
    Round(&'a [RankingEntry], [u32; 3], &'a WineReveal),
    Final(&'a [RankingEntry], u32),
}

/// The fields that differ per participant: `me`, and the final board's `palate`.
type Personal<'a> = (&'a RankingEntry, Option<&'a Palate>);

fn split(msg: &ServerMessage) -> Option<(Shared<'_>, Personal<'_>)> {
    match msg {
        ServerMessage::QuestionLeaderboard {
            rankings,
            me: Some(me),
            ranked_count,
            round_index,
            total_rounds,
            question_index,
            total_questions,
        } => Some((
            Shared::Question(
                rankings,
                [
                    *ranked_count,
                    *round_index,
                    *total_rounds,
                    *question_index,
                    *total_questions,
                ],
            ),
            (me, None),
        )),
        ServerMessage::RoundLeaderboard {
            rankings,
            me: Some(me),
            ranked_count,
            round_index,
            total_rounds,
            wine,
        } => Some((
            Shared::Round(rankings, [*ranked_count, *round_index, *total_rounds], wine),
            (me, None),
        )),
        ServerMessage::FinalLeaderboard {
            rankings,
            me: Some(me),
            ranked_count,
            palate,
        } => Some((
            Shared::Final(rankings, *ranked_count),
            (me, palate.as_deref()),
        )),
        _ => None,
    }
}

fn without_me(msg: &ServerMessage) -> ServerMessage {
    let mut m = msg.clone();
    match &mut m {
        ServerMessage::QuestionLeaderboard { me, .. }
        | ServerMessage::RoundLeaderboard { me, .. } => *me = None,
        ServerMessage::FinalLeaderboard { me, palate, .. } => {
            *me = None;
            *palate = None;
        }
        _ => {}
    }
    m
}

/// Encodes frames, reusing the shared part of consecutive personal leaderboards.
#[derive(Default)]
pub struct FrameEncoder {
    /// The last shared leaderboard (without `me`) and its encoding minus the opening brace.
    cached: Option<(ServerMessage, String)>,
}

impl FrameEncoder {
    pub fn new() -> FrameEncoder {
        FrameEncoder::default()
    }

    /// The JSON text of `msg`, identical in meaning to `msg.encode()`.
    pub fn encode(&mut self, msg: &ServerMessage) -> String {
        if let Some(text) = per_answer(msg) {
            return text;
        }
        let Some((shared, (me, palate))) = split(msg) else {
            return msg.encode();
        };
        let hit = self
            .cached
            .as_ref()
            .and_then(|(m, _)| split_shared(m))
            .is_some_and(|cached| cached == shared);
        if !hit {
            let base = without_me(msg);
            let text = base.encode();
            let tail = text.strip_prefix('{').unwrap_or(&text).to_string();
            self.cached = Some((base, tail));
        }
        let Some((_, tail)) = &self.cached else {
            return msg.encode();
        };
        let me = serde_json::to_string(me).unwrap_or_else(|_| "null".into());
        let palate = palate.and_then(|p| serde_json::to_string(p).ok());
        let extra = palate.as_ref().map_or(0, |p| p.len() + 12);
        let mut out = String::with_capacity(tail.len() + me.len() + extra + 8);
        out.push_str("{\"me\":");
        out.push_str(&me);
        out.push(',');
        if let Some(p) = palate {
            out.push_str("\"palate\":");
            out.push_str(&p);
            out.push(',');
        }
        out.push_str(tail);
        out
    }
}

/// The two frames every answer costs (its acknowledgement, and the host's count), written
/// directly into a buffer of their final size: byte for byte what serde writes, without its
/// generic path through the enum and the buffer's regrowth (a 1,000-player burst encodes
/// one of each per answer).
fn per_answer(msg: &ServerMessage) -> Option<String> {
    fn push_str(out: &mut Vec<u8>, s: &str) {
        // Escaping as serde does; writing a `&str` into a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
    fn push_u32(out: &mut Vec<u8>, n: u32) {
        out.extend_from_slice(n.to_string().as_bytes());
    }
    let mut out = Vec::with_capacity(96);
    match msg {
        ServerMessage::AnswerAccepted {
            question_id,
            option_id,
        } => {
            out.extend_from_slice(br#"{"type":"answer:accepted","questionId":"#);
            push_str(&mut out, question_id);
            out.extend_from_slice(br#","optionId":"#);
            push_str(&mut out, option_id);
        }
        ServerMessage::ParticipantAnswered {
            pseudonym,
            answered_count,
            total_count,
        } => {
            out.extend_from_slice(br#"{"type":"game:participant_answered","pseudonym":"#);
            push_str(&mut out, pseudonym);
            out.extend_from_slice(br#","answeredCount":"#);
            push_u32(&mut out, *answered_count);
            out.extend_from_slice(br#","totalCount":"#);
            push_u32(&mut out, *total_count);
        }
        _ => return None,
    }
    out.push(b'}');
    // Only whole UTF-8 strings and ASCII went in.
    String::from_utf8(out).ok()
}

/// The shared parts of a cached leaderboard (stored without `me`).
fn split_shared(msg: &ServerMessage) -> Option<Shared<'_>> {
    match msg {
        ServerMessage::QuestionLeaderboard {
            rankings,
            ranked_count,
            round_index,
            total_rounds,
            question_index,
            total_questions,
            ..
        } => Some(Shared::Question(
            rankings,
            [
                *ranked_count,
                *round_index,
                *total_rounds,
                *question_index,
                *total_questions,
            ],
        )),
        ServerMessage::RoundLeaderboard {
            rankings,
            ranked_count,
            round_index,
            total_rounds,
            wine,
            ..
        } => Some(Shared::Round(
            rankings,
            [*ranked_count, *round_index, *total_rounds],
            wine,
        )),
        ServerMessage::FinalLeaderboard {
            rankings,
            ranked_count,
            ..
        } => Some(Shared::Final(rankings, *ranked_count)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(p: &str, rank: u32) -> RankingEntry {
        RankingEntry {
            pseudonym: p.into(),
            score: 100,
            rank,
            // A tied own line checks that the flag survives the splice.
            tied: rank > 1,
        }
    }

    #[test]
    fn spliced_frames_mean_the_same_as_plain_ones() {
        let mut enc = FrameEncoder::new();
        let top = vec![entry("A-B", 1), entry("C-D", 1)];
        for me in ["A-B", "X-Y", "C-D"] {
            let msg = ServerMessage::QuestionLeaderboard {
                rankings: top.clone(),
                me: Some(entry(me, 7)),
                ranked_count: 9,
                round_index: 0,
                total_rounds: 2,
                question_index: 3,
                total_questions: 5,
            };
            let fast: serde_json::Value = serde_json::from_str(&enc.encode(&msg)).unwrap();
            let plain: serde_json::Value = serde_json::from_str(&msg.encode()).unwrap();
            assert_eq!(fast, plain);
        }
        let other = ServerMessage::FinalLeaderboard {
            rankings: vec![entry("Q-R", 1)],
            me: Some(entry("Q-R", 1)),
            ranked_count: 1,
            palate: None,
        };
        let fast: serde_json::Value = serde_json::from_str(&enc.encode(&other)).unwrap();
        assert_eq!(
            fast,
            serde_json::from_str::<serde_json::Value>(&other.encode()).unwrap()
        );
        let pong = ServerMessage::Pong {
            t: 1.0,
            server_time: 2,
        };
        assert_eq!(enc.encode(&pong), pong.encode());
    }
}

#[cfg(test)]
mod per_answer_tests {
    use super::*;

    #[test]
    fn per_answer_frames_are_what_serde_writes() {
        let mut enc = FrameEncoder::new();
        for text in ["Q-1a2b3", "Amber \"Fox\" \\ é 🍷", "line\nbreak\u{1}", ""] {
            let accepted = ServerMessage::AnswerAccepted {
                question_id: text.into(),
                option_id: format!("{text}-o"),
            };
            assert_eq!(enc.encode(&accepted), accepted.encode());
            for (answered_count, total_count) in [(0, 0), (1, 3), (999, 1000), (u32::MAX, u32::MAX)]
            {
                let answered = ServerMessage::ParticipantAnswered {
                    pseudonym: text.into(),
                    answered_count,
                    total_count,
                };
                assert_eq!(enc.encode(&answered), answered.encode());
            }
        }
    }
}

#[cfg(test)]
mod palate_tests {
    use super::*;
    use crate::palate::{report, room_average, ParticipantPalate};

    #[test]
    fn final_boards_splice_each_palate_report() {
        let mut enc = FrameEncoder::new();
        let top = vec![RankingEntry {
            pseudonym: "A-B".into(),
            score: 100,
            rank: 1,
            tied: false,
        }];
        let reports: Vec<_> = ["A-B", "C-D"].iter().map(|p| report(p, [])).collect();
        let room = room_average(&reports);
        for (i, r) in reports.iter().enumerate() {
            let msg = ServerMessage::FinalLeaderboard {
                rankings: top.clone(),
                me: Some(RankingEntry {
                    pseudonym: r.pseudonym.clone(),
                    score: 0,
                    rank: i as u32 + 1,
                    tied: false,
                }),
                ranked_count: 2,
                palate: Some(Box::new(Palate::Participant(ParticipantPalate {
                    report: r.clone(),
                    room: room.clone(),
                }))),
            };
            let fast: serde_json::Value = serde_json::from_str(&enc.encode(&msg)).unwrap();
            let plain: serde_json::Value = serde_json::from_str(&msg.encode()).unwrap();
            assert_eq!(fast, plain);
            assert_eq!(fast["palate"]["report"]["pseudonym"], r.pseudonym.as_str());
        }
    }
}
