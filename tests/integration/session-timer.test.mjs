// The server's clock: a question closes by itself at its deadline with no host connected,
// and a whole-runtime restart mid-question loses nothing (phase, remaining time, answers,
// scores) while the deadline still fires.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connect, connectHost, joinPlayer, correctOption, makeTasting } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

// The shortest legal timer; waits below allow for a loaded machine.
const TIMER = { timerSeconds: 15 };
const PAST_DEADLINE_MS = 40_000;

test("the deadline reveals the question with no host connected", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, TIMER) });
  const host = await connectHost(stack, code, hostKey);
  const a = await joinPlayer(stack, code);
  const b = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  const q = await a.next("game:question");
  await b.next("game:question");
  host.close();
  await a.next("host:away");
  const right = correctOption(host.snapshot.tasting, q.questionId);
  await a.request({ type: "submit_answer", questionId: q.questionId, optionId: right }, "answer:accepted");

  const revealA = await a.next("game:answer_revealed", PAST_DEADLINE_MS);
  assert.equal(revealA.questionId, q.questionId);
  assert.equal(revealA.myPoints, 100);
  assert.equal(revealA.myTotalScore, 100);
  const revealB = await b.next("game:answer_revealed", PAST_DEADLINE_MS);
  assert.equal(revealB.myOptionId, null);
  assert.equal(revealB.myPoints, 0);
  // Late answers are refused.
  a.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
  assert.equal((await a.next("error")).code, "ANSWERS_CLOSED");
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.equal(info.phase, "question_revealed");
  a.close();
  b.close();
});

test("a restart of the whole runtime mid-question loses nothing", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, { timerSeconds: 20 }) });
  const host = await connectHost(stack, code, hostKey);
  const a = await joinPlayer(stack, code);
  const b = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  const q = await a.next("game:question");
  const right = correctOption(host.snapshot.tasting, q.questionId);
  await a.request({ type: "submit_answer", questionId: q.questionId, optionId: right }, "answer:accepted");
  await host.next("game:participant_answered");

  await stack.restart();
  for (const s of [host, a, b]) await s.waitClosed();

  // The host comes back to exactly where the game stood.
  const host2 = await connectHost(stack, code, hostKey);
  const hs = host2.snapshot;
  assert.equal(hs.phase, "question_open");
  assert.equal(hs.currentQuestion.questionId, q.questionId);
  assert.ok(hs.remainingMs > 0 && hs.remainingMs < 20_000, `remaining ${hs.remainingMs}`);
  assert.deepEqual(hs.answered, [a.pseudonym]);
  assert.equal(hs.participants.length, 2);

  // The participant too, with their answer still selected.
  const a2 = await connect(stack, code);
  const snap = await a2.request({ type: "rejoin_session", pseudonym: a.pseudonym, token: a.token }, "participant:state_snapshot");
  assert.equal(snap.phase, "question_open");
  assert.equal(snap.pseudonym, a.pseudonym);
  assert.equal(snap.currentQuestion.questionId, q.questionId);
  assert.equal(snap.selectedOptionId, right);
  assert.equal(snap.score, 0);
  assert.ok(snap.remainingMs > 0 && snap.remainingMs <= hs.remainingMs + 1000);
  assert.ok(!JSON.stringify(snap.currentQuestion).includes("correct"));

  // The deadline set before the restart still closes the question.
  const reveal = await a2.next("game:answer_revealed", PAST_DEADLINE_MS);
  assert.equal(reveal.myPoints, 100);
  assert.equal(reveal.myTotalScore, 100);
  const hostReveal = await host2.next("game:answer_revealed", PAST_DEADLINE_MS);
  assert.equal(hostReveal.results.find((r) => r.pseudonym === a.pseudonym).totalScore, 100);
  host2.close();
  a2.close();
});
