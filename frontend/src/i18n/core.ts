// The interface language and its texts, without any UI: which language is shown, loading its
// catalog, `t` (placeholders and plurals) and the `Intl` formatting of numbers, dates, lists
// and ordinals. English is bundled (the fallback, and what `t` answers before anything else is
// loaded); the other catalogs are separate chunks imported on demand, so a page downloads only
// the language it shows.
import en, { type Message, type PlayerKey } from "./en";
import type { StaffKey } from "./en-staff";

/** Every text's key: the player's part (en.ts) and the host, projector and admin part (en-staff.ts). */
export type MessageKey = PlayerKey | StaffKey;
type Catalog = Partial<Record<MessageKey, Message>>;
type OtherLang = "fr" | "es" | "it" | "de";

/**
 * A set of texts: its English, bundled, and a loader per other language (a separate chunk).
 * The player's part is built in; staff pages add theirs with `addTexts` (./staff.ts).
 */
export interface TextPart {
  en: Catalog;
  load: Record<OtherLang, () => Promise<{ default: Catalog }>>;
}

export const LANGS = ["en", "fr", "es", "it", "de"] as const;
export type Lang = (typeof LANGS)[number];

/** Each language's name in itself: what a reader of that language looks for in the picker. */
export const LANG_NAMES: Record<Lang, string> = {
  en: "English",
  fr: "Français",
  es: "Español",
  it: "Italiano",
  de: "Deutsch",
};

const playerPart: TextPart = {
  en,
  load: {
    fr: () => import("./fr"),
    es: () => import("./es"),
    it: () => import("./it"),
    de: () => import("./de"),
  },
};
const parts: TextPart[] = [playerPart];

const STORAGE_KEY = "sa:lang";

let current: Lang = "en";
/** English of every registered part: what `t` shows for English and for any gap. */
let fallback: Catalog = { ...en };
let catalog: Catalog = fallback;
const listeners = new Set<(lang: Lang) => void>();

export function isLang(v: unknown): v is Lang {
  return typeof v === "string" && (LANGS as readonly string[]).includes(v);
}

/** The language being shown. */
export function lang(): Lang {
  return current;
}

/** The first supported language among the reader's preferences (`fr-CH` → `fr`), else English. */
export function pickLanguage(preferences: readonly string[]): Lang {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

function storedLanguage(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage blocked (private mode, sandbox): fall back to the browser's languages
  }
}

/** The remembered choice, else the browser's preferred languages. */
export function detectLanguage(): Lang {
  const stored = storedLanguage();
  if (stored) return stored;
  const prefs = typeof navigator !== "undefined" ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  return pickLanguage(prefs.filter((p): p is string => typeof p === "string"));
}

/**
 * Registers a part of the texts. Call it at module load, before the page renders (an import
 * in the page's entry), so the first language load fetches this part too.
 */
export function addTexts(part: TextPart): void {
  parts.push(part);
  fallback = { ...fallback, ...part.en };
  if (current === "en") catalog = fallback;
}

async function loadCatalog(l: Lang): Promise<Catalog> {
  if (l === "en") return fallback;
  const loaded = await Promise.all(parts.map((p) => p.load[l]()));
  return Object.assign({}, ...loaded.map((m) => m.default)) as Catalog;
}

/**
 * Shows `l` (loading its catalog first) and, when `remember`, keeps it for the next visits.
 * A catalog that cannot be loaded (offline) leaves the current language in place.
 */
export async function setLanguage(l: Lang, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // storage blocked: the choice lasts for this page only
    }
  }
  let next: Catalog;
  try {
    next = await loadCatalog(l);
  } catch {
    return;
  }
  current = l;
  catalog = next;
  if (typeof document !== "undefined") document.documentElement.lang = l;
  for (const fn of listeners) fn(l);
}

/** Calls `fn` after every language change; returns the unsubscribe function. */
export function onLanguageChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export type Vars = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralForm(l: Lang, n: number, type: Intl.PluralRuleType): Intl.LDMLPluralRule {
  const id = `${l}:${type}`;
  let rules = pluralRules.get(id);
  if (!rules) pluralRules.set(id, (rules = new Intl.PluralRules(l, { type })));
  return rules.select(n);
}

/** Picks the plural form of `message` for `count` (cardinal, or ordinal for ordinal keys). */
function choose(message: Message | undefined, count: number | undefined, type: Intl.PluralRuleType): string {
  if (message === undefined) return "";
  if (typeof message === "string") return message;
  const form = count === undefined ? "other" : pluralForm(current, count, type);
  return message[form] ?? message.other;
}

/** Fills `{name}` placeholders; numbers are written the language's way (1 000, 1.000, 1,000). */
function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v) : v;
  });
}

/**
 * The text of `key` in the language shown, with `vars` filled in. Plural messages pick their
 * form from `vars.count`. A key missing from a catalog (never: a test checks) falls back to
 * English.
 */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(template(key, typeof vars?.count === "number" ? vars.count : undefined), vars);
}

/** The raw text of `key` (the plural form for `count`), placeholders unfilled. */
export function template(key: MessageKey, count?: number): string {
  return choose(catalog[key] ?? fallback[key], count, "cardinal");
}

/**
 * A text to write later, in whatever language is shown then: kept in state instead of a
 * string, so a language change re-renders it too.
 */
export interface Text {
  key: MessageKey;
  vars?: Vars;
}

export function textOf(text: Text): string {
  return t(text.key, text.vars);
}

/** "1st", "1er", "1º", "1." — a rank written as readers of the language write it. */
export function ordinal(n: number): string {
  const message = catalog["format.ordinal"] ?? en["format.ordinal"];
  return choose(message, n, "ordinal").replace("{n}", String(n));
}

/** A number with the language's grouping and decimal separators. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, options).format(n);
}

/** A date and time (milliseconds since the epoch) the language's way, in the reader's time zone. */
export function formatDateTime(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(current, options).format(new Date(ms));
}

/** "A, B and C" / "A, B et C" / "A, B und C". */
export function formatList(items: string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(current, { style: "long", type }).format(items);
}
