// Projector view (/screen?code=…): follows the host's session on a TV, read-only. It opens its
// own host connection with this browser's host key: big code and QR in the lobby, question and
// countdown, reveal distribution, leaderboards, the wine card and the podium.
import "../styles/screen.css";
import { render } from "preact";
import { useState } from "preact/hooks";
import type { ErrorCode } from "../protocol.gen";
import { useSessionSocket } from "../lib/useSessionSocket";
import { applyHost, INITIAL_HOST, type HostState } from "../lib/hostState";
import { joinLink, storedHostKey } from "../lib/storage";
import { useScreenHeading } from "../lib/a11y";
import { CATEGORY_LABEL, END_REASON, LETTERS } from "../lib/labels";
import { QrCode } from "../lib/qr";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { Countdown } from "../components/Countdown";
import { Distribution } from "../components/Distribution";
import { Leaderboard } from "../components/Leaderboard";
import { WineCard } from "../components/WineCard";
import { Podium } from "../components/Podium";
import { PauseIcon } from "../components/Icons";

const FATAL: Partial<Record<ErrorCode, string>> = {
  INVALID_HOST_KEY: "This browser is not the host of this tasting. Open the projector view from the host's browser.",
  SESSION_NOT_FOUND: "There is no tasting with this code.",
  NOT_HOST: "This browser is not the host of this tasting.",
};

function App() {
  const code = new URLSearchParams(location.search).get("code") ?? "";
  const key = storedHostKey();
  const valid = /^\d{4}$/.test(code);
  const [state, setState] = useState<HostState>(INITIAL_HOST);
  const [fatal, setFatal] = useState<string | null>(
    !valid ? "Open this page from the host's lobby (it needs a tasting code)." : !key ? FATAL.INVALID_HOST_KEY! : null,
  );

  const { status } = useSessionSocket({
    code,
    enabled: valid && !!key,
    keys: [key],
    identify: () => (key ? { type: "rejoin_host", hostKey: key } : null),
    onMessage: (msg, sock) => {
      if (msg.type === "error") {
        const f = FATAL[msg.code];
        if (f) {
          sock.stop();
          setFatal(f);
        }
        return;
      }
      const clock = sock.localDeadline.bind(sock);
      setState((s) => applyHost(s, msg, clock));
    },
  });

  if (fatal) {
    return (
      <main class="screen screen-center">
        <h1>Sommelier Arena</h1>
        <p class="screen-note" role="alert">
          {fatal}
        </p>
      </main>
    );
  }
  return (
    <>
      <ConnectionBanner status={status} />
      <main class="screen">
        {state.ready ? <ScreenPhase state={state} code={code} /> : <p class="screen-note">Connecting to tasting {code}…</p>}
      </main>
    </>
  );
}

function ScreenPhase({ state, code }: { state: HostState; code: string }) {
  switch (state.phase) {
    case "waiting":
      return <Lobby state={state} code={code} />;
    case "question_open":
    case "question_paused":
    case "question_revealed":
      return <Question state={state} />;
    case "question_leaderboard":
    case "round_leaderboard":
      return <Board state={state} />;
    case "ended":
      return <Final state={state} />;
  }
}

const SHOWN_PLAYERS = 60;

function Lobby({ state, code }: { state: HostState; code: string }) {
  const h = useScreenHeading<HTMLHeadingElement>("lobby");
  const n = state.participants.length;
  return (
    <section class="screen-lobby" aria-labelledby="s-lobby-h">
      <div class="screen-lobby-main">
        <h1 id="s-lobby-h" ref={h} tabIndex={-1}>
          {state.tasting?.title ?? "Blind tasting"}
        </h1>
        <p class="screen-join">
          Join at <strong>{location.host}/play</strong>
        </p>
        <p class="code-big screen-code" data-testid="screen-code" aria-label={`Code ${code.split("").join(" ")}`}>
          {code}
        </p>
        <p class="screen-count" data-testid="screen-count">
          {n} {n === 1 ? "player" : "players"} joined
        </p>
      </div>
      <div class="screen-qr">
        <QrCode text={joinLink(code)} label={`QR code to join tasting ${code}`} />
        <p>Scan to join</p>
      </div>
      {n ? (
        <ul class="screen-players" aria-label="Players">
          {/* The latest arrivals; a big room would not fit on one screen. */}
          {state.participants.slice(-SHOWN_PLAYERS).map((p) => (
            <li key={p.pseudonym}>{p.pseudonym}</li>
          ))}
          {n > SHOWN_PLAYERS ? <li class="more">and {n - SHOWN_PLAYERS} more</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

function Question({ state }: { state: HostState }) {
  const q = state.question;
  const h = useScreenHeading<HTMLHeadingElement>(`${q?.questionId ?? ""}-${state.phase === "question_revealed"}`);
  if (!q) return null;
  const revealed = state.phase === "question_revealed" && state.reveal;
  return (
    <section aria-labelledby="s-q-h" class="screen-question">
      <div class="screen-q-head">
        <div>
          <p class="progress-label screen-progress">
            Wine {q.roundIndex + 1} of {q.totalRounds} · Question {q.questionIndex + 1} of {q.totalQuestions} · {CATEGORY_LABEL[q.category]}
          </p>
          <h1 id="s-q-h" ref={h} tabIndex={-1} class="screen-prompt">
            {q.prompt}
          </h1>
        </div>
        {revealed ? null : <Countdown timer={state.timer} paused={state.phase === "question_paused"} size="lg" />}
      </div>
      {state.phase === "question_paused" ? (
        <p class="screen-paused" role="status" data-testid="screen-paused">
          <PauseIcon /> Paused
        </p>
      ) : null}
      {revealed && state.reveal ? (
        <Distribution options={q.options} counts={state.reveal.optionCounts} correctOptionId={state.reveal.correctOptionId} />
      ) : (
        <>
          <ol class="screen-options">
            {q.options.map((o, i) => (
              <li key={o.id} class={`opt-${i}`}>
                <span class="opt-letter" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                {o.text}
              </li>
            ))}
          </ol>
          <p class="screen-answered" data-testid="screen-answered">
            {state.answered.length} of {state.participants.length} answered
          </p>
        </>
      )}
    </section>
  );
}

function Board({ state }: { state: HostState }) {
  const round = state.phase === "round_leaderboard";
  const h = useScreenHeading<HTMLHeadingElement>(`${state.phase}-${state.roundIndex}-${state.questionIndex}`);
  return (
    <section aria-labelledby="s-b-h" class={round ? "screen-round" : ""}>
      <h1 id="s-b-h" ref={h} tabIndex={-1}>
        {round ? `After wine ${state.roundIndex + 1}` : "Leaderboard"}
      </h1>
      <div class="screen-board">
        {round && state.wine ? <WineCard wine={state.wine} roundIndex={state.roundIndex} totalRounds={state.totalRounds} /> : null}
        <Leaderboard rankings={state.rankings ?? []} limit={10} big title={round ? "Round leaderboard" : "Leaderboard"} />
      </div>
    </section>
  );
}

function Final({ state }: { state: HostState }) {
  const h = useScreenHeading<HTMLHeadingElement>("final");
  return (
    <section aria-labelledby="s-f-h" class="screen-final">
      <h1 id="s-f-h" ref={h} tabIndex={-1}>
        {state.final ? "Final podium" : "Tasting over"}
      </h1>
      {state.rankings?.length ? <Podium rankings={state.rankings} /> : null}
      {state.endReason ? <p class="screen-note">{END_REASON[state.endReason]}</p> : null}
    </section>
  );
}

render(<App />, document.getElementById("app")!);
