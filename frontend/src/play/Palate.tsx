// The player's palate report on the final screen: right answers and near misses per category
// beside the room's average, strongest and weakest category, points per wine. Text carries
// every signal (no colour-only cue) and the table has proper headers for screen readers.
import { t } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import type { ParticipantPalate } from "../protocol.gen";

export function Palate({ palate }: { palate: ParticipantPalate }) {
  const { report, room } = palate;
  return (
    <section class="palate card" aria-labelledby="palate-h" data-testid="palate">
      <h2 id="palate-h">{t("palate.title")}</h2>
      <table class="palate-table">
        <caption class="hint">{t("palate.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("palate.category")}</th>
            <th scope="col">{t("palate.you")}</th>
            <th scope="col">{t("palate.room")}</th>
          </tr>
        </thead>
        <tbody>
          {report.categories.map((c, i) => {
            const r = room[i];
            return (
              <tr key={c.category}>
                <th scope="row">{categoryLabel(c.category)}</th>
                <td>
                  <span class="palate-right">{t("palate.right", { count: c.correct, total: c.questions })}</span>
                  <br />
                  <span class="muted">{t("palate.near", { count: c.nearMisses })}</span>
                </td>
                <td>
                  {r ? (
                    <>
                      <span class="palate-right">{t("palate.roomRight", { count: r.correct })}</span>
                      <br />
                      <span class="muted">{t("palate.roomNear", { count: r.nearMisses })}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {report.strongest && report.weakest ? (
        <p data-testid="palate-extremes">
          <strong>{t("palate.strongest", { category: categoryLabel(report.strongest) })}</strong> · {t("palate.weakest", { category: categoryLabel(report.weakest) })}
        </p>
      ) : (
        <p data-testid="palate-extremes">{t("palate.even")}</p>
      )}
      {report.winePoints.length ? (
        <>
          <h3 class="palate-sub">{t("palate.perWine")}</h3>
          <ol class="palate-wines">
            {report.winePoints.map((p, i) => (
              <li key={i}>
                {t("palate.wine", { n: i + 1 })} <strong>{t("common.pointsShort", { count: p })}</strong>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
