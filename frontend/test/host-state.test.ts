import { test } from "node:test";
import assert from "node:assert/strict";
import { applyHost, INITIAL_HOST, nextLabel, type HostState } from "../src/lib/hostState";
import { clock, questionMsg } from "./fixtures";

const board = (questionIndex: number, totalQuestions: number): HostState =>
  applyHost(INITIAL_HOST, { type: "game:question_leaderboard", rankings: [], rankedCount: 0, roundIndex: 0, totalRounds: 2, questionIndex, totalQuestions }, clock);

test("the next step follows the server's totals, not a copy of them", () => {
  assert.equal(nextLabel(board(0, 3)), "Next question");
  assert.equal(nextLabel(board(1, 3)), "Next question");
  assert.equal(nextLabel(board(2, 3)), "Reveal the wine", "a three-question wine unveils after its third");
  assert.equal(nextLabel(board(3, 5)), "Next question");
  assert.equal(nextLabel(board(4, 5)), "Reveal the wine");
});

test("every question's reveal leads to its leaderboard, the fifth included", () => {
  let s = applyHost(INITIAL_HOST, questionMsg({ questionIndex: 4, totalQuestions: 5 }), clock);
  s = applyHost(s, { type: "game:answer_revealed", questionId: "q-0-0", correctOptionId: "a", results: [], optionCounts: [] }, clock);
  assert.equal(s.phase, "question_revealed");
  assert.equal(nextLabel(s), "Show leaderboard");
});

test("round leaderboards: next wine, then the final results", () => {
  const round = (roundIndex: number) =>
    applyHost(INITIAL_HOST, { type: "game:round_leaderboard", rankings: [], rankedCount: 0, roundIndex, totalRounds: 2, wine: { name: "Château Margaux", answers: [] } }, clock);
  assert.equal(nextLabel(round(0)), "Next wine");
  assert.equal(nextLabel(round(1)), "Final results");
});

test("a question's totals and timer come from its message", () => {
  const s = applyHost(INITIAL_HOST, questionMsg({ totalQuestions: 4, remainingMs: 9_000, serverTime: 50 }), clock);
  assert.deepEqual([s.totalQuestions, s.totalRounds, s.timer.deadline], [4, 2, 9_050]);
  const paused = applyHost(s, { type: "game:timer_paused", remainingMs: 4_000, serverTime: 60 }, clock);
  assert.deepEqual([paused.phase, paused.timer.frozenMs, paused.timer.deadline], ["question_paused", 4_000, null]);
});

test("the lobby lock follows the server", () => {
  let s = applyHost(INITIAL_HOST, { type: "lobby:locked", locked: true }, clock);
  assert.equal(s.locked, true);
  s = applyHost(s, { type: "lobby:locked", locked: false }, clock);
  assert.equal(s.locked, false);
});

test("answered pseudonyms are counted once; presence updates the list", () => {
  let s = applyHost(INITIAL_HOST, questionMsg(), clock);
  s = applyHost(s, { type: "game:participant_answered", pseudonym: "A", answeredCount: 1, totalCount: 2 }, clock);
  s = applyHost(s, { type: "game:participant_answered", pseudonym: "A", answeredCount: 1, totalCount: 2 }, clock);
  assert.deepEqual(s.answered, ["A"]);
  s = applyHost(s, { type: "lobby:updated", participant: { pseudonym: "B", online: true, left: false }, count: 1, maxParticipants: 10 }, clock);
  s = applyHost(s, { type: "lobby:updated", participant: { pseudonym: "B", online: false, left: false }, count: 1, maxParticipants: 10 }, clock);
  assert.deepEqual(s.participants, [{ pseudonym: "B", online: false, score: 0 }]);
  s = applyHost(s, { type: "lobby:updated", participant: { pseudonym: "B", online: false, left: true }, count: 0, maxParticipants: 10 }, clock);
  assert.deepEqual(s.participants, []);
});

test("the final leaderboard brings every palate report", () => {
  const tally = { category: "region", questions: 2, correct: 1, nearMisses: 1, points: 130 } as const;
  const palate = { reports: [{ pseudonym: "A", categories: [tally], winePoints: [130], strongest: null, weakest: null }], room: [tally] };
  const s = applyHost(INITIAL_HOST, { type: "game:final_leaderboard", rankings: [{ pseudonym: "A", score: 130, rank: 1 }], rankedCount: 1, palate }, clock);
  assert.deepEqual([s.phase, s.final, s.palate], ["ended", true, palate]);
});
