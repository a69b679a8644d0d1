// Admin page (/admin): log in with the admin secret (checked against the API), then curate the
// wine answers: the five categories with counts, search, add, delete, the suggestions review
// queue (approve or reject), and import/export of the whole collection as JSON.
import "../styles/admin.css";
import "../i18n/staff"; // this page's texts, before it renders
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Category } from "../protocol.gen";
import { TopBar } from "../components/Brand";
import { api, ApiFailure } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { CATEGORIES } from "../lib/labels";
import { answerProblem, type Problem } from "../lib/validate";
import { saveBlob } from "../host/download";
import { formatList, formatNumber, renderPage, t, textOf } from "../i18n";
import { categoryLabel, errorText } from "../i18n/wire";

type Collection = Record<Category, string[]>;

interface Suggestion {
  category: Category;
  value: string;
  count?: number;
}

const SECRET_KEY = "sa:adminSecret";

/** A status or error line, written when shown so it follows the language picker. */
interface Line {
  text: () => string;
}

const failureLine = (e: unknown): Line => ({ text: () => errorText(e) });

function emptyCollection(): Collection {
  return { color: [], region: [], grape_variety: [], vintage_year: [], wine_name: [] };
}

function isCategory(c: unknown): c is Category {
  return typeof c === "string" && (CATEGORIES as string[]).includes(c);
}

/** Reads the review queue whatever its exact envelope (list, `{suggestions}`, or per category). */
function parseSuggestions(body: unknown): Suggestion[] {
  const out: Suggestion[] = [];
  const push = (cat: unknown, item: unknown) => {
    if (typeof item === "string" && isCategory(cat)) out.push({ category: cat, value: item });
    else if (item && typeof item === "object") {
      const o = item as Record<string, unknown>;
      const c = o.category ?? cat;
      if (isCategory(c) && typeof o.value === "string") out.push({ category: c, value: o.value, count: typeof o.count === "number" ? o.count : undefined });
    }
  };
  const walk = (v: unknown, cat?: unknown) => {
    if (Array.isArray(v)) v.forEach((i) => push(cat, i));
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.suggestions)) walk(o.suggestions);
      else if (o.suggestions && typeof o.suggestions === "object") walk(o.suggestions);
      else for (const c of CATEGORIES) if (c in o) walk(o[c], c);
    }
  };
  walk(body);
  return out;
}

function App() {
  const [secret, setSecret] = useState<string | null>(() => sessionStorage.getItem(SECRET_KEY));
  const logout = () => {
    sessionStorage.removeItem(SECRET_KEY);
    setSecret(null);
  };
  return (
    <>
      <TopBar>
        {secret ? (
          <button type="button" class="btn btn-secondary btn-small" onClick={logout}>
            {t("admin.logout")}
          </button>
        ) : null}
      </TopBar>
      <main class="wrap admin">
        {secret ? (
          <Curator secret={secret} onUnauthorized={logout} />
        ) : (
          <Login
            onLogin={(s) => {
              sessionStorage.setItem(SECRET_KEY, s);
              setSecret(s);
            }}
          />
        )}
      </main>
    </>
  );
}

function Login({ onLogin }: { onLogin: (secret: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("login");
  const [value, setValue] = useState("");
  const [error, setError] = useState<Line | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card login" aria-labelledby="login-h">
      <h1 id="login-h" ref={h} tabIndex={-1}>
        {t("admin.loginTitle")}
      </h1>
      <p class="muted">{t("admin.loginIntro")}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!value.trim()) {
            setError({ text: () => t("admin.secretEmpty") });
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await api("/api/admin/session", { bearer: value.trim() });
            onLogin(value.trim());
          } catch (err) {
            setError(err instanceof ApiFailure && (err.status === 401 || err.status === 403) ? { text: () => t("admin.secretWrong") } : failureLine(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div class="field">
          <label for="admin-secret">{t("admin.secret")}</label>
          <input
            id="admin-secret"
            class="input"
            type="password"
            autoComplete="current-password"
            value={value}
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? "admin-secret-err" : undefined}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
          {error ? (
            <span id="admin-secret-err" class="field-error" role="alert">
              {error.text()}
            </span>
          ) : null}
        </div>
        <button type="submit" class="btn btn-big btn-block" disabled={busy}>
          {busy ? t("admin.checking") : t("admin.login")}
        </button>
      </form>
    </section>
  );
}

function Curator({ secret, onUnauthorized }: { secret: string; onUnauthorized: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("curator");
  const [data, setData] = useState<Collection | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [category, setCategory] = useState<Category>("color");
  const [query, setQuery] = useState("");
  const [newValue, setNewValue] = useState("");
  const [addError, setAddError] = useState<Problem | Line | null>(null);
  const [status, setStatusLine] = useState<Line | null>(null);
  const [error, setError] = useState<Line | null>(null);
  const [undo, setUndo] = useState<{ category: Category; value: string } | null>(null);

  /** Shows a status line; only a deletion's line offers Undo. */
  const setStatus = (text: () => string, undoable: { category: Category; value: string } | null = null) => {
    setStatusLine({ text });
    setUndo(undoable);
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiFailure && e.status === 401) onUnauthorized();
    setError(failureLine(e));
  };

  const load = async () => {
    try {
      const all = await api<Partial<Collection>>("/api/answers", { bearer: secret });
      const c = emptyCollection();
      for (const k of CATEGORIES) c[k] = Array.isArray(all[k]) ? all[k] : [];
      setData(c);
      setSuggestions(parseSuggestions(await api<unknown>("/api/suggestions", { bearer: secret })));
    } catch (e) {
      fail(e);
    }
  };
  useEffect(() => {
    void load();
  }, []);

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
      const r = await api<{ added?: string[]; existing?: string[] }>(`/api/answers/${category}`, { method: "POST", bearer: secret, json: { value } });
      const key = r?.added?.length ? "admin.added" : "admin.exists";
      setStatus(() => t(key, { value, category: categoryLabel(category) }));
      setNewValue("");
      await load();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 400) setAddError(failureLine(err));
      else fail(err);
    }
  };

  const remove = async (value: string) => {
    try {
      await api(`/api/answers/${category}/${encodeURIComponent(value)}`, { method: "DELETE", bearer: secret });
      setStatus(() => t("admin.deleted", { value, category: categoryLabel(category) }), { category, value });
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const review = async (s: Suggestion, approve: boolean) => {
    const path = `/api/suggestions/${s.category}/${encodeURIComponent(s.value)}`;
    try {
      await api(approve ? `${path}/approve` : path, { method: approve ? "POST" : "DELETE", bearer: secret });
      setStatus(() => t(approve ? "admin.approved" : "admin.rejected", { value: s.value, category: categoryLabel(s.category) }));
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const exportAll = async () => {
    try {
      const all = await api<unknown>("/api/answers", { bearer: secret });
      saveBlob(new Blob([JSON.stringify(all, null, 2)], { type: "application/json" }), "wine-answers.json");
      setStatus(() => t("admin.exported"));
    } catch (e) {
      fail(e);
    }
  };

  const importFile = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError({ text: () => t("admin.notJson") });
      return;
    }
    if (!parsed || typeof parsed !== "object") {
      setError({ text: () => t("admin.notObject") });
      return;
    }
    let added = 0;
    let existing = 0;
    let skipped = 0;
    try {
      for (const c of CATEGORIES) {
        const raw = (parsed as Record<string, unknown>)[c];
        if (!Array.isArray(raw)) continue;
        const values = raw.filter((v): v is string => typeof v === "string" && answerProblem(v) === null).map((v) => v.trim());
        skipped += raw.length - values.length;
        for (let i = 0; i < values.length; i += 200) {
          const r = await api<{ added?: string[]; existing?: string[] }>(`/api/answers/${c}`, { method: "POST", bearer: secret, json: { values: values.slice(i, i + 200) } });
          added += r?.added?.length ?? 0;
          existing += r?.existing?.length ?? 0;
        }
      }
      setStatus(() => {
        const parts = [t("admin.importAdded", { count: added }), t("admin.importExisting", { count: existing })];
        if (skipped) parts.push(t("admin.importSkipped", { count: skipped }));
        return t("admin.importDone", { parts: formatList(parts) });
      });
      await load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t("admin.title")}
      </h1>
      <div class="status-row">
        <p class="status-line" role="status" data-testid="admin-status">
          {status?.text() ?? ""}
        </p>
        {undo ? (
          <button
            type="button"
            class="btn btn-secondary btn-small"
            onClick={async () => {
              const { category: c, value } = undo;
              setUndo(null);
              try {
                await api(`/api/answers/${c}`, { method: "POST", bearer: secret, json: { value } });
                setStatus(() => t("admin.restored", { value, category: categoryLabel(c) }));
                await load();
              } catch (e) {
                fail(e);
              }
            }}
          >
            <span aria-hidden="true">{t("admin.undo")}</span>
            <span class="sr-only">{t("admin.undoLabel", { value: undo.value })}</span>
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="alert" role="alert">
          {error.text()}
        </p>
      ) : null}
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
      <div class="admin-grid">
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
          <p class="muted small">
            {t("admin.shown", { count: shown.length, total: data?.[category].length ?? 0 })}
          </p>
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
        <div>
          <section class="card" aria-labelledby="sugg-h">
            <h2 id="sugg-h">
              {t("admin.review")} {suggestions ? <span class="count-pill">{formatNumber(suggestions.length)}</span> : null}
            </h2>
            {suggestions === null ? (
              <p class="muted">{t("common.loading")}</p>
            ) : suggestions.length === 0 ? (
              <p class="muted">{t("admin.noSuggestions")}</p>
            ) : (
              <ul class="sugg-list">
                {suggestions.map((s) => (
                  <li key={`${s.category}:${s.value}`}>
                    <div>
                      <strong>{s.value}</strong>
                      <span class="muted small">
                        {" "}
                        · {categoryLabel(s.category)}
                        {s.count && s.count > 1 ? ` · ${t("admin.proposed", { count: s.count })}` : ""}
                      </span>
                    </div>
                    <div class="actions">
                      <button type="button" class="btn btn-small" onClick={() => void review(s, true)} aria-label={t("admin.approveLabel", { value: s.value })}>
                        {t("admin.approve")}
                      </button>
                      <button type="button" class="btn btn-danger btn-small" onClick={() => void review(s, false)} aria-label={t("admin.rejectLabel", { value: s.value })}>
                        {t("admin.reject")}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="io-h">
            <h2 id="io-h">{t("admin.io")}</h2>
            <p class="muted small">{t("admin.ioHelp")}</p>
            <div class="actions">
              <button type="button" class="btn btn-secondary" onClick={() => void exportAll()}>
                {t("admin.export")}
              </button>
              <label class="btn btn-secondary file-btn">
                {t("admin.import")}
                <input
                  type="file"
                  accept="application/json,.json"
                  class="sr-only"
                  onChange={(e) => {
                    const input = e.currentTarget as HTMLInputElement;
                    const f = input.files?.[0];
                    if (f) void importFile(f).finally(() => (input.value = ""));
                  }}
                />
              </label>
            </div>
          </section>
        </div>
      </div>
    </>
  );
}

renderPage(() => <App />);
