// The game worker's edges against the real stack: the typed error envelope, the host-only
// tasting routes (read, and the lobby edit over HTTP that a 30-wine tasting needs), no
// storage for codes nobody created, no answer text on public surfaces before a reveal, the
// ranked count on leaderboards, and bodies on GET to forwarded routes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { startStack } from "../support/stack.mjs";
import { sessionDatabase, sessionSchemaCount, withDatabase } from "../support/storage.mjs";
import { TestSocket } from "../support/ws-client.mjs";
import { createSession, connect, connectHost, joinPlayer, makeTasting, newHostKey } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

const api = (path, init = {}) => fetch(`${stack.baseUrl}${path}`, init);
const bearer = (key) => ({ authorization: `Bearer ${key}` });

/** Every answer text of a submitted tasting. */
function answerTexts(tasting) {
  return tasting.wines.flatMap((w) => w.questions.flatMap((q) => [q.correctAnswer, ...q.distractors]));
}

function assertNoAnswer(what, text, answers) {
  for (const answer of answers) assert.ok(!text.includes(answer), `${what} reveals ${JSON.stringify(answer)}: ${text}`);
}

test("errors carry the typed envelope {error: {code, message, fields?}}", async () => {
  const res = await api("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: newHostKey(), tasting: makeTasting(1, { timerSeconds: 5 }) }),
  });
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.deepEqual(Object.keys(body), ["error"]);
  assert.equal(body.error.code, "INVALID_TASTING");
  assert.equal(typeof body.error.message, "string");
  assert.deepEqual(body.error.fields.map((f) => f.path), ["timerSeconds"]);
  // Each field error has a machine-readable code with its numbers (clients write the text in
  // their reader's language) beside the English message for API clients.
  assert.deepEqual(body.error.fields[0], { path: "timerSeconds", code: "out_of_range", min: 15, max: 120, message: "must be between 15 and 120 seconds" });
  const bad1 = makeTasting(1, { title: "x".repeat(81), maxParticipants: 1 });
  bad1.wines[0].questions[0].distractors[0] = bad1.wines[0].questions[0].correctAnswer.toUpperCase();
  bad1.wines[0].questions[1].distractors[1] = "  ";
  bad1.wines[0].questions[2].distractors.pop();
  bad1.wines[0].questions[3].category = "color";
  bad1.wines[0].questions[4].partialPoints = [95, 0, 0];
  const many = await api("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: newHostKey(), tasting: bad1 }),
  });
  assert.equal(many.status, 400);
  const codes = (await many.json()).error.fields.map(({ message, ...rest }) => (assert.equal(typeof message, "string"), rest));
  assert.deepEqual(codes, [
    { path: "title", code: "too_long", max: 80 },
    { path: "maxParticipants", code: "out_of_range", min: 2, max: 1000 },
    { path: "wines[0].questions[0].distractors[0]", code: "duplicate" },
    { path: "wines[0].questions[1].distractors[1]", code: "required" },
    { path: "wines[0].questions[2].distractors", code: "wrong_count", count: 3 },
    { path: "wines[0].questions[3].category", code: "wrong_category", expected: "vintage_year" },
    { path: "wines[0].questions[4].partialPoints[0]", code: "out_of_range", min: 0, max: 90 },
  ]);
  // A bad host key is the request's fault, not the tasting's.
  const bad = await api("/api/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hostKey: "short", tasting: makeTasting(1) }),
  });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.code, "BAD_REQUEST");
});

test("GET and WebSocket upgrades to codes nobody created store nothing", async () => {
  const { code } = await createSession(stack);
  const before = sessionSchemaCount(stack);
  assert.ok(before >= 1, "the created session has its tables");
  let probed = 0;
  for (let n = 0; probed < 12; n++) {
    const unused = String(n).padStart(4, "0");
    if (unused === code) continue;
    probed++;
    const res = await api(`/api/sessions/${unused}`);
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, "SESSION_NOT_FOUND");
    for (const path of ["results", "stats", "tasting"]) {
      const r = await api(`/api/sessions/${unused}/${path}`, { headers: bearer(newHostKey()) });
      assert.equal(r.status, 404, path);
    }
    const sock = await TestSocket.open(`${stack.wsBase}/api/sessions/${unused}/ws`);
    const err = await sock.next("error");
    assert.equal(err.code, "SESSION_NOT_FOUND");
    sock.send({ type: "join_session" });
    assert.equal((await sock.waitClosed()).code, 4404);
  }
  assert.equal(sessionSchemaCount(stack), before, "no session tables were created for unused codes");
});

test("the host reads the tasting back in the shape it was submitted", async () => {
  const tasting = makeTasting(2, { title: "Autumn reds" });
  const { code, hostKey } = await createSession(stack, { tasting });
  const none = await api(`/api/sessions/${code}/tasting`);
  assert.equal(none.status, 401);
  const wrong = await api(`/api/sessions/${code}/tasting`, { headers: bearer(newHostKey()) });
  assert.equal(wrong.status, 401);
  assert.equal((await wrong.json()).error.code, "INVALID_HOST_KEY");
  const res = await api(`/api/sessions/${code}/tasting`, { headers: bearer(hostKey) });
  assert.equal(res.status, 200);
  const got = await res.json();
  assert.equal(got.title, "Autumn reds");
  const untitled = await createSession(stack, { tasting: makeTasting(1, { title: undefined }) });
  const back = await (await api(`/api/sessions/${untitled.code}/tasting`, { headers: bearer(untitled.hostKey) })).json();
  assert.equal(back.title, undefined, "a default title reads back absent, so a run again dates its own");
  assert.equal(got.timerSeconds, 60);
  assert.equal(got.maxParticipants, 50);
  assert.equal(got.wines.length, 2);
  got.wines.forEach((wine, w) =>
    wine.questions.forEach((q, i) => {
      const sent = tasting.wines[w].questions[i];
      assert.equal(q.category, sent.category);
      assert.equal(q.correctAnswer, sent.correctAnswer);
      assert.deepEqual([...q.distractors].sort(), [...sent.distractors].sort());
    }),
  );
  // What it returns creates a session as it is.
  const again = await createSession(stack, { tasting: got });
  assert.match(again.code, /^\d{4}$/);
  const bad = await api(`/api/sessions/${code}/tasting`, { method: "POST", headers: bearer(hostKey) });
  assert.equal(bad.status, 405);
});

test("PUT /tasting edits a 30-wine tasting in the lobby; hosts hear it, players keep their seats", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1) });
  const host = await connectHost(stack, code, hostKey);
  const player = await joinPlayer(stack, code);
  // Thirty wines with answers of realistic length (cuvée and lot names).
  const big = makeTasting(30, { title: "Thirty wines", maxParticipants: 40 });
  big.wines.forEach((wine, w) =>
    wine.questions.forEach((q) => {
      const lot = (text) => `${text}, cuvée ${w + 1}, lot ${"AB".repeat(8)}`;
      q.correctAnswer = lot(q.correctAnswer);
      q.distractors = q.distractors.map(lot);
    }),
  );
  assert.ok(JSON.stringify(big).length > 16 * 1024, "larger than one WebSocket frame");
  const put = (body, key = hostKey, headers = {}) =>
    api(`/api/sessions/${code}/tasting`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...bearer(key), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  assert.equal((await api(`/api/sessions/${code}/tasting`, { method: "PUT", body: JSON.stringify(big) })).status, 401);
  const stranger = await put(big, newHostKey());
  assert.equal(stranger.status, 401);
  assert.equal((await stranger.json()).error.code, "INVALID_HOST_KEY");

  const invalid = await put(makeTasting(1, { timerSeconds: 500 }));
  assert.equal(invalid.status, 400);
  const invalidBody = await invalid.json();
  assert.equal(invalidBody.error.code, "INVALID_TASTING");
  assert.deepEqual(invalidBody.error.fields.map((f) => f.path), ["timerSeconds"]);
  const plain = await put(big, hostKey, { "content-type": "text/plain" });
  assert.equal(plain.status, 415);
  assert.equal((await plain.json()).error.code, "UNSUPPORTED_MEDIA_TYPE");
  const garbage = await put("{not json");
  assert.equal(garbage.status, 400);
  assert.equal((await garbage.json()).error.code, "BAD_REQUEST");
  const huge = await put(JSON.stringify({ ...big, title: "x".repeat(300 * 1024) }));
  assert.equal(huge.status, 413);
  assert.equal((await huge.json()).error.code, "PAYLOAD_TOO_LARGE");

  const ok = await put(big);
  assert.equal(ok.status, 200);
  const stored = await ok.json();
  assert.equal(stored.wines.length, 30);
  assert.equal(stored.title, "Thirty wines");
  const updated = await host.next("host:session_updated");
  assert.equal(updated.tasting.wines.length, 30);
  const info = await (await api(`/api/sessions/${code}`)).json();
  assert.equal(info.title, "Thirty wines");
  assert.equal(info.participantCount, 1);
  assert.equal(info.maxParticipants, 40);
  const read = await (await api(`/api/sessions/${code}/tasting`, { headers: bearer(hostKey) })).json();
  assert.equal(read.wines.length, 30);

  host.send({ type: "host:start" });
  await host.next("game:question");
  const late = await put(makeTasting(1));
  assert.equal(late.status, 409);
  assert.equal((await late.json()).error.code, "INVALID_PHASE");
  host.close();
  player.close();
});

test("a blank title is neutral: no answer on public info, lobby messages or history", async () => {
  const tasting = makeTasting(2, { title: "   " });
  const answers = answerTexts(tasting);
  const { code, hostKey } = await createSession(stack, { tasting });
  const info = await (await api(`/api/sessions/${code}`)).json();
  assert.match(info.title, /^Blind tasting · \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  // API clients keep the English default; the flag lets clients write their own language's.
  assert.equal(info.titleIsDefault, true);
  assertNoAnswer("public info", JSON.stringify(info), answers);

  const frames = [];
  const stranger = await connect(stack, code);
  frames.push(JSON.stringify(stranger.greeting));
  const player = await joinPlayer(stack, code);
  const host = await connectHost(stack, code, hostKey);
  const watcher = await joinPlayer(stack, code);
  // A lobby edit with a blank title stays neutral for everyone.
  assert.equal(host.snapshot.titleIsDefault, true);
  host.send({ type: "update_session", tasting: makeTasting(2, { title: "" }) });
  assert.equal((await host.next("host:session_updated")).titleIsDefault, true);
  frames.push(JSON.stringify(await player.next("lobby:updated")));
  for (const sock of [player, watcher, stranger]) frames.push(...sock.frames.map((m) => JSON.stringify(m)));
  assert.ok(frames.length > 2);
  for (const frame of frames) assertNoAnswer("a lobby message", frame, answers);
  const history = await (await api("/api/host/sessions", { headers: bearer(hostKey) })).json();
  assertNoAnswer("the history", JSON.stringify(history), answers);
  assert.equal(history.sessions.find((x) => x.code === code).titleIsDefault, true);
  // A host's own title is not the default; the player's snapshot says so too.
  host.send({ type: "update_session", tasting: makeTasting(2, { title: "Autumn reds" }) });
  assert.equal((await host.next("host:session_updated")).titleIsDefault, false);
  assert.equal((await api(`/api/sessions/${code}`).then((r) => r.json())).titleIsDefault, false);
  host.send({ type: "update_session", tasting: makeTasting(2, { title: "" }) });
  await host.next("host:session_updated");
  const after = await (await api(`/api/sessions/${code}`)).json();
  assertNoAnswer("public info after an edit", JSON.stringify(after), answers);
  for (const sock of [stranger, player, host, watcher]) sock.close();
});

test("leaderboards: hosts get every line, players the podium plus their own, and how many are ranked", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1) });
  const host = await connectHost(stack, code, hostKey);
  const players = [];
  for (let i = 0; i < 12; i++) players.push(await joinPlayer(stack, code));
  host.send({ type: "host:start" });
  await host.next("game:question");
  host.send({ type: "host:reveal" });
  await host.next("game:answer_revealed");
  host.send({ type: "host:next" });
  const board = await host.next("game:question_leaderboard");
  assert.equal(board.rankedCount, 12);
  assert.equal(board.rankings.length, 12);
  const mine = await players[11].next("game:question_leaderboard");
  assert.equal(mine.rankedCount, 12);
  assert.equal(mine.rankings.length, 3, "players get the podium");
  assert.deepEqual(mine.rankings, board.rankings.slice(0, 3));
  assert.equal(mine.me.pseudonym, players[11].pseudonym);
  // Nobody answered: all twelve share 1st, which the phone's own line says (`tied`).
  assert.deepEqual(mine.me, { ...board.rankings.find((r) => r.pseudonym === players[11].pseudonym), tied: true });
  host.send({ type: "host:end" });
  const hostFinal = await host.next("game:final_leaderboard");
  assert.equal(hostFinal.rankings.length, 12);
  const final = await players[0].next("game:final_leaderboard");
  assert.equal(final.rankedCount, 12);
  assert.equal(final.rankings.length, 3);
  assert.equal(final.me.pseudonym, players[0].pseudonym);
  host.close();
  for (const p of players) p.close();
});

/** A raw HTTP request (fetch refuses a body on GET). */
function rawRequest(method, path, body) {
  return new Promise((ok, fail) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: stack.port, method, path, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => ok({ status: res.statusCode, text }));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

test("GETs reach a session object only by its public routes and a four-digit code", async () => {
  const { code, hostKey } = await createSession(stack);
  // The routes the worker hands to the object as they came (the upgrade among them).
  assert.equal((await api(`/api/sessions/${code}`)).status, 200);
  assert.equal((await api(`/api/sessions/${code}/results`, { headers: bearer(hostKey) })).status, 200);
  const sock = await TestSocket.open(`${stack.wsBase}/api/sessions/${code}/ws`);
  assert.equal((await sock.next("server:state_snapshot")).code, code);
  sock.close();
  // The object's internal routes stay unreachable, even with the host's key; other paths
  // under a code are the router's 404; a code that is not four digits reaches no object.
  for (const path of [`/api/sessions/${code}/summary`, `/api/sessions/${code}/`, `/api/sessions/${code}/ws/x`]) {
    const res = await api(path, { headers: bearer(hostKey) });
    assert.equal(res.status, 404, path);
    assert.equal((await res.json()).error.code, "NOT_FOUND", path);
  }
  for (const path of ["/api/sessions/12x4", "/api/sessions/12345/ws", "/api/sessions/%31234"]) {
    const res = await api(path);
    assert.equal(res.status, 404, path);
    const body = await res.json();
    assert.equal(body.error.code, "SESSION_NOT_FOUND", path);
    assert.match(body.error.message, /four digits/, path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
  }
});

test("a GET with a body to a forwarded route is not a server error", async () => {
  for (const path of ["/api/answers", "/api/suggestions", "/api/admin/answers"]) {
    const res = await rawRequest("GET", path, JSON.stringify({ x: 1 }));
    assert.ok(res.status < 500, `${path}: ${res.status} ${res.text}`);
  }
  const session = await rawRequest("GET", "/api/sessions/0000", "{}");
  assert.equal(session.status, 404);
});

test("a session whose storage does not restore answers 500, stays listed, and its host can clear it", async () => {
  const { code, hostKey } = await createSession(stack);
  const other = await createSession(stack);
  // Damage the stored state the way a half-applied write could: a phase no engine knows.
  await stack.restart(() =>
    withDatabase(sessionDatabase(stack, code), (db) => db.exec("UPDATE state SET phase = 'bogus'"), { readOnly: false }),
  );
  const broken = await api(`/api/sessions/${code}`);
  assert.equal(broken.status, 500);
  assert.equal((await broken.json()).error.code, "INTERNAL");
  // Other sessions are unaffected.
  assert.equal((await api(`/api/sessions/${other.code}`)).status, 200);
  // The history keeps the entry (a failure is not "gone") and still answers.
  const history = await api("/api/host/sessions", { headers: bearer(hostKey) });
  assert.equal(history.status, 200);
  assert.ok((await history.json()).sessions.some((s) => s.code === code), "kept with its last summary");
  // Only its host may clear it.
  const stranger = await api(`/api/sessions/${code}`, { method: "DELETE", headers: bearer(newHostKey()) });
  assert.equal(stranger.status, 401);
  assert.equal((await stranger.json()).error.code, "INVALID_HOST_KEY");
  const cleared = await api(`/api/sessions/${code}`, { method: "DELETE", headers: bearer(hostKey) });
  assert.equal(cleared.status, 200);
  assert.deepEqual(await cleared.json(), { code, deleted: true });
  const gone = await api(`/api/sessions/${code}`);
  assert.equal(gone.status, 404);
  const after = await (await api("/api/host/sessions", { headers: bearer(hostKey) })).json();
  assert.ok(!after.sessions.some((s) => s.code === code), "dropped from the history");
});

test("an event's writes are stored whole or not at all: a write failing half-way changes nothing", async () => {
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, { title: "Before the edit" }) });
  // Make the second wine's questions impossible to insert, as a full disk would mid-event.
  await stack.restart(() =>
    withDatabase(
      sessionDatabase(stack, code),
      (db) => db.exec("CREATE TRIGGER injected_failure BEFORE INSERT ON questions WHEN NEW.round_index = 1 BEGIN SELECT RAISE(ABORT, 'injected failure'); END"),
      { readOnly: false },
    ),
  );
  const edit = await api(`/api/sessions/${code}/tasting`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...bearer(hostKey) },
    body: JSON.stringify(makeTasting(2, { title: "After the edit" })),
  });
  assert.equal(edit.status, 500);
  assert.equal((await edit.json()).error.code, "INTERNAL");
  // The session reloads from storage as it was before the edit.
  const info = await api(`/api/sessions/${code}`);
  assert.equal(info.status, 200);
  assert.equal((await info.json()).title, "Before the edit");
  const tasting = await (await api(`/api/sessions/${code}/tasting`, { headers: bearer(hostKey) })).json();
  assert.equal(tasting.wines.length, 1);
  // A one-wine edit (no row for the trigger to refuse) still works.
  const ok = await api(`/api/sessions/${code}/tasting`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...bearer(hostKey) },
    body: JSON.stringify(makeTasting(1, { title: "Edited" })),
  });
  assert.equal(ok.status, 200);
  assert.equal((await (await api(`/api/sessions/${code}`)).json()).title, "Edited");
});
