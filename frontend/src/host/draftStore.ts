// The new-tasting draft kept in localStorage between visits (and filled by "Run again").
import type { Draft } from "../lib/validate";

const DRAFT_KEY = "sa:draft";

/** The stored draft, or null when there is none (or it is unreadable). */
export function storedDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (raw) {
      const d = JSON.parse(raw) as Draft;
      if (Array.isArray(d.wines) && d.wines.length) return d;
    }
  } catch {
    // ignore a corrupt draft
  }
  return null;
}

export function saveDraft(d: Draft | null): void {
  try {
    if (d) localStorage.setItem(DRAFT_KEY, JSON.stringify(d));
    else localStorage.removeItem(DRAFT_KEY);
  } catch {
    // storage unavailable
  }
}
