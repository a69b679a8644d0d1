// The wine reveal card shown with the round leaderboard: the wine's name and its five answers.
import type { WineReveal } from "../protocol.gen";
import { t } from "../i18n";
import { categoryLabel } from "../i18n/wire";

export function WineCard({ wine, roundIndex, totalRounds }: { wine: WineReveal; roundIndex?: number; totalRounds?: number }) {
  return (
    <section class="wine-card" aria-label={t("wineCard.label", { name: wine.name })} data-testid="wine-card">
      <div class="wine-card-label">
        {roundIndex !== undefined && totalRounds !== undefined ? t("wineCard.kickerNumbered", { n: roundIndex + 1, total: totalRounds }) : t("wineCard.kicker")}
      </div>
      <h2 class="wine-card-name">{wine.name}</h2>
      <dl class="wine-card-facts">
        {wine.answers
          .filter((a) => a.category !== "wine_name")
          .map((a) => (
            <div key={a.category}>
              <dt>{categoryLabel(a.category)}</dt>
              <dd>{a.answer}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
