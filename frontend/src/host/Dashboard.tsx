// The host's dashboard: this host's sessions from the server (active ones with Open, past ones
// with results and export), delete, and the way to a new tasting.
import { useEffect, useState } from "preact/hooks";
import type { HostSessionSummary } from "../protocol.gen";
import { api, ApiFailure } from "../lib/api";
import type { DeleteSessionReply, HostSessionsReply } from "../api.gen";
import { useScreenHeading } from "../lib/a11y";
import { downloadResults } from "./download";

type SessionSummary = HostSessionSummary;

function isPast(s: SessionSummary): boolean {
  return s.status === "ended";
}

function when(s: SessionSummary): string {
  const d = new Date(s.created);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

function statusLabel(s: SessionSummary): string {
  if (s.status === "ended") return s.endReason && s.endReason !== "completed" ? "Ended early" : "Finished";
  if (s.status === "lobby") return "In the lobby";
  return s.phase === "question_paused" ? "Running (paused)" : "Running";
}

interface Props {
  hostKey: string;
  /** The key this browser hosted with before the last switch, if any. */
  previousKey?: string | null;
  onSwitchBack?: () => void;
  onNew: () => void;
  onOpen: (code: string) => void;
}

export function Dashboard({ hostKey, previousKey, onSwitchBack, onNew, onOpen }: Props) {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(0);
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
        setError(e instanceof ApiFailure ? e.message : "Could not load your tastings.");
      });
  useEffect(() => {
    void load();
  }, [hostKey]);

  const remove = async (code: string) => {
    try {
      await api<DeleteSessionReply>(`/api/sessions/${code}`, { method: "DELETE", bearer: hostKey });
      setMessage(`Tasting ${code} deleted.`);
      setConfirming(null);
      await load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : "Delete failed.");
    }
  };

  const active = (sessions ?? []).filter((s) => !isPast(s));
  const past = (sessions ?? []).filter(isPast);

  const row = (s: SessionSummary) => (
    <li key={s.code} class="session-row" data-code={s.code}>
      <div class="session-main">
        <span class="session-code" aria-label={`Code ${s.code}`}>
          {s.code}
        </span>
        <div>
          <strong class="session-title">{s.title || "Untitled tasting"}</strong>
          <div class="muted small">
            {statusLabel(s)}
            {` · ${s.participantCount} ${s.participantCount === 1 ? "player" : "players"}`}
            {when(s) ? ` · ${when(s)}` : ""}
          </div>
          {s.podium.length ? (
            <div class="small podium-line">
              {s.podium.slice(0, 3).map((p) => (
                <span key={p.pseudonym}>
                  {p.rank}. {p.pseudonym} ({p.score})
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
              Results<span class="sr-only"> of {s.code}</span>
            </button>
            <button type="button" class="btn btn-secondary btn-small" onClick={() => void downloadResults(s.code, hostKey, "csv").catch((e: Error) => setError(e.message))}>
              Export CSV<span class="sr-only"> of {s.code}</span>
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-small" onClick={() => onOpen(s.code)}>
            Open<span class="sr-only"> {s.code}</span>
          </button>
        )}
        {confirming === s.code ? (
          <>
            <button type="button" class="btn btn-danger btn-small" onClick={() => void remove(s.code)}>
              Confirm delete<span class="sr-only"> {s.code}</span>
            </button>
            <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" class="btn btn-danger btn-small" onClick={() => setConfirming(s.code)}>
            Delete<span class="sr-only"> {s.code}</span>
          </button>
        )}
      </div>
    </li>
  );

  return (
    <div class="wrap">
      <div class="dash-head">
        <h1 ref={h} tabIndex={-1}>
          Your tastings
        </h1>
        <button type="button" class="btn btn-big" onClick={onNew}>
          + New tasting
        </button>
      </div>
      {previousKey && onSwitchBack ? (
        <p class="notice key-back" data-testid="key-back">
          This browser switched host keys; your previous key is kept.{" "}
          <button type="button" class="linklike" onClick={onSwitchBack}>
            Switch back to your previous host key
          </button>
        </p>
      ) : null}
      {message ? (
        <p class="notice" role="status">
          {message}
        </p>
      ) : null}
      {unavailable ? (
        <p class="notice" role="status" data-testid="unavailable">
          {unavailable} {unavailable === 1 ? "tasting" : "tastings"} could not be read right now; they stay in your list. Reload to try again.
        </p>
      ) : null}
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : null}
      {sessions === null ? (
        <p class="muted" role="status">
          Loading your tastings…
        </p>
      ) : sessions.length === 0 ? (
        <section class="card empty">
          <h2>No tastings yet</h2>
          <p class="muted">Create your first blind tasting: add wines, pick answers, share the code.</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="active-h" class="card">
            <h2 id="active-h">Active</h2>
            {active.length ? <ul class="session-list">{active.map(row)}</ul> : <p class="muted">Nothing running right now.</p>}
          </section>
          <section aria-labelledby="past-h" class="card">
            <h2 id="past-h">Past tastings</h2>
            {past.length ? <ul class="session-list">{past.map(row)}</ul> : <p class="muted">Finished tastings stay here for 7 days.</p>}
          </section>
        </>
      )}
    </div>
  );
}
