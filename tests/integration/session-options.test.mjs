// The game options on the real stack: a speed-bonus game ranks equally right players by
// speed and pays near misses their partial points; an auto-advancing game with no host
// connected runs to `completed` with the right scores and palate reports (the host-away
// grace does not end it); leaderboards paced per wine skip the question leaderboards.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connectHost, joinPlayer, correctOption, wrongOption, makeTasting } from "../support/tasting.mjs";

// Short auto-advance delays and host grace, so a whole game fits in a few seconds.
const GRACE_MS = 2_000;
let stack;
before(async () => {
  stack = await startStack({
    vars: { REVEAL_DELAY_MS: "300", LEADERBOARD_DELAY_MS: "300", HOST_GRACE_MS: String(GRACE_MS) },
  });
});
after(async () => {
  await stack?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const answer = (sock, questionId, optionId) =>
  sock.request({ type: "submit_answer", questionId, optionId }, "answer:accepted");

/** The option of `questionId` whose text is `text`, in a host tasting. */
function optionByText(hostTasting, questionId, text) {
  for (const wine of hostTasting.wines) {
    for (const q of wine.questions) if (q.questionId === questionId) return q.options.find((o) => o.text === text).id;
  }
  throw new Error(`no question ${questionId}`);
}

test("speed bonus: equally right players rank by speed; near misses earn partial points", async () => {
  const tasting = makeTasting(1, { timerSeconds: 15, options: { speedBonus: true } });
  // Colour: White is a near miss worth 50.
  tasting.wines[0].questions[0].partialPoints = [50, 0, 0];
  const { code, hostKey } = await createSession(stack, { tasting });
  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.deepEqual(info.options, { speedBonus: true, pacing: "every_question", autoAdvance: false });
  const host = await connectHost(stack, code, hostKey);
  const hostTasting = host.snapshot.tasting;
  assert.equal(hostTasting.wines[0].questions[0].partialPoints.length, 1);
  const fast = await joinPlayer(stack, code);
  const slow = await joinPlayer(stack, code);
  const near = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  const q = await fast.next("game:question");
  const right = correctOption(hostTasting, q.questionId);
  await answer(fast, q.questionId, right);
  // A pause in between costs nobody anything; the slow player answers well after the fast.
  await host.request({ type: "host:pause" }, "game:timer_paused");
  await sleep(1_000);
  await host.request({ type: "host:resume" }, "game:timer_resumed");
  await sleep(1_500);
  await answer(slow, q.questionId, right);
  await answer(near, q.questionId, optionByText(hostTasting, q.questionId, "White"));
  host.send({ type: "host:reveal" });

  const rf = await fast.next("game:answer_revealed");
  const rs = await slow.next("game:answer_revealed");
  const rn = await near.next("game:answer_revealed");
  // Right: the correct option; near miss: another option with points above 0.
  assert.equal(rf.myOptionId, rf.correctOptionId);
  assert.equal(rs.myOptionId, rs.correctOptionId);
  assert.notEqual(rn.myOptionId, rn.correctOptionId);
  assert.ok(rf.myPoints > rs.myPoints, `fast ${rf.myPoints} > slow ${rs.myPoints}`);
  assert.ok(rs.myPoints >= 50 && rf.myPoints <= 100);
  assert.ok(rn.myPoints >= 25 && rn.myPoints <= 50, `near miss ${rn.myPoints}`);
  const hostReveal = await host.next("game:answer_revealed");
  const byName = Object.fromEntries(hostReveal.results.map((r) => [r.pseudonym, r]));
  assert.equal(byName[near.pseudonym].optionId, rn.myOptionId);
  assert.equal(byName[near.pseudonym].points, rn.myPoints);

  const board = await host.request({ type: "host:next" }, "game:question_leaderboard");
  assert.deepEqual(
    board.rankings.map((r) => r.pseudonym),
    [fast.pseudonym, slow.pseudonym, near.pseudonym],
  );
  host.send({ type: "host:end" });
  const final = await host.next("game:final_leaderboard");
  assert.equal(final.palate.reports.length, 3);
  assert.equal(final.palate.reports[0].pseudonym, fast.pseudonym);
  const mine = await near.next("game:final_leaderboard");
  assert.equal(mine.palate.report.pseudonym, near.pseudonym);
  assert.equal(mine.palate.report.categories[0].nearMisses, 1);

  const auth = { authorization: `Bearer ${hostKey}` };
  const results = await (await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: auth })).json();
  const nearAnswer = results.answers.find((a) => a.pseudonym === near.pseudonym);
  assert.equal(nearAnswer.correct, false);
  assert.equal(nearAnswer.outcome, "near_miss");
  assert.equal(results.palate.reports.length, 3);
  assert.equal(results.palate.room[0].correct, 0.67);
  const csv = await fetch(`${stack.baseUrl}/api/sessions/${code}/results?format=csv&report=palate`, { headers: auth });
  assert.equal(csv.status, 200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  assert.equal(lines.length, 5);
  assert.match(lines[0], /^rank,pseudonym,score,color correct,color near misses,/);
  assert.match(lines[4], /^,room average,,0\.67,0\.33,/);
  const bad = await fetch(`${stack.baseUrl}/api/sessions/${code}/results?format=csv&report=nope`, { headers: auth });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, "BAD_REQUEST");
  for (const s of [host, fast, slow, near]) s.close();
});

test("auto-advance: a game with no host connected runs to completed with the right scores", async () => {
  const tasting = makeTasting(2, { timerSeconds: 15, options: { autoAdvance: true } });
  const { code, hostKey } = await createSession(stack, { tasting });
  const host = await connectHost(stack, code, hostKey);
  const hostTasting = host.snapshot.tasting;
  const good = await joinPlayer(stack, code);
  const bad = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  await good.next("game:started");
  host.close();
  await good.next("host:away");

  const seen = [];
  for (;;) {
    const frame = await good.next((m) => m.type === "game:question" || m.type === "game:final_leaderboard", 20_000);
    if (frame.type === "game:final_leaderboard") {
      assert.equal(frame.me.score, 1000);
      assert.equal(frame.palate.report.pseudonym, good.pseudonym);
      assert.deepEqual(
        frame.palate.report.categories.map((c) => c.correct),
        [2, 2, 2, 2, 2],
      );
      break;
    }
    seen.push(frame.questionId);
    const other = await bad.next("game:question");
    assert.equal(other.questionId, frame.questionId);
    await answer(good, frame.questionId, correctOption(hostTasting, frame.questionId));
    await answer(bad, frame.questionId, wrongOption(hostTasting, frame.questionId));
    // Everyone connected has answered: revealed without the host, long before the timer.
    const reveal = await good.next("game:answer_revealed", 5_000);
    assert.equal(reveal.questionId, frame.questionId);
    assert.equal(reveal.myOptionId, reveal.correctOptionId);
  }
  const order = hostTasting.wines.flatMap((w) => w.questions.map((q) => q.questionId));
  assert.deepEqual(seen, order, "every question once, in order");
  assert.equal((await good.next("session:ended")).reason, "completed");
  assert.equal((await bad.next("session:ended")).reason, "completed");

  const auth = { authorization: `Bearer ${hostKey}` };
  const results = await (await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: auth })).json();
  const scores = Object.fromEntries(results.rankings.map((r) => [r.pseudonym, r.score]));
  assert.deepEqual(scores, { [good.pseudonym]: 1000, [bad.pseudonym]: 0 });
  assert.deepEqual(results.palate.reports[0].winePoints, [500, 500]);
  assert.equal(results.palate.room[0].correct, 1);
  for (const s of [good, bad]) s.close();
});

test("per-wine pacing: no question leaderboard, the round leaderboard after each wine", async () => {
  const tasting = makeTasting(2, { options: { pacing: "per_wine" } });
  const { code, hostKey } = await createSession(stack, { tasting });
  const host = await connectHost(stack, code, hostKey);
  const p = await joinPlayer(stack, code);
  host.send({ type: "host:start" });
  for (let wine = 0; wine < 2; wine++) {
    for (let question = 0; question < 5; question++) {
      const q = await p.next("game:question");
      assert.equal(q.roundIndex, wine);
      assert.equal(q.questionIndex, question);
      await answer(p, q.questionId, correctOption(host.snapshot.tasting, q.questionId));
      await host.request({ type: "host:reveal" }, "game:answer_revealed");
      const after = question < 4 ? "game:question" : "game:round_leaderboard";
      await host.request({ type: "host:next" }, after);
    }
    const round = await p.next("game:round_leaderboard");
    assert.equal(round.roundIndex, wine);
    assert.equal(round.me.score, 500 * (wine + 1));
    host.send({ type: "host:next" });
  }
  assert.equal((await p.next("session:ended")).reason, "completed");
  const boards = [...p.frames, ...host.frames].filter((m) => m.type === "game:question_leaderboard");
  assert.deepEqual(boards, []);
  for (const s of [host, p]) s.close();
});
