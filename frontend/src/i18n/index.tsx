// The language in the UI: pages mount through `renderPage`, which loads the reader's language
// (remembered choice, else `navigator.languages`) before the first render and re-renders the
// whole tree, state kept, when the picker changes it. `<html lang>` follows (core.ts).
import { render, type ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";
import { detectLanguage, formatNumber, lang, onLanguageChange, setLanguage, template, type Lang, type MessageKey } from "./core";

export * from "./core";

/**
 * Like `t`, for texts with markup inside: placeholders may be elements ("The answer was
 * {answer}." with a <strong>), so each language keeps its own word order around them. The
 * plural form follows `count` (or a numeric `vars.count`).
 */
export function tx(key: MessageKey, vars: Record<string, ComponentChild>, count?: number): ComponentChild {
  const parts = template(key, count ?? (typeof vars.count === "number" ? vars.count : undefined)).split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const v = vars[part];
        return typeof v === "number" ? formatNumber(v) : v === undefined ? `{${part}}` : v;
      })}
    </>
  );
}

/** Subscribes a component to language changes; returns the language shown. */
export function useLanguage(): Lang {
  const [l, setL] = useState(lang());
  useEffect(() => {
    const off = onLanguageChange(setL);
    setL(lang()); // a change between the render and this effect
    return off;
  }, []);
  return l;
}

/**
 * Loads the reader's language, then renders the page. `view` is called on every language
 * change, so the whole tree re-renders with the new texts while keeping its state.
 */
export function renderPage(view: () => ComponentChild, root: HTMLElement = document.getElementById("app")!): void {
  function Page() {
    useLanguage();
    return view();
  }
  void setLanguage(detectLanguage(), false).finally(() => render(<Page />, root));
}

