// The end of a session on the host page: podium, exports, the final leaderboard and the
// palate table.
import { useState } from "preact/hooks";
import { useScreenHeading } from "../lib/a11y";
import { t } from "../i18n";
import { endReasonText, errorText } from "../i18n/wire";
import { Podium } from "../components/Podium";
import { Leaderboard } from "../components/Leaderboard";
import { downloadResults } from "./download";
import { PalateTable } from "./PalateTable";
import type { PhaseProps } from "./phase";
import "../i18n/staff"; // the host-only texts this module shows

export function FinalPanel({ state, code, hostKey, onDashboard }: PhaseProps) {
  const h = useScreenHeading<HTMLHeadingElement>("final");
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const rankings = state.rankings ?? [];
  const exportAs = (format: "csv" | "json") => downloadResults(code, hostKey, format).catch((e: unknown) => setError({ failure: e }));
  return (
    <section aria-labelledby="hf-h" class="host-final">
      <h1 id="hf-h" ref={h} tabIndex={-1}>
        {state.final ? t("play.finalResults") : t("session.ended")}
      </h1>
      {state.endReason ? <p class="muted">{endReasonText(state.endReason)}</p> : null}
      {rankings.length ? <Podium rankings={rankings} /> : null}
      <div class="actions control-row">
        <button type="button" class="btn" onClick={() => void exportAs("csv")}>
          {t("dash.exportCsv")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => void exportAs("json")}>
          {t("admin.export")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onDashboard}>
          {t("session.back")}
        </button>
      </div>
      {error ? (
        <p class="alert" role="alert">
          {errorText(error.failure)}
        </p>
      ) : null}
      {rankings.length ? <Leaderboard rankings={rankings} title={t("play.finalBoard")} /> : null}
      {state.palate ? <PalateTable palate={state.palate} /> : null}
    </section>
  );
}
