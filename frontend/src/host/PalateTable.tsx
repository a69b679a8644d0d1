// The host's palate reports at the end: one row per ranked participant (ranking order) with
// right answers and near misses per category, strongest and weakest, then the room's average.
import { formatNumber, t } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import type { CategoryAverage, CategoryTally, HostPalate } from "../protocol.gen";
import "../i18n/staff"; // the host-only texts this module shows

function Cell({ c }: { c: CategoryTally | CategoryAverage }) {
  return (
    <td>
      {formatNumber(c.correct)}/{formatNumber(c.questions)}
      {c.nearMisses ? (
        <>
          <br />
          <span class="muted">{t("palate.near", { count: c.nearMisses })}</span>
        </>
      ) : null}
    </td>
  );
}

export function PalateTable({ palate }: { palate: HostPalate }) {
  const { reports, room } = palate;
  const none = "–";
  return (
    <section class="card host-palate" aria-labelledby="palates-h" data-testid="host-palate">
      <h2 id="palates-h">{t("palate.hostTitle")}</h2>
      <p class="hint" id="palates-hint">
        {t("palate.hostCaption")}
      </p>
      {/* Focusable so a table wider than a phone scrolls by keyboard too. */}
      <div class="table-scroll" tabIndex={0} role="group" aria-labelledby="palates-h">
        <table class="results-table palate-host" aria-labelledby="palates-h" aria-describedby="palates-hint">
          <thead>
            <tr>
              <th scope="col">{t("session.colPlayer")}</th>
              {room.map((c) => (
                <th scope="col" key={c.category}>
                  {categoryLabel(c.category)}
                </th>
              ))}
              <th scope="col">{t("palate.colStrongest")}</th>
              <th scope="col">{t("palate.colWeakest")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.pseudonym}>
                <th scope="row">{r.pseudonym}</th>
                {r.categories.map((c) => (
                  <Cell key={c.category} c={c} />
                ))}
                <td>{r.strongest ? categoryLabel(r.strongest) : none}</td>
                <td>{r.weakest ? categoryLabel(r.weakest) : none}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("palate.room")}</th>
              {room.map((c) => (
                <Cell key={c.category} c={c} />
              ))}
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
