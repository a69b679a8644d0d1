// A question on the phone: four large answer tiles (the chosen one filled in its colour, the
// others dimmed), the countdown, the answer's delivery status and the paused overlay.
import type { QuestionView } from "../protocol.gen";
import { useScreenHeading } from "../lib/a11y";
import { LETTERS } from "../lib/labels";
import { t } from "../i18n";
import { categoryLabel, categoryPrompt } from "../i18n/wire";
import { Countdown } from "../components/Countdown";
import { PauseIcon } from "../components/Icons";
import { Progress } from "./Progress";
import type { Game } from "./state";

export function Question({ game, question, onChoose }: { game: Game; question: QuestionView; onChoose: (id: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>(`q-${question.questionId}`);
  const paused = game.phase === "question_paused";
  return (
    <section class="question" aria-labelledby="q-h">
      <div class="question-head">
        <div>
          <Progress game={game} />
          <p class="category-chip">{categoryLabel(question.category)}</p>
        </div>
        <Countdown timer={game.timer} paused={paused} />
      </div>
      <h1 id="q-h" ref={h} tabIndex={-1} class="prompt">
        {categoryPrompt(question.category)}
      </h1>
      <div class={`options${game.selected ? " has-pick" : ""}`} role="group" aria-labelledby="q-h">
        {question.options.map((o, i) => {
          const picked = game.selected === o.id;
          return (
            <button
              key={o.id}
              type="button"
              class={`option opt-${i}${picked ? " picked" : ""}`}
              aria-pressed={picked}
              disabled={paused}
              onClick={() => onChoose(o.id)}
              data-option-id={o.id}
            >
              <span class="opt-letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span class="opt-text">{o.text}</span>
              {picked ? (
                <span class="opt-mark">
                  <span aria-hidden="true">✓</span>
                  <span class="opt-mark-text"> {t("play.yourAnswer")}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <p class="answer-status" role="status" data-testid="answer-status">
        {game.selected
          ? game.acknowledged
            ? t("play.received")
            : t("play.sending")
          : paused
            ? ""
            : t("play.tap")}
      </p>
      {paused ? (
        <div class="paused-overlay" role="alert" data-testid="paused">
          <div class="paused-box">
            <PauseIcon class="paused-icon" />
            <strong>{t("play.paused")}</strong>
            <span>{t("play.pausedText")}</span>
          </div>
        </div>
      ) : null}
    </section>
  );
}
