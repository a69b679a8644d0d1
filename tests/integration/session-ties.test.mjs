// Ties on the real stack: a phone receives the podium and its own line, so the server tells
// it whether its rank is shared (`me.tied`, the reveal's `tied`). Five players score 100, 50,
// 25, 25 and 0: the 3rd and 4th lines share 3rd (the 4th is below the podium a phone sees),
// the 5th is alone and its frames carry no `tied` at all.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connectHost, joinPlayer, makeTasting } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

/** The option of `questionId` whose text is `text`, in a host tasting. */
function optionByText(hostTasting, questionId, text) {
  for (const wine of hostTasting.wines) {
    for (const q of wine.questions) if (q.questionId === questionId) return q.options.find((o) => o.text === text).id;
  }
  throw new Error(`no question ${questionId}`);
}

test("a tie below the podium reaches the tied phones; a lone rank is not flagged", async () => {
  const tasting = makeTasting(1);
  // Colour (Red): White is a near miss worth 50, Rosé 25, Orange nothing.
  tasting.wines[0].questions[0].partialPoints = [50, 25, 0];
  const { code, hostKey } = await createSession(stack, { tasting });
  const host = await connectHost(stack, code, hostKey);
  const players = [];
  for (let i = 0; i < 5; i++) players.push(await joinPlayer(stack, code));
  host.send({ type: "host:start" });
  const q = await host.next("game:question");
  const picks = ["Red", "White", "Rosé", "Rosé", "Orange"]; // 100, 50, 25, 25, 0
  for (const [i, p] of players.entries()) {
    const optionId = optionByText(host.snapshot.tasting, q.questionId, picks[i]);
    await p.request({ type: "submit_answer", questionId: q.questionId, optionId }, "answer:accepted");
  }
  host.send({ type: "host:reveal" });
  const reveals = await Promise.all(players.map((p) => p.next("game:answer_revealed")));
  assert.deepEqual(
    reveals.map((r) => [r.myTotalScore, r.myRank, r.tied ?? false]),
    [[100, 1, false], [50, 2, false], [25, 3, true], [25, 3, true], [0, 5, false]],
  );
  assert.ok(!("tied" in reveals[4]), "false is left out of the frame");

  host.send({ type: "host:next" });
  const board = await host.next("game:question_leaderboard");
  assert.deepEqual(
    board.rankings.map((e) => [e.score, e.rank]),
    [[100, 1], [50, 2], [25, 3], [25, 3], [0, 5]],
  );
  assert.ok(board.rankings.every((e) => !("tied" in e)), "host lines are unchanged");
  // Line by line as the host sees them: the 4th line is below the podium the phones get.
  const byName = new Map(players.map((p) => [p.pseudonym, p]));
  const fourth = byName.get(board.rankings[3].pseudonym);
  const fifth = byName.get(board.rankings[4].pseudonym);
  const third = byName.get(board.rankings[2].pseudonym);
  const me = async (sock) => (await sock.next("game:question_leaderboard")).me;
  assert.deepEqual(await me(fourth), { pseudonym: fourth.pseudonym, score: 25, rank: 3, tied: true });
  assert.deepEqual(await me(third), { pseudonym: third.pseudonym, score: 25, rank: 3, tied: true });
  assert.deepEqual(await me(fifth), { pseudonym: fifth.pseudonym, score: 0, rank: 5 }, "no tied key for a lone rank");

  // The final board says the same.
  host.send({ type: "host:end" });
  await host.next("game:final_leaderboard");
  const f4 = await fourth.next("game:final_leaderboard");
  const f5 = await fifth.next("game:final_leaderboard");
  assert.equal(f4.rankings.length, 3, "the phone gets the podium only");
  assert.ok(!f4.rankings.some((e) => e.pseudonym === fourth.pseudonym), "its own line is not on it");
  assert.equal(f4.me.tied, true);
  assert.equal(f4.rankedCount, 5);
  assert.equal(f5.me.tied, undefined);
  host.close();
  for (const p of players) p.close();
});
