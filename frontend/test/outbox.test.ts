import { test } from "node:test";
import assert from "node:assert/strict";
import { outboxAfter } from "../src/lib/outbox";
import { playerSnapshot, question, questionMsg } from "./fixtures";

const pending = { questionId: "q-0-0", optionId: "b" };

test("an empty outbox stays empty and never re-sends", () => {
  assert.deepEqual(outboxAfter(null, { type: "game:timer_resumed", remainingMs: 1, serverTime: 1 }), { pending: null, resend: false });
});

test("the matching acknowledgement empties it; another option's does not", () => {
  assert.equal(outboxAfter(pending, { type: "answer:accepted", questionId: "q-0-0", optionId: "b" }).pending, null);
  assert.deepEqual(outboxAfter(pending, { type: "answer:accepted", questionId: "q-0-0", optionId: "a" }).pending, pending);
});

test("after a reconnect, the snapshot decides: arrived, re-send, or hold while paused", () => {
  assert.deepEqual(outboxAfter(pending, playerSnapshot({ selectedOptionId: "b" })), { pending: null, resend: false });
  assert.deepEqual(outboxAfter(pending, playerSnapshot({ selectedOptionId: "a" })), { pending, resend: true });
  assert.deepEqual(outboxAfter(pending, playerSnapshot({ phase: "question_paused", paused: true })), { pending, resend: false });
  assert.deepEqual(outboxAfter(pending, playerSnapshot({ phase: "question_revealed" })), { pending: null, resend: false });
  assert.deepEqual(outboxAfter(pending, playerSnapshot({ currentQuestion: question({ questionId: "q-0-1" }) })), { pending: null, resend: false });
});

test("a resume re-sends; a new question, the reveal, the end and final refusals drop it", () => {
  assert.deepEqual(outboxAfter(pending, { type: "game:timer_resumed", remainingMs: 5_000, serverTime: 1 }), { pending, resend: true });
  assert.equal(outboxAfter(pending, questionMsg({ questionId: "q-0-1" })).pending, null);
  assert.deepEqual(outboxAfter(pending, questionMsg()).pending, pending, "the same question again keeps it");
  assert.equal(
    outboxAfter(pending, { type: "game:answer_revealed", questionId: "q-0-0", correctOptionId: "a", myOptionId: "b", myPoints: 0, myTotalScore: 0 }).pending,
    null,
  );
  assert.equal(outboxAfter(pending, { type: "session:ended", reason: "host_ended" }).pending, null);
  for (const code of ["ANSWERS_CLOSED", "UNKNOWN_QUESTION", "UNKNOWN_OPTION"] as const) {
    assert.equal(outboxAfter(pending, { type: "error", code, message: "" }).pending, null, code);
  }
  assert.deepEqual(outboxAfter(pending, { type: "error", code: "RATE_LIMITED", message: "" }), { pending, resend: false });
});
