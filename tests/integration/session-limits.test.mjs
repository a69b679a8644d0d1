// Abuse limits of one session against the real stack (issue 17 items 2, 4 and 10, issue 11
// item 6c): one seat cannot lock a session (sockets per seat, one frame budget per seat,
// unidentified sockets give way, the host always gets in), the host locks the lobby, left
// pseudonyms are reused with new tokens, and an unchanged answer writes no row.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { TestSocket } from "../support/ws-client.mjs";
import { createSession, connect, connectHost, joinPlayer, makeTasting } from "../support/tasting.mjs";

let stack;
// The unidentified pool (1,250: a whole room's join storm) shrunk to 250 so a test can fill it.
const UNIDENTIFIED = 250;
before(async () => {
  stack = await startStack({ vars: { MAX_UNIDENTIFIED_SOCKETS: String(UNIDENTIFIED) } });
});
after(async () => {
  await stack?.stop();
});

const info = async (code) => (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();

async function rejoin(code, seat) {
  const sock = await connect(stack, code);
  await sock.request({ type: "rejoin_session", pseudonym: seat.pseudonym, token: seat.token }, "participant:state_snapshot");
  return sock;
}

test("a seat keeps at most three sockets: a fourth closes the oldest with 4009", async () => {
  const { code, hostKey } = await createSession(stack);
  const first = await joinPlayer(stack, code);
  const seat = { pseudonym: first.pseudonym, token: first.token };
  const socks = [first];
  for (let i = 0; i < 5; i++) socks.push(await rejoin(code, seat));
  // Six sockets were opened one after the other; the three oldest were retired in order.
  for (const old of socks.slice(0, 3)) {
    const closed = await old.waitClosed();
    assert.equal(closed.code, 4009, JSON.stringify(closed));
  }
  for (const live of socks.slice(3)) assert.equal(live.closed, null);
  // The host still gets in, and sees the seat online once.
  const host = await connectHost(stack, code, hostKey);
  assert.deepEqual(
    host.snapshot.participants.map((p) => [p.pseudonym, p.online]),
    [[seat.pseudonym, true]],
  );
  for (const s of [...socks, host]) s.close();
});

test("all sockets of a seat share one frame budget", async () => {
  const { code } = await createSession(stack);
  const first = await joinPlayer(stack, code);
  const seat = { pseudonym: first.pseudonym, token: first.token };
  const socks = [first, await rejoin(code, seat), await rejoin(code, seat)];
  // 3 × 30 pings: each socket stays under the 40-frame burst of one connection, the seat
  // together does not.
  for (let i = 0; i < 30; i++) for (const s of socks) s.send({ type: "ping", t: i });
  const limited = await Promise.any(socks.map((s) => s.next((m) => m.type === "error")));
  assert.equal(limited.code, "RATE_LIMITED");
  for (const s of socks) s.close();
});

test("unidentified sockets give way to newer ones, so the host always gets in", async () => {
  const { code, hostKey } = await createSession(stack);
  // Sockets that never identify fill their pool (within the 10 s they may stay). Each
  // pings once: locally, a socket that never sent a frame does not see a server close
  // complete, so the test could not observe the close code.
  const idle = await Promise.all(
    Array.from({ length: UNIDENTIFIED }, async () => {
      const s = await connect(stack, code);
      await s.request({ type: "ping", t: 0 }, "pong");
      return s;
    }),
  );
  // One more socket makes the oldest unidentified one give way (4029), and identifies.
  const host = await connectHost(stack, code, hostKey);
  assert.equal(host.snapshot.code, code);
  const evicted = await Promise.any(
    idle.map(async (s) => {
      const closed = await s.waitClosed();
      if (closed.code !== 4029) throw new Error(`closed with ${closed.code}`);
      return s;
    }),
  );
  assert.ok(evicted);
  for (const s of [...idle, host]) s.close();
});

test("the host locks the lobby: no more joins, seated players still rejoin, unlock reopens", async () => {
  const { code, hostKey } = await createSession(stack);
  const host = await connectHost(stack, code, hostKey);
  assert.equal(host.snapshot.locked, false);
  const player = await joinPlayer(stack, code);
  const locked = await host.request({ type: "host:lock" }, "lobby:locked");
  assert.equal(locked.locked, true);
  let pub = await info(code);
  assert.equal(pub.locked, true);
  assert.equal(pub.joinable, false);
  const late = await connect(stack, code);
  late.send({ type: "join_session" });
  const refused = await late.next("error");
  assert.equal(refused.code, "SESSION_LOCKED");
  assert.ok(refused.message.length > 0);
  // A seated player's reconnect is not a join.
  const again = await rejoin(code, player);
  // A host coming back sees the lock in its snapshot.
  const host2 = await connectHost(stack, code, hostKey);
  assert.equal(host2.snapshot.locked, true);
  // A participant cannot unlock.
  player.send({ type: "host:unlock" });
  assert.equal((await player.next("error")).code, "NOT_HOST");
  const unlocked = await host.request({ type: "host:unlock" }, "lobby:locked");
  assert.equal(unlocked.locked, false);
  pub = await info(code);
  assert.equal(pub.locked, false);
  assert.equal(pub.joinable, true);
  await late.request({ type: "join_session" }, "participant:joined");
  for (const s of [host, host2, player, again, late]) s.close();
});

test("an unchanged answer is acknowledged and writes no row", async () => {
  const { code, hostKey } = await createSession(stack);
  const host = await connectHost(stack, code, hostKey);
  const player = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  const q = await player.next("game:question");
  const answer = { type: "submit_answer", questionId: q.questionId, optionId: q.options[0].id };
  await player.request(answer, "answer:accepted");
  const stats = async () =>
    (
      await fetch(`${stack.baseUrl}/api/sessions/${code}/stats`, {
        headers: { authorization: `Bearer ${hostKey}` },
      })
    ).json();
  const before = (await stats()).sqlRowsWritten;
  for (let i = 0; i < 30; i++) {
    const ack = await player.request(answer, "answer:accepted");
    assert.equal(ack.optionId, q.options[0].id);
  }
  const written = (await stats()).sqlRowsWritten - before;
  // 30 identical answers: no answer row (at most the once-a-minute counters row).
  assert.ok(written <= 2, `rows written for 30 unchanged answers: ${written}`);
  // A changed answer is still written.
  await player.request({ ...answer, optionId: q.options[1].id }, "answer:accepted");
  assert.ok((await stats()).sqlRowsWritten > before + written);
  host.close();
  player.close();
});

// 3,601 join-and-leave cycles over real sockets: about 2–3 minutes on a shared 2-core machine,
// hence its own timeout.
test("pseudonyms of seats given up in the lobby are reused; old tokens stay dead", { timeout: 600_000 }, async () => {
  const { code } = await createSession(stack, { tasting: makeTasting(1, { maxParticipants: 50 }) });
  const COMBINATIONS = 60 * 60;
  const tokens = new Map();
  let done = 0;
  // More join-and-leave cycles than there are pseudonyms, a few at a time.
  async function cycle() {
    const sock = await TestSocket.open(`${stack.wsBase}/api/sessions/${code}/ws`);
    await sock.next("server:state_snapshot");
    const joined = await sock.request({ type: "join_session" }, "participant:joined");
    if (!tokens.has(joined.pseudonym)) tokens.set(joined.pseudonym, joined.token);
    await sock.request({ type: "leave" }, "participant:left");
    sock.close();
  }
  async function worker() {
    while (done < COMBINATIONS + 1) {
      done += 1;
      await cycle();
    }
  }
  await Promise.all(Array.from({ length: 24 }, worker));
  assert.equal(tokens.size, COMBINATIONS);
  const pub = await info(code);
  assert.equal(pub.participantCount, 0);
  assert.equal(pub.joinable, true);
  // A new seat takes a reused pseudonym; the first holder's token cannot take it over.
  const seat = await joinPlayer(stack, code);
  const oldToken = tokens.get(seat.pseudonym);
  assert.notEqual(oldToken, seat.token);
  const thief = await connect(stack, code);
  thief.send({ type: "rejoin_session", pseudonym: seat.pseudonym, token: oldToken });
  assert.equal((await thief.next("error")).code, "INVALID_REJOIN");
  const back = await rejoin(code, seat);
  for (const s of [seat, thief, back]) s.close();
});
