// Prints and checks the frontend's size budgets from the built frontend/dist: the first load of
// /play (its HTML plus every script, preloaded module and stylesheet it pulls in statically,
// gzipped at level 9) must stay within 50 KB in total and 30 KB of JavaScript, with no web
// fonts. Other pages are printed for information. Exits non-zero when a budget is exceeded.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "..");
const DIST = join(ROOT, "frontend/dist");
const KB = 1024;
const BUDGET = { page: "play", totalKb: 50, jsKb: 30 };

if (!existsSync(join(DIST, "play.html"))) {
  console.error("frontend/dist/play.html is missing: run `npx vite build --config frontend/vite.config.ts` first");
  process.exit(2);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Every asset a page loads on first load: HTML references, then static JS imports, recursively. */
function firstLoad(page) {
  const html = readFileSync(join(DIST, `${page}.html`), "utf8");
  const files = new Map([[`${page}.html`, { kind: "html", bytes: Buffer.from(html) }]]);
  const queue = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const url = m[2];
    if (/^(https?:)?\/\//.test(url)) throw new Error(`${page}.html loads a third-party asset: ${url}`);
    if (m[1] === "link" && !/rel="(stylesheet|modulepreload|preload)"/.test(tag)) continue;
    queue.push(url.replace(/^\//, ""));
  }
  while (queue.length) {
    const rel = queue.shift();
    if (files.has(rel)) continue;
    const path = join(DIST, rel);
    const bytes = readFileSync(path);
    const kind = rel.endsWith(".css") ? "css" : rel.endsWith(".js") ? "js" : /\.(woff2?|ttf|otf|eot)$/.test(rel) ? "font" : "other";
    files.set(rel, { kind, bytes });
    const text = bytes.toString("utf8");
    if (kind === "js") {
      // Static imports only (`import … from "./x.js"`, `import "./x.js"`); dynamic import() is lazy.
      for (const s of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
        queue.push(join(dirname(rel), s[1]).replace(/^\//, ""));
      }
    }
    if (kind === "css") {
      if (/@font-face/.test(text)) files.set(`${rel} (@font-face)`, { kind: "font", bytes: Buffer.alloc(0) });
      for (const s of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (!s[1].startsWith("data:")) queue.push(join(dirname(rel), s[1]).replace(/^\//, ""));
      }
    }
  }
  return files;
}

function report(page) {
  const files = firstLoad(page);
  const sums = { html: 0, js: 0, css: 0, font: 0, other: 0 };
  console.log(`\n/${page === "index" ? "" : page} first load (gzip -9):`);
  for (const [name, f] of files) {
    const size = gz(f.bytes);
    sums[f.kind] += size;
    console.log(`  ${f.kind.padEnd(5)} ${(size / KB).toFixed(1).padStart(6)} KB  ${name}`);
  }
  const total = Object.values(sums).reduce((a, b) => a + b, 0);
  console.log(
    `  total ${(total / KB).toFixed(1)} KB (html ${(sums.html / KB).toFixed(1)}, js ${(sums.js / KB).toFixed(1)}, css ${(sums.css / KB).toFixed(1)}, fonts ${(sums.font / KB).toFixed(1)})`,
  );
  return { total, js: sums.js, fonts: [...files.values()].filter((f) => f.kind === "font").length };
}

let failed = false;
for (const page of ["index", "host", "screen", "admin"]) {
  if (existsSync(join(DIST, `${page}.html`))) report(page);
}
const play = report(BUDGET.page);
console.log(`\nbudget /play: total ${(play.total / KB).toFixed(1)} KB of ${BUDGET.totalKb} KB, js ${(play.js / KB).toFixed(1)} KB of ${BUDGET.jsKb} KB, web fonts ${play.fonts}`);
if (play.total > BUDGET.totalKb * KB) {
  console.error(`FAIL: /play first load is ${(play.total / KB).toFixed(1)} KB gzipped (budget ${BUDGET.totalKb} KB)`);
  failed = true;
}
if (play.js > BUDGET.jsKb * KB) {
  console.error(`FAIL: /play JavaScript is ${(play.js / KB).toFixed(1)} KB gzipped (budget ${BUDGET.jsKb} KB)`);
  failed = true;
}
if (play.fonts > 0) {
  console.error("FAIL: /play loads web fonts");
  failed = true;
}
process.exit(failed ? 1 : 0);
