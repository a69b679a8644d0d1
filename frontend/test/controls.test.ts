import { test } from "node:test";
import assert from "node:assert/strict";
import { applyHost, INITIAL_HOST, type HostState } from "../src/lib/hostState";
import { everyoneAnswered, keyAction, mainAction, pauseAction } from "../src/screen/controls";
import { movement } from "../src/lib/ranks";
import { clock, questionMsg } from "./fixtures";

const people = (...names: [string, boolean][]) => names.map(([pseudonym, online]) => ({ pseudonym, online, score: 0 }));
const at = (over: Partial<HostState>): HostState => ({ ...INITIAL_HOST, ready: true, ...over });

test("the main action of each phase", () => {
  assert.equal(mainAction(at({ phase: "waiting" })), null, "no start without players");
  assert.deepEqual(mainAction(at({ phase: "waiting", participants: people(["A", true]) })), { command: "start", label: "Start the tasting" });
  assert.equal(mainAction(at({ phase: "question_open" }))?.command, "reveal");
  assert.equal(mainAction(at({ phase: "question_paused" }))?.command, "reveal");
  assert.deepEqual(mainAction(at({ phase: "question_revealed" })), { command: "next", label: "Show leaderboard" });
  assert.equal(mainAction(at({ phase: "round_leaderboard", roundIndex: 1, totalRounds: 2 }))?.label, "Final results");
  assert.equal(mainAction(at({ phase: "ended" })), null);
});

test("reveal says when every connected participant has answered", () => {
  let s = applyHost(at({ participants: people(["A", true], ["B", true], ["C", false]) }), questionMsg(), clock);
  assert.equal(mainAction(s)?.label, "Reveal answer");
  s = applyHost(s, { type: "game:participant_answered", pseudonym: "A", answeredCount: 1, totalCount: 3 }, clock);
  assert.equal(everyoneAnswered(s), false);
  s = applyHost(s, { type: "game:participant_answered", pseudonym: "B", answeredCount: 2, totalCount: 3 }, clock);
  assert.equal(everyoneAnswered(s), true, "the offline player is not waited for");
  assert.equal(mainAction(s)?.label, "Everyone answered: reveal");
  assert.equal(everyoneAnswered(at({ phase: "question_open" })), false, "nobody connected: not everyone");
});

test("keyboard shortcuts: Space, → and Page Down do the main action; R, P, F, M, ?, Esc", () => {
  const open = at({ phase: "question_open" });
  for (const key of [" ", "ArrowRight", "PageDown"]) assert.deepEqual(keyAction(key, open), { kind: "command", command: "reveal" }, key);
  assert.equal(keyAction(" ", open, true), null, "Space on a focused button belongs to the button");
  assert.deepEqual(keyAction("ArrowRight", open, true), { kind: "command", command: "reveal" }, "a clicker's → still works");
  assert.deepEqual(keyAction("r", open), { kind: "command", command: "reveal" });
  assert.equal(keyAction("R", at({ phase: "question_leaderboard" })), null, "no reveal outside a question");
  assert.deepEqual(keyAction("p", open), { kind: "command", command: "pause" });
  assert.deepEqual(keyAction("P", at({ phase: "question_paused" })), { kind: "command", command: "resume" });
  assert.equal(keyAction("p", at({ phase: "question_revealed" })), null);
  assert.equal(pauseAction(at({ phase: "waiting" })), null);
  assert.deepEqual(keyAction("f", open), { kind: "fullscreen" });
  assert.deepEqual(keyAction("M", open), { kind: "mute" });
  assert.deepEqual(keyAction("?", open), { kind: "help" });
  assert.deepEqual(keyAction("Escape", open), { kind: "close" });
  assert.equal(keyAction("x", open), null);
  assert.equal(keyAction(" ", at({ phase: "ended" })), null);
});

test("leaderboard movement: places and points since the previous board", () => {
  const before = [
    { pseudonym: "A", score: 10, rank: 1 },
    { pseudonym: "B", score: 5, rank: 2 },
  ];
  assert.deepEqual(movement({ pseudonym: "B", score: 25, rank: 1 }, before), { places: 1, gained: 20 });
  assert.deepEqual(movement({ pseudonym: "A", score: 10, rank: 2 }, before), { places: -1, gained: 0 });
  assert.equal(movement({ pseudonym: "C", score: 3, rank: 3 }, before), null);
  assert.equal(movement({ pseudonym: "A", score: 3, rank: 3 }, null), null);
});

test("the host keeps the previous leaderboard for movement", () => {
  const board = (rankings: { pseudonym: string; score: number; rank: number }[], questionIndex: number) =>
    ({ type: "game:question_leaderboard", rankings, rankedCount: rankings.length, roundIndex: 0, totalRounds: 1, questionIndex, totalQuestions: 5 }) as const;
  let s = applyHost(INITIAL_HOST, board([{ pseudonym: "A", score: 10, rank: 1 }], 0), clock);
  assert.equal(s.previousBoard, null);
  s = applyHost(s, questionMsg({ questionIndex: 1 }), clock);
  assert.equal(s.rankings, null, "no board while a question runs");
  s = applyHost(s, board([{ pseudonym: "A", score: 30, rank: 1 }], 1), clock);
  assert.deepEqual(s.previousBoard, [{ pseudonym: "A", score: 10, rank: 1 }]);
});
