// The host's live session: lobby (code, QR, link, share, players, kick, start, edit), question
// (countdown, pause/resume, reveal, who answered), reveal (distribution, each player's points),
// leaderboards, the wine reveal card, the final podium with export, and device hand-over.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ClientMessage, ErrorCode, HostParticipant, QuestionView } from "../protocol.gen";
import { useSessionSocket } from "../lib/useSessionSocket";
import { applyHost, INITIAL_HOST, nextLabel, type HostState } from "../lib/hostState";
import { useScreenHeading } from "../lib/a11y";
import { LETTERS } from "../lib/labels";
import { formatNumber, t, tx, type MessageKey } from "../i18n";
import { categoryLabel, categoryPrompt, endReasonText, errorText, titleText } from "../i18n/wire";
import { hostDeviceLink, joinLink, screenDeviceLink, setHostHandle } from "../lib/storage";
import { everyoneAnswered } from "../screen/controls";
import { QrCode } from "../lib/qr";
import { draftToInput, fieldErrorMap, type Draft, type Problem } from "../lib/validate";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { Countdown } from "../components/Countdown";
import { Distribution } from "../components/Distribution";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { Podium } from "../components/Podium";
import { CopyButton } from "../components/CopyButton";
import { PauseIcon } from "../components/Icons";
import { EndButton } from "./EndButton";
import { PhoneBar } from "./PhoneBar";
import { TastingForm, type Suggestions } from "./TastingForm";
import { draftFromTasting, proposeCustomAnswers } from "./suggest";
import { downloadResults } from "./download";
import { PalateTable } from "./PalateTable";
import "../i18n/staff"; // the host-only texts this module shows

const FATAL: Partial<Record<ErrorCode, MessageKey>> = {
  INVALID_HOST_KEY: "session.notHostKey",
  SESSION_NOT_FOUND: "session.gone",
  NOT_HOST: "error.INVALID_HOST_KEY",
};

/** A status line: a message key, or a refusal written from its code when shown. */
type Flash = { key: MessageKey } | { refused: unknown };

interface Props {
  code: string;
  hostKey: string;
  suggestions: Suggestions;
  onHandle: (h: string) => void;
  onDashboard: () => void;
}

export function SessionView({ code, hostKey, suggestions, onHandle, onDashboard }: Props) {
  const [state, setState] = useState<HostState>(INITIAL_HOST);
  const [fatal, setFatal] = useState<MessageKey | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [editing, setEditing] = useState(false);
  const [editErrors, setEditErrors] = useState<Map<string, Problem>>(new Map());
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const socket = useSessionSocket({
    code,
    keys: [hostKey],
    identify: () => ({ type: "rejoin_host", hostKey }),
    fatal: FATAL,
    onFatal: setFatal,
    onMessage: (msg, sock) => {
      if (msg.type === "error") {
        if (msg.code === "INVALID_TASTING" && savingRef.current) {
          savingRef.current = false;
          setSaving(false);
          setEditErrors(fieldErrorMap(msg.fields ?? []));
          setFlash({ key: "host.refusedFields" });
          return;
        }
        savingRef.current = false;
        setSaving(false);
        console.warn(`server refused: ${msg.code} ${msg.message}`);
        setFlash({ refused: msg });
        return;
      }
      if (msg.type === "host:session_updated" && savingRef.current) {
        savingRef.current = false;
        setSaving(false);
        setEditing(false);
        setFlash({ key: "session.updated" });
      }
      if (msg.type === "host:state_snapshot" && msg.hostHandle) {
        setHostHandle(msg.hostHandle);
        onHandle(msg.hostHandle);
      }
      const clock = sock.localDeadline.bind(sock);
      setState((s) => applyHost(s, msg, clock));
    },
  });
  const status = socket.status;

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 5000);
    return () => clearTimeout(t);
  }, [flash]);
  // A status line belongs to the screen it was shown on.
  useEffect(() => setFlash(null), [state.phase, state.question?.questionId]);

  const send = (msg: ClientMessage) => {
    if (!socket.send(msg)) setFlash({ key: "session.offline" });
  };

  if (fatal) {
    return (
      <div class="wrap">
        <h1>{t("session.cantOpen", { code })}</h1>
        <p class="alert" role="alert">
          {t(fatal)}
        </p>
        <button type="button" class="btn" onClick={onDashboard}>
          {t("session.back")}
        </button>
      </div>
    );
  }

  const saveEdit = (draft: Draft) => {
    savingRef.current = true;
    setSaving(true);
    setEditErrors(new Map());
    send({ type: "update_session", tasting: draftToInput(draft) });
    void proposeCustomAnswers(draft, suggestions);
  };

  return (
    <>
      <ConnectionBanner status={status} onResume={socket.resume} />
      <div class="wrap host-session">
        <SessionBar state={state} code={code} hostKey={hostKey} onEnd={() => send({ type: "host:end" })} />
        {flash ? (
          <p class="notice" role="status">
            {"key" in flash ? t(flash.key) : errorText(flash.refused)}
          </p>
        ) : null}
        {!state.ready ? (
          <p class="muted" role="status">
            <span class="spinner" aria-hidden="true" /> {t("session.opening", { code })}
          </p>
        ) : editing && state.phase === "waiting" && state.tasting ? (
          <EditScreen
            state={state}
            suggestions={suggestions}
            errors={editErrors}
            saving={saving}
            onSave={saveEdit}
            onCancel={() => {
              setEditing(false);
              setEditErrors(new Map());
            }}
          />
        ) : (
          // While the socket is down the game's commands cannot go out: disable them (the
          // banner says why) rather than let a click vanish.
          <fieldset class="bare-fieldset" disabled={status !== "open" && state.phase !== "ended"}>
            <PhaseScreen state={state} code={code} hostKey={hostKey} send={send} onEdit={() => setEditing(true)} onDashboard={onDashboard} />
            <PhoneBar state={state} code={code} hostKey={hostKey} send={send} onEdit={() => setEditing(true)} />
          </fieldset>
        )}
      </div>
    </>
  );
}

function SessionBar({ state, code, hostKey, onEnd }: { state: HostState; code: string; hostKey: string; onEnd: () => void }) {
  const [device, setDevice] = useState(false);
  const link = hostDeviceLink(hostKey, code);
  const tvLink = screenDeviceLink(hostKey, code);
  return (
    <div class="session-bar">
      <div class="session-bar-info">
        <span class="session-bar-code">
          {tx("session.code", { code: <strong>{code}</strong> })}
        </span>
        {state.tasting ? <span class="session-bar-title">{titleText(state.tasting.title, state.titleIsDefault)}</span> : null}
      </div>
      <div class="actions desk-only">
        <a class="btn btn-secondary btn-small" href={`/screen?code=${code}`} target="_blank" rel="noopener">
          {t("session.projector")}
        </a>
        <button type="button" class="btn btn-secondary btn-small" aria-expanded={device} aria-controls="device-panel" onClick={() => setDevice(!device)}>
          {t("play.otherDevice")}
        </button>
        {state.phase !== "ended" ? <EndButton onEnd={onEnd} small /> : null}
      </div>
      {device ? (
        <section id="device-panel" class="card device-panel" aria-labelledby="device-h">
          <h2 id="device-h">{t("play.otherDevice")}</h2>
          <p class="muted">{t("session.deviceText")}</p>
          <div class="device-grid">
            <QrCode text={link} label={t("session.deviceQr")} class="qr qr-small" />
            <div class="device-link-box">
              <label for="host-device-link">{t("session.deviceLink")}</label>
              <input id="host-device-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={link} label={t("play.copyPrivate")} />
              <label for="host-tv-link">{t("session.tvLink")}</label>
              <input id="host-tv-link" class="input" readOnly value={tvLink} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={tvLink} label={t("session.copyTv")} />
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function EditScreen(props: { state: HostState; suggestions: Suggestions; errors: Map<string, Problem>; saving: boolean; onSave: (d: Draft) => void; onCancel: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("edit");
  return (
    <section aria-labelledby="edit-h">
      <h1 id="edit-h" ref={h} tabIndex={-1}>
        {t("form.editLabel")}
      </h1>
      <p class="muted">{t("session.editIntro")}</p>
      <TastingForm
        // The server's default title stays blank in the form: saving gives a fresh default.
        initial={{ ...draftFromTasting(props.state.tasting!), ...(props.state.titleIsDefault ? { title: "" } : {}) }}
        suggestions={props.suggestions}
        mode="edit"
        serverErrors={props.errors}
        busy={props.saving}
        onSubmit={props.onSave}
        onCancel={props.onCancel}
      />
    </section>
  );
}

interface PhaseProps {
  state: HostState;
  code: string;
  hostKey: string;
  send: (m: ClientMessage) => void;
  onEdit: () => void;
  onDashboard: () => void;
}

function PhaseScreen(p: PhaseProps) {
  switch (p.state.phase) {
    case "waiting":
      return <Lobby {...p} />;
    case "question_open":
    case "question_paused":
      return p.state.question ? <Question {...p} question={p.state.question} /> : null;
    case "question_revealed":
      return <Reveal {...p} />;
    case "question_leaderboard":
    case "round_leaderboard":
      return <Board {...p} />;
    case "ended":
      return <Final {...p} />;
  }
}

function Lobby({ state, code, send, onEdit }: PhaseProps) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const link = joinLink(code);
  const [shared, setShared] = useState(false);
  const canShare = typeof navigator.share === "function";
  const players = state.participants;
  const max = state.tasting?.maxParticipants ?? 0;
  return (
    <section aria-labelledby="lobby-h" class="host-lobby">
      <div class="lobby-grid">
        <div class="card lobby-join">
          <h1 id="lobby-h" ref={h} tabIndex={-1}>
            {t("session.lobby")}
          </h1>
          <p class="muted">{t("session.joinAt", { host: location.host })}</p>
          <p class="code-big" data-testid="session-code" aria-label={t("session.code", { code: code.split("").join(" ") })}>
            {code}
          </p>
          <QrCode text={link} label={t("session.qr", { code })} />
          <div class="actions spaced-sm">
            <CopyButton text={link} label={t("session.copyJoin")} />
            {canShare ? (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                onClick={() =>
                  navigator
                    .share({ title: state.tasting ? titleText(state.tasting.title, state.titleIsDefault) : "Sommelier Arena", text: t("session.shareText", { code }), url: link })
                    .then(() => setShared(true))
                    .catch(() => setShared(false))
                }
              >
                {t("session.share")}
              </button>
            ) : null}
          </div>
          {shared ? <p role="status">{t("session.shared")}</p> : null}
        </div>
        <div class="card lobby-players">
          <h2>
            {t("session.players")} <span class="count-pill" data-testid="participant-count">{players.length}{max ? ` / ${max}` : ""}</span>
          </h2>
          <p class="sr-only" aria-live="polite">
            {t("play.joined", { count: players.length })}
          </p>
          {players.length === 0 ? (
            <p class="muted">{t("session.waitingFirst")}</p>
          ) : (
            <ul class="player-list">
              {players.map((pl) => (
                <PlayerItem key={pl.pseudonym} p={pl} onKick={() => send({ type: "host:kick", pseudonym: pl.pseudonym })} />
              ))}
            </ul>
          )}
          <div class="lock-row">
            <button
              type="button"
              class="btn btn-secondary btn-small desk-only"
              aria-pressed={state.locked}
              onClick={() => send({ type: state.locked ? "host:unlock" : "host:lock" })}
              data-testid="lock"
            >
              {state.locked ? t("session.unlockLobby") : t("session.lockLobby")}
            </button>
            <span class="hint" role="status" data-testid="lock-status">
              {state.locked ? t("session.lockedHint") : t("session.openHint")}
            </span>
          </div>
          <div class="actions spaced-sm desk-only">
            <button type="button" class="btn btn-big" disabled={players.length === 0} onClick={() => send({ type: "host:start" })} aria-describedby={players.length === 0 ? "start-hint" : undefined}>
              <span aria-hidden="true">▶ </span>
              {t("session.start")}
            </button>
            <button type="button" class="btn btn-secondary" onClick={onEdit}>
              {t("form.editLabel")}
            </button>
          </div>
          {players.length === 0 ? (
            <p id="start-hint" class="hint">
              {t("session.startHint")}
            </p>
          ) : null}
          <p class="hint tv-hint" data-testid="tv-hint">
            {tx("session.tvHint", {
              link: (
                <a href={`/screen?code=${code}`} target="_blank" rel="noopener">
                  {t("session.tvHintLink")}
                </a>
              ),
            })}
          </p>
          {state.tasting ? (
            <p class="hint">
              {t("session.wines", { count: state.tasting.wines.length })} · {t("session.perQuestion", { time: t("common.secondsShort", { count: state.tasting.timerSeconds }) })}
            </p>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function PlayerItem({ p, onKick }: { p: HostParticipant; onKick: () => void }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <li class={`player ${p.online ? "online" : "offline"}`} data-pseudonym={p.pseudonym}>
      <span class="presence" aria-hidden="true" />
      <span class="player-name">{p.pseudonym}</span>
      <span class="presence-text">{p.online ? t("session.online") : t("session.offlineTag")}</span>
      {confirm ? (
        <>
          <button type="button" class="btn btn-danger btn-small" onClick={onKick} aria-label={t("session.removeLabel", { name: p.pseudonym })}>
            {t("session.remove")}
          </button>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(false)}>
            {t("session.keep")}
          </button>
        </>
      ) : (
        <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(true)} aria-label={t("session.kickLabel", { name: p.pseudonym })}>
          {t("session.kick")}
        </button>
      )}
    </li>
  );
}

function Progress({ state }: { state: HostState }) {
  return (
    <p class="progress-label">
      {t("session.progress", { n: state.roundIndex + 1, total: state.totalRounds, q: state.questionIndex + 1, questions: state.totalQuestions || "?" })}
    </p>
  );
}

function Question({ state, send, question }: PhaseProps & { question: QuestionView }) {
  const h = useScreenHeading<HTMLHeadingElement>(`q-${question.questionId}`);
  const paused = state.phase === "question_paused";
  const [showAnswer, setShowAnswer] = useState(false);
  const correctId = state.tasting?.wines[question.roundIndex]?.questions[question.questionIndex]?.correctOptionId;
  const answered = new Set(state.answered);
  const total = state.participants.length;
  return (
    <section aria-labelledby="hq-h" class="host-question">
      <div class="question-top">
        <div>
          <Progress state={state} />
          <span class="category-chip">{categoryLabel(question.category)}</span>
          <h1 id="hq-h" ref={h} tabIndex={-1} class="prompt">
            {categoryPrompt(question.category)}
          </h1>
        </div>
        <Countdown timer={state.timer} paused={paused} size="lg" />
      </div>
      {paused ? (
        <p class="notice" role="status" data-testid="host-paused">
          <PauseIcon /> {t("session.pausedNote")}
        </p>
      ) : null}
      <ol class="host-options">
        {question.options.map((o, i) => (
          <li key={o.id} class={`host-option opt-${i}${showAnswer && o.id === correctId ? " correct" : ""}`}>
            <span class="opt-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span class="opt-text">{o.text}</span>
            {showAnswer && o.id === correctId ? (
              <span class="badge badge-correct">
                <span aria-hidden="true">✓ </span>
                {t("dist.correct")}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <div class="actions control-row">
        {paused ? (
          <button type="button" class="btn btn-big desk-only" onClick={() => send({ type: "host:resume" })}>
            <span aria-hidden="true">▶ </span>
            {t("session.resume")}
          </button>
        ) : (
          <button type="button" class="btn btn-big btn-secondary desk-only" onClick={() => send({ type: "host:pause" })}>
            <PauseIcon /> {t("session.pause")}
          </button>
        )}
        <button type="button" class="btn btn-big desk-only" onClick={() => send({ type: "host:reveal" })} data-testid="reveal-button">
          {t("session.reveal")}
          {everyoneAnswered(state) ? <span class="all-answered"> {t("session.everyone")}</span> : null}
        </button>
        <label class="toggle">
          <input type="checkbox" checked={showAnswer} onChange={(e) => setShowAnswer((e.currentTarget as HTMLInputElement).checked)} /> {t("session.showAnswer")}
        </label>
      </div>
      <section class="card" aria-labelledby="answered-h">
        <h2 id="answered-h">
          {tx("session.answered", { count: <span data-testid="answered-count">{formatNumber(answered.size)}</span>, total }, answered.size)}
        </h2>
        <ul class="answered-list">
          {state.participants.map((p) => (
            <li key={p.pseudonym} class={answered.has(p.pseudonym) ? "has-answered" : "waiting"}>
              <span aria-hidden="true">{answered.has(p.pseudonym) ? "✓" : "…"}</span> {p.pseudonym}
              <span class="sr-only"> {answered.has(p.pseudonym) ? t("session.hasAnswered") : t("session.notAnswered")}</span>
              {!p.online ? <span class="muted small"> {t("session.offlineParen")}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function Reveal({ state, send }: PhaseProps) {
  const r = state.reveal;
  const q = state.question;
  const h = useScreenHeading<HTMLHeadingElement>(`r-${r?.questionId ?? ""}`);
  if (!r) return null;
  const options = q?.options ?? state.tasting?.wines.flatMap((w) => w.questions).find((x) => x.questionId === r.questionId)?.options ?? [];
  const text = (id: string | null) => (id ? (options.find((o) => o.id === id)?.text ?? "?") : t("session.noAnswer"));
  const correct = options.find((o) => o.id === r.correctOptionId);
  return (
    <section aria-labelledby="hr-h" data-testid="host-reveal">
      <Progress state={state} />
      <h1 id="hr-h" ref={h} tabIndex={-1}>
        {t("session.answerIs", { answer: correct?.text ?? "?" })}
      </h1>
      {q ? <p class="muted">{categoryPrompt(q.category)}</p> : null}
      <Distribution options={options} counts={r.optionCounts} correctOptionId={r.correctOptionId} />
      <div class="actions control-row desk-only">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      <section class="card" aria-labelledby="results-h">
        <h2 id="results-h">{t("session.eachPlayer")}</h2>
        {/* Focusable so a table wider than a phone scrolls by keyboard too. */}
        <div class="table-scroll" tabIndex={0} role="group" aria-labelledby="results-h">
        <table class="results-table">
          <thead>
            <tr>
              <th scope="col">{t("session.colPlayer")}</th>
              <th scope="col">{t("session.colAnswer")}</th>
              <th scope="col">{t("session.colPoints")}</th>
              <th scope="col">{t("session.colTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {r.results.map((res) => (
              <tr key={res.pseudonym} class={res.points > 0 ? "row-right" : "row-wrong"}>
                <th scope="row">{res.pseudonym}</th>
                <td>
                  <span aria-hidden="true">{res.optionId === r.correctOptionId ? "✓ " : res.optionId ? "✗ " : "– "}</span>
                  {text(res.optionId)}
                </td>
                <td>+{formatNumber(res.points)}</td>
                <td>{formatNumber(res.totalScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
    </section>
  );
}

function Board({ state, send }: PhaseProps) {
  const round = state.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${state.phase}-${state.roundIndex}-${state.questionIndex}`);
  return (
    <section aria-labelledby="hb-h">
      <p class="progress-label">
        {round
          ? t("session.wineComplete", { n: state.roundIndex + 1, total: state.totalRounds })
          : t("play.afterQuestion", { n: state.roundIndex + 1, q: state.questionIndex + 1, total: state.totalQuestions || "?" })}
      </p>
      <h1 id="hb-h" ref={h} tabIndex={-1}>
        {round ? t("play.roundBoard") : t("board.title")}
      </h1>
      <div class="actions control-row desk-only">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      {round && state.wine ? <WineCard wine={state.wine} roundIndex={state.roundIndex} totalRounds={state.totalRounds} /> : null}
      <Leaderboard rankings={state.rankings ?? []} title={round ? t("play.roundBoard") : t("board.title")} />
    </section>
  );
}

function Final({ state, code, hostKey, onDashboard }: PhaseProps) {
  const h = useScreenHeading<HTMLHeadingElement>("final");
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const rankings = state.rankings ?? [];
  const exportAs = (format: "csv" | "json") => downloadResults(code, hostKey, format).catch((e: unknown) => setError({ failure: e }));
  return (
    <section aria-labelledby="hf-h" class="host-final">
      <h1 id="hf-h" ref={h} tabIndex={-1}>
        {state.final ? t("play.finalResults") : t("session.ended")}
      </h1>
      {state.endReason ? <p class="muted">{endReasonText(state.endReason)}</p> : null}
      {rankings.length ? <Podium rankings={rankings} /> : null}
      <div class="actions control-row">
        <button type="button" class="btn" onClick={() => void exportAs("csv")}>
          {t("dash.exportCsv")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => void exportAs("json")}>
          {t("admin.export")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onDashboard}>
          {t("session.back")}
        </button>
      </div>
      {error ? (
        <p class="alert" role="alert">
          {errorText(error.failure)}
        </p>
      ) : null}
      {rankings.length ? <Leaderboard rankings={rankings} title={t("play.finalBoard")} /> : null}
      {state.palate ? <PalateTable palate={state.palate} /> : null}
    </section>
  );
}
