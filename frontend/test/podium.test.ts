// Podium steps from competition ranks: ties share a step, a crowded step names a few and counts
// the rest, the viewer is never hidden, and places nobody holds get no step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { podiumSteps } from "../src/lib/podium";
import type { RankingEntry } from "../src/protocol.gen";

/** A ranking from `[name, score]` pairs in ranking order, ranked 1, 1, 3 as the server does. */
function ranking(pairs: [string, number][]): RankingEntry[] {
  return pairs.map(([pseudonym, score]) => ({ pseudonym, score, rank: pairs.findIndex(([, s]) => s === score) + 1 }));
}

const names = (step: { shown: RankingEntry[] }) => step.shown.map((e) => e.pseudonym);

test("no ties: one name on each of three steps", () => {
  const steps = podiumSteps(ranking([["A", 300], ["B", 200], ["C", 100], ["D", 50]]), 4);
  assert.deepEqual(steps.map((s) => [s.rank, names(s), s.more, s.count, s.score]), [
    [1, ["A"], 0, 1, 300],
    [2, ["B"], 0, 1, 200],
    [3, ["C"], 0, 1, 100],
  ]);
});

test("a tie for first: both on the gold step, no silver step, the next is third", () => {
  const steps = podiumSteps(ranking([["A", 300], ["B", 300], ["C", 100], ["D", 50]]), 4);
  assert.deepEqual(steps.map((s) => [s.rank, names(s), s.count]), [
    [1, ["A", "B"], 2],
    [3, ["C"], 1],
  ]);
});

test("three tied for second share the silver step", () => {
  const steps = podiumSteps(ranking([["A", 300], ["B", 200], ["C", 200], ["D", 200], ["E", 10]]), 4);
  assert.deepEqual(steps.map((s) => [s.rank, names(s)]), [
    [1, ["A"]],
    [2, ["B", "C", "D"]],
  ]);
});

test("as many names as lines: all named; one more: the last line counts the rest", () => {
  const four = podiumSteps(ranking([["A", 9], ["B", 9], ["C", 9], ["D", 9]]), 4);
  assert.deepEqual([names(four[0]!), four[0]!.more], [["A", "B", "C", "D"], 0]);
  const six = podiumSteps(ranking([["A", 9], ["B", 9], ["C", 9], ["D", 9], ["E", 9], ["F", 9], ["G", 1]]), 4);
  assert.deepEqual(six.map((s) => [s.rank, names(s), s.more, s.count]), [[1, ["A", "B", "C"], 3, 6]], "the seventh is ranked 7th, off the podium");
});

test("the viewer on a crowded step is named, in place of the last name shown", () => {
  const r = ranking([["A", 9], ["B", 9], ["C", 9], ["D", 9], ["E", 9], ["F", 9]]);
  const [gold] = podiumSteps(r, 3, "E");
  assert.deepEqual([names(gold!), gold!.more], [["A", "E"], 4]);
  const [same] = podiumSteps(r, 3, "A");
  assert.deepEqual(names(same!), ["A", "B"], "already shown: nothing moves");
});

test("an empty ranking has no steps; fewer than two lines is refused", () => {
  assert.deepEqual(podiumSteps([], 4), []);
  assert.throws(() => podiumSteps(ranking([["A", 1]]), 1), /at least 2 lines/);
  assert.throws(() => podiumSteps(ranking([["A", 1]]), 2.5), /at least 2 lines/);
});

