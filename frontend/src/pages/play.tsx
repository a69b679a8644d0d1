// Participant page (/play): join by code or link, then follow the game on a phone: lobby,
// question with four large buttons, paused overlay, reveal, leaderboards, final rank, ended.
// Rejoins automatically in the same browser; a fragment link moves the seat to another device.
import "../styles/play.css";
import { render } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type {
  EndReason,
  ErrorCode,
  ParticipantReveal,
  Phase,
  QuestionView,
  RankingEntry,
  ServerMessage,
  WineReveal,
} from "../protocol.gen";
import { SessionSocket, type ConnectionStatus } from "../lib/socket";
import {
  clearFragment,
  playerCredentials,
  playerDeviceLink,
  readFragment,
  setPlayerCredentials,
  type PlayerCredentials,
} from "../lib/storage";
import { NO_TIMER, type Timer } from "../lib/countdown";
import { sessionInfo, ApiFailure, type SessionInfo } from "../lib/api";
import { useScreenHeading } from "../lib/a11y";
import { CATEGORY_LABEL, END_REASON, LETTERS, ordinal } from "../lib/labels";
import { TopBar } from "../components/Brand";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { Countdown } from "../components/Countdown";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { CopyButton } from "../components/CopyButton";
import { CodeForm } from "../components/CodeForm";
import { GlassIcon, PauseIcon } from "../components/Icons";

interface Game {
  phase: Phase | "joining";
  title: string;
  pseudonym: string;
  score: number;
  count: number;
  max: number;
  totalRounds: number;
  question: QuestionView | null;
  timer: Timer;
  paused: boolean;
  /** The option this participant picked (acknowledged or still on its way). */
  selected: string | null;
  acknowledged: boolean;
  reveal: ParticipantReveal | null;
  rankings: RankingEntry[] | null;
  me: RankingEntry | null;
  wine: WineReveal | null;
  roundIndex: number;
  questionIndex: number;
  final: boolean;
  hostAway: boolean;
  endReason: EndReason | null;
}

const EMPTY: Game = {
  phase: "joining",
  title: "",
  pseudonym: "",
  score: 0,
  count: 0,
  max: 0,
  totalRounds: 0,
  question: null,
  timer: NO_TIMER,
  paused: false,
  selected: null,
  acknowledged: false,
  reveal: null,
  rankings: null,
  me: null,
  wine: null,
  roundIndex: 0,
  questionIndex: 0,
  final: false,
  hostAway: false,
  endReason: null,
};

type Gone = { kind: "kicked" } | { kind: "left" } | { kind: "error"; code: ErrorCode | "NETWORK"; message: string };

function timerFrom(sock: SessionSocket, remaining: number | null, serverTime: number, durationMs: number, paused: boolean): Timer {
  if (remaining === null) return NO_TIMER;
  return paused
    ? { deadline: null, frozenMs: remaining, durationMs }
    : { deadline: sock.localDeadline(remaining, serverTime), frozenMs: null, durationMs };
}

/** Applies one server message to the participant's view of the game. */
function apply(g: Game, msg: ServerMessage, sock: SessionSocket): Game {
  switch (msg.type) {
    case "participant:state_snapshot": {
      const q = msg.currentQuestion;
      const pending = sock.pendingAnswer();
      return {
        ...g,
        phase: msg.phase,
        title: msg.title,
        pseudonym: msg.pseudonym,
        score: msg.score,
        count: msg.participantCount,
        max: msg.maxParticipants,
        totalRounds: msg.totalRounds,
        question: q,
        timer: q ? timerFrom(sock, msg.remainingMs, msg.serverTime, q.durationMs, msg.paused) : NO_TIMER,
        paused: msg.paused,
        selected: pending && q && pending.questionId === q.questionId ? pending.optionId : msg.selectedOptionId,
        acknowledged: !(pending && q && pending.questionId === q.questionId && pending.optionId !== msg.selectedOptionId),
        reveal: msg.reveal,
        rankings: msg.rankings,
        me: msg.me,
        wine: msg.wine,
        roundIndex: q?.roundIndex ?? g.roundIndex,
        questionIndex: q?.questionIndex ?? g.questionIndex,
        final: msg.phase === "ended" && msg.rankings !== null,
        hostAway: msg.hostAway,
        endReason: msg.endReason,
      };
    }
    case "participant:joined":
      return { ...g, phase: "waiting", pseudonym: msg.pseudonym, count: Math.max(g.count, 1) };
    case "lobby:updated":
      return { ...g, count: msg.count, max: msg.maxParticipants };
    case "game:started":
      return { ...g, totalRounds: msg.totalRounds };
    case "game:question": {
      const { type: _t, ...q } = msg;
      return {
        ...g,
        phase: "question_open",
        question: q,
        totalRounds: q.totalRounds,
        roundIndex: q.roundIndex,
        questionIndex: q.questionIndex,
        timer: timerFrom(sock, q.remainingMs, q.serverTime, q.durationMs, false),
        paused: false,
        selected: null,
        acknowledged: false,
        reveal: null,
        wine: null,
      };
    }
    case "game:timer_paused":
      return {
        ...g,
        phase: "question_paused",
        paused: true,
        timer: timerFrom(sock, msg.remainingMs, msg.serverTime, g.timer.durationMs, true),
      };
    case "game:timer_resumed":
      return {
        ...g,
        phase: "question_open",
        paused: false,
        timer: timerFrom(sock, msg.remainingMs, msg.serverTime, g.timer.durationMs, false),
      };
    case "answer:accepted":
      if (g.question?.questionId !== msg.questionId) return g;
      return { ...g, selected: msg.optionId, acknowledged: true };
    case "game:answer_revealed":
      if ("results" in msg) return g;
      return { ...g, phase: "question_revealed", reveal: msg, score: msg.myTotalScore, paused: false, timer: NO_TIMER };
    case "game:question_leaderboard":
      return { ...g, phase: "question_leaderboard", rankings: msg.rankings, me: msg.me ?? null, roundIndex: msg.roundIndex, questionIndex: msg.questionIndex };
    case "game:round_leaderboard":
      return { ...g, phase: "round_leaderboard", rankings: msg.rankings, me: msg.me ?? null, wine: msg.wine, roundIndex: msg.roundIndex };
    case "game:final_leaderboard":
      return { ...g, phase: "ended", final: true, rankings: msg.rankings, me: msg.me ?? null, question: null, timer: NO_TIMER };
    case "session:ended":
      return { ...g, phase: "ended", endReason: msg.reason, question: null, timer: NO_TIMER };
    case "host:away":
      return { ...g, hostAway: true };
    case "host:back":
      return { ...g, hostAway: false };
    default:
      return g;
  }
}

function readCode(): string {
  const raw = new URLSearchParams(location.search).get("code") ?? "";
  return /^\d{4}$/.test(raw) ? raw : "";
}

/** Stores credentials carried by a cross-device link (`#p=…&t=…`) and removes them from the URL. */
function adoptFragment(code: string): void {
  const frag = readFragment();
  const p = frag.get("p");
  const t = frag.get("t");
  if (code && p && t) setPlayerCredentials(code, { pseudonym: p, token: t });
  if (location.hash) clearFragment();
}

function App() {
  const [code, setCode] = useState(() => {
    const c = readCode();
    adoptFragment(c);
    return c;
  });
  const [info, setInfo] = useState<SessionInfo | null>(null);
  // A code typed on the landing page arrives as `?code=…&join`: join without a second tap.
  const pendingAutoJoin = useRef(new URLSearchParams(location.search).has("join"));
  useEffect(() => {
    if (pendingAutoJoin.current && code) history.replaceState(null, "", `/play?code=${code}`);
  }, []);
  const [joining, setJoining] = useState(() => !!(code && playerCredentials(code)));
  const [gone, setGone] = useState<Gone | null>(null);
  const [checking, setChecking] = useState(false);

  // A code without stored credentials: look the session up before offering to join.
  useEffect(() => {
    if (!code || joining) return;
    let live = true;
    setChecking(true);
    sessionInfo(code)
      .then((i) => live && setInfo(i))
      .catch((e: unknown) => {
        if (!live) return;
        const f = e instanceof ApiFailure ? e : new ApiFailure(0, "NETWORK", "Something went wrong.");
        setGone({
          kind: "error",
          code: f.status === 404 ? "SESSION_NOT_FOUND" : "NETWORK",
          message: f.status === 404 ? `There is no tasting with code ${code}. Check the code with your host.` : f.message,
        });
      })
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [code, joining]);

  const chooseCode = (c: string, autoJoin: boolean) => {
    history.replaceState(null, "", `/play?code=${c}`);
    setGone(null);
    setInfo(null);
    setCode(c);
    setJoining(autoJoin && !!playerCredentials(c));
    if (autoJoin) pendingAutoJoin.current = true;
  };
  useEffect(() => {
    if (info && pendingAutoJoin.current && info.joinable) {
      pendingAutoJoin.current = false;
      setJoining(true);
    }
  }, [info]);

  const reset = () => {
    history.replaceState(null, "", "/play");
    pendingAutoJoin.current = false;
    setGone(null);
    setInfo(null);
    setJoining(false);
    setCode("");
  };

  if (gone) return <GoneScreen gone={gone} code={code} onRetry={reset} />;
  if (code && joining) {
    return (
      <GameView
        key={code}
        code={code}
        title={info?.title ?? ""}
        onGone={(g) => {
          setJoining(false);
          setGone(g);
        }}
      />
    );
  }
  if (code && (checking || !info)) return <Shell><p class="muted center" role="status">Looking up tasting {code}…</p></Shell>;
  if (code && info) return <ConfirmScreen info={info} onJoin={() => setJoining(true)} onBack={reset} />;
  return <EnterScreen onCode={(c) => chooseCode(c, true)} />;
}

function Shell({ children, status }: { children: preact.ComponentChildren; status?: ConnectionStatus }) {
  return (
    <>
      <TopBar />
      {status ? <ConnectionBanner status={status} /> : null}
      <main class="play">{children}</main>
    </>
  );
}

function EnterScreen({ onCode }: { onCode: (code: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("enter");
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        Join a tasting
      </h1>
      <p class="muted">Type the 4-digit code shown on the host's screen.</p>
      <CodeForm onCode={onCode} submitLabel="Join" />
    </Shell>
  );
}

function ConfirmScreen({ info, onJoin, onBack }: { info: SessionInfo; onJoin: () => void; onBack: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("confirm");
  const reason =
    info.phase !== "waiting"
      ? info.phase === "ended"
        ? "This tasting is over."
        : "This tasting has already started, so new players cannot join."
      : info.participantCount >= info.maxParticipants
        ? "This tasting is full."
        : null;
  return (
    <Shell>
      <p class="progress-label">Tasting {info.code}</p>
      <h1 ref={h} tabIndex={-1}>
        {info.title || "Blind tasting"}
      </h1>
      <p class="muted">
        {info.participantCount} {info.participantCount === 1 ? "player" : "players"} waiting.
      </p>
      {reason ? (
        <div class="alert" role="alert">
          {reason}
        </div>
      ) : (
        <button type="button" class="btn btn-big btn-block" onClick={onJoin}>
          Join the tasting
        </button>
      )}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onBack}>
          Use another code
        </button>
      </p>
    </Shell>
  );
}

function GoneScreen({ gone, code, onRetry }: { gone: Gone; code: string; onRetry: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("gone");
  const title = gone.kind === "kicked" ? "You were removed" : gone.kind === "left" ? "You left the tasting" : "Can't join";
  const text =
    gone.kind === "kicked"
      ? "The host removed you from this tasting."
      : gone.kind === "left"
        ? "Your seat is free again. Thanks for tasting with us!"
        : gone.message;
  return (
    <Shell>
      <h1 ref={h} tabIndex={-1}>
        {title}
      </h1>
      <p role={gone.kind === "error" ? "alert" : undefined}>{text}</p>
      <button type="button" class="btn btn-big btn-block" onClick={onRetry}>
        {code && gone.kind === "error" ? "Try another code" : "Join a tasting"}
      </button>
    </Shell>
  );
}

const ERROR_TEXT: Partial<Record<ErrorCode, string>> = {
  SESSION_NOT_FOUND: "This tasting does not exist (any more).",
  GAME_STARTED: "This tasting has already started, so new players cannot join.",
  SESSION_FULL: "This tasting is full.",
  SESSION_ENDED: "This tasting is over.",
  INVALID_REJOIN: "Your seat in this tasting is no longer valid.",
  UNKNOWN_PARTICIPANT: "Your seat in this tasting is no longer valid.",
};

function GameView({ code, title, onGone }: { code: string; title: string; onGone: (g: Gone) => void }) {
  const [game, setGame] = useState<Game>({ ...EMPTY, title });
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [flash, setFlash] = useState<string | null>(null);
  const sockRef = useRef<SessionSocket | null>(null);

  useEffect(() => {
    const sock: SessionSocket = new SessionSocket({
      code,
      identify: () => {
        const creds = playerCredentials(code);
        return creds ? { type: "rejoin_session", ...creds } : { type: "join_session" };
      },
      onStatus: setStatus,
      onMessage: (msg) => {
        if (msg.type === "participant:joined") {
          const creds: PlayerCredentials = { pseudonym: msg.pseudonym, token: msg.token };
          setPlayerCredentials(code, creds);
        }
        if (msg.type === "participant:kicked" || msg.type === "participant:left") {
          setPlayerCredentials(code, null);
          sock.stop();
          onGone({ kind: msg.type === "participant:kicked" ? "kicked" : "left" });
          return;
        }
        if (msg.type === "session:ended") sock.stop();
        if (msg.type === "error") {
          const fatal = ERROR_TEXT[msg.code];
          if (fatal) {
            if (msg.code === "INVALID_REJOIN" || msg.code === "UNKNOWN_PARTICIPANT") setPlayerCredentials(code, null);
            sock.stop();
            onGone({ kind: "error", code: msg.code, message: fatal });
            return;
          }
          setFlash(msg.code === "ANSWERS_CLOSED" ? "Answers are closed for this question." : msg.message);
          return;
        }
        setGame((g) => apply(g, msg, sock));
      },
    });
    sockRef.current = sock;
    sock.start();
    return () => sock.stop();
  }, [code]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 4000);
    return () => clearTimeout(t);
  }, [flash]);

  const choose = (optionId: string) => {
    const q = game.question;
    const sock = sockRef.current;
    if (!q || !sock || game.phase !== "question_open") return;
    sock.answer(q.questionId, optionId);
    setGame((g) => ({ ...g, selected: optionId, acknowledged: false }));
  };

  const leave = () => {
    const sock = sockRef.current;
    if (!sock) return;
    if (!sock.send({ type: "leave" })) return;
    setPlayerCredentials(code, null);
    sock.stop();
    onGone({ kind: "left" });
  };

  return (
    <>
      <TopBar>{game.pseudonym ? <span data-testid="me">{game.pseudonym}</span> : null}</TopBar>
      <ConnectionBanner status={status} />
      {game.hostAway && game.phase !== "ended" ? (
        <div class="notice host-away" role="status">
          The host is away for a moment. Stay here, the game will continue.
        </div>
      ) : null}
      <main class="play">
        {flash ? (
          <div class="alert" role="alert">
            {flash}
          </div>
        ) : null}
        <Screen game={game} code={code} onChoose={choose} onLeave={leave} />
      </main>
    </>
  );
}

function Screen({ game, code, onChoose, onLeave }: { game: Game; code: string; onChoose: (id: string) => void; onLeave: () => void }) {
  switch (game.phase) {
    case "joining":
      return <Joining />;
    case "waiting":
      return <Lobby game={game} code={code} onLeave={onLeave} />;
    case "question_open":
    case "question_paused":
      return game.question ? <Question game={game} question={game.question} onChoose={onChoose} /> : <Joining />;
    case "question_revealed":
      return <Reveal game={game} />;
    case "question_leaderboard":
    case "round_leaderboard":
      return <Board game={game} />;
    case "ended":
      return <Ended game={game} />;
  }
}

function Joining() {
  return (
    <p class="muted center" role="status">
      <span class="spinner" aria-hidden="true" /> Joining…
    </p>
  );
}

function Lobby({ game, code, onLeave }: { game: Game; code: string; onLeave: () => void }) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const creds = playerCredentials(code);
  return (
    <section class="lobby" aria-labelledby="lobby-h">
      <p class="progress-label">{game.title || `Tasting ${code}`}</p>
      <h1 id="lobby-h" ref={h} tabIndex={-1}>
        You're in!
      </h1>
      <div class="pseudonym-card">
        <span class="muted">Your name tonight</span>
        <strong class="pseudonym" data-testid="pseudonym">
          {game.pseudonym}
        </strong>
      </div>
      <p class="player-count" role="status" data-testid="player-count">
        <strong>{game.count}</strong> {game.count === 1 ? "player has" : "players have"} joined
        {game.max ? <span class="muted"> (max {game.max})</span> : null}
      </p>
      <p class="waiting-line">
        <GlassIcon class="glass-pulse" />{" "}
        Waiting for the host to start…
      </p>
      {creds ? <DeviceLink link={playerDeviceLink(code, creds)} /> : null}
      <p class="center spaced">
        <button type="button" class="linklike" onClick={onLeave}>
          Leave this tasting
        </button>
      </p>
    </section>
  );
}

function DeviceLink({ link }: { link: string }) {
  return (
    <details class="device-link">
      <summary>Continue on another device</summary>
      <p class="hint">Open this private link on your other device to keep your seat and score. Don't share it.</p>
      <label class="sr-only" for="rejoin-link">
        Your private rejoin link
      </label>
      <input id="rejoin-link" class="input" readOnly value={link} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
      <CopyButton text={link} label="Copy private link" />
    </details>
  );
}

function Progress({ game }: { game: Game }) {
  return (
    <p class="progress-label">
      <span class="sr-only">
        Wine {game.roundIndex + 1} of {game.totalRounds || "?"}, question {game.questionIndex + 1} of 5
      </span>
      <span aria-hidden="true">
        Wine {game.roundIndex + 1}/{game.totalRounds || "?"} · Question {game.questionIndex + 1}/5
      </span>
    </p>
  );
}

function Question({ game, question, onChoose }: { game: Game; question: QuestionView; onChoose: (id: string) => void }) {
  const h = useScreenHeading<HTMLHeadingElement>(`q-${question.questionId}`);
  const paused = game.phase === "question_paused";
  return (
    <section class="question" aria-labelledby="q-h">
      <div class="question-head">
        <div>
          <Progress game={game} />
          <p class="category-chip">{CATEGORY_LABEL[question.category]}</p>
        </div>
        <Countdown timer={game.timer} paused={paused} />
      </div>
      <h1 id="q-h" ref={h} tabIndex={-1} class="prompt">
        {question.prompt}
      </h1>
      <div class="options" role="group" aria-labelledby="q-h">
        {question.options.map((o, i) => {
          const picked = game.selected === o.id;
          return (
            <button
              key={o.id}
              type="button"
              class={`option opt-${i}${picked ? " picked" : ""}`}
              aria-pressed={picked}
              disabled={paused}
              onClick={() => onChoose(o.id)}
              data-option-id={o.id}
            >
              <span class="opt-letter" aria-hidden="true">
                {LETTERS[i]}
              </span>
              <span class="opt-text">{o.text}</span>
              {picked ? (
                <span class="opt-mark">
                  <span aria-hidden="true">✓</span>
                  <span class="opt-mark-text"> Your answer</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <p class="answer-status" role="status" data-testid="answer-status">
        {game.selected
          ? game.acknowledged
            ? "Answer received. You can change it until time is up."
            : "Sending your answer…"
          : paused
            ? ""
            : "Tap an answer."}
      </p>
      {paused ? (
        <div class="paused-overlay" role="alert" data-testid="paused">
          <div class="paused-box">
            <PauseIcon class="paused-icon" />
            <strong>Paused</strong>
            <span>The host paused the timer. Answers are on hold.</span>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Reveal({ game }: { game: Game }) {
  const r = game.reveal;
  const q = game.question;
  const h = useScreenHeading<HTMLHeadingElement>(`r-${r?.questionId ?? ""}`);
  if (!r) return <Joining />;
  const correct = q?.options.find((o) => o.id === r.correctOptionId);
  const mine = q?.options.find((o) => o.id === r.myOptionId);
  const verdict = r.myOptionId === null ? "none" : r.myOptionId === r.correctOptionId ? "right" : "wrong";
  return (
    <section class={`reveal verdict-${verdict}`} aria-labelledby="rv-h" data-testid="reveal" data-verdict={verdict}>
      <Progress game={game} />
      <div class="verdict">
        <span class="verdict-icon" aria-hidden="true">
          {verdict === "right" ? "✓" : verdict === "wrong" ? "✗" : "–"}
        </span>
        <h1 id="rv-h" ref={h} tabIndex={-1}>
          {verdict === "right" ? "Correct!" : verdict === "wrong" ? "Not this time" : "No answer"}
        </h1>
        <p class="verdict-points" data-testid="points">
          +{r.myPoints} points
        </p>
      </div>
      {correct ? (
        <p class="reveal-line">
          The answer was <strong>{correct.text}</strong>.
        </p>
      ) : null}
      {mine && verdict === "wrong" ? (
        <p class="reveal-line muted">
          You answered <strong>{mine.text}</strong>.
        </p>
      ) : null}
      <p class="total" data-testid="total">
        Total: <strong>{r.myTotalScore}</strong> points
      </p>
    </section>
  );
}

function Board({ game }: { game: Game }) {
  const round = game.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${game.phase}-${game.roundIndex}-${game.questionIndex}`);
  const myRank = game.me?.rank ?? game.rankings?.find((r) => r.pseudonym === game.pseudonym)?.rank;
  return (
    <section aria-labelledby="b-h">
      <p class="progress-label">
        {round ? `After wine ${game.roundIndex + 1} of ${game.totalRounds}` : `Wine ${game.roundIndex + 1} · after question ${game.questionIndex + 1} of 5`}
      </p>
      <h1 id="b-h" ref={h} tabIndex={-1}>
        {round ? "Round leaderboard" : "Leaderboard"}
      </h1>
      {myRank ? (
        <p class="my-rank" data-testid="my-rank">
          You are {ordinal(myRank)} with {game.me?.score ?? game.score} points
        </p>
      ) : null}
      {round && game.wine ? <WineCard wine={game.wine} roundIndex={game.roundIndex} totalRounds={game.totalRounds} /> : null}
      <Leaderboard rankings={game.rankings ?? []} me={game.me ?? undefined} title={round ? "Round leaderboard" : "Leaderboard"} />
      <p class="muted center spaced">Waiting for the host…</p>
    </section>
  );
}

function Ended({ game }: { game: Game }) {
  const h = useScreenHeading<HTMLHeadingElement>(`end-${game.final}`);
  const rank = game.me?.rank ?? game.rankings?.find((r) => r.pseudonym === game.pseudonym)?.rank;
  const total = game.rankings?.length ?? 0;
  const top = useMemo(() => game.rankings ?? [], [game.rankings]);
  if (game.final && rank) {
    return (
      <section class="final" aria-labelledby="f-h">
        <p class="progress-label">Final results</p>
        <h1 id="f-h" ref={h} tabIndex={-1} data-testid="final-rank">
          You finished #{rank}
        </h1>
        <p class="final-line">
          {game.me?.score ?? game.score} points{total ? ` · ${ordinal(rank)} of ${Math.max(total, rank)}` : ""}
        </p>
        <Leaderboard rankings={top} me={game.me ?? undefined} title="Final leaderboard" />
        {game.endReason ? <p class="muted center spaced">{END_REASON[game.endReason]}</p> : null}
      </section>
    );
  }
  return (
    <section aria-labelledby="e-h">
      <h1 id="e-h" ref={h} tabIndex={-1}>
        Tasting over
      </h1>
      <p data-testid="end-reason">{game.endReason ? END_REASON[game.endReason] : "This tasting has ended."}</p>
      <a class="btn btn-big btn-block" href="/play">
        Join another tasting
      </a>
    </section>
  );
}

render(<App />, document.getElementById("app")!);
