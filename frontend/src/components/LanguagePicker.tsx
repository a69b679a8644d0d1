// The compact language picker on every page: a native <select> (keyboard, screen readers and
// the phone's own picker for free) drawn as a globe and the two-letter code, each language
// listed by its own name. The choice is remembered (i18n/core.ts).
import { LANG_NAMES, LANGS, isLang, setLanguage, t, useLanguage } from "../i18n";
import "../styles/lang.css";
import { GlobeIcon } from "./Icons";

export function LanguagePicker({ class: className = "" }: { class?: string }) {
  const current = useLanguage();
  return (
    <label class={`lang-picker ${className}`} data-testid="language-picker">
      <GlobeIcon class="icon lang-globe" />
      <span class="lang-code" aria-hidden="true">
        {current.toUpperCase()}
      </span>
      <span class="sr-only">{t("lang.label")}</span>
      <select
        value={current}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          if (isLang(v)) void setLanguage(v);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
