// An alarm whose session cannot load fails, so the runtime keeps it and retries: the
// deadline is not lost. A lobby with a 3-second expiry has its state damaged while the
// runtime is stopped; its alarm then fires and fails (the log says so); once storage is
// repaired the retried alarm expires the lobby, with no request ever reaching the session.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack } from "../support/stack.mjs";
import { sessionDatabase, withDatabase } from "../support/storage.mjs";
import { createSession } from "../support/tasting.mjs";

let stack;
before(async () => {
  stack = await startStack({ vars: { LOBBY_EXPIRY_MS: "3000" } });
});
after(async () => {
  await stack?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function setPhase(path, phase) {
  withDatabase(path, (db) => db.prepare("UPDATE state SET phase = ?").run(phase), { readOnly: false });
}

/** The stored phase, or null once the session's rows are gone. */
function storedPhase(path) {
  return withDatabase(path, (db) => db.prepare("SELECT phase FROM state").get()?.phase ?? null);
}

test("a failing alarm is retried, so the lobby still expires once storage loads again", async () => {
  const { code } = await createSession(stack);
  let path;
  await stack.restart(() => {
    path = sessionDatabase(stack, code);
    setPhase(path, "bogus");
  });
  // Wait (bounded) until the overdue alarm has run and failed to load the session.
  for (let i = 0; i < 120 && !stack.logs().includes("cannot load session"); i++) await sleep(250);
  assert.ok(stack.logs().includes("cannot load session"), "the alarm ran against the damaged storage");
  let phase;
  await stack.restart(() => setPhase(path, "waiting"));
  // The retried alarm (kept by the runtime because the handler failed) expires the lobby.
  for (let i = 0; i < 8; i++) {
    await sleep(2_000);
    await stack.restart(() => {
      phase = storedPhase(path);
    });
    if (phase !== "waiting") break;
  }
  assert.notEqual(phase, "waiting", "the lobby expiry was not lost");
});
