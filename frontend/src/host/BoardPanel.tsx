// A question's or a wine's leaderboard on the host page, with the wine card after a wine.
import { useScreenHeading } from "../lib/a11y";
import { nextLabel } from "../lib/hostState";
import { t } from "../i18n";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import type { PhaseProps } from "./phase";
import "../i18n/staff"; // the host-only texts this module shows

export function BoardPanel({ state, send }: PhaseProps) {
  const round = state.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${state.phase}-${state.roundIndex}-${state.questionIndex}`);
  return (
    <section aria-labelledby="hb-h">
      <p class="progress-label">
        {round
          ? t("session.wineComplete", { n: state.roundIndex + 1, total: state.totalRounds })
          : t("play.afterQuestion", { n: state.roundIndex + 1, q: state.questionIndex + 1, total: state.totalQuestions || "?" })}
      </p>
      <h1 id="hb-h" ref={h} tabIndex={-1}>
        {round ? t("play.roundBoard") : t("board.title")}
      </h1>
      <div class="actions control-row desk-only">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      {round && state.wine ? <WineCard wine={state.wine} roundIndex={state.roundIndex} totalRounds={state.totalRounds} /> : null}
      <Leaderboard rankings={state.rankings ?? []} title={round ? t("play.roundBoard") : t("board.title")} />
    </section>
  );
}
