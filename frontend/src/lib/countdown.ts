// Local countdowns: the server sends the remaining time and its clock with each question,
// pause and resume; the client counts down on its own (no server ticks).
import { useEffect, useState } from "preact/hooks";

export interface Timer {
  /** Local `Date.now()` at which time runs out, when running. */
  deadline: number | null;
  /** Frozen remaining time while paused. */
  frozenMs: number | null;
  durationMs: number;
}

export const NO_TIMER: Timer = { deadline: null, frozenMs: null, durationMs: 0 };

/** Turns a server's remaining time and clock into a local deadline (the socket's clock estimate). */
export type LocalDeadline = (remainingMs: number, serverTime: number) => number;

/** The timer of a question from the server's `remainingMs` at `serverTime`, running or frozen. */
export function timerFrom(deadline: LocalDeadline, remaining: number | null, serverTime: number, durationMs: number, paused: boolean): Timer {
  if (remaining === null) return NO_TIMER;
  return paused ? { deadline: null, frozenMs: remaining, durationMs } : { deadline: deadline(remaining, serverTime), frozenMs: null, durationMs };
}

/** Remaining milliseconds of a timer now (never negative). */
export function remainingMs(timer: Timer, now = Date.now()): number {
  if (timer.frozenMs !== null) return Math.max(0, timer.frozenMs);
  if (timer.deadline === null) return 0;
  return Math.max(0, timer.deadline - now);
}

/** Re-renders about four times a second while the timer runs; returns the remaining ms. */
export function useRemaining(timer: Timer): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (timer.deadline === null || timer.frozenMs !== null) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [timer.deadline, timer.frozenMs]);
  return remainingMs(timer, now);
}

/** Whole seconds left (rounded up, so "1" shows until time is really up). */
export function formatSeconds(ms: number): string {
  return String(Math.ceil(ms / 1000));
}
