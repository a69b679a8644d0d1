// The question countdown: never above the question's duration, never counting up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatSeconds, remainingMs, resynced, timerFrom } from "../src/lib/countdown";
import { applyPlayer, EMPTY_GAME } from "../src/play/state";
import { playerSnapshot, question, questionMsg } from "./fixtures";

const NOW = 1_000_000;
/** A socket whose clock estimate is `errorMs` behind the server's (an uneven round trip). */
const offBy = (errorMs: number) => (remaining: number, serverTime: number) => serverTime + remaining + errorMs;

test("a 60-second question starts at 60, not 61, when the clock estimate is a little off", () => {
  // The message left the server at NOW - 40 (local time) and arrives at NOW.
  const timer = timerFrom(offBy(150), 60_000, NOW - 40, 60_000, false, NOW);
  assert.equal(formatSeconds(remainingMs(timer, NOW)), "60");
  assert.ok(remainingMs(timer, NOW) <= 60_000);
});

test("the seconds shown only go down while the question runs", () => {
  const timer = timerFrom(offBy(900), 60_000, NOW, 60_000, false, NOW);
  let last = Infinity;
  for (let t = NOW - 2_000; t <= NOW + 61_000; t += 125) {
    const shown = Number(formatSeconds(remainingMs(timer, t)));
    assert.ok(shown <= 60, `at ${t - NOW} ms the countdown shows ${shown}`);
    assert.ok(shown <= last, `at ${t - NOW} ms the countdown went up from ${last} to ${shown}`);
    last = shown;
  }
  assert.equal(last, 0);
});

test("a remaining time above the duration is capped, running or paused", () => {
  const same = (remaining: number, serverTime: number) => serverTime + remaining;
  assert.equal(remainingMs(timerFrom(same, 61_000, NOW, 60_000, false, NOW), NOW), 60_000);
  assert.equal(remainingMs(timerFrom(same, 61_000, NOW, 60_000, true, NOW), NOW), 60_000);
  // A countdown read against a stale clock (a tick from an earlier question).
  assert.equal(remainingMs({ deadline: NOW + 60_000, frozenMs: null, durationMs: 60_000 }, NOW - 5_000), 60_000);
});

test("a new timer for the same question never moves the countdown up through clock noise", () => {
  const running = { deadline: NOW + 30_000, frozenMs: null, durationMs: 60_000 };
  const later = { deadline: NOW + 30_400, frozenMs: null, durationMs: 60_000 };
  assert.equal(resynced(running, later, true, NOW).deadline, NOW + 30_000);
  assert.equal(resynced(running, later, false, NOW).deadline, NOW + 30_400, "a new question starts afresh");
  // Pausing: the frozen time is not above what was on screen.
  const paused = resynced(running, { deadline: null, frozenMs: 30_300, durationMs: 60_000 }, true, NOW);
  assert.deepEqual([paused.deadline, paused.frozenMs], [null, 30_000]);
  // Resuming: the countdown goes on from the frozen time, not above it.
  const resumed = resynced(paused, { deadline: NOW + 30_200, frozenMs: null, durationMs: 60_000 }, true, NOW);
  assert.equal(resumed.deadline, NOW + 30_000);
});

test("a real change (the host paused while this phone was away) is taken even when it goes up", () => {
  const running = { deadline: NOW + 2_000, frozenMs: null, durationMs: 60_000 };
  const server = { deadline: NOW + 25_000, frozenMs: null, durationMs: 60_000 };
  assert.equal(resynced(running, server, true, NOW).deadline, NOW + 25_000);
  const frozen = { deadline: null, frozenMs: 25_000, durationMs: 60_000 };
  assert.equal(resynced(running, frozen, true, NOW).frozenMs, 25_000);
});

test("a player's snapshot after a reconnect keeps the running countdown from going up", () => {
  // The reducer reads the real clock: the server's time is "now" here.
  const NOW = Date.now();
  const q = { remainingMs: 30_000, serverTime: NOW, durationMs: 60_000 };
  const exact = { deadline: (remaining: number, serverTime: number) => serverTime + remaining, pending: null };
  const running = applyPlayer(EMPTY_GAME, questionMsg(q), exact);
  const again = applyPlayer(running, playerSnapshot({ currentQuestion: question(q), remainingMs: 30_000, serverTime: NOW }), { deadline: offBy(500), pending: null });
  assert.equal(again.timer.deadline, running.timer.deadline);
  const next = applyPlayer(running, playerSnapshot({ currentQuestion: question({ ...q, questionId: "q-0-1" }), remainingMs: 30_000, serverTime: NOW }), { deadline: offBy(-500), pending: null });
  assert.equal(next.timer.deadline, NOW + 29_500, "another question takes its own deadline");
});
