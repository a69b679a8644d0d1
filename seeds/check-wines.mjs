#!/usr/bin/env node
// Validates the seed wine catalog (seeds/wines.json) against the rules of the answers worker
// (SPEC §8) and the curated values (seeds/answers.json), with no dependencies:
//
//   node seeds/check-wines.mjs [--file <wines.json>] [--answers <answers.json>]
//
// Checks: a JSON array of objects with exactly the fields name, color, region and
// grape_variety; every field a string, trimmed, 1–100 characters, no control characters,
// Unicode NFC; names unique ignoring case; region of the form "Region, Country" or with the
// larger areas it lies in between, smallest first ("Pauillac, Bordeaux, France").
// Prints the counts by country and by colour, and the color / region / grape_variety values
// that are not in answers.json (they become new values when the catalog is seeded).
// Exit status 1 when any entry breaks a rule.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const SEEDS = import.meta.dirname;
const FIELDS = ["name", "color", "region", "grape_variety"];
const MAX_LEN = 100;
/** C0 and C1 control characters, plus the line and paragraph separators. */
function hasControl(value) {
  for (const ch of value) {
    const c = ch.codePointAt(0);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
// "Region, Country", or "Region, Area, …, Country": 2–4 non-empty, trimmed parts joined by ", ".
const PART = "[^,\\s](?:[^,]*[^,\\s])?";
const REGION = new RegExp(`^(${PART})(?:, ${PART}){0,2}, (${PART})$`, "u");

function parseArgs(argv) {
  const opts = { file: join(SEEDS, "wines.json"), answers: join(SEEDS, "answers.json") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--file" && argv[i + 1]) opts.file = resolve(argv[++i]);
    else if (argv[i] === "--answers" && argv[i + 1]) opts.answers = resolve(argv[++i]);
    else {
      console.error(`check-wines: unknown argument ${argv[i]} (use --file <path>, --answers <path>)`);
      process.exit(2);
    }
  }
  return opts;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.error(`check-wines: cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
}

/** The problems of one field value, as short phrases (empty when the value is fine). */
function valueProblems(value) {
  if (typeof value !== "string") return ["not a string"];
  const problems = [];
  if (value !== value.trim()) problems.push("not trimmed");
  const length = [...value].length;
  if (length < 1 || length > MAX_LEN) problems.push(`length ${length} (must be 1–${MAX_LEN})`);
  if (hasControl(value)) problems.push("control character");
  if (value !== value.normalize("NFC")) problems.push("not Unicode NFC");
  if (/\s{2,}/u.test(value)) problems.push("repeated whitespace");
  return problems;
}

const key = (s) => s.normalize("NFC").toLowerCase();

function sortedCounts(map) {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function printCounts(title, map) {
  console.log(`${title}:`);
  for (const [k, n] of sortedCounts(map)) console.log(`  ${String(n).padStart(4)}  ${k}`);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const wines = readJson(opts.file);
  const answers = readJson(opts.answers);
  const errors = [];

  if (!Array.isArray(wines)) {
    console.error(`check-wines: ${opts.file} must hold a JSON array`);
    process.exit(1);
  }

  const seen = new Map(); // lower-cased name → index of its first entry
  const byCountry = new Map();
  const byColor = new Map();
  wines.forEach((wine, i) => {
    const where = `#${i}${wine && typeof wine.name === "string" ? ` (${wine.name})` : ""}`;
    if (!wine || typeof wine !== "object" || Array.isArray(wine)) {
      errors.push(`${where}: not an object`);
      return;
    }
    for (const field of FIELDS) {
      if (!(field in wine)) errors.push(`${where}: missing ${field}`);
      else for (const p of valueProblems(wine[field])) errors.push(`${where}: ${field} ${p}`);
    }
    for (const field of Object.keys(wine)) {
      if (!FIELDS.includes(field)) errors.push(`${where}: extra field ${field}`);
    }
    if (typeof wine.name === "string") {
      const k = key(wine.name.trim());
      if (seen.has(k)) errors.push(`${where}: duplicate name (same as #${seen.get(k)}, ignoring case)`);
      else seen.set(k, i);
    }
    if (typeof wine.region === "string") {
      const m = REGION.exec(wine.region);
      if (!m) errors.push(`${where}: region "${wine.region}" is not of the form "Region, [Area, ]Country"`);
      else byCountry.set(m[2], (byCountry.get(m[2]) ?? 0) + 1);
    }
    if (typeof wine.color === "string") byColor.set(wine.color, (byColor.get(wine.color) ?? 0) + 1);
  });

  console.log(`${wines.length} wines in ${opts.file}`);
  printCounts("By country", byCountry);
  printCounts("By colour", byColor);

  // Values the catalog would add to the collection (SPEC §8: every attribute is also a value).
  // A value present with other case is reported apart: the worker would treat it as existing,
  // so the catalog should use the collection's spelling.
  for (const category of ["color", "region", "grape_variety"]) {
    const known = new Map((answers[category] ?? []).map((v) => [key(v), v]));
    const fresh = new Map();
    const caseOnly = new Map();
    for (const wine of wines) {
      const v = wine?.[category];
      if (typeof v !== "string") continue;
      const existing = known.get(key(v));
      if (existing === undefined) fresh.set(v, (fresh.get(v) ?? 0) + 1);
      else if (existing !== v) caseOnly.set(v, existing);
    }
    console.log(`New ${category} values (not in answers.json): ${fresh.size}`);
    for (const [v, n] of sortedCounts(fresh)) console.log(`  ${String(n).padStart(4)}  ${v}`);
    for (const [v, existing] of caseOnly) {
      errors.push(`${category} "${v}" differs only in case from the answers value "${existing}"`);
    }
  }

  const knownNames = new Set((answers.wine_name ?? []).map(key));
  const newNames = wines.filter((w) => typeof w?.name === "string" && !knownNames.has(key(w.name)));
  const missing = (answers.wine_name ?? []).filter((n) => !seen.has(key(n)));
  console.log(`Names not yet in answers.json wine_name: ${newNames.length}`);
  console.log(`answers.json wine_name values without a catalog entry: ${missing.length}`);
  for (const n of missing) console.log(`        ${n}`);

  if (errors.length) {
    console.error(`\n${errors.length} problem(s):`);
    for (const e of errors) console.error(`  ${e}`);
    process.exit(1);
  }
  console.log("\nOK");
}

main();
