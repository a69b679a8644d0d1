// "Wine 2/5 · Question 3/5" above a question, with the totals the server sent.
import type { Game } from "./state";

export function Progress({ game }: { game: Game }) {
  const wines = game.totalRounds || "?";
  const questions = game.totalQuestions || "?";
  return (
    <p class="progress-label">
      <span class="sr-only">
        Wine {game.roundIndex + 1} of {wines}, question {game.questionIndex + 1} of {questions}
      </span>
      <span aria-hidden="true">
        Wine {game.roundIndex + 1}/{wines} · Question {game.questionIndex + 1}/{questions}
      </span>
    </p>
  );
}
