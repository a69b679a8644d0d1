// The session socket: one WebSocket to a session's Durable Object that reconnects by itself
// (exponential backoff with jitter, immediately when the network returns or the page becomes
// visible), identifies again after every reconnect, keeps an unacknowledged answer in its
// outbox (rules in outbox.ts), and estimates the server's clock from ping/pong so countdowns
// run locally.
import type { ClientMessage, ServerMessage } from "../protocol.gen";
import { outboxAfter, type PendingAnswer } from "./outbox";
import { CloseCode } from "../api.gen";

/** `replaced`: the server closed this socket for a newer one of the same seat or host (too
 * many tabs or devices); it waits for `resume()` instead of knocking the newer one off. */
export type ConnectionStatus = "connecting" | "open" | "reconnecting" | "replaced" | "stopped";

export interface SocketOptions {
  code: string;
  /** The identification to send after every (re)connect, or null to stay anonymous. */
  identify: () => ClientMessage | null;
  onMessage: (msg: ServerMessage) => void;
  onStatus?: (status: ConnectionStatus) => void;
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
const HEARTBEAT_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;

/** The WebSocket URL of a session on this origin. */
export function sessionSocketUrl(code: string): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api/sessions/${encodeURIComponent(code)}/ws`;
}

export class SessionSocket {
  status: ConnectionStatus = "connecting";
  /** Estimated `serverClock - localClock` in ms (0 until the first pong). */
  offset = 0;
  offsetKnown = false;
  private bestRtt = Infinity;
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: PendingAnswer | null = null;
  private readonly opts: SocketOptions;
  private readonly wake = () => this.retryNow();
  private readonly onOffline = () => this.drop();
  private readonly onVisible = () => {
    if (document.visibilityState !== "visible") return;
    if (this.ws?.readyState === WebSocket.OPEN) this.ping(true);
    else this.retryNow();
  };

  constructor(opts: SocketOptions) {
    this.opts = opts;
  }

  start(): void {
    addEventListener("online", this.wake);
    addEventListener("offline", this.onOffline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.connect();
  }

  /** Closes for good: no more reconnects (kicked, left, ended, page gone). */
  stop(): void {
    this.setStatus("stopped");
    clearTimeout(this.retryTimer);
    this.stopHeartbeat();
    removeEventListener("online", this.wake);
    removeEventListener("offline", this.onOffline);
    document.removeEventListener("visibilitychange", this.onVisible);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, "bye");
  }

  /** Sends now if connected; returns whether the frame went out. */
  send(msg: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) {
      console.warn(`session socket not open: ${msg.type} not sent`);
      return false;
    }
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  /** Submits an answer; kept until acknowledged and re-sent after a reconnect. */
  answer(questionId: string, optionId: string): void {
    this.pending = { questionId, optionId };
    this.send({ type: "submit_answer", questionId, optionId });
  }

  /** The answer still waiting for `answer:accepted`, if any. */
  pendingAnswer(): PendingAnswer | null {
    return this.pending;
  }

  /** The estimated server clock now. */
  serverNow(): number {
    return Date.now() + this.offset;
  }

  /** Local `Date.now()` at which a server-side remaining time reaches zero. */
  localDeadline(remainingMs: number, serverTime: number): number {
    if (!this.offsetKnown) return Date.now() + remainingMs;
    return serverTime + remainingMs - this.offset;
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    if (this.status === "stopped") return;
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private connect(): void {
    if (this.status === "stopped") return;
    clearTimeout(this.retryTimer);
    let ws: WebSocket;
    try {
      ws = new WebSocket(sessionSocketUrl(this.opts.code));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      opened = true;
      const hello = this.opts.identify();
      if (hello) ws.send(JSON.stringify(hello));
      this.ping(false);
      this.startHeartbeat();
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (this.ws !== ws) return;
      clearTimeout(this.pongTimer);
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      this.handle(msg);
    };
    ws.onclose = (ev: CloseEvent) => {
      if (this.ws !== ws) return;
      console.warn(`session socket closed (${ev.code}${ev.reason ? ` ${ev.reason}` : ""}); reconnecting`);
      this.ws = null;
      this.stopHeartbeat();
      if (ev.code === CloseCode.REPLACED) {
        this.setStatus("replaced");
        clearTimeout(this.retryTimer);
        return;
      }
      if ((!opened || ev.code === CloseCode.DELETED || ev.code === CloseCode.NOT_FOUND) && navigator.onLine !== false) this.checkExists();
      this.scheduleRetry();
    };
    ws.onerror = () => {
      // onclose follows and schedules the retry
    };
  }

  private handle(msg: ServerMessage): void {
    switch (msg.type) {
      case "pong": {
        const now = Date.now();
        const rtt = now - msg.t;
        if (rtt >= 0 && rtt <= this.bestRtt * 1.5 + 50) {
          this.bestRtt = Math.min(this.bestRtt, rtt);
          this.offset = msg.serverTime - (msg.t + rtt / 2);
          this.offsetKnown = true;
        }
        return; // pongs are the socket's business only
      }
      case "server:state_snapshot":
        this.setStatus("open");
        break;
      case "host:state_snapshot":
      case "participant:state_snapshot":
      case "participant:joined":
        this.attempt = 0;
        this.setStatus("open");
        break;
      case "session:ended":
        // A deleted or expired session is gone for good: nothing to reconnect to.
        if (msg.reason === "deleted" || msg.reason === "expired") {
          this.pending = null;
          this.opts.onMessage(msg);
          this.stop();
          return;
        }
        break;
      default:
        break;
    }
    const step = outboxAfter(this.pending, msg);
    this.pending = step.pending;
    if (step.resend && step.pending) this.send({ type: "submit_answer", ...step.pending });
    this.opts.onMessage(msg);
  }

  private ping(checkAlive: boolean): void {
    if (!this.send({ type: "ping", t: Date.now() })) return;
    if (checkAlive) {
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => this.drop(), PONG_TIMEOUT_MS);
    }
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => this.ping(true), HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.pongTimer);
  }

  /** Treats the connection as dead (network gone, no pong) and starts reconnecting. */
  private drop(): void {
    const ws = this.ws;
    if (!ws || this.status === "stopped") return;
    this.ws = null;
    this.stopHeartbeat();
    try {
      ws.close(4000, "reconnecting");
    } catch {
      // already closing
    }
    this.scheduleRetry();
  }

  /**
   * A socket that cannot even open may mean the session is gone (the upgrade is refused with
   * 404): ask the HTTP API, and report SESSION_NOT_FOUND instead of retrying forever.
   */
  private checkExists(): void {
    fetch(`/api/sessions/${encodeURIComponent(this.opts.code)}`)
      .then((res) => {
        if (res.status !== 404 || this.status === "stopped") return;
        this.opts.onMessage({ type: "error", code: "SESSION_NOT_FOUND", message: "This session does not exist." });
        this.stop();
      })
      .catch(() => undefined);
  }

  /** Takes the seat back after `replaced` (the user chose to play here). */
  resume(): void {
    if (this.status !== "replaced") return;
    this.attempt = 0;
    this.setStatus("connecting");
    this.connect();
  }

  private scheduleRetry(): void {
    if (this.status === "stopped" || this.status === "replaced") return;
    this.setStatus("reconnecting");
    clearTimeout(this.retryTimer);
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempt = Math.min(this.attempt + 1, 10);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private retryNow(): void {
    if (this.status === "stopped" || this.status === "replaced") return;
    const ws = this.ws;
    if (ws && ws.readyState !== WebSocket.CONNECTING) return;
    if (ws) {
      // An attempt started while the network was down would only fail later: start afresh.
      this.ws = null;
      ws.close();
    }
    this.attempt = 0;
    this.connect();
  }
}
