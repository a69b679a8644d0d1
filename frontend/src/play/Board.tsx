// Leaderboards on the phone (after a question, after a wine with the wine unveiled) and the
// end of the game (final rank with medal, or why it ended).
import { useScreenHeading } from "../lib/a11y";
import { END_REASON, ordinal } from "../lib/labels";
import { gapToNext, placeText } from "../lib/ranks";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { myRank, type Game } from "./state";

export function Board({ game }: { game: Game }) {
  const round = game.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${game.phase}-${game.roundIndex}-${game.questionIndex}`);
  const rank = myRank(game);
  const score = game.me?.score ?? game.score;
  const gap = game.me && game.rankings ? gapToNext(game.me, game.rankings) : null;
  return (
    <section aria-labelledby="b-h">
      <p class="progress-label">
        {round
          ? `After wine ${game.roundIndex + 1} of ${game.totalRounds}`
          : `Wine ${game.roundIndex + 1} · after question ${game.questionIndex + 1} of ${game.totalQuestions || "?"}`}
      </p>
      <h1 id="b-h" ref={h} tabIndex={-1}>
        {round ? "Round leaderboard" : "Leaderboard"}
      </h1>
      {rank ? (
        <p class="my-rank" data-testid="my-rank">
          You are {placeText(rank, game.ranked)} with {score} points
          {gap ? <span class="gap"> · {gap.points} behind {ordinal(gap.rank)}</span> : null}
        </p>
      ) : null}
      {round && game.wine ? <WineCard wine={game.wine} roundIndex={game.roundIndex} totalRounds={game.totalRounds} /> : null}
      <Leaderboard rankings={game.rankings ?? []} me={game.me ?? undefined} title={round ? "Round leaderboard" : "Leaderboard"} />
      <p class="muted center spaced">Waiting for the host…</p>
    </section>
  );
}

const MEDAL_NAME = ["", "Gold", "Silver", "Bronze"];

export function Ended({ game }: { game: Game }) {
  const h = useScreenHeading<HTMLHeadingElement>(`end-${game.final}`);
  const rank = myRank(game);
  if (game.final && rank) {
    return (
      <section class="final" aria-labelledby="f-h">
        <p class="progress-label">Final results</p>
        {rank <= 3 ? (
          <p class="medal" data-testid="medal">
            <span class={`medal-disc medal-${rank}`} aria-hidden="true">
              {rank}
            </span>{" "}
            {MEDAL_NAME[rank]} medal
          </p>
        ) : null}
        <h1 id="f-h" ref={h} tabIndex={-1} data-testid="final-rank">
          You finished #{rank}
        </h1>
        <p class="final-line" data-testid="final-line">
          {game.me?.score ?? game.score} points · {placeText(rank, game.ranked)}
        </p>
        <Leaderboard rankings={game.rankings ?? []} me={game.me ?? undefined} title="Final leaderboard" />
        {game.endReason ? <p class="muted center spaced">{END_REASON[game.endReason]}</p> : null}
        <p class="center spaced">
          <a class="btn btn-secondary" href="/host">
            Host your own tasting
          </a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="e-h">
      <h1 id="e-h" ref={h} tabIndex={-1}>
        Tasting over
      </h1>
      <p data-testid="end-reason">{game.endReason ? END_REASON[game.endReason] : "This tasting has ended."}</p>
      <a class="btn btn-big btn-block" href="/play">
        Join another tasting
      </a>
    </section>
  );
}
