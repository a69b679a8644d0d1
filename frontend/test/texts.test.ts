import { test } from "node:test";
import assert from "node:assert/strict";
import { ordinal } from "../src/lib/labels";
import { gapToNext, placeText } from "../src/lib/ranks";
import { formatSeconds, NO_TIMER, remainingMs, timerFrom } from "../src/lib/countdown";
import { verdictOf } from "../src/play/Reveal";
import { refusalText } from "../src/play/Entry";
import { holdingsText } from "../src/host/KeySwitch";

test("ordinals", () => {
  const cases: [number, string][] = [[1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [11, "11th"], [12, "12th"], [13, "13th"], [21, "21st"], [22, "22nd"], [101, "101st"], [111, "111th"], [112, "112th"]];
  for (const [n, s] of cases) assert.equal(ordinal(n), s);
});

test("'Nth of M' counts the ranked participants the server sent, never the top-10 list", () => {
  assert.equal(placeText(30, 50), "30th of 50");
  assert.equal(placeText(30, null), "30th", "unknown total: no made-up M");
  assert.equal(placeText(3, 2), "3rd", "an inconsistent total is not shown");
});

test("the gap to the next place up", () => {
  const rankings = [
    { pseudonym: "A", score: 40, rank: 1 },
    { pseudonym: "B", score: 30, rank: 2 },
    { pseudonym: "C", score: 30, rank: 2 },
    { pseudonym: "D", score: 12, rank: 4 },
  ];
  assert.deepEqual(gapToNext(rankings[3]!, rankings), { points: 18, rank: 2 });
  assert.deepEqual(gapToNext(rankings[1]!, rankings), { points: 10, rank: 1 });
  assert.equal(gapToNext(rankings[0]!, rankings), null);
});

test("countdowns: rounding up, frozen while paused, never negative", () => {
  assert.equal(formatSeconds(0), "0");
  assert.equal(formatSeconds(1), "1");
  assert.equal(formatSeconds(1000), "1");
  assert.equal(formatSeconds(1001), "2");
  assert.equal(remainingMs(NO_TIMER), 0);
  const running = timerFrom((r, t) => t + r, 5_000, 100, 30_000, false);
  assert.equal(remainingMs(running, 2_100), 3_000);
  assert.equal(remainingMs(running, 99_999), 0);
  const frozen = timerFrom(() => 0, 5_000, 100, 30_000, true);
  assert.equal(remainingMs(frozen, 9e12), 5_000);
  assert.equal(timerFrom(() => 0, null, 0, 0, false), NO_TIMER);
});

test("verdicts: right, near miss (partial points), wrong, none", () => {
  assert.equal(verdictOf("a", "a", 10), "right");
  assert.equal(verdictOf("b", "a", 4), "near");
  assert.equal(verdictOf("b", "a", 0), "wrong");
  assert.equal(verdictOf(null, "a", 0), "none");
});

test("the join screen trusts the server's joinable, and explains a refusal", () => {
  const info = { code: "1234", title: "", phase: "waiting" as const, participantCount: 3, maxParticipants: 12, joinable: true, locked: false };
  assert.equal(refusalText(info), null);
  assert.match(refusalText({ ...info, joinable: false, locked: true })!, /closed this tasting to new players/, "a locked lobby, seats free");
  assert.match(refusalText({ ...info, joinable: false })!, /not taking new players/, "refused for a reason the page does not know");
  assert.match(refusalText({ ...info, joinable: false, participantCount: 12 })!, /full/);
  assert.match(refusalText({ ...info, joinable: false, phase: "question_open" })!, /already started/);
  assert.match(refusalText({ ...info, joinable: false, phase: "ended" })!, /over/);
});

test("what a host key holds, in words", () => {
  const s = (code: string, title: string) => ({ code, title, created: 0, status: "lobby" as const, phase: "waiting" as const, endReason: null, participantCount: 0, podium: [] });
  assert.equal(holdingsText([]), "no tastings");
  assert.equal(holdingsText([s("4821", "Friday flight")]), "1 tasting: Friday flight (4821)");
  const many = ["1", "2", "3", "4", "5", "6", "7"].map((n) => s(`000${n}`, ""));
  assert.equal(holdingsText(many), "7 tastings: Untitled tasting (0001), Untitled tasting (0002), Untitled tasting (0003), Untitled tasting (0004), Untitled tasting (0005), and 2 more");
});
