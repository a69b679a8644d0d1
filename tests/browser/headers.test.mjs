// Security headers (frontend/public/_headers, applied by Workers static assets) on every page
// and asset, and the app running under its Content Security Policy with no violation: every
// page loads, a host's lobby and projector open their sockets, a player joins, and no page
// reports a CSP refusal. An injected inline script is refused, proving the policy is live.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, cspViolations, hostContext, joinAsPlayer, newContext, PHONE } from "../support/browser.mjs";
import { createSession, makeTasting } from "../support/tasting.mjs";

const suite = browserSuite();
const errors = [];

function assertSecurityHeaders(res, what) {
  const h = res.headers;
  const csp = h.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/, `${what}: CSP`);
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: scripts from this origin only`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: no framing`);
  assert.match(csp, /object-src 'none'/, `${what}: no plugins`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: nothing unsafe`);
  assert.equal(h.get("referrer-policy"), "no-referrer", `${what}: Referrer-Policy`);
  assert.equal(h.get("x-content-type-options"), "nosniff", `${what}: nosniff`);
  const pp = h.get("permissions-policy") ?? "";
  assert.match(pp, /camera=\(\)/, `${what}: Permissions-Policy`);
  assert.match(pp, /screen-wake-lock=\(self\)/, `${what}: wake lock allowed for the app`);
  assert.match(pp, /fullscreen=\(self\)/, `${what}: fullscreen allowed for the app`);
}

test("every page and asset carries the security headers", async () => {
  const { stack } = suite;
  const assets = new Set();
  for (const path of ["/", "/play", "/host", "/screen", "/admin", "/play?code=1234"]) {
    const res = await fetch(stack.baseUrl + path);
    assert.equal(res.status, 200, path);
    assertSecurityHeaders(res, path);
    for (const m of (await res.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(m[1]);
  }
  assert.ok(assets.size >= 3, "the pages load built assets");
  for (const a of assets) {
    const res = await fetch(stack.baseUrl + a);
    assert.equal(res.status, 200, a);
    assertSecurityHeaders(res, a);
  }
});

test("the app runs under its CSP with no violation; an inline script is refused", async () => {
  const { stack, browser } = suite;
  const { code, hostKey } = await createSession(stack, { tasting: makeTasting(1, { title: "CSP night" }) });

  const host = await hostContext(browser, hostKey, errors);
  const h = await host.newPage();
  for (const path of ["/", "/admin", "/host"]) {
    await h.goto(stack.baseUrl + path);
    await h.locator("h1").first().waitFor();
  }
  await h.goto(`${stack.baseUrl}/host?code=${code}`);
  await h.getByRole("heading", { name: "Lobby" }).waitFor();
  const s = await host.newPage();
  await s.goto(`${stack.baseUrl}/screen?code=${code}`);
  await s.getByTestId("screen-code").waitFor();

  const player = await newContext(browser, PHONE, errors);
  const { page: p } = await joinAsPlayer(player, stack.baseUrl, code);
  await h.getByTestId("participant-count").getByText("1").waitFor();
  await h.getByRole("button", { name: "Start the tasting" }).click();
  await p.getByRole("heading", { name: "What is the colour of this wine?" }).waitFor();
  await s.getByTestId("countdown").waitFor();

  assert.deepEqual(cspViolations, [], "no page reported a CSP violation");
  assert.deepEqual(errors, []);

  // The policy is live: a script the page did not ship is refused and reported.
  const ran = await p.evaluate(async () => {
    const el = document.createElement("script");
    el.textContent = "window.__injected = true";
    document.head.append(el);
    await new Promise((r) => setTimeout(r, 50));
    return window.__injected === true;
  });
  assert.equal(ran, false, "inline script blocked");
  for (let i = 0; i < 40 && !cspViolations.length; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(cspViolations.some((v) => /script-src/.test(v)), `the refusal is reported: ${cspViolations.join("\n")}`);
  await host.close();
  await player.close();
});
