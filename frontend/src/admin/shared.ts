// What the admin panels share: the signed-in API client (the admin secret as bearer, a 401 logs
// out), the collection's shape, and status lines kept as functions so they are written in the
// language shown when they render (the language picker re-renders them).
import type { Category } from "../protocol.gen";
import type { ByCategory, WinesWritten } from "../answers-api.gen";
import { api, ApiFailure } from "../lib/api";
import { CATEGORIES } from "../lib/labels";
import { formatList, t } from "../i18n";
import { categoryLabel, errorText } from "../i18n/wire";

export type Collection = ByCategory<string[]>;

/** A status or error line, written when shown so it follows the language picker. */
export interface Line {
  text: () => string;
}

export const line = (text: () => string): Line => ({ text });
export const failureLine = (e: unknown): Line => ({ text: () => errorText(e) });

export function emptyCollection(): Collection {
  return { color: [], region: [], grape_variety: [], vintage_year: [], wine_name: [] };
}

/** A collection from `GET /answers` or an export, missing categories empty. */
export function toCollection(body: Partial<Collection> | null | undefined): Collection {
  const c = emptyCollection();
  for (const k of CATEGORIES) c[k] = Array.isArray(body?.[k]) ? body[k] : [];
  return c;
}

/** The admin API as the panels call it: `call(path, init)`; a 401 signs the admin out. */
export type AdminCall = <T>(path: string, init?: RequestInit & { json?: unknown }) => Promise<T>;

export function adminCall(secret: string, onUnauthorized: () => void): AdminCall {
  return async <T>(path: string, init: RequestInit & { json?: unknown } = {}) => {
    try {
      return await api<T>(path, { ...init, bearer: secret });
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) onUnauthorized();
      throw e;
    }
  };
}

/** "Region “Foo, Bar” and Grape variety “Baz”": the values a wine write added, or "" if none. */
export function valuesAddedText(w: Pick<WinesWritten, "valuesAdded">): string {
  const parts: string[] = [];
  for (const c of CATEGORIES as Category[]) {
    for (const v of w.valuesAdded[c] ?? []) parts.push(t("catalog.valueNamed", { category: categoryLabel(c), value: v }));
  }
  return parts.length ? t("catalog.valuesAdded", { values: formatList(parts), count: parts.length }) : "";
}
