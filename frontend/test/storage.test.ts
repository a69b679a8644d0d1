import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

// The browser's Web Storage API, in memory (Node has none by default).
class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.has(k) ? this.m.get(k)! : null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}
(globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();

const s = await import("../src/lib/storage");
const KEY_A = "A".repeat(43);
const KEY_B = "B".repeat(43);

beforeEach(() => (localStorage as unknown as MemoryStorage).clear());

test("an arriving identity is adopted when none is stored, ignored when the same, asked otherwise", () => {
  const same = (a: string, b: string) => a === b;
  assert.equal(s.arrivalDecision(null, KEY_A, same), "adopt");
  assert.equal(s.arrivalDecision(KEY_A, KEY_A, same), "same");
  assert.equal(s.arrivalDecision(KEY_A, KEY_B, same), "ask");
});

test("switching host keys keeps the previous one, and switching back swaps them", () => {
  s.switchHostKey(KEY_A);
  assert.equal(s.storedHostKey(), KEY_A);
  assert.equal(s.previousHostKey(), null);
  s.switchHostKey(KEY_B);
  assert.equal(s.storedHostKey(), KEY_B);
  assert.equal(s.previousHostKey(), KEY_A);
  s.switchHostKey(s.previousHostKey()!);
  assert.equal(s.storedHostKey(), KEY_A);
  assert.equal(s.previousHostKey(), KEY_B);
});

test("switching seats keeps the previous seat of that session only", () => {
  const mine = { pseudonym: "TANNIC-FALCON", token: "t1" };
  const theirs = { pseudonym: "OAKY-MERLOT", token: "t2" };
  s.setPlayerCredentials("1234", mine);
  s.switchPlayerSeat("1234", theirs);
  assert.deepEqual(s.playerCredentials("1234"), theirs);
  assert.deepEqual(s.previousPlayerCredentials("1234"), mine);
  assert.equal(s.previousPlayerCredentials("9999"), null);
  s.switchPlayerSeat("1234", theirs);
  assert.deepEqual(s.previousPlayerCredentials("1234"), mine, "re-taking the same seat keeps the previous one");
  assert.equal(s.sameSeat(mine, { ...mine }), true);
  assert.equal(s.sameSeat(mine, { ...mine, token: "x" }), false);
});
