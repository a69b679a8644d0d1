// Browser test helpers: headless Debian Chromium through playwright-core, axe-core checks,
// screenshots into test-artifacts/screenshots, and seeding the answers collection.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./stack.mjs";

export const SHOTS = join(ROOT, "test-artifacts/screenshots");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

export const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Fails early with a clear message when the frontend was not built. */
export function requireBuiltFrontend() {
  if (!existsSync(join(ROOT, "frontend/dist/play.html"))) {
    throw new Error("frontend/dist is missing: run `npx vite build --config frontend/vite.config.ts` (or scripts/build.sh) first");
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Many pages share one browser: keep background tabs running at full speed.
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
    ],
  });
}

/** A fresh context (own storage) whose pages report console errors to `errors`. */
export async function newContext(browser, options = DESKTOP, errors = []) {
  const context = await browser.newContext({ ...options, acceptDownloads: true });
  context.setDefaultTimeout(Number(process.env.BROWSER_TIMEOUT_MS ?? 15_000));
  // Every Content Security Policy violation is logged, so tests can assert there is none.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("page", (page) => watch(page, errors));
  return context;
}

/** Console warnings and errors of every page, with times (kept for failure reports). */
export const consoleLog = [];
/** Every CSP violation or refusal reported by any page (tests assert it stays empty). */
export const cspViolations = [];

function watch(page, errors) {
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") consoleLog.push(`${new Date().toISOString()} ${m.type()} ${page.url()}: ${m.text()}`);
    if (/CSP violation|Content Security Policy|Permissions-Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
}

/**
 * Waits until the page's finite animations and transitions have ended (a cancelled one counts
 * as ended; endless ones such as a spinner are not waited for), so checks see the final look.
 */
export async function settleAnimations(page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

let axe = null;
const axeSource = () => (axe ??= readFileSync(AXE, "utf8"));

/** Runs axe-core in the page; throws listing every violation, whatever its impact. */
export async function checkA11y(page, label) {
  await settleAnimations(page);
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script>
  // tag would be refused by `script-src 'self'`, as it should be).
  if (!hasAxe) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  if (violations.length) {
    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    appendFileSync(join(ROOT, "test-artifacts/a11y.jsonl"), JSON.stringify({ label, violations }) + "\n");
  }
  // No violation of any impact (minor and moderate included).
  if (violations.length) {
    throw new Error(`axe found violations on ${label}:\n${JSON.stringify(violations, null, 2)}`);
  }
  return violations;
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The sizes every main screen must fit: a small phone, a 720p and a 1080p screen. */
export const FIT_SIZES = [
  { name: "375", viewport: { width: 375, height: 667 } },
  { name: "720p", viewport: { width: 1280, height: 720 } },
  { name: "1080p", viewport: { width: 1920, height: 1080 } },
];

const WIDEST = { width: 3840, height: 2160 };

/**
 * What does not fit in the page as laid out now: horizontal overflow of the document, and
 * words broken inside (a word whose letters land on two lines). Words are split at spaces,
 * hyphens, dashes and slashes, where breaking is fine; visually hidden text is skipped.
 */
export async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) problems.push(`horizontal overflow: scrollWidth ${doc.scrollWidth} > clientWidth ${doc.clientWidth}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest(".sr-only, script, style, [hidden]")) continue;
      const re = /[^\s\-\u2010-\u2014/·,]+/g;
      let m;
      while ((m = re.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`broken word "${m[0]}" in <${el.tagName.toLowerCase()} class="${el.className}">`);
      }
    }
    return problems;
  });
}

/**
 * At each of FIT_SIZES: no horizontal overflow and no broken word (throws listing them), and a
 * screenshot `<name>-<size>.png`; then the same checks at 3840×2160. Restores the page's size.
 */
export async function fitShots(page, name) {
  const size = page.viewportSize();
  const failures = [];
  try {
    for (const s of FIT_SIZES) {
      await page.setViewportSize(s.viewport);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await settleAnimations(page);
      await shot(page, `${name}-${s.name}`);
      for (const p of await layoutProblems(page)) failures.push(`${name} at ${s.name}: ${p}`);
    }
    // The widest screen a venue may have: checked, not photographed (the files would be huge).
    await page.setViewportSize(WIDEST);
    await settleAnimations(page);
    for (const p of await layoutProblems(page)) failures.push(`${name} at 2160p: ${p}`);
  } finally {
    await page.setViewportSize(size);
  }
  if (failures.length) throw new Error(`layout problems:\n${failures.join("\n")}`);
}

/** Screenshots at the page's own size and at the other one (phone ↔ desktop), then restores it. */
export async function shots(page, name) {
  const size = page.viewportSize();
  const phone = size.width < 600;
  await shot(page, `${name}-${phone ? "phone" : "desktop"}`);
  await page.setViewportSize(phone ? DESKTOP.viewport : PHONE.viewport);
  await shot(page, `${name}-${phone ? "desktop" : "phone"}`);
  await page.setViewportSize(size);
}

/** Seeds the answers collection through the HTTP API: the seed script if present, plus `extra`. */
export async function seedAnswers(stack, extra = {}) {
  const script = join(ROOT, "seeds/seed.mjs");
  let seeded = false;
  if (existsSync(script)) {
    const r = spawnSync(process.execPath, [script], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WINE_ANSWERS_URL: `${stack.baseUrl}/api`, ADMIN_SECRET: stack.adminSecret },
      timeout: 120_000,
    });
    seeded = r.status === 0;
    if (!seeded) console.warn(`seeds/seed.mjs failed (status ${r.status}): ${r.stderr?.slice(-800)}`);
  }
  for (const [category, values] of Object.entries(extra)) {
    const res = await fetch(`${stack.baseUrl}/api/answers/${category}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${stack.adminSecret}` },
      body: JSON.stringify({ values }),
    });
    if (!res.ok) throw new Error(`seeding ${category} failed: ${res.status} ${await res.text()}`);
  }
  return seeded;
}

/**
 * The stack for browser tests: the real local stack (startStack), or, when SOMMELIER_BASE_URL
 * is set, an already running one (e.g. `npm run dev`) with its ADMIN_SECRET from the environment.
 */
export async function startBrowserStack(options) {
  const external = process.env.SOMMELIER_BASE_URL;
  if (external) {
    return { baseUrl: external.replace(/\/$/, ""), adminSecret: process.env.ADMIN_SECRET ?? "", stop: async () => {} };
  }
  const { startStack } = await import("./stack.mjs");
  return startStack(options);
}

/**
 * Registers the suite's before/after hooks: the stack (built frontend required) and one
 * browser. Returns a holder whose `stack` and `browser` are set before the first test runs.
 */
export function browserSuite(options) {
  const suite = { stack: null, browser: null };
  before(async () => {
    requireBuiltFrontend();
    suite.stack = await startBrowserStack(options);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

/** A fresh context whose pages already hold `hostKey` in localStorage (as after a first visit). */
export async function hostContext(browser, hostKey, errors = [], options = DESKTOP) {
  const ctx = await newContext(browser, options, errors);
  await ctx.addInitScript((key) => {
    if (location.protocol.startsWith("http")) localStorage.setItem("sa:hostKey", key);
  }, hostKey);
  return ctx;
}

/** Opens /play for `code` in `ctx`, joins, and returns the page and the pseudonym drawn. */
export async function joinAsPlayer(ctx, baseUrl, code) {
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/play?code=${code}`);
  await page.getByRole("button", { name: "Join the tasting" }).click();
  await page.getByRole("heading", { name: "You're in!" }).waitFor();
  return { page, name: (await page.getByTestId("pseudonym").textContent()).trim() };
}

/** The id of a tasting form's answer field: wine `w`, question `q`, slot 0 (the correct answer)
 * or 1–3 (the wrong answers). */
export const fieldId = (w, q, slot) => `#f-wines-${w}-questions-${q}-${slot === 0 ? "correctAnswer" : `distractors-${slot - 1}`}`;
/** The id of the near-miss points field of wrong answer `k` (0–2). */
export const pointsId = (w, q, k) => `#f-wines-${w}-questions-${q}-partialPoints-${k}`;

/** `test` that keeps a screenshot named `FAILED-<prefix>-<name>` of `pageOf()` when it fails. */
export function stepWithShot(test, prefix, pageOf) {
  return (name, fn) =>
    test(name, async () => {
      try {
        await fn();
      } catch (e) {
        const page = pageOf();
        if (page) await shot(page, `FAILED-${prefix}-${name.slice(0, 30).replace(/\W+/g, "-")}`).catch(() => {});
        throw e;
      }
    });
}
