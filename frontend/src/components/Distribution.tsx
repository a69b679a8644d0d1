// How many chose each option, with the correct one marked by text and an icon (not colour only).
import type { OptionCount, OptionView } from "../protocol.gen";
import { LETTERS } from "../lib/labels";
import { formatNumber, t } from "../i18n";

interface Props {
  options: OptionView[];
  counts: OptionCount[];
  correctOptionId: string;
}

export function Distribution({ options, counts, correctOptionId }: Props) {
  const count = (id: string) => counts.find((c) => c.optionId === id)?.count ?? 0;
  const total = options.reduce((n, o) => n + count(o.id), 0);
  const max = Math.max(1, ...options.map((o) => count(o.id)));
  return (
    <ul class="distribution" aria-label={t("dist.label")} data-testid="distribution">
      {options.map((o, i) => {
        const n = count(o.id);
        const correct = o.id === correctOptionId;
        return (
          <li key={o.id} class={`dist-row opt-${i}${correct ? " correct" : ""}`} data-correct={correct ? "true" : undefined}>
            <span class="dist-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span class="dist-text">
              {o.text}
              {correct ? (
                <span class="badge badge-correct">
                  <span aria-hidden="true">✓ </span>
                  {t("dist.correct")}
                </span>
              ) : null}
            </span>
            <span class="dist-bar" aria-hidden="true">
              <span style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="dist-count">
              <span aria-hidden="true">{formatNumber(n)}</span>
              <span class="sr-only">{t("dist.chose", { count: n, total })}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
