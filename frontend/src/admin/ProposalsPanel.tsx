// The review queue: values and wines hosts proposed from their tastings, each with Approve and
// Reject; the heading counts both. A failure shows under the proposal it concerns.
import { useState } from "preact/hooks";
import type { CatalogWine, PendingValue, PendingWine, SuggestionQueue, WinesWritten } from "../answers-api.gen";
import { formatDateTime, formatNumber, t } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import { answerKey } from "../lib/validate";
import { findWine, sameWine } from "./catalog";
import { failureLine, valuesAddedText, type AdminCall, type Line } from "./shared";
import type { Report } from "./ValuesPanel";

interface Props {
  queue: SuggestionQueue | null;
  wines: CatalogWine[] | null;
  call: AdminCall;
  report: Report;
  reload: () => Promise<void>;
}

const valueId = (s: PendingValue) => `v:${s.category}:${answerKey(s.value)}`;
const wineId = (p: PendingWine) => `w:${answerKey(p.wine.name)}`;

export function ProposalsPanel({ queue, wines, call, report, reload }: Props) {
  const [errors, setErrors] = useState<Map<string, Line>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);

  /** Runs one review action; its failure is kept under the item `id`. */
  const act = async (id: string, run: () => Promise<void>) => {
    setBusy(id);
    setErrors((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
    try {
      await run();
      await reload();
    } catch (e) {
      setErrors((m) => new Map(m).set(id, failureLine(e)));
    } finally {
      setBusy(null);
    }
  };

  const reviewValue = (s: PendingValue, approve: boolean) =>
    act(valueId(s), async () => {
      const path = `/api/suggestions/${s.category}/${encodeURIComponent(s.value)}`;
      await call(approve ? `${path}/approve` : path, { method: approve ? "POST" : "DELETE" });
      report(() => t(approve ? "admin.approved" : "admin.rejected", { value: s.value, category: categoryLabel(s.category) }));
    });

  const reviewWine = (p: PendingWine, approve: boolean) =>
    act(wineId(p), async () => {
      const path = `/api/suggestions/wines/${encodeURIComponent(p.wine.name)}`;
      if (approve) {
        const r = await call<WinesWritten>(`${path}/approve`, { method: "POST" });
        report(() => [t("proposals.wineApproved", { name: p.wine.name }), valuesAddedText(r)].filter(Boolean).join(" "));
      } else {
        await call(path, { method: "DELETE" });
        report(() => t("proposals.wineRejected", { name: p.wine.name }));
      }
    });

  const values = queue?.suggestions ?? [];
  const proposedWines = queue?.wines ?? [];
  const when = (at: number | null) => (at ? ` · ${formatDateTime(at)}` : "");
  const error = (id: string) => {
    const e = errors.get(id);
    return e ? (
      <p class="field-error item-error" role="alert">
        {e.text()}
      </p>
    ) : null;
  };
  const actions = (id: string, name: string, review: (approve: boolean) => Promise<void>) => (
    <div class="actions">
      <button type="button" class="btn btn-small" disabled={busy === id} onClick={() => void review(true)} aria-label={t("admin.approveLabel", { value: name })}>
        {t("admin.approve")}
      </button>
      <button type="button" class="btn btn-danger btn-small" disabled={busy === id} onClick={() => void review(false)} aria-label={t("admin.rejectLabel", { value: name })}>
        {t("admin.reject")}
      </button>
    </div>
  );

  return (
    <section class="card" aria-labelledby="sugg-h">
      <h2 id="sugg-h">
        {t("admin.review")} {queue ? <span class="count-pill">{formatNumber(values.length + proposedWines.length)}</span> : null}
      </h2>
      {queue === null ? (
        <p class="muted">{t("common.loading")}</p>
      ) : values.length + proposedWines.length === 0 ? (
        <p class="muted">{t("admin.noSuggestions")}</p>
      ) : (
        <>
          <h3 class="sugg-sub">
            {t("proposals.values")} <span class="count-pill small-pill">{formatNumber(values.length)}</span>
          </h3>
          {values.length ? (
            <ul class="sugg-list" aria-label={t("proposals.values")}>
              {values.map((s) => (
                <li key={valueId(s)}>
                  <div>
                    <strong>{s.value}</strong>
                    <span class="muted small">
                      {" "}
                      · {categoryLabel(s.category)}
                      {when(s.suggestedAt)}
                    </span>
                  </div>
                  {actions(valueId(s), s.value, (a) => reviewValue(s, a))}
                  {error(valueId(s))}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted small">{t("proposals.noValues")}</p>
          )}
          <h3 class="sugg-sub">
            {t("proposals.wines")} <span class="count-pill small-pill">{formatNumber(proposedWines.length)}</span>
          </h3>
          {proposedWines.length ? (
            <ul class="sugg-list" aria-label={t("proposals.wines")}>
              {proposedWines.map((p) => {
                const existing = wines ? findWine(wines, p.wine.name) : undefined;
                return (
                  <li key={wineId(p)}>
                    <div>
                      <strong>{p.wine.name}</strong>
                      <span class="muted small">
                        {" "}
                        · {[p.wine.color, p.wine.region, p.wine.grape_variety].join(" · ")}
                        {when(p.suggestedAt)}
                      </span>
                      {existing && !sameWine(existing, p.wine) ? <p class="small warn-line">{t("proposals.replaces")}</p> : null}
                    </div>
                    {actions(wineId(p), p.wine.name, (a) => reviewWine(p, a))}
                    {error(wineId(p))}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="muted small">{t("proposals.noWines")}</p>
          )}
        </>
      )}
    </section>
  );
}
