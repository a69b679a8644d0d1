// The reveal on the phone: right, near miss or wrong (icon and words, never colour alone), the
// points won, the total, the correct answer and the player's own, and where the player now
// stands: rank of the ranked ("3rd of 12") and the gap to the place above ("40 points behind 2nd").
import { useScreenHeading } from "../lib/a11y";
import { formatNumber, ordinal, t, tx, type MessageKey } from "../i18n";
import { placeText } from "../lib/ranks";
import { Joining } from "./Shell";
import { Progress } from "./Progress";
import type { Game } from "./state";

export type Verdict = "right" | "near" | "wrong" | "none";

/** Right (the correct option), near miss (another option that still scored), wrong, or no answer. */
export function verdictOf(myOptionId: string | null, correctOptionId: string, myPoints: number): Verdict {
  if (myOptionId === null) return "none";
  if (myOptionId === correctOptionId) return "right";
  return myPoints > 0 ? "near" : "wrong";
}

const HEADLINE: Record<Verdict, MessageKey> = { right: "play.right", near: "play.near", wrong: "play.wrong", none: "play.none" };
const ICON: Record<Verdict, string> = { right: "✓", near: "≈", wrong: "✗", none: "–" };

export function Reveal({ game }: { game: Game }) {
  const r = game.reveal;
  const q = game.question;
  const h = useScreenHeading<HTMLHeadingElement>(`r-${r?.questionId ?? ""}`);
  if (!r) return <Joining />;
  const correct = q?.options.find((o) => o.id === r.correctOptionId);
  const mine = q?.options.find((o) => o.id === r.myOptionId);
  const verdict = verdictOf(r.myOptionId, r.correctOptionId, r.myPoints);
  return (
    <section class={`reveal verdict-${verdict}`} aria-labelledby="rv-h" data-testid="reveal" data-verdict={verdict}>
      <Progress game={game} />
      <div class="verdict">
        <span class="verdict-icon" aria-hidden="true">
          {ICON[verdict]}
        </span>
        <h1 id="rv-h" ref={h} tabIndex={-1}>
          {t(HEADLINE[verdict])}
        </h1>
        <p class="verdict-points" data-testid="points">
          {t("play.gained", { count: r.myPoints })}
        </p>
      </div>
      {correct ? (
        <p class="reveal-line">
          {tx("play.answerWas", { answer: <strong>{correct.text}</strong> })}
        </p>
      ) : null}
      {mine && verdict !== "right" ? (
        <p class="reveal-line muted">
          {tx("play.youAnswered", { answer: <strong>{mine.text}</strong> })}
        </p>
      ) : null}
      <p class="total" data-testid="total">
        {tx("play.total", { count: <strong>{formatNumber(r.myTotalScore)}</strong> }, r.myTotalScore)}
      </p>
      <p class="reveal-rank" data-testid="reveal-rank">
        <strong>{placeText(r.myRank, r.rankedCount, r.tied === true)}</strong>
        {r.gapToNext !== null && r.nextRank !== null ? (
          <span class="gap" data-testid="reveal-gap">
            <span class="sr-only"> · </span>
            {t("play.behind", { count: r.gapToNext, place: ordinal(r.nextRank) })}
          </span>
        ) : null}
      </p>
    </section>
  );
}
