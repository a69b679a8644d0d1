// The admin catalog's pure rules: region form and country, search as you type (case and
// accents), counts, the edit plan (a rename is PUT new then DELETE old, a case change one PUT,
// a taken name refused), field paths, and reading import files (JSON shapes, CSV, skipped
// entries, batches).
import { test } from "node:test";
import assert from "node:assert/strict";
import { countBy, countryOf, parseWinePath, planEdit, regionProblem, searchable, searchWines, wineProblems } from "../src/admin/catalog";
import { batches, ImportError, planFromCsvText, planFromJson, planFromJsonText } from "../src/admin/importFile";

const w = (name: string, color = "Red", region = "Rioja, Spain", grape_variety = "Tempranillo") => ({ name, color, region, grape_variety });

test("a region is 'Region, Country'; the country follows the last comma", () => {
  assert.equal(countryOf("Napa Valley, California, United States"), "United States");
  assert.equal(countryOf("Rioja"), null);
  assert.equal(countryOf("Rioja, "), null);
  assert.equal(regionProblem("Rioja, Spain"), null);
  assert.deepEqual(regionProblem("Rioja"), { key: "catalog.regionForm" });
  assert.deepEqual(regionProblem(", Spain"), { key: "catalog.regionForm" });
  assert.deepEqual(regionProblem("  "), { key: "field.required" });
  const problems = wineProblems({ name: "", color: "Red", region: "Rioja", grape_variety: "x".repeat(101) });
  assert.deepEqual([...problems.keys()], ["name", "region", "grape_variety"]);
});

test("search matches every word in any field, ignoring case and accents", () => {
  const index = searchable([w("Château Margaux", "Red", "Margaux, France", "Cabernet Sauvignon"), w("Grüner Veltliner Smaragd", "White", "Wachau, Austria", "Grüner Veltliner"), w("Viña Ardanza")]);
  const names = (q: string) => searchWines(index, q).map((x) => x.name);
  assert.deepEqual(names("chateau"), ["Château Margaux"]);
  assert.deepEqual(names("GRUNER"), ["Grüner Veltliner Smaragd"]);
  assert.deepEqual(names("white austria"), ["Grüner Veltliner Smaragd"]);
  assert.deepEqual(names("spain tempranillo"), ["Viña Ardanza"]);
  assert.deepEqual(names("red"), ["Château Margaux", "Viña Ardanza"]);
  assert.equal(names("  ").length, 3);
  assert.deepEqual(names("riesling"), []);
});

test("counts by colour and country, most first, case folded", () => {
  const wines = [w("A", "Red", "Rioja, Spain"), w("B", "red", "Priorat, Spain"), w("C", "White", "Chablis, France")];
  assert.deepEqual(
    countBy(wines, (x) => x.color),
    [
      ["Red", 2],
      ["White", 1],
    ],
  );
  assert.deepEqual(
    countBy(wines, (x) => countryOf(x.region)),
    [
      ["Spain", 2],
      ["France", 1],
    ],
  );
});

test("an edit: unchanged, one PUT for the same name in any case, PUT then DELETE for a rename, a taken name refused", () => {
  const a = w("Viña Ardanza");
  const b = w("Imperial Gran Reserva");
  const catalog = [a, b];
  assert.deepEqual(planEdit(a, { ...a, name: " Viña Ardanza " }, catalog), { kind: "unchanged" });
  assert.deepEqual(planEdit(a, { ...a, grape_variety: "Garnacha" }, catalog), { kind: "put" });
  assert.deepEqual(planEdit(a, { ...a, name: "VIÑA ARDANZA" }, catalog), { kind: "put" }, "a case change replaces the same key: no DELETE, which would remove it");
  assert.deepEqual(planEdit(a, { ...a, name: "Viña Ardanza Reserva" }, catalog), { kind: "rename", oldName: "Viña Ardanza" });
  assert.deepEqual(planEdit(a, { ...a, name: "imperial gran reserva" }, catalog), { kind: "taken", other: b });
});

test("field paths of a refused batch", () => {
  assert.deepEqual(parseWinePath("wines[3].region"), { index: 3, field: "region" });
  assert.deepEqual(parseWinePath("wines[0]"), { index: 0, field: null });
  assert.deepEqual(parseWinePath("wines[1].extra"), { index: 1, field: null });
  assert.equal(parseWinePath("wines"), null);
});

test("import JSON: the export's shape, the older answers-only shape, a list of wines; bad entries listed", () => {
  const plan = planFromJson({
    answers: { color: ["Red", " White ", "", 7], region: ["Rioja, Spain"] },
    wines: [w("Viña Ardanza"), w("viña ardanza"), w("No Country", "Red", "Rioja"), { name: "Half" }, w("  Pingus  ", "Red", "Ribera del Duero, Spain")],
  });
  assert.deepEqual(plan.answers, { color: ["Red", "White"], region: ["Rioja, Spain"] });
  assert.equal(plan.skippedValues, 2);
  assert.deepEqual(
    plan.wines.map((x) => x.name),
    ["Viña Ardanza", "Pingus"],
  );
  assert.deepEqual(
    plan.skippedWines.map((s) => [s.where.vars?.n, s.field, s.problem.key]),
    [
      [2, "name", "import.repeatedName"],
      [3, "region", "catalog.regionForm"],
      [4, "color", "import.notAWine"],
    ],
  );
  assert.deepEqual(Object.keys(planFromJson({ grape_variety: ["Merlot"] }).answers), ["grape_variety"]);
  assert.equal(planFromJson([w("Pingus")]).wines.length, 1);
  assert.throws(() => planFromJson({ hello: 1 }), (e: unknown) => e instanceof ImportError && e.text.key === "admin.notObject");
  assert.throws(() => planFromJsonText("{nope"), (e: unknown) => e instanceof ImportError && e.text.key === "admin.notJson");
});

test("import CSV: columns in any order and either spelling, quotes, blank lines; a missing column refused", async () => {
  const csv = '\uFEFFGrape,Region,Name,Colour\nTempranillo,"Rioja, Spain","Viña Ardanza"","" Reserva",Red\n\nMerlot,Pomerol,Pétrus,Red\n';
  const plan = await planFromCsvText(csv);
  assert.deepEqual(plan.wines, [{ name: 'Viña Ardanza"," Reserva', color: "Red", region: "Rioja, Spain", grape_variety: "Tempranillo" }]);
  assert.deepEqual(
    plan.skippedWines.map((s) => [s.where.key, s.where.vars?.n, s.field]),
    [["import.whereRow", 4, "region"]],
  );
  await assert.rejects(planFromCsvText("name,colour,region\nA,Red,\"Rioja, Spain\""), (e: unknown) => e instanceof ImportError && e.text.key === "import.csvHeader" && e.text.vars?.missing === "grape");
});

test("batches of at most n, in order", () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([], 200), []);
  assert.equal(batches(Array.from({ length: 401 }, (_, i) => i), 200).length, 3);
});
