// The one hook behind /play, /host and /screen: opens a SessionSocket for a session code while
// the component is mounted (and `enabled`), re-identifies on every reconnect, reports the
// connection status, and hands each server message to the latest `onMessage` closure.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ClientMessage, ErrorCode, ServerMessage } from "../protocol.gen";
import { SessionSocket, type ConnectionStatus } from "./socket";

export interface SessionSocketHook {
  status: ConnectionStatus;
  /** Sends now if connected; returns whether the frame went out. */
  send: (msg: ClientMessage) => boolean;
  /** Submits an answer through the socket's outbox (re-sent until acknowledged). */
  answer: (questionId: string, optionId: string) => void;
  /** Closes for good (kicked, left, a fatal error). */
  stop: () => void;
  /** Reconnects after the server replaced this socket with a newer one (status `replaced`). */
  resume: () => void;
}

export interface SessionSocketOptions<F extends string = string> {
  code: string;
  /** Whether to connect at all (e.g. false until a code and a key are known). */
  enabled?: boolean;
  /** The identification sent after every (re)connect. */
  identify: () => ClientMessage | null;
  /** Each server message (pongs excluded), with the socket for its clock and outbox. */
  onMessage: (msg: ServerMessage, sock: SessionSocket) => void;
  /** Errors that end this page's use of the socket, with what to show (a message key; see `onFatal`). */
  fatal?: Partial<Record<ErrorCode, F>>;
  /** Called once the socket stopped for a `fatal` error; `onMessage` does not see it. */
  onFatal?: (text: F, code: ErrorCode) => void;
  /** Reconnects with a new socket when one of these changes (besides the code). */
  keys?: unknown[];
}

export function useSessionSocket<F extends string = string>(opts: SessionSocketOptions<F>): SessionSocketHook {
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const sockRef = useRef<SessionSocket | null>(null);
  // The latest closures, so a re-render never needs a new socket.
  const latest = useRef(opts);
  latest.current = opts;
  const enabled = opts.enabled ?? true;

  useEffect(() => {
    if (!enabled) return;
    const sock: SessionSocket = new SessionSocket({
      code: opts.code,
      identify: () => latest.current.identify(),
      onStatus: setStatus,
      onMessage: (msg) => {
        const { fatal, onFatal, onMessage } = latest.current;
        const text = msg.type === "error" ? fatal?.[msg.code] : undefined;
        if (msg.type === "error" && text) {
          sock.stop();
          onFatal?.(text, msg.code);
          return;
        }
        onMessage(msg, sock);
      },
    });
    sockRef.current = sock;
    sock.start();
    return () => {
      sock.stop();
      if (sockRef.current === sock) sockRef.current = null;
    };
  }, [opts.code, enabled, ...(opts.keys ?? [])]);

  return {
    status,
    send: (msg) => sockRef.current?.send(msg) ?? false,
    answer: (questionId, optionId) => sockRef.current?.answer(questionId, optionId),
    stop: () => sockRef.current?.stop(),
    resume: () => sockRef.current?.resume(),
  };
}
