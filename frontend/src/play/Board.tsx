// Leaderboards on the phone (after a question, after a wine with the wine unveiled) and the
// end of the game (final rank with medal and the palate report, or why it ended).
import { useScreenHeading } from "../lib/a11y";
import { ordinal, t, type MessageKey } from "../i18n";
import { endReasonText } from "../i18n/wire";
import { gapToNext, placeText, standingText } from "../lib/ranks";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { myRank, myTied, type Game } from "./state";
import { Palate } from "./Palate";

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
          ? t("play.afterWine", { n: game.roundIndex + 1, total: game.totalRounds })
          : t("play.afterQuestion", { n: game.roundIndex + 1, q: game.questionIndex + 1, total: game.totalQuestions || "?" })}
      </p>
      <h1 id="b-h" ref={h} tabIndex={-1}>
        {round ? t("play.roundBoard") : t("board.title")}
      </h1>
      {rank ? (
        <p class="my-rank" data-testid="my-rank">
          {standingText(rank, game.ranked, myTied(game), score)}
          {gap ? <span class="gap"> · {t("play.behind", { count: gap.points, place: ordinal(gap.rank) })}</span> : null}
        </p>
      ) : null}
      {round && game.wine ? <WineCard wine={game.wine} roundIndex={game.roundIndex} totalRounds={game.totalRounds} /> : null}
      <Leaderboard rankings={game.rankings ?? []} me={game.me ?? undefined} title={round ? t("play.roundBoard") : t("board.title")} />
      <p class="muted center spaced">{t("play.waitingHost")}</p>
    </section>
  );
}

const MEDAL_NAME: MessageKey[] = ["play.medal1", "play.medal1", "play.medal2", "play.medal3"];

export function Ended({ game }: { game: Game }) {
  const h = useScreenHeading<HTMLHeadingElement>(`end-${game.final}`);
  const rank = myRank(game);
  if (game.final && rank) {
    const tied = myTied(game);
    return (
      <section class="final" aria-labelledby="f-h">
        <p class="progress-label">{t("play.finalResults")}</p>
        {rank <= 3 ? (
          <p class="medal" data-testid="medal">
            <span class={`medal-disc medal-${rank}`} aria-hidden="true">
              {rank}
            </span>{" "}
            {t(MEDAL_NAME[rank]!)}
          </p>
        ) : null}
        <h1 id="f-h" ref={h} tabIndex={-1} data-testid="final-rank">
          {t(tied ? "play.finishedTied" : "play.finished", { place: ordinal(rank) })}
        </h1>
        <p class="final-line" data-testid="final-line">
          {t("common.points", { count: game.me?.score ?? game.score })} · {placeText(rank, game.ranked, tied)}
        </p>
        <Leaderboard rankings={game.rankings ?? []} me={game.me ?? undefined} title={t("play.finalBoard")} />
        {game.palate ? <Palate palate={game.palate} /> : null}
        {game.endReason ? <p class="muted center spaced">{endReasonText(game.endReason)}</p> : null}
        <p class="center spaced">
          <a class="btn btn-secondary" href="/host">
            {t("play.hostOwn")}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="e-h">
      <h1 id="e-h" ref={h} tabIndex={-1}>
        {t("play.over")}
      </h1>
      <p data-testid="end-reason">{game.endReason ? endReasonText(game.endReason) : t("play.ended")}</p>
      <a class="btn btn-big btn-block" href="/play">
        {t("play.joinAnother")}
      </a>
    </section>
  );
}
