// Bursts against the real stack: joins and answers sent all at once are written together
// (group commit) and every one is still answered, counted and stored, replies in order
// (an answer's acknowledgement after its write; a later command after the burst it follows).
// Behaviour only: how many commits a burst took is not observable here, and not asserted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { connect, connectHost, createSession, correctOption, makeTasting } from "../support/tasting.mjs";

const PLAYERS = 24;
let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

test("a burst of joins and a burst of answers: every one answered, counted and stored", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1) });
  const host = await connectHost(stack, code, hostKey);
  const socks = await Promise.all(Array.from({ length: PLAYERS }, () => connect(stack, code)));
  // Every join_session at once.
  for (const s of socks) s.send({ type: "join_session" });
  const joined = await Promise.all(socks.map((s) => s.next("participant:joined")));
  assert.equal(new Set(joined.map((j) => j.pseudonym)).size, PLAYERS, "distinct pseudonyms");
  for (const [i, s] of socks.entries()) s.pseudonym = joined[i].pseudonym;
  const roster = new Set();
  while (roster.size < PLAYERS) {
    const m = await host.next((x) => x.type === "lobby:updated" && x.participant);
    roster.add(m.participant.pseudonym);
  }
  assert.equal((await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json()).participantCount, PLAYERS);

  host.send({ type: "host:start" });
  const q = await host.next("game:question");
  await Promise.all(socks.map((s) => s.next("game:question")));
  const right = correctOption(host.snapshot.tasting, q.questionId);
  // Every answer at once; the host reveals right after the burst.
  for (const s of socks) s.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
  const acks = await Promise.all(socks.map((s) => s.next("answer:accepted")));
  for (const a of acks) assert.deepEqual([a.questionId, a.optionId], [q.questionId, right]);
  const answered = new Set();
  while (answered.size < PLAYERS) answered.add((await host.next("game:participant_answered")).pseudonym);
  host.send({ type: "host:reveal" });
  const reveal = await host.next("game:answer_revealed");
  assert.equal(reveal.results.length, PLAYERS);
  assert.ok(reveal.results.every((r) => r.optionId === right && r.points === 100), "every answer counted");
  for (const s of socks) assert.equal((await s.next("game:answer_revealed")).myTotalScore, 100);

  // And written: at least one row per answer (the counters row aside).
  const stats = await (await fetch(`${stack.baseUrl}/api/sessions/${code}/stats`, { headers: { authorization: `Bearer ${hostKey}` } })).json();
  assert.ok(stats.sqlRowsWritten >= 2 * PLAYERS, `rows written: ${stats.sqlRowsWritten}`);
  host.send({ type: "host:end" });
  await host.next("session:ended");
  const res = await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: { authorization: `Bearer ${hostKey}` } });
  assert.equal(res.status, 200);
  const results = await res.json();
  assert.equal(results.answers.length, PLAYERS);
  assert.ok(results.answers.every((a) => a.correct));
  host.close();
  for (const s of socks) s.close();
});
