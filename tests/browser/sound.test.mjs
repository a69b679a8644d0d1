// The projector's sound cues really play: every page gets Web Audio wrapped (an init script)
// so that each oscillator started is recorded; the notes started together are one cue, told
// apart by their pitches and wave (lib/sound.ts's note table). After a first key press the
// projector plays the lobby chime, the question's rising pair, ticks in the last ten seconds,
// the reveal chord and the podium fanfare; muted, nothing starts; the phones open no audio at
// all (they have no sound of their own).
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, newContext, joinAsPlayer, cspViolations, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

/** Runs in each page before its scripts: records every oscillator start, batched per task. */
function recordOscillators() {
  window.__cues = [];
  window.__contexts = 0;
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  window.AudioContext = class extends Ctx {
    constructor(...args) {
      super(...args);
      window.__contexts += 1;
    }
  };
  const create = Ctx.prototype.createOscillator;
  let batch = null;
  Ctx.prototype.createOscillator = function () {
    const osc = create.call(this);
    const start = osc.start;
    osc.start = function (...args) {
      if (!batch) {
        batch = [];
        queueMicrotask(() => {
          window.__cues.push(batch.join(","));
          batch = null;
        });
      }
      batch.push(`${osc.type}:${Math.round(osc.frequency.value)}`);
      return start.apply(this, args);
    };
    return osc;
  };
}

/** Each cue's notes as the recorder writes them. */
const CUES = {
  "triangle:880,triangle:1320": "join",
  "triangle:523,triangle:784": "question",
  "square:1047": "tick",
  "triangle:523,triangle:659,triangle:784": "reveal",
  "triangle:523,triangle:659,triangle:784,triangle:1047,triangle:784": "fanfare",
};

const played = async (page) => (await page.evaluate(() => window.__cues)).map((c) => CUES[c] ?? `unknown(${c})`);

test("the projector's cues play after a gesture, not while muted, and never on phones", async () => {
  const { stack, browser } = suite;
  const tasting = makeTasting(1, { title: "Listening night", timerSeconds: 15 });
  const { code, hostKey } = await createSession(stack, { tasting });
  const tv = await newContext(browser, { viewport: { width: 1920, height: 1080 } }, errors);
  await tv.addInitScript(recordOscillators);
  const s = await tv.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}#k=${encodeURIComponent(hostKey)}`);
  await s.getByTestId("screen-code").getByText(code).waitFor();

  const phone = await newContext(browser, PHONE, errors);
  await phone.addInitScript(recordOscillators);
  const first = await joinAsPlayer(phone, stack.baseUrl, code);
  await s.getByTestId("screen-count").getByText("1 player joined").waitFor();
  assert.deepEqual(await played(s), [], "no sound before a user gesture");

  // The first gesture (a key press) loads the synthesiser; the next player gets a chime.
  await s.keyboard.press("?");
  await s.keyboard.press("Escape");
  await s.waitForFunction(() => window.__contexts === 1);
  const phone2 = await newContext(browser, PHONE, errors);
  await phone2.addInitScript(recordOscillators);
  const second = await joinAsPlayer(phone2, stack.baseUrl, code);
  await s.waitForFunction(() => window.__cues.length >= 1);
  assert.deepEqual(await played(s), ["join"]);

  // A question opens, its last ten seconds tick, the reveal rings.
  await s.keyboard.press("Space");
  await s.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor();
  await s.waitForFunction(() => window.__cues.some((c) => c.startsWith("square")), null, { timeout: 12_000 });
  await s.keyboard.press("r");
  await s.getByTestId("distribution").waitFor();
  await s.waitForFunction(() => window.__cues.length >= 1 && window.__cues.at(-1).split(",").length === 3);
  const q1 = await played(s);
  assert.equal(q1[1], "question");
  assert.ok(q1.slice(2, -1).length >= 1 && q1.slice(2, -1).every((c) => c === "tick"), `ticks, then the reveal: ${q1}`);
  assert.equal(q1.at(-1), "reveal");

  // Muted (M): the next question and its reveal are silent.
  await s.keyboard.press("m");
  await s.getByTestId("mute").and(s.locator('[aria-pressed="true"]')).waitFor();
  const before = (await played(s)).length;
  await s.keyboard.press("ArrowRight"); // leaderboard
  await s.getByRole("heading", { name: "Leaderboard" }).waitFor();
  await s.keyboard.press("ArrowRight"); // question 2
  await s.getByRole("heading", { name: "Which region does this wine come from?" }).waitFor();
  await s.keyboard.press("r");
  await s.getByTestId("distribution").waitFor();
  assert.equal((await played(s)).length, before, "nothing plays while muted");

  // Sound back on: the remaining questions, then the podium's fanfare.
  await s.keyboard.press("m");
  await s.getByTestId("mute").and(s.locator('[aria-pressed="false"]')).waitFor();
  for (const prompt of ["What is the grape variety of this wine?", "What is the vintage of this wine?", "Which wine is this?"]) {
    await s.keyboard.press("ArrowRight");
    await s.getByRole("heading", { name: "Leaderboard" }).waitFor();
    await s.keyboard.press("ArrowRight");
    await s.getByRole("heading", { name: prompt }).waitFor();
    await s.keyboard.press("r");
    await s.getByTestId("distribution").waitFor();
  }
  await s.keyboard.press("ArrowRight");
  await s.getByRole("heading", { name: "Leaderboard" }).waitFor();
  await s.keyboard.press("ArrowRight");
  await s.getByRole("heading", { name: "After wine 1" }).waitFor();
  await s.keyboard.press("ArrowRight");
  await s.getByRole("heading", { name: "Final podium" }).waitFor();
  await s.waitForFunction(() => window.__cues.some((c) => c.split(",").length === 5));
  const all = await played(s);
  assert.equal(all.filter((c) => c === "question").length, 4, `one rising pair per question heard: ${all}`);
  assert.equal(all.filter((c) => c === "reveal").length, 4);
  assert.equal(all.at(-1), "fanfare");
  assert.deepEqual(all.filter((c) => c.startsWith("unknown")), []);

  // The phones played nothing all game (they have no sound unless turned on; there is no such switch yet).
  for (const p of [first.page, second.page]) {
    assert.deepEqual(await p.evaluate(() => [window.__contexts, window.__cues]), [0, []], "phones stay silent");
  }
  await tv.close();
  await phone.close();
  await phone2.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(cspViolations, []);
});
