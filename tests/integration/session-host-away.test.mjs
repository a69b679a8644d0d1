// Host away: participants are told when the last host connection of a running game closes;
// after the (test-shortened) grace period the session ends with `host_timeout`; a host that
// returns in time continues exactly where the game stood.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connectHost, joinPlayer } from "../support/tasting.mjs";

const GRACE_MS = 3000;
let stack;
before(async () => {
  stack = await startStack({ vars: { HOST_GRACE_MS: String(GRACE_MS) } });
});
after(async () => {
  await stack?.stop();
});

test("no host within the grace period ends the session for everyone", async () => {
  const { code, hostKey } = await createSession(stack);
  const host = await connectHost(stack, code, hostKey);
  const a = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  await a.next("game:question");
  host.close();
  await a.next("host:away");
  const ended = await a.next("session:ended", GRACE_MS + 20_000);
  assert.equal(ended.reason, "host_timeout");
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.equal(info.phase, "ended");
  // The returning host finds the session ended.
  const back = await connectHost(stack, code, hostKey);
  assert.equal(back.snapshot.phase, "ended");
  assert.equal(back.snapshot.endReason, "host_timeout");
  back.close();
  a.close();
});

test("a host that returns in time continues the game", async () => {
  const { code, hostKey } = await createSession(stack);
  const host = await connectHost(stack, code, hostKey);
  const a = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  const q = await a.next("game:question");
  host.close();
  await a.next("host:away");
  const host2 = await connectHost(stack, code, hostKey);
  assert.equal(host2.snapshot.phase, "question_open");
  assert.equal(host2.snapshot.currentQuestion.questionId, q.questionId);
  await a.next("host:back");
  host2.send({ type: "host:reveal" });
  assert.equal((await a.next("game:answer_revealed")).questionId, q.questionId);
  // Well past the grace period, the session is still running.
  await new Promise((r) => setTimeout(r, GRACE_MS + 1000));
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.equal(info.phase, "question_revealed");
  host2.close();
  a.close();
});
