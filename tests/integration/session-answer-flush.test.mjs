// When the answers' group commit is cut short (session_object/mod.rs: an answer after a
// quiet spell is applied at once, and so is the answer that completes the question) it still
// acknowledges every answer after its write, counts it, and keeps replies in order: a lone
// answer, the last answer of a question (the host sees answeredCount == totalCount), a
// changed answer after that, answers racing a host:reveal, and an auto-advancing reveal
// triggered by the last answer. Behaviour only; when a batch was flushed is not observable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { connectHost, createSession, correctOption, joinPlayer, makeTasting, wrongOption } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const auth = (hostKey) => ({ authorization: `Bearer ${hostKey}` });

/** A started game with `n` joined players; the host and the first question. */
async function startedGame(n, tasting = makeTasting(1)) {
  const { code, hostKey } = await createSession(stack, { tasting });
  const host = await connectHost(stack, code, hostKey);
  const players = [];
  for (let i = 0; i < n; i++) players.push(await joinPlayer(stack, code));
  host.send({ type: "host:start" });
  const q = await host.next("game:question");
  await Promise.all(players.map((p) => p.next("game:question")));
  return { code, hostKey, host, players, q, tasting: host.snapshot.tasting };
}

/** The first of the frames of these types queued on `sock`. */
const firstOf = (sock, ...types) => sock.next((m) => types.includes(m.type));

test("a lone answer, the answers that complete the question, then a change: all acknowledged and counted", async () => {
  const { code, hostKey, host, players, q, tasting } = await startedGame(3);
  const [a, b, c] = players;
  const right = correctOption(tasting, q.questionId);
  const wrong = wrongOption(tasting, q.questionId);

  // Alone: acknowledged, and the host hears of it.
  const lone = await a.request({ type: "submit_answer", questionId: q.questionId, optionId: wrong }, "answer:accepted");
  assert.deepEqual([lone.questionId, lone.optionId], [q.questionId, wrong]);
  const first = await host.next("game:participant_answered");
  assert.deepEqual([first.pseudonym, first.answeredCount, first.totalCount], [a.pseudonym, 1, 3]);

  // The other two at once: the second of them completes the question.
  for (const p of [b, c]) p.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
  for (const p of [b, c]) assert.equal((await firstOf(p, "answer:accepted", "error")).type, "answer:accepted");
  const counts = [];
  for (let i = 0; i < 2; i++) counts.push(await host.next("game:participant_answered"));
  assert.deepEqual(new Set(counts.map((m) => m.pseudonym)), new Set([b.pseudonym, c.pseudonym]));
  assert.deepEqual(counts.map((m) => [m.answeredCount, m.totalCount]), [[2, 3], [3, 3]]);

  // A change after everyone has answered: acknowledged, counted as changed, not answered twice.
  const changed = await a.request({ type: "submit_answer", questionId: q.questionId, optionId: right }, "answer:accepted");
  assert.equal(changed.optionId, right);
  host.send({ type: "host:reveal" });
  const reveal = await host.next("game:answer_revealed");
  assert.ok(!host.frames.some((m) => m.type === "game:participant_answered"), "no second count for a change");
  assert.equal(reveal.results.length, 3);
  assert.ok(reveal.results.every((r) => r.optionId === right && r.points > 0), JSON.stringify(reveal.results));

  host.send({ type: "host:end" });
  await host.next("session:ended");
  const results = await (await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: auth(hostKey) })).json();
  assert.equal(results.answers.length, 3);
  assert.ok(results.answers.every((r) => r.correct), "the stored answers are the last ones");
  for (const s of [host, ...players]) s.close();
});

test("answers racing host:reveal: an answer is acknowledged exactly when the reveal counts it", async () => {
  const { host, players, q, tasting } = await startedGame(6);
  const right = correctOption(tasting, q.questionId);
  const answering = players.slice(0, 4);
  // The host reveals while the answers are on their way (other sockets: any order).
  for (const p of answering) p.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
  host.send({ type: "host:reveal" });
  const reveal = await host.next("game:answer_revealed");
  const counted = new Set(reveal.results.filter((r) => r.optionId === right).map((r) => r.pseudonym));
  for (const p of answering) {
    const reply = await firstOf(p, "answer:accepted", "error", "game:answer_revealed");
    const mine = await (reply.type === "game:answer_revealed" ? reply : p.next("game:answer_revealed"));
    if (reply.type === "answer:accepted") {
      assert.ok(counted.has(p.pseudonym), `${p.pseudonym} acknowledged but not counted`);
      assert.equal(mine.myOptionId, right);
    } else {
      // Too late: refused (never acknowledged), and not counted.
      const refusal = reply.type === "error" ? reply : await p.next("error");
      assert.equal(refusal.code, "ANSWERS_CLOSED");
      assert.ok(!counted.has(p.pseudonym), `${p.pseudonym} refused but counted`);
    }
  }
  for (const s of [host, ...players]) s.close();
});

test("auto-advance: the answer that completes the question is acknowledged before the reveal it causes", async () => {
  const tasting = makeTasting(1, { options: { autoAdvance: true } });
  const { host, players, q } = await startedGame(4, tasting);
  const right = correctOption(host.snapshot.tasting, q.questionId);
  for (const p of players) p.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
  for (const p of players) {
    assert.equal((await firstOf(p, "answer:accepted", "game:answer_revealed", "error")).type, "answer:accepted");
    assert.equal((await p.next("game:answer_revealed")).myOptionId, right);
  }
  let last;
  for (let i = 0; i < players.length; i++) {
    last = await firstOf(host, "game:participant_answered", "game:answer_revealed");
    assert.equal(last.type, "game:participant_answered", "every count before the reveal");
  }
  assert.deepEqual([last.answeredCount, last.totalCount], [4, 4]);
  const reveal = await host.next("game:answer_revealed");
  assert.equal(reveal.results.length, 4);
  for (const s of [host, ...players]) s.close();
});
