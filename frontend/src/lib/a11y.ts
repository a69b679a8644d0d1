// Accessibility helpers: focus follows screen changes (to the new screen's heading), and a
// polite live region announces short status lines.
import { useEffect, useRef } from "preact/hooks";

/**
 * Returns a ref for a screen's heading; when `screenKey` changes (a new screen), focus moves
 * to it so screen readers and keyboards start at the top of the new content, and the
 * document title follows.
 */
export function useScreenHeading<T extends HTMLElement>(screenKey: string) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    // The tab title follows the screen, and its language (what screen readers announce on
    // tab switches): refreshed on every render, not only on screen changes.
    const text = ref.current?.textContent?.trim();
    if (text) document.title = `${text} · Sommelier Arena`;
  });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      // On first load, leave focus where the browser put it unless nothing has it.
      if (document.activeElement && document.activeElement !== document.body) return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [screenKey]);
  return ref;
}

let liveRegion: HTMLElement | null = null;

/** Announces a message through a visually hidden polite live region. */
export function announce(message: string): void {
  if (!liveRegion) {
    liveRegion = document.createElement("div");
    liveRegion.setAttribute("aria-live", "polite");
    liveRegion.setAttribute("role", "status");
    liveRegion.className = "sr-only";
    document.body.appendChild(liveRegion);
  }
  liveRegion.textContent = "";
  const region = liveRegion;
  setTimeout(() => (region.textContent = message), 50);
}
