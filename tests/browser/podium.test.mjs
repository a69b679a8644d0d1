// A phone below the podium: the server sends a player the top 3 and their own line only
// (issue 16: a phone gets what it shows), and the phone's leaderboard lists the podium, a gap
// and its own row, highlighted, with "Nth of M" counting every ranked player; nothing wider
// than the screen, axe-clean.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, joinAsPlayer, checkA11y, fitShots, PHONE } from "../support/browser.mjs";
import { connectHost, createSession, joinPlayer, correctOption, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

test("a phone below the podium sees the podium, a gap and its own row", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1) });
  const host = await connectHost(stack, code, hostKey);
  // Five players over the wire answer right; the phone answers nothing and ranks sixth.
  const others = [];
  for (let i = 0; i < 5; i++) others.push(await joinPlayer(stack, code));
  const ctx = await newContext(browser, PHONE, errors);
  const { page: p } = await joinAsPlayer(ctx, stack.baseUrl, code);

  host.send({ type: "host:start" });
  const q = await host.next("game:question");
  const right = correctOption(host.snapshot.tasting, q.questionId);
  for (const s of others) await s.request({ type: "submit_answer", questionId: q.questionId, optionId: right }, "answer:accepted");
  host.send({ type: "host:reveal" });
  await host.next("game:answer_revealed");
  host.send({ type: "host:next" });
  const board = await host.next("game:question_leaderboard");
  assert.equal(board.rankings.length, 6, "the host gets every line");

  await p.getByTestId("my-rank").waitFor();
  const rows = p.getByTestId("leaderboard").locator("li.rank-row");
  assert.equal(await rows.count(), 4, "the podium and the phone's own row");
  assert.equal(await p.locator("li.rank-gap").count(), 1, "a gap before the own row");
  const mine = p.locator("li.rank-row.mine");
  assert.equal(await mine.count(), 1);
  assert.match(await mine.innerText(), /\b6\b/);
  assert.match(await p.getByTestId("my-rank").innerText(), /6th of 6/);
  await checkA11y(p, "phone leaderboard below the podium");
  await fitShots(p, "phone-leaderboard-below-podium");
  assert.deepEqual(errors, []);
  host.close();
  for (const s of others) s.close();
  await ctx.close();
});
