// A seat in a running session: one socket (useSessionSocket), the reducer, and the screen of the
// current phase. Kicked, left and fatal refusals end the view through `onGone`.
import { useEffect, useState } from "preact/hooks";
import type { ErrorCode } from "../protocol.gen";
import { useSessionSocket } from "../lib/useSessionSocket";
import { buzz, useWakeLock } from "../lib/device";
import { playerCredentials, setPlayerCredentials } from "../lib/storage";
import { TopBar } from "../components/Brand";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { applyPlayer, choose, EMPTY_GAME, type Game } from "./state";
import type { Gone } from "./Entry";
import { Joining } from "./Shell";
import { Lobby } from "./Lobby";
import { Question } from "./Question";
import { Reveal, verdictOf } from "./Reveal";
import { Board, Ended } from "./Board";
import { t, type MessageKey } from "../i18n";
import { errorText } from "../i18n/wire";

/** Refusals that end the seat, with what the gone screen says (written from the code). */
const FATAL: Partial<Record<ErrorCode, MessageKey>> = {
  SESSION_NOT_FOUND: "error.SESSION_NOT_FOUND",
  GAME_STARTED: "error.GAME_STARTED",
  SESSION_FULL: "error.SESSION_FULL",
  SESSION_ENDED: "error.SESSION_ENDED",
  SESSION_LOCKED: "error.SESSION_LOCKED",
  INVALID_REJOIN: "error.INVALID_REJOIN",
  UNKNOWN_PARTICIPANT: "error.INVALID_REJOIN",
};

interface Props {
  code: string;
  title: string;
  onGone: (g: Gone) => void;
  /** Shown in the lobby when this browser kept another seat in the same tasting. */
  seatSwitch?: preact.ComponentChildren;
}

export function GameView({ code, title, onGone, seatSwitch }: Props) {
  const [game, setGame] = useState<Game>({ ...EMPTY_GAME, title });
  const [flash, setFlash] = useState<ErrorCode | null>(null);

  const socket = useSessionSocket({
    code,
    identify: () => {
      const creds = playerCredentials(code);
      return creds ? { type: "rejoin_session", ...creds } : { type: "join_session" };
    },
    fatal: FATAL,
    onFatal: (_key, errorCode) => {
      if (errorCode === "INVALID_REJOIN" || errorCode === "UNKNOWN_PARTICIPANT") setPlayerCredentials(code, null);
      onGone({ kind: "error", failure: { code: errorCode } });
    },
    onMessage: (msg, sock) => {
      if (msg.type === "participant:joined") setPlayerCredentials(code, { pseudonym: msg.pseudonym, token: msg.token });
      if (msg.type === "participant:kicked" || msg.type === "participant:left") {
        setPlayerCredentials(code, null);
        sock.stop();
        onGone({ kind: msg.type === "participant:kicked" ? "kicked" : "left" });
        return;
      }
      if (msg.type === "session:ended") sock.stop();
      if (msg.type === "error") {
        setFlash(msg.code);
        return;
      }
      if (msg.type === "answer:accepted") buzz(30);
      if (msg.type === "game:answer_revealed" && !("results" in msg)) {
        buzz(verdictOf(msg.myOptionId, msg.correctOptionId, msg.myPoints) === "right" ? [40, 60, 40] : 120);
      }
      const view = { deadline: sock.localDeadline.bind(sock), pending: sock.pendingAnswer() };
      setGame((g) => applyPlayer(g, msg, view));
    },
  });

  // The screen stays awake from the lobby to the last leaderboard.
  useWakeLock(game.phase !== "joining" && game.phase !== "ended" && socket.status !== "stopped");

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 4000);
    return () => clearTimeout(t);
  }, [flash]);

  const onChoose = (optionId: string) => {
    const q = game.question;
    if (!q || game.phase !== "question_open") return;
    socket.answer(q.questionId, optionId);
    setGame((g) => choose(g, optionId));
  };

  const onLeave = () => {
    if (!socket.send({ type: "leave" })) return;
    setPlayerCredentials(code, null);
    socket.stop();
    onGone({ kind: "left" });
  };

  return (
    <>
      <TopBar>{game.pseudonym ? <span data-testid="me">{game.pseudonym}</span> : null}</TopBar>
      <ConnectionBanner status={socket.status} onResume={socket.resume} />
      {game.hostAway && game.phase !== "ended" ? (
        <div class="notice host-away" role="status">
          {t("play.hostAway")}
        </div>
      ) : null}
      <main class="play">
        {flash ? (
          <div class="alert" role="alert">
            {errorText({ code: flash })}
          </div>
        ) : null}
        {game.phase === "waiting" ? seatSwitch : null}
        <Screen game={game} code={code} onChoose={onChoose} onLeave={onLeave} />
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
