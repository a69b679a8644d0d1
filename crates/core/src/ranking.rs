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
        });
    }
    out
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
}
