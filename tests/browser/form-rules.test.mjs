// The host form validates with the server's rules: for a set of tricky tastings, the field
// paths the frontend flags (frontend/src/lib/validate.ts, bundled for Node by esbuild) are
// exactly the ones `POST /api/sessions` refuses with INVALID_TASTING, and the server's field
// codes map onto the same texts (`fieldErrorMap`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { startBrowserStack } from "../support/browser.mjs";
import { importFrontendModule } from "../support/frontend-module.mjs";

let stack;
let rules;

before(async () => {
  rules = await importFrontendModule("frontend/src/lib/validate.ts");
  stack = await startBrowserStack();
});
after(async () => {
  await stack?.stop();
});

const CATS = ["color", "region", "grape_variety", "vintage_year", "wine_name"];
const BASE = [
  ["Red", "White", "Rosé", "Orange"],
  ["Rioja, Spain", "Douro, Portugal", "Mosel, Germany", "Barossa Valley, Australia"],
  ["Tempranillo", "Merlot", "Syrah", "Gamay"],
  ["2016", "2012", "2019", "2008"],
  ["Viña Ardanza", "Pesquera", "Pingus", "Flor de Pingus"],
];

function draft(edit = () => {}) {
  const d = {
    title: "",
    timerSeconds: 60,
    maxParticipants: 50,
    wines: [CATS.map((category, q) => ({ category, correct: BASE[q][0], distractors: BASE[q].slice(1) }))],
  };
  edit(d);
  return d;
}

const CASES = {
  "valid, with accents kept distinct (Rosé ≠ Rose)": draft((d) => (d.wines[0][0].distractors[2] = "Rose")),
  "valid at exactly 100 characters": draft((d) => (d.wines[0][4].correct = "é".repeat(100))),
  "blank answer": draft((d) => (d.wines[0][1].correct = "   ")),
  "101 characters": draft((d) => (d.wines[0][2].distractors[0] = "x".repeat(101))),
  "control character": draft((d) => (d.wines[0][3].distractors[1] = "20\u000719")),
  "newline inside": draft((d) => (d.wines[0][4].distractors[2] = "Flor\nde Pingus")),
  "duplicate ignoring case": draft((d) => (d.wines[0][2].distractors[1] = "MERLOT")),
  "duplicate after trimming": draft((d) => (d.wines[0][0].distractors[0] = "  red ")),
  "title over 80 characters": draft((d) => (d.title = "T".repeat(81))),
  "timer too short": draft((d) => (d.timerSeconds = 14)),
  "timer too long": draft((d) => (d.timerSeconds = 121)),
  "cap too small": draft((d) => (d.maxParticipants = 1)),
  "cap too large": draft((d) => (d.maxParticipants = 1001)),
  "near-miss points 0–90 accepted": draft((d) => (d.wines[0][3].partialPoints = [50, 25, 90])),
  "near-miss points 95 refused": draft((d) => (d.wines[0][3].partialPoints = [50, 95, 0])),
  "several at once, second wine": draft((d) => {
    d.wines.push(d.wines[0].map((q) => ({ ...q, distractors: [...q.distractors] })));
    d.wines[1][0].correct = "";
    d.wines[1][3].distractors[2] = "2012";
  }),
};

for (const [name, d] of Object.entries(CASES)) {
  test(`same verdict as the server: ${name}`, async () => {
    const client = [...rules.validateDraft(d).keys()].sort();
    const res = await fetch(`${stack.baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ hostKey: randomBytes(24).toString("base64url"), tasting: rules.draftToInput(d) }),
    });
    const body = await res.json();
    if (client.length === 0) {
      assert.equal(res.status, 201, JSON.stringify(body));
    } else {
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(body.error.code, "INVALID_TASTING");
      const server = [...new Set(body.error.fields.map((f) => f.path))].sort();
      assert.deepEqual(client, server);
      // The server's field codes read as the form's own texts (an answer's length as typed
      // is only known to the form: "(now 101)").
      const theirs = rules.fieldErrorMap(body.error.fields);
      for (const [path, mine] of rules.validateDraft(d)) {
        const expected = mine.key === "field.tooLongNow" ? { key: "field.tooLong", vars: { max: mine.vars.max } } : mine;
        assert.deepEqual(theirs.get(path), expected, path);
      }
    }
  });
}
