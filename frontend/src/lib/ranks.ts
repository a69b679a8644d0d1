// Rank texts shared by the player page and the projector: "30th of 50" where 50 is the number
// of ranked participants as the server counts them (never the length of the podium list), and
// the gap to the next place up.
import type { RankingEntry } from "../protocol.gen";
import { ordinal, t } from "../i18n/core";

/** "3rd of 12" when the number ranked is known, else "3rd" (the podium list's length is no total). */
export function placeText(rank: number, ranked: number | null): string {
  return ranked !== null && ranked >= rank ? t("play.placeOf", { place: ordinal(rank), total: ranked }) : ordinal(rank);
}

/** Points between `me` and the nearest better score shown in `rankings`, with that place; null at the top or when unseen. */
export function gapToNext(me: RankingEntry, rankings: RankingEntry[]): { points: number; rank: number } | null {
  let best: RankingEntry | null = null;
  for (const r of rankings) {
    if (r.score > me.score && (best === null || r.score < best.score)) best = r;
  }
  return best ? { points: best.score - me.score, rank: best.rank } : null;
}

/** How an entry moved since the previous leaderboard: places up (+) or down (-), points gained; null when it was not on it. */
export function movement(entry: RankingEntry, previous: RankingEntry[] | null): { places: number; gained: number } | null {
  const before = previous?.find((r) => r.pseudonym === entry.pseudonym);
  return before ? { places: before.rank - entry.rank, gained: entry.score - before.score } : null;
}

/** Whether `pseudonym` shares `rank` with another player in `rankings` (a phone sees the podium and its own line, so a tie below the podium may be unseen). */
export function isTied(rank: number, pseudonym: string, rankings: RankingEntry[]): boolean {
  return rankings.some((r) => r.rank === rank && r.pseudonym !== pseudonym);
}
