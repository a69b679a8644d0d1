// Vite build of the multi-page frontend into frontend/dist (served as the game worker's assets).
import { defineConfig } from "vite";
import { resolve } from "node:path";

const root = import.meta.dirname;
const pages = ["index", "host", "play", "admin", "screen"];

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
    },
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:8787", ws: true } },
  },
});
