// The wine catalog panel: counts (total, by colour, by country), a search over name, colour,
// region and grape that filters as you type, the list (100 rows at a time, "Show more", so
// 5,000 wines stay fast), add, edit in place, and delete with an Undo toast that puts the wine
// back. A rename is a `PUT` of the new name then a `DELETE` of the old (see planEdit).
import { useMemo, useRef, useState } from "preact/hooks";
import type { CatalogWine, WinesWritten } from "../answers-api.gen";
import { answerKey } from "../lib/validate";
import { formatNumber, t } from "../i18n";
import { errorText } from "../i18n/wire";
import { countBy, countryOf, findWine, planEdit, searchable, searchWines } from "./catalog";
import { failureLine, line, valuesAddedText, type AdminCall, type Collection, type Line } from "./shared";
import { WineForm, formErrors, type FormErrors } from "./WineForm";
import { UndoToast, type Toast } from "./UndoToast";

/** Rows rendered at once; "Show more" adds as many again. */
export const PAGE_ROWS = 100;

/** Focuses what `selector` finds once the next render is on screen (the row it is in changed). */
function focusLater(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

const editSelector = (key: string) => `[data-edit="${CSS.escape(key)}"]`;

const EMPTY: CatalogWine = { name: "", color: "", region: "", grape_variety: "" };

interface Props {
  wines: CatalogWine[] | null;
  collection: Collection | null;
  call: AdminCall;
  /** Reloads the catalog and the collection (a write may add values). */
  reload: () => Promise<void>;
}

export function CatalogPanel({ wines, collection, call, reload }: Props) {
  const [query, setQuery] = useState("");
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [editing, setEditing] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState<Line | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<string, Line>>(new Map());
  const [error, setError] = useState<Line | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const toastIds = useRef(0);

  const index = useMemo(() => searchable(wines ?? []), [wines]);
  const matches = useMemo(() => searchWines(index, query), [index, query]);
  const byColour = useMemo(() => countBy(wines ?? [], (w) => w.color), [wines]);
  const byCountry = useMemo(() => countBy(wines ?? [], (w) => countryOf(w.region)), [wines]);

  const say = (text: () => string) => {
    setStatus(line(text));
    setError(null);
  };
  const put = (list: CatalogWine[]) => call<WinesWritten>("/api/wines", { method: "PUT", json: { wines: list } });
  const withValues = (main: string, r: WinesWritten) => [main, valuesAddedText(r)].filter(Boolean).join(" ");

  const add = async (wine: CatalogWine): Promise<FormErrors | null> => {
    const known = wines ? findWine(wines, wine.name) : undefined;
    if (known) return { fields: { name: line(() => t("catalog.nameTaken", { name: known.name })) }, general: null };
    try {
      const r = await put([wine]);
      say(() => withValues(t("catalog.added", { name: wine.name }), r));
      setFormKey((k) => k + 1);
      await reload();
      return null;
    } catch (e) {
      return formErrors(e);
    }
  };

  const save = async (original: CatalogWine, edited: CatalogWine): Promise<FormErrors | null> => {
    const plan = planEdit(original, edited, wines ?? []);
    if (plan.kind === "unchanged") {
      closeEditor(original.name);
      return null;
    }
    if (plan.kind === "taken") return { fields: { name: line(() => t("catalog.nameTaken", { name: plan.other.name })) }, general: null };
    let written: WinesWritten;
    try {
      written = await put([edited]);
    } catch (e) {
      return formErrors(e); // nothing changed: the batch is refused whole
    }
    closeEditor(edited.name);
    if (plan.kind === "rename") {
      try {
        await call(`/api/wines/${encodeURIComponent(plan.oldName)}`, { method: "DELETE" });
      } catch (e) {
        // The new entry is saved, the old one is still there: say so, and how to finish.
        setError(line(() => t("catalog.renameHalf", { old: plan.oldName, name: edited.name, reason: errorText(e) })));
        await reload();
        return null;
      }
      say(() => withValues(t("catalog.renamed", { old: plan.oldName, name: edited.name }), written));
    } else {
      say(() => withValues(t("catalog.saved", { name: edited.name }), written));
    }
    await reload();
    focusLater(editSelector(answerKey(edited.name))); // a renamed row is there only now
    return null;
  };

  /** Closes the edit form; focus goes back to the wine's Edit button (under its new name). */
  const closeEditor = (name: string) => {
    setEditing(null);
    focusLater(editSelector(answerKey(name)));
  };

  const restore = async (wine: CatalogWine) => {
    try {
      await put([wine]);
      say(() => t("catalog.restored", { name: wine.name }));
      await reload();
    } catch (e) {
      setError(line(() => t("catalog.restoreFailed", { name: wine.name, reason: errorText(e) })));
    }
  };

  const remove = async (wine: CatalogWine) => {
    const key = answerKey(wine.name);
    setRowErrors((m) => {
      const next = new Map(m);
      next.delete(key);
      return next;
    });
    try {
      await call(`/api/wines/${encodeURIComponent(wine.name)}`, { method: "DELETE" });
    } catch (e) {
      setRowErrors((m) => new Map(m).set(key, failureLine(e)));
      return;
    }
    say(() => t("catalog.deleted", { name: wine.name }));
    focusLater("#catalog-search"); // its row is gone; the search stays where it was
    setToast({
      id: ++toastIds.current,
      message: () => t("catalog.deleted", { name: wine.name }),
      undoLabel: () => t("catalog.undoLabel", { name: wine.name }),
      undo: () => restore(wine),
    });
    await reload();
  };

  const shown = matches.slice(0, limit);

  return (
    <section class="card catalog" aria-labelledby="catalog-h">
      <h2 id="catalog-h">
        {t("catalog.title")} {wines ? <span class="count-pill">{formatNumber(wines.length)}</span> : null}
      </h2>
      <p class="muted small">{t("catalog.intro")}</p>
      {wines ? (
        <div class="catalog-counts">
          <p data-testid="catalog-total">{t("catalog.total", { count: wines.length })}</p>
          <h3 id="by-colour-h">{t("catalog.byColour")}</h3>
          <dl class="count-list" aria-labelledby="by-colour-h">
            {byColour.map(([label, n]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatNumber(n)}</dd>
              </div>
            ))}
          </dl>
          <h3 id="by-country-h">{t("catalog.byCountry")}</h3>
          <dl class="count-list" aria-labelledby="by-country-h">
            {byCountry.map(([label, n]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatNumber(n)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
      <details class="add-wine">
        <summary>{t("catalog.addTitle")}</summary>
        <WineForm key={formKey} idPrefix="new-wine" initial={EMPTY} collection={collection} submitLabel={t("catalog.addWine")} onSubmit={add} />
      </details>
      {/* Under the add form, above the list: where adds, edits and deletions are reported. */}
      <p class="status-line" role="status" data-testid="catalog-status">
        {status?.text() ?? ""}
      </p>
      {error ? (
        <p class="alert" role="alert" data-testid="catalog-error">
          {error.text()}
        </p>
      ) : null}
      <div class="field">
        <label for="catalog-search">{t("catalog.search")}</label>
        <input
          id="catalog-search"
          class="input"
          type="search"
          value={query}
          aria-describedby="catalog-search-hint"
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setLimit(PAGE_ROWS);
          }}
        />
        <span id="catalog-search-hint" class="hint">
          {t("catalog.searchHint")}
        </span>
      </div>
      {wines === null ? (
        <p class="muted">{t("common.loading")}</p>
      ) : (
        <>
          <p class="muted small" data-testid="catalog-shown">
            {t("catalog.shown", { count: shown.length, total: matches.length })}
          </p>
          <ul class="wine-list" aria-label={t("catalog.list")}>
            {shown.map((w) => {
              const key = answerKey(w.name);
              const rowError = rowErrors.get(key);
              return (
                <li key={key} class={editing === key ? "editing" : undefined}>
                  {editing === key ? (
                    <WineForm
                      idPrefix="edit-wine"
                      initial={w}
                      collection={collection}
                      submitLabel={t("catalog.save")}
                      onSubmit={(edited) => save(w, edited)}
                      onCancel={() => closeEditor(w.name)}
                      focusOnMount
                    />
                  ) : (
                    <>
                      <div class="wine-row">
                        <strong class="wine-name">{w.name}</strong>
                        <span class="muted small">{[w.color, w.region, w.grape_variety].join(" · ")}</span>
                      </div>
                      <div class="actions">
                        <button
                          type="button"
                          class="btn btn-secondary btn-small"
                          data-edit={key}
                          onClick={() => setEditing(key)}
                          aria-label={t("catalog.editLabel", { name: w.name })}
                        >
                          {t("catalog.edit")}
                        </button>
                        <button type="button" class="btn btn-danger btn-small" onClick={() => void remove(w)} aria-label={t("catalog.deleteLabel", { name: w.name })}>
                          {t("admin.delete")}
                        </button>
                      </div>
                      {rowError ? (
                        <p class="field-error item-error" role="alert">
                          {rowError.text()}
                        </p>
                      ) : null}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {matches.length > shown.length ? (
            <button type="button" class="btn btn-secondary" onClick={() => setLimit((l) => l + PAGE_ROWS)}>
              {t("catalog.showMore", { count: Math.min(PAGE_ROWS, matches.length - shown.length) })}
            </button>
          ) : null}
        </>
      )}
      <UndoToast toast={toast} onClose={() => setToast(null)} returnFocus="catalog-search" />
    </section>
  );
}
