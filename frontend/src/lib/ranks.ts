// Rank texts shared by the player page and the projector: "30th of 50" where 50 is the number
// of ranked participants as the server counts them (never the length of the podium list), a
// shared rank worded as a tie when the server says so, and the gap to the next place up.
import type { RankingEntry } from "../protocol.gen";
import { ordinal, t } from "../i18n/core";

/** Whether `ranked` is a total that `rank` fits in (the podium list's length is no total). */
function knownTotal(rank: number, ranked: number | null): ranked is number {
  return ranked !== null && ranked >= rank;
}

/**
 * "3rd of 12" when the number ranked is known, else "3rd"; "Tied 3rd of 12" when `tied`, which
 * comes from the server (`me.tied`, the reveal's `tied`): the lines a phone receives cannot show
 * a tie below the podium.
 */
export function placeText(rank: number, ranked: number | null, tied = false): string {
  const place = ordinal(rank);
  if (knownTotal(rank, ranked)) return t(tied ? "play.placeOfTied" : "play.placeOf", { place, total: ranked });
  return tied ? t("podium.tiedPlace", { place }) : place;
}

/** "You are 3rd of 12 with 40 points", or "You are tied for 3rd of 12 with 40 points" when `tied`. */
export function standingText(rank: number, ranked: number | null, tied: boolean, score: number): string {
  if (tied && knownTotal(rank, ranked)) return t("play.youAreTied", { place: ordinal(rank), total: ranked, count: score });
  // A tie without a total does not happen (the server sends `rankedCount` with `me`); the
  // sentence then names the place alone rather than a capitalised "Tied" mid-sentence.
  return t("play.youAre", { place: placeText(rank, ranked), count: score });
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
