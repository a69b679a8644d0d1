// The host's live session: lobby (code, QR, link, share, players, kick, start, edit), question
// (countdown, pause/resume, reveal, who answered), reveal (distribution, each player's points),
// leaderboards, the wine reveal card, the final podium with export, and device hand-over.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ClientMessage, ErrorCode, HostParticipant, QuestionView } from "../protocol.gen";
import { useSessionSocket } from "../lib/useSessionSocket";
import { applyHost, INITIAL_HOST, nextLabel, type HostState } from "../lib/hostState";
import { useScreenHeading } from "../lib/a11y";
import { CATEGORY_LABEL, END_REASON, LETTERS } from "../lib/labels";
import { hostDeviceLink, joinLink, screenDeviceLink, setHostHandle } from "../lib/storage";
import { everyoneAnswered } from "../screen/controls";
import { QrCode } from "../lib/qr";
import { draftToInput, fieldErrorMap, type Draft } from "../lib/validate";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { Countdown } from "../components/Countdown";
import { Distribution } from "../components/Distribution";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { Podium } from "../components/Podium";
import { CopyButton } from "../components/CopyButton";
import { PauseIcon } from "../components/Icons";
import { EndButton } from "../components/EndButton";
import { TastingForm, type Suggestions } from "./TastingForm";
import { draftFromTasting, proposeCustomAnswers } from "./suggest";
import { downloadResults } from "./download";

const FATAL: Partial<Record<ErrorCode, string>> = {
  INVALID_HOST_KEY: "This browser does not hold the host key of this tasting. Open it from the host's device, or use its “continue on another device” link.",
  SESSION_NOT_FOUND: "This tasting does not exist (any more).",
  NOT_HOST: "This browser is not the host of this tasting.",
};

interface Props {
  code: string;
  hostKey: string;
  suggestions: Suggestions;
  onHandle: (h: string) => void;
  onDashboard: () => void;
}

export function SessionView({ code, hostKey, suggestions, onHandle, onDashboard }: Props) {
  const [state, setState] = useState<HostState>(INITIAL_HOST);
  const [fatal, setFatal] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [editErrors, setEditErrors] = useState<Map<string, string>>(new Map());
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
          setFlash("The server refused some fields: see the messages next to them.");
          return;
        }
        savingRef.current = false;
        setSaving(false);
        console.warn(`server refused: ${msg.code} ${msg.message}`);
        setFlash(msg.message);
        return;
      }
      if (msg.type === "host:session_updated" && savingRef.current) {
        savingRef.current = false;
        setSaving(false);
        setEditing(false);
        setFlash("Tasting updated. Players stay joined.");
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
    if (!socket.send(msg)) setFlash("Not connected: wait for the connection to come back.");
  };

  if (fatal) {
    return (
      <div class="wrap">
        <h1>Can't open tasting {code}</h1>
        <p class="alert" role="alert">
          {fatal}
        </p>
        <button type="button" class="btn" onClick={onDashboard}>
          Back to your tastings
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
      <ConnectionBanner status={status} />
      <div class="wrap host-session">
        <SessionBar state={state} code={code} hostKey={hostKey} onEnd={() => send({ type: "host:end" })} />
        {flash ? (
          <p class="notice" role="status">
            {flash}
          </p>
        ) : null}
        {!state.ready ? (
          <p class="muted" role="status">
            <span class="spinner" aria-hidden="true" /> Opening tasting {code}…
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
          Code <strong>{code}</strong>
        </span>
        {state.tasting ? <span class="session-bar-title">{state.tasting.title}</span> : null}
      </div>
      <div class="actions">
        <a class="btn btn-secondary btn-small" href={`/screen?code=${code}`} target="_blank" rel="noopener">
          Projector view
        </a>
        <button type="button" class="btn btn-secondary btn-small" aria-expanded={device} aria-controls="device-panel" onClick={() => setDevice(!device)}>
          Continue on another device
        </button>
        {state.phase !== "ended" ? <EndButton onEnd={onEnd} small /> : null}
      </div>
      {device ? (
        <section id="device-panel" class="card device-panel" aria-labelledby="device-h">
          <h2 id="device-h">Continue on another device</h2>
          <p class="muted">
            Scan or open this private link on your phone or laptop to run this tasting from there too. It carries your host
            key: anyone with it can control your tastings, so don't share it.
          </p>
          <div class="device-grid">
            <QrCode text={link} label="QR code of the private host link" class="qr qr-small" />
            <div class="device-link-box">
              <label for="host-device-link">Private host link</label>
              <input id="host-device-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={link} label="Copy private link" />
              <label for="host-tv-link">Projector link for a TV's browser</label>
              <input id="host-tv-link" class="input" readOnly value={tvLink} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
              <CopyButton text={tvLink} label="Copy projector link" />
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function EditScreen(props: { state: HostState; suggestions: Suggestions; errors: Map<string, string>; saving: boolean; onSave: (d: Draft) => void; onCancel: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("edit");
  return (
    <section aria-labelledby="edit-h">
      <h1 id="edit-h" ref={h} tabIndex={-1}>
        Edit tasting
      </h1>
      <p class="muted">Players in the lobby stay joined while you edit.</p>
      <TastingForm
        initial={draftFromTasting(props.state.tasting!)}
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
  const [shareMsg, setShareMsg] = useState<string | null>(null);
  const canShare = typeof navigator.share === "function";
  const players = state.participants;
  const max = state.tasting?.maxParticipants ?? 0;
  return (
    <section aria-labelledby="lobby-h" class="host-lobby">
      <div class="lobby-grid">
        <div class="card lobby-join">
          <h1 id="lobby-h" ref={h} tabIndex={-1}>
            Lobby
          </h1>
          <p class="muted">Players join at {location.host}/play with this code:</p>
          <p class="code-big" data-testid="session-code" aria-label={`Code ${code.split("").join(" ")}`}>
            {code}
          </p>
          <QrCode text={link} label={`QR code to join tasting ${code}`} />
          <div class="actions spaced-sm">
            <CopyButton text={link} label="Copy join link" />
            {canShare ? (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                onClick={() =>
                  navigator
                    .share({ title: state.tasting?.title ?? "Sommelier Arena", text: `Join my blind tasting with code ${code}`, url: link })
                    .then(() => setShareMsg("Shared."))
                    .catch(() => setShareMsg(null))
                }
              >
                Share
              </button>
            ) : null}
          </div>
          {shareMsg ? <p role="status">{shareMsg}</p> : null}
        </div>
        <div class="card lobby-players">
          <h2>
            Players <span class="count-pill" data-testid="participant-count">{players.length}{max ? ` / ${max}` : ""}</span>
          </h2>
          <p class="sr-only" aria-live="polite">
            {players.length} {players.length === 1 ? "player" : "players"} joined
          </p>
          {players.length === 0 ? (
            <p class="muted">Waiting for the first player…</p>
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
              class="btn btn-secondary btn-small"
              aria-pressed={state.locked}
              onClick={() => send({ type: state.locked ? "host:unlock" : "host:lock" })}
              data-testid="lock"
            >
              {state.locked ? "Unlock the lobby" : "Lock the lobby"}
            </button>
            <span class="hint" role="status" data-testid="lock-status">
              {state.locked ? "Locked: nobody else can join; players who joined can still come back." : "Open: anyone with the code can join."}
            </span>
          </div>
          <div class="actions spaced-sm">
            <button type="button" class="btn btn-big" disabled={players.length === 0} onClick={() => send({ type: "host:start" })} aria-describedby={players.length === 0 ? "start-hint" : undefined}>
              <span aria-hidden="true">▶ </span>Start the tasting
            </button>
            <button type="button" class="btn btn-secondary" onClick={onEdit}>
              Edit tasting
            </button>
          </div>
          {players.length === 0 ? (
            <p id="start-hint" class="hint">
              You can start once at least one player has joined.
            </p>
          ) : null}
          <p class="hint tv-hint" data-testid="tv-hint">
            Put the <a href={`/screen?code=${code}`} target="_blank" rel="noopener">projector view</a> on the TV and press F: it runs the
            whole game from the keyboard or a clicker (Space for next, ? for the shortcuts).
          </p>
          {state.tasting ? (
            <p class="hint">
              {state.tasting.wines.length} {state.tasting.wines.length === 1 ? "wine" : "wines"} · {state.tasting.timerSeconds} s per question
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
      <span class="presence-text">{p.online ? "online" : "offline"}</span>
      {confirm ? (
        <>
          <button type="button" class="btn btn-danger btn-small" onClick={onKick} aria-label={`Confirm: remove ${p.pseudonym}`}>
            Remove?
          </button>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(false)}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" class="btn btn-secondary btn-small" onClick={() => setConfirm(true)} aria-label={`Kick ${p.pseudonym}`}>
          Kick
        </button>
      )}
    </li>
  );
}

function Progress({ state }: { state: HostState }) {
  return (
    <p class="progress-label">
      Wine {state.roundIndex + 1} of {state.totalRounds} · Question {state.questionIndex + 1} of {state.totalQuestions || "?"}
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
          <span class="category-chip">{CATEGORY_LABEL[question.category]}</span>
          <h1 id="hq-h" ref={h} tabIndex={-1} class="prompt">
            {question.prompt}
          </h1>
        </div>
        <Countdown timer={state.timer} paused={paused} size="lg" />
      </div>
      {paused ? (
        <p class="notice" role="status" data-testid="host-paused">
          <PauseIcon /> Paused. Players can't answer until you resume.
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
                <span aria-hidden="true">✓ </span>Correct
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <div class="actions control-row">
        {paused ? (
          <button type="button" class="btn btn-big" onClick={() => send({ type: "host:resume" })}>
            <span aria-hidden="true">▶ </span>Resume
          </button>
        ) : (
          <button type="button" class="btn btn-big btn-secondary" onClick={() => send({ type: "host:pause" })}>
            <PauseIcon /> Pause
          </button>
        )}
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:reveal" })} data-testid="reveal-button">
          Reveal answer{everyoneAnswered(state) ? <span class="all-answered"> (everyone answered)</span> : null}
        </button>
        <label class="toggle">
          <input type="checkbox" checked={showAnswer} onChange={(e) => setShowAnswer((e.currentTarget as HTMLInputElement).checked)} /> Show me the
          correct answer
        </label>
      </div>
      <section class="card" aria-labelledby="answered-h">
        <h2 id="answered-h">
          Answered: <span data-testid="answered-count">{answered.size}</span> of {total}
        </h2>
        <ul class="answered-list">
          {state.participants.map((p) => (
            <li key={p.pseudonym} class={answered.has(p.pseudonym) ? "has-answered" : "waiting"}>
              <span aria-hidden="true">{answered.has(p.pseudonym) ? "✓" : "…"}</span> {p.pseudonym}
              <span class="sr-only">{answered.has(p.pseudonym) ? " has answered" : " has not answered yet"}</span>
              {!p.online ? <span class="muted small"> (offline)</span> : null}
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
  const text = (id: string | null) => (id ? (options.find((o) => o.id === id)?.text ?? "?") : "no answer");
  const correct = options.find((o) => o.id === r.correctOptionId);
  return (
    <section aria-labelledby="hr-h" data-testid="host-reveal">
      <Progress state={state} />
      <h1 id="hr-h" ref={h} tabIndex={-1}>
        The answer: {correct?.text ?? "?"}
      </h1>
      {q ? <p class="muted">{q.prompt}</p> : null}
      <Distribution options={options} counts={r.optionCounts} correctOptionId={r.correctOptionId} />
      <div class="actions control-row">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      <section class="card" aria-labelledby="results-h">
        <h2 id="results-h">Each player</h2>
        <div class="table-scroll">
        <table class="results-table">
          <thead>
            <tr>
              <th scope="col">Player</th>
              <th scope="col">Answer</th>
              <th scope="col">Points</th>
              <th scope="col">Total</th>
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
                <td>+{res.points}</td>
                <td>{res.totalScore}</td>
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
        {round ? `Wine ${state.roundIndex + 1} of ${state.totalRounds} complete` : `Wine ${state.roundIndex + 1} · after question ${state.questionIndex + 1} of ${state.totalQuestions || "?"}`}
      </p>
      <h1 id="hb-h" ref={h} tabIndex={-1}>
        {round ? "Round leaderboard" : "Leaderboard"}
      </h1>
      <div class="actions control-row">
        <button type="button" class="btn btn-big" onClick={() => send({ type: "host:next" })}>
          {nextLabel(state)} <span aria-hidden="true">→</span>
        </button>
      </div>
      {round && state.wine ? <WineCard wine={state.wine} roundIndex={state.roundIndex} totalRounds={state.totalRounds} /> : null}
      <Leaderboard rankings={state.rankings ?? []} title={round ? "Round leaderboard" : "Leaderboard"} />
    </section>
  );
}

function Final({ state, code, hostKey, onDashboard }: PhaseProps) {
  const h = useScreenHeading<HTMLHeadingElement>("final");
  const [error, setError] = useState<string | null>(null);
  const rankings = state.rankings ?? [];
  const exportAs = (format: "csv" | "json") => downloadResults(code, hostKey, format).catch((e: Error) => setError(e.message));
  return (
    <section aria-labelledby="hf-h" class="host-final">
      <h1 id="hf-h" ref={h} tabIndex={-1}>
        {state.final ? "Final results" : "Tasting ended"}
      </h1>
      {state.endReason ? <p class="muted">{END_REASON[state.endReason]}</p> : null}
      {rankings.length ? <Podium rankings={rankings} /> : null}
      <div class="actions control-row">
        <button type="button" class="btn" onClick={() => void exportAs("csv")}>
          Export CSV
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => void exportAs("json")}>
          Export JSON
        </button>
        <button type="button" class="btn btn-secondary" onClick={onDashboard}>
          Back to your tastings
        </button>
      </div>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : null}
      {rankings.length ? <Leaderboard rankings={rankings} title="Final leaderboard" /> : null}
    </section>
  );
}
