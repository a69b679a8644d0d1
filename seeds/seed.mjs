#!/usr/bin/env node
// Seeds the curated wine answers (seeds/answers.json) and the wine catalog (seeds/wines.json)
// through the answers HTTP API: one POST {values: [...]} per category (split at 500 values),
// then PUT /wines in batches of 200 (upserts by name). Idempotent: values already present
// (ignoring case) are skipped, identical wines are left unchanged (no KV write). Prints what
// was added, skipped and updated.
//
//   npm run seed        local stack: WINE_ANSWERS_URL defaults to http://127.0.0.1:8787/api and
//                       ADMIN_SECRET to the one in wine-answers-worker/.dev.vars
//   npm run seed:prod   production: WINE_ANSWERS_URL (the answers worker's base URL, or the
//                       game worker's …/api) and ADMIN_SECRET must both be set
//
// Options: --file <path> seeds another answers file of the same shape, or an export of
// GET /api/admin/export ({answers, wines}); --wines <path> another catalog file;
// --verbose lists what was added.
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const CATEGORIES = ["color", "region", "grape_variety", "vintage_year", "wine_name"];
const BATCH = 500;
const WINE_BATCH = 200;
const LOCAL_URL = "http://127.0.0.1:8787/api";

function fail(message) {
  console.error(`seed: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = {
    prod: false,
    verbose: false,
    file: join(ROOT, "seeds/answers.json"),
    wines: join(ROOT, "seeds/wines.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--prod") opts.prod = true;
    else if (arg === "--verbose") opts.verbose = true;
    else if (arg === "--file" && argv[i + 1]) opts.file = resolve(argv[++i]);
    else if (arg === "--wines" && argv[i + 1]) opts.wines = resolve(argv[++i]);
    else fail(`unknown argument ${arg} (use --prod, --file <path>, --wines <path>, --verbose)`);
  }
  return opts;
}

/** ADMIN_SECRET from wine-answers-worker/.dev.vars, for local seeding by hand. */
function localSecret() {
  const file = join(ROOT, "wine-answers-worker/.dev.vars");
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith("ADMIN_SECRET="));
  return line?.slice("ADMIN_SECRET=".length).trim().replace(/^"(.*)"$/, "$1");
}

function target(opts) {
  const url = process.env.WINE_ANSWERS_URL?.trim();
  const secret = process.env.ADMIN_SECRET?.trim();
  if (opts.prod) {
    const missing = [!url && "WINE_ANSWERS_URL", !secret && "ADMIN_SECRET"].filter(Boolean);
    if (missing.length) {
      fail(
        `refusing to seed production: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set.\n` +
          "  Usage: WINE_ANSWERS_URL=https://<answers worker> ADMIN_SECRET=<secret> npm run seed:prod",
      );
    }
    return { url: url.replace(/\/+$/, ""), secret };
  }
  const local = secret || localSecret();
  if (!local) {
    fail("no ADMIN_SECRET: set it, or run `npm run dev` once to create wine-answers-worker/.dev.vars");
  }
  return { url: (url || LOCAL_URL).replace(/\/+$/, ""), secret: local };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return fail(`cannot read ${file}: ${e.message}`);
  }
}

/** The catalog, checked before anything is sent: an array of {name, color, region, grape_variety}. */
function checkWines(wines, file) {
  const fields = ["color", "grape_variety", "name", "region"];
  if (!Array.isArray(wines)) fail(`${file}: the catalog must be an array of wines`);
  wines.forEach((w, i) => {
    const keys = w && typeof w === "object" ? Object.keys(w).sort() : [];
    if (keys.join() !== fields.join() || fields.some((f) => typeof w[f] !== "string")) {
      fail(`${file}: wines[${i}] must be {name, color, region, grape_variety} (strings)`);
    }
  });
  return wines;
}

/** The data set ({answers, wines}), checked before anything is sent. */
function loadData(opts) {
  const file = opts.file;
  let data = readJson(file);
  if (!data || typeof data !== "object" || Array.isArray(data)) fail(`${file} must hold a JSON object`);
  // An export of GET /api/admin/export carries both parts.
  let wines;
  if ("answers" in data && "wines" in data) {
    wines = checkWines(data.wines, file);
    data = data.answers;
  } else {
    wines = existsSync(opts.wines) ? checkWines(readJson(opts.wines), opts.wines) : [];
  }
  for (const [category, values] of Object.entries(data)) {
    if (!CATEGORIES.includes(category)) fail(`${file}: unknown category ${category}`);
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
      fail(`${file}: ${category} must be an array of strings`);
    }
  }
  return { answers: data, wines };
}

async function call(url, secret, method, path, body) {
  let res;
  try {
    res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    fail(`cannot reach ${url}${path}: ${e.cause?.code ?? e.message}. Is the stack running (npm run dev)?`);
  }
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below
  }
  if (!res.ok) {
    const why = json?.error ? `${json.error.code}: ${json.error.message}` : text.slice(0, 200);
    if (res.status === 401) fail(`${url} refused the admin secret (${why})`);
    fail(`${method} ${path} failed with ${res.status} (${why})`);
  }
  return json;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { url, secret } = target(opts);
  const { answers: data, wines } = loadData(opts);
  console.log(`seed: ${opts.prod ? "production" : "local"} answers API at ${url}`);
  await call(url, secret, "GET", "/admin/session");

  let added = 0;
  let skipped = 0;
  for (const category of CATEGORIES) {
    const values = data[category] ?? [];
    const result = { added: [], existing: [] };
    for (let i = 0; i < values.length; i += BATCH) {
      const reply = await call(url, secret, "POST", `/answers/${category}`, {
        values: values.slice(i, i + BATCH),
      });
      result.added.push(...reply.added);
      result.existing.push(...reply.existing);
    }
    added += result.added.length;
    skipped += result.existing.length;
    console.log(
      `  ${category.padEnd(13)} ${String(result.added.length).padStart(4)} added, ${String(result.existing.length).padStart(4)} skipped (already present)`,
    );
    if (opts.verbose && result.added.length) console.log(`    added: ${result.added.join(" | ")}`);
  }
  console.log(`seed: done, ${added} added, ${skipped} skipped`);

  // The catalog, after the values: its attributes then already exist (the worker would add
  // missing ones itself; `valuesAdded` reports them).
  const catalog = { added: [], updated: [], unchanged: [], values: 0 };
  for (let i = 0; i < wines.length; i += WINE_BATCH) {
    const reply = await call(url, secret, "PUT", "/wines", { wines: wines.slice(i, i + WINE_BATCH) });
    catalog.added.push(...reply.added);
    catalog.updated.push(...reply.updated);
    catalog.unchanged.push(...reply.unchanged);
    catalog.values += Object.values(reply.valuesAdded).flat().length;
  }
  console.log(
    `seed: catalog, ${catalog.added.length} added, ${catalog.updated.length} updated, ` +
      `${catalog.unchanged.length} unchanged, ${catalog.values} attribute values added`,
  );
  if (opts.verbose && catalog.added.length) console.log(`    added: ${catalog.added.join(" | ")}`);
}

await main();
