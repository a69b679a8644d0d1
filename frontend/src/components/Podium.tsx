// The final podium: the top three places, gold in the middle. Tied players share a step
// (standard competition ranking: 1, 1, 3), listed under a "tied" label; a crowded step names a
// few and counts the rest, so it never overflows the projector. Steps are in rank order in the
// document (read 1st, 2nd, 3rd) and placed silver, gold, bronze by the stylesheet.
import { podiumSteps } from "../lib/podium";
import type { RankingEntry } from "../protocol.gen";
import { ordinal, t } from "../i18n";

/** Lines a step may take for its names, "+N more" included. */
const NAME_LINES = 4;

export function Podium({ rankings, me }: { rankings: RankingEntry[]; me?: string }) {
  const steps = podiumSteps(rankings, NAME_LINES, me);
  // Shorter blocks when a step is shared, to leave the height to the names.
  const ties = steps.some((s) => s.count > 1);
  return (
    <ol class={`podium${ties ? " has-ties" : ""}`} aria-label={t("podium.label")} data-testid="podium">
      {steps.map((s) => {
        const tied = s.count > 1;
        return (
          <li key={s.rank} class={`podium-step step-${s.rank}${tied ? " tied" : ""}`} data-testid={`podium-step-${s.rank}`}>
            <span class="podium-medal" aria-hidden="true">
              {s.rank}
            </span>
            <span class="podium-rank">{tied ? t("podium.tiedPlace", { place: ordinal(s.rank) }) : ordinal(s.rank)}</span>
            <ul class="podium-names">
              {s.shown.map((e) => (
                <li key={e.pseudonym} class={`podium-name${e.pseudonym === me ? " mine" : ""}`}>
                  {e.pseudonym}
                  {e.pseudonym === me ? ` ${t("common.you")}` : ""}
                </li>
              ))}
              {s.more ? (
                <li class="podium-more" data-testid="podium-more">
                  {t("podium.more", { count: s.more })}
                </li>
              ) : null}
            </ul>
            <span class="podium-score">{t("common.pointsShort", { count: s.score })}</span>
            <span class="podium-block" aria-hidden="true" />
          </li>
        );
      })}
    </ol>
  );
}
