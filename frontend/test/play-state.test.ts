import { test } from "node:test";
import assert from "node:assert/strict";
import { applyPlayer, choose, DEFAULT_OPTIONS, EMPTY_GAME, myRank } from "../src/play/state";
import { remainingMs } from "../src/lib/countdown";
import { clock, playerSnapshot, question, questionMsg } from "./fixtures";

const idle = { deadline: clock, pending: null };

test("a snapshot restores the question, its totals and the running timer", () => {
  const g = applyPlayer(EMPTY_GAME, playerSnapshot({ selectedOptionId: "c" }), idle);
  assert.equal(g.phase, "question_open");
  assert.equal(g.totalQuestions, 3, "totals come from the wire");
  assert.equal(g.totalRounds, 2);
  assert.equal(g.selected, "c");
  assert.equal(g.acknowledged, true);
  assert.equal(remainingMs(g.timer, 1_000_000), 20_000);
});

test("an answer still in the outbox shows as chosen but not yet acknowledged", () => {
  const g = applyPlayer(EMPTY_GAME, playerSnapshot({ selectedOptionId: "a" }), { deadline: clock, pending: { questionId: "q-0-0", optionId: "b" } });
  assert.equal(g.selected, "b");
  assert.equal(g.acknowledged, false);
});

test("a paused snapshot freezes the timer", () => {
  const g = applyPlayer(EMPTY_GAME, playerSnapshot({ phase: "question_paused", paused: true, remainingMs: 7_000 }), idle);
  assert.equal(remainingMs(g.timer, 9e12), 7_000);
});

test("choosing, acknowledging, and a new question clearing the choice", () => {
  let g = applyPlayer(EMPTY_GAME, questionMsg(), idle);
  g = choose(g, "d");
  assert.deepEqual([g.selected, g.acknowledged], ["d", false]);
  g = applyPlayer(g, { type: "answer:accepted", questionId: "q-0-1", optionId: "a" }, idle);
  assert.deepEqual([g.selected, g.acknowledged], ["d", false], "another question's acknowledgement is ignored");
  g = applyPlayer(g, { type: "answer:accepted", questionId: "q-0-0", optionId: "d" }, idle);
  assert.deepEqual([g.selected, g.acknowledged], ["d", true]);
  g = applyPlayer(g, questionMsg({ questionId: "q-0-1", questionIndex: 1 }), idle);
  assert.deepEqual([g.selected, g.questionIndex], [null, 1]);
});

test("leaderboards carry the number ranked when the server sends it, and my rank", () => {
  let g = applyPlayer(EMPTY_GAME, playerSnapshot(), idle);
  const rankings = [
    { pseudonym: "A", score: 30, rank: 1 },
    { pseudonym: "B", score: 20, rank: 2 },
  ];
  g = applyPlayer(g, { type: "game:question_leaderboard", rankings, me: { pseudonym: "TANNIC-FALCON", score: 5, rank: 30 }, rankedCount: 50, roundIndex: 0, totalRounds: 2, questionIndex: 2, totalQuestions: 3 }, idle);
  assert.equal(g.ranked, 50, "the number ranked, not the top list's length (2)");
  assert.equal(myRank(g), 30);
  g = applyPlayer(g, playerSnapshot({ phase: "question_leaderboard", currentQuestion: null, rankings, me: { pseudonym: "TANNIC-FALCON", score: 5, rank: 30 } }), idle);
  assert.equal(g.ranked, 50, "a snapshot (no count) keeps the last one");
  g = applyPlayer(g, { type: "game:final_leaderboard", rankings, me: { pseudonym: "TANNIC-FALCON", score: 5, rank: 30 }, rankedCount: 51 }, idle);
  assert.equal(g.ranked, 51);
  assert.equal(g.final, true);
});

test("the reveal sets the score; a host's reveal is ignored", () => {
  let g = applyPlayer(EMPTY_GAME, questionMsg(), idle);
  g = applyPlayer(g, { type: "game:answer_revealed", questionId: "q-0-0", correctOptionId: "a", results: [], optionCounts: [] }, idle);
  assert.equal(g.phase, "question_open");
  g = applyPlayer(g, { type: "game:answer_revealed", questionId: "q-0-0", correctOptionId: "a", myOptionId: "a", myPoints: 10, myTotalScore: 25 }, idle);
  assert.deepEqual([g.phase, g.score], ["question_revealed", 25]);
  assert.equal(question().totalQuestions, g.totalQuestions);
});

test("tonight's options follow the lobby (absent means all defaults); the final keeps my palate", () => {
  const on = { speedBonus: true, pacing: "per_wine", autoAdvance: true } as const;
  let g = applyPlayer(EMPTY_GAME, playerSnapshot({ phase: "waiting", currentQuestion: null, options: on }), idle);
  assert.deepEqual(g.options, on);
  g = applyPlayer(g, { type: "lobby:updated", count: 4, maxParticipants: 50 }, idle);
  assert.deepEqual(g.options, DEFAULT_OPTIONS, "a push without options: the host set them back to the defaults");
  g = applyPlayer(g, { type: "lobby:updated", count: 4, maxParticipants: 50, options: on }, idle);
  assert.deepEqual(g.options, on);
  const tally = { category: "color", questions: 1, correct: 1, nearMisses: 0, points: 100 } as const;
  const report = { pseudonym: "TANNIC-FALCON", categories: [tally], winePoints: [100], strongest: null, weakest: null };
  const palate = { report, room: [tally] };
  g = applyPlayer(g, { type: "game:final_leaderboard", rankings: [], rankedCount: 1, palate }, idle);
  assert.deepEqual(g.palate, palate);
  g = applyPlayer(g, { type: "game:final_leaderboard", rankings: [], rankedCount: 1, palate: { reports: [report], room: [tally] } }, idle);
  assert.equal(g.palate, null, "a host's palate is never shown as mine");
});
