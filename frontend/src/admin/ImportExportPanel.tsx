// Import and export: export downloads the collection and the catalog as one JSON file
// (`GET /admin/export`); import reads that JSON back (or the older answers-only JSON, or a CSV
// of wines), leaves out and lists the entries the server would refuse, then sends values with
// `POST /answers/{category}` and wines with `PUT /wines` in batches of at most 200, with a
// progress line, and reports every refused batch with its server reasons. A refused batch
// changes nothing (the server checks it whole), so the report says exactly what is missing.
// The progress, then the summary, show in the panel's own status line, beside the buttons.
import { useState } from "preact/hooks";
import type { Category } from "../protocol.gen";
import type { AddedValues, CatalogWine, CollectionExport, WinesWritten } from "../answers-api.gen";
import { ApiFailure } from "../lib/api";
import { CATEGORIES } from "../lib/labels";
import { saveBlob } from "../host/download";
import { formatList, formatNumber, t, textOf } from "../i18n";
import { categoryLabel, errorText } from "../i18n/wire";
import { parseWinePath, WINES_PER_BATCH } from "./catalog";
import { batches, ImportError, planFromFile, type ImportPlan, type Skipped } from "./importFile";
import { failureLine, line, type AdminCall, type Line } from "./shared";

/** The form's label of each wine field, naming the field of a skipped entry. */
const FIELD_LABEL = { name: "catalog.name", color: "catalog.color", region: "catalog.region", grape_variety: "catalog.grape" } as const;

/** Values per `POST /answers/{category}` (the server takes up to 500). */
const VALUES_PER_BATCH = 200;

/** A batch the server refused: what it held, why, and the server's reasons per entry. */
interface BatchFailure {
  what: () => string;
  error: unknown;
  details: string[];
}

interface Props {
  call: AdminCall;
  reload: () => Promise<void>;
}

/** The server's field reasons of a refused wine batch, each naming its wine. */
function wineDetails(e: unknown, batch: CatalogWine[]): string[] {
  if (!(e instanceof ApiFailure)) return [];
  return e.fields.map((f) => {
    const at = parseWinePath(f.path);
    const wine = at ? batch[at.index] : undefined;
    return wine ? `“${wine.name}”: ${f.message}` : `${f.path}: ${f.message}`;
  });
}

export function ImportExportPanel({ call, reload }: Props) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Line | null>(null);
  const [problem, setProblem] = useState<Line | null>(null);
  const [skipped, setSkipped] = useState<Skipped[]>([]);
  const [failures, setFailures] = useState<BatchFailure[]>([]);
  /** Counts imports, so each one's report starts closed. */
  const [run, setRun] = useState(0);

  const exportAll = async () => {
    setProblem(null);
    try {
      const all = await call<CollectionExport>("/api/admin/export");
      saveBlob(new Blob([JSON.stringify(all, null, 2)], { type: "application/json" }), "sommelier-arena-collection.json");
      const values = CATEGORIES.reduce((n, c) => n + (all.answers[c]?.length ?? 0), 0);
      setProgress(line(() => t("admin.exported", { values: formatNumber(values), wines: formatNumber(all.wines.length) })));
    } catch (e) {
      setProblem(failureLine(e));
    }
  };

  const send = async (plan: ImportPlan) => {
    const valueJobs = CATEGORIES.flatMap((c) => batches(plan.answers[c] ?? [], VALUES_PER_BATCH).map((values, i, all) => ({ c, values, i, n: all.length })));
    const wineJobs = batches(plan.wines, WINES_PER_BATCH);
    const failed: BatchFailure[] = [];
    let added = 0;
    let existing = 0;
    const wines = { added: 0, updated: 0, unchanged: 0 };
    for (const { c, values, i, n } of valueJobs) {
      const cat: Category = c;
      setProgress(line(() => t("import.progressValues", { category: categoryLabel(cat), batch: i + 1, batches: n })));
      try {
        const r = await call<AddedValues>(`/api/answers/${c}`, { method: "POST", json: { values } });
        added += r.added.length;
        existing += r.existing.length;
      } catch (e) {
        if (e instanceof ApiFailure && e.status === 401) throw e;
        failed.push({ what: () => t("import.valueBatch", { category: categoryLabel(cat), batch: i + 1, batches: n }), error: e, details: [] });
      }
    }
    let from = 1;
    for (const batch of wineJobs) {
      const [a, b, total] = [from, from + batch.length - 1, plan.wines.length];
      setProgress(line(() => t("import.progressWines", { from: a, to: b, total })));
      try {
        const r = await call<WinesWritten>("/api/wines", { method: "PUT", json: { wines: batch } });
        wines.added += r.added.length;
        wines.updated += r.updated.length;
        wines.unchanged += r.unchanged.length;
      } catch (e) {
        if (e instanceof ApiFailure && e.status === 401) throw e;
        failed.push({ what: () => t("import.wineBatch", { from: a, to: b }), error: e, details: wineDetails(e, batch) });
      }
      from += batch.length;
    }
    return { added, existing, wines, failed };
  };

  const importFile = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setSkipped([]);
    setFailures([]);
    setProgress(null);
    setRun((n) => n + 1);
    try {
      let plan: ImportPlan;
      try {
        plan = await planFromFile(file);
      } catch (e) {
        setProblem(e instanceof ImportError ? line(() => textOf(e.text)) : failureLine(e));
        return;
      }
      setSkipped(plan.skippedWines);
      const r = await send(plan);
      setFailures(r.failed);
      const hasValues = Object.keys(plan.answers).length > 0;
      const hasWines = plan.wines.length + plan.skippedWines.length > 0;
      // One sentence for the values ("Import done: …", as before wines existed), then the wines'.
      setProgress(line(() => {
        const sentences: string[] = [];
        if (hasValues || !hasWines) {
          const parts = [t("admin.importAdded", { count: r.added }), t("admin.importExisting", { count: r.existing })];
          if (plan.skippedValues) parts.push(t("admin.importSkipped", { count: plan.skippedValues }));
          sentences.push(t("admin.importDone", { parts: formatList(parts) }));
        }
        if (hasWines) sentences.push(t("import.winesDone", { added: r.wines.added, updated: r.wines.updated, unchanged: r.wines.unchanged }));
        if (plan.skippedWines.length) sentences.push(t("import.winesSkipped", { count: plan.skippedWines.length }));
        if (r.failed.length) sentences.push(t("import.batchesFailed", { count: r.failed.length }));
        return sentences.join(" ");
      }));
      await reload();
    } catch (e) {
      setProgress(null);
      setProblem(failureLine(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="io-h">
      <h2 id="io-h">{t("admin.io")}</h2>
      <p class="muted small">{t("admin.ioHelp")}</p>
      <div class="actions">
        <button type="button" class="btn btn-secondary" onClick={() => void exportAll()}>
          {t("admin.export")}
        </button>
        <label class={`btn btn-secondary file-btn${busy ? " disabled" : ""}`}>
          {t("admin.import")}
          <input
            type="file"
            accept="application/json,.json,text/csv,.csv"
            class="sr-only"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const f = input.files?.[0];
              if (f) void importFile(f).finally(() => (input.value = ""));
            }}
          />
        </label>
      </div>
      <p class="status-line progress-line" role="status" data-testid="import-status">
        {progress?.text() ?? ""}
      </p>
      {problem ? (
        <p class="alert" role="alert" data-testid="import-error">
          {problem.text()}
        </p>
      ) : null}
      {failures.length ? (
        <div class="alert" role="alert" data-testid="import-failures">
          <p>{t("import.failuresTitle", { count: failures.length })}</p>
          <ul class="report-list">
            {failures.map((f, i) => (
              <li key={i}>
                <strong>{f.what()}</strong>: {errorText(f.error)}
                {f.details.length ? (
                  <ul>
                    {f.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {skipped.length ? (
        <details key={run} class="skipped" data-testid="import-skipped">
          <summary>{t("import.skippedTitle", { count: skipped.length })}</summary>
          <ul class="report-list">
            {skipped.map((s, i) => (
              <li key={i}>
                {textOf(s.where)}
                {s.field ? ` (${t(FIELD_LABEL[s.field])})` : ""}: {textOf(s.problem)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
