// The final podium: the top three (ties share a step), then the rest of the ranking.
import type { RankingEntry } from "../protocol.gen";
import { ordinal, t } from "../i18n";

export function Podium({ rankings, me }: { rankings: RankingEntry[]; me?: string }) {
  const steps = [1, 2, 3].map((rank) => rankings.filter((r) => r.rank === rank));
  const order = [1, 0, 2]; // silver, gold, bronze from left to right
  return (
    <ol class="podium" aria-label={t("podium.label")} data-testid="podium">
      {order.map((i) => {
        const entries = steps[i];
        if (!entries || entries.length === 0) return null;
        return (
          <li key={i} class={`podium-step step-${i + 1}`}>
            <span class="podium-medal" aria-hidden="true">
              {i + 1}
            </span>
            <span class="podium-rank">{ordinal(i + 1)}</span>
            {entries.map((e) => (
              <span key={e.pseudonym} class={`podium-name${e.pseudonym === me ? " mine" : ""}`}>
                {e.pseudonym}
                {e.pseudonym === me ? ` ${t("common.you")}` : ""}
              </span>
            ))}
            <span class="podium-score">{t("common.pointsShort", { count: entries[0]!.score })}</span>
            <span class="podium-block" aria-hidden="true" />
          </li>
        );
      })}
    </ol>
  );
}
