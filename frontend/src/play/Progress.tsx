// "Wine 2/5 · Question 3/5" above a question, with the totals the server sent.
import type { Game } from "./state";
import { t } from "../i18n";

export function Progress({ game }: { game: Game }) {
  const wines = game.totalRounds || "?";
  const questions = game.totalQuestions || "?";
  const vars = { wine: game.roundIndex + 1, wines, question: game.questionIndex + 1, questions };
  return (
    <p class="progress-label">
      <span class="sr-only">{t("play.progressSr", vars)}</span>
      <span aria-hidden="true">{t("play.progress", vars)}</span>
    </p>
  );
}
