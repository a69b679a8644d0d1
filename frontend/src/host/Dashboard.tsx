// The host's dashboard: this host's sessions from the server (active ones with Open, past ones
// with results and export, each with "Run again"), delete, and the ways to a new tasting:
// the form, or a sample tasting poured from the catalog.
import { useEffect, useState } from "preact/hooks";
import type { HostSessionSummary, TastingInput } from "../protocol.gen";
import { api } from "../lib/api";
import type { DeleteSessionReply, HostSessionsReply } from "../api.gen";
import { useScreenHeading } from "../lib/a11y";
import { formatDateTime, formatNumber, t, type MessageKey } from "../i18n";
import { errorText, titleText } from "../i18n/wire";
import type { Draft } from "../lib/validate";
import { downloadResults } from "./download";
import { draftFromInput } from "./fill";
import "../i18n/staff"; // the host-only texts this module shows

type SessionSummary = HostSessionSummary;

function isPast(s: SessionSummary): boolean {
  return s.status === "ended";
}

function when(s: SessionSummary): string {
  return Number.isFinite(s.created) && !Number.isNaN(new Date(s.created).getTime()) ? formatDateTime(s.created) : "";
}

function statusKey(s: SessionSummary): MessageKey {
  if (s.status === "ended") return s.endReason && s.endReason !== "completed" ? "dash.endedEarly" : "dash.finished";
  if (s.status === "lobby") return "dash.inLobby";
  return s.phase === "question_paused" ? "dash.runningPaused" : "dash.running";
}

/** How long finished tastings are kept (the worker's RETENTION_MS default). */
const RETENTION_DAYS = 7;

interface Props {
  hostKey: string;
  /** The key this browser hosted with before the last switch, if any. */
  previousKey?: string | null;
  onSwitchBack?: () => void;
  onNew: () => void;
  onSample: () => void;
  /** A session's tasting, as a new draft for the form. */
  onRunAgain: (draft: Draft) => void;
  onOpen: (code: string) => void;
}

export function Dashboard({ hostKey, previousKey, onSwitchBack, onNew, onSample, onRunAgain, onOpen }: Props) {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  // Errors are kept as they came and written when shown, so they follow the language picker.
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(0);
  const [runFailure, setRunFailure] = useState<{ code: string; failure: unknown } | null>(null);
  const h = useScreenHeading<HTMLHeadingElement>("dashboard");

  const load = () =>
    api<HostSessionsReply>("/api/host/sessions", { bearer: hostKey })
      .then((r) => {
        setSessions(r.sessions);
        setUnavailable(r.unavailable);
        setError(null);
      })
      .catch((e: unknown) => {
        setSessions([]);
        setError({ failure: e });
      });
  useEffect(() => {
    void load();
  }, [hostKey]);

  const remove = async (code: string) => {
    try {
      await api<DeleteSessionReply>(`/api/sessions/${code}`, { method: "DELETE", bearer: hostKey });
      setDeleted(code);
      setConfirming(null);
      await load();
    } catch (e) {
      setError({ failure: e });
    }
  };

  const runAgain = async (code: string) => {
    try {
      const tasting = await api<TastingInput>(`/api/sessions/${code}/tasting`, { bearer: hostKey });
      onRunAgain(draftFromInput(tasting));
    } catch (e) {
      setRunFailure({ code, failure: e });
    }
  };

  const active = (sessions ?? []).filter((s) => !isPast(s));
  const past = (sessions ?? []).filter(isPast);

  const row = (s: SessionSummary) => (
    <li key={s.code} class="session-row" data-code={s.code}>
      <div class="session-main">
        <span class="session-code" aria-label={t("dash.code", { code: s.code })}>
          {s.code}
        </span>
        <div>
          <strong class="session-title">{titleText(s.title, s.titleIsDefault) || t("common.untitled")}</strong>
          <div class="muted small">
            {t(statusKey(s))}
            {` · ${t("dash.players", { count: s.participantCount })}`}
            {when(s) ? ` · ${when(s)}` : ""}
          </div>
          {s.podium.length ? (
            <div class="small podium-line">
              {s.podium.slice(0, 3).map((p) => (
                <span key={p.pseudonym}>
                  {formatNumber(p.rank)}. {p.pseudonym} ({formatNumber(p.score)})
                </span>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      <div class="actions">
        {isPast(s) ? (
          <>
            <button type="button" class="btn btn-secondary btn-small" onClick={() => onOpen(s.code)}>
              {t("dash.results")}
              <span class="sr-only"> {t("dash.ofCode", { code: s.code })}</span>
            </button>
            <button type="button" class="btn btn-secondary btn-small" onClick={() => void downloadResults(s.code, hostKey, "csv").catch((e: unknown) => setError({ failure: e }))}>
              {t("dash.exportCsv")}
              <span class="sr-only"> {t("dash.ofCode", { code: s.code })}</span>
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-small" onClick={() => onOpen(s.code)}>
            {t("dash.open")}
            <span class="sr-only"> {s.code}</span>
          </button>
        )}
        <button type="button" class="btn btn-secondary btn-small" onClick={() => void runAgain(s.code)}>
          {t("dash.runAgain")}
          <span class="sr-only"> {t("dash.ofCode", { code: s.code })}</span>
        </button>
        {confirming === s.code ? (
          <>
            <button type="button" class="btn btn-danger btn-small" onClick={() => void remove(s.code)}>
              {t("dash.confirmDelete")}
              <span class="sr-only"> {s.code}</span>
            </button>
            <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirming(null)}>
              {t("common.cancel")}
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-danger btn-small" onClick={() => setConfirming(s.code)}>
            {t("dash.delete")}
            <span class="sr-only"> {s.code}</span>
          </button>
        )}
      </div>
    </li>
  );

  return (
    <div class="wrap">
      <div class="dash-head">
        <h1 ref={h} tabIndex={-1}>
          {t("dash.title")}
        </h1>
        <div class="actions">
          <button type="button" class="btn btn-secondary" onClick={onSample}>
            {t("sample.try")}
          </button>
          <button type="button" class="btn btn-big" onClick={onNew}>
            {t("dash.new")}
          </button>
        </div>
      </div>
      {previousKey && onSwitchBack ? (
        <p class="notice key-back" data-testid="key-back">
          {t("dash.keyBack")}{" "}
          <button type="button" class="linklike" onClick={onSwitchBack}>
            {t("dash.switchBack")}
          </button>
        </p>
      ) : null}
      {deleted ? (
        <p class="notice" role="status">
          {t("dash.deleted", { code: deleted })}
        </p>
      ) : null}
      {unavailable ? (
        <p class="notice" role="status" data-testid="unavailable">
          {t("dash.unavailable", { count: unavailable })}
        </p>
      ) : null}
      {runFailure ? (
        <p class="alert" role="alert">
          {t("dash.runAgainFailed", { code: runFailure.code, reason: errorText(runFailure.failure) })}
        </p>
      ) : null}
      {error ? (
        <p class="alert" role="alert">
          {errorText(error.failure)}
        </p>
      ) : null}
      {sessions === null ? (
        <p class="muted" role="status">
          {t("dash.loading")}
        </p>
      ) : sessions.length === 0 ? (
        <section class="card empty">
          <h2>{t("dash.emptyTitle")}</h2>
          <p class="muted">{t("dash.emptyIntro")}</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="active-h" class="card">
            <h2 id="active-h">{t("dash.active")}</h2>
            {active.length ? <ul class="session-list">{active.map(row)}</ul> : <p class="muted">{t("dash.nothingActive")}</p>}
          </section>
          <section aria-labelledby="past-h" class="card">
            <h2 id="past-h">{t("dash.past")}</h2>
            {past.length ? <ul class="session-list">{past.map(row)}</ul> : <p class="muted">{t("dash.pastHint", { count: RETENTION_DAYS })}</p>}
          </section>
        </>
      )}
    </div>
  );
}
