// The answer values panel: the five categories with their counts, search, add (checked by the
// answer rule before any request), delete with an immediate Undo in the status line.
import { useMemo, useState } from "preact/hooks";
import type { Category } from "../protocol.gen";
import type { AddedValues } from "../answers-api.gen";
import { ApiFailure } from "../lib/api";
import { CATEGORIES } from "../lib/labels";
import { answerProblem, type Problem } from "../lib/validate";
import { formatNumber, t, textOf } from "../i18n";
import { categoryLabel } from "../i18n/wire";
import { failureLine, type AdminCall, type Collection, type Line } from "./shared";

/** A status line, with an optional action button (Undo) beside it. */
export type Report = (text: () => string, action?: { label: string; srLabel: string; run: () => Promise<void> } | null) => void;

interface Props {
  data: Collection | null;
  call: AdminCall;
  report: Report;
  /** Shows a failure of something not tied to a field (in the page's alert line). */
  fail: (e: unknown) => void;
  reload: () => Promise<void>;
}

export function ValuesPanel({ data, call, report, fail, reload }: Props) {
  const [category, setCategory] = useState<Category>("color");
  const [query, setQuery] = useState("");
  const [newValue, setNewValue] = useState("");
  const [addError, setAddError] = useState<Problem | Line | null>(null);

  const shown = useMemo(() => {
    const values = data?.[category] ?? [];
    const q = query.trim().toLowerCase();
    return (q ? values.filter((v) => v.toLowerCase().includes(q)) : values).slice().sort((a, b) => a.localeCompare(b));
  }, [data, category, query]);

  const add = async (e: Event) => {
    e.preventDefault();
    const problem = answerProblem(newValue);
    if (problem) {
      setAddError(problem);
      return;
    }
    setAddError(null);
    try {
      const value = newValue.trim();
      const r = await call<AddedValues>(`/api/answers/${category}`, { method: "POST", json: { value } });
      const key = r?.added?.length ? "admin.added" : "admin.exists";
      const c = category;
      report(() => t(key, { value, category: categoryLabel(c) }));
      setNewValue("");
      await reload();
    } catch (err) {
      if (err instanceof ApiFailure && err.status !== 401) setAddError(failureLine(err));
      else fail(err);
    }
  };

  const restore = async (c: Category, value: string) => {
    try {
      await call(`/api/answers/${c}`, { method: "POST", json: { value } });
      report(() => t("admin.restored", { value, category: categoryLabel(c) }));
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async (value: string) => {
    const c = category;
    try {
      await call(`/api/answers/${c}/${encodeURIComponent(value)}`, { method: "DELETE" });
      report(() => t("admin.deleted", { value, category: categoryLabel(c) }), {
        label: t("admin.undo"),
        srLabel: t("admin.undoLabel", { value }),
        run: () => restore(c, value),
      });
      await reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div class="values-panel">
      <nav aria-label={t("admin.categories")} class="cat-tabs">
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            class={`cat-tab${c === category ? " current" : ""}`}
            aria-pressed={c === category}
            onClick={() => {
              setCategory(c);
              setQuery("");
            }}
          >
            <span>{categoryLabel(c)}</span>
            <span class="cat-count" data-testid={`count-${c}`}>
              {data ? formatNumber(data[c].length) : "…"}
            </span>
          </button>
        ))}
      </nav>
      <section class="card" aria-labelledby="values-h">
        <h2 id="values-h">{categoryLabel(category)}</h2>
        <form class="add-form" onSubmit={(e) => void add(e)} noValidate>
          <div class="field">
            <label for="add-value">{t("admin.addTo", { category: categoryLabel(category) })}</label>
            <div class="inline">
              <input
                id="add-value"
                class="input"
                value={newValue}
                aria-invalid={addError ? "true" : undefined}
                aria-describedby={addError ? "add-err" : undefined}
                onInput={(e) => {
                  setNewValue((e.currentTarget as HTMLInputElement).value);
                  setAddError(null);
                }}
              />
              <button type="submit" class="btn">
                {t("admin.add")}
              </button>
            </div>
            {addError ? (
              <span id="add-err" class="field-error">
                {"text" in addError ? addError.text() : textOf(addError)}
              </span>
            ) : null}
          </div>
        </form>
        <div class="field">
          <label for="search">{t("admin.search", { category: categoryLabel(category) })}</label>
          <input id="search" class="input" type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <p class="muted small">{t("admin.shown", { count: shown.length, total: data?.[category].length ?? 0 })}</p>
        <ul class="value-list" aria-label={t("admin.values", { category: categoryLabel(category) })}>
          {shown.map((v) => (
            <li key={v}>
              <span>{v}</span>
              <button type="button" class="btn btn-danger btn-small" onClick={() => void remove(v)} aria-label={t("admin.deleteLabel", { value: v })}>
                {t("admin.delete")}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
