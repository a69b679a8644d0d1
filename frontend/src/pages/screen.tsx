// Projector view and control room (/screen?code=…): follows the host's session on a TV and runs
// it from the TV's keyboard or a presentation clicker (shortcuts in screen/controls.ts), with a
// control bar that shows on demand, sound cues and the podium ceremony. It connects as host with
// this browser's host key, or with a key carried by a TV link's fragment (this tab only).
import "../styles/screen.css";
import "../i18n/staff"; // this page's texts, before it renders
import { useEffect, useRef, useState } from "preact/hooks";
import type { ErrorCode } from "../protocol.gen";
import { renderPage, t, tx, type MessageKey } from "../i18n";
import { errorText } from "../i18n/wire";
import { LanguagePicker } from "../components/LanguagePicker";
import { useSessionSocket } from "../lib/useSessionSocket";
import { applyHost, INITIAL_HOST, type HostState } from "../lib/hostState";
import { screenKey } from "../lib/storage";
import { isMuted, setMuted } from "../lib/mute";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { COMMAND, keyAction, type HostCommand } from "../screen/controls";
import { ControlBar, HelpDialog } from "../screen/ControlBar";
import { ScreenPhase } from "../screen/Phases";
import { useCues } from "../screen/useCues";

const FATAL: Partial<Record<ErrorCode, MessageKey>> = {
  INVALID_HOST_KEY: "screen.notHostKey",
  SESSION_NOT_FOUND: "session.gone",
  NOT_HOST: "error.INVALID_HOST_KEY",
};

/** A status line: a message key, or a refusal written from its code when shown. */
type Flash = { key: MessageKey } | { refused: unknown };

function toggleFullscreen(): void {
  const done = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
  void done?.catch(() => undefined); // refused (no gesture, iframe): nothing to do
}

function App() {
  const code = new URLSearchParams(location.search).get("code") ?? "";
  const [key] = useState(screenKey);
  const valid = /^\d{4}$/.test(code);
  const [state, setState] = useState<HostState>(INITIAL_HOST);
  const [fatal, setFatal] = useState<MessageKey | null>(!valid ? "screen.noCode" : !key ? FATAL.INVALID_HOST_KEY! : null);
  const [muted, setMutedState] = useState(isMuted);
  const [help, setHelp] = useState(false);
  const [flash, setFlash] = useState<Flash | null>(null);

  const socket = useSessionSocket({
    code,
    enabled: valid && !!key,
    keys: [key],
    identify: () => (key ? { type: "rejoin_host", hostKey: key } : null),
    fatal: FATAL,
    onFatal: setFatal,
    onMessage: (msg, sock) => {
      if (msg.type === "error") {
        setFlash({ refused: msg });
        return;
      }
      const clock = sock.localDeadline.bind(sock);
      setState((s) => applyHost(s, msg, clock));
    },
  });
  useCues(state, muted);

  const command = (c: HostCommand) => {
    if (!socket.send(COMMAND[c])) setFlash({ key: "session.offline" });
  };
  const toggleMute = () => {
    setMuted(!muted);
    setMutedState(!muted);
  };

  // The keyboard runs the game; the latest state and handlers without re-binding per render.
  const latest = useRef({ state, command, toggleMute, help });
  latest.current = { state, command, toggleMute, help };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("input, textarea, select")) return;
      const { state: s, command: run, toggleMute: mute, help: helpOpen } = latest.current;
      const action = keyAction(e.key, s, !!target?.closest("button, a, summary"));
      if (!action) return;
      e.preventDefault();
      if (action.kind === "command") run(action.command);
      else if (action.kind === "fullscreen") toggleFullscreen();
      else if (action.kind === "mute") mute();
      else if (action.kind === "help") setHelp(!helpOpen);
      else setHelp(false);
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 5000);
    return () => clearTimeout(t);
  }, [flash]);
  useEffect(() => setFlash(null), [state.phase]);

  if (fatal) {
    return (
      <main class="screen screen-center">
        <h1>Sommelier Arena</h1>
        <p class="screen-note" role="alert">
          {t(fatal)}
        </p>
        <LanguagePicker class="screen-lang" />
      </main>
    );
  }
  return (
    <>
      <ConnectionBanner status={socket.status} onResume={socket.resume} />
      <main class="screen">
        {flash ? (
          <p class="screen-flash" role="status">
            {"key" in flash ? t(flash.key) : errorText(flash.refused)}
          </p>
        ) : null}
        {state.ready ? <ScreenPhase state={state} code={code} /> : <p class="screen-note">{t("screen.connecting", { code })}</p>}
        {state.ready && state.phase === "waiting" ? (
          <p class="screen-hint">{tx("screen.hint", { f: <kbd>F</kbd>, space: <kbd>{t("screen.keySpace")}</kbd>, help: <kbd>?</kbd> })}</p>
        ) : null}
        {/* Inside the main landmark, like everything else on the page (fixed at the bottom). */}
        {state.ready ? (
          <ControlBar
            state={state}
            connected={socket.status === "open"}
            muted={muted}
            onCommand={command}
            onFullscreen={toggleFullscreen}
            onMute={toggleMute}
            onHelp={() => setHelp(!help)}
          />
        ) : null}
        {help ? <HelpDialog onClose={() => setHelp(false)} /> : null}
      </main>
    </>
  );
}

renderPage(() => <App />);
