// Podium steps from a final ranking. Standard competition ranks (1, 1, 3) put several players
// on one step, so a step lists its names up to a number of lines and counts the rest ("+3
// more") rather than overflowing the projector; ranks nobody holds (no 2nd after a tie for
// 1st) get no step, and the podium leaves their place empty.
import type { RankingEntry } from "../protocol.gen";

export interface PodiumStep {
  /** 1, 2 or 3. */
  rank: number;
  score: number;
  /** The names shown, in ranking order (pseudonym ascending within a tie). */
  shown: RankingEntry[];
  /** How many more players share the step without being named on it. */
  more: number;
  /** Players on the step in all. */
  count: number;
}

/**
 * The podium's steps (rank 1, then 2, then 3, those held by someone) from `rankings` in ranking
 * order. A step takes at most `lines` lines: every name when they fit, else `lines - 1` names
 * and a "+N more" line. `me`, when on a step, is always among the names shown.
 */
export function podiumSteps(rankings: RankingEntry[], lines: number, me?: string): PodiumStep[] {
  if (!Number.isInteger(lines) || lines < 2) throw new RangeError(`a podium step needs at least 2 lines (a name and "+N more"), got ${lines}`);
  const steps: PodiumStep[] = [];
  for (const rank of [1, 2, 3]) {
    const entries = rankings.filter((r) => r.rank === rank);
    if (!entries.length) continue;
    let shown = entries.length <= lines ? entries : entries.slice(0, lines - 1);
    const mine = entries.find((e) => e.pseudonym === me);
    if (mine && !shown.includes(mine)) shown = [...shown.slice(0, -1), mine];
    steps.push({ rank, score: entries[0]!.score, shown, more: entries.length - shown.length, count: entries.length });
  }
  return steps;
}
