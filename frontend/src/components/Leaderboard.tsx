// A ranking list (competition ranks) with the viewer's own row highlighted and labelled; given
// the previous leaderboard, each row shows its points gained and rank movement (▲ ▼, with words
// for screen readers) and slides from its old place to its new one.
import type { RankingEntry } from "../protocol.gen";
import { movement } from "../lib/ranks";
import { formatNumber, t } from "../i18n";

interface Props {
  rankings: RankingEntry[];
  me?: RankingEntry | null;
  title?: string;
  limit?: number;
  big?: boolean;
  previous?: RankingEntry[] | null;
}

export function Leaderboard({ rankings, me, title, limit, big, previous }: Props) {
  const shown = limit ? rankings.slice(0, limit) : rankings;
  const meShown = me ? shown.some((r) => r.pseudonym === me.pseudonym) : true;
  return (
    <div class={`leaderboard${big ? " big" : ""}`}>
      {shown.length === 0 ? (
        <p class="muted">{t("board.empty")}</p>
      ) : (
        <ol class="ranks" data-testid="leaderboard" aria-label={title ?? t("board.title")}>
          {shown.map((r) => (
            <Row key={r.pseudonym} entry={r} mine={me?.pseudonym === r.pseudonym} previous={previous} index={shown.indexOf(r)} />
          ))}
          {!meShown && me ? (
            <>
              <li class="rank-gap" aria-hidden="true">
                ⋯
              </li>
              <Row entry={me} mine />
            </>
          ) : null}
        </ol>
      )}
    </div>
  );
}

function Row({ entry, mine, previous, index }: { entry: RankingEntry; mine: boolean; previous?: RankingEntry[] | null; index?: number }) {
  const move = previous ? movement(entry, previous) : null;
  // Rows start where they were (one row per place moved) and slide to their new place.
  const from = move ? Math.max(-10, Math.min(10, move.places)) : 0;
  return (
    <li
      class={`rank-row${mine ? " mine" : ""}${entry.rank <= 3 ? ` top top-${entry.rank}` : ""}${from ? " moved" : ""}`}
      aria-current={mine ? "true" : undefined}
      style={from ? { "--from": String(from), "--i": String(index ?? 0) } : undefined}
    >
      <span class="rank-pos">
        <span class="sr-only">{t("board.rank")} </span>
        {formatNumber(entry.rank)}
      </span>
      <span class="rank-name">
        {entry.pseudonym}
        {mine ? <span class="you-tag"> {t("common.you")}</span> : null}
      </span>
      {move ? <Movement places={move.places} gained={move.gained} /> : null}
      <span class="rank-score">
        <span class="sr-only">{t("common.points", { count: entry.score })}</span>
        <span aria-hidden="true">{t("common.pointsShort", { count: entry.score })}</span>
      </span>
    </li>
  );
}

function Movement({ places, gained }: { places: number; gained: number }) {
  return (
    <span class="rank-move">
      {gained > 0 ? <span class="rank-gain">+{formatNumber(gained)}</span> : null}
      {places > 0 ? (
        <span class="rank-up">
          <span aria-hidden="true">▲{formatNumber(places)}</span>
          <span class="sr-only"> {t("board.up", { count: places })}</span>
        </span>
      ) : places < 0 ? (
        <span class="rank-down">
          <span aria-hidden="true">▼{formatNumber(-places)}</span>
          <span class="sr-only"> {t("board.down", { count: -places })}</span>
        </span>
      ) : null}
    </span>
  );
}
