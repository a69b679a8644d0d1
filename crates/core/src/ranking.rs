//! Standard competition rankings (1, 1, 3) with ties listed by pseudonym, ascending, so the
//! order is deterministic and survives restarts.

use crate::protocol::RankingEntry;

/// How many lines of a leaderboard a participant receives (plus their own line `me`): the
/// podium, which is what the phone's leaderboard lists above its own row (issue 16: a phone
/// gets what it shows; hosts and the projector get every line).
pub const PARTICIPANT_TOP: usize = 3;

/// Ranks `(pseudonym, score)` pairs: score descending, then pseudonym ascending.
pub fn rank<'a>(scores: impl IntoIterator<Item = (&'a str, u32)>) -> Vec<RankingEntry> {
    let mut lines: Vec<(&str, u32)> = scores.into_iter().collect();
    lines.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut out = Vec::with_capacity(lines.len());
    let mut rank = 0u32;
    let mut previous: Option<u32> = None;
    for (position, (pseudonym, score)) in lines.into_iter().enumerate() {
        if previous != Some(score) {
            rank = u32::try_from(position)
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            previous = Some(score);
        }
        out.push(RankingEntry {
            pseudonym: pseudonym.to_string(),
            score,
            rank,
            tied: false,
        });
    }
    out
}

/// Whether line `i` of `rankings` (sorted by [`rank`]) shares its rank with another: equal
/// scores are neighbours there, so one look either side tells, O(1).
pub fn tied_at(rankings: &[RankingEntry], i: usize) -> bool {
    let Some(line) = rankings.get(i) else {
        return false;
    };
    let same = |j: usize| rankings.get(j).is_some_and(|o| o.score == line.score);
    (i > 0 && same(i - 1)) || same(i + 1)
}

/// Line `i` of `rankings` as its participant's own line (`me`), with `tied` set.
pub fn own_line(rankings: &[RankingEntry], i: usize) -> Option<RankingEntry> {
    rankings.get(i).map(|line| RankingEntry {
        tied: tied_at(rankings, i),
        ..line.clone()
    })
}

/// Where one score stands among all: its competition rank, the rank and score of the next
/// better score (the place just above, `None` at the top).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub rank: u32,
    /// `(rank, score)` of the place just above.
    pub above: Option<(u32, u32)>,
    /// Whether another score equals this one (the rank is shared).
    pub tied: bool,
}

impl Standing {
    /// Points between this score and the place just above (`None` at the top).
    pub fn gap(&self, score: u32) -> Option<u32> {
        self.above.map(|(_, s)| s.saturating_sub(score))
    }
}

/// The standing of every score in `scores`, index for index: one sort for everyone (a
/// reveal tells each participant their own), O(n log n).
pub fn standings(scores: &[u32]) -> Vec<Standing> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_unstable_by(|a, b| scores[*b].cmp(&scores[*a]));
    let mut out = vec![
        Standing {
            rank: 0,
            above: None,
            tied: false,
        };
        scores.len()
    ];
    // (rank, score) of the current group and of the group above it.
    let mut group: Option<(u32, u32)> = None;
    let mut above: Option<(u32, u32)> = None;
    for (position, &i) in order.iter().enumerate() {
        let score = scores[i];
        if group.map(|(_, s)| s) != Some(score) {
            above = group;
            let rank = u32::try_from(position)
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            group = Some((rank, score));
        }
        // Equal scores are neighbours in `order`.
        let same = |p: usize| order.get(p).is_some_and(|&j| scores[j] == score);
        out[i] = Standing {
            rank: group.map_or(1, |(r, _)| r),
            above,
            tied: (position > 0 && same(position - 1)) || same(position + 1),
        };
    }
    out
}

/// The standing of `score` among `scores` (which include it) in one pass, O(n): for one
/// participant's snapshot, where sorting everyone would be wasted.
pub fn standing_of(scores: impl IntoIterator<Item = u32>, score: u32) -> Standing {
    let mut better = 0u32;
    let mut next_better: Option<u32> = None;
    let mut at_next = 0u32;
    let mut equal = 0u32;
    for s in scores {
        equal = equal.saturating_add(u32::from(s == score));
        if s > score {
            better = better.saturating_add(1);
            match next_better {
                Some(n) if s > n => {}
                Some(n) if s == n => at_next = at_next.saturating_add(1),
                _ => {
                    next_better = Some(s);
                    at_next = 1;
                }
            }
        }
    }
    Standing {
        rank: better.saturating_add(1),
        // The group just above starts after everyone better than it.
        above: next_better.map(|s| (better - at_next + 1, s)),
        // `scores` include this one: a second equal score is a tie.
        tied: equal > 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn competition_ranking_with_pseudonym_tie_order() {
        let r = rank([("B", 100), ("A", 100), ("C", 0), ("D", 300)]);
        let got: Vec<_> = r
            .iter()
            .map(|e| (e.pseudonym.as_str(), e.score, e.rank))
            .collect();
        assert_eq!(
            got,
            vec![("D", 300, 1), ("A", 100, 2), ("B", 100, 2), ("C", 0, 4)]
        );
        assert!(rank([]).is_empty());
    }

    #[test]
    fn standings_give_rank_and_the_place_above() {
        let scores = [100, 300, 100, 0, 250];
        let s = standings(&scores);
        let got: Vec<_> = s.iter().map(|x| (x.rank, x.above)).collect();
        assert_eq!(
            got,
            vec![
                (3, Some((2, 250))),
                (1, None),
                (3, Some((2, 250))),
                (5, Some((3, 100))),
                (2, Some((1, 300))),
            ]
        );
        assert_eq!(s[0].gap(100), Some(150));
        assert_eq!(s[1].gap(300), None);
        // Ties at the top: both first, the next one's place above is first.
        let s = standings(&[50, 50, 10]);
        assert_eq!(
            s[2],
            Standing {
                rank: 3,
                above: Some((1, 50)),
                tied: false,
            }
        );
        assert!(s[0].tied && s[1].tied);
        assert!(standings(&[]).is_empty());
    }

    /// The own line is tied exactly when another line has its score: at the top, on the
    /// third line, below the podium (3rd and 4th equal, 5th alone) and never for a lone rank.
    #[test]
    fn own_lines_know_a_shared_rank_wherever_it_is() {
        let r = rank([("A", 90), ("B", 80), ("C", 50), ("D", 50), ("E", 10)]);
        let tied: Vec<_> = (0..r.len())
            .map(|i| own_line(&r, i).unwrap().tied)
            .collect();
        assert_eq!(tied, vec![false, false, true, true, false]);
        // The 4th (D) shares the 3rd place with C, the last line of the podium.
        assert_eq!(own_line(&r, 3).unwrap().rank, 3);
        let r = rank([("A", 10), ("B", 10), ("C", 5), ("D", 1), ("E", 1), ("F", 1)]);
        let tied: Vec<_> = (0..r.len()).map(|i| tied_at(&r, i)).collect();
        assert_eq!(tied, vec![true, true, false, true, true, true]);
        assert!(!tied_at(&rank([("Solo", 0)]), 0));
        assert!(own_line(&r, 99).is_none());
        // The shared lines never carry the flag: only `me` does.
        assert!(r.iter().all(|e| !e.tied));
        let plain = serde_json::to_string(&r[2]).unwrap();
        assert!(!plain.contains("tied"), "false is omitted: {plain}");
        let mine = serde_json::to_string(&own_line(&r, 3).unwrap()).unwrap();
        assert!(mine.ends_with(r#","tied":true}"#), "{mine}");
    }

    proptest::proptest! {
        /// The sort-once standings, the one-pass standing and the rankings agree (scores in
        /// steps of 50, so ties are common).
        #[test]
        fn standings_agree_with_rank(steps in proptest::collection::vec(0u32..12, 0..40)) {
            let scores: Vec<u32> = steps.iter().map(|s| s * 50).collect();
            let all = standings(&scores);
            let names: Vec<String> = (0..scores.len()).map(|i| format!("P{i:03}")).collect();
            let ranked = rank(names.iter().map(String::as_str).zip(scores.iter().copied()));
            for (i, &score) in scores.iter().enumerate() {
                proptest::prop_assert_eq!(all[i], standing_of(scores.iter().copied(), score));
                let line = ranked.iter().find(|e| e.pseudonym == names[i]).unwrap();
                proptest::prop_assert_eq!(all[i].rank, line.rank);
                // The place above: the lowest better score, at the rank the rankings give it.
                let above = ranked.iter().filter(|e| e.score > score).min_by_key(|e| e.score);
                proptest::prop_assert_eq!(all[i].above, above.map(|e| (e.rank, e.score)));
                // Tied exactly when someone else has the same score, in every form.
                let shared = scores.iter().enumerate().any(|(j, &s)| j != i && s == score);
                proptest::prop_assert_eq!(all[i].tied, shared);
                let at = ranked.iter().position(|e| e.pseudonym == names[i]).unwrap();
                proptest::prop_assert_eq!(tied_at(&ranked, at), shared);
                proptest::prop_assert_eq!(own_line(&ranked, at).unwrap().tied, shared);
            }
        }
    }
}
