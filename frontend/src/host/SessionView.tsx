// The host's live session: the socket and its state, status lines, and which screen shows
// (opening, editing, or the phase panel with the phone bar). The panels live in their own
// files: SessionBar, EditScreen, PhaseScreen (LobbyPanel, QuestionPanel, RevealPanel,
// BoardPanel, FinalPanel).
import { useEffect, useRef, useState } from "preact/hooks";
import type { ClientMessage, ErrorCode } from "../protocol.gen";
import { useSessionSocket } from "../lib/useSessionSocket";
import { applyHost, INITIAL_HOST, type HostState } from "../lib/hostState";
import { t, type MessageKey } from "../i18n";
import { errorText } from "../i18n/wire";
import { setHostHandle } from "../lib/storage";
import { draftToInput, fieldErrorMap, type Draft, type Problem } from "../lib/validate";
import { ConnectionBanner } from "../components/ConnectionBanner";
import { PhoneBar } from "./PhoneBar";
import type { Suggestions } from "./TastingForm";
import { proposeCustomAnswers } from "./suggest";
import { SessionBar } from "./SessionBar";
import { lazyScreen } from "./lazy";
import { PhaseScreen } from "./PhaseScreen";
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

// The edit form (and the catalog client under it) loads only when the host edits from the lobby.
const EditScreen = lazyScreen(() => import("./EditScreen").then((m) => m.EditScreen));

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
