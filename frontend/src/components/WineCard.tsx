// The wine reveal card shown with the round leaderboard: the wine's name and its five answers.
import type { WineReveal } from "../protocol.gen";
import { CATEGORY_LABEL } from "../lib/labels";

export function WineCard({ wine, roundIndex, totalRounds }: { wine: WineReveal; roundIndex?: number; totalRounds?: number }) {
  return (
    <section class="wine-card" aria-label={`The wine was ${wine.name}`} data-testid="wine-card">
      <div class="wine-card-label">
        {roundIndex !== undefined && totalRounds !== undefined ? `Wine ${roundIndex + 1} of ${totalRounds} · ` : ""}
        revealed
      </div>
      <h2 class="wine-card-name">{wine.name}</h2>
      <dl class="wine-card-facts">
        {wine.answers
          .filter((a) => a.category !== "wine_name")
          .map((a) => (
            <div key={a.category}>
              <dt>{CATEGORY_LABEL[a.category]}</dt>
              <dd>{a.answer}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
