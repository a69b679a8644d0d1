// The admin page's shell: log in with the admin secret (checked against the API, kept for the
// tab's session only), then the curator: the status line shared by the values and proposals
// panels, the answer values, the review queue, import and export, and the wine catalog.
// It loads the collection, the catalog and the queue, and reloads them after every write.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { CatalogWine, SuggestionQueue, WineList } from "../answers-api.gen";
import { TopBar } from "../components/Brand";
import { api, ApiFailure } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { t } from "../i18n";
import { adminCall, failureLine, line, toCollection, type Collection, type Line } from "./shared";
import { ValuesPanel, type Report } from "./ValuesPanel";
import { ProposalsPanel } from "./ProposalsPanel";
import { ImportExportPanel } from "./ImportExportPanel";
import { CatalogPanel } from "./CatalogPanel";

const SECRET_KEY = "sa:adminSecret";

export function AdminApp() {
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
            setError(line(() => t("admin.secretEmpty")));
            return;
          }
          setBusy(true);
          setError(null);
          try {
            await api("/api/admin/session", { bearer: value.trim() });
            onLogin(value.trim());
          } catch (err) {
            setError(err instanceof ApiFailure && (err.status === 401 || err.status === 403) ? line(() => t("admin.secretWrong")) : failureLine(err));
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

interface StatusAction {
  label: string;
  srLabel: string;
  run: () => Promise<void>;
}

function Curator({ secret, onUnauthorized }: { secret: string; onUnauthorized: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("curator");
  const call = useMemo(() => adminCall(secret, onUnauthorized), [secret]);
  const [data, setData] = useState<Collection | null>(null);
  const [wines, setWines] = useState<CatalogWine[] | null>(null);
  const [queue, setQueue] = useState<SuggestionQueue | null>(null);
  const [status, setStatus] = useState<Line | null>(null);
  const [action, setAction] = useState<StatusAction | null>(null);
  const [error, setError] = useState<Line | null>(null);

  const report: Report = (text, act = null) => {
    setStatus(line(text));
    setAction(act);
    setError(null);
  };
  const fail = (e: unknown) => setError(failureLine(e));

  // Admin reads carry the bearer, so the worker skips its 30 s cache: the page sees its own writes.
  const loadValues = async () => setData(toCollection(await call<Partial<Collection>>("/api/answers")));
  const loadWines = async () => setWines((await call<WineList>("/api/wines")).wines);
  const loadQueue = async () => setQueue(await call<SuggestionQueue>("/api/suggestions"));
  const reloadAll = async () => {
    try {
      await Promise.all([loadValues(), loadWines(), loadQueue()]);
    } catch (e) {
      fail(e);
    }
  };
  useEffect(() => {
    void reloadAll();
  }, []);

  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t("admin.title")}
      </h1>
      <nav class="jump-links" aria-label={t("admin.sections")}>
        <a href="#values-h">{t("admin.sectionValues")}</a>
        <a href="#sugg-h">{t("admin.review")}</a>
        <a href="#io-h">{t("admin.io")}</a>
        <a href="#catalog-h">{t("catalog.title")}</a>
      </nav>
      <div class="status-row">
        <p class="status-line" role="status" data-testid="admin-status">
          {status?.text() ?? ""}
        </p>
        {action ? (
          <button
            type="button"
            class="btn btn-secondary btn-small"
            onClick={() => {
              const run = action.run;
              setAction(null);
              void run();
            }}
          >
            <span aria-hidden="true">{action.label}</span>
            <span class="sr-only">{action.srLabel}</span>
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="alert" role="alert">
          {error.text()}
        </p>
      ) : null}
      <div class="admin-grid">
        <ValuesPanel data={data} call={call} report={report} fail={fail} reload={loadValues} />
        <div>
          <ProposalsPanel queue={queue} wines={wines} call={call} report={report} reload={reloadAll} />
          <ImportExportPanel call={call} reload={reloadAll} />
        </div>
      </div>
      <CatalogPanel
        wines={wines}
        collection={data}
        call={call}
        reload={async () => {
          try {
            await Promise.all([loadWines(), loadValues()]);
          } catch (e) {
            fail(e);
          }
        }}
      />
    </>
  );
}
