// The fast-authoring rules without a browser: a catalog wine and a /plausible reply into the
// draft's five questions, replacing only the slots asked for, the category draw for what is
// left, a stored tasting back into a draft, and the sample tasting's choice of three wines.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { CatalogWine, PlausibleOptions } from "../src/answers-api.gen";
import { countryOf, draftFromInput, drawFromPool, findWine, topUpFromPool, wineFromCatalog, withDistractors } from "../src/host/fill";
import { SampleFailure, buildSampleDraft, chooseSampleWines, sampleVintage } from "../src/host/sample";
import { draftToInput, validateDraft } from "../src/lib/validate";

const wine = (name: string, color: string, region: string, grape_variety: string): CatalogWine => ({ name, color, region, grape_variety });
const CATALOG = [
  wine("Cloudy Bay Sauvignon Blanc", "White", "Marlborough, New Zealand", "Sauvignon Blanc"),
  wine("Château Margaux", "Red", "Margaux, France", "Cabernet Sauvignon"),
  wine("Sassicaia", "Red", "Bolgheri, Italy", "Cabernet Sauvignon"),
  wine("Dom Pérignon", "Sparkling white", "Champagne, France", "Chardonnay"),
  wine("Whispering Angel", "Rosé", "Côtes de Provence, France", "Grenache"),
  wine("Taylor's Vintage Port", "Fortified red", "Douro, Portugal", "Touriga Nacional"),
];
const opt = (text: string, points = 0) => ({ text, points });
const REPLY: PlausibleOptions = {
  seed: 7,
  options: {
    color: [opt("Red"), opt("Orange", 25), opt("Sweet white")],
    region: [opt("Wairarapa, New Zealand", 50), opt("Sancerre, France"), opt("Marlborough, New Zealand")],
    grape_variety: [opt("Riesling", 25), opt("Chardonnay"), opt("Sémillon")],
    vintage_year: [opt("2020", 50), opt("2019", 25), opt("2017")],
    wine_name: [opt("Dog Point Section 94", 25)],
  },
};

test("a catalog wine fills four answers, keeps the typed vintage and takes every suggestion with its points", () => {
  const qs = wineFromCatalog(CATALOG[0]!, REPLY, "2021");
  assert.deepEqual(
    qs.map((q) => q.correct),
    ["White", "Marlborough, New Zealand", "Sauvignon Blanc", "2021", "Cloudy Bay Sauvignon Blanc"],
  );
  assert.deepEqual(qs[0]!.distractors, ["Red", "Orange", "Sweet white"]);
  assert.deepEqual(qs[0]!.partialPoints, [0, 25, 0]);
  // The reply's "Marlborough, New Zealand" equals the correct answer: skipped, the slot stays empty.
  assert.deepEqual(qs[1]!.distractors, ["Wairarapa, New Zealand", "Sancerre, France", ""]);
  assert.deepEqual(qs[3]!.partialPoints, [50, 25, 0]);
  assert.deepEqual(qs[4]!.distractors, ["Dog Point Section 94", "", ""], "fewer than three when the rules have no more");
  assert.deepEqual(wineFromCatalog(CATALOG[0]!, null)[3]!.correct, "", "no vintage until the host types one");
});

test("withDistractors replaces only the slots asked for and never repeats a kept answer", () => {
  const q = { category: "vintage_year" as const, correct: "2015", distractors: ["2014", "1999", ""] as [string, string, string], partialPoints: [50, 10, 0] as [number, number, number] };
  const next = withDistractors(q, [opt("1999", 25), opt("2016", 50), opt("2013", 25)], (k) => k !== 1);
  assert.deepEqual(next.distractors, ["2016", "1999", "2013"], "1999 is kept by hand, so the suggestion is skipped");
  assert.deepEqual(next.partialPoints, [50, 10, 25], "the kept slot keeps its points");
  assert.equal(validateDraft({ title: "", timerSeconds: 60, maxParticipants: 50, wines: [[next]] }).size, 0);
});

test("the category draw fills the empty slots with distinct answers at 0 points", () => {
  const q = { category: "color" as const, correct: "White", distractors: ["Red", "", ""] as [string, string, string], partialPoints: [25, 0, 0] as [number, number, number] };
  const next = topUpFromPool(q, ["white", "RED", "Rosé", "rosé", "Orange"], () => 0);
  assert.deepEqual(next.distractors, ["Red", "Rosé", "Orange"]);
  assert.deepEqual(next.partialPoints, [25, 0, 0]);
  assert.deepEqual(drawFromPool(["a", "b"], ["A"], 3), ["b"], "never more than the pool holds");
});

test("a stored tasting opens as a draft that posts back the same body", () => {
  const stored = {
    title: "Friday flight",
    timerSeconds: 45,
    maxParticipants: 12,
    options: { speedBonus: true, pacing: "per_wine" as const, autoAdvance: false },
    wines: [
      {
        questions: wineFromCatalog(CATALOG[1]!, REPLY, "2015").map((q) => ({
          category: q.category,
          correctAnswer: q.correct,
          distractors: q.distractors.map((d, k) => d || `Other ${k}`),
          partialPoints: [...q.partialPoints!],
        })),
      },
    ],
  };
  const draft = draftFromInput(stored);
  assert.equal(draft.title, "Friday flight");
  assert.deepEqual(draft.options, stored.options);
  assert.deepEqual(draft.wines[0]![3]!.partialPoints, [50, 25, 0]);
  const back = draftToInput(draft);
  assert.deepEqual(back.wines[0]!.questions[3], stored.wines[0]!.questions[3]);
  assert.equal(back.wines[0]!.questions[2]!.partialPoints?.join(), "25,0,0");
});

test("catalog names match ignoring case; a region's country follows its last comma", () => {
  assert.equal(findWine(CATALOG, "  château MARGAUX ")?.name, "Château Margaux");
  assert.equal(findWine(CATALOG, "Chateau Margaux"), undefined, "accents are part of a name");
  assert.equal(countryOf("Margaux, Bordeaux, France"), "France");
});

test("the sample: a white, a red and a festive wine from three countries, random among candidates", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    let s = i * 7919 + 1;
    const random = () => ((s = (s * 48271) % 2147483647) / 2147483647);
    const three = chooseSampleWines(CATALOG, random);
    assert.equal(three.length, 3);
    assert.equal(new Set(three.map((w) => countryOf(w.region))).size, 3, three.map((w) => w.name).join());
    assert.deepEqual(three.map((w) => w.color).slice(0, 2), ["White", "Red"]);
    assert.match(three[2]!.color, /Sparkling|Rosé/);
    seen.add(three.map((w) => w.name).join("|"));
  }
  assert.ok(seen.size > 1, "not always the same three");
});

test("a one-sided catalog still gives three wines; fewer than three is a clear failure", () => {
  const reds = [CATALOG[1]!, CATALOG[2]!, CATALOG[5]!];
  assert.equal(chooseSampleWines(reds).length, 3);
  assert.throws(() => chooseSampleWines(CATALOG.slice(0, 2)), (e: unknown) => e instanceof SampleFailure && e.reason === "tooFew" && e.count === 2);
  const year = Number(sampleVintage(() => 0.99, new Date("2026-06-01T00:00:00Z")));
  assert.ok(year >= 2018 && year <= 2023, String(year));
});

test("the sample draft is valid, and an unreachable catalog or an empty one says so", async () => {
  const answers = { color: ["Tawny", "Amber"], region: ["Rioja, Spain", "Mosel, Germany"], grape_variety: ["Syrah", "Merlot"], vintage_year: ["2001", "2002"], wine_name: ["Opus One", "Tignanello"] };
  let asked = 0;
  const pool = async () => (asked++, answers);
  const draft = await buildSampleDraft({ catalog: async () => CATALOG, plausible: async () => REPLY, pool, title: "Sample tasting" });
  assert.equal(draft.wines.length, 3);
  assert.equal(validateDraft(draft).size, 0, "the collection fills what the rules left empty");
  assert.equal(asked, 1);
  await assert.rejects(buildSampleDraft({ catalog: async () => CATALOG, plausible: async () => REPLY, pool: async () => ({}), title: "x" }), (e: unknown) => e instanceof SampleFailure && e.reason === "failed", "never an incomplete tasting");
  await assert.rejects(buildSampleDraft({ catalog: () => Promise.reject(new Error("offline")), plausible: async () => REPLY, pool, title: "x" }), (e: unknown) => e instanceof SampleFailure && e.reason === "catalogDown");
  await assert.rejects(buildSampleDraft({ catalog: async () => [], plausible: async () => REPLY, pool, title: "x" }), (e: unknown) => e instanceof SampleFailure && e.reason === "tooFew");
});
