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

/**
 * The timer of a question from the server's `remainingMs` at `serverTime`, running or frozen.
 * The server measured `remaining` before its message left, so time cannot run out later than
 * `now + remaining`: the deadline is capped there, as a clock estimate a few milliseconds off
 * (an uneven round trip) would otherwise show "61" at the start of a 60-second question.
 */
export function timerFrom(
  deadline: LocalDeadline,
  remaining: number | null,
  serverTime: number,
  durationMs: number,
  paused: boolean,
  now = Date.now(),
): Timer {
  if (remaining === null) return NO_TIMER;
  const left = capped(Math.max(0, remaining), durationMs);
  return paused ? { deadline: null, frozenMs: left, durationMs } : { deadline: Math.min(deadline(left, serverTime), now + left), frozenMs: null, durationMs };
}

/**
 * How much later than the countdown on screen a new timer for the same question may say time
 * runs out and still be clock noise (a re-estimated offset, a message's transit) rather than a
 * real change (the host paused while this device was away): within it the countdown does not
 * go up.
 */
export const RESYNC_SLACK_MS = 1500;

/**
 * A new timer (snapshot, pause, resume) for the question already on screen: the seconds shown
 * never go up through clock noise, so a deadline or frozen time at most RESYNC_SLACK_MS beyond
 * the countdown on screen is held to it; a larger difference is the server's word and is taken.
 */
export function resynced(previous: Timer, next: Timer, sameQuestion: boolean, now = Date.now()): Timer {
  if (!sameQuestion || (previous.deadline === null && previous.frozenMs === null)) return next;
  const shown = remainingMs(previous, now);
  const said = remainingMs(next, now);
  if (said <= shown || said - shown > RESYNC_SLACK_MS) return next;
  return next.frozenMs !== null ? { ...next, frozenMs: shown } : { ...next, deadline: now + shown };
}

/** Remaining milliseconds of a timer now: never negative, never more than the question's duration. */
export function remainingMs(timer: Timer, now = Date.now()): number {
  if (timer.frozenMs !== null) return capped(Math.max(0, timer.frozenMs), timer.durationMs);
  if (timer.deadline === null) return 0;
  return capped(Math.max(0, timer.deadline - now), timer.durationMs);
}

/** `ms` capped at a known duration (a zero duration means unknown). */
function capped(ms: number, durationMs: number): number {
  return durationMs > 0 ? Math.min(ms, durationMs) : ms;
}

/**
 * Re-renders about four times a second while the timer runs; returns the remaining ms. The
 * clock is read at render, not kept from the last tick: a countdown that stayed mounted since
 * an earlier question would otherwise start its new deadline against a stale time.
 */
export function useRemaining(timer: Timer): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (timer.deadline === null || timer.frozenMs !== null) return;
    const id = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(id);
  }, [timer.deadline, timer.frozenMs]);
  return remainingMs(timer, Date.now());
}

/** Whole seconds left (rounded up, so "1" shows until time is really up). */
export function formatSeconds(ms: number): string {
  return String(Math.ceil(ms / 1000));
}
