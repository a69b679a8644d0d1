// The top bar shared by every page: the brand link, an optional right-hand slot and the
// language picker.
import "../styles/base.css";
import type { ComponentChildren } from "preact";
import { GlassIcon } from "./Icons";
import { LanguagePicker } from "./LanguagePicker";

export function TopBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      <a class="brand" href="/">
        <GlassIcon class="brand-glass" />
        Sommelier Arena
      </a>
      <div class="topbar-end">
        {children ? <div class="meta">{children}</div> : null}
        <LanguagePicker />
      </div>
    </header>
  );
}
