import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_OPTIONS, answerKey, answerProblem, draftToInput, fieldErrorMap, serverProblem, validateDraft, type Draft } from "../src/lib/validate";
import type { FieldError } from "../src/protocol.gen";

const q = (correct: string, d: [string, string, string]) => ({ category: "color" as const, correct, distractors: d });
const draft = (over: Partial<Draft> = {}): Draft => ({
  title: "Friday flight",
  timerSeconds: 30,
  maxParticipants: 12,
  wines: [[q("Red", ["White", "Rosé", "Orange"])]],
  ...over,
});

test("a valid draft has no errors and trims into the wire shape", () => {
  assert.equal(validateDraft(draft()).size, 0);
  const input = draftToInput(draft({ title: "  ", wines: [[q(" Red ", ["White ", "Rosé", "Orange"])]] }));
  assert.equal(input.title, undefined, "a blank title is left to the server's neutral default");
  assert.equal(input.wines[0]!.questions[0]!.correctAnswer, "Red");
  assert.deepEqual(input.wines[0]!.questions[0]!.distractors, ["White", "Rosé", "Orange"]);
});

test("answers: required, at most 100 characters, no control characters", () => {
  assert.deepEqual(answerProblem("  "), { key: "field.required" });
  assert.equal(answerProblem("x".repeat(100)), null);
  assert.deepEqual(answerProblem("x".repeat(101)), { key: "field.tooLongNow", vars: { max: 100, count: 101 } });
  assert.deepEqual(answerProblem("Red\u0007"), { key: "field.control" });
});

test("options must differ ignoring case; bounds on timer, cap and wines", () => {
  const e = validateDraft(draft({ timerSeconds: 14, maxParticipants: 1001, wines: [[q("Red", ["red", "Rosé", "Orange"])]] }));
  assert.deepEqual([...e.keys()].sort(), ["maxParticipants", "timerSeconds", "wines[0].questions[0].distractors[0]"]);
  assert.deepEqual(validateDraft(draft({ wines: [] })).get("wines"), { key: "field.noWines" });
  assert.equal(validateDraft(draft({ timerSeconds: 120, maxParticipants: 2 })).size, 0);
});

test("'ignoring case' is the server's full case mapping: Straße and STRASSE are one answer", () => {
  assert.equal(answerKey("Straße"), answerKey("STRASSE"));
  assert.equal(answerKey(" Straße "), "strasse");
  const e = validateDraft(draft({ wines: [[q("Straße", ["STRASSE", "Rosé", "Orange"])]] }));
  assert.deepEqual(e.get("wines[0].questions[0].distractors[0]"), { key: "field.duplicate" });
});

test("near-miss points: whole numbers 0–90 under the server's field paths", () => {
  const points = (p: [number, number, number]) => draft({ wines: [[{ ...q("Red", ["White", "Rosé", "Orange"]), partialPoints: p }]] });
  assert.equal(validateDraft(points([0, 50, 90])).size, 0);
  const e = validateDraft(points([95, -5, 2.5]));
  assert.deepEqual([...e.keys()], [0, 1, 2].map((k) => `wines[0].questions[0].partialPoints[${k}]`));
  assert.deepEqual(e.get("wines[0].questions[0].partialPoints[0]"), { key: "field.partialPoints", vars: { max: 90 } });
  assert.ok(validateDraft(points([Number.NaN, 0, 0])).has("wines[0].questions[0].partialPoints[0]"), "an emptied field is refused, not sent as 0");
});

test("partialPoints and options go on the wire only when they differ from the defaults", () => {
  const plain = draftToInput(draft({ wines: [[{ ...q("Red", ["White", "Rosé", "Orange"]), partialPoints: [0, 0, 0] }]], options: { ...DEFAULT_OPTIONS } }));
  assert.deepEqual(plain, draftToInput(draft()), "all-default options and all-zero points leave the body as before");
  assert.equal("options" in plain, false);
  assert.equal("partialPoints" in plain.wines[0]!.questions[0]!, false);

  const set = draftToInput(draft({ wines: [[{ ...q("Red", ["White", "Rosé", "Orange"]), partialPoints: [0, 50, 0] }]], options: { ...DEFAULT_OPTIONS, pacing: "per_wine" } }));
  assert.deepEqual(set.wines[0]!.questions[0]!.partialPoints, [0, 50, 0]);
  assert.deepEqual(set.options, { speedBonus: false, pacing: "per_wine", autoAdvance: false });
});

test("the server's field codes read as the form's own texts for the same mistakes", () => {
  const d = draft({ title: "x".repeat(81), timerSeconds: 14, maxParticipants: 1001, wines: [[q("Red", ["red", " ", "Orange"])]] });
  const mine = validateDraft(d);
  // What the server answers for this draft (crates/core tasting.rs: codes, values, paths).
  const server: FieldError[] = [
    { path: "title", code: "too_long", max: 80, message: "must be at most 80 characters" },
    { path: "timerSeconds", code: "out_of_range", min: 15, max: 120, message: "must be between 15 and 120 seconds" },
    { path: "maxParticipants", code: "out_of_range", min: 2, max: 1000, message: "must be between 2 and 1000" },
    { path: "wines[0].questions[0].distractors[0]", code: "duplicate", message: "must differ from the other options (ignoring case)" },
    { path: "wines[0].questions[0].distractors[1]", code: "required", message: "must not be empty" },
  ];
  const theirs = fieldErrorMap(server);
  assert.deepEqual([...theirs.keys()].sort(), [...mine.keys()].sort());
  for (const [path, problem] of theirs) assert.deepEqual(problem, mine.get(path), path);
  // Codes the form never triggers still get a text of their own; an unknown one quotes the server.
  assert.deepEqual(serverProblem({ path: "maxParticipants", code: "below_joined", joined: 7, message: "…" }), { key: "field.belowJoined", vars: { count: 7 } });
  assert.deepEqual(serverProblem({ path: "wines[0].partialPoints[1]", code: "out_of_range", min: 0, max: 90, message: "…" }), { key: "field.partialPoints", vars: { max: 90 } });
  assert.deepEqual(serverProblem({ path: "wines", code: "too_few", min: 1, message: "…" }), { key: "field.noWines" });
  assert.deepEqual(serverProblem({ path: "x", code: "brand_new", message: "nope" } as unknown as FieldError), { key: "field.refused", vars: { reason: "nope" } });
});
