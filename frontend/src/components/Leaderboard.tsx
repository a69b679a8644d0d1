// A ranking list (competition ranks) with the viewer's own row highlighted and labelled.
import type { RankingEntry } from "../protocol.gen";

interface Props {
  rankings: RankingEntry[];
  me?: RankingEntry | null;
  title?: string;
  limit?: number;
  big?: boolean;
}

export function Leaderboard({ rankings, me, title = "Leaderboard", limit, big }: Props) {
  const shown = limit ? rankings.slice(0, limit) : rankings;
  const meShown = me ? shown.some((r) => r.pseudonym === me.pseudonym) : true;
  return (
    <div class={`leaderboard${big ? " big" : ""}`}>
      {shown.length === 0 ? (
        <p class="muted">No scores yet.</p>
      ) : (
        <ol class="ranks" data-testid="leaderboard" aria-label={title}>
          {shown.map((r) => (
            <Row key={r.pseudonym} entry={r} mine={me?.pseudonym === r.pseudonym} />
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

function Row({ entry, mine }: { entry: RankingEntry; mine: boolean }) {
  return (
    <li class={`rank-row${mine ? " mine" : ""}${entry.rank <= 3 ? ` top top-${entry.rank}` : ""}`} aria-current={mine ? "true" : undefined}>
      <span class="rank-pos">
        <span class="sr-only">Rank </span>
        {entry.rank}
      </span>
      <span class="rank-name">
        {entry.pseudonym}
        {mine ? <span class="you-tag"> (you)</span> : null}
      </span>
      <span class="rank-score">
        {entry.score}
        <span class="sr-only"> points</span>
        <span aria-hidden="true"> pts</span>
      </span>
    </li>
  );
}
