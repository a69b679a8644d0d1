// Vite build of the multi-page frontend into frontend/dist (served as the game worker's assets).
import { defineConfig } from "vite";
import { resolve } from "node:path";

const root = import.meta.dirname;
const pages = ["index", "host", "play", "admin", "screen"];

// What /play needs besides its own entry, in one shared chunk (fewer requests on venue wifi).
// Host-, screen- and admin-only code (form, combobox, QR, podium) stays out of it.
const common = [
  "/node_modules/preact/",
  "/src/lib/socket",
  "/src/lib/outbox",
  "/src/lib/useSessionSocket",
  "/src/lib/ranks",
  "/src/lib/storage",
  "/src/lib/countdown",
  "/src/lib/api",
  "/src/lib/a11y",
  "/src/lib/labels",
  "/src/components/Brand",
  "/src/components/ConnectionBanner",
  "/src/components/Countdown",
  "/src/components/Leaderboard",
  "/src/components/WineCard",
  "/src/components/CopyButton",
  "/src/components/CodeForm",
  "/src/components/Icons",
  "/src/components/LanguagePicker",
  // The player's English is the bundled fallback; the other languages and the host-only
  // texts (i18n/staff.ts, *-staff.ts) stay separate chunks loaded on demand.
  "/src/i18n/index.tsx",
  "/src/i18n/core.ts",
  "/src/i18n/en.ts",
  "/src/i18n/wire.ts",
];

function manualChunks(id: string): string | undefined {
  if (common.some((part) => id.includes(part))) return "common";
  if (id.includes("/node_modules/qrcode-generator/")) return "qr";
  return undefined;
}

export default defineConfig({
  root,
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(pages.map((p) => [p, resolve(root, `${p}.html`)])),
      output: { manualChunks },
    },
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } },
  },
});
