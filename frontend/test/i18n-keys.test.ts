// The five catalogs: the same keys and placeholders in every language, every key used by the
// code, the player's page never needing a host-only text, a message for every server error
// code, French typography; and the language rules (detection, plurals, ordinals, numbers) as
// each language writes them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import enPlayer, { type Message } from "../src/i18n/en";
import frPlayer from "../src/i18n/fr";
import esPlayer from "../src/i18n/es";
import itPlayer from "../src/i18n/it";
import dePlayer from "../src/i18n/de";
import enStaff from "../src/i18n/en-staff";
import frStaff from "../src/i18n/fr-staff";
import esStaff from "../src/i18n/es-staff";
import itStaff from "../src/i18n/it-staff";
import deStaff from "../src/i18n/de-staff";
import "../src/i18n/staff";
import { formatNumber, ordinal, pickLanguage, setLanguage, t } from "../src/i18n/core";
import { errorText } from "../src/i18n/wire";

type Catalog = Record<string, Message>;

// frontend-unit.mjs runs the bundled tests from the repository root.
const ROOT = process.cwd();
const SRC = join(ROOT, "frontend/src");
const PARTS: Record<string, [Catalog, Catalog]> = {
  en: [enPlayer, enStaff],
  fr: [frPlayer, frStaff],
  es: [esPlayer, esStaff],
  it: [itPlayer, itStaff],
  de: [dePlayer, deStaff],
};
const CATALOGS: Record<string, Catalog> = Object.fromEntries(Object.entries(PARTS).map(([l, [p, s]]) => [l, { ...p, ...s }]));
const en = CATALOGS.en!;
const fr = CATALOGS.fr!;
const CATALOG_FILES = new Set(Object.keys(PARTS).flatMap((l) => [join(SRC, "i18n", `${l}.ts`), join(SRC, "i18n", `${l}-staff.ts`)]));
/** What /play loads: its entry, the player screens and the shared components and libraries. */
const PLAYER_SIDE = ["pages/play.tsx", "pages/index.tsx", "play", "components", "lib"].map((p) => join(SRC, p));
/** Shared files only staff pages load (the host form's combobox and rules). */
const STAFF_ONLY = ["components/Combobox.tsx", "lib/validate.ts", "lib/hostState.ts"].map((p) => join(SRC, p));

const forms = (m: Message): string[] => (typeof m === "string" ? [m] : Object.values(m).filter((v): v is string => typeof v === "string"));
const placeholders = (m: Message): string[] => [...new Set(forms(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !CATALOG_FILES.has(path) ? [path] : [];
  });
}

test("every language has exactly the English keys, with the same placeholders", () => {
  const keys = Object.keys(en).sort();
  for (const [lang, catalog] of Object.entries(CATALOGS)) {
    const have = Object.keys(catalog).sort();
    assert.deepEqual(
      keys.filter((k) => !have.includes(k)),
      [],
      `${lang}: missing keys`,
    );
    assert.deepEqual(
      have.filter((k) => !keys.includes(k)),
      [],
      `${lang}: keys unknown to en.ts`,
    );
    for (const key of keys) {
      const m = (catalog as Record<string, Message>)[key]!;
      assert.deepEqual(placeholders(m), placeholders((en as Record<string, Message>)[key]!), `${lang} ${key}: placeholders`);
      for (const s of forms(m)) assert.ok(s.trim().length > 0, `${lang} ${key}: empty text`);
      if (typeof m !== "string") {
        assert.ok(typeof m.other === "string", `${lang} ${key}: a plural message needs "other"`);
        const type = key === "format.ordinal" ? "ordinal" : "cardinal";
        const known = new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories as string[];
        for (const form of Object.keys(m)) assert.ok(known.includes(form), `${lang} ${key}: "${form}" is not a ${type} plural form of ${lang}`);
      }
    }
  }
});

test("the player's part and the staff part split the keys, the same way in every language", () => {
  const player = Object.keys(enPlayer);
  for (const k of Object.keys(enStaff)) assert.ok(!player.includes(k), `${k} is in both parts`);
  for (const [lang, [p, s]] of Object.entries(PARTS)) {
    assert.deepEqual(Object.keys(p).sort(), player.slice().sort(), `${lang}.ts has the keys of en.ts`);
    assert.deepEqual(Object.keys(s).sort(), Object.keys(enStaff).sort(), `${lang}-staff.ts has the keys of en-staff.ts`);
  }
});

test("the player's page never names a host-only text (it does not load them)", () => {
  const files = sources(SRC).filter((f) => PLAYER_SIDE.some((p) => f === p || f.startsWith(p + "/")) && !STAFF_ONLY.includes(f));
  assert.ok(files.some((f) => f.endsWith("play/Question.tsx")));
  for (const f of files) {
    const code = readFileSync(f, "utf8");
    for (const k of Object.keys(enStaff)) assert.ok(!code.includes(`"${k}"`), `${f.slice(SRC.length + 1)} uses the staff text ${k}`);
  }
});

test("every key is used by the code, and every key the code names exists", () => {
  const code = sources(SRC).map((f) => readFileSync(f, "utf8")).join("\n");
  const literals = new Set([...code.matchAll(/["'`]([a-z][A-Za-z]*\.[A-Za-z0-9_]+)["'`]/g)].map((m) => m[1]!));
  const unused = Object.keys(en).filter((k) => !literals.has(k));
  assert.deepEqual(unused, [], "keys no code refers to (remove them, or name them literally where used)");
  const called = [...code.matchAll(/\btx?\(\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  assert.ok(called.length > 50, "the scan finds the t(\"…\") calls");
  assert.deepEqual(
    called.filter((k) => !(k in en)),
    [],
    "t() calls with keys missing from en.ts",
  );
});

test("every server error code has a message in every language", () => {
  const rust = readFileSync(join(ROOT, "crates/core/src/protocol/error_code.rs"), "utf8");
  const body = rust.slice(rust.indexOf("pub enum ErrorCode {"), rust.indexOf("}", rust.indexOf("pub enum ErrorCode {")));
  const codes = [...body.matchAll(/^\s+([A-Z][A-Za-z]+),/gm)].map((m) => m[1]!.replace(/(?<!^)([A-Z])/g, "_$1").toUpperCase());
  assert.ok(codes.length >= 28 && codes.includes("SESSION_NOT_FOUND") && codes.includes("TOO_MANY_CONNECTIONS"));
  for (const code of codes) assert.ok(`error.${code}` in en, `no message for ${code}`);
  assert.equal(errorText({ code: "SESSION_FULL" }), en["error.SESSION_FULL"]);
  assert.equal(errorText({ code: "NOT_A_CODE", status: 502 }), "Something went wrong (error 502). Try again.");
  assert.equal(errorText({ code: "toString" }), en["error.unknown"], "no prototype lookups");
});

test("French typography: no-break spaces before ? ! : ; and inside « »", () => {
  for (const [key, m] of Object.entries(fr)) {
    for (const s of forms(m)) {
      assert.doesNotMatch(s, / [?!:;»]|« |[^\s\u00a0\u202f«(][?!;:](?=\s|$)/u, `fr ${key}: ${JSON.stringify(s)}`);
    }
  }
});

test("the language comes from the reader's preferences, primary subtag first, else English", () => {
  assert.equal(pickLanguage(["fr-CH", "en"]), "fr");
  assert.equal(pickLanguage(["pt-BR", "de-AT", "fr"]), "de");
  assert.equal(pickLanguage(["es_419"]), "es");
  assert.equal(pickLanguage(["IT"]), "it");
  assert.equal(pickLanguage(["pt", "ja"]), "en");
  assert.equal(pickLanguage([]), "en");
});

test("ordinals, plurals and numbers as each language writes them", async () => {
  const expect: Record<string, { ord: string[]; pts: [string, string, string]; thousand: string }> = {
    en: { ord: ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"], pts: ["0 points", "1 point", "2 points"], thousand: "1,000" },
    fr: { ord: ["1er", "2e", "3e", "4e", "11e", "12e", "13e", "21e", "22e", "101e", "111e"], pts: ["0 point", "1 point", "2 points"], thousand: "1\u202f000" },
    es: { ord: ["1º", "2º", "3º", "4º", "11º", "12º", "13º", "21º", "22º", "101º", "111º"], pts: ["0 puntos", "1 punto", "2 puntos"], thousand: "1000" },
    it: { ord: ["1º", "2º", "3º", "4º", "11º", "12º", "13º", "21º", "22º", "101º", "111º"], pts: ["0 punti", "1 punto", "2 punti"], thousand: "1000" },
    de: { ord: ["1.", "2.", "3.", "4.", "11.", "12.", "13.", "21.", "22.", "101.", "111."], pts: ["0 Punkte", "1 Punkt", "2 Punkte"], thousand: "1.000" },
  };
  for (const [lang, e] of Object.entries(expect)) {
    await setLanguage(lang as "en" | "fr" | "es" | "it" | "de", false);
    assert.deepEqual(
      [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => ordinal(n)),
      e.ord,
      `${lang} ordinals`,
    );
    assert.deepEqual(
      [0, 1, 2].map((count) => t("common.points", { count })),
      e.pts,
      `${lang} plurals`,
    );
    assert.equal(formatNumber(1000), e.thousand, `${lang}: 1000`);
    assert.equal(t("common.points", { count: 12345 }).replace(/\D/g, ""), "12345", `${lang}: big numbers keep their digits`);
  }
  await setLanguage("de", false);
  assert.equal(t("common.points", { count: 12345 }), "12.345 Punkte", "numbers in messages are grouped the language's way");
  assert.equal(t("category.grape_variety"), "Rebsorte");
  assert.equal(t("form.slotCorrect"), "Richtige Antwort", "a registered part loads with the language");
  await setLanguage("en", false);
  assert.equal(t("prompt.vintage_year"), "What is the vintage of this wine?");
});
