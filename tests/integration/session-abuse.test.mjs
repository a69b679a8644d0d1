// Abuse and bad input against the real stack: every refusal is a clear error with its code,
// nothing changes, and the session keeps serving everyone else. HTTP refusals are JSON 4xx.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connect, connectHost, joinPlayer, makeTasting } from "../support/tasting.mjs";

let stack;
let session;
let host;
let player;
before(async () => {
  stack = await startStack();
  session = await createSession(stack);
  host = await connectHost(stack, session.code, session.hostKey);
  player = await joinPlayer(stack, session.code);
});
after(async () => {
  host?.close();
  player?.close();
  await stack?.stop();
});

async function expectError(sock, msg, code) {
  sock.send(msg);
  const reply = await sock.next((m) => m.type === "error");
  assert.equal(reply.code, code, JSON.stringify(reply));
  assert.ok(reply.message.length > 0);
  return reply;
}

async function phase() {
  return (await (await fetch(`${stack.baseUrl}/api/sessions/${session.code}`)).json()).phase;
}

test("a wrong host key is refused", async () => {
  const sock = await connect(stack, session.code);
  await expectError(sock, { type: "rejoin_host", hostKey: "x".repeat(32) }, "INVALID_HOST_KEY");
  await expectError(sock, { type: "host:start" }, "NOT_HOST");
  sock.close();
  assert.equal(await phase(), "waiting");
});

test("host commands from a participant are refused", async () => {
  for (const type of ["host:start", "host:pause", "host:resume", "host:reveal", "host:next", "host:end"]) {
    await expectError(player, { type }, "NOT_HOST");
  }
  await expectError(player, { type: "host:kick", pseudonym: player.pseudonym }, "NOT_HOST");
  await expectError(player, { type: "update_session", tasting: makeTasting(1) }, "NOT_HOST");
  assert.equal(await phase(), "waiting");
});

test("a rejoin with a wrong token or unknown pseudonym is refused", async () => {
  const sock = await connect(stack, session.code);
  await expectError(sock, { type: "rejoin_session", pseudonym: player.pseudonym, token: "0".repeat(32) }, "INVALID_REJOIN");
  await expectError(sock, { type: "rejoin_session", pseudonym: "NOBODY-HERE", token: player.token }, "INVALID_REJOIN");
  sock.close();
});

test("an unidentified socket can neither answer nor read questions", async () => {
  host.send({ type: "host:start" });
  const q = await player.next("game:question");
  const sock = await connect(stack, session.code);
  assert.deepEqual(Object.keys(sock.greeting).sort(), ["code", "phase", "type"]);
  await expectError(sock, { type: "submit_answer", questionId: q.questionId, optionId: q.options[0].id }, "NOT_PARTICIPANT");
  // A join after the start is refused.
  await expectError(sock, { type: "join_session" }, "GAME_STARTED");
  // Nothing else reached the unidentified socket: no question, no answer.
  host.send({ type: "host:pause" });
  await player.next("game:timer_paused");
  host.send({ type: "host:resume" });
  await player.next("game:timer_resumed");
  assert.deepEqual(sock.frames, []);
  sock.close();
});

test("bad frames get clear errors and change nothing", async () => {
  const sock = await connect(stack, session.code);
  await expectError(sock, "x".repeat(17 * 1024), "MESSAGE_TOO_LARGE");
  await expectError(sock, "{not json", "INVALID_MESSAGE");
  await expectError(sock, { type: "teleport" }, "INVALID_MESSAGE");
  await expectError(sock, { type: "submit_answer", questionId: 7, optionId: [] }, "INVALID_MESSAGE");
  await expectError(sock, { type: "ping", t: "soon" }, "INVALID_MESSAGE");
  await expectError(sock, [1, 2, 3], "INVALID_MESSAGE");
  // The socket still works.
  sock.send({ type: "ping", t: 42 });
  const pong = await sock.next("pong");
  assert.equal(pong.t, 42);
  assert.equal(typeof pong.serverTime, "number");
  sock.close();
  assert.equal(await phase(), "question_open");
});

test("a flood is rate limited and the session keeps serving everyone else", async () => {
  const flooder = await connect(stack, session.code);
  for (let i = 0; i < 300; i++) flooder.send({ type: "ping", t: i });
  const limited = await flooder.next((m) => m.type === "error" && m.code === "RATE_LIMITED");
  assert.match(limited.message, /slow down|flood/);
  // Others are unaffected.
  player.send({ type: "ping", t: 1 });
  assert.equal((await player.next("pong")).t, 1);
  host.send({ type: "ping", t: 2 });
  assert.equal((await host.next("pong")).t, 2);
  flooder.close();
});

test("participants can be kicked, and a kicked token no longer rejoins", async () => {
  const s2 = await createSession(stack);
  const h = await connectHost(stack, s2.code, s2.hostKey);
  const p = await joinPlayer(stack, s2.code);
  h.send({ type: "host:kick", pseudonym: p.pseudonym });
  await p.next("participant:kicked");
  const closed = await p.waitClosed();
  assert.equal(closed.code, 4001);
  const again = await connect(stack, s2.code);
  await expectError(again, { type: "rejoin_session", pseudonym: p.pseudonym, token: p.token }, "INVALID_REJOIN");
  await expectError(h, { type: "host:kick", pseudonym: "NOBODY-HERE" }, "UNKNOWN_PARTICIPANT");
  await expectError(h, { type: "host:start" }, "NO_PARTICIPANTS");
  await expectError(h, { type: "update_session", tasting: { wines: [] } }, "INVALID_TASTING");
  again.close();
  h.close();
});

test("a session that does not exist says so", async () => {
  const res = await fetch(`${stack.baseUrl}/api/sessions/0000`);
  if (res.status === 200) return; // astronomically unlikely: a test created 0000
  assert.equal(res.status, 404);
  assert.equal((await res.json()).error.code, "SESSION_NOT_FOUND");
  const sock = await (await import("../support/ws-client.mjs")).TestSocket.open(`${stack.wsBase}/api/sessions/0000/ws`);
  assert.equal((await sock.next("error")).code, "SESSION_NOT_FOUND");
  sock.send({ type: "join_session" });
  assert.equal((await sock.next("error")).code, "SESSION_NOT_FOUND");
  assert.equal((await sock.waitClosed()).code, 4404);
});

test("bad HTTP requests get JSON 4xx, never a 500", async () => {
  const cases = [
    ["POST", "/api/sessions", "{not json", 400],
    ["POST", "/api/sessions", JSON.stringify({ hostKey: "short", tasting: makeTasting(1) }), 400],
    ["POST", "/api/sessions", JSON.stringify({ hostKey: "k".repeat(32), tasting: { wines: "many" } }), 400],
    ["POST", "/api/sessions", JSON.stringify({ hostKey: "k".repeat(32), tasting: { wines: [] } }), 400],
    ["POST", "/api/sessions", "x".repeat(1024 * 1024), 413],
    ["PUT", "/api/sessions", "{}", 405],
    ["PATCH", `/api/sessions/${session.code}`, "{}", 405],
    ["GET", "/api/sessions/12a4", null, 404],
    ["GET", "/api/sessions/%ZZ", null, 404],
    ["GET", `/api/sessions/${session.code}/results`, null, 401],
    ["GET", `/api/sessions/${session.code}/ws`, null, 400],
    ["DELETE", `/api/sessions/${session.code}`, null, 401],
    ["GET", "/api/host/sessions", null, 401],
    ["GET", "/api/nowhere", null, 404],
  ];
  for (const [method, path, body, status] of cases) {
    const res = await fetch(stack.baseUrl + path, { method, body, headers: body ? { "content-type": "application/json" } : {} });
    assert.equal(res.status, status, `${method} ${path}`);
    const json = await res.json();
    assert.equal(typeof json.error.code, "string", `${method} ${path}`);
    assert.equal(typeof json.error.message, "string");
  }
  // An unknown results format is refused, for the host too.
  const fmt = await fetch(`${stack.baseUrl}/api/sessions/${session.code}/results?format=xml`, {
    headers: { authorization: `Bearer ${session.hostKey}` },
  });
  assert.equal(fmt.status, 400);
  assert.match((await fmt.json()).error.message, /unknown format/);
  // An invalid tasting names the field.
  const res = await fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: "k".repeat(32), tasting: { ...makeTasting(1), timerSeconds: 5 } }),
  });
  const err = (await res.json()).error;
  assert.equal(err.code, "INVALID_TASTING");
  assert.ok(err.fields.some((f) => f.path === "timerSeconds"), JSON.stringify(err.fields));
  const res2 = await fetch(`${stack.baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      hostKey: "k".repeat(32),
      tasting: makeTasting(1, {}),
    }).replace('"distractors":["White"', '"distractors":["red"'),
  });
  const err2 = (await res2.json()).error;
  assert.equal(err2.code, "INVALID_TASTING");
  assert.ok(err2.fields.some((f) => f.path.startsWith("wines[0].questions[0]")), JSON.stringify(err2.fields));
});
