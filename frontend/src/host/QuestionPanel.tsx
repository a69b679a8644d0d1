// A running question on the host page: prompt, countdown, the options (the answer shown on
// request), pause/resume, reveal, and who has answered.
import { useState } from "preact/hooks";
import type { QuestionView } from "../protocol.gen";
import { useScreenHeading } from "../lib/a11y";
import { LETTERS } from "../lib/labels";
import { formatNumber, t, tx } from "../i18n";
import { categoryLabel, categoryPrompt } from "../i18n/wire";
import { everyoneAnswered } from "../screen/controls";
import { Countdown } from "../components/Countdown";
import { PauseIcon } from "../components/Icons";
import { Progress, type PhaseProps } from "./phase";
import "../i18n/staff"; // the host-only texts this module shows

export function QuestionPanel({ state, send, question }: PhaseProps & { question: QuestionView }) {
  const h = useScreenHeading<HTMLHeadingElement>(`q-${question.questionId}`);
  const paused = state.phase === "question_paused";
  const [showAnswer, setShowAnswer] = useState(false);
  const correctId = state.tasting?.wines[question.roundIndex]?.questions[question.questionIndex]?.correctOptionId;
  const answered = new Set(state.answered);
  const total = state.participants.length;
  return (
    <section aria-labelledby="hq-h" class="host-question">
      <div class="question-top">
        <div>
          <Progress state={state} />
          <span class="category-chip">{categoryLabel(question.category)}</span>
          <h1 id="hq-h" ref={h} tabIndex={-1} class="prompt">
            {categoryPrompt(question.category)}
          </h1>
        </div>
        <Countdown timer={state.timer} paused={paused} size="lg" />
      </div>
      {paused ? (
        <p class="notice" role="status" data-testid="host-paused">
          <PauseIcon /> {t("session.pausedNote")}
        </p>
      ) : null}
      <ol class="host-options">
        {question.options.map((o, i) => (
          <li key={o.id} class={`host-option opt-${i}${showAnswer && o.id === correctId ? " correct" : ""}`}>
            <span class="opt-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span class="opt-text">{o.text}</span>
            {showAnswer && o.id === correctId ? (
              <span class="badge badge-correct">
                <span aria-hidden="true">✓ </span>
                {t("dist.correct")}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <div class="actions control-row">
        {paused ? (
          <button type="button" class="btn btn-big desk-only" onClick={() => send({ type: "host:resume" })}>
            <span aria-hidden="true">▶ </span>
            {t("session.resume")}
          </button>
        ) : (
          <button type="button" class="btn btn-big btn-secondary desk-only" onClick={() => send({ type: "host:pause" })}>
            <PauseIcon /> {t("session.pause")}
          </button>
        )}
        <button type="button" class="btn btn-big desk-only" onClick={() => send({ type: "host:reveal" })} data-testid="reveal-button">
          {t("session.reveal")}
          {everyoneAnswered(state) ? <span class="all-answered"> {t("session.everyone")}</span> : null}
        </button>
        <label class="toggle">
          <input type="checkbox" checked={showAnswer} onChange={(e) => setShowAnswer((e.currentTarget as HTMLInputElement).checked)} /> {t("session.showAnswer")}
        </label>
      </div>
      <section class="card" aria-labelledby="answered-h">
        <h2 id="answered-h">
          {tx("session.answered", { count: <span data-testid="answered-count">{formatNumber(answered.size)}</span>, total }, answered.size)}
        </h2>
        <ul class="answered-list">
          {state.participants.map((p) => (
            <li key={p.pseudonym} class={answered.has(p.pseudonym) ? "has-answered" : "waiting"}>
              <span aria-hidden="true">{answered.has(p.pseudonym) ? "✓" : "…"}</span> {p.pseudonym}
              <span class="sr-only"> {answered.has(p.pseudonym) ? t("session.hasAnswered") : t("session.notAnswered")}</span>
              {!p.online ? <span class="muted small"> {t("session.offlineParen")}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
