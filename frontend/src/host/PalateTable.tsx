// The host's palate reports at the end: per ranked participant (ranking order) the right
// answers and near misses per category, strongest and weakest, then the room's average. A
// table where it fits; on a phone (a narrow report, by container query in host.css) a card per
// participant whose description list pairs each category with its tally, so nothing scrolls
// sideways. The layout not shown is display:none, hidden from screen readers too.
import { formatNumber, t } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import type { CategoryAverage, CategoryTally, HostPalate, PalateReport } from "../protocol.gen";
import "../i18n/staff"; // the host-only texts this module shows

const NONE = "–";

/** "3/5", and the near misses on a line of their own. */
function Tally({ c }: { c: CategoryTally | CategoryAverage }) {
  return (
    <>
      {formatNumber(c.correct)}/{formatNumber(c.questions)}
      {c.nearMisses ? <span class="muted palate-near">{t("palate.near", { count: c.nearMisses })}</span> : null}
    </>
  );
}

export function PalateTable({ palate }: { palate: HostPalate }) {
  return (
    <section class="card host-palate" aria-labelledby="palates-h" data-testid="host-palate">
      <h2 id="palates-h">{t("palate.hostTitle")}</h2>
      <p class="hint" id="palates-hint">
        {t("palate.hostCaption")}
      </p>
      <div class="palate-layouts">
        <Wide palate={palate} />
        <Cards palate={palate} />
      </div>
    </section>
  );
}

function Wide({ palate: { reports, room } }: { palate: HostPalate }) {
  return (
    <table class="results-table palate-host palate-wide" aria-labelledby="palates-h" aria-describedby="palates-hint">
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
              <td key={c.category}>
                <Tally c={c} />
              </td>
            ))}
            <td>{r.strongest ? categoryLabel(r.strongest) : NONE}</td>
            <td>{r.weakest ? categoryLabel(r.weakest) : NONE}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("palate.room")}</th>
          {room.map((c) => (
            <td key={c.category}>
              <Tally c={c} />
            </td>
          ))}
          <td colSpan={2} />
        </tr>
      </tfoot>
    </table>
  );
}

/** One card per participant, then the room's: a heading and category → tally pairs. */
function Cards({ palate: { reports, room } }: { palate: HostPalate }) {
  return (
    <ul class="palate-cards" aria-labelledby="palates-h" aria-describedby="palates-hint" data-testid="palate-cards">
      {reports.map((r) => (
        <Card key={r.pseudonym} title={r.pseudonym} tallies={r.categories} report={r} />
      ))}
      <Card title={t("palate.room")} tallies={room} room />
    </ul>
  );
}

function Card({ title, tallies, report, room }: { title: string; tallies: (CategoryTally | CategoryAverage)[]; report?: PalateReport; room?: boolean }) {
  return (
    <li class={`palate-card${room ? " room" : ""}`}>
      <h3>{title}</h3>
      <dl>
        {tallies.map((c) => (
          <div key={c.category}>
            <dt>{categoryLabel(c.category)}</dt>
            <dd>
              <Tally c={c} />
            </dd>
          </div>
        ))}
        {report ? (
          <>
            <div>
              <dt>{t("palate.colStrongest")}</dt>
              <dd>{report.strongest ? categoryLabel(report.strongest) : NONE}</dd>
            </div>
            <div>
              <dt>{t("palate.colWeakest")}</dt>
              <dd>{report.weakest ? categoryLabel(report.weakest) : NONE}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </li>
  );
}
