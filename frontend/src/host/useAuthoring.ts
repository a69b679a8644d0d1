// The form's fast-authoring actions: picking a catalog wine (fills colour, region, grape and
// name, then every question's distractors with their points from /plausible), the vintage's
// distractors following the typed year, and "Shuffle distractors" per question or per wine
// (a new seed; the category draw fills what the rules have nothing for). Replies land on the
// latest draft, and only on the wine they were asked for (a wine renamed or removed meanwhile
// is left alone). Distractors the host typed are never replaced by the vintage follow-up.
import { useRef, useState } from "preact/hooks";
import type { Category } from "../protocol.gen";
import type { CatalogWine, PlausibleOptions } from "../answers-api.gen";
import { CATEGORIES } from "../lib/labels";
import { MAX_WINES, fieldPath, type Draft, type DraftQuestion } from "../lib/validate";
import type { Text } from "../i18n/core";
import { loadCatalog, plausible, plausibleInput } from "./catalog";
import { findWine, isBlankWine, isYear, newSeed, topUpFromPool, withDistractors } from "./fill";
import type { Suggestions } from "./TastingForm";

const VINTAGE = CATEGORIES.indexOf("vintage_year");
const NAME = CATEGORIES.indexOf("wine_name");

/** A status line for the form: a message key and its values, written when shown. */
export type AuthoringStatus = { text: Text; alert: boolean } | null;

interface Deps {
  draftRef: { current: Draft };
  setDraft: (next: Draft) => void;
  suggestions: Suggestions;
  newWine: () => DraftQuestion[];
  focus: (path: string) => void;
}

export function useAuthoring({ draftRef, setDraft, suggestions, newWine, focus }: Deps) {
  const [catalog, setCatalog] = useState<CatalogWine[] | null>(null);
  const [status, setStatus] = useState<AuthoringStatus>(null);
  // Distractors the machine wrote (text and suggested points), by field path: the vintage
  // follow-up may replace only these, and a host who retypes one drops its suggested points.
  const auto = useRef(new Map<string, { text: string; points: number }>());
  const vintageTimers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const ensureCatalog = () => {
    if (catalog) return;
    loadCatalog().then(setCatalog, (e: unknown) => {
      console.warn("the wine catalog could not be loaded", e);
      setStatus({ text: { key: "author.catalogDown" }, alert: true });
    });
  };

  const nameOf = (w: number) => draftRef.current.wines[w]?.[NAME]?.correct.trim() ?? "";

  /** Replaces wine `w` through `change` on the latest draft. */
  const patchWine = (w: number, change: (wine: DraftQuestion[]) => DraftQuestion[]) => {
    const d = draftRef.current;
    if (!d.wines[w]) return;
    setDraft({ ...d, wines: d.wines.map((wine, i) => (i === w ? change(wine) : wine)) });
  };

  const remember = (w: number, qi: number, q: DraftQuestion, replaced: (k: number) => boolean = () => true) =>
    q.distractors.forEach((text, k) => replaced(k) && auto.current.set(fieldPath(w, qi, k + 1), { text, points: q.partialPoints?.[k] ?? 0 }));
  /** A vintage distractor slot the follow-up may fill: empty, or still what the machine wrote. */
  const free = (w: number, q: DraftQuestion) => (k: number) => !q.distractors[k]!.trim() || auto.current.get(fieldPath(w, VINTAGE, k + 1))?.text === q.distractors[k];

  /**
   * The host types over distractor `path`: whether its points are still the ones suggested for
   * the machine's text (then they go back to 0: they belonged to that answer). Forgets the slot.
   */
  const typedOver = (path: string, text: string, points: number): boolean => {
    const was = auto.current.get(path);
    auto.current.delete(path);
    return !!was && was.text === text && was.points === points;
  };

  /** Every question of `cats` with fresh distractors from `reply` (or the category draw). */
  const applyReply = (w: number, cats: readonly Category[], reply: PlausibleOptions | null, keepEmptyVintage: boolean) =>
    patchWine(w, (wine) =>
      wine.map((q, qi) => {
        if (!cats.includes(q.category)) return q;
        const options = reply?.options[q.category] ?? [];
        if (q.category === "vintage_year" && keepEmptyVintage && !options.length) return q;
        const next = topUpFromPool(withDistractors(q, options), suggestions[q.category] ?? []);
        remember(w, qi, next);
        return next;
      }),
    );

  /** Asks /plausible for wine `w` as it is now; null when the service cannot be reached. */
  const ask = async (w: number): Promise<PlausibleOptions | null> => {
    const wine = draftRef.current.wines[w];
    if (!wine) return null;
    try {
      return await plausible(plausibleInput(wine, newSeed()));
    } catch (e) {
      console.warn("plausible distractors unavailable", e);
      setStatus({ text: { key: "author.plausibleDown" }, alert: true });
      return null;
    }
  };

  /** Fills wine `w` from a catalog wine: answers at once, then the distractors of all five questions. */
  const pick = async (w: number, wine: CatalogWine, focusVintage: boolean) => {
    patchWine(w, (qs) =>
      qs.map((q) => (q.category === "vintage_year" ? q : { ...q, correct: q.category === "color" ? wine.color : q.category === "region" ? wine.region : q.category === "grape_variety" ? wine.grape_variety : wine.name })),
    );
    if (focusVintage) focus(fieldPath(w, VINTAGE, 0));
    const reply = await ask(w);
    if (nameOf(w) !== wine.name) return; // renamed or removed meanwhile
    applyReply(w, CATEGORIES, reply, true);
    setStatus({ text: { key: "author.filled", vars: { name: wine.name, n: w + 1 } }, alert: false });
  };

  /** The catalog wine picked in the "add a wine" field: fills the last wine if blank, else a new one. */
  const addFromCatalog = (name: string) => {
    const wine = catalog && findWine(catalog, name);
    if (!wine) return;
    const d = draftRef.current;
    const last = d.wines.length - 1;
    if (last >= 0 && isBlankWine(d.wines[last]!)) return void pick(last, wine, true);
    if (d.wines.length >= MAX_WINES) return setStatus({ text: { key: "field.tooManyWines", vars: { max: MAX_WINES } }, alert: true });
    setDraft({ ...d, wines: [...d.wines, newWine()] });
    void pick(last + 1, wine, true);
  };

  /** The name field of wine `w` chose a value: a catalog wine fills the rest. */
  const pickName = (w: number, name: string) => {
    const wine = catalog && findWine(catalog, name);
    if (wine) void pick(w, wine, false);
  };

  /** New distractors for one question (`qi`) or the whole wine (`null`), with a new seed. */
  const shuffle = async (w: number, qi: number | null) => {
    const name = nameOf(w);
    const reply = await ask(w);
    if (nameOf(w) !== name) return;
    applyReply(w, qi === null ? CATEGORIES : [CATEGORIES[qi]!], reply, false);
  };

  /** The vintage of wine `w` was typed: once it is a year, its distractors follow (machine-filled or empty slots only). */
  const vintageTyped = (w: number) => {
    clearTimeout(vintageTimers.current.get(w));
    vintageTimers.current.set(
      w,
      setTimeout(() => {
        const q = draftRef.current.wines[w]?.[VINTAGE];
        if (!q || !isYear(q.correct)) return;
        if (![0, 1, 2].some(free(w, q))) return;
        const year = q.correct;
        void ask(w).then((reply) => {
          const now = draftRef.current.wines[w]?.[VINTAGE];
          if (!reply || !now || now.correct !== year) return;
          patchWine(w, (wine) =>
            wine.map((qq, qi) => {
              if (qi !== VINTAGE) return qq;
              const replace = free(w, qq);
              const next = withDistractors(qq, reply.options.vintage_year, replace);
              remember(w, qi, next, replace);
              return next;
            }),
          );
        });
      }, 250),
    );
  };

  return { catalog, ensureCatalog, status, addFromCatalog, pickName, shuffle, vintageTyped, typedOver };
}
