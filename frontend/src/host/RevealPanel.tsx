// A question's reveal on the host page: the right answer, the distribution, the next step and
// the results panel (each player's answer, points and total).
import { useScreenHeading } from "../lib/a11y";
import { nextLabel } from "../lib/hostState";
import { formatNumber, t } from "../i18n";
import { categoryPrompt } from "../i18n/wire";
import { Distribution } from "../components/Distribution";
import { Progress, type PhaseProps } from "./phase";
import "../i18n/staff"; // the host-only texts this module shows

export function RevealPanel({ state, send }: PhaseProps) {
  const r = state.reveal;
  const q = state.question;
  const h = useScreenHeading<HTMLHeadingElement>(`r-${r?.questionId ?? ""}`);
  if (!r) return null;
  const options = q?.options ?? state.tasting?.wines.flatMap((w) => w.questions).find((x) => x.questionId === r.questionId)?.options ?? [];
  const text = (id: string | null) => (id ? (options.find((o) => o.id === id)?.text ?? "?") : t("session.noAnswer"));
  const correct = options.find((o) => o.id === r.correctOptionId);
  return (
    <section aria-labelledby="hr-h" data-testid="host-reveal">
      <Progress state={state} />
      <h1 id="hr-h" ref={h} tabIndex={-1}>
        {t("session.answerIs", { answer: correct?.text ?? "?" })}
      </h1>
      {q ? <p class="muted">{categoryPrompt(q.category)}</p> : null}
      <Distribution options={options} counts={r.optionCounts} correctOptionId={r.correctOptionId} />
      <div class="actions control-row desk-only">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      <section class="card" aria-labelledby="results-h">
        <h2 id="results-h">{t("session.eachPlayer")}</h2>
        {/* Focusable so a table wider than a phone scrolls by keyboard too. */}
        <div class="table-scroll" tabIndex={0} role="group" aria-labelledby="results-h">
        <table class="results-table">
          <thead>
            <tr>
              <th scope="col">{t("session.colPlayer")}</th>
              <th scope="col">{t("session.colAnswer")}</th>
              <th scope="col">{t("session.colPoints")}</th>
              <th scope="col">{t("session.colTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {r.results.map((res) => (
              <tr key={res.pseudonym} class={res.points > 0 ? "row-right" : "row-wrong"}>
                <th scope="row">{res.pseudonym}</th>
                <td>
                  <span aria-hidden="true">{res.optionId === r.correctOptionId ? "✓ " : res.optionId ? "✗ " : "– "}</span>
                  {text(res.optionId)}
                </td>
                <td>+{formatNumber(res.points)}</td>
                <td>{formatNumber(res.totalScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
    </section>
  );
}
