// A full tasting over the wire against the real stack: one host, three participants, two
// wines, an answer change, pause and resume, a tie; every message of SPEC section 6 and
// its fields; scores, ranks, results as JSON and CSV; the host's history.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { createSession, connectHost, joinPlayer, correctOption, wrongOption, makeTasting } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const keys = (o) => Object.keys(o).sort();

test("a whole tasting, message by message", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(2) });
  assert.match(code, /^\d{4}$/);

  const host = await connectHost(stack, code, hostKey);
  assert.equal(host.greeting.code, code);
  assert.equal(host.greeting.phase, "waiting");
  const snap = host.snapshot;
  assert.equal(snap.phase, "waiting");
  assert.equal(snap.tasting.wines.length, 2);
  assert.equal(snap.tasting.wines[0].questions.length, 5);
  assert.deepEqual(snap.participants, []);
  assert.match(snap.hostHandle, /^[A-Z]+-[A-Z]+$/);
  const tasting = snap.tasting;
  for (const wine of tasting.wines) {
    assert.deepEqual(
      wine.questions.map((q) => q.category),
      ["color", "region", "grape_variety", "vintage_year", "wine_name"],
    );
    for (const q of wine.questions) {
      assert.equal(q.options.length, 4);
      assert.ok(q.options.some((o) => o.id === q.correctOptionId));
    }
  }
  // Question and option ids are unique within the session.
  const qids = tasting.wines.flatMap((w) => w.questions.map((q) => q.questionId));
  const oids = tasting.wines.flatMap((w) => w.questions.flatMap((q) => q.options.map((o) => o.id)));
  assert.equal(new Set(qids).size, qids.length);
  assert.equal(new Set(oids).size, oids.length);

  // Three participants join; the host sees each, participants see counts only.
  const players = [];
  for (let i = 0; i < 3; i++) {
    const p = await joinPlayer(stack, code);
    assert.match(p.pseudonym, /^[A-Z]+-[A-Z]+$/);
    assert.match(p.token, /^[0-9a-f]{32,}$/);
    const update = await host.next((m) => m.type === "lobby:updated" && m.participant?.pseudonym === p.pseudonym);
    assert.deepEqual(update.participant, { pseudonym: p.pseudonym, online: true, left: false });
    assert.equal(update.count, i + 1);
    assert.equal(update.maxParticipants, 50);
    players.push(p);
  }
  assert.equal(new Set(players.map((p) => p.pseudonym)).size, 3);
  const [a, b, c] = players;
  const lobby = await a.next((m) => m.type === "lobby:updated" && m.count === 3);
  assert.deepEqual(keys(lobby), ["count", "maxParticipants", "type"]);

  const info = await (await fetch(`${stack.baseUrl}/api/sessions/${code}`)).json();
  assert.deepEqual(info, { code, title: "Test tasting", titleIsDefault: false, phase: "waiting", participantCount: 3, maxParticipants: 50, joinable: true, locked: false });

  host.send({ type: "host:start" });
  for (const s of [host, ...players]) {
    assert.equal((await s.next("game:started")).totalRounds, 2);
  }

  const expected = new Map(players.map((p) => [p.pseudonym, 0]));
  for (let round = 0; round < 2; round++) {
    for (let qi = 0; qi < 5; qi++) {
      const questions = [];
      for (const s of [host, ...players]) questions.push(await s.next("game:question"));
      const q = questions[1];
      assert.deepEqual(keys(q), [
        "category", "durationMs", "options", "prompt", "questionId", "questionIndex",
        "remainingMs", "roundIndex", "serverTime", "totalQuestions", "totalRounds", "type",
      ]);
      assert.equal(q.roundIndex, round);
      assert.equal(q.questionIndex, qi);
      assert.equal(q.totalQuestions, 5);
      assert.equal(q.totalRounds, 2);
      assert.equal(q.durationMs, 60_000);
      assert.ok(q.remainingMs > 0 && q.remainingMs <= 60_000);
      assert.equal(q.options.length, 4);
      assert.ok(!JSON.stringify(questions.slice(1)).includes("correct"), "no correct flag before the reveal");
      const right = correctOption(tasting, q.questionId);
      const wrong = wrongOption(tasting, q.questionId);

      if (round === 0 && qi === 1) {
        // Pause: the remaining time freezes and answers are refused; resume keeps it.
        host.send({ type: "host:pause" });
        const paused = await a.next("game:timer_paused");
        assert.ok(paused.remainingMs > 0 && typeof paused.serverTime === "number");
        await host.next("game:timer_paused");
        a.send({ type: "submit_answer", questionId: q.questionId, optionId: right });
        assert.equal((await a.next("error")).code, "ANSWERS_CLOSED");
        host.send({ type: "host:resume" });
        const resumed = await a.next("game:timer_resumed");
        assert.equal(resumed.remainingMs, paused.remainingMs);
      }

      // a: always right. b: first wrong, then changes to right (the last answer counts).
      // c: right on even questions only. a and b tie.
      const picks = [
        [a, [right]],
        [b, [wrong, right]],
        [c, [qi % 2 === 0 ? right : wrong]],
      ];
      let answered = 0;
      for (const [p, options] of picks) {
        for (const optionId of options) {
          const ack = await p.request({ type: "submit_answer", questionId: q.questionId, optionId }, "answer:accepted");
          assert.deepEqual(ack, { type: "answer:accepted", questionId: q.questionId, optionId });
        }
        // The host hears once per participant and question (a change is not news).
        const delta = await host.next("game:participant_answered");
        answered++;
        assert.deepEqual(delta, { type: "game:participant_answered", pseudonym: p.pseudonym, answeredCount: answered, totalCount: 3 });
        if (options.at(-1) === right) expected.set(p.pseudonym, expected.get(p.pseudonym) + 100);
      }
      // Someone else's question id is refused.
      c.send({ type: "submit_answer", questionId: "nope", optionId: right });
      assert.equal((await c.next("error")).code, "UNKNOWN_QUESTION");
      c.send({ type: "submit_answer", questionId: q.questionId, optionId: "nope" });
      assert.equal((await c.next("error")).code, "UNKNOWN_OPTION");

      host.send({ type: "host:reveal" });
      const hostReveal = await host.next("game:answer_revealed");
      assert.equal(hostReveal.questionId, q.questionId);
      assert.equal(hostReveal.correctOptionId, right);
      assert.equal(hostReveal.results.length, 3);
      for (const r of hostReveal.results) {
        assert.deepEqual(keys(r), ["optionId", "points", "pseudonym", "totalScore"]);
        assert.equal(r.totalScore, expected.get(r.pseudonym));
      }
      const counted = Object.fromEntries(hostReveal.optionCounts.map((o) => [o.optionId, o.count]));
      assert.equal(counted[right], qi % 2 === 0 ? 3 : 2);
      for (const [p] of picks) {
        const r = await p.next("game:answer_revealed");
        // `tied` only when another player has the same score (left out when false).
        const shared = [...expected].some(([name, score]) => name !== p.pseudonym && score === expected.get(p.pseudonym));
        const fields = ["correctOptionId", "gapToNext", "myOptionId", "myPoints", "myRank", "myTotalScore", "nextRank", "questionId", "rankedCount", ...(shared ? ["tied"] : []), "type"];
        assert.deepEqual(keys(r), fields);
        if (shared) assert.equal(r.tied, true);
        assert.equal(r.correctOptionId, right);
        assert.equal(r.myTotalScore, expected.get(p.pseudonym));
        assert.equal(r.myPoints, r.myOptionId === right ? 100 : 0);
        // Where the player stands after this question: competition rank among the three, and
        // the points to the next better score with that score's rank (null when first).
        const scores = [...expected.values()];
        const mine = expected.get(p.pseudonym);
        const better = scores.filter((s) => s > mine);
        assert.equal(r.myRank, better.length + 1);
        assert.equal(r.rankedCount, 3);
        const above = better.length ? Math.min(...better) : null;
        assert.equal(r.gapToNext, above === null ? null : above - mine);
        assert.equal(r.nextRank, above === null ? null : scores.filter((s) => s > above).length + 1);
        if (round === 0 && qi === 1 && p === c) assert.deepEqual([r.myRank, r.gapToNext, r.nextRank], [3, 100, 1], "c trails a and b by one answer");
      }
      // Answers after the reveal are refused.
      a.send({ type: "submit_answer", questionId: q.questionId, optionId: wrong });
      assert.equal((await a.next("error")).code, "ANSWERS_CLOSED");

      // Every question has its leaderboard…
      host.send({ type: "host:next" });
      const board = await host.next("game:question_leaderboard");
      assert.equal(board.rankings.length, 3);
      assert.equal(board.roundIndex, round);
      assert.equal(board.questionIndex, qi);
      assert.equal(board.totalQuestions, 5);
      assert.equal(board.totalRounds, 2);
      for (const p of players) {
        const mine = await p.next("game:question_leaderboard");
        assert.equal(mine.me.pseudonym, p.pseudonym);
        assert.equal(mine.me.score, expected.get(p.pseudonym));
        const tied = [...expected].some(([name, score]) => name !== p.pseudonym && score === mine.me.score);
        assert.equal(mine.me.tied, tied ? true : undefined, "me.tied exactly when another has the same score");
        // Every field of the spec, also on a phone's board.
        assert.equal(mine.totalRounds, 2);
        assert.equal(mine.totalQuestions, 5);
      }
      // …and after the wine's fifth, the round leaderboard unveils the wine.
      if (qi === 4) {
        host.send({ type: "host:next" });
        const board = await host.next("game:round_leaderboard");
        assert.equal(board.roundIndex, round);
        assert.equal(board.wine.name, tasting.wines[round].name);
        assert.deepEqual(board.wine.answers.map((x) => x.category), ["color", "region", "grape_variety", "vintage_year", "wine_name"]);
        for (const p of players) assert.equal((await p.next("game:round_leaderboard")).wine.name, board.wine.name);
      }
      host.send({ type: "host:next" });
    }
  }

  // After the last round leaderboard: the final leaderboard and the end.
  const final = await host.next("game:final_leaderboard");
  const ranks = Object.fromEntries(final.rankings.map((r) => [r.pseudonym, r]));
  assert.equal(ranks[a.pseudonym].score, 1000);
  assert.equal(ranks[b.pseudonym].score, 1000);
  assert.equal(ranks[c.pseudonym].score, 600);
  assert.equal(ranks[a.pseudonym].rank, 1);
  assert.equal(ranks[b.pseudonym].rank, 1);
  assert.equal(ranks[c.pseudonym].rank, 3);
  // Ties are listed by pseudonym.
  const tied = final.rankings.slice(0, 2).map((r) => r.pseudonym);
  assert.deepEqual(tied, [...tied].sort());
  for (const p of players) {
    const mine = await p.next("game:final_leaderboard");
    assert.equal(mine.me.rank, ranks[p.pseudonym].rank);
    assert.equal((await p.next("session:ended")).reason, "completed");
  }
  assert.equal((await host.next("session:ended")).reason, "completed");

  // Results: JSON and CSV, host only.
  const auth = { authorization: `Bearer ${hostKey}` };
  const res = await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: auth });
  assert.equal(res.status, 200);
  const results = await res.json();
  assert.equal(results.code, code);
  assert.equal(results.questions.length, 10);
  assert.equal(results.answers.length, 30);
  for (const ans of results.answers) {
    assert.equal(ans.correct, ans.optionId === correctOption(tasting, ans.questionId));
    assert.equal(ans.points, ans.correct ? 100 : 0);
  }
  assert.deepEqual(results.rankings, final.rankings);
  const csvRes = await fetch(`${stack.baseUrl}/api/sessions/${code}/results?format=csv`, { headers: auth });
  assert.equal(csvRes.status, 200);
  assert.match(csvRes.headers.get("content-type"), /text\/csv/);
  const lines = (await csvRes.text()).trim().split(/\r?\n/);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^rank,pseudonym,score,/);
  assert.equal(lines[0].split(",").length, 13);
  assert.match(lines[3], new RegExp(`^3,${c.pseudonym},600,`));
  assert.ok(lines[1].includes(tasting.wines[0].questions[0].options.find((o) => o.id === tasting.wines[0].questions[0].correctOptionId).text));

  assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${code}/results`)).status, 401);
  assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${code}/results`, { headers: { authorization: "Bearer wrong-key-wrong-key-wrong" } })).status, 401);

  // The host's history lists it as ended with its podium.
  const history = await (await fetch(`${stack.baseUrl}/api/host/sessions`, { headers: auth })).json();
  const mine = history.sessions.find((s) => s.code === code);
  assert.equal(mine.status, "ended");
  assert.equal(mine.participantCount, 3);
  assert.equal(mine.podium.length, 3);

  // Delete: gone from the history and from the API.
  const del = await fetch(`${stack.baseUrl}/api/sessions/${code}`, { method: "DELETE", headers: auth });
  assert.equal(del.status, 200);
  assert.equal((await fetch(`${stack.baseUrl}/api/sessions/${code}`)).status, 404);
  const after = await (await fetch(`${stack.baseUrl}/api/host/sessions`, { headers: auth })).json();
  assert.ok(!after.sessions.some((s) => s.code === code));
  for (const s of [host, ...players]) s.close();
});
